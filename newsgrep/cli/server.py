"""`newsgrep serve`: a warm index behind a Unix socket.

Opening a large index and loading what the first query needs costs hundreds
of milliseconds, and importing Typer, Whoosh and Rich a hundred more; a server
pays both once. The `newsgrep` entry point (launch.py) sends the read-only
commands to the server when one is listening on the index's socket, and the
server runs them with the CLI's own code (``app.run``, handed to ``serve``) in the client's working
directory and environment, returning stdout, stderr and the exit status. With
no server the command runs in its own process, with the same code.

Never stale: before every request the server checks which generation is live
(``CURRENT``) and whether Whoosh has committed since its searcher opened, and
reopens if so. A request therefore always sees the last committed index, as
a one-shot search would.
"""

from __future__ import annotations

import contextlib
import io
import json
import marshal
import os
import signal
import socket
import sys
from dataclasses import asdict

from ..errors import NewsgrepError
from ..index.locations import same_user, socket_path
from ..index.store import current_dir, open_index
from ..query.search import Filters, SearchRequest, search

MAX_REQUEST = 1 << 20
MARSHAL = b"M"
READ_TIMEOUT = 10.0


class WarmIndex:
    """An open index and searcher, refreshed whenever a commit lands."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.gen = None
        self.ix = None
        self.held_searcher = None
        self._engine = None
        self.refresh()

    def __getattr__(self, name: str):
        """Everything else as the Whoosh index answers it (``schema``, ``latest_generation``...)."""
        if name.startswith("_") or name in ("ix", "held_searcher", "gen", "root"):
            raise AttributeError(name)
        return getattr(self.ix, name)

    def refresh(self) -> None:
        gen = current_dir(self.root)
        if gen != self.gen or self.held_searcher is None:
            self.close()
            self.ix = open_index(self.root)
            self.held_searcher = self.ix.searcher()
            self.gen = gen
            self._engine = None
        elif not self.held_searcher.up_to_date():
            # Not Searcher.refresh(): it reuses the readers of segments whose
            # id is unchanged, and so misses deletions committed into them.
            self.held_searcher.close()
            self.held_searcher = self.ix.searcher()
            self._engine = None

    @property
    def engine(self):
        """Postings decoded for this searcher only: a new commit starts afresh."""
        if self._engine is None:
            from ..query.engine import Engine

            self._engine = Engine(self.held_searcher)
        return self._engine

    def close(self) -> None:
        if self.held_searcher is not None:
            self.held_searcher.close()
            self.held_searcher = None


class _Stream(io.TextIOBase):
    """The client's stdout or stderr, as the CLI code sees it: a terminal or not, as the client's is.

    Both streams append to one list, so the client replays them in the order
    they were written (``2>&1`` shows what a local run shows).
    """

    def __init__(self, fd: int, tty: bool, chunks: list) -> None:
        self._fd, self._tty, self._chunks = fd, tty, chunks

    def write(self, text: str) -> int:
        if self._chunks and self._chunks[-1][0] == self._fd:
            self._chunks[-1][1] += text
        else:
            self._chunks.append([self._fd, text])
        return len(text)

    def isatty(self) -> bool:
        return self._tty

    def writable(self) -> bool:
        return True


@contextlib.contextmanager
def _as_client(payload: dict):
    """Run with the client's working directory, environment, streams and terminal size; restore them after.

    The server handles one request at a time, so swapping process-wide state
    is safe. The terminal size is what ``os.get_terminal_size`` said on the
    client's descriptors (or that they are no terminal), so Rich sizes its
    output as it would there, dumb terminals and all.
    """
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    saved = sys.stdout, sys.stderr, os.get_terminal_size
    chunks: list = []
    size = payload.get("term_size")

    def terminal_size(fd: int = 1) -> os.terminal_size:
        if size is None:
            raise OSError("the client's descriptors are no terminal")
        return os.terminal_size(size)

    try:
        os.chdir(payload["cwd"])
        os.environ.clear()
        os.environ.update(payload["env"])
        sys.stdout = _Stream(1, bool(payload.get("tty")), chunks)
        sys.stderr = _Stream(2, False, chunks)
        os.get_terminal_size = terminal_size
        yield chunks
    finally:
        sys.stdout, sys.stderr, os.get_terminal_size = saved
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)


def run_command(warm: WarmIndex, payload: dict, run) -> dict:
    """Run a client's command line with the CLI's own code (``run``: ``app.run``), against the open index.

    The runner is passed in, not imported: the Typer app imports this module
    for its ``serve`` command, and the import graph has no circles.
    """
    from .commands import WARM, NotServed
    from .protocol import COMPLETE_VAR, FORWARDED

    argv = list(payload["argv"])
    if not argv or argv[0] not in FORWARDED:  # never `index` or `serve` inside the server
        return {"ok": False, "error": f"not a command the server runs: {argv[:1]}"}
    if COMPLETE_VAR in payload.get("env", {}):  # Typer would answer the shell and exit: the client does
        return {"ok": False, "error": "a shell completion request"}
    warm.refresh()
    WARM[os.path.abspath(warm.root)] = warm
    try:
        with _as_client(payload) as chunks:
            code = run(argv)
    except NotServed:  # the command line, as Click reads it, names another index: the client runs it
        return {"ok": False, "error": "not this server's index"}
    except SystemExit:  # something in the CLI wanted this process gone: not the server's to obey
        return {"ok": False, "error": "the command tried to exit the server"}
    return {"ok": True, "code": int(code), "output": chunks}


def handle(warm: WarmIndex, payload: dict, run) -> dict:
    """One request -> one response; errors travel back as messages, never as tracebacks."""
    try:
        if payload.get("cmd") == "run":
            return run_command(warm, payload, run)
        if payload.get("cmd") != "search":
            return {"ok": False, "error": f"unknown request {payload.get('cmd')!r}"}
        warm.refresh()
        req = SearchRequest(
            query=payload["query"],
            filters=Filters(**payload.get("filters", {})),
            sort=payload.get("sort", "relevance"),
            limit=payload.get("limit", 10),
            facets=tuple(payload.get("facets", ())),
        )
        return {"ok": True, "result": asdict(search(warm, warm.root, req))}
    except NewsgrepError as err:
        return {"ok": False, "error": str(err)}
    except (KeyError, TypeError, ValueError) as err:
        return {"ok": False, "error": f"bad request ({err})"}
    except Exception as err:  # noqa: BLE001 - one bad request must not take the server down
        return {"ok": False, "error": f"internal error ({err.__class__.__name__}: {err}); please report it"}


def _answer(warm: WarmIndex, conn, run) -> None:
    """Read one request, write one response, in either framing.

    The launcher's: ``M``, an 8-byte length, then a marshal'd dict (the
    launcher avoids importing json and socket: 9 ms of a 20 ms call). Any
    other client's: one line of JSON.
    """
    first = conn.recv(1)
    if first == MARSHAL:
        size = int.from_bytes(_read(conn, 8), "big")
        try:
            payload = marshal.loads(_read(conn, size)) if size <= MAX_REQUEST else None
        except (EOFError, ValueError, TypeError):
            payload = None
        response = handle(warm, payload, run) if isinstance(payload, dict) else {"ok": False, "error": "bad request"}
        body = marshal.dumps(response)
        conn.sendall(MARSHAL + len(body).to_bytes(8, "big") + body)
        return
    data = first
    while not data.endswith(b"\n") and len(data) < MAX_REQUEST:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    try:
        response = handle(warm, json.loads(data), run)
    except json.JSONDecodeError:
        response = {"ok": False, "error": "bad request (not JSON)"}
    conn.sendall(json.dumps(response, ensure_ascii=False).encode() + b"\n")


def _read(conn, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = conn.recv(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def serve(root: str, run, ready=None) -> None:
    """Serve until SIGTERM or SIGINT; ``ready(path)`` is called once listening.

    ``run(argv) -> exit status`` runs a forwarded command line: the Typer app's ``run``.
    """
    warm = WarmIndex(os.path.abspath(root))  # requests run in their clients' directories
    path = socket_path(root, create=True)
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_umask = os.umask(0o177)  # the socket is for this user only
    try:
        server.bind(path)
    finally:
        os.umask(old_umask)
    server.listen(128)
    stop = []

    def finish(*_args) -> None:  # the request under way completes; then the loop ends
        stop.append(1)
        server.close()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    if ready:
        ready(path)
    try:
        while not stop:
            try:
                conn, _ = server.accept()
            except OSError:
                break
            with conn:
                if not same_user(conn):
                    continue
                conn.settimeout(READ_TIMEOUT)  # a client that connects and says nothing must not block the rest
                with contextlib.suppress(OSError):
                    _answer(warm, conn, run)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)
        warm.close()
