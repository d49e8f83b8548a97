"""No reader's address reaches a third party: every page type, with its
scripts run to the end, and a search asks nothing of any host but the
site's own. And a reader who only reads downloads no search data."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser import searching
from tests.browser.conftest import PAGE_TYPES, RequestLog
from tests.helpers import TwoReleases, serve

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def public_url(two_releases: TwoReleases) -> Iterator[str]:
    with serve(two_releases.public) as url:
        yield url


def visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")


def use_search(page: Page, site_url: str) -> list[str]:
    """Search as a reader does: the header's link, a query typed, all
    results, a filter; Pagefind fetches its index as the words need it."""
    page.locator(searching.BUTTON).click()
    expect(page).to_have_url(site_url + searching.SEARCH_PAGE)
    found = searching.type_query(page, site_url, "dilemma", everything=True)
    page.locator("#gids-search .pagefind-ui__filter-name", has_text="Soort").click()
    page.locator("#gids-search input[name=Soort]").first.check()
    page.wait_for_load_state("networkidle")
    return found


def only_own_host(log: RequestLog, url: str) -> None:
    host = urlsplit(url).netloc
    assert log.urls, "the page made no requests at all"
    assert [u for u in log.urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != host] == []


@pytest.mark.parametrize("address", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_a_page_asks_only_its_own_host(page: Page, requests_made: RequestLog, site_url: str, address: str) -> None:
    visit(page, site_url + address)
    only_own_host(requests_made, site_url)


def test_searching_asks_only_its_own_host(page: Page, requests_made: RequestLog, site_url: str) -> None:
    visit(page, site_url)
    found = use_search(page, site_url)
    assert found, "search found nothing"
    assert any("/pagefind/" in url for url in requests_made.urls), "the search page loaded no index"
    page.locator(searching.RESULT_LINK).first.click()
    page.wait_for_load_state("networkidle")
    only_own_host(requests_made, site_url)


@pytest.mark.parametrize("address", ["", "dilemmas/op-tijd-opschalen/"], ids=["home", "dilemma"])
def test_a_page_view_downloads_no_search_data(
    page: Page, requests_made: RequestLog, site_url: str, address: str
) -> None:
    """Only the search page loads Pagefind and its index: a reader who only
    reads downloads none of it, not even with the pointer on the search
    link; the search page, once opened, does."""
    visit(page, site_url + address)
    expect(page.locator("article h1")).to_be_visible()
    page.locator(searching.BUTTON).hover()
    page.mouse.wheel(0, 2000)
    page.wait_for_load_state("networkidle")
    assert requests_made.urls, "the page made no requests at all"
    assert [url for url in requests_made.urls if "/pagefind/" in url] == []

    page.locator(searching.BUTTON).click()
    expect(page).to_have_url(site_url + searching.SEARCH_PAGE)
    assert searching.type_query(page, site_url, "tegenspraak"), "search found nothing"
    loaded = [url for url in requests_made.urls if "/pagefind/" in url]
    assert any(url.endswith("/pagefind/pagefind-ui.js") for url in loaded), loaded
    assert any(url.endswith(".pf_fragment") for url in loaded), loaded


@pytest.mark.parametrize(
    "kind", ["tombstone", "older version", "version selector", "search", "older version's search"]
)
def test_published_versions_ask_only_their_own_host(
    page: Page, requests_made: RequestLog, public_url: str, two_releases: TwoReleases, kind: str
) -> None:
    gone, _ = two_releases.removed
    address = {
        "tombstone": f"dilemmas/{gone}/",
        "older version": f"1.0/dilemmas/{gone}/",
        "version selector": "spanningen/",
        "search": "",
        "older version's search": "1.0/",
    }[kind]
    visit(page, public_url + address)
    if kind == "version selector":
        page.locator(".md-version").hover()
        page.locator(".md-version__link", has_text="Versie 1.0").click()
        page.wait_for_load_state("networkidle")
    if kind.endswith("search"):
        assert use_search(page, public_url + address), "search found nothing"
    only_own_host(requests_made, public_url)
