"""Timeline, facets, similar articles, did-you-mean and export, on the seeds."""

from __future__ import annotations

import json
import shutil

from conftest import FEB, FIXTURES, JAN


def test_timeline_by_month_acceptance(in_seeds, run):
    result = run("timeline", "Lavrov", "--by", "month", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{"period": "2019-01", "count": 1}, {"period": "2019-02", "count": 1}]


def test_timeline_fills_empty_periods(in_seeds, run):
    weeks = json.loads(run("timeline", "Japan", "--by", "week", "--json").stdout)
    assert weeks == [
        {"period": "2019-W03", "count": 1},
        {"period": "2019-W04", "count": 0},
        {"period": "2019-W05", "count": 0},
        {"period": "2019-W06", "count": 0},
        {"period": "2019-W07", "count": 0},
        {"period": "2019-W08", "count": 1},
    ]
    days = json.loads(run("timeline", "Japan", "--by", "day", "--json").stdout)
    assert (len(days), days[0], days[-1]) == (
        37,
        {"period": "2019-01-17", "count": 1},
        {"period": "2019-02-22", "count": 1},
    )
    assert json.loads(run("timeline", "Japan", "--by", "year", "--json").stdout) == [{"period": "2019", "count": 2}]


def test_timeline_terminal_chart(in_seeds, run):
    out = run("timeline", "Japan", "--by", "month", "--color", "never").stdout.splitlines()
    assert out[0].startswith("2019-01 █") and out[0].endswith("█ 1")
    assert out[1].startswith("2019-02 █") and out[1].endswith("█ 1")


def test_timeline_bad_period_and_no_hits(in_seeds, run):
    bad = run("timeline", "Japan", "--by", "decade")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "newsgrep: error: --by 'decade' is not a period; use one of: day, week, month, year\n",
    )
    none = run("timeline", "zzzzqx", "--json")
    assert (none.exit_code, none.stdout) == (1, "[]\n")


def test_facets_acceptance(in_seeds, run):
    doc = json.loads(run("search", "Japan", "--facet", "source", "--json").stdout)
    assert doc["facets"] == {"source": {"Russian News Agency": 2}}
    months = json.loads(run("search", "Japan", "--facet", "month", "--facet", "speaker", "--json").stdout)
    assert months["facets"]["month"] == {"2019-01": 1, "2019-02": 1}
    assert months["facets"]["speaker"]["Sergey Lavrov"] == 2


def test_facets_in_the_terminal(in_seeds, run):
    out = run("search", "Japan", "--facet", "source", "--color", "never").stdout
    assert "by source" in out
    assert "Russian News Agency  2" in out


def test_unknown_facet(in_seeds, run):
    result = run("search", "Japan", "--facet", "author")
    assert result.stderr == "newsgrep: error: --facet 'author' is not a facet; use one of: source, speaker, month\n"


def test_similar_acceptance(in_seeds, run):
    result = run("similar", JAN, "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert [h["id"] for h in doc["hits"]] == [FEB]
    missing = run("similar", "nope")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "newsgrep: error: no article with id 'nope'; find ids with `newsgrep search --json`\n",
    )


def test_did_you_mean_acceptance(in_seeds, run):
    result = run("search", "lavorv")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "newsgrep: did you mean: lavrov?\n")
    doc = json.loads(run("search", "lavorv", "--json").stdout)
    assert (doc["total"], doc["suggestion"]) == (0, "lavrov")
    # real words, not stems: "sanctoins" -> "sanctions", keeping the rest of the query
    assert json.loads(run("search", "Japan AND sanctoins", "--json").stdout)["suggestion"] == "Japan AND sanctions"
    assert json.loads(run("search", "zzzzqx", "--json").stdout)["suggestion"] is None


def test_export_opensearch_acceptance(in_seeds, run):
    result = run("export", "--format", "opensearch")
    assert result.exit_code == 0
    assert result.stdout.endswith("\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    for action, source in zip(lines[0::2], lines[1::2], strict=True):
        assert list(action) == ["index"]
        assert action["index"]["_index"] == "newsgrep"
        assert action["index"]["_id"] == source["id"]
        assert {"title", "date", "body", "source", "speakers", "quotes"} <= set(source)
    assert [line["id"] for line in lines[1::2]] == [JAN, FEB]


def test_export_mapping(run):
    mapping = json.loads(run("export", "--mapping").stdout)["mappings"]["properties"]
    assert mapping["date"]["type"] == "date"
    assert (mapping["speakers"]["type"], mapping["source"]["type"]) == ("keyword", "keyword")
    assert (mapping["title"]["analyzer"], mapping["body"]["analyzer"]) == ("english", "english")
    assert mapping["quotes"]["type"] == "nested"


def test_export_jsonl_round_trip(in_seeds, run, tmp_path, monkeypatch):
    exported = run("export", "--format", "jsonl").stdout
    records = [json.loads(line) for line in exported.splitlines()]
    assert [r["id"] for r in records] == [JAN, FEB]
    assert records[0]["quotes"][0]["speaker"] == "Sergey Lavrov"
    (tmp_path / "export.jsonl").write_text(exported)
    fresh = {"NEWSGREP_INDEX": str(tmp_path / "ix")}
    assert run("index", str(tmp_path / "export.jsonl"), env=fresh).exit_code == 0

    def answers(env):
        out = []
        for q in ("Kuril", "Japan", '"true partnership"', "sanction"):
            hits = json.loads(run("search", q, "--limit", "0", "--json", env=env).stdout)["hits"]
            out.append([{k: v for k, v in h.items() if k not in ("path", "line")} for h in hits])  # where it was read
        return out

    assert answers(fresh) == answers({})


def test_export_filters(workdir, run):
    shutil.copy(FIXTURES / "multi.txt", workdir / "seeds" / "multi.txt")
    run("index")
    lines = run("export", "--source", "daily sabah").stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["TURKEY AND RUSSIA DISCUSS GRAIN CORRIDOR"]


def test_facets_show_only_the_top_hits_regression(workdir, run):
    # Regression: with --facet, Whoosh returned every match as a hit and each got a snippet.
    from corpus_util import write_corpus

    write_corpus(workdir / "seeds" / "many", 60, per_file=20)
    run("index")
    doc = json.loads(run("search", "talks", "--facet", "month", "--limit", "3", "--json").stdout)
    assert (doc["total"], len(doc["hits"])) == (60, 3)
    assert sum(doc["facets"]["month"].values()) == 60
