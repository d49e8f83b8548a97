"""Shared fixtures: a small valid guide to mutate, and the real site built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_GUIDE, ROOT, GuideTree, mkdocs_build


@pytest.fixture
def guide_tree(tmp_path: Path) -> GuideTree:
    """The small valid fixture guide, copied so a test can break it."""
    target = tmp_path / "guide"
    shutil.copytree(FIXTURE_GUIDE, target)
    return GuideTree(target)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide, built once per test run into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir
