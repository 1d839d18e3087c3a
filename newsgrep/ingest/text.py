"""Text hygiene: article text is data, and never reaches a terminal as control codes.

Used at ingest (articles.py) and again when rendering (output/terminal.py), so it is
kept tiny and cheap to import.
"""

from __future__ import annotations

import re

# Terminal escape sequences: CSI, OSC (hyperlinks, titles), DCS/PM/APC strings,
# two-byte escapes, and their 8-bit C1 forms. Article text is data: these are
# removed at ingest so that no output mode can ever replay them.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"
    r"|[\x90\x98\x9e\x9f][^\x9c]*\x9c?"
)
# Remaining C0/C1 controls (tab and newline excepted) and the Unicode
# bidirectional overrides that can make a terminal line lie about its content.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean_text(text: str) -> str:
    """Strip escape sequences and control characters; keep newlines."""
    if text.isascii() and text.isprintable():
        return text
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text.replace("\t", " "))


def clean_line(text: str) -> str:
    """``clean_text`` for one-line fields (title, source, url): whitespace collapsed."""
    return _SPACES.sub(" ", clean_text(text).replace("\n", " ")).strip()
