"""Shell completion for bash, zsh and fish (issue 15, point 16): scripts, installation, and
completion requests that reach Typer through the launcher."""

from __future__ import annotations

import contextlib
import io
import sys

import pytest

from newsgrep.cli import app as cli

FIRST_AND_LAST = {
    "bash": ("_newsgrep_completion() {", "complete -o default -F _newsgrep_completion newsgrep"),
    "zsh": ("#compdef newsgrep", "compdef _newsgrep_completion newsgrep"),
    "fish": (
        'complete --command newsgrep --no-files --arguments "(env _NEWSGREP_COMPLETE=complete_fish'
        ' _TYPER_COMPLETE_FISH_ACTION=get-args _TYPER_COMPLETE_ARGS=(commandline -cp) newsgrep)"'
        ' --condition "env _NEWSGREP_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=is-args'
        ' _TYPER_COMPLETE_ARGS=(commandline -cp) newsgrep"',
    )
    * 2,
}


def captured(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.run(argv)
        except SystemExit as exit_:
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script_for_the_shell_named(run, shell):
    result = run("--show-completion", shell)
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert (lines[0], lines[-1]) == FIRST_AND_LAST[shell]
    assert f"_NEWSGREP_COMPLETE=complete_{shell}" in result.stdout


def test_show_completion_of_an_unknown_shell_is_an_error(run):
    result = run("--show-completion", "tcsh")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == "newsgrep: error: --show-completion: 'tcsh' is not a shell newsgrep completes; use bash, zsh or fish\n"
    )


def test_bare_show_completion_is_for_the_shell_running_newsgrep(monkeypatch):
    import typer._completion_shared as shared

    monkeypatch.setattr(shared, "_get_shell_name", lambda: "zsh")
    code, out, err = captured(["--show-completion"])
    assert (code, out.splitlines()[0], err) == (0, "#compdef newsgrep", "")
    monkeypatch.setattr(shared, "_get_shell_name", lambda: "sh")
    assert captured(["--show-completion"]) == (
        2,
        "",
        "newsgrep: error: --show-completion: cannot tell which shell this is (sh); "
        "name it, as in `newsgrep --show-completion bash`\n",
    )


def test_install_completion_writes_the_shells_own_files(run, tmp_path):
    result = run("--install-completion", "bash", env={"HOME": str(tmp_path)})
    script = tmp_path / ".bash_completions" / "newsgrep.sh"
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"newsgrep: bash completion installed in {script}; it takes effect in a new shell\n"
    assert script.read_text().splitlines()[-1] == FIRST_AND_LAST["bash"][1]
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text().splitlines()
    fish = run("--install-completion", "fish", env={"HOME": str(tmp_path)})
    assert fish.exit_code == 0
    assert (
        (tmp_path / ".config" / "fish" / "completions" / "newsgrep.fish")
        .read_text()
        .startswith("complete --command newsgrep")
    )


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        (
            {"_NEWSGREP_COMPLETE": "complete_bash", "COMP_WORDS": "newsgrep search Kuril --sp", "COMP_CWORD": "3"},
            "--speaker\n",
        ),
        (
            {"_NEWSGREP_COMPLETE": "complete_bash", "COMP_WORDS": "newsgrep search Kuril --sort ", "COMP_CWORD": "4"},
            "relevance\ndate\n-date\n",
        ),
        (
            {"_NEWSGREP_COMPLETE": "complete_bash", "COMP_WORDS": "newsgrep timeline x --by w", "COMP_CWORD": "4"},
            "week\n",
        ),
        (
            {"_NEWSGREP_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "newsgrep sh"},
            """_arguments '*: :(("show":"Print one whole article, with its repaired..."))'\n""",
        ),
        (
            {
                "_NEWSGREP_COMPLETE": "complete_fish",
                "_TYPER_COMPLETE_ARGS": "newsgrep se",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            },
            "search\tSearch the articles; exit 0 with hits, 1...\nserve\tKeep the index open and answer `newsgrep...\n",
        ),
    ],
)
def test_a_completion_request_reaches_typer_through_the_launcher(workdir, monkeypatch, ask, answer):
    """The launcher, the fast path and the server leave _NEWSGREP_COMPLETE to Typer, and Typer's
    completer answers in the format of the script it printed (the shell runs `newsgrep` with no arguments)."""
    from newsgrep.cli import launch

    monkeypatch.setattr(sys, "argv", ["newsgrep"])
    monkeypatch.setenv("NEWSGREP_NO_SERVER", "1")
    for name, value in ask.items():
        monkeypatch.setenv(name, value)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exit_:
        launch.main()
    assert (exit_.value.code, out.getvalue(), err.getvalue()) == (0, answer, "")
