"""A JSON record's own id and fields are kept (issue 15, point 5): ingest's side."""

from __future__ import annotations

import json

import pytest

from newsgrep.index.schema import FIELD_ALIASES, QUERYABLE, SCHEMA
from newsgrep.ingest import articles
from newsgrep.ingest.articles import parse_json
from newsgrep.output.export import record


def _one(record: dict, path: str = "r.jsonl"):
    result = parse_json(json.dumps(record), path)
    return result.articles, [str(w) for w in result.warnings]


BASE = {"title": "T", "date": "1987-03-02", "body": "Text."}


def test_a_records_own_id_is_the_article_id_and_a_number_is_text():
    (article,), warnings = _one({**BASE, "id": "reuters21578-7"})
    assert (article.id, warnings) == ("reuters21578-7", [])
    (article,), _ = _one({**BASE, "id": 42})
    assert article.id == "42"


def test_without_an_id_newsgrep_makes_one_as_before():
    (article,), _ = _one(BASE)
    assert article.id == articles.article_id(None, "T", article.date, None)


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("two words", "'two words' is not one word of at most 200 characters"),
        ("x" * 201, f"{'x' * 40!r} is not one word of at most 200 characters"),
        (["a"], "is a list, not a string"),
        (True, "is true/false, not a string"),
    ],
)
def test_an_unusable_id_is_reported_and_the_article_kept_under_a_made_id(given, why):
    (article,), warnings = _one({**BASE, "id": given})
    assert article.id == articles.article_id(None, "T", article.date, None)
    assert warnings == [f"r.jsonl:1: id {why}; indexed under an id newsgrep makes"]


def test_extra_string_and_list_fields_are_kept_as_given_with_lower_case_names():
    record = {
        **BASE,
        "topics": ["crude", "Ship"],
        "dateline": "  OSLO,\tMarch 2 ",
        "Desk": "Energy",
        "priority": 2,
        "people": [],
        "note": "",
        "url2": None,
        "tags": ["a", None, " ", "b"],
    }
    (article,), warnings = _one(record)
    assert warnings == []
    assert article.meta == {
        "topics": ["crude", "Ship"],
        "dateline": "OSLO, March 2",
        "desk": "Energy",
        "priority": "2",
        "tags": ["a", "b"],
    }


def test_bad_fields_are_reported_once_per_file_and_the_article_kept():
    lines = [
        {**BASE, "month": "March", "Title": "x", "news desk": "x", "geo": {"lat": 1}, "flag": True, "n": [[1]]},
        {**BASE, "title": "U", "geo": {"lat": 2}, "topics": ["ship"], "Topics": ["dup"]},
    ]
    result = parse_json("\n".join(json.dumps(x) for x in lines), "f.jsonl")
    assert [a.meta for a in result.articles] == [{}, {"topics": ["ship"]}]
    assert [str(w) for w in result.warnings] == [
        "f.jsonl:1: field 'month' has the name of the built-in field 'month'; rename it to keep it; not kept",
        "f.jsonl:1: field 'Title' has the name of the built-in field 'title'; rename it to keep it; not kept",
        "f.jsonl:1: field 'news desk' is not a usable name (letters, digits and _, starting with a letter,"
        " at most 40); rename it to keep it; not kept",
        "f.jsonl:1: field 'geo' is an object, not a string or a list of strings; not kept",
        "f.jsonl:1: field 'flag' is true/false, not a string or a list of strings; not kept",
        "f.jsonl:1: field 'n' is a list of other things than strings, not a string or a list of strings; not kept",
        "f.jsonl:2: field 'Topics' repeats the field 'topics' (names ignore case); not kept",
    ]


def test_a_skipped_record_is_reported_for_why_it_was_skipped_only():
    lines = [{"title": "No body", "date": "1987-03-02", "geo": {}, "id": "a b"}, {**BASE, "geo": {"x": 1}}]
    result = parse_json("\n".join(json.dumps(x) for x in lines), "f.jsonl")
    assert [str(w) for w in result.warnings] == [
        "f.jsonl:1: article 'No body' has no body text; skipped",
        "f.jsonl:2: field 'geo' is an object, not a string or a list of strings; not kept",
    ]


def test_caps_on_names_values_and_fields():
    many = {f"f{i}": "v" for i in range(articles.MAX_META_FIELDS + 3)}
    record = {
        **BASE,
        "a" * 41: "x",
        "long": "y" * 201,
        "tags": [str(i) for i in range(150)],
        **many,
    }
    (article,), warnings = _one(record)
    assert article.meta["tags"] == [str(i) for i in range(100)]
    assert len(article.meta) == articles.MAX_META_FIELDS
    assert warnings == [
        f"r.jsonl:1: field {'a' * 41!r} is not a usable name (letters, digits and _, starting with a letter,"
        " at most 40); rename it to keep it; not kept",
        "r.jsonl:1: field 'long' has a value of 201 characters (the most is 200); not kept",
        "r.jsonl:1: field 'tags' has 150 values; the first 100 are kept",
        "r.jsonl:1: record has more than 32 fields of its own; the first 32 are kept",
    ]


def test_control_characters_and_escapes_are_cleaned_from_values():
    (article,), _ = _one({**BASE, "tags": ["red\x1b[31m", "a\x1fb"]})
    assert article.meta == {"tags": ["red", "a b"]}


def test_an_export_reads_back_with_its_id_and_fields():
    (article,), _ = _one({**BASE, "id": "desk-1", "topics": ["crude"], "dateline": "OSLO"})
    exported = record(article)
    assert exported["meta"] == {"topics": ["crude"], "dateline": "OSLO"}
    (again,), warnings = _one(exported)
    assert (again.id, again.meta, warnings) == ("desk-1", article.meta, [])


def test_every_name_the_index_or_a_query_uses_is_reserved():
    """A new schema field or query alias must be added to articles.RESERVED_NAMES, or a record could shadow it."""
    assert set(SCHEMA.names()) | QUERYABLE | set(FIELD_ALIASES) <= articles.RESERVED_NAMES
