"""Precision and recall of (quotation, speaker) pairs against a hand-annotated set.

The gold format and the matching rule are described in ``scripts/eval_quotes.py``,
which is the command-line front end; the test suite calls ``evaluate`` directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.articles import parse_bytes
from ..models import Article, Quote
from .quotes import extract_quotes, name_key

MIN_OVERLAP = 0.5  # of the shorter span's characters


@dataclass(frozen=True)
class Span:
    file: str
    title: str
    start: int
    end: int
    speaker: str
    kind: str
    text: str


@dataclass
class Report:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    kind_agree: int = 0
    false_positives: list[Span] = field(default_factory=list)
    false_negatives: list[Span] = field(default_factory=list)
    kind_mismatches: list[tuple[Span, Span]] = field(default_factory=list)  # (gold, predicted)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _locate(body: str, rec: dict, where: str) -> tuple[int, int]:
    if "text" in rec:
        text, pos = rec["text"], -1
        for _ in range(int(rec.get("occurrence", 1))):
            pos = body.find(text, pos + 1)
            if pos < 0:
                raise ValueError(f"{where}: text not found in the article body: {text[:60]!r}")
        return pos, pos + len(text)
    start = body.find(rec["start"])
    end = body.find(rec["end"], start + 1) if start >= 0 else -1
    if start < 0 or end < 0:
        raise ValueError(f"{where}: start/end not found in the article body: {rec['start'][:40]!r}")
    return start, end + len(rec["end"])


def _articles(path: Path) -> list[Article]:
    result = parse_bytes(path.read_bytes(), str(path), path.suffix.lower())
    if result.warnings:
        raise ValueError(f"{path}: " + "; ".join(w.message for w in result.warnings))
    return result.articles


def load(gold_path: str | Path, root: str | Path = ".") -> tuple[list[Span], dict[tuple[str, str], Article]]:
    """Gold spans, and every article of every file the gold names, keyed by (file, title)."""
    root = Path(root)
    articles: dict[tuple[str, str], Article] = {}
    by_file: dict[str, list[Article]] = {}
    gold: list[Span] = []
    lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rec = json.loads(line)
        where = f"{gold_path}:{n}"
        file = rec["file"]
        if file not in by_file:
            by_file[file] = _articles(root / file)
            for art in by_file[file]:
                articles[(file, art.title)] = art
        arts = by_file[file]
        if "title" in rec:
            arts = [a for a in arts if a.title == rec["title"]]
        if len(arts) != 1:
            raise ValueError(f"{where}: {len(arts)} articles match; give the exact 'title'")
        if "speaker" not in rec:
            continue  # the file (or article) is in the set, with no quotation to annotate
        art = arts[0]
        start, end = _locate(art.body, rec, where)
        gold.append(Span(file, art.title, start, end, rec["speaker"], rec["kind"], art.body[start:end]))
    return gold, articles


def _span(file: str, art: Article, q: Quote) -> Span:
    return Span(file, art.title, q.start, q.end, q.speaker, q.kind, q.text)


def match(predicted: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one (gold, predicted) pairs: same article, speakers with the same name_key, and
    character spans overlapping by at least half of the shorter one; largest overlaps first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if (g.file, g.title) != (p.file, p.title) or name_key(g.speaker) != name_key(p.speaker):
                continue
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and overlap >= MIN_OVERLAP * min(g.end - g.start, p.end - p.start):
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], predicted[pi]))
    return out


def evaluate(gold_path: str | Path, root: str | Path = ".") -> Report:
    gold, articles = load(gold_path, root)
    predicted = [_span(file, art, q) for (file, _), art in articles.items() for q in extract_quotes(art.body)]
    pairs = match(predicted, gold)
    got_g = {id(g) for g, _ in pairs}
    got_p = {id(p) for _, p in pairs}
    report = Report(gold=len(gold), predicted=len(predicted), matched=len(pairs))
    report.kind_agree = sum(g.kind == p.kind for g, p in pairs)
    report.kind_mismatches = [(g, p) for g, p in pairs if g.kind != p.kind]
    report.false_negatives = [g for g in gold if id(g) not in got_g]
    report.false_positives = [p for p in predicted if id(p) not in got_p]
    return report
