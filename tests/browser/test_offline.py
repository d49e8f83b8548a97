"""The offline guide: `make offline` gives a zip that, unpacked and opened
from file:// with the network off, shows a dilemma and finds one by search."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.helpers import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def usb_stick(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run(
        ["make", "--no-print-directory", "offline", f"OFFLINE_DIR={out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    stick = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(out / "gids-offline.zip") as archive:
        archive.extractall(stick)
    return stick / "gids-ambtelijk-vakmanschap"


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(offline=True, locale="nl-NL")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context.new_page(), requests
    context.close()


def test_the_zip_holds_the_whole_guide_without_a_cdn(usb_stick: Path) -> None:
    assert (usb_stick / "index.html").is_file()
    assert (usb_stick / "dilemmas" / "op-tijd-opschalen.html").is_file()
    assert (usb_stick / "search" / "search_index.js").is_file()
    for html in usb_stick.rglob("*.html"):
        assert "unpkg.com" not in html.read_text(encoding="utf-8"), html


def test_opened_from_file_it_shows_a_dilemma_and_finds_one(offline_page: tuple[Page, list[str]], usb_stick: Path) -> None:
    page, requests = offline_page
    page.goto((usb_stick / "index.html").as_uri())
    page.get_by_role("link", name="Dilemma's").first.click()
    page.locator("#gids-grouped a.gids-card__title").first.click()
    expect(page).to_have_url(re.compile(r"/dilemmas/[a-z0-9-]+\.html$"))
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".gids-section--gespreksvragen")).to_be_visible()

    page.goto((usb_stick / "index.html").as_uri())
    page.locator("input.md-search__input").press_sequentially("toezegging", delay=20)
    result = page.locator(".md-search-result__item > a[href*='dilemmas/']").first
    expect(result).to_be_visible(timeout=15_000)
    result.click()
    expect(page).to_have_url(re.compile(r"/dilemmas/[a-z0-9-]+\.html"))
    assert {url.split(":", 1)[0] for url in requests} == {"file"}
