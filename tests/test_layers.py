"""The package's import graph, read with ``ast``: data flows one way, and nothing imports in a circle.

Every import counts, at module level or inside a function: a lazy import is
still a dependency, and a circle through one still means neither module can
be read (or tested) without the other.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsgrep"

# Stage -> the stages it may import. Lower stages never import higher ones.
BASE = {"models", "errors"}
ALLOWED = {
    "models": set(),
    "errors": set(),
    "ingest": BASE,
    "attribution": BASE | {"ingest"},
    "index": BASE | {"ingest", "attribution"},
    "query": BASE | {"ingest", "attribution", "index"},
    "api": BASE | {"ingest", "attribution", "index", "query"},
    "output": BASE | {"ingest", "query"},  # text hygiene, and the snippet width plain and Rich output share
    "cli": BASE | {"ingest", "attribution", "index", "query", "api", "output", "__init__"},
    "__init__": {"api"},
    "__main__": {"cli"},
}


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, path: Path, node: ast.ImportFrom) -> list[str]:
    """The newsgrep modules an ``ImportFrom`` names: ``from ..output import stdio`` is newsgrep.output.stdio."""
    if node.level:
        package = importer.split(".") if path.name == "__init__.py" else importer.split(".")[:-1]
        base = package[: len(package) - node.level + 1]
        module = ".".join(base + ([node.module] if node.module else []))
    else:
        module = node.module or ""
    if module.split(".")[0] != "newsgrep":
        return []
    found = [f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in MODULES]
    return found or [module]


@functools.cache
def tree(name: str) -> ast.Module:
    """Module ``name`` parsed once for all the tests here (each walked every module: 3.5 s in all)."""
    path = MODULES[name]
    return ast.parse(path.read_text(), str(path))


@functools.cache
def imports(name: str) -> list[tuple[str, int]]:
    """(imported module, line) for every import in module ``name``, lazy ones included."""
    path = MODULES[name]
    found = []
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.ImportFrom):
            found += [(target, node.lineno) for target in _resolve(name, path, node)]
        elif isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
    return found


def stage(module: str) -> str:
    """``newsgrep.query.search`` -> ``query``; ``newsgrep.models`` -> ``models``; ``newsgrep`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_belongs_to_a_known_stage():
    assert sorted({stage(m) for m in MODULES} - set(ALLOWED)) == []


def test_no_module_imports_a_higher_stage():
    upward = []
    for name in MODULES:
        for target, line in imports(name):
            crosses = target.split(".")[0] == "newsgrep" and stage(target) != stage(name)
            if crosses and stage(target) not in ALLOWED[stage(name)]:
                upward.append(f"{MODULES[name].relative_to(PACKAGE.parent)}:{line}: {name} imports {target}")
    assert upward == []


@pytest.mark.parametrize(
    ("library", "owners"),
    [("typer", {"cli"}), ("click", {"cli"}), ("rich", {"output.terminal"})],
)
def test_third_party_libraries_stay_in_their_layer(library, owners):
    """Typer only in cli/, Rich only in output/terminal.py."""
    found = sorted(
        f"{name}:{line}"
        for name in MODULES
        for target, line in imports(name)
        if target.split(".")[0] == library and not any(name.startswith(f"newsgrep.{o}") for o in owners)
    )
    assert found == []


def test_sub_packages_import_nothing_when_imported():
    """A stage's ``__init__`` is a docstring: importing newsgrep.query.engine must not load the rest of query/."""
    heavy = [name for name in MODULES if MODULES[name].name == "__init__.py" and name != "newsgrep" and imports(name)]
    assert heavy == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One circle in ``graph`` (as a path that returns to its start), or [] when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_circle_among_modules():
    graph = {name: {t for t, _ in imports(name) if t in MODULES and t != name} for name in MODULES}
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_a_circle_through_a_lazy_import():
    """The check above can fail: a circle of three is reported as the path round it."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_the_import_reader_sees_imports_inside_functions():
    lazy = [t for t, _ in imports("newsgrep.cli.launch")]
    assert "newsgrep.cli.fastpath" in lazy and "newsgrep.cli.app" in lazy  # both imported inside main()


def test_no_class_is_longer_than_300_lines():
    """Classes of one job each: a class past 300 lines is doing several (issue 12)."""
    long = [
        f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for name in MODULES
        for node in ast.walk(tree(name))
        if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 300
    ]
    assert long == []


def test_at_most_eight_modules_at_the_top_of_the_package():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
