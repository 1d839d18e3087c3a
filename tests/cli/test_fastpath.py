"""fastpath.py reads `newsgrep search` command lines without Typer: it must read them as Click does."""

from __future__ import annotations

import contextlib
import io
import os
import random
import subprocess
import sys

import pytest
from conftest import FEB, JAN

from newsgrep.cli import app as cli
from newsgrep.cli import fastpath


def _click_command():
    return cli._command("search").commands["search"]


def click_params(args: list[str]) -> dict | None:
    """What Click hands cli.search for ``newsgrep search ARGS`` (multi options as lists), None on a usage error."""
    try:
        ctx = _click_command().make_context("search", list(args))
    except cli.typer.TyperException:
        return None
    params = dict(ctx.params)
    for name in ("source", "speaker", "facet"):
        params[name] = list(params[name]) or None
    return params


def test_fastpath_options_are_the_search_commands():
    """A new option of `newsgrep search` must be taught to fastpath.py too (or it would be rejected there)."""
    options, defaults = {}, {}
    for param in _click_command().params:
        if param.name == "query":
            continue
        kind = (
            "multi" if param.multiple else "flag" if param.is_flag else "int" if param.type.name == "int" else "value"
        )
        options.update({opt: (param.name, kind) for opt in param.opts})
        defaults[param.name] = None if param.multiple else param.default
    assert options == fastpath.SEARCH_OPTIONS
    assert defaults == fastpath.SEARCH_DEFAULTS


TOKENS = [
    *fastpath.SEARCH_OPTIONS,
    "--help", "-h", "--", "-", "", "--json=1", "--limit=3", "-n5", "--sources", "--colour", "-x",
    "Kuril", "Lavrov", '"peace treaty"', "AND", "2019-01", "5", "0", "+5", "05", "1_0", "-3", "٣", " 7", "never", "all", "any",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_fastpath_reads_generated_command_lines_as_click_does(seed):
    rng = random.Random(seed)
    accepted = 0
    for _ in range(1500):
        args = [rng.choice(TOKENS) for _ in range(rng.randint(0, 7))]
        ours = fastpath.parse_search(args)
        if ours is not None:
            accepted += 1
            assert ours == click_params(args), args
    assert accepted > 20  # the generator does reach the accepting paths


@pytest.mark.parametrize(
    "args",
    [
        ["Kuril"],
        ["Kuril", "--limit", "1", "-n", "2"],
        ["--source", "a", "q", "--source", "b", "--json", "--json"],
        ["q", "--from", "", "--to", "2019"],
        ["--index", "x", "--index", "y", "q"],
        ["q", "--sort", "-date", "--from", "--", "--to", "-n"],
    ],
)
def test_fastpath_accepts_the_common_forms_as_click_does(args):
    assert fastpath.parse_search(args) is not None
    assert fastpath.parse_search(args) == click_params(args)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["a", "b"],
        ["--help"],
        ["q", "--limit=3"],
        ["q", "-n5"],
        ["--", "-q"],
        ["q", "--limit", "+5"],
        ["q", "--limit", "٣"],
        ["q", "--limit"],
        ["q", "--unknown"],
    ],
)
def test_fastpath_leaves_unusual_command_lines_to_typer(args):
    assert fastpath.parse_search(args) is None


def _captured(call) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = call()
    return int(code), out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "args",
    [
        ["Kuril"],
        ["Kuril", "--json"],
        ["Japan", "--jsonl", "--limit", "1"],
        ["peace", "--sort", "-date", "--color", "never"],
        ["Kuril", "--speaker", "Lavrov", "--from", "2019-01", "--to", "2019-03"],
        ["Kuril", "--facet", "source", "--color", "never"],
        ["Kuril", "--color", "always"],
        ["nosuchwordanywhere"],
        ["Kurl"],
        ["Kuril", "--color", "sometimes"],
        ["Kuril", "--json", "--jsonl"],
        ["Kuril", "--from", "2019-13"],
        ["Kuril", "--sort", "oldest"],
        ["nosuchfield:x"],
        ["Kuril Businesses", "--json"],
        ["Kuril Businesses", "--match", "all", "--json"],
        ["Japan", "--match", "some"],
    ],
)
def test_fastpath_output_is_typers(in_seeds, monkeypatch, args):
    """Same stdout, stderr and exit status as the Typer command, hits, no hits and errors alike."""
    monkeypatch.setenv("COLUMNS", "100")
    direct = _captured(lambda: fastpath.run(["search", *args]))
    typer_ = _captured(lambda: cli.run(["search", *args]))
    assert direct == typer_
    assert direct[0] in (0, 1, 2)


def test_fastpath_no_index_and_no_seeds_is_typers_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGREP_INDEX", raising=False)
    monkeypatch.delenv("NEWSGREP_SEEDS", raising=False)
    direct = _captured(lambda: fastpath.run(["search", "Kuril", "--index", "idx"]))
    assert direct == _captured(lambda: cli.run(["search", "Kuril", "--index", "idx"]))
    assert direct == (
        2,
        "",
        "newsgrep: error: no index at idx; build it with `newsgrep index --index idx PATH...`, "
        "or check the --index path (or $NEWSGREP_INDEX)\n",
    )  # --index never builds on first use (issue 15, point 9)


def test_fastpath_exit_statuses(in_seeds):
    assert _captured(lambda: fastpath.run(["search", "Kuril", "--json"]))[0] == 0
    assert _captured(lambda: fastpath.run(["search", "nosuchwordanywhere"]))[0] == 1
    code, out, err = _captured(lambda: fastpath.run(["search", "Kuril", "--color", "sometimes"]))
    assert (code, out, err) == (2, "", "newsgrep: error: --color 'sometimes' is not valid; use auto, always or never\n")


def test_version_without_typer_is_typers_version():
    assert _captured(lambda: fastpath.run(["--version"])) == _captured(lambda: cli.run(["--version"]))
    assert _captured(lambda: fastpath.run(["--version"])) == (0, "newsgrep 0.1.0\n", "")
    assert fastpath.run(["--version", "search"]) is None  # anything more: Typer decides


def test_fastpath_declines_other_commands():
    assert fastpath.run(["show", JAN]) is None
    assert fastpath.run(["search", "--help"]) is None
    assert fastpath.run([]) is None


def test_one_shot_search_imports_neither_typer_nor_rich(in_seeds):
    code = (
        "import sys\n"
        "sys.argv = ['newsgrep', 'search', 'Kuril', '--json']\n"
        "from newsgrep.cli import launch\n"
        "try:\n"
        "    launch.main()\n"
        "except SystemExit as stop:\n"
        "    heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich'))\n"
        "    print(stop.code, heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, "NEWSGREP_NO_SERVER": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=in_seeds)
    assert done.stderr == "0 []\n"
    assert f'"id": "{FEB}"' in done.stdout or f'"id": "{JAN}"' in done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["search", "Japan"],  # the fast path, plain text
        ["search", "Japan", "--json"],
        ["search", "Japan", "--limit=5"],  # Typer's path: its own EPIPE handler said exit 1
        ["search", "Japan", "--color", "always"],  # Rich: its own handler said exit 1 too
        ["search", "Japan", "--facet", "source"],
        ["stats"],
        ["--version"],
        ["--version", "--version"],  # Typer's path for --version
    ],
)
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_reader_leaving_early_exits_0_on_every_path(in_seeds, args, unbuffered):
    """Regression: `newsgrep ... | head` exited 0, 1 or 1 depending on the path taken; 1 means "no hits".
    And with stdout buffered (as it is, into a pipe), 120 and a BrokenPipeError from Python's shutdown."""
    read, write = os.pipe()
    os.close(read)  # the reader has left before the first byte
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    env.update({"NEWSGREP_NO_SERVER": "1", **({"PYTHONUNBUFFERED": "1"} if unbuffered else {})})
    try:
        done = subprocess.run(
            [sys.executable, "-m", "newsgrep", *args], stdout=write, stderr=subprocess.PIPE, env=env, cwd=in_seeds
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, b"")


def test_ctrl_c_while_printing_is_silent_130_on_both_paths(in_seeds, monkeypatch):
    """Regression: the fast path said "newsgrep: interrupted" where Typer's path said nothing."""
    from newsgrep.output import stdio as output

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "write_json", interrupted)
    assert _captured(lambda: fastpath.run(["search", "Kuril", "--json"])) == (130, "", "")
    assert _captured(lambda: cli.run(["search", "Kuril", "--json", "--limit=5"])) == (130, "", "")


def test_ctrl_c_while_searching_leaves_one_line_and_2_on_both_paths(in_seeds, monkeypatch):
    from newsgrep.cli import commands

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "open_index", interrupted)
    expected = (2, "", "newsgrep: error: interrupted; the index is as it was before this run\n")
    assert _captured(lambda: fastpath.run(["search", "Kuril"])) == expected
    assert _captured(lambda: cli.run(["search", "Kuril", "--limit=5"])) == expected


@pytest.mark.skipif(not hasattr(sys, "get_int_max_str_digits"), reason="no digit limit before Python 3.10.7")
def test_limit_past_pythons_int_digit_limit_goes_to_click(in_seeds):
    """Regression: 4301 digits made int() raise ValueError and the fast path print a traceback."""
    huge = "9" * 4301
    assert fastpath.parse_search(["Kuril", "--limit", huge]) is None
    code, out, err = _captured(lambda: cli.run(["search", "Kuril", "--limit", huge]))
    assert (code, out) == (2, "")
    assert err.startswith("newsgrep: error: Invalid value for '--limit' / '-n': '9999")
    assert err.endswith("' is not a valid int. (see `newsgrep search --help`)\n")


def test_shell_completion_request_is_left_to_typer(workdir, monkeypatch):
    """Regression: with _NEWSGREP_COMPLETE set the fast path ran a search where Typer answers the shell."""
    import socket

    from newsgrep.cli import launch
    from newsgrep.cli.client import socket_path

    def never(*_args):
        raise AssertionError("a completion request went to the server")

    path = socket_path("index")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listening.bind(path)  # a server's socket is there: only the variable keeps us off it
    monkeypatch.setattr(launch, "_ask", never)
    monkeypatch.delenv("NEWSGREP_NO_SERVER", raising=False)
    monkeypatch.setenv("_NEWSGREP_COMPLETE", "complete_bash")
    try:
        assert fastpath.run(["search", "Kuril"]) is None
        assert launch.forward(["search", "Kuril"]) is None
    finally:
        listening.close()
    monkeypatch.delenv("_NEWSGREP_COMPLETE")
    with pytest.raises(AssertionError, match="went to the server"):
        launch.forward(["search", "Kuril"])  # the same call without the variable does ask


@pytest.mark.parametrize(
    "args", [["--version"], ["--version", "--version"], ["search", "Kuril"], ["search", "Kuril", "--json"], ["stats"]]
)
def test_stdout_closed_is_one_line_and_2_as_greps_write_error(in_seeds, args):
    """Regression: with stdout closed (`>&-`) Python's sys.stdout is None, and writing results raised
    AttributeError: "internal error ...; please report it"."""
    env = {**os.environ, "NEWSGREP_NO_SERVER": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "newsgrep", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=in_seeds,
        preexec_fn=lambda: os.close(1),
    )
    message = b"newsgrep: error: cannot write to standard output: it is closed; redirect it instead (> /dev/null)\n"
    assert (done.returncode, done.stderr) == (2, message)


def test_stdout_closed_is_no_error_for_a_command_that_prints_nothing(workdir):
    env = {**os.environ, "NEWSGREP_NO_SERVER": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "newsgrep", "index", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=workdir,
        preexec_fn=lambda: os.close(1),
    )
    assert (done.returncode, done.stderr) == (0, b"")
