"""A guide far larger than today's, built for real: 230 dilemmas. The
benchmark measures speed; this checks that such a guide gives the site it
should: every dilemma its own QR code, pages that do not grow with it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import segno
from markupsafe import escape
from tests.helpers import bench, copy_project, mkdocs_build


SIZE = 230
SITE_URL = "https://gids.example/"


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    work = tmp_path_factory.mktemp("large")
    project = copy_project(work / "project")
    _, dilemmas = bench().generate_guide(work / "guide", project, SIZE)
    result = mkdocs_build(work / "guide", work / "site", SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return work / "site", dilemmas


def test_every_dilemma_page_carries_the_qr_code_of_its_own_address(large_site: tuple[Path, list[str]]) -> None:
    site, dilemmas = large_site
    path_of = re.compile(r'<path[^>]* d="([^"]+)"')
    for item_id in (dilemmas[0], dilemmas[len(dilemmas) // 2], dilemmas[-1]):
        page = (site / "dilemmas" / item_id / "index.html").read_text(encoding="utf-8")
        address = f"{SITE_URL}dilemmas/{item_id}/"
        code = re.search(r'<div class="gids-print-address">.*?</svg>', page, re.S)
        assert code and f"<title>QR-code: {address}</title>" in code.group(0)
        expected = segno.make(address, error="m", mask=0).svg_inline(scale=4, border=2, omitsize=True)
        assert path_of.search(code.group(0)).group(1) == path_of.search(expected).group(1)


def test_pages_of_a_large_guide_do_not_carry_the_whole_guide(large_site: tuple[Path, list[str]]) -> None:
    site, dilemmas = large_site
    data = json.loads((site / "gids.json").read_text(encoding="utf-8"))
    assert len(data["dilemmas"]) == SIZE
    # A tension page lists its dilemmas, it does not hold their text (its
    # cards are fetched when printed or presented); a dilemma page stays the
    # size of one dilemma.
    for tension in data["tensions"]:
        page = site / "spanningen" / tension["id"] / "index.html"
        assert page.stat().st_size < 2_000 * len(tension["dilemmas"]) + 60_000
        assert 'class="gids-section' not in page.read_text(encoding="utf-8")
    assert (site / "dilemmas" / dilemmas[0] / "index.html").stat().st_size < 40_000


def test_a_dilemma_page_keeps_its_title_and_description_in_the_head(large_site: tuple[Path, list[str]]) -> None:
    site, dilemmas = large_site
    data = json.loads((site / "gids.json").read_text(encoding="utf-8"))
    item = next(d for d in data["dilemmas"] if d["id"] == dilemmas[0])
    page = (site / "dilemmas" / dilemmas[0] / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{escape(item["description"])}">' in page
    assert f"<title>{escape(item['title'])} - " in page
