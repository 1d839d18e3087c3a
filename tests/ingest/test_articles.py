import datetime as dt
import json
from pathlib import Path

from newsgrep.ingest.articles import article_id, parse_bytes, parse_text, render_digest, repair_paragraphs
from newsgrep.models import Article

ROOT = Path(__file__).resolve().parents[2]
FIX = Path(__file__).resolve().parents[1] / "fixtures"


def load(path: Path, shown: str | None = None):
    return parse_bytes(path.read_bytes(), shown or path.name, path.suffix)


def test_seed_february_fields():
    result = load(ROOT / "seeds/000_2137f8a269427b0b.txt", "seeds/000_2137f8a269427b0b.txt")
    assert result.warnings == []
    (a,) = result.articles
    assert a.id == "9f8ab3a926fb"
    assert a.title == "JAPAN'S PRO-US STANCE STANDS IN THE WAY OF DEVELOPING RELATIONS WITH RUSSIA, SAYS LAVROV"
    assert a.date == dt.date(2019, 2, 22)
    assert a.source == "Russian News Agency"
    assert a.url == "http://tass.com/world/1045905"
    assert a.kaynak is None
    assert a.line == 5
    assert a.body.startswith("Japans pro-American stance stands in the way")
    assert a.body.endswith('resolve problems of any difficulty level."')
    assert len(a.body.split("\n\n")) == 6


def test_page_break_is_rejoined_with_one_space():
    (a,) = load(ROOT / "seeds/000_2137f8a269427b0b.txt").articles
    assert "but we are committed to move towards a new level" in a.body
    (b,) = load(ROOT / "seeds/001_f0a990e9aa37a018.txt").articles
    assert "runs counter to the country's obligations under the United Nations Charter" in b.body


def test_paragraph_without_full_stop_before_a_quote_is_not_joined():
    (b,) = load(ROOT / "seeds/001_f0a990e9aa37a018.txt").articles
    first, second = b.body.split("\n\n")[:2]
    assert first.endswith("at his annual news conference on Wednesday")
    assert second.startswith('"We are a long way from partnership')


def test_subheadings_stay_in_the_body_as_their_own_paragraph():
    (b,) = load(ROOT / "seeds/001_f0a990e9aa37a018.txt").articles
    paragraphs = b.body.split("\n\n")
    assert "On French-Japanese meeting" in paragraphs
    assert "Kuril Islands issue" in paragraphs


def test_repair_never_joins_headings():
    assert repair_paragraphs([("Heading", True), ("lower start", False)]) == ["Heading", "lower start"]
    assert repair_paragraphs([("ends without stop", False), ("and goes on.", False)]) == [
        "ends without stop and goes on."
    ]
    assert repair_paragraphs([("ends with stop.", False), ("lower start", False)]) == ["ends with stop.", "lower start"]


def test_several_articles_per_file_turkish_month_missing_url_and_bad_date():
    result = load(FIX / "multi.txt", "multi.txt")
    assert [str(w) for w in result.warnings] == [
        "multi.txt:53: impossible date '31.02.2019': day is out of range for month; "
        "fix the date to index this article; skipped"
    ]
    first, second = result.articles
    assert (first.title, first.date, first.source, first.kaynak, first.line) == (
        "TURKEY AND RUSSIA DISCUSS GRAIN CORRIDOR",
        dt.date(2018, 4, 4),
        "Daily Sabah",
        "Daily Sabah",
        5,
    )
    # No DD.MM.YYYY line: the date comes from the agency line, in Turkish.
    assert (second.date, second.source, second.url, second.line) == (dt.date(2018, 4, 5), "Anadolu Agency", None, 27)
    assert second.body == (
        "The leaders of Turkey, Russia and Iran met in Ankara on Wednesday to discuss a political settlement "
        "in Syria, the agency reported.\n\nNext round\n\nThe next meeting is planned for the autumn."
    )


def test_plain_markdown_article():
    (a,) = load(FIX / "plain.md").articles
    assert (a.title, a.date, a.source, a.url) == (
        "Moscow comments on Arctic shipping",
        dt.date(2020, 3, 12),
        None,
        None,
    )
    assert a.body == (
        "The Northern Sea Route will stay open to foreign vessels, officials said on Thursday. "
        "The statement came after talks in Murmansk.\n\nShipping volumes grew by a third last year."
    )


def test_json_lines_with_bad_records():
    result = load(FIX / "records.jsonl", "records.jsonl")
    assert [str(w) for w in result.warnings] == [
        "records.jsonl:2: article 'No body here' has no body text; skipped",
        "records.jsonl:3: invalid JSON (Expecting value); skipped",
    ]
    first, second = result.articles
    assert (first.source, first.speakers, first.speakers_from) == ("Xinhua", ("Wang Yi",), "metadata")
    assert (second.source, second.body, second.line) == ("Reuters", "First paragraph.\n\nSecond paragraph.", 4)


def test_json_array_reports_the_line_of_each_record():
    text = json.dumps([{"title": "A", "date": "2020-01-01", "body": "x y"}, {"title": "", "body": "z"}], indent=1)
    result = parse_text(text, "a.json", ".json")
    assert [a.title for a in result.articles] == ["A"]
    assert [str(w) for w in result.warnings] == ["a.json:7: article has no title; add one to index it; skipped"]


def test_text_outside_any_article_is_reported():
    text = "\n\n17.01.2019\n\nSome orphan paragraph.\n\n---\n\n## **REAL**\n\n01.01.2019\n\nBody.\n"
    result = parse_text(text, "o.txt", ".txt")
    assert [a.title for a in result.articles] == ["REAL"]
    assert [str(w) for w in result.warnings] == [
        "o.txt:3: text outside any article (no '## **TITLE**' line above it); skipped"
    ]


def test_ids_are_stable_and_path_independent():
    a = load(ROOT / "seeds/001_f0a990e9aa37a018.txt", "x/one.txt").articles[0]
    b = load(ROOT / "seeds/001_f0a990e9aa37a018.txt", "y/two.txt").articles[0]
    assert a.id == b.id == "0060954e59a0" == article_id("http://tass.com/politics/1040214", "", None, None)
    assert article_id(None, "T", dt.date(2020, 1, 1), "TASS") == article_id(None, "t", dt.date(2020, 1, 1), "tass")


def test_markup_and_escapes_are_stripped_at_ingest():
    (a,) = load(FIX / "hostile.txt").articles
    assert a.title == "[bold red]ALERT[/bold red] CLICK TITLE"
    assert "\x1b" not in a.body and "\x1b" not in a.title
    assert a.body == (
        "The body has [link=http://evil.example]markup[/link] and an escape clear screen plus red text about Kuril."
    )


def test_render_digest_round_trip():
    article = Article(
        id="",
        title="A TITLE",
        date=dt.date(2018, 4, 4),
        source="Daily Sabah",
        url="https://example.com/a",
        body="First paragraph.\n\nSecond one.",
        path="r.txt",
    )
    (back,) = parse_text(render_digest(article), "r.txt", ".txt").articles
    assert (back.title, back.date, back.source, back.url, back.body) == (
        "A TITLE",
        dt.date(2018, 4, 4),
        "Daily Sabah",
        "https://example.com/a",
        "First paragraph.\n\nSecond one.",
    )


def test_a_record_without_an_agency_takes_its_links_host_regression_tass_had_no_source():
    records = [
        {"title": "A", "date": "2024-12-26", "content": ["x y"], "link": "https://tass.com/politics/1894093"},
        {"title": "B", "date": "2024-12-26", "body": "x y", "url": "http://www.reuters.com/a", "source": "Reuters"},
        {"title": "C", "date": "2024-12-26", "body": "x y", "url": "https://www.xinhuanet.com/c"},
        {"title": "D", "date": "2024-12-26", "body": "x y", "url": "not a url"},
        {"title": "E", "date": "2024-12-26", "body": "x y"},
    ]
    result = parse_text("\n".join(json.dumps(r) for r in records), "r.jsonl", ".jsonl")
    assert [(a.title, a.source) for a in result.articles] == [
        ("A", "tass.com"),
        ("B", "Reuters"),
        ("C", "xinhuanet.com"),
        ("D", None),
        ("E", None),
    ]
