"""Each problem is printed once, when first found; later runs count known ones in one line (issue 15, point 8)."""

from __future__ import annotations

BAD = (
    '{"title": "No body", "date": "1987-03-02"}\n'
    '{"title": "", "date": "1987-03-02", "body": "no title"}\n'
    '{"title": "Also no body", "date": "1987-03-02", "body": ""}\n'
)
OTHER = '{"title": "T", "date": "1987-03-02", "body": "b", "speakers": 5}\n'


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("indexed ")]


def test_a_run_prints_new_problems_and_counts_known_ones(workdir, run):
    (workdir / "seeds" / "bad.jsonl").write_text(BAD)
    first = run("index")
    assert _warnings(first.stderr) == [
        "newsgrep: warning: seeds/bad.jsonl:1: article 'No body' has no body text; skipped",
        "newsgrep: warning: seeds/bad.jsonl:2: article has no title; add one to index it; skipped",
        "newsgrep: warning: seeds/bad.jsonl:3: article 'Also no body' has no body text; skipped",
    ]
    again = run("index")  # nothing to do: no flood
    assert _warnings(again.stderr) == [
        "newsgrep: 3 known warnings, printed when first found: 2 without a body, 1 without a title; "
        "`newsgrep index --warnings` lists them"
    ]
    assert again.stderr.splitlines()[-1].startswith(
        "indexed 3 files, 2 articles: 0 added, 0 updated, 0 removed, 0 moved, 3 unchanged; 3 warnings; "
    )
    assert run("index", "-q").stderr == ""
    listed = run("index", "--warnings")
    assert _warnings(listed.stderr) == _warnings(first.stderr)


def test_only_the_changed_files_problems_are_printed(workdir, run):
    (workdir / "seeds" / "bad.jsonl").write_text(BAD)
    run("index")
    (workdir / "seeds" / "other.jsonl").write_text(OTHER)
    result = run("index")
    assert _warnings(result.stderr) == [
        "newsgrep: warning: seeds/other.jsonl:1: field 'speakers' must be a string or a list of strings, "
        "not a number; fix the record to index it; skipped",
        "newsgrep: 3 known warnings, printed when first found: 2 without a body, 1 without a title; "
        "`newsgrep index --warnings` lists them",
    ]


def test_the_library_still_reports_every_current_problem(workdir):
    import newsgrep

    (workdir / "seeds" / "bad.jsonl").write_text(BAD)
    archive = newsgrep.open("index")
    archive.update()
    summary = archive.update()
    assert (len(summary.warnings), len(summary.earlier), summary.new_warnings) == (3, 3, [])


def test_a_file_read_again_prints_only_its_new_problems_regression_one_edit_reprinted_all(workdir, run):
    """Editing one record of a big export reprinted all 3,002 of its known warnings."""
    (workdir / "seeds" / "bad.jsonl").write_text(BAD)
    run("index")
    (workdir / "seeds" / "bad.jsonl").write_text(BAD + '{"title": "Late", "date": "1987-03-02"}\n')
    result = run("index")
    assert _warnings(result.stderr) == [
        "newsgrep: warning: seeds/bad.jsonl:4: article 'Late' has no body text; skipped",
        "newsgrep: 3 known warnings, printed when first found: 2 without a body, 1 without a title; "
        "`newsgrep index --warnings` lists them",
    ]
    assert result.stderr.splitlines()[-1].startswith(
        "indexed 3 files, 2 articles: 0 added, 1 updated, 0 removed, 0 moved, 2 unchanged; 4 warnings; "
    )


def test_one_file_and_one_article_are_singular(workdir, run):
    (workdir / "one").mkdir()
    (workdir / "one" / "a.jsonl").write_text('{"title": "T", "date": "1987-03-02", "body": "b"}\n')
    result = run("index", "one", "--index", "solo")
    assert result.stderr.splitlines()[-1].startswith(
        "indexed 1 file, 1 article: 1 added, 0 updated, 0 removed, 0 moved, 0 unchanged; 0 warnings; "
    )


def test_a_field_not_kept_is_counted_by_its_reason_regression(workdir, run):
    """QA on TASS: 22 `top_words` fields (a list of objects) were summed up as "22 other"."""
    (workdir / "seeds" / "bad.jsonl").write_text(BAD)
    (workdir / "seeds" / "tags.jsonl").write_text(
        '{"title": "T", "date": "1987-03-02", "body": "b", "scores": [{"w": 1}]}\n'
    )
    run("index")
    assert _warnings(run("index").stderr) == [
        "newsgrep: 4 known warnings, printed when first found: 2 without a body, 1 with a field not kept, "
        "1 without a title; `newsgrep index --warnings` lists them"
    ]
