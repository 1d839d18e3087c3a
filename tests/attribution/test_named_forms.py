"""Named speakers of direct quotations (issue 13): quotation marks that the pairing missed, and
named sources that the reading took for someone else. Sentences written for these tests."""

from newsgrep.attribution.marks import fold_doubled_marks, pair_marks, turn_marks, unfold
from tests.quote_util import quotes


def test_three_marks_close_the_single_quotation_then_the_double_one():
    body = "''Every year someone writes - 'Oh, the farmers will leave,''' Tom Reyes wrote in an email."
    folded, at = fold_doubled_marks(body)
    assert folded == "\"Every year someone writes - 'Oh, the farmers will leave,'\" Tom Reyes wrote in an email."
    assert [body[unfold(i, at)] for i, ch in enumerate(folded) if ch == '"'] == ["'", "'"]
    assert unfold(folded.index('" Tom'), at) == body.index("'' Tom")
    assert quotes(body) == [
        ("direct", "Tom Reyes", "wrote", "Every year someone writes - 'Oh, the farmers will leave,'"),
    ]


def test_three_marks_that_open_keep_the_double_mark_first():
    folded, _ = fold_doubled_marks("He said, '''Sir, we stay,'' he recalls.")
    assert folded == 'He said, "\'Sir, we stay," he recalls.'


def test_closing_mark_typed_as_opening_one_after_the_quotation():
    body = "The county voted late.\n\n“If she loses the county, that creates real problems for her,“ said Ada Lintz, a councillor."
    assert turn_marks(body) == body.replace(",“", ",”")
    assert quotes(body) == [
        ("direct", "Ada Lintz", "said", "If she loses the county, that creates real problems for her"),
    ]


def test_opening_mark_typed_as_closing_one_at_a_paragraph_start():
    body = (
        "Readers answered the post.\n\n"
        "\u202a”Sorry, friends, you should have seen the crowd last night!!” posted Mara Quist.\n\n"
        "”The fair will come back next year, they always do,” wrote Ivo Brandt."
    )
    assert quotes(body) == [
        ("direct", "Mara Quist", "posted", "Sorry, friends, you should have seen the crowd last night!!"),
        ("direct", "Ivo Brandt", "wrote", "The fair will come back next year, they always do"),
    ]


def test_marks_the_right_way_round_are_not_turned():
    for body in ("“We won,” she said. “It was close.”", "He called it “a mess.” “Fix it,” she said.", "a ” b"):
        assert turn_marks(body) == body


def test_curly_marks_inside_straight_ones_do_not_close_them():
    body = (
        "Dr. Lena Ward said:\n\n"
        '"The bureau is not about “Fair Play For All” anymore. It is about old grudges.\n\n'
        '"The latest case is a lawsuit against the county," she said.'
    )
    ps = body.index('"The bureau')
    pe = body.index("\n\n", ps)
    assert [(q.open, q.close) for q in pair_marks(body, ps, pe)] == [(ps, pe)]
    assert quotes(body) == [
        ("direct", "Lena Ward", None, "The bureau is not about “Fair Play For All” anymore. It is about old grudges."),
        ("direct", "Lena Ward", "said", "The latest case is a lawsuit against the county"),
    ]


def test_straight_mark_just_before_a_curly_pair_gives_way_to_it():
    body = '"“We do not win by counting states,” Ann Roe answered.'
    assert [body[q.open + 1 : q.close] for q in pair_marks(body, 0, len(body))] == ["We do not win by counting states,"]


def test_opening_mark_typed_as_closing_one_before_an_ellipsis():
    body = "Her daughter wrote a post.\n\n” … they are nothing like him,” Nora Vance said in December."
    assert quotes(body) == [("direct", "Nora Vance", "said", "… they are nothing like him")]


def test_president_and_a_surname_is_the_namesake_who_was_president():
    body = (
        "Hillary Clinton campaigned in Ohio. Former President Bill Clinton stayed in New York.\n\n"
        '"We need the jobs back," President Clinton said.\n\n'
        '"We need the schools too," Mrs. Clinton said.'
    )
    assert quotes(body) == [
        ("direct", "Bill Clinton", "said", "We need the jobs back"),
        ("direct", "Hillary Clinton", "said", "We need the schools too"),
    ]


def test_president_and_a_surname_is_not_a_namesake_with_another_office():
    body = (
        "Former Florida Gov. Jeb Bush campaigned in Iowa.\n\n"
        '"We kept the country safe," President Bush said in 2004.\n\n'
        '"I will keep it safe," Jeb Bush said.'
    )
    assert quotes(body) == [
        ("direct", "Bush", "said", "We kept the country safe"),
        ("direct", "Jeb Bush", "said", "I will keep it safe"),
    ]


def test_president_and_a_surname_is_the_one_person_of_that_name_without_an_office():
    body = 'Barack Obama spoke in Ohio.\n\n"We will not back down," President Obama said.'
    assert quotes(body) == [("direct", "Barack Obama", "said", "We will not back down")]


def test_a_symbol_in_the_words_between_the_quotation_and_the_named_speaker():
    body = (
        "“They must choose between rent and food, so party labels mean little to them,” "
        "Pay for $20 field director Lena Okafor told a radio station in Dayton."
    )
    assert quotes(body) == [
        (
            "direct",
            "Lena Okafor",
            "told",
            "They must choose between rent and food, so party labels mean little to them",
        ),
    ]


def test_a_reported_clause_that_runs_on_after_its_quoted_words_is_the_quotation():
    body = (
        "Dana Price, in a statement released on Thursday, said she “values the careful work and the patience” "
        "shown by the county clerk in Lakeview."
    )
    assert quotes(body) == [
        (
            "partial",
            "Dana Price",
            "said",
            "she “values the careful work and the patience” shown by the county clerk in Lakeview",
        ),
    ]


def test_quoted_words_that_end_their_reported_clause_stay_the_quotation():
    body = "Dana Price said she “values the careful work and the patience of the clerk.”"
    assert quotes(body) == [("partial", "Dana Price", "said", "values the careful work and the patience of the clerk.")]


def test_a_paragraph_ending_in_a_strict_cue_and_a_colon_names_who_speaks_next():
    body = (
        "Senator Ada Moss took the stage.\n\n"
        '"The debate was a mess," said Joel Park, a columnist.\n\n'
        "That is, when the hosts gave in to snark (and how tempting that is!) Moss called them on it:\n\n"
        "“The questions tonight show why nobody trusts the media.”"
    )
    assert quotes(body) == [
        ("direct", "Joel Park", "said", "The debate was a mess"),
        ("direct", "Ada Moss", None, "The questions tonight show why nobody trusts the media."),
    ]


def test_a_capital_that_opens_the_sentence_is_no_part_of_the_name_after_it():
    body = (
        "Trusting Mark Ellison with the budget was a mistake, the auditors found.\n\n"
        "Following Nash, the crowd left the hall. Maybe Ruiz was right about it.\n\n"
        '"We will review every contract," Ellison said.\n\n'
        '"We are done here," Nash said.\n\n'
        '"It was a fair vote," Ruiz said.'
    )
    assert quotes(body) == [
        ("direct", "Mark Ellison", "said", "We will review every contract"),
        ("direct", "Nash", "said", "We are done here"),
        ("direct", "Ruiz", "said", "It was a fair vote"),
    ]


def test_an_office_before_a_name_is_no_part_of_it():
    body = "Palm Grove County Supervisor of Elections Susan Reyes said independents cannot vote in the primary."
    assert quotes(body) == [
        ("indirect", "Susan Reyes", "said", "independents cannot vote in the primary"),
    ]
