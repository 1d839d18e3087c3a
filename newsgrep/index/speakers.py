"""The ``speaker_rows`` column: who each article quotes, counted at index time.

``newsgrep speakers`` once unpickled every article's stored fields (the body
included) to read its quotations: 1.2 s on Reuters-21578, about 6 s at 100k
articles. The writer now keeps, per article, a small column value with the
article's date and its speakers already grouped (``people.article_groups``)
and counted, so ``speakers`` reads a few bytes per article and adds them up.

One value, UTF-8 text: the date (``YYYY-MM-DD`` or empty), then one part per
group of forms that are one person within the article, then an end mark::

    date \x1e key \x1d form \x1f role \x1f n \x1d form \x1f role \x1f n \x1e key ... \x1c

The end mark lets a reader take a segment's whole column in one read and
split it at C speed (an article without quotations adds no bytes), and a
part is the same bytes in every article that quotes that person alike, so
the reader counts distinct parts and splits each only once.

``key`` is the group's ``person_key``; each row is one (form, role) pair and
how many quotations it has. A role that is None is empty. An article without
quotations has no value (the column's default, empty bytes).
"""

from __future__ import annotations

import bisect
import itertools
import marshal
import os
from collections import Counter, defaultdict
from collections.abc import Iterable

GROUP, ROW, CELL, END = "\x1e", "\x1d", "\x1f", "\x1c"


def _clean(text: str) -> str:
    # The separators are control characters, which ingest strips from names; be sure anyway.
    return text.replace(GROUP, " ").replace(ROW, " ").replace(CELL, " ").replace(END, " ")


def encode(date: str | None, quotes: Iterable[tuple[str, str | None]]) -> bytes:
    """The column value of an article dated ``date`` whose quotations have these (speaker, role)."""
    from ..attribution.people import article_groups, person_key

    pairs = Counter((speaker, role or "") for speaker, role in quotes if speaker)
    if not pairs:
        return b""
    head = article_groups(speaker for speaker, _role in pairs)
    groups: dict[str, list[str]] = {}
    for (speaker, role), n in pairs.items():
        groups.setdefault(head[speaker], []).append(CELL.join((_clean(speaker), _clean(role), str(n))))
    parts = [date or ""] + [ROW.join([person_key(h), *rows]) for h, rows in groups.items()]
    return (GROUP.join(parts) + END).encode("utf-8")


def decode(value: bytes) -> tuple[str, list[tuple[str, list[tuple[str, str, int]]]]]:
    """(date, [(key, [(form, role, quotations)...])...]) of one column value: the reader of ``encode``, for tests."""
    if not value:
        return "", []
    date, *groups = value.decode("utf-8").removesuffix(END).split(GROUP)
    out = []
    for group in groups:
        key, *rows = group.split(ROW)
        cells = [row.split(CELL) for row in rows]
        out.append((key, [(form, role, int(n)) for form, role, n in cells]))
    return date, out


# --- reading: adding the column up ---------------------------------------------------------


def every_value(reader):
    """The ``speaker_rows`` value of every live article, segment by segment.

    One read of a segment's whole column, split at the end marks: 18.6k
    per-document reads were most of the time on Reuters-21578. A segment
    with deletions (every update deletes from the big segment of the build)
    drops its deleted documents from that split, not reading the rest one by one.
    """
    end = END.encode()
    for leaf, _offset in reader.leaf_readers():
        if not leaf.has_column("speaker_rows"):
            continue
        if leaf.has_deletions():
            gone = set(_deleted(leaf))
            yield from (v for d, v in _segment_values(leaf) if d not in gone)
            continue
        column = leaf.column_reader("speaker_rows", translate=False)
        lengths = getattr(column, "_lengths", None)
        if lengths is None or not hasattr(column, "_dbfile"):
            yield from (column[d] for d in leaf.all_doc_ids())
        elif lengths:
            # Whoosh's VarBytesColumn.Reader (whoosh3 is pinned): the values lie end to end from _basepos.
            size = sum(lengths)
            if size:
                yield from column._dbfile.get(column._basepos, size).split(end)


def _add_rows(g: list, rows: list[str], articles: int) -> None:
    """Add one distinct part's rows (form, role, quotations), found in ``articles`` articles, to group ``g``."""
    forms, roles = g[4], g[5]
    for row in rows:
        form, role, n = row.split(CELL)
        n = int(n) * articles
        g[0] += n
        forms[form] = forms.get(form, 0) + n
        if role:
            roles[role] = roles.get(role, 0) + n


def add_up(values) -> dict[str, list]:
    """Per person key: [quotations, articles, first, last, {form: quotations}, {role: quotations}].

    Counted by distinct part first (see the module docstring): most articles that
    quote a person quote them alike, and a part is split only once.
    """
    group, end = GROUP.encode(), END.encode()
    parts: dict[bytes, list] = {}
    for value in values:
        if not value:
            continue
        date, *pieces = value.removesuffix(end).split(group)
        for piece in pieces:
            seen = parts.get(piece)
            if seen is None:
                parts[piece] = [1, date, date]
                continue
            seen[0] += 1
            if date:
                if not seen[1] or date < seen[1]:
                    seen[1] = date
                if date > seen[2]:
                    seen[2] = date
    groups: dict[str, list] = {}
    for piece, (articles, first, last) in parts.items():
        key, *rows = piece.decode("utf-8").split(ROW)
        first, last = first.decode("ascii"), last.decode("ascii")
        g = groups.get(key)
        if g is None:
            g = groups[key] = [0, 0, first, last, {}, {}]
        else:
            _widen(g, first, last)
        g[1] += articles
        _add_rows(g, rows, articles)
    return groups


def _widen(g: list, first: str, last: str) -> None:
    """Make the group's [first, last] dates (g[2], g[3]; "" is none) cover ``first`` and ``last``."""
    if first and (not g[2] or first < g[2]):
        g[2] = first
    if last > g[3]:
        g[3] = last


def merged(groups: dict[str, list]) -> list[tuple]:
    """The groups as speaker rows (name, role, aliases, quotes, articles, first, last), a
    surname-only group joined to the one full name that ends with it.

    By last word: comparing every surname with every name took 10 s on Reuters-21578.
    ``groups`` is left as it is. The writer's table keeps them in ``order``.
    """
    singles = {key for key in groups if " " not in key}
    by_last = _by_last(groups, singles)
    rows = []
    for key, g in groups.items():
        # The usual group, one form and no surname to join or be joined to: its row here; the others, _row's.
        if " " in key:
            plain = key.rsplit(" ", 1)[1] not in by_last or by_last[key.rsplit(" ", 1)[1]] != [key]
        else:
            plain = len(by_last.get(key, ())) != 1
        forms, roles = g[4], g[5]
        if not plain or len(forms) != 1:
            row = _row(groups, key, by_last)
            if row is not None:
                rows.append(row)
            continue
        (name,) = forms
        if not roles:
            role = None
        elif len(roles) == 1:
            (role,) = roles
        else:
            role = min(roles, key=lambda r: (-roles[r], r))
        rows.append((name, role, [name], g[0], g[1], g[2] or None, g[3] or None))
    return rows


def order(row: tuple) -> tuple:
    """The order of the rows of a table: most quotations first (as `newsgrep speakers` lists them), then by
    the whole row, so that no two indexes of the same articles list them differently."""
    name, role, aliases, quotes, articles, first, last = row
    return (-quotes, name, role or "", aliases, articles, first or "", last or "")


# Words no name holds: a key with one of them is a phrase ("source close to reagan"), not a name.
_PHRASE_WORDS = frozenset(
    [
        "to",
        "of",
        "for",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "and",
        "or",
        "close",
        "near",
        "about",
        "than",
        "said",
        "says",
        "who",
        "which",
        "that",
    ]
)


# Heads of unnamed speakers: "smith campaign official" is no full name that a bare "official" joins.
_UNNAMED_HEADS = frozenset(
    ["official", "officials", "aide", "aides", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisers"]
    + ["advisor", "source", "sources", "campaign", "staff", "staffer", "supporter", "supporters", "critic"]
    + ["critics", "analyst", "analysts", "diplomat", "diplomats", "employee", "employees", "strategist"]
)


def _named(key: str) -> bool:
    """Whether a key of several words is a name ("ronald reagan", "jan de wit"), not a phrase that ends
    with one ("source close to reagan") nor an unnamed speaker ("smith campaign official"). By the key
    alone: the writer keeps the groups marshalled."""
    words = key.split()
    return len(words) <= 5 and not _PHRASE_WORDS.intersection(words) and words[-1] not in _UNNAMED_HEADS


def _by_last(groups: dict, surnames: set[str] | None = None) -> dict[str, list[str]]:
    """The keys of several words that are names, by their last word (only those in ``surnames`` when given).

    A phrase that ends with a surname ("source close to Reagan") is no full
    name: counted as one, it left "Reagan" (295 quotations on Reuters) a row
    apart from "Ronald Reagan", as if two people of that name were quoted.
    ``merged`` asks only for the surnames that are groups of their own, the
    only ones ``_row`` looks up.
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        if " " in key and (surnames is None or key.rsplit(" ", 1)[1] in surnames) and _named(key):
            by_last[key.rsplit(" ", 1)[1]].append(key)
    return by_last


def _row(groups: dict[str, list], key: str, by_last: dict[str, list[str]]) -> tuple | None:
    """The row of ``key``'s group (with the surname-only group it absorbs), or None: no such group,
    or a surname that joins the one full name ending with it."""
    from ..attribution.people import person_key

    g = groups.get(key)
    if g is None:
        return None
    quotes, articles, first, last, forms, roles = g[:6]
    if " " in key:
        surname = key.rsplit(" ", 1)[1]
        src = groups.get(surname)
        if src is not None and by_last.get(surname) == [key]:
            quotes += src[0]
            articles += src[1]  # additive: an article that named both joined them already
            if src[2] and (not first or src[2] < first):
                first = src[2]
            last = max(last, src[3])
            forms, roles = dict(forms), dict(roles)
            for mine, theirs in ((forms, src[4]), (roles, src[5])):
                for name, n in theirs.items():
                    mine[name] = mine.get(name, 0) + n
    elif len(by_last.get(key, ())) == 1:
        return None  # counted in the row of its full name
    if len(forms) == 1:
        (name,) = forms
    else:  # the fullest name, then the most used form, then capitals ("Tehran Radio" over "Tehran radio")
        name = max(forms, key=lambda f: (len(person_key(f).split()), forms[f], f.istitle(), f))
    role = min(roles, key=lambda r: (-roles[r], r)) if roles else None
    return (name, role, sorted(forms), quotes, articles, first or None, last or None)


# --- the table of a generation ---------------------------------------------------------------
#
# Without a query or filter, `newsgrep speakers` answers the same for every
# reader of one Whoosh generation, so the writer works it out once, after
# its commit, and keeps it beside the manifest as speakers-<generation>.marshal.
# A reader that finds no table for its generation (a crash between commit and
# table, an index written before the table existed) adds the column up
# instead: same rows, slower.
#
# Adding the whole column up after every commit cost 0.31 s on Reuters-21578
# and about 1.7 s at 100k articles, for an update of one file. So the writer
# also keeps speakers-<generation>.state, what the table was made from, and
# the next commit updates both from what changed:
#
# * "segments": each segment counted, {segment id: [documents, [deleted docnums]]}.
#   Segments never change but for deletions, so a segment still there adds
#   nothing new but the documents deleted since (read back from its column:
#   a deleted document stays in its segment until a merge);
# * "small": the parts (below) of each segment of fewer than SMALL documents,
#   the ones a commit may merge away: a merged segment's files are gone
#   when the table is written, so what it counted is taken from here. A big
#   segment that is merged away (minutes of Whoosh's time) means adding the
#   column up again;
# * "groups": per person key, add_up's [quotes, articles, first, last, forms,
#   roles] and how many parts fall on the first and on the last date, so a
#   deletion knows when a date bound goes; a group that loses its bound has it
#   found again in the column, the group's key sought as bytes. Each group is
#   kept marshalled on its own: a commit unpacks only the groups it touches
#   (unpacking them all was most of an update's time);
# * "owners": the key whose row each table row is (merged), in table order.
#
# A part is one person's piece of one article's value (module docstring);
# "parts" are {part: {date: articles}}. The commit's parts (added ones
# positive, removed ones negative) update the groups they touch, and then
# the rows those groups belong to. Nothing else is read or recomputed.
# Whatever does not add up (no state, another index's, a torn file, a count
# below zero) is answered by adding the whole column up: the result is the
# same rows either way (tests/index/test_speakers_table.py).

SMALL = 1000  # documents: segments below this keep their parts in the state (Whoosh merges one in about 10 s)
RESCAN = 64  # groups that lost a date bound, at most, sought in the column; more: add it all up
STATE_VERSION = 1


class _Stale(Exception):
    """The state does not fit the index: add the column up instead."""


def table_path(folder: str, generation: int) -> str:
    return os.path.join(folder, f"speakers-{generation}.marshal")


def state_path(folder: str, generation: int) -> str:
    return os.path.join(folder, f"speakers-{generation}.state")


def write_table(folder: str, ix) -> None:
    """Write the speaker rows of ``ix``'s newest generation (the writer calls this after its commit).

    From the state of an earlier generation when there is one that fits (see
    above), else from the whole column; the state of this generation beside it.
    """
    with ix.reader() as reader:
        generation = reader.generation()
        try:
            table, state = _updated(folder, reader, generation)
        except _Stale:
            table, state = _counted(reader)
    # the table first: a state is only used with its own generation's table (``_previous``)
    _dump(table_path(folder, generation), table)
    _dump(state_path(folder, generation), state)


def ensure_table(folder: str, ix) -> None:
    """Write the live generation's table and state if either is missing (a run killed after its commit) or
    was written by older code."""
    generation = ix.latest_generation()
    if not (_current(table_path(folder, generation)) and _current(state_path(folder, generation))):
        write_table(folder, ix)


def _current(path: str) -> bool:
    """Whether ``path`` exists in this code's format. A table from before the CRC-32 (no magic) is no
    table to ``_load``: left in place, every `newsgrep speakers` added the column up (4.6x slower at 10k)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == _MAGIC
    except OSError:
        return False


# The table and the state carry a CRC-32 of their marshal data: a flipped bit that still unmarshals
# once gave other rows, with exit 0. A file that fails it is no table (the column answers) or no state.
_MAGIC = b"NGS1"


def _dump(path: str, obj) -> None:
    import zlib

    data = marshal.dumps(obj)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(_MAGIC + zlib.crc32(data).to_bytes(4, "big") + data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _segments(reader) -> list:
    """(segment id, document count, deleted docnums, leaf reader) of every segment of ``reader``."""
    out = []
    for leaf, _offset in reader.leaf_readers():
        segment = leaf.segment()
        if segment is None:
            raise _Stale("a reader without segments")
        deleted = sorted(_deleted(leaf))
        out.append((segment.segment_id(), leaf.doc_count_all(), deleted, leaf))
    return out


def _deleted(leaf):
    """The deleted docnums of a segment reader (Whoosh's segment knows them; its reader only asks)."""
    if not leaf.has_deletions():
        return ()
    segment = leaf.segment()
    if segment is not None:
        return segment.deleted_docs()
    return (d for d in range(leaf.doc_count_all()) if leaf.is_deleted(d))


def _segment_values(leaf) -> list[tuple[int, bytes]]:
    """(docnum, value) of every document of the segment with quotations, deleted ones included."""
    if not leaf.has_column("speaker_rows"):
        return []
    column = leaf.column_reader("speaker_rows", translate=False)
    lengths = getattr(column, "_lengths", None)
    if lengths is None or not hasattr(column, "_dbfile"):
        return [(d, v) for d in range(leaf.doc_count_all()) if (v := column[d])]
    size = sum(lengths)
    if not size:
        return []
    # Whoosh's VarBytesColumn.Reader (see every_value): the values lie end to end; each non-empty one ends with END
    values = column._dbfile.get(column._basepos, size).split(END.encode())
    return list(zip(itertools.compress(range(len(lengths)), lengths), values[:-1], strict=True))


def _tally(values, sign: int, parts: dict) -> None:
    """Count the parts of ``values`` (column values) into ``parts``, ``sign`` (1 or -1) each."""
    group, end = GROUP.encode(), END.encode()
    for value in values:
        if not value:
            continue
        date, *pieces = value.removesuffix(end).split(group)
        for piece in pieces:
            dates = parts.get(piece)
            if dates is None:
                parts[piece] = {date: sign}
            else:
                dates[date] = dates.get(date, 0) + sign


def _counted(reader) -> tuple[list, dict]:
    """The table and state of ``reader`` from its whole column."""
    segments, small, values = {}, {}, []
    for sid, docs, deleted, leaf in _segments(reader):
        segments[sid] = [docs, deleted]
        gone = set(deleted)
        live = [v for d, v in _segment_values(leaf) if d not in gone]
        if docs < SMALL:
            small[sid] = mine = {}
            _tally(live, 1, mine)
        values.append(live)
    groups = _groups(itertools.chain.from_iterable(values))
    by_last = _by_last(groups)
    rows = sorted(((row, key) for key in groups if (row := _row(groups, key, by_last)) is not None), key=_first_order)
    stored = {key: marshal.dumps(g) for key, g in groups.items()}
    return [row for row, _key in rows], _state(segments, small, stored, [key for _row, key in rows])


def _first_order(pair: tuple) -> tuple:
    return order(pair[0])


def _groups(values) -> dict[str, list]:
    """``add_up`` with the state's two counts: the parts on each group's first and on its last date.

    A part is split once, as in ``add_up``: [articles, first, on first, last, on last] by distinct part first.
    """
    group, end = GROUP.encode(), END.encode()
    parts: dict[bytes, list] = {}
    for value in values:
        if not value:
            continue
        date, *pieces = value.removesuffix(end).split(group)
        for piece in pieces:
            seen = parts.get(piece)
            if seen is None:
                parts[piece] = [1, date, 1, date, 1] if date else [1, b"", 0, b"", 0]
                continue
            seen[0] += 1
            if date:
                if not seen[1] or date < seen[1]:
                    seen[1], seen[2] = date, 1
                elif date == seen[1]:
                    seen[2] += 1
                if date > seen[3]:
                    seen[3], seen[4] = date, 1
                elif date == seen[3]:
                    seen[4] += 1
    groups: dict[str, list] = {}
    for piece, (articles, first, on_first, last, on_last) in parts.items():
        key, *rows = piece.decode("utf-8").split(ROW)
        g = groups.get(key)
        if g is None:
            g = groups[key] = [0, 0, "", "", {}, {}, 0, 0]
        g[1] += articles
        if first:
            _widen_counted(g, first, on_first)
            if last != first:
                _widen_counted(g, last, on_last)
        _add_rows(g, rows, articles)
    return groups


def _state(segments: dict, small: dict, groups: dict, owners: list) -> dict:
    return {"version": STATE_VERSION, "segments": segments, "small": small, "groups": groups, "owners": owners}


def _previous(folder: str, generation: int) -> tuple[list, dict]:
    """The table and state of the newest earlier generation that has both, else _Stale."""
    found = []
    for name in os.listdir(folder):
        if name.startswith("speakers-") and name.endswith(".state"):
            number = name[len("speakers-") : -len(".state")]
            if number.isdigit() and int(number) < generation:
                found.append(int(number))
    if not found:
        raise _Stale("no state")
    before = max(found)
    table = read_table(folder, before)
    state = _load(state_path(folder, before))
    if state is None:
        raise _Stale("unreadable")
    if (
        table is None
        or not isinstance(state, dict)
        or state.get("version") != STATE_VERSION
        or len(state.get("owners", ())) != len(table)
    ):
        raise _Stale("no table for the state")
    return table, state


def _updated(folder: str, reader, generation: int) -> tuple[list, dict]:
    """The table and state of ``reader``'s generation from an earlier one's and what changed since."""
    table, state = _previous(folder, generation)
    try:
        counted, small, stored = state["segments"], state["small"], state["groups"]
        owners = state["owners"]
        rows = dict(zip(owners, table, strict=True))
        delta: dict = {}
        segments = {}
        now = _segments(reader)
        for sid, docs, deleted, leaf in now:
            segments[sid] = [docs, deleted]
            before = counted.get(sid)
            if before is None:  # new in this commit (or since the state): every live document
                gone = set(deleted)
                live = [v for d, v in _segment_values(leaf) if d not in gone]
                _tally(live, 1, delta)
                if docs < SMALL:
                    small[sid] = mine = {}
                    _tally(live, 1, mine)
                continue
            if before[0] != docs:
                raise _Stale("a segment changed size")
            new = sorted(set(deleted) - set(before[1]))
            if len(new) + len(before[1]) != len(deleted):
                raise _Stale("a deletion undone")
            if new and leaf.has_column("speaker_rows"):
                column = leaf.column_reader("speaker_rows", translate=False)
                values = [column[d] for d in new]
                _tally(values, -1, delta)
                if sid in small:
                    _tally(values, -1, small[sid])
                    _prune(small[sid])
        live_ids = {sid for sid, *_ in now}
        for sid in [s for s in counted if s not in live_ids]:  # merged away or dropped
            if sid not in small:
                raise _Stale("a big segment merged away")
            for piece, dates in small.pop(sid).items():
                mine = delta.setdefault(piece, {})
                for date, n in dates.items():
                    mine[date] = mine.get(date, 0) - n
        row_mark = ROW.encode()
        keys = {piece.split(row_mark, 1)[0].decode("utf-8") for piece in delta}
        groups = {key: marshal.loads(stored[key]) for key in keys if key in stored}
        touched, dirty = _apply(groups, delta)
        if dirty:
            if len(dirty) > RESCAN:
                raise _Stale("too many groups lost a date bound")
            _rescan(now, groups, dirty)
        for key in touched:
            if key in groups:
                stored[key] = marshal.dumps(groups[key])
            else:
                del stored[key]
        by_last = _by_last(stored)
        affected = set()
        for key in touched:
            surname = key.rsplit(" ", 1)[1] if " " in key else key
            affected.update((key, surname), by_last.get(surname, ()))
        needed = affected | {key.rsplit(" ", 1)[1] for key in affected if " " in key}
        view = {key: groups[key] if key in groups else marshal.loads(stored[key]) for key in needed if key in stored}
        # The table stays in ``order``: each changed row leaves its place and takes its new one.
        for key in affected:
            old = rows.get(key)
            if old is not None:
                place = order(old)
                at = bisect.bisect_left(table, place, key=order)
                while at < len(table) and owners[at] != key and order(table[at]) == place:
                    at += 1  # rows alike in every field: any of them is at its place
                if at == len(table) or owners[at] != key:
                    raise _Stale("the table is not in order")
                del table[at], owners[at]
            row = _row(view, key, by_last)
            if row is not None:
                at = bisect.bisect_right(table, order(row), key=order)
                table.insert(at, row)
                owners.insert(at, key)
    except (KeyError, TypeError, ValueError, AttributeError, EOFError, IndexError) as err:  # another shape
        raise _Stale(str(err)) from None
    return table, _state(segments, small, stored, owners)


def _prune(parts: dict) -> None:
    """Drop the dates and parts whose count is down to zero: the state of a rebuild has none."""
    for piece in [p for p, dates in parts.items() if not any(dates.values())]:
        del parts[piece]
    for dates in parts.values():
        for date in [d for d, n in dates.items() if not n]:
            del dates[date]


def _apply(groups: dict[str, list], parts: dict) -> tuple[set[str], set[str]]:
    """Add ``parts`` ({part: {date: articles}}, negative to take away) to ``groups``.

    A group is [quotes, articles, first, last, forms, roles, parts on the
    first date, parts on the last date] (add_up's, and the two counts).
    Additions first: an article indexed again (an edited file) gives its
    group back the dates it takes away. Returns the keys touched and those
    whose first or last date has no part left (to be sought: ``_rescan``).
    """
    touched: set[str] = set()
    for adding in (True, False):
        for piece, dates in parts.items():
            items = [(d, n) for d, n in dates.items() if n and (n > 0) == adding]
            if not items:
                continue
            key, *rows = piece.decode("utf-8").split(ROW)
            g = groups.get(key)
            if g is None:
                if not adding:
                    raise _Stale("a group taken away that was never counted")
                g = groups[key] = [0, 0, "", "", {}, {}, 0, 0]
            touched.add(key)
            articles = sum(n for _d, n in items)
            g[1] += articles
            forms, roles = g[4], g[5]
            for row in rows:
                form, role, n = row.split(CELL)
                n = int(n) * articles
                g[0] += n
                _add(forms, form, n)
                if role:
                    _add(roles, role, n)
            for date, n in items:
                if adding:
                    _widen_counted(g, date, n)
                elif date:
                    date = date.decode("ascii")
                    if not g[2] or date < g[2] or date > g[3]:
                        raise _Stale("a date taken away outside the group's span")
                    if date == g[2]:
                        g[6] += n
                    if date == g[3]:
                        g[7] += n
    dirty = set()
    for key in touched:
        g = groups[key]
        if g[1] < 0 or g[0] < 0 or g[6] < 0 or g[7] < 0:
            raise _Stale("a count below zero")
        if g[1] == 0:
            if g[0] or g[4] or g[5]:
                raise _Stale("quotations without articles")
            del groups[key]
        elif (g[2] and not g[6]) or (g[3] and not g[7]):
            dirty.add(key)
    return touched, dirty


def _add(counts: dict, name: str, n: int) -> None:
    total = counts.get(name, 0) + n
    if total > 0:
        counts[name] = total
    elif total == 0:
        del counts[name]
    else:
        raise _Stale("a count below zero")


def _rescan(segments: list, groups: dict[str, list], dirty: set[str]) -> None:
    """Find again the first and last dates of the ``dirty`` groups: their key sought in every live value.

    As bytes in each segment's whole column (``GROUP key ROW`` begins a part
    of that key and nothing else), so the cost is a C search per key, not a
    Python step per article.
    """
    for key in dirty:
        g = groups[key]
        g[2], g[3], g[6], g[7] = "", "", 0, 0
    group = GROUP.encode()
    for _sid, _docs, deleted, leaf in segments:
        if not leaf.has_column("speaker_rows"):
            continue
        gone = set(deleted)
        column = leaf.column_reader("speaker_rows", translate=False)
        lengths = getattr(column, "_lengths", None)
        if lengths is None or not hasattr(column, "_dbfile"):
            found = (
                (key, value, value.count((GROUP + key + ROW).encode("utf-8")))
                for d in range(leaf.doc_count_all())
                if d not in gone and (value := column[d])
                for key in dirty
            )
            for key, value, n in found:
                if n:
                    _widen_counted(groups[key], value[: value.index(group)], n)
            continue
        ends = list(itertools.accumulate(lengths))
        blob = column._dbfile.get(column._basepos, ends[-1]) if ends else b""
        for key in dirty:
            needle = (GROUP + key + ROW).encode("utf-8")
            pos = blob.find(needle)
            while pos >= 0:
                d = bisect.bisect_right(ends, pos)
                if d not in gone:
                    start = ends[d] - lengths[d]
                    _widen_counted(groups[key], blob[start : blob.index(group, start)], 1)
                pos = blob.find(needle, pos + len(needle))


def _widen_counted(g: list, date: bytes, n: int) -> None:
    """Make a group's first and last dates (and their counts) take ``n`` parts on ``date``."""
    if not date:
        return
    day = date.decode("ascii")
    if not g[2] or day < g[2]:
        g[2], g[6] = day, n
    elif day == g[2]:
        g[6] += n
    if day > g[3]:
        g[3], g[7] = day, n
    elif day == g[3]:
        g[7] += n


def read_table(folder: str, generation: int) -> list[tuple] | None:
    """The speaker rows the writer kept for ``generation``, or None when there are none (or unreadable)."""
    rows = _load(table_path(folder, generation))
    return rows if isinstance(rows, list) else None


def _load(path: str):
    """What ``_dump`` wrote, or None: missing, unreadable, or not matching its CRC-32 (or from before it)."""
    import zlib

    try:
        with open(path, "rb") as fh:
            data = fh.read()  # marshal.load(fh) reads object by object: 10x slower
        if data[:4] != _MAGIC or int.from_bytes(data[4:8], "big") != zlib.crc32(data[8:]):
            return None
        return marshal.loads(data[8:])
    except (OSError, EOFError, ValueError, TypeError):
        return None
