"""What checking the segment files costs an open (issue 16, 12).

    python bench/open_cost.py INDEX [--runs 150]

Opens the index and a searcher ``--runs`` times each way, interleaved four
times, and prints the minimum in ms (on a shared machine medians are noise):
no check, size and mtime of every file, and that plus the length columns'
CRC-32 (what ``store.open_index`` does). Then the cost of a full CRC-32 of
every segment file, which only a merge pays, for the segments it merges.
"""

from __future__ import annotations

import argparse
import time

from whoosh.filedb.filestore import FileStorage

from newsgrep.index import store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("index")
    parser.add_argument("--runs", type=int, default=150)
    args = parser.parse_args()
    gen = store.current_dir(args.index)
    checked = store.checked_index_class()
    summed = store._always_summed

    def once(recorded: bool, crc: bool) -> float:
        store._always_summed = summed if crc else (lambda _name: False)
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            checked(FileStorage(gen), recorded=recorded).searcher().close()
            best = min(best, time.perf_counter() - start)
        return best * 1e3

    ways = {"no check": (False, False), "size+mtime": (True, False), "size+mtime+length CRCs": (True, True)}
    results: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(4):
        for name, (recorded, crc) in ways.items():
            results[name].append(once(recorded, crc))
    store._always_summed = summed
    for name, times in results.items():
        print(f"{name:24s} min {min(times):.3f} ms  (per round: {', '.join(f'{t:.2f}' for t in times)})")
    ix = store.open_index(args.index)
    toc = ix._read_toc()
    start = time.perf_counter()
    store.check_segments(gen, toc.generation, {s.segment_id() for s in toc.segments}, full=True)
    print(f"full CRC-32 of every segment file: {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
