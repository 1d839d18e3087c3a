"""The client side of `newsgrep serve`: cheap to import (no Whoosh, no Rich)."""

from __future__ import annotations

import json
import os
import socket

from ..index.locations import same_user, server_silent, socket_path
from .protocol import TIMEOUT

__all__ = ["NoServer", "TIMEOUT", "request", "socket_path"]


class NoServer(Exception):
    """No server is listening for this index: do the work locally."""


def request(root: str, payload: dict) -> dict:
    """Send one request to the server for ``root``; raise NoServer if there is none."""
    path = socket_path(root)
    if not os.path.exists(path):
        raise NoServer(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(TIMEOUT)
    try:
        sock.connect(path)
        if not same_user(sock):
            raise NoServer(path)  # another user's: not ours to ask
        sock.sendall(json.dumps(payload).encode() + b"\n")
        chunks = []
        while True:
            chunk = sock.recv(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    except (ConnectionRefusedError, FileNotFoundError) as err:
        raise NoServer(path) from err
    except OSError as err:  # a timeout or a reset: the server is there but not answering
        raise server_silent(path, err) from None
    finally:
        sock.close()
    if not chunks:
        raise NoServer(path)
    return json.loads(b"".join(chunks))
