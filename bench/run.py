"""The newsgrep benchmark (issue 5): every figure beside its target, in one run.

    .venv/bin/python bench/run.py [--sizes 1k,10k,100k] [--runs 5] [--build-runs 1]
                                  [--source synthetic|reuters] [--seed 0] [--keep]
                                  [--tool auto|rg|grep] [--work DIR] [--out FILE]
                                  [--install fresh|current]

Per size: generate the corpus (bench/corpus.py), time a full ``newsgrep index
--rebuild`` (wall, articles/s, CPU cores used, peak RSS of the process tree,
index size), the plain Whoosh baseline at 1k and 10k, and every query shape of
``suggested_queries()`` as a one-shot ``newsgrep search`` process against the
same question asked of ``rg`` (``grep -r`` when rg is missing). At the largest
size: an incremental update of one changed file, a no-op update, and the warm
path (``newsgrep serve`` + ``newsgrep.cli.client.request``) when it exists. Once:
start-up against ``python -c "import typer"``. Medians throughout; raw numbers
go to bench/results/latest.json. Exit status 1 when a correctness check failed
(wrong hit counts, a command erroring), else 0, whatever PASS/FAIL says.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import measure
from corpus import REUTERS_JSONL, expected_count, suggested_queries
from measure import fmt_s, median, run, size_label
from report import report, targets

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
NEWSGREP = str(Path(PY).parent / "newsgrep") if (Path(PY).parent / "newsgrep").exists() else "newsgrep"
DEFAULT_OUT = ROOT / "bench" / "results" / "latest.json"
EDIT_WORD = "quixotebench"  # the word the incremental edit adds; in no corpus
T0 = time.perf_counter()
problems: list[str] = []


def install(args: argparse.Namespace) -> dict:
    """Point PY and NEWSGREP at the newsgrep under test, installed as a user installs it.

    ``fresh`` (the default): a venv in the work dir with ``pip install .``, as
    the README's first command does: a regular install with compiled
    bytecode, so the figures are what an analyst gets. (A development venv
    may run an editable install, whose import hook costs ~8 ms per process,
    or run with PYTHONDONTWRITEBYTECODE, which recompiles newsgrep's modules
    on every call.) ``current``: the interpreter running this script, its
    modules compiled first.
    """
    global PY, NEWSGREP
    if args.install == "current":
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "newsgrep")], check=True)
        return {"install": "current", "python": PY}
    venv = args.work / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        log(f"creating {venv} and installing newsgrep's dependencies")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    log(f"installing newsgrep from {ROOT} into {venv}")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    PY, NEWSGREP = str(python), str(venv / "bin" / "newsgrep")
    return {"install": "fresh", "python": PY}


def log(msg: str) -> None:
    print(f"[{time.perf_counter() - T0:6.0f}s] {msg}", file=sys.stderr, flush=True)


def problem(msg: str) -> None:
    problems.append(msg)
    log(f"PROBLEM: {msg}")


def stats(samples: list[measure.Sample], n: int | None = None) -> dict:
    walls = [s.wall for s in samples]
    out: dict = {
        "wall": median(walls),
        "walls": [round(w, 4) for w in walls],
        "cpu": median([s.cpu for s in samples]),
        "maxrss": max(s.maxrss for s in samples),
    }
    if samples[0].tree_rss:
        out |= {"tree_rss": max(s.tree_rss for s in samples), "tree_pss": max(s.tree_pss for s in samples)}
    out["cores"] = out["cpu"] / out["wall"]
    # other processes' CPU meanwhile, in cores: a busy machine explains slow or low-CPU figures
    out["others_cores"] = median([max(0.0, s.machine_cpu - s.cpu) / s.wall for s in samples])
    if n:
        out["articles_per_s"] = n / out["wall"]
    return out


def own_cpu() -> float:
    """CPU seconds used so far by this process and every child it reaped."""
    return sum(
        u.ru_utime + u.ru_stime
        for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def fingerprint() -> str:
    """A hash of newsgrep's sources: says which code built a cached index."""
    import newsgrep

    h = hashlib.sha256()
    for p in sorted(Path(newsgrep.__file__).parent.glob("*.py")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:12]


# --- corpus, full build, baseline ------------------------------------------------------


def ensure_corpus(work: Path, key: str, n: int, args: argparse.Namespace) -> tuple[Path, dict]:
    d, meta = work / "corpus" / key, work / "corpus" / f"{key}.json"
    if args.keep and meta.exists() and d.is_dir():
        return d, json.loads(meta.read_text()) | {"cached": True}
    tmp = d.with_name(key + ".tmp")
    for p in (d, tmp):
        shutil.rmtree(p, ignore_errors=True)
    meta.unlink(missing_ok=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    s = run(
        [
            PY,
            str(ROOT / "bench" / "corpus.py"),
            str(tmp),
            "--articles",
            str(n),
            "--seed",
            str(args.seed),
            "--source",
            args.source,
        ],
        capture=True,
    )
    if s.rc:
        sys.exit(f"corpus generation failed: {s.stderr.decode(errors='replace')}")
    tmp.rename(d)
    meta.write_bytes(s.stdout)
    return d, json.loads(s.stdout)


def full_build(
    work: Path, key: str, corpus: Path, n: int, args: argparse.Namespace, force: bool = False
) -> tuple[Path, dict]:
    idx, meta = work / "index" / key, work / "index" / f"{key}.json"
    code = fingerprint()
    if args.keep and not force and meta.exists() and (idx / "CURRENT").exists():
        cached = json.loads(meta.read_text()) | {"cached": True}
        if cached.get("code") == code:
            return idx, cached
        if run([NEWSGREP, "search", "minister", "--index", str(idx)]).rc != 2:  # still readable
            log(f"note: cached index {key} was built by other newsgrep code; run without --keep to re-measure")
            return idx, cached
        log(f"cached index {key} is unreadable by this newsgrep code: rebuilding it")
    samples = []
    for _ in range(args.build_runs):
        shutil.rmtree(idx, ignore_errors=True)
        s = run([NEWSGREP, "index", "--rebuild", "--index", str(idx), str(corpus)], sample_memory=True)
        if s.rc:
            sys.exit(f"newsgrep index --rebuild failed ({s.rc}): {s.stderr.decode(errors='replace')[-2000:]}")
        samples.append(s)
    out = stats(samples, n) | {
        "index_bytes": measure.disk_bytes(idx),
        "code": code,
        "summary": samples[-1].stderr.decode(errors="replace").strip().splitlines()[-1:],
    }
    meta.write_text(json.dumps(out))
    return idx, out


def baseline(work: Path, key: str, corpus: Path, n: int, args: argparse.Namespace) -> dict:
    meta = work / "baseline" / f"{key}.json"
    if args.keep and meta.exists():
        return json.loads(meta.read_text()) | {"cached": True}
    samples, reports = [], []
    for _ in range(args.build_runs):
        shutil.rmtree(work / "baseline" / key, ignore_errors=True)
        s = run(
            [PY, str(ROOT / "bench" / "baseline_whoosh.py"), str(corpus), str(work / "baseline" / key)],
            capture=True,
            sample_memory=True,
        )
        if s.rc:
            sys.exit(f"baseline failed: {s.stderr.decode(errors='replace')[-2000:]}")
        samples.append(s)
        reports.append(json.loads(s.stdout))
    out = stats(samples, n) | {"reports": reports}
    meta.write_text(json.dumps(out))
    return out


# --- searches ----------------------------------------------------------------------------


def search_argv(q: dict, idx: Path, json_out: bool = False) -> list[str]:
    argv = [NEWSGREP, "search", q["query"], "--index", str(idx)]
    for opt in ("from", "to", "speaker", "sort"):
        if opt in q:
            argv += [f"--{opt}", q[opt]]
    return argv + (["--json"] if json_out or q.get("json") else [])


def expected_hits(q: dict, n: int, source: str) -> int | None:
    """The exact article count for the synthetic rare terms, else None (just "some")."""
    if "expect" in q:
        return q["expect"]
    if source == "synthetic" and set(q) <= {"query", "rg", "note"} and q["query"] in ("Tskhinvali", "Zangezur"):
        return expected_count(q["query"], n)
    return None


def check_search(q: dict, idx: Path, n: int, source: str) -> dict:
    """Run the shape once as measured (also the warm-up), then with --json for the total, and
    with --facet source: the facet counts every match, so their sum is the exact total."""
    s = run(search_argv(q, idx), capture=True)
    j = run(search_argv(q, idx, json_out=True), capture=True)
    f = run(search_argv(q, idx, json_out=True) + ["--facet", "source"], capture=True)
    out: dict = {"rc": s.rc, "expected": expected_hits(q, n, source)}
    try:
        doc = json.loads(j.stdout)
        out |= {"total": doc["total"], "ids": [h["id"] for h in doc["hits"]]}
        out["facet_sum"] = sum(json.loads(f.stdout)["facets"]["source"].values()) if f.stdout.strip() else 0
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        out |= {"total": out.get("total"), "ids": out.get("ids", []), "error": f"--json output: {err!r}"}
    # synthetic: every other shape has hits at any size; Reuters: no hits is an answer (exit 1)
    none_ok = out["expected"] == 0 or (source != "synthetic" and out["expected"] is None and out["total"] == 0)
    want_rc = 1 if none_ok else 0
    if s.rc != want_rc or (want_rc == 0 and not s.stdout.strip()):
        out["error"] = f"exit {s.rc} (want {want_rc}), {len(s.stdout)} bytes out: {s.stderr[-300:]!r}"
    elif out["expected"] is not None and out["total"] != out["expected"]:
        out["error"] = f"{out['total']} hits, expected exactly {out['expected']}"
    elif not none_ok and not out["total"]:
        out["error"] = "no hits"
    elif out.get("facet_sum") not in (None, out["total"]):
        out["error"] = f"total {out['total']}, but --facet source counts {out['facet_sum']} matching articles"
    out["want_rc"] = want_rc
    return out


def grep_command(q: dict, corpus: Path, tool: str) -> str:
    cmd = q["rg"].format(dir=shlex.quote(str(corpus)))
    return cmd if tool == "rg" else measure.rg_to_grep(cmd)


def shell_or_argv(cmd: str) -> str | list[str]:
    return cmd if "|" in cmd else shlex.split(cmd)


class StaleIndex(Exception):
    """The index was built by other newsgrep code than the one now installed (it changed mid-run)."""


def measure_searches(queries: dict, idx: Path, corpus: Path, n: int, args: argparse.Namespace) -> dict:
    out = {}
    for shape, q in queries.items():
        check = check_search(q, idx, n, args.source)
        if check["rc"] == 2 and "newsgrep index --rebuild" in check.get("error", ""):
            raise StaleIndex(check["error"])
        if "error" in check:
            problem(f"{size_label(n)} search {shape}: {check['error']}")
        gcmd = grep_command(q, corpus, args.tool)
        g = run(shell_or_argv(gcmd), capture=True)  # warm-up, and how many lines/files it finds
        if g.rc not in (0, 1, 123):
            problem(f"{size_label(n)} {args.tool} {shape}: exit {g.rc}: {g.stderr[-300:]!r}")
        ng, gs = [], []
        for _ in range(args.runs):  # alternate, so drift in machine load hits both sides alike
            s = run(search_argv(q, idx))
            if s.rc != check["want_rc"] and "error" not in check:
                check["error"] = f"exit {s.rc} in a timed run"
                problem(f"{size_label(n)} search {shape}: {check['error']}: {s.stderr[-300:]!r}")
            ng.append(s)
            gs.append(run(shell_or_argv(gcmd)))
        out[shape] = {
            "newsgrep": stats(ng) | {"peak_rss": measure.peak_rss(search_argv(q, idx), PY)},
            "grep": stats(gs),
            "grep_command": gcmd,
            "grep_output_lines": g.stdout.count(b"\n") + g.stdout.count(b"\0"),
            "argv": search_argv(q, idx)[1:],
            "check": check,
        }
        out[shape]["ratio"] = out[shape]["newsgrep"]["wall"] / out[shape]["grep"]["wall"]
        log(
            f"  {shape:9} newsgrep {fmt_s(out[shape]['newsgrep']['wall']):>8}  {args.tool} "
            f"{fmt_s(out[shape]['grep']['wall']):>8}  hits {check['total']}"
        )
    return out


# --- speakers -------------------------------------------------------------------------------

SPEAKERS_BASELINE = [PY, "-c", "import typer, whoosh"]


def speakers_argv(idx: Path, query: str | None = None) -> list[str]:
    return [NEWSGREP, "speakers", *([query] if query else []), "--index", str(idx)]


def measure_speakers(queries: dict, idx: Path, n: int, args: argparse.Namespace) -> dict:
    """`newsgrep speakers` one-shot into a pipe: every article (the issue 15 target: under 1 s at
    100k) and with the `speaker` shape's query (the faceted path), alternated with
    `python -c 'import typer, whoosh'` as the baseline of the same run."""
    shapes = {"all": speakers_argv(idx), "query": speakers_argv(idx, queries["speaker"]["query"])}
    out: dict = {}
    for shape, argv in shapes.items():
        check = run(argv, capture=True)  # the warm-up, and the rows it prints
        rows = check.stdout.count(b"\n")
        if check.rc != 0 or not rows:
            problem(f"{size_label(n)} speakers {shape}: exit {check.rc}, {rows} rows: {check.stderr[-300:]!r}")
        ng, base = [], []
        for _ in range(args.runs):
            ng.append(run(argv))
            base.append(run(SPEAKERS_BASELINE))
        out[shape] = {"newsgrep": stats(ng), "baseline": stats(base), "rows": rows, "argv": argv[1:]}
        out[shape]["ratio"] = out[shape]["newsgrep"]["wall"] / out[shape]["baseline"]["wall"]
        log(
            f"  speakers {shape:5} {fmt_s(out[shape]['newsgrep']['wall']):>8}  import typer, whoosh "
            f"{fmt_s(out[shape]['baseline']['wall']):>8}  rows {rows}"
        )
    return out


# --- incremental update, warm path, start-up -------------------------------------------------

_END_OF_BODY = re.compile(rb"\n\n(?:<[^\n]*>\n\n)?---\n\nKaynak/Source:")


def edited(data: bytes, k: int) -> bytes:
    """The file with one sentence (longer for each ``k``) added to its first article's body."""
    m = _END_OF_BODY.search(data)
    if not m:
        raise ValueError("no article end found")
    sentence = f"\n\nThe benchmark harness edited this article{' again' * k}, {EDIT_WORD}.".encode()
    return data[: m.start()] + sentence + data[m.start() :]


def incremental(idx: Path, corpus: Path, args: argparse.Namespace) -> dict:
    files = sorted(corpus.rglob("*.txt"))
    target = files[len(files) // 2]
    original = target.read_bytes()
    update = [NEWSGREP, "index", "--index", str(idx), str(corpus)]
    samples, summaries = [], []
    try:
        for k in range(args.runs):
            target.write_bytes(edited(original, k))
            s = run(update)
            samples.append(s)
            summaries.append(s.stderr.decode(errors="replace").strip().splitlines()[-1:])
            if (s.rc or not re.search(r"\b1 updated\b", s.stderr.decode(errors="replace"))) and k == 0:
                problem(f"incremental update: exit {s.rc}, not '1 updated': {s.stderr[-300:]!r}")
        found = run(search_argv({"query": EDIT_WORD}, idx, json_out=True), capture=True)
        if found.rc or json.loads(found.stdout)["total"] != 1:
            problem(f"after the edit, {EDIT_WORD} is not found exactly once: exit {found.rc}")
    finally:
        target.write_bytes(original)
        restore = run(update)
    if run(search_argv({"query": EDIT_WORD}, idx)).rc != 1:
        problem(f"after restoring {target}, {EDIT_WORD} is still found")
    noop = [run(update) for _ in range(args.runs)]
    listing = [run(f"find {shlex.quote(str(corpus))} -type f | wc -l") for _ in range(args.runs)]
    return {
        "file": str(target),
        "update": stats(samples),
        "summaries": summaries,
        "restore_wall": restore.wall,
        "noop": stats(noop),
        "find": stats(listing),
    }


def warm_payload(q: dict) -> dict:
    """The request `newsgrep search` sends the server for one query shape (see newsgrep/cli.py)."""
    return {
        "cmd": "search",
        "query": q["query"],
        "sort": q.get("sort", "relevance"),
        "limit": 10,
        "facets": [],
        "filters": {
            "date_from": q.get("from"),
            "date_to": q.get("to"),
            "sources": [],
            "speakers": [q["speaker"]] if "speaker" in q else [],
        },
    }


def warm_path(idx: Path, queries: dict, one_shot: dict, n: int, args: argparse.Namespace) -> dict:
    try:
        from newsgrep.cli import client

        request = client.request
    except (ImportError, AttributeError) as err:
        return {"available": False, "reason": f"newsgrep.cli.client.request: {err}"}
    if run([NEWSGREP, "serve", "--help"]).rc:
        return {"available": False, "reason": "newsgrep serve --help fails"}
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [NEWSGREP, "serve", "--index", str(idx)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def drain() -> None:
        for line in server.stderr or ():
            lines.append(line.rstrip("\n"))
            if "serving" in line:
                ready.set()

    threading.Thread(target=drain, daemon=True).start()
    out: dict = {"available": True, "shapes": {}}
    try:
        if not ready.wait(120):
            return {"available": False, "reason": f"no 'serving' line in 120 s: {lines[-5:]}"}
        out["ready_seconds"] = time.perf_counter() - t0
        for shape, q in queries.items():
            check = check_search(q, idx, n, args.source)  # through the server now
            if "error" in check:
                problem(f"warm {shape}: {check['error']}")
            before = one_shot[shape]["check"]  # the same hits (in any order: ties, re-added documents)
            same = check.get("total") == before["total"] and (
                len(before["ids"]) < before["total"] or set(check.get("ids", ())) == set(before["ids"])
            )
            if not same:
                problem(
                    f"warm {shape}: server answers {check.get('total')} hits "
                    f"vs {before['total']} one-shot, or other ids"
                )
            procs = [run(search_argv(q, idx)) for _ in range(args.runs)]
            payload = warm_payload(q)
            try:
                reply = request(str(idx), payload)
                if not reply.get("ok"):
                    raise ValueError(f"not ok: {str(reply)[:300]}")
                total = reply["result"]["total"]
                if total != check.get("total"):
                    problem(f"warm {shape}: request() says {total} hits, newsgrep search {check.get('total')}")
                latencies = measure.timed(lambda p=payload: request(str(idx), p), max(args.runs, 10))
            except Exception as err:  # the interface is new: report it, do not die
                problem(f"warm {shape}: client.request({payload}): {err!r}")
                return out | {"available": False, "reason": f"client.request failed on {shape}: {err!r}"}
            out["shapes"][shape] = {
                "one_shot": stats(procs),
                "request": median(latencies),
                "requests": latencies,
                "reply_total": total,
                "same_hits": same,
                "ratio_one_shot": median([s.wall for s in procs]) / one_shot[shape]["grep"]["wall"],
                "ratio_request": median(latencies) / one_shot[shape]["grep"]["wall"],
            }
            log(
                f"  warm {shape:9} one-shot {fmt_s(out['shapes'][shape]['one_shot']['wall']):>8}  "
                f"request {median(latencies) * 1000:.1f} ms"
            )
        out["server_rss"] = measure.tree_memory(server.pid)[0]
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            out["server_exit"] = server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            out["server_exit"] = "killed after 10 s"
        out["server_stderr"] = lines[-10:]
    return out


def startup(args: argparse.Namespace) -> dict:
    cmds = {
        "newsgrep --version": [NEWSGREP, "--version"],
        "newsgrep search --help": [NEWSGREP, "search", "--help"],
        "python -c 'import typer'": [PY, "-c", "import typer"],
        "python -c 'import typer, whoosh'": [PY, "-c", "import typer, whoosh"],
    }
    samples: dict[str, list[measure.Sample]] = {k: [] for k in cmds}
    for name, argv in cmds.items():
        if run(argv).rc:
            problem(f"{name} fails")
    for _ in range(max(10, 2 * args.runs)):
        for name, argv in cmds.items():
            samples[name].append(run(argv))
    return {name: stats(s) for name, s in samples.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1k,10k,100k", help="comma-separated article counts (default 1k,10k,100k)")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement, median (default 5)")
    ap.add_argument("--build-runs", type=int, default=1, help="full builds per size (default 1: they are slow)")
    ap.add_argument("--source", choices=("synthetic", "reuters"), default="synthetic")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="reuse corpora, indexes and baselines in the work dir")
    ap.add_argument("--tool", choices=("auto", "rg", "grep"), default="auto", help="auto: rg if installed")
    ap.add_argument("--work", type=Path, help="default bench/work (reuters: outside the project)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--install",
        choices=("fresh", "current"),
        default="fresh",
        help="fresh: pip install . into a venv in the work dir (default); current: this interpreter",
    )
    args = ap.parse_args(argv)
    sizes = sorted({measure.parse_size(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or args.runs < 1 or args.build_runs < 1:
        ap.error("need at least one size, --runs >= 1 and --build-runs >= 1")
    if args.source == "reuters":
        if not REUTERS_JSONL.exists():
            ap.error(f"--source reuters needs {REUTERS_JSONL}")
        args.work = (args.work or Path(tempfile.gettempdir()) / "newsgrep-bench-work").resolve()
        if args.work.is_relative_to(ROOT):
            ap.error("the Reuters corpus must not be written inside the project: pick a --work outside it")
    args.work = (args.work or ROOT / "bench" / "work").resolve()
    args.tool = ("rg" if shutil.which("rg") else "grep") if args.tool == "auto" else args.tool
    tool_version = subprocess.run([args.tool, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    log(f"searching with {args.tool} ({tool_version}); work dir {args.work}")
    installed = install(args)
    busy0, own0, t_start = measure.machine_busy(), own_cpu(), time.perf_counter()
    res: dict = {
        "meta": {
            "date": dt.datetime.now().isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_before": [round(x, 2) for x in os.getloadavg()],
            "tool": args.tool,
            "tool_version": tool_version,
            "source": args.source,
            "seed": args.seed,
            "runs": args.runs,
            "build_runs": args.build_runs,
            "code": fingerprint(),
            "work": str(args.work),
            **installed,
            "git": subprocess.run(
                ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
            ).stdout.strip(),
        },
        "sizes": {},
    }
    log("start-up")
    res["startup"] = startup(args)
    queries = suggested_queries(args.source)
    for n in sizes:
        key = f"{args.source}-{size_label(n)}-s{args.seed}"
        corpus, cmeta = ensure_corpus(args.work, key, n, args)
        log(f"{size_label(n)}: corpus {corpus} ({cmeta['files']} files)")
        sz = res["sizes"][size_label(n)] = {"corpus": cmeta, "corpus_dir": str(corpus)}
        if n <= 10000:
            log(f"{size_label(n)}: baseline")
            sz["baseline"] = baseline(args.work, key, corpus, cmeta["articles"], args)
        for attempt in (1, 2):  # newsgrep is being worked on: its index format may change under us
            idx, sz["build"] = full_build(args.work, key, corpus, cmeta["articles"], args, force=attempt > 1)
            sz["index"] = str(idx)
            log(
                f"{size_label(n)}: built in {fmt_s(sz['build']['wall'])}, "
                f"{sz['build']['articles_per_s']:.0f} articles/s; searches"
            )
            try:
                sz["search"] = measure_searches(queries, idx, corpus, n, args)
                sz["speakers"] = measure_speakers(queries, idx, n, args)
                break
            except StaleIndex as err:
                if attempt > 1:
                    sys.exit(f"the index went stale twice, newsgrep's code keeps changing: {err}")
                log(f"{size_label(n)}: index made stale by a code change ({err}); building it again")
        if n == sizes[-1]:
            log(f"{size_label(n)}: incremental update")
            res["incremental"] = incremental(idx, corpus, args)
            log(f"{size_label(n)}: warm path")
            res["warm"] = warm_path(idx, queries, sz["search"], n, args)
    res["meta"] |= {
        "code_after": fingerprint(),
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "minutes": (time.perf_counter() - T0) / 60,
        "others_cores": max(0.0, measure.machine_busy() - busy0 - (own_cpu() - own0)) / (time.perf_counter() - t_start),
    }
    res["targets"] = targets(res, sizes, args.tool)
    res["problems"] = problems
    report(res, sizes, args.tool)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(res, indent=1, default=str)
    args.out.write_text(text)
    if args.out == DEFAULT_OUT:  # keep every run's numbers beside latest.json
        (args.out.parent / f"{res['meta']['date'].replace(':', '')}.json").write_text(text)
    print(f"\nraw numbers: {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
