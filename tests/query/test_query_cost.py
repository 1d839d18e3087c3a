"""Query cost is bounded: fuzzy distance, expansions, suggestions (issue 16, point 10)."""

from __future__ import annotations

import time

import pytest
from budget import budget

import newsgrep
from newsgrep.errors import QueryError
from newsgrep.query import search as search_mod


@pytest.fixture
def archive(bench_index):
    return newsgrep.open(bench_index)


@pytest.mark.parametrize("distance", [3, 6])
def test_fuzzy_distance_past_two_is_refused(archive, distance):
    """Regression: `oil~3` took 19 s and `oil~6` 42 s on 4,300 articles."""
    with pytest.raises(
        QueryError, match=rf"^oil~{distance} allows {distance} edits; the most is 2: use oil~1 or oil~2$"
    ):
        archive.search(f"oil~{distance}")


def test_fuzzy_up_to_two_works(archive):
    assert archive.search("sanctoin~2", match="all").total == archive.search("sanction", match="all").total > 0


@pytest.mark.parametrize(("query", "shown"), [("m*", "m*"), ("*s", "*s"), ("{a TO n]", "{a to n]")])
def test_a_prefix_wildcard_or_range_standing_for_too_many_words_is_refused(archive, monkeypatch, query, shown):
    monkeypatch.setattr(search_mod, "MAX_EXPANSION", 20)
    with pytest.raises(QueryError, match=r"stands for more than 20 words; make it narrower"):
        archive.search(query)
    with pytest.raises(QueryError, match=r"stands for more than 20 words"):
        archive.quotes(query)
    with pytest.raises(QueryError, match=r"stands for more than 20 words"):
        archive.timeline(query)


def test_a_narrow_prefix_still_works(archive, monkeypatch):
    monkeypatch.setattr(search_mod, "MAX_EXPANSION", 20)
    assert archive.search("Tskhinv*").total == archive.search("Tskhinvali").total > 0


def test_a_4000_letter_word_is_answered_at_once_without_a_suggestion(archive):
    """Regression: about 80 s, nearly all of it in 'did you mean' (20 ms a letter)."""
    limit = budget(2.0)
    started = time.perf_counter()
    result = archive.search("a" * 4000)
    assert (result.total, result.suggestion) == (0, None)
    assert time.perf_counter() - started < limit


@pytest.mark.parametrize("query", ["*ion", "sanct*", "oil~2", "[a TO c]"])
def test_quotes_expand_a_wildcard_once_per_search_not_once_per_quotation(archive, monkeypatch, query):
    """Regression: `quotes '*billion'` ran over 5 minutes on 4,300 Reuters articles (0.6 s after): each
    quotation of each hit walked the whole lexicon again to expand the wildcard, then looked up every word."""
    from whoosh.query import terms as whoosh_terms

    calls = []
    expand = whoosh_terms.MultiTerm.expanded_terms

    def counted(self, *args, **kwargs):
        calls.append(1)
        return expand(self, *args, **kwargs)

    monkeypatch.setattr(whoosh_terms.MultiTerm, "expanded_terms", counted)
    result = archive.quotes(query, limit=0)
    assert result.total > 10  # many quotations, each checked against the wildcard's words
    assert len(calls) <= 4  # the cost check, the search and the quotations' check: never one per quotation
