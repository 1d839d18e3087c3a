"""newsgrep: full-text search over diplomatic news, from the terminal and from scripts."""

import sys as _sys

__version__ = "0.1.0"

# Module -> names other modules import *from* it at their own import time.
_DEFERRED: dict = {}


class _DeferredLoader:
    """Imports a module for real (its spec, its place in its package) but runs its code on first use.

    ``importlib.util.LazyLoader`` runs it on the first attribute read, which
    ``from whoosh.lang.morph_en import variations`` (whoosh.query's import
    time) would be. Here the names in ``functions`` start as forwarders that
    run the module when first *called*; any other attribute runs it when
    first read. The module object is the real one throughout: code that
    holds it sees the real contents once they are there.
    """

    def __init__(self, loader, functions):
        self.loader = loader
        self.functions = functions

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        loader, names = self.loader, self.functions
        state = {"loaded": False}

        def load():
            if state["loaded"]:
                return
            state["loaded"] = True
            for name in (*names, "__getattr__"):
                module.__dict__.pop(name, None)
            module.__spec__.loader = module.__loader__ = loader
            loader.exec_module(module)

        def attribute(name):
            if name.startswith("__"):  # the import system asks for __path__ and the like
                raise AttributeError(name)
            load()
            return getattr(module, name)

        def forwarder(name):
            def forward(*args, **kwargs):
                load()
                return getattr(module, name)(*args, **kwargs)

            return forward

        for name in names:
            setattr(module, name, forwarder(name))
        module.__getattr__ = attribute


class _DeferringFinder:
    """Finds the modules of ``_DEFERRED`` as Python would, once, and hands them to ``_DeferredLoader``."""

    @staticmethod
    def find_spec(name, path, target=None):
        functions = _DEFERRED.pop(name, None)
        if functions is None:
            return None
        for finder in _sys.meta_path:  # the finders after this one, as the import system would ask them
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


_defer("whoosh.lang.morph_en", "variations")
_defer("whoosh.highlight")
