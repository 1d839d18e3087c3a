"""A big JSON Lines file is parsed in pieces across the workers: the same index as parsed whole (issue 15, 1-2)."""

from __future__ import annotations

import json

import pytest

from newsgrep.index import writer
from newsgrep.index.store import open_index
from newsgrep.index.writer import _piece_bounds, update_index


def _records(n: int) -> str:
    rows = []
    for i in range(n):
        body = f"Minister {i} said the talks on item {i} went well.\nA second line of record {i}."
        rows.append(json.dumps({"title": f"Record {i}", "date": "1987-03-01", "body": body}))
        if i % 7 == 3:
            rows.append("{broken json")  # a warning with its line, in whichever piece it falls
    return "\n".join(rows) + "\n"


def _indexed(root: str) -> list[tuple[str, int, str]]:
    with open_index(root).searcher() as s:
        return sorted((f["title"], f["line"], f["path"]) for f in s.all_stored_fields())


@pytest.fixture
def big(tmp_path):
    path = tmp_path / "seeds" / "big.jsonl"
    path.parent.mkdir()
    path.write_text(_records(120))
    return path


def test_pieces_give_the_index_a_whole_file_gives(big, tmp_path, monkeypatch):
    whole = update_index(str(tmp_path / "whole"), [str(big)], jobs=1)
    monkeypatch.setattr(writer, "PIECE_BYTES", 400)  # about 3 records a piece: 40-odd pieces
    assert len(_piece_bounds(big.read_text(), 400)) > 30
    seen = []
    split = update_index(str(tmp_path / "split"), [str(big)], jobs=2, progress=lambda d, t: seen.append((d, t)))
    assert _indexed(str(tmp_path / "split")) == _indexed(str(tmp_path / "whole"))
    assert (split.articles, split.files) == (whole.articles, whole.files) == (120, 1)
    assert [(w.line, w.message) for w in split.warnings] == [(w.line, w.message) for w in whole.warnings]
    assert [w.line for w in split.warnings][:3] == [5, 13, 21]
    size = big.stat().st_size
    assert seen[-1] == (size, size) and len(seen) > 30  # the bar moves piece by piece
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))


def _segments(root: str) -> int:
    return len(open_index(root)._segments())


def _terms(root: str) -> dict:
    with open_index(root).searcher() as s:
        r = s.reader()
        titles = {docnum: fields["title"] for docnum, fields in r.iter_docs()}
        return {(f, t): sorted(titles[d] for d in r.postings(f, t).all_ids()) for f, t in r.all_terms() if f != "words"}


def test_one_big_file_is_written_by_the_parallel_writer_as_by_one(big, tmp_path, monkeypatch):
    """A full build of PARALLEL_BYTES or more in one file uses a sub-writer per job: the same index."""
    update_index(str(tmp_path / "one"), [str(big)], jobs=2)
    assert _segments(str(tmp_path / "one")) == 1  # 12 kB: one writer
    monkeypatch.setattr(writer, "PIECE_BYTES", 400)
    monkeypatch.setattr(writer, "BATCH", 10)  # 120 articles: 12 batches for the two sub-writers
    monkeypatch.setattr(writer, "PARALLEL_BYTES", big.stat().st_size)
    summary = update_index(str(tmp_path / "two"), [str(big)], jobs=2)
    assert (summary.articles, summary.files) == (120, 1)
    assert _segments(str(tmp_path / "two")) == 2  # each sub-writer's own
    assert _indexed(str(tmp_path / "two")) == _indexed(str(tmp_path / "one"))
    one, two = _terms(str(tmp_path / "one")), _terms(str(tmp_path / "two"))
    assert len(one) > 200
    assert two == one
    monkeypatch.setattr(writer, "PARALLEL_BYTES", big.stat().st_size + 1)
    update_index(str(tmp_path / "three"), [str(big)], jobs=2)
    assert _segments(str(tmp_path / "three")) == 1  # a byte short of it: one writer


def test_a_split_file_keeps_its_encoding_note_and_hash(tmp_path, monkeypatch):
    path = tmp_path / "latin.jsonl"
    text = _records(30).replace('Record 2"', 'Caf\u00e9 2"')
    path.write_bytes(text.encode("cp1252"))
    monkeypatch.setattr(writer, "PIECE_BYTES", 500)
    split = update_index(str(tmp_path / "idx"), [str(path)], jobs=2)
    notes = [w for w in split.warnings if "not valid UTF-8" in w.message]
    assert [(w.line, w.message) for w in notes] == [
        (3, "not valid UTF-8; decoded as Windows-1252 (save the file as UTF-8 to silence this)")
    ]
    assert "Café 2" in {t for t, _l, _p in _indexed(str(tmp_path / "idx"))}
    assert update_index(str(tmp_path / "idx"), [str(path)], jobs=2).unchanged == 1  # the whole file's hash


@pytest.mark.parametrize(
    ("text", "size", "bounds"),
    [
        ("a\nbb\nccc\n", 2, [(0, 5), (5, 9)]),
        ("a\nbb\nccc", 1, [(0, 2), (2, 5), (5, 8)]),
        ("no newline", 3, [(0, 10)]),
        ("", 5, []),
    ],
)
def test_piece_bounds_end_after_a_newline(text, size, bounds):
    assert _piece_bounds(text, size) == bounds


def test_a_split_file_of_one_piece_keeps_its_hash(tmp_path, monkeypatch):
    """Regression: a file past PIECE_BYTES in bytes but not in characters was one piece, and lost the
    whole file's hash and notes: an empty hash made every later run read it again."""
    path = tmp_path / "cyrillic.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(
                {"title": f"Переговоры {n}", "date": "2019-01-17", "body": "Лавров сказал " * 20}, ensure_ascii=False
            )
            for n in range(20)
        )
        + "\n"
    )
    size = path.stat().st_size
    monkeypatch.setattr(writer, "PIECE_BYTES", size * 3 // 4)  # more bytes than this, fewer characters
    assert len(_piece_bounds(path.read_text(), writer.PIECE_BYTES)) == 1
    first = update_index(str(tmp_path / "idx"), [str(path)], jobs=1)
    assert first.articles == 20
    again = update_index(str(tmp_path / "idx"), [str(path)], jobs=1)
    assert (again.unchanged, again.updated) == (1, 0)


class _Phases:
    """A progress callback that listens for phases, as the CLI's bar does: what it was told, in order."""

    def __init__(self) -> None:
        self.heard: list[tuple] = []

    def __call__(self, done: int, total: int) -> None:
        self.heard.append(("count", done, total))

    def phase(self, label: str, total: int | None = None) -> None:
        self.heard.append(("phase", label, total))


def test_a_big_file_shows_its_adding_then_the_commit_and_the_table_as_phases(big, tmp_path, monkeypatch):
    """Issue 15.2: after the last byte of one big file, the bar no longer sits at 100% through the writing."""
    monkeypatch.setattr(writer, "PHASE_ARTICLES", 100)
    monkeypatch.setattr(writer, "PHASE_STEP", 50)
    heard = _Phases()
    update_index(str(tmp_path / "index"), [str(big)], jobs=1, progress=heard)
    size = big.stat().st_size
    assert heard.heard == [
        ("count", size, size),
        ("phase", "adding", 120),
        ("count", 50, 120),
        ("count", 100, 120),
        ("phase", "reading", None),
        ("phase", "committing", None),
        ("phase", "speakers", None),
    ]


def test_a_file_of_few_articles_has_no_adding_phase_and_a_plain_callable_hears_only_bytes(big, tmp_path):
    heard = _Phases()
    update_index(str(tmp_path / "index"), [str(big)], jobs=1, progress=heard)  # 120 articles: under PHASE_ARTICLES
    size = big.stat().st_size
    assert heard.heard == [("count", size, size), ("phase", "committing", None), ("phase", "speakers", None)]
    seen = []
    update_index(str(tmp_path / "plain"), [str(big)], jobs=1, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(size, size)]
