"""Search hits as plain lines, for output that is not a terminal: the same text Rich writes there.

Into a pipe or a file Rich writes no styles and wraps nothing (terminal.py turns
soft wrap on), so its output is a fixed layout of plain text. Writing that
layout directly spares a one-shot `newsgrep search ... | less` the import of
Rich (about 20 ms of a 100 ms budget). A test renders the same results both
ways and requires identical bytes.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
import sys
from collections.abc import Iterable
from typing import IO

from ..ingest.text import clean_line, clean_text


def applies(color: str, stream: IO[str] | None = None) -> bool:
    """Whether Rich would treat ``stream`` as no terminal (its rules, with --color)."""
    if color == "always":
        return False
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force == ""
    stream = stream or sys.stdout
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return True


def _snippet(snippet) -> str:
    return ("…" if snippet.cut_before else "") + clean_text(snippet.text) + ("…" if snippet.cut_after else "")


def print_hits(result, out: IO[str] | None = None) -> None:
    """Like ``render.print_hits`` into a non-terminal; results with facets go through Rich."""
    lines: list[str] = []
    for n, hit in enumerate(result.hits):
        if n:
            lines.append("")
        meta = " · ".join(clean_line(p) for p in (hit.date or "undated", hit.source, hit.id) if p)
        lines.append(f"{clean_line(hit.title)}  {meta}")
        if hit.speakers:
            lines.append("  quoted: " + ", ".join(clean_line(s) for s in hit.speakers))
        lines.extend("  " + _snippet(snip) for snip in hit.snippets)
    (out or sys.stdout).write("".join(line + "\n" for line in lines))


def _cell(text: str) -> str:
    """``clean_line`` without its four regular expressions for the usual name (10k rows: 0.5 s of `speakers`)."""
    if text.isascii() and text.isprintable() and "  " not in text and text.strip() == text:
        return text  # what clean_line would return
    return clean_line(text).replace("\t", " ")


def print_speakers(speakers, out=None) -> None:
    """One tab-separated row per speaker (name, role, quotes, articles, first, last), for sort, grep and cut.

    Into a pipe a table wraps at 80 columns and breaks those tools.
    """
    print_speaker_rows([(s.name, s.role, s.aliases, s.quotes, s.articles, s.first, s.last) for s in speakers], out)


def print_speaker_rows(rows, out=None) -> None:
    """``print_speakers`` of the rows of ``Archive.speaker_rows`` (tuples), the same bytes.

    Every row is first written as it stands and the whole text checked at
    once: only the rows with a name or role that ``_cell`` would change are
    written again through it (at 100k articles, 69k rows, ``_cell`` on each
    cell cost more than reading the rows). ``_cell`` (``clean_line``) leaves
    a printable cell (``str.isprintable``: no control, format, separator or
    space character but the plain space, in any script) as it is unless it
    has two spaces together or a space at either end.
    """
    lines = [f"{n}\t{r or ''}\t{q}\t{a}\t{f or ''}\t{z or ''}\n" for n, r, _aliases, q, a, f, z in rows]
    text = "".join(lines)
    if text.count("\t") != 5 * len(lines) or text.count("\n") != len(lines):  # a tab or a newline in a cell
        redo: Iterable[int] = range(len(lines))
    else:
        ends = list(itertools.accumulate(map(len, lines)))
        spaced = text.startswith(" ") or any(pair in text for pair in ("  ", "\t ", " \t", "\n ", " \n"))
        redo = {bisect.bisect_right(ends, m.start()) for m in _SPACING.finditer(text)} if spaced else set()
        if not text.replace("\t", "").replace("\n", "").isprintable():
            redo.update(i for i, line in enumerate(lines) if not line[:-1].replace("\t", "").isprintable())
        redo = sorted(redo)
    if redo:
        for i in redo:
            n, r, _aliases, q, a, f, z = rows[i]
            lines[i] = f"{_cell(n)}\t{_cell(r or '')}\t{q}\t{a}\t{f or ''}\t{z or ''}\n"
        text = "".join(lines)
    (out or sys.stdout).write(text)


# In the rows' text: a cell with two spaces together, or a space at either end (an empty cell is fine).
_SPACING = re.compile(r"  |(?:^|\t) | (?:\t|$)", re.MULTILINE)
