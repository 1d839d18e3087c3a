"""Forms of reported speech the first readings missed or cut short (issue 13, point 1: recall).

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact quotations expected: kind, speaker, cue and text, and checks the offsets into the body.
"""

from __future__ import annotations

from quote_util import quotes

# --- a reported clause interrupted by its cue: both halves are one quotation ---------------------


def test_clause_interrupted_by_its_cue_is_one_quotation():
    body = "Mara Olsen, the mayor, spoke on Tuesday. The new bridge, she said, would cost far more than planned."
    assert quotes(body) == [
        ("indirect", "Mara Olsen", "said", "The new bridge, she said, would cost far more than planned")
    ]


def test_interrupted_clause_that_goes_on_with_that():
    body = "It is no accident, Mr. Pell argued, that the port towns voted for the levy."
    assert quotes(body) == [
        ("indirect", "Pell", "argued", "It is no accident, Mr. Pell argued, that the port towns voted for the levy")
    ]


def test_a_connective_before_the_cue_is_not_part_of_the_clause():
    body = "However, the minister continued, the talks would resume next week in the capital."
    assert quotes(body) == [("indirect", "minister", "continued", "the talks would resume next week in the capital")]


# --- a reported clause woven with quoted words: the clause, not its pieces ---------------------------


def test_clause_woven_with_two_quotations_is_one_partial_quotation():
    body = 'Governor Ana Reyes said that the levy has won over "a lot of farmers" who "never voted before."'
    assert quotes(body) == [
        ("partial", "Ana Reyes", "said", 'the levy has won over "a lot of farmers" who "never voted before."')
    ]


def test_one_quotation_that_is_most_of_the_clause_stays_the_quotation():
    body = 'Governor Ana Reyes said the levy was "a gift to the largest farms in the valley."'
    assert quotes(body) == [("partial", "Ana Reyes", "said", "a gift to the largest farms in the valley.")]


# --- participles with no comma before them ---------------------------------------------------------


def test_participle_coordinated_with_and():
    body = "Mayor Ann Poe dodged the question, pointing to her record on the council and saying that busy mayors are overrated."
    assert quotes(body) == [("indirect", "Ann Poe", "saying", "busy mayors are overrated")]


def test_participle_after_with_and_a_named_speaker():
    body = "The storm hit the coast, with Governor Ann Poe telling reporters on Thursday she viewed the levee as a failure."
    assert quotes(body) == [("indirect", "Ann Poe", "telling", "she viewed the levee as a failure")]


def test_participle_after_with_and_a_poll_share():
    body = "The mayor has gained ground, with 30 percent of voters saying they have a positive view of her."
    assert quotes(body) == [("indirect", "30 percent of voters", "saying", "they have a positive view of her")]


def test_participle_clause_that_opens_the_sentence_speaks_for_the_subject_after_it():
    body = "Mayor Ann Poe spoke last. After saying she was nervous about the vote, the mayor thanked the crowd."
    assert quotes(body) == [("indirect", "Ann Poe", "saying", "she was nervous about the vote")]


def test_participle_aside_with_an_adverb_ends_at_its_comma():
    body = "Ann Poe, after initially saying she would not run for the seat, filed her papers this week."
    assert quotes(body) == [("indirect", "Ann Poe", "saying", "she would not run for the seat")]


def test_with_and_a_participle_that_names_no_speaker_reports_nothing():
    assert quotes("The crowd left early, with the rain falling and the wind saying nothing at all.") == []


# --- a quoted title between the cue and "that" ------------------------------------------------------


def test_quoted_programme_title_between_the_cue_and_that():
    body = 'Mayor Ann Poe said on the "Morning Harbour Show" that the new ferry would "pay for itself" in a decade.'
    assert quotes(body) == [("partial", "Ann Poe", "said", 'the new ferry would "pay for itself" in a decade')]


def test_interrupted_clause_runs_on_past_a_later_cue_inside_it():
    body = "On Monday, the port authority said, it announced a plan to dredge the harbour."
    assert quotes(body) == [
        (
            "indirect",
            "port authority",
            "said",
            "On Monday, the port authority said, it announced a plan to dredge the harbour",
        )
    ]


def test_a_main_verb_with_a_long_tail_is_no_aside():
    body = "Earlier this week, the ministers finally agreed after two days of talks on the details of the accord, now signed."
    assert [q[3] for q in quotes(body)] != [body[:-1]]


def test_two_quotations_with_a_cue_between_them_are_not_one_clause():
    body = 'Ann Poe said the levy is "plainly unfair." She added there is "nothing in it for the small farms."'
    assert quotes(body) == [
        ("partial", "Ann Poe", "said", "plainly unfair."),
        ("partial", "Ann Poe", "added", "nothing in it for the small farms."),
    ]


# --- infinitives -----------------------------------------------------------------------------------


def test_went_on_to_say():
    body = "Mayor Ann Poe spoke at the dock. She went on to say the ferry would run all winter."
    assert quotes(body) == [("indirect", "Ann Poe", "say", "the ferry would run all winter")]


def test_an_infinitive_after_an_expectation_is_said():
    body = "Senator Ann Poe faces a hard race. Poe is expected to argue that the mill closures were avoidable."
    assert quotes(body) == [("indirect", "Ann Poe", "argue", "the mill closures were avoidable")]


def test_an_infinitive_after_a_refusal_says_nothing():
    assert quotes("Mayor Ann Poe declined to say whether the ferry would run in winter.") == []
    assert quotes("Mayor Ann Poe refused again this week to say the ferry would run in winter.") == []


# --- questions --------------------------------------------------------------------------------------


def test_passive_asked_by_names_who_asked():
    body = 'Mayor Ann Poe spoke at the dock. When asked by a reporter whether the ferry would run in winter, Poe said, "Ask me in May."'
    assert quotes(body) == [
        ("indirect", "reporter", "asked", "whether the ferry would run in winter"),
        ("direct", "Ann Poe", "said", "Ask me in May."),
    ]
    body = "When asked by Tom Hale on Monday if the ferry would run, the mayor smiled."
    assert quotes(body) == [("indirect", "Tom Hale", "asked", "if the ferry would run")]


# --- what was tweeted, recalled or noted: a noun phrase ---------------------------------------------


def test_noun_phrase_after_tweeted_and_noted():
    body = "Mayor Ann Poe tweeted her thanks to the volunteers who cleared the harbour."
    assert quotes(body) == [("indirect", "Ann Poe", "tweeted", "her thanks to the volunteers who cleared the harbour")]
    body = "Mayor Ann Poe noted the sharp rise in ferry fares over the winter."
    assert quotes(body) == [("indirect", "Ann Poe", "noted", "the sharp rise in ferry fares over the winter")]


def test_what_was_recalled_is_not_what_was_said():
    assert quotes("The mayor also recalled the words of a former governor, who built the first pier.") == []


def test_a_posted_photo_is_not_a_quotation():
    assert quotes("Mayor Ann Poe posted a photo of the new ferry on her page.") == []


# --- what was asked: "asked X about Y", "asked X which ..." ---------------------------------------


def test_asked_a_named_person_about_something():
    body = "The talk show host Nils Berg asked Pell about remarks he had made the night before."
    assert quotes(body) == [("indirect", "Nils Berg", "asked", "about remarks he had made the night before")]
    body = "Nils Berg asked him on Monday about the closing of the eastern dock."
    assert quotes(body) == [("indirect", "Nils Berg", "asked", "about the closing of the eastern dock")]


def test_asked_about_with_no_object_before_it_is_not_a_question_put():
    assert quotes("Nils Berg asked about the weather.") == []


def test_asked_which():
    body = "Nils Berg then asked Pell which harbours he could still win."
    assert quotes(body) == [("indirect", "Nils Berg", "asked", "which harbours he could still win")]


# --- a sentence opened by "Asked by X ...": X asked, and the question runs to the comma --------------


def test_sentence_opened_by_asked_by_whether():
    body = "Asked by Nils Berg whether she had drafted the plan herself, the mayor said she had."
    assert quotes(body) == [("indirect", "Nils Berg", "Asked", "whether she had drafted the plan herself")]


def test_asked_by_to_and_about():
    body = 'Asked by Nils Berg to answer the critics, Pell said, "They are wrong about the dock."'
    assert quotes(body) == [
        ("indirect", "Nils Berg", "Asked", "to answer the critics"),
        ("direct", "Pell", "said", "They are wrong about the dock."),
    ]
    body = "When asked by Nils Berg on Monday about the ferry, the mayor smiled."
    assert quotes(body) == [("indirect", "Nils Berg", "asked", "about the ferry")]


def test_asked_with_no_asker_named_is_not_a_cue():
    assert quotes("Asked to leave, the crowd went home.") == []


# --- a bare clause opened by a figure or a share: "said 2019 has been", "said much of the ..." ------


def test_bare_clause_opened_by_a_figure():
    body = "Ann Poe said 2019 has seen the lowest harbour traffic on record."
    assert quotes(body) == [("indirect", "Ann Poe", "said", "2019 has seen the lowest harbour traffic on record")]
    body = "Ann Poe says 3,000 to 5,000 of the jobs could be lost."
    assert quotes(body) == [("indirect", "Ann Poe", "says", "3,000 to 5,000 of the jobs could be lost")]


def test_bare_clause_opened_by_a_share():
    body = "Ann Poe said much of her talk with the governor was about the dock."
    assert quotes(body) == [("indirect", "Ann Poe", "said", "much of her talk with the governor was about the dock")]
    body = "Ann Poe said more than 200 families had left the island."
    assert quotes(body) == [("indirect", "Ann Poe", "said", "more than 200 families had left the island")]


def test_a_figure_or_a_share_with_no_verb_is_not_a_clause():
    assert quotes("Ann Poe said 20 words to the crowd.") == []
    assert quotes("Ann Poe said much about the plan on Monday.") == []


# --- "told ABC's "Good Morning America" on Monday <clause>": the programme's title is skipped ---------


def test_told_a_programme_by_its_title_then_a_bare_clause():
    body = 'Ann Poe told WXT\'s "Harbour Hour" on Monday the ferry talks were cordial.'
    assert quotes(body) == [("indirect", "Ann Poe", "told", "the ferry talks were cordial")]
    body = "Ann Poe told WXT’s “Harbour Hour” the ferry talks were cordial."
    assert quotes(body) == [("indirect", "Ann Poe", "told", "the ferry talks were cordial")]


def test_a_quotation_after_told_is_not_a_title():
    body = 'Ann Poe told WXT "the talks were cordial" and the crowd was pleased.'
    assert quotes(body) == [("partial", "Ann Poe", "told", "the talks were cordial")]


# --- "early", "yearly", "daily" are adjectives in a speaker phrase, not adverbs ----------------------


def test_speaker_phrase_with_an_ly_adjective():
    body = "Ann Poe has been named the island's best mayor, according to a yearly harbour poll."
    assert quotes(body) == [
        ("indirect", "yearly harbour poll", "according to", "Ann Poe has been named the island's best mayor")
    ]
    body = "According to early results of exit polls, nearly half of the voters in Ohio were women."
    assert quotes(body) == [
        ("indirect", "early results of exit polls", "According to", "nearly half of the voters in Ohio were women")
    ]


def test_speaker_phrase_ending_in_an_ly_noun():
    body = "Ann Poe has won 75 seats, according to a WXT tally, but the count goes on."
    assert quotes(body) == [("indirect", "WXT tally", "according to", "Ann Poe has won 75 seats")]
    body = "Ann Poe would back the ferry plan, a Poe ally suggested."
    assert quotes(body) == [("indirect", "Poe ally", "suggested", "Ann Poe would back the ferry plan")]


def test_a_real_adverb_still_ends_a_speaker_phrase():
    assert quotes("The ferry left, according to reports quickly denied.") == []
    assert quotes("The harbour board early this week also announced that it had sold the dock.") == []


def test_a_capitalised_ly_word_inside_the_phrase_and_a_share_opened_by_an_adverb():
    body = "The ferry left, according to officials in Italy."
    assert quotes(body) == [("indirect", "officials in Italy", "according to", "The ferry left")]
    body = "Nearly eight in 10 ferry riders say they would pay more."
    assert quotes(body) == [("indirect", "Nearly eight in 10 ferry riders", "say", "they would pay more")]
