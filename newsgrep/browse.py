"""Looking at what the index holds: one article, the totals, quotations, speakers."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from .dates import iso
from .errors import NotFoundError, UsageError
from .index import index_size, manifest_for
from .models import Article, Quote, QuoteHit
from .search import Filters, filter_query, parse_query, reading
from .snippets import term_spans


def _article(stored: dict, quotes: tuple[Quote, ...] = ()) -> Article:
    date = stored.get("date")
    return Article(
        id=stored["id"],
        title=stored.get("title", ""),
        date=date.date() if isinstance(date, dt.datetime) else date,
        source=stored.get("agency"),
        url=stored.get("url"),
        body=stored.get("body", ""),
        path=stored.get("path", ""),
        line=stored.get("line", 1),
        kaynak=stored.get("kaynak"),
        speakers=tuple(s for s in stored.get("speaker", "").split(",") if s),
        speakers_from=stored.get("speakers_from", "extractor"),
        quotes=quotes,
    )


def _quote(stored: dict, body: str) -> Quote:
    start, end = stored.get("qstart", 0), stored.get("qend", 0)
    return Quote(
        text=body[start:end],
        kind=stored.get("qkind", "direct"),
        speaker=stored.get("speaker", ""),
        role=stored.get("role"),
        cue=stored.get("cue"),
        start=start,
        end=end,
    )


def _quotes_of(searcher, article_id: str, body: str) -> tuple[Quote, ...]:
    from whoosh import query

    docs = searcher.search(query.Term("article_id", article_id), limit=None)
    quotes = [_quote(hit.fields(), body) for hit in docs]
    return tuple(sorted(quotes, key=lambda q: q.start))


def show(ix, root: str, article_id: str) -> Article:
    """One whole article, with its repaired body and its quotations."""
    with reading(ix, root) as searcher:
        stored = searcher.document(id=article_id)
        if not stored or "title" not in stored:
            raise NotFoundError(f"no article with id {article_id!r}; find ids with `newsgrep search --json`")
        return _article(stored, _quotes_of(searcher, article_id, stored.get("body", "")))


def iter_articles(ix, root: str, q_text: str, filters: Filters):
    """Every article matching the query and filters, in date order, with its quotations."""
    from whoosh import query

    q = query.And([parse_query(q_text, ix.schema), filter_query(filters)])
    with reading(ix, root) as searcher:
        for hit in searcher.search(q, limit=None, sortedby="date"):
            stored = hit.fields()
            yield _article(stored, _quotes_of(searcher, stored["id"], stored.get("body", "")))


@dataclass(frozen=True)
class Stats:
    articles: int
    quotes: int
    first: str | None
    last: str | None
    sources: dict[str, int]
    files: int
    index_bytes: int
    updated: str | None
    index: str


def stats(ix, root: str) -> Stats:
    with reading(ix, root) as searcher:
        articles = searcher.doc_frequency("kind", "article")
        quotes = searcher.doc_frequency("kind", "quote")
        sources: dict[str, int] = {}
        for term in searcher.lexicon("agency"):
            docs = list(searcher.postings("agency", term).all_ids())
            label = searcher.stored_fields(docs[0]).get("agency") if docs else term.decode()
            sources[label] = sources.get(label, 0) + len(docs)
        first = last = None
        if articles:
            from whoosh import query

            dated = query.And([query.Term("kind", "article"), query.Every("date")])
            oldest = searcher.search(dated, limit=1, sortedby="date")
            newest = searcher.search(dated, limit=1, sortedby="date", reverse=True)
            first = iso(oldest[0]["date"]) if len(oldest) else None
            last = iso(newest[0]["date"]) if len(newest) else None
    manifest = manifest_for(root, ix)
    return Stats(
        articles=articles,
        quotes=quotes,
        first=first,
        last=last,
        sources=dict(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))),
        files=len(manifest.get("files", {})),
        index_bytes=index_size(root),
        updated=manifest.get("updated"),
        index=root,
    )


# --- quotations ---------------------------------------------------------------------------


def search_quotes(ix, root: str, q_text: str | None, filters: Filters, limit: int = 10) -> tuple[int, list[QuoteHit]]:
    """Quotations whose own words match ``q_text`` (all of them when it is empty)."""
    from whoosh import query

    if limit < 0:
        raise UsageError("--limit must be 0 (all) or a positive number")
    q = parse_query(q_text or "", ix.schema, fields=("qtext",))
    full = query.And([q, filter_query(filters, kind="quote")])
    by_relevance = bool(q_text and q_text.strip() not in {"", "*"})
    out: list[QuoteHit] = []
    with reading(ix, root) as searcher:
        results = searcher.search(
            full,
            limit=None if limit == 0 or not by_relevance else limit,
            terms=True,
            **({} if by_relevance else {"sortedby": ["date", "id"]}),
        )
        total = len(results)
        articles: dict[str, dict] = {}
        for hit in results:
            if len(out) >= limit > 0:
                break
            stored = hit.fields()
            aid = stored["article_id"]
            art = articles.get(aid) or articles.setdefault(aid, searcher.document(id=aid) or {})
            quote = _quote(stored, art.get("body", ""))
            terms = sorted({t for f, t in (hit.matched_terms() or []) if f == "qtext"})
            spans = sorted(set(term_spans(searcher, hit.docnum, "qtext", terms))) if terms else []
            out.append(
                QuoteHit(
                    speaker=quote.speaker,
                    role=quote.role,
                    kind=quote.kind,
                    cue=quote.cue,
                    text=quote.text,
                    article_id=aid,
                    title=art.get("title", ""),
                    date=iso(art.get("date")),
                    source=art.get("agency"),
                    url=art.get("url"),
                    path=art.get("path", ""),
                    matches=[list(s) for s in spans],
                )
            )
    return total, out


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None
    aliases: list[str]
    quotes: int
    articles: int
    first: str | None
    last: str | None


def speakers(ix, root: str) -> list[Speaker]:
    """Everyone quoted, with counts; forms of one name (Sergey/Sergei) are one speaker."""
    from whoosh import query

    from .quotes import name_key

    groups: dict[str, dict] = defaultdict(
        lambda: {"forms": Counter(), "roles": Counter(), "quotes": 0, "articles": set(), "dates": []}
    )
    with reading(ix, root) as searcher:
        for hit in searcher.search(query.Term("kind", "quote"), limit=None):
            stored = hit.fields()
            name = stored.get("speaker", "")
            g = groups[name_key(name)]
            g["forms"][name] += 1
            if stored.get("role"):
                g["roles"][stored["role"]] += 1
            g["quotes"] += 1
            g["articles"].add(stored.get("article_id"))
            if stored.get("date"):
                g["dates"].append(stored["date"])
    # A surname-only form ("Lavrov") joins the one full name that ends with it.
    for key in [k for k in groups if " " not in k]:
        owners = [k for k in groups if k != key and k.endswith(" " + key)]
        if len(owners) == 1:
            target, src = groups[owners[0]], groups.pop(key)
            target["forms"].update(src["forms"])
            target["roles"].update(src["roles"])
            target["quotes"] += src["quotes"]
            target["articles"] |= src["articles"]
            target["dates"] += src["dates"]
    out = []
    for g in groups.values():
        forms = g["forms"]
        name = max(forms, key=lambda f: (len(f.split()), forms[f], f))
        out.append(
            Speaker(
                name=name,
                role=g["roles"].most_common(1)[0][0] if g["roles"] else None,
                aliases=sorted(forms),
                quotes=g["quotes"],
                articles=len(g["articles"]),
                first=iso(min(g["dates"])) if g["dates"] else None,
                last=iso(max(g["dates"])) if g["dates"] else None,
            )
        )
    return sorted(out, key=lambda s: (-s.quotes, s.name))
