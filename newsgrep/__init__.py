"""newsgrep: full-text search over diplomatic news, from the terminal and from scripts."""

import sys as _sys

__version__ = "0.1.0"


def _defer(name: str, *functions: str) -> None:
    """Put a stand-in for module ``name`` in sys.modules that imports the real one on first use.

    For Whoosh modules that ``whoosh.query`` and ``whoosh.searching`` import
    at import time but a search never uses: ``whoosh.lang.morph_en``
    compiles some 300 regular expressions (4 ms of every one-shot search) for
    Variations queries, and ``whoosh.highlight`` brings ``html`` and its
    entity tables (2 ms) for Whoosh's own highlighter (newsgrep cuts its
    snippets itself). ``functions`` are names other modules import *from*
    ``name`` at their import time: they get a function that loads the real
    module when first called. Any other attribute loads it when first read.
    tests/test_lazy.py checks both.
    """
    if name in _sys.modules:
        return
    stub = type(_sys)(name)

    def real():
        if _sys.modules.get(name) is stub:
            del _sys.modules[name]
        import importlib

        return importlib.import_module(name)

    def attribute(attr):
        if attr.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(attr)
        return getattr(real(), attr)

    def forwarder(function):
        return lambda *args, **kwargs: getattr(real(), function)(*args, **kwargs)

    for function in functions:
        setattr(stub, function, forwarder(function))
    stub.__getattr__ = attribute
    _sys.modules[name] = stub


_defer("whoosh.lang.morph_en", "variations")
_defer("whoosh.highlight")
