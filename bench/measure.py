"""Measuring helpers for ``bench/run.py``: one process (tree) at a time.

``run()`` starts a command, samples the memory of the whole process tree every
~50 ms from ``/proc`` and reaps it with ``os.wait4``, whose rusage gives the CPU
time (user + sys) of the process and of every descendant it reaped, and
``ru_maxrss`` of the largest single process.
"""

from __future__ import annotations

import os
import re
import shlex
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024
SAMPLE_EVERY = 0.05  # seconds


@dataclass
class Sample:
    wall: float  # seconds, start to reaped
    cpu: float  # user + sys seconds of the process and its reaped descendants
    rc: int
    maxrss: int  # bytes, ru_maxrss: the largest single process of the tree, or this harness (see peak_rss)
    tree_rss: int = 0  # bytes, max over samples of the sum of VmRSS over the tree
    tree_pss: int = 0  # bytes, the same with PSS (shared copy-on-write pages counted once)
    machine_cpu: float = 0.0  # busy CPU seconds of the whole machine meanwhile (ours and others')
    stdout: bytes = b""
    stderr: bytes = b""


def machine_busy() -> float:
    """Busy CPU seconds of all CPUs since boot (/proc/stat: everything but idle and iowait)."""
    with open("/proc/stat") as fh:
        ticks = [int(x) for x in fh.readline().split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _kib(path: str, key: bytes) -> int:
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_memory(pid: int) -> tuple[int, int]:
    """(sum of VmRSS, sum of PSS) in bytes over ``pid`` and all its descendants."""
    kids, todo, rss, pss = _children(), [pid], 0, 0
    while todo:
        p = todo.pop()
        rss += _kib(f"/proc/{p}/status", b"VmRSS:")
        pss += _kib(f"/proc/{p}/smaps_rollup", b"Pss:")
        todo.extend(kids.get(p, ()))
    return rss, pss


def run(
    cmd: Sequence[str] | str, *, capture: bool = False, sample_memory: bool = False, env: dict[str, str] | None = None
) -> Sample:
    """Run ``cmd`` (a string runs under ``bash -c``) with stdout to /dev/null unless ``capture``."""
    argv = ["bash", "-o", "pipefail", "-c", cmd] if isinstance(cmd, str) else list(cmd)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        busy0, t0 = machine_busy(), time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=out if capture else subprocess.DEVNULL, stderr=err, env=env
        )
        peak = [0, 0]
        done = threading.Event()

        def sampler() -> None:
            while not done.is_set():
                rss, pss = tree_memory(proc.pid)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
                done.wait(SAMPLE_EVERY)

        thread = threading.Thread(target=sampler, daemon=True) if sample_memory else None
        if thread:
            thread.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall, busy = time.perf_counter() - t0, machine_busy() - busy0
        done.set()
        if thread:
            thread.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Sample(
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            rc=proc.returncode,
            maxrss=usage.ru_maxrss * 1024,
            tree_rss=peak[0],
            tree_pss=peak[1],
            machine_cpu=busy,
            stdout=out.read() if capture else b"",
            stderr=err.read(),
        )


# Forks and execs its arguments, then reports the child's own ru_maxrss on stderr.
_PEAK_HELPER = """import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write("newsgrep-bench-maxrss=%d\\n" % usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_rss(argv: Sequence[str], python: str) -> int:
    """Peak RSS in bytes of the process ``argv`` alone.

    Not ``Sample.maxrss`` of a child of this harness: Linux carries the
    parent's high-water mark into a child across (v)fork and exec, so every
    child of a harness that holds 600 MB "peaks" at 600 MB whatever it does.
    A small helper process forks the command itself, so the figure is the
    command's own.
    """
    proc = subprocess.run(
        [python, "-c", _PEAK_HELPER, *argv], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    found = re.findall(rb"newsgrep-bench-maxrss=(\d+)", proc.stderr)
    return int(found[-1]) * 1024 if found else 0


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall seconds of ``runs`` calls of ``fn`` (in this process)."""
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+)([km]?)", text.strip().lower())
    if not m:
        raise ValueError(f"bad size {text!r}: use e.g. 1k, 10k, 100k, 2500")
    return int(m[1]) * {"": 1, "k": 1000, "m": 1000000}[m[2]]


def size_label(n: int) -> str:
    if n % 1000000 == 0:
        return f"{n // 1000000}m"
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def disk_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def rg_to_grep(command: str) -> str:
    """The ``grep`` equivalent of one of ``suggested_queries()``'s ``rg`` pipelines."""
    segments = []
    for segment in command.split(" | "):
        words = shlex.split(segment)
        at = words.index("rg")
        flags = ["-r", "-E"] if at == 0 else ["-E"]
        for w in words[at + 1 :]:
            flags += {"-0": ["-Z"], "--json": ["-H", "-n"]}.get(w, [w])
        segments.append(shlex.join([*words[:at], "grep", *flags]))
    return " | ".join(segments)


def fmt_s(seconds: float) -> str:
    if seconds != seconds:  # nan
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
