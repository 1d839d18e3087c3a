"""The plain-text hit printer writes exactly what Rich writes into a pipe or a file."""

from __future__ import annotations

import contextlib
import io
import shutil

import pytest
from conftest import FIXTURES

from newsgrep.index.store import open_index
from newsgrep.index.writer import update_index
from newsgrep.models import Hit, SearchResult, Snippet
from newsgrep.output import plain
from newsgrep.output import terminal as render
from newsgrep.query.search import SearchRequest, search


class Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


def both(result) -> tuple[str, str]:
    rich_out = Pipe()
    with contextlib.redirect_stdout(rich_out):
        render.print_hits(render.console("auto"), result)
    plain_out = Pipe()
    plain.print_hits(result, plain_out)
    return rich_out.getvalue(), plain_out.getvalue()


@pytest.mark.parametrize("query", ["Kuril", "Japan", "treaty OR sanctions", "zzzzqx", '"peace treaty"', "Lavrov"])
def test_plain_hits_are_riches_bytes_on_the_seeds(in_seeds, query):
    result = search(open_index("index"), "index", SearchRequest(query, limit=0))
    rich_text, plain_text = both(result)
    assert plain_text == rich_text


def test_plain_hits_are_riches_bytes_on_hostile_articles(workdir, monkeypatch):
    shutil.copy(FIXTURES / "hostile.txt", workdir / "seeds" / "hostile.txt")
    update_index("index", ["seeds"], jobs=1)
    for query in ("*", "bold", "link", "screen"):
        result = search(open_index("index"), "index", SearchRequest(query, limit=0))
        rich_text, plain_text = both(result)
        assert plain_text == rich_text


def test_plain_hits_on_edge_cases_match_rich():
    cut = "x" * 200 + "Z"
    hits = [
        Hit("a", "Title\twith [bold]markup[/bold]", None, None, None, "p", [], 1.0, [Snippet("lower start", [[0, 5]])]),
        Hit("b", "T", "2019-01-01", "\x1b[31mRed\x1b[0m", "u", "p", ["A\u202eB", ""], 2.0, [Snippet(cut, [])]),
        Hit("c", "Ünïcödé 日本", "2019-01-02", "", None, "p", ["Zoë"], 0.5, [Snippet("end.", []), Snippet("", [])]),
    ]
    rich_text, plain_text = both(SearchResult("q", 3, hits))
    assert plain_text == rich_text
    assert plain_text.splitlines()[0] == "Title with [bold]markup[/bold]  undated · a"


def test_plain_applies_only_where_rich_sees_no_terminal(monkeypatch):
    class Tty(Pipe):
        def isatty(self) -> bool:
            return True

    for key in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(key, raising=False)
    assert plain.applies("auto", Pipe()) and plain.applies("never", Pipe())
    assert not plain.applies("auto", Tty()) and not plain.applies("always", Pipe())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not plain.applies("auto", Pipe())
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    assert plain.applies("auto", Tty())


def test_the_ellipsis_marks_a_cut_not_a_lower_case_letter_regression():
    """Issue 15: a whole sentence in lower case was printed as "…the talks ended." although nothing
    was cut before it; a passage cut inside a sentence that starts in capitals had no "…"."""
    hits = [
        Hit(
            "a",
            "T",
            "2019-01-01",
            None,
            None,
            "p",
            [],
            1.0,
            [
                Snippet("the talks ended.", [[4, 9]]),
                Snippet("Geneva talks went on", [], cut_before=True, cut_after=True),
                Snippet("and ended.", [], cut_before=True),
            ],
        )
    ]
    rich_text, plain_text = both(SearchResult("q", 1, hits))
    assert plain_text == rich_text == "T  2019-01-01 · a\n  the talks ended.\n  …Geneva talks went on…\n  …and ended.\n"


def test_a_long_quoted_line_wraps_under_itself_on_a_terminal_regression():
    """QA on Reuters at 80 columns: the people quoted wrapped to column 0, under the header's left edge."""
    from rich.console import Console

    people = ["Defence Department officials", "Reagan administration officials", "Defence officials", "Kuwait"]
    people += ["State Department", "Tehran Radio", "Iran"]
    hits = [Hit("a", "T", "2019-01-01", None, None, "p", people, 1.0, [Snippet("Short.", [])])]
    con = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None)
    con.soft_wrap = False
    render.print_hits(con, SearchResult("q", 1, hits))
    assert con.file.getvalue() == (
        "T  2019-01-01 · a\n"
        "  quoted: Defence Department officials, Reagan administration officials, Defence\n"
        "  officials, Kuwait, State Department, Tehran Radio, Iran\n"
        "  Short.\n"
    )
    rich_text, plain_text = both(SearchResult("q", 1, hits))  # into a pipe: one line, as before
    assert plain_text == rich_text
    assert plain_text.splitlines()[1] == "  quoted: " + ", ".join(people)


def test_stats_lines_have_no_trailing_spaces_regression():
    """QA on Reuters: `newsgrep stats | cat -A` showed every line padded to the widest source's."""
    from newsgrep.query.browse import Stats

    st = Stats(18597, 58802, "1987-02-26", "2024-12-26", {"Reuters (Distribution 1.0)": 18577, "tass.com": 20}, 21,
               99_739_648, "2026-12-07T20:39:33+00:00", "/tmp/idx")  # fmt: skip
    out = Pipe()
    with contextlib.redirect_stdout(out):
        render.print_stats(render.console("auto"), st)
    assert out.getvalue() == (
        "articles    18,597\n"
        "quotations  58,802\n"
        "files       21\n"
        "dates       1987-02-26 to 2024-12-26\n"
        "index       /tmp/idx (97,402 KiB)\n"
        "updated     2026-12-07T20:39:33+00:00\n"
        "source      Reuters (Distribution 1.0): 18,577\n"
        "source      tass.com: 20\n"
    )
