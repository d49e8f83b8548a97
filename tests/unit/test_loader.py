"""A large guide is read by two processes at once (hooks/gids/loader.py):
the same guide and the same problems as when one process reads it all, and a
failing second process costs time, never a result."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from gids import loader, second_process, validate
from gids.validate import load_guide

from helpers import ROOT, GuideTree

ALL_HERE = 10**9  # parallel_from: never a second process
ALWAYS = 2  # parallel_from: a second process for any guide of 2 files or more


def test_the_real_guide_reads_the_same_in_two_processes() -> None:
    alone, alone_problems = load_guide(ROOT, parallel_from=ALL_HERE)
    shared, shared_problems = load_guide(ROOT, parallel_from=ALWAYS)
    assert alone is not None and alone_problems == [] and shared_problems == []
    assert alone == shared
    assert len(shared.dilemmas) > 10


def _break(guide_tree: GuideTree) -> list[str]:
    """Problems in the first and the last file, so that both processes find some."""
    files = sorted(guide_tree.root.glob("principles/*.md")) + sorted(guide_tree.root.glob("dilemmas/*.md"))
    first, last = files[0], files[-1]
    guide_tree.replace(first.relative_to(guide_tree.root).as_posix(), "title:", "titel:")
    guide_tree.replace(last.relative_to(guide_tree.root).as_posix(), "## Gespreksvragen", "## Vragen")
    return [first.relative_to(guide_tree.root).as_posix(), last.relative_to(guide_tree.root).as_posix()]


def test_problems_found_by_the_second_process_are_reported_with_the_others(guide_tree: GuideTree) -> None:
    first, last = _break(guide_tree)
    guide, problems = load_guide(guide_tree.root, parallel_from=ALWAYS)
    assert guide is None
    assert {p.path for p in problems} >= {first, last}
    assert problems == load_guide(guide_tree.root, parallel_from=ALL_HERE)[1]


@pytest.mark.parametrize("executable", ["/bin/false", "/nonexistent/python"])
def test_a_failing_second_process_means_the_files_are_read_here(
    guide_tree: GuideTree, monkeypatch: pytest.MonkeyPatch, executable: str
) -> None:
    _break(guide_tree)
    expected = load_guide(guide_tree.root, parallel_from=ALL_HERE)[1]
    monkeypatch.setattr(sys, "executable", executable)
    assert load_guide(guide_tree.root, parallel_from=ALWAYS)[1] == expected


def _entries(root: Path) -> list[loader.Entry]:
    return [(path, path.relative_to(root).as_posix(), "dilemmas") for path in sorted((root / "dilemmas").glob("*.md"))]


def test_the_second_process_reads_what_this_one_would() -> None:
    entries = _entries(ROOT)
    results = loader.Helper(entries).results()
    assert results is not None and len(results) == len(entries)
    for (path, rel, folder), (result, problems) in zip(entries, results):
        here: list = []
        assert result == validate.load_file(path, rel, folder, here) and problems == here == []


def test_an_unreadable_answer_is_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    def garbage(module: str, request: bytes) -> second_process.Background:
        script = "import sys; sys.stdin.read(); sys.stdout.write('not a pickle')"
        return second_process.start([sys.executable, "-c", script], request)

    monkeypatch.setattr(loader.second_process, "start_python", garbage)
    assert loader.Helper(_entries(ROOT)).results() is None


def test_a_small_guide_starts_no_second_process(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    monkeypatch.setattr(loader.second_process, "start_python", lambda module, request: started.append(module))
    guide, problems = load_guide(ROOT)
    assert guide is not None and problems == []
    assert len(guide.principles) + len(guide.dilemmas) < validate.PARALLEL_FROM and started == []
