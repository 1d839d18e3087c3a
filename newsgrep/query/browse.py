"""Looking at what the index holds: one article, every matching article, the totals."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from ..errors import IndexVersionError, NotFoundError
from ..index.store import (
    SegmentDamage,
    check_segments,
    damaged,
    index_size,
    manifest_for,
    read_generation,
    segment_files,
)
from ..ingest.dates import iso
from ..models import Article, Quote
from .search import Filters, check_cost, check_match, meta_names, parse_query, reading, restrict, source_labels


def quotes_of(stored: dict) -> tuple[Quote, ...]:
    """The quotations stored with an article, their text sliced from its body."""
    body = stored.get("body", "")
    return tuple(
        Quote(text=body[start:end], kind=kind, speaker=speaker, role=role, cue=cue, start=start, end=end)
        for start, end, kind, speaker, role, cue in stored.get("quotes", ())
    )


def article_from(stored: dict) -> Article:
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
        quotes=quotes_of(stored),
        meta=stored.get("meta", {}),
    )


def show(ix, root: str, article_id: str) -> Article:
    """One whole article, with its repaired body and its quotations."""
    with reading(ix, root) as searcher:
        stored = searcher.document(id=article_id)
        if not stored:
            raise NotFoundError(f"no article with id {article_id!r}; find ids with `newsgrep search --json`")
        return article_from(stored)


def iter_articles(ix, root: str, q_text: str, filters: Filters, match: str = "any"):
    """Every article matching the query and filters, in date order, with its quotations.

    ``match`` as for search: "any" (the default) takes an article with any of
    the query's bare words, so an export holds what a search counts in ``total``.
    """
    check_match(match)
    parsed = parse_query(q_text, ix.schema, match=match, meta_names=lambda: meta_names(ix, root))
    with reading(ix, root) as searcher:
        check_cost(parsed, searcher.reader())
        q = restrict(parsed, filters, searcher.reader())
        # One date at a time, in article-id order: Whoosh's order among them is its document number.
        for _date, same in itertools.groupby(searcher.search(q, limit=None, sortedby="date"), key=_sort_key):
            for stored in sorted((hit.fields() for hit in same), key=_article_id):
                yield article_from(stored)


def _sort_key(hit):
    return hit.score  # a sorted search's "score" is the hit's sort key, here its date


def _article_id(stored: dict) -> str:
    return stored.get("id", "")


@dataclass(frozen=True)
class Stats:
    """What the index holds, as ``newsgrep stats`` prints it."""

    articles: int
    quotes: int
    first: str | None
    last: str | None
    sources: dict[str, int]
    files: int
    index_bytes: int
    updated: str | None
    index: str


def _source_counts(searcher, manifest) -> dict[str, int]:
    """Live articles per source, under its label (``source_labels``; unsorted)."""
    reader = searcher.reader()
    counts: dict[str, int] = {}
    for term in searcher.lexicon("agency"):
        live = sum(1 for d in searcher.postings("agency", term).all_ids() if not reader.is_deleted(d))
        if live:  # every article of it deleted: the word stays in the lexicon until a merge
            counts[term.decode("utf-8") if isinstance(term, bytes) else term] = live
    labels = source_labels(searcher, counts, manifest)
    return {labels[term]: live for term, live in counts.items()}


def _most_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def source_counts(ix, root: str) -> dict[str, int]:
    """Every source with its live article count, most first: ``stats().sources`` without the rest."""
    with reading(ix, root) as searcher:
        folder, generation, _segments = read_generation(ix, searcher)
        return _most_first(_source_counts(searcher, manifest_for(root, folder, generation)))


@dataclass(frozen=True)
class Check:
    """What ``newsgrep check`` read: every file of the generation searches read, against its recorded CRC-32."""

    files: int
    index_bytes: int
    generation: int
    index: str


def check(ix, root: str) -> Check:
    """Read every segment file of the live generation and compare its CRC-32 with the record of its commit.

    An open checks sizes and mtimes, and the CRC-32 of the length columns
    only (``store.check_segments``): a postings file that rots in place, its
    size and mtime unchanged, is found here, not by a search. IndexDamagedError
    names the first file that differs.
    """
    with reading(ix, root) as searcher:
        folder, generation, segments = read_generation(ix, searcher)
        if not getattr(ix, "recorded", False):
            raise IndexVersionError(
                f"the index at {root} keeps no checksums (it was built before they were recorded);"
                " run `newsgrep index --rebuild` to add them"
            )
        try:
            check_segments(folder, generation, segments, full=True)
        except (SegmentDamage, OSError) as err:
            raise damaged(root, err) from None
        manifest_for(root, folder, generation)
        names = segment_files(folder, segments)
        size = index_size(folder, generation, segments)
    return Check(files=len(names), index_bytes=size, generation=generation, index=root)


def stats(ix, root: str) -> Stats:
    with reading(ix, root) as searcher:
        folder, generation, segments = read_generation(ix, searcher)  # everything below from this one
        articles = searcher.doc_count()
        manifest = manifest_for(root, folder, generation)
        sources = _source_counts(searcher, manifest)
        first = last = None
        if articles:
            from whoosh import query

            dated = query.Every("date")
            oldest = searcher.search(dated, limit=1, sortedby="date")
            newest = searcher.search(dated, limit=1, sortedby="date", reverse=True)
            first = iso(oldest[0]["date"]) if len(oldest) else None
            last = iso(newest[0]["date"]) if len(newest) else None
        size = index_size(folder, generation, segments)
    return Stats(
        articles=articles,
        quotes=sum(entry.get("quotes", 0) for entry in manifest.get("files", {}).values()),
        first=first,
        last=last,
        sources=_most_first(sources),
        files=len(manifest.get("files", {})),
        index_bytes=size,
        updated=manifest.get("updated"),
        index=root,
    )
