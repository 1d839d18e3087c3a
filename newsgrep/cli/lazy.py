"""Whoosh modules that a search never uses load on first use, not when Whoosh imports them: the CLI's start-up.

``install()`` is called by the command-line entry point (``launch.main``)
before anything imports Whoosh. Importing newsgrep as a library installs
nothing: a notebook's Whoosh loads as Whoosh always does. tests/test_lazy.py
checks that, once installed, nothing but the clock can tell.
"""

import sys as _sys

# Module -> names other modules import *from* it at their own import time.
_DEFERRED: dict = {}


class _DeferredLoader:
    """Imports a module for real (its spec, its place in its package) but runs its code on first use.

    ``importlib.util.LazyLoader`` runs it on the first attribute read, which
    ``from whoosh.lang.morph_en import variations`` (whoosh.query's import
    time) would be. Here the names in ``functions`` start as forwarders that
    run the module when first *called*; any other attribute (``__all__`` and
    ``dir()`` included) runs it when first read. The module object is the
    real one throughout: code that holds it sees the real contents once they
    are there. A lock makes the first use run the code once, whatever the
    threads; if the code fails, the module is left deferred and the next use
    tries again, as a failed import would.
    """

    def __init__(self, loader, functions):
        self.loader = loader
        self.functions = functions

    def __getattr__(self, name):  # get_code, get_source, is_package...: the real loader's
        return getattr(self.loader, name)

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        import threading

        _DEFERRED.pop(module.__name__, None)
        loader, names = self.loader, self.functions
        lock = threading.RLock()
        stand_ins = {}

        def load():
            with lock:
                if module.__dict__.get("__getattr__") is not attribute:
                    return  # run already
                for name in stand_ins:
                    del module.__dict__[name]
                module.__spec__.loader = module.__loader__ = loader
                try:
                    loader.exec_module(module)
                except BaseException:
                    module.__spec__.loader = module.__loader__ = self
                    module.__dict__.update(stand_ins)
                    raise

        def attribute(name):
            if name.startswith("__") and name != "__all__":  # the import system asks for __path__ and the like
                raise AttributeError(name)
            load()
            return getattr(module, name)

        def listing():
            load()
            return sorted(module.__dict__)

        def forwarder(name):
            def forward(*args, **kwargs):
                load()
                return getattr(module, name)(*args, **kwargs)

            forward.__name__ = forward.__qualname__ = name
            forward.__module__ = module.__name__
            return forward

        stand_ins.update({name: forwarder(name) for name in names})
        stand_ins.update(__getattr__=attribute, __dir__=listing)
        module.__dict__.update(stand_ins)


class _DeferringFinder:
    """Finds the modules of ``_DEFERRED`` as Python would, once, and hands them to ``_DeferredLoader``."""

    @staticmethod
    def find_spec(name, path, target=None):
        functions = _DEFERRED.get(name)  # until the module runs: a find_spec() before the import is fine
        if functions is None:
            return None
        for finder in _sys.meta_path:  # every other finder, in the import system's order
            find = getattr(finder, "find_spec", None)
            if finder is _DeferringFinder or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _DeferredLoader(spec.loader, functions)
                return spec
        return None

    @staticmethod
    def invalidate_caches():
        pass


def _defer(name: str, *functions: str) -> None:
    """Run Whoosh module ``name`` only when something uses it, not when another module imports it.

    For modules that ``whoosh.query`` and ``whoosh.searching`` import at
    import time but a search never uses: ``whoosh.lang.morph_en`` compiles
    some 300 regular expressions (4 ms of every one-shot search) for
    Variations queries, and ``whoosh.highlight`` brings ``html`` and its
    entity tables (2 ms) for Whoosh's own highlighter (newsgrep cuts its
    snippets itself). ``functions``: see ``_DeferredLoader``.
    tests/test_lazy.py checks that nothing else can tell.
    """
    if name in _sys.modules:
        return
    _DEFERRED[name] = functions
    if _DeferringFinder not in _sys.meta_path:
        _sys.meta_path.insert(0, _DeferringFinder)


def install() -> None:
    """Defer the two Whoosh modules whose import-time work a search never needs (see ``_defer``)."""
    _defer("whoosh.lang.morph_en", "variations")
    _defer("whoosh.highlight")
