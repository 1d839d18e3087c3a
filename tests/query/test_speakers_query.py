"""`speakers` answers questions: a query, the filters, --limit, --sort, one row per line into a pipe (issue 15, 13)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import FEB, JAN

import newsgrep
from newsgrep.errors import UsageError


@pytest.fixture
def archive(in_seeds):
    return newsgrep.open("index")


def _counted(archive, *ids) -> Counter:
    return Counter(q.speaker for i in ids for q in archive.show(i).quotes)


def test_a_query_counts_the_speakers_of_the_matching_articles_only(archive):
    kuril = {s.name: s.quotes for s in archive.speakers("Kuril")}  # only the January article has it
    everyone = {s.name: s.quotes for s in archive.speakers()}
    assert kuril == {name: n for name, n in _counted(archive, JAN).items() if name in kuril}
    assert sum(kuril.values()) == sum(_counted(archive, JAN).values())
    assert sum(everyone.values()) == sum(_counted(archive, JAN, FEB).values())


def test_dates_and_sources_filter_the_articles(archive):
    february = archive.speakers(date_from="2019-02")
    assert sum(s.quotes for s in february) == sum(_counted(archive, FEB).values())
    assert {s.first for s in february} == {"2019-02-22"}
    assert archive.speakers(source="tass") == []
    assert archive.speakers(source="russian news") == archive.speakers()


def test_limit_and_sort(archive):
    everyone = archive.speakers()
    assert archive.speakers(limit=1) == everyone[:1]
    assert [s.name for s in archive.speakers(sort="name")] == sorted((s.name for s in everyone), key=str.casefold)
    assert [s.quotes for s in everyone] == sorted((s.quotes for s in everyone), reverse=True)
    with pytest.raises(
        UsageError, match=r"^--sort 'loud' is not a speaker order; use one of: quotes, articles, name, recent$"
    ):
        archive.speakers(sort="loud")


def test_into_a_pipe_one_tab_separated_row_a_speaker(archive, run):
    """Regression: piped output wrapped at 80 columns and broke sort and grep."""
    rows = run("speakers").stdout.splitlines()
    found = archive.speakers()
    assert rows == [
        "\t".join([s.name, s.role or "", str(s.quotes), str(s.articles), s.first or "", s.last or ""]) for s in found
    ]
    assert json.loads(run("speakers", "Kuril", "--json").stdout) == [
        {**vars(s), "aliases": list(s.aliases)} for s in archive.speakers("Kuril")
    ]
    none = run("speakers", "zzqxnothing")
    assert (none.exit_code, none.stdout) == (1, "")
