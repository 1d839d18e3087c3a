"""paragraph.ParagraphReader: which quotation is whose, and of what kind, paragraph by paragraph."""

from __future__ import annotations

from newsgrep.attribution.found import Found
from newsgrep.attribution.marks import Marked
from newsgrep.attribution.paragraph import ParagraphReader
from newsgrep.attribution.speakers import Speakers


def read(body: str):
    text = Marked(body)
    return [(q.kind, q.speaker, q.text) for q in ParagraphReader(text, Speakers(body, text.inside), Found(body)).run()]


def test_direct_partial_and_follow_on_quotations():
    body = (
        '"We are ready to talk," said Maria Olsen, the trade minister. She called the offer "a first step".'
        '\n\n"Nothing is agreed yet."'
    )
    assert read(body) == [
        ("direct", "Maria Olsen", "We are ready to talk"),
        ("partial", "Maria Olsen", 'the offer "a first step"'),  # what was called so, and the name
        ("direct", "Maria Olsen", "Nothing is agreed yet."),
    ]


def test_scare_quotes_and_names_in_marks_are_not_quotations():
    body = 'The so-called "grand bargain" failed, the envoy Peter Gray said of the "Blue Line" talks.'
    assert all(t not in ("grand bargain", "Blue Line") for _, _, t in read(body))


def test_a_list_of_statements_is_the_listed_speaker_s():
    body = 'Below are Olsen\'s key statements:\n\nTrade must be fair to everyone involved.\n\n"We will not give in."'
    assert [(k, s) for k, s, _ in read(body)] == [("indirect", "Olsen"), ("direct", "Olsen")]
