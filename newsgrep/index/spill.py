"""Whoosh's posting pool, spilling to disk in marshal batches instead of one pickle per posting.

A writer collects every posting as a tuple ``(field, term, docnum, weight,
value)`` and, past ``limitmb``, sorts them and writes a run to disk; at commit
it merges the runs. Whoosh writes and reads a run one ``pickle.dump`` per
posting: a 10,000-article build spills 3.8 million postings, and the pickling
alone took about a tenth of its CPU. Here a run is a series of
length-prefixed ``marshal`` batches. Same items, same order, same spill
points (the size estimate is Whoosh's), so the index written is the same:
tests/test_writerpool.py compares every posting of the two. A process reads
only the runs it wrote (each sub-writer merges its own: multisegment), and
writer.py starts sub-writers by fork, so they inherit this pool.
"""

from __future__ import annotations

import itertools
import marshal

from whoosh import writing

# Postings per marshal batch. A merge holds one batch per run in memory: at
# most 128 runs x 512 postings, some 13 MB. 2048 held some 50 MB to save
# 0.04 s per million postings (0.15 s of a 30 s 10k build).
_BATCH = 512


class MarshalPool(writing.PostingPool):
    def add(self, item) -> None:
        # Whoosh's add() less its per-posting type asserts; the same size estimate.
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or "")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f, items) -> None:
        items = iter(items)
        while batch := list(itertools.islice(items, _BATCH)):
            data = marshal.dumps(batch)
            f.write(len(data).to_bytes(8, "little"))
            f.write(data)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while header := f.read(8):
                yield from marshal.loads(f.read(int.from_bytes(header, "little")))
        finally:
            f.close()
            self._remove_run(path)


def install() -> None:
    """Make every Whoosh segment writer in this process (and its forked sub-writers) use MarshalPool."""
    writing.PostingPool = MarshalPool
