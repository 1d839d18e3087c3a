"""Where the index and the articles live: option, else environment, else ./index and ./seeds.

A module of its own so that the launcher (which must not import Whoosh, or
even json), the server and the index code read the same rule.
"""

from __future__ import annotations

import os
import sys


def index_location(option: str | None = None) -> str:
    return option or os.environ.get("NEWSGREP_INDEX") or "index"


def seed_locations(paths: list[str] | None = None) -> list[str]:
    if paths:
        return list(paths)
    return [os.environ.get("NEWSGREP_SEEDS") or "seeds"]


def socket_path(root: str, create: bool = False) -> str:
    """Where the server for the index at ``root`` listens.

    In the index directory; when that path is too long for a Unix socket
    (about 100 bytes), in a directory of this user's own under the temporary
    directory (mode 0700: ``create`` makes it, and refuses one that is not
    private, since another user could have made it first).
    """
    path = os.path.join(os.path.abspath(root), ".serve.sock")
    if len(path.encode()) < 100:
        return path
    import hashlib
    import stat
    import tempfile

    folder = os.path.join(tempfile.gettempdir(), f"newsgrep-{os.getuid()}")
    if create:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
            from ..errors import NewsgrepError

            raise NewsgrepError(
                f"{folder} is not a private directory of this user; remove it, or use a shorter --index path"
            )
    digest = hashlib.sha1(os.path.abspath(root).encode()).hexdigest()[:16]
    return os.path.join(folder, f"{digest}.sock")


def same_user(sock) -> bool:
    """Whether the process at the other end of a Unix socket runs as this user (SO_PEERCRED where there is one).

    Works on ``socket`` and ``_socket`` sockets alike: the launcher uses the latter to stay cheap.
    """
    import _socket

    cred = getattr(_socket, "SO_PEERCRED", None)
    if cred is None:
        return True  # the socket file's owner and mode 0600 are all there is
    return int.from_bytes(sock.getsockopt(_socket.SOL_SOCKET, cred, 12)[4:8], sys.byteorder) == os.getuid()


def server_silent(path: str, err: BaseException):
    """The error for a server that accepted a request and then did not answer it."""
    from ..errors import NewsgrepError

    return NewsgrepError(
        f"the newsgrep server on {path} did not answer ({err.__class__.__name__}); "
        "restart `newsgrep serve`, or stop it to search without it"
    )
