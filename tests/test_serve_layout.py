"""The serve package's layering (issue 14): no import cycle, errors and parameters in
modules that import nothing from serve/, and no module using another's private names.
Reads the source with ``ast`` (every import, also inside functions); needs no FastAPI."""

from __future__ import annotations

import ast
from pathlib import Path

SERVE = Path(__file__).resolve().parents[1] / "src" / "tidings" / "serve"


def _imports(path: Path) -> tuple[set[str], list[str]]:
    """(serve modules imported anywhere in the file, private names used from them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    mods: set[str] = set()
    private: list[str] = []
    aliases: dict[str, str] = {}  # local name -> serve module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 1 or base.startswith("tidings.serve"):
                sub = base.removeprefix("tidings.serve").lstrip(".") if node.level == 0 else base
                if sub:
                    mods.add(sub.split(".")[0])
                    private += [f"{sub}.{a.name}" for a in node.names if a.name.startswith("_")]
                else:  # from . import x
                    for a in node.names:
                        mods.add(a.name)
                        aliases[a.asname or a.name] = a.name
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("tidings.serve."):
                    mods.add(a.name.split(".")[2])
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in aliases and node.attr.startswith("_"):
            private.append(f"{aliases[node.value.id]}.{node.attr}")
    return mods - {"__init__"}, private


def _graph() -> dict[str, set[str]]:
    return {p.stem: _imports(p)[0] for p in SERVE.glob("*.py") if p.stem != "__init__"}


def test_serve_layout_imports_have_no_cycle() -> None:
    graph = _graph()
    assert {"api", "app", "pages", "errors", "params", "access", "data"} <= set(graph)
    done: set[str] = set()

    def visit(mod: str, path: tuple[str, ...]) -> None:
        assert mod not in path, "import cycle: " + " -> ".join(path + (mod,))
        if mod in done:
            return
        for dep in sorted(graph.get(mod, ())):
            visit(dep, path + (mod,))
        done.add(mod)

    for mod in sorted(graph):
        visit(mod, ())
    assert "app" not in graph["api"] | graph["pages"]   # the old api <-> app <-> pages cycle
    assert "api" not in graph["pages"]


def test_serve_layout_errors_and_params_import_nothing_from_serve() -> None:
    graph = _graph()
    assert graph["errors"] == set() and graph["params"] == set() and graph["guard"] == set()


def test_serve_layout_no_private_names_across_modules() -> None:
    used = {p.stem: _imports(p)[1] for p in SERVE.glob("*.py")}
    assert {m: names for m, names in used.items() if names} == {}


def test_serve_layout_the_checker_sees_cycles_and_private_names(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from . import b\nx = b._hidden\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("def f():\n    from .d import _y, z\n", encoding="utf-8")
    assert _imports(tmp_path / "a.py") == ({"b"}, ["b._hidden"])
    assert _imports(tmp_path / "c.py") == ({"d"}, ["d._y"])
