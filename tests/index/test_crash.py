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

from newsgrep.cli.commands import INTERRUPTED
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


def speaker_table(index: Path) -> list:
    """The rows of the live generation's speakers table (index/speakers.py), sorted."""
    from newsgrep.index.speakers import read_table

    ix = open_index(str(index))
    with ix.reader() as reader:
        return sorted(read_table(ix.storage.folder, reader.generation()) or [], key=repr)


def speaker_column(index: Path) -> list:
    """The same rows from the column added up: what a reader without the table answers."""
    from newsgrep.index.speakers import add_up, every_value, merged

    with open_index(str(index)).reader() as reader:
        return sorted(merged(add_up(every_value(reader))), key=repr)


def index_files(index: Path) -> set[str]:
    return {os.path.join(d, name) for d, dirs, files in os.walk(index) for name in dirs + files}


def signal_when(proc: subprocess.Popen, index: Path, before: set[str], appears: str, sig: int, group=False) -> bool:
    """Send ``sig`` once a file whose name holds ``appears`` is new under ``index``: a stage of the run, not a
    guess at its timing. True if the run was still going then (its exit status says whether the signal landed)."""
    while proc.poll() is None:
        if any(appears in os.path.basename(p) for p in index_files(index) - before):
            if group:
                os.killpg(proc.pid, sig)
            else:
                proc.send_signal(sig)
            return True
        time.sleep(0.005)
    return False


# The stages a run goes through, by the files it writes: the new segment opens (files are being parsed and
# added), the manifest is written (every document is in; the commit begins), the segment's columns are written
# (mid-commit). A run that is signalled at each of them must leave the index as it was, or as the run makes it.
# A SIGKILL also lands as the speakers table is written (after the commit): the next run's table must add up.
STAGES = ("trm", "manifest-", ".col")


@pytest.mark.parametrize(
    ("args", "sig"),
    [(("index", "--rebuild"), signal.SIGKILL), (("index",), signal.SIGKILL), (("index",), signal.SIGINT)],
    ids=["rebuild-sigkill", "update-sigkill", "update-ctrl-c"],
)
def test_killed_run_leaves_the_index_before_or_after(tmp_path, args, sig, run, monkeypatch):
    seeds = tmp_path / "seeds"
    index = tmp_path / "index"
    write_corpus(seeds, 20)
    write_corpus(seeds, 50, start=20, topic="warmup")
    monkeypatch.chdir(tmp_path)  # the runs that are not killed run in-process: the kills are what must be real
    assert run(*args).exit_code == 0
    previous = "warmup"
    outcomes = []  # (stage, signalled while running, exit status, state): says what happened if the test fails
    for n, stage in enumerate(STAGES + (("speakers-",) if sig == signal.SIGKILL else ())):
        topic = f"zeppelin{n}"
        write_corpus(seeds, 50, start=20, topic=topic)  # 5 files change: real work for the run
        before = index_files(index)
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgrep", *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        signalled = signal_when(proc, index, before, stage, sig)
        out, err = proc.communicate(timeout=60)
        state = (count(tmp_path, previous), count(tmp_path, topic))
        outcomes.append((stage, signalled, proc.returncode, state))
        assert state in ((50, 0), (0, 50)), outcomes  # exactly before, or exactly after: never half
        if proc.returncode != 0:  # the signal landed while the run went on
            if sig == signal.SIGKILL:
                assert proc.returncode == -signal.SIGKILL, (outcomes, err)
            elif proc.returncode == 2:  # Ctrl-C: one line, and it says the truth
                assert (out, err, state) == (b"", f"newsgrep: error: {INTERRUPTED}\n".encode(), (50, 0)), outcomes
            else:  # as Python was exiting, or importing (launch.py): nothing to report, and nothing was done
                assert (proc.returncode in (-signal.SIGINT, 130), out, err) == (True, b"", b""), outcomes
        assert count(tmp_path, "talks") == 70
        # The next run must finish the job, and leave no half-built generation behind.
        assert run("index").exit_code == 0
        assert (count(tmp_path, previous), count(tmp_path, topic)) == (0, 50), outcomes
        assert len([p for p in index.iterdir() if p.name.startswith("gen-")]) == 1, outcomes
        assert speaker_table(index) == speaker_column(index), outcomes
        previous = topic
    assert len([o for o in outcomes if o[2] != 0]) >= 2, outcomes  # most signals landed mid-run


def test_search_during_a_rebuild_answers_from_the_last_commit(tmp_path, run, monkeypatch):
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 100)
    monkeypatch.chdir(tmp_path)
    assert run("index").exit_code == 0
    write_corpus(seeds, 200, start=100, topic="zeppelin")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgrep", "index", "--rebuild"], cwd=tmp_path, stderr=subprocess.PIPE
    )
    seen = []
    while proc.poll() is None:
        seen.append(count(tmp_path, "talks"))
    proc.communicate()
    assert proc.returncode == 0
    assert count(tmp_path, "talks") == 300
    assert seen and set(seen) <= {100, 300} and seen[0] == 100


def test_ctrl_c_to_a_parallel_build_is_one_line_and_leaves_no_process(tmp_path):
    """Regression: Ctrl-C reaches the whole process group, and every parse worker and Whoosh
    sub-writer printed its own KeyboardInterrupt traceback; now the indexer alone reports it."""
    seeds = tmp_path / "seeds"
    index = tmp_path / "index"
    write_corpus(seeds, 250, per_file=1)  # 250 files: the parallel writer (index.PARALLEL_FILES)
    assert newsgrep(tmp_path, "index", "--rebuild", "--quiet").returncode == 0
    interrupted = 0
    # Ctrl-C once the sub-writers hold a batch of documents (parse workers and sub-writers all running),
    # and once the manifest is written (the sub-writers are finishing their segments).
    for stage in (".doclist", "manifest-"):
        before = index_files(index)
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgrep", "index", "--rebuild", "--quiet"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a shell's foreground job
        )
        # os.killpg: what Ctrl-C in a terminal does
        interrupted += signal_when(proc, index, before, stage, signal.SIGINT, group=True)
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
    assert count(tmp_path, "talks") == 250


def test_ctrl_c_after_the_commit_says_the_changes_are_in_regression_as_it_was_before(workdir, run, monkeypatch):
    """Ctrl-C while a run wrote the speakers table, after its commit, said "the index is as it was
    before this run": false, the commit was live. The next run finishes the table."""
    from newsgrep.index import speakers, store, writer

    assert run("index").exit_code == 0
    feb = workdir / "seeds" / "000_2137f8a269427b0b.txt"
    feb.write_text(feb.read_text().replace("Association of European Businesses", "Zanzibar Chamber"))

    def interrupted(*_args):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:  # not monkeypatch.undo(): it also undid workdir's chdir
        patched.setattr(writer, "write_table", interrupted)
        result = run("index")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "newsgrep: error: interrupted after this run's changes were committed; "
        "the next `newsgrep index` finishes its tidying",
    )
    assert run("search", "Zanzibar", "--count").stdout == "1\n"
    assert run("index").exit_code == 0
    gen = store.current_dir("index")
    generation = int(next(p for p in os.listdir(gen) if p.startswith("manifest-"))[9:-5])
    assert speakers.read_table(gen, generation) is not None


def test_ctrl_c_after_the_toc_while_whoosh_deletes_old_files_says_the_changes_are_in(workdir, run, monkeypatch):
    """Regression: Ctrl-C in Whoosh's commit after it wrote the TOC (while it deleted the
    old segments' files) said "the index is as it was before this run", yet the change was live."""
    import whoosh.index

    assert run("index").exit_code == 0
    feb = workdir / "seeds" / "000_2137f8a269427b0b.txt"
    feb.write_text(feb.read_text().replace("Association of European Businesses", "Zanzibar Chamber"))

    write = whoosh.index.TOC.write

    def interrupted(toc, *args):
        write(toc, *args)  # the commit is live from here on
        raise KeyboardInterrupt

    monkeypatch.setattr(whoosh.index.TOC, "write", interrupted)
    result = run("index")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "newsgrep: error: interrupted after this run's changes were committed; "
        "the next `newsgrep index` finishes its tidying",
    )
    assert run("search", "Zanzibar", "--count").stdout == "1\n"
    monkeypatch.setattr(whoosh.index.TOC, "write", write)  # not undo(): that would undo the fixture's chdir too
    again = run("index")
    assert again.exit_code == 0, again.stderr
    assert run("search", "Zanzibar", "--count").stdout == "1\n"


def test_ctrl_c_in_the_first_build_leaves_no_index_not_a_damaged_one(workdir, run, monkeypatch):
    """Regression (issue 15 re-check): Ctrl-C during the very first build left its generation folder
    behind with no CURRENT, and every read then said "damaged (CURRENT is missing)"."""
    from newsgrep.index import writer

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:  # not monkeypatch.undo(): it also undid workdir's chdir
        patched.setattr(writer, "_apply", interrupted)
        result = run("index")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "newsgrep: error: interrupted; the index is as it was before this run",
    )
    assert sorted(os.listdir("index")) == [".lock"]
    result = run("stats", "--index", "index")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: no index at index; build it with `newsgrep index --index index PATH...`, "
        "or check the --index path (or $NEWSGREP_INDEX)\n",
    )
    assert run("index").exit_code == 0
    assert run("search", "Kuril", "--count").stdout == "1\n"
