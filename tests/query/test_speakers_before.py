"""`newsgrep speakers` prints exactly what it printed before it was made fast (issue 15, point 13).

The rows below are the output of the code before that work (commit 2a7101a) on a fixture of
invented council stories: two full names that share a surname (so the lone surname keeps its row),
a phrase that ends with a surname, one body in two spellings, accented names, undated articles, ties.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgrep.output import plain
from newsgrep.query.quotes import Speaker

SAYINGS = [
    '"The bridge will open in spring," Mayor Tomas Brandt said.',
    '"We have not decided," Brandt said.',
    '"Traffic will double," Ingrid Brandt said.',
    '"The budget is tight," city treasurer Ola Vik said.',
    '"Fares stay as they are," Vik told reporters.',
    '"The ferry runs on time," the Harbour Authority said.',
    '"Delays are over," the harbour authority said.',
    '"Nobody was hurt," police spokeswoman Zoë Dubois said.',
    '"We are looking into it," Dubois said.',
    '"Snow is expected," weather forecaster Jürgen Ågren said.',
    '"The roads are clear," Ågren added.',
    '"The talks failed," a source close to Brandt said.',
    '"We will appeal," said lawyer Marta Nunes.',
    '"This is good news for the port," Nunes said.',
]


def _records(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    days = ["2021-01-04", "2021-01-19", "2021-02-02", "2021-03-15", "2021-03-30", None]
    lines = []
    for i in range(40):
        said = rng.sample(SAYINGS, rng.randint(0, 4))
        words = ["ferry", "bridge", "budget", "snow"]
        body = f"The city council met on a {rng.choice(words)} question.\n\n" + "\n\n".join(said)
        rec = {"title": f"Council story {i}", "body": body, "source": rng.choice(["Harbour Times", "Valley Post"])}
        day = rng.choice(days)
        if day:
            rec["date"] = day
        lines.append(json.dumps(rec, ensure_ascii=False))
    return lines


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    from newsgrep.index.writer import update_index

    work = tmp_path_factory.mktemp("council")
    lines = _records()
    (work / "a.jsonl").write_text("\n".join(lines[:25]) + "\n", encoding="utf-8")
    (work / "b.jsonl").write_text("\n".join(lines[25:]) + "\n", encoding="utf-8")
    update_index(str(work / "ix"), [str(work / "a.jsonl"), str(work / "b.jsonl")])
    return work


BEFORE = [
    (
        [],
        [
            "Tomas Brandt\tMayor\t15\t10\t2021-01-19\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t13\t12\t2021-01-04\t2021-03-30",
            "Harbour Authority\t\t11\t10\t2021-01-04\t2021-03-30",
            "Ingrid Brandt\t\t9\t7\t2021-01-19\t2021-03-30",
            "Ola Vik\tcity treasurer\t9\t9\t2021-01-19\t2021-03-30",
            "Jürgen Ågren\t\t8\t7\t2021-01-04\t2021-03-30",
            "Marta Nunes\tlawyer\t8\t7\t2021-01-04\t2021-03-30",
            "source close to Brandt\t\t6\t6\t2021-01-19\t2021-01-19",
            "Brandt\t\t1\t1\t2021-01-04\t2021-01-04",
        ],
    ),
    (
        ["ferry"],
        [
            "Harbour Authority\t\t9\t8\t2021-01-04\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t7\t6\t2021-02-02\t2021-03-30",
            "Ingrid Brandt\t\t5\t4\t2021-03-30\t2021-03-30",
            "source close to Brandt\t\t4\t4\t\t",
            "Marta Nunes\tlawyer\t3\t2\t2021-02-02\t2021-02-02",
            "Jürgen Ågren\t\t2\t2\t2021-01-04\t2021-01-19",
            "Tomas Brandt\tMayor\t2\t2\t2021-01-19\t2021-03-15",
            "Vik\t\t2\t2\t2021-03-30\t2021-03-30",
        ],
    ),
    (
        ["bridge", "--sort", "name"],
        [
            "Brandt\t\t1\t1\t2021-01-04\t2021-01-04",
            "Harbour Authority\t\t2\t2\t2021-01-19\t2021-03-15",
            "Ingrid Brandt\t\t3\t2\t2021-01-19\t2021-03-30",
            "Jürgen Ågren\t\t4\t4\t2021-01-19\t2021-03-30",
            "Marta Nunes\tlawyer\t3\t3\t2021-01-04\t2021-03-15",
            "Ola Vik\tcity treasurer\t5\t5\t2021-01-19\t2021-03-15",
            "source close to Brandt\t\t2\t2\t2021-01-19\t2021-01-19",
            "Tomas Brandt\tMayor\t15\t10\t2021-01-19\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t2\t2\t2021-01-19\t2021-01-19",
        ],
    ),
    (
        ["--sort", "articles"],
        [
            "Zoë Dubois\tspokeswoman\t13\t12\t2021-01-04\t2021-03-30",
            "Tomas Brandt\tMayor\t15\t10\t2021-01-19\t2021-03-30",
            "Harbour Authority\t\t11\t10\t2021-01-04\t2021-03-30",
            "Ola Vik\tcity treasurer\t9\t9\t2021-01-19\t2021-03-30",
            "Ingrid Brandt\t\t9\t7\t2021-01-19\t2021-03-30",
            "Jürgen Ågren\t\t8\t7\t2021-01-04\t2021-03-30",
            "Marta Nunes\tlawyer\t8\t7\t2021-01-04\t2021-03-30",
            "source close to Brandt\t\t6\t6\t2021-01-19\t2021-01-19",
            "Brandt\t\t1\t1\t2021-01-04\t2021-01-04",
        ],
    ),
    (
        ["--sort", "recent"],
        [
            "Tomas Brandt\tMayor\t15\t10\t2021-01-19\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t13\t12\t2021-01-04\t2021-03-30",
            "Harbour Authority\t\t11\t10\t2021-01-04\t2021-03-30",
            "Ingrid Brandt\t\t9\t7\t2021-01-19\t2021-03-30",
            "Ola Vik\tcity treasurer\t9\t9\t2021-01-19\t2021-03-30",
            "Jürgen Ågren\t\t8\t7\t2021-01-04\t2021-03-30",
            "Marta Nunes\tlawyer\t8\t7\t2021-01-04\t2021-03-30",
            "source close to Brandt\t\t6\t6\t2021-01-19\t2021-01-19",
            "Brandt\t\t1\t1\t2021-01-04\t2021-01-04",
        ],
    ),
    (
        ["--sort", "name"],
        [
            "Brandt\t\t1\t1\t2021-01-04\t2021-01-04",
            "Harbour Authority\t\t11\t10\t2021-01-04\t2021-03-30",
            "Ingrid Brandt\t\t9\t7\t2021-01-19\t2021-03-30",
            "Jürgen Ågren\t\t8\t7\t2021-01-04\t2021-03-30",
            "Marta Nunes\tlawyer\t8\t7\t2021-01-04\t2021-03-30",
            "Ola Vik\tcity treasurer\t9\t9\t2021-01-19\t2021-03-30",
            "source close to Brandt\t\t6\t6\t2021-01-19\t2021-01-19",
            "Tomas Brandt\tMayor\t15\t10\t2021-01-19\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t13\t12\t2021-01-04\t2021-03-30",
        ],
    ),
    (
        ["-n", "3"],
        [
            "Tomas Brandt\tMayor\t15\t10\t2021-01-19\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t13\t12\t2021-01-04\t2021-03-30",
            "Harbour Authority\t\t11\t10\t2021-01-04\t2021-03-30",
        ],
    ),
    (
        ["snow", "-n", "2", "--sort", "articles"],
        [
            "Jürgen Ågren\t\t8\t7\t2021-01-04\t2021-03-30",
            "Tomas Brandt\tMayor\t9\t6\t2021-01-19\t2021-03-30",
        ],
    ),
    (
        ["--from", "2021-02", "--to", "2021-03"],
        [
            "Tomas Brandt\tMayor\t6\t5\t2021-02-02\t2021-03-30",
            "harbour authority\t\t5\t4\t2021-02-02\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t4\t3\t2021-02-02\t2021-03-30",
            "Marta Nunes\tlawyer\t3\t3\t2021-02-02\t2021-03-30",
            "Ola Vik\tcity treasurer\t3\t3\t2021-03-15\t2021-03-30",
            "Ingrid Brandt\t\t2\t2\t2021-03-30\t2021-03-30",
            "Jürgen Ågren\t\t1\t1\t2021-03-30\t2021-03-30",
        ],
    ),
    (
        ["--source", "valley"],
        [
            "Harbour Authority\t\t10\t9\t2021-01-04\t2021-03-30",
            "Tomas Brandt\tMayor\t8\t6\t2021-01-19\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t8\t7\t2021-01-19\t2021-03-30",
            "Marta Nunes\tlawyer\t6\t5\t2021-02-02\t2021-03-15",
            "Ingrid Brandt\t\t5\t4\t2021-03-30\t2021-03-30",
            "Jürgen Ågren\t\t5\t4\t2021-01-04\t2021-01-19",
            "Ola Vik\tcity treasurer\t5\t5\t2021-01-19\t2021-03-30",
            "source close to Brandt\t\t4\t4\t\t",
            "Brandt\t\t1\t1\t2021-01-04\t2021-01-04",
        ],
    ),
    (
        ["budget OR snow", "--sort", "recent"],
        [
            "Tomas Brandt\tMayor\t14\t9\t2021-01-19\t2021-03-30",
            "Jürgen Ågren\t\t8\t7\t2021-01-04\t2021-03-30",
            "Ola Vik\tcity treasurer\t8\t8\t2021-01-19\t2021-03-30",
            "Zoë Dubois\tspokeswoman\t8\t7\t2021-01-04\t2021-03-30",
            "Harbour Authority\t\t7\t6\t2021-01-04\t2021-03-30",
            "Ingrid Brandt\t\t4\t3\t2021-01-19\t2021-03-30",
            "Marta Nunes\tlawyer\t4\t4\t2021-02-02\t2021-03-30",
            "source close to Brandt\t\t1\t1\t\t",
        ],
    ),
    (
        ["budget", "--json"],
        [
            '[{"name": "Tomas Brandt", "role": "Mayor", "aliases": ["Tomas Brandt"], "quotes": 7, "articles": 4, "first": "2021-01-19", "last": "2021-03-15"}, {"name": "Ola Vik", "role": "city treasurer", "aliases": ["Ola Vik"], "quotes": 6, "articles": 6, "first": "2021-01-19", "last": "2021-03-30"}, {"name": "Harbour Authority", "role": null, "aliases": ["Harbour Authority", "harbour authority"], "quotes": 2, "articles": 2, "first": "2021-01-04", "last": "2021-03-15"}, {"name": "Ingrid Brandt", "role": null, "aliases": ["Ingrid Brandt"], "quotes": 2, "articles": 1, "first": "2021-01-19", "last": "2021-01-19"}, {"name": "Jürgen Ågren", "role": null, "aliases": ["Jürgen Ågren"], "quotes": 2, "articles": 2, "first": "2021-01-04", "last": "2021-01-04"}, {"name": "Marta Nunes", "role": "lawyer", "aliases": ["Marta Nunes"], "quotes": 2, "articles": 2, "first": "2021-03-15", "last": "2021-03-30"}, {"name": "Zoë Dubois", "role": "spokeswoman", "aliases": ["Zoë Dubois"], "quotes": 1, "articles": 1, "first": null, "last": null}]\n',
        ],
    ),
    (
        ["--json", "-n", "2"],
        [
            '[{"name": "Tomas Brandt", "role": "Mayor", "aliases": ["Tomas Brandt"], "quotes": 15, "articles": 10, "first": "2021-01-19", "last": "2021-03-30"}, {"name": "Zoë Dubois", "role": "spokeswoman", "aliases": ["Dubois", "Zoë Dubois"], "quotes": 13, "articles": 12, "first": "2021-01-04", "last": "2021-03-30"}]\n',
        ],
    ),
]


@pytest.mark.parametrize(("args", "expected"), BEFORE, ids=[" ".join(a) or "all" for a, _e in BEFORE])
def test_the_rows_of_the_code_before(council, run, args, expected):
    result = run("speakers", *args, "--index", str(council / "ix"))
    assert result.exit_code == 0
    if "--json" in args:
        assert result.stdout == expected[0]
    else:
        assert result.stdout.splitlines() == expected


def _old_plain(speakers) -> str:
    """plain.print_speakers as it was: every cell through ``_cell``."""
    cell = plain._cell
    return "".join(
        f"{cell(s.name)}\t{cell(s.role or '')}\t{s.quotes}\t{s.articles}\t{s.first or ''}\t{s.last or ''}\n"
        for s in speakers
    )


AWKWARD = [
    Speaker("Ola Vik", "city treasurer", ["Ola Vik"], 9, 9, "2021-01-19", "2021-03-30"),
    Speaker("Zoë Dubois", "police  spokeswoman", [], 3, 2, None, None),
    Speaker(" Ola Vik", "", [], 2, 1, "2021-01-19", None),
    Speaker("Ola Vik ", " treasurer", [], 2, 1, None, "2021-01-19"),
    Speaker("Ola\tVik", "city\ttreasurer", [], 1, 1, None, None),
    Speaker("Ola\nVik", "x\x1b[31m", [], 1, 1, None, None),
    Speaker("Harbour Authority", None, [], 1, 1, None, None),
    Speaker("  ", "a\u00a0b", [], 1, 1, None, None),
    Speaker("Marta Nunes", "lawyer\u200b", [], 1, 1, None, None),
]


@pytest.mark.parametrize("n", range(len(AWKWARD) + 1))
def test_piped_rows_are_the_bytes_of_every_cell_cleaned(n):
    """The whole text is checked at once and only the rows that need it are cleaned: the same bytes as
    cleaning every cell, whichever awkward row comes first."""
    import io

    rows = AWKWARD[n:] + AWKWARD[:n]
    out = io.StringIO()
    plain.print_speaker_rows([(s.name, s.role, s.aliases, s.quotes, s.articles, s.first, s.last) for s in rows], out)
    assert out.getvalue() == _old_plain(rows)
    out = io.StringIO()
    plain.print_speakers(rows[:1], out)
    assert out.getvalue() == _old_plain(rows[:1])


def test_after_edits_and_a_deletion_the_rows_of_a_rebuild(run, tmp_path):
    """Files added, edited and removed: the incremental index answers as a rebuild of the same files."""
    from newsgrep.index.writer import update_index

    docs = tmp_path / "docs"
    docs.mkdir()
    lines, extra = _records(), _records(seed=8)
    (docs / "a.jsonl").write_text("\n".join(lines[:25]) + "\n", encoding="utf-8")
    (docs / "b.jsonl").write_text("\n".join(lines[25:]) + "\n", encoding="utf-8")
    update_index(str(tmp_path / "ix"), [str(docs)])
    (docs / "b.jsonl").write_text("\n".join(lines[27:] + extra[:6]) + "\n", encoding="utf-8")
    (docs / "c.jsonl").write_text("\n".join(extra[30:]) + "\n", encoding="utf-8")
    update_index(str(tmp_path / "ix"), [str(docs)])
    (docs / "a.jsonl").unlink()
    update_index(str(tmp_path / "ix"), [str(docs)])
    update_index(str(tmp_path / "fresh"), [str(docs)])
    work = tmp_path
    for args in ([], ["ferry"], ["--sort", "recent"], ["snow", "--sort", "articles", "-n", "3"], ["--json"]):
        incremental = run("speakers", *args, "--index", str(work / "ix"))
        rebuilt = run("speakers", *args, "--index", str(work / "fresh"))
        assert incremental.exit_code == rebuilt.exit_code == 0
        assert incremental.stdout == rebuilt.stdout


_CHARS = "ab Zë ğ\u00a0\u2003\u202f\u200b\u200d\u202e\u2028\x85\x1b[\t\n\x00\u0301漢ب😀\ufeff"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(alphabet=_CHARS, max_size=8), st.none() | st.text(alphabet=_CHARS, max_size=6)),
        max_size=6,
    )
)
def test_piped_rows_equal_every_cell_cleaned_whatever_the_text(cells):
    import io

    rows = [Speaker(name, role, [], 1, 1, "2021-01-04", None) for name, role in cells]
    out = io.StringIO()
    plain.print_speaker_rows([(s.name, s.role, s.aliases, s.quotes, s.articles, s.first, s.last) for s in rows], out)
    assert out.getvalue() == _old_plain(rows)
