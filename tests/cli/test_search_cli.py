"""The search, show and stats commands on the seeds: exact hits, JSON fields, exit codes."""

import json
import shutil

import pytest
from conftest import ENV, FEB, FIXTURES, JAN

HIT_KEYS = [
    "id",
    "title",
    "date",
    "source",
    "url",
    "path",
    "speakers",
    "score",
    "snippets",
    "title_matches",
    "line",
    "meta",
]


def test_kuril_json_acceptance(in_seeds, run):
    result = run("search", "Kuril", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == ["query", "total", "hits", "suggestion"]
    assert (doc["query"], doc["total"], doc["suggestion"]) == ("Kuril", 1, None)
    (hit,) = doc["hits"]
    assert list(hit) == HIT_KEYS
    assert hit["id"] == JAN
    assert hit["title"] == "LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS"
    assert hit["date"] == "2019-01-17"
    assert hit["url"] == "http://tass.com/politics/1040214"
    assert hit["source"] == "Russian News Agency"
    assert hit["path"] == "seeds/001_f0a990e9aa37a018.txt"
    marked = [s["text"][a:b] for s in hit["snippets"] for a, b in s["matches"]]
    assert marked == ["Kuril", "Kuril", "Kuril"]
    assert hit["snippets"][0] == {
        "text": "Kuril Islands issue",
        "matches": [[0, 5]],
        "cut_before": False,
        "cut_after": False,
    }
    assert hit["title_matches"] == []  # "Kuril" is not in the title


def test_phrase_jsonl_gives_only_february(in_seeds, run):
    result = run("search", '"qualitatively new level"', "--jsonl")
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert [h["id"] for h in hits] == [FEB]
    marked = {s["text"][a:b] for s in hits[0]["snippets"] for a, b in s["matches"]}
    assert marked == {"qualitatively new level"}  # the phrase, not every "new" and "level"


def test_stemming_finds_sanctions(in_seeds, run):
    hits = json.loads(run("search", "sanction", "--json").stdout)["hits"]
    assert [h["id"] for h in hits] == [JAN]
    assert [s["text"][a:b] for s in hits[0]["snippets"] for a, b in s["matches"]] == ["sanctions"]


def test_date_filters(in_seeds, run):
    after = json.loads(run("search", "Japan", "--from", "01.02.2019", "--json").stdout)
    assert [h["id"] for h in after["hits"]] == [FEB]
    before = json.loads(run("search", "Japan", "--to", "2019-01", "--json").stdout)
    assert [h["id"] for h in before["hits"]] == [JAN]
    january = json.loads(run("search", "Japan", "--from", "2019-01", "--to", "2019-01", "--json").stdout)
    assert [h["id"] for h in january["hits"]] == [JAN]
    year = json.loads(run("search", "Japan", "--to", "2019", "--json").stdout)
    assert year["total"] == 2


def test_sort_and_limit(in_seeds, run):
    oldest = json.loads(run("search", "Japan", "--sort", "date", "--json").stdout)
    assert [h["id"] for h in oldest["hits"]] == [JAN, FEB]
    newest = json.loads(run("search", "Japan", "--sort", "-date", "--json").stdout)
    assert [h["id"] for h in newest["hits"]] == [FEB, JAN]
    one = json.loads(run("search", "Japan", "--sort", "-date", "--limit", "1", "--json").stdout)
    assert (one["total"], [h["id"] for h in one["hits"]]) == (2, [FEB])
    everything = json.loads(run("search", "Japan", "--limit", "0", "--json").stdout)
    assert len(everything["hits"]) == 2


def test_source_filter_is_case_insensitive_and_repeatable(in_seeds, run):
    hits = json.loads(run("search", "Japan", "--source", "russian NEWS agency", "--json").stdout)["hits"]
    assert len(hits) == 2
    none = run("search", "Japan", "--source", "Reuters", "--json")
    assert (none.exit_code, json.loads(none.stdout)["total"]) == (1, 0)
    both = run("search", "Japan", "--source", "Reuters", "--source", "Russian News Agency", "--json")
    assert json.loads(both.stdout)["total"] == 2


def test_query_language(in_seeds, run):
    def ids(q):
        return [h["id"] for h in json.loads(run("search", q, "--sort", "date", "--json").stdout)["hits"]]

    assert ids("Japan AND Kuril") == [JAN]
    assert ids("Japan NOT Kuril") == [FEB]
    assert ids("Kuril OR Businesses") == [JAN, FEB]
    assert ids("Kuri*") == [JAN]
    assert ids("Kuryl~") == [JAN]
    assert ids("title:PRO-US") == [FEB]
    assert ids("source:tass") == []


def test_bare_words_need_not_all_occur_unless_match_all(in_seeds, run):
    def found(*args):
        doc = json.loads(run("search", *args, "--json").stdout)
        return doc["total"], [h["id"] for h in doc["hits"]]

    # Kuril is only in January's article, Japan in both: the article with both words first.
    assert found("Kuril Japan") == (2, [JAN, FEB])
    assert found("Kuril Japan", "--match", "all") == (1, [JAN])
    assert found("Kuril Japan", "--match", "any") == found("Kuril Japan")
    result = run("search", "Japan", "--match", "every")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: --match 'every' is not valid; use any (rank, no word required) or all\n",
    )


def test_terminal_output_is_exact(in_seeds, run):
    result = run("search", "Kuril", "--color", "never")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        f"LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS  2019-01-17 · Russian News Agency · {JAN}"
    )
    assert "  Kuril Islands issue" in result.stdout.splitlines()
    assert "\x1b" not in result.stdout


def test_color_always_highlights_the_match(in_seeds, run):
    result = run("search", "Kuril", "--color", "always")
    assert "\x1b[1;7mKuril\x1b[0m" in result.stdout


def test_no_color_env_drops_colour(in_seeds, run):
    result = run("search", "Kuril", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[36m" not in result.stdout  # the date's colour


def test_no_hits_exits_1(in_seeds, run):
    result = run("search", "zzzzqx")
    assert (result.exit_code, result.stdout) == (1, "")


def test_bad_date_is_one_line_exit_2(in_seeds, run):
    result = run("search", "Japan", "--from", "notadate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "newsgrep: error: --from: not a date: 'notadate'; use a date such as 2019-01-17, 17.01.2019, 2019-01 or 2019\n"
    )


def test_from_after_to(in_seeds, run):
    result = run("search", "Japan", "--from", "2019-03", "--to", "2019-01")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: --from 2019-03 is later than --to 2019-01; swap them or widen the range\n",
    )


def test_unknown_sort(in_seeds, run):
    result = run("search", "Japan", "--sort", "size")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: --sort 'size' is not a sort order; use one of: relevance, date, -date\n",
    )


def test_unknown_field_in_query(in_seeds, run):
    result = run("search", "author:lavrov")
    assert result.exit_code == 2
    assert result.stderr.startswith("newsgrep: error: unknown field 'author' in the query; use one of: ")
    assert result.stderr.count("\n") == 1


def test_no_index_and_no_seeds(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    result = run("search", "Japan")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: no index at index and no articles at seeds; put articles in ./seeds "
        "(or set NEWSGREP_SEEDS) and run `newsgrep index`\n",
    )


def test_first_search_builds_the_index(workdir, run):
    result = run("search", "Kuril", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "newsgrep: no index at index yet; building it from seeds"
    assert lines[1].startswith("newsgrep: indexed 2 articles from 2 files in ")
    assert (workdir / "index" / "CURRENT").exists()


def test_environment_locations(workdir, run, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("ix") / "ix"
    shutil.move(str(workdir / "seeds"), str(workdir / "articles"))
    env = {"NEWSGREP_INDEX": str(elsewhere), "NEWSGREP_SEEDS": "articles"}
    assert run("index", env=env).exit_code == 0
    assert (elsewhere / "CURRENT").exists()
    assert json.loads(run("search", "Kuril", "--json", env=env).stdout)["hits"][0]["path"] == (
        "articles/001_f0a990e9aa37a018.txt"
    )


def test_show_json_has_the_repaired_body(in_seeds, run):
    result = run("show", FEB, "--json")
    assert result.exit_code == 0
    article = json.loads(result.stdout)
    assert article["title"].startswith("JAPAN'S PRO-US STANCE")
    assert article["date"] == "2019-02-22"
    assert "but we are committed to move towards a new level" in article["body"]
    assert list(article)[:8] == ["id", "title", "date", "source", "url", "body", "path", "line"]


def test_show_unknown_id(in_seeds, run):
    result = run("show", "nope")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: no article with id 'nope'; find ids with `newsgrep search --json`\n",
    )


def test_stats_json(in_seeds, run):
    st = json.loads(run("stats", "--json").stdout)
    assert (st["articles"], st["first"], st["last"], st["files"]) == (2, "2019-01-17", "2019-02-22", 2)
    assert st["sources"] == {"Russian News Agency": 2}
    assert st["index_bytes"] > 0
    assert st["updated"].endswith("+00:00")


def test_markup_in_articles_is_shown_literally(workdir, run):
    shutil.copy(FIXTURES / "hostile.txt", workdir / "seeds" / "hostile.txt")
    for color in ("never", "always"):
        result = run("search", "Kuril", "--source", "russian news agency", "--color", color, "--limit", "0")
        assert result.exit_code == 0
        assert "[bold red]ALERT[/bold red] CLICK TITLE" in result.stdout
        assert "[link=http://evil.example]markup[/link]" in result.stdout
        assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout and "\x9b" not in result.stdout
    raw = run("search", "evil", "--json").stdout
    assert "\\u001b" not in raw and "\x1b" not in raw


def test_version(run):
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, "newsgrep 0.1.0\n")


def test_piped_output_is_not_wrapped(in_seeds, run):
    lines = run("search", "Kuril", env={"COLUMNS": "40"}).stdout.splitlines()
    assert lines[0] == f"LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS  2019-01-17 · Russian News Agency · {JAN}"
    assert lines[3].startswith(
        "  Japans demand that Moscow hands the southern Kuril Islands over to Tokyo runs counter"
    )
    assert len(lines) == 5


def test_an_unexpected_error_is_one_line_and_exit_2(in_seeds, monkeypatch, capsys):
    import sys

    import pytest

    from newsgrep.cli import app as cli
    from newsgrep.query import search

    def broken(*args, **kwargs):
        raise AttributeError("module 'newsgrep.index' has no attribute 'exists'")

    monkeypatch.setattr(search, "search", broken)
    monkeypatch.setattr(sys, "argv", ["newsgrep", "search", "Kuril"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err == (
        "newsgrep: error: internal error (AttributeError: module 'newsgrep.index' has no attribute 'exists'); "
        "please report it with the command you ran\n"
    )


def test_click_usage_errors_are_one_line(in_seeds, monkeypatch, capsys):
    import sys

    import pytest

    from newsgrep.cli import app as cli

    monkeypatch.setattr(sys, "argv", ["newsgrep", "search", "Kuril", "--limit", "many"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("newsgrep: error: ") and "--limit" in err and err.count("\n") == 1


COMMANDS = ["search", "index", "show", "stats", "check", "quotes", "speakers", "timeline", "similar", "export", "serve"]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_built_alone_behaves_as_in_the_whole_app(name, run, capsys, monkeypatch):
    # cli.run builds only the command it runs (Typer inspects every signature otherwise)
    from newsgrep.cli import app as cli

    for key, value in ENV.items():
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, value)
    for argv in ([name, "--help"], [name, "--no-such-option"]):
        whole = run(*argv)
        code = cli.run(argv)
        out = capsys.readouterr()
        assert out.out.startswith(f"Usage: newsgrep {name} ") or not out.out
        assert (code, out.out) == (whole.exit_code, whole.stdout.replace("Usage: root ", "Usage: newsgrep ", 1))
        if whole.exit_code == 2:
            assert out.err == f"newsgrep: error: No such option: --no-such-option (see `newsgrep {name} --help`)\n"
