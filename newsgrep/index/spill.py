"""Whoosh's posting pool, spilling to disk in marshal batches instead of one pickle per posting;
and the commit reading documents' field lengths from memory instead of from the file.

A writer collects every posting as a tuple ``(field, term, docnum, weight,
value)`` and, past ``limitmb``, sorts them and writes a run to disk; at commit
it merges the runs. Whoosh writes and reads a run one ``pickle.dump`` per
posting: a 10,000-article build spills 3.8 million postings, and the pickling
alone took about a tenth of its CPU. Here a run is a series of
length-prefixed ``marshal`` batches. Same items, same order, same spill
points (the size estimate is Whoosh's), so the index written is the same:
tests/test_writerpool.py compares every posting of the two. A process reads
only the runs it wrote (each sub-writer merges its own: multisegment), and
writer.py starts sub-writers by fork, so they inherit this pool.

At commit, Whoosh writes each posting with its document's length in that
field (for the block's min and max length), read from the segment's lengths
column one posting at a time: a seek, a read and an unpack each, 350,000 of
them for 3,000 Reuters articles. ``_flush_segment`` here reads each field's
column once into a list; the values, and so the files written, are the same
(tests/index/test_spill.py compares the segment files byte for byte).

And the text fields (title, body, quotations) are indexed by
``NewsAnalyzer.positions``, which groups each term's positions in one loop,
instead of Whoosh's generators (field, format, stop filter, analyzer: four
frames and a Token per word); the postings are the same, encoded by the
field's own format.
"""

from __future__ import annotations

import datetime
import itertools
import marshal
from operator import itemgetter

from whoosh import fields, formats, writing
from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3FieldWriter
from whoosh.util.numeric import byte_to_length

from .analysis import NewsAnalyzer

_WHOOSH_INDEX = fields.FieldType.index

# Postings per marshal batch. A merge holds one batch per run in memory: at
# most 128 runs x 512 postings, some 13 MB. 2048 held some 50 MB to save
# 0.04 s per million postings (0.15 s of a 30 s 10k build).
_BATCH = 512


class MarshalPool(writing.PostingPool):
    def add(self, item) -> None:
        # Whoosh's add() less its per-posting type asserts; the same size estimate.
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or "")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def save(self) -> None:
        # SortingPool.save and PostingPool.save, sorting with sorted_postings
        if self.current:
            path, f = self._new_run()
            self._write_run(f, self._sorted(self.current))
            self._add_run(path)
            self.current = []
        self.currentsize = 0

    def items(self, maxfiles: int = 128):
        if not self.runs:  # SortingPool.items: nothing spilled, sorted in memory
            return self._sorted(self.current)
        return super().items(maxfiles)  # saves the rest (self.save) and merges the runs

    def _sorted(self, items: list) -> list:
        # Spelling words (Whoosh's "spell_" fields, none in newsgrep's schema) may repeat a
        # (field, term, docnum): only sorted() orders those as Whoosh does.
        if any(name.startswith("spell_") for name in self.fieldnames):
            return sorted(items)
        return sorted_postings(items)

    def _write_run(self, f, items) -> None:
        items = iter(items)
        while batch := list(itertools.islice(items, _BATCH)):
            data = marshal.dumps(batch)
            f.write(len(data).to_bytes(8, "little"))
            f.write(data)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while header := f.read(8):
                yield from marshal.loads(f.read(int.from_bytes(header, "little")))
        finally:
            f.close()
            self._remove_run(path)


_DOCNUM, _TERM = itemgetter(2), itemgetter(1)


def sorted_postings(items: list) -> list:
    """``sorted(items)`` for postings ``(field, term, docnum, weight, value)`` none of which share field,
    term and docnum; about three times faster.

    Sorting the tuples compares them element by element through Python's generic comparison: 0.45 s
    of a sub-writer's commit for the 180,000 postings of 1,500 Reuters articles. Here they are put in
    a list per field and each list sorted by docnum, then by term: the sorts are stable, so a term's
    postings stay in docnum order, which is the tuples' order. Postings come in docnum order (a
    document at a time, a merged segment a term at a time in docnum order), so the first sort only
    checks; the second compares bytes with bytes. 0.17 s.
    """
    fields: dict[str, list] = {}
    for item in items:
        bucket = fields.get(item[0])
        if bucket is None:
            bucket = fields[item[0]] = []
        bucket.append(item)
    out: list = []
    for name in sorted(fields):
        bucket = fields[name]
        bucket.sort(key=_DOCNUM)
        bucket.sort(key=_TERM)
        out += bucket
    return out


class _Lengths:
    """A segment's field lengths for ``FieldWriter.add_postings``, each field's column read once.

    ``doc_field_length_reader`` answers as Whoosh's does: the length for a
    stored length byte, None for a zero byte, ``default`` for a field with no
    lengths column (one that is not scorable).
    """

    def __init__(self, reader) -> None:
        self._reader = reader

    def doc_field_length_reader(self, fieldname: str, default: int = 0):
        name = f"_{fieldname}_len"  # whoosh.codec.whoosh3._lenfield
        if not self._reader.has_column(name):
            return lambda docnum: default
        column = self._reader.column_reader(name, LENGTHS_COLUMN)
        return [byte_to_length(b) if b else None for b in column].__getitem__

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0):
        return self._reader.doc_field_length(docnum, fieldname, default)


def _flush_segment(self) -> None:
    # SegmentWriter._flush_segment, with the lengths read through _Lengths.
    self.perdocwriter.close()
    pdr = self.per_document_reader() if self.codec.length_stats else None
    self.fieldwriter.add_postings(self.schema, _Lengths(pdr) if pdr else None, self.pool.iter_postings())
    self.fieldwriter.close()
    if pdr:
        pdr.close()


def _add_postings(self, schema, lengths, items) -> None:
    # FieldWriter.add_postings for W3FieldWriter: the same calls, in the same order, with the
    # per-posting work (one call to the postings writer, its type asserts) left out.
    lastfn = lasttext = None
    postings = length = None
    finish_term, start_term = self.finish_term, self.start_term
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lastfn is not None and fieldname < lastfn:
                raise OutOfOrderError(f"Field {lastfn!r} .. {fieldname!r}")
            if lasttext is not None:
                finish_term()
            if lastfn is not None:
                self.finish_field()
            self.start_field(fieldname, schema[fieldname])
            postings = self._postwriter
            lastfn, lasttext = fieldname, None
            length = _length_reader(lengths, fieldname)
        if docnum == -1:  # a spelling word, not a posting (Whoosh's hack; none here)
            continue
        if btext != lasttext:
            if lasttext is not None:
                if btext < lasttext:
                    raise OutOfOrderError(f"Term {lastfn}:{lasttext!r} .. {fieldname}:{btext!r}")
                finish_term()
            start_term(btext)
            lasttext = btext
        # W3PostingsWriter.add_posting less its asserts
        if len(postings._ids) >= postings._blocklimit:
            postings._write_block()
        postings._ids.append(docnum)
        postings._weights.append(weight)
        if weight > postings._maxweight:
            postings._maxweight = weight
        if value:
            postings._values.append(value)
        dfl = length(docnum)
        if dfl:
            if postings._minlength is None or dfl < postings._minlength:
                postings._minlength = dfl
            if dfl > postings._maxlength:
                postings._maxlength = dfl
    if lasttext is not None:
        finish_term()
    if lastfn is not None:
        self.finish_field()


def _no_length(docnum: int) -> int:
    return 0


def _length_reader(lengths, fieldname: str):
    """``docnum -> length`` of ``fieldname``, as FieldWriter.add_postings finds it for any ``lengths``."""
    if not lengths:
        return _no_length
    reader = getattr(lengths, "doc_field_length_reader", None)
    if reader is not None:
        return reader(fieldname)
    return lambda docnum: lengths.doc_field_length(docnum, fieldname)


def _index(self, value, **kwargs):
    # FieldType.index: (term bytes, frequency, weight, encoded positions) per term. Whoosh's own
    # for anything but a plain call on a NewsAnalyzer field with positions (and maybe characters).
    kind = type(self.format)
    if kwargs or not isinstance(self.analyzer, NewsAnalyzer) or not isinstance(value, str):
        return _WHOOSH_INDEX(self, value, **kwargs)
    if kind is formats.Characters:
        chars = True
    elif kind is formats.Positions:
        chars = False
    else:
        return _WHOOSH_INDEX(self, value, **kwargs)
    encode, boost = self.format.encode, self.format.field_boost
    return [
        (term.encode("utf-8"), len(at), float(len(at)) * boost, encode(at))
        for term, at in self.analyzer.positions(value, chars).items()
    ]


_WHOOSH_NUMERIC_INDEX = fields.NUMERIC.index
_DATE_TERMS: dict = {}


def _date_index(self, num, **kwargs):
    # NUMERIC.index for a DATETIME field: a date's eight terms (one per 8-bit shift, each through
    # three conversions) worked out once per date; wire stories share their dates.
    if kwargs or type(self) is not fields.DATETIME or type(num) is not datetime.datetime:
        return _WHOOSH_NUMERIC_INDEX(self, num, **kwargs)
    key = (self.bits, self.shift_step, self.signed, num)
    terms = _DATE_TERMS.get(key)
    if terms is None:
        if len(_DATE_TERMS) >= 100_000:
            _DATE_TERMS.clear()
        terms = _DATE_TERMS[key] = tuple(_WHOOSH_NUMERIC_INDEX(self, num))
    return terms


def install() -> None:
    """Make every Whoosh segment writer in this process (and its forked sub-writers) use the above."""
    writing.PostingPool = MarshalPool
    writing.SegmentWriter._flush_segment = _flush_segment
    fields.FieldType.index = _index
    fields.DATETIME.index = _date_index
    W3FieldWriter.add_postings = _add_postings
