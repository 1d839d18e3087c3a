"""Files -> Article records.

Three input shapes are read:

* the digest layout of ``seeds/`` (``## **TITLE**``, ``DD.MM.YYYY``, an agency
  line, body paragraphs, ``<url>``, ``Kaynak/Source:``), one or many articles
  per file;
* JSON Lines, or a JSON array/object, of records with ``title``, ``date``,
  ``body`` and optionally ``source``/``agency``, ``url``, ``speakers``;
* plain ``.txt``/``.md`` articles whose first line is the title.

Nothing here raises on bad input: problems become ``ParseWarning``s
(``path:line: reason``) and the article they concern is skipped, so one broken
article never costs the rest of its file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Article, ParseWarning
from .dates import DateParseError, parse_date
from .text import clean_line, clean_text

ARTICLE_SUFFIXES = {".txt", ".md", ".json", ".jsonl", ".ndjson"}

# A date more than this far ahead of today is a typo, not news.
FUTURE_SLACK = dt.timedelta(days=1)

# --- decoding ---------------------------------------------------------------


class BinaryFileError(ValueError):
    pass


# The control characters that mark binary data: C0 less tab, newline, form feed, carriage return and ESC.
# Counted by a pattern, in C: a generator over each character of 64 KB cost 3 ms a file.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes) -> tuple[str, str | None, int]:
    """Bytes -> (text, note, line of the note).

    UTF-8 (with or without BOM) and UTF-16 with a BOM decode silently. Anything
    else is decoded as Windows-1252, or Latin-1 where 1252 has holes, and the
    note says so: silent mojibake is worse than a warning.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None, 0
        except UnicodeDecodeError:
            raise BinaryFileError("binary data, not text") from None
    if b"\x00" in data[:65536]:
        raise BinaryFileError("binary data, not text")
    try:
        text, note, line = data.decode("utf-8-sig"), None, 0
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        try:
            text, note = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, note = data.decode("latin-1"), "Latin-1"
    sample = text[:65536]
    controls = len(_BINARY_CONTROLS.findall(sample))
    if sample and controls / len(sample) > 0.05:
        raise BinaryFileError("binary data, not text")
    return text, note, line


# --- ids ----------------------------------------------------------------------


def article_id(url: str | None, title: str, date: dt.date | None, source: str | None) -> str:
    """A stable id: the same article gives the same id on every rebuild and path.

    News articles are identified by their URL when they have one; otherwise by
    title, date and agency together.
    """
    if url:
        key = "url:" + url.strip().rstrip("/").lower()
    else:
        key = "|".join(["t", title.casefold(), date.isoformat() if date else "", (source or "").casefold()])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


# --- shared assembly ----------------------------------------------------------


@dataclass
class FileResult:
    articles: list[Article] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


_CLOSERS = ".!?:;\"'”’)]…»"


def repair_paragraphs(paragraphs: Iterable[tuple[str, bool]]) -> list[str]:
    """Rejoin sentences that a page break split into two paragraphs.

    A paragraph that ends without closing punctuation, followed by one that
    starts in lower case, is one sentence: join them with a single space.
    Each item is ``(text, is_heading)``; headings are never joined.
    """
    out: list[str] = []
    prev_heading = True
    for text, heading in paragraphs:
        if out and not heading and not prev_heading and text[:1].islower() and not out[-1].endswith(tuple(_CLOSERS)):
            out[-1] = out[-1].rstrip() + " " + text.lstrip()
        else:
            out.append(text)
        prev_heading = heading
    return out


def _check_date(raw: str | None, path: str, line: int, result: FileResult) -> tuple[bool, dt.date | None]:
    """(ok, date). ``ok`` False means the article must be skipped (and was reported)."""
    if raw is None or not str(raw).strip():
        result.warnings.append(ParseWarning(path, line, "no date; indexed without one, so --from/--to will skip it"))
        return True, None
    try:
        date = parse_date(str(raw))
    except DateParseError as err:
        result.warnings.append(ParseWarning(path, line, f"{err}; fix the date to index this article; skipped"))
        return False, None
    if date > dt.date.today() + FUTURE_SLACK:
        result.warnings.append(
            ParseWarning(path, line, f"date {date.isoformat()} is in the future; fix the date; skipped")
        )
        return False, None
    return True, date


def _make(
    result: FileResult,
    *,
    path: str,
    line: int,
    title: str,
    date_raw: str | None,
    date_line: int,
    source: str | None,
    url: str | None,
    body: str,
    kaynak: str | None = None,
    speakers: tuple[str, ...] = (),
    own_id: str | None = None,
    meta: dict[str, str | list[str]] | None = None,
) -> None:
    title = clean_line(title)
    if not title:
        result.warnings.append(ParseWarning(path, line, "article has no title; add one to index it; skipped"))
        return
    body = clean_text(body).strip()
    if not body:
        result.warnings.append(ParseWarning(path, line, f"article {title[:60]!r} has no body text; skipped"))
        return
    ok, date = _check_date(date_raw, path, date_line, result)
    if not ok:
        return
    source = clean_line(source) if source else None
    url = clean_line(url) if url else None
    result.articles.append(
        Article(
            id=own_id or article_id(url, title, date, source),
            title=title,
            date=date,
            source=source or None,
            url=url or None,
            body=body,
            path=path,
            line=line,
            kaynak=clean_line(kaynak) if kaynak else None,
            speakers=speakers,
            speakers_from="metadata" if speakers else "extractor",
            meta=meta or {},
        )
    )


# --- the digest layout --------------------------------------------------------

# Greedy groups, stripped by the caller: a lazy (.*?) before \s*$ retries the spaces at every
# position, quadratic on a long run of spaces (a 40 KB line took 24 s).
_H2 = re.compile(r"^\s{0,3}##(?!#)(.*)$")
_H3 = re.compile(r"^\s{0,3}###+(.*)$")
_SEP = re.compile(r"^\s*-+\s*$")
_DATE_LINE = re.compile(r"^\s*(\d{1,2}[./]\d{1,2}[./]\d{4})\s*$")
_AGENCY = re.compile(r"^\s*([^()]{1,120}?)\s*\(([^()]*\d{4}[^()]*)\)\s*$")
_URL = re.compile(r"^\s*<\s*((?:https?|ftp)://[^>\s]*)\s*>\s*$|^\s*((?:https?|ftp)://\S+)\s*$")
_KAYNAK = re.compile(r"^\s*Kaynak/Source:(.*)$", re.IGNORECASE)


def _agency(line: str):
    """``_AGENCY`` on a line that can be an agency line: short, ending in ``)``.

    The pattern's bounded lazy name before ``\\s*\\(`` retries a long run of
    spaces up to 120 times; no agency line is that long.
    """
    if len(line) > 300 or not line.rstrip().endswith(")"):
        return None
    return _AGENCY.match(line)


def _strip_bold(text: str) -> str:
    """``**TITLE**`` (or ``** **TITLE** **``) -> ``TITLE``: by moving two ends inward, linear in the text."""
    i, j = 0, len(text)
    while i < j and text[i].isspace():
        i += 1
    while j > i and text[j - 1].isspace():
        j -= 1
    while j - i >= 4 and text.startswith("**", i, j) and text.endswith("**", i, j):
        i, j = i + 2, j - 2
        while i < j and text[i].isspace():
            i += 1
        while j > i and text[j - 1].isspace():
            j -= 1
    return text[i:j]


def looks_like_digest(text: str) -> bool:
    return any(_H2.match(ln) or _KAYNAK.match(ln) for ln in text.split("\n", 2000)[:2000])


def parse_digest(text: str, path: str) -> FileResult:
    """Parse a digest export: ``## **TITLE**`` starts each article."""
    result = FileResult()
    lines = text.split("\n")
    n = len(lines)
    starts = [i for i, ln in enumerate(lines) if _H2.match(ln)]
    # Content before the first title, or after an article's Kaynak/Source line,
    # is an article whose title line is missing.
    _orphan(lines, 0, starts[0] if starts else n, path, result)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        _parse_block(lines, start, end, path, result)
    return result


def _orphan(lines: list[str], lo: int, hi: int, path: str, result: FileResult) -> None:
    for i in range(lo, hi):
        ln = lines[i]
        if ln.strip() and not _SEP.match(ln) and not _KAYNAK.match(ln):
            result.warnings.append(
                ParseWarning(path, i + 1, "text outside any article (no '## **TITLE**' line above it); skipped")
            )
            return


class _Body:
    """Body lines -> paragraphs: blank lines end a paragraph, ``###`` lines are headings."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[str, bool]] = []
        self._current: list[str] = []

    def flush(self) -> None:
        if self._current:
            self.paragraphs.append((" ".join(s.strip() for s in self._current), False))
            self._current.clear()

    def add(self, line: str) -> None:
        m = _H3.match(line)
        if not line.strip():
            self.flush()
        elif m:
            self.flush()
            heading = _strip_bold(m.group(1).strip())
            if heading:
                self.paragraphs.append((heading, True))
        else:
            self._current.append(line)

    @property
    def empty(self) -> bool:
        return not self._current

    def text(self) -> str:
        self.flush()
        return "\n\n".join(repair_paragraphs(self.paragraphs))


def _parse_block(lines: list[str], start: int, end: int, path: str, result: FileResult) -> None:
    title = _strip_bold(_H2.match(lines[start]).group(1).strip())
    date_raw: str | None = None
    date_line = start + 1
    source: str | None = None
    url: str | None = None
    kaynak: str | None = None
    body = _Body()
    i = start + 1
    # Header: separators, the DD.MM.YYYY line, then the agency line.
    while i < end:
        ln = lines[i]
        if not ln.strip() or _SEP.match(ln):
            i += 1
            continue
        m = _DATE_LINE.match(ln)
        if m and date_raw is None:
            date_raw, date_line = m.group(1), i + 1
            i += 1
            continue
        m = _agency(ln)
        if m and not _URL.match(ln):
            source = m.group(1)
            if date_raw is None:
                date_raw, date_line = m.group(2), i + 1
            i += 1
        break
    # Body, up to the URL and the Kaynak/Source line.
    while i < end:
        ln = lines[i]
        m = _KAYNAK.match(ln)
        if m:
            kaynak = m.group(1).strip() or None
            i += 1
            break
        m = _URL.match(ln)
        if m and url is None:
            body.flush()
            url = m.group(1) or m.group(2)
        else:
            body.add("" if _SEP.match(ln) else ln)
        i += 1
    # After Kaynak/Source: its value may sit alone on the next line; anything
    # more is an article that lost its title line.
    rest = [j for j in range(i, end) if lines[j].strip() and not _SEP.match(lines[j])]
    if kaynak is None and len(rest) == 1 and len(lines[rest[0]].strip()) <= 120:
        kaynak = lines[rest[0]].strip()
    elif rest:
        _orphan(lines, rest[0], end, path, result)
    _make(
        result,
        path=path,
        line=start + 1,
        title=title,
        date_raw=date_raw,
        date_line=date_line,
        source=source,
        url=url,
        body=body.text(),
        kaynak=kaynak,
    )


def render_digest(article: Article) -> str:
    """Write an article back in the digest layout (the inverse of ``parse_digest``)."""
    parts = ["", "", "---", "", f"## **{article.title}**", "", "-", ""]
    if article.date:
        parts += [article.date.strftime("%d.%m.%Y"), ""]
    parts += ["---", ""]
    if article.source:
        date = f"{article.date.day} {article.date.strftime('%B %Y')}" if article.date else "n.d. 0000"
        parts += [f"{article.source} ({date})", ""]
    for para in article.body.split("\n\n"):
        parts += [para, ""]
    if article.url:
        parts += [f"<{article.url}>", ""]
    parts += ["---", "", f"Kaynak/Source:{' ' + article.kaynak if article.kaynak else ''}"]
    return "\n".join(parts)


# --- plain text -----------------------------------------------------------------


def parse_plain(text: str, path: str) -> FileResult:
    """A plain article: first line the title, an optional date and agency line, then body."""
    result = FileResult()
    lines = text.split("\n")
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    if not idx:
        return result
    first = idx[0]
    title = _strip_bold(lines[first].strip().lstrip("#").strip())
    date_raw, date_line, source = None, first + 1, None
    j = 1
    for _ in range(2):  # a date line and/or an agency line may follow the title
        if j >= len(idx):
            break
        ln = lines[idx[j]]
        m_date, m_agency = _DATE_LINE.match(ln), _agency(ln)
        if m_date and date_raw is None:
            date_raw, date_line = m_date.group(1), idx[j] + 1
        elif m_agency and source is None:
            source = m_agency.group(1)
            if date_raw is None:
                date_raw, date_line = m_agency.group(2), idx[j] + 1
        else:
            break
        j += 1
    body_start = idx[j] if j < len(idx) else len(lines)
    body = _Body()
    url = None
    for ln in lines[body_start:]:
        m = _URL.match(ln)
        if m and url is None and body.empty:
            url = m.group(1) or m.group(2)
        else:
            body.add(ln)
    _make(
        result,
        path=path,
        line=first + 1,
        title=title,
        date_raw=date_raw,
        date_line=date_line,
        source=source,
        url=url,
        body=body.text(),
    )
    return result


# --- JSON -------------------------------------------------------------------------


def _json_records(text: str, path: str, result: FileResult, first_line: int = 1) -> Iterable[tuple[int, object]]:
    """Yield (line, value) for each record of a JSON array, object or JSON Lines file.

    Linear in the file: line numbers are counted from the previous record on,
    not from the start of the file for each record (which made a 28 MB JSON
    Lines file quadratic). A record the decoder cannot take (bad syntax,
    nesting deeper than Python's recursion, an integer past Python's digit
    limit) is one warning; JSON Lines resume at the next line.
    """
    decoder = json.JSONDecoder()
    pos, n = 0, len(text)
    counted, line_at = 0, first_line  # the line of position ``counted``

    def line_of(p: int) -> int:
        nonlocal counted, line_at
        if p >= counted:
            line_at += text.count("\n", counted, p)
        else:  # an error position behind the last record start: rare, count from the top
            line_at = text.count("\n", 0, p) + first_line
        counted = p
        return line_at

    def skip(p: int, chars: str = " \t\r\n") -> int:
        while p < n and text[p] in chars:
            p += 1
        return p

    pos = skip(pos)
    in_array = pos < n and text[pos] == "["
    if in_array:
        pos = skip(pos + 1)
    while pos < n:
        if in_array and text[pos] == "]":
            return
        line = line_of(pos)
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError, ValueError) as err:
            if isinstance(err, json.JSONDecodeError):
                where, reason = min(err.pos, len(text.rstrip())), f"invalid JSON ({err.msg})"  # EOF: the last line
            elif isinstance(err, RecursionError):
                where, reason = pos, "JSON nested too deeply to read"
            else:  # int() past sys.get_int_max_str_digits()
                where, reason = pos, "invalid JSON (a number too long to read)"
            result.warnings.append(ParseWarning(path, line_of(where), f"{reason}; skipped"))
            if in_array:
                return  # cannot resynchronise inside an array
            nl = text.find("\n", max(where, line_start(text, pos)))  # JSON Lines: carry on with the next line
            if nl < 0:
                return
            pos = skip(nl)
            continue
        yield line, value
        pos = skip(pos, " \t\r\n," if in_array else " \t\r\n")


def line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts."""
    return text.rfind("\n", 0, pos) + 1


_SCALARS = (str, int, float)


class _BadField(Exception):
    """A record field of the wrong type: the record is reported and skipped."""


def _text_field(record: dict, *names: str) -> str | None:
    """The first of ``names`` present, as text: a string or a number; None when absent or null."""
    for name in names:
        if name in record and record[name] is not None:
            value = record[name]
            if isinstance(value, bool) or not isinstance(value, _SCALARS):
                raise _BadField(f"field {name!r} must be a string, not {_json_type(value)}")
            return str(value)
    return None


def _text_list(record: dict, name: str) -> list[str]:
    """A string or a list of strings (paragraphs, speakers); [] when absent or null."""
    value = record.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(
        item is None or (isinstance(item, _SCALARS) and not isinstance(item, bool)) for item in value
    ):
        return [str(item) for item in value if item is not None]
    raise _BadField(f"field {name!r} must be a string or a list of strings, not {_json_type(value)}")


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "a list", int: "a number", float: "a number"}.get(type(value), "null")


_INDENTED = re.compile(r"\n(?=[ \t]+\S)")  # a line break before an indented line: a new paragraph
_BLANK = re.compile(r"\n[ \t]*\n\s*")


def json_paragraphs(text: str) -> list[str]:
    """A JSON body's paragraphs, read as its hard line breaks mean them.

    Wire copy such as Reuters keeps the lines of its teleprinter: a blank line
    or an indented line starts a paragraph, and any other line break is a
    space within one. So a quotation or a snippet never carries a raw line
    break, and an exported body (paragraphs joined by a blank line) reads
    back the same.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for block in _BLANK.split(text):
        for para in _INDENTED.split(block):
            joined = " ".join(line.strip() for line in para.split("\n") if line.strip())
            if joined:
                out.append(joined)
    return out


# --- a record's own id and metadata --------------------------------------------------

# The keys newsgrep itself reads, or writes in an export (`newsgrep export` then
# reads back): never metadata. ``meta`` is the object an export keeps the rest in.
RECORD_KEYS = frozenset(
    {"id", "title", "date", "body", "content", "source", "agency", "url", "link", "speakers", "speakers_from"}
    | {"path", "line", "kaynak", "quotes", "meta"}
)
# Names a query already gives a meaning (index/schema.py's fields and aliases;
# tests/ingest/test_record_meta.py checks the two agree): a record field by one of
# these names could never be searched, so it is refused rather than shadowed.
SEARCH_NAMES = frozenset({"agency", "month", "qtext", "quote", "speaker", "speaker_key", "speaker_rows", "words"})
RESERVED_NAMES = RECORD_KEYS | SEARCH_NAMES

META_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")  # after lower-casing: `field:value` in a query, and safe anywhere
MAX_META_NAME = 40  # characters of a name
MAX_META_FIELDS = 32  # per record: the first ones, in the record's order
MAX_META_VALUES = 100  # per field: the first ones
MAX_META_CHARS = 200  # per value: a tag or a code, not a text (a longer value is not kept)
MAX_ID_CHARS = 200
_ID = re.compile(r"\S+\Z")


def own_id(record: dict, path: str, line: int, result: FileResult) -> str | None:
    """The record's own ``id`` (a string or a number), or None: newsgrep then makes one (``article_id``).

    An id must be one word (no spaces: ids travel through shells and
    ``cut``) of at most MAX_ID_CHARS characters; one that is not is
    reported, and the article indexed under the id newsgrep makes.
    """
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, _SCALARS):
        why = f"is {_json_type(value)}, not a string"
    else:
        text = clean_line(str(value))
        if 0 < len(text) <= MAX_ID_CHARS and _ID.match(text):
            return text
        why = f"{str(value)[:40]!r} is not one word of at most {MAX_ID_CHARS} characters"
    result.warnings.append(ParseWarning(path, line, f"id {why}; indexed under an id newsgrep makes"))
    return None


_NAMES: dict[str, tuple[str, str | None]] = {}  # a record field's name -> (its name here, why it is refused)


def _check_name(raw: str) -> tuple[str, str | None]:
    """(lower-cased name, None) for a usable record field name, else (name, what is wrong with it)."""
    name = str(raw).lower()
    if name in RESERVED_NAMES:
        return name, f"has the name of the built-in field {name!r}"
    if len(name) > MAX_META_NAME or not META_NAME.match(name):
        return name, f"is not a usable name (letters, digits and _, starting with a letter, at most {MAX_META_NAME})"
    return name, None


def _clean_value(text: str) -> str:
    """``clean_line``, without its work for the usual value: short, ASCII, printable, single-spaced."""
    if text.isascii() and text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return clean_line(text)


def _texts(value: object) -> list[str] | None:
    """A field's values as cleaned text (a number as text, nulls left out), or None when not strings."""
    if type(value) is str:
        return [_clean_value(value)]
    items = value if type(value) is list else [value]
    out = []
    for item in items:
        if type(item) is str:
            out.append(_clean_value(item))
        elif item is None:
            continue
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            out.append(str(item))
        else:
            return None
    return out


def record_meta(record: dict, path: str, line: int) -> tuple[dict, list[tuple[str, ParseWarning]]]:
    """A record's extra string and list-of-string fields, checked: name -> value as the record gave it.

    Names are lower-cased (``Topics`` is ``topics``) and must be letters,
    digits and ``_``, starting with a letter; a name newsgrep uses itself is
    refused. Values are strings (numbers taken as text) or lists of them,
    each at most MAX_META_CHARS characters after cleaning; empty values are
    left out. A field that breaks a rule is left out and the article
    indexed; the problems come back as (key, warning), and ``parse_json``
    reports each key once per file, at its first kept record. An export's
    ``meta`` object is read as the record's own fields.
    """
    fields = [(k, v) for k, v in record.items() if k not in RECORD_KEYS]
    nested = record.get("meta")
    if isinstance(nested, dict):
        fields += list(nested.items())
    elif nested is not None:
        fields.append(("meta", nested))  # refused below, as a reserved name
    out: dict[str, str | list[str]] = {}
    problems: list[tuple[str, ParseWarning]] = []

    def report(key: str, message: str) -> None:
        problems.append((key, ParseWarning(path, line, message)))

    for raw_name, value in fields:
        if value is None or value == "" or value == []:
            continue
        checked = _NAMES.get(raw_name)
        if checked is None:
            if len(_NAMES) > 10_000:  # names come from data: keep the memo small
                _NAMES.clear()
            checked = _NAMES[raw_name] = _check_name(raw_name)
        name, why = checked
        shown = f"{str(raw_name)[:60]!r}"
        if why:
            report(f"name:{raw_name}", f"field {shown} {why}; rename it to keep it; not kept")
            continue
        if name in out:
            report(f"twice:{raw_name}", f"field {shown} repeats the field {name!r} (names ignore case); not kept")
            continue
        texts = _texts(value)
        if texts is None:
            kind = _json_type(value) if not isinstance(value, list) else "a list of other things than strings"
            report(f"type:{name}", f"field {shown} is {kind}, not a string or a list of strings; not kept")
            continue
        longest = max(map(len, texts), default=0)
        if longest > MAX_META_CHARS:
            report(
                f"long:{name}",
                f"field {shown} has a value of {longest:,} characters (the most is {MAX_META_CHARS}); not kept",
            )
            continue
        if "" in texts:
            texts = [t for t in texts if t]
        if len(texts) > MAX_META_VALUES:
            report(f"many:{name}", f"field {shown} has {len(texts):,} values; the first {MAX_META_VALUES} are kept")
            texts = texts[:MAX_META_VALUES]
        if not texts:
            continue
        if len(out) == MAX_META_FIELDS:
            report(
                "fields",
                f"record has more than {MAX_META_FIELDS} fields of its own; the first {MAX_META_FIELDS} are kept",
            )
            break
        out[name] = texts if isinstance(value, list) else texts[0]
    return out, problems


def source_of_url(url: str | None) -> str | None:
    """The agency of a record that names none: its link's host, without ``www.`` ("tass.com").

    A TASS export gives each article a ``link`` and no agency; without this,
    ``--source tass`` found nothing in it. The host is what the record
    itself says; no table of agencies is guessed.
    """
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def parse_json(text: str, path: str, first_line: int = 1) -> FileResult:
    """The records of a JSON or JSON Lines text; ``first_line``: where ``text`` starts in its file (a piece of one)."""
    result = FileResult()
    reported: set[str] = set()  # a field's problem is reported at its first record in the file
    for line, record in _json_records(text, path, result, first_line):
        if not isinstance(record, dict):
            result.warnings.append(ParseWarning(path, line, "JSON record is not an object; skipped"))
            continue
        try:
            title = _text_field(record, "title")
            date = _text_field(record, "date")
            source = _text_field(record, "source", "agency")
            url = _text_field(record, "url", "link")
            source = source or source_of_url(url)
            body_name = "body" if record.get("body") is not None else "content"
            body = "\n\n".join(p for part in _text_list(record, body_name) for p in json_paragraphs(part))
            speakers = _text_list(record, "speakers")
        except _BadField as err:
            result.warnings.append(ParseWarning(path, line, f"{err}; fix the record to index it; skipped"))
            continue
        if record.get("speakers_from") == "extractor":
            speakers = []  # a newsgrep export: let the extractor find them again
        meta, problems = record_meta(record, path, line)
        notes = FileResult()
        given = own_id(record, path, line, notes)
        kept = len(result.articles)
        _make(
            result,
            path=path,
            line=line,
            title=title or "",
            date_raw=date,
            date_line=line,
            source=source,
            url=url,
            body=body,
            speakers=tuple(clean_line(s) for s in speakers if s.strip()),
            own_id=given,
            meta=meta,
        )
        if len(result.articles) > kept:  # a skipped record is reported for why it was skipped, and only that
            result.warnings.extend(notes.warnings)
            for key, warning in problems:
                if key not in reported:
                    reported.add(key)
                    result.warnings.append(warning)
    return result


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


# --- files ------------------------------------------------------------------------


def parse_text(text: str, path: str, suffix: str) -> FileResult:
    """Dispatch on the file's shape: JSON by suffix, digest by its markup, else plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in {".json", ".jsonl", ".ndjson"}:
        return parse_json(text, path)
    if looks_like_digest(text):
        return parse_digest(text, path)
    return parse_plain(text, path)


def decoded_text(data: bytes, path: str) -> tuple[str | None, list[ParseWarning]]:
    """A file's text and what to say of it: None for an empty or binary file, a note when it is not UTF-8.

    One place for both readers of files: ``parse_bytes``, and the indexer,
    which decodes a big JSON Lines file once before parsing it in pieces.
    """
    if not data.strip():
        return None, [ParseWarning(path, 1, "empty file; nothing to index")]
    try:
        text, note, note_line = decode(data)
    except BinaryFileError as err:
        return None, [ParseWarning(path, 1, f"{err}; skipped (is it really an article?)")]
    if not note:
        return text, []
    message = f"not valid UTF-8; decoded as {note} (save the file as UTF-8 to silence this)"
    return text, [ParseWarning(path, note_line, message)]


def parse_bytes(data: bytes, path: str, suffix: str) -> FileResult:
    text, notes = decoded_text(data, path)
    if text is None:
        return FileResult(warnings=notes)
    result = parse_text(text, path, suffix)
    result.warnings[:0] = notes
    return result
