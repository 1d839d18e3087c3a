"""JSON bodies with the wire's hard line breaks become paragraphs (issue 15, point 7)."""

from __future__ import annotations

import json

import pytest

from newsgrep.attribution.quotes import extract_quotes
from newsgrep.ingest.articles import json_paragraphs, parse_json

WIRE = (
    "Talks resumed on Monday in\nthe capital, and officials\nsaid progress was slow.\n"
    '    "We are not there yet," the\nminister told reporters.\n'
    "    A third paragraph\nends here."
)


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        (
            WIRE,
            [
                "Talks resumed on Monday in the capital, and officials said progress was slow.",
                '"We are not there yet," the minister told reporters.',
                "A third paragraph ends here.",
            ],
        ),
        ("one\n\ntwo\nlines\n\n\n  three", ["one", "two lines", "three"]),
        ("windows\r\nline\r\n\r\nnext", ["windows line", "next"]),
        ("no breaks at all", ["no breaks at all"]),
        ("", []),
        (" \n\t\n ", []),
    ],
)
def test_line_breaks_are_spaces_blank_and_indented_lines_start_paragraphs(text, paragraphs):
    assert json_paragraphs(text) == paragraphs


def test_a_wire_body_reads_as_paragraphs_and_its_quotation_has_no_line_break():
    record = {"title": "Talks", "date": "1987-03-02", "body": WIRE}
    (article,) = parse_json(json.dumps(record), "wire.jsonl").articles
    assert article.body.split("\n\n")[1] == '"We are not there yet," the minister told reporters.'
    quotes = extract_quotes(article.body)
    assert [q for q in quotes if "\n" in q.text] == []
    assert "We are not there yet" in [q.text for q in quotes]


def test_a_list_body_is_a_paragraph_an_item_and_an_exported_body_reads_back_the_same():
    record = {"title": "T", "date": "1987-03-02", "body": ["first\nline", "second"]}
    (article,) = parse_json(json.dumps(record), "r.jsonl").articles
    assert article.body == "first line\n\nsecond"
    again = {"title": "T", "date": "1987-03-02", "body": article.body}
    assert parse_json(json.dumps(again), "r.jsonl").articles[0].body == article.body
