"""Wire copy, second pass (newsgrep/attribution/wire.py and its hooks): company names, abbreviations,
publications and agencies named before, "according to" that names no source, adverbs before a cue.

Found on Reuters-21578 stories (the bench's extra split and the top of `newsgrep speakers` over
3,000 stories); every sentence here was written for these tests, none comes from a corpus.
"""

from __future__ import annotations

from quote_util import quotes

from newsgrep.attribution.quotes import extract_quotes as _q
from newsgrep.attribution.speakers import split_name
from newsgrep.attribution.wire import acronyms, by_rule

# --- company names: the whole name, not its last words ------------------------------------------------


def test_a_company_name_is_kept_whole():
    """Reuters: "Home Shopping Network Inc said" gave the speaker "Inc", "General Motors Corp" gave "Motors Corp"."""
    assert quotes("Harbour Shipping Network Inc said its board approved a new share plan.") == [
        ("indirect", "Harbour Shipping Network Inc", "said", "its board approved a new share plan")
    ]
    assert quotes("General Turbines Corp said it would close its plant in Ohio next year.") == [
        ("indirect", "General Turbines Corp", "said", "it would close its plant in Ohio next year")
    ]
    assert quotes("American Valves Co said output fell five pct in March.") == [
        ("indirect", "American Valves Co", "said", "output fell five pct in March")
    ]


def test_a_company_name_with_and_inside():
    """Reuters: "Standard and Poor's Corp" gave "Poor Corp", "Securities and Exchange Commission" gave
    "Exchange Commission"."""
    assert quotes("Norris and Blake's Corp said it lowered its rating on the notes.") == [
        ("indirect", "Norris and Blake's Corp", "said", "it lowered its rating on the notes")
    ]
    assert quotes("The Securities and Exchange Commission said it would review the filing.") == [
        ("indirect", "Securities and Exchange Commission", "said", "it would review the filing")
    ]
    assert quotes("American Cable and Wire Co said it would cut rates by two pct.") == [
        ("indirect", "American Cable and Wire Co", "said", "it would cut rates by two pct")
    ]


def test_two_countries_are_no_company():
    assert quotes("Egypt and Jordan said they would meet again next month.") == [
        ("indirect", "Egypt and Jordan", "said", "they would meet again next month")
    ]


def test_a_company_in_apposition_speaks():
    assert quotes("Orlan's subsidiary, Marsh Petroleum Co, said it will raise its crude prices.") == [
        ("indirect", "Marsh Petroleum Co", "said", "it will raise its crude prices")
    ]


# --- abbreviations, publications and agencies ---------------------------------------------------------


def test_a_name_read_short_before_its_abbreviation_is_the_abbreviation():
    """Reuters: "the Middle East Economic Survey (MEES) said" gave the speaker "Survey"."""
    body = (
        "Output will rise in May, the Baltic Trade Review (BTR) said.\n\n"
        "BTR said the rise would come from two new fields in the north."
    )
    assert [(q.speaker, q.text) for q in _q(body)] == [
        ("BTR", "Output will rise in May"),
        ("BTR", "the rise would come from two new fields in the north"),
    ]
    assert acronyms("the Baltic Trade Review (BTR) said") == {
        "Baltic Trade Review": "BTR",
        "Trade Review": "BTR",
        "Review": "BTR",
    }
    assert acronyms("the talks (BTR) went on") == {}  # initials that do not spell it


def test_a_description_of_the_publication_is_the_publication():
    """Reuters: "The English-language paper said" and "The newsletter said" after the paper was named."""
    body = (
        "The minister should act soon, the Harbour Post newspaper said.\n\n"
        "The English-language paper said the budget was far too small for the task."
    )
    assert [q.speaker for q in _q(body)] == ["Harbour Post", "Harbour Post"]
    body = (
        "Output rose in May, the Baltic Trade Review (BTR) said.\n\n"
        "The newsletter said exports fell by a tenth in the same month."
    )
    assert [q.speaker for q in _q(body)] == ["BTR", "BTR"]


def test_the_agency_is_the_agency_named_before():
    """Reuters: "the official Tanjug news agency reported" gave the speaker "agency"."""
    body = "Meanwhile, the official Varna news agency reported a paper mill had closed yesterday."
    assert [q.speaker for q in _q(body)] == ["Varna"]


# --- not a source, not a speaker ------------------------------------------------------------------------


def test_according_to_a_rule_names_no_source():
    """Reuters: "react according to the laws of the world trade body" gave the speaker "laws of ..."."""
    body = "Any such move would leave the bloc no choice but to react according to the laws of the trade body."
    assert quotes(body) == []
    assert quotes("The board prices each grade according to its quality and distance from port.") == []
    assert by_rule(["the", "laws", "of", "GATT"]) and by_rule(["its", "quality"])
    assert not by_rule(["the", "agency"])
    assert quotes("Output rose to two mln tonnes, according to the agency.") == [
        ("indirect", "agency", "according to", "Output rose to two mln tonnes")
    ]


def test_an_adverb_before_the_cue_is_no_part_of_the_speaker():
    """Reuters: "The unnamed official was further quoted as saying" gave "unnamed official was further"."""
    assert quotes("The unnamed official was further quoted as saying that no meeting was planned.") == [
        ("indirect", "unnamed official", "quoted as saying", "no meeting was planned")
    ]


def test_the_diplomat_is_not_the_trade_representative():
    """Reuters: '"...," the diplomat said' after "One diplomat said" was given to the U.S. Trade Representative."""
    body = (
        "Trade Representative Carl Hollis has written to his counterpart about the dispute.\n\n"
        "One diplomat said the request showed the ministers would not drop the matter. "
        '"It will be back on the table again and again," the diplomat said.'
    )
    assert [q.speaker for q in _q(body)] == ["diplomat", "diplomat"]


def test_according_to_law_enforcement_officials_is_a_source():
    assert quotes("The account was opened in May, according to law enforcement officials.") == [
        ("indirect", "law enforcement officials", "according to", "The account was opened in May")
    ]


def test_a_described_newspaper_with_a_stance_stays_as_written():
    body = (
        "The senator should quit, the Harbour Post newspaper said.\n\n"
        '"He needs to stop blaming everyone else," the conservative-leaning newspaper wrote.'
    )
    assert [q.speaker for q in _q(body)] == ["Harbour Post", "conservative-leaning newspaper"]


# --- speakers a longer reading finds ------------------------------------------------------------------------


def test_a_cue_verb_ends_the_subject_of_the_next_cue():
    """Reuters: "Deb Shops Inc said its board declared ..." made "Deb Shops Inc said its board" a speaker,
    and "The company said" was then given to that phrase."""
    body = (
        "Marten Stores Inc said its board declared a 50 pct stock dividend and will raise the yearly payout to "
        "six cts. The company said the split is payable on April 17 to holders of record."
    )
    assert [(q.speaker, q.cue) for q in _q(body)] == [
        ("Marten Stores Inc", "said"),
        ("its board", "declared"),
        ("Marten Stores Inc", "said"),
    ]


def test_told_an_audience_then_a_clause_without_that():
    """Reuters: "told a news conference Iran was ready", "told his colleagues great progress had been made"."""
    assert quotes("Navy commander Ali Rostami told a news conference the navy was ready to act.") == [
        ("indirect", "Ali Rostami", "told", "the navy was ready to act")
    ]
    assert quotes("Trade minister Tom Hale told his colleagues great progress had been made.") == [
        ("indirect", "Tom Hale", "told", "great progress had been made")
    ]
    assert quotes("Carl Voss told an American Chamber of Commerce lunch the world was changing fast.") == [
        ("indirect", "Carl Voss", "told", "the world was changing fast")
    ]
    assert quotes("Carl Voss told the meeting of ministers the group would act.") == []  # no clause read


def test_his_spokesman_is_the_spokesman_the_story_names():
    """Reuters: "his chief spokesman said ..." and then "White House spokesman Marlin Fitzwater said"."""
    body = (
        "President Ray Dorn restated his support for free trade and his chief spokesman said the tariffs "
        "would not start a trade war.\n\n"
        "Later, White House spokesman Al Brandt said officials did not expect any retaliation."
    )
    assert [(q.speaker, q.text) for q in _q(body)] == [
        ("Al Brandt", "the tariffs would not start a trade war"),
        ("Al Brandt", "officials did not expect any retaliation"),
    ]


def test_his_spokesman_is_the_owner_when_no_spokesman_is_named():
    body = "President Ray Dorn backed the plan and his spokesman said the tariffs would not start a trade war."
    assert [q.speaker for q in _q(body)] == ["Ray Dorn"]


def test_a_question_put_to_someone_is_not_his():
    """Reuters: "King Fahd was asked whether ..." was given to the King as his question."""
    assert quotes("King Omar was asked whether his country would cut its oil output.") == []
    assert quotes("Carl Voss asked whether the plan would cost more than the last one.") == [
        ("indirect", "Carl Voss", "asked", "whether the plan would cost more than the last one")
    ]


def test_a_long_title_before_a_name_after_the_quotation():
    """Reuters: ", U.S. Ambassador to the Organisation for Economic Cooperation and Development Edward
    Streator said." and ", the government's Economic Planning Agency said in a report" found nothing."""
    body = (
        "Closer policies are vital for the rich countries, U.S. Ambassador to the Council for Trade "
        "and Development Paul Imre said."
    )
    assert quotes(body) == [("indirect", "Paul Imre", "said", "Closer policies are vital for the rich countries")]
    body = "Growth will stay slow this year, the government's Economic Review Agency said in a monthly report."
    assert quotes(body) == [("indirect", "Economic Review Agency", "said", "Growth will stay slow this year")]


def test_an_abbreviation_before_a_name_is_part_of_the_title():
    (q,) = _q("The plan is vital for the rich countries, U.S. Ambassador to the OECD Paul Imre said.")
    assert (q.speaker, q.role) == ("Paul Imre", "Ambassador to the OECD")


def test_a_cue_inside_a_relative_clause_leaves_the_subject_alone():
    body = "The Harbour Post, which first said it would ignore the race, said it would cover the vote as news."
    assert ("Harbour Post", "it would cover the vote as news") in [(q.speaker, q.text) for q in _q(body)]


def test_an_abbreviation_before_one_capitalised_word_is_a_name():
    body = "The man was headed to Cairo for talks, the news site RTL Info reported."
    assert [q.speaker for q in _q(body)] == ["RTL Info"]


def test_a_name_in_s_right_before_the_cue_is_a_firm():
    """Reuters: "Moody's said" gave the speaker "Moody", "Standard and Poor's said" gave "Poor"."""
    assert quotes("Keller's said it took the action after a review of the accounts.") == [
        ("indirect", "Keller's", "said", "it took the action after a review of the accounts")
    ]
    assert quotes("The notes are rated B, Norris and Blake's said.") == [
        ("indirect", "Norris and Blake's", "said", "The notes are rated B")
    ]
    assert quotes('"We will act," Dorn\'s spokesman said.') == [("direct", "Dorn", "said", "We will act")]


def test_titles_of_wire_copy_before_a_name():
    """Reuters: "U.S. Undersecretary of State for Economic Affairs Allen Wallis said" gave "Undersecretary",
    "Secretary of Commerce Malcolm Baldrige" gave "Commerce Malcolm Baldrige"."""
    (q,) = _q("U.S. Undersecretary of State for Economic Affairs Tom Hale said the talks had gone well.")
    assert (q.speaker, q.role) == ("Tom Hale", "Undersecretary of State for Economic Affairs")
    (q,) = _q("Secretary of Commerce Tom Hale said the tariffs would stay.")
    assert (q.speaker, q.role) == ("Tom Hale", "Secretary of Commerce")
    (q,) = _q("Assistant Attorney General for Antitrust Ray Dorn said the merger was legal.")
    assert (q.speaker, q.role) == ("Ray Dorn", "Assistant Attorney General for Antitrust")
    (q,) = _q("Minister of Foreign Affairs Ivo Lind said the talks would go on.")
    assert (q.speaker, q.role) == ("Ivo Lind", "Minister of Foreign Affairs")


def test_a_name_in_s_before_a_cue_that_is_also_a_noun_is_an_owner():
    body = "Voters liked Dorn's promises to cut taxes and build new roads in the north."
    assert "Dorn's" not in [q.speaker for q in _q(body)]


def test_the_unnamed_official_is_the_official_quoted_before():
    """Reuters: "The unnamed official was further quoted as saying" after "quoted an OPEC secretariat
    official as saying" kept "unnamed official" as a second speaker."""
    body = (
        "The agency quoted a cartel secretariat official as saying that output was below the ceiling.\n\n"
        "The unnamed official was further quoted as saying that no meeting was planned before June."
    )
    assert [q.speaker for q in _q(body)] == ["cartel secretariat official", "cartel secretariat official"]
    assert [q.speaker for q in _q("The unnamed official said no meeting was planned before June.")] == [
        "unnamed official"
    ]


def test_the_company_is_the_firm_that_opens_the_story():
    """Reuters business copy: "Bangor Hydro said it filed ... The company said ..."; 32 of 51 "company"
    speakers over 3,000 stories were such firms named once, first, without Inc or Corp."""
    body = (
        "Harbour Hydro said it filed for a rate cut of 9.7 pct with the state commission.\n\n"
        "The company said lower taxes and lower capital costs prompted the filing."
    )
    assert [q.speaker for q in _q(body)] == ["Harbour Hydro", "Harbour Hydro"]
    body = (
        "Peter Dorn said he filed for a rate cut with the state commission.\n\n"
        "The company said lower taxes prompted the filing."
    )
    assert [q.speaker for q in _q(body)] == ["Peter Dorn", "company"]


def test_a_department_after_a_lower_case_noun_is_no_title():
    assert split_name(["research", "department", "of", "Hale", "Burton", "Lambert"]) == (
        ["research", "department", "of"],
        ["Hale", "Burton", "Lambert"],
    )
    assert split_name(["Secretary", "of", "Commerce", "Tom", "Hale"]) == (
        ["Secretary", "of", "Commerce"],
        ["Tom", "Hale"],
    )
    assert split_name(["Minister", "for", "Caribbean", "Tom", "Hale"]) == (
        ["Minister", "for", "Caribbean"],
        ["Tom", "Hale"],
    )


def test_stock_symbols_and_brackets_are_no_part_of_the_name():
    """Reuters-21578: "Midland Bank Plc <MDBL.L> said", "<British Columbia Resources Investment Corp> said"."""
    body = "Harbour Bank Plc <HBPL.L> said it is cutting its base lending rate to 10.5 pct from 11 pct."
    assert [q.speaker for q in _q(body)] == ["Harbour Bank Plc"]
    body = "<Harbour Resources Investment Corp> said it reached agreement with five lenders on a new credit line."
    assert [q.speaker for q in _q(body)] == ["Harbour Resources Investment Corp"]


def test_a_participle_then_it_and_an_adverb():
    """Reuters: "downplayed his attendance, saying it only signalled a slight change" was not found."""
    body = "Carl Voss played down his visit, saying it only signalled a slight change in attitude."
    assert quotes(body) == [("indirect", "Carl Voss", "saying", "it only signalled a slight change in attitude")]
