"""Naming the right speaker (issue 13, point 2): one regression test per rule in speakers.py.

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact (kind, speaker, text) of every quotation found.
"""

from __future__ import annotations

from newsgrep.attribution.quotes import extract_quotes
from newsgrep.attribution.speakers import after_dateline, is_dateline, parse_phrase


def said(body: str) -> list[tuple[str, str, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]


def test_dateline_in_capitals_is_not_the_speaker():
    body = (
        "Harbor plan wins a vote.\n\nPORTSMOUTH, Vt. — Mayor Ellen Ward on Tuesday praised the council, "
        "saying the new ferry would bring visitors back to the old pier."
    )
    assert said(body) == [("indirect", "Ellen Ward", "the new ferry would bring visitors back to the old pier")]


def test_dateline_words():
    assert is_dateline(["WASHINGTON"]) and is_dateline(["LA", "CROSSE"])
    assert not is_dateline(["TASS"]) and not is_dateline(["NATO"]) and not is_dateline(["USA", "TODAY"])
    assert parse_phrase(["PORTSMOUTH"]) is None
    toks = [(0, "PORTSMOUTH"), (10, ","), (12, "Vt"), (14, "."), (16, "—"), (18, "Ward")]
    assert after_dateline(toks) == [(18, "Ward")]
    assert after_dateline([(0, "Ward"), (5, "said")]) == [(0, "Ward"), (5, "said")]


def test_time_words_after_a_name_are_not_part_of_it():
    body = "Rep. Dana Holt last month told the committee that the budget was already spent."
    assert said(body) == [("indirect", "Dana Holt", "the budget was already spent")]


def test_middle_initial_keeps_the_name_whole():
    body = (
        "Governor Walter K. Brandt visited the mill.\n\n"
        "The governor said the mill would stay open through the winter months."
    )
    assert said(body) == [("indirect", "Walter K. Brandt", "the mill would stay open through the winter months")]


def test_name_after_a_preposition_is_not_the_speaker():
    body = '"We expected a closer race," said a longtime adviser to Governor Brandt.'
    assert said(body) == [("direct", "longtime adviser to Governor Brandt", "We expected a closer race")]
    assert parse_phrase(["a", "spokesman", "for", "Sen", ".", "Ted", "Marsh"]).name == "spokesman for Sen . Ted Marsh"
    assert parse_phrase(["Secretary", "of", "State", "Ann", "Lowe"]).name == "Ann Lowe"


def test_lone_place_after_a_name_and_of_is_not_the_speaker():
    body = "Pat Quill, of Millbrook, Ore., said the parade had never drawn such a crowd before."
    assert said(body) == [("indirect", "Pat Quill", "the parade had never drawn such a crowd before")]


def test_interjection_or_opening_word_is_not_a_name():
    assert parse_phrase(["Oh"]) is None
    assert parse_phrase(["Having"]) is None
    assert parse_phrase(["Like", "Corran"]).name == "Corran"


def test_unknown_given_name_is_not_taken_for_a_man():
    body = (
        "Nora Quist opened the meeting. Madeleine Orrin chairs the board.\n\n"
        '"He always says that," Orrin said. "We will vote in March," she said.'
    )
    assert said(body) == [
        ("direct", "Madeleine Orrin", "He always says that"),
        ("direct", "Madeleine Orrin", "We will vote in March"),
    ]


def test_apostrophe_in_a_name_is_spelt_one_way():
    body = "Sean O’Dwyer, the harbor master, said the storm had moved the buoys out of place."
    assert said(body) == [("indirect", "Sean O'Dwyer", "the storm had moved the buoys out of place")]


def test_organisation_name_with_of_is_kept_whole():
    body = "The Federal Bureau of Lighthouses said the lamp at Cape Orrin would be replaced next spring."
    assert said(body) == [
        ("indirect", "Federal Bureau of Lighthouses", "the lamp at Cape Orrin would be replaced next spring")
    ]
