"""The Whoosh schema and how an Article becomes index documents.

One index holds two kinds of document, told apart by ``kind``: articles, and
their quotations (so a quotation can be searched by its own words). Quote
documents carry no ``title``/``body``/``agency``, so article queries never
match them; their text is sliced from the article body when shown, so it is
stored once.

Only the classic Whoosh 2.7 API is used here, so the fork is a one-line choice
in pyproject.toml.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from whoosh import fields
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

from .models import Article

# Bump when the schema or the analyzer changes: an index written with another
# version is rebuilt by `newsgrep index` and refused by the readers.
SCHEMA_VERSION = 1

# Lower case, accents folded (so "Sergéy" finds "Sergey"), stop words dropped,
# English Porter stems (so "sanction" finds "sanctions"). StemFilter keeps an
# LRU cache of stems: news vocabulary repeats, so most stems are cache hits.
ANALYZER = (
    RegexTokenizer()
    | LowercaseFilter()
    | CharsetFilter(accent_map)
    | StopFilter(minsize=2)
    | StemFilter(cachesize=200_000)
)

SCHEMA = fields.Schema(
    kind=fields.ID(),
    id=fields.ID(stored=True, unique=True),
    title=fields.TEXT(analyzer=ANALYZER, stored=True, field_boost=2.0),
    body=fields.TEXT(analyzer=ANALYZER, stored=True, phrase=True, chars=True),
    date=fields.DATETIME(stored=True, sortable=True),
    month=fields.ID(sortable=True),
    agency=fields.KEYWORD(lowercase=True, commas=True, stored=True, scorable=False),
    url=fields.ID(stored=True),
    path=fields.ID(stored=True),
    line=fields.STORED(),
    kaynak=fields.STORED(),
    speaker=fields.KEYWORD(commas=True, stored=True, scorable=False),
    speaker_key=fields.KEYWORD(commas=True, scorable=False),
    speakers_from=fields.STORED(),
    # Real (unstemmed, folded) words, for did-you-mean: suggestions must be
    # words an analyst would type, not stems.
    words=fields.KEYWORD(scorable=False),
    # Quote documents.
    article_id=fields.ID(stored=True),
    qtext=fields.TEXT(analyzer=ANALYZER, phrase=True, chars=True),
    qkind=fields.STORED(),
    role=fields.STORED(),
    cue=fields.STORED(),
    qstart=fields.STORED(),
    qend=fields.STORED(),
)

# Names users may type in a query, mapped to schema fields.
FIELD_ALIASES = {"source": "agency", "speakers": "speaker", "quote": "qtext"}
QUERYABLE = {"title", "body", "agency", "url", "path", "speaker", "date", "month", "id", "qtext"}

_WORD = re.compile(r"[^\W\d_]{3,}")


def fold(text: str) -> str:
    """Lower case with accents removed: the form of the ``words`` field."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _datetime(date: dt.date | None) -> dt.datetime | None:
    return dt.datetime(date.year, date.month, date.day) if date else None


def article_documents(article: Article, speaker_keys) -> list[dict]:
    """The Whoosh documents for one article: the article, then one per quotation."""
    date = _datetime(article.date)
    keys = sorted({k for name in article.speakers for k in speaker_keys(name)})
    words = sorted(set(_WORD.findall(fold(article.title + " " + article.body))))
    doc = {
        "kind": "article",
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "date": date,
        "month": date.strftime("%Y-%m") if date else None,
        "agency": article.source,
        "url": article.url,
        "path": article.path,
        "line": article.line,
        "kaynak": article.kaynak,
        "speaker": ",".join(article.speakers) or None,
        "speaker_key": ",".join(keys) or None,
        "speakers_from": article.speakers_from,
        "words": " ".join(words) or None,
    }
    docs = [{k: v for k, v in doc.items() if v is not None}]
    for n, q in enumerate(article.quotes):
        qdoc = {
            "kind": "quote",
            "id": f"{article.id}:{n}",
            "article_id": article.id,
            "qtext": q.text,
            "date": date,
            "path": article.path,
            "speaker": q.speaker,
            "speaker_key": ",".join(speaker_keys(q.speaker)),
            "qkind": q.kind,
            "role": q.role,
            "cue": q.cue,
            "qstart": q.start,
            "qend": q.end,
        }
        docs.append({k: v for k, v in qdoc.items() if v is not None})
    return docs
