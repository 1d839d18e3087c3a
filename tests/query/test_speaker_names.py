"""One person, many names: --speaker by full name and merged `speakers` rows (issue 15, points 12 and 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgrep
from newsgrep.attribution.names import name_key
from newsgrep.attribution.people import article_groups, bare_keys, person_key, wanted_keys
from newsgrep.index.speakers import decode, encode
from newsgrep.index.writer import update_index

# Written for these tests. Attribution ties a1's "Reagan" to Ronald and a3's to Nancy (the
# full name in the article); a2 says only "President Reagan", a7 only "Lavrov".
RECORDS = [
    ("Reagan on trade", "1987-03-02", '"We will not accept this deal," Ronald Reagan said on Monday.\n\n'
     '"The talks go on," Reagan added.'),
    ("Trade bill", "1987-03-05", '"Congress must act now," President Reagan said on Thursday.'),
    ("Schools", "1987-04-01", '"Children come first," Nancy Reagan said on Wednesday.\n\n'
     '"We need more teachers," Reagan said.'),
    ("Gulf", "1987-05-10", '"The ships will be attacked," Tehran Radio said on Sunday.'),
    ("Gulf again", "1987-06-11", '"The war goes on," Tehran radio said on Thursday.\n\n'
     '"Moscow will not interfere," Sergei Lavrov said.'),
    ("Talks", "1987-07-01", '"We are ready to talk," Sergey Lavrov said on Wednesday.\n\n"Nothing is agreed," Lavrov said.'),
    ("No comment", "1987-08-01", '"No comment," Lavrov said.'),
]  # fmt: skip


@pytest.fixture(scope="module")
def people(tmp_path_factory) -> newsgrep.Archive:
    work = tmp_path_factory.mktemp("people")
    (work / "seeds").mkdir()
    lines = [json.dumps({"title": t, "date": d, "source": "Wire", "body": b}) for t, d, b in RECORDS]
    (work / "seeds" / "people.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_index(str(work / "index"), [str(work / "seeds")], jobs=1)
    return newsgrep.open(str(work / "index"))


def _titles(archive, *speakers: str) -> list[str]:
    return sorted(h.title for h in archive.search("*", speaker=list(speakers), limit=0).hits)


def test_regression_a_full_name_missed_its_surname_only_quotes(people):
    """`--speaker "Ronald Reagan"` found 8 articles and `--speaker reagan` 75 on Reuters-21578."""
    assert _titles(people, "Ronald Reagan") == ["Reagan on trade", "Trade bill"]
    assert _titles(people, "reagan") == ["Reagan on trade", "Schools", "Trade bill"]
    assert _titles(people, "Sergei Lavrov") == ["Gulf again", "No comment", "Talks"]


def test_a_different_first_name_in_the_article_contradicts(people):
    # "Schools" quotes Nancy Reagan and "Reagan": its Reagan is Nancy, never Ronald. "Trade bill"
    # says only "President Reagan": the article does not say which Reagan, so any full name matches.
    assert _titles(people, "Nancy Reagan") == ["Schools", "Trade bill"]
    assert _titles(people, "George Reagan") == ["Trade bill"]
    assert _titles(people, "Ivan Lavrov") == ["No comment"]
    assert _titles(people, "President Reagan") == ["Reagan on trade", "Schools", "Trade bill"]  # a title is no name


def test_the_query_syntax_and_quotes_agree(people):
    assert sorted(h.title for h in people.search('speaker:"Ronald Reagan"', limit=0).hits) == [
        "Reagan on trade",
        "Trade bill",
    ]
    found = people.quotes(speaker="Ronald Reagan", limit=0)
    assert [(q.speaker, q.title) for q in found.quotes] == [
        ("Ronald Reagan", "Reagan on trade"),
        ("Ronald Reagan", "Reagan on trade"),
        ("Reagan", "Trade bill"),
    ]
    assert [(q.speaker, q.title) for q in people.quotes(speaker="Ivan Lavrov", limit=0).quotes] == [
        ("Lavrov", "No comment")
    ]


def test_speakers_merge_case_transliteration_and_a_surname_alone(people):
    rows = [(s.name, s.role, s.aliases, s.quotes, s.articles, s.first, s.last) for s in people.speakers()]
    assert rows == [
        (
            "Sergey Lavrov",
            None,
            ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"],
            4,
            3,
            "1987-06-11",
            "1987-08-01",
        ),
        ("Nancy Reagan", None, ["Nancy Reagan"], 2, 1, "1987-04-01", "1987-04-01"),
        ("Ronald Reagan", None, ["Ronald Reagan"], 2, 1, "1987-03-02", "1987-03-02"),
        ("Tehran Radio", None, ["Tehran Radio", "Tehran radio"], 2, 2, "1987-05-10", "1987-06-11"),
        # Two full names end with Reagan, so a Reagan of unknown first name stays on his own.
        ("Reagan", "President", ["Reagan"], 1, 1, "1987-03-05", "1987-03-05"),
    ]


def test_speakers_with_a_query_and_filters_read_the_same_counts(people):
    assert [(s.name, s.quotes, s.articles) for s in people.speakers("ready OR comment")] == [("Sergey Lavrov", 3, 2)]
    assert [(s.name, s.quotes) for s in people.speakers(date_from="1987-06", date_to="1987-06")] == [
        ("Sergei Lavrov", 1),
        ("Tehran radio", 1),
    ]
    assert [s.name for s in people.speakers(sort="recent", limit=2)] == ["Sergey Lavrov", "Tehran Radio"]


def test_person_keys():
    assert person_key("President Reagan") == person_key("REAGAN") == "reagan"
    assert person_key("Foreign Minister Sergei Lavrov") == person_key("Sergey Lavrov") == name_key("Sergej Lavrov")
    assert person_key("Secretary of State Shultz") == "shultz"
    # Never a title alone, and never the words of an organisation.
    assert [person_key(n) for n in ("Prime Minister", "Minister of Finance", "Finance Ministry", "General Motors")] == [
        "prime minister",
        "minister of finance",
        "finance ministri",
        "general motors",
    ]


def test_bare_and_wanted_keys():
    assert bare_keys(["Reagan"]) == ["~reagan"]
    assert bare_keys(["Reagan", "Nancy Reagan"]) == []
    assert bare_keys(["TASS"]) == []  # an organisation has no first name to be contradicted
    assert wanted_keys("Ronald Reagan") == ["ronald reagan", "~reagan"]
    assert wanted_keys("reagan") == ["reagan"]
    assert wanted_keys("President Reagan") == ["president reagan", "reagan"]


def test_article_groups_join_a_surname_to_the_one_full_name():
    assert article_groups(["Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Tehran radio"]) == {
        "Lavrov": "Sergey Lavrov",
        "Sergei Lavrov": "Sergey Lavrov",
        "Sergey Lavrov": "Sergey Lavrov",
        "Tehran radio": "Tehran radio",
    }
    two = article_groups(["Reagan", "Ronald Reagan", "Nancy Reagan"])
    assert two["Reagan"] == "Reagan"  # which of the two: unknown


def test_the_speaker_column_value():
    value = encode("1987-03-02", [("Ronald Reagan", "President"), ("Reagan", None), ("Reagan", None), ("TASS", None)])
    assert value == (
        b"1987-03-02\x1eronald reagan\x1dRonald Reagan\x1fPresident\x1f1\x1dReagan\x1f\x1f2\x1etass\x1dTASS\x1f\x1f1\x1c"
    )
    assert decode(value) == (
        "1987-03-02",
        [("ronald reagan", [("Ronald Reagan", "President", 1), ("Reagan", "", 2)]), ("tass", [("TASS", "", 1)])],
    )
    assert encode(None, []) == b""


def test_speakers_over_segments_some_without_quotations(tmp_path):
    """Each update is a segment; one of them quotes nobody, so it has no speaker column."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    bodies = ['"We disagree," Lavrov said on Monday.', "Prices rose on Monday.", '"We agree," Lavrov said.']
    for i, body in enumerate(bodies):
        record = {"title": f"Day {i}", "date": f"1987-03-0{i + 1}", "source": "Wire", "body": body}
        (seeds / f"{i}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        update_index(str(tmp_path / "index"), [str(seeds)], jobs=1)
    archive = newsgrep.open(str(tmp_path / "index"))
    tables = sorted(p.name for p in (tmp_path / "index").glob("gen-*/speakers-*.marshal"))
    assert len(tables) == 1  # the live generation's, the older ones removed
    for found in (archive.speakers(), archive.speakers("monday OR agree")):
        assert [(s.name, s.quotes, s.articles, s.first, s.last) for s in found] == [
            ("Lavrov", 2, 2, "1987-03-01", "1987-03-03")
        ]


def test_speakers_without_the_table_add_the_column_up(people):
    """The writer's table and the column give the same rows; a missing or torn table is no error."""
    from_table = people.speakers()
    (table,) = Path(people.root).glob("gen-*/speakers-*.marshal")
    kept = table.read_bytes()
    try:
        table.write_bytes(kept[:7])
        assert people.speakers() == from_table
        table.unlink()
        assert people.speakers() == from_table
    finally:
        table.write_bytes(kept)


def test_piped_rows_clean_what_needs_it_and_keep_the_rest():
    import io

    from newsgrep.output.plain import print_speakers
    from newsgrep.query.quotes import Speaker

    rows = [
        Speaker("Tehran Radio", None, ["Tehran Radio"], 2, 2, "1987-05-10", "1987-06-11"),
        Speaker("Sergey  Lavrov\t", "Foreign\x1b[31m Minister", [], 1, 1, None, None),
        Speaker("Recep Tayyip Erdoğan", "Turkish President", [], 3, 1, "2019-01-01", "2019-01-01"),
    ]
    out = io.StringIO()
    print_speakers(rows, out)
    assert out.getvalue() == (
        "Tehran Radio\t\t2\t2\t1987-05-10\t1987-06-11\n"
        "Sergey Lavrov\tForeign Minister\t1\t1\t\t\n"
        "Recep Tayyip Erdoğan\tTurkish President\t3\t1\t2019-01-01\t2019-01-01\n"
    )


def test_a_phrase_ending_in_a_surname_is_no_second_full_name_regression_reagan_apart():
    """On Reuters "source close to Reagan" counted as a second full name ending with Reagan, so the
    295 quotations of a lone "Reagan" stayed a row apart from "Ronald Reagan"."""
    from newsgrep.index.speakers import merged

    groups = {
        "ronald reagan": [2, 1, "1987-03-02", "1987-03-02", {"Ronald Reagan": 2}, {}],
        "reagan": [5, 3, "1987-03-05", "1987-04-01", {"Reagan": 5}, {"President": 1}],
        "source close to reagan": [1, 1, "1987-05-01", "1987-05-01", {"source close to Reagan": 1, "Reagan": 2}, {}],
        "jan de wit": [1, 1, "1987-06-01", "1987-06-01", {"Jan de Wit": 1}, {}],
        "wit": [1, 1, "1987-06-02", "1987-06-02", {"Wit": 1}, {}],
    }
    assert sorted(merged(groups)) == [
        ("Jan de Wit", None, ["Jan de Wit", "Wit"], 2, 2, "1987-06-01", "1987-06-02"),
        ("Ronald Reagan", "President", ["Reagan", "Ronald Reagan"], 7, 4, "1987-03-02", "1987-04-01"),
        ("source close to Reagan", None, ["Reagan", "source close to Reagan"], 1, 1, "1987-05-01", "1987-05-01"),
    ]
