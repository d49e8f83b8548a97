"""The layout a newcomer reads: the core is the package src/gids, hooks/
holds only the MkDocs adapter, no module imports one that imports it back,
nothing reaches the core through PYTHONPATH or edits of sys.path, and the
tests of module X are in tests/unit/test_X.py."""

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


def test_every_module_has_its_tests() -> None:
    """The tests of module X are in tests/unit/test_X.py. A module without
    such a file is named here with the test files that cover it, and why
    there; a module leaves this list once it has a file of its own."""
    validate = "tests/unit/test_validate.py"
    elsewhere: dict[str, tuple[tuple[str, ...], str]] = {
        # Parts of load_guide: each rule they check is a case of the one
        # rule table RULES, checked through load_guide.
        "body": ((validate,), "read for every body; RULES cases of headings, sections and links"),
        "changelog": ((validate,), "RULES cases release-*, removal-* and changelog-missing"),
        "contract": ((validate,), "RULES cases of ids, tensions, domains and sections"),
        "links": ((validate,), "RULES cases link-*, reference-link and docs-page-link*"),
        "plainyaml": ((validate,), "RULES cases yaml-*, front-matter-* and duplicate-key; the loader-never-raises tests"),
        "references": ((validate,), "RULES cases principle-* and alias-*"),
        "schema": ((validate, "tests/unit/test_contributor_docs.py"), "declarations: the RULES cases, and the docs generated from them"),
        "sections": ((validate, "tests/unit/test_safety.py"), "RULES cases section-*, body-*; safety findings named by section"),
        "triangle": ((validate,), "RULES cases tension-page-* and triangle-corners"),
        "values": ((validate,), "RULES cases of each value type: text, whole number, list, version, date"),
        # The commands, run as people run them.
        "check": (("tests/e2e/test_editing.py", "tests/e2e/test_release_atomic.py"), "make check and python -m gids.check"),
        "cli": (("tests/e2e/test_editing.py", "tests/e2e/test_release_atomic.py"), "make check and make release run gids check and gids release"),
        "history_check": (("tests/e2e/test_check_history.py",), "make check-history on a real git repository"),
        "publish": (("tests/e2e/test_publish.py", "tests/e2e/test_versions.py"), "make site-all-versions on a real git repository"),
        # Needed by a build or by publish; exercised there.
        "forge": (("tests/e2e/test_editing.py",), "the edit and propose links of a built site, GitLab and GitHub"),
        "gitrepo": (("tests/e2e/test_git_dates.py",), "the dates of a build from git, with and without history"),
        "opendata": (("tests/e2e/test_open_data.py",), "/gids.json of a built site against its JSON Schema"),
        "site_folder": (("tests/e2e/test_publish.py",), "the folders publish refuses, and the old site kept until the new one is in"),
        "signals": (
            ("tests/e2e/test_publish.py", "tests/e2e/test_release_atomic.py"),
            "held around every swap of files by publish and release; no test sends a signal inside it",
        ),
    }
    unit = ROOT / "tests" / "unit"
    assert set(elsewhere) <= MODULES, f"not modules of src/gids: {sorted(set(elsewhere) - MODULES)}"
    for module, (files, why) in elsewhere.items():
        assert files and why, module
        assert not (unit / f"test_{module}.py").exists(), f"{module} has tests/unit/test_{module}.py: take it off the list"
        missing_files = [name for name in files if not (ROOT / name).is_file()]
        assert not missing_files, f"{module}: no such test file {missing_files}"
    without = sorted(m for m in MODULES - set(elsewhere) if not (unit / f"test_{m}.py").is_file())
    assert not without, "modules without tests/unit/test_<module>.py: " + ", ".join(without)
