"""Kill real `newsgrep index` processes part-way through; the index must survive.

After every kill the index must open and answer exactly as before the run or
exactly as after it, and the next run must finish the job.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_util import write_corpus


def newsgrep(work: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsgrep", *args], cwd=work, capture_output=True, text=True, timeout=120, **kwargs
    )


def answer(work: Path) -> tuple[int, list[str]]:
    """What a search says now: its exit status and the ids it finds."""
    result = newsgrep(work, "search", "talks", "--limit", "0", "--sort", "date", "--json")
    assert result.stderr == "" or "building" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, sorted(h["id"] for h in json.loads(result.stdout)["hits"])


@pytest.mark.parametrize(
    ("args", "sig"),
    [(("index", "--rebuild"), signal.SIGKILL), (("index",), signal.SIGKILL), (("index",), signal.SIGINT)],
    ids=["rebuild-sigkill", "update-sigkill", "update-ctrl-c"],
)
def test_killed_run_leaves_the_index_before_or_after(tmp_path, args, sig):
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 200)
    assert newsgrep(tmp_path, "index").returncode == 0
    before = answer(tmp_path)
    assert len(before[1]) == 200
    write_corpus(seeds, 600, start=200, topic="zeppelin")
    if args == ("index", "--rebuild"):  # time a complete run to pick kill points inside it
        started = time.monotonic()
        assert newsgrep(tmp_path, "index", "--rebuild").returncode == 0
        full = time.monotonic() - started
        before = answer(tmp_path)
    else:
        full = 2.0
    killed_mid_run = 0
    for fraction in (0.15, 0.35, 0.55, 0.75, 0.9):
        if args == ("index",):  # undo any progress so each update has the same work to do
            for path in seeds.glob("digest_0002*.txt"):
                os.utime(path)
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgrep", *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        time.sleep(full * fraction)
        if proc.poll() is None:
            killed_mid_run += 1
            proc.send_signal(sig)
        proc.communicate(timeout=60)
        now = answer(tmp_path)
        assert now in (before, (0, sorted(set(before[1]) | set(now[1]))))
        assert len(now[1]) in (len(before[1]), 800)
        if now != before:
            before = now
    assert killed_mid_run >= 2
    final = newsgrep(tmp_path, "index")
    assert final.returncode == 0, final.stderr
    assert answer(tmp_path)[1].__len__() == 800
    zeppelin = newsgrep(tmp_path, "search", "zeppelin", "--limit", "0", "--json")
    assert json.loads(zeppelin.stdout)["total"] == 600
    # no generation directories or workers left behind
    assert len([p for p in (tmp_path / "index").iterdir() if p.name.startswith("gen-")]) == 1


def test_search_during_a_rebuild_answers_from_the_last_commit(tmp_path):
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 200)
    assert newsgrep(tmp_path, "index").returncode == 0
    before = answer(tmp_path)
    write_corpus(seeds, 600, start=200, topic="zeppelin")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgrep", "index", "--rebuild"], cwd=tmp_path, stderr=subprocess.PIPE
    )
    seen = []
    while proc.poll() is None:
        seen.append(answer(tmp_path))
    proc.communicate()
    assert proc.returncode == 0
    after = answer(tmp_path)
    assert len(after[1]) == 800
    assert seen and all(s in (before, after) for s in seen)
