"""No reader's address reaches a third party: every page type, with its
scripts run to the end, asks nothing of any host but the site's own."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PAGE_TYPES, RequestLog
from tests.helpers import TwoReleases, serve

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def public_url(two_releases: TwoReleases) -> Iterator[str]:
    with serve(two_releases.public) as url:
        yield url


def visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    # Search loads its worker and index on first use: use it too.
    page.locator("input.md-search__input").press_sequentially("dilemma", delay=10)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Escape")


def only_own_host(log: RequestLog, url: str) -> None:
    host = urlsplit(url).netloc
    assert log.urls, "the page made no requests at all"
    assert [u for u in log.urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != host] == []


@pytest.mark.parametrize("address", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_a_page_asks_only_its_own_host(page: Page, requests_made: RequestLog, site_url: str, address: str) -> None:
    visit(page, site_url + address)
    only_own_host(requests_made, site_url)


@pytest.mark.parametrize("kind", ["tombstone", "older version", "version selector"])
def test_published_versions_ask_only_their_own_host(
    page: Page, requests_made: RequestLog, public_url: str, two_releases: TwoReleases, kind: str
) -> None:
    gone, _ = two_releases.removed
    address = {"tombstone": f"dilemmas/{gone}/", "older version": f"1.0/dilemmas/{gone}/", "version selector": "spanningen/"}[kind]
    visit(page, public_url + address)
    if kind == "version selector":
        page.locator(".md-version").hover()
        page.locator(".md-version__link", has_text="Versie 1.0").click()
        page.wait_for_load_state("networkidle")
    only_own_host(requests_made, public_url)
