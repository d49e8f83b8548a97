"""The offline guide: `make offline` gives a zip that, unpacked and opened
from file:// with the network off, is complete: it shows a dilemma and
finds one by search, filters the list, shows and presents a session, and
prints a tension's deck as cards; it says which version it is and where the
online guide is, and has no editing links."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.printing import print_deck
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


# The address the guide is published at in these builds (mkdocs.yml's default).
PUBLISHED = "http://127.0.0.1:8000/"


def test_the_zip_says_which_version_it_is_and_where_the_online_guide_is(usb_stick: Path) -> None:
    readme = (usb_stick / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "Open index.html" in readme
    assert re.search(r"Dit is versie \d+\.\d+ van \d+ \w+ \d{4}\.", readme), readme
    assert f"staat online op {PUBLISHED}" in readme
    footer = (usb_stick / "index.html").read_text(encoding="utf-8")
    assert "Dit is de offline versie van de gids (versie" in footer
    assert f'<a href="{PUBLISHED}">{PUBLISHED}</a>' in footer


def test_the_zip_has_no_editing_links(usb_stick: Path) -> None:
    for html in usb_stick.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for mark in ("gids-edit", 'rel="edit"', "gids-propose", "voorstellen</a>"):
            assert mark not in text, (html, mark)


def test_the_evening_before_without_wifi(offline_page: tuple[Page, list[str]], usb_stick: Path) -> None:
    """Issue 16's trainer: four dilemmas on the tension between the political
    agenda and public interest, a named set, its link to send, a deck printed
    double-sided with the QR codes' addresses, then presented from the USB
    stick one step at a time. All from file:// with the network off."""
    page, requests = offline_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto((usb_stick / "sessie.html").as_uri())
    page.get_by_label("Spanning").select_option("politiek-maatschappij")
    options = page.locator("#gids-session-options li:not([hidden]) input")
    expect(options.first).to_be_visible()
    assert options.count() >= 4
    for index in range(4):
        options.nth(index).check()
    page.get_by_label("Naam van de set (mag leeg blijven)").fill("Zonder wifi")
    shared = page.get_by_label("Adres van de set, om te delen").input_value()
    # The link to send is the online guide's, not the USB stick's.
    assert shared.startswith(PUBLISHED + "sessie/?d=") and shared.endswith("&titel=Zonder%20wifi")
    ids = shared.split("?d=")[1].split("&")[0].split(",")
    assert len(ids) == 4

    page.get_by_role("link", name="Bekijk de set").click()
    expect(page).to_have_url(re.compile(r"/sessie\.html\?d=[a-z0-9,-]+&titel=Zonder%20wifi$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Zonder wifi")
    cards = page.locator(".gids-session-card")
    expect(cards).to_have_count(4)
    titles = cards.locator(".gids-dilemma__title").all_inner_texts()
    # A link on a card leads to the page on the stick.
    assert cards.first.locator(".gids-facts a").first.get_attribute("href").startswith("file://")

    sides = print_deck(page)
    # One sheet of four fronts, one of their backs; each title on both.
    assert len(sides) == 2
    for title in titles:
        assert title in sides[0] and title in sides[1], title
    for dilemma in ids:
        assert f"{PUBLISHED}dilemmas/{dilemma}/" in sides[1].replace(" ", ""), dilemma

    page.get_by_role("button", name="Presenteren").click()
    dialog = page.get_by_role("dialog", name=re.compile("^Presentatie"))
    for card in range(4):
        for step in range(4):
            expect(dialog).to_contain_text(f"Kaart {card + 1} van 4")
            expect(dialog).to_contain_text(f"Stap {step + 1} van 4")
            page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name=re.compile("^Presentatie"))).to_have_count(0)
    assert {url.split(":", 1)[0] for url in requests} == {"file"}


def test_from_file_the_list_filters_and_a_tension_prints_its_deck(
    offline_page: tuple[Page, list[str]], usb_stick: Path
) -> None:
    page, requests = offline_page
    page.goto((usb_stick / "dilemmas" / "index.html").as_uri() + "?spanning=politiek-maatschappij")
    results = page.locator("#gids-filter-results .gids-card")
    expect(results.first).to_be_visible()
    assert results.first.locator("a").get_attribute("href").endswith(".html")

    page.goto((usb_stick / "spanningen" / "professie-politiek.html").as_uri())
    listed = page.locator(".gids-tension-dilemmas .gids-card__title").all_inner_texts()
    assert listed
    pages = print_deck(page)
    assert len(pages) == 2 * -(-len(listed) // 4)
    for title in listed:
        assert sum(title in text for text in pages) == 2, title
    assert {url.split(":", 1)[0] for url in requests} == {"file"}
