"""`--speaker`, `quotes` and `speakers` on the seeds: the acceptance points of the speakers issue."""

from __future__ import annotations

import json

from conftest import FEB, JAN


def ids(result) -> list[str]:
    return sorted(h["id"] for h in json.loads(result.stdout)["hits"])


def test_speaker_filter_matches_every_form_of_the_name(in_seeds, run):
    for name in ("Lavrov", "lavrov", "Sergey Lavrov", "Sergei Lavrov", "SERGÉY LAVROV"):
        result = run("search", "Japan", "--speaker", name, "--json")
        assert result.exit_code == 0, name
        assert ids(result) == sorted([JAN, FEB]), name


def test_mentioned_is_not_quoted(in_seeds, run):
    for name in ("Putin", "Abe", "Kono", "Shinzo Abe"):
        result = run("search", "Japan", "--speaker", name)
        assert (result.exit_code, result.stdout) == (1, ""), name


def test_repeated_speaker_means_any(in_seeds, run):
    assert ids(run("search", "islands", "--speaker", "Putin", "--speaker", "Moscow", "--json")) == [JAN]


def test_hits_carry_their_speakers(in_seeds, run):
    hit = json.loads(run("search", "Kuril", "--json").stdout)["hits"][0]
    assert hit["speakers"] == ["Sergey Lavrov", "Moscow"]


def test_quotes_by_lavrov_acceptance(in_seeds, run):
    result = run("quotes", "--speaker", "lavrov", "--jsonl", "--limit", "0")
    assert result.exit_code == 0
    quotes = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(q["speaker"] == "Sergey Lavrov" for q in quotes)
    assert list(quotes[0]) == [
        "speaker",
        "role",
        "kind",
        "cue",
        "text",
        "article_id",
        "title",
        "date",
        "source",
        "url",
        "path",
        "line",
        "matches",
    ]
    (ww2,) = [q for q in quotes if q["text"].startswith("Recognizing the outcome of World War II")]
    assert ww2["text"].startswith("Recognizing the outcome of World War II is neither an ultimatum nor a precondition")
    assert (ww2["kind"], ww2["date"], ww2["role"], ww2["cue"]) == (
        "direct",
        "2019-01-17",
        "Russian Foreign Minister",
        "said",
    )
    (aim,) = [
        q for q in quotes if q["text"].startswith("Our aim is to take the relations to the level of true partnership")
    ]
    assert aim["text"].endswith("the Japanese PM")
    assert "but we are committed to move" in aim["text"]  # whole, across the page break
    assert aim["date"] == "2019-02-22"


def test_quotes_search_by_their_own_words(in_seeds, run):
    doc = json.loads(run("quotes", '"true partnership"', "--json").stdout)
    assert doc["total"] == 1
    (q,) = doc["quotes"]
    assert (q["speaker"], q["article_id"]) == ("Sergey Lavrov", FEB)
    assert [q["text"][a:b] for a, b in q["matches"]] == ["true partnership"]
    # words from two different quotations do not make a match
    assert run("quotes", "partnership AND ultimatum").exit_code == 1


def test_quotes_date_filter_and_no_query(in_seeds, run):
    january = [json.loads(x) for x in run("quotes", "--to", "2019-01", "--limit", "0", "--jsonl").stdout.splitlines()]
    assert january and {q["date"] for q in january} == {"2019-01-17"}
    everything = json.loads(run("quotes", "--limit", "0", "--json").stdout)
    assert everything["total"] == len(everything["quotes"]) > len(january)


def test_quotes_terminal_output(in_seeds, run):
    out = run("quotes", '"true partnership"', "--color", "never").stdout.splitlines()
    assert out[0] == "Sergey Lavrov (Russian Foreign Minister)  direct, noted"
    assert out[1].startswith("  “Our aim is to take the relations to the level of true partnership")


def test_speakers_json_acceptance(in_seeds, run):
    result = run("speakers", "--json")
    assert result.exit_code == 0
    speakers = json.loads(result.stdout)
    names = [s["name"] for s in speakers]
    assert "Sergey Lavrov" in names
    assert not {"Vladimir Putin", "Putin", "Shinzo Abe", "Abe", "Taro Kono", "Kono"} & set(names)
    (lavrov,) = [s for s in speakers if s["name"] == "Sergey Lavrov"]
    assert list(lavrov) == ["name", "role", "aliases", "quotes", "articles", "first", "last"]
    assert (lavrov["role"], lavrov["articles"], lavrov["first"], lavrov["last"]) == (
        "Russian Foreign Minister",
        2,
        "2019-01-17",
        "2019-02-22",
    )
    assert lavrov["aliases"] == ["Sergey Lavrov"]


def test_metadata_speakers_are_used_as_given(workdir, run, tmp_path):
    (workdir / "seeds" / "wang.jsonl").write_text(
        json.dumps(
            {
                "title": "Beijing talks",
                "date": "2021-06-01",
                "body": "China and Russia met.",
                "source": "Xinhua",
                "speakers": ["Wang Yi"],
            }
        )
        + "\n"
    )
    run("index")
    hit = json.loads(run("search", "Beijing", "--speaker", "wang yi", "--json").stdout)["hits"][0]
    assert hit["speakers"] == ["Wang Yi"]
    article = json.loads(run("show", hit["id"], "--json").stdout)
    assert article["speakers_from"] == "metadata"


def test_quotes_words_side_by_side_must_all_be_in_the_quotation_unless_match_any(in_seeds, run):
    assert run("quotes", "partnership ultimatum").exit_code == 1
    doc = json.loads(run("quotes", "partnership ultimatum", "--match", "any", "--json").stdout)
    assert doc["total"] == 4
    assert [q["text"][:30] for q in doc["quotes"]] == [
        "We are a long way from partner",
        "Judging by the declaration, we",
        "Recognizing the outcome of Wor",
        "Our aim is to take the relatio",
    ]
    assert [[q["text"][a:b] for a, b in q["matches"]] for q in doc["quotes"]][2] == ["ultimatum"]


def test_quotes_source_filter(in_seeds, run):
    every = json.loads(run("quotes", "--source", "russian", "--limit", "0", "--json").stdout)
    assert every["total"] == 24
    bad = run("quotes", "x", "--match", "some")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "newsgrep: error: --match 'some' is not valid; use any (rank, no word required) or all\n",
    )
