"""Messages that misled (issue 16, point 14): each names the cause and the fix."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from newsgrep.index import store, writer

FULL = (
    "newsgrep: error: no space left to write the index at index (No space left on device); the index is as it was: "
    "free some space (a rebuild needs about twice the index's size) and run again\n"
)


def _full_disk(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_during_an_update_is_not_damage(workdir, run, monkeypatch):
    """Regression: it said the index was damaged and to --rebuild (which needs more space)."""
    assert run("index").exit_code == 0
    (workdir / "seeds" / "extra.txt").write_text(
        "## **WOMBAT**\n\n01.03.2019\n\nRussian News Agency (1 March 2019)\n\nThe wombat body.\n"
    )
    real = writer.write_atomic
    monkeypatch.setattr(writer, "write_atomic", _full_disk)
    assert (run("index").exit_code, run("index").stderr) == (2, FULL)
    monkeypatch.setattr(writer, "write_atomic", real)  # space freed
    assert json.loads(run("search", "Kuril", "--json").stdout)["total"] == 1  # as it was
    assert json.loads(run("search", "wombat", "--json").stdout)["total"] == 0
    assert run("index").exit_code == 0
    assert json.loads(run("search", "wombat", "--json").stdout)["total"] == 1


def test_a_full_disk_during_a_build_is_not_an_internal_error(workdir, run, monkeypatch):
    monkeypatch.setattr(writer, "write_atomic", _full_disk)
    result = run("index")
    assert (result.exit_code, result.stderr) == (2, FULL)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            errno.EACCES,
            "cannot write to the index at index (Permission denied); the index is as it was: "
            "check the directory's owner and permissions, or use --index DIR",
        ),
        (
            errno.EROFS,
            "the index at index is on a read-only file system; the index is as it was: "
            "write it somewhere else with --index DIR",
        ),
    ],
)
def test_a_directory_that_cannot_be_written_says_so(workdir, run, monkeypatch, code, message):
    """Regression: `internal error (PermissionError)`."""

    def refused(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(writer, "write_lock", refused)
    result = run("index")
    assert (result.exit_code, result.stderr) == (2, f"newsgrep: error: {message}\n")


def test_an_unreadable_index_directory_is_not_no_index(workdir, monkeypatch):
    """Regression: it said 'no index at ...'."""
    real = os.stat

    def denied(path, *args, **kwargs):
        if str(path).endswith("CURRENT"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(store.os, "stat", denied)
    with pytest.raises(Exception, match=r"^cannot read the index at index \(Permission denied\); check the"):
        store.exists("index")


def test_a_manifest_that_is_a_list_is_damage(workdir, run):
    """Regression: `internal error (AttributeError)`."""
    assert run("index").exit_code == 0
    manifest = next(Path(store.current_dir("index")).glob("manifest-*.json"))
    manifest.write_text("[1, 2]")
    name = manifest.name
    damaged = f"newsgrep: error: the index at index is damaged ({name} does not match its checksum); run `newsgrep index --rebuild`\n"
    assert (run("stats").exit_code, run("stats").stderr) == (2, damaged)
    assert (run("index").exit_code, run("index").stderr) == (2, damaged)
    assert run("index", "--rebuild").exit_code == 0
    assert run("stats").exit_code == 0
