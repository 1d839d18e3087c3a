"""The words taken as the speaker (issue 13, speaker phrases): a title word that is a surname, a sentence
adverb before the subject, a capitalised modifier before an unnamed person's noun.

Every sentence here was written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from newsgrep.attribution.speakers import lead_words, lone_title_surname, parse_phrase
from tests.quote_util import quotes

QUOTE = "We will keep going no matter what happens"


def test_a_title_word_alone_before_the_cue_is_the_surname_of_the_person_named_earlier():
    body = f'Gloria Major, a teacher in Dayton, spoke at the meeting. "{QUOTE}," Major said.'
    assert quotes(body) == [("direct", "Gloria Major", "said", QUOTE)]


def test_a_title_word_alone_after_the_cue_is_a_surname_too():
    body = f'Gloria Major, a teacher in Dayton, spoke at the meeting. "{QUOTE}," said Major.'
    assert quotes(body) == [("direct", "Gloria Major", "said", QUOTE)]


def test_king_alone_is_the_surname_and_the_king_is_a_role():
    body = f'Alan King, a teacher in Dayton, spoke at the meeting. "{QUOTE}," King said.'
    assert quotes(body) == [("direct", "Alan King", "said", QUOTE)]
    body = f'The king spoke at the palace. "{QUOTE}," the king said.'
    assert quotes(body) == [("direct", "king", "said", QUOTE)]


def test_lone_title_surname_keeps_party_group_and_abbreviated_titles_out():
    assert lone_title_surname("Major") and lone_title_surname("King")
    assert not lone_title_surname("Republican")  # a party word
    assert not lone_title_surname("Staff")  # a group noun: "Staff for the committee said"
    assert not lone_title_surname("Sen")  # never a surname
    assert not lone_title_surname("major")
    ref = parse_phrase(["Major"])
    assert ref is not None and (ref.kind, ref.name) == ("name", "Major")


def test_an_opening_adverb_is_no_part_of_an_unnamed_subject():
    body = f'Mayor Tom Hill spoke. Even those who backed him said, "{QUOTE}."'
    assert quotes(body) == [("direct", "those", "said", QUOTE + ".")]
    assert lead_words(["Even", "those"]) == ["those"]
    assert lead_words(["Yet", "another", "voter"]) == ["another", "voter"]
    assert lead_words(["the", "voters"]) == ["voters"]
    assert lead_words(["Even"]) == ["Even"]


def test_opening_adverb_before_a_named_subject():
    ref = parse_phrase(["Even", "Senator", "Ann", "Reyes"])
    assert ref is not None and (ref.kind, ref.name) == ("name", "Ann Reyes")


def test_an_unnamed_person_after_the_cue_with_a_place_after_the_noun():
    body = f'Mayor Tom Hill spoke. "{QUOTE}," said a woman in the crowd.'
    assert quotes(body) == [("direct", "woman", "said", QUOTE)]


def test_a_capitalised_modifier_before_the_noun_is_not_the_speaker_name():
    body = f'The vote was close. "{QUOTE}," said a French user from Lyon.'
    assert quotes(body) == [("direct", "French user", "said", QUOTE)]


def test_a_head_read_before_its_postmodifier_keeps_the_postmodifier():
    body = f'The vote was close. "{QUOTE}," said a source involved in the talks.'
    assert quotes(body) == [("direct", "source involved in the talks", "said", QUOTE)]
