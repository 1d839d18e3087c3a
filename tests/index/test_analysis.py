"""The fused analyzer must produce exactly what Whoosh's analyzer chain produces."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.support.charset import accent_map

from newsgrep.index.analysis import NewsAnalyzer

CHAIN = RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter(minsize=2) | StemFilter()


def tokens(analyzer, text, **kw):
    return [
        (t.text, t.pos, t.startchar, t.endchar, t.stopped) for t in analyzer(text, positions=True, chars=True, **kw)
    ]


SAMPLES = [
    "Russia's sanctions on Japan: the Kuril Islands, Café Zürich, Çavuşoğlu said.",
    "A a I x 3.141 under_score big-time *wild* THE The the",
    "",
    "Recognizing the outcome of World War II is neither an ultimatum nor a precondition",
]


def test_same_tokens_as_the_whoosh_chain():
    fused = NewsAnalyzer()
    for text in SAMPLES:
        assert tokens(fused, text) == tokens(CHAIN, text)
        assert tokens(fused, text, removestops=False) == tokens(CHAIN, text, removestops=False)
        assert tokens(fused, text, tokenize=False, mode="query") == tokens(CHAIN, text, tokenize=False, mode="query")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_same_tokens_on_any_text(text):
    assert tokens(NewsAnalyzer(), text) == tokens(CHAIN, text)


def test_pickles_without_its_cache():
    fused = NewsAnalyzer()
    list(fused("sanctions sanctions"))
    assert len(pickle.dumps(fused)) < 100
    assert pickle.loads(pickle.dumps(fused)) == fused


def test_quote_blocks_are_position_blocks_and_pickle():
    from newsgrep.index.analysis import QUOTE_GAP, QuoteBlocks

    blocks = QuoteBlocks(["true partnership", "new level"])
    again = pickle.loads(pickle.dumps(blocks))
    assert (again, again.parts) == ("true partnership\nnew level", ("true partnership", "new level"))
    toks = [(t.text, t.pos) for t in NewsAnalyzer()(again, positions=True)]
    assert toks == [("true", 0), ("partnership", 1), ("new", QUOTE_GAP), ("level", QUOTE_GAP + 1)]


def test_fold_drops_every_combining_mark_after_nfkd():
    from newsgrep.index.schema import fold

    assert fold("Sergéy LAVRÓV") == "sergey lavrov"
    assert fold("İstanbul Çavuşoğlu") == "istanbul cavusoglu"
    assert fold("Ærø ﬁnance Ⅻ") == "ærø finance xii"
    assert fold("plain ascii") == "plain ascii"


def _whoosh_and_ours(field, value) -> tuple[list, list]:
    from whoosh import fields

    from newsgrep.index import spill

    whooshs = sorted(spill._WHOOSH_INDEX(field, value))
    assert fields.FieldType.index is spill._WHOOSH_INDEX or fields.FieldType.index is spill._index
    return whooshs, sorted(spill._index(field, value))


def test_the_writers_text_indexing_gives_whooshs_postings():
    """spill._index (NewsAnalyzer.positions) gives what Whoosh's FieldType.index gives, field by field."""
    from newsgrep.index.analysis import QuoteBlocks
    from newsgrep.index.schema import SCHEMA

    values = [*SAMPLES, QuoteBlocks(SAMPLES), QuoteBlocks(["the said", "", "Lavrov said it, said it again"])]
    checked = 0
    for name, kind in (("title", "Positions"), ("body", "Characters"), ("qtext", "Positions")):
        field = SCHEMA[name]
        assert type(field.format).__name__ == kind
        for value in values:
            whooshs, ours = _whoosh_and_ours(field, value)
            assert ours == whooshs
            checked += len(ours)
    assert checked > 100
    title = dict((t, (f, w)) for t, f, w, _ in _whoosh_and_ours(SCHEMA["title"], "Said, said, SAID: sanctions")[1])
    assert title == {b"said": (3, 6.0), b"sanction": (1, 2.0)}  # the title's field boost, 2.0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=3))
def test_the_writers_text_indexing_on_any_text(parts):
    from newsgrep.index.analysis import QuoteBlocks
    from newsgrep.index.schema import SCHEMA

    for value in (parts[0], QuoteBlocks(parts)):
        for name in ("title", "body", "qtext"):
            whooshs, ours = _whoosh_and_ours(SCHEMA[name], value)
            assert ours == whooshs


def test_other_fields_are_left_to_whoosh():
    from newsgrep.index import spill
    from newsgrep.index.schema import SCHEMA

    for name, value in (("speaker", "Sergei Lavrov,Joe Biden"), ("id", "abc-1"), ("meta_topics", "crude\x1fship")):
        assert sorted(spill._index(SCHEMA[name], value)) == sorted(spill._WHOOSH_INDEX(SCHEMA[name], value))
    assert list(spill._index(SCHEMA["body"], "Lavrov said", mode="query")) == list(
        spill._WHOOSH_INDEX(SCHEMA["body"], "Lavrov said", mode="query")
    )
