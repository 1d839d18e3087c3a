"""Matching articles counted per day, week, month or year: `newsgrep timeline`.

Apart from search.py so that a one-shot search does not pay for the ``Period``
record (each frozen dataclass costs a search about a millisecond to create).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from .search import Filters, check_cost, check_match, meta_names, parse_query, reading, restrict


@dataclass(frozen=True)
class Period:
    """One row of a timeline: matching articles in one period."""

    period: str  # 2019-01-17 (day), 2019-W03 (ISO week), 2019-01 (month) or 2019 (year)
    count: int


PERIODS = ("day", "week", "month", "year")
MAX_PERIODS = 2_000  # rows a timeline prints at most


def _period_key(date, by: str) -> str:
    if by == "day":
        return date.strftime("%Y-%m-%d")
    if by == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return date.strftime("%Y-%m")
    return date.strftime("%Y")


def _period_start(date, by: str):
    import datetime as dt

    if by == "week":
        return date - dt.timedelta(days=date.weekday())
    if by == "month":
        return date.replace(day=1)
    if by == "year":
        return date.replace(month=1, day=1)
    return date


def _next_period(date, by: str):
    import datetime as dt

    if by == "day":
        return date + dt.timedelta(days=1)
    if by == "week":
        return date + dt.timedelta(days=7)
    if by == "month":
        return (date.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return date.replace(year=date.year + 1, month=1, day=1)


def timeline(
    ix, root: str, q_text: str, filters: Filters = Filters(), by: str = "month", match: str = "any"
) -> list[Period]:
    """Matching articles counted per period, empty periods inside the span included.

    ``match`` as for search: with "any" (the default) the counts add up to the
    ``total`` a search of the same query reports.
    """
    import datetime as dt

    if by not in PERIODS:
        raise UsageError(f"--by {by!r} is not a period; use one of: {', '.join(PERIODS)}")
    check_match(match)
    q = parse_query(q_text, ix.schema, match=match, meta_names=lambda: meta_names(ix, root))
    counts: dict[str, int] = {}
    dates: list[dt.date] = []
    with reading(ix, root) as searcher:
        check_cost(q, searcher.reader())
        full = restrict(q, filters, searcher.reader())
        results = searcher.search(full, limit=None)
        reader = searcher.reader()
        months = reader.column_reader("month")
        column = reader.column_reader("date", translate=True)
        for docnum in results.docs():
            if not months[docnum]:
                continue  # undated
            date = column[docnum].date()
            dates.append(date)
            key = _period_key(date, by)
            counts[key] = counts.get(key, 0) + 1
    if not dates:
        return []
    current, end = _period_start(min(dates), by), max(dates)
    span = {"day": 1, "week": 7, "month": 28, "year": 365}[by]
    if (end - current).days // span > MAX_PERIODS:  # 13,815 rows of days over 37 years helped nobody
        coarser = PERIODS[PERIODS.index(by) + 1 :]
        raise UsageError(
            f"--by {by} from {min(dates).isoformat()} to {end.isoformat()} is more than {MAX_PERIODS:,} rows; "
            f"use --by {' or '.join(coarser)}, or narrow it with --from/--to"
        )
    out = []
    while current <= end:
        key = _period_key(current, by)
        out.append(Period(key, counts.get(key, 0)))
        current = _next_period(current, by)
    return out
