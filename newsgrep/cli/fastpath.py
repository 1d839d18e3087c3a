"""The common `newsgrep search` command lines, and `newsgrep --version`, run without importing Typer.

Importing Typer (and the Click inside it) costs a one-shot search about 20 ms
of its 100 or so, more than most searches take. The command lines people
and scripts actually type (a query and the options of ``SEARCH_OPTIONS``,
each as ``--opt VALUE``) are read here by hand and run through the very
functions app.py calls (commands.py). As in Click, the argument after an option is its value even when it starts
with ``-`` (``--sort -date``). Anything else (``--help``, ``--opt=VALUE``,
``-n5``, ``--``, a query that starts with ``-``, an unknown option, a second
query word, a limit that is not plain digits, a shell asking for completions)
returns None and goes to
Typer, which parses it and reports errors exactly as before. A test holds
``parse_search`` to Click's own parse on thousands of generated command lines,
and to Typer's options for the command: a new option in app.py that is
missing here fails it.
"""

from __future__ import annotations

import os
import sys

from .protocol import COMPLETE_VAR  # a shell asking for completions: Typer answers those, not a search

# Option -> (parameter of cli.search, kind): "value" takes the next argument
# (the last one given wins), "multi" collects every one, "int" is a value of
# plain digits, "flag" sets True.
SEARCH_OPTIONS = {
    "--from": ("date_from", "value"),
    "--to": ("date_to", "value"),
    "--source": ("source", "multi"),
    "--speaker": ("speaker", "multi"),
    "--sort": ("sort", "value"),
    "--match": ("match", "value"),
    "--limit": ("limit", "int"),
    "-n": ("limit", "int"),
    "--offset": ("offset", "int"),
    "--count": ("count", "flag"),
    "--facet": ("facet", "multi"),
    "--json": ("json_", "flag"),
    "--jsonl": ("jsonl", "flag"),
    "--color": ("color", "value"),
    "--index": ("index", "value"),
}

# cli.search's defaults (a test compares them with Typer's).
SEARCH_DEFAULTS = {
    "date_from": None,
    "date_to": None,
    "source": None,
    "speaker": None,
    "sort": "relevance",
    "match": "any",
    "limit": 10,
    "offset": 0,
    "count": False,
    "facet": None,
    "json_": False,
    "jsonl": False,
    "color": "auto",
    "index": None,
}


def parse_search(args: list[str]) -> dict | None:
    """The parameters of ``newsgrep search ARGS`` as Click would pass them, or None to let Click decide."""
    params = dict(SEARCH_DEFAULTS)
    query = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("-"):
            spec = SEARCH_OPTIONS.get(arg)
            if spec is None:
                return None
            name, kind = spec
            if kind == "flag":
                params[name] = True
                i += 1
                continue
            if i + 1 == len(args):
                return None  # Click's "requires an argument"
            value = args[i + 1]
            if kind == "int":
                if not (value.isascii() and value.isdigit()):
                    return None
                try:
                    params[name] = int(value)
                except ValueError:  # past Python's 4300-digit limit: Click's "not a valid integer"
                    return None
            elif kind == "multi":
                params[name] = [*(params[name] or ()), value]
            else:
                params[name] = value
            i += 2
            continue
        if query is not None:
            return None  # a second query word: Click's "unexpected extra argument"
        query = arg
        i += 1
    if query is None:
        return None
    params["query"] = query
    return params


def run(argv: list[str]) -> int | None:
    """Run ``argv`` when it is a search this module can read (or ``--version``); None otherwise."""
    if COMPLETE_VAR in os.environ:
        return None
    if argv in (["--version"], ["-V"]):  # Typer's eager option, without Typer
        from .. import __version__
        from .commands import last_resort

        def version() -> int:
            sys.stdout.write(f"newsgrep {__version__}\n")
            return 0

        return last_resort(version)
    if not argv or argv[0] != "search":
        return None
    params = parse_search(argv[1:])
    if params is None:
        return None
    from . import commands

    def call() -> int:
        from ..errors import ExitStatus, NewsgrepError
        from ..output.stdio import error

        try:
            commands.check_color(params["color"])
            commands.check_output(params["json_"], params["jsonl"], params["count"])
            result = commands.search(
                params["query"],
                params["date_from"],
                params["date_to"],
                params["source"],
                params["speaker"],
                params["sort"],
                params["limit"],
                params["facet"],
                params["index"],
                params["match"],
                params["offset"],
            )
        except NewsgrepError as err:
            error(str(err))
            return ExitStatus.ERROR
        except KeyboardInterrupt:
            error(commands.INTERRUPTED)
            return ExitStatus.ERROR
        return commands.print_result(result, params["json_"], params["jsonl"], params["color"], params["count"])

    return commands.last_resort(call)
