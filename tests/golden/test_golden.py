"""Golden fixtures: realistic content, laid over the valid fixture guide,
with the exact lines a contributor reads in expected.txt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import copy_fixture_guide
from gids import load_guide, report

CASES = sorted(p for p in Path(__file__).parent.iterdir() if (p / "expected.txt").is_file())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, tmp_path: Path) -> None:
    root = tmp_path / "guide"
    copy_fixture_guide(root)
    shutil.copytree(case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()

    guide, problems = load_guide(root)

    assert [str(p) for p in problems] == expected
    assert (guide is None) == bool(expected)
    if expected:
        lines = report(problems).splitlines()
        assert lines[0].startswith(f"De gids kan niet worden gebouwd: {len(expected)} ")
        assert lines[1:] == expected


def test_cases_cover_valid_and_invalid() -> None:
    kinds = {c.name.split("-")[0] for c in CASES}
    assert kinds == {"valid", "invalid"}
