"""The layout a newcomer reads: the core is the package src/gids, hooks/
holds only the MkDocs adapter, no module imports one that imports it back,
and nothing reaches the core through PYTHONPATH or edits of sys.path."""

from __future__ import annotations

import ast
import subprocess

from tests.helpers import ROOT

PACKAGE = ROOT / "src" / "gids"


def _imports(module: str) -> set[str]:
    """The modules of the package that ``module`` imports."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found.update(alias.name for alias in node.names)
            elif node.module and node.module.startswith("gids."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("gids."))
    return found & MODULES


MODULES = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {module: _imports(module) for module in MODULES}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for imported in sorted(graph[module]):
            if imported in path:
                cycles.append(" -> ".join(path[path.index(imported) :] + [imported]))
            else:
                visit(imported, [*path, imported])

    for module in sorted(MODULES):
        visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(sorted(set(cycles)))


def test_hooks_holds_only_the_adapter() -> None:
    assert sorted(p.name for p in (ROOT / "hooks").iterdir() if p.name != "__pycache__") == ["mkdocs_adapter.py"]


def test_nothing_edits_the_import_path() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    offenders = []
    for name in tracked:
        if name.endswith((".py", "Makefile", ".yml", ".toml", ".cfg", "run")) and (ROOT / name).is_file():
            text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
            if name == "tests/unit/test_structure.py":
                continue
            if "PYTHONPATH" in text or "sys.path.insert" in text or "sys.path.append" in text:
                offenders.append(name)
    assert offenders == []
