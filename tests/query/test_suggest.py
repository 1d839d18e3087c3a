"""Did you mean: the nearest real word, the most frequent among equals, never a stop word, nothing when nothing is close."""

from __future__ import annotations

import json

import pytest

from newsgrep.index.store import open_index
from newsgrep.index.writer import update_index
from newsgrep.query.search import SearchRequest, closest_word, search

FILES = [  # one article a file: the words field counts files
    "talks on sanctions when the minister warns",
    "talks on sanctions",
    "talks whet the appetite for intervention",
    "tanks at the border; government statement",
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    work = tmp_path_factory.mktemp("suggest")
    seeds = work / "seeds"
    seeds.mkdir()
    for n, body in enumerate(FILES, 1):
        record = {"title": f"Notes {n}", "date": f"2020-03-{n:02d}", "source": "TASS", "body": body}
        (seeds / f"f{n}.jsonl").write_text(json.dumps(record) + "\n")
    root = str(work / "index")
    update_index(root, [str(seeds)], jobs=1)
    return open_index(root), root


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("sanctoins", "sanctions"),  # two letters swapped: one edit
        ("tasks", "talks"),  # "talks" (3 files) and "tanks" (1 file) are both one edit away
        ("goverment", "government"),
        ("intervnetoin", "intervention"),  # two edits: allowed from 8 letters on
        ("whem", "whet"),  # "when" is as close, and a stop word
        ("walrus", None),  # "warns" is two edits away: too far for six letters
        ("zzzzqx", None),
        ("tak", None),  # three letters: nothing is close enough to be meant
    ],
)
def test_closest_word(archive, word, expected):
    ix, _root = archive
    with ix.searcher() as searcher:
        assert closest_word(searcher, word) == expected


def test_a_search_without_hits_suggests_and_keeps_the_rest_of_the_query(archive):
    ix, root = archive
    assert search(ix, root, SearchRequest("sanctoins")).suggestion == "sanctions"
    assert search(ix, root, SearchRequest("talks AND sanctoins")).suggestion == "talks AND sanctions"
    assert search(ix, root, SearchRequest("walrus")).suggestion is None
    assert search(ix, root, SearchRequest("sanctions")).suggestion is None  # hits: no suggestion
