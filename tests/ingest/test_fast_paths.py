"""Ingest's shortcuts for plain text answer as the full paths do (clean_text's ASCII check, decode's count)."""

from __future__ import annotations

import pytest

from newsgrep.ingest import text
from newsgrep.ingest.articles import BinaryFileError, decode


def _slow_clean(value: str) -> str:
    value = text._ESCAPES.sub("", value).translate(text._SEPARATORS)
    return text._CONTROLS.sub(" ", text._INVISIBLE.sub("", value.replace("\t", " ")))


@pytest.mark.parametrize(
    "value",
    [
        "Plain words.\n\nA second paragraph.",
        "tab\there",
        "cr\r\nlf",
        "bell\x07 and del\x7f",
        "esc\x1b[31mred\x1b[0m",
        "form\x0cfeed",
        "",
    ],
)
def test_clean_text_ascii_shortcut_equals_the_full_cleaning(value):
    assert text.clean_text(value) == _slow_clean(value)


def test_clean_text_keeps_plain_ascii_as_it_is():
    value = 'Reagan said: "We won."\n\nNo change here.'
    assert text.clean_text(value) is value
    assert text.clean_text("a\tb\rc\x00d") == "a b c d"


def test_decode_counts_binary_controls_only():
    # tabs, newlines, form feeds, carriage returns and ESC are text: no count
    assert decode(b"a\tb\n\x0c\r\x1b" * 10)[0] == "a\tb\n\x0c\r\x1b" * 10
    # one control in 20 characters is 5%: still text; more is binary
    assert decode(b"x" * 19 + b"\x01")[0].endswith("\x01")
    with pytest.raises(BinaryFileError):
        decode(b"x" * 18 + b"\x01\x0b")
