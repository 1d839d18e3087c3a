"""The reading side of the index directory: where it is, which generation is live, opening it.

Kept apart from writer.py (the writing side) so that a search imports nothing
it does not need: no parser, no quote extractor, no file walker.
"""

from __future__ import annotations

import contextlib
import json
import os

from ..errors import IndexDamagedError, IndexVersionError, NewsgrepError, NoIndexError
from .locations import index_location, seed_locations  # noqa: F401 - re-exported
from .schema import SCHEMA_VERSION


def current_dir(root: str) -> str | None:
    try:
        with open(os.path.join(root, "CURRENT"), encoding="utf-8") as fh:
            name = fh.read().strip()
    except FileNotFoundError:
        return None
    except PermissionError as err:
        raise NewsgrepError(
            f"cannot read the index at {root} ({err.strerror}); check the directory's owner and permissions"
        ) from None
    except OSError as err:
        raise IndexDamagedError(
            f"cannot read {root}/CURRENT ({err.strerror}); run `newsgrep index --rebuild`"
        ) from None
    if not name.startswith("gen-") or os.sep in name:
        raise IndexDamagedError(f"the index at {root} is damaged (bad CURRENT); run `newsgrep index --rebuild`")
    return os.path.join(root, name)


def fsync_dir(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: str, text: str) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(os.path.dirname(path) or ".")


def exists(root: str) -> bool:
    """Whether there is an index at ``root``; an index directory this user cannot read is an error, not 'no index'."""
    try:
        os.stat(os.path.join(root, "CURRENT"))
    except (FileNotFoundError, NotADirectoryError):
        return False
    except PermissionError as err:
        raise NewsgrepError(
            f"cannot read the index at {root} ({err.strerror}); check the directory's owner and permissions"
        ) from None
    return True


# --- opening for reading -----------------------------------------------------------


def open_index(root: str):
    """Open the live generation for reading, or say exactly what is wrong."""
    from whoosh import index as whoosh_index

    gen = current_dir(root)
    if gen is None:
        raise NoIndexError(f"no index at {root}; run `newsgrep index` to build it from ./seeds")
    check_version(gen, root)
    try:
        return whoosh_index.open_dir(gen)
    except Exception as err:  # noqa: BLE001 - any failure here means damage
        raise damaged(root, err) from None


def damaged(root: str, err: BaseException) -> IndexDamagedError:
    # Whoosh can leave files open in the frames of a failed read; free them now
    # rather than whenever the exception chain happens to be collected.
    import traceback  # here, not at the top: a search that goes well never needs it

    traceback.clear_frames(err.__traceback__)
    return IndexDamagedError(
        f"the index at {root} is damaged ({err.__class__.__name__}); run `newsgrep index --rebuild`"
    )


def check_version(gen: str, root: str) -> dict:
    try:
        with open(os.path.join(gen, "newsgrep.json"), encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError) as err:
        raise damaged(root, err) from None
    if meta.get("schema") != SCHEMA_VERSION:
        raise IndexVersionError(
            f"the index at {root} was built by another newsgrep version (schema {meta.get('schema')},"
            f" this one reads {SCHEMA_VERSION}); run `newsgrep index --rebuild`"
        )
    return meta


def load_manifest(gen: str, generation: int) -> dict:
    with open(os.path.join(gen, f"manifest-{generation}.json"), encoding="utf-8") as fh:
        return json.load(fh)


# --- stats --------------------------------------------------------------------------------


def read_generation(ix, searcher) -> tuple[str, int, set[str]]:
    """(directory, Whoosh generation, segment ids) that ``searcher`` reads.

    The one that was opened, whatever CURRENT or the table of contents say by
    now: `stats` once re-read CURRENT beside an open index and mixed the
    counts of two generations when a rebuild landed in between.
    """
    reader = searcher.reader()
    segments = {leaf.segment().segment_id() for leaf, _offset in reader.leaf_readers() if hasattr(leaf, "segment")}
    return ix.storage.folder, reader.generation(), segments


def index_size(folder: str, generation: int, segments: set[str]) -> int:
    """Bytes of one generation as read: its segments' files, its table of contents and manifest.

    Files a killed run left behind (segments no table of contents names) are
    not the index, and are not counted.
    """
    total = 0
    for name in os.listdir(folder):
        if name.split(".", 1)[0] in segments or name in (
            f"_MAIN_{generation}.toc",
            f"manifest-{generation}.json",
            "newsgrep.json",
        ):
            with contextlib.suppress(OSError):
                total += os.path.getsize(os.path.join(folder, name))
    return total


def manifest_for(root: str, folder: str, generation: int) -> dict:
    """The manifest of the generation a searcher reads (``read_generation``)."""
    try:
        manifest = load_manifest(folder, generation)
    except (OSError, ValueError, TypeError) as err:
        raise damaged(root, err) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files", {}), dict):
        raise damaged(root, ValueError("manifest is not an object of files"))
    return manifest
