"""newsgrep: full-text search over diplomatic news, from the terminal and from scripts.

As a library::

    import newsgrep

    archive = newsgrep.open("index")          # $NEWSGREP_INDEX or ./index by default
    archive.update(["seeds"])                 # newsgrep index seeds
    result = archive.search("Kuril", date_from="2019-01", date_to="2019-03", speaker="Lavrov")

Every call returns the frozen records of ``newsgrep.models``; see ``newsgrep.api``.
Importing newsgrep loads neither Whoosh nor anything else heavy, and changes
nothing in the import system.
"""

__version__ = "0.1.0"

__all__ = ["Archive", "__version__", "open"]


def __getattr__(name: str):
    """``newsgrep.open`` and ``newsgrep.Archive``, from newsgrep.api when first asked for (PEP 562)."""
    if name in ("open", "Archive"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsgrep' has no attribute {name!r}")
