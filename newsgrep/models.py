"""The records that flow through newsgrep: files -> Article -> Quote -> Hit.

They are frozen dataclasses so that a record read from one layer cannot be
mutated behind the back of another, and so that JSON output is simply
``dataclasses.asdict`` of what the library returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quote:
    """One quotation found in an article body.

    ``start``/``end`` are character offsets into ``Article.body``, so the
    quotation can be shown in context and need not be stored twice.
    """

    text: str
    kind: str  # "direct" | "partial" | "indirect"
    speaker: str  # canonical name: the fullest form the article gives
    role: str | None = None  # "Russian Foreign Minister", when the article says
    cue: str | None = None  # the cue verb as written ("said", "stressed"); None if follow-on
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Article:
    """One news article, as parsed from a digest, JSON or plain-text file."""

    id: str
    title: str
    date: dt.date | None
    source: str | None  # the news agency, e.g. "Russian News Agency"
    url: str | None
    body: str  # paragraphs separated by one blank line, page breaks repaired
    path: str  # the file it came from, as given to the indexer
    line: int = 1  # 1-based line of the article's first line in that file
    kaynak: str | None = None  # the digest's "Kaynak/Source:" value, when present
    speakers: tuple[str, ...] = ()  # canonical names of the people quoted
    speakers_from: str = "extractor"  # "extractor" | "metadata" (given by a JSON record)
    quotes: tuple[Quote, ...] = ()
    # A JSON record's own fields beyond the built-in ones (Reuters' topics, a desk's tags):
    # name -> a string or a list of strings, as the record gave them. Searchable as name:value.
    meta: dict[str, str | list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ParseWarning:
    """A problem found while reading input: reported as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Snippet:
    """A short passage of an article; ``matches`` are [start, end) offsets into ``text``."""

    text: str
    matches: list[tuple[int, int]] = field(default_factory=list)
    # Whether the passage was cut out of a sentence at its start / its end (the output shows "…" there).
    cut_before: bool = False
    cut_after: bool = False


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    date: str | None  # YYYY-MM-DD
    source: str | None
    url: str | None
    path: str
    speakers: list[str]
    score: float
    snippets: list[Snippet]
    title_matches: list[tuple[int, int]] = field(default_factory=list)  # [start, end) of the query's words in title
    line: int = 1  # the article's first line in ``path``: which record of a multi-record file
    meta: dict[str, str | list[str]] = field(default_factory=dict)  # Article.meta


@dataclass(frozen=True)
class QuoteHit:
    speaker: str
    role: str | None
    kind: str
    cue: str | None
    text: str
    article_id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    path: str
    line: int = 1  # the article's first line in ``path``: which record of a multi-record file
    matches: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] | None = None
    suggestion: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> SearchResult:
        """Rebuild a result that travelled as JSON (from `newsgrep serve`)."""
        hits = [
            Hit(
                **{
                    **h,
                    "snippets": [
                        Snippet(
                            s["text"],
                            [tuple(m) for m in s["matches"]],
                            s.get("cut_before", False),
                            s.get("cut_after", False),
                        )
                        for s in h["snippets"]
                    ],
                }
            )
            for h in data["hits"]
        ]
        return cls(data["query"], data["total"], hits, data.get("facets"), data.get("suggestion"))
