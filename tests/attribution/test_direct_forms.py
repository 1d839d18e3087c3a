"""Quotations in marks that were missed or given to the wrong speaker (issue 13: direct and partial
quotations, named speakers).

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact quotations expected: kind, speaker, cue and text, and checks the offsets into the body.
"""

from __future__ import annotations

from quote_util import quotes

# --- a title's full stop inside the phrase that names what was called -------------------------------


def test_called_with_a_titled_object():
    body = 'Ms. Harlow called Mrs. Denning an "old-school obstructionist."'
    assert quotes(body) == [("partial", "Harlow", "called", 'Mrs. Denning an "old-school obstructionist."')]


def test_with_a_titled_senator_calling_it():
    body = "Some members were irritated by the draft, with Sen. Tom Keller calling it a “half-finished sketch.”"
    assert quotes(body) == [("partial", "Tom Keller", "calling", "half-finished sketch.")]


# --- what a named speaker called something --------------------------------------------------------


def test_what_a_titled_name_called():
    body = 'Back then, under what Mr. Varga called "the old pricing model," the club lost members.'
    assert quotes(body) == [("partial", "Varga", "called", "the old pricing model")]


def test_who_a_name_called_with_a_day_between():
    body = "Most of his anger went to Pruitt, who Dorsey on Friday called “a reckless, petty little man.”"
    assert quotes(body) == [("partial", "Dorsey", "called", "a reckless, petty little man.")]


def test_that_an_apposed_name_called():
    body = 'It is a country that the last nominee, Paul Renner, called "our most dangerous rival."'
    assert quotes(body) == [("partial", "Paul Renner", "called", "our most dangerous rival.")]


def test_what_is_called_names_no_speaker():
    body = 'This is what is often called "the nuclear option" in the chamber.'
    assert quotes(body) == []


# --- cue verbs in the present tense ---------------------------------------------------------------


def test_concludes_and_answers_after_a_quotation():
    body = (
        '"Can you name one thing the council has done?" he asks.\n\n'
        '"The mayor could win the next vote by a wide margin," Pereira concludes.\n\n'
        '"I can name only two things in ten years," Lindqvist answers.'
    )
    assert quotes(body) == [
        ("direct", "Pereira", "concludes", "The mayor could win the next vote by a wide margin"),
        ("direct", "Lindqvist", "answers", "I can name only two things in ten years"),
    ]


def test_describes_as():
    body = 'On the road, Halvorsen describes the new party as "a wide road right down the middle."'
    assert quotes(body) == [
        ("partial", "Halvorsen", "describes", 'the new party as "a wide road right down the middle."')
    ]


def test_jokes_names_the_speaker_before_it():
    body = 'Tom Reyes shook hands with the people in line. He jokes, "This is a line that never ends!"'
    assert quotes(body) == [("direct", "Tom Reyes", "jokes", "This is a line that never ends!")]


def test_jokes_as_a_noun_is_no_cue():
    body = 'He told his jokes "to the whole room" at the dinner.'
    assert quotes(body) == []


# --- a sentence ends after "p.m." or "U.S." when a sentence opener follows ----------------------------


def test_sentence_ends_after_pm_before_he():
    body = (
        'Governor Lund says he is going to "work hard all day" and wait for results after the polls close '
        'at 8 p.m. He says "it is odd that so many are still undecided."'
    )
    assert quotes(body) == [
        (
            "partial",
            "Lund",
            "says",
            'he is going to "work hard all day" and wait for results after the polls close at 8 p.m',
        ),
        ("partial", "Lund", "says", "it is odd that so many are still undecided."),
    ]
