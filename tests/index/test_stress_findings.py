"""Defects that scripts/stress.py (the bounded rerun of issue 16) found, each on its reproduction."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsgrep.index import store


def _flip(path: Path, at: int | None = None) -> None:
    """One bit flipped, the file's size and mtime kept (bit rot)."""
    import os

    st = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2 if at is None else at] ^= 1
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_flipped_bit_in_the_manifest_is_found_by_check_and_by_the_next_run_regression_check_ok(workdir, run):
    """Regression: a bit flip in manifest-N.json kept `newsgrep check` at "ok" (it read the segments only)."""
    assert run("index").exit_code == 0
    manifest = next(Path(store.current_dir("index")).glob("manifest-*.json"))
    text = manifest.read_text()
    _flip(manifest, text.index('"anchor"') + 2)  # still JSON, another key: silent before
    json.loads(manifest.read_text())
    damaged = (
        f"newsgrep: error: the index at index is damaged ({manifest.name} does not match its checksum); "
        "run `newsgrep index --rebuild`\n"
    )
    check = run("check")
    assert (check.exit_code, check.stderr) == (2, damaged)
    assert (run("index").exit_code, run("index").stderr) == (2, damaged)
    assert run("index", "--rebuild").exit_code == 0
    assert run("check").exit_code == 0


def test_a_flipped_bit_in_the_speakers_table_never_changes_the_rows_regression_speakers(workdir, run):
    """Regression: a bit flip in speakers-N.marshal that still unmarshalled gave other rows, with exit 0."""
    assert run("index").exit_code == 0
    before = run("speakers", "--json").stdout
    table = next(Path(store.current_dir("index")).glob("speakers-*.marshal"))
    for at in range(8, table.stat().st_size, max(1, table.stat().st_size // 40)):
        saved = table.read_bytes()
        _flip(table, at)
        after = run("speakers", "--json")
        assert (after.exit_code, after.stdout) == (0, before), at
        table.write_bytes(saved)


def test_a_directory_for_current_says_damaged_regression_cannot_read(workdir, run):
    """Regression: "cannot read index/CURRENT (Is a directory)": true, but not the word a user looks for."""
    assert run("index").exit_code == 0
    current = Path("index", "CURRENT")
    current.unlink()
    current.mkdir()
    result = run("search", "Kuril")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: the index at index is damaged (CURRENT is a directory); run `newsgrep index --rebuild`\n",
    )
    assert run("index", "--rebuild").exit_code == 0
    assert run("search", "Kuril").exit_code == 0


def test_a_deleted_current_says_damaged_not_no_index_regression(workdir, run):
    """Regression: with CURRENT deleted beside a committed generation, `search --index` said "no index at DIR"."""
    assert run("index", "--index", "ix").exit_code == 0
    Path("ix", "CURRENT").unlink()
    result = run("search", "Kuril", "--index", "ix")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: the index at ix is damaged (CURRENT is missing); run `newsgrep index --rebuild`\n",
    )
    assert run("index", "--index", "ix", "--rebuild").exit_code == 0
    assert run("search", "Kuril", "--index", "ix").exit_code == 0
    shutil.rmtree("ix")
    assert run("search", "Kuril", "--index", "ix").stderr.startswith("newsgrep: error: no index at ix;")


def test_a_flipped_bit_in_the_table_of_contents_is_damage_regression_toc(workdir, run):
    """Regression: 50 of 156 bit flips in _MAIN_N.toc (a document count, a field's settings) passed `check`.

    Its size and CRC-32 now join the commit's record once it lands, and every open compares them.
    """
    assert run("index").exit_code == 0
    toc = next(Path(store.current_dir("index")).glob("_MAIN_*.toc"))
    saved = toc.read_bytes()
    size = len(saved)
    checksum = (
        f"newsgrep: error: the index at index is damaged ({toc.name} does not match its checksum); "
        "run `newsgrep index --rebuild`\n"
    )
    for at in range(0, size, max(1, size // 25)):
        _flip(toc, at)
        check, search = run("check"), run("search", "Kuril")
        assert check.exit_code == search.exit_code == 2, at
        assert "is damaged (" in check.stderr and "is damaged (" in search.stderr, at
        toc.write_bytes(saved)
    _flip(toc, saved.index(b"analyzer") + 1)  # still unpickles: a field without an analyzer, silent before
    assert run("check").stderr == run("search", "Kuril").stderr == checksum
    toc.write_bytes(saved)
    assert run("check").exit_code == 0
    assert run("search", "Kuril").exit_code == 0


def test_a_flipped_digit_of_a_recorded_mtime_is_damage_regression_segments_record(workdir, run):
    """Regression: a bit flip in segments-N.json that changed an mtime passed `check` (which compares
    contents, not mtimes, so that a copied index stays good). The record now carries its own CRC-32."""
    assert run("index").exit_code == 0
    record = next(Path(store.current_dir("index")).glob("segments-*.json"))
    text = record.read_text()
    entry = json.loads(text)["manifest-1.json"]
    _flip(record, text.index(str(entry[1])) + 3)  # a digit of the manifest's mtime: still JSON, still a number
    assert json.loads(record.read_text())["manifest-1.json"][1] != entry[1]
    damaged = (
        f"newsgrep: error: the index at index is damaged ({record.name} does not match its checksum); "
        "run `newsgrep index --rebuild`\n"
    )
    assert (run("check").exit_code, run("check").stderr) == (2, damaged)
    assert run("index", "--rebuild").exit_code == 0
    assert run("check").exit_code == 0
