"""One file, however its path is spelled or wherever the run starts from, is one file (issue 15, point 4)."""

from __future__ import annotations

import os
import shutil

from conftest import SEEDS

from newsgrep.index.writer import update_index


def _counts(summary) -> tuple[int, int, int, int]:
    return summary.added, summary.moved, summary.unchanged, len(summary.warnings)


def test_relative_absolute_symlinked_and_other_directory_spellings_are_a_no_op(tmp_path, monkeypatch):
    """Regression: the same file by a relative path after an absolute one was '1 moved' (and reindexed)."""
    real = tmp_path / "real"
    shutil.copytree(SEEDS, real / "seeds")
    os.symlink(real, tmp_path / "link")
    monkeypatch.chdir(real)
    assert _counts(update_index("index", [str(tmp_path / "link" / "seeds")], jobs=1)) == (2, 0, 0, 0)
    assert _counts(update_index("index", ["seeds"], jobs=1)) == (0, 0, 2, 0)
    assert _counts(update_index("index", [str(real / "seeds") + "/"], jobs=1)) == (0, 0, 2, 0)
    monkeypatch.chdir(tmp_path)  # another working directory
    assert _counts(update_index(str(real / "index"), ["real/seeds"], jobs=1)) == (0, 0, 2, 0)
    assert _counts(update_index("link/index", ["link/seeds"], jobs=1)) == (0, 0, 2, 0)
    monkeypatch.chdir(real / "seeds")
    assert _counts(update_index("../index", ["."], jobs=1)) == (0, 0, 2, 0)


def test_paths_stay_relative_to_the_first_builds_directory(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    update_index("index", ["seeds"], jobs=1)
    (tmp_path / "seeds" / "000_2137f8a269427b0b.txt").unlink()
    monkeypatch.chdir(tmp_path / "seeds")
    summary = update_index("../index", ["."], jobs=1)
    assert (summary.removed, summary.unchanged, summary.articles) == (1, 1, 1)
    import newsgrep

    hits = newsgrep.open(tmp_path / "index").search("Kuril").hits
    assert [h.path for h in hits] == ["seeds/001_f0a990e9aa37a018.txt"]


def test_a_symlink_inside_the_anchor_to_a_file_outside_is_no_second_spelling_regression(tmp_path, monkeypatch):
    """QA on Reuters: `index rlink/reuters.jsonl`, rlink a symlink in the first build's directory to the
    file's real directory, after the real absolute path: '1 moved', and 283 s to index it all again."""
    outside = tmp_path / "corpus"
    shutil.copytree(SEEDS, outside / "seeds")
    work = tmp_path / "work"
    work.mkdir()
    os.symlink(outside / "seeds", work / "rlink")
    monkeypatch.chdir(work)
    assert _counts(update_index("index", [str(outside / "seeds")], jobs=1)) == (2, 0, 0, 0)
    assert _counts(update_index("index", ["rlink"], jobs=1)) == (0, 0, 2, 0)
    assert _counts(update_index("index", ["rlink/000_2137f8a269427b0b.txt"], jobs=1)) == (0, 0, 1, 0)
    import newsgrep

    assert {h.path for h in newsgrep.open(work / "index").search("Kuril").hits} == {
        str(outside / "seeds" / "001_f0a990e9aa37a018.txt")
    }
