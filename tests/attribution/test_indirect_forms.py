"""Indirect speech in forms news uses often (issue 13): the cue, the clause and the speaker.

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact quotations expected: kind, speaker, cue and text, and checks the offsets into the body.
"""

from __future__ import annotations

from quote_util import quotes

# --- words between the cue and "that" -----------------------------------------------------------------


def test_time_adverbial_with_late_or_early_before_that():
    body = "Governor Ana Reyes said late Tuesday that the bridge would reopen in March."
    assert quotes(body) == [("indirect", "Ana Reyes", "said", "the bridge would reopen in March")]
    body = "The port authority announced early Friday that two ferries had been withdrawn from service."
    assert quotes(body) == [("indirect", "port authority", "announced", "two ferries had been withdrawn from service")]


def test_bare_clause_opened_by_it_and_an_adverb():
    body = "In reply, the airline said it regularly inspected every engine before each flight."
    assert quotes(body) == [("indirect", "airline", "said", "it regularly inspected every engine before each flight")]


# --- speech verbs that take a that-clause --------------------------------------------------------------


def test_repeated_and_reiterates_that():
    body = "Trade minister Piet Roos repeated that the tariffs would stay in place until June."
    assert quotes(body) == [("indirect", "Piet Roos", "repeated", "the tariffs would stay in place until June")]
    body = "The harbour master reiterates that no vessel may enter the bay after dark."
    assert quotes(body) == [("indirect", "harbour master", "reiterates", "no vessel may enter the bay after dark")]


def test_responds_and_point_out_that():
    body = "Senator Lena Voss responds that the plan does nothing for rural hospitals."
    assert quotes(body) == [("indirect", "Lena Voss", "responds", "the plan does nothing for rural hospitals")]
    body = "Farm leaders point out that the drought has already cut yields by a third."
    assert quotes(body) == [("indirect", "Farm leaders", "point out", "the drought has already cut yields by a third")]


def test_repeated_before_a_noun_is_no_cue():
    body = "The storm repeated the damage that the town had seen in 1998."
    assert quotes(body) == []


# --- "according to" and "as reported by" --------------------------------------------------------------


def test_according_to_a_source_named_with_an_initialism():
    body = "The median rent rose by 4 percent last year, according to U.S. Census data."
    assert quotes(body) == [
        ("indirect", "U.S. Census data", "according to", "The median rent rose by 4 percent last year")
    ]
    body = "The small jet is cleared to fly again, according to the F.A.A. Its owner plans a trip to Ohio."
    assert quotes(body) == [("indirect", "F.A.A.", "according to", "The small jet is cleared to fly again")]


def test_as_reported_by_before_and_after_the_clause():
    body = "As reported by the Valley Ledger, the inspectors found rust on every beam of the bridge."
    assert quotes(body) == [
        ("indirect", "Valley Ledger", "As reported by", "the inspectors found rust on every beam of the bridge")
    ]
    body = "The museum will close for a year, as first reported in The Harbor Times."
    assert quotes(body) == [("indirect", "Harbor Times", "as first reported in", "The museum will close for a year")]


def test_reported_a_figure_or_a_gerund():
    body = "The Lund campaign reported raising about $2 million in the first quarter."
    assert quotes(body) == [("indirect", "Lund campaign", "reported", "raising about $2 million in the first quarter")]
    body = "Last year, state police reported 312 thefts from parked cars near the stadium."
    assert quotes(body) == [("indirect", "state police", "reported", "312 thefts from parked cars near the stadium")]
    body = "The night guard reported nothing unusual at the gate."
    assert quotes(body) == []


# --- a speech verb coordinated with "but" after another cue of the same subject -------------------------


def test_but_said_after_another_cue_speaks_for_its_subject():
    body = "Senator Ann Poe warned of long delays but said the bill would pass by June."
    assert quotes(body) == [("indirect", "Ann Poe", "said", "the bill would pass by June")]
    body = "Judge Omar Reed called the filing careless but said the case could go on."
    assert quotes(body) == [("indirect", "Omar Reed", "said", "the case could go on")]
