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
