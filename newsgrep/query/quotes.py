"""Quotations as search results: ``newsgrep quotes`` and ``newsgrep speakers``.

Quotations live inside their article's document (see schema.py). A query
over ``qtext`` finds the articles with a matching quotation; then each of
their quotations is checked against the query on its own, using the term
positions in the index (position // QUOTE_GAP is the quotation), so a
quotation is returned only if its own words satisfy the whole query.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from dataclasses import dataclass

from ..errors import UsageError
from ..index.analysis import QUOTE_GAP
from ..models import QuoteHit
from .browse import quotes_of
from .search import (
    Filters,
    article_fields,
    as_bytes,
    check_cost,
    check_match,
    meta_names,
    parse_query,
    phrases_of,
    reading,
    restrict,
)
from .snippets import term_spans


@dataclass(frozen=True)
class QuoteResult:
    """What ``newsgrep quotes`` (``Archive.quotes``) finds: ``total`` matching quotations, ``quotes`` the first N."""

    query: str | None
    total: int
    quotes: list[QuoteHit]


@dataclass(frozen=True)
class Speaker:
    """One person or body quoted in the index: forms of one name (Sergey/Sergei) are one speaker."""

    name: str
    role: str | None
    aliases: list[str]
    quotes: int
    articles: int
    first: str | None
    last: str | None


class _QuoteTerms:
    """Positions of terms in one article's ``qtext``, grouped by quotation."""

    def __init__(self, searcher, docnum: int, expansions: dict | None = None) -> None:
        self.searcher = searcher
        self.docnum = docnum
        self._cache: dict[bytes, dict[int, list[int]]] = {}
        # The quotations holding a word of a wildcard, prefix, fuzzy term or range, by id of that (sub)query:
        # shared by every hit of one search, so its words' postings are read once per search, not once per
        # quotation and word (``*billion`` walked the whole lexicon for each quotation of each hit).
        self.expansions: dict[int, set[tuple[int, int]]] = {} if expansions is None else expansions

    def expanded(self, q, reader) -> set[tuple[int, int]]:
        """(document number, quotation) pairs where one of ``q``'s words stands in ``qtext``."""
        key = id(q)
        if key not in self.expansions:
            where: set[tuple[int, int]] = set()
            for _f, term in q.expanded_terms(reader):
                try:
                    matcher = self.searcher.postings("qtext", as_bytes(term))
                except Exception:  # noqa: BLE001 - the term is not in the index
                    continue
                while matcher.is_active():
                    docnum = matcher.id()
                    where.update((docnum, pos // QUOTE_GAP) for pos in matcher.value_as("positions"))
                    matcher.next()
            self.expansions[key] = where
        return self.expansions[key]

    def positions(self, term: bytes) -> dict[int, list[int]]:
        if term not in self._cache:
            by_quote: dict[int, list[int]] = defaultdict(list)
            try:
                matcher = self.searcher.postings("qtext", term)
                matcher.skip_to(self.docnum)
                if matcher.is_active() and matcher.id() == self.docnum:
                    for pos in matcher.value_as("positions"):
                        by_quote[pos // QUOTE_GAP].append(pos)
            except Exception:  # noqa: BLE001 - the term is not in the index
                pass
            self._cache[term] = by_quote
        return self._cache[term]


def matches_quote(q, terms: _QuoteTerms, n: int, reader) -> bool:
    """Whether quotation ``n`` satisfies query ``q`` by its own words."""
    from whoosh import query

    if isinstance(q, query.Every):
        return True
    if isinstance(q, type(query.NullQuery)):
        return False
    if isinstance(q, query.ConstantScoreQuery):
        return matches_quote(q.child, terms, n, reader)
    if isinstance(q, query.Not):
        return not matches_quote(q.query, terms, n, reader)
    if isinstance(q, query.AndNot):
        return matches_quote(q.a, terms, n, reader) and not matches_quote(q.b, terms, n, reader)
    if isinstance(q, query.AndMaybe):
        return matches_quote(q.a, terms, n, reader)
    if isinstance(q, query.And):
        return all(matches_quote(sub, terms, n, reader) for sub in q.subqueries)
    if isinstance(q, query.Or):
        return any(matches_quote(sub, terms, n, reader) for sub in q.subqueries)
    if getattr(q, "fieldname", "qtext") != "qtext":
        return True  # a condition on the article, already checked by the search
    if isinstance(q, query.Phrase):
        lists = [terms.positions(as_bytes(w)).get(n, []) for w in q.words]
        if not all(lists):
            return False
        later = [set(p) for p in lists[1:]]
        slop = max(1, q.slop)
        return any(_chain(p, later, slop) for p in lists[0])
    if isinstance(q, query.Term):
        return bool(terms.positions(as_bytes(q.text)).get(n))
    if isinstance(q, query.MultiTerm):
        return (terms.docnum, n) in terms.expanded(q, reader)
    return True  # anything else: trust the article-level match


def _chain(pos: int, later: list[set[int]], slop: int) -> bool:
    for positions in later:
        step = next((pos + d for d in range(1, slop + 1) if pos + d in positions), None)
        if step is None:
            return False
        pos = step
    return True


def search_quotes(
    ix, root: str, q_text: str | None, filters: Filters, limit: int = 10, match: str = "all"
) -> QuoteResult:
    """Quotations whose own words match ``q_text`` (all of them when it is empty), newest articles last.

    ``match``: how words side by side are joined (``parse_query``); a
    quotation is kept when its own words satisfy the query as parsed.
    """
    from whoosh import query

    from ..attribution.people import bare_keys, quote_keys, wanted_keys

    if limit < 0:
        raise UsageError("--limit must be 0 (all) or a positive number")
    check_match(match)
    q = parse_query(q_text or "", ix.schema, fields=("qtext",), match=match, meta_names=lambda: meta_names(ix, root))
    by_relevance = not isinstance(q, query.Every)
    want = {k for s in filters.speakers for k in wanted_keys(s)}
    found: list[QuoteHit] = []
    with reading(ix, root) as searcher:
        check_cost(q, searcher.reader())
        results = searcher.search(
            restrict(q if by_relevance else query.Every("qtext"), filters, searcher.reader()),
            limit=None,
            terms=True,
            **({} if by_relevance else {"sortedby": "date"}),
        )
        reader = searcher.reader()
        phrases = phrases_of(q, "qtext")
        # q lives until the loop ends, so the ids of its parts are stable keys
        expansions: dict[int, set[tuple[int, int]]] = {}
        # Every match is read: equal scores (or dates) in article-id order, never Whoosh's document number.
        sign = -1 if by_relevance else 1
        for hit in sorted(results, key=lambda hit: (sign * hit.score, hit.fields()["id"])):
            stored = hit.fields()
            terms = _QuoteTerms(searcher, hit.docnum, expansions)
            body_terms = sorted({t for f, t in (hit.matched_terms() or []) if f == "qtext"})
            spans = term_spans(searcher, hit.docnum, "body", body_terms, phrases) if body_terms else []
            bare = set(bare_keys(stored.get("speaker", "").split(","))) if want else set()
            for n, quote in enumerate(quotes_of(stored)):
                if want and not want & quote_keys(quote.speaker, bare):
                    continue
                if by_relevance and not matches_quote(q, terms, n, reader):
                    continue
                inside = sorted(
                    {(s - quote.start, e - quote.start) for s, e in spans if quote.start <= s and e <= quote.end}
                )
                found.append(
                    QuoteHit(
                        speaker=quote.speaker,
                        role=quote.role,
                        kind=quote.kind,
                        cue=quote.cue,
                        text=quote.text,
                        article_id=stored["id"],
                        **article_fields(stored),
                        matches=[list(span) for span in inside],
                    )
                )
    return QuoteResult(q_text, len(found), found[: limit or None])


SPEAKER_SORTS = ("quotes", "articles", "name", "recent")


def speakers(
    ix,
    root: str,
    q_text: str | None = None,
    filters: Filters = Filters(),
    limit: int = 0,
    sort: str = "quotes",
    match: str = "any",
) -> list[Speaker]:
    """Everyone quoted in the articles matching ``q_text`` and ``filters`` (all articles without them), with counts.

    One person or body is one row: forms of one name (Sergey/Sergei, "Tehran
    Radio"/"Tehran radio", "President Reagan"/"Reagan") are one speaker, and
    a surname alone ("Lavrov") joins the one full name that ends with it
    (``attribution/people.py``). ``sort``: most quotations first (the
    default), most articles, by name, or most recently quoted; ``limit`` 0 is
    all. "Who is quoted most on Iran in 1987" is ``speakers(ix, root, "Iran",
    Filters("1987", "1987"))``.

    Without a query or filter the rows are the table the writer keeps for
    the generation; else the ``speaker_rows`` column of the matching
    articles is added up (``index/speakers.py``): a few bytes per article,
    never its stored body.
    """
    return [Speaker(*row) for row in speaker_rows(ix, root, q_text, filters, limit, sort, match)]


def speaker_rows(
    ix,
    root: str,
    q_text: str | None = None,
    filters: Filters = Filters(),
    limit: int = 0,
    sort: str = "quotes",
    match: str = "any",
) -> list[tuple]:
    """``speakers`` as tuples (name, role, aliases, quotes, articles, first, last), in the same order.

    What `newsgrep speakers` prints into a pipe: at 100k articles there are
    some 69k rows, and making a Speaker of each cost more than reading them.
    """
    from whoosh import query

    from ..index.speakers import add_up, every_value, merged, read_table

    if sort not in SPEAKER_SORTS:
        raise UsageError(f"--sort {sort!r} is not a speaker order; use one of: {', '.join(SPEAKER_SORTS)}")
    if limit < 0:
        raise UsageError("--limit must be 0 (all) or a positive number")
    check_match(match)
    asked = parse_query(q_text or "", ix.schema, match=match, meta_names=lambda: meta_names(ix, root))
    with reading(ix, root) as searcher, _no_gc():
        reader = searcher.reader()
        check_cost(asked, reader)
        wanted = restrict(asked, filters, reader)
        rows = read_table(ix.storage.folder, reader.generation()) if isinstance(wanted, query.Every) else None
        # The table is in index/speakers.order, most quotations first, then by name and the rest of the row:
        # already the default order (a stable sort by quotes and name would leave it as it is).
        in_order = rows is not None and sort == "quotes"
        if rows is None:  # a query or a filter, or no table (see index/speakers.py)
            if isinstance(wanted, query.Every):
                values = every_value(reader)
            else:
                values = _rows_of(reader, _matching(ix, searcher, wanted))
            rows = merged(add_up(values))
        if not in_order:
            rows = sorted(rows, key=_ROW_ORDERS[sort])
    return rows[:limit] if limit else rows


@contextlib.contextmanager
def _no_gc():
    """The cyclic garbage collector off while the rows are made: they are tens of thousands of lists, dicts
    and tuples with no cycle among them, and the collections their making set off (each one walking every
    object of the process) were a sixth of `newsgrep speakers QUERY` at 100k articles."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _matching(ix, searcher, q) -> list[int]:
    """The documents matching ``q``, in order: from the engine's decoded postings (engine.py: Whoosh's match
    set, by set operations in C), else Whoosh's matchers, unscored (scoring every match was half the time at
    100k), one Python step per document."""
    from .engine import Unsupported
    from .search import _engine

    try:
        return sorted(_engine(ix, searcher).evaluate(q)[0])
    except Unsupported:
        return sorted(searcher.docs_for_query(q))


def _rows_of(reader, docnums: list[int]):
    """The ``speaker_rows`` values of ``docnums`` (sorted), looked up segment by segment.

    Not ``reader.column_reader``: Whoosh's multi-segment column reader leaves
    out a segment without the column and then reads its documents from the
    segment before it.
    """
    import bisect
    import itertools

    leaves = reader.leaf_readers()
    starts = [offset for _leaf, offset in leaves] + [float("inf")]
    at = 0
    for i, (leaf, start) in enumerate(leaves):
        end = bisect.bisect_left(docnums, starts[i + 1], at)
        mine, at = docnums[at:end], end
        if not mine or not leaf.has_column("speaker_rows"):
            continue
        column = leaf.column_reader("speaker_rows", translate=False)
        lengths = getattr(column, "_lengths", None)
        if len(mine) < WHOLE_COLUMN or lengths is None or not hasattr(column, "_dbfile"):
            yield from (column[d - start] for d in mine)
            continue
        # Many documents: one read of the segment's whole column (see index/speakers.every_value), then slices.
        ends = list(itertools.accumulate(lengths))
        blob = column._dbfile.get(column._basepos, ends[-1]) if ends else b""
        for d in mine:
            n = lengths[d - start]
            if n:
                yield blob[ends[d - start] - n : ends[d - start]]


WHOLE_COLUMN = 500  # documents of one segment, from which one read of its whole speakers column is cheaper


# Ties keep the rows' own order (index/speakers.order: by the whole row), the same from any index of
# the same articles; the default order is that order already. On the rows (name, role, aliases,
# quotes, articles, first, last) of ``speaker_rows``.
_ROW_ORDERS = {
    "quotes": lambda r: (-r[3], r[0]),
    "articles": lambda r: (-r[4], -r[3], r[0]),
    "name": lambda r: (r[0].casefold(), r[0]),
    "recent": lambda r: (-(int((r[6] or "0000-00-00").replace("-", ""))), -r[3], r[0]),
}
