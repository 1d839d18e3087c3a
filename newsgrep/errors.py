"""The errors newsgrep reports to users.

Every one carries a message that says what to do next; the CLI prints it as a
single line on stderr and exits with ``ExitStatus.ERROR``. Anything else that
escapes is a bug.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes, as grep and ripgrep use them."""

    OK = 0  # hits found / command succeeded
    NO_HITS = 1
    ERROR = 2
    INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C outside an index write, as a shell reports a killed grep


class NewsgrepError(Exception):
    """Base class: a problem the user can fix; ``str(err)`` is the one-line message."""


class UsageError(NewsgrepError):
    """A bad option value (a date, a sort order, a limit)."""


class QueryError(NewsgrepError):
    """A query Whoosh cannot parse or that names an unknown field."""


class NoIndexError(NewsgrepError):
    """There is no index and nothing to build one from."""


class IndexDamagedError(NewsgrepError):
    """The index on disk cannot be read."""


class IndexVersionError(NewsgrepError):
    """The index was written by a newsgrep with another schema."""


class LockedError(NewsgrepError):
    """Another ``newsgrep index`` run holds the index."""


class NotFoundError(NewsgrepError):
    """An article id that the index does not hold."""


class CommittedInterrupt(KeyboardInterrupt):
    """Ctrl-C after an index run's commit, while it tidied up (the speakers table, old manifests).

    The run's changes are live; the next run finishes what this one left. A
    KeyboardInterrupt, so that everything that stops on Ctrl-C stops on it.
    """
