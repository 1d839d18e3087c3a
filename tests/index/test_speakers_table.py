"""The speakers table kept commit by commit (index/speakers.py): always the rows a rebuild gives.

Random rounds of added, edited and removed files; after each incremental
run the live generation's table must be exactly a rebuild's (the same rows
in the same order), and the column added up, and the run must have updated
the table from its state rather than added the whole column up again.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import newsgrep
from newsgrep.index import speakers
from newsgrep.index.speakers import add_up, every_value, merged, order, read_table
from newsgrep.index.store import open_index
from newsgrep.index.writer import update_index

# Who speaks, and how: surnames alone, titles and two people named Reagan, so that rows join and part.
SAYINGS = [
    '"We will not accept this deal," Ronald Reagan said.',
    '"The talks go on," Reagan said.',
    '"Congress must act now," President Reagan said.',
    '"Children come first," Nancy Reagan said.',
    '"The ships will be attacked," Tehran Radio said.',
    '"The war goes on," Tehran radio said.',
    '"Moscow will not interfere," Sergei Lavrov said.',
    '"Nothing is agreed," Lavrov said.',
    '"We are ready to talk," Foreign Minister Sergey Lavrov said.',
    '"Prices will fall," Helmut Kohl said.',
    '"Bonn is ready," Kohl said.',
    '"No comment," a spokesman for the company said.',
]
DAYS = ["1987-03-02", "1987-03-05", "1987-04-01", "1987-05-10", "1987-06-11"]


def rows_of(root: Path) -> tuple[list, list]:
    """(the live generation's table, the column added up): lists, in the order the table keeps."""
    ix = open_index(str(root))
    with ix.reader() as reader:
        table = read_table(ix.storage.folder, reader.generation())
        column = sorted(merged(add_up(every_value(reader))), key=order)
    assert table is not None
    return table, column


def write_file(path: Path, rng: random.Random, serial: list[int]) -> None:
    records = []
    for _ in range(rng.randint(1, 4)):
        serial[0] += 1
        said = rng.sample(SAYINGS, rng.randint(0, 3))
        body = "\n\n".join(said) if said else "Prices rose on Monday."
        records.append({"title": f"Story {serial[0]}", "date": rng.choice(DAYS), "source": "Wire", "body": body})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.mark.parametrize("small", [speakers.SMALL, 1], ids=["segments-keep-parts", "every-segment-big"])
def test_random_rounds_keep_the_table_of_a_rebuild(tmp_path, monkeypatch, small):
    monkeypatch.setattr(speakers, "SMALL", small)
    counted, rescans = [], []
    real_counted, real_rescan = speakers._counted, speakers._rescan
    monkeypatch.setattr(speakers, "_counted", lambda reader: counted.append(1) or real_counted(reader))
    monkeypatch.setattr(speakers, "_rescan", lambda *a: rescans.append(len(a[2])) or real_rescan(*a))
    rng = random.Random(7)
    seeds, index, serial = tmp_path / "seeds", tmp_path / "index", [0]
    seeds.mkdir()
    for n in range(6):
        write_file(seeds / f"f{n:02}.jsonl", rng, serial)
    update_index(str(index), [str(seeds)], jobs=1)
    assert counted == [1]
    for round_ in range(14):
        files = sorted(seeds.iterdir())
        action = rng.choice(["add", "edit", "edit", "remove"] if len(files) > 2 else ["add"])
        if action == "add":
            write_file(seeds / f"f{len(files) + round_ + 10:02}.jsonl", rng, serial)
        elif action == "edit":
            write_file(rng.choice(files), rng, serial)
        else:
            rng.choice(files).unlink()
        update_index(str(index), [str(seeds)], jobs=1)
        table, column = rows_of(index)
        assert table == column, round_
        rebuilt = tmp_path / f"rebuilt{round_}"
        update_index(str(rebuilt), [str(seeds)], jobs=1)
        assert rows_of(rebuilt) == (table, table), round_
    # The first build and the 14 rebuilds added the column up; the incremental runs did not, unless a
    # segment without its parts was merged away (every segment is one when SMALL is 1).
    if small > 1:
        assert len(counted) == 1 + 14
        assert rescans  # some rounds removed a group's last article on its first or last date
    else:
        assert len(counted) > 1 + 14
    for sort in ("quotes", "articles", "name", "recent"):
        assert newsgrep.open(str(index)).speakers(sort=sort) == newsgrep.open(str(rebuilt)).speakers(sort=sort)


def live_files(index: Path) -> tuple[Path, Path]:
    ix = open_index(str(index))
    generation = ix.latest_generation()
    folder = Path(ix.storage.folder)
    return folder / f"speakers-{generation}.marshal", folder / f"speakers-{generation}.state"


@pytest.mark.parametrize("lost", ["table", "state", "torn-state", "another-index-state"])
def test_a_lost_or_foreign_table_or_state_gives_the_same_rows(tmp_path, monkeypatch, lost):
    """A run killed between its commit and the table leaves none (or half of the pair): the next run, even one
    with nothing to index, writes them again. A torn state is counted afresh; another index's adds up too."""
    counted = []
    real_counted = speakers._counted
    monkeypatch.setattr(speakers, "_counted", lambda reader: counted.append(1) or real_counted(reader))
    rng, serial = random.Random(3), [0]
    seeds, index, other = tmp_path / "seeds", tmp_path / "index", tmp_path / "other"
    seeds.mkdir()
    for n in range(4):
        write_file(seeds / f"f{n}.jsonl", rng, serial)
    update_index(str(index), [str(seeds)], jobs=1)
    table, state = live_files(index)
    if lost == "table":
        table.unlink()
    elif lost == "state":
        state.unlink()
    elif lost == "torn-state":
        state.write_bytes(state.read_bytes()[:100])
    else:  # a state that reads well but counts other segments: every segment is new to it, none of its own is there
        (tmp_path / "seeds2").mkdir()
        write_file(tmp_path / "seeds2" / "g.jsonl", rng, serial)
        update_index(str(other), [str(tmp_path / "seeds2")], jobs=1)
        state.write_bytes(live_files(other)[1].read_bytes())
    update_index(str(index), [str(seeds)], jobs=1)  # nothing to index
    if lost in ("table", "state"):
        assert table.exists() and state.exists()
    write_file(seeds / "f1.jsonl", rng, serial)
    update_index(str(index), [str(seeds)], jobs=1)
    table_rows, column_rows = rows_of(index)
    assert table_rows == column_rows and table_rows
    # The first build, then one count afresh: by the no-op run (a file lost) or by the update (a torn state).
    # Another index's state is no count afresh (its build is the second): it names the segments it counted,
    # none of which is here, so the update takes all it counted away and adds every segment of this index.
    assert len(counted) == 2


def test_a_table_from_before_the_checksum_is_written_again_regression_slow_speakers(workdir, run):
    """Regression: a table written before tables carried a CRC-32 (no magic) was no table to read, yet a
    run with nothing to do kept it, so every `newsgrep speakers` added the column up."""
    import marshal

    from newsgrep.index import store

    assert run("index").exit_code == 0
    rows = run("speakers", "--json").stdout
    gen = Path(store.current_dir("index"))
    table = next(gen.glob("speakers-*.marshal"))
    old = marshal.dumps(read_table(str(gen), int(table.name[9:-8])))
    table.write_bytes(old)  # as older code wrote it
    assert read_table(str(gen), int(table.name[9:-8])) is None
    result = run("index")
    assert (result.exit_code, result.stderr.split(":")[0]) == (0, "indexed 2 files, 2 articles")
    assert table.read_bytes()[:4] == b"NGS1"
    assert read_table(str(gen), int(table.name[9:-8])) is not None
    assert run("speakers", "--json").stdout == rows
