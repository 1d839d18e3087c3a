"""Leftover cue forms of PolNeAR train (issue 13), on sentences written for these tests."""

from __future__ import annotations

from tests.quote_util import quotes


def test_contracted_verb_opens_a_bare_clause():
    # "suggested" takes a bare clause only when it shows a finite verb: "she'll" is one
    assert quotes("Jane Doe, in her remarks, suggested she'll ask her brother for advice on trade.") == [
        ("indirect", "Jane Doe", "suggested", "she'll ask her brother for advice on trade")
    ]
    assert quotes("Several county leaders suggested he’d be competitive in at least two districts.") == [
        ("indirect", "county leaders", "suggested", "he’d be competitive in at least two districts")
    ]


def test_contracted_verb_after_a_clause_participle():
    assert quotes("Most senators backed the bill, while emphasizing it's not a blank check for the agency.") == [
        ("indirect", "Most senators", "emphasizing", "it's not a blank check for the agency")
    ]


def test_possessive_is_not_a_contracted_verb():
    # "Trump's plan" is a noun phrase, not a clause: "announced" still needs a verb in sight
    assert quotes("The mayor suggested Lee's plan for the river.") == []


def test_unquoted_clause_after_a_cue_and_a_colon():
    assert quotes("Hewitt writes: The film mentions neither the mayor nor the governor by name.") == [
        ("indirect", "Hewitt", "writes", "The film mentions neither the mayor nor the governor by name")
    ]
    assert quotes("A reporter asked: Did they talk about the plan to close the plant next year?") == [
        ("indirect", "reporter", "asked", "Did they talk about the plan to close the plant next year?")
    ]


def test_quotation_after_a_colon_stays_direct():
    assert quotes('Ann Poe said: "We will win this race in the fall."') == [
        ("direct", "Ann Poe", "said", "We will win this race in the fall.")
    ]


def test_unnamed_source_after_the_cue_with_a_postmodifier():
    assert quotes("The plan is dead and will not return, said an official familiar with the talks.") == [
        ("indirect", "official familiar with the talks", "said", "The plan is dead and will not return")
    ]
    assert quotes("The plan is dead, said one person with knowledge of the talks.") == [
        ("indirect", "one person with knowledge of the talks", "said", "The plan is dead")
    ]
    assert quotes("The plan is dead, said one official with direct knowledge of the talks on Monday.") == [
        ("indirect", "one official with direct knowledge of the talks", "said", "The plan is dead")
    ]
