"""Property-based tests of the parser (hypothesis).

1. No input, however garbled, raises: problems come back as ParseWarnings.
2. An article rendered into the digest layout parses back to the same
   title, date, agency, URL and body.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgrep.ingest.articles import parse_bytes, parse_text, render_digest
from newsgrep.models import Article, ParseWarning

SUFFIXES = st.sampled_from([".txt", ".md", ".json", ".jsonl"])
DIGEST_BITS = st.sampled_from(
    [
        "## **",
        "**",
        "\n",
        "\n\n",
        "---",
        "-",
        "17.01.2019",
        "31.02.2019",
        "(4 Nisan 2018)",
        "Kaynak/Source:",
        "<http://x>",
        "### **",
        "\r\n",
        '"',
        "{",
        "[",
        "\x1b[2J",
        "\ufeff",
        "é",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(DIGEST_BITS, st.text(max_size=20)), max_size=40), SUFFIXES)
def test_text_never_raises(parts, suffix):
    result = parse_text("".join(parts), "f" + suffix, suffix)
    assert all(isinstance(w, ParseWarning) for w in result.warnings)
    for article in result.articles:
        assert article.title and article.body


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), SUFFIXES)
def test_bytes_never_raise(data, suffix):
    result = parse_bytes(data, "f" + suffix, suffix)
    assert all(isinstance(w, ParseWarning) for w in result.warnings)


# Text an agency would write: words, punctuation; paragraphs that end with a
# full stop (an unterminated one followed by a lower-case one is, by design, a
# page break that the parser rejoins).
WORD = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x17F), min_size=1, max_size=12
)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(lambda ws: " ".join(ws))
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(lambda ss: ". ".join(ss) + ".")
TITLE = st.lists(WORD, min_size=1, max_size=8).map(lambda ws: " ".join(ws).upper())
AGENCY = st.lists(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    min_size=1,
    max_size=4,
).map(" ".join)
URL = st.from_regex(r"https?://[a-z]{1,10}\.(com|org)/[a-z0-9/]{0,20}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(
    TITLE,
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)),
    st.one_of(st.none(), AGENCY),
    st.one_of(st.none(), URL),
    st.lists(PARAGRAPH, min_size=1, max_size=5),
)
def test_digest_round_trip(title, date, agency, url, paragraphs):
    article = Article(id="", title=title, date=date, source=agency, url=url, body="\n\n".join(paragraphs), path="")
    result = parse_text(render_digest(article), "r.txt", ".txt")
    assert result.warnings == []
    (back,) = result.articles
    assert (back.title, back.date, back.source, back.url, back.body) == (title, date, agency, url, article.body)


def _collapse_per_character(text: str, spans):
    """The first implementation of snippets.collapse, kept as the reference: a map of every character."""
    import re

    out, mapping, pos, last = [], [0] * (len(text) + 1), 0, 0
    for m in re.finditer(r"\s+", text):
        for i in range(last, m.start()):
            mapping[i] = pos
            pos += 1
        out.append(text[last : m.start()])
        for i in range(m.start(), m.end()):
            mapping[i] = pos
        out.append(" ")
        pos += 1
        last = m.end()
    for i in range(last, len(text)):
        mapping[i] = pos
        pos += 1
    out.append(text[last:])
    return "".join(out), [(mapping[s], mapping[e - 1] + 1) for s, e in spans if e > s]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0c", max_size=60), st.data())
def test_collapse_maps_spans_as_a_per_character_map_does(text, data):
    from newsgrep.query.snippets import collapse

    bound = st.integers(0, len(text))
    spans = data.draw(st.lists(st.tuples(bound, bound).map(sorted).map(tuple), max_size=5))
    assert collapse(text, spans) == _collapse_per_character(text, spans)
