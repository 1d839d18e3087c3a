"""The whole-body patterns written so that the search skips ahead in C (the look-behind after the
first character, or a look-ahead on it) find what their plain forms found: same spans, same groups."""

from __future__ import annotations

import re

from newsgrep.attribution import marks, speakers, wire

TEXTS = [
    "Reagan said so.",
    "O'Neill and d'Estaing met; x-Ray, 'Tis, ’Brien and -Smith did not.",
    "Mr. Jan de Wit, Bashar al-Assad and Donald J. Trump spoke to Émile Zola's heirs.",
    "(President Reagan) and ex-President Carter; Foreign Minister Shevardnadze met.Premier Lind",
    "'Tis said: 'we won the vote' (‘it was close’) but rock'n'roll isn't 'one'.",
    "Dr. Kell and Mrs. Macer met Ms. Lee; MMr. No and Dr.No did not.",
]
PLAIN = {
    "_CAP_RUN": re.compile(
        speakers._CAP_RUN.pattern.replace("[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\\w'’-].)", "(?<![\\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž]", 1)
    ),
    "_CAP_WORD": re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]+"),
    "_HONORIFIC_NAME": re.compile(r"\b(Mr|Mrs|Ms|Dr)\. ([A-Z][\w'’-]+)"),
    "_SINGLE_OPEN": re.compile(r"(?:^|(?<=[\s(\[—–]))[‘'](?=\w)"),
    "_TITLED": re.compile(re.sub(r"\(\?=\[[A-Z]+\]\)", "", wire._TITLED.pattern, count=1)),
}
FAST = {
    "_CAP_RUN": speakers._CAP_RUN,
    "_CAP_WORD": speakers._CAP_WORD,
    "_HONORIFIC_NAME": speakers._HONORIFIC_NAME,
    "_SINGLE_OPEN": marks._SINGLE_OPEN,
    "_TITLED": wire._TITLED,
}


def _found(pattern, text, pos=0):
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


def test_fast_patterns_find_what_the_plain_ones_find():
    assert all(FAST[name].pattern != PLAIN[name].pattern for name in FAST)
    for name, fast in FAST.items():
        for text in TEXTS:
            for pos in range(len(text)):
                assert _found(fast, text, pos) == _found(PLAIN[name], text, pos), (name, text, pos)


def test_fast_patterns_exact_matches():
    assert [m.group() for m in speakers._CAP_RUN.finditer(TEXTS[2])] == [
        "Jan de Wit",
        "Bashar al-Assad",
        "Donald J. Trump",
        "Émile Zola's",
    ]
    assert [m.start() for m in marks._SINGLE_OPEN.finditer(TEXTS[4])] == [0, 11, 30, 68]
    assert [m.groups() for m in speakers._HONORIFIC_NAME.finditer(TEXTS[5])] == [
        ("Dr", "Kell"),
        ("Mrs", "Macer"),
        ("Ms", "Lee"),
    ]
    assert [m.group() for m in wire._TITLED.finditer(TEXTS[3])] == [
        "President Reagan",
        "Minister Shevardnadze",
    ]  # not "met.Premier Lind"
