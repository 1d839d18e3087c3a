"""marks.Marked: quotation marks paired, their contents masked, sentences cut on the masked text."""

from __future__ import annotations

from newsgrep.attribution.marks import Marked, pair_marks, tokenize


def test_straight_and_curly_marks_pair_and_mask():
    body = 'He said "one. two" and “three” here.'
    text = Marked(body)
    (qs,) = text.quotes
    assert [(body[q.open], body[q.close]) for q in qs] == [('"', '"'), ("“", "”")]
    assert len(text.m) == len(body)
    assert text.m == 'He said "~~~~~~~~" and “~~~~~” here.'
    assert text.inside(body.index("two")) and not text.inside(body.index("here"))


def test_curly_marks_nest_and_an_unclosed_quotation_runs_to_the_paragraph_end():
    body = "“Outer “inner” outer” then “open to the end"
    qs = pair_marks(body, 0, len(body))
    assert [body[q.open + 1 : q.close] for q in qs] == ["Outer “inner” outer", "open to the end"]
    assert qs[-1].close == len(body)


def test_paragraphs_are_separated_by_blank_lines():
    body = "First one.\n\nSecond one.\n\n\n\nThird."
    assert [body[a:b] for a, b in Marked(body).paras] == ["First one.", "Second one.", "Third."]


def test_sentences_skip_abbreviations_initials_and_full_stops_in_quotations():
    body = 'Mr. Smith spoke to J.R. Jones. "It ended. Really," he said. Then it rained.'
    text = Marked(body)
    (qs,) = text.quotes
    sents = [body[a:b].strip() for a, b in text.sentences(0, len(body), qs, set())]
    assert sents == ["Mr. Smith spoke to J.R. Jones.", '"It ended. Really," he said.', "Then it rained."]


def test_tokens_split_final_full_stops_but_keep_initials():
    starts, toks = tokenize("U.S. envoy Ann Lee said.", 0, 24)
    assert toks == ["U.S.", "envoy", "Ann", "Lee", "said", "."]
    assert starts[-1] == 23
