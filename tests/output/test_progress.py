"""The indexing bar on stderr names its phase (issue 15.2): a long commit never looks like a hang at 100%."""

from __future__ import annotations

import io
import re

from rich.console import Console

from newsgrep.output.terminal import ProgressBar

_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_CLOCK = re.compile(r" (-:--:--|\d+:\d\d:\d\d)$")  # time left or elapsed: the machine's pace, not the layout


def _bar(quiet: bool = False) -> ProgressBar:
    bar = ProgressBar(quiet)
    bar._con = Console(file=io.StringIO(), force_terminal=True, width=80, color_system=None)
    return bar


def _drawn(bar: ProgressBar) -> str:
    """The line on the terminal now, its clock cut off."""
    bar._progress.refresh()
    lines = [_ESCAPE.sub("", x) for x in re.split(r"[\r\n]", bar._con.file.getvalue())]
    return _CLOCK.sub(" <clock>", [x for x in lines if x.strip()][-1])


def test_each_phase_has_its_own_line_and_unit():
    bar = _bar()
    with bar:
        bar(1_000_000, 2_000_000)
        reading = _drawn(bar)
        bar.phase("adding", 18577)
        bar(8000, 18577)
        adding = _drawn(bar)
        bar.phase("reading")
        bar(2_000_000, 2_000_000)
        read = _drawn(bar)
        bar.phase("committing")
        committing = _drawn(bar)
        bar.phase("speakers")
        speakers = _drawn(bar)
    full = "━" * 40
    assert reading == "reading files   " + "━" * 20 + " " * 21 + "1.0/2.0 MB <clock>"
    assert adding == "adding articles " + "━" * 14 + "╸" + " " * 20 + "8,000/18,577 articles <clock>"
    assert read == f"reading files   {full} 2.0/2.0 MB <clock>"
    assert committing == f"writing index   {full}  <clock>"  # no total: a pulse (in colour) and the time so far
    assert speakers == f"speakers table  {full}  <clock>"


def test_quiet_draws_nothing_even_on_a_terminal():
    bar = _bar(quiet=True)
    with bar:
        bar(1, 2)
        bar.phase("committing")
    assert bar._con.file.getvalue() == ""
    assert bar._progress is None  # not even started: no refresh thread


def test_not_a_terminal_draws_nothing():
    bar = ProgressBar()
    bar._con = Console(file=io.StringIO(), force_terminal=False)
    with bar:
        bar(1, 2)
        bar.phase("adding", 10)
        bar(5, 10)
    assert bar._con.file.getvalue() == ""
