"""Errors that were silent (issue 15, point 9 and 10; issue 16, point 5): each named after the bug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgrep.ingest.files import discover

ARTICLE = "## **DEEP TITLE**\n\n01.03.2019\n\nRussian News Agency (1 March 2019)\n\nThe wombat body.\n"


def test_indexing_a_path_that_does_not_exist_is_an_error_and_writes_nothing(workdir, run):
    result = run("index", "DOES-NOT-EXIST")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "newsgrep: error: DOES-NOT-EXIST: no such file or directory; check the path (nothing was indexed)\n"
    )
    assert not (workdir / "index").exists()


def test_one_missing_path_among_several_stops_the_run_before_it_starts(workdir, run):
    assert run("index").exit_code == 0
    result = run("index", "seeds", "typo1", "typo2")
    assert result.exit_code == 2
    assert result.stderr == (
        "newsgrep: error: typo1: no such file or directory (and 1 more); check the path (nothing was indexed)\n"
    )
    assert run("search", "Kuril", "--json").exit_code == 0  # the index is as it was


def test_a_folder_with_no_article_files_gets_a_warning(workdir, run):
    (workdir / "empty").mkdir()
    (workdir / "empty" / "notes.doc").write_text("x")
    result = run("index", "empty")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "newsgrep: warning: empty:1: no article files here (looked for .json, .jsonl, .md, .ndjson, .txt); "
        "nothing to index"
    )


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_search_pointed_at_a_missing_index_never_builds_one(workdir, run, how):
    """Regression: `--index DIR` (or $NEWSGREP_INDEX) naming no index built one there from ./seeds."""
    missing = workdir / "elsewhere"
    if how == "option":
        result = run("search", "Kuril", "--index", str(missing))
    else:
        result = run("search", "Kuril", env={"NEWSGREP_INDEX": str(missing)})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"newsgrep: error: no index at {missing}; build it with `newsgrep index --index {missing} PATH...`, "
        "or check the --index path (or $NEWSGREP_INDEX)\n"
    )
    assert not missing.exists() and not (workdir / "index").exists()


def _newsgrep(*args: str, cwd: Path, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSGREP_NO_SERVER": "1"}
    env.pop("NEWSGREP_INDEX", None)
    return subprocess.run(
        [sys.executable, "-m", "newsgrep", *args], cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("search", "Kuril"), ("search", "Kuril", "--json"), ("quotes", "islands")])
def test_a_full_disk_is_a_write_error_not_an_internal_error(in_seeds, args):
    with open("/dev/full", "w") as full:
        done = _newsgrep(*args, cwd=in_seeds, stdout=full)
    assert (done.returncode, done.stderr) == (
        2,
        "newsgrep: error: write error: No space left on device; free some space or write somewhere else\n",
    )


def test_bare_newsgrep_prints_the_help_as_click_lays_it_out(tmp_path):
    """Regression: the whole help squashed into one error line."""
    done = _newsgrep(cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    lines = done.stderr.splitlines()
    assert lines[0] == "Usage: newsgrep [OPTIONS] COMMAND [ARGS]..."
    assert "Commands:" in lines
    assert any(line.startswith("  search ") for line in lines)


def test_directories_deeper_than_pythons_recursion_limit_are_walked(tmp_path, monkeypatch):
    """Regression: past ~970 levels the recursive walk stopped the run with RecursionError."""
    monkeypatch.chdir(tmp_path)
    for _ in range(sys.getrecursionlimit() + 100):
        os.mkdir("d")
        os.chdir("d")
    Path("a.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    try:
        found, warnings = discover(["d"])
        assert ([f.path.count("/") for f in found], warnings) == ([sys.getrecursionlimit() + 100], [])
    finally:
        _remove_deep(tmp_path / "d")


def _remove_deep(top: Path) -> None:
    """shutil.rmtree (and so pytest's clean-up) recurses: walk down, then remove bottom-up."""
    cwd = os.getcwd()
    os.chdir(top)
    depth = 1
    while os.path.isdir("d"):
        os.chdir("d")
        depth += 1
    for name in os.listdir("."):
        os.remove(name)
    for _ in range(depth):
        os.chdir("..")
        os.rmdir("d")
    os.chdir(cwd)


def test_a_search_during_the_first_build_answers_at_once(workdir, run):
    """Regression: it waited 31 s for the lock, then told the user to raise --wait, which search lacks."""
    import time

    from budget import budget

    from newsgrep.index.writer import write_lock

    limit = budget(2.0)
    with write_lock("index", 0):  # the first `newsgrep index` run, still building
        started = time.monotonic()
        result = run("search", "Kuril")
        assert time.monotonic() - started < limit
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "newsgrep: error: the index at index is being built by another `newsgrep index` run; "
        "search again when it finishes\n"
    )


@pytest.mark.parametrize("how", ["--index", "NEWSGREP_INDEX"])
def test_a_search_named_at_an_index_in_its_first_build_says_it_is_being_built_regression_no_index(workdir, run, how):
    """Regression: with --index (or $NEWSGREP_INDEX) it said "no index at ix; build it with ..." while
    the first build ran (found by the QA rerun of issue 16). It never creates anything there either."""
    from newsgrep.index.writer import write_lock

    with write_lock("ix", 0):  # the first `newsgrep index --index ix` run, still building
        before = sorted(os.listdir("ix"))
        if how == "--index":
            result = run("search", "Kuril", "--index", "ix")
        else:
            result = run("search", "Kuril", env={"NEWSGREP_INDEX": "ix"})
        assert sorted(os.listdir("ix")) == before
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "newsgrep: error: the index at ix is being built by another `newsgrep index` run; "
        "search again when it finishes\n"
    )
    assert run("search", "Kuril", "--index", "ix").stderr.startswith("newsgrep: error: no index at ix;")
