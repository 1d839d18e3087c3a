"""Who "he", "she" and "the candidate" stand for (issue 13, point 2): subjects, not the last name seen.

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact (kind, speaker, text) of every quotation found.
"""

from __future__ import annotations

from newsgrep.attribution.speakers import split_name
from tests.quote_util import said


def test_names_joined_to_an_object_are_objects_too():
    body = (
        "Walt Hinds said on Monday that the vote was rigged.\n\n"
        "Tom Reyes, who won Ohio, is calling on his rivals to quit.\n\n"
        "Though he did not mention Gary Pike or Hal Dunn by name, he made it clear that they should leave.\n\n"
        "He declared that a split field would hand the race to Hinds."
    )
    assert said(body) == [
        ("indirect", "Walt Hinds", "the vote was rigged"),
        ("indirect", "Tom Reyes", "his rivals to quit"),
        ("indirect", "Tom Reyes", "a split field would hand the race to Hinds"),
    ]


def test_neither_and_one_open_no_name():
    assert split_name(["Neither", "Gary", "Pike"]) == (["Neither"], ["Gary", "Pike"])
    assert split_name(["One", "Ohio"]) == (["One"], ["Ohio"])


def test_name_after_a_kin_noun_is_the_subject():
    body = (
        "One of the men, Jessie Ball, 70, said he would not vote.\n\n"
        "The other man, his cousin Dale Pruitt, 40, cited the senator's fondness for President Hal Ames of Ruritania.\n\n"
        '"He talks too much," he said.'
    )
    assert said(body) == [
        ("indirect", "Jessie Ball", "he would not vote"),
        ("direct", "Dale Pruitt", "He talks too much"),
    ]


def test_name_after_an_age_is_the_subject():
    body = (
        '"They should go home," said Pat Quill, a farmer.\n\n'
        "At a rally in Dayton, 62-year-old Ann Ruiz also railed against the plan.\n\n"
        '"It is a disgrace," she said.'
    )
    assert said(body) == [("direct", "Pat Quill", "They should go home"), ("direct", "Ann Ruiz", "It is a disgrace")]


def test_name_after_he_said_is_not_the_next_he():
    body = (
        "Omar Vance prayed at the mosque on Friday.\n\n"
        '"We are frustrated and horrified" by the shooting, Adel Nasri said. '
        'He said Vance "has not done this because of his faith."\n\n'
        '"We teach kindness" to every child, he said.'
    )
    assert said(body) == [
        ("partial", "Adel Nasri", "We are frustrated and horrified"),
        ("partial", "Adel Nasri", "has not done this because of his faith."),
        ("partial", "Adel Nasri", "We teach kindness"),
    ]


def test_names_in_what_the_speaker_said_are_not_the_next_he():
    body = (
        'Tom Reyes, in Dayton, said Tuesday that Gary Pike was "a total lightweight" in every one of the debates '
        'while Hal Dunn is "a liar." However, he held his fire on Walt Hinds.\n\n'
        "He said his plan would bring jobs back."
    )
    assert said(body) == [
        (
            "partial",
            "Tom Reyes",
            'Gary Pike was "a total lightweight" in every one of the debates while Hal Dunn is "a liar."',
        ),
        ("indirect", "Tom Reyes", "his plan would bring jobs back"),
    ]


def test_he_is_an_earlier_subject_when_the_last_sentence_opens_with_a_woman():
    body = (
        '"Thank you Ohio," Walt Hinds wrote on Twitter.\n\n'
        "Tom Reyes is thanking supporters at a rally in Dayton.\n\n"
        "Reyes won the primary in Vermont. His rival, Ann Ruiz, won Georgia.\n\n"
        "He told the crowd that it meant a lot to him."
    )
    assert said(body) == [
        ("direct", "Walt Hinds", "Thank you Ohio"),
        ("indirect", "Tom Reyes", "it meant a lot to him"),
    ]


def test_role_after_an_opening_prepositional_phrase_is_not_its_name():
    body = (
        "Ann Lee stayed out of the race.\n\n"
        "In an interview with radio hosts Joe Ray and Tom Bell, the Democratic presidential candidate said "
        "that the race was close."
    )
    assert said(body) == [("indirect", "Democratic presidential candidate", "the race was close")]


def test_person_named_by_one_name():
    body = (
        '"It was rude," wrote Ben Hall in the Ledger.\n\n'
        "The woman who shouted identified herself as a 52-year-old nurse named Carla.\n\n"
        '"He cares about us," she said.'
    )
    assert said(body) == [("direct", "Ben Hall", "It was rude"), ("direct", "Carla", "He cares about us")]


def test_possessive_place_is_no_part_of_the_name():
    assert split_name(["Florida's", "Rick", "Wilson"]) == (["Florida's"], ["Rick", "Wilson"])
    body = (
        "Florida's Rick Wilson, a Republican consultant, said the party was doomed.\n\n"
        'Ann Fisher said Trump will do well. "I think he will do great things," she said.\n\n'
        "To Florida consultant Wilson, the official party line on Trump is just plain silly.\n\n"
        '"Math is math," he said.'
    )
    assert said(body) == [
        ("indirect", "Rick Wilson", "the party was doomed"),
        ("indirect", "Ann Fisher", "Trump will do well"),
        ("direct", "Ann Fisher", "I think he will do great things"),
        ("direct", "Rick Wilson", "Math is math"),
    ]


def test_they_is_the_body_that_opens_the_previous_sentence():
    body = (
        "Senate Democrats blocked the bill because they said it was a trap.\n\n"
        "The Lee campaign is tying the bill to Ruiz. They are saying his vote was a mistake."
    )
    assert said(body) == [
        ("indirect", "Senate Democrats", "it was a trap"),
        ("indirect", "Lee campaign", "his vote was a mistake"),
    ]
