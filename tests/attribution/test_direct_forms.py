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


# --- a paragraph that ends in a colon introduces the quotation that opens the next ----------------------


def test_following_statement_in_the_next_paragraph():
    body = (
        "Jane Holt spoke first. In response, Senator Tom Ruiz issued the following statement:\n\n"
        "“We will not give up on this bill. It matters to every family in the state.”\n\n"
        "The vote is on Friday."
    )
    assert quotes(body) == [
        ("direct", "Tom Ruiz", None, "We will not give up on this bill. It matters to every family in the state.")
    ]


# --- a promise whose infinitive is quoted ------------------------------------------------------------


def test_pledges_to_with_the_verb_quoted():
    body = (
        "On the trail, Mrs. Dunn regularly pledges to ''make sure the economy works for everyone, not just the few.''"
    )
    assert quotes(body) == [
        ("partial", "Dunn", "pledges", "make sure the economy works for everyone, not just the few.")
    ]


def test_vowed_on_a_day_to_with_words_quoted_after():
    body = 'Senator Ruiz vowed Saturday to rid the state of "this wasteful practice" within a year.'
    assert quotes(body) == [("partial", "Ruiz", "vowed", 'to rid the state of "this wasteful practice" within a year')]


# --- chants and shouts --------------------------------------------------------------------------------


def test_chanted_and_chanting():
    body = (
        "Holding signs, the protesters chanted “Mayor Kay: Bad for the city, bad for you.”\n\n"
        'Hundreds of marchers walked through the city on Monday, chanting "Hands off our parks," and then left.'
    )
    assert quotes(body) == [
        ("direct", "protesters", "chanted", "Mayor Kay: Bad for the city, bad for you."),
        ("direct", "Hundreds of marchers", "chanting", "Hands off our parks"),
    ]


def test_yelling_after_a_colon():
    body = 'Some fans shoved a heckler, with Coach Brandt reportedly yelling: "Get him out of this building!"'
    assert quotes(body) == [("direct", "Coach Brandt", "yelling", "Get him out of this building!")]


def test_reuters_casing_after_us_is_no_sentence_end():
    body = "Minister Ito said relations between the U.S. And Japan would improve this year."
    assert quotes(body) == [("indirect", "Ito", "said", "relations between the U.S. And Japan would improve this year")]


# --- "Jr." ends no speaker phrase ---------------------------------------------------------------------


def test_jr_before_an_apposition():
    body = (
        "''Our service works as a way to sell books and ideas,'' Thomas B. Keane Jr., the director of the bureau, said."
    )
    assert quotes(body) == [
        ("direct", "Thomas B. Keane Jr", "said", "Our service works as a way to sell books and ideas")
    ]
