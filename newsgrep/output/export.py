"""Export for scripts and for a search cluster, when an archive outgrows one machine.

``jsonl`` writes one article per line in the same shape newsgrep reads, so an
export indexed in a fresh directory answers searches as the original did.
``opensearch`` writes OpenSearch/Elasticsearch ``_bulk`` NDJSON; ``MAPPING``
is the index mapping that matches it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from ..models import Article

FORMATS = ("jsonl", "opensearch")

MAPPING = {
    "mappings": {
        # A record's own fields (Article.meta: Reuters topics, a desk's tags) are codes and tags:
        # keywords, matched whole, as `topics:crude` matches them here.
        "dynamic_templates": [{"record_fields": {"path_match": "meta.*", "mapping": {"type": "keyword"}}}],
        "properties": {
            "id": {"type": "keyword"},
            "title": {"type": "text", "analyzer": "english"},
            "body": {"type": "text", "analyzer": "english"},
            "date": {"type": "date", "format": "yyyy-MM-dd"},
            "source": {"type": "keyword"},
            "url": {"type": "keyword"},
            "path": {"type": "keyword"},
            "line": {"type": "integer"},
            "kaynak": {"type": "keyword"},
            "speakers": {"type": "keyword"},
            "speakers_from": {"type": "keyword"},
            "quotes": {
                "type": "nested",
                "properties": {
                    "text": {"type": "text", "analyzer": "english"},
                    "kind": {"type": "keyword"},
                    "speaker": {"type": "keyword"},
                    "role": {"type": "keyword"},
                    "cue": {"type": "keyword"},
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                },
            },
            "meta": {"type": "object"},
        },
    }
}


def record(article: Article) -> dict:
    """An article as a plain JSON-ready dict (dates as YYYY-MM-DD)."""
    doc = dataclasses.asdict(article)
    doc["date"] = article.date.isoformat() if article.date else None
    return doc


def opensearch_lines(articles: Iterable[Article], index_name: str) -> Iterator[dict]:
    """Alternate ``_bulk`` action and source objects, one pair per article."""
    for article in articles:
        yield {"index": {"_index": index_name, "_id": article.id}}
        yield record(article)
