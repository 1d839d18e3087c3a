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

from collections import Counter
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
