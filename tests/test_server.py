"""`newsgrep serve`: the warm path answers like a one-shot search, and is never stale."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import FIXTURES

from newsgrep.client import NoServer, request, socket_path


@pytest.fixture
def server(workdir, run):
    assert run("index").exit_code == 0
    proc = subprocess.Popen([sys.executable, "-m", "newsgrep", "serve"], cwd=workdir, stderr=subprocess.PIPE, text=True)
    path = socket_path("index")
    for _ in range(200):
        if os.path.exists(path):
            break
        time.sleep(0.05)
    assert proc.stderr.readline() == f"newsgrep: serving index on {path}\n"
    yield proc
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=10)


def ask(query: str, **extra) -> dict:
    answer = request("index", {"cmd": "search", "query": query, **extra})
    assert answer["ok"], answer
    return answer["result"]


def test_server_answers_like_a_one_shot_search(server, run):
    warm = run("search", "Kuril", "--json").stdout
    assert ask("Kuril")["total"] == 1
    server.send_signal(signal.SIGTERM)
    server.communicate(timeout=10)
    assert not os.path.exists(socket_path("index"))
    with pytest.raises(NoServer):
        request("index", {"cmd": "search", "query": "Kuril"})
    assert run("search", "Kuril", "--json").stdout == warm  # the one-shot path gives the same JSON


def test_server_is_never_stale_even_after_a_deletion_only_commit(server, run, workdir):
    # Regression: Searcher.refresh() reused segment readers and missed deletions.
    assert ask("grain")["total"] == 0
    shutil.copy(FIXTURES / "multi.txt", workdir / "seeds" / "multi.txt")
    assert run("index").exit_code == 0
    assert ask("grain")["total"] == 1  # the commit is seen at once
    assert run("index", "--rebuild").exit_code == 0
    assert ask("grain")["total"] == 1  # and so is a new generation
    (workdir / "seeds" / "multi.txt").unlink()
    run("index")
    assert json.loads(run("search", "grain", "--json").stdout)["total"] == 0


def test_server_errors_are_one_line(server, run):
    result = run("search", "Japan", "--sort", "size")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: --sort 'size' is not a sort order; use one of: relevance, date, -date\n",
    )
    assert request("index", {"cmd": "nope"}) == {"ok": False, "error": "unknown request 'nope'"}
