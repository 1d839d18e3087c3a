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
    path: str  # as shown to the user and stored in the index: relative to the index's directory when inside it
    size: int
    mtime_ns: int
    location: str = ""  # where to open it from here (absolute); "" means ``path``

    @property
    def opened(self) -> str:
        return self.location or self.path

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.path)[1].lower()


def display_path(path: str, anchor: str | None = None) -> str:
    """Relative to ``anchor`` (the index's directory; the working directory by default) when inside it,
    else absolute: one spelling per file, wherever the command runs from.

    The index knows a file by this path, so every spelling of one file must
    give the same one: ``/tmp/work/a.txt`` typed through a symlink
    (``/private/tmp`` on macOS, a symlinked home), ``a.txt`` typed in that
    directory, ``work/a.txt`` typed one level up. Every path is resolved
    (symlinks followed, once per path given, not per file): inside the
    anchor it is relative to it, and outside, its real absolute path is its
    one spelling; a path inside the anchor as typed that a symlink takes
    outside it (``link/file``, ``link`` pointing elsewhere) is no second
    spelling either.
    """
    here = os.path.realpath(anchor or os.curdir)
    real = os.path.realpath(path)
    rel = os.path.relpath(real, here)
    return real if _outside(rel) else rel


def _outside(rel: str) -> bool:
    return rel == os.pardir or rel.startswith(os.pardir + os.sep)


def _child(shown: str, name: str) -> str:
    return name if shown == os.curdir else os.path.join(shown, name)


def _reason(err: OSError) -> str:
    return err.strerror or err.__class__.__name__


def discover(roots: list[str], anchor: str | None = None) -> tuple[list[SourceFile], list[ParseWarning]]:
    """All article files under ``roots``, sorted by path, and what could not be read.

    Paths are shown relative to ``anchor`` (see ``display_path``).
    """
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
            found[shown] = SourceFile(shown, st.st_size, st.st_mtime_ns, os.path.abspath(path))
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
            walk(root, display_path(root, anchor))
            if len(found) == before:
                warnings.append(
                    ParseWarning(
                        root,
                        1,
                        f"no article files here (looked for {', '.join(sorted(ARTICLE_SUFFIXES))}); nothing to index",
                    )
                )
        elif os.path.lexists(root):
            add(root, display_path(root, anchor), explicit=True)
        else:
            warnings.append(ParseWarning(root, 1, "no such file or directory; check the path"))
    return [found[k] for k in sorted(found)], warnings


def read_file(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def under(path: str, roots: list[str], anchor: str | None = None) -> bool:
    """Whether ``path`` (a display path, relative to ``anchor``) lies under one of the scanned ``roots``."""
    target = os.path.realpath(os.path.join(os.path.abspath(anchor or os.curdir), path))
    for root in roots:
        base = os.path.realpath(root)
        if target == base or target.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False
