"""`--source` matches as people type: words, prefixes, any case or accents (issue 15, point 11)."""

from __future__ import annotations

import json

import pytest

from newsgrep.query.search import matching_sources

AVAILABLE = ["reuters (reuters-21578 distribution 1.0)", "russian news agency", "tass", "anadolu ajansı", "daily sabah"]


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("reuters", ["reuters (reuters-21578 distribution 1.0)"]),
        ("Reuters", ["reuters (reuters-21578 distribution 1.0)"]),
        ("russian news", ["russian news agency"]),
        ("RUSS NEWS", ["russian news agency"]),
        ("news russian", ["russian news agency"]),  # any order
        ("tass", ["tass"]),
        ("anadolu ajansi", ["anadolu ajansı"]),  # accents folded
        ("daily sabah", ["daily sabah"]),
        ("agency", ["russian news agency"]),
        ("reutrs", []),
        ("news tass", []),  # every word must fit
        ("", []),
    ],
)
def test_matching_sources(name, found):
    assert matching_sources(name, AVAILABLE) == found


def test_the_whole_name_wins_over_prefixes():
    assert matching_sources("tass", ["tass", "tassili news"]) == ["tass"]
    assert matching_sources("tas", ["tass", "tassili news"]) == ["tass", "tassili news"]


RECORDS = "\n".join(
    json.dumps({"title": f"Oil {n}", "date": "1987-03-02", "body": f"Oil prices, part {n}.", "source": source})
    for n, source in enumerate(
        ["Reuters (Reuters-21578 Distribution 1.0)", "TASS", "Reuters (Reuters-21578 Distribution 1.0)"]
    )
)


def test_source_by_its_first_word_and_an_unknown_one_said_on_stderr(workdir, run):
    (workdir / "seeds" / "wire.jsonl").write_text(RECORDS + "\n")
    assert run("index").exit_code == 0
    assert run("search", "oil", "--source", "reuters", "--count").stdout == "2\n"
    assert run("search", "oil", "--source", "tass", "--source", "reuters", "--count").stdout == "3\n"
    assert json.loads(run("timeline", "oil", "--source", "reuters", "--json").stdout) == [
        {"period": "1987-03", "count": 2}
    ]
    unknown = run("search", "oil", "--source", "reutres", "--json")
    assert (unknown.exit_code, json.loads(unknown.stdout)["total"]) == (1, 0)
    assert unknown.stderr == (
        "newsgrep: no source matches --source 'reutres'; the sources are: "
        "Reuters (Reuters-21578 Distribution 1.0), Russian News Agency, TASS\n"
    )
    close = run("search", "oil", "--source", "tas", "--source", "xinhua", "--count")
    assert (close.stdout, close.stderr) == ("1\n", "")  # something matched: no notice


def test_every_command_with_source_says_when_no_agency_matches_regression_only_search_did(workdir, run):
    (workdir / "seeds" / "wire.jsonl").write_text(RECORDS + "\n")
    assert run("index").exit_code == 0
    notice = (
        "newsgrep: no source matches --source 'reutres'; the sources are: "
        "Reuters (Reuters-21578 Distribution 1.0), Russian News Agency, TASS\n"
    )
    for argv in (["quotes"], ["speakers"], ["timeline", "oil"], ["export", "oil"]):
        result = run(*argv, "--source", "reutres")
        assert (argv, result.exit_code, result.stderr) == (argv, 1, notice)
    # a known agency with nothing to show is no hits, without a notice
    quiet = run("quotes", "--source", "tass")
    assert (quiet.exit_code, quiet.stderr) == (1, "")
