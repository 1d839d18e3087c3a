"""newsgrep/__init__.py defers whoosh.lang.morph_en: nothing may notice but the clock."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import newsgrep
import whoosh.query, whoosh.qparser, whoosh.searching
print(type(sys.modules["whoosh.lang.morph_en"].__dict__.get("rules")).__name__)
from whoosh.lang.morph_en import variations
print(sorted(variations("treaty")) == sorted(sys.modules["whoosh.lang.morph_en"].variations("treaty")))
print(type(sys.modules["whoosh.lang.morph_en"].__dict__.get("rules")).__name__)
"""


def test_morph_en_is_loaded_on_first_use_and_answers_as_the_real_one():
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["NoneType", "True", "tuple"]


def test_variations_query_still_expands(seed_index):
    from whoosh import query

    from newsgrep.store import open_index

    ix = open_index(str(seed_index / "index"))
    with ix.searcher() as s:
        words = sorted(query.Variations("body", "islands").expanded_terms(s.reader()))
    assert words == [("body", b"island")]
