"""newsgrep: full-text search over diplomatic news, from the terminal and from scripts."""

import sys as _sys

__version__ = "0.1.0"


def _defer_morph_en() -> None:
    """Let ``whoosh.query`` load without ``whoosh.lang.morph_en`` until a Variations query needs it.

    whoosh.query.terms imports ``variations`` from it at import time, and that
    module compiles some 300 regular expressions: 4 ms of every one-shot
    search, for a query type newsgrep never builds. The stand-in below offers
    a ``variations`` that imports the real module on its first call, and hands
    any other attribute over the same way; tests/test_lazy.py checks both.
    """
    name = "whoosh.lang.morph_en"
    if name in _sys.modules:
        return
    stub = type(_sys)(name)

    def real():
        if _sys.modules.get(name) is stub:
            del _sys.modules[name]
        import importlib

        return importlib.import_module(name)

    def variations(word):
        return real().variations(word)

    def attribute(attr):
        if attr.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(attr)
        return getattr(real(), attr)

    stub.variations = variations
    stub.__getattr__ = attribute
    _sys.modules[name] = stub


_defer_morph_en()
