"""A source's label is a function of the current files, never of index history (issue 16).

The index groups sources by their name in lower case ("Burrow Wire" and
"BURROW WIRE" are one source); `stats` and `search --facet source` once
labelled the group with the spelling of its lowest document number, which
depends on the order runs indexed the files in. The label is now the
spelling most of its articles write (ties: the first in code point order).
"""

from __future__ import annotations

import json

import pytest


def records(*sources: str, tag: str = "") -> str:
    return "".join(
        json.dumps(
            {"title": f"Wombat note {n}{tag}", "date": f"2021-05-{n + 1:02d}", "body": "A wombat dug.", "source": s}
        )
        + "\n"
        for n, s in enumerate(sources)
    )


FILES = {
    "a.jsonl": records("BURROW WIRE", tag=" a"),  # sorts first: the lowest document number of a build
    "b.jsonl": records("Burrow Wire", "Burrow Wire", tag=" b"),
    "c.jsonl": records("Burrow Wire, Canberra", "Gum Tree Post", tag=" c"),  # a name with commas: under each part
}
SOURCES = {"Burrow Wire": 4, "Canberra": 1, "Gum Tree Post": 1}
STATS_LINES = ["source      Burrow Wire: 4", "source      Canberra: 1", "source      Gum Tree Post: 1"]


def labels(run) -> tuple[dict, dict, list[str]]:
    stats = json.loads(run("stats", "--json").stdout)["sources"]
    facets = json.loads(run("search", "wombat", "--facet", "source", "--json").stdout)["facets"]["source"]
    lines = [line for line in run("stats").stdout.splitlines() if line.startswith("source")]
    return stats, facets, lines


def at_once(folder, run) -> None:
    for name, text in FILES.items():
        (folder / name).write_text(text)
    assert run("index").exit_code == 0


def one_by_one_last_first(folder, run) -> None:
    for name in sorted(FILES, reverse=True):
        (folder / name).write_text(FILES[name])
        assert run("index").exit_code == 0


def first_file_edited_last(folder, run) -> None:
    """a.jsonl indexed first, then rewritten: its article is added again, after the others."""
    (folder / "a.jsonl").write_text(records("BURROW WIRE", tag=" draft"))
    assert run("index").exit_code == 0
    for name in ("b.jsonl", "c.jsonl"):
        (folder / name).write_text(FILES[name])
    assert run("index").exit_code == 0
    (folder / "a.jsonl").write_text(FILES["a.jsonl"])
    assert run("index").exit_code == 0


@pytest.mark.parametrize("history", [at_once, one_by_one_last_first, first_file_edited_last])
def test_the_label_is_the_spelling_most_articles_write_whatever_the_history(workdir, run, history):
    for seed in (workdir / "seeds").iterdir():
        seed.unlink()
    history(workdir / "seeds", run)
    assert labels(run) == (SOURCES, SOURCES, STATS_LINES)


def test_a_tie_goes_to_the_first_spelling_in_code_point_order(workdir, run):
    for seed in (workdir / "seeds").iterdir():
        seed.unlink()
    (workdir / "seeds" / "a.jsonl").write_text(records("Gum Tree Post", "GUM TREE POST"))
    assert run("index").exit_code == 0
    assert labels(run) == ({"GUM TREE POST": 2}, {"GUM TREE POST": 2}, ["source      GUM TREE POST: 2"])


def test_an_unknown_source_lists_the_labels(workdir, run):
    for seed in (workdir / "seeds").iterdir():
        seed.unlink()
    at_once(workdir / "seeds", run)
    result = run("search", "wombat", "--source", "zzzzz", "--count")
    assert result.stderr == (
        "newsgrep: no source matches --source 'zzzzz'; the sources are: Burrow Wire, Canberra, Gum Tree Post\n"
    )


def test_files_indexed_before_spellings_were_recorded_have_their_articles_read(workdir, run, monkeypatch):
    """A manifest entry without ``sources`` (an index from before them): the same labels and counts."""
    from newsgrep.index import writer

    for seed in (workdir / "seeds").iterdir():
        seed.unlink()
    with monkeypatch.context() as patched:
        patched.setattr(writer, "_spellings", lambda articles: None)
        for name in ("a.jsonl", "b.jsonl"):
            (workdir / "seeds" / name).write_text(FILES[name])
        assert run("index").exit_code == 0
    (workdir / "seeds" / "c.jsonl").write_text(FILES["c.jsonl"])
    assert run("index").exit_code == 0
    manifest = json.loads(next((workdir / "index").glob("gen-*/manifest-*.json")).read_text())
    recorded = {path.rsplit("/", 1)[-1]: entry["sources"] for path, entry in manifest["files"].items()}
    assert [recorded[name] for name in sorted(FILES)] == [
        None,
        None,
        {"Burrow Wire, Canberra": 1, "Gum Tree Post": 1},
    ]
    assert labels(run) == (SOURCES, SOURCES, STATS_LINES)
