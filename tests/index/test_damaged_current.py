"""`--rebuild` repairs any damage, a bad CURRENT included; a plain run on one deletes nothing (issue 16, 11)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

DAMAGED = "newsgrep: error: the index at index is damaged (bad CURRENT); run `newsgrep index --rebuild`\n"


def _damage(kind: str) -> None:
    current = Path("index", "CURRENT")
    if kind == "garbage":
        current.write_text("\x00\x01 not a generation\n")
    elif kind == "random bytes":  # regression: not UTF-8 was an internal error, for --rebuild too
        current.write_bytes(b"\xb0\x9f\xff\x00garbage")
    elif kind == "nul in a name":
        current.write_text("gen-\x00x\n")
    elif kind == "empty":
        current.write_text("")
    elif kind == "outside":
        current.write_text("gen-x/../../elsewhere\n")
    else:  # a directory where the file was
        current.unlink()
        current.mkdir()
        (current / "junk").write_text("x")


@pytest.mark.parametrize("kind", ["garbage", "random bytes", "nul in a name", "empty", "outside", "directory"])
def test_rebuild_repairs_a_damaged_current(workdir, run, kind):
    """Regression: `--rebuild` said "damaged (bad CURRENT); run newsgrep index --rebuild": a loop."""
    assert run("index").exit_code == 0
    gens = sorted(p.name for p in Path("index").glob("gen-*"))
    _damage(kind)
    search = run("search", "Kuril")
    assert search.exit_code == 2
    if kind != "directory":
        assert search.stderr == DAMAGED
    plain = run("index")
    assert plain.exit_code == 2
    assert sorted(p.name for p in Path("index").glob("gen-*")) == gens  # nothing deleted on a guess
    rebuilt = run("index", "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert json.loads(run("search", "Kuril", "--json").stdout)["total"] == 1
    assert run("index").exit_code == 0  # the next run collects the old generations
    assert len(list(Path("index").glob("gen-*"))) == 1


def test_a_repaired_current_brings_the_old_generation_back(workdir, run):
    assert run("index").exit_code == 0
    good = Path("index", "CURRENT").read_text()
    Path("index", "CURRENT").write_text("garbage")
    assert run("index").exit_code == 2
    Path("index", "CURRENT").write_text(good)  # fixed by hand: the generation is still there
    assert json.loads(run("search", "Kuril", "--json").stdout)["total"] == 1
    shutil.rmtree("index")
