"""Indirect speech whose content is a noun phrase or a small clause, not a that-clause (issue 13):
"called the levy a tax on farmers", "recalled a walk along the harbour", "described how the vote went"."""

from __future__ import annotations

from tests.quote_util import quotes


def test_called_names_a_pronoun_object_with_a_noun_phrase():
    body = "Mayor Rita Vance spoke on Monday. She called it a betrayal of every family in the valley."
    assert quotes(body) == [("indirect", "Rita Vance", "called", "it a betrayal of every family in the valley")]


def test_called_names_a_determined_object_up_to_the_comma():
    body = "Senator Omar Quill called the levy a tax on farmers and bakers, and urged a vote."
    assert quotes(body)[0] == ("indirect", "Omar Quill", "called", "the levy a tax on farmers and bakers")


def test_calls_himself_with_a_plural_subject_call():
    body = "Dale Ruskin calls himself a plain-spoken farm lobbyist. Critics call it the loudest lobby in town."
    assert quotes(body) == [
        ("indirect", "Dale Ruskin", "calls", "himself a plain-spoken farm lobbyist"),
        ("indirect", "critics", "call", "it the loudest lobby in town"),
    ]


def test_called_is_not_a_telephone_call_or_a_time():
    assert quotes("Nora Pike called her brother the next day to ask about the harvest.") == []
    assert quotes("Nora Pike called Tom Hale a week later about the harvest.") == []


def test_calling_a_name_after_a_clause_is_left_out():
    # the participle glosses the clause before it as often as it reports words
    assert quotes("The council criticised the new zoning map, calling it a gift to developers.") == []


def test_recalled_and_recalling_take_the_noun_phrase():
    body = (
        "Gwen Tarrow said she would stay on. She recalled a long walk along the harbour with her father. "
        "''The mill was my life,'' she said, recalling the winter the river froze solid."
    )
    assert quotes(body)[1:] == [
        ("indirect", "Gwen Tarrow", "recalled", "a long walk along the harbour with her father"),
        ("direct", "Gwen Tarrow", "said", "The mill was my life"),
        ("indirect", "Gwen Tarrow", "recalling", "the winter the river froze solid"),
    ]


def test_described_takes_a_wh_clause_or_a_noun_phrase():
    body = (
        "Pia Lund described how the committee counted the ballots twice. Ed Marr described a tense night at the depot."
    )
    assert quotes(body) == [
        ("indirect", "Pia Lund", "described", "how the committee counted the ballots twice"),
        ("indirect", "Ed Marr", "described", "a tense night at the depot"),
    ]


def test_recalled_words_belong_to_whoever_spoke_them():
    body = "The envoy Ivo Brandt recalled the words of the late mayor Sara Holm, who said the port would never close."
    assert [q for q in quotes(body) if q[2] == "recalled"] == []


def test_short_objects_are_not_reported():
    assert quotes("Lena Moss described the plan briefly.") == []


def test_explained_and_participles_of_telling_take_the_noun_phrase():
    body = (
        "Judge Rosa Tell explained the reasons for her late ruling. Tom Oyelaran, noting the size of the crowd, "
        "said, ''We will need more buses.''"
    )
    assert quotes(body) == [
        ("indirect", "Rosa Tell", "explained", "the reasons for her late ruling"),
        ("indirect", "Tom Oyelaran", "noting", "the size of the crowd"),
        ("direct", "Tom Oyelaran", "said", "We will need more buses."),
    ]


def test_promised_takes_a_noun_phrase_as_well_as_an_infinitive():
    body = "Governor Lia Brand promised a new bridge over the river by spring."
    assert quotes(body) == [("indirect", "Lia Brand", "promised", "a new bridge over the river by spring")]


def test_posted_a_photo_is_not_reported():
    assert quotes("Mayor Kip Dorn posted a photo of the flooded square on his page.") == []


def test_an_owners_warning_that_reports_the_clause():
    body = (
        "Ann Rook said the count was wrong. The board ignored Ann Rook's warning that the ballots had been moved twice."
    )
    assert quotes(body)[1:] == [("indirect", "Ann Rook", "warning", "the ballots had been moved twice")]


def test_his_promise_to_and_her_vow_to():
    body = (
        "Senator Ivo Marsh said he would run again. He won the county with his promise to rebuild the old rail line. "
        "Rita Salo said little. Voters cheered her vow to open a new school in every town."
    )
    got = [q for q in quotes(body) if q[2] in ("promise", "vow")]
    assert got == [
        ("indirect", "Ivo Marsh", "promise", "to rebuild the old rail line"),
        ("indirect", "Rita Salo", "vow", "to open a new school in every town"),
    ]


def test_a_call_or_a_claim_is_left_out():
    # more often what other words are about ("attacked his call for a ban") than words reported
    body = "Rita Salo said little. Voters cheered her call for a new school and her claim that the roads are unsafe."
    assert [q for q in quotes(body) if q[2] in ("call", "claim")] == []


def test_a_noun_cue_needs_an_owner_and_an_infinitive():
    body = "Sam Reyes said little. The promise that the mill will stay open is empty, the union said."
    assert [q for q in quotes(body) if q[2] == "promise"] == []
    body = "Sam Reyes said little. He kept his promise to the voters of the valley all year."
    assert [q for q in quotes(body) if q[2] == "promise"] == []


def test_recalled_a_named_owners_noun_phrase():
    body = "Ann Lee knew the boxer well. Ann Lee recalled Ali’s generosity to the food bank in the city."
    assert quotes(body)[-1:] == [("indirect", "Ann Lee", "recalled", "Ali’s generosity to the food bank in the city")]
