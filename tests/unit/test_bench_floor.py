"""The benchmark's floor (benchmark/generate.py) is made from the guide's own
mkdocs.yml, so that it cannot drift from the guide: the same navigation and
theme settings, without our hooks, templates and other plugins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, bench


def test_the_floor_has_the_guides_navigation_and_theme_without_our_code() -> None:
    module = bench()
    guide = module.guide_config(ROOT)
    floor, pages = module.floor_config(ROOT)

    assert floor["nav"] == guide["nav"]
    assert floor["markdown_extensions"] == guide["markdown_extensions"]
    assert floor["theme"] == {k: v for k, v in guide["theme"].items() if k != "custom_dir"}
    assert "custom_dir" in guide["theme"] and "hooks" in guide and "hooks" not in floor
    # Material's search, switched on in the floor: plain Material searches,
    # where the guide has its own search (Pagefind) instead.
    assert floor["plugins"] == [{"search": {"lang": "nl"}}]
    assert len(floor["plugins"]) < len(guide["plugins"])
    # Every page of the guide's navigation gets a page in the floor.
    assert pages and all((ROOT / "docs" / page).is_file() for page in pages)
    assert "toegankelijkheid.md" in pages


def test_a_small_floor_builds_with_plain_mkdocs(tmp_path: Path) -> None:
    module = bench()
    module.generate_floor(tmp_path / "floor", ROOT, principles=3, dilemmas=4)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=tmp_path / "floor",
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "dilemmas" / f"{module.dilemma_id(1)}" / "index.html").read_text(encoding="utf-8")
    assert "Toegankelijkheid" in page  # the guide's navigation
    assert "gids-facts" not in page  # not our templates
    assert (tmp_path / "site" / "search" / "search_index.json").is_file()  # Material's search
