"""Equal keys in article-id order: the same files and query give the same hits in the same order.

Whoosh ranks hits of equal score (or equal date, under ``--sort date``) by its
internal document number, which depends on the order in which the runs
added them: an index updated in place and a rebuild of the same files could
list two tied hits the other way round. Here ties are broken by the article
id instead, a function of the article alone (``ingest.articles.article_id``,
or the record's own id), unique among live articles (duplicates keep one copy).

Only the ties that reach the page are broken, so a query without ties pays
for a set of its page's keys; a tie read costs one stored-fields read per
tied hit, or, for a large group of which the page takes few (a filter-only
query, where every match ties), a walk of the ``id`` lexicon in id order
that stops once the page is full. A server reads every document's place in
id order once per index generation, on the first tie it would otherwise walk
the lexicon for (``IdRanks``: 0.12 s at 10k on the loaded test machine), and
uses it from then on.
"""

from __future__ import annotations

import heapq
import itertools
import operator
from functools import partial

__all__ = ["IdRanks", "first_by_id", "settle", "ties_collector"]

# What one step of the id lexicon costs against one stored-fields read (measured on the 10k bench
# index, 3 segments, on the loaded 2-core machine: 7.7 us against 86 us): a group is read by the lexicon
# only where that is cheaper.
SCAN_STEP = 0.1


def settle(searcher, ranked: list, keys: list, limit: int | None, ids: IdRanks | None = None, doc=None) -> list:
    """The first ``limit`` of ``ranked`` (all with None), equal keys in article-id order.

    ``ranked`` holds items whose first element is a document number (with
    ``doc=int``, document numbers), in the order of ``keys`` (their scores
    or sort keys, either direction); it must hold every item whose key
    equals the ``limit``-th's, in any order among themselves. ``ids``: a
    server's ``IdRanks``, else None.
    """
    n = len(ranked) if limit is None else min(limit, len(ranked))
    if n == 0:
        return []
    end = n - 1 + _same(keys, n - 1, len(keys))  # the page, and every item tied with its last
    if len(set(itertools.islice(keys, end))) == end:  # no two keys equal: nothing to break
        return ranked[:n]
    doc = doc or _first
    out: list = []
    at = 0
    while at < end and len(out) < n:
        key = keys[at]
        if at + 1 == end or keys[at + 1] != key:
            out.append(ranked[at])
            at += 1
            continue
        run = ranked[at : at + _same(keys, at, end)]
        members = dict(zip(map(doc, run), run, strict=True))
        out += map(members.__getitem__, first_by_id(searcher, members, min(len(run), n - len(out)), ids))
        at += len(run)
    return out


_first = operator.itemgetter(0)


def _same(keys: list, at: int, end: int) -> int:
    """How many keys from ``at`` (before ``end``) equal the one there, counted in C."""
    return len(list(itertools.takewhile(partial(operator.eq, keys[at]), itertools.islice(keys, at, end))))


def first_by_id(searcher, docnums, n: int, ids: IdRanks | None = None) -> list[int]:
    """The ``n`` of ``docnums`` (live documents) whose article ids come first, in id order.

    With a server's ``ids`` (``IdRanks``), by every document's place in id
    order, read once the first group came that a walk of the lexicon would
    read; else their stored ids where that is cheaper, or the ``id``
    lexicon walked in order until ``n`` of them are found.
    """
    group = len(docnums)
    walk = n < group and group > SCAN_STEP * searcher.doc_count_all() * n / group
    if ids is not None and (walk or ids.ready()):
        return heapq.nsmallest(n, docnums, key=ids.ranks().__getitem__)  # a walk of every id, once
    if walk:
        found = list(itertools.islice(filter(_members(docnums).__contains__, _id_order(searcher)), n))
        if len(found) == n:
            return found
        # else a document without an id term: read the stored ids instead
    stored = searcher.stored_fields
    key = {d: stored(d).get("id", "") for d in docnums}.__getitem__
    return heapq.nsmallest(n, docnums, key=lambda d: (key(d), d))


def _members(docnums):
    return docnums if isinstance(docnums, (set, frozenset, dict)) else set(docnums)


class IdRanks:
    """A server's place of every document in article-id order, read once per index generation (on the first tie)."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self._ranks: list[int] | None = None

    def ready(self) -> bool:
        return self._ranks is not None

    def ranks(self) -> list[int]:
        if self._ranks is None:
            ranks = [0] * self.searcher.doc_count_all()
            for place, docnum in enumerate(_id_order(self.searcher)):
                ranks[docnum] = place
            self._ranks = ranks
        return self._ranks


def _id_order(searcher):
    """Every document number, live or deleted, in the order of its article id: the ``id`` terms of every
    segment merged (a deleted document's id stays there until a merge)."""
    walks = [_id_postings(leaf, offset) for leaf, offset in searcher.reader().leaf_readers()]
    return map(operator.itemgetter(1), heapq.merge(*walks))


def _id_postings(leaf, offset: int):
    """(id as bytes, document number) for every posting of one segment's ``id`` field, in id order."""
    for text, info in leaf.iter_field("id"):
        if info.doc_frequency() == 1:
            yield text, offset + info.min_id()
        else:  # an id that a deleted document of this segment also had
            for local in leaf.postings("id", text).all_ids():
                yield text, offset + local


_COLLECTOR = None


def ties_collector(limit: int):
    """Whoosh's TopCollector (no matcher replacement, as ``search.whoosh_search``) that also keeps
    every document tied with its N-th, for ``settle`` to choose among by article id."""
    global _COLLECTOR
    if _COLLECTOR is None:
        _COLLECTOR = _make_collector()
    return _COLLECTOR(limit, replace=0)


def _make_collector():
    import math
    from heapq import heappush, heapreplace

    from whoosh.collectors import TopCollector

    class TiesCollector(TopCollector):
        """Where Whoosh's heap keeps the lowest document numbers among the N-th's ties, this keeps them all."""

        def prepare(self, top_searcher, q, context) -> None:
            super().prepare(top_searcher, q, context)
            self.tied: list = []  # (score, -docnum) outside the heap, scored as its lowest

        def _collect(self, global_docnum, score):
            items = self.items
            self.total += 1
            if len(items) < self.limit:
                heappush(items, (score, 0 - global_docnum))
                return 0 - score
            low = items[0][0]
            if score > low:
                dropped = heapreplace(items, (score, 0 - global_docnum))
                if items[0][0] == low:
                    self.tied.append(dropped)
                else:
                    self.tied = []
                # Blocks that cannot reach the lowest score may be skipped; those that can tie it may not.
                self.minscore = math.nextafter(items[0][0], -math.inf)
                return 0 - score
            if score == low:
                self.tied.append((score, 0 - global_docnum))
            return 0

        def results(self):
            self.items += self.tied
            self.tied = []
            return super().results()

    return TiesCollector
