"""The terminal conventions people expect (issue 15, point 16)."""

from __future__ import annotations

import json

import pytest

from newsgrep.cli import fastpath
from newsgrep.query import timeline as timeline_mod


def test_dash_h_is_help_and_dash_v_the_version(in_seeds, run):
    assert run("search", "-h").stdout == run("search", "--help").stdout
    assert run("-h").stdout == run("--help").stdout
    assert (run("-V").exit_code, run("-V").stdout) == (0, run("--version").stdout)
    assert fastpath.run(["-V"]) == 0


@pytest.mark.parametrize("fast", [True, False])
def test_count_prints_only_the_number(in_seeds, run, capsys, fast):
    if fast:
        assert fastpath.run(["search", "Japan", "--count"]) == 0
        assert capsys.readouterr().out == "2\n"
        assert fastpath.run(["search", "zzqx", "--count"]) == 1
        assert capsys.readouterr().out == "0\n"
    else:
        assert (run("search", "Japan", "--count").stdout, run("search", "Japan", "--count").exit_code) == ("2\n", 0)
        assert (run("search", "zzqx", "--count").stdout, run("search", "zzqx", "--count").exit_code) == ("0\n", 1)


def test_offset_pages_through_the_hits(in_seeds, run):
    first = json.loads(run("search", "Japan", "--sort", "date", "-n", "1", "--json").stdout)
    second = json.loads(run("search", "Japan", "--sort", "date", "-n", "1", "--offset", "1", "--json").stdout)
    past = json.loads(run("search", "Japan", "--sort", "date", "-n", "1", "--offset", "5", "--json").stdout)
    assert [h["date"] for h in first["hits"] + second["hits"]] == ["2019-01-17", "2019-02-22"]
    assert (first["total"], second["total"], past["total"], past["hits"]) == (2, 2, 2, [])
    beyond = run("search", "Japan", "--offset", "5")  # regression: exit 1 and not a word
    assert (beyond.exit_code, beyond.stdout, beyond.stderr) == (
        1,
        "",
        "newsgrep: --offset 5 is past the last of the 2 hits; use a smaller one\n",
    )


@pytest.mark.parametrize("fast", [True, False])
def test_count_with_json_is_a_usage_error_regression_it_printed_a_bare_number(in_seeds, run, capsys, fast):
    message = "newsgrep: error: --count prints only the number, --json the hits; pick one (--json has `total`)\n"
    if fast:
        assert fastpath.run(["search", "Japan", "--count", "--json"]) == 2
        out = capsys.readouterr()
        assert (out.out, out.err) == ("", message)
    else:
        result = run("search", "Japan", "--count", "--json")
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_several_words_unquoted_get_a_hint(in_seeds, capsys):
    from newsgrep.cli import app

    code = app.run(["search", "gulf", "tanker"])
    assert (code, capsys.readouterr().err) == (
        2,
        "newsgrep: error: Got unexpected extra argument(s) (tanker); a query of several words is one argument: "
        'quote it, as in newsgrep search "gulf tanker"\n',
    )


def test_the_hint_keeps_option_values_out_of_the_query(in_seeds, capsys):
    """Regression: `search gulf tanker -n 3` suggested the query "gulf tanker 3"."""
    from newsgrep.cli import app

    code = app.run(["search", "gulf", "tanker", "--from", "1987-03", "-n", "3", "--json"])
    assert (code, capsys.readouterr().err) == (
        2,
        "newsgrep: error: Got unexpected extra argument(s) (tanker); a query of several words is one argument: "
        'quote it, as in newsgrep search "gulf tanker" --from 1987-03 -n 3 --json\n',
    )


def test_a_timeline_of_too_many_rows_says_what_to_do(in_seeds, run, monkeypatch):
    """Regression: `--by day` over 37 years printed 13,815 rows."""
    monkeypatch.setattr(timeline_mod, "MAX_PERIODS", 10)
    result = run("timeline", "*", "--by", "day")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: --by day from 2019-01-17 to 2019-02-22 is more than 10 rows; "
        "use --by week or month or year, or narrow it with --from/--to\n",
    )
    assert run("timeline", "*", "--by", "week").exit_code == 0


def test_a_month_facet_is_in_date_order(in_seeds, run):
    facets = json.loads(run("search", "*", "--facet", "month", "--json").stdout)["facets"]
    assert list(facets["month"]) == ["2019-01", "2019-02"]


def test_stats_lists_no_source_without_articles(workdir, run):
    (workdir / "seeds" / "x.jsonl").write_text(
        '{"title": "Gone", "date": "2019-03-01", "body": "A body.", "source": "Vanishing Agency"}\n'
    )
    assert run("index").exit_code == 0
    assert "Vanishing Agency" in json.loads(run("stats", "--json").stdout)["sources"]
    (workdir / "seeds" / "x.jsonl").unlink()
    assert run("index").exit_code == 0
    assert json.loads(run("stats", "--json").stdout)["sources"] == {"Russian News Agency": 2}


def test_usage_names_the_arguments_as_the_readme_does_regression(run):
    """QA as a new user: `search -h` read "search [OPTIONS] {query}", the README `search QUERY`."""
    usage = {
        c: run(c, "-h").stdout.splitlines()[0].split(" ", 2)[2]
        for c in ("search", "index", "quotes", "speakers", "export")
    }
    assert usage == {
        "search": "search [OPTIONS] {QUERY}",  # Typer's braces: required
        "index": "index [OPTIONS] [PATH...]",
        "quotes": "quotes [OPTIONS] [QUERY]",
        "speakers": "speakers [OPTIONS] [QUERY]",
        "export": "export [OPTIONS] [QUERY]",
    }
