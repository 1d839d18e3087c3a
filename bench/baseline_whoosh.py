"""The baseline: a plain single-process Whoosh build of a corpus directory.

    python bench/baseline_whoosh.py CORPUS_DIR INDEX_DIR

Parses every article file under CORPUS_DIR with ``newsgrep.articles.parse_bytes``
and adds each article to a fresh index in INDEX_DIR through ``ix.writer()`` with
default settings (one process, default memory limit) and a single commit.
Prints one JSON line: articles, seconds (parse + index + commit), articles per
second, peak RSS in MB, index size in bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path

from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema

from newsgrep.ingest.articles import ARTICLE_SUFFIXES, parse_bytes


def schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
        body=TEXT(analyzer=StemmingAnalyzer(), stored=True),
        date=DATETIME(stored=True),
        agency=KEYWORD(stored=True, lowercase=True, commas=True),
        url=ID(stored=True),
        path=ID(stored=True),
    )


def article_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file())


def build(corpus: Path, index_dir: Path) -> dict:
    t0 = time.perf_counter()
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(index_dir), schema())
    writer = ix.writer()
    count = 0
    for path in article_files(corpus):
        for art in parse_bytes(path.read_bytes(), str(path), path.suffix).articles:
            writer.add_document(
                id=art.id,
                title=art.title,
                body=art.body,
                date=dt.datetime.combine(art.date, dt.time()) if art.date else None,
                agency=art.source or None,
                url=art.url or None,
                path=art.path,
            )
            count += 1
    writer.commit()
    seconds = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "articles": count,
        "seconds": round(seconds, 3),
        "articles_per_second": round(count / seconds, 1) if seconds else None,
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "index_bytes": sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file()),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    print(json.dumps(build(Path(args[0]), Path(args[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
