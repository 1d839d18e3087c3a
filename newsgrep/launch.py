"""The `newsgrep` entry point: hand read-only commands to a running server, else run them here.

A one-shot Python process pays for its imports (Typer, Whoosh, Rich: about
100 ms here) and for opening the index before it reads a single posting. When
`newsgrep serve` is running for the index a command reads, this module sends
the command line, the working directory, the environment and whether stdout
is a terminal over the server's Unix socket; the server runs the very same
CLI code against its open index and sends back stdout, stderr and the exit
status. This module imports nothing heavier than ``socket`` and ``json``, so
that path costs little more than the interpreter's start-up.

With no server, or a server that has gone, the command runs in this process
as it always did. Set ``NEWSGREP_NO_SERVER=1`` to never ask one.
"""

from __future__ import annotations

import os
import sys

TIMEOUT = 300.0  # seconds: a facet over 100k articles takes a few; a hung server must not hang us forever

# Commands that only read the index; `index` and `serve` always run here.
FORWARDED = frozenset({"search", "show", "stats", "quotes", "speakers", "timeline", "similar", "export"})


def index_option(argv: list[str]) -> str | None:
    """The value of ``--index`` in ``argv``, read without Click (Click decides for real later)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--index" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--index="):
            return arg[len("--index=") :]
    return None


def forward(argv: list[str]) -> int | None:
    """Run ``argv`` on the server for its index; None when there is no server to ask."""
    if not argv or argv[0] not in FORWARDED or os.environ.get("NEWSGREP_NO_SERVER"):
        return None
    if any(arg in ("--help", "-h") for arg in argv):
        return None
    from .locations import index_location, socket_path

    root = index_location(index_option(argv))
    path = socket_path(root)
    if not os.path.exists(path):
        return None
    env = dict(os.environ)
    env.update(_terminal_size(env))
    payload = {
        "cmd": "run",
        "argv": argv,
        "cwd": os.getcwd(),
        "env": env,
        "tty": _isatty(sys.stdout),
        "root": os.path.abspath(root),
    }
    answer = _ask(path, payload)
    if answer is None or not answer.get("ok"):
        return None  # gone, or an older or confused server: do the work here
    sys.stderr.write(answer["stderr"])
    sys.stdout.write(answer["stdout"])
    sys.stdout.flush()
    return int(answer["code"])


def _ask(path: str, payload: dict) -> dict | None:
    """One request in the server's marshal framing, with only built-in modules (no socket.py, no json)."""
    import _socket
    import marshal

    body = marshal.dumps(payload)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.settimeout(TIMEOUT)
    try:
        try:
            sock.connect(path)
        except (ConnectionRefusedError, FileNotFoundError):
            return None  # a socket file left behind: nobody is listening
        sock.sendall(b"M" + len(body).to_bytes(8, "big") + body)
        chunks = []
        while chunk := sock.recv(1 << 20):
            chunks.append(chunk)
    except OSError as err:  # a timeout or a reset: the server is there but not answering
        from .errors import NewsgrepError

        raise NewsgrepError(
            f"the newsgrep server on {path} did not answer ({err.__class__.__name__}); "
            "restart `newsgrep serve`, or stop it to search without it"
        ) from None
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


def _terminal_size(env: dict[str, str]) -> dict[str, str]:
    """COLUMNS and LINES as Rich would find them here: the environment, else a terminal on fd 0-2, else 80x25.

    The server's own descriptors are not the client's, so it must be told.
    """
    columns, lines = 80, 25
    for fd in (0, 1, 2):
        try:
            columns, lines = os.get_terminal_size(fd)
            break
        except OSError:
            continue
    return {"COLUMNS": env.get("COLUMNS") or str(columns), "LINES": env.get("LINES") or str(lines)}


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def main() -> None:
    try:
        code = forward(sys.argv[1:])
    except BrokenPipeError:  # `newsgrep search ... | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except KeyboardInterrupt:
        sys.stderr.write("newsgrep: interrupted\n")
        code = 130
    except Exception as err:  # the server is there but stopped answering: one line, exit 2
        from .errors import ExitStatus, NewsgrepError
        from .output import error

        if not isinstance(err, NewsgrepError):
            raise
        error(str(err))
        code = ExitStatus.ERROR
    if code is not None:
        sys.exit(code)
    from .cli import main as cli_main

    cli_main()
