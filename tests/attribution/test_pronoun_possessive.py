"""Who "he" and "she" stand for when the person was last named as an owner, an agent or a clause's subject
(issue 13, naming the right speaker), and asides that name nobody.

Every sentence here was written for these tests; none comes from a corpus.
"""

from __future__ import annotations

from newsgrep.attribution.speakers import split_name
from tests.quote_util import quotes


def test_one_of_a_possessive_names_the_next_he():
    body = (
        'Ned Varga, a law professor, said judges should be left alone. But, he said, "there is a line."\n\n'
        "One of Hal Dorsey's angrier outbursts came in March, when he told a radio host that the judge was biased."
    )
    assert quotes(body) == [
        ("indirect", "Ned Varga", "said", "judges should be left alone"),
        ("partial", "Ned Varga", "said", "there is a line."),
        ("indirect", "Hal Dorsey", "told", "the judge was biased"),
    ]


def test_the_owner_of_an_object_is_the_next_he():
    body = (
        "Ann Tully has clashed with Hal Dorsey once, saying she was appalled that he mocked Capt. Omar Reyes.\n\n"
        'For that she drew Dorsey\'s scorn - he called her "weak" and said she had no support at home.'
    )
    assert quotes(body) == [
        ("indirect", "Ann Tully", "saying", "she was appalled that he mocked Capt. Omar Reyes"),
        ("partial", "Hal Dorsey", "called", 'her "weak" and said she had no support at home'),
        ("indirect", "Hal Dorsey", "said", "she had no support at home"),
    ]


def test_an_aside_in_parentheses_names_no_subject():
    body = (
        '"We will keep the newsletter short," said Rita Olsen, its new co-editor.\n\n'
        "(Subscribe to the Daily Loop's Off Record podcast with Glenn Marsh.)\n\n"
        '"I covered the statehouse for six years before this," she said.'
    )
    assert quotes(body) == [
        ("direct", "Rita Olsen", "said", "We will keep the newsletter short"),
        ("direct", "Rita Olsen", "said", "I covered the statehouse for six years before this"),
    ]


def test_the_agent_of_a_passive_is_the_next_she():
    body = (
        '"Who is the real fraud here?" Tom Keller said on a call with reporters.\n\n'
        "He was joined on the call by Nadia Brill, head of the group Safe Streets. "
        "She said the mayor has done nothing to stop the thefts."
    )
    assert quotes(body) == [
        ("direct", "Tom Keller", "said", "Who is the real fraud here?"),
        ("indirect", "Nadia Brill", "said", "the mayor has done nothing to stop the thefts"),
    ]


def test_the_subject_of_a_relative_clause_is_no_object():
    body = (
        '"She is hiding from voters," Maria Soto said in an interview.\n\n'
        "Outside groups have spent millions of dollars on television ads attacking Kay Lindqvist this summer. "
        "This is not the race Lindqvist hoped to be running. "
        "She acknowledges that she did not expect so many questions about the governor."
    )
    assert quotes(body) == [
        ("direct", "Maria Soto", "said", "She is hiding from voters"),
        ("indirect", "Kay Lindqvist", "acknowledges", "she did not expect so many questions about the governor"),
    ]


def test_a_plural_possessive_is_no_part_of_a_name():
    assert split_name(["Republicans'", "Long"]) == (["Republicans'"], ["Long"])  # one word: no person
    assert split_name(["Florida's", "Rick", "Wilson"]) == (["Florida's"], ["Rick", "Wilson"])


def test_a_man_named_in_the_previous_sentence_before_an_earlier_subject():
    body = (
        "The Commerce Department said imports of steel rose by a third last year.\n\n"
        "Ted Brandt and Lou Sand may blame trade deals for the plight of factory workers. "
        "That is the world we live in and the reason President Hal Obermann is seeking approval of the pact. "
        "It is to the advantage of the country, he says, to help write the rules of trade."
    )
    assert quotes(body) == [
        ("indirect", "Commerce Department", "said", "imports of steel rose by a third last year"),
        (
            "indirect",
            "Hal Obermann",
            "says",
            "It is to the advantage of the country, he says, to help write the rules of trade",
        ),
    ]


def test_a_possessive_before_a_fragment_is_who_said_it():
    body = (
        '"We will win this state," Lena Marsh told supporters in Toledo.\n\n'
        "Hal Dorsey's way served him well in the primaries. His standing rose after the floods, and "
        'his call for "a total and complete audit" of the dams drew cheers.'
    )
    assert quotes(body) == [
        ("direct", "Lena Marsh", "told", "We will win this state"),
        ("partial", "Hal Dorsey", None, "a total and complete audit"),
    ]


def test_an_adverb_and_a_comma_open_no_speaker():
    body = (
        '"She would ask me what he meant," Mr. Tamm said, gripping the lectern.\n\n'
        "Often, Mr. Tamm interrupted himself, as if arguing with his own notes. "
        '"I really mean this," he said.'
    )
    assert quotes(body) == [
        ("direct", "Tamm", "said", "She would ask me what he meant"),
        ("direct", "Tamm", "said", "I really mean this"),
    ]
