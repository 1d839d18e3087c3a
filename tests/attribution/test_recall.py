"""Finding reported speech that the cue's own speaker reading misses (issue 13, point 1: recall).

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact quotations expected: kind, speaker, cue and text, and checks the offsets into the body.
"""

from __future__ import annotations

from newsgrep.attribution.quotes import extract_quotes


def quotes(body: str) -> list[tuple[str, str, str | None, str]]:
    """(kind, speaker, cue, text) of each quotation, after checking its offsets against the body."""
    out = []
    for q in extract_quotes(body):
        assert body[q.start : q.end] == q.text, (q.start, q.end, q.text)
        out.append((q.kind, q.speaker, q.cue, q.text))
    return out


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
