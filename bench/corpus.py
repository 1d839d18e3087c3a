"""Benchmark corpus generator: N articles in the digest layout of ``seeds/``.

    python bench/corpus.py OUT_DIR --articles N [--per-file K] [--seed S]
                           [--source synthetic|reuters] [--verify]

Each file holds K articles written with ``newsgrep.articles.render_digest`` and
concatenated, so it reads like a digest export; files are
``OUT_DIR/0001/digest_001234.txt``, 1000 files per subdirectory. Prints one
JSON line: articles, files, bytes, seconds (and, with ``--verify``, the result
of parsing everything back with ``newsgrep.articles.parse_bytes``).

Synthetic mode (default) is deterministic for a seed: ~560 words per article
(300-900), dates spread over 2015-2024, five agencies, a unique URL on ~92% of
articles, real quotation patterns (``"...," Lavrov said.``, ``X said that ...``,
``According to X, ...``, ``the minister added``, follow-on quotes, partial
quotes) and Zipf-weighted vocabulary (``vocab.py``).

Rare terms with exact frequencies: article number ``i`` (0-based, in file
order) contains term T iff ``i % period == period // 2``; the term occurs
nowhere else (``expected_count`` gives the number of articles):

    Karabakh    period 10      10% of articles
    Nakhchivan  period 100      1%
    Tskhinvali  period 1000     0.1%
    Zangezur    period 10000    0.01%

Reuters mode uses /work/shared/corpus/reuters21578/reuters21578.jsonl (read,
never copied into the project): real titles, dates and bodies, source
"Reuters", cycled to reach N with " (2)", " (3)", ... appended to the title of
a repeated story so every article keeps a distinct id.

``suggested_queries()`` returns the query set for the harness, each with an
``rg`` command line (``{dir}`` stands for the corpus directory).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from random import Random

from newsgrep.ingest.articles import article_id, parse_bytes, render_digest
from newsgrep.models import Article

try:
    from . import vocab
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import vocab

REUTERS_JSONL = Path("/work/shared/corpus/reuters21578/reuters21578.jsonl")
FILES_PER_DIR = 1000
START, DAYS = dt.date(2015, 1, 1), (dt.date(2024, 12, 31) - dt.date(2015, 1, 1)).days + 1
URL_SHARE = 0.92  # the rest have no URL: their id comes from title, date and agency
PAGE_BREAK_SHARE = 0.03  # a paragraph split mid-sentence, as PDF exports do

# term -> (period, sentence that carries it)
RARE_TERMS: dict[str, tuple[int, str]] = {
    "Karabakh": (10, "The sides also discussed the situation in Karabakh."),
    "Nakhchivan": (100, "Transit through Nakhchivan was also on the agenda."),
    "Tskhinvali": (1000, "A separate meeting with officials from Tskhinvali is planned."),
    "Zangezur": (10000, "The ministers did not comment on the Zangezur route."),
}


def expected_count(term: str, n: int) -> int:
    """Articles among the first ``n`` that contain the rare ``term``."""
    period = RARE_TERMS[term][0]
    return n // period + (1 if n % period > period // 2 else 0)


# --- synthetic articles ----------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)\}")
Template = tuple[str, ...]  # literal, slot, literal, slot, ..., literal


def _compile(templates: Sequence[str]) -> list[Template]:
    return [tuple(_SLOT.split(t)) for t in templates]


class Zipf:
    """Draw from ``items`` with weight 1/rank**s (times ``boost`` where given)."""

    def __init__(self, items: Sequence, s: float = 1.0, boost: Sequence[float] | None = None):
        self.items = list(items)
        self.cum: list[float] = []
        total = 0.0
        for rank in range(len(self.items)):
            total += (boost[rank] if boost else 1.0) / (rank + 1) ** s
            self.cum.append(total)
        self.total = total

    def __call__(self, rnd: Random):
        return self.items[bisect(self.cum, rnd.random() * self.total)]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _country_of(role: str) -> int | None:
    role = {"Kremlin": "Russian", "State": "US", "AK": "Turkish"}.get(role.split()[0], role)
    for k, (_, adj, _) in enumerate(vocab.COUNTRIES):
        if role.startswith(adj + " "):
            return k
    return None


def _vocab_words() -> set[str]:
    """Every word the templates and lists use (made-up names must avoid them)."""
    words = {t.lower() for t in RARE_TERMS}
    for value in vars(vocab).values():
        if isinstance(value, list):
            text = json.dumps(value, ensure_ascii=False).lower()
            words.update(re.findall(r"\w+", text))
    return words


class Synthetic:
    """Makes article number ``i`` of a synthetic corpus; call in order 0, 1, 2, ..."""

    def __init__(self, seed: int):
        self.rnd = Random(seed)
        v = vocab
        self.countries = Zipf(range(len(v.COUNTRIES)), 0.9)
        self.topics = Zipf(v.TOPICS, 0.8)
        self.agencies = Zipf(v.AGENCIES, 0.0, boost=[w for _, w, _ in v.AGENCIES])
        self.officials = {
            adj: Zipf(
                v.OFFICIALS,
                1.0,
                boost=[
                    4.0 if o[2].startswith(adj) or (adj == "Russian" and o[1] == "Peskov") else 1.0 for o in v.OFFICIALS
                ],
            )
            for _, _, adj in v.AGENCIES
        }
        self.home = [_country_of(o[2]) for o in v.OFFICIALS]
        avoid = _vocab_words()
        places = v.made_up_names(30000, v.PLACE_ENDINGS, 1, avoid)
        surnames = Zipf(v.made_up_names(30000, v.SURNAME_ENDINGS, 2, avoid | {p.lower() for p in places}), 1.0)
        self.random_slots: dict[str, Callable[[Random], str]] = {
            "X": Zipf(v.NOUNS, 1.05),
            "J": Zipf(v.ADJECTIVES, 1.0),
            "Y": Zipf(v.VERB_PHRASES, 1.0),
            "V": Zipf(v.VERBS, 1.3),
            "O": Zipf(v.ORGANISATIONS, 1.0),
            "W": Zipf(v.CITIES, 1.0),
            "M": lambda r: v.MONTHS[r.randrange(12)],
            "Q": lambda r: str(r.randint(2, 99)) if r.random() < 0.7 else f"{r.randint(1, 99)}.{r.randint(1, 9)}",
            "YR": lambda r: str(r.randint(1956, 2014)),
            "I": lambda r: str(r.randint(2, 12)),
            "PL": Zipf(places, 1.0),
            "PN": lambda r: f"{v.FIRST_NAMES[r.randrange(len(v.FIRST_NAMES))]} {surnames(r)}",
        }
        self.titles = _compile(v.TITLES)
        self.leads = _compile(v.LEADS)
        self.clauses = _compile(v.CLAUSES)
        self.quotes = _compile(v.QUOTES)
        self.narrative = _compile(v.NARRATIVE)
        self.headings = _compile(v.HEADINGS)
        self.no_url_keys: set[str] = set()

    def fill(self, template: Template, ctx: dict[str, str]) -> str:
        rnd, out = self.rnd, []
        for k, piece in enumerate(template):
            if not k % 2:
                out.append(piece)
            elif piece in ctx:
                out.append(ctx[piece])
            elif piece == "L":
                out.append(self.fill(rnd.choice(self.clauses), ctx))
            elif piece in ("T", "T2"):
                out.append(rnd.choice(ctx["_topic"] if piece == "T" else ctx["_topic2"]))
            else:
                out.append(self.random_slots[piece](rnd))
        return "".join(out)

    def _pick(self, pool: list[Template], ctx: dict[str, str]) -> str:
        return self.fill(self.rnd.choice(pool), ctx)

    def _context(self, agency_adj: str) -> dict:
        rnd, v = self.rnd, vocab
        off = self.officials[agency_adj](rnd)
        off2 = self.officials[agency_adj](rnd)
        while off2[1] == off[1]:
            off2 = self.officials[agency_adj](rnd)
        c = self.home[v.OFFICIALS.index(off)]
        c = self.countries(rnd) if c is None else c
        c2, c3 = self.countries(rnd), self.countries(rnd)
        while c2 == c:
            c2 = self.countries(rnd)
        while c3 in (c, c2):
            c3 = self.countries(rnd)
        topic, topic2 = self.topics(rnd), self.topics(rnd)
        while topic2 is topic:
            topic2 = self.topics(rnd)
        (cn, ca, ck), (cn2, ca2, ck2) = v.COUNTRIES[c], v.COUNTRIES[c2]
        ctx = {
            "S": f"{off[2]} {off[0]}",
            "N": off[1],
            "P": off[3],
            "R": off[4],
            "S2": f"{off2[2]} {off2[0]}",
            "N2": off2[1],
            "C": cn,
            "A": ca,
            "K": ck,
            "C2": cn2,
            "A2": ca2,
            "K2": ck2,
            "C3": v.COUNTRIES[c3][0],
            "D": v.WEEKDAYS[rnd.randrange(7)],
            "H": rnd.choice(topic[2]),
            "_topic": topic[1],
            "_topic2": topic2[1],
        }
        return ctx

    def _quote(self, ctx: dict[str, str]) -> str:
        q = self._pick(self.quotes, ctx)
        if self.rnd.random() < 0.3:
            q += ". " + self._pick(self.quotes, ctx)
        return q

    def _paragraph(self, ctx: dict[str, str]) -> str:
        rnd, r = self.rnd, self.rnd.random()
        n, verb = ctx["N"], self.random_slots["V"](rnd)
        if r < 0.22:  # "...," Lavrov said.
            who = rnd.choice((n, n, ctx["P"], ctx["R"]))
            return f'"{self._quote(ctx)}," {who} {verb}.'
        if r < 0.34:  # a quote and its follow-on
            return f'"{self._quote(ctx)}," {n} {verb}. "{self._pick(self.quotes, ctx)}."'
        if r < 0.46:  # indirect speech
            form = rnd.randrange(4)
            clause = self._pick(self.clauses, ctx)
            if form == 0:
                return f"{n} said that {clause}."
            if form == 1:
                return f"According to {n}, {clause}."
            if form == 2:
                return f"{_cap(ctx['R'])} added that {clause}."
            return f"{_cap(ctx['P'])} also noted that {clause}."
        if r < 0.52:  # cue first
            return f'{n} {rnd.choice(("noted", "stressed", "said"))}: "{self._quote(ctx)}."'
        if r < 0.60:  # a second speaker
            clause = self._pick(self.clauses, ctx)
            text = f"Meanwhile, {ctx['S2']} said on {ctx['D']} that {clause}."
            if rnd.random() < 0.5:
                text += f' "{self._pick(self.quotes, ctx)}," {ctx["N2"]} said.'
            return text
        if r < 0.64:  # partial quote
            j1, j2 = self.random_slots["J"](rnd), self.random_slots["J"](rnd)
            return (
                f'{n} described the {self.random_slots["X"](rnd)} as "{j1} and {j2}" '
                f"and said {self._pick(self.clauses, ctx)}."
            )
        count = 1 + rnd.randrange(3)
        return " ".join(_cap(self._pick(self.narrative, ctx)) for _ in range(count))

    def article(self, i: int) -> Article:
        rnd = self.rnd
        agency, _, agency_adj = self.agencies(rnd)
        ctx = self._context(agency_adj)
        date = START + dt.timedelta(days=rnd.randrange(DAYS))
        title = self.fill(rnd.choice(self.titles), ctx).upper()
        target = int(rnd.triangular(300, 900, 450))
        paras = [_cap(self._pick(self.leads, ctx))]
        words = paras[0].count(" ") + 1
        while words < target:
            if len(paras) > 3 and rnd.random() < 0.04:
                paras.append(f"### **{_cap(self._pick(self.headings, ctx))}**")
            p = self._paragraph(ctx)
            paras.append(p)
            words += p.count(" ") + 1
        for period, sentence in RARE_TERMS.values():
            if i % period == period // 2:
                paras.insert(1 + rnd.randrange(len(paras)), sentence)
        if rnd.random() < PAGE_BREAK_SHARE:
            _page_break(rnd, paras)
        url = _url(agency, title, date, i) if rnd.random() < URL_SHARE else None
        if url is None:
            key = article_id(None, title, date, agency)
            url = _url(agency, title, date, i) if key in self.no_url_keys else None
            self.no_url_keys.add(key)
        return Article(id="", title=title, date=date, source=agency, url=url, body="\n\n".join(paras), path="")


def _page_break(rnd: Random, paras: list[str]) -> None:
    """Split a paragraph before a lower-case word, as the seeds' PDF page breaks do."""
    k = rnd.randrange(len(paras))
    words = paras[k].split(" ")
    cuts = [j for j in range(4, len(words) - 3) if words[j][:1].islower() and words[j - 1][-1:].isalnum()]
    if not paras[k].startswith("#") and cuts:
        j = rnd.choice(cuts)
        paras[k : k + 1] = [" ".join(words[:j]), " ".join(words[j:])]


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())[:8])


def _url(agency: str, title: str, date: dt.date, i: int) -> str:
    if agency == "Russian News Agency":
        return f"http://tass.com/{('politics', 'world', 'economy')[i % 3]}/{1000000 + i}"
    if agency == "Daily Sabah":
        return f"https://www.dailysabah.com/politics/diplomacy/{_slug(title)}-{i}"
    if agency == "Reuters":
        return f"https://www.reuters.com/world/{_slug(title)}-{date.isoformat()}-id{i:08d}/"
    if agency == "Xinhua":
        return f"http://www.xinhuanet.com/english/{date:%Y-%m/%d}/c_{137000000 + i}.htm"
    return f"https://www.aa.com.tr/en/world/{_slug(title)}/{2000000 + i}"


def synthetic_articles(n: int, seed: int = 0) -> Iterator[Article]:
    gen = Synthetic(seed)
    for i in range(n):
        yield gen.article(i)


# --- Reuters-21578 -----------------------------------------------------------------

_RULE = re.compile(r"^\s*-+\s*$")


def reuters_paragraphs(body: str) -> list[str]:
    """Collapse hard line breaks: an indented or blank line starts a new paragraph."""
    paras: list[list[str]] = [[]]
    for line in body.replace("\x7f", "").split("\n"):
        if not line.strip() or _RULE.match(line):
            paras.append([])
            continue
        if line[:1].isspace():
            paras.append([])
        paras[-1].append(line)
    return [" ".join(" ".join(p).split()) for p in paras if p]


def reuters_articles(n: int, path: Path = REUTERS_JSONL) -> Iterator[Article]:
    stories: list[tuple[str, dt.date, str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            title = " ".join((rec.get("title") or "").split())
            body = "\n\n".join(reuters_paragraphs(rec.get("body") or ""))
            if title and body and rec.get("date"):
                stories.append((title, dt.date.fromisoformat(rec["date"][:10]), body))
    seen: dict[str, int] = {}
    for i in range(n):
        title, date, body = stories[i % len(stories)]
        key = f"{title.casefold()}|{date}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            title = f"{title} ({seen[key]})"
        yield Article(id="", title=title, date=date, source="Reuters", url=None, body=body, path="")


# --- writing and checking ------------------------------------------------------------


def file_path(out_dir: Path, file_no: int) -> Path:
    return out_dir / f"{file_no // FILES_PER_DIR:04d}" / f"digest_{file_no:06d}.txt"


def write_corpus(out_dir: Path, articles: Iterator[Article], per_file: int = 10) -> dict:
    """Write the articles, ``per_file`` to a file; return counts and timing."""
    t0 = time.perf_counter()
    count = files = size = 0
    batch: list[str] = []

    def flush() -> None:
        nonlocal files, size
        path = file_path(out_dir, files)
        if files % FILES_PER_DIR == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        data = "".join(batch).encode("utf-8")
        path.write_bytes(data)
        files, size = files + 1, size + len(data)
        batch.clear()

    for art in articles:
        batch.append(render_digest(art))
        count += 1
        if len(batch) == per_file:
            flush()
    if batch:
        flush()
    return {"articles": count, "files": files, "bytes": size, "seconds": round(time.perf_counter() - t0, 3)}


def corpus_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.txt") if p.is_file())


def verify(out_dir: Path, expected: int, synthetic: bool = True) -> dict:
    """Parse every file back; the corpus is good when ``ok`` is true."""
    count, warnings, ids, rare = 0, [], set(), dict.fromkeys(RARE_TERMS, 0)
    patterns = {t: re.compile(rf"\b{t}\b") for t in RARE_TERMS}
    undated = 0
    for path in corpus_files(out_dir):
        result = parse_bytes(path.read_bytes(), str(path), ".txt")
        count += len(result.articles)
        warnings += [str(w) for w in result.warnings]
        for art in result.articles:
            ids.add(art.id)
            undated += art.date is None or not art.source
            for term, pat in patterns.items():
                rare[term] += bool(pat.search(art.body))
    report: dict = {
        "parsed": count,
        "warnings": len(warnings),
        "unique_ids": len(ids),
        "undated_or_no_source": undated,
        "first_warnings": warnings[:5],
    }
    ok = count == expected == len(ids) and not warnings and not undated
    if synthetic:
        report["rare_terms"] = rare
        ok = ok and all(rare[t] == expected_count(t, expected) for t in RARE_TERMS)
    report["ok"] = ok
    return report


# --- queries --------------------------------------------------------------------------

_FILES_WITH = "rg -l -0 -i -w {a} {{dir}} | xargs -0 -r rg -l -i -w {b}"


def suggested_queries(source: str = "synthetic") -> dict[str, dict]:
    """The harness's query set, each with the nearest ``rg`` command (``{dir}`` = corpus).

    rg works on lines and files, not articles: ``rg -l`` counts files (K articles
    each), so the AND, date-range and speaker commands match a file when its
    articles *together* satisfy the query (a superset of the articles newsgrep
    finds). Whoosh also stems ("treaties" matches ``"peace treaty"``), rg does
    not. Date range: a ``DD.MM.YYYY`` line in range, then the term in a file.
    Speaker: the name anywhere in a file with the term, not "quoted by".
    Sort and JSON have no rg counterpart beyond the search itself / ``--json``.
    """
    if source == "reuters":
        return {
            "common": {"query": "said", "rg": "rg -l -i -w said {dir}"},
            "rare": {"query": "cocoa", "rg": "rg -l -i -w cocoa {dir}"},
            "and": {"query": "oil AND opec", "rg": _FILES_WITH.format(a="oil", b="opec")},
            "phrase": {"query": '"trade deficit"', "rg": "rg -l -i -w 'trade deficit' {dir}"},
            "daterange": {
                "query": "oil",
                "from": "1987-03",
                "to": "1987-04",
                "rg": "rg -l -0 -x '[0-9]{{2}}\\.0[34]\\.1987' {dir} | xargs -0 -r rg -l -i -w oil",
            },
            "speaker": {"query": "dollar", "speaker": "Baker", "rg": _FILES_WITH.format(a="dollar", b="Baker")},
            "sort": {"query": "oil", "sort": "-date", "rg": "rg -l -i -w oil {dir}"},
            "json": {"query": "said", "json": True, "rg": "rg --json -i -w said {dir}"},
            "typo": {
                "query": "cocao",
                "expect": 0,
                "rg": "rg -l -i -w cocao {dir}",
                "note": "no hits: the time of 'did you mean'",
            },
        }
    return {
        "common": {"query": "minister", "rg": "rg -l -i -w minister {dir}"},
        "rare": {
            "query": "Tskhinvali",
            "rg": "rg -l -i -w Tskhinvali {dir}",
            "note": "exactly expected_count('Tskhinvali', N) articles (0.1%)",
        },
        "rarest": {
            "query": "Zangezur",
            "rg": "rg -l -i -w Zangezur {dir}",
            "note": "exactly expected_count('Zangezur', N) articles (0.01%)",
        },
        "and": {"query": "sanctions AND energy", "rg": _FILES_WITH.format(a="sanctions", b="energy")},
        "phrase": {"query": '"peace treaty"', "rg": "rg -l -i -w 'peace treaty' {dir}"},
        "daterange": {
            "query": "summit",
            "from": "2019-01",
            "to": "2019-06",
            "rg": "rg -l -0 -x '[0-9]{{2}}\\.0[1-6]\\.2019' {dir} | xargs -0 -r rg -l -i -w summit",
        },
        "speaker": {"query": "sanctions", "speaker": "Lavrov", "rg": _FILES_WITH.format(a="sanctions", b="Lavrov")},
        "sort": {"query": "summit", "sort": "-date", "rg": "rg -l -i -w summit {dir}"},
        "json": {"query": "minister", "json": True, "rg": "rg --json -i -w minister {dir}"},
        "typo": {
            "query": "sanctoins",
            "expect": 0,
            "rg": "rg -l -i -w sanctoins {dir}",
            "note": "no hits: the time of 'did you mean' (issue 14: <= 1.2x a search with hits)",
        },
    }


# --- command line -------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--per-file", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--source", choices=("synthetic", "reuters"), default="synthetic")
    ap.add_argument("--verify", action="store_true", help="parse the files back and check")
    args = ap.parse_args(argv)
    if args.articles < 1 or args.per_file < 1:
        ap.error("--articles and --per-file must be positive")
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        ap.error(f"{args.out_dir} is not empty")
    if args.source == "reuters" and not REUTERS_JSONL.exists():
        ap.error(f"{REUTERS_JSONL} not found")
    articles = (
        reuters_articles(args.articles) if args.source == "reuters" else synthetic_articles(args.articles, args.seed)
    )
    report = {
        "source": args.source,
        "seed": args.seed,
        "per_file": args.per_file,
        **write_corpus(args.out_dir, articles, args.per_file),
    }
    if args.verify:
        report["verify"] = verify(args.out_dir, args.articles, args.source == "synthetic")
    print(json.dumps(report, ensure_ascii=False))
    return 0 if report.get("verify", {}).get("ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())
