"""`newsgrep serve`: the warm path answers like a one-shot search, and is never stale."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES

from newsgrep.cli.client import NoServer, request, socket_path


@pytest.fixture
def server(workdir, run):
    assert run("index").exit_code == 0
    proc = subprocess.Popen([sys.executable, "-m", "newsgrep", "serve"], cwd=workdir, stderr=subprocess.PIPE, text=True)
    path = socket_path("index")
    for _ in range(200):
        if os.path.exists(path):
            break
        time.sleep(0.05)
    assert proc.stderr.readline() == f"newsgrep: serving index on {path}\n"
    yield proc
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=10)


@pytest.fixture(scope="module")
def _shared_server(tmp_path_factory, seed_index):
    """One server, started once, for the tests that only read through it: most of this file.

    A server costs about half a second of CPU to start and stop; the tests that stop
    it or change its index have one of their own (``server``).
    """
    work = tmp_path_factory.mktemp("served")
    shutil.copytree(seed_index, work, dirs_exist_ok=True)  # the session's index of the seeds, a copy of its own
    proc = subprocess.Popen([sys.executable, "-m", "newsgrep", "serve"], cwd=work, stderr=subprocess.PIPE, text=True)
    path = socket_path(str(work / "index"))
    for _ in range(200):
        if os.path.exists(path):
            break
        time.sleep(0.05)
    assert proc.stderr.readline() == f"newsgrep: serving index on {path}\n"
    yield work, proc
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=10)


@pytest.fixture
def served(_shared_server, monkeypatch):
    """The shared server, still serving after the tests before, run from its work dir (as ``server``)."""
    work, proc = _shared_server
    monkeypatch.chdir(work)
    monkeypatch.delenv("NEWSGREP_INDEX", raising=False)
    monkeypatch.delenv("NEWSGREP_SEEDS", raising=False)
    assert proc.poll() is None
    return proc


@pytest.fixture
def served_dir(served) -> Path:
    return Path.cwd()


def ask(query: str, **extra) -> dict:
    answer = request("index", {"cmd": "search", "query": query, **extra})
    assert answer["ok"], answer
    return answer["result"]


def test_server_answers_like_a_one_shot_search(server, run):
    warm = run("search", "Kuril", "--json").stdout
    assert ask("Kuril")["total"] == 1
    server.send_signal(signal.SIGTERM)
    server.communicate(timeout=10)
    assert not os.path.exists(socket_path("index"))
    with pytest.raises(NoServer):
        request("index", {"cmd": "search", "query": "Kuril"})
    assert run("search", "Kuril", "--json").stdout == warm  # the one-shot path gives the same JSON


def test_server_is_never_stale_even_after_a_deletion_only_commit(server, run, workdir):
    # Regression: Searcher.refresh() reused segment readers and missed deletions.
    assert ask("grain")["total"] == 0
    shutil.copy(FIXTURES / "multi.txt", workdir / "seeds" / "multi.txt")
    assert run("index").exit_code == 0
    assert ask("grain")["total"] == 1  # the commit is seen at once
    assert run("index", "--rebuild").exit_code == 0
    assert ask("grain")["total"] == 1  # and so is a new generation
    (workdir / "seeds" / "multi.txt").unlink()
    run("index")
    assert json.loads(run("search", "grain", "--json").stdout)["total"] == 0


def test_server_errors_are_one_line(served, run):
    result = run("search", "Japan", "--sort", "size")
    assert (result.exit_code, result.stderr) == (
        2,
        "newsgrep: error: --sort 'size' is not a sort order; use one of: relevance, date, -date\n",
    )
    assert request("index", {"cmd": "nope"}) == {"ok": False, "error": "unknown request 'nope'"}


# --- the `newsgrep` entry point hands read-only commands to the server ---------------------

from conftest import ENV, JAN  # noqa: E402

from newsgrep.cli import launch  # noqa: E402


@pytest.fixture
def forward(monkeypatch, capsys):
    """``launch.forward`` as the console script calls it, with the suite's fixed terminal."""

    def call(*argv: str, tty: bool = False, env: dict | None = None):
        for key, value in {**ENV, **(env or {})}.items():
            if value is None:
                monkeypatch.delenv(key, raising=False)
            else:
                monkeypatch.setenv(key, value)
        monkeypatch.setattr(launch, "_isatty", lambda stream: tty)
        capsys.readouterr()
        code = launch.forward(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


FORWARDED_LINES = [
    ("search", "Kuril"),
    ("search", "Kuril", "--json"),
    ("search", "lavorv"),
    ("search", "Japan", "--sort", "size"),
    ("search", "treaty", "--from", "2019-02", "--jsonl"),
    ("quotes", "--speaker", "Lavrov", "--limit", "2"),
    ("speakers", "--json"),
    ("timeline", "Lavrov", "--by", "month"),
    ("show", JAN, "--json"),
    ("similar", JAN, "--json"),
    ("export", "Kuril"),
    ("stats", "--json"),
    ("search", "Kuril", "--index", "elsewhere", "--index", "index"),
]


@pytest.mark.parametrize("argv", FORWARDED_LINES, ids=" ".join)
def test_a_forwarded_command_prints_and_exits_exactly_as_a_local_one(served, run, forward, argv):
    code, out, err = forward(*argv)
    local = run(*argv)
    assert code is not None  # the server answered
    assert (code, out, err) == (local.exit_code, local.stdout, local.stderr)


def test_forwarded_search_exit_codes_and_messages(served, forward):
    assert forward("search", "Kuril", "--json")[0] == 0
    assert forward("search", "lavorv") == (1, "", "newsgrep: did you mean: lavrov?\n")
    assert forward("search", "Japan", "--sort", "size") == (
        2,
        "",
        "newsgrep: error: --sort 'size' is not a sort order; use one of: relevance, date, -date\n",
    )
    assert forward("search", "Japan", "--bogus") == (
        2,
        "",
        "newsgrep: error: No such option: --bogus (see `newsgrep search --help`)\n",
    )


def test_a_forwarded_command_gets_the_clients_terminal(served, forward):
    _code, piped, _err = forward("search", "Kuril", "--color", "auto")
    _code, shown, _err = forward("search", "Kuril", tty=True, env={"COLUMNS": "60"})
    assert "\x1b[" not in piped
    assert "\x1b[" in shown  # highlighted, because the client's stdout is a terminal
    widths = [len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in shown.splitlines()]
    assert max(widths) == 60  # wrapped for the client's 60 columns, not the server's


def test_a_forwarded_command_runs_in_the_clients_directory(served, forward, served_dir):
    (served_dir / "sub").mkdir(exist_ok=True)
    os.chdir(served_dir / "sub")
    code, out, _err = forward("search", "Kuril", "--index", "../index", "--json")
    assert (code, json.loads(out)["total"]) == (0, 1)
    code, out, _err = forward("search", "Kuril", "--json", env={"NEWSGREP_INDEX": str(served_dir / "index")})
    assert (code, json.loads(out)["total"]) == (0, 1)
    # ./index from here is another (missing) index: not the server's, so not forwarded
    assert forward("search", "Kuril", env={"NEWSGREP_INDEX": None})[0] is None


def test_forwarded_searches_are_never_stale(server, run, forward, workdir):
    assert forward("search", "grain", "--json")[0] == 1
    shutil.copy(FIXTURES / "multi.txt", workdir / "seeds" / "multi.txt")
    assert run("index").exit_code == 0
    code, out, _err = forward("search", "grain", "--json")
    assert (code, json.loads(out)["total"]) == (0, 1)


def test_nothing_is_forwarded_without_a_server_or_when_asked_not_to(workdir, run, forward):
    assert run("index").exit_code == 0
    assert forward("search", "Kuril") == (None, "", "")  # no server: the caller runs it here


def test_index_help_and_opt_out_are_never_forwarded(served, forward):
    assert forward("index")[0] is None
    assert forward("search", "--help")[0] is None
    assert forward("search", "Kuril", env={"NEWSGREP_NO_SERVER": "1"})[0] is None


def test_console_script_uses_the_server_and_falls_back_without_it(served, served_dir):
    argv = [sys.executable, "-m", "newsgrep", "search", "Kuril", "--json"]
    warm = subprocess.run(argv, cwd=served_dir, capture_output=True, text=True)
    cold = subprocess.run(
        argv, cwd=served_dir, capture_output=True, text=True, env={**os.environ, "NEWSGREP_NO_SERVER": "1"}
    )
    assert (warm.returncode, warm.stderr) == (0, "")
    assert (warm.stdout, warm.returncode) == (cold.stdout, cold.returncode)


def test_a_server_that_stops_answering_is_one_line_and_exit_2(workdir, run, monkeypatch, capsys):
    import socket

    assert run("index").exit_code == 0
    mute = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mute.bind(socket_path("index"))
    mute.listen(1)  # accepts (the kernel does) and never answers
    monkeypatch.setattr(launch, "TIMEOUT", 0.2)
    monkeypatch.setattr(sys, "argv", ["newsgrep", "search", "Kuril"])
    try:
        with pytest.raises(SystemExit) as exit_:
            launch.main()
    finally:
        mute.close()
    out = capsys.readouterr()
    path = socket_path("index")
    assert (exit_.value.code, out.out) == (2, "")
    assert out.err == (
        f"newsgrep: error: the newsgrep server on {path} did not answer (TimeoutError); "
        "restart `newsgrep serve`, or stop it to search without it\n"
    )


def test_garbage_in_either_framing_gets_an_error_and_the_server_carries_on(served, forward):
    import marshal
    import socket

    for raw in (
        b"M" + (5).to_bytes(8, "big") + b"\x00\xff\x01\x02\x03",
        b"M" + (1 << 40).to_bytes(8, "big"),
        b"{nope\n",
    ):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(socket_path("index"))
            sock.sendall(raw)
            sock.shutdown(socket.SHUT_WR)
            reply = b"".join(iter(lambda s=sock: s.recv(65536), b""))
        if raw.startswith(b"M"):
            assert reply[:1] == b"M"
            assert marshal.loads(reply[9:]) == {"ok": False, "error": "bad request"}
        else:
            assert json.loads(reply) == {"ok": False, "error": "bad request (not JSON)"}
    assert forward("search", "Kuril", "--json")[0] == 0  # still serving


def test_blank_lines_before_a_request_get_their_error_reply_not_a_reset(served, forward):
    """Regression (issue 16 re-run): a frame of blank lines was answered, then closed with bytes unread,
    so the client got a connection reset instead of the error reply."""
    import socket

    for raw in (b"\n\n", b"\n\n\n\n" + b"x" * 1000 + b"\n"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(socket_path("index"))
            sock.sendall(raw)
            sock.shutdown(socket.SHUT_WR)
            reply = b"".join(iter(lambda s=sock: s.recv(65536), b""))
        assert json.loads(reply) == {"ok": False, "error": "bad request (not JSON)"}
    assert forward("search", "Kuril", "--json")[0] == 0  # still serving


def test_the_server_runs_only_read_only_commands(served, served_dir):
    from newsgrep.cli.launch import _ask

    base = {"cmd": "run", "cwd": str(served_dir), "env": dict(os.environ), "tty": False}
    for argv in (["index", "--rebuild"], ["serve"], []):
        answer = _ask(socket_path("index"), {**base, "argv": argv})
        assert answer == {"ok": False, "error": f"not a command the server runs: {argv[:1]}"}
    assert _ask(socket_path("index"), {**base, "argv": ["search", "Kuril", "--json"]})["code"] == 0


def test_forwarded_output_keeps_the_order_of_stdout_and_stderr(served, forward, capsys, monkeypatch):
    # Regression: stderr was written before stdout, so `2>&1` put "did you mean" first.
    import io

    merged = io.StringIO()
    monkeypatch.setattr(sys, "stdout", merged)
    monkeypatch.setattr(sys, "stderr", merged)
    monkeypatch.setattr(launch, "_isatty", lambda stream: False)
    assert launch.forward(["search", "lavorv", "--json"]) == 1
    lines = merged.getvalue().splitlines()
    assert json.loads(lines[0])["suggestion"] == "lavrov"
    assert lines[1:] == ["newsgrep: did you mean: lavrov?"]


def test_a_dumb_terminal_gets_80_columns_through_the_server_too(served, forward, monkeypatch):
    # Regression: the launcher set COLUMNS from the terminal, so Rich skipped its dumb-terminal width.
    monkeypatch.setattr(launch, "_terminal_size", lambda: [120, 40])

    def widest(**env) -> int:
        _code, shown, _err = forward("search", "Kuril", tty=True, env={"COLUMNS": None, "LINES": None, **env})
        return max(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in shown.splitlines())

    assert 70 < widest(TERM="dumb") <= 80  # Rich's width for a dumb terminal, as in a local run
    assert 110 < widest() <= 120  # the client's 120 columns, not the server's


def test_a_second_index_option_is_run_where_click_sends_it(served, forward):
    # Regression: the launcher took the first --index, Click the last; the server then built that index itself.
    assert forward("search", "Kuril", "--index", "index", "--index", "nope") == (None, "", "")
    assert not os.path.exists("nope")


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to give the socket to another user")
def test_a_socket_of_another_user_is_never_sent_anything(workdir, run, forward):
    import socket

    assert run("index").exit_code == 0
    trap = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    trap.bind(socket_path("index"))
    trap.listen(1)
    trap.settimeout(0.2)
    os.chown(socket_path("index"), 12345, 12345)
    try:
        assert forward("search", "Kuril") == (None, "", "")
        with pytest.raises(TimeoutError):
            trap.accept()  # nobody connected
    finally:
        trap.close()


def test_a_completion_request_or_an_exit_never_stops_the_server(served, served_dir, monkeypatch):
    """Regression: Typer answers _NEWSGREP_COMPLETE with sys.exit, which went past the server's handler."""
    from newsgrep.cli.launch import _ask

    base = {"cmd": "run", "cwd": str(served_dir), "tty": False, "argv": ["search", "Kuril", "--json"]}
    env = {**os.environ, "_NEWSGREP_COMPLETE": "complete_bash"}
    answer = _ask(socket_path("index"), {**base, "env": env})
    assert answer == {"ok": False, "error": "a shell completion request"}
    assert _ask(socket_path("index"), {**base, "env": dict(os.environ)})["code"] == 0  # still serving


def test_ctrl_c_while_the_server_searches_is_the_local_searchs_line_and_2(workdir, run, monkeypatch, capsys):
    import socket

    def interrupted(*_args):
        raise KeyboardInterrupt

    assert run("index").exit_code == 0
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listening.bind(socket_path("index"))
    monkeypatch.delenv("NEWSGREP_NO_SERVER", raising=False)
    monkeypatch.setattr(launch, "_ask", interrupted)
    try:
        code = launch.forward(["search", "Kuril"])
    finally:
        listening.close()
    assert (code, capsys.readouterr().err) == (
        2,
        "newsgrep: error: interrupted; the index is as it was before this run\n",
    )


def test_ctrl_c_while_importing_is_a_silent_130(workdir, monkeypatch, capsys):
    from newsgrep.cli import fastpath

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setenv("NEWSGREP_NO_SERVER", "1")
    monkeypatch.setattr(fastpath, "run", interrupted)
    monkeypatch.setattr(sys, "argv", ["newsgrep", "search", "Kuril"])
    with pytest.raises(SystemExit) as exit_:
        launch.main()
    assert (exit_.value.code, capsys.readouterr()) == (130, ("", ""))


# --- a server survives its clients (issue 16, points 8 and 9; issue 15, point 17) ----------------


_CODE = __import__("marshal").dumps(compile("1", "x", "eval"))


def _raw(data: bytes, *, close: bool = True) -> bytes:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(socket_path("index"))
        sock.sendall(data)
        if close:
            sock.shutdown(socket.SHUT_WR)
        sock.settimeout(10)
        return b"".join(iter(lambda: sock.recv(65536), b""))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("invalid UTF-8", b"\x80\n"),
        ("nested 100,000 deep", b"[" * 100_000 + b"\n"),
        ("a 5,000-digit number", b'{"cmd": "search", "limit": ' + b"9" * 5000 + b"}\n"),
        ("a JSON list", b"[1, 2]\n"),
        ("marshal nested deep", b"M" + (250_000).to_bytes(8, "big") + b"[\x01\x00\x00\x00" * 50_000),
        # found by scripts/stress.py: a list header claiming 2**31 - 1 items made marshal allocate gigabytes
        ("marshal list of 2**31 claimed", b"M" + (6).to_bytes(8, "big") + b"[\xff\xff\xff\x7fN"),
        ("marshal code object", b"M" + len(_CODE).to_bytes(8, "big") + _CODE),
    ],
)
def test_one_bad_request_gets_an_error_and_the_server_goes_on(served, forward, name, data):
    """Regression: `\\x80\\n` killed the server with internal error (UnicodeDecodeError) and removed its socket."""
    reply = _raw(data)
    if data.startswith(b"M"):
        import marshal

        assert marshal.loads(reply[9:]) == {"ok": False, "error": "bad request"}
    else:
        assert json.loads(reply) == {
            "ok": False,
            "error": "bad request" if name == "a JSON list" else "bad request (not JSON)",
        }
    assert served.poll() is None and os.path.exists(socket_path("index"))
    assert forward("search", "Kuril", "--json")[0] == 0


def test_a_huge_marshal_count_is_refused_before_anything_is_allocated_regression_stall():
    """Regression (scripts/stress.py): 18 garbage bytes made the server allocate gigabytes and stall every client."""
    import marshal
    import time

    from budget import budget

    from newsgrep.cli.server import _plain_marshal

    request = {"cmd": "run", "argv": ["search", "oil\udcff"], "env": {"A": "b"}, "tty": False, "size": [80, 24]}
    assert _plain_marshal(marshal.dumps(request)) is True
    assert _plain_marshal(marshal.dumps([10**30, -(10**30), 1.5, ("a", 1), {"s"}, b"x", None])) is True
    for garbage in (
        b"[\xff\xff\xff\x7fN",
        b"(\x40\x42\x0f\x00",
        b"l\x40\x42\x0f\x00",
        b"[\xff\xff\xff\xffN",
        _CODE,
        b"?",
    ):
        assert _plain_marshal(garbage) is False
    limit = budget(0.05)
    started = time.perf_counter()
    assert _plain_marshal(b"[\xff\xff\xff\x7f" + b"N" * (1 << 20)) is False
    assert time.perf_counter() - started < limit


def test_output_with_a_lone_surrogate_is_answered(served, forward, served_dir):
    """Regression: argv `search oill\\udcff` made the JSON reply unencodable and killed the server."""
    answer = request("index", {"cmd": "search", "query": "oill\udcff"})
    assert (answer["ok"], answer["result"]["query"], answer["result"]["total"]) == (True, "oill\udcff", 0)
    assert served.poll() is None
    assert forward("search", "Kuril", "--json")[0] == 0


def test_a_slow_client_holds_up_nobody_else(served, forward):
    """Regression: one partial frame made the next search wait 9.8 s; five idle connections, 49.9 s."""
    import socket

    idle = []
    for _ in range(5):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(socket_path("index"))
        sock.sendall(b"M\x00\x00")  # a partial frame, then nothing
        idle.append(sock)
    try:
        started = time.monotonic()
        assert forward("search", "Kuril", "--json")[0] == 0
        assert time.monotonic() - started < 1.5
    finally:
        for sock in idle:
            sock.close()


def test_a_client_that_trickles_is_cut_off_at_the_deadline(served):
    import socket

    from newsgrep.cli.server import REQUEST_DEADLINE

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(socket_path("index"))
        started = time.monotonic()
        sock.settimeout(REQUEST_DEADLINE + 5)
        with pytest.raises((ConnectionResetError, BrokenPipeError)):  # noqa: PT012
            for _ in range(40):
                sock.sendall(b"{")  # a byte every 0.2 s: never a whole request
                time.sleep(0.2)
            assert sock.recv(1) == b""
            raise ConnectionResetError
        assert time.monotonic() - started < REQUEST_DEADLINE + 1.5


def test_a_second_server_on_the_same_index_is_refused(served, served_dir):
    """Regression: a second `newsgrep serve` took the socket over; when it stopped, the first was unreachable."""
    second = subprocess.run(
        [sys.executable, "-m", "newsgrep", "serve"], cwd=served_dir, capture_output=True, text=True, timeout=30
    )
    path = socket_path("index")
    assert (second.returncode, second.stderr) == (
        2,
        f"newsgrep: error: a newsgrep server already serves index on {path}; searches use it as they are, "
        "or stop it (Ctrl-C or SIGTERM) before starting another\n",
    )
    assert request("index", {"cmd": "search", "query": "Kuril"})["ok"] is True  # the first still answers


def test_served_output_is_joined_once_regression_quadratic_export():
    """Each write was added to a string held in a list, a copy of all output so far: `export` of
    Reuters (18,000 writes) took 90 s through the server. Writes are kept as pieces and joined once."""
    from newsgrep.cli.server import _Stream, joined

    chunks: list = []
    out, err = _Stream(1, False, chunks), _Stream(2, False, chunks)
    for text in ("a", "b", "c"):
        out.write(text)
    err.write("oops\n")
    out.write("d")
    assert chunks == [[1, ["a", "b", "c"]], [2, ["oops\n"]], [1, ["d"]]]
    assert joined(chunks) == [[1, "abc"], [2, "oops\n"], [1, "d"]]
