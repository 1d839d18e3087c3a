"""Role nouns and the names around them (issue 13, naming the right speaker).

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact (kind, speaker, cue, text) of every quotation found.
"""

from __future__ import annotations

from newsgrep.attribution.speakers import parse_phrase, split_name
from tests.quote_util import quotes


def test_a_role_noun_is_the_subject_of_the_previous_sentence_when_no_role_decides():
    body = (
        '"We will not back down," Bo Ruiz said on Monday. Ann Lee (D-Ohio) defended the bill in an interview. '
        '"It is a disgrace to attack it," the minority leader said.'
    )
    assert quotes(body) == [
        ("direct", "Bo Ruiz", "said", "We will not back down"),
        ("direct", "Ann Lee", "said", "It is a disgrace to attack it"),
    ]


def test_a_role_the_speaker_of_the_moment_holds_stays_with_that_speaker():
    body = (
        '"We will not back down," Sen. Bo Ruiz said on Monday. Ann Lee defended the bill in an interview. '
        '"It is a disgrace to attack it," the senator said.'
    )
    assert quotes(body) == [
        ("direct", "Bo Ruiz", "said", "We will not back down"),
        ("direct", "Bo Ruiz", "said", "It is a disgrace to attack it"),
    ]


def test_a_question_asked_in_the_previous_sentence_is_answered_by_the_speaker_of_the_moment():
    body = (
        '"We will win the state by ten points," Bo Ruiz said on Monday. "That would be you?" Ann Lee asked. '
        '"That would be me, for sure," the senator said.'
    )
    assert quotes(body) == [
        ("direct", "Bo Ruiz", "said", "We will win the state by ten points"),
        ("direct", "Ann Lee", "asked", "That would be you?"),
        ("direct", "Bo Ruiz", "said", "That would be me, for sure"),
    ]


def test_a_title_word_after_a_middle_initial_is_a_surname():
    body = (
        'Bo Lind spoke on Monday. "We were never told about it," Representative Ann T. King, Republican of Ohio, said.'
    )
    assert quotes(body) == [("direct", "Ann T. King", "said", "We were never told about it")]
    body = 'Bo Lind spoke on Monday. "We were never told about it," said Representative Ann T. King of Ohio.'
    assert quotes(body) == [("direct", "Ann T. King", "said", "We were never told about it")]
    assert split_name(["Representative", "Ann", "T.", "King"]) == (["Representative"], ["Ann", "T.", "King"])
    assert split_name(["Bill", "Jones", "Director"])[1] == []  # no given name or initial before it
    assert split_name(["the", "Bishop"])[1] == []


def test_a_name_before_a_phrase_of_time_is_the_speaker_not_a_role():
    body = (
        '"We are fine," said Bo Lind, a candidate. "The plan is a fraud and a disgrace," said former candidate '
        "Ann Reyes during the second debate."
    )
    assert quotes(body) == [
        ("direct", "Bo Lind", "said", "We are fine"),
        ("direct", "Ann Reyes", "said", "The plan is a fraud and a disgrace"),
    ]
    ref = parse_phrase(
        ["the", "Lind", "Center", "for", "Public", "Policy", "Studies", "at", "Ames", "State", "University"]
    )
    assert ref is not None and ref.kind != "name"


def test_a_person_who_serves_a_role_does_not_hold_it():
    body = (
        "Ann Reyes toured a plant in Ames on Monday. Bo Lind, a spokesman for the candidate, handed out flyers. "
        '"We will win Iowa by ten points," the candidate said.'
    )
    assert quotes(body) == [("direct", "candidate", "said", "We will win Iowa by ten points")]
    body = (
        '"We are fine," said Bo Lind, an adviser to the governor. "The budget will pass this week," the governor said.'
    )
    assert quotes(body) == [
        ("direct", "Bo Lind", "said", "We are fine"),
        ("direct", "governor", "said", "The budget will pass this week"),
    ]


def test_a_role_noun_still_finds_the_person_who_holds_it():
    body = (
        '"We are fine," said Bo Lind, an adviser to the governor. Gov. Ann Reyes toured a plant on Monday. '
        '"The budget will pass this week," the governor said.'
    )
    assert quotes(body) == [
        ("direct", "Bo Lind", "said", "We are fine"),
        ("direct", "Ann Reyes", "said", "The budget will pass this week"),
    ]


def test_the_official_is_not_a_person_with_a_role_named_later():
    body = (
        '"The budget is fine and the loans are safe," the official said. President Ann Reyes spoke in Ames on Monday.'
    )
    assert quotes(body) == [("direct", "official", "said", "The budget is fine and the loans are safe")]


def test_a_role_noun_is_not_a_person_named_only_after_it():
    body = (
        'Voters packed the hall in Ames. "We will win this state by ten points," the candidate said. '
        "Republican candidate Bo Lind spoke later in Davenport."
    )
    assert quotes(body) == [("direct", "candidate", "said", "We will win this state by ten points")]
    body = (
        'Republican candidate Bo Lind spoke in Davenport. Voters packed the hall. "We will win this state by '
        'ten points," the candidate said.'
    )
    assert quotes(body) == [("direct", "Bo Lind", "said", "We will win this state by ten points")]
