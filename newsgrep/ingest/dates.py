"""Dates as the digests write them and as analysts type them.

Two jobs: read an article's date (``22.02.2019`` is day first; agency lines use
English or Turkish month names), and turn a ``--from``/``--to`` value into the
bounds of the whole span it names (``2019-01`` is all of January).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from ..errors import UsageError

# Turkish month names as the digest writes them, with and without diacritics
# (exports often lose them). dateutil matches month names case-insensitively.
_TURKISH_MONTHS = [
    ("ocak",),
    ("şubat", "subat"),
    ("mart",),
    ("nisan",),
    ("mayıs", "mayis"),
    ("haziran",),
    ("temmuz",),
    ("ağustos", "agustos"),
    ("eylül", "eylul"),
    ("ekim",),
    ("kasım", "kasim"),
    ("aralık", "aralik"),
]


@functools.cache
def _dateutil():
    """dateutil's parser and our parserinfo, imported on first use (not by every search)."""
    from dateutil import parser

    class ParserInfo(parser.parserinfo):
        MONTHS = [
            (*english, *turkish) for english, turkish in zip(parser.parserinfo.MONTHS, _TURKISH_MONTHS, strict=True)
        ]

    return parser, ParserInfo()


_DOTTED = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*$")
_YEAR_FIRST = re.compile(r"^\s*\d{4}")
_HAS_DIGIT = re.compile(r"\d")
# Two defaults that differ in every component: a component that comes out the
# same under both was written by the user; one that differs was filled in.
_DEFAULT_A = dt.datetime(2000, 1, 1)
_DEFAULT_B = dt.datetime(2001, 2, 2)


_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
# A full ISO date and time; fractions of a second and a zone offset are read and left out (the
# date is the one written, not converted to another zone: what dateutil gives with tzinfo dropped).
_ISO_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?"
)


class DateParseError(ValueError):
    """A date string that does not name a real calendar date."""


def _parse_parts(text: str) -> tuple[dt.datetime, bool, bool, bool]:
    """Parse ``text``; return the datetime and whether year, month, day were given."""
    text = text.strip()
    if not text or not _HAS_DIGIT.search(text):
        raise DateParseError(f"not a date: {text!r}")
    m = _DOTTED.match(text)
    if m:  # DD.MM.YYYY: day first, always; checked here so 31.02 is an error, not a guess
        day, month, year = (int(g) for g in m.groups())
        try:
            return dt.datetime(year, month, day), True, True, True
        except ValueError as err:
            raise DateParseError(f"impossible date {text!r}: {err}") from None
    m = _ISO.fullmatch(text)
    if m:  # 2019, 2019-01, 2019-01-17: the common --from/--to forms, without importing dateutil
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            value = dt.datetime(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError:
            pass  # not a real date: dateutil says why, below
        else:
            return value, True, month is not None, day is not None
    m = _ISO_TIME.fullmatch(text)
    if m:  # 1987-02-26T15:01:01 (JSON exports): the date as written, as dateutil reads it, at a tenth of the cost
        try:
            return dt.datetime(*(int(g or 0) for g in m.groups())), True, True, True
        except ValueError:
            pass  # not a real date or time: dateutil says why, below
    dayfirst = not _YEAR_FIRST.match(text)
    parser, info = _dateutil()
    try:
        a = parser.parse(text, parserinfo=info, dayfirst=dayfirst, default=_DEFAULT_A)
        b = parser.parse(text, parserinfo=info, dayfirst=dayfirst, default=_DEFAULT_B)
    except (ValueError, OverflowError) as err:
        raise DateParseError(f"not a date: {text!r} ({err})") from None
    return a.replace(tzinfo=None), a.year == b.year, a.month == b.month, a.day == b.day


def parse_date(text: str) -> dt.date:
    """Parse a full calendar date as an article gives it.

    >>> parse_date("22.02.2019"), parse_date("4 Nisan 2018")
    (datetime.date(2019, 2, 22), datetime.date(2018, 4, 4))
    """
    value, has_year, has_month, has_day = _parse_parts(text)
    if not (has_year and has_month and has_day):
        raise DateParseError(f"incomplete date {text.strip()!r}: give day, month and year")
    return value.date()


def span(text: str) -> tuple[dt.datetime, dt.datetime]:
    """The first and last instant of the period ``text`` names.

    ``2019`` is the whole year, ``2019-01`` or ``January 2019`` the month,
    ``17.01.2019`` the day.
    """
    value, has_year, has_month, has_day = _parse_parts(text)
    if not has_year:
        raise DateParseError(f"date {text.strip()!r} has no year")
    year = value.year
    if not has_month:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif not has_day:
        first = dt.date(year, value.month, 1)
        last = dt.date(year, value.month, calendar.monthrange(year, value.month)[1])
    else:
        first = last = value.date()
    return (
        dt.datetime.combine(first, dt.time.min),
        dt.datetime.combine(last, dt.time.max),
    )


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Turn ``--from``/``--to`` into an inclusive datetime range, or raise UsageError."""
    start = end = None
    try:
        if date_from:
            start = span(date_from)[0]
        if date_to:
            end = span(date_to)[1]
    except DateParseError as err:
        option = "--from" if start is None and date_from else "--to"
        raise UsageError(f"{option}: {err}; use a date such as 2019-01-17, 17.01.2019, 2019-01 or 2019") from None
    if start and end and start > end:
        raise UsageError(f"--from {date_from} is later than --to {date_to}; swap them or widen the range")
    return start, end


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """``YYYY-MM-DD``, the one date format newsgrep prints."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()
