"""Finding reported speech that the cue's own speaker reading misses (issue 13, point 1: recall).

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact quotations expected: kind, speaker, cue and text, and checks the offsets into the body.
"""

from __future__ import annotations

from quote_util import quotes

# --- the subject of the clause, when the cue has no speaker phrase of its own --------------------


def test_participle_after_an_opening_subordinate_clause():
    body = (
        "Harold Finch runs the port authority. Although the strike is over, Finch wrote a long memo to the "
        "board on Friday, warning that the backlog would last until March."
    )
    assert quotes(body) == [("indirect", "Harold Finch", "warning", "the backlog would last until March")]


def test_participle_after_an_opening_prepositional_phrase():
    body = (
        "Senator Mara Olsen heard the case. In two separate hearings, the senator pushed back on the county, "
        "saying the fees had never been approved."
    )
    assert quotes(body) == [("indirect", "Mara Olsen", "saying", "the fees had never been approved")]


def test_participle_whose_subject_names_no_one_is_kept_as_written():
    body = "The inspectors declined to release the full report, saying the findings were still under review."
    assert quotes(body) == [("indirect", "inspectors", "saying", "the findings were still under review")]


def test_coordinated_verb_after_a_dateline_with_a_news_agency():
    body = (
        "TRENTON, N.J. (Reuters) - Governor Paul Ramos toured the flooded towns on Monday and said the state "
        "would pay for the repairs."
    )
    assert quotes(body) == [("indirect", "Paul Ramos", "said", "the state would pay for the repairs")]


def test_quantified_and_participial_subjects():
    body = "By a wide margin, those polled said the new stadium was a waste of money."
    assert quotes(body) == [("indirect", "those polled", "said", "the new stadium was a waste of money")]
    body = "Many in the audience said the speech had gone on far too long."
    assert quotes(body) == [("indirect", "Many in the audience", "said", "the speech had gone on far too long")]


def test_no_subject_reading_for_a_denial():
    assert quotes("The ministers would not say whether the border would reopen.") == []


# --- the speaker phrase before the cue -----------------------------------------------------------


def test_relative_who_after_a_preposition():
    body = "It was a hard week for Mayor Ellen Ward, who said the budget would have to be cut again."
    assert quotes(body) == [("indirect", "Ellen Ward", "said", "the budget would have to be cut again")]


def test_party_tag_in_parentheses_before_the_cue():
    body = "At a town hall in Dover on Monday Sen. Carla Mendez (D-Del.) said the bill would not pass this year."
    assert quotes(body) == [("indirect", "Carla Mendez", "said", "the bill would not pass this year")]


# --- cues: participles, "reads", "put it", and verbs whose object is what was said ---------------


def test_participles_of_pleas_questions_and_descriptions():
    body = "The mayor met the union leaders on Friday, urging them to accept the new contract before the deadline."
    assert quotes(body) == [("indirect", "mayor", "urging", "them to accept the new contract before the deadline")]
    body = "Senator Ruth Hale spoke for an hour, asking whether the agency had ever audited the program."
    assert quotes(body) == [("indirect", "Ruth Hale", "asking", "whether the agency had ever audited the program")]
    body = "The governor opened the session, describing the budget as the toughest in a decade."
    assert quotes(body) == [("indirect", "governor", "describing", "the budget as the toughest in a decade")]


def test_a_text_that_reads_and_a_speaker_who_put_it():
    body = 'The sign on the door reads: "Closed until further notice by order of the board."'
    assert quotes(body) == [
        ("direct", "sign on the door", "reads", "Closed until further notice by order of the board.")
    ]
    body = 'As the coach put it: "We lost to a better team today, and that is all there is to say."'
    assert quotes(body) == [
        ("direct", "coach", "put it", "We lost to a better team today, and that is all there is to say.")
    ]
    assert quotes("She read the report twice before the meeting and put it on the table.") == []


def test_a_noun_phrase_that_was_announced_or_confirmed():
    body = "The ministry announced a new round of talks with the rebels in the capital."
    assert quotes(body) == [
        ("indirect", "ministry", "announced", "a new round of talks with the rebels in the capital")
    ]
    body = "Officials said the water was safe. The ministry confirmed the results of the tests on Monday, and left."
    assert quotes(body) == [
        ("indirect", "officials", "said", "the water was safe"),
        ("indirect", "ministry", "confirmed", "the results of the tests on Monday"),
    ]
    assert quotes("The ministry announced it.") == []
    assert quotes("The ministry announced a ban.") == []  # under four words: not a statement


def test_as_clauses_before_and_after_what_was_said():
    body = "But at the time, as the prosecutor put it, there was not much to complain about in the case."
    assert quotes(body) == [("indirect", "prosecutor", "put it", "there was not much to complain about in the case")]
    body = "The city has run out of money, as the mayor acknowledged in a letter to the council."
    assert quotes(body) == [("indirect", "mayor", "acknowledged", "The city has run out of money")]


def test_bare_clause_after_plural_and_rejoinder_verbs():
    body = "Her supporters insist the count was flawed from the start."
    assert quotes(body) == [("indirect", "supporters", "insist", "the count was flawed from the start")]
    body = "Tom Kessler countered he would run as an independent if he lost."
    assert quotes(body) == [("indirect", "Tom Kessler", "countered", "he would run as an independent if he lost")]
    assert quotes("Critics argue the new rules.") == []  # no clause follows: nothing reported


def test_relative_who_without_a_comma():
    body = "The council heard from analysts who said the bridge was no longer safe."
    assert quotes(body) == [("indirect", "analysts", "said", "the bridge was no longer safe")]


def test_a_reported_clause_that_opens_with_quoted_words():
    body = "Tom Kessler said “it breaks my heart” every time he drives past the old mill."
    assert quotes(body) == [
        ("partial", "Tom Kessler", "said", "“it breaks my heart” every time he drives past the old mill")
    ]
    body = 'Tom Kessler said "no," and walked out of the hearing without another word.'
    assert quotes(body) == [("partial", "Tom Kessler", "said", "no")]  # not "no, and walked out ..."


def test_subject_with_a_relative_clause_an_aside_or_a_dash():
    body = "Though doctors who have seen the tests say he is recovering well, the hospital gave no details."
    assert quotes(body) == [("indirect", "doctors", "say", "he is recovering well")]
    body = "Even so, officials in two counties — Lake and Pine — said the count would be finished by Friday."
    assert quotes(body) == [("indirect", "officials in two counties", "said", "the count would be finished by Friday")]
    body = "The nurse from Dayton, a registered Democrat who asked not to be named, said she had waited three hours."
    assert quotes(body) == [("indirect", "nurse from Dayton", "said", "she had waited three hours")]


def test_progressive_speech_verbs():
    body = "Governor Paul Ramos is predicting that the state will finish the year with a surplus."
    assert quotes(body) == [("indirect", "Paul Ramos", "predicting", "the state will finish the year with a surplus")]
    body = "Tom Kessler, who is enjoying his retirement, is saying he will not run again."
    assert quotes(body) == [("indirect", "Tom Kessler", "saying", "he will not run again")]
    assert quotes("He was told that the meeting was cancelled.") == []  # a passive: he heard it


def test_a_document_saying_is_its_authors():
    body = "Later, the Ramos campaign released a statement saying it was cancelling the rally in Dover."
    assert quotes(body) == [("indirect", "Ramos campaign", "saying", "it was cancelling the rally in Dover")]


def test_claims_with_a_bare_clause_but_not_the_noun():
    body = "The developer claims the tower is the tallest in the state."
    assert quotes(body) == [("indirect", "developer", "claims", "the tower is the tallest in the state")]
    body = "Officials pushed back against claims by the developer that the tower was safe."
    assert quotes(body) == []


def test_the_cue_gate_leaves_out_words_inside_lookaheads():
    from newsgrep.attribution.cues import _gate, _without_lookarounds

    assert _without_lookarounds(r"says|put\s+it(?=,|\s+(?:this|that)\s+way)|told") == r"says|put\s+it|told"
    assert _gate(r"says|put\s+it(?=,|\s+(?:this|that)\s+way)") == "(?=A[cs]|I[n]|a[cs]|i[n]|p[u]|q[u]|s[a])"


def test_unnamed_speaker_after_a_quotation_kept_as_written():
    body = '"If the turnout holds, we will carry the county," said one well-connected Democrat familiar with the race.'
    assert quotes(body) == [
        (
            "direct",
            "one well-connected Democrat familiar with the race",
            "said",
            "If the turnout holds, we will carry the county",
        )
    ]
    body = '"The council has failed the town," reads a Sunday editorial in the local paper.'
    assert quotes(body) == [("direct", "Sunday editorial", "reads", "The council has failed the town")]
    assert quotes("She reads a book every week, and he writes every day.") == []


def test_told_and_said_with_longer_gaps_before_the_clause():
    body = "One delegate from the north, Dana Whitlock, told the Herald she was leaning toward the governor."
    assert quotes(body) == [("indirect", "Dana Whitlock", "told", "she was leaning toward the governor")]
    body = "The plan will be ready by March, Foreign Minister Ivan Petrov told a Senate panel Wednesday."
    assert quotes(body) == [("indirect", "Ivan Petrov", "told", "The plan will be ready by March")]
    body = "Ruth Hale has said for weeks she is the only candidate who can win the district."
    assert quotes(body) == [("indirect", "Ruth Hale", "said", "she is the only candidate who can win the district")]
    body = "Paul Ramos told a packed hall at a hotel in the old port that he would not give up."
    assert quotes(body) == [("indirect", "Paul Ramos", "told", "he would not give up")]
    body = "Regardless, the ministry said it found no trace of the missing files."
    assert quotes(body) == [("indirect", "ministry", "said", "it found no trace of the missing files")]


def test_participles_that_take_a_clause_after_an_adverbial():
    body = "Governor Paul Ramos joined the debate, announcing on Wednesday he would veto the bill."
    assert quotes(body) == [("indirect", "Paul Ramos", "announcing", "he would veto the bill")]
    body = "The governor spoke twice, remarking that the budget was balanced."
    assert quotes(body) == [("indirect", "governor", "remarking", "the budget was balanced")]
    assert quotes("The mayor closed the meeting, announcing the new budget.") == []


# --- 'called X "Y"': the name given in marks, with who or what got it ------------------------------


def test_called_someone_a_quoted_name_with_a_short_object():
    body = (
        'Rosa Delgado chairs the council. In a radio interview, Delgado called Brennan "the worst treasurer in years."'
    )
    assert quotes(body) == [
        ("partial", "Rosa Delgado", "called", 'Brennan "the worst treasurer in years."'),
    ]
    body = "Rosa Delgado chairs the council. She called his budget ''reckless.'' The vote is on Friday."
    assert quotes(body) == [("partial", "Rosa Delgado", "called", "his budget ''reckless.''")]


def test_called_a_quoted_name_with_nothing_named_before_it_is_not_speech():
    body = 'Rosa Delgado chairs the council. She founded a group called "Friends of the Old Mill Park" in 1990.'
    assert quotes(body) == []
    body = 'Rosa Delgado chairs the council. She called for "a full audit of the budget" on Monday.'
    assert quotes(body) == []


# --- "told <anyone> <pronoun> <verb>": an audience the told-object list does not know -------------


def test_told_an_audience_then_a_pronoun_clause():
    body = "Ada Moss ran for mayor twice. Moss told her volunteers they would win the next one."
    assert quotes(body) == [("indirect", "Ada Moss", "told", "they would win the next one")]
    body = "Ada Moss ran for mayor twice. She made peace on Friday, telling Kemp he had run a fair race."
    assert quotes(body) == [("indirect", "Ada Moss", "telling", "he had run a fair race")]


def test_told_a_story_or_a_clause_with_no_verb_is_not_speech():
    body = "Ada Moss ran for mayor twice. Moss told a long story as she walked to the car."
    assert quotes(body) == []
    body = "Ada Moss ran for mayor twice. Moss told the story she liked best."
    assert quotes(body) == []


# --- a share of those polled as the subject --------------------------------------------------------


def test_a_poll_share_is_the_speaker_as_written():
    body = "The survey was taken in June. About 3 in 10 say the new bridge should never have been built."
    assert quotes(body) == [("indirect", "About 3 in 10", "say", "the new bridge should never have been built")]
    body = "The survey was taken in June. In Dover, nearly half of the renters said they would move if rents rose."
    assert quotes(body) == [
        ("indirect", "nearly half of the renters", "said", "they would move if rents rose"),
    ]


def test_a_share_inside_the_reported_clause_is_not_a_speaker():
    body = "The survey was taken in June. Fares rose 4 percent, the transit authority said."
    assert quotes(body) == [("indirect", "transit authority", "said", "Fares rose 4 percent")]


# --- "asked <a longer object> whether/if ..." -------------------------------------------------------


def test_asked_a_long_object_whether():
    body = (
        "Lena Ortiz chairs the water board. Ortiz asked the state's chief water engineer at a hearing on Monday "
        "whether the dam would hold."
    )
    assert quotes(body) == [("indirect", "Lena Ortiz", "asked", "whether the dam would hold")]


def test_asked_for_something_with_an_if_later_is_a_request():
    body = (
        "Lena Ortiz chairs the water board. Ortiz asked for sandbags from the county and the state if the river rose."
    )
    assert quotes(body) == []
