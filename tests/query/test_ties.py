"""Equal scores and equal dates are listed in article-id order, whatever the index's history (issue 16).

Whoosh breaks ties by its internal document number, which depends on the
order in which runs added the documents: an index built by incremental runs
and a rebuild of the same files listed tied hits in other orders. The same
files are indexed here in one build and by runs in another order (files
added one by one, an edit and its undoing, an article added and deleted),
and every way of asking (one-shot, served, Whoosh's own matchers, the
library) must give the one order: ties by article id.

The articles are written for these tests. The tied ones have the same body,
so their scores are equal in any index, deleted documents counted or not.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

import newsgrep
from newsgrep.cli.server import WarmIndex
from newsgrep.index.store import open_index
from newsgrep.index.writer import update_index
from newsgrep.ingest.articles import article_id
from newsgrep.query import ties
from newsgrep.query.quotes import search_quotes
from newsgrep.query.search import Filters, SearchRequest, search, similar

FILLER = "the harbour council heard a weekly review of port traffic and berth fees"
TIED = f'The ferry timetable was read out. {FILLER}. "The ferry will sail again by spring," the mayor said.'
ARTICLES = {
    # name: (date, source, body); the title is "Port notes <name>"
    "oak": ("2021-03-02", "TASS", TIED),
    "elm": ("2021-03-02", "Xinhua", TIED),
    "ash": ("2021-03-02", "TASS", TIED),
    "fir": ("2021-03-01", "TASS", TIED),
    "yew": ("2021-03-04", "Xinhua", TIED),
    "top": ("2021-03-02", "TASS", f"The ferry and the ferry crews. {FILLER}."),  # twice: scores higher
    "low": ("2021-03-05", "TASS", f"The ferry timetable was read out. {FILLER}. {FILLER} again."),  # longer: lower
    "bay": ("2021-03-02", "Xinhua", f"Dredging of the bay. {FILLER}."),
    "cove": ("2021-03-03", "TASS", f"Dredging of the cove. {FILLER}."),
}
FILES = {"f1.jsonl": ["oak", "bay"], "f2.jsonl": ["elm", "ash"], "f3.jsonl": ["fir", "top"], "f4.jsonl": ["yew", "low"]}
FILES["f5.jsonl"] = ["cove"]


def record(name: str, body: str | None = None) -> str:
    date, source, text = ARTICLES[name]
    return json.dumps({"title": f"Port notes {name}", "date": date, "source": source, "body": body or text})


def write(seeds, name: str, names: list[str], **bodies) -> None:
    (seeds / name).write_text("".join(record(n, bodies.get(n)) + "\n" for n in names), encoding="utf-8")


IDS = {
    name: article_id(None, f"Port notes {name}", dt.date.fromisoformat(date), source)
    for name, (date, source, _body) in ARTICLES.items()
}
NAMES = {v: k for k, v in IDS.items()}
BY_ID = sorted(["oak", "elm", "ash", "fir", "yew"], key=IDS.__getitem__)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(one build, the same files reached by incremental runs in another order)."""
    work = tmp_path_factory.mktemp("ties")
    one, seeds = work / "one", work / "seeds"
    one.mkdir()
    seeds.mkdir()
    for name, names in FILES.items():
        write(one, name, names)
    update_index(str(work / "ix-one"), [str(one)], jobs=1)
    inc = str(work / "ix-inc")
    steps = [
        lambda: write(seeds, "f4.jsonl", FILES["f4.jsonl"]),
        lambda: write(seeds, "f3.jsonl", FILES["f3.jsonl"]),
        lambda: write(seeds, "extra.jsonl", ["oak"], oak=TIED.replace("spring", "summer")),  # a copy, later gone
        lambda: write(seeds, "f2.jsonl", ["ash", "elm"], elm=f"Nothing about boats. {FILLER}."),  # an edit...
        lambda: write(seeds, "f5.jsonl", FILES["f5.jsonl"]),
        lambda: write(seeds, "f1.jsonl", FILES["f1.jsonl"]),
        lambda: write(seeds, "f2.jsonl", FILES["f2.jsonl"]),  # ...undone
        lambda: (seeds / "extra.jsonl").unlink(),
        lambda: write(seeds, "f3.jsonl", ["top", "fir"]),  # the same articles, re-added
        lambda: write(seeds, "f3.jsonl", FILES["f3.jsonl"]),
    ]
    for step in steps:
        step()
        update_index(inc, [str(seeds)], jobs=1)
    return (str(work / "ix-one"), str(one)), (inc, str(seeds))


def names_of(hits) -> list[str]:
    return [NAMES[getattr(h, "article_id", None) or h.id] for h in hits]


def every_way(root: str, req: SearchRequest) -> list[list[str]]:
    """The hits' order one-shot, served (a server's warm engine), from Whoosh's own matchers, and twice served."""
    plain = open_index(root)
    warm = WarmIndex(root)
    try:
        return [
            names_of(search(plain, root, req).hits),
            names_of(search(warm, root, req).hits),
            names_of(search(plain, root, req, use_engine=False).hits),
            names_of(search(warm, root, req).hits),  # again: the ids it kept
        ]
    finally:
        warm.close()


# Ids (sha1 of title, date and source): fir < oak < ash < elm < yew among the tied bodies; a one build
# numbers them oak, elm, ash, fir, yew (file order), the incremental runs otherwise.
EXPECTED = [
    (SearchRequest("ferry", limit=0), ["top", "fir", "oak", "ash", "elm", "yew", "low"]),
    (SearchRequest("ferry", limit=3), ["top", "fir", "oak"]),  # the limit falls inside the tie: the first ids
    (SearchRequest("ferry", limit=1), ["top"]),
    (SearchRequest("ferry", match="all", limit=4), ["top", "fir", "oak", "ash"]),
    (SearchRequest("ferry timetable", limit=0), ["fir", "oak", "ash", "elm", "yew", "low", "top"]),
    (SearchRequest("ferr*", limit=3), ["top", "fir", "oak"]),  # a prefix: Whoosh answers (ties_collector)
    (SearchRequest("ferry", limit=3, facets=("source",)), ["top", "fir", "oak"]),  # facets: Whoosh answers
    (SearchRequest("ferry", sort="date", limit=0), ["fir", "oak", "ash", "elm", "top", "yew", "low"]),
    (SearchRequest("ferry", sort="date", limit=3), ["fir", "oak", "ash"]),  # 03-02 holds oak, ash, elm, top
    (SearchRequest("ferry", sort="-date", limit=4), ["low", "yew", "oak", "ash"]),
    (SearchRequest("ferr*", sort="date", limit=3), ["fir", "oak", "ash"]),
    (SearchRequest("", Filters("2021-03-02", "2021-03-02"), limit=0), ["bay", "oak", "ash", "elm", "top"]),
    (SearchRequest("", Filters("2021-03-02", "2021-03-02"), limit=2), ["bay", "oak"]),  # filters only: all tie
    (SearchRequest("", Filters(sources=("Xinhua",)), limit=0), ["bay", "elm", "yew"]),
    (SearchRequest("*", limit=3), ["cove", "fir", "bay"]),  # every article, all 1.0: Whoosh answers
    (SearchRequest("source:tass", limit=3), ["cove", "fir", "oak"]),  # an unscored field: all tie
]


def test_the_expected_orders_are_the_id_order():
    assert BY_ID == ["fir", "oak", "ash", "elm", "yew"]
    assert sorted(ARTICLES, key=IDS.get) == ["cove", "fir", "bay", "oak", "ash", "elm", "yew", "low", "top"]


def _label(value) -> str:
    if not isinstance(value, SearchRequest):
        return ""
    filters = ",".join(str(v) for v in (value.filters.date_from, value.filters.sources) if v)
    return f"{value.query or '-'}|{value.sort}|{value.limit}|{value.match}|{filters}|{','.join(value.facets)}"


@pytest.mark.parametrize("req,expected", EXPECTED, ids=_label)
def test_tied_hits_are_in_id_order_whatever_the_history_regression_ties(built, req, expected):
    (one, _), (inc, _) = built
    for root in (one, inc):
        for order in every_way(root, req):
            assert order == expected, (root, req)


def test_quotes_with_tied_scores_or_dates_are_in_id_order_whatever_the_history_regression_ties(built):
    (one, _), (inc, _) = built
    for root in (one, inc):
        ix = open_index(root)
        by_score = search_quotes(ix, root, "ferry", Filters(), limit=0)
        assert names_of(by_score.quotes) == BY_ID
        by_date = search_quotes(ix, root, None, Filters(), limit=0)
        assert names_of(by_date.quotes) == ["fir", "oak", "ash", "elm", "yew"]


def test_the_library_export_and_similar_keep_the_id_order_regression_ties(built):
    (one, _), (inc, _) = built
    for root in (one, inc):
        archive = newsgrep.open(root)
        assert names_of(archive.search("ferry", limit=3).hits) == ["top", "fir", "oak"]
        exported = [NAMES[a.id] for a in archive.articles("ferry")]  # in date order, a date's in id order
        assert exported == ["fir", "oak", "ash", "elm", "top", "yew", "low"]
        ix = open_index(root)
        alike = names_of(similar(ix, root, IDS["oak"], limit=3).hits)
        assert alike == ["fir", "ash", "elm"]


def test_a_large_tie_walks_the_id_lexicon_and_agrees_with_the_stored_ids(built, monkeypatch):
    (_, _), (inc, _) = built
    ix = open_index(inc)
    with ix.searcher() as searcher:
        live = [d for d in range(searcher.doc_count_all()) if not searcher.reader().is_deleted(d)]
        assert len(live) < searcher.doc_count_all()  # the history left deleted documents (and their id terms)
        stored = sorted(live, key=lambda d: searcher.stored_fields(d)["id"])
        for n in (1, 3, len(live)):
            monkeypatch.setattr(ties, "SCAN_STEP", 0.0)  # always the lexicon (where n < the group)
            assert ties.first_by_id(searcher, set(live), n) == stored[:n]
            monkeypatch.setattr(ties, "SCAN_STEP", 1e9)  # always the stored ids
            assert ties.first_by_id(searcher, set(live), n) == stored[:n]
            server = ties.IdRanks(searcher)
            assert ties.first_by_id(searcher, set(live), n, server) == stored[:n]  # a small group: not read yet
            assert not server.ready()
            server.ranks()  # a large group came: every document's place in id order, read once
            assert ties.first_by_id(searcher, set(live), n, server) == stored[:n]


def test_settle_breaks_only_ties_and_keeps_the_group_at_the_limit_whole(built):
    (one, _), _ = built
    ix = open_index(one)
    with ix.searcher() as searcher:
        doc = {name: searcher.document_number(id=IDS[name]) for name in ARTICLES}
        ranked = [(doc["top"], 3.0), (doc["elm"], 2.0), (doc["oak"], 2.0), (doc["fir"], 2.0), (doc["low"], 1.0)]
        keys = [s for _d, s in ranked]
        by_doc = {d: n for n, d in doc.items()}
        assert [by_doc[d] for d, _s in ties.settle(searcher, ranked, keys, None)] == ["top", "fir", "oak", "elm", "low"]
        assert [by_doc[d] for d, _s in ties.settle(searcher, ranked, keys, 2)] == ["top", "fir"]
        distinct = [(doc["top"], 3.0), (doc["oak"], 2.0), (doc["fir"], 1.0)]
        assert ties.settle(searcher, distinct, [3.0, 2.0, 1.0], 2) == distinct[:2]
        assert ties.settle(searcher, [], [], 10) == []
