"""Nothing from a file name reaches a terminal as a control sequence (issue 16, point 7)."""

from __future__ import annotations

import json

import pytest

NAME = "x\x1b[2J\x1b]8;;evil.example\x07y\u202ez\x9b1m.txt"  # no slash: one file name
ARTICLE = "## **WOMBAT NAMES**\n\n01.03.2019\n\nRussian News Agency (1 March 2019)\n\nThe wombat body.\n"


@pytest.fixture
def hostile(workdir, run):
    (workdir / "seeds" / NAME).write_text(ARTICLE)
    assert run("index").exit_code == 0
    hits = json.loads(run("search", "wombat", "--json").stdout)["hits"]
    return hits[0]["id"]


@pytest.mark.parametrize("color", ["never", "always"])
def test_show_prints_a_hostile_file_name_escaped(hostile, run, color):
    """Regression: an OSC 8 hyperlink and ESC[2J (clear screen) in a file name went to the terminal."""
    out = run("show", hostile, "--color", color).stdout
    assert "\x1b[2J" not in out and "\x1b]8;;" not in out and "\u202e" not in out and "\x9b" not in out
    assert "seeds/x\\x1b[2J\\x1b]8;;evil.example\\x07y\\u202ez\\x9b1m.txt:1" in out


@pytest.mark.parametrize(
    "args", [("search", "wombat", "--json"), ("search", "wombat", "--jsonl"), ("export", "wombat")]
)
def test_json_holds_the_name_escaped_and_decodes_to_it(hostile, run, args):
    out = run(*args).stdout
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    first = json.loads(out.splitlines()[0])
    path = first["hits"][0]["path"] if args[-1] == "--json" else first["path"]
    assert path == f"seeds/{NAME}"


def test_show_json_decodes_to_the_real_name(hostile, run):
    out = run("show", hostile, "--json").stdout
    assert "\x9b" not in out and "\u202e" not in out
    assert json.loads(out)["path"] == f"seeds/{NAME}"
