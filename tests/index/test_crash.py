"""Kill real `newsgrep index` processes part-way through; the index must survive.

After every kill the index must open and answer exactly as before the run or
exactly as after it, and the next run must finish the job.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_util import write_corpus

from newsgrep.index.store import open_index
from newsgrep.query.search import SearchRequest, search


def newsgrep(work: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsgrep", *args], cwd=work, capture_output=True, text=True, timeout=120, **kwargs
    )


def answer(work: Path) -> tuple[int, list[str]]:
    """What a search says now: its exit status and the ids it finds."""
    result = newsgrep(work, "search", "talks", "--limit", "0", "--sort", "date", "--json")
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, sorted(h["id"] for h in json.loads(result.stdout)["hits"])


def count(work: Path, word: str) -> int:
    """How many articles a search for ``word`` finds (in-process: the kills are what must be real)."""
    root = str(work / "index")
    return search(open_index(root), root, SearchRequest(word, limit=1)).total


@pytest.mark.parametrize(
    ("args", "sig"),
    [(("index", "--rebuild"), signal.SIGKILL), (("index",), signal.SIGKILL), (("index",), signal.SIGINT)],
    ids=["rebuild-sigkill", "update-sigkill", "update-ctrl-c"],
)
def test_killed_run_leaves_the_index_before_or_after(tmp_path, args, sig):
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 200)
    write_corpus(seeds, 400, start=200, topic="warmup")
    started = time.monotonic()
    assert newsgrep(tmp_path, *args).returncode == 0
    full = time.monotonic() - started  # how long the first build takes, to aim the kills inside the runs below
    previous = "warmup"
    killed_mid_run = 0
    # An update of 40 files is shorter than the first build of 60: the kills aim at its first half.
    for n, fraction in enumerate((0.1, 0.25, 0.4)):
        topic = f"zeppelin{n}"
        write_corpus(seeds, 400, start=200, topic=topic)  # 40 files change: real work for the run
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgrep", *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        time.sleep(full * fraction)
        if proc.poll() is None:
            killed_mid_run += 1
            proc.send_signal(sig)
        proc.communicate(timeout=60)
        state = (count(tmp_path, previous), count(tmp_path, topic))
        assert state in ((400, 0), (0, 400))  # exactly before, or exactly after: never half
        assert count(tmp_path, "talks") == 600
        if state == (0, 400):
            previous = topic
        else:  # the next run must finish the job
            assert newsgrep(tmp_path, "index").returncode == 0
            assert (count(tmp_path, previous), count(tmp_path, topic)) == (0, 400)
            previous = topic
    assert killed_mid_run >= 2
    # no half-built generation left behind once a run completes
    assert newsgrep(tmp_path, "index").returncode == 0
    assert len([p for p in (tmp_path / "index").iterdir() if p.name.startswith("gen-")]) == 1


def test_search_during_a_rebuild_answers_from_the_last_commit(tmp_path):
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 200)
    assert newsgrep(tmp_path, "index").returncode == 0
    write_corpus(seeds, 400, start=200, topic="zeppelin")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgrep", "index", "--rebuild"], cwd=tmp_path, stderr=subprocess.PIPE
    )
    seen = []
    while proc.poll() is None:
        seen.append(count(tmp_path, "talks"))
    proc.communicate()
    assert proc.returncode == 0
    assert count(tmp_path, "talks") == 600
    assert seen and set(seen) <= {200, 600} and seen[0] == 200


def test_ctrl_c_to_a_parallel_build_is_one_line_and_leaves_no_process(tmp_path):
    """Regression: Ctrl-C reaches the whole process group, and every parse worker and Whoosh
    sub-writer printed its own KeyboardInterrupt traceback; now the indexer alone reports it."""
    import os

    seeds = tmp_path / "seeds"
    write_corpus(seeds, 1000, per_file=4)  # 250 files: the parallel writer (index.PARALLEL_FILES)
    started = time.monotonic()
    assert newsgrep(tmp_path, "index", "--rebuild", "--quiet").returncode == 0
    full = time.monotonic() - started
    interrupted = 0
    for fraction in (0.4, 0.7):
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgrep", "index", "--rebuild", "--quiet"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a shell's foreground job
        )
        time.sleep(full * fraction)
        if proc.poll() is None:
            interrupted += 1
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail("the interrupted build hung")
        if proc.returncode == -signal.SIGINT:  # it arrived as Python was exiting: nothing left to report
            assert (out, err) == ("", "")
        elif proc.returncode != 0:
            assert (proc.returncode, out, err) == (
                2,
                "",
                "newsgrep: error: interrupted; the index is as it was before this run\n",
            )
        for _ in range(50):  # the workers are gone too
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            pytest.fail("processes of the interrupted build are still running")
    assert interrupted >= 1
    assert count(tmp_path, "talks") == 1000
