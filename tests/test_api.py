"""The Python API (newsgrep.open -> Archive): each call returns the records its command's --json prints."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import types
from pathlib import Path

import pytest
from conftest import FEB, JAN, ROOT

import newsgrep
from newsgrep.errors import NoIndexError, NotFoundError, UsageError
from newsgrep.models import Article, SearchResult
from newsgrep.query.browse import Stats
from newsgrep.query.quotes import QuoteResult, Speaker
from newsgrep.query.timeline import Period


def as_json(record) -> object:
    """A record as --json prints it: asdict, then JSON (dates become YYYY-MM-DD)."""
    from newsgrep.output.stdio import to_json

    return json.loads(to_json(record))


@pytest.fixture
def archive(in_seeds):
    return newsgrep.open("index")


def test_open_names_the_index_as_the_cli_does(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSGREP_INDEX", str(tmp_path / "elsewhere"))
    assert newsgrep.open().root == str(tmp_path / "elsewhere")
    assert newsgrep.open(tmp_path / "given").root == str(tmp_path / "given")  # any path-like
    assert repr(newsgrep.open("idx")) == "<newsgrep.Archive 'idx'>"


def test_search_returns_the_hits_search_json_prints(archive, run):
    result = archive.search("Kuril", date_from="2019-01", date_to="2019-03", speaker="Lavrov")
    assert isinstance(result, SearchResult)
    assert (result.total, [h.id for h in result.hits], result.hits[0].date) == (1, [JAN], "2019-01-17")
    cli = json.loads(
        run("search", "Kuril", "--from", "2019-01", "--to", "2019-03", "--speaker", "Lavrov", "--json").stdout
    )
    assert as_json(result.hits) == cli["hits"] and result.total == cli["total"]


def test_search_takes_one_name_or_several(archive):
    one = archive.search("Japan", source="Russian News Agency", sort="date")
    several = archive.search("Japan", source=["Xinhua", "russian news agency"], sort="date")
    assert [h.id for h in one.hits] == [h.id for h in several.hits] == [JAN, FEB]
    assert archive.search("Japan", source="Xinhua").total == 0


def test_search_with_facets(archive):
    assert archive.search("Japan", facet="month").facets == {"month": {"2019-01": 1, "2019-02": 1}}


def test_quotes_returns_what_quotes_json_prints(archive, run):
    result = archive.quotes("islands", speaker="Lavrov", limit=0)
    assert isinstance(result, QuoteResult) and result.query == "islands"
    assert result.total == len(result.quotes) > 0
    assert {q.speaker for q in result.quotes} == {"Sergey Lavrov"}
    assert as_json(result) == json.loads(run("quotes", "islands", "--speaker", "Lavrov", "-n", "0", "--json").stdout)


def test_speakers_returns_what_speakers_json_prints(archive, run):
    found = archive.speakers()
    assert all(isinstance(s, Speaker) for s in found)
    assert found[0].name == "Sergey Lavrov" and found[0].articles == 2
    assert as_json(found) == json.loads(run("speakers", "--json").stdout)


def test_timeline_rows_are_periods(archive, run):
    assert archive.timeline("Japan") == [Period("2019-01", 1), Period("2019-02", 1)]
    assert archive.timeline("Japan", by="year") == [Period("2019", 2)]
    assert as_json(archive.timeline("*", by="week")) == json.loads(
        run("timeline", "*", "--by", "week", "--json").stdout
    )


def test_similar_show_stats_and_articles(archive, run):
    assert [h.id for h in archive.similar(JAN).hits] == [FEB]
    article = archive.show(FEB)
    assert isinstance(article, Article) and (article.id, str(article.date)) == (FEB, "2019-02-22")
    assert as_json(article) == json.loads(run("show", FEB, "--json").stdout)
    stats = archive.stats()
    assert isinstance(stats, Stats)
    assert (stats.articles, stats.first, stats.last, stats.sources) == (
        2,
        "2019-01-17",
        "2019-02-22",
        {"Russian News Agency": 2},
    )
    assert [a.id for a in archive.articles()] == [JAN, FEB]
    assert [a.id for a in archive.articles("Kuril")] == [JAN]


def test_errors_are_the_cli_errors(archive):
    with pytest.raises(NotFoundError, match="no article with id 'nope'"):
        archive.show("nope")
    with pytest.raises(UsageError, match="--by 'hour' is not a period"):
        archive.timeline("*", by="hour")


def test_a_read_never_builds_an_index(workdir):
    archive = newsgrep.open("index")
    with pytest.raises(NoIndexError, match=r"^no index at index; build it with `newsgrep index PATH\.\.\.`"):
        archive.search("Kuril")
    assert not (workdir / "index").exists()


def test_update_builds_then_updates_only_what_changed(workdir):
    archive = newsgrep.open("index")
    first = archive.update(["seeds"])
    assert (first.articles, first.added, first.unchanged) == (2, 2, 0)
    assert archive.search("Kuril").total == 1
    (workdir / "seeds" / "extra.txt").write_text(
        "## **WOMBAT TALKS**\n\n01.03.2019\n\nRussian News Agency (1 March 2019)\n\nThe wombat talks began.\n"
    )
    second = archive.update(["seeds"])
    assert (second.added, second.unchanged) == (1, 2)
    assert archive.search("wombat").total == 1  # the archive sees its own update at once
    assert archive.update(["seeds"]).unchanged == 3


def test_importing_newsgrep_loads_no_whoosh():
    import subprocess

    code = "import sys, newsgrep; newsgrep.open; print(sorted(m for m in sys.modules if m.startswith('whoosh')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_unknown_attribute_of_the_package():
    with pytest.raises(AttributeError, match="module 'newsgrep' has no attribute 'nope'"):
        newsgrep.nope  # noqa: B018


def _readme_python() -> str:
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"<!-- python-example -->\n```python\n(.*?)```", text, re.S)
    assert len(blocks) == 1, "README.md: one ```python block after <!-- python-example -->"
    return blocks[0]


def test_the_readme_python_example_runs_as_written(workdir, monkeypatch, capsys):
    """Run on the bundled seeds, with a stand-in for pandas that records what it was given."""
    frames = []

    class DataFrame:
        def __init__(self, rows):
            frames.append(rows)

        def __getitem__(self, columns):
            return [{c: row[c] for c in columns} for row in frames[-1]]

    monkeypatch.setitem(sys.modules, "pandas", types.SimpleNamespace(DataFrame=DataFrame))
    exec(compile(_readme_python(), "README.md", "exec"), {"__name__": "__readme__"})
    (rows,) = frames
    assert [(r["id"], r["date"], r["title"]) for r in rows] == [
        (JAN, "2019-01-17", "LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS")
    ]
    assert set(rows[0]) == {f.name for f in dataclasses.fields(newsgrep.models.Hit)}
    out = capsys.readouterr().out
    assert out.startswith("1 LAVROV COMMENTS ON RUSSIAN-JAPANESE RELATIONS\n")
    assert Path("index", "CURRENT").exists()


def test_an_archive_follows_a_rebuild_by_another_process(workdir, run):
    archive = newsgrep.open("index")
    archive.update(["seeds"])
    assert archive.stats().articles == 2
    (workdir / "seeds" / "extra.txt").write_text(
        "## **WOMBAT TALKS**\n\n01.03.2019\n\nRussian News Agency (1 March 2019)\n\nThe wombat talks began.\n"
    )
    assert run("index", "--rebuild").exit_code == 0  # a new generation, swapped in under the archive
    assert run("index").exit_code == 0  # and the old one collected
    assert (archive.stats().articles, archive.search("wombat").total) == (3, 1)


def test_timeline_and_export_count_what_search_counts(archive, run):
    """Regression: with words no longer all required, timeline and export still ANDed them."""
    total = archive.search("Kuril Tokyo", limit=0).total
    assert total == 2 and archive.search("Kuril Tokyo", match="all", limit=0).total == 1
    assert sum(p.count for p in archive.timeline("Kuril Tokyo")) == total
    assert sum(p.count for p in archive.timeline("Kuril Tokyo", match="all")) == 1
    assert len(list(archive.articles("Kuril Tokyo"))) == total
    assert len(run("export", "Kuril Tokyo").stdout.splitlines()) == total
    assert len(run("export", "Kuril Tokyo", "--match", "all").stdout.splitlines()) == 1
    rows = json.loads(run("timeline", "Kuril Tokyo", "--json").stdout)
    assert sum(r["count"] for r in rows) == total
    bad = run("timeline", "Kuril", "--match", "some")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "newsgrep: error: --match 'some' is not valid; use any (rank, no word required) or all\n",
    )
