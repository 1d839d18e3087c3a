"""Tiny synthetic digests for index tests (the benchmark has the big generator)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsgrep.ingest.articles import render_digest
from newsgrep.models import Article

WORDS = [
    "minister",
    "talks",
    "sanctions",
    "treaty",
    "summit",
    "border",
    "energy",
    "grain",
    "corridor",
    "delegation",
    "embassy",
    "ceasefire",
    "security",
    "council",
    "resolution",
    "envoy",
    "agreement",
    "trade",
    "pipeline",
    "islands",
    "negotiations",
]


def make_article(n: int, topic: str = "") -> Article:
    words = " ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(60))
    body = (
        f"Article {n} reports {topic} talks. {words.capitalize()}.\n\n"
        f'"We discussed the {WORDS[n % len(WORDS)]} at length," Foreign Minister Ivan Petrov{n % 5} said.'
    )
    return Article(
        id="",
        title=f"REPORT NUMBER {n} {topic}".strip(),
        date=dt.date(2019, 1 + n % 12, 1 + n % 28),
        source="Russian News Agency",
        url=f"http://tass.com/world/{n}",
        body=body,
        path="",
    )


def write_corpus(directory: Path, articles: int, per_file: int = 10, start: int = 0, topic: str = "") -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in range(0, articles, per_file):
        text = "".join(render_digest(make_article(start + n, topic)) for n in range(f, min(f + per_file, articles)))
        path = directory / f"digest_{start + f:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
