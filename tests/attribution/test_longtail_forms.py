"""Reported speech in the long tail of news prose (issue 13, attribution recall).

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact quotations expected: kind, speaker, cue and text, and checks the offsets into the body.
"""

from __future__ import annotations

from quote_util import quotes

# --- the speaker phrase after the clause -----------------------------------------------------------------


def test_lower_case_modifier_before_a_group_after_the_clause():
    body = "The levy would be repealed before the spring, veteran Democrats said."
    assert quotes(body) == [("indirect", "veteran Democrats", "said", "The levy would be repealed before the spring")]


def test_paired_modifiers_before_a_group_after_the_clause():
    body = "Inspectors want to question the mayor about the contracts, current and former officials said."
    assert quotes(body) == [
        (
            "indirect",
            "current and former officials",
            "said",
            "Inspectors want to question the mayor about the contracts",
        )
    ]


def test_article_and_adjective_before_an_organisation_after_the_clause():
    body = "Port fees will double next year, the independent Harbour Revenue Office reported on Monday -- a blow to shippers."
    assert quotes(body) == [
        ("indirect", "independent Harbour Revenue Office", "reported", "Port fees will double next year")
    ]


# --- the words between the cue and its clause ------------------------------------------------------------


def test_aside_between_dashes_before_that():
    body = "Lena Voss said — on her blog, as it turned out — that the festival had sold out in an hour."
    assert quotes(body) == [("indirect", "Lena Voss", "said", "the festival had sold out in an hour")]


def test_dash_ends_a_prepositional_gap():
    body = "The council was closed, Piet Roos said on Friday -- a decision that angered the bakers."
    assert quotes(body) == [("indirect", "Piet Roos", "said", "The council was closed")]


def test_bare_clause_whose_verb_comes_late():
    body = "Tom Brandt argued the council's scheme to pay off the harbour loan by selling the old docks would backfire."
    assert quotes(body) == [
        (
            "indirect",
            "Tom Brandt",
            "argued",
            "the council's scheme to pay off the harbour loan by selling the old docks would backfire",
        )
    ]


def test_late_verb_not_read_across_a_conjunction():
    body = "Tom Brandt argued the case before the county court in Leeds last spring and would do so again."
    assert quotes(body) == []


# --- the speaker elsewhere in the sentence ---------------------------------------------------------------


def test_role_subject_of_a_coordinated_cue_as_written():
    body = "The spokeswoman would not discuss the timetable but said no vote was planned before May."
    assert quotes(body) == [("indirect", "spokeswoman", "said", "no vote was planned before May")]


def test_participle_after_a_comma_and_an_adverb():
    body = "Rosa Lind resisted the merger for years, eventually saying it would ruin the cooperative."
    assert quotes(body) == [("indirect", "Rosa Lind", "saying", "it would ruin the cooperative")]


def test_participle_that_opens_the_sentence():
    body = "Noting that ferry traffic had halved since March, Rosa Lind said the port needed a new operator."
    assert quotes(body) == [
        ("indirect", "Rosa Lind", "noting", "ferry traffic had halved since March"),
        ("indirect", "Rosa Lind", "said", "the port needed a new operator"),
    ]


def test_having_and_a_past_participle_open_the_sentence():
    body = "Having announced that she would not run again, Mayor Rosa Lind thanked the volunteers."
    assert quotes(body) == [("indirect", "Rosa Lind", "announced", "she would not run again")]


def test_since_and_a_participle_open_the_sentence():
    body = "Since announcing in May that he would retire, Tom Brandt has toured every branch."
    assert quotes(body) == [("indirect", "Tom Brandt", "announcing", "he would retire")]


def test_capitalised_participle_inside_a_heading_is_no_cue():
    body = "The Mayor Saying Yes To Ferries Again."
    assert quotes(body) == []


def test_document_and_a_day_before_the_participle():
    body = "The Lind campaign sent a fundraising email Wednesday saying that the count shows a two-way race."
    assert quotes(body) == [("indirect", "Lind campaign", "saying", "the count shows a two-way race")]
    body = "The attorney general filed a lawsuit in 2013 alleging that the academy had misled its students."
    assert quotes(body) == [("indirect", "attorney general", "alleging", "the academy had misled its students")]


# --- the speaker phrase around a direct quotation ------------------------------------------------------


def test_relative_clause_after_an_unnamed_speaker():
    body = '"We came for work and found none," said one bakery owner who asked not to be named.'
    assert quotes(body) == [("direct", "bakery owner", "said", "We came for work and found none")]


def test_surname_before_a_long_aside_after_a_quotation():
    body = (
        '"The harbour will be ready by June," Brandt, the council leader since 2019 and the longest serving '
        "member of the port board by a wide margin after the last election, said when asked about the delay."
    )
    assert quotes(body) == [("direct", "Brandt", "said", "The harbour will be ready by June")]


def test_relative_clause_after_an_inverted_speaker_of_a_reported_clause():
    body = "The navy could close the strait within days, said a senior official who was briefed on the plans."
    assert quotes(body) == [("indirect", "senior official", "said", "The navy could close the strait within days")]


def test_adverb_of_frequency_between_auxiliary_and_cue():
    body = "The figures shifted over the winter, as Brandt has sometimes acknowledged."
    assert quotes(body) == [("indirect", "Brandt", "acknowledged", "The figures shifted over the winter")]


def test_infinitive_of_speech_after_a_cue_speaks_for_its_subject():
    body = "Tom Brandt posted on Friday to say he had never backed the toll."
    assert quotes(body) == [("indirect", "Tom Brandt", "say", "he had never backed the toll")]


def test_point_out_at_the_end_of_a_clause():
    body = "Cutting the ferry service also carries risks, as harbour workers point out."
    assert quotes(body) == [
        ("indirect", "harbour workers", "point out", "Cutting the ferry service also carries risks")
    ]


def test_day_with_a_possessive_opens_the_clause():
    body = "Rosa Lind said Tuesday's hearing had changed her mind about the toll."
    assert quotes(body) == [("indirect", "Rosa Lind", "said", "Tuesday's hearing had changed her mind about the toll")]


def test_approximate_share_opens_a_bare_clause():
    body = "The Harbour Board said about half of the overrun in its latest estimates came from delays."
    assert quotes(body) == [
        ("indirect", "Harbour Board", "said", "about half of the overrun in its latest estimates came from delays")
    ]


def test_ing_noun_opens_the_clause_after_a_cue():
    body = "Although Hale gave no figures, Senator Rosa Lind says polling experts expect a narrow race."
    assert quotes(body) == [("indirect", "Rosa Lind", "says", "polling experts expect a narrow race")]


def test_spaced_hyphens_around_an_aside_before_that():
    body = "In her speech, Ms. Lind argued emphatically - naming Mr. Brandt six times - that the tolls had failed."
    assert quotes(body) == [("indirect", "Lind", "argued", "the tolls had failed")]


def test_aside_between_dashes_before_the_cue():
    body = "Leaving the race, Mr. Brandt - in a line aimed at Ms. Lind - declared that a mayor must serve every ward."
    assert quotes(body) == [("indirect", "Brandt", "declared", "a mayor must serve every ward")]


def test_role_read_as_written_stops_at_a_dash():
    body = "The harbour master — a veteran who rarely speaks to the press — said the quay would reopen in May."
    assert quotes(body) == [("indirect", "harbour master", "said", "the quay would reopen in May")]


def test_promised_with_a_bare_clause():
    body = "Rosa Lind promised her whole transit plan would be paid for by a new levy on parking."
    assert quotes(body) == [
        ("indirect", "Rosa Lind", "promised", "her whole transit plan would be paid for by a new levy on parking")
    ]
    assert quotes("Rosa Lind promised voters a new bridge.") == []


def test_apposition_after_an_inverted_name_is_no_clause():
    body = (
        "In a city of careful planners, it is rare for such an error to reach the final budget, said Ivo Brandt, "
        "another veteran clerk who worked for three mayors."
    )
    assert quotes(body) == [
        (
            "indirect",
            "Ivo Brandt",
            "said",
            "In a city of careful planners, it is rare for such an error to reach the final budget",
        )
    ]


def test_late_and_a_day_after_a_cue_that_ends_the_sentence():
    body = "The mayor was told by her predecessor to use a private account, the Gazette reported late Thursday."
    assert quotes(body) == [
        ("indirect", "Gazette", "reported", "The mayor was told by her predecessor to use a private account")
    ]
