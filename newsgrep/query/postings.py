"""Decoded postings: a term's documents and BM25F scores as flat arrays, position masks, date keys.

What the engine (engine.py) reads from one Whoosh searcher, decoded a block
of postings at a time instead of one matcher call per document, with the
same numbers and the same formula as Whoosh's ``scoring.bm25`` (so the same
bits; every decoded term's first score is checked against Whoosh's scorer,
and a drift raises Unsupported). A one-shot search decodes just the terms and
documents it needs; `newsgrep serve` keeps them, least recently used first
out, within the budgets below (about 300 MB in all).

The block readers lean on the whoosh3 codec's matcher internals (``_ids``,
``_weights``, ``_goto``...); where a codec lacks them, each falls back to the
public one-posting-at-a-time API.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections import OrderedDict

# What a server keeps, least recently used first out; about 300 MB at most in all.
MAX_POSTINGS = 8_000_000  # decoded postings, 12 bytes each: 100 MB
MAX_DICT_ENTRIES = 1_000_000  # big terms' postings kept as dicts too (~90 bytes an entry)
MAX_POSITION_ENTRIES = 500_000  # documents' position masks, for phrases (~120 bytes each)


_BM25 = None


def _bm25():
    """Whoosh's BM25 function, imported on first use (this module loads without Whoosh)."""
    global _BM25
    if _BM25 is None:
        from whoosh.scoring import bm25

        _BM25 = bm25
    return _BM25


class Unsupported(Exception):
    """A query shape this module does not evaluate; Whoosh does."""


class Postings:
    """Decoded postings of one searcher (one index generation), cached for a server, never modified."""

    def __init__(self, searcher, keep: bool = True) -> None:
        """``keep``: a server's, which serves many requests (keep what is decoded; rank every document once)."""
        self.searcher = searcher
        self.keep = keep
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.leaves = list(self.reader.leaf_readers())
        self.doc_count = self.reader.doc_count_all()
        self.deleted = frozenset(self._deleted()) if self.reader.has_deletions() else frozenset()
        self._terms: OrderedDict[tuple[str, bytes], tuple[array, array]] = OrderedDict()
        self._held = 0
        self._dicts = Lru(MAX_DICT_ENTRIES)
        self._positions = Lru(MAX_POSITION_ENTRIES)
        self._lengths: dict[tuple[int, str], object] = {}
        self._date_rank: list[int] | None = None
        # (field, term, leaf offset) -> (last docnum of each postings block, its file position)
        self._blocks: dict[tuple[str, bytes, int], tuple[list[int], list[int]]] = {}
        self._offsets = [offset for _leaf, offset in self.leaves]

    def _deleted(self):
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                found = getattr(leaf, "deleted_docs_set", None)
                if found is None:
                    found = (d for d in range(leaf.doc_count_all()) if leaf.is_deleted(d))
                yield from (offset + d for d in found)

    def term(self, fieldname: str, text: bytes) -> dict[int, float]:
        """Live documents containing the term -> this term's score in each: shared, never to be modified."""
        key = (fieldname, text)
        hit = self._terms.get(key)
        if hit is None:
            hit = self._decode(fieldname, text)
            self._terms[key] = hit
            self._held += len(hit[0])
            while self._held > MAX_POSTINGS and len(self._terms) > 1:
                (field, text), (ids, _scores) = self._terms.popitem(last=False)
                self._held -= len(ids)
                for _leaf, offset in self.leaves:
                    self._blocks.pop((field, text, offset), None)
        else:
            self._terms.move_to_end(key)
        if not self.keep or len(hit[0]) < 1000:
            return dict(zip(*hit, strict=True))
        # A server keeps the big ones as dicts too (building one costs ~5 ms per 100k postings).
        found = self._dicts.get(key)
        if found is None:
            found = self._dicts.put(key, dict(zip(*hit, strict=True)))
        return found

    def _length_reader(self, leaf, offset: int, fieldname: str):
        key = (offset, fieldname)
        if key not in self._lengths:
            self._lengths[key] = _length_reader(leaf, fieldname)
        return self._lengths[key]

    def _decode(self, fieldname: str, text: bytes) -> tuple[array, array]:
        """The term's live documents and their scores, a block of postings at a time.

        BM25F as Whoosh's ``scoring.bm25`` computes it, the same operations in
        the same order (so the same bits), with its length term looked up per
        length byte (at most 255 values) instead of computed per posting; the
        ids and scores of a block go into the arrays by list comprehensions
        and ``extend`` rather than a Python call and two appends per posting.
        """
        from whoosh.scoring import bm25 as whooshs

        bm25 = _bm25()
        inline = bm25 is whooshs  # the block formula below is this function's, operation for operation
        ids, scores = array("i"), array("d")
        field = self.schema[fieldname]
        if (fieldname, text) not in self.reader:
            return ids, scores
        weighting = self.searcher.weighting
        if field.scorable:
            idf = self.searcher.idf(fieldname, text)  # as BM25FScorer does
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            b = weighting._field_B.get(fieldname, weighting.B)
            k1 = weighting.K1
            k1p1 = k1 + 1
        deleted = self.deleted
        for leaf, offset in self.leaves:
            if (fieldname, text) not in leaf:
                continue
            matcher = _codec_matcher(leaf, fieldname, text)
            length = self._length_reader(leaf, offset, fieldname) if field.scorable else None
            raw = getattr(length, "raw", None) if inline else None
            if raw is not None:
                norm = [None if fl is None else k1 * ((1 - b) + b * fl / avgfl) for fl in length.table]
            end = offset + leaf.doc_count_all()
            gone = {d - offset for d in deleted if offset <= d < end} if deleted else None
            blocks: tuple[list[int], list[int]] = ([], [])
            self._blocks[(fieldname, text, offset)] = blocks
            for block, weights in _posting_blocks(matcher, blocks):
                if (gone and not gone.isdisjoint(block)) or (
                    length is not None and (raw is None or block[-1] >= len(raw))
                ):
                    for local, weight in zip(block, weights, strict=True):  # one posting at a time
                        if offset + local in deleted:
                            continue
                        ids.append(offset + local)
                        scores.append(bm25(idf, weight, length(local), avgfl, b, k1) if length else weight)
                    continue
                ids.extend(map(offset.__add__, block) if offset else iter(block))  # iter: another array type
                if length is None:
                    scores.extend(iter(weights))  # array("f"): extend() wants the same kind
                else:
                    scores.extend(
                        [idf * ((tf * k1p1) / (tf + norm[raw[d]])) for d, tf in zip(block, weights, strict=True)]
                    )
        if field.scorable:
            self._check(fieldname, text, ids, scores)
        return ids, scores

    def _check(self, fieldname: str, text: bytes, ids: array, scores: array) -> None:
        """Compare the first posting's score with Whoosh's own scorer: the formulas must not drift apart."""
        matcher = self.searcher.postings(fieldname, text)
        while matcher.is_active() and matcher.id() in self.deleted:
            matcher.next()
        if not ids and not matcher.is_active():
            return
        if not ids or not matcher.is_active() or matcher.id() != ids[0] or matcher.score() != scores[0]:
            raise Unsupported(f"score drift on {fieldname}:{text!r}; Whoosh answers instead")

    def occurrences(self, fieldname: str, text: bytes, docnum: int) -> list | None:
        """The (position, start char, end char) of the term in one document, or None.

        Jumps straight to the postings block that holds the document, found in
        the block index recorded while decoding; Whoosh's own matcher could
        only walk there block by block from the start of the list.
        """
        n = bisect.bisect_right(self._offsets, docnum) - 1
        leaf, offset = self.leaves[n]
        local = docnum - offset
        if (fieldname, text) not in leaf:
            return None
        matcher = _codec_matcher(leaf, fieldname, text)
        blocks = self._blocks.get((fieldname, text, offset))
        if blocks and hasattr(matcher, "_goto"):
            maxids, places = blocks
            i = bisect.bisect_left(maxids, local)
            if i == len(maxids):
                return None
            matcher._goto(places[i])
            matcher._read_ids()
            j = bisect.bisect_left(matcher._ids, local)
            if j == len(matcher._ids) or matcher._ids[j] != local:
                return None
            matcher._i = j
            return matcher.value_as("characters")
        matcher.skip_to(local)
        if matcher.is_active() and matcher.id() == local:
            return matcher.value_as("characters")
        return None

    def positions(self, fieldname: str, text: bytes, shift: int = 0, only: list[int] | None = None) -> dict[int, int]:
        """Document -> the term's positions in it as a bit mask (bit p set: at position p), shifted left.

        Masks make a phrase check one shift and one AND of Python ints, in C.
        A server decodes every document's once and keeps them; a one-shot
        search decodes ``only`` the candidates it names.
        """
        if only is not None and not self.keep:
            return {d: mask << shift for d, mask in self._masks(fieldname, text, only)}
        key = (fieldname, text, shift)
        hit = self._positions.get(key)
        if hit is None:
            if shift:
                hit = {d: mask << shift for d, mask in self.positions(fieldname, text).items()}
            else:
                hit = dict(self._masks(fieldname, text, None))
            self._positions.put(key, hit)
        return hit

    def _masks(self, fieldname: str, text: bytes, only: list[int] | None):
        """(docnum, position mask) of the term's postings, for every document or just ``only``."""
        fmt = self.schema[fieldname].format
        if (fieldname, text) not in self.reader:
            return
        wanted = per_leaf(self._offsets, only) if only is not None else [None] * len(self.leaves)
        for (leaf, offset), mine in zip(self.leaves, wanted, strict=True):
            if (fieldname, text) not in leaf or mine == []:
                continue
            matcher = _codec_matcher(leaf, fieldname, text)
            for local, value in _values(matcher, None if mine is None else set(mine)):
                mask = 0
                for p in fmt.decode_positions(value):
                    mask |= 1 << p
                yield offset + local, mask

    def date_order(self, docnums):
        """A key function ordering documents as Whoosh's sort by date: its column key; equal dates, equal keys.

        Ties are the caller's (``ties.settle``: by article id). A server ranks
        every document once (equal dates, equal ranks); a one-shot search keys
        only its matches.
        """
        if self._date_rank is None:
            keys = self._date_keys(sorted(docnums) if not self.keep else range(self.doc_count))
            if not self.keep:
                return keys.__getitem__
            rank = [0] * self.doc_count
            place, previous = -1, object()
            for docnum in sorted(keys, key=keys.__getitem__):
                key = keys[docnum]
                if key != previous:
                    place, previous = place + 1, key
                rank[docnum] = place
            self._date_rank = rank
        return self._date_rank.__getitem__

    def _date_keys(self, docnums) -> dict[int, object]:
        from whoosh import sorting

        categorizer = sorting.FieldFacet("date").categorizer(self.searcher)
        keys: dict[int, object] = {}
        leaves = list(self.searcher.leaf_searchers())
        for (leaf, offset), mine in zip(leaves, per_leaf([o for _l, o in leaves], docnums), strict=True):
            categorizer.set_searcher(leaf, offset)
            key_for = categorizer.key_for
            for local in mine:
                keys[offset + local] = key_for(None, local)
        return keys


class Lru:
    """Values by key, least recently used dropped first, bounded by the sum of their lengths."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.items: OrderedDict = OrderedDict()
        self.held = 0

    def get(self, key):
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key, value):
        self.items[key] = value
        self.held += len(value)
        while self.held > self.budget and len(self.items) > 1:
            _key, dropped = self.items.popitem(last=False)
            self.held -= len(dropped)
        return value


def per_leaf(offsets: list[int], docnums) -> list[list[int]]:
    """Global ``docnums`` as local numbers in each leaf (segment), in the order given; ``offsets`` ascending."""
    out: list[list[int]] = [[] for _ in offsets]
    for docnum in docnums:
        n = bisect.bisect_right(offsets, docnum) - 1
        out[n].append(docnum - offsets[n])
    return out


def _posting_blocks(matcher, blocks: tuple[list[int], list[int]]):
    """(local docnums, weights) of each block of postings, where the codec allows; else one posting at a time.

    Records each block's last docnum and file position in ``blocks``.
    """
    if all(
        hasattr(matcher, a)
        for a in ("_read_data", "_data", "_byteids", "_next_block", "_baseoffset", "_nextoffset", "_maxid")
    ):
        # From the first block: the matcher Whoosh wraps to skip deleted documents has
        # already been moved past the leading ones, and the block index must start at 0.
        matcher.reset()
        place = matcher._baseoffset
        while matcher.is_active():
            if matcher._ids is None:
                _read_ids(matcher)
            if matcher._weights is None:
                matcher._read_weights()
            blocks[0].append(matcher._maxid)
            blocks[1].append(place)
            i = matcher._i
            yield (matcher._ids[i:], matcher._weights[i:]) if i else (matcher._ids, matcher._weights)
            place = matcher._nextoffset
            matcher._next_block()
        return
    while matcher.is_active():
        yield (matcher.id(),), (matcher.weight(),)
        matcher.next()


def _read_ids(matcher) -> None:
    """The codec's ``_read_ids``, its delta decoding done by ``itertools.accumulate`` in C, not a generator."""
    if matcher._data is None:
        matcher._read_data()
    ids = matcher._data[0]
    matcher._ids = ids if matcher._byteids else tuple(itertools.accumulate(ids))


def _codec_matcher(leaf, fieldname: str, text: bytes):
    """The codec's own matcher of a term, without the wrapper that skips deleted documents.

    The engine skips them itself. Asked for directly, not unwrapped from
    ``leaf.postings``: building that wrapper already walks past the deleted
    documents at the head of the list, block by block, and snippets ask once
    per hit (0.93 s for 840 hits on a segment with 300 leading deletions, 0.2 s without).
    """
    terms = getattr(leaf, "_terms", None)
    if terms is not None and hasattr(terms, "matcher"):
        return terms.matcher(fieldname, text, leaf.schema[fieldname].format)
    matcher = leaf.postings(fieldname, text)
    while not hasattr(matcher, "_goto") and hasattr(matcher, "child"):
        matcher = matcher.child
    return matcher


def _length_reader(leaf, fieldname: str):
    """docnum -> field length as BM25FScorer reads it, from the whole length column read at once.

    The codec keeps one length byte per document; reading the column's bytes
    in one call and decoding through a 256-entry table replaces a seek and a
    read per posting. Other codecs: their own accessor.
    """
    perdoc = getattr(leaf, "_perdoc", None)
    column = None
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is not None and getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_basepos"):
        from whoosh.util.numeric import byte_to_length

        raw = column._dbfile.get(column._basepos, column._count) if column._count else b""
        table = [None] + [byte_to_length(b) for b in range(1, 256)]  # 0: no length stored, as the codec says
        count = len(raw)

        def length(docnum: int):
            return table[raw[docnum]] if docnum < count else None

        length.raw, length.table = raw, table  # for _decode's lookups a block at a time
        return length
    if perdoc is not None and hasattr(perdoc, "doc_field_length_reader"):
        return perdoc.doc_field_length_reader(fieldname, 1)
    return lambda docnum: leaf.doc_field_length(docnum, fieldname, 1)


def _values(matcher, wanted: set[int] | None = None):
    """(local docnum, value) of every posting, or of the ``wanted`` documents, a block at a time.

    The caller skips deleted documents (``_raw`` matchers do not).
    """
    if all(hasattr(matcher, a) for a in ("_read_ids", "_read_values", "_next_block")):
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._values is None:
                matcher._read_values()
            pairs = zip(matcher._ids[matcher._i :], matcher._values[matcher._i :], strict=True)
            yield from (pairs if wanted is None else ((d, v) for d, v in pairs if d in wanted))
            matcher._next_block()
        return
    while matcher.is_active():
        if wanted is None or matcher.id() in wanted:
            yield matcher.id(), matcher.value()
        matcher.next()
