"""MarshalPool spills postings in marshal batches: the index it writes must be Whoosh's own."""

from __future__ import annotations

import random

from conftest import FIXTURES, SEEDS
from whoosh import index as whoosh_index
from whoosh import writing

from newsgrep.attribution.quotes import attach_quotes, speaker_keys
from newsgrep.index import spill as writerpool
from newsgrep.index.schema import SCHEMA, article_document
from newsgrep.ingest.articles import parse_bytes


def _documents():
    docs = []
    for folder in (SEEDS, FIXTURES):
        for path in sorted(folder.glob("*.txt")):
            for article in parse_bytes(path.read_bytes(), str(path), ".txt").articles:
                docs.append(article_document(attach_quotes(article), speaker_keys))
    return docs


def _postings(ix) -> list:
    with ix.searcher() as s:
        r = s.reader()
        out = []
        for field, term in r.all_terms():
            m = r.postings(field, term)
            out.append((field, term, list(m.all_items())))
        return out


def _build(path, pool, limitmb):
    saved = writing.PostingPool
    writing.PostingPool = pool
    try:
        path.mkdir()
        ix = whoosh_index.create_in(str(path), SCHEMA)
        w = ix.writer(limitmb=limitmb)
        for doc in _documents():
            w.add_document(**doc)
        spilled = len(w.pool.runs)
        w.commit()
    finally:
        writing.PostingPool = saved
    return ix, spilled


def test_marshal_pool_spilling_writes_whooshs_index(tmp_path):
    whooshs = writerpool.MarshalPool.__mro__[1]
    assert whooshs.__module__ == "whoosh.writing"
    reference, spilled_ref = _build(tmp_path / "whoosh", whooshs, 4096)
    ours, spilled = _build(tmp_path / "ours", writerpool.MarshalPool, 0.0005)  # a run every few postings
    assert spilled_ref == 0
    assert spilled > 128  # enough runs that the pool also merges runs into runs (reduce_to)
    assert _postings(ours) == _postings(reference)
    assert len(_postings(ours)) > 500  # terms, each with its postings


def test_marshal_pool_returns_items_sorted(tmp_path):
    from whoosh.filedb.filestore import FileStorage

    rng = random.Random(5)
    keys = {(rng.choice(["body", "title"]), rng.randbytes(rng.randint(1, 9)), rng.randint(0, 99)) for _ in range(20000)}
    items = [(*key, rng.random(), rng.choice([None, b"x"])) for key in keys]
    rng.shuffle(items)
    storage = FileStorage(str(tmp_path)).create()
    pool = writerpool.MarshalPool(storage, None, limitmb=0.1)
    for item in items:
        pool.add(item)
    assert pool.runs
    assert list(pool.items()) == sorted(items)


def test_sorted_postings_is_sorted_for_postings_in_any_order():
    """spill.sorted_postings (a list per field, stable sorts by docnum then term) orders as sorted()."""
    rng = random.Random(7)
    keys = {
        (rng.choice(["body", "title", "qtext"]), rng.randbytes(rng.randint(1, 4)), rng.randint(0, 50))
        for _ in range(5000)
    }
    items = [(*key, rng.random(), rng.choice([None, b"x", b"y"])) for key in keys]
    in_order = sorted(items, key=lambda item: item[2])  # docnum order, as a writer adds them
    rng.shuffle(items)
    assert writerpool.sorted_postings(items) == sorted(items)
    assert writerpool.sorted_postings(in_order) == sorted(items)
    assert writerpool.sorted_postings([]) == []


def test_marshal_pool_sorts_repeated_spelling_postings_as_whoosh(tmp_path):
    """Whoosh's spelling words repeat (field, term, docnum 0): then the pool sorts the whole tuples."""
    from whoosh.filedb.filestore import FileStorage

    items = [("spell_body", b"word", 0, 1, v) for v in (b"c", b"a", b"b")] + [("body", b"word", 0, 1.0, b"z")]
    pool = writerpool.MarshalPool(FileStorage(str(tmp_path)).create(), None, limitmb=64)
    for item in items:
        pool.add(item)
    assert list(pool.items()) == sorted(items)


def _terms_by_article(index_dir) -> dict:
    from newsgrep.index.store import open_index

    ix = open_index(index_dir)
    with ix.searcher() as s:
        r = s.reader()
        ids = {docnum: fields["id"] for docnum, fields in r.iter_docs()}
        return {
            (field, term): sorted(ids[d] for d in r.postings(field, term).all_ids())
            for field, term in r.all_terms()
            if field != "id"
        }


def test_parallel_build_with_forked_subwriters_equals_a_serial_one(tmp_path, monkeypatch):
    """Two forked sub-writers, each spilling marshal runs and merging its own, index what one process does."""
    import subprocess
    import sys

    from conftest import ROOT

    from newsgrep.index import writer as index

    seeds = tmp_path / "seeds"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), str(seeds), "--articles", "60", "--per-file", "2"],
        check=True,
        capture_output=True,
    )
    import os

    index.update_index(str(tmp_path / "serial"), [str(seeds)], jobs=1)
    monkeypatch.setattr(index, "PARALLEL_FILES", 0)
    monkeypatch.setattr(index, "BATCH", 10)  # 30 files: enough batches for two sub-writers
    monkeypatch.setattr(index, "WRITER_MB", 0.025)  # each sub-writer spills several runs
    writers = tmp_path / "writers"
    write_run = writerpool.MarshalPool._write_run

    def noted(pool, f, items):  # which processes wrote marshal runs (the sub-writers inherit this)
        with open(writers, "a") as log:
            log.write(f"{os.getpid()}\n")
        return write_run(pool, f, items)

    monkeypatch.setattr(writerpool.MarshalPool, "_write_run", noted)
    summary = index.update_index(str(tmp_path / "parallel"), [str(seeds)], jobs=2)
    assert (summary.files, summary.articles, summary.added) == (30, 60, 30)
    serial, parallel = _terms_by_article(str(tmp_path / "serial")), _terms_by_article(str(tmp_path / "parallel"))
    assert len(serial) > 1000
    assert parallel == serial
    children = set(writers.read_text().split()) - {str(os.getpid())}
    assert len(children) == 2  # both sub-writers spilled marshal runs: they were forked with MarshalPool


_THREADS_AT_FORK: list[int] | None = None


def _note_threads() -> None:
    if _THREADS_AT_FORK is not None:
        import threading

        _THREADS_AT_FORK.append(threading.active_count())


def test_a_parallel_build_never_forks_while_threads_run(tmp_path, monkeypatch):
    """Regression: Whoosh forked its sub-writers at the first batch, with the parse pool's threads
    alive, and on a terminal the progress bar's refresh thread ran from the start (a possible
    deadlock in the child; a DeprecationWarning from Python 3.12)."""
    import os

    from corpus_util import write_corpus

    from newsgrep.index import writer as index

    global _THREADS_AT_FORK
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 120, per_file=4)
    monkeypatch.setattr(index, "PARALLEL_FILES", 0)
    monkeypatch.setattr(index, "BATCH", 10)
    os.register_at_fork(before=_note_threads)
    import io

    from rich.console import Console

    from newsgrep.output.terminal import ProgressBar

    bar = ProgressBar()
    bar._con = Console(file=io.StringIO(), force_terminal=True)  # as on a terminal: Rich's refresh thread
    import threading

    alone = threading.active_count()  # the test process's own threads, if any
    _THREADS_AT_FORK = []
    try:
        with bar:
            summary = index.update_index(str(tmp_path / "index"), [str(seeds)], jobs=2, progress=bar)
        forks = list(_THREADS_AT_FORK)
    finally:
        _THREADS_AT_FORK = None
    assert summary.articles == 120
    size = sum(p.stat().st_size for p in seeds.iterdir()) / 1000
    assert f"{size:.1f}/{size:.1f} kB" in bar._con.file.getvalue()  # the bar was drawn, in bytes of articles
    assert len(forks) == 4  # two sub-writers, then two parse workers
    assert forks == [alone] * 4


def _segment_files(path) -> dict[str, bytes]:
    """The one segment's files, by their ending (segment names are random)."""
    return {
        p.name.split(".", 1)[1]: p.read_bytes() for p in path.iterdir() if p.name.startswith("MAIN_") and "." in p.name
    }


def test_the_writers_shortcuts_write_whooshs_segment_byte_for_byte(tmp_path):
    """spill._flush_segment hands add_postings each field's lengths column as a list, spill._index
    indexes the text fields by NewsAnalyzer.positions, spill._add_postings feeds the postings writer
    directly: the same files as Whoosh's own code writes."""
    from whoosh import fields

    docs = _documents()
    built = {}
    from whoosh.codec import base, whoosh3

    patches = (
        ("whoosh", writing.SegmentWriter._flush_segment, writerpool._WHOOSH_INDEX, base.FieldWriter.add_postings),
        ("ours", writerpool._flush_segment, writerpool._index, writerpool._add_postings),
    )
    for name, flush, index, postings in patches:
        saved = writing.SegmentWriter._flush_segment, fields.FieldType.index, whoosh3.W3FieldWriter.add_postings
        writing.SegmentWriter._flush_segment, fields.FieldType.index = flush, index
        whoosh3.W3FieldWriter.add_postings = postings
        try:
            (tmp_path / name).mkdir()
            ix = whoosh_index.create_in(str(tmp_path / name), SCHEMA)
            w = ix.writer(compound=False)
            for doc in docs:
                w.add_document(**doc)
            w.commit()
        finally:
            writing.SegmentWriter._flush_segment, fields.FieldType.index, whoosh3.W3FieldWriter.add_postings = saved
        built[name] = _segment_files(tmp_path / name)
    assert sorted(built["ours"]) == sorted(built["whoosh"])
    assert {"pst", "trm"} <= {name.rsplit(".", 1)[-1] for name in built["ours"]}
    assert built["ours"] == built["whoosh"]
    lengths = [n for n in built["ours"] if "_len" in n]
    assert lengths  # the scorable fields' lengths columns, which the postings' blocks summarise


def test_add_postings_reads_lengths_from_any_length_source():
    """Whoosh hands add_postings a per-document reader, or (merging sub-writers) one without the fast accessor."""

    class Plain:  # only doc_field_length, as base.MultiPerDocumentReader
        def doc_field_length(self, docnum, fieldname, default=0):
            return {("body", 3): 7}.get((fieldname, docnum), default)

    assert writerpool._length_reader(Plain(), "body")(3) == 7
    assert writerpool._length_reader(Plain(), "body")(4) == 0
    assert writerpool._length_reader(None, "body")(3) == 0


def test_date_terms_are_whooshs_and_worked_out_once():
    import datetime as dt

    from whoosh import fields

    field = SCHEMA["date"]
    for day in (dt.datetime(1987, 2, 26), dt.datetime(2024, 12, 31), dt.datetime(1970, 1, 1)):
        whooshs = list(writerpool._WHOOSH_NUMERIC_INDEX(field, day))
        assert len(whooshs) == 8  # one term per 8-bit shift of 64 bits
        assert list(writerpool._date_index(field, day)) == whooshs
        assert writerpool._date_index(field, day) is writerpool._date_index(field, day)
    # anything but a plain datetime on a DATETIME field is Whoosh's own
    numeric = fields.NUMERIC(int, 64, shift_step=8)
    assert list(writerpool._date_index(numeric, 7)) == list(writerpool._WHOOSH_NUMERIC_INDEX(numeric, 7))
