"""Incremental updates, atomic rebuilds, locking, damage and schema changes."""

from __future__ import annotations

import gc
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from newsgrep.errors import LockedError
from newsgrep.index import store
from newsgrep.index import writer as ix_mod


def summary_line(result) -> str:
    return result.stderr.strip().splitlines()[-1].rsplit(";", 1)[0]


def test_acceptance_add_then_delete_a_third_digest(workdir, run):
    assert summary_line(run("index")) == (
        "indexed 2 files, 2 articles: 2 added, 0 updated, 0 removed, 0 moved, 0 unchanged; 0 warnings"
    )
    shutil.copy(FIXTURES / "multi.txt", workdir / "seeds" / "third.txt")
    result = run("index")
    assert result.stderr.splitlines()[0] == (
        "newsgrep: warning: seeds/third.txt:53: impossible date '31.02.2019': day is out of range for month; "
        "fix the date to index this article; skipped"
    )
    assert summary_line(result) == (
        "indexed 3 files, 4 articles: 1 added, 0 updated, 0 removed, 0 moved, 2 unchanged; 1 warning"
    )
    found = run("search", "grain", "--json")
    assert [h["path"] for h in json.loads(found.stdout)["hits"]] == ["seeds/third.txt"]
    (workdir / "seeds" / "third.txt").unlink()
    assert summary_line(run("index")) == (
        "indexed 2 files, 2 articles: 0 added, 0 updated, 1 removed, 0 moved, 2 unchanged; 0 warnings"
    )
    assert run("search", "grain").exit_code == 1


def test_changed_touched_and_moved_files(workdir, run):
    run("index")
    feb = workdir / "seeds" / "000_2137f8a269427b0b.txt"
    os.utime(feb, ns=(1, 1))  # touched, same content: no work
    assert "0 updated" in summary_line(run("index"))
    feb.write_text(feb.read_text().replace("Association of European Businesses", "Zanzibar Chamber"))
    assert summary_line(run("index")) == (
        "indexed 2 files, 2 articles: 0 added, 1 updated, 0 removed, 0 moved, 1 unchanged; 0 warnings"
    )
    assert json.loads(run("search", "Zanzibar", "--json").stdout)["total"] == 1
    assert run("search", "Businesses").exit_code == 1
    (workdir / "seeds" / "sub").mkdir()
    feb.rename(workdir / "seeds" / "sub" / "feb.txt")
    assert summary_line(run("index")) == (
        "indexed 2 files, 2 articles: 0 added, 0 updated, 0 removed, 1 moved, 1 unchanged; 0 warnings"
    )
    hit = json.loads(run("search", "Zanzibar", "--json").stdout)["hits"][0]
    assert (hit["id"], hit["path"]) == ("9f8ab3a926fb", "seeds/sub/feb.txt")


def test_nothing_to_do_does_not_commit(workdir, run):
    run("index")
    gen = store.current_dir("index")
    before = sorted(os.listdir(gen))
    run("index")
    assert sorted(os.listdir(gen)) == before


def test_rebuild_swaps_in_a_new_generation_with_the_same_ids(workdir, run):
    run("index")
    old = store.current_dir("index")
    before = json.loads(run("search", "Japan", "--json").stdout)
    result = run("index", "--rebuild")
    assert "2 added" in result.stderr
    new = store.current_dir("index")
    assert new != old
    after = json.loads(run("search", "Japan", "--json").stdout)
    assert after == before
    run("index")  # the next run removes the old generation
    assert not os.path.exists(old)


def test_duplicate_url_in_two_files(workdir, run):
    src = workdir / "seeds" / "001_f0a990e9aa37a018.txt"
    shutil.copy(src, workdir / "seeds" / "002_copy.txt")
    result = run("index")
    assert result.stderr.splitlines()[0] == (
        "newsgrep: warning: seeds/002_copy.txt:5: duplicate of article 0060954e59a0 in "
        "seeds/001_f0a990e9aa37a018.txt; skipped"
    )
    assert json.loads(run("search", "Kuril", "--json").stdout)["total"] == 1
    src.unlink()  # the copy takes over the article
    run("index")
    hit = json.loads(run("search", "Kuril", "--json").stdout)["hits"][0]
    assert (hit["id"], hit["path"]) == ("0060954e59a0", "seeds/002_copy.txt")


def test_schema_change_is_rebuilt_by_index_and_refused_by_search(workdir, run):
    run("index")
    meta = Path(store.current_dir("index")) / "newsgrep.json"
    meta.write_text(json.dumps({"schema": 0}))
    result = run("search", "Kuril")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: the index at index was built by another newsgrep version (schema 0, this one reads "
        f"{store.SCHEMA_VERSION}); run `newsgrep index --rebuild`\n",
    )
    result = run("index")
    assert result.stderr.splitlines()[0] == (
        "newsgrep: the index at index was built by another newsgrep version; rebuilding it"
    )
    assert run("search", "Kuril").exit_code == 0


@pytest.mark.parametrize("meta", ['{"schemA": 5, "segments": 1}', '{"schema": "5"}', "[5]"])
def test_flipped_bit_in_newsgrep_json_is_damage_not_another_version(workdir, run, meta):
    """A bit flip in newsgrep.json said "built by another newsgrep version (schema None ...)" (issue 16 re-run)."""
    run("index")
    (Path(store.current_dir("index")) / "newsgrep.json").write_text(meta)
    result = run("search", "Kuril")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: the index at index is damaged (newsgrep.json holds no schema number); "
        "run `newsgrep index --rebuild`\n",
    )
    assert run("index", "--rebuild").exit_code == 0
    assert run("search", "Kuril").exit_code == 0


def test_second_run_waits_then_gives_up(workdir, run):
    run("index")
    with ix_mod.write_lock("index", 0):
        result = run("index", "--wait", "0.3")
        assert (result.exit_code, result.stderr) == (
            2,
            "newsgrep: error: another `newsgrep index` run holds the index at index; waited 0.3s: "
            "try again when it finishes, or raise --wait\n",
        )
        # readers never wait
        assert run("search", "Kuril").exit_code == 0
    with pytest.raises(LockedError), ix_mod.write_lock("index", 0), ix_mod.write_lock("index", 0):
        pass


# Whoosh leaves a file handle open when a segment fails to load; the process
# exits right after, so the leak is harmless, but -W error would report it.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("damage", ["truncate", "delete", "toc"])
def test_damaged_index_is_one_line_and_rebuild_repairs_it(workdir, run, damage):
    run("index")
    gen = Path(store.current_dir("index"))
    postings = next(gen.glob("*.pst"))
    terms = next(gen.glob("*.trm"))
    toc = next(gen.glob("_MAIN_*.toc"))
    if damage == "truncate":
        terms.write_bytes(terms.read_bytes()[:100])
    elif damage == "delete":
        postings.unlink()
    else:
        toc.write_bytes(b"\x00garbage" * 10)
    result = run("search", "Kuril")
    assert result.exit_code == 2
    assert result.stderr.startswith("newsgrep: error: the index at index is damaged (")
    assert result.stderr.endswith("); run `newsgrep index --rebuild`\n")
    assert result.stderr.count("\n") == 1
    feb = workdir / "seeds" / "000_2137f8a269427b0b.txt"
    feb.write_text(feb.read_text() + "\n")  # so that `index` has to write
    result = run("index")
    assert result.exit_code == 2
    assert result.stderr.startswith("newsgrep: error: the index at index is damaged (")
    assert run("index", "--rebuild").exit_code == 0
    assert json.loads(run("search", "Kuril", "--json").stdout)["total"] == 1
    del result
    gc.collect()  # let the leaked handles go while the filter above is in force
