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

    A segment without deletions is one read of its whole column, split at the
    end marks: 18.6k per-document reads were most of the time on Reuters-21578.
    """
    end = END.encode()
    for leaf, _offset in reader.leaf_readers():
        if not leaf.has_column("speaker_rows"):
            continue
        column = leaf.column_reader("speaker_rows", translate=False)
        lengths = getattr(column, "_lengths", None)
        if leaf.has_deletions() or lengths is None or not hasattr(column, "_dbfile"):
            yield from (column[d] for d in leaf.all_doc_ids())
        elif lengths:
            # Whoosh's VarBytesColumn.Reader (whoosh3 is pinned): the values lie end to end from _basepos.
            size = sum(lengths)
            if size:
                yield from column._dbfile.get(column._basepos, size).split(end)


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
        forms, roles = g[4], g[5]
        for row in rows:
            form, role, n = row.split(CELL)
            n = int(n) * articles
            g[0] += n
            forms[form] = forms.get(form, 0) + n
            if role:
                roles[role] = roles.get(role, 0) + n
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
    """
    from ..attribution.people import person_key

    by_last: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        if " " in key:
            by_last[key.rsplit(" ", 1)[1]].append(key)
    for key in [k for k in groups if " " not in k]:
        owners = by_last.get(key, [])
        if len(owners) == 1:
            target, src = groups[owners[0]], groups.pop(key)
            target[0] += src[0]
            target[1] += src[1]  # additive: an article that named both joined them already
            _widen(target, src[2], src[3])
            for mine, theirs in ((target[4], src[4]), (target[5], src[5])):
                for name, n in theirs.items():
                    mine[name] = mine.get(name, 0) + n
    out = []
    for quotes, articles, first, last, forms, roles in groups.values():
        if len(forms) == 1:
            (name,) = forms
        else:  # the fullest name, then the most used form, then capitals ("Tehran Radio" over "Tehran radio")
            name = max(forms, key=lambda f: (len(person_key(f).split()), forms[f], f.istitle(), f))
        role = min(roles, key=lambda r: (-roles[r], r)) if roles else None
        out.append((name, role, sorted(forms), quotes, articles, first or None, last or None))
    return out


# --- the table of a generation ---------------------------------------------------------------
#
# Without a query or filter, `newsgrep speakers` answers the same for every
# reader of one Whoosh generation, so the writer works it out once, after
# its commit, and keeps it beside the manifest as speakers-<generation>.marshal.
# A reader that finds no table for its generation (a crash between commit and
# table, an index written before the table existed) adds the column up
# instead: same rows, slower.


def table_path(folder: str, generation: int) -> str:
    return os.path.join(folder, f"speakers-{generation}.marshal")


def write_table(folder: str, ix) -> None:
    """Write the speaker rows of ``ix``'s newest generation (the writer calls this after its commit)."""
    with ix.reader() as reader:
        rows = merged(add_up(every_value(reader)))
        path = table_path(folder, reader.generation())
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        marshal.dump(rows, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_table(folder: str, generation: int) -> list[tuple] | None:
    """The speaker rows the writer kept for ``generation``, or None when there are none (or unreadable)."""
    try:
        with open(table_path(folder, generation), "rb") as fh:
            rows = marshal.loads(fh.read())  # marshal.load(fh) reads object by object: 10x slower
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return rows if isinstance(rows, list) else None
