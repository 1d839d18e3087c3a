"""Output that reads right (issue 15, points 14 and 15): hit headers at 80 columns, title
highlights, quotation kinds, and `show` listing the quotations with their speakers."""

from __future__ import annotations

import io
import json
import re

from conftest import FEB, JAN
from rich.console import Console

from newsgrep.models import Hit, QuoteHit, SearchResult
from newsgrep.output import terminal as render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def terminal(width: int = 80, color: bool = False) -> tuple[Console, io.StringIO]:
    """A console that wraps as a terminal of ``width`` columns does (colour codes only when asked)."""
    out = io.StringIO()
    con = Console(file=out, width=width, force_terminal=True, color_system="standard" if color else None)
    con.soft_wrap = False
    return con, out


def test_header_too_wide_for_80_columns_breaks_between_title_and_date(in_seeds, run):
    out = run("search", "Kuril", "--color", "always", env={"COLUMNS": "80"}).stdout
    lines = ANSI.sub("", out).splitlines()
    assert lines[:4] == [
        "LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS",
        "  2019-01-17 · Russian News Agency · 0060954e59a0",
        "  quoted: Sergey Lavrov, Moscow",
        "  Kuril Islands issue",
    ]
    assert max(len(line) for line in lines) <= 80


def test_header_that_fits_stays_one_line(in_seeds, run):
    out = run("search", "Kuril", "--color", "always", env={"COLUMNS": "100"}).stdout
    first = ANSI.sub("", out).splitlines()[0]
    assert first == "LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS  2019-01-17 · Russian News Agency · 0060954e59a0"


def test_header_wraps_only_at_separators():
    """Rich broke a long header at any space: "Russian News" / "Agency · id"."""
    con, out = terminal(width=40)
    hit = Hit(
        "5f0bffabf7e0",
        "IRAN ANNOUNCES NEW OFFENSIVE IN GULF WAR AGAIN",
        "1987-03-04",
        "Reuters (Reuters-21578 Distribution 1.0)",
        None,
        "p",
        [],
        1.0,
        [],
    )
    render.print_hits(con, SearchResult("q", 1, [hit]))
    assert out.getvalue().splitlines() == [
        "IRAN ANNOUNCES NEW OFFENSIVE IN GULF WAR",
        "AGAIN",
        "  1987-03-04",
        "  Reuters (Reuters-21578 Distribution",
        "  1.0)",
        "  5f0bffabf7e0",
    ]


def test_title_matches_are_marked_in_the_terminal(in_seeds, run):
    out = run("search", "lavrov", "--color", "always", env={"COLUMNS": "200"}).stdout
    assert out.startswith(
        "\x1b[1;7mLAVROV\x1b[0m\x1b[1m COMMENTS ON RUSSIAN-JAPANESE RELATIONS\x1b[0m  \x1b[36m2019-01-17"
    )


def test_title_matches_are_offsets_in_json_never_escapes(in_seeds, run):
    out = run("search", 'lavrov OR "japanese relations"', "--json", "--color", "always").stdout
    assert "\x1b" not in out
    hits = {h["id"]: h for h in json.loads(out)["hits"]}
    marked = {i: [h["title"][a:b] for a, b in h["title_matches"]] for i, h in hits.items()}
    assert marked == {JAN: ["LAVROV", "JAPANESE RELATIONS"], FEB: ["LAVROV"]}
    assert hits[FEB]["title_matches"] == [[82, 88]]


def test_title_only_field_query_marks_the_title_not_the_body(in_seeds, run):
    (hit,) = json.loads(run("search", "title:comments", "--json").stdout)["hits"]
    assert (hit["id"], hit["title_matches"]) == (JAN, [[7, 15]])
    assert [s["matches"] for s in hit["snippets"]] == [[]]


def quote(kind: str, text: str, cue: str | None = "said") -> QuoteHit:
    return QuoteHit(
        "Sergey Lavrov", "Foreign Minister", kind, cue, text, "abc", "TITLE", "2019-01-17", "TASS", None, "p"
    )


def test_quotation_kinds_read_differently():
    """Indirect speech was printed in quotation marks, as if verbatim."""
    con, out = terminal(width=80)
    render.print_quotes(
        con,
        [
            quote("direct", "We are far from partnership"),
            quote("partial", "far from partnership", cue=None),
            quote("partial", 'the talks were "far from partnership" so far', cue="noted"),
            quote("indirect", "Japan did not join the sanctions"),
        ],
    )
    assert out.getvalue().splitlines() == [
        "Sergey Lavrov (Foreign Minister)  direct, said",
        "  “We are far from partnership”",
        "  TITLE  2019-01-17 · TASS · abc",
        "",
        "Sergey Lavrov (Foreign Minister)  partial",
        "  “far from partnership”",
        "  TITLE  2019-01-17 · TASS · abc",
        "",
        "Sergey Lavrov (Foreign Minister)  partial, noted",
        '  the talks were "far from partnership" so far',
        "  TITLE  2019-01-17 · TASS · abc",
        "",
        "Sergey Lavrov (Foreign Minister)  indirect, said",
        "  ≈ Japan did not join the sanctions",
        "  TITLE  2019-01-17 · TASS · abc",
    ]


def test_indirect_speech_is_italic_without_marks():
    con, out = terminal(width=80, color=True)
    render.print_quotes(con, [quote("indirect", "Japan did not join")])
    assert out.getvalue().splitlines()[1] == "  \x1b[2m≈ \x1b[0m\x1b[3mJapan did not join\x1b[0m"


def test_quotes_command_marks_kinds_and_keeps_kind_in_json(in_seeds, run):
    out = run("quotes", "sovereignty OR sanctions", "--color", "never").stdout
    assert out.splitlines() == [
        "Sergey Lavrov (Russian Foreign Minister)  partial, pointed out",
        "  “Japan did not join some sanctions [against Russia] but it did join a number of them.”",
        f"  LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS  2019-01-17 · Russian News Agency · {JAN}",
        "",
        "Moscow  indirect, stated",
        "  ≈ Russia's sovereignty over the islands cannot be called into question",
        f"  LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS  2019-01-17 · Russian News Agency · {JAN}",
    ]
    kinds = [
        (q["speaker"], q["kind"])
        for q in json.loads(run("quotes", "sovereignty OR sanctions", "--json").stdout)["quotes"]
    ]
    assert kinds == [("Sergey Lavrov", "partial"), ("Moscow", "indirect")]


def test_show_lists_the_quotations_with_their_speakers(in_seeds, run):
    out = run("show", FEB, "--color", "never").stdout.splitlines()
    listed = out[out.index("quotations (10)") :]
    assert listed[:5] == [
        "quotations (10)",
        "  Sergey Lavrov (Russian Foreign Minister)  indirect, stated",
        "    ≈ Japans pro-American stance stands in the way of taking Russian-Japanese relations to a new level",
        "  Sergey Lavrov (Russian Foreign Minister)  direct, said",
        "    “The agreement between Russian President Vladimir Putin and Japanese Prime Minister Shinzo Abe means"
        " that we need to take our relations to a qualitatively new level. This is the number one priority of"
        " economy, politics and the sphere of security, where we encounter many problems, including Japan"
        " prioritizing a military alliance with the US in the security area”",
    ]
    assert len(listed) == 1 + 2 * 10


def test_show_at_80_columns_wraps_without_trailing_spaces(in_seeds, run):
    out = ANSI.sub("", run("show", JAN, "--color", "always", env={"COLUMNS": "80"}).stdout).splitlines()
    assert out[:3] == [
        "LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS",
        "  2019-01-17 · Russian News Agency · 0060954e59a0",
        "http://tass.com/politics/1040214",
    ]
    assert [line for line in out if line.endswith(" ") or len(line) > 80] == []
    assert out[out.index("quotations (14)") + 1 :][:3] == [
        "  Sergey Lavrov (Russian Foreign Minister)  indirect, said",
        "    ≈ Moscow and Tokyo still have a long way to go to become true partners on",
        "    the international stage",
    ]
