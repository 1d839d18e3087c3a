"""Query evaluation on decoded postings: Whoosh's answers, without Whoosh's per-document walk.

Whoosh scores a query by walking matcher objects document by document in
pure Python, about 3.5 microseconds per matching document: a common word in
a 100,000-article index costs a third of a second. Here a term's postings are
decoded a block at a time into flat arrays (document numbers, and the term's
BM25F score in each, computed by Whoosh's own function from the same
numbers), and a query is evaluated on whole sets with dict, set and
``itertools`` operations that run in C. A one-shot search decodes just the
terms it needs; `newsgrep serve` keeps them, per index generation (postings.py
owns the decoding and its caches; this module, the query algebra and the top N).

The answers are Whoosh's own, which the tests check request by request
against ``search(..., use_engine=False)``:

- the set of matches (and so ``total``) follows Whoosh's semantics: Term,
  And, Or, AndNot, NOT clauses, Phrase (consecutive positions), date ranges
  (as the trie terms Whoosh would search), the filters ``search.restrict``
  adds; deleted documents never match;
- the default ranking's own nodes, ``search.Natural`` (bare words side by
  side: the OR's matches, scored ``S * m / n``) and ``search.Feedback`` (the
  main query's matches, plus each matching feedback term's score), are
  evaluated with the operations of their own Whoosh matchers in the same
  order, so the same bits; those matchers are the reference;
- scores are exact to the last bit where every AND, OR and phrase joins at
  most two operands (floating-point addition of two numbers does not depend
  on their order) or only whole-number weights; wider trees are summed here
  in another order, so every document within a margin of the N-th score is
  rescored by Whoosh's matchers, and a disagreement beyond rounding sends the
  request to Whoosh; each decoded term's first score is compared with
  Whoosh's scorer, so a drifting formula falls back too;
- hits are ordered by score as Whoosh orders them, a date sort by the keys
  Whoosh sorts by; equal scores or dates in article-id order (``ties.py``),
  where Whoosh's document number would depend on the index's history.

Anything else (prefix, fuzzy, facets) raises Unsupported, and Whoosh answers.
"""

from __future__ import annotations

import heapq
import itertools
import operator
from collections import Counter
from functools import partial

from .postings import Lru, Postings, Unsupported, per_leaf
from .ties import IdRanks, settle

__all__ = ["Engine", "Unsupported", "exact_scores", "scores_of"]

MARGIN = 1e-6  # candidates: every match scoring within this of the N-th best
MAX_FILTER_ENTRIES = 1_000_000  # a server's filters: date ranges, speakers, sources (~60 bytes each)


class Engine:
    """Queries over the decoded postings of one searcher (one index generation): the match set, scores, top N."""

    def __init__(self, searcher, keep: bool = True) -> None:
        """``keep``: a server's engine, which serves many requests (keeps postings, filters and ranks)."""
        self.searcher = searcher
        self.keep = keep
        self.postings = Postings(searcher, keep)
        self.reader = self.postings.reader
        self.schema = searcher.schema
        self.doc_count = self.postings.doc_count
        self.deleted = self.postings.deleted
        self.occurrences = self.postings.occurrences  # for snippets: where a hit's terms are
        self._constants: dict[tuple, float] = {}
        self._filters = Lru(MAX_FILTER_ENTRIES)
        self._natural_memo: tuple | None = None
        self.feedback_memo: dict | None = {} if keep else None  # search.feedback's, for a server
        self.ids = IdRanks(searcher) if keep else None  # every document's place in id order, for ties (ties.py)

    # --- evaluation -------------------------------------------------------------------

    def evaluate(self, q) -> tuple[dict[int, float], bool]:
        """(matching live document -> score, exact): the set is always Whoosh's.

        ``exact`` says the scores are Whoosh's to the last bit: its term
        scores are the same function of the same numbers, and floating-point
        addition of two operands does not depend on their order, so a tree
        whose every AND, OR and phrase joins at most two operands sums as
        Whoosh's matchers do. Wider nodes (Whoosh groups them by estimated
        size or preloads them) are summed here in another order: close, but
        not exact, so ``top`` has Whoosh rescore the candidates.
        """
        from whoosh import query

        kind = type(q)
        if kind is query.Term:
            field = self._field(q.fieldname)
            if field is None or field.format is None:
                raise Unsupported(q)
            return _boosted(self.postings.term(q.fieldname, field.to_bytes(q.text)), q.boost), True
        if getattr(kind, "coordinated", False):  # search.Natural: words side by side
            return self._natural(q)
        if kind in (query.Or, query.And) and len(q.subqueries) == 1:
            return self.evaluate(q.subqueries[0])  # as Whoosh: the child's matcher, without the boost
        if kind is query.Or:
            if q.minmatch or getattr(q, "scale", None) or not q.subqueries:
                raise Unsupported(q)
            parts = [self.evaluate(sub) for sub in q.subqueries]
            out = parts[0][0]
            for part, _exact in parts[1:]:
                out = _union(out, part)
            exact = (len(parts) == 2 and all(e for _p, e in parts)) or self._integral(q)
            return _boosted(out, q.boost), exact
        if kind is query.And:
            return self._and(q)
        if getattr(kind, "feedback", False):  # search.Feedback: a's matches, plus its terms' scores in order
            return self._feedback(q)
        if kind is query.AndNot:
            out, exact = self.evaluate(q.a)
            drop = self.evaluate(q.b)[0].keys()
            return _boosted({d: s for d, s in out.items() if d not in drop}, q.boost), exact
        if kind is query.Phrase:
            return _boosted(self._phrase(q), q.boost), True
        if kind is query.ConstantScoreQuery:
            score = self._constant(q)
            return dict.fromkeys(self._filter_docs(q.child), score), True
        if isinstance(q, query.NumericRange):  # DateRange: the trie terms Whoosh would search
            return self.evaluate(q._compile_query(self.reader))
        if kind is query.TermRange:
            field = self._field(q.fieldname)
            if field is None or field.scorable or q.boost != 1.0:
                raise Unsupported(q)
            texts = [text for _name, text in q.expanded_terms(self.reader) if text]
            if len(texts) == 1:  # as Whoosh: that term's own matcher
                return self.postings.term(q.fieldname, texts[0]), True
            out: dict[int, float] = {}
            for text in texts:
                for docnum, weight in self.postings.term(q.fieldname, text).items():
                    out[docnum] = out.get(docnum, 0.0) + weight
            if q.constantscore:  # as Whoosh: unscored terms, every document 1.0 however many it has
                out = dict.fromkeys(out, 1.0)
            return out, True
        if q is query.NullQuery:
            return {}, True
        raise Unsupported(q)

    def _natural(self, q) -> tuple[dict[int, float], bool]:
        """A ``search.Natural`` group: every document any clause matches, scored ``S * m / n``.

        ``S`` is the sum of the matching clauses' scores in the clauses'
        order, ``m`` how many of the ``n`` clauses match: the same operations
        as Natural's own matcher, so the same bits. The counts come from a
        ``Counter`` over the clauses' documents, in C.
        """
        if self._natural_memo is not None and self._natural_memo[0] is q:  # feedback's second pass
            return self._natural_memo[1]
        parts = [self.evaluate(sub) for sub in q.subqueries]
        if not parts:
            return {}, True
        n = len(parts)
        sums = parts[0][0]
        for part, _exact in parts[1:]:
            sums = _union(sums, part)
        counts = Counter(itertools.chain.from_iterable(part for part, _exact in parts))
        found = counts.__getitem__
        out = dict(
            zip(
                sums,
                map(operator.truediv, map(operator.mul, sums.values(), map(found, sums)), itertools.repeat(n)),
                strict=True,
            )
        )
        # Each step adds one clause's score to the running sum (two operands, in either order):
        # the sums are Natural's matcher's, in the clauses' order, bit for bit.
        exact = all(e for _p, e in parts)
        found = _boosted(out, q.boost), exact
        self._natural_memo = (q, found)  # the last one only: the query object is the key
        return found

    def _feedback(self, q) -> tuple[dict[int, float], bool]:
        """A ``search.Feedback``: ``a``'s documents and scores, each matching term's score added in the terms' order.

        The order of Feedback's own matcher, so the sums are its bits.
        """
        out, exact = self.evaluate(q.a)
        out = dict(out)  # a copy: what evaluate returns may be shared
        for term in q.b.subqueries:
            scores, term_exact = self.evaluate(term)
            exact = exact and term_exact
            for docnum in filter(out.__contains__, scores):  # feedback terms are rare: few postings each
                out[docnum] += scores[docnum]
        return _boosted(out, q.boost), exact

    def _filter_docs(self, q) -> frozenset[int]:
        """A filter's documents; a server keeps the last few hundred, as Lucene caches filter bitsets."""
        if not self.keep:
            return frozenset(self.evaluate(q)[0])
        key = repr(q)
        found = self._filters.get(key)
        if found is None:
            found = self._filters.put(key, frozenset(self.evaluate(q)[0]))
        return found

    def _integral(self, q) -> bool:
        """Every score under ``q`` is a whole-number weight (unscored fields, no boosts): sums are exact in any order."""
        from whoosh import query

        if getattr(q, "boost", 1.0) != 1.0:
            return False
        if isinstance(q, (query.Term, query.TermRange, query.NumericRange)):
            field = self._field(q.fieldname)
            return field is not None and not field.scorable
        if isinstance(q, (query.And, query.Or)):
            return all(self._integral(sub) for sub in q.subqueries)
        if isinstance(q, query.ConstantScoreQuery):
            return self._integral(q.child)
        return False

    def _and(self, q) -> tuple[dict[int, float], bool]:
        from whoosh import query

        parts: list[dict[int, float]] = []
        sets: list[tuple[frozenset[int], bool]] = []  # (documents, keep them or drop them)
        exact = len(q.subqueries) == 2
        bonus = 0.0  # what Whoosh's matchers add for each filter and NOT clause
        exact = exact or self._integral(q)
        for sub in q.subqueries:
            if isinstance(sub, query.ConstantScoreQuery):  # a filter: its documents, one fixed score
                sets.append((self._filter_docs(sub.child), True))
                bonus += self._constant(sub)
            elif isinstance(sub, query.Not):
                sets.append((frozenset(self.evaluate(sub.query)[0]), False))
                bonus += self._constant(sub)
            else:
                part, part_exact = self.evaluate(sub)
                parts.append(part)
                exact = exact and part_exact
        if not parts:
            raise Unsupported(q)
        parts.sort(key=len)
        keys = parts[0].keys()
        for other in parts[1:]:
            keys = keys & other.keys()
        keys = set(keys)
        for docs, keep in sets:
            if keep:
                keys &= docs
            else:
                keys -= docs
        if len(parts) == 1:
            first = parts[0]
            out = {d: first[d] + bonus for d in keys} if bonus else {d: first[d] for d in keys}
        elif len(parts) == 2:
            first, second = parts
            # With a NOT that is three operands (not exact: rescored); else bonus is 0.0 and x + 0.0 == x.
            out = {d: first[d] + second[d] + bonus for d in keys}
        else:
            out = {d: sum(p[d] for p in parts) + bonus for d in keys}
        return _boosted(out, q.boost), exact

    def _field(self, name: str):
        """The schema's field ``name``, a record field (``meta_topics``, a glob field) included; None if none."""
        try:
            return self.schema[name]
        except KeyError:
            return None

    def _constant(self, q) -> float:
        """The score Whoosh's matcher for ``q`` (a filter or a NOT clause) gives each document.

        A filter's score depends on its score setting, not on what it
        matches, so it is read from the same filter around a single existing
        id (cheap) rather than around, say, a date range of many terms.
        """
        from whoosh import query

        if isinstance(q, query.ConstantScoreQuery):
            live = next((d for d in range(self.doc_count) if d not in self.deleted), None)
            if live is None:
                return 0.0
            key = ("filter", q.score)
            # A live document's id: a deleted one stays in the lexicon and would match nothing.
            probe = query.ConstantScoreQuery(query.Term("id", self.searcher.stored_fields(live)["id"]), q.score)
        else:
            key, probe = ("not", repr(q)), q
        if key not in self._constants:
            matcher = probe.matcher(self.searcher, self.searcher.context())
            self._constants[key] = matcher.score() if matcher.is_active() else 0.0
        return self._constants[key]

    def _phrase(self, q) -> dict[int, float]:
        field = self._field(q.fieldname)
        if field is None or not field.format or not field.format.supports("positions") or q.slop != 1:
            raise Unsupported(q)
        try:
            words = [field.to_bytes(w) for w in q.words]
        except ValueError:  # as Whoosh: a word the field cannot hold matches nothing
            return {}
        if not words:
            return {}
        parts = [self.postings.term(q.fieldname, w) for w in words]
        if len(words) == 1:
            return parts[0]
        keys = set(min(parts, key=len))
        for part in parts:
            keys.intersection_update(part.keys())
        if not keys:
            return {}
        # Word i at position p + i for every i: the AND of the masks, word i shifted left by n-1-i.
        last = len(words) - 1
        docs = list(keys)
        masks = [self.postings.positions(q.fieldname, w, last - i, docs) for i, w in enumerate(words)]
        if len(words) == 2:  # the common case, all of it in C
            (at0, at1), (score0, score1) = masks, parts
            together = itertools.compress(
                docs, map(operator.and_, map(at0.__getitem__, docs), map(at1.__getitem__, docs))
            )
            return {d: score0[d] + score1[d] for d in together}
        out = {}
        for docnum in docs:
            mask = masks[0][docnum]
            for at in masks[1:]:
                mask &= at[docnum]
            if mask:
                out[docnum] = _tree_sum([part[docnum] for part in parts])
        return out

    # --- top N --------------------------------------------------------------------------

    def top(self, q, full, limit: int | None, sort: str) -> tuple[int, list[tuple[int, float | None]]]:
        """(total, [(docnum, score)]) for ``full`` (``q`` with its filters), ranked as Whoosh ranks them
        except for ties: equal scores (or dates) in article-id order (``ties.settle``), never by docnum."""
        matches, exact = self.evaluate(full)
        self.last = (full, matches, exact)  # for scores_of: the last query ranked, its scores
        total = len(matches)
        if sort != "relevance":
            order = self.postings.date_order(matches)
            chosen = _by_date(matches, order, limit, sort == "-date")
            chosen = settle(self.searcher, chosen, list(map(order, chosen)), limit, self.ids, doc=int)
            scores = [matches[d] for d in chosen] if exact else exact_scores(self.searcher, full, chosen)
            return total, list(zip(chosen, scores, strict=True))
        if limit is None or limit >= total:
            candidates = list(matches.items())
        else:
            kth = heapq.nlargest(limit, matches.values())[-1]
            floor = kth - MARGIN * max(1.0, abs(kth)) if not exact else kth
            chosen = itertools.compress(matches, map(floor.__le__, matches.values()))  # C speed
            candidates = [(d, matches[d]) for d in chosen]
        if not exact:
            docnums = [d for d, _s in candidates]
            candidates = list(zip(docnums, exact_scores(self.searcher, full, docnums, approx=matches), strict=True))
        candidates.sort(key=_SCORE, reverse=True)  # every match tied with the limit-th is here
        return total, settle(self.searcher, candidates, list(map(_SCORE, candidates)), limit, self.ids)


_SCORE = operator.itemgetter(1)


def _by_date(matches, order, limit: int | None, latest: bool) -> list[int]:
    """``matches`` in date order (``order``: their date keys), the first ``limit`` and every match dated
    as the last of them, for ``ties.settle`` to choose among by id."""
    if limit is None or limit >= len(matches):
        return sorted(matches, key=order, reverse=latest)
    chosen = (heapq.nlargest if latest else heapq.nsmallest)(limit, matches, key=order)
    kth, page = order(chosen[-1]), set(chosen)
    tied = itertools.compress(matches, map(partial(operator.eq, kth), map(order, matches)))  # C speed
    return chosen + list(itertools.filterfalse(page.__contains__, tied))


def scores_of(engine, full, docnums) -> list[float]:
    """The scores of ``docnums`` (matches of ``full``) as ``engine.top`` ranks them, kept from its last ranking of ``full``.

    The documents below a page that ``search.keep_first`` still shows: no
    second evaluation, and Whoosh only where the sums were not exact.
    """
    found, matches, exact = getattr(engine, "last", (None, None, False))
    if found is not full:
        matches, exact = engine.evaluate(full)
    if exact:
        return [matches[d] for d in docnums]
    return exact_scores(engine.searcher, full, docnums, approx=matches)


def exact_scores(searcher, q, docnums, approx=None, check: bool = True) -> list[float | None]:
    """Whoosh's own scores of ``q`` for ``docnums``, from its matchers, leaf by leaf as it searches.

    With ``approx``, a score that differs from it raises Unsupported (the
    estimate has drifted from Whoosh's formula); with ``check``, so does a
    document that Whoosh does not match.
    """
    found: dict[int, float | None] = {}
    leaves = list(searcher.leaf_searchers())
    context = searcher.context()
    for (leaf, offset), mine in zip(leaves, per_leaf([o for _l, o in leaves], sorted(docnums)), strict=True):
        if not mine:
            continue
        matcher = q.matcher(leaf, context)
        for local in mine:
            if matcher.is_active():
                matcher.skip_to(local)
            score = matcher.score() if matcher.is_active() and matcher.id() == local else None
            if score is None and check:
                raise Unsupported(f"document {offset + local} does not match in Whoosh")
            found[offset + local] = score
    scores = [found[d] for d in docnums]
    if approx is not None:
        for d, s in zip(docnums, scores, strict=True):
            if abs(approx[d] - s) > MARGIN * max(1.0, abs(s)) / 10:
                raise Unsupported(f"score drift on document {d}")
    return scores


def _union(a: dict[int, float], b: dict[int, float]) -> dict[int, float]:
    """A new dict: every document of ``a`` or ``b``, scores added where both have it.

    A copy of the bigger one and a loop over the smaller: faster here than
    set operations on the key views, which hash every key again.
    """
    if len(a) < len(b):
        a, b = b, a
    out = dict(a)  # a copy: what evaluate returns may be a shared term dict
    get = out.get
    for docnum, score in b.items():
        out[docnum] = get(docnum, 0.0) + score
    return out


def _tree_sum(values: list[float]) -> float:
    """Sum in the grouping of whoosh.util.make_binary_tree, as a phrase's intersection matcher adds."""
    if len(values) == 1:
        return values[0]
    half = len(values) // 2
    return _tree_sum(values[:half]) + _tree_sum(values[half:])


def _boosted(found: dict[int, float], boost: float) -> dict[int, float]:
    if boost == 1.0:
        return found
    return {d: s * boost for d, s in found.items()}
