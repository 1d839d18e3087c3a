"""Full-build speed of two newsgrep installs on Reuters-21578, alternated in one run (issue 13, point 3).

    .venv/bin/python bench/build_speed.py --base OLD_PYTHON [--new NEW_PYTHON]
        [--layout jsonl|digest|both] [--records N] [--rounds 3] [--work DIR] [--keep]

``--base`` and ``--new`` are the interpreters of two installs (for instance a
``git worktree`` of the commit to compare against, with its own venv; ``--new``
defaults to the one running this script). Each round runs ``newsgrep index
--rebuild`` on the same corpus with each install, in alternating order (the
base first on even rounds), so a machine that slows down over the run favours
neither. Two layouts of the same stories:

* ``jsonl``: the first ``--records`` lines of ``reuters21578.jsonl`` (default:
  all 21,578) as one JSON Lines file, its record fields (topics, places...)
  included: the archive a user indexes;
* ``digest``: ``bench/corpus.py --source reuters``, as ``bench/run.py --source
  reuters`` builds it (10 stories a file, no record fields): ``--records``
  articles (default 10,000), more than 200 files, so the parallel writer.

Per install and layout: the median wall time, the articles indexed per
second of wall, and the CPU seconds (user + sys of the whole process tree,
from ``getrusage(RUSAGE_CHILDREN)``) per 1,000 articles, and the same for the
main process alone (the writer: with one JSON Lines file, its CPU time is
most of the wall time on an idle machine, the parsing running beside it);
then new/base ratios
(articles/s: higher is better; CPU: lower is better). Other processes' CPU
time meanwhile is in the header of the table: on a shared machine the CPU
figures are the steadier ones. Everything is written under ``--work``
(default ``$TMPDIR/newsgrep-build-speed``), outside the project.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import measure
from corpus import REUTERS_JSONL

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NEWSGREP_NO_SERVER": "1", "NEWSGREP_SEEDS": "/nonexistent"}
_INDEXED = re.compile(rb"indexed [\d,]+ files?, ([\d,]+) articles?")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def jsonl_corpus(work: Path, records: int) -> Path:
    path = work / f"reuters-{records}.jsonl"
    if not path.exists():
        with open(REUTERS_JSONL, encoding="utf-8") as fh:
            lines = [line for _, line in zip(range(records), fh, strict=False)]
        path.write_text("".join(lines), encoding="utf-8")
    return path


def digest_corpus(work: Path, records: int) -> Path:
    out = work / f"digest-{records}"
    if not out.exists():
        tmp = work / f"digest-{records}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        script = ROOT / "bench" / "corpus.py"
        subprocess.run(
            [sys.executable, str(script), str(tmp), "--articles", str(records), "--source", "reuters"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tmp.rename(out)
    return out


# ``python -m newsgrep`` that also writes its own CPU seconds (not its workers') to $BUILD_SPEED_SELF at exit.
_SELF = (
    "import atexit, os, resource, runpy, sys\n"
    "pid = os.getpid()\n"
    "def note():\n"
    "    if os.getpid() == pid:\n"
    "        u = resource.getrusage(resource.RUSAGE_SELF)\n"
    "        with open(os.environ['BUILD_SPEED_SELF'], 'w') as fh:\n"
    "            fh.write(str(u.ru_utime + u.ru_stime))\n"
    "atexit.register(note)\n"
    "sys.argv[0] = 'newsgrep'\n"
    "runpy.run_module('newsgrep', run_name='__main__', alter_sys=True)\n"
)


def build(python: str, corpus: Path, index: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s of the process tree, CPU s of the main process, articles indexed) of one full build.

    The main process is the writer (with one JSON Lines file, the only one):
    on an idle machine, its CPU time is most of the wall time.
    """
    shutil.rmtree(index, ignore_errors=True)
    note = index.with_name(index.name + ".self")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [python, "-c", _SELF, "index", "--rebuild", "-q", "--index", str(index), str(corpus)],
        env={**ENV, "BUILD_SPEED_SELF": str(note)},
        cwd=index.parent,  # not the project: ``python -c`` would import its newsgrep, whichever install runs
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{python}: newsgrep index failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, float(note.read_text()), articles(index)


def articles(index: Path) -> int:
    """The articles in the index (``-q`` hides the summary line): the manifest's ids."""
    import json

    gen = index / (index / "CURRENT").read_text().strip()
    manifests = sorted(gen.glob("manifest-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    files = json.loads(manifests[-1].read_text())["files"]
    return sum(len(entry["ids"]) for entry in files.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", required=True, help="python of the install to compare against")
    ap.add_argument("--new", default=sys.executable, help="python of the install under test (default: this one)")
    ap.add_argument("--layout", choices=("jsonl", "digest", "both"), default="jsonl")
    ap.add_argument("--records", type=int, default=0, help="jsonl: first N lines (0: all); digest: N (0: 10,000)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsgrep-build-speed")
    ap.add_argument("--keep", action="store_true", help="leave the indexes behind")
    args = ap.parse_args(argv)
    if not REUTERS_JSONL.exists():
        ap.error(f"{REUTERS_JSONL} not found: this benchmark needs the Reuters-21578 corpus")
    work = args.work.resolve()
    if work.is_relative_to(ROOT):
        ap.error("--work must be outside the project (the corpus must not be copied into it)")
    work.mkdir(parents=True, exist_ok=True)
    installs = {"base": args.base, "new": args.new}
    layouts = ("jsonl", "digest") if args.layout == "both" else (args.layout,)
    corpora = {
        "jsonl": lambda: jsonl_corpus(work, args.records or 21578),
        "digest": lambda: digest_corpus(work, args.records or 10000),
    }
    found = {name: _package(python, work) for name, python in installs.items()}
    if found["base"] == found["new"]:
        ap.error(f"both interpreters import the same newsgrep ({found['new']}): nothing to compare")
    samples: dict[tuple[str, str], list[tuple[float, float, float, int]]] = {}
    busy0, own0, t0 = measure.machine_busy(), _own_cpu(), time.perf_counter()
    for layout in layouts:
        corpus = corpora[layout]()
        for r in range(args.rounds):
            order = ("base", "new") if r % 2 == 0 else ("new", "base")
            for name in order:
                s = build(installs[name], corpus, work / f"index-{name}")
                samples.setdefault((layout, name), []).append(s)
                log(
                    f"{layout} round {r + 1} {name}: {s[0]:.1f} s wall, CPU {s[1]:.1f} s, main {s[2]:.1f} s; {s[3]:,} articles"
                )
    others = max(0.0, measure.machine_busy() - busy0 - (_own_cpu() - own0)) / (time.perf_counter() - t0)
    print(f"# bench/build_speed.py, {args.rounds} rounds alternated; other processes used {others:.2f} cores")
    print(f"#   base {args.base} ({found['base']})\n#   new  {args.new} ({found['new']})")
    print(f"{'layout':8} {'install':8} {'articles':>9} {'wall s':>8} {'art/s':>7} {'CPU s/1k':>9} {'main s/1k':>9}")
    for layout in layouts:
        figures = {}
        for name in installs:
            runs = samples[(layout, name)]
            wall, cpu, own = (statistics.median(s[i] for s in runs) for i in range(3))
            n = runs[0][3]
            figures[name] = (n / wall, cpu / n, own / n)
            print(
                f"{layout:8} {name:8} {n:>9,} {wall:>8.1f} {n / wall:>7.0f} {1000 * cpu / n:>9.2f} {1000 * own / n:>9.2f}"
            )
        (rate_b, cpu_b, own_b), (rate_n, cpu_n, own_n) = figures["base"], figures["new"]
        print(
            f"{layout:8} new/base: articles/s {rate_n / rate_b:.2f}x, CPU per article {cpu_n / cpu_b:.2f}x, "
            f"main process's CPU per article {own_n / own_b:.2f}x"
        )
    if not args.keep:
        for name in installs:
            shutil.rmtree(work / f"index-{name}", ignore_errors=True)
    return 0


def _package(python: str, work: Path) -> str:
    """The newsgrep package ``python`` imports when it runs a build (from ``work``, as build() does)."""
    done = subprocess.run(
        [python, "-c", "import newsgrep, os; print(os.path.dirname(newsgrep.__file__))"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def _own_cpu() -> float:
    """CPU seconds of this process and its reaped children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        u = resource.getrusage(who)
        total += u.ru_utime + u.ru_stime
    return total


if __name__ == "__main__":
    sys.exit(main())
