"""The command line: parse options, call the library, render, map errors to exit codes.

Kept thin and cheap to import: the library, Whoosh and Rich are imported inside
the commands, so `newsgrep --version` and `--help` cost little more than Typer.
"""

from __future__ import annotations

import copy
import functools
import os
import shlex
import sys
from typing import Annotated, Optional

import typer

from .. import __version__
from ..errors import CommittedInterrupt, ExitStatus, NewsgrepError
from . import commands
from .commands import INTERRUPTED, INTERRUPTED_AFTER_COMMIT
from .protocol import COMPLETE_VAR

app = typer.Typer(
    add_completion=False,  # Typer's own flags ignore a shell named after them: see _completion_options
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Full-text search over diplomatic news: keywords, phrases, dates, agencies and who said what.",
)

# --- shared options -------------------------------------------------------------------


def _choices(module: str, name: str):
    """Shell completion of an option's fixed values (``--sort <TAB>``), read from the module that
    checks them: imported only when a shell asks, so a command line never pays for it."""

    def complete(incomplete: str) -> list[str]:
        import importlib

        return [v for v in getattr(importlib.import_module(module), name) if v.startswith(incomplete)]

    return complete


COLORS = ("auto", "always", "never")  # commands.check_color's

IndexOpt = Annotated[
    Optional[str],
    typer.Option("--index", metavar="DIR", help="Index directory [default: $NEWSGREP_INDEX or ./index]."),
]
FromOpt = Annotated[
    Optional[str],
    typer.Option("--from", metavar="DATE", help="From this date; 2019, 2019-01, 17.01.2019 (day first) all work."),
]
ToOpt = Annotated[
    Optional[str],
    typer.Option("--to", metavar="DATE", help="Up to the end of this date, month or year."),
]
SourceOpt = Annotated[
    Optional[list[str]],
    typer.Option("--source", metavar="NAME", help="Only this news agency (repeatable, any case)."),
]
SpeakerOpt = Annotated[
    Optional[list[str]],
    typer.Option("--speaker", metavar="NAME", help="Only where NAME is quoted (repeatable: any of them)."),
]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="How many results; 0 means all.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="One JSON object per line on stdout.")]
ColorOpt = Annotated[
    str,
    typer.Option("--color", metavar="WHEN", help="auto, always or never.", autocompletion=_choices(__name__, "COLORS")),
]
MatchOpt = Annotated[
    str,
    typer.Option(
        "--match",
        metavar="any|all",
        help="any: missing words allowed; all: none.",
        autocompletion=_choices("newsgrep.query.search", "MATCHES"),
    ),
]


def _fail(message: str) -> typer.Exit:
    from ..output.stdio import error

    error(message)
    return typer.Exit(ExitStatus.ERROR)


def _guard(fn):
    """Run ``fn``; report a NewsgrepError as one line and exit 2."""
    try:
        return fn()
    except NewsgrepError as err:
        raise _fail(str(err)) from None
    except CommittedInterrupt:
        raise _fail(INTERRUPTED_AFTER_COMMIT) from None
    except KeyboardInterrupt:
        raise _fail(INTERRUPTED) from None


def _check_color(color: str) -> None:
    _guard(lambda: commands.check_color(color))


def _check_output(json_: bool, jsonl: bool) -> None:
    _guard(lambda: commands.check_output(json_, jsonl))


def _on_archive(index: str | None, call, source: list[str] | None = None, empty=None):
    """Open the archive (building its index on first use) and return ``call(archive)``; errors as one line.

    ``source`` and ``empty``: when the answer is empty (``empty(answer)``) and
    a ``--source`` matches no agency of the archive, say so on stderr with the
    closest ones, as ``search`` does: a misspelt agency is not "no hits".
    """

    def ask():
        archive = commands.open_archive(index)
        answer = call(archive)
        if source and empty is not None and empty(answer):
            commands.say_unknown_sources(archive, source)
        return answer

    return _guard(ask)


def _emit(value, json_: bool, color: str, printer: str) -> None:
    """``value`` as one JSON document, or through ``terminal.<printer>`` for people."""
    from ..output import stdio

    if json_:
        stdio.write_json(value)
    else:
        from ..output import terminal

        getattr(terminal, printer)(terminal.console(color), value)


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:  # resilient: a shell asking for completions, not the user
        typer.echo(f"newsgrep {__version__}")
        raise typer.Exit()


SHELLS = ("bash", "zsh", "fish")


def _shell(option: str, value: str) -> str:
    """The shell named after ``option``, or the one running newsgrep when none is named."""
    if not value:
        from typer._completion_shared import _get_shell_name  # typer is pinned; shellingham reads the process tree

        value = _get_shell_name() or ""
        if value not in SHELLS:
            shown = f" ({value})" if value else ""
            raise _fail(f"{option}: cannot tell which shell this is{shown}; name it, as in `newsgrep {option} bash`")
    if value not in SHELLS:
        raise _fail(f"{option}: {value!r} is not a shell newsgrep completes; use bash, zsh or fish")
    return value


def _show_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script  # typer is pinned: its scripts and completer agree

    typer.echo(
        get_completion_script(prog_name="newsgrep", complete_var=COMPLETE_VAR, shell=_shell("--show-completion", value))
    )
    raise typer.Exit()


def _install_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    from ..output.stdio import notice

    shell, path = install(shell=_shell("--install-completion", value), prog_name="newsgrep", complete_var=COMPLETE_VAR)
    notice(f"{shell} completion installed in {path}; it takes effect in a new shell")
    raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    show_completion: Annotated[
        Optional[str],
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script for bash, zsh or fish (default: this shell).",
        ),
    ] = None,
    install_completion: Annotated[
        Optional[str],
        typer.Option(
            "--install-completion",
            metavar="[SHELL]",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            help="Install completion for bash, zsh or fish (default: this shell) in its start-up file.",
        ),
    ] = None,
) -> None:
    """Full-text search over diplomatic news."""


# --- commands ----------------------------------------------------------------------------


@app.command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", help='Whoosh query: words, "phrases", AND/OR/NOT, prefix*, fuzzy~, field:term.'
        ),
    ],
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    speaker: SpeakerOpt = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="relevance, date or -date (newest first).",
            autocompletion=_choices("newsgrep.query.search", "SORTS"),
        ),
    ] = "relevance",
    match: MatchOpt = "any",
    limit: LimitOpt = 10,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many hits first (the next page).")] = 0,
    count: Annotated[bool, typer.Option("--count", help="Print only the number of matching articles.")] = False,
    facet: Annotated[
        Optional[list[str]],
        typer.Option(
            "--facet",
            metavar="NAME",
            help="Counts by source, speaker or month.",
            autocompletion=_choices("newsgrep.query.search", "FACETS"),
        ),
    ] = None,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    color: ColorOpt = "auto",
    index: IndexOpt = None,
) -> None:
    """Search the articles; exit 0 with hits, 1 with none, 2 on error.

    Example: newsgrep search Kuril --from 2019-01 --to 2019-03 --speaker Lavrov
    """
    _check_color(color)
    _guard(lambda: commands.check_output(json_, jsonl, count))
    result = _guard(
        lambda: commands.search(query, date_from, date_to, source, speaker, sort, limit, facet, index, match, offset)
    )
    _print_result(result, json_, jsonl, color, count)


@app.command("index")
def index_cmd(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="PATH...", help="Files or directories [default: $NEWSGREP_SEEDS or ./seeds]."),
    ] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Build a fresh index and swap it in atomically.")] = False,
    wait: Annotated[
        float, typer.Option("--wait", metavar="SECONDS", help="How long to wait for another run's lock.")
    ] = 30.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print warnings and errors only.")] = False,
    warnings: Annotated[
        bool, typer.Option("--warnings", help="List every warning, those of unchanged files too.")
    ] = False,
    index: IndexOpt = None,
) -> None:
    """Build or update the index: only new, changed and deleted files are touched.

    Example: newsgrep index seeds/ --wait 60
    """
    from ..api import open as open_archive
    from ..output import terminal

    archive = open_archive(index)
    with terminal.ProgressBar(quiet) as bar:
        summary = _guard(lambda: archive.update(paths, rebuild=rebuild, wait=wait, progress=bar))
    terminal.print_index_summary(summary, quiet, every_warning=warnings)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id, as search prints it.")],
    json_: JsonOpt = False,
    color: ColorOpt = "auto",
    index: IndexOpt = None,
) -> None:
    """Print one whole article, with its repaired body.

    Example: newsgrep show 0060954e59a0 --json
    """
    _check_color(color)

    _emit(_on_archive(index, lambda archive: archive.show(article_id)), json_, color, "print_article")


@app.command()
def stats(json_: JsonOpt = False, color: ColorOpt = "auto", index: IndexOpt = None) -> None:
    """Article count, date span, agencies, index size and last update.

    Example: newsgrep stats --json
    """
    _check_color(color)

    _emit(_on_archive(index, lambda archive: archive.stats()), json_, color, "print_stats")


@app.command()
def check(json_: JsonOpt = False, color: ColorOpt = "auto", index: IndexOpt = None) -> None:
    """Read the whole index against its recorded checksums; exit 2 when a file differs.

    Example: newsgrep check
    """
    _check_color(color)

    _emit(_on_archive(index, lambda archive: archive.check()), json_, color, "print_check")


@app.command()
def quotes(
    query: Annotated[
        Optional[str], typer.Argument(metavar="QUERY", help="Words the quotation itself must contain.")
    ] = None,
    speaker: SpeakerOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    match: MatchOpt = "all",
    limit: LimitOpt = 10,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    color: ColorOpt = "auto",
    index: IndexOpt = None,
) -> None:
    """Quotations whose own words match QUERY: all its words (--match any: one of them).

    Example: newsgrep quotes "true partnership" --speaker lavrov --json
    """
    _check_color(color)
    _check_output(json_, jsonl)

    result = _on_archive(
        index,
        lambda archive: archive.quotes(
            query, speaker=speaker, date_from=date_from, date_to=date_to, source=source, limit=limit, match=match
        ),
        source,
        lambda result: not result.total,
    )
    from ..output import stdio

    if json_:
        stdio.write_json(result)
    elif jsonl:
        stdio.write_jsonl(result.quotes)
    else:
        from ..output import terminal

        terminal.print_quotes(terminal.console(color), result.quotes)
    raise typer.Exit(ExitStatus.OK if result.quotes else ExitStatus.NO_HITS)


@app.command()
def speakers(
    query: Annotated[Optional[str], typer.Argument(metavar="QUERY", help="Only articles matching this query.")] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    match: MatchOpt = "any",
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="quotes, articles, name or recent.",
            autocompletion=_choices("newsgrep.query.quotes", "SPEAKER_SORTS"),
        ),
    ] = "quotes",
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many speakers; 0 means all.")] = 0,
    json_: JsonOpt = False,
    color: ColorOpt = "auto",
    index: IndexOpt = None,
) -> None:
    """Everyone quoted in the matching articles (all of them without QUERY), with quotation and article counts.

    Into a pipe: one tab-separated row per speaker. Example: newsgrep speakers Iran --from 1987 --to 1987 -n 10
    """
    _check_color(color)

    from ..output import plain

    into_pipe = not json_ and plain.applies(color)

    def ask(archive):
        # into a pipe: the rows as tuples, no Speaker objects (69k rows at 100k articles)
        return (archive.speaker_rows if into_pipe else archive.speakers)(
            query, date_from=date_from, date_to=date_to, source=source, limit=limit, sort=sort, match=match
        )

    found = _on_archive(index, ask, source, lambda rows: not rows)
    if into_pipe:
        plain.print_speaker_rows(found)
    else:
        _emit(found, json_, color, "print_speakers")
    raise typer.Exit(ExitStatus.OK if found else ExitStatus.NO_HITS)


@app.command()
def timeline(
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help="The same query language as search; '*' for everything.")
    ],
    by: Annotated[
        str,
        typer.Option(
            "--by", help="day, week, month or year.", autocompletion=_choices("newsgrep.query.timeline", "PERIODS")
        ),
    ] = "month",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    speaker: SpeakerOpt = None,
    match: MatchOpt = "any",
    json_: JsonOpt = False,
    color: ColorOpt = "auto",
    index: IndexOpt = None,
) -> None:
    """Matching articles per period, as a bar chart or JSON.

    Example: newsgrep timeline Lavrov --by month --json
    """
    _check_color(color)

    rows = _on_archive(
        index,
        lambda archive: archive.timeline(
            query, by=by, date_from=date_from, date_to=date_to, source=source, speaker=speaker, match=match
        ),
        source,
        lambda rows: not any(r.count for r in rows),
    )
    _emit(rows, json_, color, "print_timeline")
    raise typer.Exit(ExitStatus.OK if any(r.count for r in rows) else ExitStatus.NO_HITS)


@app.command()
def similar(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id, as search prints it.")],
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    speaker: SpeakerOpt = None,
    limit: LimitOpt = 10,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    color: ColorOpt = "auto",
    index: IndexOpt = None,
) -> None:
    """Articles most like the given one ("more like this" on the body).

    Example: newsgrep similar 0060954e59a0 --limit 5
    """
    _check_color(color)
    _check_output(json_, jsonl)

    result = _on_archive(
        index,
        lambda archive: archive.similar(
            article_id, date_from=date_from, date_to=date_to, source=source, speaker=speaker, limit=limit
        ),
        source,
        lambda result: not result.total,
    )
    _print_result(result, json_, jsonl, color)


def _print_result(result, json_: bool, jsonl: bool, color: str, count: bool = False) -> None:
    raise typer.Exit(commands.print_result(result, json_, jsonl, color, count))


@app.command()
def export(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Only articles matching this query.")] = "*",
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            help="jsonl or opensearch (_bulk NDJSON).",
            autocompletion=_choices("newsgrep.output.export", "FORMATS"),
        ),
    ] = "jsonl",
    mapping: Annotated[bool, typer.Option("--mapping", help="Print the OpenSearch index mapping and exit.")] = False,
    name: Annotated[str, typer.Option("--name", help="The _index for opensearch actions.")] = "newsgrep",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    speaker: SpeakerOpt = None,
    match: MatchOpt = "any",
    index: IndexOpt = None,
) -> None:
    """Write every matching article, with speakers and quotations, to stdout.

    Example: newsgrep export --format opensearch > bulk.ndjson
    """
    from ..output import stdio
    from ..output.export import FORMATS, MAPPING, opensearch_lines, record

    if mapping:
        stdio.write_json(MAPPING)
        raise typer.Exit(ExitStatus.OK)
    if format_ not in FORMATS:
        raise _fail(f"--format {format_!r} is not a format; use one of: {', '.join(FORMATS)}")

    def run():
        archive = commands.open_archive(index)
        found = archive.articles(
            query, date_from=date_from, date_to=date_to, source=source, speaker=speaker, match=match
        )
        articles = list(found)
        if source and not articles:
            commands.say_unknown_sources(archive, source)
        if format_ == "jsonl":
            return [record(a) for a in articles]
        return list(opensearch_lines(articles, name))

    lines = _guard(run)
    stdio.write_jsonl(lines)
    raise typer.Exit(ExitStatus.OK if lines else ExitStatus.NO_HITS)


@app.command()
def serve(index: IndexOpt = None) -> None:
    """Keep the index open and answer `newsgrep search` over a Unix socket.

    `newsgrep search` uses the server whenever it is running, and it always
    answers from the last committed index. Stop it with Ctrl-C.

    Example: newsgrep serve --index ./index &
    """
    from ..output import stdio

    def start():
        from .server import serve as do_serve

        root = commands.open_archive(index).root
        do_serve(root, run, ready=lambda path: stdio.notice(f"serving {root} on {path}"))  # run: this module's

    _guard(start)


QUERY_COMMANDS = frozenset({"search", "quotes", "timeline", "export"})  # a QUERY argument, and nothing after it


@functools.cache
def _command(name: str | None = None):
    """The Click command Typer builds from ``app``, with only command ``name`` when it names one.

    Typer inspects every command's signature to build it (6 ms for all ten,
    1 ms for one), and a command line runs one command. Cached, so a server
    builds each once.
    """
    names = {info.name or info.callback.__name__ for info in app.registered_commands}
    if name not in names:
        return typer.main.get_command(app)
    one = copy.copy(app)  # the same settings and callback (--version), one command
    one.registered_commands = [
        info for info in app.registered_commands if (info.name or info.callback.__name__) == name
    ]
    return typer.main.get_command(one)


def run(argv: list[str] | None = None) -> int:
    """Run one command line and return its exit status: Click's usage errors and bugs become one line too.

    ``newsgrep serve`` calls this for the commands it answers, with the
    client's arguments, so the two paths cannot drift.
    """
    args = sys.argv[1:] if argv is None else argv
    if args[-1:] in (["--show-completion"], ["--install-completion"]):
        args = [*args, ""]  # no shell named: the one running newsgrep (a Typer option's value cannot be optional)
    if COMPLETE_VAR in os.environ:  # a shell asking for completions, in the format of Typer's scripts
        from typer._completion_classes import completion_init

        completion_init()

    def call() -> int:
        try:
            code = _command(args[0] if args else None).main(args=args, prog_name="newsgrep", standalone_mode=False)
        except typer.TyperException as err:
            from typer._click.exceptions import NoArgsIsHelpError  # typer is pinned: its vendored Click

            from ..output.stdio import error

            if isinstance(err, NoArgsIsHelpError):  # bare `newsgrep`: the help as Click lays it out, on stderr
                sys.stderr.write(err.format_message().rstrip("\n") + "\n")
                return ExitStatus.ERROR

            hint = f" (see `newsgrep {err.ctx.info_name} --help`)" if getattr(err, "ctx", None) else ""
            if getattr(err, "ctx", None) and err.ctx.parent is None:
                hint = " (see `newsgrep --help`)"
            message = err.format_message().replace("\n", " ")
            name = getattr(getattr(err, "ctx", None), "info_name", None)
            if message.startswith("Got unexpected extra argument") and name in QUERY_COMMANDS:
                hint = "; a query of several words is one argument: quote it, as in " + _quoted(err.ctx.command, args)
            error(message + hint)
            return ExitStatus.ERROR
        except typer.Abort:
            raise KeyboardInterrupt from None
        except SystemExit:
            from typer._click.utils import PacifyFlushWrapper  # typer is pinned: its vendored Click

            if isinstance(sys.stdout, PacifyFlushWrapper):  # Typer's answer to EPIPE is exit 1, "no hits"
                sys.stdout, sys.stderr = sys.stdout.wrapped, sys.stderr.wrapped
                raise BrokenPipeError from None  # last_resort: the reader left, exit 0 as on the fast path
            raise
        return code if isinstance(code, int) else 0

    return commands.last_resort(call)


def _quoted(command: object, args: list[str]) -> str:
    """The command line with its query words as one quoted argument, its options (and their values) kept."""
    takes_value = {
        opt
        for param in getattr(command, "params", [])
        if getattr(param, "param_type_name", "") == "option" and not getattr(param, "is_flag", False)
        for opt in param.opts
    }
    words: list[str] = []
    options: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg.startswith("-") and len(arg) > 1:
            options.append(arg)
            if arg in takes_value:  # `-n 3`: the 3 is the option's, not the query's
                options.append(next(rest, ""))
        else:
            words.append(arg)
    return f'newsgrep {args[0]} "{" ".join(words)}"' + "".join(" " + shlex.quote(o) for o in options)


def main() -> None:
    """``run`` as a process: ``newsgrep.launch`` calls ``run`` itself, after the server and the fast path."""
    sys.exit(run())
