"""Wire copy, third pass: apposed names before a cue and an adverbial, nested reports, bare organisation
nouns, company names with "and" or a slash, statements. Every sentence here was written for these tests."""

from __future__ import annotations

from quote_util import quotes

from newsgrep.attribution.quotes import extract_quotes as _q
from newsgrep.attribution.speakers import role_head, split_name


def test_an_apposed_name_then_a_day_then_the_clause():
    """Reuters: "The political department head at X, Name, said on Monday <clause>" gave the noun phrase
    before the comma as the content."""
    body = "The foreign minister, Hans Olsen, said on Monday the talks would resume next week."
    assert quotes(body) == [("indirect", "Hans Olsen", "said", "the talks would resume next week")]
    body = "A spokesman for the ministry, Hans Olsen, said on Tuesday the border would stay open."
    assert quotes(body) == [("indirect", "Hans Olsen", "said", "the border would stay open")]


def test_a_clause_before_an_apposed_name_and_a_day_stays_the_content():
    body = "The talks will resume next week, the foreign minister, Hans Olsen, said on Monday."
    assert quotes(body) == [("indirect", "Hans Olsen", "said", "The talks will resume next week")]
    body = "The bank is issuing 200 mln dlrs of notes, said Harbour Capital Ltd as lead manager."
    assert quotes(body) == [("indirect", "Harbour Capital Ltd", "said", "The bank is issuing 200 mln dlrs of notes")]


def test_told_an_audience_the_general_rules_do_not_know():
    """Reuters: "told analysts <clause>", "told shareholders <clause>" were not found."""
    assert quotes("Brandt told the envoys the tariffs would be lifted by June.") == [
        ("indirect", "Brandt", "told", "the tariffs would be lifted by June")
    ]
    assert quotes("Chairman Tom Hale told shareholders profits will rise this year.") == [
        ("indirect", "Tom Hale", "told", "profits will rise this year")
    ]


def test_told_a_name_and_its_apposition():
    """Reuters: "told Eishiro Saito, chairman of ..., <clause>" read the apposition as the content."""
    body = "Brandt told Kenji Sato, chairman of the Tokyo trade council, the tariffs would be lifted soon."
    assert quotes(body) == [("indirect", "Brandt", "told", "the tariffs would be lifted soon")]
    body = "Hale told Cole, an Illinois Democrat, he backed parts of the bill."
    assert quotes(body) == [("indirect", "Hale", "told", "he backed parts of the bill")]


def test_a_report_inside_a_report_told():
    """Reuters: "X told Y ..., a spokesman said" gave only the spokesman."""
    body = "The minister told his Italian counterpart the tariffs would be lifted by June, the embassy said."
    assert quotes(body) == [
        (
            "indirect",
            "embassy",
            "said",
            "The minister told his Italian counterpart the tariffs would be lifted by June",
        ),
        ("indirect", "minister", "told", "the tariffs would be lifted by June"),
    ]


def test_the_bank_is_not_the_bank_governor():
    """Reuters: "The bank said" after "central bank governor X" gave the governor."""
    body = (
        "Central bank governor Erik Madsen said the change would have little effect.\n\n"
        "Prices fell after the central bank cut its lending rate to 10 pct.\n\n"
        "The bank said the cut was due to an inflow of foreign currency in March."
    )
    assert [(q.speaker, q.text) for q in _q(body)] == [
        ("Erik Madsen", "the change would have little effect"),
        ("bank", "the cut was due to an inflow of foreign currency in March"),
    ]
    assert role_head("central bank governor", "governor") and not role_head("central bank governor", "bank")
    assert role_head("chairman of the city bank", "chairman") and role_head("city treasurers", "treasurer")


def test_it_and_an_irregular_past():
    """Reuters: "X said it bought ...", "said it sold ...", "said it cut ..." were not found."""
    assert quotes("Harbour Capital said it bought the stock as an investment.") == [
        ("indirect", "Harbour Capital", "said", "it bought the stock as an investment")
    ]
    assert quotes("Marsh Petroleum Co said it also sold its stake in the pipeline.") == [
        ("indirect", "Marsh Petroleum Co", "said", "it also sold its stake in the pipeline")
    ]


def test_it_is_not_the_body_named_as_an_object():
    """Reuters: "In a filing with the Securities and Exchange Commission, X said ... It also said ..." gave
    the words to "Exchange Commission"."""
    body = (
        "In a filing with the Securities and Exchange Commission, Harbour Capital said it bought the stock "
        "as an investment.\n\nIt also said it may buy additional shares."
    )
    assert [(q.speaker, q.text) for q in _q(body)] == [
        ("Harbour Capital", "it bought the stock as an investment"),
        ("Harbour Capital", "it may buy additional shares"),
    ]
    body = "Citibank said it had told the Securities and Exchange Commission that its earnings could fall sharply."
    assert [(q.speaker, q.text) for q in _q(body)] == [
        ("Citibank", "it had told the Securities and Exchange Commission that its earnings could fall sharply"),
        ("Citibank", "its earnings could fall sharply"),
    ]
    body = "The Securities and Exchange Commission asked the exchange to act.\n\nIt said the rules were too loose."
    assert [q.speaker for q in _q(body)][-1] == "Securities and Exchange Commission"


def test_the_statement_speaks_as_written():
    """Reuters: "The statement said" after "the White House said" gave the White House; the guidelines (and
    PolNeAR) keep the document."""
    body = (
        "The White House said the economy is sound.\n\nThe statement said Reagan was confident the economy would grow."
    )
    assert [(q.speaker, q.text) for q in _q(body)] == [
        ("White House", "the economy is sound"),
        ("statement", "Reagan was confident the economy would grow"),
    ]
    body = "The ministry said it would act.\n\nThe ministry statement said prices would rise in May."
    assert [q.speaker for q in _q(body)] == ["ministry", "ministry statement"]


def test_company_names_with_and_or_a_slash():
    """Reuters: "Johnson and Johnson" read as "Johnson", "Upham Harris and Co" as "Co", "S/P" as "P", and
    "Analyst X of Merrill Lynch and Co said" gave the firm, not the analyst."""
    assert [q.speaker for q in _q("Johnson and Johnson said it would buy the unit.")] == ["Johnson and Johnson"]
    assert [q.speaker for q in _q("Upham Harris and Co said it would underwrite the offering.")] == [
        "Upham Harris and Co"
    ]
    assert [q.speaker for q in _q("S/P said the rating reflects weak earnings.")] == ["S/P"]
    body = "Analyst Ann Cole of Nugent and Co said the merger would help both banks."
    assert [(q.speaker, q.role) for q in _q(body)] == [("Ann Cole", "Analyst")]
    assert [q.speaker for q in _q("Egypt and Jordan said they would meet again.")] == ["Egypt and Jordan"]


def test_the_last_word_of_a_department_is_no_given_name():
    """Reuters: "Chancellor of the Exchequer Nigel Lawson said" gave the speaker "Exchequer Nigel Lawson"."""
    assert split_name(["Chancellor", "of", "the", "Exchequer", "Nigel", "Lawson"]) == (
        ["Chancellor", "of", "the", "Exchequer"],
        ["Nigel", "Lawson"],
    )
    assert split_name(["Director", "of", "the", "Office", "of", "Management", "and", "Budget", "James", "Mills"]) == (
        ["Director", "of", "the", "Office", "of", "Management", "and", "Budget"],
        ["James", "Mills"],
    )
    assert split_name(["President", "Ronald", "Wilson", "Reagan"]) == (["President"], ["Ronald", "Wilson", "Reagan"])
    body = "Chancellor of the Exchequer Tom Hale said growth would reach three pct this year."
    assert [(q.speaker, q.role) for q in _q(body)] == [("Tom Hale", "Chancellor of the Exchequer")]


def test_a_trade_in_ing_before_the_sources():
    """Reuters: "..., banking sources said." and "shipping sources", "trading sources" were not found (the
    -ing word was dropped as if it opened an aside)."""
    assert quotes("Debt reached about 100 pct of output, banking sources said.") == [
        ("indirect", "banking sources", "said", "Debt reached about 100 pct of output")
    ]
    assert quotes("Prices fell 10 pct, ruling party officials said.") == [
        ("indirect", "ruling party officials", "said", "Prices fell 10 pct")
    ]
    body = "He made the remark, echoing security experts who say the plan is flawed."
    assert [(q.speaker, q.text) for q in _q(body)] == [("security experts", "the plan is flawed")]


def test_this_and_a_noun_open_the_clause():
    """Reuters: "The sources said this pact was to have been followed by ..." was not found."""
    assert quotes("The sources said this pact was to have been followed by bilateral deals.") == [
        ("indirect", "sources", "said", "this pact was to have been followed by bilateral deals")
    ]
    assert quotes("Harbour Steel Corp said this acquisition fits its plans.") == [
        ("indirect", "Harbour Steel Corp", "said", "this acquisition fits its plans")
    ]


def test_lower_case_modifiers_before_the_role_after_a_comma():
    """Reuters: "..., finance minister Cesar X said." and "..., the official Tass news agency reported."
    were not found (the lower-case words stopped the speaker phrase short of its comma)."""
    body = "Iran will improve its coffee exports, finance minister Carlos Vela said."
    assert [(q.speaker, q.role, q.text) for q in _q(body)] == [
        ("Carlos Vela", "finance minister", "Iran will improve its coffee exports")
    ]
    body = "Iran tested a missile early today, the official Tass news agency reported."
    assert quotes(body) == [("indirect", "Tass", "reported", "Iran tested a missile early today")]
    body = "Negotiators have agreed on the main points of a new pact, conference chairman Tom Hale said."
    assert [q.speaker for q in _q(body)] == ["Tom Hale"]


def test_a_statement_after_the_sentence_it_gives():
    body = "The Ruritanian government said it is issuing new loan stock, a treasury statement said."
    assert [(q.speaker, q.text) for q in _q(body)] == [
        ("treasury statement", "The Ruritanian government said it is issuing new loan stock"),
        ("Ruritanian government", "it is issuing new loan stock"),
    ]


def test_was_quoted_as_saying_and_a_bare_clause():
    """Reuters: "X was quoted as saying <clause>" (no "that", no "by ...") was not found."""
    assert quotes("Foreign Minister Tom Hale was quoted as saying the talks would resume in May.") == [
        ("indirect", "Tom Hale", "was quoted as saying", "the talks would resume in May")
    ]
