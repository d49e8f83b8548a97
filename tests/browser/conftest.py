"""Headless Chromium (Debian's, never a downloaded one) against the built site,
served on 127.0.0.1. Every page a test opens records its requests, and the
test fails if any of them goes to another host."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from gids import printed
from tests.helpers import serve

# The flags every Chromium of the project runs with (also gids publish's).
CHROMIUM_FLAGS = list(printed.CHROMIUM_FLAGS)


def chromium_path() -> str:
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(candidate).is_file():
        pytest.fail(
            f"No Chromium at {candidate}. The browser tests need Debian's chromium: "
            "apt-get install chromium (or set CHROMIUM=/path/to/chromium).",
            pytrace=False,
        )
    return candidate


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class RequestLog:
    """Every URL the pages of one test asked for."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def foreign(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).hostname != "127.0.0.1"]


def _context(browser: Browser, log: RequestLog, **options: object) -> BrowserContext:
    context = browser.new_context(locale="nl-NL", **options)
    context.on("request", lambda request: log.urls.append(request.url))
    return context


@pytest.fixture
def requests_made() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser: Browser, requests_made: RequestLog) -> Iterator[Page]:
    context = _context(browser, requests_made)
    page = context.new_page()
    yield page
    context.close()
    assert requests_made.urls, "the test opened no page"
    assert requests_made.foreign() == [], "requests left 127.0.0.1"


@pytest.fixture
def page_without_javascript(browser: Browser, requests_made: RequestLog) -> Iterator[Page]:
    context = _context(browser, requests_made, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()
    assert requests_made.foreign() == []


#: One page of each type of the built guide, by what it is: the tests that
#: must hold on every page (privacy, quiet console) visit all of them.
PAGE_TYPES = {
    "home": "",
    "principle": "principes/loyale-tegenspraak/",
    "dilemma": "dilemmas/op-tijd-opschalen/",
    "tension": "spanningen/professie-maatschappij/",
    "triangle": "spanningen/",
    "principle list": "principes/",
    "dilemma list": "dilemmas/",
    "dilemma list with a filter": "dilemmas/?spanning=politiek-maatschappij",
    "changelog": "versies/",
    "session picker": "sessie/",
    "session cards": "sessie/?d=op-tijd-opschalen,bestaat-niet,minister-of-samenleving",
    "contributing": "bijdragen/",
    "contributing reference": "bijdragen/naslag/",
    "contributing for the redactie": "bijdragen/redactie/",
    "about": "over/",
    "accessibility": "toegankelijkheid/",
    # The test server does not answer a missing address with the site's
    # 404 page, as a host does; it is opened directly.
    "404": "404.html",
}
