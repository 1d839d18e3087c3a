"""Finding article files under the paths an analyst gives.

Walks directories (following symlinks, but never round a loop), skips hidden
files and anything that is not an article by its suffix without a word, and
reports what it cannot read as ``path:line: reason`` instead of failing.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass

from ..models import ParseWarning
from .articles import ARTICLE_SUFFIXES


@dataclass(frozen=True)
class SourceFile:
    path: str  # as shown to the user and stored in the index
    size: int
    mtime_ns: int

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.path)[1].lower()


def display_path(path: str) -> str:
    """Relative to the working directory when inside it, else absolute."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute)
    return absolute if rel.startswith("..") else rel


def _child(shown: str, name: str) -> str:
    return name if shown == os.curdir else os.path.join(shown, name)


def _reason(err: OSError) -> str:
    return err.strerror or err.__class__.__name__


def discover(roots: list[str]) -> tuple[list[SourceFile], list[ParseWarning]]:
    """All article files under ``roots``, sorted by path, and what could not be read."""
    found: dict[str, SourceFile] = {}
    warnings: list[ParseWarning] = []
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: str, shown: str, explicit: bool) -> None:
        name = os.path.basename(path)
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in ARTICLE_SUFFIXES or name.startswith("."):
            if explicit:
                warnings.append(
                    ParseWarning(
                        path, 1, f"not an article file (use one of {', '.join(sorted(ARTICLE_SUFFIXES))}); skipped"
                    )
                )
            return
        try:
            st = os.stat(path)
        except OSError as err:
            warnings.append(ParseWarning(path, 1, f"cannot read: {_reason(err)}; skipped"))
            return
        if stat.S_ISREG(st.st_mode):
            found[shown] = SourceFile(shown, st.st_size, st.st_mtime_ns)
        else:  # never opened: reading a FIFO would wait for a writer forever
            warnings.append(ParseWarning(path, 1, "not a regular file (a FIFO, socket or device); skipped"))

    def walk(top: str, top_shown: str) -> None:
        """Every file under ``top``, depth first, with a stack of its own: no depth is too deep (no recursion).

        ``shown`` is a directory as displayed: computed once, not per file.
        """
        stack = [(top, top_shown)]
        while stack:
            directory, shown = stack.pop()
            try:
                st = os.stat(directory)
            except OSError as err:
                warnings.append(ParseWarning(directory, 1, f"cannot read directory: {_reason(err)}; skipped"))
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen_dirs:
                continue  # a symlink loop, or the same directory reached twice
            seen_dirs.add(key)
            try:
                entries = sorted(os.scandir(directory), key=lambda e: e.name)
            except OSError as err:
                warnings.append(ParseWarning(directory, 1, f"cannot read directory: {_reason(err)}; skipped"))
                continue
            below = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()  # follows symlinks
                except OSError:
                    is_dir = False
                if is_dir:
                    below.append((entry.path, _child(shown, entry.name)))
                else:
                    add(entry.path, _child(shown, entry.name), explicit=False)
            stack.extend(reversed(below))  # in name order, as a recursive walk would visit them

    for root in roots:
        if os.path.isdir(root):
            before = len(found)
            walk(root, display_path(root))
            if len(found) == before:
                warnings.append(
                    ParseWarning(
                        root,
                        1,
                        f"no article files here (looked for {', '.join(sorted(ARTICLE_SUFFIXES))}); nothing to index",
                    )
                )
        elif os.path.lexists(root):
            add(root, display_path(root), explicit=True)
        else:
            warnings.append(ParseWarning(root, 1, "no such file or directory; check the path"))
    return [found[k] for k in sorted(found)], warnings


def read_file(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def under(path: str, roots: list[str]) -> bool:
    """Whether ``path`` (a display path) lies under one of the scanned ``roots``."""
    target = os.path.abspath(path)
    for root in roots:
        base = os.path.abspath(root)
        if target == base or target.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False
