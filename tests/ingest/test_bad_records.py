"""Bad JSON records are reported and skipped, never stop a run; every ingest pattern is linear (issue 16, 1-2)."""

from __future__ import annotations

import time

import pytest
from budget import budget

from newsgrep.ingest.articles import _strip_bold, parse_bytes, parse_json

GOOD = '{"title": "Good", "date": "2019-01-01", "body": "A fine body."}'


def _parse(*lines: str):
    result = parse_json("\n".join(lines) + "\n", "r.jsonl")
    return [a.title for a in result.articles], [(w.line, w.message) for w in result.warnings]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            '{"title":"t","date":"2019-01-01","body":"b","speakers":5}',
            "field 'speakers' must be a string or a list of strings, not a number",
        ),
        (
            '{"title":"t","date":"2019-01-01","body":"b","speakers":true}',
            "field 'speakers' must be a string or a list of strings, not true/false",
        ),
        (
            '{"title":"t","date":"2019-01-01","body":"b","speakers":[{"n":1}]}',
            "field 'speakers' must be a string or a list of strings, not a list",
        ),
        ('{"title":["t"],"date":"2019-01-01","body":"b"}', "field 'title' must be a string, not a list"),
        ('{"title":"t","date":{"y":2019},"body":"b"}', "field 'date' must be a string, not an object"),
        (
            '{"title":"t","date":"2019-01-01","body":{"p":1}}',
            "field 'body' must be a string or a list of strings, not an object",
        ),
        (
            '{"title":"t","date":"2019-01-01","body":"b","source":false}',
            "field 'source' must be a string, not true/false",
        ),
        ('{"title":"t","date":"2019-01-01","body":"b","url":[1]}', "field 'url' must be a string, not a list"),
    ],
)
def test_a_field_of_the_wrong_type_skips_that_record_only(record, message):
    """Regression: `"speakers": 5` stopped the whole run with `internal error (TypeError ...)`."""
    assert _parse(GOOD, record, GOOD) == (["Good", "Good"], [(2, f"{message}; fix the record to index it; skipped")])


def test_numbers_are_text_where_text_is_expected():
    titles, warnings = _parse('{"title": 1987, "date": "1987-03-01", "body": ["one", 2]}')
    result = parse_json('{"title": 1987, "date": "1987-03-01", "body": ["one", 2]}', "r.jsonl")
    assert (titles, warnings, result.articles[0].body) == (["1987"], [], "one\n\n2")


def test_a_record_nested_deeper_than_the_recursion_limit_is_one_warning():
    assert _parse(GOOD, "[" * 100_000, GOOD) == (["Good", "Good"], [(2, "JSON nested too deeply to read; skipped")])


def test_a_5000_digit_number_is_one_warning():
    huge = '{"title": "t", "date": "2019-01-01", "body": "b", "n": ' + "9" * 5000 + "}"
    assert _parse(GOOD, huge, GOOD) == (["Good", "Good"], [(2, "invalid JSON (a number too long to read); skipped")])


def test_line_numbers_after_bad_lines_are_right():
    titles, warnings = _parse(GOOD, "{not json", "", GOOD.replace("Good", "Third"), "[1, 2")
    assert titles == ["Good", "Third"]
    assert [line for line, _ in warnings] == [2, 5]


def test_json_lines_parse_in_linear_time():
    """Regression: each record counted the newlines from the start of the file (85 s of a 135 s run)."""
    one = GOOD + "\n"

    def seconds(n: int) -> float:
        data = (one * n).encode()
        started = time.perf_counter()
        assert len(parse_bytes(data, "big.jsonl", ".jsonl").articles) == n
        return time.perf_counter() - started

    small, large = seconds(2_000), seconds(20_000)
    assert large < 30 * small  # 10x the records: about 10x the time, far from the 100x of a quadratic scan


PATHOLOGICAL = {
    "title then spaces": "## x" + " " * 1_000_000 + "y\n",
    "sub-heading then spaces": "## T\n\n01.01.2019\n\n### x" + " " * 1_000_000 + "y\n\nbody\n",
    "Kaynak then spaces": "## T\n\n01.01.2019\n\nbody\n\nKaynak/Source:" + " " * 1_000_000 + "x\n",
    "agency-like line": "## T\n\n01.01.2019\n\n" + "a" * 100 + " " * 1_000_000 + "(2019\n\nbody\n",
    "stars": "## **" + "*" * 1_000_000 + "\n",
    "dashes": "## T\n\n01.01.2019\n\n" + "-" * 1_000_000 + " x\n\nbody\n",
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_a_one_megabyte_pathological_line_parses_in_well_under_a_second(name):
    """Regression: `## x` + 40,000 spaces took 24.5 s (a lazy group before \\s*$ backtracked).

    A backtracking pattern grows with the square of the line: 1 MB would take hours, so the
    bound is loose on purpose (about 0.1 s on an idle machine, 0.75 s at a load of 13 on 2 cores):
    it tells linear from quadratic, not a fast machine from a busy one.
    """
    data = PATHOLOGICAL[name].encode()
    for suffix in (".txt", ".md"):
        limit = budget(3.0)
        started = time.perf_counter()
        parse_bytes(data, "p" + suffix, suffix)
        assert time.perf_counter() - started < limit


@pytest.mark.parametrize(
    ("raw", "title"),
    [("**A**", "A"), ("  ** **B** ** ", "B"), ("****", ""), ("**x", "**x"), ("***A***", "*A*"), (" plain ", "plain")],
)
def test_strip_bold(raw, title):
    assert _strip_bold(raw) == title
