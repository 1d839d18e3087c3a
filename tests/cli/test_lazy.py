"""newsgrep/cli/lazy.py defers two Whoosh modules for the CLI: nothing may notice but the clock."""

from __future__ import annotations

import subprocess
import sys

from conftest import JAN

CODE = """
import sys
from newsgrep.cli import lazy; lazy.install()
import whoosh.query, whoosh.qparser, whoosh.searching
real = lambda name: "rules" in vars(sys.modules[name]) or "Highlighter" in vars(sys.modules[name])
print(real("whoosh.lang.morph_en"), real("whoosh.highlight"))
from whoosh.lang.morph_en import variations
print(sorted(variations("treaty")) == sorted(sys.modules["whoosh.lang.morph_en"].variations("treaty")))
print(real("whoosh.lang.morph_en"), real("whoosh.highlight"))
print(whoosh.searching.highlight.Highlighter is sys.modules["whoosh.highlight"].Highlighter)
print(real("whoosh.highlight"))
"""


def _printed(code: str) -> list[str]:
    """The lines ``code`` prints, run in a fresh interpreter (imports are what is tested)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_deferred_modules_load_on_first_use_and_answer_as_the_real_ones():
    assert " ".join(_printed(CODE)).split() == ["False", "False", "True", "True", "False", "True", "True"]


def test_variations_query_still_expands(seed_index):
    from whoosh import query

    from newsgrep.index.store import open_index

    ix = open_index(str(seed_index / "index"))
    with ix.searcher() as s:
        words = sorted(query.Variations("body", "islands").expanded_terms(s.reader()))
    assert words == [("body", b"island")]


def test_whooshs_highlighter_still_works(seed_index):
    from whoosh import qparser

    from newsgrep.index.store import open_index

    ix = open_index(str(seed_index / "index"))
    with ix.searcher() as s:
        hits = s.search(qparser.QueryParser("body", ix.schema).parse("Kuril"), terms=True)
        hit = next(h for h in hits if h["id"] == JAN)
        assert "<b" in hit.highlights("body")


PACKAGE_CODE = """
import importlib.util, sys
from newsgrep.cli import lazy; lazy.install()
import whoosh.highlight
print(whoosh.highlight.Highlighter.__module__)
print(importlib.util.find_spec("whoosh.highlight").origin.endswith("whoosh/highlight.py"))
import whoosh.query, whoosh.lang
morph = sys.modules["whoosh.lang.morph_en"]
print(whoosh.lang.morph_en is morph, "rules" in vars(morph))
print(importlib.util.find_spec("whoosh.lang.morph_en").origin.endswith("whoosh/lang/morph_en.py"))
print(morph.variations("treaty") == whoosh.query.terms.variations("treaty"), "rules" in vars(morph))
print(morph.__spec__.loader is morph.__loader__, type(morph.__loader__).__name__)
"""


def test_deferred_modules_are_real_modules_of_their_packages():
    """Regression: the stand-ins were not attributes of their package (``whoosh.highlight.X`` raised
    AttributeError after ``import whoosh.highlight``) and had no __spec__ (find_spec raised ValueError)."""
    assert _printed(PACKAGE_CODE) == [
        "whoosh.highlight",
        "True",
        "True False",
        "True",
        "True True",
        "True SourceFileLoader",
    ]


THREADS_CODE = """
import sys, threading
sys.setswitchinterval(1e-6)
from newsgrep.cli import lazy; lazy.install()
import whoosh.query
from whoosh.query import terms
errors, results = [], []
def use():
    try:
        results.append(sorted(terms.variations("treaty")))
    except Exception as err:
        errors.append(repr(err))
threads = [threading.Thread(target=use) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(errors, len({tuple(r) for r in results}), len(results))
"""

RETRY_CODE = """
import sys
from newsgrep.cli import lazy; lazy.install()
import whoosh.query
morph = sys.modules["whoosh.lang.morph_en"]
real = morph.__loader__.loader
runs = []
def flaky(module):
    runs.append(1)
    if len(runs) == 1:
        raise KeyboardInterrupt  # Ctrl-C among the 300 regular expressions
    return type(real).exec_module(real, module)
real.exec_module = flaky
try:
    whoosh.query.terms.variations("treaty")
except KeyboardInterrupt:
    print("interrupted", "rules" in vars(morph))
print(sorted(whoosh.query.terms.variations("treaty")) == sorted(morph.variations("treaty")), len(runs))
print(whoosh.query.terms.variations.__name__, whoosh.query.terms.variations.__module__)
import whoosh.highlight
names = dir(whoosh.highlight)
print("Highlighter" in names, type(whoosh.highlight.__loader__).__name__)
"""


def test_deferred_module_runs_once_whatever_the_threads():
    """Regression: a second thread could find neither the forwarder nor the real function."""
    assert _printed(THREADS_CODE) == ["[] 1 8"]


def test_deferred_module_that_fails_to_run_is_tried_again():
    """Regression: a Ctrl-C while the module ran left it half-run, without its functions, for good."""
    assert _printed(RETRY_CODE) == [
        "interrupted False",
        "True 2",
        "variations whoosh.lang.morph_en",
        "True SourceFileLoader",
    ]


def test_importing_the_library_installs_no_import_hook():
    """Regression: `import newsgrep` put a meta-path finder in front of everyone's imports."""
    code = (
        "import sys; n = len(sys.meta_path); import newsgrep, newsgrep.query.search, newsgrep.index.writer; "
        "import whoosh.query; print(len(sys.meta_path) == n, 'rules' in vars(sys.modules['whoosh.lang.morph_en']))"
    )
    assert _printed(code) == ["True True"]
