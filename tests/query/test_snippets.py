"""Choosing snippet passages and marking titles (newsgrep/query/snippets.py): exact texts and offsets."""

import re

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


def _cut(body: str, word: str) -> list[tuple[str, bool, bool]]:
    at = body.index(word)
    return [(s.text, s.cut_before, s.cut_after) for s in make_snippets(body, [(at, at + len(word))])]


def test_a_whole_sentence_in_lower_case_gets_no_ellipsis_regression():
    """Issue 15: "…" was put before any snippet that starts in lower case, so a one-sentence
    paragraph written in lower case (a wire's all-lower-case story) read as cut when nothing was."""
    body = "the talks in geneva ended on friday without a date for the next round, the envoy said.\n\nMore later."
    assert _cut(body, "geneva") == [(body.split("\n\n")[0], False, False)]


def test_an_abbreviation_starts_no_sentence_regression():
    """Issue 15: a passage started after the full stop of "U.S." ("…government agencies are in dispute"),
    cutting the two words before it: the paragraph's start, within reach, is now where it starts."""
    body = (
        "Two U.S. government agencies are in dispute over a plan for the firms to sell pumps to Ruritania, aides said."
    )
    assert _cut(body, "Ruritania") == [(body, False, False)]


def test_a_passage_starts_at_a_sentence_after_abbreviations_and_marks_a_real_cut():
    lead = "The ministry said on Monday that the plan for the new round of talks was sound and fair. "
    said = "Mr. Brown of the U.S. side told the press in Geneva on Monday evening after lunch, that the "
    body = lead + said + "Ruritania talks had gone well."
    # The passage's context starts at "U.S. side": it looks back for a sentence over "U.S. " and "Mr. ".
    assert body.index("Ruritania") - 70 == body.index("U.S.") + 5
    ((text, before, after),) = _cut(body, "Ruritania")
    assert (text, before, after) == (said + "Ruritania talks had gone well.", False, False)
    body = "w " * 60 + "and the officials of the ministry said that the Ruritania talks had gone well."
    ((text, before, after),) = _cut(body, "Ruritania")
    assert (
        text == "w w w w w w w w w w w and the officials of the ministry said that the Ruritania talks had gone well."
    )
    assert (before, after) == (True, False)  # no sentence within reach: cut inside one, and marked so


def test_a_passage_cut_at_its_length_is_marked_at_the_end_only_when_its_sentence_goes_on():
    body = "Ruritania " + " ".join(["talks"] * 60) + " ended. Then came lunch."
    ((text, before, after),) = _cut(body, "Ruritania")
    assert (text[:20], before, after) == ("Ruritania talks talk", False, True)
    assert len(text) == 225
    short = "Ruritania signed. Then came lunch."
    at = short.index("signed.") + len("signed.")
    assert [(s.text, s.cut_after) for s in make_snippets(short, [(0, 9)], size=12)] == [("Ruritania signed.", False)]
    assert at == 17


def test_the_opening_of_a_body_for_a_title_match_is_marked_where_it_is_cut():
    body = "Ruritania " + " ".join(["talks"] * 60) + " ended."
    ((snip),) = make_snippets(body, [])
    assert (snip.text[:15], snip.cut_before, snip.cut_after) == ("Ruritania talks", False, True)
    assert [(s.text, s.cut_before, s.cut_after) for s in make_snippets("Short body.", [])] == [
        ("Short body.", False, False)
    ]


def test_a_paragraph_the_article_repeats_is_shown_once_regression():
    """Issue 15 re-check on Reuters: a story filed with one paragraph twice printed the same
    passage twice. A passage the article repeats word for word is shown once, and the next best
    passage takes its place; a passage that only contains another's words is no repeat."""
    body = (
        "Harbour pilots said the ferry strike may lift fares.\n\n"
        "The port board meets on Monday.\n\n"
        "Harbour  pilots said the FERRY strike may lift fares.\n\n"
        "Union leaders said the ferry strike ends in May.\n\n"
        "Ferry fares\n\n"
        "Clerks expect ferry fares to rise."
    )
    spans = [(m.start(), m.end()) for m in re.finditer("(?i)ferry|fares", body)]
    assert [(s.text, s.matches) for s in make_snippets(body, spans, max_snippets=3)] == [
        ("Harbour pilots said the ferry strike may lift fares.", [[24, 29], [46, 51]]),
        ("Ferry fares", [[0, 5], [6, 11]]),
        ("Clerks expect ferry fares to rise.", [[14, 19], [20, 25]]),
    ]
    assert [s.text for s in make_snippets(body, spans[:6], max_snippets=2)] == [
        "Harbour pilots said the ferry strike may lift fares.",
        "Union leaders said the ferry strike ends in May.",
    ]
