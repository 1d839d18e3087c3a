"""A search request -> a Whoosh query -> hits with snippets.

Everything the ``search``, ``similar`` and ``timeline`` commands do is here, as
plain functions over an open index; the CLI only parses options and renders.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import NewsgrepError, NotFoundError, QueryError, UsageError
from ..index.schema import FIELD_ALIASES, META_PREFIX, QUERYABLE
from ..index.store import damaged
from ..ingest.dates import date_bounds, iso
from ..models import Hit, SearchResult
from .snippets import hits_spans, make_snippets, title_matches
from .ties import settle, ties_collector

SORTS = ("relevance", "date", "-date")
MATCHES = ("any", "all")  # bare words: ranked, need not all occur / every one required
FACETS = ("source", "speaker", "month")
FACET_SIZE = 25  # the largest groups of each facet: a big archive has tens of thousands of speakers
MAX_QUERY_CHARS = 4000


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    sources: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchRequest:
    query: str
    filters: Filters = field(default_factory=Filters)
    sort: str = "relevance"
    limit: int = 10  # 0 = all
    facets: tuple[str, ...] = ()
    match: str = "any"  # "all": every bare word must occur (an AND between them)


@contextlib.contextmanager
def reading(ix, root: str) -> Iterator[object]:
    """A searcher whose unexpected failures are reported as a damaged index.

    ``ix`` is a Whoosh index, or an object holding an open searcher (the
    server's ``WarmIndex``), which is lent rather than opened and closed.
    """
    held = getattr(ix, "held_searcher", None)
    try:
        searcher = held or ix.searcher()
    except Exception as err:  # noqa: BLE001
        raise damaged(root, err) from None
    try:
        yield searcher
    except NewsgrepError:
        raise
    except Exception as err:  # noqa: BLE001 - a segment that cannot be read
        raise damaged(root, err) from None
    finally:
        if held is None:
            searcher.close()


# --- queries ---------------------------------------------------------------------------

_FIELD_REF = re.compile(r'"[^"]*"|(?<![\w:])([A-Za-z_]\w*):(?=\S)')
BUILT_IN_FIELDS = sorted((QUERYABLE | set(FIELD_ALIASES)) - {"qtext", "month", "id"})  # as the error lists them


def _check_fields(text: str, meta_names=None) -> dict[str, str]:
    """The record fields (``topics:crude``) the query names: {name as typed: index field}.

    ``meta_names`` is called, only when the query names a field that is not
    built in, for the names of the record fields this index holds
    (``meta_names``); a name that is neither is an error that lists both.
    """
    wanted = {}
    known = None
    for m in _FIELD_REF.finditer(text):
        name = m.group(1)
        if not name or name.lower() in QUERYABLE or name.lower() in FIELD_ALIASES:
            continue
        if known is None:
            known = set(meta_names() if meta_names is not None else ())
        if name.lower() in known:
            wanted[name] = META_PREFIX + name.lower()
            continue
        listed = ", ".join(BUILT_IN_FIELDS)
        if known:
            listed += "; this index's record fields: " + ", ".join(sorted(known))
        raise QueryError(f"unknown field {name!r} in the query; use one of: {listed}")
    return wanted


def meta_names(ix, root: str) -> list[str]:
    """The names of the record fields (Article.meta) that the open index ``ix`` holds, sorted.

    Read from the indexed field names, so they are this index's, whatever
    its files brought. ``ix`` and ``root`` as for ``reading``.
    """
    with reading(ix, root) as searcher:
        names = searcher.reader().indexed_field_names()
        return sorted(n[len(META_PREFIX) :] for n in names if n.startswith(META_PREFIX))


def parse_query(text: str, schema, fields: tuple[str, ...] = ("title", "body"), match: str = "all", meta_names=None):
    """Whoosh's query language over ``fields``: AND/OR/NOT, "phrases", prefix*, fuzzy~, field:term.

    ``match`` says how words side by side are joined: ``"all"`` as an AND;
    ``"any"`` as a ``Natural`` group, where no word is required and the
    score rewards the documents that have more of them (see ``natural_query``).
    ``meta_names``: a callable giving the record fields the index holds
    (``lambda: meta_names(ix, root)``), asked only when the query names one.
    """
    from whoosh import query

    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}: shorten it")
    stripped = text.strip()
    if not stripped or stripped == "*":
        return query.Every()  # without importing the parser (`newsgrep speakers` with no query)
    from whoosh import qparser

    record_fields = _check_fields(text, meta_names)
    group = natural_classes()[1] if match == "any" else qparser.AndGroup
    parser = qparser.MultifieldParser(list(fields), schema, group=group)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    aliases: dict[str, list[str]] = {}
    for alias, target in FIELD_ALIASES.items():
        aliases.setdefault(target, []).append(alias)
    aliases.setdefault("speaker_key", []).append("speaker")
    for typed, target in record_fields.items():
        aliases.setdefault(target, []).append(typed)
    parser.add_plugin(qparser.FieldAliasPlugin(aliases))
    try:
        q = parser.parse(text)
    except Exception as err:  # noqa: BLE001 - whoosh raises many kinds
        raise QueryError(f"cannot parse the query {text[:60]!r} ({err}); check quotes and parentheses") from None
    q = q.accept(_normalise_speaker_terms).accept(_and_not_as_not)
    if match == "any":
        q = q.accept(_natural_parts)
    _check_boosts(q)
    _check_fuzzy(q)
    return q


# --- natural groups: words side by side, none required, more of them first -------------

_NATURAL = None


def natural_classes():
    """(Natural, NaturalGroup), made on first use: they subclass Whoosh's, and this module loads without Whoosh."""
    global _NATURAL
    if _NATURAL is None:
        _NATURAL = _make_natural()
    return _NATURAL


def _make_natural():
    from whoosh import matching, qparser, query

    class Natural(query.Or):
        """Clauses side by side (the words of ``soviet grain purchases``): any may match, more of them rank higher.

        The score of a document is ``S * m / n``: ``S`` the sum of the
        matching clauses' scores (each word's BM25F over title and body, as
        an OR scores it), added in the clauses' order; ``m`` how many of the
        ``n`` clauses match. A document with all three words keeps its OR
        score, one with two of them two thirds of it. The set of matches is
        the OR's. ``Engine`` evaluates it on decoded postings; this class's
        matcher is the reference (``search(..., use_engine=False)``).
        """

        coordinated = True  # the engine's mark
        JOINT = " "

        def matcher(self, searcher, context=None):
            subs = [sub.matcher(searcher, context) for sub in self.subqueries]
            if not subs:
                return matching.NullMatcher()
            return NaturalMatcher(subs, len(subs), self.boost)

    class NaturalMatcher(matching.Matcher):
        """Walks its clauses' matchers side by side; scores ``S * m / n`` (times the group's boost)."""

        def __init__(self, subs, n: int, boost: float) -> None:
            self.subs = subs
            self.n = n
            self.boost = boost

        def is_active(self) -> bool:
            return any(m.is_active() for m in self.subs)

        def reset(self) -> None:
            for m in self.subs:
                m.reset()

        def copy(self):
            return NaturalMatcher([m.copy() for m in self.subs], self.n, self.boost)

        def children(self):
            return list(self.subs)

        def term_matchers(self):
            for m in self.subs:
                yield from m.term_matchers()

        def matching_terms(self, id=None):
            id = self.id() if id is None else id
            for m in self.subs:
                if m.is_active() and m.id() == id:
                    yield from m.matching_terms(id)

        def replace(self, minquality=0):
            return self

        def supports_block_quality(self) -> bool:
            return False

        def id(self) -> int:
            return min(m.id() for m in self.subs if m.is_active())

        def next(self) -> None:
            here = self.id()
            for m in self.subs:
                if m.is_active() and m.id() == here:
                    m.next()

        def skip_to(self, id: int) -> None:
            for m in self.subs:
                if m.is_active() and m.id() < id:
                    m.skip_to(id)

        def weight(self) -> float:
            here = self.id()
            return sum(m.weight() for m in self.subs if m.is_active() and m.id() == here)

        def score(self) -> float:
            here = self.id()
            total = 0.0
            found = 0
            for m in self.subs:
                if m.is_active() and m.id() == here:
                    total += m.score()
                    found += 1
            score = total * found / self.n
            return score * self.boost if self.boost != 1.0 else score

    class NaturalGroup(qparser.OrGroup):
        qclass = Natural

    class Feedback(query.AndMaybe):
        """``a`` ranked with feedback terms ``b`` (an Or of boosted Terms): ``a``'s matches, scored
        ``a`` plus each matching term's score, added in the terms' order (``search.feedback``)."""

        feedback = True  # the engine's mark

        def matcher(self, searcher, context=None):
            main = self.a.matcher(searcher, context)
            if not main.is_active():
                return matching.NullMatcher()
            return FeedbackMatcher(main, [t.matcher(searcher, context) for t in self.b.subqueries], self.boost)

    class FeedbackMatcher(matching.WrappingMatcher):
        def __init__(self, child, extra, boost: float) -> None:
            super().__init__(child, boost)
            self.extra = extra

        def _replacement(self, newchild):
            return FeedbackMatcher(newchild, self.extra, self.boost)

        def copy(self):
            return FeedbackMatcher(self.child.copy(), [m.copy() for m in self.extra], self.boost)

        def supports_block_quality(self) -> bool:
            return False

        def replace(self, minquality=0):
            return self

        def score(self) -> float:
            here = self.child.id()
            score = self.child.score()
            for m in self.extra:
                if m.is_active() and m.id() < here:
                    m.skip_to(here)
                if m.is_active() and m.id() == here:
                    score += m.score()
            return score * self.boost if self.boost != 1.0 else score

    return Natural, NaturalGroup, Feedback


# Fields whose terms restrict rather than rank (unscored or not text): required even among bare words.
_RESTRICTING = frozenset({"agency", "speaker", "speaker_key", "date", "month", "id", "url", "path"})


def _natural_parts(q):
    """A Natural group's NOT clauses and restricting ``field:term`` clauses, taken out of it and required.

    ``a b NOT c`` is ``(a b) AND NOT c``, not "a, b or anything without c";
    ``source:tass oil`` keeps to TASS. Phrases, ``title:word`` and explicit
    AND/OR groups stay clauses of the group, matched as written.
    """
    from whoosh import query

    natural = natural_classes()[0]
    if type(q) is not natural:
        return q
    optional, required = [], []
    for sub in q.subqueries:
        if isinstance(sub, query.Not) or _restricts(sub):
            required.append(sub)
        else:
            optional.append(sub)
    if not required:
        return q
    if optional:
        kept = optional[0] if len(optional) == 1 else natural(optional)
        required.insert(0, kept)
    elif all(isinstance(sub, query.Not) for sub in required):
        return q  # only NOT clauses: as Whoosh reads them
    return query.And(required, boost=q.boost)


def _restricts(q) -> bool:
    fields = {leaf.fieldname for leaf in q.leaves() if getattr(leaf, "fieldname", None)}
    return bool(fields) and all(f in _RESTRICTING or f.startswith(META_PREFIX) for f in fields)


def _and_not_as_not(q):
    """``a ANDNOT b`` as ``a NOT b``: Whoosh's AndNotMatcher lets some documents with ``b`` through.

    (It does not move the excluded side forward when that starts before the
    included one.) ``a NOT b`` excludes them; its scores are 1.0 higher, the
    order is the same.
    """
    from whoosh import query

    if isinstance(q, query.AndNot):
        return query.And([q.a, query.Not(q.b)], boost=q.boost)
    return q


MAX_FUZZY = 2  # edits a fuzzy term may allow: past 2, nearly every short word matches, at great cost
MAX_EXPANSION = 5_000  # words a prefix, wildcard, fuzzy term or range may stand for in one query


def _check_fuzzy(q) -> None:
    from whoosh import query

    if isinstance(q, query.FuzzyTerm) and q.maxdist > MAX_FUZZY:
        raise QueryError(
            f"{q.text}~{q.maxdist} allows {q.maxdist} edits; the most is {MAX_FUZZY}: use {q.text}~1 or {q.text}~{MAX_FUZZY}"
        )
    for child in q.children():
        _check_fuzzy(child)


def check_cost(q, reader) -> None:
    """Refuse a query whose prefixes, wildcards, fuzzy terms or ranges stand for too many words.

    ``oil~6`` took 42 s, ``quotes '*billion'`` and ``{&& TO zyp]`` over 10 s
    on 4,300 articles: each expanded word is one more posting list to read.
    Counting stops at the cap, so the check costs at most that many lookups.
    """
    import itertools

    from whoosh import query

    for leaf in q.leaves() if q.children() else [q]:
        if isinstance(leaf, (query.MultiTerm, query.TermRange)) and not isinstance(leaf, query.Every):
            words = itertools.islice(leaf._btexts(reader), MAX_EXPANSION + 1)
            if sum(1 for _ in words) > MAX_EXPANSION:
                shown = str(leaf).split(":", 1)[-1]
                raise QueryError(
                    f"{shown} stands for more than {MAX_EXPANSION:,} words; make it narrower "
                    "(a longer prefix, fewer wildcards, a shorter range)"
                )


def _check_boosts(q) -> None:
    """A boost of 0 or less is meaningless, and Whoosh divides by it."""
    if getattr(q, "boost", 1.0) <= 0:
        raise QueryError("a boost must be above 0: word^2 weighs a word double, word^0.5 half")
    for child in q.children():
        _check_boosts(child)


def _normalise_speaker_terms(q):
    from whoosh import query

    from ..attribution.people import wanted_keys

    if isinstance(q, query.Term) and q.fieldname == "speaker_key":
        terms = [query.Term("speaker_key", k, boost=q.boost) for k in wanted_keys(str(q.text))]
        return terms[0] if len(terms) == 1 else query.Or(terms)
    return q


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    from ..index.schema import fold

    return _WORD.findall(fold(text.replace("ı", "i").replace("İ", "I")))  # Turkish dotless and dotted i


def matching_sources(name: str, available: list[str]) -> list[str]:
    """The sources (as the index keeps them, lower case) that ``name`` means, as people type it.

    The whole name, any case or accents; else every word of ``name`` the
    start of a word of the source's: ``reuters`` is "Reuters (Reuters-21578
    Distribution 1.0)", ``russian news`` is "Russian News Agency".
    """
    exact = [a for a in available if a == name.strip().lower()]
    if exact:
        return exact
    want = _words(name)
    if not want:
        return []
    return [a for a in available if all(any(w.startswith(x) for w in _words(a)) for x in want)]


def source_terms(reader, names) -> list[str]:
    available = [t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon("agency")]
    found = [term for name in names for term in matching_sources(name, available)]
    return sorted(set(found)) or [name.strip().lower() for name in names]  # none: the names, which match nothing


def source_labels(searcher, terms, manifest=None) -> dict[str, str]:
    """The name each source (an ``agency`` term) goes by: {term: label}.

    The index groups sources by their name in lower case (a name with commas
    under each of its parts, as ``--source`` matches them), so "Reuters" and
    "REUTERS" are one source. Its label is the spelling most of its articles
    write, ties to the first in code point order: a function of the articles
    the current files hold, never of the order runs indexed them in (the
    lowest document number's spelling once was).

    The spellings come from ``manifest`` (the searcher's generation's), which
    records each file's (``sources``: {name as written: articles}); a file
    recorded before that, or an index read without its manifest, has its
    articles' stored fields read instead. Cached on the searcher.
    """
    by_term = getattr(searcher, "_newsgrep_spellings", None)
    if by_term is None:
        by_term = _spellings(searcher, manifest)
        with contextlib.suppress(AttributeError):
            searcher._newsgrep_spellings = by_term
    out = {}
    for term in terms:
        term = term.decode("utf-8") if isinstance(term, bytes) else term
        spellings = by_term.get(term)
        out[term] = min(spellings, key=lambda n: (-spellings[n], n)) if spellings else term
    return out


def _spellings(searcher, manifest) -> dict[str, dict[str, int]]:
    """{agency term: {its spelling: live articles}}."""
    reader = searcher.reader()
    written: dict[str, int] = {}

    def read(docnums) -> None:
        for docnum in docnums:
            if not reader.is_deleted(docnum):
                name = reader.stored_fields(docnum).get("agency")
                if name:
                    written[name] = written.get(name, 0) + 1

    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict):
        read(reader.all_doc_ids())
    else:
        for path, entry in files.items():
            recorded = entry.get("sources") if isinstance(entry, dict) else None
            if isinstance(recorded, dict):
                for name, n in recorded.items():
                    written[name] = written.get(name, 0) + n
            elif ("path", path) in reader:  # recorded before spellings were
                read(reader.postings("path", path).all_ids())
    by_term: dict[str, dict[str, int]] = {}
    for name, n in written.items():
        for part in name.split(","):  # as the agency field's analyzer splits it
            part = part.strip()
            if part:
                spellings = by_term.setdefault(part.lower(), {})
                spellings[part] = spellings.get(part, 0) + n
    return by_term


def filter_query(filters: Filters, reader=None):
    """The filters as one query that adds nothing to the score (Every when there are none).

    With ``reader``, each ``--source`` name matches the sources it means (``matching_sources``).
    """
    from whoosh import query

    start, end = date_bounds(filters.date_from, filters.date_to)
    parts = []
    if start or end:
        parts.append(query.DateRange("date", start, end))
    if filters.sources:
        terms = (
            source_terms(reader, filters.sources)
            if reader is not None
            else [s.strip().lower() for s in filters.sources]
        )
        parts.append(query.Or([query.Term("agency", t) for t in terms]))
    if filters.speakers:
        from ..attribution.people import wanted_keys

        keys = dict.fromkeys(k for s in filters.speakers for k in wanted_keys(s))  # a full name: its bare surname too
        parts.append(query.Or([query.Term("speaker_key", k) for k in keys]))
    if not parts:
        return query.Every()
    return query.ConstantScoreQuery(query.And(parts) if len(parts) > 1 else parts[0], score=0.0)


def restrict(q, filters: Filters, reader=None):
    """``q`` limited by ``filters``, scored by ``q`` alone (``reader``: see ``filter_query``)."""
    from whoosh import query

    fq = filter_query(filters, reader)
    if isinstance(fq, query.Every):
        return q
    if isinstance(q, query.Every):
        return fq
    return query.And([q, fq])


def check_match(match: str) -> None:
    if match not in MATCHES:
        raise UsageError(f"--match {match!r} is not valid; use any (rank, no word required) or all")


def _check_request(req: SearchRequest) -> None:
    if req.sort not in SORTS:
        raise UsageError(f"--sort {req.sort!r} is not a sort order; use one of: {', '.join(SORTS)}")
    check_match(req.match)
    if req.limit < 0:
        raise UsageError("--limit must be 0 (all) or a positive number")
    for facet in req.facets:
        if facet not in FACETS:
            raise UsageError(f"--facet {facet!r} is not a facet; use one of: {', '.join(FACETS)}")


def _sort_args(sort: str) -> dict:
    if sort == "relevance":
        return {}
    return {"sortedby": "date", "reverse": sort == "-date"}


# --- hits ----------------------------------------------------------------------------------


JUMP_HITS = 50  # up to this many hits, snippets jump to each hit's postings block (engine.occurrences)


def make_hits(searcher, top, body_terms: list[bytes], phrases=(), occurrences=None, title=((), ())) -> list[Hit]:
    """Hits for ``top`` ([(docnum, score)]), their snippets cut around what matched.

    ``title`` is (terms, phrases) of the title field, marked in each hit's title.
    """
    docnums = [d for d, _score in top]
    spans = hits_spans(searcher, docnums, "body", body_terms, phrases, occurrences) if body_terms else {}
    return [make_hit(searcher, d, score, spans.get(d, []), title) for d, score in top]


def article_fields(stored: dict) -> dict:
    """The article's title, date, source, url and path from its stored fields, as hits show them."""
    return {
        "title": stored.get("title", ""),
        "date": iso(stored.get("date")),
        "source": stored.get("agency"),
        "url": stored.get("url"),
        "path": stored.get("path", ""),
        "line": stored.get("line", 1),
    }


def make_hit(searcher, docnum: int, score: float | None, spans: list[tuple[int, int]], title=((), ())) -> Hit:
    stored = searcher.stored_fields(docnum)
    return Hit(
        title_matches=title_matches(stored.get("title", ""), *title),
        id=stored["id"],
        **article_fields(stored),
        speakers=[s for s in stored.get("speaker", "").split(",") if s],
        score=round(float(score or 0.0), 4),
        snippets=make_snippets(stored.get("body", ""), spans),
        meta=stored.get("meta", {}),
    )


def count(searcher, q, results, limit: int | None) -> int:
    """How many documents match ``q``.

    Not ``len(results)`` alone: after block-max skipping, Whoosh undercounts a
    conjunction with a constant-score filter (and still calls the count exact).
    """
    if limit is None or results.scored_length() < limit:
        return len(results)  # every match was collected: nothing was skipped
    return sum(1 for _ in searcher.docs_for_query(q))


def query_terms(searcher, q, fieldname: str) -> list[bytes]:
    """The index terms of ``fieldname`` that ``q`` can match (prefixes and fuzzy terms expanded)."""
    from whoosh import query

    reader = searcher.reader()
    found: set[bytes] = set()
    for leaf in q.leaves():
        if getattr(leaf, "fieldname", None) != fieldname:
            continue
        pairs = leaf.expanded_terms(reader) if isinstance(leaf, query.MultiTerm) else leaf.iter_all_terms(phrases=True)
        found.update(as_bytes(t) for f, t in pairs if f == fieldname)
    return sorted(found)


def as_bytes(text) -> bytes:
    """A term as Whoosh's postings want it."""
    return text if isinstance(text, bytes) else str(text).encode("utf-8")


def phrases_of(q, fieldname: str) -> list[list[bytes]]:
    """The phrases of ``q`` on ``fieldname``, as lists of indexed terms."""
    from whoosh import query

    return [
        [as_bytes(w) for w in leaf.words]
        for leaf in q.leaves()
        if isinstance(leaf, query.Phrase) and leaf.fieldname == fieldname
    ]


def search(ix, root: str, req: SearchRequest, *, use_engine: bool = True) -> SearchResult:
    """Run ``req`` against the open index ``ix``.

    ``use_engine=False`` answers through Whoosh's matchers alone: the
    reference the engine is tested against.
    """
    from whoosh import sorting

    _check_request(req)
    q = parse_query(req.query, ix.schema, match=req.match, meta_names=lambda: meta_names(ix, root))
    facet_map = {
        "source": sorting.FieldFacet("agency", allow_overlap=True),  # a name with commas: under each part
        "speaker": sorting.FieldFacet("speaker", allow_overlap=True),
        "month": sorting.FieldFacet("month"),
    }
    groupedby = {name: facet_map[name] for name in req.facets} or None
    limit = None if req.limit == 0 else req.limit
    with reading(ix, root) as searcher:
        check_cost(q, searcher.reader())
        full = restrict(q, req.filters, searcher.reader())
        phrases = phrases_of(q, "body")
        terms = query_terms(searcher, q, "body")  # the hits show the words asked for, not the feedback terms
        title = (query_terms(searcher, q, "title"), phrases_of(q, "title"))
        engine = _engine(ix, searcher) if use_engine and not req.facets else None
        clauses = natural_clauses(q)
        kept: list[int] = []  # the first pass's top documents, which stay the top (see keep_first)
        if clauses and req.sort == "relevance":
            seeds = _first_pass(engine, searcher, full)
            if seeds:
                ranked_with = feedback(searcher, q, seeds[:FEEDBACK_DOCS], clauses, engine)
                if ranked_with is not q:
                    q = ranked_with
                    full = restrict(q, req.filters, searcher.reader())
                    kept = [docnum for docnum, _score in seeds]
        ranked = _from_engine(engine, q, full, limit, req) if engine is not None else None
        facets = None
        occurrences = None
        if ranked is not None:  # answered from decoded postings (engine.py)
            total, top, engine = ranked
            # Jumping to each hit's block beats walking the postings for a page of hits; for
            # hundreds (--limit 0) one forward walk per term reads each block once (0.9 s -> 0.35 s
            # for 584 hits of the 600-article test index).
            occurrences = engine.occurrences if len(top) <= JUMP_HITS else None
        else:
            # No terms=True: recording matched terms per document turns off Whoosh's
            # block-max skipping, so a common word would score every match. The
            # shown hits look their terms up in their own postings instead.
            results = whoosh_search(searcher, full, limit, groupedby, req.sort)
            # With groupedby, Whoosh hands back every match, not the top N: settle cuts them.
            top = whoosh_ranked(searcher, results, limit, _ids(ix))
            if req.sort != "relevance":  # a sorted hit's "score" is Whoosh's sort key: report its relevance instead
                from .engine import exact_scores

                docnums = [docnum for docnum, _key in top]
                top = list(zip(docnums, exact_scores(searcher, full, docnums, check=False), strict=True))
            total = count(searcher, full, results, limit)
            facets = _facets(ix, root, searcher, results, req.facets) if req.facets else None
        if kept:
            top = keep_first(searcher, full, top, kept, limit, engine if ranked is not None else None, _ids(ix))
        hits = make_hits(searcher, top, terms, phrases, occurrences, title)
        suggestion = suggest(searcher, req.query) if total == 0 else None
    return SearchResult(req.query, total, hits, facets, suggestion)


# --- pseudo-relevance feedback (RM3) for natural queries --------------------------------------

FEEDBACK_DOCS = 5  # the first pass's top documents, taken as relevant
FEEDBACK_POOL = 30  # their most likely words, the candidates...
FEEDBACK_TERMS = 10  # ...of which this many are added
FEEDBACK_MAX_SHARE = 0.1  # never a word in more than this share of the articles
FEEDBACK_CHARS = 2000  # of each body: the lead says what an article is about, and analysing costs ~6 us a word
FEEDBACK_MEMO = 100_000  # a server's memo of article words and frequencies, emptied past this many entries
FEEDBACK_KEEP = 0.5  # the weight of the words asked for against the feedback terms (RM3's lambda)
FEEDBACK_AGREE = 3  # a feedback word is in at least this many of the FEEDBACK_DOCS read (in as large a share of fewer)
FIRST_KEPT = 10  # the first pass's top documents stay the top ones; feedback orders them and what follows


def keep_first(searcher, full, top: list[tuple[int, float]], kept: list[int], limit: int | None, engine=None, ids=None):
    """``top`` (ranked by ``full``, the query with feedback) with the ``kept`` documents first.

    ``kept`` are the first pass's best (FIRST_KEPT of them): they come first,
    in the order of their score with feedback, then the other documents in
    theirs; so feedback never moves a document into the first FIRST_KEPT or
    out of them, it orders them and everything below. The scores are the
    feedback query's: across that boundary they need not decrease. A kept
    document that ``top`` lacks (feedback pushed it below the page) has
    the score the engine gave it (``engine``, when it ranked ``top``), else
    Whoosh's; ``top`` holds enough others to fill the page (it has
    ``limit`` documents, so ``limit`` less those kept ones that it holds).
    Equal scores among the kept ones are in article-id order (``ties.settle``).
    """
    scores = dict(top)
    missing = [docnum for docnum in kept if docnum not in scores]
    if missing:
        from .engine import exact_scores, scores_of

        found = scores_of(engine, full, missing) if engine is not None else exact_scores(searcher, full, missing)
        scores.update(zip(missing, found, strict=True))
    first = sorted(((docnum, scores[docnum]) for docnum in kept), key=lambda ds: ds[1], reverse=True)
    first = settle(searcher, first, [score for _d, score in first], None, ids)
    chosen = set(kept)
    out = first + [ds for ds in top if ds[0] not in chosen]
    return out if limit is None else out[:limit]


def natural_clauses(q) -> int:
    """How many clauses the query's first Natural group has (0: none; the query is not a natural one)."""
    if getattr(q, "coordinated", False):
        return len(q.subqueries)
    for child in q.children():
        found = natural_clauses(child)
        if found:
            return found
    return 0


def _first_pass(engine, searcher, full) -> list[tuple[int, float]]:
    """The top FIRST_KEPT of ``full`` (docnum, score), from the engine or from Whoosh: the same answer."""
    if engine is not None:
        from .engine import Unsupported

        try:
            return engine.top(full, full, FIRST_KEPT, "relevance")[1]
        except Unsupported:
            pass
    return whoosh_ranked(searcher, whoosh_search(searcher, full, FIRST_KEPT), FIRST_KEPT, getattr(engine, "ids", None))


def feedback(searcher, q, seeds: list[tuple[int, float]], clauses: int, engine=None):
    """``q`` ranked with RM3 feedback: ``AndMaybe(q, Or(feedback terms))``, so the matches are ``q``'s own.

    The relevance model of the first pass's top documents: a word's weight
    is the sum over them of its share of the document's words times
    ``exp(score - best score)``. The FEEDBACK_POOL heaviest words, those in
    at most FEEDBACK_MAX_SHARE of the articles' bodies, FEEDBACK_TERMS of
    them, each searched in title and body with the boost ``n (1 - lambda) /
    lambda`` times its share of the chosen words' weight (``n`` the number
    of clauses, lambda FEEDBACK_KEEP): a document's score is its natural
    score plus those terms' BM25F scores so boosted. A server's ``engine``
    keeps what it read (an article's words, a word's document frequency)
    for its index generation.
    """
    import heapq
    import math
    from collections import Counter

    from whoosh import query

    if FEEDBACK_TERMS <= 0:
        return q
    memo = getattr(engine, "feedback_memo", None)  # a server's: words of articles, document frequencies
    if memo is not None and len(memo) > FEEDBACK_MEMO:
        memo.clear()
    analyzer = searcher.schema["body"].analyzer
    best = seeds[0][1]
    weights: dict[str, float] = {}
    seen: dict[str, int] = {}  # how many of the articles read have the word
    read = 0
    for docnum, score in seeds:
        found = memo.get(docnum) if memo is not None else None
        if found is None:
            stored = searcher.stored_fields(docnum)
            text = stored.get("title", "") + "\n" + stored.get("body", "")[:FEEDBACK_CHARS]
            counts = Counter(token.text for token in analyzer(text))
            found = (counts, sum(counts.values()))
            if memo is not None:
                memo[docnum] = found
        counts, size = found
        if not size:
            continue
        share = math.exp(score - best) / size
        for word, n in counts.items():
            weights[word] = weights.get(word, 0.0) + share * n
            seen[word] = seen.get(word, 0) + 1
        read += 1
    agree = -(-FEEDBACK_AGREE * read // FEEDBACK_DOCS)  # 3 of 5, 2 of 3, 1 of 1
    weights = {word: weight for word, weight in weights.items() if seen[word] >= agree}
    most = searcher.doc_count() * FEEDBACK_MAX_SHARE
    chosen: list[str] = []
    for word in heapq.nsmallest(FEEDBACK_POOL, weights, key=lambda w: (-weights[w], w)):
        df = memo.get(word) if memo is not None else None
        if df is None:
            df = searcher.doc_frequency("body", word)
            if memo is not None:
                memo[word] = df
        if 0 < df <= most:
            chosen.append(word)
            if len(chosen) == FEEDBACK_TERMS:
                break
    if not chosen:
        return q
    total = sum(weights[w] for w in chosen)
    scale = clauses * (1 - FEEDBACK_KEEP) / FEEDBACK_KEEP
    extra = [
        query.Term(field, word, boost=scale * weights[word] / total) for word in chosen for field in ("title", "body")
    ]
    return natural_classes()[2](q, query.Or(extra))


def whoosh_search(searcher, q, limit: int | None, groupedby=None, sort: str = "relevance"):
    """``searcher.search``, except that the top N of a relevance search are the true top N,
    and that the results hold every match tied with the N-th (``whoosh_ranked`` cuts them).

    Whoosh's TopCollector "replaces" the matcher every ten matches with one
    pruned against the lowest score in its heap; for an AND of ORs (any
    multi-word query over title and body) the pruning drops branches that
    still count, so better documents went missing from the top ten. Its
    block-quality skipping is sound and stays on. Its heap keeps the lowest
    document numbers among the N-th's ties, which depend on the index's
    history: ``ties_collector`` keeps them all; a date sort collects every
    match (Whoosh walks them all to sort anyway).
    """
    if groupedby is None and sort == "relevance" and limit and limit < searcher.doc_count():
        collector = ties_collector(limit)
        searcher.search_with_collector(q, collector)
        return collector.results()
    if sort != "relevance":
        limit = None
    return searcher.search(q, limit=limit, groupedby=groupedby, **_sort_args(sort))


def whoosh_ranked(searcher, results, limit: int | None, ids=None) -> list[tuple[int, float]]:
    """[(docnum, score)] of ``whoosh_search``'s results (a date sort: its sort key for the score), the
    first ``limit``, equal scores or dates in article-id order (``ties.settle``)."""
    top = results.top_n
    return settle(searcher, [(docnum, score) for score, docnum in top], [score for score, _d in top], limit, ids)


def _ids(ix):
    """The server's documents in id order, to break ties (``Engine.ids``, ``ties.IdRanks``), or None."""
    return getattr(getattr(ix, "engine", None), "ids", None)


def _engine(ix, searcher):
    """The server's engine, which keeps its decoded postings between requests, or one for this search.

    A one-shot search decodes just what it needs, which still costs far less
    than Whoosh's matchers (engine.py).
    """
    from .engine import Engine

    return getattr(ix, "engine", None) or Engine(searcher, keep=False)


def _from_engine(engine, q, full, limit: int | None, req: SearchRequest):
    """(total, [(docnum, score)], engine) from the engine, or None where Whoosh must answer."""
    from .engine import Unsupported

    try:
        total, top = engine.top(q, full, limit, req.sort)
    except Unsupported:
        return None
    return total, top, engine


def _facets(ix, root: str, searcher, results, names: tuple[str, ...]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for name in names:
        groups = results.groups(name)
        counts: dict[str, int] = {}
        for key, docnums in groups.items():
            if key is None or not docnums:
                continue
            label = key.decode("utf-8") if isinstance(key, bytes) else str(key)
            counts[label] = counts.get(label, 0) + len(docnums)
        if name == "month":  # a month facet reads as a calendar: in date order
            out[name] = dict(sorted(counts.items()))
            continue
        if name == "source":  # the index keeps agencies in lower case; show each under its label
            sizes = sorted(counts.values(), reverse=True)
            cut = sizes[FACET_SIZE - 1] if len(sizes) >= FACET_SIZE else 0  # the groups tied at the cut too
            labels = source_labels(
                searcher, [term for term, n in counts.items() if n >= cut], _manifest(ix, root, searcher)
            )
            counts = {labels[term]: n for term, n in counts.items() if term in labels}
        out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE])
    return out


def _manifest(ix, root: str, searcher) -> dict | None:
    """The manifest of the generation ``searcher`` reads, once its spellings are needed (``source_labels``)."""
    if getattr(searcher, "_newsgrep_spellings", None) is not None:
        return None  # cached: not read again
    from ..index.store import manifest_for, read_generation

    return manifest_for(root, *read_generation(ix, searcher)[:2])


# --- did you mean ------------------------------------------------------------------------

_BARE_WORD = re.compile(r'"[^"]*"|\b[A-Za-z_]\w*:\S+|\b(AND|OR|NOT|TO)\b|([^\W\d_]{3,})(?![*~:])')


def suggest(searcher, text: str) -> str | None:
    """The query with unknown words replaced by the likeliest real words of the index, or None.

    A word of 4 to 7 letters may be one edit away from its suggestion, a
    longer one two (an edit: a letter added, dropped, changed, or two side by
    side swapped); the nearest wins, then the most frequent (files that have
    it), then the first in alphabetical order. Never a stop word, and nothing
    for a word of 3 letters or fewer.
    """
    from ..index.schema import fold

    changed = False
    out: list[str] = []
    last = 0
    for m in _BARE_WORD.finditer(text):
        word = m.group(2)
        if not word:
            continue
        key = fold(word)
        if searcher.doc_frequency("words", key):
            continue
        found = closest_word(searcher, key)
        if found:
            out.append(text[last : m.start(2)] + found)
            last = m.end(2)
            changed = True
    out.append(text[last:])
    return "".join(out) if changed else None


def closest_word(searcher, word: str) -> str | None:
    """The real word (``words`` field) a person most likely meant by ``word``; see ``suggest``.

    Candidates one edit away are generated and looked up (a few hundred
    lexicon lookups, not a distance computed against the whole vocabulary);
    words two edits away are sought among those with the same first two
    letters and a length within two.
    """
    from whoosh.analysis.filters import STOP_WORDS

    if not 4 <= len(word) <= MAX_SUGGESTED or not word.isalpha():
        return None  # short words have too many neighbours; long ones or non-words, no index could hold
    reader = searcher.reader()
    best: tuple | None = None

    def consider(candidate: str, distance: int) -> None:
        nonlocal best
        if candidate in STOP_WORDS or candidate == word:
            return
        freq = searcher.doc_frequency("words", candidate)
        if freq:
            key = (distance, -freq, candidate)
            if best is None or key < best:
                best = key

    for candidate in _edits1(word):
        consider(candidate, 1)
    if best is None and len(word) >= 8:
        for raw in reader.expand_prefix("words", word[:2]):
            candidate = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if abs(len(candidate) - len(word)) <= 2 and _distance(word, candidate, 2) <= 2:
                consider(candidate, 2)
    return best[2] if best else None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
MAX_SUGGESTED = 30  # letters: a 4,000-letter "word" took 80 s of candidate edits


def _edits1(word: str) -> set[str]:
    """Every string one edit (insertion, deletion, substitution, adjacent swap) from ``word``."""
    letters = set(_LETTERS) | set(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    return out


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance of ``a`` and ``b`` (swaps of neighbours count one), or ``limit + 1``."""
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[-1]


# --- similar -------------------------------------------------------------------------------


def similar(ix, root: str, article_id: str, filters: Filters = Filters(), limit: int = 10) -> SearchResult:
    """Articles most like ``article_id``: "more like this" on the body."""
    from whoosh import query

    if limit < 0:
        raise UsageError("--limit must be 0 (all) or a positive number")
    with reading(ix, root) as searcher:
        docnum = searcher.document_number(id=article_id)
        if docnum is None or searcher.stored_fields(docnum).get("title") is None:
            raise NotFoundError(f"no article with id {article_id!r}; find ids with `newsgrep search --json`")
        body = searcher.stored_fields(docnum).get("body", "")
        keywords = list(searcher.key_terms_from_text("body", body, numterms=25))
        if not keywords:
            return SearchResult(article_id, 0, [])
        q = query.Or([query.Term("body", word, boost=weight) for word, weight in keywords])
        full = query.And([restrict(q, filters, searcher.reader()), query.Not(query.Term("id", article_id))])
        results = whoosh_search(searcher, full, None if limit == 0 else limit)
        terms = query_terms(searcher, q, "body")
        hits = make_hits(searcher, whoosh_ranked(searcher, results, limit or None, _ids(ix)), terms)
        return SearchResult(article_id, count(searcher, full, results, limit or None), hits)
