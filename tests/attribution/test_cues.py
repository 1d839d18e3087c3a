"""cues.CueReader: the cue verbs of a paragraph and their (unresolved) speaker phrases."""

from __future__ import annotations

from newsgrep.attribution.cues import CueReader
from newsgrep.attribution.marks import Marked


def cues_of(body: str):
    text = Marked(body)
    return body, CueReader(text).cues(0, len(body))


def test_speaker_before_the_cue():
    body, (c,) = cues_of("The deputy minister Anna Petrova said the talks had failed.")
    assert (c.verb, c.kind, c.ref.kind, c.ref.name) == ("said", "say", "name", "Anna Petrova")
    assert body[c.np_start : c.np_end].strip() == "The deputy minister Anna Petrova"


def test_speaker_after_the_cue_with_an_apposition():
    body, (c,) = cues_of('"We will see," said Tom Hardy, a spokesman for the council.')
    assert (c.ref.kind, c.ref.name, c.left) == ("name", "Tom Hardy", '"')  # the mark before the cue
    assert c.ref.title.startswith("a spokesman for the council")
    assert c.np_start == c.start  # inverted


def test_according_to_and_participle_cues():
    _, cues = cues_of("According to the agency, prices rose, adding that nothing changed.")
    assert [(c.kind, c.verb) for c in cues] == [("acc", "According to"), ("part", "adding")]
    assert cues[0].ref.kind == "orgref"


def test_words_inside_quotation_marks_are_never_cues():
    _, cues = cues_of('She wrote "he said no" yesterday.')
    assert [c.verb for c in cues] == ["wrote"]


def test_clause_that_and_bare_clause():
    body = "Jones said that the deal was off. Smith said the deal was on."
    text = Marked(body)
    reader = CueReader(text)
    first, second = reader.cues(0, len(body))
    assert body[reader.clause_that(first, len(body)) :].startswith(" the deal was off")
    assert reader.clause_that(second, len(body)) == 0
    assert body[reader.bare(second, len(body)) :].startswith(" the deal was on")
