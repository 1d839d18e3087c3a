"""Output: Rich for people, JSON for scripts. The only module that imports Rich.

Article text is data: it is always wrapped in ``rich.text.Text`` (never parsed
as markup) after the escape sequences and control characters that ingest
already removed are removed once more, so an index built by an older version
cannot smuggle them to the terminal either. JSON goes straight to stdout with
``json.dumps``, which escapes every control character.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..ingest.text import clean_line, clean_text, printable

MATCH = "bold reverse"
TITLE = "bold"
META = "cyan"
DIM = "dim"


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """The reader left (``| head``): Rich's own answer is exit 1, our "no hits"; last_resort makes it 0."""
        self.quiet = True
        raise BrokenPipeError


def console(color: str = "auto", stderr: bool = False) -> Console:
    """A console honouring ``--color``; ``auto`` leaves NO_COLOR/FORCE_COLOR/TTY to Rich."""
    kwargs: dict[str, Any] = {"stderr": stderr, "highlight": False, "markup": False, "emoji": False}
    if color == "never":
        kwargs["color_system"] = None
    elif color == "always":
        kwargs["force_terminal"] = True
    con = _Console(**kwargs)
    # Into a pipe or a file, one record per line: never wrap lines for a width nobody sees.
    con.soft_wrap = not con.is_terminal
    return con


# --- text pieces --------------------------------------------------------------------


def highlighted(text: str, matches: Iterable[Iterable[int]], style: str = MATCH) -> Text:
    """``text`` with the [start, end) ``matches`` styled; never interpreted as markup."""
    plain = clean_text(text)
    out = Text(plain)
    if len(plain) == len(text):  # offsets still valid after cleaning
        for start, end in matches:
            out.stylize(style, start, end)
    return out


def print_indented(con: Console, text: Text, indent: int = 2) -> None:
    """Print ``text`` wrapped to the terminal with a hanging indent and no trailing spaces."""
    if con.soft_wrap:
        con.print(Text(" " * indent) + text)
        return
    for line in text.wrap(con, max(20, con.width - indent)):
        line.rstrip()
        con.print(Text(" " * indent) + line, soft_wrap=True)


def snippet_text(snippet) -> Text:
    """A snippet with an ellipsis where it was cut out of a sentence (``cut_before``, ``cut_after``)."""
    out = Text()
    if snippet.cut_before:
        out.append("…", style=DIM)
    out.append_text(highlighted(snippet.text, snippet.matches))
    if snippet.cut_after:
        out.append("…", style=DIM)
    return out


def _meta(*parts: str | None) -> Text:
    text = Text()
    for n, part in enumerate(p for p in parts if p):
        if n:
            text.append(" · ", style=DIM)
        text.append(clean_line(part), style=META if n == 0 else DIM)
    return text


def title_text(title: str, matches: Iterable[Iterable[int]] = ()) -> Text:
    """A title in bold, the query's words in it marked as in the snippets."""
    plain = clean_line(title)
    out = Text()
    out.append(plain, style=TITLE)  # a span, not the base style: what is appended after it is not bold
    if len(plain) == len(title):  # offsets still valid after cleaning
        for start, end in matches:
            out.stylize(MATCH, start, end)
    return out


def hit_header(title: str, date: str | None, source: str | None, ident: str | None, matches=()) -> Text:
    """Title, date, agency and id on one line, as a pipe gets it (plain.py writes the same)."""
    header = title_text(title, matches)
    header.append("  ")
    header.append_text(_meta(date or "undated", source, ident))
    return header


def print_header(
    con: Console,
    title: str,
    date: str | None,
    source: str | None,
    ident: str | None,
    matches=(),
    indent: int = 0,
) -> None:
    """A hit's header: one line when it fits, else broken only between its parts.

    Rich would break a long header at any space ("Russian News" / "Agency ·
    0060..."), so the date, the agency or the id could be split or start a
    line with a dangling "·". Instead the title comes alone (wrapped at its
    spaces if it is wider than the terminal), and the date, agency and id
    follow, indented, joined by " · " as far as they fit, each line breaking
    at a separator. Into a pipe nothing wraps: one line, as before.
    """
    one = hit_header(title, date, source, ident, matches)
    if con.soft_wrap or indent + one.cell_len <= con.width:
        con.print(Text(" " * indent) + one, soft_wrap=con.soft_wrap)
        return
    print_indented(con, title_text(title, matches), indent)
    room = max(20, con.width - indent - 2)
    parts = [clean_line(p) for p in (date or "undated", source, ident) if p]
    line = Text()
    for n, part in enumerate(parts):
        style = META if n == 0 else DIM
        if line and line.cell_len + 3 + len(part) > room:
            print_indented(con, line, indent + 2)
            line = Text()
        if line:
            line.append(" · ", style=DIM)
        line.append(part, style=style)
    print_indented(con, line, indent + 2)  # a part wider than the terminal: wrapped at its spaces


KINDS = {"direct": "said", "partial": "partly quoted", "indirect": "reported"}


def quote_text(text: str, kind: str, matches: Iterable[Iterable[int]] = ()) -> Text:
    """A quotation as its kind reads: only the words the article quotes stand in quotation marks.

    Direct speech is in “curly marks”. A partial quotation is a reported
    clause that holds quoted words: it is shown as the article writes it,
    its own marks around the verbatim words (in marks of its own when it is
    only the quoted words). Indirect speech is the article's paraphrase: no
    marks, in italics, after a dimmed "≈ ", so it never looks verbatim.
    """
    words = highlighted(text, matches)
    if kind == "indirect":
        out = Text()
        out.append("≈ ", style=DIM)
        words.stylize("italic")
        out.append_text(words)
        return out
    if kind == "partial" and any(mark in text for mark in '"“”«»„'):
        return words
    out = Text("“")
    out.append_text(words)
    out.append("”")
    return out


# --- commands ------------------------------------------------------------------------


def print_hits(con: Console, result) -> None:
    for n, hit in enumerate(result.hits):
        if n:
            con.print()
        print_header(con, hit.title, hit.date, hit.source, hit.id, hit.title_matches)
        if hit.speakers:
            print_indented(con, Text("quoted: " + ", ".join(clean_line(s) for s in hit.speakers), style=DIM))
        for snip in hit.snippets:
            print_indented(con, snippet_text(snip))
    if getattr(result, "facets", None):
        con.print()
        print_facets(con, result.facets)


def print_facets(con: Console, facets: dict[str, dict[str, int]]) -> None:
    for name, counts in facets.items():
        table = Table(title=f"by {name}", show_header=False, box=None, title_justify="left", pad_edge=False)
        table.add_column()
        table.add_column(justify="right")
        for label, count in counts.items():
            table.add_row(Text(clean_line(label)), str(count))
        con.print(table)


def print_article(con: Console, article) -> None:
    """The whole article, its quotations in italics, then each quotation with its speaker."""
    print_header(con, article.title, article.date.isoformat() if article.date else None, article.source, article.id)
    if article.url:
        con.print(Text(clean_line(article.url), style=DIM))
    con.print(Text(f"{printable(article.path)}:{article.line}", style=DIM))  # a file name is data too
    if article.speakers:
        con.print(Text("quoted: " + ", ".join(article.speakers), style=DIM))
    con.print()
    spans = [(q.start, q.end) for q in article.quotes]
    body = highlighted(article.body, spans, style="italic") if spans else Text(clean_text(article.body))
    print_indented(con, body, indent=0)  # wrapped without the trailing spaces Rich leaves at each break
    if article.quotes:
        con.print()
        con.print(Text(f"quotations ({len(article.quotes)})", style=TITLE))
        for q in article.quotes:
            print_indented(con, quote_head(q.speaker, q.role, q.kind, q.cue))
            print_indented(con, quote_text(q.text, q.kind), indent=4)


def print_timeline(con: Console, rows: list) -> None:
    """One row per period: label, a bar scaled to the widest count, the count."""
    if not rows:
        return
    top = max(r.count for r in rows) or 1
    label_width = max(len(r.period) for r in rows)
    room = max(10, con.width - label_width - len(str(top)) - 3)
    for r in rows:
        line = Text(r.period.ljust(label_width) + " ", style=META)
        line.append("█" * round(r.count / top * room) if r.count else "", style="green")
        line.append(f" {r.count}")
        con.print(line)


def print_stats(con: Console, st) -> None:
    """One ``label  value`` line each, the labels dimmed and padded, no trailing spaces.

    A Rich table pads every value to the widest one ("source  Reuters (...): 18,577"),
    which left trailing spaces on each line of `newsgrep stats | grep` (QA on Reuters).
    """
    rows = [
        ("articles", f"{st.articles:,}"),
        ("quotations", f"{st.quotes:,}"),
        ("files", f"{st.files:,}"),
        ("dates", f"{st.first or '-'} to {st.last or '-'}"),
        ("index", f"{st.index} ({st.index_bytes / 1024:,.0f} KiB)"),
        ("updated", st.updated or "-"),
    ]
    rows += [("source", f"{clean_line(source)}: {count:,}") for source, count in st.sources.items()]
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        line = Text(label.ljust(width + 2), style=DIM)
        line.append(value)
        con.print(line, soft_wrap=True)


def print_check(con: Console, ck) -> None:
    """``ok: 14 files, 198 KiB (generation 3 of index)``: what ``newsgrep check`` read and found intact."""
    con.print(
        Text(
            f"ok: {ck.files} files, {ck.index_bytes / 1024:.0f} KiB checked (generation {ck.generation} of {ck.index})"
        )
    )


def quote_head(speaker: str, role: str | None, kind: str, cue: str | None) -> Text:
    """``Sergey Lavrov (Russian Foreign Minister)  direct, "stressed"``: who, and how the article reports it."""
    head = Text()
    head.append(clean_line(speaker), style=TITLE)
    if role:
        head.append(f" ({clean_line(role)})", style=DIM)
    head.append(f"  {kind}", style=DIM)
    if cue:
        head.append(f", {clean_line(cue)}", style=DIM)
    return head


def print_quotes(con: Console, quotes) -> None:
    for n, q in enumerate(quotes):
        if n:
            con.print()
        print_indented(con, quote_head(q.speaker, q.role, q.kind, q.cue), indent=0)
        print_indented(con, quote_text(q.text, q.kind, q.matches))
        print_header(con, q.title, q.date, q.source, q.article_id, indent=2)


def print_speakers(con: Console, speakers) -> None:
    table = Table(box=None, pad_edge=False)
    for col, justify in (
        ("speaker", "left"),
        ("role", "left"),
        ("quotes", "right"),
        ("articles", "right"),
        ("first", "left"),
        ("last", "left"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for s in speakers:
        table.add_row(
            Text(clean_line(s.name)),
            Text(clean_line(s.role or "")),
            str(s.quotes),
            str(s.articles),
            s.first or "",
            s.last or "",
        )
    con.print(table)


def print_index_summary(summary, quiet: bool = False, every_warning: bool = False) -> None:
    """Warnings, then one summary line, on stderr: plain lines that never wrap.

    A problem is printed when a run first finds it. Problems of files left
    as they were are known: one line counts them by reason, and
    ``every_warning`` (``newsgrep index --warnings``) lists them again.
    """
    from .stdio import notice

    for note in summary.notices:
        notice(note)
    for warning in summary.warnings if every_warning else summary.new_warnings:
        notice(f"warning: {warning}")
    if quiet:
        return
    if summary.earlier and not every_warning:
        notice(earlier_warnings_line(summary.earlier))
    n = len(summary.warnings)
    sys.stderr.write(
        f"indexed {summary.files:,} file{'s' if summary.files != 1 else ''}, "
        f"{summary.articles:,} article{'s' if summary.articles != 1 else ''}: "
        f"{summary.added} added, {summary.updated} updated, {summary.removed} removed, "
        f"{summary.moved} moved, {summary.unchanged} unchanged; "
        f"{n:,} warning{'s' if n != 1 else ''}; {summary.seconds:.2f}s\n"
    )


# What a warning is about, by the words ingest uses for it: the first that fits.
_REASONS = (
    ("has no body text", "without a body"),
    ("has no title", "without a title"),
    ("duplicate of article", "duplicates"),
    ("no date;", "without a date"),
    ("is in the future", "dated in the future"),
    ("fix the date", "with a date that cannot be read"),
    ("invalid JSON", "invalid JSON"),
    ("JSON nested too deeply", "invalid JSON"),
    ("must be a string", "with a field of the wrong type"),
    ("not valid UTF-8", "not UTF-8"),
    ("cannot read", "unreadable"),
    ("; not kept", "with a field not kept"),
)


def earlier_warnings_line(warnings) -> str:
    """``1,798 without a body, 737 without a title, 466 duplicates (...)``: known problems, one line."""
    from collections import Counter

    counts = Counter(next((r for key, r in _REASONS if key in w.message), "other") for w in warnings)
    parts = ", ".join(f"{n:,} {reason}" for reason, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return (
        f"{len(warnings):,} known warnings, printed when first found: {parts}; `newsgrep index --warnings` lists them"
    )


# What each phase of `newsgrep index` is called on its bar, and the unit it counts in.
_PHASES = {
    "reading": ("reading files", "bytes"),
    "adding": ("adding articles", "articles"),
    "committing": ("writing index", None),
    "speakers": ("speakers table", None),
}


def _progress_columns() -> tuple[list, int]:
    """Label, bar, amount and time: bytes or articles when the phase counts, else elapsed time and a pulse."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class Amount(ProgressColumn):
        def __init__(self) -> None:
            super().__init__()
            self._bytes = DownloadColumn()

        def render(self, task) -> Text:
            unit = task.fields.get("unit")
            if unit == "bytes":
                return self._bytes.render(task)
            if task.total is None or unit is None:
                return Text("")
            return Text(f"{int(task.completed):,}/{int(task.total):,} {unit}", style="progress.download")

    class Time(ProgressColumn):
        def __init__(self) -> None:
            super().__init__()
            self._left, self._since = TimeRemainingColumn(), TimeElapsedColumn()

        def render(self, task) -> Text:
            return (self._left if task.total is not None else self._since).render(task)

    width = max(len(label) for label, _unit in _PHASES.values())
    return [TextColumn("{task.description}"), BarColumn(), Amount(), Time()], width


class ProgressBar:
    """A Rich progress bar on stderr, only when stderr is a terminal and not ``quiet``.

    It shows the phase a run is in: files read (in bytes, so that one big JSON
    Lines file moves it too), then the articles of a big file added to the
    index, then the commit and the speakers table, which cannot be counted:
    their bar pulses and their clock counts up, so a long commit never looks
    like a hang at 100%.
    """

    def __init__(self, quiet: bool = False) -> None:
        self._con = Console(stderr=True)
        self._progress = None
        self._tasks: dict[str, Any] = {}
        self._phase = "reading"
        self._quiet = quiet
        self._width = 0

    def __enter__(self) -> ProgressBar:
        return self

    def _started(self) -> bool:
        """Started at the first call, not on entry: Rich refreshes the bar from a thread, and the
        indexer forks its workers before that (a fork with a thread running can deadlock the child)."""
        if self._progress is None:
            if self._quiet or not self._con.is_terminal:
                return False
            from rich.progress import Progress

            columns, self._width = _progress_columns()
            self._progress = Progress(*columns, console=self._con, transient=True)
            self._progress.start()
        return True

    def _task(self, phase: str, total: int | None):
        label, unit = _PHASES.get(phase, (phase, None))
        task = self._tasks.get(phase)
        if task is None:
            task = self._progress.add_task(label.ljust(self._width), total=total, unit=unit)
            self._tasks[phase] = task
        for other, shown in self._tasks.items():  # one line: the phase the run is in
            self._progress.update(shown, visible=other == phase)
        return task

    def __call__(self, done: int, total: int) -> None:
        """``done`` of ``total`` in the current phase's unit: bytes of article files read, or articles added."""
        if self._started():
            self._progress.update(self._task(self._phase, total), completed=done, total=total)

    def phase(self, phase: str, total: int | None = None) -> None:
        """The run goes on to ``phase`` (a key of ``_PHASES``); ``total`` None: it cannot be counted."""
        self._phase = phase
        if phase == "reading":  # back to the files: their bar, as it was, at the next piece read
            if self._progress is not None and "reading" in self._tasks:
                self._task("reading", None)
            return
        if self._started():
            task = self._task(phase, total)
            self._progress.reset(task, total=total, completed=0)
            self._progress.refresh()

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
