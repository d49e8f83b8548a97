"""Quiet pages: no page type logs a console error or throws, neither in a
plain build nor in the published site with all versions (version selector,
"older version" banner, tombstones, each version's search page). An error in the console is how a
broken script, a missing file or a refused policy shows itself first."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page, expect

from tests.browser import searching
from tests.browser.conftest import PAGE_TYPES
from tests.helpers import TwoReleases, serve

pytestmark = pytest.mark.browser



class Console:
    """Console errors, uncaught errors and policy violations of one page."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {_describe(error)}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "assert"):
            self.errors.append(f"console.{message.type}: {message.text} ({message.location.get('url', '')})")


def _describe(error: Error) -> str:
    return f"{error.name}: {error.message}"


@pytest.fixture
def console(page: Page) -> Console:
    return Console(page)


#: The search page with a query: Pagefind, its index and its results load.
SEARCH = searching.SEARCH_PAGE + "?q=dilemma"


def use(page: Page, url: str) -> None:
    """Open a page and let its scripts finish; on the search page, until
    its results have loaded, and then the next five as well."""
    page.goto(url, wait_until="networkidle")
    if SEARCH in url:
        site = url.removesuffix(SEARCH)
        assert len(searching.shown(page, site, "dilemma", everything=True)) > 5
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(
    "address", [*PAGE_TYPES.values(), SEARCH], ids=[*PAGE_TYPES.keys(), "search with a query"]
)
def test_a_page_of_the_plain_build_is_quiet(page: Page, console: Console, site_url: str, address: str) -> None:
    use(page, site_url + address)
    # A plain build has no versions.json, so it has no version selector
    # (which would only fail to read it).
    expect(page.locator(".md-version")).to_have_count(0)
    assert console.errors == []


@pytest.fixture(scope="module")
def public_url(two_releases: TwoReleases) -> Iterator[str]:
    with serve(two_releases.public) as url:
        yield url


@pytest.mark.parametrize(
    "kind",
    [
        "newest",
        "session",
        "tombstone",
        "older version",
        "older version's triangle",
        "search",
        "older version's search",
    ],
)
def test_a_page_of_the_published_site_is_quiet(
    page: Page, console: Console, public_url: str, two_releases: TwoReleases, kind: str
) -> None:
    gone, _ = two_releases.removed
    address = {
        "newest": "dilemmas/op-tijd-opschalen/",
        "session": "sessie/?d=op-tijd-opschalen,minister-of-samenleving",
        "tombstone": f"dilemmas/{gone}/",
        "older version": f"1.0/dilemmas/{gone}/",
        "older version's triangle": "1.0/spanningen/",
        "search": SEARCH,
        "older version's search": "1.0/" + SEARCH,
    }[kind]
    use(page, public_url + address)
    if kind.endswith("search"):
        # Each version searches its own index, and its results stay in it.
        version = "1.0/" if kind.startswith("older") else ""
        hrefs = page.locator(searching.RESULT_LINK).evaluate_all("links => links.map(a => a.href)")
        assert hrefs and all(h.startswith(public_url + version) for h in hrefs), hrefs
        if not version:
            assert not any(h.startswith(public_url + "1.") for h in hrefs), hrefs
    # The published site has its version selector, and an older version
    # shows its banner: both what used to log errors.
    expect(page.locator(".md-version")).to_be_visible()
    banner = page.locator("[data-md-component=outdated]")
    if kind.startswith("older version"):
        expect(banner).to_contain_text("Je bekijkt een oudere versie van de gids.")
        expect(banner).to_be_visible()
    else:
        expect(banner).to_be_hidden()
    assert console.errors == []


def test_switching_versions_and_back_is_quiet(page: Page, console: Console, public_url: str) -> None:
    use(page, public_url + "spanningen/")
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text=re.compile(r"^\s*Versie 1\.0\s*$")).click()
    expect(page).to_have_url(public_url + "1.0/spanningen/")
    page.wait_for_load_state("networkidle")
    # The second page of an older version shows its banner from the first
    # one's memory (sessionStorage), before the version list is read.
    page.get_by_role("link", name="Principes").first.click()
    expect(page).to_have_url(public_url + "1.0/principes/")
    expect(page.locator("[data-md-component=outdated]")).to_be_visible()
    # The banner's link leads to the same page in the newest version.
    page.locator("[data-md-component=outdated]").get_by_role("link").click()
    expect(page).to_have_url(public_url + "principes/")
    page.wait_for_load_state("networkidle")
    assert console.errors == []
