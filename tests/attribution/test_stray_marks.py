"""Stray straight marks that stand for apostrophes (issue 15, point 14): Reuters-21578 writes
``country"s`` and ``don"t``, and such a mark opened a quotation of the narration after it."""

from newsgrep.attribution.marks import pair_marks
from newsgrep.attribution.quotes import extract_quotes

BODY = 'The minister said the country"s debt would be rescheduled. "We don"t believe that there is a crisis," he said.'


def test_apostrophe_mark_that_s_made_narration_a_quotation_regression():
    """The mark of ``country"s`` paired with the opening mark of the real quotation, so the
    narration between them became a partial quotation "s debt would be rescheduled."."""
    quotes = [(q.kind, q.speaker, q.text) for q in extract_quotes(BODY)]
    assert quotes == [
        ("indirect", "minister", 'the country"s debt would be rescheduled'),
        ("direct", "minister", 'We don"t believe that there is a crisis'),
    ]


def test_marks_inside_contractions_and_possessives_pair_nothing():
    opened = BODY.index('"We')
    assert [(q.open, q.close) for q in pair_marks(BODY, 0, len(BODY))] == [(opened, BODY.index('" he'))]
    for text in ('That"s all.', 'It isn"t fair.', 'THAT"S ALL.', 'We"ll see, they"re here, I"m sure, we"ve won.'):
        assert pair_marks(text, 0, len(text)) == []


def test_real_marks_next_to_words_still_pair():
    text = 'He called it "a sham", "a disgrace" and "the Kremlin"s own doing" today.'
    pairs = [text[q.open + 1 : q.close] for q in pair_marks(text, 0, len(text))]
    assert pairs == ["a sham", "a disgrace", 'the Kremlin"s own doing']
