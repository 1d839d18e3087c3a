#!/usr/bin/env python3
"""Quotation extraction throughput, in process, on the Reuters-21578 bodies.

    python scripts/bench_extract.py [--root CHECKOUT] [--limit N] [--repeat 3]

``--root`` is the checkout whose ``newsgrep`` is timed (default: this one), so a
baseline can be timed from a worktree (``git worktree add /tmp/base <commit>``)
with the same script. Bodies are rebuilt into paragraphs as ``bench/corpus.py``
does for ``bench/run.py --source reuters``. Prints articles/second (best of
``--repeat`` runs) and the number of quotations found.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REUTERS = Path(__file__).resolve().parents[2] / "shared/corpus/reuters21578/reuters21578.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"no corpus at {a.corpus}")
        return 2
    sys.path.insert(0, str(a.root.resolve()))
    from bench.corpus import reuters_paragraphs  # noqa: PLC0415
    from newsgrep.attribution.quotes import extract_quotes  # noqa: PLC0415

    bodies = []
    with a.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            body = json.loads(line).get("body") or ""
            if body:
                bodies.append("\n\n".join(reuters_paragraphs(body)))
            if a.limit and len(bodies) >= a.limit:
                break
    best, found = float("inf"), 0
    for _ in range(a.repeat):
        t = time.perf_counter()
        found = sum(len(extract_quotes(b)) for b in bodies)
        best = min(best, time.perf_counter() - t)
    import newsgrep  # noqa: PLC0415

    print(
        f"{Path(newsgrep.__file__).parent}: {len(bodies)} bodies, {found} quotations, "
        f"best of {a.repeat}: {best:.2f} s, {len(bodies) / best:.0f} articles/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
