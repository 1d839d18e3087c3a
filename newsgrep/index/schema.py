"""The Whoosh schema and how an Article becomes its index document.

One document per article. Its quotations are indexed in the ``qtext`` field
(so they can be searched by their own words), one quotation per block of
``QUOTE_GAP`` positions: a term's position says which quotation holds it, and
no phrase can run from one quotation into the next. What each quotation is
(offsets, speaker, role, kind, cue) is stored in ``quotes``; its text is
sliced from the stored body, so no text is stored twice.

Only the classic Whoosh 2.7 API is used here, so the fork is a one-line choice
in pyproject.toml.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from whoosh import columns, fields

from ..models import Article
from .analysis import META_SEP, MetaValues, NewsAnalyzer, QuoteBlocks

# Bump when the schema or the analyzer changes: an index written with another
# version is rebuilt by `newsgrep index` and refused by the readers.
SCHEMA_VERSION = 5  # 4: record fields (meta_*); 5: speaker_rows and ~surname speaker keys

# Lower case, accents folded (so "Sergéy" finds "Sergey"), stop words dropped,
# English Porter stems (so "sanction" finds "sanctions"): Whoosh's
# StemmingAnalyzer with accent folding, fused into one cached pass.
ANALYZER = NewsAnalyzer()

SCHEMA = fields.Schema(
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
    # Who the article quotes, grouped and counted for `newsgrep speakers` (see speakers.py).
    speaker_rows=fields.COLUMN(columns.VarBytesColumn()),
    # The real (unstemmed, folded) words of a file's articles, on the file's
    # first article, for did-you-mean, whose suggestions must be words, not
    # stems. One set per file rather than per article: far fewer postings.
    words=fields.KEYWORD(scorable=False),
    # The quotations: their words (QuoteBlocks, see analysis.py) and
    # what they are: [start, end, kind, speaker, role, cue] each.
    qtext=fields.TEXT(analyzer=ANALYZER, phrase=True),
    quotes=fields.STORED(),
    # A JSON record's own fields (Article.meta), as the record gave them.
    meta=fields.STORED(),
)
# ...and searchable: ``topics:crude`` is the term "crude" of the field ``meta_topics``, one
# term per whole value (MetaValues). One glob field holds any name a record brings;
# ingest (articles.record_meta) keeps the names to a safe pattern and off the built-in ones.
META_PREFIX = "meta_"
SCHEMA.add(META_PREFIX + "*", fields.KEYWORD(analyzer=MetaValues(), scorable=False), glob=True)

# Names users may type in a query, mapped to schema fields.
FIELD_ALIASES = {"source": "agency", "speakers": "speaker", "quote": "qtext"}
QUERYABLE = {"title", "body", "agency", "url", "path", "speaker", "date", "month", "id", "qtext"}

_WORD = re.compile(r"[^\W\d_]{3,}")


def fold(text: str) -> str:
    """Lower case with accents removed: the form of the ``words`` field."""
    text = text.casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _datetime(date: dt.date | None) -> dt.datetime | None:
    return dt.datetime(date.year, date.month, date.day) if date else None


def file_words(articles: list[Article]) -> str | None:
    """The real words of a file's articles, carried by its first article's document."""
    words: set[str] = set()
    for article in articles:
        words.update(_WORD.findall(fold(article.title + " " + article.body)))
    return " ".join(sorted(words)) or None


def article_document(article: Article, speaker_keys) -> dict:
    """The Whoosh document for one article, its quotations included."""
    date = _datetime(article.date)
    from ..attribution.people import bare_keys
    from .speakers import encode

    keys = sorted({k for name in article.speakers for k in speaker_keys(name)} | set(bare_keys(article.speakers)))
    doc = {
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
    }
    if article.meta:
        doc["meta"] = article.meta
        for name, value in article.meta.items():
            doc[META_PREFIX + name] = META_SEP.join(value) if isinstance(value, list) else value
    if article.quotes:
        doc["qtext"] = QuoteBlocks([q.text for q in article.quotes])
        doc["quotes"] = [[q.start, q.end, q.kind, q.speaker, q.role, q.cue] for q in article.quotes]
        doc["speaker_rows"] = encode(
            date.date().isoformat() if date else None, [(q.speaker, q.role) for q in article.quotes]
        )
    return {k: v for k, v in doc.items() if v is not None}
