#!/usr/bin/env python3
"""Evaluate quotation extraction against a hand-annotated gold set.

    python scripts/eval_quotes.py GOLD.jsonl [--root DIR] [--verbose]

Gold format (JSON Lines, one object per quotation; blank lines and lines
starting with ``#`` are ignored):

    {"file": "seeds/001_f0a990e9aa37a018.txt", "title": "LAVROV COMMENTS ON ...",
     "speaker": "Sergey Lavrov", "kind": "direct", "text": "We need to feel like partners ..."}

* ``file``: the article file, relative to ``--root`` (default: the current
  directory); it is read with ``newsgrep.articles.parse_bytes``. Every article
  of every named file is part of the set, so quotations predicted in an article
  with no gold line count as false positives. A line with only ``file`` (and
  ``title``) adds an article that has no quotations.
* ``title``: the article's exact title; needed only when the file holds more
  than one article.
* ``speaker``: the canonical name, the fullest form the article gives
  ("Sergey Lavrov", "Russian Foreign Ministry", "Moscow").
* ``kind``: ``direct``, ``partial`` or ``indirect``.
* the quotation, as it appears in the article body without its quote marks:
  either ``text`` (exact; add ``"occurrence": n`` if it occurs more than once),
  or ``start`` and ``end``: the span runs from the first occurrence of
  ``start`` to the end of the first occurrence of ``end`` after it.

What to annotate: one quotation per pair of quotation marks that reports
someone's words (not scare quotes or names: so-called "...", dubbed "...");
and, as ``indirect``, each reported clause with no quotation marks that a
speech verb or "according to" attributes ("X said that <clause>", "<clause>,
X said", "According to X, <clause>"). A reported clause that contains quoted
words is annotated only by its quoted words (``partial``). Under a header like
"Below are Putin's key statements", each run of unquoted sentences in an item
is one ``indirect`` quotation.

Matching rule: a predicted quotation matches a gold one when they are in the
same article, their speakers have the same ``name_key`` (so "Sergei Lavrov"
matches "Sergey Lavrov"), and their character spans overlap by at least 50% of
the shorter span. Pairs are made one to one, largest overlap first. Precision =
matched / predicted, recall = matched / gold. The kind is not part of the
match; agreement on it is reported separately.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgrep.attribution.evaluation import Span, evaluate  # noqa: E402


def _show(span: Span) -> str:
    text = span.text if len(span.text) <= 100 else span.text[:97] + "..."
    return f"  {span.file} [{span.title[:40]}] {span.kind} {span.speaker!r}: {text!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="gold JSON Lines file")
    parser.add_argument("--root", default=".", help="directory the gold's file paths are relative to")
    parser.add_argument("--verbose", "-v", action="store_true", help="list false positives and negatives")
    args = parser.parse_args(argv)
    report = evaluate(args.gold, args.root)
    if args.verbose:
        print(f"false negatives ({len(report.false_negatives)}):")
        for span in report.false_negatives:
            print(_show(span))
        print(f"false positives ({len(report.false_positives)}):")
        for span in report.false_positives:
            print(_show(span))
        print(f"kind mismatches ({len(report.kind_mismatches)}), gold then predicted:")
        for g, p in report.kind_mismatches:
            print(_show(g))
            print(_show(p))
    print(f"gold {report.gold}  predicted {report.predicted}  matched {report.matched}")
    print(f"precision {report.precision:.3f}  recall {report.recall:.3f}  F1 {report.f1:.3f}")
    if report.matched:
        print(f"kind agreement on matches {report.kind_agree / report.matched:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
