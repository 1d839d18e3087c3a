"""Building and updating the index without ever losing it.

Layout of the index directory (``--index``, ``NEWSGREP_INDEX``, ``./index``)::

    CURRENT            the name of the live generation directory
    gen-<id>/          a Whoosh index, plus newsgrep.json (schema version)
                       and manifest-<N>.json (the files behind Whoosh generation N)
                       and speakers-<N>.marshal (`newsgrep speakers` of generation N;
                       written after the commit, see speakers.py) and speakers-<N>.state
    .lock              held by the one `newsgrep index` run allowed at a time

Why it cannot be lost:

* An update is one Whoosh commit. Whoosh writes new segment files, then
  renames a new table of contents into place; readers only ever open a table
  of contents. A run killed at any moment leaves the previous one in force.
* The manifest that says which file produced which articles is written,
  atomically, under the name of the generation the commit is about to create,
  so it is in force exactly when that commit is.
* ``--rebuild`` (and a schema change) builds a whole new generation directory
  beside the live one and then replaces ``CURRENT`` with an atomic rename.
  Old generations are deleted by the next run, not while a search may be
  reading them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import itertools
import json
import os
import shutil
import sys
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..errors import CommittedInterrupt, IndexDamagedError, IndexVersionError, LockedError, NewsgrepError, UsageError
from ..ingest.articles import article_id, decoded_text, parse_bytes, parse_json
from ..ingest.files import SourceFile, content_hash, discover, read_file, under
from ..models import Article, ParseWarning
from .schema import SCHEMA, SCHEMA_VERSION, article_document, file_words
from .speakers import ensure_table, write_table
from .store import (
    RECORDED,
    ManifestDamage,
    SegmentDamage,
    check_segments,
    check_version,
    current_dir,
    damaged,
    file_crc,
    index_location,
    load_manifest,
    read_record,
    sealed_record,
    seed_locations,
    segment_files,
    segments_record,
    write_atomic,
)

DEFAULT_WAIT = 30.0
# A full build of more than this many files uses Whoosh's multiprocessing
# writer; below it, starting processes costs more than it saves. (Files, not
# articles: the articles are only counted once the files are parsed.)
PARALLEL_FILES = 200
# ...and so does a full build of fewer, bigger files holding at least this many bytes (one
# 25 MB export): a single writer process, fed by parallel parsing, was the slow stage.
PARALLEL_BYTES = 8 << 20
# Postings buffered in memory per writer before Whoosh spills a sorted run to
# disk. At 256 MB a 100k build peaked at 1.7 GB; at 64 MB, 412 MB. Spilling
# costs little since runs are marshal batches (spill.py): on the 10k
# benchmark corpus 31 s at 64 MB against 29 s with no spill at all (37 s with
# Whoosh's one pickle per posting).
WRITER_MB = 64
# Documents per job of a parallel build's sub-writers (Whoosh's default).
BATCH = 100

Progress = Callable[[int, int], None]
# A file with more articles than this shows their adding to the index as a phase of its own:
# Reuters-21578's 18,577 records take a minute there, after the last byte was read.
PHASE_ARTICLES = 2000
# Articles added between two moves of that phase's bar.
PHASE_STEP = 250


def _phase(progress: Progress | None, label: str, total: int | None = None) -> None:
    """Tell ``progress`` that the run enters another phase, when it listens (the CLI's bar does).

    A plain ``progress(done, total)`` callable hears only the bytes read; an
    object with a ``phase(label, total)`` method is told of each phase, and
    ``progress(done, total)`` then counts in that phase's unit (articles; no
    total: the phase cannot be counted, as a commit).
    """
    step = getattr(progress, "phase", None)
    if step is not None:
        step(label, total)


# --- the write lock ------------------------------------------------------------------


@contextlib.contextmanager
def write_lock(root: str, wait: float) -> Iterator[None]:
    os.makedirs(root, exist_ok=True)
    fd = os.open(os.path.join(root, ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(wait, 0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(
                        f"another `newsgrep index` run holds the index at {root}; "
                        f"waited {wait:g}s: try again when it finishes, or raise --wait"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing releases the lock, as does the death of the process


# --- processing files -------------------------------------------------------------------


@dataclass
class ProcessedFile:
    source: SourceFile
    hash: str
    articles: list[Article] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def process_file(source: SourceFile) -> ProcessedFile:
    """Read, parse and extract quotations from one file. Runs in worker processes."""
    from ..attribution.quotes import attach_quotes

    try:
        data = read_file(source.opened)
    except OSError as err:
        return _unreadable(source, err)
    result = parse_bytes(data, source.path, source.suffix)
    articles = [attach_quotes(a) for a in result.articles]
    return ProcessedFile(source, content_hash(data), articles, result.warnings)


def process_piece(source: SourceFile, text: str, first_line: int) -> ProcessedFile:
    """Parse and attribute one piece of a big JSON Lines file (whole lines, from ``first_line``). In workers."""
    from ..attribution.quotes import attach_quotes

    result = parse_json(text, source.path, first_line)
    return ProcessedFile(source, "", [attach_quotes(a) for a in result.articles], result.warnings)


def _unreadable(source: SourceFile, err: OSError) -> ProcessedFile:
    reason = err.strerror or err.__class__.__name__
    return ProcessedFile(source, "", warnings=[ParseWarning(source.path, 1, f"cannot read: {reason}; skipped")])


# A JSON Lines file bigger than this is parsed a piece of whole lines at a time, the pieces
# spread over the workers: one 25 MB export uses every core, as a folder of files does, and
# Ctrl-C waits for no more than one piece per worker.
PIECE_BYTES = 1 << 18  # 256 KiB: about a second of parsing and attribution on one core
SPLIT_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass
class _Unit:
    """One job for a worker: a whole file, or piece ``part`` of ``parts`` of a big JSON Lines file."""

    source: SourceFile
    size: int  # bytes of the file it covers, for the progress bar
    text: str | None = None  # a piece's text; None: the worker reads the whole file
    first_line: int = 1
    part: int = 0
    parts: int = 1
    settled: ProcessedFile | None = None  # answered in this process: nothing for a worker (unreadable, binary)
    head: ProcessedFile | None = None  # on a split file's first piece: its hash and notes, the pieces gathered in

    def run(self) -> ProcessedFile:
        if self.settled is not None:
            return self.settled
        if self.text is None:
            return process_file(self.source)
        return process_piece(self.source, self.text, self.first_line)


def _units(sources: list[SourceFile]) -> Iterator[_Unit]:
    """The jobs for ``sources``, in order: small files whole, big JSON Lines files in pieces.

    A split file is read and decoded here, once, so that its hash and its
    encoding note are the whole file's, exactly as a worker would find them.
    """
    for source in sources:
        if source.suffix not in SPLIT_SUFFIXES or source.size <= PIECE_BYTES:
            yield _Unit(source, source.size)
            continue
        try:
            data = read_file(source.opened)
        except OSError as err:
            yield _Unit(source, source.size, settled=_unreadable(source, err))
            continue
        text, notes = decoded_text(data, source.path)
        if text is None:
            yield _Unit(source, source.size, settled=ProcessedFile(source, content_hash(data), warnings=notes))
            continue
        head = ProcessedFile(source, content_hash(data), warnings=notes)
        bounds = _piece_bounds(text, PIECE_BYTES)
        line = 1
        for part, (start, end) in enumerate(bounds):
            unit = _Unit(
                source, (end - start) * len(data) // max(len(text), 1), text[start:end], line, part, len(bounds)
            )
            unit.head = head if part == 0 else None
            line += text.count("\n", start, end)
            yield unit


def _piece_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of pieces of about ``size`` characters, each ending after a newline (or at the end)."""
    bounds, start, n = [], 0, len(text)
    while start < n:
        cut = text.find("\n", min(start + size, n))
        end = n if cut < 0 else cut + 1
        bounds.append((start, end))
        start = end
    return bounds


_FORK_HOOKED = False
_FORKED_BY: list[int | None] = [None]  # the pid that forked this worker, noted just before the fork


def _note_parent() -> None:
    _FORKED_BY[0] = os.getpid()


def _die_with_parent() -> None:
    """In a forked worker: leave Ctrl-C to the indexer, and ask Linux to kill us when it dies.

    A killed `newsgrep index` must not leave workers behind, blocked on a
    queue forever. Best effort: elsewhere, workers end when their pipes close.
    """
    import signal

    # Ctrl-C reaches the whole process group: the indexer reports it in one
    # line and stops its workers; a worker's own KeyboardInterrupt would print
    # a traceback each. A handler, not SIG_IGN, so that nothing exec'd from
    # here inherits an ignored SIGINT.
    signal.signal(signal.SIGINT, _ignore)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    # The indexer may have been killed between the fork and the prctl: then no signal
    # comes, and this worker would live on holding the index lock's descriptor.
    if _FORKED_BY[0] is not None and os.getppid() != _FORKED_BY[0]:
        os._exit(1)


def _ignore(_signum, _frame) -> None:
    pass


def _hook_forks() -> None:
    global _FORK_HOOKED
    if not _FORK_HOOKED and hasattr(os, "register_at_fork") and sys.platform.startswith("linux"):
        os.register_at_fork(before=_note_parent, after_in_child=_die_with_parent)
        _FORK_HOOKED = True


def _process_all(sources: list[SourceFile], jobs: int, progress: Progress | None) -> Iterator[ProcessedFile]:
    """Each source processed, in order; ``progress(bytes done, bytes in all)`` as the work goes."""
    total = sum(s.size for s in sources)
    done = 0
    joined: ProcessedFile | None = None  # the pieces of a split file, gathered in order
    for unit, processed in _run_units(_units(sources), jobs):
        if unit.head is not None:
            joined = unit.head
        if unit.text is not None:  # a piece of a split file, however many it has
            joined.articles.extend(processed.articles)
            joined.warnings.extend(processed.warnings)
            processed = joined
        done += unit.size
        if progress:
            progress(min(done, total), total)
        if unit.part == unit.parts - 1:
            yield processed


def _run_units(units: Iterator[_Unit], jobs: int) -> Iterator[tuple[_Unit, ProcessedFile]]:
    """(unit, its result) in order: here for a handful of small files, else in a pool of worker processes."""
    units = iter(units)
    first = list(itertools.islice(units, 8))
    if jobs <= 1 or len(first) < 8:
        for unit in itertools.chain(first, units):
            yield unit, unit.run()
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    _hook_forks()
    # A bounded window, not map(): that parses ahead without limit, and when
    # the writers are the slower stage the parsed articles pile up in this
    # process (725 MB of them in a 100k build).
    window = 8 * jobs
    upcoming = itertools.chain(first, units)
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))

    def submit(unit: _Unit) -> tuple[_Unit, Future | ProcessedFile]:
        if unit.settled is not None:  # nothing for a worker
            return unit, unit.settled
        if unit.text is None:
            return unit, pool.submit(process_file, unit.source)
        return unit, pool.submit(process_piece, unit.source, unit.text, unit.first_line)

    try:
        pending = deque(submit(u) for u in itertools.islice(upcoming, window))
        while pending:
            unit, job = pending.popleft()
            processed = job if isinstance(job, ProcessedFile) else job.result()
            following = next(upcoming, None)
            if following is not None:
                pending.append(submit(following))
            yield unit, processed
    finally:
        # On Ctrl-C too: the workers ignore it (_die_with_parent), finish the
        # piece in hand and exit. Killing them instead (Pool.terminate) could cut
        # a result in half on its pipe and leave this process waiting forever.
        pool.shutdown(wait=True, cancel_futures=True)


# --- the run ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexSummary:
    files: int
    articles: int
    added: int
    updated: int
    removed: int
    moved: int
    unchanged: int
    warnings: list[ParseWarning]  # every problem true now: this run's, and those of files left as they were
    seconds: float
    rebuilt: bool
    notices: list[str]
    earlier: list[ParseWarning] = field(default_factory=list)  # the files left as they were: reported before

    @property
    def new_warnings(self) -> list[ParseWarning]:
        """The problems found by this run (each printed once, when it is first found)."""
        known = {id(w) for w in self.earlier}
        return [w for w in self.warnings if id(w) not in known]


def update_index(
    root: str,
    paths: list[str],
    *,
    rebuild: bool = False,
    wait: float = DEFAULT_WAIT,
    progress: Progress | None = None,
    jobs: int | None = None,
) -> IndexSummary:
    """Bring the index at ``root`` in line with the article files under ``paths``."""
    started = time.monotonic()
    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:  # before the lock, which would create the index directory: a typo changes nothing
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise UsageError(f"{missing[0]}: no such file or directory{more}; check the path (nothing was indexed)")
    try:
        return _update(root, paths, rebuild, wait, progress, jobs, started)
    except OSError as err:
        found = io_error(root, err)
        if found is None:
            raise
        raise found from None


def io_error(root: str, err: OSError) -> NewsgrepError | None:
    """A full disk, a read-only or foreign directory: the cause and the fix, not 'damaged' or a bug.

    The run's commit never happened, so the index is as it was.
    """
    reason = err.strerror or err.__class__.__name__
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return NewsgrepError(
            f"no space left to write the index at {root} ({reason}); the index is as it was: "
            "free some space (a rebuild needs about twice the index's size) and run again"
        )
    if err.errno == errno.EROFS:
        return NewsgrepError(
            f"the index at {root} is on a read-only file system; the index is as it was: "
            "write it somewhere else with --index DIR"
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return NewsgrepError(
            f"cannot write to the index at {root} ({reason}); the index is as it was: "
            "check the directory's owner and permissions, or use --index DIR"
        )
    return None


def _update(root, paths, rebuild, wait, progress, jobs, started) -> IndexSummary:
    jobs = jobs or os.cpu_count() or 1
    notices: list[str] = []
    with write_lock(root, wait):
        _collect_garbage(root)
        try:
            gen = current_dir(root)
        except IndexDamagedError:
            if not rebuild:
                raise
            gen = None  # --rebuild repairs any damage, a bad CURRENT too: it is replaced at the end
            _clear_current(root)
        if gen is not None and not rebuild:
            try:
                check_version(gen, root)
            except IndexVersionError:
                notices.append(f"the index at {root} was built by another newsgrep version; rebuilding it")
                rebuild = True
        live = None if gen is None or rebuild else _open_live(root, gen)
        if live is not None:
            _sweep(live[0])
        # paths are the index's, wherever this runs from
        anchor = _recorded_anchor(live[1]) if live else _anchor(gen)
        sources, warnings = discover(paths, anchor)
        if live is None:
            run = _full_build(root, sources, jobs, progress, anchor)
        else:
            run = _incremental(root, gen, live, paths, sources, jobs, progress, anchor)
    counts, articles, file_warnings, earlier = run
    return IndexSummary(
        files=len(sources),
        articles=articles,
        warnings=warnings + earlier + file_warnings,
        earlier=earlier,
        seconds=time.monotonic() - started,
        rebuilt=gen is None or rebuild,
        notices=notices,
        **counts,
    )


def _clear_current(root: str) -> None:
    """Make way for a new CURRENT: a directory there would refuse the atomic rename."""
    path = os.path.join(root, "CURRENT")
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)


def _collect_garbage(root: str) -> None:
    """Delete generation directories that CURRENT does not name (old or half-built).

    With CURRENT damaged nothing is deleted: which generation was live is not
    known, and one of them may be what a repaired CURRENT names. A rebuild
    writes a good CURRENT, and the next run collects the rest.
    """
    try:
        live = current_dir(root)
    except IndexDamagedError:
        return
    for name in os.listdir(root):
        path = os.path.join(root, name)
        if name.startswith("gen-") and path != live:
            shutil.rmtree(path, ignore_errors=True)
        elif name.endswith(".tmp") and name.startswith("CURRENT"):
            with contextlib.suppress(OSError):
                os.remove(path)


def _anchor(gen: str | None) -> str:
    """The directory the index's file paths are relative to: the working directory of its first build.

    Recorded in the manifest, so that a run from another directory, or with
    the same file spelled another way, finds the same paths (and moves
    nothing). Indexes from before it was recorded: the working directory, as
    they were built.
    """
    if gen is not None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            names = [n for n in os.listdir(gen) if n.startswith("manifest-") and n.endswith(".json")]
            newest = max(names, key=lambda n: int(n[len("manifest-") : -len(".json")]))
            with open(os.path.join(gen, newest), encoding="utf-8") as fh:
                return _recorded_anchor(json.load(fh))
    return os.getcwd()


def _recorded_anchor(manifest) -> str:
    recorded = manifest.get("anchor") if isinstance(manifest, dict) else None
    return recorded if isinstance(recorded, str) and os.path.isabs(recorded) else os.getcwd()


def _open_live(root: str, gen: str):
    """The live generation's index and manifest, read once for an incremental run.

    Its segment files are checked as a reader checks them (size, mtime, the
    length columns' CRC-32): a run with nothing to do still says when the
    index is damaged.
    """
    from whoosh import index as whoosh_index

    try:
        ix = whoosh_index.open_dir(gen)
        manifest = load_manifest(gen, ix.latest_generation())
        if _recorded(gen):
            check_segments(gen, ix.latest_generation(), {s.segment_id() for s in ix._segments()})
    except Exception as err:  # noqa: BLE001 - unreadable index or manifest
        raise damaged(root, err) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise damaged(root, ManifestDamage("the manifest is not an object of files"))
    return ix, manifest


def _sweep(ix) -> None:
    """Delete what killed runs left in the live generation: files no committed table of contents names.

    Under the lock, so no writer is running; readers open only what the
    latest table of contents names, and these files are not among them.
    Whoosh cleans up only at its next commit, and a run with nothing to do
    never commits.
    """
    from whoosh.index import clean_files

    gen = ix.storage.folder
    toc = ix._read_toc()
    with contextlib.suppress(OSError):
        clean_files(ix.storage, ix.indexname, toc.generation, toc.segments)  # segments and old tables of contents
    for name in os.listdir(gen):
        path = os.path.join(gen, name)
        if os.path.isdir(path):  # a writer's temporary storage (MAIN.tmp)
            shutil.rmtree(path, ignore_errors=True)
        elif name.endswith(".tmp") or _of_another_generation(name, toc.generation):
            with contextlib.suppress(OSError):
                os.remove(path)


# What newsgrep keeps beside each commit of a generation, named by its number:
# the manifest, the segment record (store.segments_record), the speakers table and its state.
_PER_COMMIT = (("manifest-", ".json"), ("segments-", ".json"), ("speakers-", ".marshal"), ("speakers-", ".state"))


def _of_another_generation(name: str, generation: int) -> bool:
    """Whether ``name`` is a manifest, segment record, speakers table or state of a commit other than ``generation``."""
    return any(
        name.startswith(prefix) and name.endswith(suffix) and name != f"{prefix}{generation}{suffix}"
        for prefix, suffix in _PER_COMMIT
    )


def _write_generation_info(gen: str) -> None:
    """newsgrep.json: the schema the generation was written with, and that its commits record their segments."""
    write_atomic(os.path.join(gen, "newsgrep.json"), json.dumps({"schema": SCHEMA_VERSION, RECORDED: 1}))


def _recorded(gen: str) -> bool:
    """Whether this generation records its segment files (newsgrep.json; indexes from before do not)."""
    with open(os.path.join(gen, "newsgrep.json"), encoding="utf-8") as fh:
        meta = json.load(fh)
    return isinstance(meta, dict) and bool(meta.get(RECORDED))


def _live_record(root: str, ix) -> dict:
    """The live generation's segment record (checked cheaply by ``_open_live``); {} for an index from before it."""
    gen = ix.storage.folder
    if not _recorded(gen):
        return {}
    try:
        return read_record(gen, ix.latest_generation())
    except (OSError, SegmentDamage) as err:
        raise damaged(root, err) from None


def _merge_checked(choose: Callable, gen: str, known: dict) -> Callable:
    """A Whoosh merge policy: ``choose(writer, segments)`` says what to merge and drop; merged ones are checked in full.

    A merge copies a segment's data into a new segment, whose record is then
    computed afresh: an unchecked merge would launder damage into a "good"
    file. So every file of a segment about to be merged is compared with its
    recorded CRC-32; the merge reads those files anyway. Segments left as
    they are keep their record, and the cheap check of every open.
    """

    def policy(writer, segments):
        from whoosh.reading import SegmentReader

        merged, dropped = choose(writer, segments)
        ids = {s.segment_id() for s in merged}
        if known and ids:
            # the live generation's number: the record this run started from
            check_segments(gen, writer.generation - 1, ids, full=True)
        for segment in merged:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        gone = ids | {s.segment_id() for s in dropped}
        return [s for s in segments if s.segment_id() not in gone]

    return policy


def _choose_merges(writer, segments) -> tuple[list, list]:
    """(segments to merge into this commit's new one, segments to drop): few segments, little rewriting.

    Whoosh's default (MERGE_SMALL) left 11 segments after 20 rounds of edits,
    and an index 2.7 times a rebuild's size. Here, by live documents:

    * a segment with none left is dropped, which costs nothing;
    * the others, smallest first, are merged while each holds no more live
      documents than the commit has gathered so far (its new documents, then
      the segments merged before): segments grow like a binary counter, their
      number stays near log2 of the commits since the build, and a document
      is rewritten about that many times. A segment that deletions have
      emptied is merged as soon as its live part is that small.

    A big segment is never rewritten for its deletions alone: Whoosh merges
    at about 10 ms an article (add_reader in Python), so rewriting a
    100k-article segment would turn a one-file update into minutes. Its dead
    weight stays below its own size until it joins a merge; `--rebuild`
    compacts at once.
    """
    dropped = [s for s in segments if s.doc_count() == 0]
    merged: list = []
    gathered = writer.docnum - writer.docbase
    for segment in sorted((s for s in segments if s.doc_count() > 0), key=lambda s: s.doc_count()):
        if segment.doc_count() > gathered:
            break
        merged.append(segment)
        gathered += segment.doc_count()
    return merged, dropped


def _record_segments_at_commit(writer, gen: str, known: dict) -> None:
    """Write ``segments-<N>.json`` when Whoosh's commit has finished the segments, before its table of contents,
    and again with the table's own checksum once it has landed.

    So the record is in force exactly when the commit is, as the manifest is.
    Files recorded at the start of the run (and verified then) keep their
    CRC-32 while their size and mtime are unchanged; new ones are read once,
    fresh from the page cache.
    """
    commit_toc = writer._commit_toc

    def recording(segments) -> None:
        record = {}
        for name in segment_files(gen, {s.segment_id() for s in segments}):
            st = os.stat(os.path.join(gen, name))
            old = known.get(name)
            if old and old[0] == st.st_size and old[1] == st.st_mtime_ns:
                record[name] = old
            else:
                record[name] = [st.st_size, st.st_mtime_ns, file_crc(os.path.join(gen, name))]
        manifest = os.path.join(gen, f"manifest-{writer.generation}.json")  # written just before the commit
        if os.path.exists(manifest):
            st = os.stat(manifest)
            record[os.path.basename(manifest)] = [st.st_size, st.st_mtime_ns, file_crc(manifest)]
        write_atomic(segments_record(gen, writer.generation), sealed_record(record))
        commit_toc(segments)
        # The table of contents is written by Whoosh just now, so its checksum joins the record after it.
        toc = os.path.join(gen, f"_MAIN_{writer.generation}.toc")
        st = os.stat(toc)
        record[os.path.basename(toc)] = [st.st_size, st.st_mtime_ns, file_crc(toc)]
        write_atomic(segments_record(gen, writer.generation), sealed_record(record))

    writer._commit_toc = recording


def _full_build(root: str, sources: list[SourceFile], jobs: int, progress: Progress | None, anchor: str):
    from whoosh import index as whoosh_index

    gen = os.path.join(root, f"gen-{dt.datetime.now(dt.timezone.utc):%Y%m%d%H%M%S}-{uuid.uuid4().hex[:8]}")
    os.makedirs(gen)
    _write_generation_info(gen)
    ix = whoosh_index.create_in(gen, SCHEMA)
    counts = {"added": 0, "updated": 0, "removed": 0, "moved": 0, "unchanged": 0}
    manifest: dict = {"files": {}, "anchor": anchor}
    try:
        warnings, _ = _apply(ix, gen, manifest, [], sources, {}, jobs, progress, counts, True, {})
    except BaseException:
        # No CURRENT names it yet, so no reader holds it: an interrupted first build once left it behind,
        # and every read then said "damaged (CURRENT is missing)" about an index that never was.
        ix.close()
        shutil.rmtree(gen, ignore_errors=True)
        raise
    write_atomic(os.path.join(root, "CURRENT"), os.path.basename(gen) + "\n")
    return counts, sum(len(f["ids"]) for f in manifest["files"].values()), warnings, []


def _incremental(root, gen, live, paths, sources, jobs, progress, anchor):
    ix, manifest = live
    manifest.setdefault("anchor", anchor)  # recorded from this run's commit on
    old = manifest["files"]
    counts = {"added": 0, "updated": 0, "removed": 0, "moved": 0, "unchanged": 0}
    present = {s.path: s for s in sources}
    todo: list[SourceFile] = []
    for source in sources:
        entry = old.get(source.path)
        # An empty hash: the file could not be read last time. Retried on every run until it is.
        if entry and entry["hash"] and entry["size"] == source.size and entry["mtime_ns"] == source.mtime_ns:
            continue
        if entry:
            with contextlib.suppress(OSError):
                if content_hash(read_file(source.opened)) == entry["hash"]:
                    continue  # touched, not changed
        todo.append(source)
    gone = [p for p in old if p not in present and under(p, paths, anchor)]
    # Files that skipped an article as a duplicate get another look when the
    # file that kept it changes or goes, in the same path order (``_kept``):
    # and so do the files that skipped one of theirs, and so on.
    released = {i for p in gone + [s.path for s in todo if s.path in old] for i in _held(old[p])}
    while released:
        promoted = [
            present[p]
            for p, e in old.items()
            if p in present and present[p] not in todo and released & set(e.get("dups", ()))
        ]
        todo.extend(promoted)
        released = {i for s in promoted for i in _held(old[s.path])}
    again = [s.path for s in sources if s not in todo]
    if not todo and not gone:
        with contextlib.suppress(Exception):  # a run killed between its commit and the speakers table
            ensure_table(gen, ix)
        counts["unchanged"] = len(sources)
        return counts, sum(len(f["ids"]) for f in old.values()), [], _recorded_warnings(old, again)
    gone_hashes = {old[p]["hash"]: p for p in gone}
    recorded = _recorded_warnings(old, again)
    # A file read again (one record of a 21,578-record export edited) finds its old
    # problems again: those were printed when first found, and are summed up (before
    # _apply, which records this run's warnings in the manifest).
    before = {(p, tuple(w)) for p in (s.path for s in todo) for w in old.get(p, {}).get("warnings", ())}
    try:
        known = _live_record(root, ix)
        warnings, demoted = _apply(
            ix, gen, manifest, gone, todo, gone_hashes, jobs, progress, counts, False, known, present
        )
    except (NewsgrepError, KeyboardInterrupt, MemoryError):
        raise
    except OSError as err:
        if io_error(root, err) is not None:
            raise  # a full disk, not a damaged index: update_index says so
        raise damaged(root, err) from None
    except Exception as err:  # noqa: BLE001 - the old segments cannot be read
        raise damaged(root, err) from None
    counts["unchanged"] = len(sources) - counts["added"] - counts["updated"] - counts["moved"]
    recorded = [w for w in recorded if w.path not in demoted]  # indexed again: their warnings are new ones
    seen = [w for w in warnings if (w.path, (w.line, w.message)) in before]
    if seen:
        again_found = {id(w) for w in seen}
        warnings = [w for w in warnings if id(w) not in again_found]
        recorded = recorded + seen
    return counts, sum(len(f["ids"]) for f in manifest["files"].values()), warnings, recorded


def _recorded_warnings(files: dict, paths: list[str]) -> list[ParseWarning]:
    """Warnings of files left as they were: still true, so still reported."""
    return [ParseWarning(p, line, msg) for p in paths for line, msg in files.get(p, {}).get("warnings", ())]


def _apply(ix, gen, manifest, gone, todo, gone_hashes, jobs, progress, counts, parallel_hint, known, present=None):
    """Delete ``gone`` and (re)index ``todo`` in one Whoosh commit, manifest and segment record alongside.

    ``known``: the live generation's segment record (``_live_record``).
    ``present``: the files found by this run, by path (an incremental run:
    unchanged files that lose an article to a changed one are indexed again).
    Returns this run's warnings and the paths of those unchanged files.

    Which copy of a duplicate article is kept (``_kept``) depends on the files
    alone, never on the order runs saw them in: files are processed in path
    order, and an unchanged file whose copy an earlier-sorting file now
    claims is indexed again in the same commit.
    """
    from ..attribution.quotes import speaker_keys

    files = manifest["files"]
    kept_by = {i: p for p, e in files.items() for i in _held(e)}  # before this run
    owner = {i: p for i, p in kept_by.items() if p not in gone}
    for source in todo:  # their old articles are about to be replaced
        for i in _held(files.get(source.path, {})):
            if owner.get(i) == source.path:
                del owner[i]
    writer = _writer(ix, len(todo), sum(s.size for s in todo), jobs, parallel_hint)
    writer.mergetype = _merge_checked(_choose_merges, gen, known)
    _record_segments_at_commit(writer, gen, known)
    warnings: list[ParseWarning] = []
    demoted: set[str] = set()  # unchanged files that lost an article: indexed again
    # Unchanged files that skip an article as another's duplicate: their warning names the file that keeps it.
    skipping: dict[str, list[str]] = {}
    for p, e in files.items():
        for i in e.get("dups", ()):
            skipping.setdefault(i, []).append(p)
    try:
        for path in gone:
            writer.delete_by_term("path", path)
            counts["removed"] += 1
            del files[path]
        moved_from = set()
        batch, done = sorted(todo, key=lambda s: s.path), set()
        while batch:
            done.update(s.path for s in batch)
            for processed in _process_all(batch, jobs, progress):
                path = processed.source.path
                existed = path in files
                if existed:
                    writer.delete_by_term("path", path)
                before = len(warnings)
                warnings.extend(processed.warnings)
                kept, dups = _kept(processed, owner, warnings, demoted, present or {})
                words = file_words(kept)
                counted = progress if len(kept) > PHASE_ARTICLES and hasattr(progress, "phase") else None
                _phase(counted, "adding", len(kept))
                for n, article in enumerate(kept):
                    doc = article_document(article, speaker_keys)
                    if n == 0 and words:
                        doc["words"] = words
                    writer.add_document(**doc)
                    if counted and n % PHASE_STEP == PHASE_STEP - 1:
                        counted(n + 1, len(kept))
                _phase(counted, "reading")
                files[path] = {
                    "size": processed.source.size,
                    "mtime_ns": processed.source.mtime_ns,
                    "hash": processed.hash,
                    "ids": [a.id for a in kept],
                    "keys": [k for a in kept for k in copy_keys(a)],
                    "quotes": sum(len(a.quotes) for a in kept),
                    "sources": _spellings(kept),
                    "dups": dups,
                    "warnings": [[w.line, w.message] for w in warnings[before:]],
                }
                if existed:
                    counts["updated"] += 1
                elif processed.hash and processed.hash in gone_hashes:
                    moved_from.add(gone_hashes[processed.hash])
                    counts["moved"] += 1
                else:
                    counts["added"] += 1
            # Their documents are in committed segments (never in this writer's new
            # one): deleted and added again, with the lost articles left out. So are the
            # files whose warnings name the file that kept an article before this run.
            moved_ids = {i for i, p in kept_by.items() if owner.get(i) != p} if skipping else set()
            again = demoted | {p for i in moved_ids for p in skipping.get(i, ())}
            batch = sorted((present[p] for p in again - done if present and p in present), key=lambda s: s.path)
        counts["removed"] -= len(moved_from)
        manifest["updated"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        write_atomic(os.path.join(gen, f"manifest-{writer.generation}.json"), json.dumps(manifest))
        _phase(progress, "committing")
        _commit(writer)
    except BaseException as err:
        # Ctrl-C inside the commit but after its TOC (Whoosh then deletes the old
        # segments' files): the run's changes are live all the same.
        live = isinstance(err, KeyboardInterrupt) and _live_after(writer, present)
        _abandon(writer)
        if live:
            raise CommittedInterrupt from None
        raise
    try:
        # The speakers table only makes `newsgrep speakers` faster: without one, it adds the column up.
        _phase(progress, "speakers")
        with contextlib.suppress(Exception):
            write_table(gen, ix)
        for name in os.listdir(gen):  # manifests, records and speaker tables of commits no longer in force
            if _of_another_generation(name, writer.generation):
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(gen, name))
        if not _recorded(gen):  # an index from before the record has one from this commit on
            _write_generation_info(gen)
    except KeyboardInterrupt:
        if _live_after(writer, present):  # "as it was before this run" would be false
            raise CommittedInterrupt from None
        raise
    return warnings, done - {s.path for s in todo}


def _spellings(articles: list[Article]) -> dict[str, int]:
    """{source as written: articles}: what a source's label is chosen from (``query.search.source_labels``)."""
    out: dict[str, int] = {}
    for article in articles:
        if article.source:
            out[article.source] = out.get(article.source, 0) + 1
    return out


def copy_keys(article: Article) -> tuple[str, ...]:
    """What makes two articles copies of one: the same id, or the same URL or title, date and agency.

    The second is the id newsgrep makes (``article_id``); it differs from the
    id only when a JSON record brings its own. Reuters-21578 gives every
    record an id of its own, and still files a correction under the title and
    day of the story it corrects: those are copies too.
    """
    made = article_id(article.url, article.title, article.date, article.source)
    return (article.id,) if made == article.id else (article.id, "copy:" + made)


def _held(entry: dict) -> list[str]:
    """The copy keys of a file's kept articles, as the manifest records them (``ids`` before they had keys)."""
    return entry.get("keys", entry.get("ids", ()))


def _kept(
    processed: ProcessedFile, owner: dict, warnings: list, demoted: set, present: dict
) -> tuple[list[Article], list[str]]:
    """The articles of one file that the index keeps, and the ids it holds but another file keeps.

    The rule for copies of one article (same URL, or same title, date and
    agency), a function of the files alone:

    * in one file, the last record wins: a wire export lists stories as they
      were filed, and a later record under the same title and day is an
      update or a correction (Reuters-21578 holds 260 of them);
    * across files, the file whose path sorts first keeps it (nothing says
      which of two files is newer: a copy, a backup, a re-export).

    ``owner`` (id to path) is updated; a later-sorting file that held an
    article this one claims goes into ``demoted``, to be indexed again. A
    holder this run did not find (outside the paths it was given) cannot be,
    so it keeps its copy until a run that covers it.
    """
    path = processed.source.path
    keys = [copy_keys(a) for a in processed.articles]
    last = {k: a for a, ks in zip(processed.articles, keys, strict=True) for k in ks}
    kept, dups = [], []
    for article, mine in zip(processed.articles, keys, strict=True):
        latest = max((last[k] for k in mine), key=lambda a: a.line)
        if latest is not article:
            warnings.append(
                ParseWarning(
                    path,
                    article.line,
                    f"duplicate of article {latest.id}: replaced by its later version at line {latest.line}; skipped",
                )
            )
            continue
        holders = {owner[k] for k in mine if k in owner} - {path}
        if any(h < path or h not in present for h in holders):
            holder = min(holders)
            dups.extend(k for k in mine if owner.get(k, path) != path)
            warnings.append(ParseWarning(path, article.line, _copy_of(mine, owner, holder)))
            continue
        demoted.update(holders)
        owner.update(dict.fromkeys(mine, path))
        kept.append(article)
    return kept, dups


def _copy_of(mine: tuple[str, ...], owner: dict, holder: str) -> str:
    """The warning for an article that ``holder`` keeps: by the id they share, when they share one; else
    by what makes them copies. It once named the skipped record's own id, which is in no index."""
    shared = next((k for k in mine if owner.get(k) == holder and not k.startswith("copy:")), None)
    if shared is not None:
        return f"duplicate of article {shared} in {holder}; skipped"
    return f"copy (same URL, or same title, date and agency) of an article in {holder}; skipped"


def _writer(ix, nfiles: int, nbytes: int, jobs: int, parallel_hint: bool):
    from .spill import install

    install()
    if parallel_hint and jobs > 1 and (nfiles > PARALLEL_FILES or nbytes >= PARALLEL_BYTES):
        _hook_forks()
        # No more sub-writers than batches of documents (at least one a file; a
        # file of PARALLEL_BYTES holds thousands): an idle one commits an empty segment.
        procs = min(jobs, -(-nfiles // BATCH)) if nfiles > PARALLEL_FILES else jobs
        # fork, as _process_all: the sub-writers inherit MarshalPool and the kill-with-parent hook
        # (Python 3.14 made forkserver the default on Linux).
        writer = ix.writer(
            procs=procs, batchsize=BATCH, multisegment=True, limitmb=WRITER_MB, compound=False, start_method="fork"
        )
        # Start the sub-writers now, while this process has no thread: Whoosh
        # would fork them at the first batch, when the parse pool's threads and
        # the job queue's feeder run, and a fork with threads alive can deadlock
        # the child (Python 3.12+ warns of it).
        try:
            while len(getattr(writer, "tasks", ())) < procs and hasattr(writer, "_new_task"):
                writer._new_task()
        except BaseException:
            _abandon(writer)
            raise
        return writer
    return ix.writer(limitmb=WRITER_MB, compound=False)


def _commit(writer) -> None:
    """Commit, after stopping sub-writers that were never handed a document.

    Whoosh's MpWriter commits as a plain writer when no document reached its
    sub-writers, and never tells them to finish: they wait on their queue
    forever, and so does this process at exit (a build with no valid article
    hung). They hold no work, so they are stopped; the commit then deletes any
    file their empty segments left (Whoosh's clean_files).
    """
    tasks = getattr(writer, "tasks", None)
    if tasks and not getattr(writer, "_added_sub", True):
        for task in tasks:
            with contextlib.suppress(Exception):
                task.terminate()
                task.join(5)
        writer.tasks = []
        for queue in (getattr(writer, "jobqueue", None), getattr(writer, "resultqueue", None)):
            if queue is not None:
                with contextlib.suppress(Exception):
                    queue.cancel_join_thread()
                    queue.close()
    writer.commit()


def _live_after(writer, present) -> bool:
    """Whether Ctrl-C now leaves this run's changes live: an incremental run (``present``) whose
    commit's TOC is in place. A full build is live only when CURRENT names it, after ``_apply``."""
    return present is not None and _toc_written(writer)


def _toc_written(writer) -> bool:
    """Whether this writer's commit is live: its TOC file is in place (Whoosh renames it there whole)."""
    from whoosh.index import TOC

    try:
        return bool(writer.storage.file_exists(TOC._filename(writer.indexname, writer.generation)))
    except Exception:
        return False


def _abandon(writer) -> None:
    """Cancel a write, Whoosh's sub-writers first: they read the job files cancel() deletes.

    Their queues' feeder threads are let go, or this process would wait for
    them at exit, forever if a sub-writer died mid-read.
    """
    for task in getattr(writer, "tasks", ()):  # cancel() cannot reach them
        with contextlib.suppress(Exception):
            task.terminate()
            task.join(5)
    for queue in (getattr(writer, "jobqueue", None), getattr(writer, "resultqueue", None)):
        if queue is not None:
            with contextlib.suppress(Exception):
                queue.cancel_join_thread()
                queue.close()
    with contextlib.suppress(Exception):
        writer.cancel()


__all__ = ["IndexSummary", "index_location", "seed_locations", "update_index", "write_lock"]
