"""Decoded postings (query/postings.py) on their own: the numbers Whoosh's matchers read, decoded in bulk."""

from __future__ import annotations

import pytest
from conftest import FEB, JAN

from newsgrep.index.store import open_index
from newsgrep.query.postings import Lru, Postings, per_leaf


@pytest.fixture
def searcher(seed_index):
    ix = open_index(str(seed_index / "index"))
    with ix.searcher() as s:
        yield s


def _whoosh(searcher, field: str, text: bytes) -> dict[int, float]:
    matcher = searcher.postings(field, text)
    found = {}
    while matcher.is_active():
        found[matcher.id()] = matcher.score()
        matcher.next()
    return found


def test_a_terms_documents_and_scores_are_whooshs_to_the_bit(searcher):
    postings = Postings(searcher, keep=False)
    jan = searcher.document_number(id=JAN)
    assert postings.term("body", b"kuril") == _whoosh(searcher, "body", b"kuril")
    assert list(postings.term("body", b"kuril")) == [jan]
    both = postings.term("body", b"japan")
    assert both == _whoosh(searcher, "body", b"japan") and len(both) == 2


def test_an_unknown_term_has_no_documents(searcher):
    assert Postings(searcher).term("body", b"zzzzqx") == {}


def test_position_masks_have_a_bit_at_each_position_whoosh_records(searcher):
    postings = Postings(searcher, keep=False)
    jan = searcher.document_number(id=JAN)
    matcher = searcher.postings("body", b"kuril")
    matcher.skip_to(jan)
    expected = sum(1 << p for p in matcher.value_as("positions"))
    assert postings.positions("body", b"kuril") == {jan: expected}
    assert postings.positions("body", b"kuril", shift=2, only=[jan]) == {jan: expected << 2}


def test_occurrences_are_the_words_as_written_in_the_body(searcher):
    postings = Postings(searcher)
    jan = searcher.document_number(id=JAN)
    postings.term("body", b"island")  # decoding records the block index occurrences() jumps with
    body = searcher.stored_fields(jan)["body"]
    words = {body[start:end] for _pos, start, end in postings.occurrences("body", b"island", jan)}
    assert words == {"Islands", "islands"}  # as written: the stem matched both
    assert postings.occurrences("body", b"kuril", searcher.document_number(id=FEB)) is None


def test_date_order_sorts_oldest_first(searcher):
    jan, feb = searcher.document_number(id=JAN), searcher.document_number(id=FEB)
    for keep in (False, True):
        order = Postings(searcher, keep=keep).date_order([feb, jan])
        assert sorted([feb, jan], key=order) == [jan, feb]


def test_lru_drops_the_least_recently_used_past_its_budget():
    lru = Lru(budget=5)
    lru.put("a", [1, 2])
    lru.put("b", [1, 2])
    assert lru.get("a") == [1, 2]  # a is now the most recent
    lru.put("c", [1, 2])  # 6 > 5: b goes
    assert (lru.get("b"), lru.get("a"), lru.get("c"), lru.held) == (None, [1, 2], [1, 2], 4)


def test_per_leaf_splits_global_numbers_by_segment():
    assert per_leaf([0, 10, 25], [3, 12, 30, 10, 0]) == [[3, 0], [2, 0], [5]]
