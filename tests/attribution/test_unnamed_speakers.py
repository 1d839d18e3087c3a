"""Unnamed and collective speakers, kept as the article's own phrase (issue 13, point 1).

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact (kind, speaker, text) of every quotation found.
"""

from __future__ import annotations

from newsgrep.attribution.people import article_groups, bare_keys
from newsgrep.attribution.speakers import parse_phrase, speaker_keys
from newsgrep.index.speakers import _named
from tests.quote_util import said


def test_relative_clause_ends_an_unnamed_source_after_according_to():
    body = (
        "Ann Reyes spoke on Monday. The plan will cost $2 billion a year, according to a senior "
        "administration official who spoke on the condition of anonymity."
    )
    assert said(body) == [("indirect", "senior administration official", "The plan will cost $2 billion a year")]


def test_an_unnamed_official_is_not_the_named_spokesman():
    body = (
        "Josh Lamb, the council spokesman, spoke on Monday. The budget will grow by 4 percent, according to "
        "a city official who was not authorized to speak publicly."
    )
    assert said(body) == [("indirect", "city official", "The budget will grow by 4 percent")]
    ref = parse_phrase(["a", "city", "official", "who", "was", "not", "authorized"])
    assert ref is not None and (ref.kind, ref.name) == ("group", "city official")


def test_a_name_that_modifies_a_role_is_not_the_subject():
    body = (
        "Ann Reyes called the mayor a disgrace on Tuesday. A Reyes campaign official later walked back the "
        "comments, saying that Reyes did not mean the whole council."
    )
    assert said(body)[-1] == ("indirect", "Reyes campaign official", "Reyes did not mean the whole council")


def test_group_subject_with_a_name_as_modifier_keeps_its_coordinated_cue():
    body = (
        "Ann Reyes spoke in Ames on Monday. But some Democratic strategists fear that Reyes has missed a chance "
        "and warn that counting on young voters is not a reliable strategy."
    )
    assert said(body) == [("indirect", "Democratic strategists", "counting on young voters is not a reliable strategy")]


def test_a_supporter_is_not_the_candidate():
    body = (
        'Ann Reyes spoke on Monday. "Meh," wrote a Reyes supporter who runs a popular fan account. '
        '"What does the mayor know about it?"'
    )
    assert said(body) == [
        ("direct", "Reyes supporter", "Meh"),
        ("direct", "Reyes supporter", "What does the mayor know about it?"),
    ]


def test_postmodifier_of_an_inverted_unnamed_source_is_kept():
    body = (
        'Ann Reyes spoke on Monday. "It was not a convincing argument," said one Democrat familiar with the discussion.'
    )
    assert said(body) == [("direct", "one Democrat familiar with the discussion", "It was not a convincing argument")]
    body = (
        'Ann Reyes spoke on Monday. "The deal is worth $5 million," said a publishing executive familiar with '
        "the talks on Monday."
    )
    assert said(body) == [("direct", "publishing executive familiar with the talks", "The deal is worth $5 million")]


def test_people_close_to_someone_are_not_that_person():
    body = "Ann Reyes spoke on Monday. People close to the senator said she would not run again next year."
    assert said(body) == [("indirect", "people close to the senator", "she would not run again next year")]


def test_spokesman_for_a_group_or_an_official_keeps_the_whole_phrase():
    body = (
        "Ann Reyes spoke on Monday. A spokesman for committee Democrats said the facts had not changed since last year."
    )
    assert said(body) == [
        ("indirect", "spokesman for committee Democrats", "the facts had not changed since last year")
    ]
    body = (
        "Ann Reyes spoke on Monday. A spokesman for Mayor Tom H. Berg of Dayton said the police had trained for months."
    )
    assert said(body) == [
        ("indirect", "spokesman for Mayor Tom H. Berg of Dayton", "the police had trained for months")
    ]


def test_aides_to_someone_opening_a_sentence_are_not_that_person():
    body = "Ann Reyes spoke on Monday. Aides to Reyes said the senator had raised $3 million in the last quarter."
    assert said(body) == [("indirect", "aides to Reyes", "the senator had raised $3 million in the last quarter")]


def test_a_state_after_a_town_is_not_the_speaker():
    body = 'Ann Reyes spoke on Monday. "We are not afraid," a woman in Lowell, Massachusetts, said.'
    assert said(body) == [("direct", "woman in Lowell", "We are not afraid")]


def test_the_author_of_a_document_released_by_someone_speaks():
    body = (
        "Ann Reyes spoke on Monday. The agency had deleted the files, according to a memo released Friday by "
        "the agency's watchdog."
    )
    assert said(body) == [("indirect", "agency's watchdog", "The agency had deleted the files")]
    body = (
        "Ann Reyes spoke on Monday. Lottery sales fell 3 percent in May, according to data released Friday by "
        "state gaming regulators."
    )
    assert said(body) == [("indirect", "state gaming regulators", "Lottery sales fell 3 percent in May")]


def test_a_capitalised_media_word_is_part_of_the_name():
    body = "Ann Reyes spoke on Monday. The visit was a mistake, the People's Daily newspaper said on Tuesday."
    assert said(body) == [("indirect", "People's Daily", "The visit was a mistake")]


def test_pronoun_with_a_contracted_verb_is_the_pronoun():
    body = (
        "\"It's about age,\" said Ruth Ames, 66, a retired cook. She's a Reyes supporter but concedes that most "
        "of her friends love the governor."
    )
    assert said(body) == [
        ("direct", "Ruth Ames", "It's about age"),
        ("indirect", "Ruth Ames", "most of her friends love the governor"),
    ]


def test_cut_phrases_are_never_speakers():
    body = (
        "Ann Reyes spoke on Monday. The Republican nominee for the Nov. 8 election later said he had been "
        "joking in his remarks."
    )
    assert said(body) == [
        ("indirect", "Republican nominee for the Nov. 8 election", "he had been joking in his remarks")
    ]
    body = (
        "Ann Reyes spoke on Monday. Just before the bus left, the driver counted the seats and asked for "
        "volunteers to move to the back."
    )
    assert said(body) == []
    body = (
        "Ann Reyes spoke on Monday. The notice of a certified letter, announcing that she had been dropped from "
        "the program, sat on a stack of mail."
    )
    assert said(body) == []


def test_unnamed_phrases_are_not_merged_with_people():
    assert bare_keys(["official", "critic", "Reyes"]) == ["~reyes"]
    assert not _named("reyes campaign official") and _named("ann reyes")
    groups = article_groups(["Ann Reyes", "Reyes campaign official", "Reyes"])
    assert groups["Reyes"] == "Ann Reyes" and groups["Reyes campaign official"] == "Reyes campaign official"


def test_an_unnamed_phrase_is_not_found_by_the_name_inside_it():
    assert speaker_keys("aides to Reyes") == ["aides to reyes", "aides"]
    assert speaker_keys("spokesman for Mayor Tom H. Berg of Dayton")[1:] == ["spokesman"]
    assert speaker_keys("Ann Reyes") == ["ann reyes", "reyes"]
    assert speaker_keys("Reyes campaign official") == ["reyes campaign official", "official", "reyes official"]


def test_a_share_of_a_group_is_kept_whole():
    body = (
        "Ann Reyes spoke on Monday. And a full 79 percent of Democrats say they would be satisfied with Reyes "
        "as the nominee in November."
    )
    assert said(body) == [
        ("indirect", "a full 79 percent of Democrats", "they would be satisfied with Reyes as the nominee in November")
    ]
    body = "Ann Reyes spoke on Monday. A significant number of Democrats said they were fine with the vote."
    assert said(body) == [("indirect", "A significant number of Democrats", "they were fine with the vote")]


def test_an_adviser_to_both_of_a_family_is_not_one_of_them():
    body = (
        'Bill Reyes and Ann Reyes spoke on Monday. "We have a lot of work to do," said a longtime adviser to '
        "both Reyeses, who asked for anonymity."
    )
    assert said(body) == [("direct", "longtime adviser to both Reyeses", "We have a lot of work to do")]


def test_people_around_a_role_are_not_the_person_in_that_role():
    body = "Mayor Ann Reyes spoke on Monday. Aides to the mayor said the budget would pass."
    assert said(body) == [("indirect", "aides to the mayor", "the budget would pass")]
    body = "Mayor Ann Reyes spoke on Monday. The budget would pass, said people close to the mayor."
    assert said(body) == [("indirect", "people close to the mayor", "The budget would pass")]
    body = (
        "Mayor Ann Reyes spoke on Monday. The budget would pass, according to people familiar with the "
        "mayor's thinking."
    )
    assert said(body) == [("indirect", "people familiar with the mayor's thinking", "The budget would pass")]


def test_an_unnamed_adviser_of_a_body_is_not_the_body():
    body = (
        "Mayor Ann Reyes spoke on Monday. The Pentagon's recent top adviser on the budget went further, "
        "arguing the plan could make the deficit worse."
    )
    assert said(body) == [("indirect", "Pentagon's recent top adviser", "the plan could make the deficit worse")]


def test_an_unnamed_source_between_spaced_hyphens():
    body = (
        "Ann Reyes was a careful planner - a former speechwriter said she demanded detailed notes before every "
        "event - and her staff knew it."
    )
    assert said(body) == [
        ("indirect", "former speechwriter", "she demanded detailed notes before every event - and her staff knew it")
    ]


def test_a_writer_for_a_named_outlet_is_not_the_outlet():
    body = "Ann Reyes spoke on Monday. A columnist for the tech news site Pando wrote that he was ashamed of the deal."
    assert said(body) == [("indirect", "columnist for the tech news site Pando", "he was ashamed of the deal")]
    body = (
        'Ann Reyes spoke on Monday. "I am utterly ashamed of the deal," wrote a columnist for the tech news site Pando.'
    )
    assert said(body) == [("direct", "columnist for the tech news site Pando", "I am utterly ashamed of the deal")]


def test_an_executive_familiar_with_the_talks_is_not_resolved_to_a_named_executive():
    body = (
        "Bob Lane, the publisher's chief executive, spoke on Monday. But the publisher declined to renew the "
        "offer, according to a publishing executive familiar with the talks."
    )
    assert said(body) == [
        ("indirect", "publishing executive familiar with the talks", "But the publisher declined to renew the offer")
    ]


def test_a_phrase_is_never_cut_at_its_link_word():
    body = "Critics of costly farm programs maintain that the government could stop guaranteeing support prices."
    assert said(body) == [
        ("indirect", "critics of costly farm programs", "the government could stop guaranteeing support prices")
    ]
    body = "Andriessen said the accord improves the mood for what he said are bound to be tough talks on his proposals."
    assert [s for _, s, _ in said(body)] == ["Andriessen", "Andriessen"]
