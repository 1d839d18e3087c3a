"""Choosing snippet passages and marking titles (newsgrep/query/snippets.py): exact texts and offsets."""

from newsgrep.query.snippets import make_snippets, title_matches

FILLER = " ".join(f"w{i:02d}" for i in range(60))  # 239 characters: wider than one snippet
BODY = "Alpha " + FILLER + " omega and beta end here.\n\nSecond paragraph has alpha too."


def span(word: str, start: int = 0) -> tuple[int, int]:
    at = BODY.index(word, start)
    return at, at + len(word)


def snips(spans, **kw) -> list[tuple[str, list[list[int]]]]:
    return [(s.text, s.matches) for s in make_snippets(BODY, spans, **kw)]


def test_snippets_of_one_hit_overlap_regression():
    """Issue 15: the second passage began 70 characters before its match, inside the first one,
    so "w42 ... w53" was printed twice. Passages that meet are now one passage, shown once."""
    spans = [span("Alpha"), span("omega"), span("beta")]
    ((text, matches),) = snips(spans, max_snippets=2)
    assert text == BODY.split("\n\n")[0]
    assert matches == [[0, 5], [246, 251], [256, 260]]
    assert text.count("w42") == 1


def test_a_passage_starts_where_the_previous_one_ends():
    """Chosen alone, the second passage still does not reach back into the first one's words."""
    spans = [span("Alpha"), span("omega"), span("beta")]
    assert snips(spans, max_snippets=1) == [("w54 w55 w56 w57 w58 w59 omega and beta end here.", [[24, 29], [34, 38]])]


def test_passages_in_two_paragraphs_stay_two():
    spans = [span("Alpha"), span("omega"), span("alpha", 10)]
    assert snips(spans) == [
        (BODY.split("\n\n")[0], [[0, 5], [246, 251]]),
        ("Second paragraph has alpha too.", [[21, 26]]),
    ]


def test_title_matches_are_the_index_words_as_the_title_writes_them():
    title = "Sanctions on Russia: Lavrov says the sanction is 'illegal'"
    assert title_matches(title, [b"sanction"]) == [[0, 9], [37, 45]]
    assert title_matches(title, [b"lavrov", b"russia"]) == [[13, 19], [21, 27]]
    assert title_matches(title, [], [[b"lavrov", b"sai"]]) == [[21, 32]]  # a phrase is one span
    assert title_matches(title, [], [[b"sai", b"lavrov"]]) == []
    assert title_matches(title, []) == []
