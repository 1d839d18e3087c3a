"""Naming the right speaker (issue 13, point 2): one regression test per rule in speakers.py.

Every sentence here was written for these tests; none comes from a corpus. Each test gives the
exact (kind, speaker, text) of every quotation found.
"""

from __future__ import annotations

from newsgrep.attribution.speakers import after_dateline, is_dateline, parse_phrase
from tests.quote_util import said


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


# --- pronouns: who "he" or "she" is (issue 13, point 2) ---------------------------------------


def test_lone_surname_shared_by_two_people_is_the_one_named_first():
    body = (
        "Governor Alma Pruett spoke at the fair, and her husband, Dale Pruett, stood beside her.\n\n"
        "Later Mrs. Pruett toured the barns. She said the county would fund a new livestock hall."
    )
    assert said(body) == [("indirect", "Alma Pruett", "the county would fund a new livestock hall")]


def test_honorific_gives_the_gender_of_an_unknown_given_name():
    body = (
        '"We will not close the mill," said Kestrel Varga, the plant manager.\n\n'
        '"Nobody asked us," said Brannoc Lisle, a union steward. Mr. Lisle works below Ms. Varga\'s office.\n\n'
        '"The buyers have not called me once," she said.'
    )
    assert said(body) == [
        ("direct", "Kestrel Varga", "We will not close the mill"),
        ("direct", "Brannoc Lisle", "Nobody asked us"),
        ("direct", "Kestrel Varga", "The buyers have not called me once"),
    ]


def test_pronoun_resolved_once_fixes_the_gender_for_later_ones():
    body = (
        'Robin Tace, a nurse, spoke first. "The ward is full every night," she said.\n\n'
        'Ellis Marr, a surgeon, agreed. "We need two more beds," he said.\n\n'
        "Later the hospital board met, and she said the board had ignored the staff for years."
    )
    assert said(body)[-1] == ("indirect", "Robin Tace", "the board had ignored the staff for years")


def test_preposition_at_sentence_start_is_not_a_person():
    body = (
        "Outside Benton's mill, a welder named Jorge Almeida waited for his shift.\n\n"
        '"The work is steady and the pay is fair," he said.'
    )
    assert said(body) == [("direct", "Jorge Almeida", "The work is steady and the pay is fair")]


def test_college_is_not_a_person():
    body = (
        "Mrs. Lydia Orme studied at Halvern College in the 1970s, where she said students should run "
        "the dining halls themselves."
    )
    assert said(body) == [("indirect", "Lydia Orme", "students should run the dining halls themselves")]


def test_name_after_a_verb_is_not_the_subject_for_he():
    body = (
        '"The fund owes me an apology," said a spokeswoman for the Belden fund.\n\n'
        "Victor Hale, an analyst, lost his job. He sued Gerald Brandt for libel the next year.\n\n"
        'Hale, who spent a fortune on lawyers, called it "a nightmare that never ended for my family," he said.'
    )
    assert said(body)[-1] == (
        "partial",
        "Victor Hale",
        'Hale, who spent a fortune on lawyers, called it "a nightmare that never ended for my family,"',
    )


def test_opening_preposition_with_a_possessive_is_not_the_subject():
    body = (
        "Omar Reyes and Neil Carver debated on Monday.\n\n"
        'On Carver\'s plan for the port, Reyes said he thinks "it would cost the city far more than it saves."'
    )
    assert said(body)[-1][1] == "Omar Reyes"


def test_possessive_subject_of_the_sentence_is_the_speaker():
    body = (
        '"We did not expect this crowd," said Rep. Adam Lorne, a supporter of the senator.\n\n'
        "Senator Paul Whitcomb's plans are still unclear, but he has said he wants to lead the finance panel."
    )
    assert said(body)[-1] == ("indirect", "Paul Whitcomb", "he wants to lead the finance panel")


# --- role nouns: who "the senator" or "the nominee" is -----------------------------------------


def test_abbreviated_title_makes_the_role():
    body = (
        '"The bridge will open in May," said Sen. Lorna Fitch.\n\n'
        '"We have waited long enough," said Gov. Hal Brody, a Democrat.\n\n'
        "Fitch later toured the site. The senator said the state had paid its share of the cost."
    )
    assert said(body)[-1] == ("indirect", "Lorna Fitch", "the state had paid its share of the cost")


def test_role_noun_prefers_the_subject_of_the_previous_sentence():
    body = (
        '"We will win this state," said Sen. Carl Obert, who is running for president.\n\n'
        "Sen. Mark Ridley stopped at a diner in Concord. The senator said his campaign was closing strong."
    )
    assert said(body)[-1] == ("indirect", "Mark Ridley", "his campaign was closing strong")


def test_nominee_of_the_other_party_is_not_the_nominee():
    body = (
        "Dana Pell, the Republican nominee, spoke first.\n\n"
        "Then the Democratic nominee said the debate should be held in a union hall."
    )
    assert said(body) == [("indirect", "Democratic nominee", "the debate should be held in a union hall")]


def test_candidate_resolves_to_the_named_candidate():
    body = (
        "Republican presidential candidate Hugo Brandt held a rally in Ames.\n\n"
        "The candidate said farmers had been forgotten by both parties."
    )
    assert said(body) == [("indirect", "Hugo Brandt", "farmers had been forgotten by both parties")]


def test_congresswoman_is_not_a_man():
    body = (
        "Rep. Ada Quint and Rep. Tom Varley met the mayor.\n\n"
        '"The levee is failing," Mr. Varley said.\n\n'
        "The congresswoman said the federal money had arrived too late."
    )
    assert said(body)[-1] == ("indirect", "Ada Quint", "the federal money had arrived too late")


def test_suffix_is_not_the_surname():
    body = (
        "Vice President Walter P. Gorman Jr. spoke in Erie.\n\n"
        '"This is where I grew up," Mr. Gorman said. "I know these streets."'
    )
    assert said(body) == [
        ("direct", "Walter P. Gorman Jr", "This is where I grew up"),
        ("direct", "Walter P. Gorman Jr", "I know these streets."),
    ]


def test_age_between_name_and_place_does_not_make_the_place_speak():
    body = "Wren Talley, 29, of Dunmore, Pa., says the new bus line has cut her commute in half."
    assert said(body) == [("indirect", "Wren Talley", "the new bus line has cut her commute in half")]


def test_person_known_only_by_title_and_surname_is_a_candidate_for_he():
    body = (
        '"Our schools need more teachers," said Dana Kell, a parent, at the meeting.\n\n'
        "Then as now, Mr. Oduya was speaking for someone else. In his last address, he conceded he had "
        "fallen short."
    )
    assert said(body)[-1] == ("indirect", "Oduya", "he had fallen short")


def test_president_before_a_lone_surname_makes_a_person():
    body = (
        '"The plant will stay," Ms. Kell said.\n\n'
        "President Varga toured the plant on Friday. He said the tariffs would be lifted by spring."
    )
    assert said(body)[-1] == ("indirect", "Varga", "the tariffs would be lifted by spring")


def test_presidential_candidate_is_not_the_president():
    body = (
        "Republican presidential candidate Hugo Brandt and President Lena Ostrova met in Ames.\n\n"
        '"We agreed on the grain deal," said Brandt.\n\n'
        "The president said the deal still needed the approval of the legislature."
    )
    assert said(body)[-1] == ("indirect", "Lena Ostrova", "the deal still needed the approval of the legislature")


def test_place_after_a_preposition_in_an_unnamed_source_is_not_the_speaker():
    body = "Turnout fell by a fifth, according to the exit polls in New Hampshire."
    assert said(body) == [("indirect", "exit polls in New Hampshire", "Turnout fell by a fifth")]


def test_title_cut_from_its_name_is_nobody():
    assert parse_phrase(["Rep."]) is None
    assert parse_phrase(["reports", "Mr."]) is None
    assert parse_phrase(["the", "Sen."]) is None
    assert parse_phrase(["Rep", ".", "Ann", "Lowe"]).name == "Ann Lowe"


def test_company_named_with_a_place_word_is_kept_whole():
    body = "United Foundries has vowed to cut at least a tenth of its costs over the next two years."
    assert said(body) == [
        ("indirect", "United Foundries", "to cut at least a tenth of its costs over the next two years")
    ]


def test_name_used_as_a_modifier_before_a_role_and_a_name_is_not_the_subject():
    body = (
        '"This is the moment," Senator Mark Amsel said that night in a crowded hotel ballroom.\n\n'
        "Amsel pollster Victor Brandt, the first to call the race, took up the theme. "
        '"Voters here have stopped listening to the party," he said.'
    )
    assert said(body)[-1] == ("direct", "Victor Brandt", "Voters here have stopped listening to the party")


# --- branch speaker2: "they", name particles, auxiliaries, quantified groups -------------------------


def test_they_is_the_plural_group_of_the_previous_sentence():
    body = "Republican leaders met on Tuesday in the capital. They said the bill would pass before the recess."
    assert said(body) == [("indirect", "Republican leaders", "the bill would pass before the recess")]


def test_they_is_the_collective_body_of_the_previous_sentence():
    body = "The campaign released a memo on Friday. They said the candidate would not debate again this year."
    assert said(body) == [("indirect", "campaign", "the candidate would not debate again this year")]


def test_they_is_the_named_organisation_a_body_noun_stands_for():
    body = "The Foreign Ministry issued a note. The ministry met reporters on Friday. They said the talks would resume."
    assert said(body) == [("indirect", "Foreign Ministry", "the talks would resume")]


def test_they_with_only_people_before_it_names_nobody():
    body = "Senator Mark Ridley met Tom Harris on Monday. They said the talks had gone well for both sides."
    assert said(body) == []


def test_they_inside_a_quotation_does_not_change_the_speaker():
    body = 'Senator Mark Ridley met the protesters on Monday. "They told me the plant must close," he said.'
    assert said(body) == [("direct", "Mark Ridley", "They told me the plant must close")]


def test_name_particles_stay_in_the_name():
    body = "Jan de Wit, a farmer from Utrecht, said the harvest was the worst he could remember."
    assert said(body) == [("indirect", "Jan de Wit", "the harvest was the worst he could remember")]
    assert said('"We will retake the city," Bashar al-Assad said.') == [
        ("direct", "Bashar al-Assad", "We will retake the city")
    ]
    ref = parse_phrase(["Ludwig", "van", "Beethoven"])
    assert ref is not None and (ref.kind, ref.name) == ("name", "Ludwig van Beethoven")
    ref = parse_phrase(["the", "van"])
    assert ref is None


def test_auxiliary_before_the_cue_is_not_part_of_the_speaker():
    body = "The ministry has said that the new rules will take effect next month."
    assert said(body) == [("indirect", "ministry", "the new rules will take effect next month")]


def test_quantified_group_keeps_its_quantifier():
    body = "Many of her supporters said they would vote for her again in November."
    assert said(body) == [("indirect", "many of her supporters", "they would vote for her again in November")]


def test_they_skips_a_group_that_is_an_object():
    body = (
        "The senators studied the records of local officials for a year. "
        "They concluded that the money had been spent well."
    )
    assert said(body) == [("indirect", "senators", "the money had been spent well")]


def test_they_after_two_named_people_names_no_group():
    body = "Residents met Daron Acemoglu and Brendan Price on Monday. They said the plant should stay open."
    assert said(body) == []


def test_his_spokesman_speaks_for_him():
    body = "Donald Trump toured the plant on Friday. His spokesman said the visit had been planned for weeks."
    assert said(body) == [("indirect", "Donald Trump", "the visit had been planned for weeks")]
    body = 'Hillary Clinton toured the plant on Friday. "It was planned for weeks," her office said.'
    assert said(body) == [("direct", "Hillary Clinton", "It was planned for weeks")]


def test_a_named_owner_of_the_spokesman_speaks():
    body = (
        "Donald Trump toured the plant on Friday. "
        "Trump's campaign spokeswoman said the visit had been planned for weeks."
    )
    assert said(body) == [("indirect", "Donald Trump", "the visit had been planned for weeks")]
    ref = parse_phrase(["Trump's", "spokeswoman", ",", "Hope", "Hicks"])
    assert ref is not None and (ref.kind, ref.name) == ("name", "Hope Hicks")


def test_aides_are_not_their_owner():
    body = "Donald Trump toured the plant on Friday. His aides said the visit had been planned for weeks."
    assert said(body) == [("indirect", "aides", "the visit had been planned for weeks")]


def test_they_reaches_back_past_objects_and_single_people():
    body = (
        "Republicans have spent millions on the inquiry, and they are circulating new talking points. "
        "That Senator Mark Ridley misjudged Ed Hale is one of them. They are also focused on the "
        "administration's drawdown of troops, which they say left a vacuum in the region."
    )
    assert said(body) == [("indirect", "republicans", "left a vacuum in the region")]


def test_he_is_the_person_the_previous_sentence_brings_in_as_its_subject():
    body = (
        '"The plant will close in June," said Tom Harris, the manager. Outside the gate, a worker named '
        'Paul Ortiz has only praise for the place. "It is a calm place to work," he said.'
    )
    assert said(body) == [
        ("direct", "Tom Harris", "The plant will close in June"),
        ("direct", "Paul Ortiz", "It is a calm place to work"),
    ]


def test_he_is_not_a_person_the_previous_sentence_names_as_an_object():
    body = (
        '"The plant will close in June," said Tom Harris, the manager. Outside the gate, workers met '
        'Paul Ortiz. "It is a calm place to work," he said.'
    )
    assert said(body) == [
        ("direct", "Tom Harris", "The plant will close in June"),
        ("direct", "Tom Harris", "It is a calm place to work"),
    ]


def test_the_official_is_the_unnamed_official_quoted_before():
    body = (
        "Mayor Ellen Ward opened the new bridge on Monday. A senior city official said the toll would stay low. "
        '"We have no plans to raise it," the official said.'
    )
    assert said(body) == [
        ("indirect", "senior city official", "the toll would stay low"),
        ("direct", "senior city official", "We have no plans to raise it"),
    ]


def test_the_aide_is_the_unnamed_aide_introduced_before():
    body = (
        'Governor Tom Kessler praised the port. "Ships will come back," Kessler said. An aide to the governor '
        'said the plan was ready. "It has been costed twice," the aide said.'
    )
    assert said(body) == [
        ("direct", "Tom Kessler", "Ships will come back"),
        ("indirect", "aide to the governor", "the plan was ready"),
        ("direct", "aide to the governor", "It has been costed twice"),
    ]


def test_the_president_is_not_the_vice_president():
    body = (
        "President Carl Dunmore opened the session. Vice President Alan Brook visited the port later. "
        '"The harbor needs dredging," the president said.'
    )
    assert said(body) == [("direct", "Carl Dunmore", "The harbor needs dredging")]


def test_the_president_is_not_a_former_president():
    body = (
        "Former President Carl Dunmore opened the session. President Alan Brook visited the port later. "
        'Dunmore then spoke. "The harbor needs dredging," the president said.'
    )
    assert said(body) == [("direct", "Alan Brook", "The harbor needs dredging")]


def test_role_noun_that_fits_nobody_named_is_kept_as_written():
    body = 'Hanna Pike welcomed the delegates. Gordon Leif defended the treaty at length. "It saved us money," the minister said.'
    assert said(body) == [("direct", "minister", "It saved us money")]


def test_the_florida_senator_is_not_the_senator_from_iowa():
    body = (
        "Sen. Dale Ortmann (R-Iowa) joined Sen. Rob Vinter (R-Fla.) at the rally. Vinter spoke first. "
        'Later, Ortmann toured the farm. "Farmers need rain," the Florida senator said.'
    )
    assert said(body) == [("direct", "Rob Vinter", "Farmers need rain")]


def test_a_spokesman_owned_by_a_role_is_kept_as_written():
    body = 'Prime Minister Ann Lowe met the envoy. "The talks went well and will go on," the prime minister\'s spokesman said.'
    assert said(body) == [("direct", "prime minister's spokesman", "The talks went well and will go on")]


def test_he_after_a_sentence_opening_with_he_is_the_person_that_he_takes_up():
    body = (
        "Tom Kessler said the plant would stay open. Later that day Mr. Ruiz met the investors in the city. "
        'Still he rejected the idea that the move was about money. "This was a hard call," he said.'
    )
    assert said(body) == [
        ("indirect", "Tom Kessler", "the plant would stay open"),
        ("direct", "Ruiz", "This was a hard call"),
    ]
