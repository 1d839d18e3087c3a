"""Output that needs no Rich: JSON for scripts, and one-line messages on stderr.

Kept apart from terminal.py so that `--json` and error paths never import Rich.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from typing import IO

from ..ingest.text import HIDDEN_CHARS, clean_line


def _default(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


# Characters JSON may carry raw but a terminal must not see: C1 controls (U+009B is an 8-bit CSI) and
# the invisible and bidirectional ones. Written as \\uXXXX escapes: the decoded string is unchanged.
_UNSAFE = re.compile(rf"[\x7f-\x9f{HIDDEN_CHARS}]")


def to_json(value: object) -> str:
    """JSON text: UTF-8 as written, except the characters that could steer a terminal (``_UNSAFE``)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    text = json.dumps(value, ensure_ascii=False, default=_default)
    if text.isascii():
        return text
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(value: object, out: IO[str] | None = None) -> None:
    (out or sys.stdout).write(to_json(value) + "\n")


def write_jsonl(values: Iterable[object], out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    for value in values:
        out.write(to_json(value) + "\n")


def error(message: str) -> None:
    """One line on stderr; the message is data too (it may quote a file name)."""
    sys.stderr.write(f"newsgrep: error: {clean_line(message)}\n")


def notice(message: str) -> None:
    sys.stderr.write(f"newsgrep: {clean_line(message)}\n")
