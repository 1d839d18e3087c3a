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
    except IsADirectoryError:
        raise IndexDamagedError(
            f"the index at {root} is damaged (CURRENT is a directory); run `newsgrep index --rebuild`"
        ) from None
    except OSError as err:
        raise IndexDamagedError(
            f"the index at {root} is damaged (cannot read CURRENT: {err.strerror}); run `newsgrep index --rebuild`"
        ) from None
    except UnicodeDecodeError:  # random bytes: once an internal error, for --rebuild too
        name = ""
    if not name.startswith("gen-") or os.sep in name or "\x00" in name:
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


def being_built(root: str) -> bool:
    """Whether a `newsgrep index` run holds the lock of an index that has no CURRENT yet.

    Probes ``.lock`` read-only (a read never creates anything): a search named
    with ``--index`` during the very first build once said "no index at DIR;
    build it", while it was being built.
    """
    import fcntl

    try:
        fd = os.open(os.path.join(root, ".lock"), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing drops a shared lock taken here
    return False


def lost_current(root: str) -> bool:
    """Whether ``root`` has no CURRENT but a committed generation: damage, not "no index" (call when not being built)."""
    import glob

    return bool(glob.glob(os.path.join(glob.escape(root), "gen-*", "_MAIN_*.toc")))


# --- opening for reading -----------------------------------------------------------


def open_index(root: str):
    """Open the live generation for reading, or say exactly what is wrong.

    Every reader the index hands out (every searcher) first checks the files
    of the segments it is about to read against the generation's record
    (``check_segments``): a damaged column once gave different scores with
    exit 0.
    """
    from whoosh.filedb.filestore import FileStorage

    gen = current_dir(root)
    if gen is None:
        raise NoIndexError(f"no index at {root}; run `newsgrep index` to build it from ./seeds")
    meta = check_version(gen, root)
    try:
        return (_CHECKED_INDEX or checked_index_class())(FileStorage(gen), recorded=bool(meta.get(RECORDED)))
    except Exception as err:  # noqa: BLE001 - any failure here means damage
        raise damaged(root, err) from None


def damaged(root: str, err: BaseException) -> IndexDamagedError:
    # Whoosh can leave files open in the frames of a failed read; free them now
    # rather than whenever the exception chain happens to be collected.
    import traceback  # here, not at the top: a search that goes well never needs it

    traceback.clear_frames(err.__traceback__)
    what = str(err) if isinstance(err, (SegmentDamage, ManifestDamage)) else err.__class__.__name__
    return IndexDamagedError(f"the index at {root} is damaged ({what}); run `newsgrep index --rebuild`")


# --- the record of the segment files -------------------------------------------------
#
# Whoosh checks nothing: a deleted or garbage per-document length column
# (``_body_len``) was read as zeros and changed every score, with exit 0. So
# each commit records, in ``segments-<N>.json`` beside its table of contents,
# the size, mtime and CRC-32 of every file of every segment that generation
# reads, and every reader is checked against it before it opens a segment:
#
# * size and mtime of every file: a stat each, about 10 µs;
# * the CRC-32 of a file whose mtime differs (a copied index costs a read, and
#   stays correct), and of the per-document length columns always, the files
#   whose damage is silent: 1 byte per article, 0.1 ms at 100k articles;
# * every file's CRC-32 at the start of a `newsgrep index` run that writes
#   (``verify_segments``), which reads and rewrites the index anyway.
#
# newsgrep.json says whether a generation has the record (RECORDED), so that a
# deleted record is damage, and an index built before it existed still opens.

RECORDED = "segments"
_CHUNK = 1 << 20


class SegmentDamage(Exception):
    """A segment file that does not match the record of its commit; the message names it."""


class ManifestDamage(ValueError):
    """A manifest that does not match its record or is not one; the message names it."""


def segments_record(folder: str, generation: int) -> str:
    return os.path.join(folder, f"segments-{generation}.json")


# The record's own CRC-32, of its other entries as written: a flipped digit of a
# recorded mtime once passed `check`, which compares contents, not mtimes.
_SEAL = "#crc"


def _seal(record: dict) -> int:
    import zlib

    return zlib.crc32(json.dumps(record, sort_keys=True).encode())


def sealed_record(record: dict) -> str:
    """``segments-<N>.json``'s text: the record and its own CRC-32."""
    return json.dumps({**record, _SEAL: _seal(record)}, sort_keys=True)


def file_crc(path: str) -> int:
    import zlib

    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def segment_files(folder: str, segment_ids: set[str]) -> list[str]:
    """The files of these segments (Whoosh names them ``<segment id>.<what>``)."""
    return sorted(n for n in os.listdir(folder) if n.split(".", 1)[0] in segment_ids)


def _always_summed(name: str) -> bool:
    return name.endswith("_len.col")


def read_record(folder: str, generation: int) -> dict:
    """The entries of ``segments-<N>.json``, its own CRC-32 checked and left out.

    SegmentDamage when it is not a sealed JSON object; FileNotFoundError when
    it is missing, which each caller reads in its own way.
    """
    with open(segments_record(folder, generation), encoding="utf-8") as fh:
        try:
            record = json.load(fh)
        except ValueError:
            raise SegmentDamage(f"segments-{generation}.json is not valid JSON") from None
    if not isinstance(record, dict):
        raise SegmentDamage(f"segments-{generation}.json is not an object")
    if _SEAL in record and record.pop(_SEAL) != _seal(record):
        raise SegmentDamage(f"segments-{generation}.json does not match its checksum")
    return record


def check_segments(folder: str, generation: int, segment_ids: set[str], *, full: bool = False) -> None:
    """Raise SegmentDamage unless every file of ``segment_ids`` matches the record of ``generation``.

    ``full``: compare every file's CRC-32 (a writer, before it builds on the
    segments); otherwise the cheap check above. A missing record raises
    FileNotFoundError: either damage, or a writer that committed (and removed
    it) since the table of contents was read, which the caller tells apart.
    """
    record = read_record(folder, generation)
    _check_toc(folder, generation, record.get(f"_MAIN_{generation}.toc"))
    recorded_ids = {name.split(".", 1)[0] for name in record}
    if not segment_ids <= recorded_ids:
        raise SegmentDamage(f"segment {sorted(segment_ids - recorded_ids)[0]} is not recorded")
    for name, entry in record.items():
        if name.split(".", 1)[0] not in segment_ids:
            continue
        try:
            size, mtime_ns, crc = entry
            st = os.stat(os.path.join(folder, name))
        except (TypeError, ValueError):
            raise SegmentDamage(f"segments-{generation}.json is damaged") from None
        except FileNotFoundError:
            raise SegmentDamage(f"{name} is missing") from None
        if st.st_size != size:
            raise SegmentDamage(f"{name} has {st.st_size} bytes, not {size}")
        if (full or st.st_mtime_ns != mtime_ns or _always_summed(name)) and file_crc(os.path.join(folder, name)) != crc:
            raise SegmentDamage(f"{name} does not match its checksum")


def _check_toc(folder: str, generation: int, entry) -> None:
    """Compare the commit's table of contents with the size and CRC-32 recorded once it landed.

    A flipped bit in it that still unpickles (a document count, a field's
    settings) once passed `newsgrep check` and changed answers. It is a few KB,
    summed on every open. A record without the entry (an index from before it,
    or a run killed between the table landing and the record's rewrite) checks
    nothing here; the next run that writes records it again.
    """
    if entry is None:
        return
    name = f"_MAIN_{generation}.toc"
    try:
        size, _mtime_ns, crc = entry
    except (TypeError, ValueError):
        raise SegmentDamage(f"segments-{generation}.json is damaged") from None
    path = os.path.join(folder, name)
    if os.path.getsize(path) != size or file_crc(path) != crc:
        raise SegmentDamage(f"{name} does not match its checksum")


def check_toc(folder: str, generation: int) -> None:
    """``_check_toc`` against the record of ``generation``, read here. A missing record is left to the
    segments' check, which tells a commit that replaced it from damage."""
    try:
        record = read_record(folder, generation)
    except FileNotFoundError:
        return
    _check_toc(folder, generation, record.get(f"_MAIN_{generation}.toc"))


def checked_index_class():
    """Whoosh's FileIndex, with every reader checked first (a function: Whoosh loads only when an index opens)."""
    from whoosh.index import TOC, FileIndex

    class CheckedIndex(FileIndex):
        def __init__(self, storage, *, recorded: bool) -> None:
            if recorded:  # before Whoosh unpickles it, and before a query is parsed with its schema
                check_toc(storage.folder, TOC._latest_generation(storage, "MAIN"))
            super().__init__(storage)
            self.recorded = recorded

        def _reader(self, storage, schema, segments, generation, reuse=None):
            if self.recorded:
                try:
                    check_segments(storage.folder, generation, {s.segment_id() for s in segments})
                except (SegmentDamage, FileNotFoundError) as err:
                    if TOC._latest_generation(storage, self.indexname) == generation:
                        if isinstance(err, SegmentDamage):
                            raise
                        raise SegmentDamage(f"segments-{generation}.json is missing") from None
                    # A commit landed since the table of contents was read: Whoosh's
                    # reader() retries an OSError with the new one.
                    raise FileNotFoundError(f"generation {generation} was replaced") from None
            reader = FileIndex._reader(storage, schema, segments, generation, reuse)
            try:
                pin_files(reader)
            except OSError:
                reader.close()
                raise  # a commit removed a file since the check: Whoosh's reader() retries with the new one
            return reader

    global _CHECKED_INDEX
    _CHECKED_INDEX = CheckedIndex
    return CheckedIndex


_CHECKED_INDEX = None


def pin_files(reader) -> None:
    """Open now every file of ``reader``'s segments that Whoosh would open on first use.

    Whoosh opens a segment's terms and postings with the reader, but its
    columns (stored fields, field lengths, sort keys) and vectors only when
    first read. A later commit that merges the segment away deletes them, so a
    searcher held across an update (an ``Archive.articles()`` loop, the
    server's searcher during a request) found its stored fields gone and
    reported a healthy index as damaged; the length columns were read as 0,
    changing scores. Open, a file stays readable after it is unlinked: the
    reader keeps reading the generation it opened until it is closed.
    """
    from whoosh.codec.whoosh3 import W3PerDocReader

    names = None
    for leaf, _offset in reader.leaf_readers():
        perdoc = getattr(leaf, "_perdoc", None)
        if not isinstance(perdoc, W3PerDocReader) or perdoc._segment.is_compound():
            continue  # a compound segment is one file, opened with the reader
        if names is None:
            names = perdoc._storage.list()
        prefix = perdoc._segment.make_filename(".")
        for name in names:
            if name.startswith(prefix) and name.endswith(".col"):
                field = name[len(prefix) : -len(".col")]
                if field not in perdoc._colfiles:
                    perdoc._colfiles[field] = perdoc._get_column_file(field)
            elif name == prefix + "vps" and perdoc._vpostfile is None:
                perdoc._prep_vectors()
        perdoc.__class__ = _PinnedPerDoc()


_PINNED = None


def _PinnedPerDoc():  # noqa: N802 - a class, made once Whoosh is loaded
    """W3PerDocReader, a column it holds open counting as present after its file is deleted."""
    global _PINNED
    if _PINNED is None:
        from whoosh.codec.whoosh3 import W3PerDocReader

        class PinnedPerDoc(W3PerDocReader):
            def has_column(self, fieldname):
                return fieldname in self._colfiles or W3PerDocReader.has_column(self, fieldname)

        _PINNED = PinnedPerDoc
    return _PINNED


def check_version(gen: str, root: str) -> dict:
    try:
        with open(os.path.join(gen, "newsgrep.json"), encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError) as err:
        raise damaged(root, err) from None
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if type(schema) is not int:  # a flipped bit, not another version: "schemA", "5" or no object at all
        raise damaged(root, ManifestDamage("newsgrep.json holds no schema number"))
    if schema != SCHEMA_VERSION:
        raise IndexVersionError(
            f"the index at {root} was built by another newsgrep version (schema {meta.get('schema')},"
            f" this one reads {SCHEMA_VERSION}); run `newsgrep index --rebuild`"
        )
    return meta


def load_manifest(gen: str, generation: int) -> dict:
    """The manifest of ``generation``, checked against the CRC-32 its commit recorded (when it did).

    A flipped bit in it once passed `newsgrep check` and every run: the manifest
    is read whole anyway, so its CRC-32 costs little beside the JSON parse.
    """
    import zlib

    name = f"manifest-{generation}.json"
    with open(os.path.join(gen, name), "rb") as fh:
        data = fh.read()
    try:
        entry = read_record(gen, generation).get(name)
    except (OSError, SegmentDamage):
        entry = None  # no record, or a damaged one: the segments' check says so
    if isinstance(entry, list) and len(entry) == 3 and (entry[0] != len(data) or entry[2] != zlib.crc32(data)):
        raise ManifestDamage(f"{name} does not match its checksum")
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise ManifestDamage(f"{name} is not valid JSON") from None


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
        raise damaged(root, ManifestDamage(f"manifest-{generation}.json is not an object of files"))
    return manifest
