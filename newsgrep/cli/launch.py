"""The `newsgrep` entry point: hand read-only commands to a running server, else run them here.

A one-shot Python process pays for its imports (Typer, Whoosh, Rich: about
100 ms here) and for opening the index before it reads a single posting. When
`newsgrep serve` is running for the index a command reads, this module sends
the command line, the working directory, the environment and whether stdout
is a terminal (and its size) over the server's Unix socket; the server runs
the very same CLI code against its open index and sends back what it wrote
to stdout and stderr, in order, and the exit status. This module imports only
built-ins (``_socket``, ``marshal``), so that path costs little more than the
interpreter's start-up.

With no server, or a server that has gone, the command runs in this process:
a plain `newsgrep search` through fastpath.py (no Typer), anything else
through app.py. Set ``NEWSGREP_NO_SERVER=1`` to never ask a server.
"""

from __future__ import annotations

import os
import sys

from .protocol import COMPLETE_VAR, CONNECT_TRIES, FORWARDED, TIMEOUT


def index_option(argv: list[str]) -> str | None:
    """The value of ``--index`` in ``argv``, the last one as Click takes it (Click decides for real later)."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--index" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--index="):
            found = arg[len("--index=") :]
    return found


def forward(argv: list[str]) -> int | None:
    """Run ``argv`` on the server for its index; None when there is no server to ask."""
    if not argv or argv[0] not in FORWARDED or os.environ.get("NEWSGREP_NO_SERVER"):
        return None
    if COMPLETE_VAR in os.environ:  # a shell asking for completions: Typer's business, here
        return None
    if any(arg in ("--help", "-h") for arg in argv):
        return None
    from ..index.locations import index_location, socket_path

    root = index_location(index_option(argv))
    path = socket_path(root)
    try:
        if os.stat(path).st_uid != os.getuid():
            return None  # not ours: never send our environment to it
    except OSError:
        return None
    payload = {
        "cmd": "run",
        "argv": argv,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "tty": _isatty(sys.stdout),
        "term_size": _terminal_size(),
    }
    try:
        answer = _ask(path, payload)
    except KeyboardInterrupt:  # Ctrl-C while the server searches: what a search here would say
        from ..errors import ExitStatus
        from ..output.stdio import error
        from .commands import INTERRUPTED

        error(INTERRUPTED)
        return ExitStatus.ERROR
    if answer is None or not answer.get("ok"):
        return None  # gone, busy, or an older or confused server: do the work here
    last = None
    for fd, text in answer["output"]:  # in the order the command wrote them
        stream = sys.stdout if fd == 1 else sys.stderr
        if last is not None and last is not stream:
            last.flush()
        stream.write(text)
        last = stream
    sys.stdout.flush()
    return int(answer["code"])


def _ask(path: str, payload: dict) -> dict | None:
    """One request in the server's marshal framing, with only built-in modules (no socket.py, no json)."""
    import _socket
    import marshal

    from ..index.locations import same_user, server_silent

    body = marshal.dumps(payload)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.settimeout(TIMEOUT)
    try:
        for attempt in range(CONNECT_TRIES):
            try:
                sock.connect(path)
                break
            except (ConnectionRefusedError, FileNotFoundError):
                return None  # a socket file left behind: nobody is listening
            except BlockingIOError:  # its queue is full: many searches at once
                if attempt + 1 == CONNECT_TRIES:
                    return None  # still busy: do the work here
                import time

                time.sleep(0.01 * (attempt + 1))
        if not same_user(sock):
            return None  # a server of another user: never send it our environment
        sock.sendall(b"M" + len(body).to_bytes(8, "big") + body)
        chunks = []
        while chunk := sock.recv(1 << 20):
            chunks.append(chunk)
    except OSError as err:  # a timeout or a reset: the server is there but not answering
        raise server_silent(path, err) from None
    finally:
        sock.close()
    data = b"".join(chunks)
    if data[:1] != b"M":
        return None
    try:
        answer = marshal.loads(data[9:])
    except (EOFError, ValueError, TypeError):
        return None
    return answer if isinstance(answer, dict) else None


def _terminal_size() -> list[int] | None:
    """What ``os.get_terminal_size`` says of the first of fd 0, 1, 2 that is a terminal, as Rich asks it.

    The server's descriptors are not the client's, so it must be told.
    """
    for fd in (0, 1, 2):
        try:
            return list(os.get_terminal_size(fd))
        except OSError:
            continue
    return None


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def main() -> None:
    """The ``newsgrep`` command: defer what start-up need not pay for, then server, fast path or Typer."""
    from .lazy import install

    install()  # before anything imports Whoosh; a library user never gets this (see lazy.py)
    argv = sys.argv[1:]
    try:
        code = _served(argv)
        if code is None:
            from .fastpath import run as run_directly

            code = run_directly(argv)  # a plain search: no need for Typer
        if code is None:
            from .app import run as run_with_typer

            code = run_with_typer(argv)
    except KeyboardInterrupt:  # Ctrl-C while Python imports what the command needs: silent, as later
        code = 130  # ExitStatus.INTERRUPTED, without importing errors.py here
    sys.exit(code)


def _served(argv: list[str]) -> int | None:
    """The exit status of ``argv`` run by a server, or None to run it here."""
    try:
        return forward(argv)
    except BrokenPipeError:  # `newsgrep search ... | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # noqa: BLE001
        from ..errors import ExitStatus, NewsgrepError
        from ..output.stdio import error

        if isinstance(err, NewsgrepError):  # the server is there but stopped answering: one line, exit 2
            error(str(err))
            return ExitStatus.ERROR
        return None  # anything odd on the way to a server: run the command here, as with no server
