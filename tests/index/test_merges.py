"""The merge policy (issue 16, 16): Whoosh's default left 11 segments and 2.7x a rebuild's size after 20 rounds."""

from __future__ import annotations

from dataclasses import dataclass

from newsgrep.index.writer import _choose_merges


@dataclass
class Segment:
    name: str
    live: int

    def doc_count(self) -> int:
        return self.live


@dataclass
class Writer:
    docbase: int
    docnum: int


def names(chosen: tuple[list, list]) -> tuple[list[str], list[str]]:
    return [s.name for s in chosen[0]], [s.name for s in chosen[1]]


def test_smallest_segments_merge_while_no_bigger_than_what_is_gathered():
    segments = [Segment("big", 1000), Segment("s40", 40), Segment("s10", 10), Segment("s25", 25)]
    # 10 new: s10 (10 <= 10), then s25 (25 <= 20? no): stop
    assert names(_choose_merges(Writer(1075, 1085), segments)) == (["s10"], [])
    # 30 new: s10 (<= 30), s25 (<= 40), s40 (<= 65); big (1000 > 105) stays
    assert names(_choose_merges(Writer(1075, 1105), segments)) == (["s10", "s25", "s40"], [])


def test_emptied_segments_are_dropped_and_a_big_one_is_not_rewritten_for_its_deletions():
    segments = [Segment("big", 900), Segment("empty", 0), Segment("s5", 5)]
    assert names(_choose_merges(Writer(905, 915), segments)) == (["s5"], ["empty"])
    assert names(_choose_merges(Writer(905, 905), segments)) == ([], ["empty"])  # a commit that only deletes
