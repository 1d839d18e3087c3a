"""Abusive queries answer within a second with hits or a clear error: never a traceback or a hang."""

from __future__ import annotations

import json
import time

import pytest
from budget import budget


@pytest.mark.parametrize(
    ("args", "code", "stderr_start"),
    [
        (['"qualitatively new'], 0, ""),
        (["(Japan OR Kuril"], 0, ""),
        (["Japan)"], 0, ""),
        (["*"], 0, ""),
        (["Japan~"], 0, ""),
        (["the~"], 0, ""),
        (["a~2"], 0, ""),
        (["author:lavrov"], 2, "newsgrep: error: unknown field 'author' in the query; use one of: "),
        (["Japan", "--from", "0001-01-01", "--to", "9999-12-31"], 0, ""),
        (
            ["japan " * 1666 + "kuril"],
            2,
            "newsgrep: error: the query is 10001 characters long; the limit is 4000: shorten it",
        ),
        (["japan OR " * 400 + "kuril"], 0, ""),
        (["Japan^0"], 2, "newsgrep: error: a boost must be above 0: word^2 weighs a word double, word^0.5 half"),
        (["date:2019^0 Kuril"], 2, "newsgrep: error: a boost must be above 0: "),
    ],
    ids=[
        "open-quote",
        "open-paren",
        "close-paren",
        "lone-star",
        "fuzzy",
        "fuzzy-stopword",
        "fuzzy-short",
        "unknown-field",
        "all-dates",
        "10k-chars",
        "long-or",
        "zero-boost-regression-zero-division",
        "zero-boost-on-a-range",
    ],
)
def test_abusive_query(in_seeds, run, args, code, stderr_start):
    limit = budget(1.0)
    started = time.monotonic()
    result = run("search", *args, "--json")
    assert time.monotonic() - started < limit
    assert result.exit_code == code
    assert result.stderr.startswith(stderr_start)
    if code == 2:
        assert result.stderr.count("\n") == 1
    else:
        json.loads(result.stdout)


def test_lone_star_lists_every_article(in_seeds, run):
    assert json.loads(run("search", "*", "--json").stdout)["total"] == 2


def test_fuzzy_on_a_common_word_is_fast(in_seeds, run):
    limit = budget(1.0)
    started = time.monotonic()
    result = run("search", "Japanese~2", "--json")
    assert time.monotonic() - started < limit
    assert json.loads(result.stdout)["total"] == 2
