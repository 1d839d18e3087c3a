"""Invisible and format characters, empty files, FIFOs, and file names as data (issue 16, points 6 and 7)."""

from __future__ import annotations

import json
import os

import pytest

from newsgrep.ingest.articles import parse_bytes
from newsgrep.ingest.files import discover
from newsgrep.ingest.text import clean_line, clean_text, printable
from newsgrep.output.stdio import to_json


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("wombat\x00ten", "wombat ten"),  # regression: a removed control joined two words into one
        ("La\u200bvrov", "Lavrov"),  # a zero-width space inside a word
        ("\ufeffTitle", "Title"),
        ("left\u202eright\u202c", "leftright"),  # a bidi override
        ("a\u2066b\u2069c\u061cd\u200e\u200f", "abcd"),
        ("one\u2028two", "one\ntwo"),
        ("p1\u2029p2", "p1\n\np2"),
        ("keep\u200djoiners\u200c", "keep\u200djoiners\u200c"),  # Persian and emoji need them
        ("\x1b[31mred\x1b[0m", "red"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_one_line_fields_have_no_separator_left():
    assert clean_line("A\u2028B\u2029C") == "A B C"


def test_printable_shows_what_a_file_name_hides():
    name = "x\x1b]8;;http://evil\x07y\x1b[2J\u202ez\x9b.txt"
    assert printable(name) == "x\\x1b]8;;http://evil\\x07y\\x1b[2J\\u202ez\\x9b.txt"
    assert printable("plain/path.txt") == "plain/path.txt"


def test_json_never_carries_a_c1_control_or_an_invisible_character_raw():
    """Regression: U+009B (8-bit CSI) and U+202E in a file name passed raw into --json."""
    value = {"path": "a\x9b2Jb\u202ec\u200bd\x1be", "title": "Кириллица ok"}
    text = to_json(value)
    assert text == '{"path": "a\\u009b2Jb\\u202ec\\u200bd\\u001be", "title": "Кириллица ok"}'
    assert json.loads(text) == value  # the data is unchanged


def test_an_empty_file_says_so():
    assert [w.message for w in parse_bytes(b"  \n\n", "e.txt", ".txt").warnings] == ["empty file; nothing to index"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_a_fifo_is_never_opened_and_is_reported(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    fifo_warning = (str(fifo), "not a regular file (a FIFO, socket or device); skipped")
    found, warnings = discover([str(fifo)])
    assert (found, [(w.path, w.message) for w in warnings]) == ([], [fifo_warning])
    found, warnings = discover([str(tmp_path)])
    assert (found, [(w.path, w.message) for w in warnings]) == (
        [],
        [
            fifo_warning,
            (str(tmp_path), "no article files here (looked for .json, .jsonl, .md, .ndjson, .txt); nothing to index"),
        ],
    )
