"""Shared fixtures: a small valid guide to mutate, and the real site built once."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from gids.release import make_release
from tests.helpers import (
    ROOT,
    GuideTree,
    TwoReleases,
    assert_outputs_well_formed,
    copy_fixture_guide,
    copy_project,
    git,
    init_repo,
    mkdocs_build,
)


@pytest.fixture
def guide_tree(tmp_path: Path) -> GuideTree:
    """The small valid fixture guide, copied so a test can break it."""
    target = tmp_path / "guide"
    copy_fixture_guide(target)
    return GuideTree(target)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide, built once per test run into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def _unlinked_dilemmas(repo: Path) -> list[str]:
    """Dilemmas that no page links to, so renaming one breaks no link."""
    texts = "\n".join(p.read_text(encoding="utf-8") for p in repo.rglob("*.md") if ".venv" not in p.parts)
    ids = sorted(p.stem for p in (repo / "dilemmas").glob("*.md"))
    return [d for d in ids if f"{d}.md" not in texts]


@pytest.fixture(scope="session")
def two_releases(tmp_path_factory: pytest.TempPathFactory) -> TwoReleases:
    """Release 1.0 is the guide as it is; 1.1 renames one dilemma and removes
    another; then `make site-all-versions` publishes both."""
    base = tmp_path_factory.mktemp("two-releases")
    repo = copy_project(base / "repo")
    init_repo(repo, "Release 1.0")

    old, gone = _unlinked_dilemmas(repo)[:2]
    new = f"{old}-hernoemd"
    git(repo, "mv", f"dilemmas/{old}.md", f"dilemmas/{new}.md")
    moved = repo / "dilemmas" / f"{new}.md"
    moved.write_text(
        moved.read_text(encoding="utf-8").replace(
            "history:\n", f"aliases: [{old}]\nhistory:\n  - note: Nieuwe naam, zodat de titel beter past.\n", 1
        ),
        encoding="utf-8",
    )
    gone_title = yaml.safe_load((repo / "dilemmas" / f"{gone}.md").read_text(encoding="utf-8").split("---\n")[1])["title"]
    git(repo, "rm", "-q", f"dilemmas/{gone}.md")
    changelog = repo / "docs" / "versies.md"
    changelog.write_text(
        changelog.read_text(encoding="utf-8").replace(
            "releases:\n",
            f"upcoming:\n  removed:\n    - dilemma: {gone}\n      title: {json.dumps(gone_title)}\n"
            f"      reason: Samengevoegd met een ander dilemma.\n      replaced_by: {new}\nreleases:\n",
            1,
        ),
        encoding="utf-8",
    )
    make_release(repo, "1.1", "Opgeruimd", "Een dilemma kreeg een nieuwe naam, een ander ging op in een ander.", dt.date(2026, 12, 1))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Release 1.1")

    public = base / "public"
    result = subprocess.run(
        [sys.executable, "-m", "gids.publish", str(public), "--site-url", "http://127.0.0.1:8000/"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for site in (public, public / "1.0", public / "1.1"):
        assert_outputs_well_formed(site)
    return TwoReleases(repo, public, (old, new), (gone, gone_title))
