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
import threading
import time
from dataclasses import asdict

from ..errors import NewsgrepError
from ..index.locations import same_user, socket_path
from ..index.store import current_dir, open_index
from ..query.search import Filters, SearchRequest, search

MAX_REQUEST = 1 << 20
MARSHAL = b"M"
REQUEST_DEADLINE = 2.0  # seconds to send a whole request, however it trickles in
BUSY_WAIT = 2.0  # how long a request waits for another to finish before the client is told to run it itself
MAX_CLIENTS = 64  # connections read at once; past that, a client runs its command itself
_RUNNING = threading.Lock()  # one command at a time: they swap sys.stdout, the cwd and the environment


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
    they were written (``2>&1`` shows what a local run shows). A run of writes
    to one stream is kept as a list of pieces and joined once (``joined``):
    adding each write to a string held in the list copied the whole output
    so far every time, and `export` of an archive (18,000 writes, 28 MB) took
    90 s through the server for about 6 s of work.
    """

    def __init__(self, fd: int, tty: bool, chunks: list) -> None:
        self._fd, self._tty, self._chunks = fd, tty, chunks

    def write(self, text: str) -> int:
        if self._chunks and self._chunks[-1][0] == self._fd:
            self._chunks[-1][1].append(text)
        else:
            self._chunks.append([self._fd, [text]])
        return len(text)

    def isatty(self) -> bool:
        return self._tty

    def writable(self) -> bool:
        return True


def joined(chunks: list) -> list[list]:
    """``[[fd, text], ...]``, as the client replays it, from ``_Stream``'s runs of pieces."""
    return [[fd, "".join(pieces)] for fd, pieces in chunks]


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
    return {"ok": True, "code": int(code), "output": joined(chunks)}


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
            match=payload.get("match", "any"),
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
    deadline = time.monotonic() + REQUEST_DEADLINE
    first = _recv(conn, 1, deadline)
    if first == MARSHAL:
        size = int.from_bytes(_read(conn, 8, deadline), "big")
        try:
            data = _read(conn, size, deadline) if size <= MAX_REQUEST else b""
            payload = marshal.loads(data) if _plain_marshal(data) else None
        except (EOFError, ValueError, TypeError, RecursionError):
            payload = None
        response = _respond(warm, payload, run)
        body = marshal.dumps(response)
        conn.sendall(MARSHAL + len(body).to_bytes(8, "big") + body)
        return
    data = first
    while not data.endswith(b"\n"):
        if len(data) >= MAX_REQUEST:
            raise _Dropped
        chunk = _recv(conn, 65536, deadline)
        if not chunk:
            break
        data += chunk
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # JSONDecodeError, a 5000-digit number...
        payload = None
    response = _respond(warm, payload, run) if payload is not None else {"ok": False, "error": "bad request (not JSON)"}
    try:
        line = json.dumps(response, ensure_ascii=False).encode()
    except UnicodeEncodeError:  # a lone surrogate from a file name or argv: escaped, still JSON
        line = json.dumps(response).encode()
    conn.sendall(line + b"\n")


# marshal.loads allocates a list, tuple or set of the size its header claims before reading an
# element: 18 garbage bytes (`[` and a count of 2**31) made the server allocate gigabytes and stall
# every client for seconds. A request is checked first, in one pass over its type codes (elements
# follow their container in order, so no stack is needed): every count must fit in the bytes left,
# and only the plain types a launcher sends are allowed (no code objects).
_FIXED = {"N": 0, "T": 0, "F": 0, "S": 0, ".": 0, "0": 0, "{": 0, "i": 4, "g": 8, "y": 16, "r": 4}
_SIZED = {"s": 4, "t": 4, "u": 4, "a": 4, "A": 4, "z": 1, "Z": 1}  # a length, then that many bytes
_COUNTED = {"[": 4, "(": 4, "<": 4, ">": 4, ")": 1}  # a count, then that many objects


def _plain_marshal(data: bytes) -> bool:
    """Whether ``data`` is marshal of plain values whose every count fits in the bytes that follow."""
    pos, end = 0, len(data)
    while pos < end:
        code = chr(data[pos] & 0x7F)  # 0x80 is FLAG_REF
        pos += 1
        if code in _FIXED:
            pos += _FIXED[code]
        elif code in _SIZED or code in _COUNTED or code == "l":
            width = _SIZED.get(code) or _COUNTED.get(code) or 4
            if pos + width > end:
                return False
            count = int.from_bytes(data[pos : pos + width], "little", signed=width == 4)
            pos += width
            count = abs(count) if code == "l" else count  # a long's sign is its count's
            if count < 0 or count > end - pos:
                return False
            pos += count if code in _SIZED else 2 * count if code == "l" else 0
        else:
            return False
    return pos == end


class _Dropped(Exception):
    """A request too big or too slow to read: the connection is closed without an answer."""


def _respond(warm: WarmIndex, payload, run) -> dict:
    """``handle``, one request at a time: the commands swap process-wide state (streams, cwd, environment).

    A request that cannot start within ``BUSY_WAIT`` (another is running, a
    facet over a big archive, say) is answered "busy" at once, and the client
    runs it in its own process instead of waiting in line.
    """
    if not isinstance(payload, dict):
        return {"ok": False, "error": "bad request"}
    if not _RUNNING.acquire(timeout=BUSY_WAIT):
        return {"ok": False, "error": "busy: another request is running; run it locally"}
    try:
        return handle(warm, payload, run)
    except Exception as err:  # noqa: BLE001 - handle() answers errors itself; this is the last line of defence
        return {"ok": False, "error": f"internal error ({err.__class__.__name__})"}
    finally:
        _RUNNING.release()


def _recv(conn, size: int, deadline: float) -> bytes:
    """One recv, allowed only what is left of the request's deadline (not a fresh timeout per byte)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Dropped
    conn.settimeout(left)
    try:
        return conn.recv(size)
    except TimeoutError:
        raise _Dropped from None


def _read(conn, size: int, deadline: float) -> bytes:
    chunks, left = [], size
    while left:
        chunk = _recv(conn, min(left, 1 << 20), deadline)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _drain(conn) -> None:
    """Read, without waiting, what the client sent past its request: a socket closed with bytes unread
    resets the connection, and the client lost its reply (a frame of blank lines did that)."""
    conn.setblocking(False)
    for _ in range(16):  # at most 1 MiB: more is not a client that reads its replies
        if not conn.recv(65536):
            return


def _connection(warm: WarmIndex, conn, run, slots: threading.BoundedSemaphore) -> None:
    """One client, on a thread of its own: a slow or broken one holds up nobody else."""
    try:
        with conn:
            if same_user(conn):
                with contextlib.suppress(OSError, _Dropped):
                    _answer(warm, conn, run)
                    _drain(conn)
    except Exception:  # noqa: BLE001, S110 - nothing a client sends may take the server down
        pass
    finally:
        slots.release()


def _one_server(root: str, path: str) -> int:
    """Hold ``<socket>.lock``, or say that another server holds it.

    Without it a second `newsgrep serve` took the socket over, and when it
    stopped it removed the socket, leaving the first one running, unreachable.
    """
    import fcntl

    fd = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise NewsgrepError(
            f"a newsgrep server already serves {root} on {path}; searches use it as they are, "
            "or stop it (Ctrl-C or SIGTERM) before starting another"
        ) from None
    return fd


def serve(root: str, run, ready=None) -> None:
    """Serve until SIGTERM or SIGINT; ``ready(path)`` is called once listening.

    ``run(argv) -> exit status`` runs a forwarded command line: the Typer app's ``run``.
    """
    warm = WarmIndex(os.path.abspath(root))  # requests run in their clients' directories
    path = socket_path(root, create=True)
    try:
        held = _one_server(root, path)  # open for the server's life: the lock goes with the process
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the socket is for this user only
        try:
            server.bind(path)
        finally:
            os.umask(old_umask)
    except OSError as err:  # a read-only or foreign index directory
        warm.close()
        raise NewsgrepError(
            f"cannot serve the index at {root}: cannot create {path} ({err.strerror or err}); "
            "check the directory's owner and permissions"
        ) from None
    server.listen(128)
    stop = []

    def finish(*_args) -> None:  # the request under way completes; then the loop ends
        stop.append(1)
        server.close()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    if ready:
        ready(path)
    slots = threading.BoundedSemaphore(MAX_CLIENTS)
    threads: list[threading.Thread] = []
    try:
        while not stop:
            try:
                conn, _ = server.accept()
            except OSError:
                break
            if not slots.acquire(blocking=False):  # past MAX_CLIENTS at once: this one runs locally
                with contextlib.suppress(OSError):
                    conn.close()
                continue
            thread = threading.Thread(target=_connection, args=(warm, conn, run, slots), daemon=True)
            thread.start()
            threads = [t for t in threads if t.is_alive()] + [thread]
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)
        for thread in threads:  # the request under way completes
            thread.join(REQUEST_DEADLINE + BUSY_WAIT)
        with _RUNNING:
            warm.close()
        os.close(held)
