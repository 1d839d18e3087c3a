"""A searcher held across an update keeps reading the generation it opened (issue 16).

Whoosh opens a segment's columns (stored fields, field lengths) only when
first read; a later commit that merged the segment away had deleted them, and
the old searcher said "damaged" for a healthy index (TypeError from a missing
column), or read field lengths as 0.
"""

from __future__ import annotations

import json

import newsgrep
from newsgrep.index.store import open_index
from newsgrep.index.writer import update_index


def write(folder, n: int, tag: str) -> None:
    """File n: five articles of month n+1, their titles carrying ``tag``."""
    records = [
        {
            "title": f"Wombat report {n}.{k} {tag}",
            "date": f"2020-{n + 1:02d}-{k + 1:02d}",
            "body": f"The wombat council met ({tag}), sitting {n}.{k}. Nobody spoke for long.",
            "source": "Burrow Wire",
        }
        for k in range(5)
    ]
    (folder / f"f{n}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))


def rounds_of_edits(folder, index: str) -> None:
    """Eight incremental runs that rewrite files, so segments are merged and their files deleted."""
    for r in range(8):
        for n in range(r % 4, 4, 2):
            write(folder, n, f"edit{r}")
        update_index(index, [str(folder)], jobs=1)


def built(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    index = str(tmp_path / "index")
    for n in range(3):
        write(data, n, "first")
    update_index(index, [str(data)], jobs=1)
    write(data, 3, "first")
    update_index(index, [str(data)], jobs=1)  # a segment of its own: the merge policy keeps 5 beside 15
    return data, index


def test_an_export_loop_across_updates_reads_the_generation_it_began_with(tmp_path):
    data, index = built(tmp_path)
    archive = newsgrep.open(index)
    articles = archive.articles("wombat")
    first = next(articles)  # the searcher is open; the second segment's stored fields not read yet
    rounds_of_edits(data, index)
    update_index(index, [str(data)], rebuild=True, jobs=1)  # and its generation directory removed
    titles = [first.title] + [a.title for a in articles]  # raised IndexDamagedError (TypeError)
    assert titles == [f"Wombat report {n}.{k} first" for n in range(4) for k in range(5)]
    assert [a.title for a in archive.articles("wombat")][-1] == "Wombat report 3.4 edit7"  # a new call: the new one


def test_a_held_searcher_reads_stored_fields_and_scores_of_its_generation(tmp_path):
    data, index = built(tmp_path)
    from whoosh.query import Term

    ix = open_index(index)
    with ix.searcher() as first:
        before = [(h["title"], round(h.score, 6)) for h in first.search(Term("body", "wombat"), limit=None)]
    with ix.searcher() as old:  # nothing read through it before the update
        rounds_of_edits(data, index)
        stored = [old.stored_fields(d)["title"] for d in range(old.doc_count_all()) if not old.reader().is_deleted(d)]
        after = [(h["title"], round(h.score, 6)) for h in old.search(Term("body", "wombat"), limit=None)]
    assert len(stored) == 20 and all(t.endswith(" first") for t in stored)
    assert after == before  # field lengths read as 0 once their column was gone: other scores
