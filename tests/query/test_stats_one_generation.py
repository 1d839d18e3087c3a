"""`stats` reads everything from the one generation it opened (issue 16, point 13)."""

from __future__ import annotations

from pathlib import Path

from newsgrep.index.store import open_index
from newsgrep.index.writer import update_index
from newsgrep.query.browse import stats

EXTRA = "## **WOMBAT TALKS**\n\n01.03.2019\n\nRussian News Agency (1 March 2019)\n\nThe wombat talks began.\n"


def test_a_rebuild_between_open_and_stats_does_not_mix_two_generations(workdir):
    """Regression: stats re-read CURRENT beside the open index: old article counts, new file counts."""
    update_index("index", ["seeds"], jobs=1)
    ix = open_index("index")  # generation A: 2 files, 2 articles
    before = stats(ix, "index")
    (workdir / "seeds" / "extra.txt").write_text(EXTRA)
    update_index("index", ["seeds"], rebuild=True, jobs=1)  # generation B: 3 files, 3 articles
    during = stats(ix, "index")
    assert (
        (during.articles, during.files, during.quotes, during.index_bytes)
        == (
            before.articles,
            before.files,
            before.quotes,
            before.index_bytes,
        )
        == (2, 2, before.quotes, before.index_bytes)
    )
    after = stats(open_index("index"), "index")
    assert (after.articles, after.files) == (3, 3)


def test_files_a_killed_run_left_behind_are_not_counted(workdir):
    update_index("index", ["seeds"], jobs=1)
    before = stats(open_index("index"), "index").index_bytes
    gen = Path(open_index("index").storage.folder)
    (gen / "MAIN_leftoverfromakill.pst").write_bytes(b"x" * 100_000)
    assert stats(open_index("index"), "index").index_bytes == before
