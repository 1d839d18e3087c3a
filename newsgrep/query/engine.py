"""Query evaluation on decoded postings: Whoosh's answers, without Whoosh's per-document walk.

Whoosh scores a query by walking matcher objects document by document in
pure Python, about 3.5 microseconds per matching document: a common word in
a 100,000-article index costs a third of a second. Here a term's postings are
decoded a block at a time into flat arrays (document numbers, and the term's
BM25F score in each, computed by Whoosh's own function from the same
numbers), and a query is evaluated on whole sets with dict, set and
``itertools`` operations that run in C. A one-shot search decodes just the
terms it needs; `newsgrep serve` keeps them, per index generation.

The answers are Whoosh's own, which the tests check request by request
against ``search(..., use_engine=False)``:

- the set of matches (and so ``total``) follows Whoosh's semantics: Term,
  And, Or, AndNot, NOT clauses, Phrase (consecutive positions), date ranges
  (as the trie terms Whoosh would search), the filters ``search.restrict``
  adds; deleted documents never match;
- scores are exact to the last bit where every AND, OR and phrase joins at
  most two operands (floating-point addition of two numbers does not depend
  on their order) or only whole-number weights; wider trees are summed here
  in another order, so every document within a margin of the N-th score is
  rescored by Whoosh's matchers, and a disagreement beyond rounding sends the
  request to Whoosh; each decoded term's first score is compared with
  Whoosh's scorer, so a drifting formula falls back too;
- hits are ordered as Whoosh orders them (score, then document number), a
  date sort by the keys Whoosh sorts by, with its tie order.

Anything else (prefix, fuzzy, facets) raises Unsupported, and Whoosh answers.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import operator
from array import array
from collections import OrderedDict

MARGIN = 1e-6  # candidates: every match scoring within this of the N-th best
# What a server keeps, least recently used first out; about 300 MB at most in all.
MAX_POSTINGS = 8_000_000  # decoded postings, 12 bytes each: 100 MB
MAX_DICT_ENTRIES = 1_000_000  # big terms' postings kept as dicts too (~90 bytes an entry)
MAX_POSITION_ENTRIES = 500_000  # documents' position masks, for phrases (~120 bytes each)
MAX_FILTER_ENTRIES = 1_000_000  # documents of filters: date ranges, speakers, sources (~60 bytes each)


_BM25 = None


def _bm25():
    """Whoosh's BM25 function, imported on first use (this module loads without Whoosh)."""
    global _BM25
    if _BM25 is None:
        from whoosh.scoring import bm25

        _BM25 = bm25
    return _BM25


class Unsupported(Exception):
    """A query shape this module does not evaluate; Whoosh does."""


class Engine:
    """Decoded postings of one searcher (one index generation), and queries over them."""

    def __init__(self, searcher, keep: bool = True) -> None:
        """``keep``: a server's engine, which serves many requests (rank every document once)."""
        self.searcher = searcher
        self.keep = keep
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.leaves = list(self.reader.leaf_readers())
        self.doc_count = self.reader.doc_count_all()
        self.deleted = frozenset(self._deleted()) if self.reader.has_deletions() else frozenset()
        self._terms: OrderedDict[tuple[str, bytes], tuple[array, array]] = OrderedDict()
        self._held = 0
        self._dicts = _Lru(MAX_DICT_ENTRIES)
        self._positions = _Lru(MAX_POSITION_ENTRIES)
        self._constants: dict[tuple, float] = {}
        self._lengths: dict[tuple[int, str], object] = {}
        self._filters = _Lru(MAX_FILTER_ENTRIES)
        self._date_rank: list[int] | None = None
        # (field, term, leaf offset) -> (last docnum of each postings block, its file position)
        self._blocks: dict[tuple[str, bytes, int], tuple[list[int], list[int]]] = {}
        self._offsets = [offset for _leaf, offset in self.leaves]

    def _deleted(self):
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                found = getattr(leaf, "deleted_docs_set", None)
                if found is None:
                    found = (d for d in range(leaf.doc_count_all()) if leaf.is_deleted(d))
                yield from (offset + d for d in found)

    # --- decoded postings -------------------------------------------------------------

    def term(self, fieldname: str, text: bytes) -> dict[int, float]:
        """Live documents containing the term -> this term's score in each: shared, never to be modified."""
        key = (fieldname, text)
        hit = self._terms.get(key)
        if hit is None:
            hit = self._decode(fieldname, text)
            self._terms[key] = hit
            self._held += len(hit[0])
            while self._held > MAX_POSTINGS and len(self._terms) > 1:
                (field, text), (ids, _scores) = self._terms.popitem(last=False)
                self._held -= len(ids)
                for _leaf, offset in self.leaves:
                    self._blocks.pop((field, text, offset), None)
        else:
            self._terms.move_to_end(key)
        if not self.keep or len(hit[0]) < 1000:
            return dict(zip(*hit, strict=True))
        # A server keeps the big ones as dicts too (building one costs ~5 ms per 100k postings).
        found = self._dicts.get(key)
        if found is None:
            found = self._dicts.put(key, dict(zip(*hit, strict=True)))
        return found

    def _length_reader(self, leaf, offset: int, fieldname: str):
        key = (offset, fieldname)
        if key not in self._lengths:
            self._lengths[key] = _length_reader(leaf, fieldname)
        return self._lengths[key]

    def _decode(self, fieldname: str, text: bytes) -> tuple[array, array]:
        """The term's live documents and their scores, a block of postings at a time.

        BM25F as Whoosh's ``scoring.bm25`` computes it, the same operations in
        the same order (so the same bits), with its length term looked up per
        length byte (at most 255 values) instead of computed per posting; the
        ids and scores of a block go into the arrays by list comprehensions
        and ``extend`` rather than a Python call and two appends per posting.
        """
        from whoosh.scoring import bm25 as whooshs

        bm25 = _bm25()
        inline = bm25 is whooshs  # the block formula below is this function's, operation for operation
        ids, scores = array("i"), array("d")
        field = self.schema[fieldname]
        if (fieldname, text) not in self.reader:
            return ids, scores
        weighting = self.searcher.weighting
        if field.scorable:
            idf = self.searcher.idf(fieldname, text)  # as BM25FScorer does
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            b = weighting._field_B.get(fieldname, weighting.B)
            k1 = weighting.K1
            k1p1 = k1 + 1
        deleted = self.deleted
        for leaf, offset in self.leaves:
            if (fieldname, text) not in leaf:
                continue
            matcher = _raw(leaf.postings(fieldname, text))
            length = self._length_reader(leaf, offset, fieldname) if field.scorable else None
            raw = getattr(length, "raw", None) if inline else None
            if raw is not None:
                norm = [None if fl is None else k1 * ((1 - b) + b * fl / avgfl) for fl in length.table]
            end = offset + leaf.doc_count_all()
            gone = {d - offset for d in deleted if offset <= d < end} if deleted else None
            blocks: tuple[list[int], list[int]] = ([], [])
            self._blocks[(fieldname, text, offset)] = blocks
            for block, weights in _posting_blocks(matcher, blocks):
                if (gone and not gone.isdisjoint(block)) or (
                    length is not None and (raw is None or block[-1] >= len(raw))
                ):
                    for local, weight in zip(block, weights, strict=True):  # one posting at a time
                        if offset + local in deleted:
                            continue
                        ids.append(offset + local)
                        scores.append(bm25(idf, weight, length(local), avgfl, b, k1) if length else weight)
                    continue
                ids.extend(map(offset.__add__, block) if offset else iter(block))  # iter: another array type
                if length is None:
                    scores.extend(iter(weights))  # array("f"): extend() wants the same kind
                else:
                    scores.extend(
                        [idf * ((tf * k1p1) / (tf + norm[raw[d]])) for d, tf in zip(block, weights, strict=True)]
                    )
        if field.scorable:
            self._check(fieldname, text, ids, scores)
        return ids, scores

    def _check(self, fieldname: str, text: bytes, ids: array, scores: array) -> None:
        """Compare the first posting's score with Whoosh's own scorer: the formulas must not drift apart."""
        matcher = self.searcher.postings(fieldname, text)
        while matcher.is_active() and matcher.id() in self.deleted:
            matcher.next()
        if not ids and not matcher.is_active():
            return
        if not ids or not matcher.is_active() or matcher.id() != ids[0] or matcher.score() != scores[0]:
            raise Unsupported(f"score drift on {fieldname}:{text!r}; Whoosh answers instead")

    def occurrences(self, fieldname: str, text: bytes, docnum: int) -> list | None:
        """The (position, start char, end char) of the term in one document, or None.

        Jumps straight to the postings block that holds the document, found in
        the block index recorded while decoding; Whoosh's own matcher could
        only walk there block by block from the start of the list.
        """
        n = bisect.bisect_right(self._offsets, docnum) - 1
        leaf, offset = self.leaves[n]
        local = docnum - offset
        if (fieldname, text) not in leaf:
            return None
        matcher = _raw(leaf.postings(fieldname, text))
        blocks = self._blocks.get((fieldname, text, offset))
        if blocks and hasattr(matcher, "_goto"):
            maxids, places = blocks
            i = bisect.bisect_left(maxids, local)
            if i == len(maxids):
                return None
            matcher._goto(places[i])
            matcher._read_ids()
            j = bisect.bisect_left(matcher._ids, local)
            if j == len(matcher._ids) or matcher._ids[j] != local:
                return None
            matcher._i = j
            return matcher.value_as("characters")
        matcher.skip_to(local)
        if matcher.is_active() and matcher.id() == local:
            return matcher.value_as("characters")
        return None

    def positions(self, fieldname: str, text: bytes, shift: int = 0, only: list[int] | None = None) -> dict[int, int]:
        """Document -> the term's positions in it as a bit mask (bit p set: at position p), shifted left.

        Masks make a phrase check one shift and one AND of Python ints, in C.
        A server decodes every document's once and keeps them; a one-shot
        search decodes ``only`` the candidates it names.
        """
        if only is not None and not self.keep:
            return {d: mask << shift for d, mask in self._masks(fieldname, text, only)}
        key = (fieldname, text, shift)
        hit = self._positions.get(key)
        if hit is None:
            if shift:
                hit = {d: mask << shift for d, mask in self.positions(fieldname, text).items()}
            else:
                hit = dict(self._masks(fieldname, text, None))
            self._positions.put(key, hit)
        return hit

    def _masks(self, fieldname: str, text: bytes, only: list[int] | None):
        """(docnum, position mask) of the term's postings, for every document or just ``only``."""
        fmt = self.schema[fieldname].format
        if (fieldname, text) not in self.reader:
            return
        wanted = _per_leaf(self._offsets, only) if only is not None else [None] * len(self.leaves)
        for (leaf, offset), mine in zip(self.leaves, wanted, strict=True):
            if (fieldname, text) not in leaf or mine == []:
                continue
            matcher = _raw(leaf.postings(fieldname, text))
            for local, value in _values(matcher, None if mine is None else set(mine)):
                mask = 0
                for p in fmt.decode_positions(value):
                    mask |= 1 << p
                yield offset + local, mask

    def date_order(self, docnums):
        """A key function ordering documents as Whoosh's sort by date: (column key, docnum).

        A server ranks every document once; a one-shot search keys only its matches.
        """
        if self._date_rank is None:
            keys = self._date_keys(sorted(docnums) if not self.keep else range(self.doc_count))
            if not self.keep:
                return keys.__getitem__
            rank = [0] * self.doc_count
            for place, docnum in enumerate(sorted(keys, key=keys.__getitem__)):
                rank[docnum] = place
            self._date_rank = rank
        return self._date_rank.__getitem__

    def _date_keys(self, docnums) -> dict[int, object]:
        from whoosh import sorting

        categorizer = sorting.FieldFacet("date").categorizer(self.searcher)
        keys: dict[int, object] = {}
        leaves = list(self.searcher.leaf_searchers())
        for (leaf, offset), mine in zip(leaves, _per_leaf([o for _l, o in leaves], docnums), strict=True):
            categorizer.set_searcher(leaf, offset)
            key_for = categorizer.key_for
            for local in mine:
                keys[offset + local] = (key_for(None, local), offset + local)
        return keys

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
            return _boosted(self.term(q.fieldname, field.to_bytes(q.text)), q.boost), True
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
                return self.term(q.fieldname, texts[0]), True
            out: dict[int, float] = {}
            for text in texts:
                for docnum, weight in self.term(q.fieldname, text).items():
                    out[docnum] = out.get(docnum, 0.0) + weight
            if q.constantscore:  # as Whoosh: unscored terms, every document 1.0 however many it has
                out = dict.fromkeys(out, 1.0)
            return out, True
        if q is query.NullQuery:
            return {}, True
        raise Unsupported(q)

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
        return self.schema[name] if name in self.schema.names() else None

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
        parts = [self.term(q.fieldname, w) for w in words]
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
        masks = [self.positions(q.fieldname, w, last - i, docs) for i, w in enumerate(words)]
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
        """(total, [(docnum, score)]) for ``full`` (``q`` with its filters), as Whoosh would rank them."""
        matches, exact = self.evaluate(full)
        total = len(matches)
        if sort != "relevance":
            order = self.date_order(matches)
            if limit is None or limit >= total:
                chosen = sorted(matches, key=order, reverse=sort == "-date")
            elif sort == "-date":
                chosen = heapq.nlargest(limit, matches, key=order)
            else:
                chosen = heapq.nsmallest(limit, matches, key=order)
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
        ranked = sorted(candidates, key=lambda ds: (-ds[1], ds[0]))  # Whoosh's order: score, then docnum
        return total, ranked if limit is None else ranked[:limit]


def exact_scores(searcher, q, docnums, approx=None, check: bool = True) -> list[float | None]:
    """Whoosh's own scores of ``q`` for ``docnums``, from its matchers, leaf by leaf as it searches.

    With ``approx``, a score that differs from it raises Unsupported (the
    estimate has drifted from Whoosh's formula); with ``check``, so does a
    document that Whoosh does not match.
    """
    found: dict[int, float | None] = {}
    leaves = list(searcher.leaf_searchers())
    context = searcher.context()
    for (leaf, offset), mine in zip(leaves, _per_leaf([o for _l, o in leaves], sorted(docnums)), strict=True):
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


class _Lru:
    """Values by key, least recently used dropped first, bounded by the sum of their lengths."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.items: OrderedDict = OrderedDict()
        self.held = 0

    def get(self, key):
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key, value):
        self.items[key] = value
        self.held += len(value)
        while self.held > self.budget and len(self.items) > 1:
            _key, dropped = self.items.popitem(last=False)
            self.held -= len(dropped)
        return value


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


def _per_leaf(offsets: list[int], docnums) -> list[list[int]]:
    """Global ``docnums`` as local numbers in each leaf (segment), in the order given; ``offsets`` ascending."""
    out: list[list[int]] = [[] for _ in offsets]
    for docnum in docnums:
        n = bisect.bisect_right(offsets, docnum) - 1
        out[n].append(docnum - offsets[n])
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


def _posting_blocks(matcher, blocks: tuple[list[int], list[int]]):
    """(local docnums, weights) of each block of postings, where the codec allows; else one posting at a time.

    Records each block's last docnum and file position in ``blocks``.
    """
    if all(
        hasattr(matcher, a)
        for a in ("_read_data", "_data", "_byteids", "_next_block", "_baseoffset", "_nextoffset", "_maxid")
    ):
        # From the first block: the matcher Whoosh wraps to skip deleted documents has
        # already been moved past the leading ones, and the block index must start at 0.
        matcher.reset()
        place = matcher._baseoffset
        while matcher.is_active():
            if matcher._ids is None:
                _read_ids(matcher)
            if matcher._weights is None:
                matcher._read_weights()
            blocks[0].append(matcher._maxid)
            blocks[1].append(place)
            i = matcher._i
            yield (matcher._ids[i:], matcher._weights[i:]) if i else (matcher._ids, matcher._weights)
            place = matcher._nextoffset
            matcher._next_block()
        return
    while matcher.is_active():
        yield (matcher.id(),), (matcher.weight(),)
        matcher.next()


def _read_ids(matcher) -> None:
    """The codec's ``_read_ids``, its delta decoding done by ``itertools.accumulate`` in C, not a generator."""
    if matcher._data is None:
        matcher._read_data()
    ids = matcher._data[0]
    matcher._ids = ids if matcher._byteids else tuple(itertools.accumulate(ids))


def _raw(matcher):
    """The codec's own matcher under the one that skips deleted documents (the engine skips them itself)."""
    while not hasattr(matcher, "_goto") and hasattr(matcher, "child"):
        matcher = matcher.child
    return matcher


def _length_reader(leaf, fieldname: str):
    """docnum -> field length as BM25FScorer reads it, from the whole length column read at once.

    The codec keeps one length byte per document; reading the column's bytes
    in one call and decoding through a 256-entry table replaces a seek and a
    read per posting. Other codecs: their own accessor.
    """
    perdoc = getattr(leaf, "_perdoc", None)
    column = None
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is not None and getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_basepos"):
        from whoosh.util.numeric import byte_to_length

        raw = column._dbfile.get(column._basepos, column._count) if column._count else b""
        table = [None] + [byte_to_length(b) for b in range(1, 256)]  # 0: no length stored, as the codec says
        count = len(raw)

        def length(docnum: int):
            return table[raw[docnum]] if docnum < count else None

        length.raw, length.table = raw, table  # for _decode's lookups a block at a time
        return length
    if perdoc is not None and hasattr(perdoc, "doc_field_length_reader"):
        return perdoc.doc_field_length_reader(fieldname, 1)
    return lambda docnum: leaf.doc_field_length(docnum, fieldname, 1)


def _values(matcher, wanted: set[int] | None = None):
    """(local docnum, value) of every posting, or of the ``wanted`` documents, a block at a time.

    The caller skips deleted documents (``_raw`` matchers do not).
    """
    if all(hasattr(matcher, a) for a in ("_read_ids", "_read_values", "_next_block")):
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._values is None:
                matcher._read_values()
            pairs = zip(matcher._ids[matcher._i :], matcher._values[matcher._i :], strict=True)
            yield from (pairs if wanted is None else ((d, v) for d, v in pairs if d in wanted))
            matcher._next_block()
        return
    while matcher.is_active():
        if wanted is None or matcher.id() in wanted:
            yield matcher.id(), matcher.value()
        matcher.next()
