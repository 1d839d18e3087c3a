"""Where the index and the articles live: option, else environment, else ./index and ./seeds.

A module of its own so that the launcher (which must not import Whoosh, or
even json), the server and the index code read the same rule.
"""

from __future__ import annotations

import os


def index_location(option: str | None = None) -> str:
    return option or os.environ.get("NEWSGREP_INDEX") or "index"


def seed_locations(paths: list[str] | None = None) -> list[str]:
    if paths:
        return list(paths)
    return [os.environ.get("NEWSGREP_SEEDS") or "seeds"]


def socket_path(root: str) -> str:
    """Where the server for the index at ``root`` listens (AF_UNIX paths are short)."""
    path = os.path.join(os.path.abspath(root), ".serve.sock")
    if len(path.encode()) < 100:
        return path
    import hashlib
    import tempfile

    digest = hashlib.sha1(os.path.abspath(root).encode()).hexdigest()[:16]
    return os.path.join(tempfile.gettempdir(), f"newsgrep-{os.getuid()}-{digest}.sock")
