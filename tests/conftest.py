"""Shared fixtures: the two seed digests, indexed once per session into a temp dir.

Every CLI test runs with a fixed terminal width and no colour, so expected
output can be written out exactly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.testing as typer_testing
from typer.testing import CliRunner

from newsgrep.cli import lazy

lazy.install()  # before Whoosh loads: in-process tests run the CLI as the `newsgrep` command does

from newsgrep.cli.app import app  # noqa: E402
from newsgrep.index.writer import update_index  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FEB = "9f8ab3a926fb"  # 22.02.2019 seed article
JAN = "0060954e59a0"  # 17.01.2019 seed article

ENV = {"COLUMNS": "100", "NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm-256color"}


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """An index of the seeds, built once; tests must not modify it."""
    work = tmp_path_factory.mktemp("seeded")
    shutil.copytree(SEEDS, work / "seeds")
    cwd = os.getcwd()
    os.chdir(work)
    try:
        update_index("index", ["seeds"], jobs=1)
    finally:
        os.chdir(cwd)
    return work


@pytest.fixture
def in_seeds(seed_index, monkeypatch) -> Path:
    """Run in the seeded work dir, with the index found by its default name."""
    monkeypatch.chdir(seed_index)
    monkeypatch.delenv("NEWSGREP_INDEX", raising=False)
    monkeypatch.delenv("NEWSGREP_SEEDS", raising=False)
    return seed_index


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """An empty work dir with seeds/ copied in and no index yet."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGREP_INDEX", raising=False)
    monkeypatch.delenv("NEWSGREP_SEEDS", raising=False)
    return tmp_path


def _command_once(get_command):
    """typer's CliRunner.invoke builds the whole Click command from every function's signature on each
    call: about 20 ms of a 25 ms in-process search, over a thousand times a suite. Built once per app."""
    built: dict = {}

    def command(app):
        if app not in built:
            built[app] = get_command(app)
        return built[app]

    return command


typer_testing._get_command = _command_once(typer_testing._get_command)


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None):
        return runner.invoke(app, list(args), env={**ENV, **(env or {})}, catch_exceptions=False)

    return invoke


def built_once(tmp_path_factory, name: str, build) -> Path:
    """A directory ``build(path)`` fills once per test run, shared by every xdist worker; tests must not modify it.

    A session fixture is built once per worker: the 600-article index was built
    twice in each run of the suite, one worker idle meanwhile or both slowed.
    The first worker to need it builds it under a lock; the others wait and reuse it.
    """
    import fcntl

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by the workers of this run
    target = base / name
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / f"{name}.done").exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            build(target)
            (base / f"{name}.done").touch()
    return target


def _build_bench600(work: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "corpus.py"), str(work / "seeds"), "--articles", "600"],
        check=True,
        capture_output=True,
    )
    update_index(str(work / "index"), [str(work / "seeds")], jobs=2)  # two parse workers: 9 s, not 12


@pytest.fixture(scope="session")
def bench_index(tmp_path_factory) -> str:
    """600 articles from the benchmark's generator: varied scores, dates and speakers; tests must not modify it."""
    return str(built_once(tmp_path_factory, "bench600", _build_bench600) / "index")
