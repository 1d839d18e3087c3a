"""Bounded adversarial stress test of newsgrep's reliability promises (issue 16).

    .venv/bin/python scripts/stress.py                       # every part, default bounds (about 8 min here)
    .venv/bin/python scripts/stress.py --parts kill,corrupt --kills 40 --seed 3
    .venv/bin/python scripts/stress.py --minutes 2           # each part stops after 2 minutes

Five parts, each bounded by a count and by ``--minutes`` (whichever comes first), each
trial counted; the exit status is 1 if any trial failed, and every failure is printed
with what is needed to reproduce it. Everything runs under ``--work`` (a temporary
directory by default, deleted afterwards unless ``--keep``); the corpus is generated
here from sentences of this script, never copied from anywhere.

kill     ``kill -9`` of a real ``newsgrep index`` at a random moment of a full build, an
         incremental run or a rebuild. Then: the leftover search answers (exit 0 or 1, or
         "no index" / "being built" for a killed first build), no worker outlives its
         parent by more than 5 s, the next plain ``newsgrep index`` exits 0, ``newsgrep
         check`` says ok, the live generation holds no file its commit did not record,
         and the index holds what a clean build of the same files holds (articles,
         paths, lines, titles, texts, and the hits of fixed queries).
rounds   random incremental rounds (add, edit, delete, duplicate, move, version files),
         each compared with a rebuild of the same files: same articles, same texts, same
         warnings count, same hits for fixed queries (a date sort and filters alone
         among them), hits tied in both in the same order (by article id); nearly
         equal scores in another order are noted, not failed.
fuzz     random command lines (hostile queries, options and values) run one-shot and
         through ``newsgrep serve``: no traceback, no "internal error", exit 0/1/2, and
         the same stdout, stderr and exit status both ways.
frames   garbage on the server's socket (random bytes, bad JSON, deep nesting, huge
         numbers, lying marshal lengths, well-formed requests of the wrong types, half
         requests): after each the server is still there and answers a real search,
         and every frame it answered got an error reply.
corrupt  every kind of index file (CURRENT, manifest, TOC, segment record, newsgrep.json,
         each segment file and column, the speakers table and state) truncated,
         bit-flipped, deleted, overwritten with garbage, or replaced by a directory; and
         bit rot that keeps size and mtime. A search must say "damaged" with exit 2, or
         answer exactly as before (only where the README says that file's damage is no
         error: the speakers table and state); ``newsgrep check`` must exit 2 for every
         damaged file a search reads; ``newsgrep index --rebuild`` must exit 0 and give the
         undamaged answers back.

Set NEWSGREP_NO_SERVER=1 is done here for every one-shot run; the served runs of
``fuzz`` go through the launcher, as a user's do.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSGREP = str(Path(sys.executable).parent / "newsgrep")
ENV = {**os.environ, "NEWSGREP_NO_SERVER": "1", "NEWSGREP_SEEDS": "/nonexistent", "COLUMNS": "100"}
ENV.pop("NEWSGREP_INDEX", None)
QUERIES = ["talks", "minister", '"grain corridor"', "sanctions AND treaty", "envoy OR pipeline", "quokka"]
# ...and orders with many ties: a date sort each way, and filters alone (every match scores the same).
ORDERED = [("talks", {"sort": "date"}), ("minister", {"sort": "-date"}), ("", {"date_from": "1900"})]
ASKED = [(q, {}) for q in QUERIES] + ORDERED

WORDS = (  # noqa: SIM905 - a sentence of words reads better than a list of 33 strings
    "minister talks sanctions treaty summit border energy grain corridor delegation embassy ceasefire "
    "security council resolution envoy agreement trade pipeline islands negotiations harbour customs "
    "fisheries quokka wombat numbat visa consulate observers monitoring exports tariffs"
).split()
NAMES = ["Ivan Petrov", "Maria Lind", "Kofi Mensah", "Li Wei", "Ana Souza", "Omar Haddad"]


# --- running newsgrep --------------------------------------------------------------------


def ng(work: Path, *args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NEWSGREP, *args],
        cwd=work,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=timeout,
        env=env or ENV,
        stdin=subprocess.DEVNULL,
    )


def fingerprint(work: Path, index: str) -> dict:
    """What an index answers: every article (id, path, line, title, text) and the hits of fixed queries.

    Read in this process through the Python API (``newsgrep.open``), a process start cheaper per
    question than the CLI; the runs that are killed, and the ones after them, are real processes.
    """
    import newsgrep
    from newsgrep.errors import NewsgrepError

    try:
        archive = newsgrep.open(str(work / index))
        articles = sorted(
            (a.id, a.path, a.line, a.title, hashlib.sha1(a.body.encode("utf-8", "surrogateescape")).hexdigest()[:12])
            for a in archive.articles("*")
        )
        hits = {}
        for q, options in ASKED:
            found = archive.search(q, limit=0, **options).hits
            # each hit's id and the key it is ranked by (its score, rounded to 4 places; its date)
            hits[label(q, options)] = [(h.id, h.date if "sort" in options else h.score) for h in found]
    except NewsgrepError as err:
        return {"error": str(err)}
    return {"articles": articles, "hits": hits}


def label(q: str, options: dict) -> str:
    return " ".join([repr(q), *(f"--{k.replace('_', '-')} {v}" for k, v in options.items())])


def differences(a: dict, b: dict) -> str:
    if a == b:
        return ""
    if "error" in a or "error" in b:
        return f"{a.get('error')} / {b.get('error')}"
    left, right = set(a["articles"]), set(b["articles"])
    if left != right:
        return f"articles differ: only here {sorted(left - right)[:3]}, only in a rebuild {sorted(right - left)[:3]}"
    for q in a["hits"]:
        ids_a, ids_b = (sorted(i for i, _key in x["hits"][q]) for x in (a, b))
        if ids_a != ids_b:
            return f"hits of {q} differ: {ids_a} / {ids_b}"
    tie = tie_in_another_order(a, b)
    if tie:
        return tie
    return ""  # the same articles, texts and hits; only the order of nearly equal scores may differ


def tie_in_another_order(a: dict, b: dict) -> str:
    """Two hits tied (equal keys) in both indexes, at the same key, listed in another order: ties are broken by
    article id, whatever the history ("" if none). Scores are rounded to 4 places, so a tie here is an equal
    score to 4 places, unchanged by the deleted documents an updated index still counts."""
    for q, mine in a["hits"].items():
        theirs = b["hits"][q]
        if [i for i, _k in mine] == [i for i, _k in theirs]:
            continue
        where, key = {i: n for n, (i, _k) in enumerate(theirs)}, dict(theirs)
        for x, (i, ki) in enumerate(mine):
            for j, kj in mine[x + 1 :]:
                if ki == kj == key[i] == key[j] and where[i] > where[j]:
                    return f"hits of {q}: {i} and {j} tie at {ki} in both indexes, in another order"
    return ""


def order_differs(a: dict, b: dict) -> bool:
    """Hits in another order: nearly equal scores, which an updated index (deleted documents still counted in
    its term statistics until a merge) can rank the other way round."""
    if "error" in a or "error" in b:
        return False
    return any([i for i, _k in found] != [i for i, _k in b["hits"][q]] for q, found in a["hits"].items())


# --- the corpus ----------------------------------------------------------------------------


def sentence(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 14))).capitalize() + "."


def story(rnd: random.Random, k: int, version: int) -> dict:
    """Story ``k``, version ``version``: the same title and day, another text."""
    r = random.Random(k * 1000 + version)
    body = " ".join(sentence(r) for _ in range(r.randint(3, 8)))
    body += f' "The {r.choice(WORDS)} matters to us," {NAMES[k % len(NAMES)]} said.'
    return {
        "title": f"Story {k} on {WORDS[k % len(WORDS)]}",
        "date": f"2020-{1 + k % 12:02d}-{1 + k % 28:02d}",
        "source": ["Agency One", "Agency Two"][k % 2],
        "body": body + f" Version {version}.",
    }


def write_file(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    else:  # the digest layout: ## title, date, body
        text = ""
        for r in records:
            y, m, d = r["date"].split("-")
            text += f"## {r['title']}\n\n{d}.{m}.{y}\n\n{r['body']}\n\n"
        path.write_text(text, encoding="utf-8")


def make_corpus(seeds: Path, rnd: random.Random, files: int, stories: int) -> None:
    for n in range(files):
        suffix = ".jsonl" if n % 3 == 0 else ".txt"
        picks = [story(rnd, rnd.randrange(stories), rnd.randint(1, 2)) for _ in range(rnd.randint(2, 8))]
        write_file(seeds / f"d{n % 4}" / f"f{n:03d}{suffix}", picks)


def mutate(seeds: Path, rnd: random.Random, stories: int) -> str:
    """One random change to the files: what happened, for the report."""
    files = sorted(p for p in seeds.rglob("*") if p.is_file())
    kind = rnd.choice(["add", "edit", "delete", "duplicate", "move", "version", "touch"])
    if kind == "add" or not files:
        path = seeds / f"d{rnd.randrange(4)}" / f"n{rnd.randrange(10**6):06d}{rnd.choice(['.txt', '.jsonl'])}"
        write_file(path, [story(rnd, rnd.randrange(stories), rnd.randint(1, 3)) for _ in range(rnd.randint(1, 5))])
        return f"add {path.relative_to(seeds)}"
    path = rnd.choice(files)
    name = path.relative_to(seeds)
    if kind == "delete":
        path.unlink()
    elif kind == "duplicate":
        target = seeds / f"d{rnd.randrange(4)}" / f"copy{rnd.randrange(10**6):06d}{path.suffix}"
        shutil.copyfile(path, target)
        return f"duplicate {name} as {target.relative_to(seeds)}"
    elif kind == "move":
        target = seeds / f"d{rnd.randrange(4)}" / f"moved{rnd.randrange(10**6):06d}{path.suffix}"
        path.rename(target)
        return f"move {name} to {target.relative_to(seeds)}"
    elif kind == "touch":
        os.utime(path)
    else:  # edit or version: rewrite with other stories, or later versions of the same ones
        picks = [story(rnd, rnd.randrange(stories), rnd.randint(1, 3)) for _ in range(rnd.randint(1, 6))]
        if kind == "version":
            picks.append(dict(picks[0], body=picks[0]["body"] + " Corrected."))
        write_file(path, picks)
    return f"{kind} {name}"


# --- the parts ------------------------------------------------------------------------------


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.failures: list[str] = []
        self.notes: dict[str, int] = {}

    def note(self, what: str) -> None:
        """Counted and reported, not a failure."""
        self.notes[what] = self.notes.get(what, 0) + 1

    def add(self, part: str, failure: str = "") -> None:
        done = self.counts.setdefault(part, [0, 0])
        done[0] += 1
        if failure:
            done[1] += 1
            self.failures.append(f"{part}: {failure}")
            print(f"  FAIL {part}: {failure}", flush=True)


def recorded_files(gen: Path) -> set[str] | None:
    """The files a generation's last commit stands for; None if it cannot be read."""
    segs = sorted(gen.glob("segments-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    if not segs:
        return None
    n = segs[-1].stem.split("-")[1]
    try:
        names = set(json.loads(segs[-1].read_text()))
    except (OSError, ValueError):
        return None
    extra = {f"_MAIN_{n}.toc", f"manifest-{n}.json", f"segments-{n}.json", "newsgrep.json", "MAIN_WRITELOCK"}
    extra |= {p.name for p in gen.glob(f"speakers-{n}.*")}
    return names | extra


def orphans(index: Path) -> list[str]:
    try:
        gen = index / (index / "CURRENT").read_text().strip()
    except OSError:
        return ["no CURRENT"]
    keep = recorded_files(gen)
    if keep is None:
        return []  # an index from before the record
    return sorted(p.name for p in gen.iterdir() if p.name not in keep)


def live_children(pid: int) -> list[int]:
    found = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
                if (int(fields[1]) == pid or int(fields[2]) == pid) and fields[0] != "Z":  # child or group
                    found.append(int(d))
    return found


def part_kill(work: Path, rnd: random.Random, tally: Tally, count: int, deadline: float) -> None:
    seeds = work / "kill-seeds"
    make_corpus(seeds, rnd, files=60, stories=80)
    started = time.monotonic()
    assert ng(work, "index", "kill-seeds", "--index", "clean", "-q").returncode == 0
    build_time = time.monotonic() - started
    for trial in range(count):
        if time.monotonic() > deadline:
            break
        action = rnd.choice(["build", "update", "update", "rebuild"])
        if action == "build":
            shutil.rmtree(work / "ix", ignore_errors=True)
        elif not (work / "ix" / "CURRENT").exists():
            ng(work, "index", "kill-seeds", "--index", "ix", "-q")
        what = [mutate(seeds, rnd, 80) for _ in range(rnd.randint(1, 4))] if action != "build" else []
        args = ["index", "kill-seeds", "--index", "ix", "-q"] + (["--rebuild"] if action == "rebuild" else [])
        delay = rnd.uniform(0, build_time * (1.3 if action != "update" else 0.9))
        proc = subprocess.Popen(
            [NEWSGREP, *args],
            cwd=work,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        time.sleep(delay)
        killed = proc.poll() is None
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        label = f"trial {trial} {action} {'killed' if killed else 'finished'} at {delay:.2f}s after {what}"
        problems = []
        end = time.monotonic() + 5
        while (left := live_children(proc.pid)) and time.monotonic() < end:
            time.sleep(0.1)
        if left:
            problems.append(f"workers {left} outlived the kill by 5 s")
            for pid in left:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        look = ng(work, "search", "talks", "--index", "ix", "--count")
        if look.returncode not in (0, 1) and not (
            action == "build" and any(w in look.stderr for w in ("no index", "being built", "CURRENT is missing"))
        ):
            problems.append(f"search after the kill: {look.returncode} {look.stderr.strip()}")
        nxt = ng(work, "index", "kill-seeds", "--index", "ix", "-q")
        if nxt.returncode != 0:
            problems.append(f"next run: {nxt.returncode} {nxt.stderr.strip()[-300:]}")
        else:
            check = ng(work, "check", "--index", "ix")
            if check.returncode != 0:
                problems.append(f"check: {check.stderr.strip()}")
            left_over = orphans(work / "ix")
            if left_over:
                problems.append(f"files no commit recorded: {left_over[:5]}")
            ng(work, "index", "kill-seeds", "--index", "clean", "--rebuild", "-q")
            problems += same_as_rebuild(work, "ix", "clean", tally, "kill")
        tally.add(f"kill:{action}", f"{label}: {'; '.join(problems)}" if problems else "")


def same_as_rebuild(work: Path, index: str, rebuilt: str, tally: Tally, part: str) -> list[str]:
    """What differs between an index and a rebuild of the same files ([] if nothing); hits in another
    order are a failure where their keys are equal in both (ties go by article id), else (nearly equal
    scores) noted."""
    mine, clean = fingerprint(work, index), fingerprint(work, rebuilt)
    diff = differences(mine, clean)
    if diff:
        return [diff]
    if order_differs(mine, clean):
        tally.note(f"{part}: hits in another order (nearly equal scores)")
    return []


def part_rounds(work: Path, rnd: random.Random, tally: Tally, count: int, deadline: float) -> None:
    seeds = work / "round-seeds"
    make_corpus(seeds, rnd, files=12, stories=15)  # few stories: many copies and versions
    assert ng(work, "index", "round-seeds", "--index", "inc", "-q").returncode == 0
    history = []
    for n in range(count):
        if time.monotonic() > deadline:
            break
        history += [mutate(seeds, rnd, 15) for _ in range(rnd.randint(1, 3))]
        inc = ng(work, "index", "round-seeds", "--index", "inc", "-q")
        full = ng(work, "index", "round-seeds", "--index", "full", "--rebuild", "-q")
        problems = []
        if inc.returncode != 0 or full.returncode != 0:
            problems.append(f"exit {inc.returncode}/{full.returncode}: {inc.stderr[-200:]} {full.stderr[-200:]}")
        else:
            problems += same_as_rebuild(work, "inc", "full", tally, "rounds")
            counts = [ng(work, "index", "round-seeds", "--index", ix).stdout.strip() for ix in ("inc", "full")]
            summaries = [c.split("; ")[-2] if "; " in c else c for c in counts]  # "N warnings"
            if summaries[0] != summaries[1]:
                problems.append(f"warnings: {summaries}")
        tally.add("rounds", f"round {n} after {history[-3:]}: {'; '.join(problems)}" if problems else "")


# --- fuzzing command lines ------------------------------------------------------------------

FUZZ_WORDS = [
    "talks", "minister", "oil~1", "oil~2", "oil~3", "tal*", "*ks", "t?lks", '"grain corridor"', "AND", "OR",
    "NOT", "(", ")", "title:story", "speaker:Petrov", "date:2020", "{a TO z]", "[2020 TO 2021]", "quokka",
    "Лавров", "\u202e", "\x1b[2J", "a" * 500, "9" * 300, "-", "--", "'", '"', "\\", "~", "^2", "*", "?",
    "topics:x", "source:\"Agency One\"", "\udcff", "🙂", "",
]  # fmt: skip
FUZZ_OPTIONS = {
    "search": ["--limit", "-n", "--offset", "--sort", "--json", "--jsonl", "--count", "--from", "--to", "--source",
               "--speaker", "--facet", "--match", "--color"],
    "quotes": ["--limit", "--json", "--jsonl", "--speaker", "--from", "--to", "--source", "--match", "--color"],
    "speakers": ["--limit", "--json", "--from", "--to", "--sort", "--match", "--source", "--color"],
    "timeline": ["--by", "--json", "--from", "--to", "--speaker", "--match", "--color"],
    "export": ["--format", "--from", "--to", "--source", "--speaker", "--match", "--mapping", "--name"],
    "show": ["--json", "--color"],
    "similar": ["--limit", "--json", "--jsonl", "--from", "--source", "--color"],
    "stats": ["--json", "--color"],
}  # fmt: skip
FUZZ_VALUES = ["0", "1", "-1", "10", "99999999999999999999", "x", "", "2020", "2020-13-40", "1987-03", "relevance",
               "date", "-date", "source", "all", "any", "always", "never", "json", "jsonl", "csv", "month", "year",
               "Agency One", "\x01", "nan", "1e9", "--json"]  # fmt: skip


def fuzz_line(rnd: random.Random, ids: list[str]) -> list[str]:
    command = rnd.choice(list(FUZZ_OPTIONS) + ["search"] * 4)
    argv = [command]
    if command in ("show", "similar"):
        argv.append(rnd.choice([*ids[:5], "nope", "", "1", "../x", "\x1b"]))
    elif command != "stats":
        argv.append(" ".join(rnd.choice(FUZZ_WORDS) for _ in range(rnd.randint(0, 4))))
    for _ in range(rnd.randint(0, 4)):
        opt = rnd.choice(FUZZ_OPTIONS[command] + ["--bogus", "-h" if rnd.random() < 0.05 else "--json"])
        argv.append(opt)
        if opt not in ("--json", "--jsonl", "--count", "--mapping", "-h", "--bogus") or rnd.random() < 0.1:
            argv.append(rnd.choice(FUZZ_VALUES))
    if rnd.random() < 0.1:
        rnd.shuffle(argv)
    return argv


def start_server(work: Path, index: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [NEWSGREP, "serve", "--index", index], cwd=work, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sock = work / index / ".serve.sock"
    end = time.monotonic() + 30
    while not sock.exists() and time.monotonic() < end and proc.poll() is None:
        time.sleep(0.05)
    return proc


def stop_server(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def part_fuzz(work: Path, rnd: random.Random, tally: Tally, count: int, deadline: float) -> None:
    seeds = work / "fuzz-seeds"
    make_corpus(seeds, rnd, files=20, stories=40)
    assert ng(work, "index", "fuzz-seeds", "--index", "index", "-q").returncode == 0
    ids = [json.loads(line)["id"] for line in ng(work, "export", "*", "--format", "jsonl").stdout.splitlines()]
    server = start_server(work, "index")
    served_env = {k: v for k, v in ENV.items() if k != "NEWSGREP_NO_SERVER"}
    try:
        for _ in range(count):
            if time.monotonic() > deadline:
                break
            argv = fuzz_line(rnd, ids)
            if any(a.startswith("-h") or a == "--help" for a in argv):
                argv = [a for a in argv if a not in ("-h", "--help")]  # help is never forwarded: nothing to compare
            try:
                one = ng(work, *argv, timeout=60)
                served = ng(work, *argv, env=served_env, timeout=60)
            except subprocess.TimeoutExpired:
                tally.add("fuzz", f"{argv!r}: more than 60 s")
                continue
            problems = []
            for how, r in (("one-shot", one), ("served", served)):
                if r.returncode not in (0, 1, 2):
                    problems.append(f"{how} exit {r.returncode}")
                if "Traceback" in r.stderr or "internal error" in r.stderr:
                    problems.append(f"{how}: {r.stderr.strip()[-300:]}")
            if (one.returncode, one.stdout, one.stderr) != (served.returncode, served.stdout, served.stderr):
                problems.append(
                    f"one-shot and served differ: {one.returncode} {one.stderr[-200:]!r} {one.stdout[:200]!r} / "
                    f"{served.returncode} {served.stderr[-200:]!r} {served.stdout[:200]!r}"
                )
            if server.poll() is not None:
                problems.append("the server exited")
                server = start_server(work, "index")
            tally.add("fuzz", f"{argv!r}: {'; '.join(problems)}" if problems else "")
    finally:
        stop_server(server)


# --- garbage frames on the socket -----------------------------------------------------------


def frame(rnd: random.Random) -> tuple[str, bytes, bool]:
    """A garbage request: (kind, bytes, whether a reply is due: a half request may be dropped instead)."""
    import marshal

    kind = rnd.choice(
        ["random", "bad utf-8", "not json", "deep", "digits", "json types", "marshal garbage", "marshal lies",
         "marshal types", "half json", "half marshal", "huge line", "empty"]
    )  # fmt: skip
    junk = rnd.randbytes(rnd.randint(1, 400))
    if kind == "random":
        return kind, junk.replace(b"M", b"m", 1) if junk[:1] == b"M" else junk + b"\n", True
    if kind == "bad utf-8":
        return kind, b"\x80\xff" + junk.replace(b"\n", b"") + b"\n", True
    if kind == "not json":
        return kind, b"{" + bytes(rnd.choice(b"[]{}:,\"'") for _ in range(50)) + b"\n", True
    if kind == "deep":
        return kind, rnd.choice([b"[", b'{"a":']) * rnd.choice([1000, 100_000]) + b"\n", True
    if kind == "digits":
        return kind, b'{"cmd": "search", "query": ' + b"9" * rnd.choice([5000, 50000]) + b"}\n", True
    if kind == "json types":
        value = rnd.choice([5, None, [], {}, "x", ["search", 5], [None], {"a": 1}, True, 1e308, "\ud800"])
        payload = rnd.choice(
            [{"cmd": "run", "argv": value}, {"cmd": "run", "argv": ["search", "talks"], "env": value},
             {"cmd": "run", "argv": ["search", "talks"], "cwd": value}, {"cmd": value},
             {"cmd": "search", "query": value}, {"cmd": "search", "query": "talks", "limit": value},
             {"cmd": "search", "query": "talks", "filters": value}, {"cmd": "run", "argv": ["search", "x"], "tty": value},
             value]
        )  # fmt: skip
        return kind, json.dumps(payload).encode() + b"\n", True
    if kind == "marshal garbage":
        return kind, b"M" + len(junk).to_bytes(8, "big") + junk, True
    if kind == "marshal lies":
        return kind, b"M" + rnd.choice([2**63, 2**20 + 1, 10**6]).to_bytes(8, "big") + junk, False
    if kind == "marshal types":
        value = rnd.choice([5, None, [], ("search",), {"cmd": "run", "argv": [1, 2]}, {"cmd": "run", "argv": "search"},
                            {"cmd": "run", "argv": ["search", "talks"], "env": {"A": 5}},
                            {"cmd": "run", "argv": ["search", "talks"], "cwd": "/nonexistent/dir"},
                            {"cmd": "run", "argv": ["search", "talks"], "term": "x"}, b"bytes", {1: 2}])  # fmt: skip
        body = marshal.dumps(value)
        return kind, b"M" + len(body).to_bytes(8, "big") + body, True
    if kind == "half json":
        return kind, b'{"cmd": "run", "argv": ["sea', False
    if kind == "half marshal":
        return kind, b"M\x00\x00\x00", False
    if kind == "huge line":
        return kind, b"x" * (2 << 20), False
    return kind, b"", False


def send(path: str, data: bytes, timeout: float = 10) -> bytes | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
        with contextlib.suppress(OSError):
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        sock.close()


def is_reply(reply: bytes) -> bool:
    import marshal

    try:
        answer = marshal.loads(reply[9:]) if reply[:1] == b"M" else json.loads(reply)
    except (ValueError, EOFError, TypeError):
        return False
    return isinstance(answer, dict) and isinstance(answer.get("ok"), bool)


def is_error_reply(reply: bytes) -> bool:
    import marshal

    try:
        answer = marshal.loads(reply[9:]) if reply[:1] == b"M" else json.loads(reply)
    except (ValueError, EOFError, TypeError):
        return False
    return isinstance(answer, dict) and answer.get("ok") is False and bool(answer.get("error"))


def part_frames(work: Path, rnd: random.Random, tally: Tally, count: int, deadline: float) -> None:
    seeds = work / "frame-seeds"
    make_corpus(seeds, rnd, files=10, stories=20)
    assert ng(work, "index", "frame-seeds", "--index", "fx", "-q").returncode == 0
    server = start_server(work, "fx")
    path = str(work / "fx" / ".serve.sock")
    real = json.dumps({"cmd": "search", "query": "talks", "limit": 1}).encode() + b"\n"
    try:
        for n in range(count):
            if time.monotonic() > deadline:
                break
            kind, data, due = frame(rnd)
            reply = send(path, data)
            problems = []
            if reply and kind in ("json types", "marshal types") and is_reply(reply):
                pass  # well-formed, and perhaps a real request ({"cmd": "search", "query": "x"}): any answer will do
            elif reply and not is_error_reply(reply):
                problems.append(f"reply is not an error: {reply[:200]!r}")
            elif due and not reply:
                problems.append("no reply")
            alive = send(path, real)
            if server.poll() is not None or not alive or b'"ok": true' not in alive:
                problems.append(f"the server did not answer a real search after it: {alive!r:.200}")
                if server.poll() is not None:
                    problems.append(f"server exited {server.returncode}: {server.stderr.read()[-300:]!r}")
                    server = start_server(work, "fx")
            tally.add("frames", f"frame {n} ({kind}, {data[:60]!r}): {'; '.join(problems)}" if problems else "")
    finally:
        stop_server(server)


# --- corruption ------------------------------------------------------------------------------


def damage(path: Path, kind: str, rnd: random.Random) -> bool:
    """Damage one file; False if this kind does not apply (a bit flip in an empty file)."""
    if kind == "delete":
        path.unlink()
    elif kind == "directory":
        path.unlink()
        path.mkdir()
        (path / "junk").write_text("x")
    elif kind == "truncate":
        size = path.stat().st_size
        if size == 0:
            return False
        if path.name == "CURRENT":  # read stripped: cutting only its final newline is no damage (1 in 28 cuts)
            size = max(1, len(path.read_bytes().rstrip()))
        with open(path, "r+b") as fh:
            fh.truncate(rnd.randrange(size))
    elif kind in ("bit flip", "rot"):
        data = bytearray(path.read_bytes())
        if not data:
            return False
        stat = path.stat()
        data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
        path.write_bytes(bytes(data))
        if kind == "rot":  # bit rot: the size and the mtime are as they were
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    elif kind == "garbage":
        size = path.stat().st_size
        path.write_bytes(rnd.randbytes(max(size, 16)))
    return True


KINDS = ["truncate", "bit flip", "delete", "garbage", "directory", "rot"]
HARMLESS = ("speakers-",)  # the README: a damaged speakers table or state is no error, the column answers


def role(name: str) -> str:
    """Files of one role share a line in the report: 'segment .pst', 'manifest', ..."""
    if name.startswith("MAIN_"):
        return "segment " + name.split(".", 1)[1]
    return name.split("-")[0].split("_")[1] if name.startswith("_MAIN") else name.split("-")[0].split(".")[0]


def answers(work: Path, index: str) -> tuple:
    s = ng(work, "search", "talks OR minister", "--index", index, "--limit", "0", "--json")
    sp = ng(work, "speakers", "--index", index, "--json")
    return s.returncode, s.stdout, s.stderr, sp.returncode, sp.stdout


def part_corrupt(work: Path, rnd: random.Random, tally: Tally, count: int, deadline: float) -> None:
    seeds = work / "corrupt-seeds"
    make_corpus(seeds, rnd, files=16, stories=60)
    assert ng(work, "index", "corrupt-seeds", "--index", "pristine", "-q").returncode == 0
    mutate(seeds, rnd, 60)
    write_file(seeds / "zz-late.txt", [story(rnd, 61, 1)])
    assert ng(work, "index", "corrupt-seeds", "--index", "pristine", "-q").returncode == 0  # two segments
    before = answers(work, "pristine")
    assert ng(work, "index", "corrupt-seeds", "--index", "reference", "--rebuild", "-q").returncode == 0
    repaired = answers(work, "reference")  # what a rebuild of the same files answers
    gen_name = (work / "pristine" / "CURRENT").read_text().strip()
    files = ["CURRENT"] + sorted(f"{gen_name}/{p.name}" for p in (work / "pristine" / gen_name).iterdir())
    cases = [(f, k) for f in files for k in KINDS if not (f.endswith("MAIN_WRITELOCK"))]
    rnd.shuffle(cases)
    for f, kind in cases[:count]:
        if time.monotonic() > deadline:
            break
        shutil.rmtree(work / "bad", ignore_errors=True)
        shutil.copytree(work / "pristine", work / "bad", copy_function=shutil.copy2)
        if not damage(work / "bad" / f, kind, rnd):
            continue
        name = os.path.basename(f)
        label = f"{kind} of {name}"
        now = answers(work, "bad")
        problems = []
        said_damaged = now[0] == 2 and "damaged" in now[2]
        harmless = name.startswith(HARMLESS)
        if not said_damaged and now != before:
            problems.append(f"search answered {now[0]} {now[2].strip()[:200]!r} (not 'damaged', not as before)")
        check = ng(work, "check", "--index", "bad")
        if not said_damaged and not harmless and check.returncode == 2:
            tally.note(f"corrupt: search answered as before, check found it: {kind} of {role(name)}")
        if not harmless and check.returncode != 2:
            problems.append(
                f"check exited {check.returncode}: {check.stdout.strip()[:120]} {check.stderr.strip()[:120]}"
            )
        if check.returncode not in (0, 2) or "internal error" in check.stderr:
            problems.append(f"check: {check.returncode} {check.stderr.strip()[:200]}")
        rebuilt = ng(work, "index", "corrupt-seeds", "--index", "bad", "--rebuild", "-q")
        if rebuilt.returncode != 0:
            problems.append(f"--rebuild exited {rebuilt.returncode}: {rebuilt.stderr.strip()[-200:]}")
        else:
            after = answers(work, "bad")
            if after != repaired:
                problems.append("after --rebuild the answers differ from a rebuild of the same files")
        tally.add(f"corrupt:{role(name)}", f"{label}: {'; '.join(problems)}" if problems else "")


PARTS = {"kill": part_kill, "rounds": part_rounds, "fuzz": part_fuzz, "frames": part_frames, "corrupt": part_corrupt}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", default=",".join(PARTS), help="comma-separated: " + ", ".join(PARTS))
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--fuzz", type=int, default=300)
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--corrupt", type=int, default=400, help="at most this many (file, kind) cases")
    parser.add_argument("--minutes", type=float, default=3.0, help="time cap of each part")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", help="work directory (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--out", help="write the counts and failures as JSON here")
    opts = parser.parse_args()
    work = Path(opts.work or tempfile.mkdtemp(prefix="newsgrep-stress-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    started = time.monotonic()
    try:
        for name in opts.parts.split(","):
            rnd = random.Random(f"{opts.seed}-{name}")
            part_started = time.monotonic()
            print(f"{name}: running (seed {opts.seed})", flush=True)
            try:
                bound = getattr(opts, name if name != "kill" else "kills")
                PARTS[name](work, rnd, tally, bound, part_started + 60 * opts.minutes)
            except Exception as err:  # noqa: BLE001 - a fault of this script: counted, and the other parts go on
                tally.add(name, f"the stress script itself failed: {err!r}")
            print(f"{name}: {time.monotonic() - part_started:.0f}s", flush=True)
    finally:
        if not opts.keep and not opts.work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'part':<28}{'trials':>8}{'failed':>8}")
    for part, (done, failed) in sorted(tally.counts.items()):
        print(f"{part:<28}{done:>8}{failed:>8}")
    for what, n in sorted(tally.notes.items()):
        print(f"  not failures: {what}: {n}")
    total = sum(d for d, _ in tally.counts.values())
    print(f"{'all':<28}{total:>8}{len(tally.failures):>8}   ({time.monotonic() - started:.0f}s, seed {opts.seed})")
    if opts.out:
        Path(opts.out).write_text(
            json.dumps(
                {"seed": opts.seed, "counts": tally.counts, "failures": tally.failures, "notes": tally.notes}, indent=1
            )
        )
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
