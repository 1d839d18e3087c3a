"""What a command does once its options are parsed, without Typer.

app.py (Typer) and fastpath.py (the common `newsgrep search` command lines,
read without Click) both call these functions, so the two ways in cannot
answer differently. Nothing here imports Typer, Whoosh or Rich at import time.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable

from ..errors import ExitStatus, IndexDamagedError, NewsgrepError, UsageError

INTERRUPTED = "interrupted; the index is as it was before this run"
INTERRUPTED_AFTER_COMMIT = (
    "interrupted after this run's changes were committed; the next `newsgrep index` finishes its tidying"
)

# Indexes kept open by `newsgrep serve`, by absolute path: the commands it runs use them.
WARM: dict[str, object] = {}


class NotServed(BaseException):
    """Inside a server, a command for another index: the server hands it back to the client.

    A BaseException, so that neither the CLI's error handling nor Click's turns it into an exit status.
    """


def open_index(index: str | None, *, build: bool = True):
    """Open the index as ``(root, ix)``; on first use, build it from the seeds and say so on stderr."""
    from ..index import store
    from ..output.stdio import notice

    root = store.index_location(index)
    warm = WARM.get(os.path.abspath(root))
    if warm is not None:  # inside `newsgrep serve`: its open, up-to-date index
        return root, warm
    if WARM:  # inside `newsgrep serve`, asked for another index: the client runs it itself
        raise NotServed(root)
    if not store.exists(root):
        if store.being_built(root):  # searches never wait, and never say "no index" while one is built
            raise NewsgrepError(
                f"the index at {root} is being built by another `newsgrep index` run; search again when it finishes"
            )
        if store.lost_current(root):  # a deleted CURRENT once read as "no index at DIR; build it"
            raise IndexDamagedError(
                f"the index at {root} is damaged (CURRENT is missing); run `newsgrep index --rebuild`"
            )
        seeds = store.seed_locations()
        if index is not None or os.environ.get("NEWSGREP_INDEX"):  # a read never writes where it was pointed
            raise NewsgrepError(
                f"no index at {root}; build it with `newsgrep index --index {root} PATH...`, "
                "or check the --index path (or $NEWSGREP_INDEX)"
            )
        if not build or not any(os.path.exists(s) for s in seeds):
            raise NewsgrepError(
                f"no index at {root} and no articles at {', '.join(seeds)}; "
                "put articles in ./seeds (or set NEWSGREP_SEEDS) and run `newsgrep index`"
            )
        from ..errors import LockedError
        from ..index.writer import update_index, write_lock

        try:
            with write_lock(root, 0):  # searches never wait: another run may be building it
                pass
        except LockedError:
            raise NewsgrepError(
                f"the index at {root} is being built by another `newsgrep index` run; search again when it finishes"
            ) from None
        notice(f"no index at {root} yet; building it from {', '.join(seeds)}")
        try:
            summary = update_index(root, seeds, wait=0)
        except LockedError:  # it started in the meantime
            raise NewsgrepError(
                f"the index at {root} is being built by another `newsgrep index` run; search again when it finishes"
            ) from None
        articles, files = summary.articles, summary.files
        notice(
            f"indexed {articles} article{'s' if articles != 1 else ''} from {files} file{'s' if files != 1 else ''}"
            f" in {summary.seconds:.1f}s"
        )
    return root, store.open_index(root)


def open_archive(index: str | None, *, build: bool = True):
    """The ``Archive`` a command reads: the server's warm index inside `newsgrep serve`; built on first use."""
    from ..api import Archive

    root, ix = open_index(index, build=build)
    return Archive(root, ix)


def check_color(color: str) -> None:
    if color not in ("auto", "always", "never"):  # app.COLORS completes these
        raise UsageError(f"--color {color!r} is not valid; use auto, always or never")


def check_output(json_: bool, jsonl: bool, count: bool = False) -> None:
    if json_ and jsonl:
        raise UsageError("--json and --jsonl cannot be used together; pick one")
    if count and (json_ or jsonl):
        raise UsageError(
            f"--count prints only the number, --{'json' if json_ else 'jsonl'} the hits; pick one (--json has `total`)"
        )


def search(
    query: str,
    date_from: str | None,
    date_to: str | None,
    source: list[str] | None,
    speaker: list[str] | None,
    sort: str,
    limit: int,
    facet: list[str] | None,
    index: str | None,
    match: str = "any",
    offset: int = 0,
):
    """`newsgrep search`: open the archive and run the request (a ``SearchResult``).

    When nothing matched and a ``--source`` means no source at all, stderr says so, with the closest ones.
    """
    archive = open_archive(index)
    result = archive.search(
        query,
        date_from=date_from,
        date_to=date_to,
        source=source,
        speaker=speaker,
        sort=sort,
        limit=limit,
        facet=facet,
        match=match,
        offset=offset,
    )
    if source and not result.total:
        say_unknown_sources(archive, source)
    if offset and result.total and not result.hits:
        from ..output.stdio import notice

        notice(f"--offset {offset} is past the last of the {result.total:,} hits; use a smaller one")
    return result


def say_unknown_sources(archive, names) -> None:
    import difflib

    from ..output.stdio import notice

    unknown = archive.unknown_sources(names)
    if not unknown:
        return
    known = list(archive.sources())
    for name in unknown:
        lowered = {k.lower(): k for k in known}
        close = [lowered[k] for k in difflib.get_close_matches(name.lower(), list(lowered), n=3, cutoff=0.4)]
        shown = ", ".join(close or known[:5]) or "none: the index is empty"
        notice(f"no source matches --source {name!r}; {'closest' if close else 'the sources are'}: {shown}")


def print_result(result, json_: bool, jsonl: bool, color: str, count: bool = False) -> ExitStatus:
    """Write search results to stdout as asked; the exit status they call for.

    ``count``: only the number of matching articles, as ``rg -c`` (exit 1 when it is 0).
    """
    from ..output import stdio

    if count:
        sys.stdout.write(f"{result.total}\n")
        return ExitStatus.OK if result.total else ExitStatus.NO_HITS
    if json_:
        doc = {"query": result.query, "total": result.total, "hits": result.hits}
        if result.facets is not None:
            doc["facets"] = result.facets
        doc["suggestion"] = result.suggestion
        stdio.write_json(doc)
    elif jsonl:
        stdio.write_jsonl(result.hits)
    else:
        from ..output import plain

        if not result.facets and plain.applies(color):  # a pipe or a file: the same text, without Rich
            plain.print_hits(result)
        else:
            from ..output import terminal

            terminal.print_hits(terminal.console(color), result)
    if result.suggestion:
        stdio.notice(f"did you mean: {result.suggestion}?")
    return ExitStatus.OK if result.hits else ExitStatus.NO_HITS


def last_resort(call: Callable[[], int]) -> int:
    """Run a whole command line: a reader leaving, Ctrl-C and bugs become an exit status, never a traceback."""
    if sys.stdout is None:  # started with stdout closed (`>&-`): fine until something is written
        sys.stdout = _ClosedStdout()
    try:
        code = call()
        # Flushed here, not at exit: into a pipe, output waits in the buffer, and a
        # reader gone by then would make Python's shutdown print a BrokenPipeError and exit 120.
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:  # Ctrl-C while printing: silent, as grep and Typer's own handler
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:  # `newsgrep search ... | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitStatus.OK
    except Exception as err:  # noqa: BLE001 - a bug: still one line and exit 2, never a traceback
        from ..output.stdio import error

        if isinstance(err, OSError) and err.errno == errno.EBADF:  # as grep's "write error"
            error("cannot write to standard output: it is closed; redirect it instead (> /dev/null)")
        elif isinstance(err, OSError) and err.errno in _WRITE_ERRORS:  # a full disk, /dev/full, a dead NFS
            _drop_stdout()
            error(f"write error: {os.strerror(err.errno)}; free some space or write somewhere else")
        else:
            error(f"internal error ({err.__class__.__name__}: {err}); please report it with the command you ran")
        return ExitStatus.ERROR


_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EROFS})


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that what is still buffered cannot fail again at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class _ClosedStdout(io.TextIOBase):
    """sys.stdout when the process started without one: writing is an error, flushing is not."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")
