"""Named speakers found but misread (issue 13, point 2): one regression test per rule.

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact (kind, speaker, cue, text) of every quotation found.
"""

from __future__ import annotations

from newsgrep.attribution.speakers import is_region
from tests.quote_util import quotes


def test_according_to_a_titled_name_reads_past_the_title_full_stop():
    body = "The harbor plan was never funded, according to Mr. Okafor."
    assert quotes(body) == [("indirect", "Okafor", "according to", "The harbor plan was never funded")]
    body = "The ferry will stop running in May, according to Rep. Dana Whitfield."
    assert quotes(body) == [("indirect", "Dana Whitfield", "according to", "The ferry will stop running in May")]


def test_the_place_of_an_opening_adverbial_is_not_the_speaker():
    body = (
        "At a town meeting in Keene, New Hampshire, on Friday, Gov. Lena Marsh defended the budget, "
        'saying that the cuts were "painful but fair."'
    )
    assert quotes(body) == [("partial", "Lena Marsh", "saying", "painful but fair.")]
    body = 'At a diner in Derry, N.H., Tom Okafor praised the mayor, calling her "a straight shooter."'
    assert quotes(body) == [("partial", "Tom Okafor", "calling", "a straight shooter.")]


def test_an_opening_time_phrase_is_not_the_speaker():
    body = 'But a few weeks later, Tom Okafor changed course again, telling a radio host that the tax "has to go."'
    assert quotes(body) == [("partial", "Tom Okafor", "telling", "has to go.")]


def test_a_clause_with_a_time_word_still_names_the_speaker():
    body = 'Tom Okafor hit back, saying the plan was "dead on arrival."'
    assert quotes(body) == [("partial", "Tom Okafor", "saying", "dead on arrival.")]


def test_regions():
    assert is_region(["Iowa"]) and is_region(["New", "Hampshire"]) and is_region(["N.H."]) and is_region(["Mass", "."])
    assert not is_region(["Trump"]) and not is_region(["the", "mayor"])


def test_a_name_in_apposition_after_an_inverted_role_is_the_speaker():
    body = '"We need more time," said the agency\'s director, Ruth K. Abernathy, on Tuesday.'
    assert quotes(body) == [("direct", "Ruth K. Abernathy", "said", "We need more time")]
    body = '"The bridge will hold," said another engineer, Tom Okafor. "It was built to last."'
    assert quotes(body) == [
        ("direct", "Tom Okafor", "said", "The bridge will hold"),
        ("direct", "Tom Okafor", None, "It was built to last."),
    ]
    body = '"It is over," said a spokesman, adding that the talks would resume.'
    assert quotes(body) == [
        ("direct", "spokesman", "said", "It is over"),
        ("indirect", "spokesman", "adding", "the talks would resume"),
    ]


def test_a_role_before_the_name_that_the_cue_reads_keeps_the_quotation_direct():
    body = '"We need more time," the agency\'s director, Ruth K. Abernathy, said.'
    assert quotes(body) == [("direct", "Ruth K. Abernathy", "said", "We need more time")]


def test_an_owner_in_apposition_is_not_the_speaker():
    body = "Dan Moreno, Whitfield's spokesman, said the count had been delayed on purpose."
    assert quotes(body) == [("indirect", "Dan Moreno", "said", "the count had been delayed on purpose")]
    body = "One pastor backing the mayor, Dan Moreno of Grace Church in Salem, said he had called 40 families."
    assert quotes(body) == [("indirect", "Dan Moreno", "said", "he had called 40 families")]


def test_a_quotation_that_ends_its_sentence_is_not_given_to_the_next_speaker():
    body = 'Tom Okafor said the mayor "broke her word." Ruth Abernathy called the council "a rubber stamp."'
    assert quotes(body) == [
        ("partial", "Tom Okafor", "said", "broke her word."),
        ("partial", "Ruth Abernathy", "called", 'the council "a rubber stamp."'),
    ]


def test_a_cue_with_a_colon_opens_the_next_quotation_not_the_one_before():
    body = (
        'Tom Okafor and his sister, Ada Okafor, waited at the gate. "We only want to work," Ms. Okafor said. '
        '"We are not afraid." Mr. Okafor said: "The river is our home."'
    )
    assert quotes(body) == [
        ("direct", "Ada Okafor", "said", "We only want to work"),
        ("direct", "Ada Okafor", None, "We are not afraid."),
        ("direct", "Tom Okafor", "said", "The river is our home."),
    ]


def test_a_participle_belongs_to_the_clause_a_conjunction_opened():
    body = "The council met at noon, but Ada Okafor left early, saying the vote had been rigged."
    assert quotes(body) == [("indirect", "Ada Okafor", "saying", "the vote had been rigged")]
    body = (
        "Ruth Abernathy signed the order on Monday, while Tom Okafor, the county judge, opposed it and said "
        "the state should pay for the bridge."
    )
    assert quotes(body) == [("indirect", "Tom Okafor", "said", "the state should pay for the bridge")]


def test_a_participle_after_a_subordinate_clause_belongs_to_the_main_clause():
    body = (
        'When Ruth Abernathy suggested that the river would flood, Tom Okafor shot back, saying the levee "will hold."'
    )
    assert quotes(body) == [
        ("indirect", "Ruth Abernathy", "suggested", "the river would flood"),
        ("partial", "Tom Okafor", "saying", 'the levee "will hold."'),
    ]
    body = "While most of the board asked for a delay, Tom Okafor voted yes, noting that the money was ready."
    assert quotes(body)[-1] == ("indirect", "Tom Okafor", "noting", "the money was ready")


def test_a_participle_after_a_pair_of_names_is_not_given_to_the_second():
    body = 'Tom Okafor and Ada Okafor met on Thursday, saying they were "very encouraged."'
    assert [q[1] for q in quotes(body)] == ["Tom Okafor"]


def test_a_name_before_asides_over_several_commas_is_the_speaker():
    body = (
        '"The levee will hold," Ruth Abernathy, deputy director for roads, bridges, and ports, said on the same call.'
    )
    assert quotes(body) == [("direct", "Ruth Abernathy", "said", "The levee will hold")]
    body = (
        "Tom Okafor, who lost his farm in the flood in Ames, Iowa, in June 2014, said that the county "
        "had ignored the warnings."
    )
    assert quotes(body) == [("indirect", "Tom Okafor", "said", "the county had ignored the warnings")]
    body = (
        "Judge Ada Okafor, the Ohio Democrat who chairs the Water Board, which runs the dams, said the "
        'repairs "cannot wait."'
    )
    assert quotes(body) == [("partial", "Ada Okafor", "said", 'the repairs "cannot wait."')]


def test_an_opening_adverbial_with_capitals_is_not_a_name_before_asides():
    body = "On Radio Four Tuesday, his sister, Ada, said that the farm would be sold."
    assert [q[1] for q in quotes(body)] == ["Ada"]


def test_a_role_in_apposition_to_a_name_opening_a_clause_gives_the_name():
    body = (
        "The mayor spoke first, while her main rival, Tom Okafor, gained ground by saying that the budget was a fraud."
    )
    assert quotes(body) == [("indirect", "Tom Okafor", "saying", "the budget was a fraud")]


def test_shot_back_and_fired_back_are_cues():
    body = 'When Ada Okafor asked about the dam, Tom Okafor shot back, "Ask the engineers. They built it."'
    assert quotes(body) == [("direct", "Tom Okafor", "shot back", "Ask the engineers. They built it.")]
    body = 'Ruth Abernathy fired back: "The money was never there."'
    assert quotes(body) == [("direct", "Ruth Abernathy", "fired back", "The money was never there.")]


def test_shot_back_with_a_clause_before_it_takes_no_content_from_that_clause():
    body = "When Ada Okafor asked about the dam, Tom Okafor shot back, saying the engineers had built it well."
    assert quotes(body) == [("indirect", "Tom Okafor", "saying", "the engineers had built it well")]
    body = 'Tom Okafor fired back angrily: "The money was never there."'
    assert quotes(body) == [("direct", "Tom Okafor", "fired back angrily", "The money was never there.")]


def test_a_dateline_in_ordinary_case_with_its_agency_is_not_the_speaker():
    body = 'Springfield (AFP) – Mayor Ada Okafor has criticised the plan, saying that "loud comments" do more harm than good.'
    assert quotes(body) == [("partial", "Ada Okafor", "saying", '"loud comments" do more harm than good')]


def test_a_party_tag_is_no_sentence_end_before_the_asides():
    body = "Sen. Tom Okafor, R-Fla., appearing on the radio right after the speech, said the plan would fail."
    assert quotes(body) == [("indirect", "Tom Okafor", "said", "the plan would fail")]


def test_a_name_in_apposition_may_carry_a_lower_case_title():
    body = (
        "But the other candidate on the stage, former Secretary of State Ada Okafor, drew a contrast, "
        "saying that the job losses were real."
    )
    assert quotes(body) == [("indirect", "Ada Okafor", "saying", "the job losses were real")]
    body = '"The bridge will reopen," said the other candidate, former Gov. Ada Okafor.'
    assert quotes(body) == [("direct", "Ada Okafor", "said", "The bridge will reopen")]
