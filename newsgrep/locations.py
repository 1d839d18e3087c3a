"""Where the index and the articles live: option, else environment, else ./index and ./seeds.

A module of its own so that the CLI's warm path (which must not import Whoosh)
and the index code read the same rule.
"""

from __future__ import annotations

import os


def index_location(option: str | None = None) -> str:
    return option or os.environ.get("NEWSGREP_INDEX") or "index"


def seed_locations(paths: list[str] | None = None) -> list[str]:
    if paths:
        return list(paths)
    return [os.environ.get("NEWSGREP_SEEDS") or "seeds"]
