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
# Remaining C0/C1 controls (tab and newline excepted): a space, so that two words
# a control character stood between stay two searchable words ("wombat\x00ten").
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible characters that change how a line reads, or split a word unseen:
# bidirectional overrides, isolates and marks (a terminal line that lies about
# its content), the zero-width space, the word joiner, a stray BOM. Removed.
# The zero-width joiner and non-joiner (U+200C, U+200D) are kept: Persian,
# Indic scripts and emoji need them.
_INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# Unicode's line and paragraph separators: the newlines they are.
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})
_SPACES = re.compile(r"[ \t\u00a0]+")
# What clean_text changes in ASCII text: C0 controls but newline (tab and CR become spaces), DEL.
# Everything else it removes or maps lies beyond ASCII; a body with newlines is not isprintable().
_ASCII_CHANGED = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Strip escape sequences and invisible characters; controls become spaces; keep newlines."""
    if text.isascii() and not _ASCII_CHANGED.search(text):
        return text
    text = _ESCAPES.sub("", text).translate(_SEPARATORS)
    return _CONTROLS.sub(" ", _INVISIBLE.sub("", text.replace("\t", " ")))


def clean_line(text: str) -> str:
    """``clean_text`` for one-line fields (title, source, url): whitespace collapsed."""
    return _SPACES.sub(" ", clean_text(text).replace("\n", " ")).strip()


# Invisible, bidirectional and separator characters no output shows as themselves (one list for
# file names here and for JSON in output/stdio.py). A character class body, for both patterns.
HIDDEN_CHARS = r"\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
# Characters shown escaped rather than as themselves, in a file name printed to a terminal.
_UNPRINTABLE = re.compile(rf"[\x00-\x1f\x7f-\x9f{HIDDEN_CHARS}]")


def printable(text: str) -> str:
    """``text`` with every control and invisible character shown as an escape (``\\x1b``, ``\\u202e``).

    For file names: unlike article text they are not cleaned at ingest (they
    must still open the file), so they are made harmless, and visible, when shown.
    """
    if text.isascii() and text.isprintable():
        return text
    return _UNPRINTABLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )
