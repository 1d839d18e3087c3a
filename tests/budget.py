"""Time bounds in tests that tell "answers" from "hangs", scaled to how fast this machine runs right now.

Speed targets live in ``bench/``, as ratios measured in one run. A test here only guards
against a regression of another order (seconds against minutes or hours: a backtracking
pattern, a lock wait, an unbounded expansion). A fixed bound of 1 s still failed on a busy
machine (two cores shared by a dozen processes) where nothing hung, so each bound is
multiplied by the slowdown of a fixed pure-Python loop timed just before the test, against
what that loop takes on an idle machine of the kind CI runs on.
"""

from __future__ import annotations

import time

IDLE_LOOP_S = 0.012  # the loop below, best of 3, on an idle 2-core CI machine


def _loop() -> float:
    started = time.perf_counter()
    sum(i * i for i in range(300_000))
    return time.perf_counter() - started


def budget(seconds: float) -> float:
    """``seconds`` on an idle machine, stretched by how much slower the same loop runs now (never shrunk)."""
    return seconds * max(1.0, min(_loop() for _ in range(3)) / IDLE_LOOP_S)
