"""A JSON record's own id and fields, searched and shown (issue 15, point 5), on tests/fixtures/meta.jsonl."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import FIXTURES

from newsgrep.index.writer import update_index
from newsgrep.query import engine, search, ties

DESK = {
    "topics": ["crude", "ship"],
    "places": ["norway", "west-germany"],
    "dateline": "OSLO, March 2",
    "desk": "Energy",
}
NOTE = "34b9a4c32193"  # the record without an id: newsgrep's own


@pytest.fixture(scope="module")
def meta_dir(tmp_path_factory):
    work = tmp_path_factory.mktemp("meta")
    shutil.copy(FIXTURES / "meta.jsonl", work / "meta.jsonl")
    cwd = os.getcwd()
    os.chdir(work)
    try:
        summary = update_index("index", ["meta.jsonl"], jobs=1)
    finally:
        os.chdir(cwd)
    return work, summary


@pytest.fixture
def in_meta(meta_dir, monkeypatch):
    monkeypatch.chdir(meta_dir[0])
    monkeypatch.delenv("NEWSGREP_INDEX", raising=False)
    return meta_dir[0]


def _hits(run, *args):
    result = run("search", *args, "--json")
    return result.exit_code, [(h["id"], h["line"]) for h in json.loads(result.stdout)["hits"]] if result.stdout else []


def test_index_keeps_record_ids_and_reports_bad_fields_and_a_taken_id(meta_dir):
    _work, summary = meta_dir
    assert summary.articles == 5
    assert [str(w) for w in summary.warnings] == [
        "meta.jsonl:4: field 'month' has the name of the built-in field 'month'; rename it to keep it; not kept",
        "meta.jsonl:4: field 'news desk' is not a usable name (letters, digits and _, starting with a letter,"
        " at most 40); rename it to keep it; not kept",
        "meta.jsonl:4: field 'geo' is an object, not a string or a list of strings; not kept",
        "meta.jsonl:4: field 'flag' is true/false, not a string or a list of strings; not kept",
        "meta.jsonl:6: article 'No body' has no body text; skipped",
        "meta.jsonl:1: duplicate of article desk-101: replaced by its later version at line 5; skipped",
    ]


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("topics:crude", [("desk-101", 5), ("103", 3)]),  # a list value and a string value
        ("topics:crude oil", [("desk-101", 5)]),  # the field restricts, the word ranks
        ("topics:crude OR topics:ship", [("desk-101", 5), ("103", 3), ("desk-104", 4)]),
        ("places:west-germany", [("desk-101", 5)]),  # a whole value...
        ("places:germany", []),  # ...not a word of one
        ("PLACES:USA", [("desk-102", 2), ("103", 3)]),  # names and values ignore case
        ("tags:energie", [(NOTE, 7)]),  # and accents
        ("desk:energy", [("desk-101", 5)]),  # "Desk" in the record
        ("priority:2", [("desk-102", 2)]),  # a number, as text
        ('dateline:"oslo, march 2"', [("desk-101", 5)]),
        ("dateline:oslo*", [("desk-101", 5)]),  # a prefix of a value (Whoosh answers)
        ("crude NOT topics:crude", [(NOTE, 7)]),
    ],
)
def test_record_fields_are_searchable_as_field_value(in_meta, run, query, hits):
    assert _hits(run, query, "--sort", "date") == (0 if hits else 1, hits)


def test_a_hit_carries_its_line_and_fields(in_meta, run):
    (hit,) = json.loads(run("search", "places:west-germany", "--json").stdout)["hits"]
    assert (hit["id"], hit["path"], hit["line"], hit["meta"]) == ("desk-101", "meta.jsonl", 5, DESK)
    (quote,) = json.loads(run("quotes", "crude", "--json").stdout)["quotes"]
    assert (quote["article_id"], quote["path"], quote["line"]) == ("desk-101", "meta.jsonl", 5)


def test_an_unknown_field_lists_the_fields_this_index_has(in_meta, run):
    result = run("search", "geo:x")  # in the file, but not kept: an object
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: unknown field 'geo' in the query; use one of: agency, body, date, path, quote,"
        " source, speaker, speakers, title, url; this index's record fields: dateline, desk, places,"
        " priority, tags, topics\n",
    )


def test_show_json_has_the_record_id_line_and_fields(in_meta, run):
    article = json.loads(run("show", "desk-101", "--json").stdout)
    assert (article["id"], article["line"], article["meta"]) == ("desk-101", 5, DESK)
    assert json.loads(run("show", "103", "--json").stdout)["meta"] == {"topics": "crude", "places": ["usa"]}


def test_export_writes_the_fields_and_reads_back_the_same(in_meta, run, tmp_path):
    lines = [json.loads(x) for x in run("export", "topics:crude").stdout.splitlines()]
    assert [list(x) for x in lines] == [
        ["id", "title", "date", "source", "url", "body", "path", "line", "kaynak", "speakers", "speakers_from"]
        + ["quotes", "meta"]
    ] * 2
    assert [(x["id"], x["line"], x["meta"]) for x in lines] == [
        ("desk-101", 5, DESK),
        ("103", 3, {"topics": "crude", "places": ["usa"]}),
    ]
    (tmp_path / "again.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    assert run("index", str(tmp_path / "again.jsonl"), "--index", str(tmp_path / "ix")).exit_code == 0
    again = run("search", "topics:crude", "--index", str(tmp_path / "ix"), "--sort", "date", "--json").stdout
    assert [(h["id"], h["meta"]) for h in json.loads(again)["hits"]] == [(x["id"], x["meta"]) for x in lines]


def test_the_engine_answers_field_value_queries_as_whoosh_does(in_meta):
    from whoosh import index as whoosh_index

    from newsgrep.index import store

    ix = whoosh_index.open_dir(store.current_dir("index"))
    with ix.searcher() as searcher:
        mine = engine.Engine(searcher, keep=False)
        for text in ("topics:crude", "topics:crude oil", "places:usa OR desk:energy", "crude NOT topics:ship"):
            q = search.parse_query(text, ix.schema, match="any", meta_names=lambda: search.meta_names(ix, "index"))
            total, top = mine.top(q, q, None, "relevance")  # raises Unsupported if Whoosh had to answer
            whoosh = [(h.docnum, h.score) for h in searcher.search(q, limit=None)]
            # Whoosh lists equal scores by docnum; both in article-id order once settled (query/ties.py)
            settled = ties.settle(searcher, whoosh, [score for _d, score in whoosh], None)
            assert (total, top) == (len(whoosh), settled)


def test_a_record_id_taken_in_another_file_is_a_duplicate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x-1", "title": "A", "date": "1987-03-02", "body": "One."}))
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "x-1", "title": "B", "date": "1987-03-03", "body": "Two."}))
    summary = update_index("index", ["a.jsonl", "b.jsonl"], jobs=1)
    assert (summary.articles, [str(w) for w in summary.warnings]) == (
        1,
        ["b.jsonl:1: duplicate of article x-1 in a.jsonl; skipped"],
    )
