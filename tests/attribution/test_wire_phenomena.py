"""Wire-copy phenomena (newsgrep/attribution/wire.py): relays, party tags, bare role nouns named by
an earlier phrase, and "asked not to be identified".

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact quotations expected (kind, speaker, cue, text) and checks the offsets into the body.
"""

from __future__ import annotations

from quote_util import quotes

from newsgrep.attribution.quotes import extract_quotes
from newsgrep.attribution.wire import QUOTED_AS, after, mask_party_tags, relay_ref
from newsgrep.models import Quote

# --- relays: "quoted X as saying" -------------------------------------------------------------


def test_relay_names_the_person_quoted_not_the_radio():
    body = "Kabul Radio quoted Defence Minister Omar Farouk as saying the border posts would be reinforced."
    (q,) = extract_quotes(body)
    assert (q.kind, q.speaker, q.role, q.cue, q.text) == (
        "indirect", "Omar Farouk", "Defence Minister", "quoted as saying", "the border posts would be reinforced",
    )  # fmt: skip


def test_relay_with_a_role_in_apposition():
    body = "Radio Kabul quoted Abdul Wakil, the foreign minister, as saying the troops would stay until May."
    (q,) = extract_quotes(body)
    assert (q.speaker, q.role, q.text) == ("Abdul Wakil", "foreign minister", "the troops would stay until May")


def test_relay_with_an_unnamed_speaker_keeps_the_phrase():
    body = "The agency quoted a senior army officer as saying that three villages had been shelled overnight."
    assert quotes(body) == [
        ("indirect", "senior army officer", "quoted as saying", "three villages had been shelled overnight")
    ]


def test_quoted_by_gives_the_words_to_the_one_quoted():
    body = "A military spokesman quoted by the state news agency said jets had hit two radar sites."
    assert quotes(body) == [("indirect", "military spokesman", "said", "jets had hit two radar sites")]
    body = "Foreign Minister Ali Velayati, quoted by Tehran Radio, said Iran would not attend the conference."
    (q,) = extract_quotes(body)
    assert (q.speaker, q.role, q.text) == ("Ali Velayati", "Foreign Minister", "Iran would not attend the conference")


def test_quoted_by_in_an_earlier_sentence_changes_nothing():
    body = "The report was quoted by several papers. Minister Ivo Lind said the report was wrong in every detail."
    assert quotes(body) == [("indirect", "Ivo Lind", "said", "the report was wrong in every detail")]


def test_quoting_aside_before_a_name_is_not_the_named_persons_words():
    body = (
        "The Daily Courier said the ministry would act.\n\n"
        "The newspaper, quoting customs officials, said port agent Adnan Kasem, a middleman, "
        "paid two mln dlrs into a Swiss account. Officials denied it."
    )
    assert quotes(body) == [
        ("indirect", "Daily Courier", "said", "the ministry would act"),
        (
            "indirect",
            "Daily Courier",
            "said",
            "port agent Adnan Kasem, a middleman, paid two mln dlrs into a Swiss account",
        ),
    ]


def test_citing_aside_is_left_out_of_the_speaker():
    body = "The agency, citing military sources, said jets had hit two tankers near the island."
    assert quotes(body) == [("indirect", "agency", "said", "jets had hit two tankers near the island")]


def test_relay_ref_reads_only_noun_phrases():
    assert relay_ref("a senior army officer").name == "senior army officer"
    assert relay_ref("one military source").name == "military source"
    assert relay_ref("it was") is None
    assert QUOTED_AS.search("quoted Ivo Lind, a spokesman for the port, as saying").group(1) == (
        "Ivo Lind, a spokesman for the port,"
    )


# --- clauses after a bare "said" that wire copy opens with ----------------------------------------


def test_said_it_with_a_present_tense_verb():
    body = "The company said it expects profits to rise sharply next year."
    assert quotes(body) == [("indirect", "company", "said", "it expects profits to rise sharply next year")]
    body = "The administration has said it intends to release the money next month."
    assert quotes(body) == [("indirect", "administration", "said", "it intends to release the money next month")]


def test_said_with_a_number_of_casualties():
    body = "Tehran said over 2,600 enemy troops had been killed or wounded on Tuesday."
    assert quotes(body) == [
        ("indirect", "Tehran", "said", "over 2,600 enemy troops had been killed or wounded on Tuesday")
    ]
    body = "The agency said more than 100 people were killed in the raid."
    assert quotes(body) == [("indirect", "agency", "said", "more than 100 people were killed in the raid")]


def test_said_for_the_first_time():
    body = "President Maddox said for the first time the arms policy itself was a mistake."
    assert quotes(body) == [("indirect", "Maddox", "said", "the arms policy itself was a mistake")]


def test_a_number_with_no_verb_after_it_is_not_a_clause():
    assert quotes("Officials said about 20 in all.") == []


# --- party tags -------------------------------------------------------------------------------


def test_party_tag_before_of_place_keeps_the_lawmaker():
    body = "Senator Alan Marsh (Democrat) of North Dakota said the vote would come before the recess."
    (q,) = extract_quotes(body)
    assert (q.speaker, q.role, q.text) == ("Alan Marsh", "Senator", "the vote would come before the recess")


def test_party_tag_inside_a_quotation_is_kept_in_its_text():
    body = 'Rep. Lena Ortiz (D-Calif.) said: "We will ask Rep. Tom Hale (R-Ohio) to testify next week."'
    assert quotes(body) == [
        ("direct", "Lena Ortiz", "said", "We will ask Rep. Tom Hale (R-Ohio) to testify next week.")
    ]


def test_mask_party_tags_keeps_offsets_and_other_brackets():
    body = "Byrd (Democrat) of Ohio and Kemp (R-N.Y.) of Utica met the (Soviet) envoy (2 pct) and Ames (R-Ga.)."
    masked = mask_party_tags(body)
    assert len(masked) == len(body)
    assert (
        masked == "Byrd            of Ohio and Kemp          of Utica met the (Soviet) envoy (2 pct) and Ames (R-Ga.)."
    )


# --- a bare role noun is the one named before ---------------------------------------------------


def test_the_newspaper_is_the_paper_that_spoke_before():
    body = (
        "The Evening Courier reported the plan would cost more than expected.\n\n"
        "The newspaper said the ministry had ignored three earlier warnings from its auditors."
    )
    assert quotes(body) == [
        ("indirect", "Evening Courier", "reported", "the plan would cost more than expected"),
        ("indirect", "Evening Courier", "said", "the ministry had ignored three earlier warnings from its auditors"),
    ]


def test_the_newspaper_named_in_a_sentence_that_was_not_a_quotation():
    body = (
        "Officials were angered by a story in the Baltic Herald on Monday.\n\n"
        "The newspaper said the mayor had sold city land to his brother."
    )
    assert quotes(body) == [("indirect", "Baltic Herald", "said", "the mayor had sold city land to his brother")]


def test_the_company_is_the_company_named_before():
    body = (
        "Halvorsen Shipping Corp closed two yards in the north last year.\n\n"
        "The company said the closures would cost about 400 jobs over two years."
    )
    assert quotes(body) == [
        ("indirect", "Halvorsen Shipping Corp", "said", "the closures would cost about 400 jobs over two years")
    ]


def test_the_analyst_is_the_unnamed_analyst_described_before():
    body = (
        "A farm ministry analyst in Lagos said grain stocks were larger than expected this spring.\n\n"
        "The analyst said imports would fall by a third next year."
    )
    assert quotes(body) == [
        ("indirect", "farm ministry analyst in Lagos", "said", "grain stocks were larger than expected this spring"),
        ("indirect", "farm ministry analyst in Lagos", "said", "imports would fall by a third next year"),
    ]


def test_a_role_noun_with_no_earlier_phrase_stays_as_it_is():
    body = "The analyst said imports would fall by a third next year."
    assert quotes(body) == [("indirect", "analyst", "said", "imports would fall by a third next year")]


def test_a_named_person_is_not_taken_for_an_unnamed_role():
    done = [Quote("grain stocks were large", "indirect", "Ada Obi", None, "said", 0, 10)]
    bare = Quote("imports would fall by a third", "indirect", "analyst", None, "said", 20, 40)
    assert [q.speaker for q in after([*done, bare], " " * 40)] == ["Ada Obi", "analyst"]


# --- joint statements ------------------------------------------------------------------------------


def test_a_joint_statement_issued_after_talks_is_the_speaker_not_the_talks():
    body = "A joint statement issued after the talks said the two countries would open embassies next year."
    assert quotes(body) == [
        (
            "indirect",
            "joint statement issued after the talks",
            "said",
            "the two countries would open embassies next year",
        )
    ]


def test_two_countries_in_a_joint_statement_both_speak():
    body = "Egypt and Jordan said in a joint statement that customs duties would be cut by a fifth."
    assert quotes(body) == [("indirect", "Egypt and Jordan", "said", "customs duties would be cut by a fifth")]


def test_two_people_in_a_joint_statement_are_not_joined():
    body = "Ivo Lind and Carl Voss said in a joint statement that the talks had been useful."
    assert quotes(body) == [("indirect", "Carl Voss", "said", "the talks had been useful")]


# --- "It said" goes on with the organisation speaking ------------------------------------------------


def test_it_said_is_the_company_speaking_not_the_court_in_its_words():
    body = (
        "Halvorsen Shipping Corp said the suit, filed in the Oslo District Court, names three firms.\n\n"
        "It said the 50 mln dlr figure is a preliminary estimate."
    )
    assert [q.speaker for q in extract_quotes(body)] == ["Halvorsen Shipping Corp", "Halvorsen Shipping Corp"]


def test_it_said_after_a_person_is_left_to_the_general_rules():
    body = "Minister Ivo Lind said the report of the Audit Office was wrong. It said the budget had been overspent."
    assert [q.speaker for q in extract_quotes(body)] == ["Ivo Lind", "Audit Office"]


# --- a title and a surname are a person "he" can refer to ------------------------------------------


def test_he_after_a_titled_surname():
    body = (
        "President Maddox ordered a review of embassy security.\n\n"
        "At the same time he said foreign diplomats would not be allowed into the new building."
    )
    got = extract_quotes(body)
    assert [(q.kind, q.speaker, q.role, q.text) for q in got] == [
        ("indirect", "Maddox", "President", "foreign diplomats would not be allowed into the new building")
    ]


def test_a_titled_surname_is_the_person_named_in_full_elsewhere():
    body = "Premier Olav Lind arrived on Monday. Premier Lind met the envoy. He said the talks had gone well."
    assert [q.speaker for q in extract_quotes(body)] == ["Olav Lind"]


# --- a speaker named only in the next paragraph -------------------------------------------------


def test_an_unnamed_expert_in_the_lead_is_the_person_named_next():
    body = (
        "A Western expert said the accident would cause major problems for the power industry.\n\n"
        "Dutch researcher Jan Visser, in a report to the seminar, said output targets were unchanged."
    )
    got = extract_quotes(body)
    assert [(q.speaker, q.role, q.text) for q in got] == [
        ("Jan Visser", "Western expert", "the accident would cause major problems for the power industry"),
        ("Jan Visser", "Dutch researcher", "output targets were unchanged"),
    ]


def test_an_unnamed_official_in_the_lead_stays_unnamed():
    body = (
        "A senior U.S. official said the fleet would stay in the Gulf for the time being.\n\n"
        "Defence Secretary Carl Voss told reporters the escort plan was ready."
    )
    assert [q.speaker for q in extract_quotes(body)] == ["senior U.S. official", "Carl Voss"]


def test_a_person_named_in_the_lead_is_someone_else():
    body = (
        "A Western expert said the plan would cause major problems, contradicting Hans Berg.\n\n"
        "Hans Berg said the plan would work well enough for now."
    )
    assert [q.speaker for q in extract_quotes(body)] == ["Western expert", "Hans Berg"]


# --- not what was said ---------------------------------------------------------------------------


def test_asked_not_to_be_identified_is_not_a_quotation():
    body = "An official, who asked not to be identified, said the shipments had stopped in March."
    assert quotes(body) == [("indirect", "official", "said", "the shipments had stopped in March")]


def test_a_passive_relay_names_the_subject_not_the_agency_regression_by_kyodo():
    """Reuters: 'he was quoted by Kyodo News Service as saying' gave the speaker "by Kyodo News Service"."""
    body = (
        "Prime Minister Hiro Tanabe sounded a conciliatory note in the row over microchips.\n\n"
        '"Japan wants to settle this through talks," he was quoted by Kyodo News Service as saying.\n\n'
        "Foreign Minister Ali Rezaei was quoted by state radio as saying the border would stay closed."
    )
    assert [(q.speaker, q.kind, q.cue, q.text) for q in extract_quotes(body)] == [
        ("Hiro Tanabe", "direct", "quoted as saying", "Japan wants to settle this through talks"),
        ("Ali Rezaei", "indirect", "quoted as saying", "the border would stay closed"),
    ]
