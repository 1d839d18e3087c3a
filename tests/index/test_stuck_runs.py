"""Runs that never ended, and files that were never retried (issue 16, points 3 and 4)."""

from __future__ import annotations

import os
import subprocess
import sys

from newsgrep.index import writer
from newsgrep.index.writer import update_index


def test_a_parallel_build_with_no_valid_article_exits(tmp_path):
    """Regression: 250 title-only files: CURRENT was written, then the process waited forever on two
    Whoosh sub-writers that no document ever reached."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(250):
        (seeds / f"f{n}.txt").write_text(f"## **TITLE {n}**\n")
    env = {**os.environ, "NEWSGREP_NO_SERVER": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "newsgrep", "index", "seeds", "-q"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stderr.count("has no body text; skipped") == 250
    gen = tmp_path / "index" / (tmp_path / "index" / "CURRENT").read_text().strip()
    assert sorted(p.name for p in gen.iterdir() if not p.name.startswith("MAIN_WRITELOCK")) == [
        "_MAIN_1.toc",
        "manifest-1.json",
        "newsgrep.json",
        "segments-1.json",
    ]  # no segment files left behind by the stopped sub-writers


def test_a_file_unreadable_once_is_read_when_it_can_be(workdir, monkeypatch):
    """Regression: the manifest kept its size and mtime with an empty hash, so it never looked changed."""
    real = writer.read_file
    seed = sorted(str(p.relative_to(workdir)) for p in (workdir / "seeds").iterdir())[0]

    def denied(path):
        if path.endswith(seed):  # opened by its absolute path
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(writer, "read_file", denied)
    first = update_index("index", ["seeds"], jobs=1)
    assert (first.articles, [w.message for w in first.warnings]) == (1, ["cannot read: Permission denied; skipped"])
    again = update_index("index", ["seeds"], jobs=1)  # still unreadable: tried again, reported again
    assert (again.articles, again.updated, [w.message for w in again.warnings]) == (
        1,
        1,
        ["cannot read: Permission denied; skipped"],
    )
    monkeypatch.setattr(writer, "read_file", real)  # permissions fixed, file untouched
    fixed = update_index("index", ["seeds"], jobs=1)
    assert (fixed.articles, fixed.updated, fixed.warnings) == (2, 1, [])
    assert update_index("index", ["seeds"], jobs=1).unchanged == 2


def test_a_worker_forked_as_its_indexer_died_exits_at_once_regression():
    """A kill -9 between a worker's fork and its PR_SET_PDEATHSIG left it running, holding the lock's descriptor.

    In the child, the pid noted before the fork is made not to be its parent's: the worker must leave.
    """
    pid = os.fork()
    if pid == 0:  # the child: as if the indexer had died and the worker been re-parented
        try:
            writer._FORKED_BY[0] = os.getppid() + 1_000_000
            writer._die_with_parent()
        finally:
            os._exit(0)  # still here (or failed): the bug; never back into pytest
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1
