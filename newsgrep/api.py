"""newsgrep as a Python library: ``newsgrep.open(index_dir)`` and the calls the commands make.

Every command of the CLI is one method of ``Archive`` with the same
parameters, returning the frozen records (``newsgrep.models``) that the
command's ``--json`` prints: ``dataclasses.asdict(record)`` is that JSON, so a
notebook gets a DataFrame with ``pandas.DataFrame(map(asdict, result.hits))``.
The CLI is a client of this module: it parses options, calls these methods,
renders and maps errors to exit codes.

Errors are ``newsgrep.errors.NewsgrepError`` subclasses whose messages say
what to do next. Reading never writes: a missing index raises
``NoIndexError``; only ``update`` builds or changes an index.

Importing this module loads nothing heavy (Whoosh loads on the first call),
and installs nothing in the import system.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from .errors import NoIndexError, UsageError
from .models import Article, SearchResult

if TYPE_CHECKING:  # records of the query modules, which load with Whoosh on the first call
    from .index.writer import IndexSummary
    from .query.browse import Check, Stats
    from .query.quotes import QuoteResult, Speaker
    from .query.timeline import Period

__all__ = ["Archive", "open"]

Names = str | Sequence[str] | None


def _names(value: Names) -> tuple[str, ...]:
    """``"Lavrov"`` or ``["Lavrov", "Peskov"]`` or None, as the repeatable options take them."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def open(index: str | os.PathLike | None = None) -> Archive:  # noqa: A001 - newsgrep.open, as sqlite3.connect
    """The archive whose index lives at ``index`` (default: ``$NEWSGREP_INDEX`` or ``./index``).

    The index need not exist yet: ``update(paths)`` builds it; a search before
    that raises ``NoIndexError``.
    """
    from .index.locations import index_location

    return Archive(index_location(None if index is None else os.fspath(index)))


class Archive:
    """One index directory, read with the same code as the command line.

    Methods take the parameters of the command of the same name (``--from``
    is ``date_from``; repeatable options take a name or a list of names).
    A search always reads the last committed index, even after another
    process's ``newsgrep index``.
    """

    def __init__(self, root: str, ix=None) -> None:
        """``ix``: an index already open (the server's warm one); else opened on first use."""
        self.root = root
        self._ix = ix
        self._warm = ix is not None  # refreshed by its owner, never reopened here
        self._gen: str | None = None  # the generation directory self._ix reads

    def __repr__(self) -> str:
        return f"<newsgrep.Archive {self.root!r}>"

    @property
    def ix(self):
        """The open Whoosh index, reopened when a rebuild has swapped in a new generation.

        Commits to the open generation need nothing: every call opens a fresh
        searcher. NoIndexError when there is no index yet.
        """
        if self._warm:
            return self._ix
        from .index import store

        if not store.exists(self.root):
            raise NoIndexError(
                f"no index at {self.root}; build it with `newsgrep index PATH...` or Archive.update([PATH, ...])"
            )
        live = store.current_dir(self.root)
        if self._ix is None or live != self._gen:
            self._ix, self._gen = store.open_index(self.root), live
        return self._ix

    # --- reading ------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        source: Names = None,
        speaker: Names = None,
        sort: str = "relevance",
        limit: int = 10,
        offset: int = 0,
        facet: Names = None,
        match: str = "any",
    ) -> SearchResult:
        """`newsgrep search`: hits with snippets, ``total`` exact, facets when asked.

        ``match="any"`` (the default): bare words need not all occur, and
        articles with more of them rank first; ``"all"``: every word must occur.
        """
        from .query.search import SearchRequest, search

        filters = self._filters(date_from, date_to, source, speaker)
        if offset < 0:
            raise UsageError("--offset must be 0 or a positive number")
        # the page after ``offset`` hits: ranked as one list, then cut (limit 0 = all)
        fetch = limit + offset if limit else 0
        found = search(self.ix, self.root, SearchRequest(query, filters, sort, fetch, _names(facet), match))
        return dataclasses.replace(found, hits=found.hits[offset:]) if offset else found

    def quotes(
        self,
        query: str | None = None,
        *,
        speaker: Names = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: Names = None,
        limit: int = 10,
        match: str = "all",
    ) -> QuoteResult:
        """`newsgrep quotes`: quotations whose own words match ``query`` (every quotation without one).

        ``match`` is ``"all"`` by default, unlike ``search``: a quotation is
        listed, not ranked, so words side by side are a condition on its own
        words; ``"any"`` lists the quotations holding at least one of them.
        """
        from .query.quotes import search_quotes

        filters = self._filters(date_from, date_to, source, speaker)
        return search_quotes(self.ix, self.root, query, filters, limit, match)

    def speakers(
        self,
        query: str | None = None,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        source: Names = None,
        limit: int = 0,
        sort: str = "quotes",
        match: str = "any",
    ) -> list[Speaker]:
        """`newsgrep speakers`: everyone quoted in the matching articles (all without a query), most quoted first.

        ``sort``: quotes, articles, name or recent; ``limit`` 0 is all.
        """
        from .query.quotes import speakers

        filters = self._filters(date_from, date_to, source, None)
        return speakers(self.ix, self.root, query, filters, limit, sort, match)

    def speaker_rows(
        self,
        query: str | None = None,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        source: Names = None,
        limit: int = 0,
        sort: str = "quotes",
        match: str = "any",
    ) -> list[tuple]:
        """``speakers`` as plain tuples (name, role, aliases, quotes, articles, first, last), in the same order:
        cheaper than Speaker objects for tens of thousands of rows (what `newsgrep speakers` prints into a pipe).
        """
        from .query.quotes import speaker_rows

        filters = self._filters(date_from, date_to, source, None)
        return speaker_rows(self.ix, self.root, query, filters, limit, sort, match)

    def timeline(
        self,
        query: str = "*",
        *,
        by: str = "month",
        date_from: str | None = None,
        date_to: str | None = None,
        source: Names = None,
        speaker: Names = None,
        match: str = "any",
    ) -> list[Period]:
        """`newsgrep timeline`: matching articles per day, week, month or year, empty periods included."""
        from .query.timeline import timeline

        return timeline(self.ix, self.root, query, self._filters(date_from, date_to, source, speaker), by, match)

    def similar(
        self,
        article_id: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        source: Names = None,
        speaker: Names = None,
        limit: int = 10,
    ) -> SearchResult:
        """`newsgrep similar`: the articles most like ``article_id`` ("more like this" on the body)."""
        from .query.search import similar

        return similar(self.ix, self.root, article_id, self._filters(date_from, date_to, source, speaker), limit)

    def show(self, article_id: str) -> Article:
        """`newsgrep show`: one whole article, with its quotations."""
        from .query.browse import show

        return show(self.ix, self.root, article_id)

    def sources(self) -> dict[str, int]:
        """Every source (agency) in the index, as articles write it, with its article count, most first."""
        from .query.browse import source_counts

        return source_counts(self.ix, self.root)

    def unknown_sources(self, names: Names) -> list[str]:
        """The ``--source`` names that mean no source of the index (``query.search.matching_sources``)."""
        from .query.search import matching_sources

        available = [name.lower() for name in self.sources()]
        return [name for name in _names(names) if not matching_sources(name, available)]

    def check(self) -> Check:
        """`newsgrep check`: read every file of the index and compare it with its recorded CRC-32.

        A search checks sizes, mtimes and the length columns only (cheap, on
        every open); this reads everything, as ``git fsck`` does. Raises
        IndexDamagedError, naming the first file that differs.
        """
        from .query.browse import check

        return check(self.ix, self.root)

    def stats(self) -> Stats:
        """`newsgrep stats`: counts, date span, sources, size, last update."""
        from .query.browse import stats

        return stats(self.ix, self.root)

    def articles(
        self,
        query: str = "*",
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        source: Names = None,
        speaker: Names = None,
        match: str = "any",
    ) -> Iterator[Article]:
        """Every matching article, oldest first: what `newsgrep export` writes.

        From its first article on, the iterator reads the index as it was
        then, whatever commits land while it is consumed (``index.store.pin_files``).
        """
        from .query.browse import iter_articles

        return iter_articles(self.ix, self.root, query, self._filters(date_from, date_to, source, speaker), match)

    # --- writing ------------------------------------------------------------------------

    def update(
        self,
        paths: Iterable[str | os.PathLike] | None = None,
        *,
        rebuild: bool = False,
        wait: float = 30.0,
        progress=None,
    ) -> IndexSummary:
        """`newsgrep index`: add, change and remove what changed under ``paths`` (default: the seeds).

        Returns an ``IndexSummary``. One commit, or none: a failure leaves
        the index as it was. ``progress(done, total)`` is called as files are
        done, as the CLI's progress bar is; when ``progress`` has a
        ``phase(label, total)`` method it is also told of the run's phases
        ("adding", "committing", "speakers"; see ``index.writer._phase``).
        """
        from .index.locations import seed_locations
        from .index.writer import update_index

        given = None if paths is None else [os.fspath(p) for p in paths]
        return update_index(self.root, seed_locations(given), rebuild=rebuild, wait=wait, progress=progress)

    @staticmethod
    def _filters(date_from, date_to, source: Names, speaker: Names):
        from .query.search import Filters

        return Filters(date_from, date_to, _names(source), _names(speaker))
