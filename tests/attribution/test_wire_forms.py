"""More wire-copy forms (newsgrep/attribution/wire.py), found on stories drawn for the Reuters fresh4 split:
the capital Reuters puts after "U.S.", possessive time words after a cue, a long or abbreviated relay
source, a publication described by its nationality or day, "an article in X", "the report" named by
the report the story named, and a describing phrase in the lead named by the second paragraph.

Every sentence here was written for these tests; none comes from a corpus. Each test gives the exact
quotations expected (kind, speaker, cue, text).
"""

from __future__ import annotations

from quote_util import quotes

from newsgrep.attribution.quotes import extract_quotes
from newsgrep.attribution.wire import fold_abbreviation_caps

# --- "The U.S. Said": Reuters' capital after the abbreviation --------------------------------------


def test_capital_after_us_is_lowered_only_where_it_is_no_name():
    body = "U.S. Trade Representative Ann Cole said the U.S. Had no choice. U.S. Officials Announced it."
    folded = fold_abbreviation_caps(body)
    assert folded == "U.S. Trade Representative Ann Cole said the U.S. had no choice. U.S. officials Announced it."
    assert len(folded) == len(body)
    assert fold_abbreviation_caps("The US Said it.") == "The US Said it."


def test_us_said_with_a_capital_is_a_cue():
    assert quotes("The U.S. Said the fleet had left its home port in the night.") == [
        ("indirect", "U.S.", "said", "the fleet had left its home port in the night")
    ]


def test_us_officials_with_a_capital_speak_and_the_text_keeps_the_capital():
    body = "Talks ended early. U.S. Officials said the tariffs would stay in force until June."
    (q,) = extract_quotes(body)
    assert (q.kind, q.speaker, q.cue, q.text) == (
        "indirect", "U.S. officials", "said", "the tariffs would stay in force until June",
    )  # fmt: skip
    assert body[q.start : q.end] == q.text


# --- words between the cue and the clause ------------------------------------------------------------


def test_possessive_time_word_opens_the_clause():
    assert quotes("Officials in Ottawa said this week's meeting is unlikely to settle the quota.") == [
        ("indirect", "officials in Ottawa", "said", "this week's meeting is unlikely to settle the quota")
    ]


def test_at_the_end_of_a_period_is_skipped():
    assert quotes("The Audit Board said at the end of last year it wanted tighter rules for brokers.") == [
        ("indirect", "Audit Board", "said", "it wanted tighter rules for brokers")
    ]


# --- relays ------------------------------------------------------------------------------------------


def test_relay_with_a_long_unnamed_source():
    body = "The daily quoted a spokesman of the Ministry of Coastal Fisheries and Trade as saying the ban would go on."
    assert quotes(body) == [
        (
            "indirect",
            "spokesman of the Ministry of Coastal Fisheries and Trade",
            "quoted as saying",
            "the ban would go on",
        )
    ]


def test_relay_source_with_an_abbreviation():
    assert quotes("Radio Lisbon quoted a senior U.S. envoy as saying the ceasefire was holding.") == [
        ("indirect", "senior U.S. envoy", "quoted as saying", "the ceasefire was holding")
    ]


# --- publications --------------------------------------------------------------------------------------


def test_paper_described_by_nationality_and_day_is_the_paper_named_before():
    body = (
        "The Sentinel newspaper said the navy had bought four frigates.\n\n"
        "The Danish Sunday paper said the frigates would be delivered next year."
    )
    assert quotes(body) == [
        ("indirect", "Sentinel", "said", "the navy had bought four frigates"),
        ("indirect", "Sentinel", "said", "the frigates would be delivered next year"),
    ]


def test_described_paper_with_nothing_named_before_keeps_its_phrase():
    assert quotes("The Danish Sunday paper said the frigates would be delivered next year.") == [
        ("indirect", "Danish Sunday paper", "said", "the frigates would be delivered next year")
    ]


def test_article_in_a_magazine_is_the_magazine():
    assert quotes("An article in Harbour magazine said the port had lost half its trade.") == [
        ("indirect", "Harbour magazine", "said", "the port had lost half its trade")
    ]


def test_article_in_a_month_is_not_a_publication():
    assert quotes("An article in March said the port had lost half its trade.") == [
        ("indirect", "article in March", "said", "the port had lost half its trade")
    ]


# --- "the report" --------------------------------------------------------------------------------------


def test_according_to_the_report_is_the_report_named_before():
    body = (
        "The budget office sent its annual OMB report to Congress. The customs service is studying the "
        "use of credit cards, officials said.\n\n"
        "According to the report, unpaid loans had risen to 60 billion dlrs by the end of the year."
    )
    assert quotes(body)[-1] == (
        "indirect",
        "OMB report",
        "According to",
        "unpaid loans had risen to 60 billion dlrs by the end of the year",
    )


def test_the_report_said_is_the_commission_report():
    body = "The Harlan Commission report was released on Thursday.\n\nThe report said the minister had not been told."
    assert quotes(body) == [("indirect", "Harlan Commission report", "said", "the minister had not been told")]


# --- a describing phrase in the lead, named in the second paragraph -----------------------------------


def test_lead_planner_named_in_the_second_paragraph():
    body = (
        "Canada will press for a firm statement on fishing quotas at the June summit, the senior Canadian "
        "planner for the summit said.\n\n"
        '"Fishing has become our first problem," Paul Lemieux, deputy minister of trade, told Reuters.'
    )
    assert quotes(body) == [
        (
            "indirect",
            "Paul Lemieux",
            "said",
            "Canada will press for a firm statement on fishing quotas at the June summit",
        ),
        ("direct", "Paul Lemieux", "told", "Fishing has become our first problem"),
    ]


def test_lead_adviser_named_after_a_report_of_the_paper():
    body = (
        "The prime minister's legal adviser said the minister could not recall the sale, the Daily Ledger "
        "reported.\n\n"
        '"We tried to help him remember," Hugo Brandt was quoted as saying.'
    )
    got = quotes(body)
    assert ("indirect", "Hugo Brandt", "said", "the minister could not recall the sale") in got
    assert got[-1] == ("direct", "Hugo Brandt", "was quoted as saying", "We tried to help him remember")


def test_capitalised_media_word_stays_in_the_paper_s_name():
    body = "The People's Daily said the mill would close.\n\nThe newspaper said four hundred jobs would go."
    assert quotes(body) == [
        ("indirect", "People's Daily", "said", "the mill would close"),
        ("indirect", "People's Daily", "said", "four hundred jobs would go"),
    ]
    assert quotes("The Kuwaiti daily Al-Hadaf said the mill would close.") == [
        ("indirect", "Kuwaiti Al-Hadaf", "said", "the mill would close")
    ]


# --- reported speech inside a direct quotation ---------------------------------------------------------


def test_report_of_speech_inside_a_direct_quotation_is_its_own_attribution():
    body = (
        "The embassy denied the story. "
        '"The Interior Ministry said it had not read any of his letters," spokesman Carl Moser said.'
    )
    assert quotes(body) == [
        ("direct", "Carl Moser", "said", "The Interior Ministry said it had not read any of his letters"),
        ("indirect", "Interior Ministry", "said", "it had not read any of his letters"),
    ]


def test_inner_report_by_i_or_an_unresolved_pronoun_is_not_added():
    assert quotes('"I told him we would win this race in the end," Ann Smith said.') == [
        ("direct", "Ann Smith", "said", "I told him we would win this race in the end")
    ]
    assert quotes('"He said the plant would close before the end of May," Ann Smith said.') == [
        ("direct", "Ann Smith", "said", "He said the plant would close before the end of May")
    ]
