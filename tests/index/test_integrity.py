"""Damage to segment files is found, said in one line, and repaired by --rebuild (issue 16, 12).

Regression: a deleted or garbage ``_body_len``/``_title_len`` column, or one
bit flipped in ``_body_len``, gave exit 0 with other scores and another
order, and `newsgrep index` never noticed.
"""

from __future__ import annotations

import gc
import json
import os
import zlib
from pathlib import Path

import pytest

from newsgrep.index import store


def _damaged(name: str, why: str) -> str:
    return f"newsgrep: error: the index at index is damaged ({name} {why}); run `newsgrep index --rebuild`\n"


def _segment_file(suffix: str) -> Path:
    gen = Path(store.current_dir("index"))
    return next(p for p in gen.iterdir() if p.name.endswith(suffix) and not p.name.startswith("_"))


def _flip(path: Path, keep_mtime: bool) -> None:
    """One bit of the middle byte flipped; with ``keep_mtime``, as disk rot: size and mtime as they were."""
    st = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(data))
    if keep_mtime:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    else:  # a later write: file systems stamp at a coarse tick, so make "later" sure
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


def _damage(kind: str) -> tuple[str, str]:
    """Damage one file as ``kind`` says; (its name, the reason the message gives)."""
    if kind == "delete-body-len":
        path = _segment_file("._body_len.col")
        path.unlink()
        return path.name, "is missing"
    if kind == "garbage-title-len":  # same size, new bytes
        path = _segment_file("._title_len.col")
        path.write_bytes(b"\xff" * path.stat().st_size)
        return path.name, "does not match its checksum"
    if kind == "bitflip-body-len":  # the length columns are summed on every open, mtime or not
        path = _segment_file("._body_len.col")
        _flip(path, keep_mtime=True)
        return path.name, "does not match its checksum"
    if kind == "bitflip-stored":  # other files: a changed mtime makes the open read them
        path = _segment_file("._stored.col")
        _flip(path, keep_mtime=False)
        return path.name, "does not match its checksum"
    path = _segment_file(".pst")  # truncated
    size = path.stat().st_size
    path.write_bytes(path.read_bytes()[: size // 2])
    return path.name, f"has {size // 2} bytes, not {size}"


# Whoosh may leave a handle open in the frames of a failed read; harmless in a CLI, which exits.
pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.mark.parametrize(
    "kind", ["delete-body-len", "garbage-title-len", "bitflip-body-len", "bitflip-stored", "truncate-postings"]
)
def test_damaged_segment_file_says_damaged_and_rebuild_repairs_it(workdir, run, kind):
    assert run("index").exit_code == 0
    before = json.loads(run("search", "Japan Russia", "--json").stdout)
    name, why = _damage(kind)
    search = run("search", "Japan Russia")
    assert (search.exit_code, search.stdout, search.stderr) == (2, "", _damaged(name, why))
    plain = run("index")  # nothing to do, and still it says so
    assert (plain.exit_code, plain.stderr) == (2, _damaged(name, why))
    rebuilt = run("index", "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert json.loads(run("search", "Japan Russia", "--json").stdout) == before
    gc.collect()


def test_rot_in_a_big_file_is_found_by_the_next_run_that_writes(workdir, run):
    """A flipped bit that keeps size and mtime is past the cheap check of a search; a run that writes reads every file."""
    assert run("index").exit_code == 0
    path = _segment_file(".pst")
    _flip(path, keep_mtime=True)
    feb = workdir / "seeds" / "000_2137f8a269427b0b.txt"
    feb.write_text(feb.read_text() + "\n")
    result = run("index")
    assert (result.exit_code, result.stderr) == (2, _damaged(path.name, "does not match its checksum"))
    assert run("index", "--rebuild").exit_code == 0
    assert run("search", "Kuril").exit_code == 0
    del result
    gc.collect()


def test_check_reads_every_file_and_finds_rot_that_a_search_does_not_see(workdir, run):
    """Regression (issue 16, 12): rot in a postings file that keeps its size and mtime answered searches, exit 0.

    A search's cheap check cannot see it; `newsgrep check` reads every file.
    """
    assert run("index").exit_code == 0
    gen = Path(store.current_dir("index"))
    record = json.loads((gen / "segments-1.json").read_text())
    files = len([name for name in record if name.startswith("MAIN_")])
    assert files == 9  # one segment: postings, terms, stored fields and six columns
    others = sorted(set(record) - {n for n in record if n.startswith("MAIN_")})
    assert others == ["#crc", "_MAIN_1.toc", "manifest-1.json"]
    size = json.loads(run("stats", "--json").stdout)["index_bytes"]
    ok = run("check", "--json")
    assert (ok.exit_code, json.loads(ok.stdout), ok.stderr) == (
        0,
        {"files": files, "index_bytes": size, "generation": 1, "index": "index"},
        "",
    )
    assert (
        run("check", "--color", "never").stdout
        == f"ok: {files} files, {size / 1024:.0f} KiB checked (generation 1 of index)\n"
    )
    path = _segment_file(".pst")
    _flip(path, keep_mtime=True)
    assert run("search", "Kuril").exit_code == 0  # past the cheap check of an open
    rot = run("check")
    assert (rot.exit_code, rot.stdout, rot.stderr) == (2, "", _damaged(path.name, "does not match its checksum"))
    assert run("index", "--rebuild").exit_code == 0
    assert run("check").exit_code == 0
    del rot
    gc.collect()


def test_a_deleted_record_is_damage(workdir, run):
    assert run("index").exit_code == 0
    gen = Path(store.current_dir("index"))
    record = next(gen.glob("segments-*.json"))
    record.unlink()
    result = run("search", "Kuril")
    assert (result.exit_code, result.stderr) == (
        2,
        f"newsgrep: error: the index at index is damaged ({record.name} is missing); run `newsgrep index --rebuild`\n",
    )


def test_each_commit_records_its_segments_and_only_those(workdir, run):
    assert run("index").exit_code == 0
    feb = workdir / "seeds" / "000_2137f8a269427b0b.txt"
    feb.write_text(feb.read_text().replace("Association of European Businesses", "Zanzibar Chamber"))
    assert run("index").exit_code == 0
    gen = Path(store.current_dir("index"))
    assert sorted(p.name for p in gen.glob("segments-*.json")) == ["segments-2.json"]
    record = json.loads((gen / "segments-2.json").read_text())
    on_disk = sorted(p.name for p in gen.iterdir() if p.name.startswith("MAIN_") and p.name != "MAIN_WRITELOCK")
    # and the table of contents and manifest the commit stands for
    seal = record.pop("#crc")  # the record's own CRC-32
    assert seal == zlib.crc32(json.dumps(record, sort_keys=True).encode())
    assert sorted(record) == sorted(on_disk + ["_MAIN_2.toc", "manifest-2.json"])
    for name, (size, mtime_ns, crc) in record.items():
        st = (gen / name).stat()
        assert (size, mtime_ns, crc) == (st.st_size, st.st_mtime_ns, store.file_crc(str(gen / name)))


def test_an_index_from_before_the_record_opens_and_gets_one_at_its_next_commit(workdir, run):
    assert run("index").exit_code == 0
    gen = Path(store.current_dir("index"))
    for record in gen.glob("segments-*.json"):
        record.unlink()
    (gen / "newsgrep.json").write_text(json.dumps({"schema": store.SCHEMA_VERSION}))
    assert run("search", "Kuril").exit_code == 0
    feb = workdir / "seeds" / "000_2137f8a269427b0b.txt"
    feb.write_text(feb.read_text() + "\n")
    assert run("index").exit_code == 0
    assert json.loads((gen / "newsgrep.json").read_text()) == {"schema": store.SCHEMA_VERSION, "segments": 1}
    assert [p.name for p in gen.glob("segments-*.json")] == ["segments-2.json"]
    _segment_file("._body_len.col").unlink()
    assert run("search", "Kuril").exit_code == 2


def test_what_a_killed_run_left_is_swept_by_the_next_run(workdir, run):
    """Regression (issue 16, 16): files of an uncommitted segment stayed, and `stats` counted them.

    What a run killed mid-commit leaves: its segment's files, Whoosh's temporary
    storage, the manifest and record of the generation it never committed, a
    half-written file of write_atomic. A run with nothing to do removes them.
    """
    assert run("index").exit_code == 0
    gen = Path(store.current_dir("index"))
    committed = sorted(p.name for p in gen.iterdir())
    size = json.loads(run("stats", "--json").stdout)["index_bytes"]
    (gen / "MAIN_x1x2x3x4x5x6x7x8.pst").write_bytes(b"\x00" * 5000)
    (gen / "MAIN_x1x2x3x4x5x6x7x8._body_len.col").write_bytes(b"\x00" * 50)
    (gen / "MAIN.tmp").mkdir()
    (gen / "MAIN.tmp" / "run.pst").write_bytes(b"\x00" * 500)
    (gen / "manifest-9.json").write_text("{}")
    (gen / "segments-9.json").write_text("{}")
    (gen / "newsgrep.json.4242.tmp").write_text("{")
    assert json.loads(run("stats", "--json").stdout)["index_bytes"] == size
    result = run("index")
    assert (result.exit_code, summary_counts(result)) == (0, "0 added, 0 updated, 0 removed, 0 moved, 2 unchanged")
    assert sorted(p.name for p in gen.iterdir()) == committed


def summary_counts(result) -> str:
    return result.stderr.strip().splitlines()[-1].split(": ", 1)[1].split(";")[0]
