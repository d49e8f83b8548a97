"""The merge-request preview as GitLab shows it. Built as the job `preview`
builds it (DIRECTORY_URLS=false: pages as .html files; SITE_URL its artifact
address), and served under a job's artifact path by a server that, like
GitLab's artifact browser, serves files only: a folder address is not its
index.html. Every page is opened with its scripts running, and so are the
links the scripts make (filters, session, deck, search); every link to the
preview must resolve, and no page may log a console error."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect
from playwright.sync_api import Error as PlaywrightError

from tests.browser import searching
from tests.helpers import ROOT, mkdocs_build

pytestmark = pytest.mark.browser

#: Where GitLab serves a job's artifact `public/` (a project in a subgroup).
ARTIFACT_PATH = "/groep/sub/gids/-/jobs/4711/artifacts/file/public/"
DILEMMA = "op-tijd-opschalen"
TENSION = "professie-politiek"


class ArtifactBrowser(http.server.SimpleHTTPRequestHandler):
    """Files of the folder under the server's ``prefix`` (a job's artifact
    path), as GitLab's artifact browser serves them: a folder (or anything
    else that is not a file) is not found. Every answer is noted in
    ``self.server.answers``."""

    def send_head(self):  # type: ignore[override]
        prefix = self.server.prefix  # type: ignore[attr-defined]
        path = unquote(urlsplit(self.path).path)
        relative = path.removeprefix(prefix)
        file = Path(self.directory, relative)
        if not path.startswith(prefix) or not relative or relative.endswith("/") or not file.is_file():
            self.send_error(404)
            return None
        self.path = "/" + relative
        return super().send_head()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.server.answers.append((self.requestline.split(" ")[1], int(code)))  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:
        pass


class ArtifactServer(http.server.ThreadingHTTPServer):
    """Notes its answers; a reader that left before its answer was sent
    (the page went on) is no error."""

    answers: list[tuple[str, int]]
    #: Where the folder is served.
    prefix: str = ARTIFACT_PATH

    def handle_error(self, request: object, client_address: object) -> None:
        if not issubclass(sys.exc_info()[0] or Exception, ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class Preview:
    """The preview's address, its folder, and every answer its server gave."""

    url: str
    folder: Path
    answers: list[tuple[str, int]]

    def status(self, url: str) -> int:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def failed(self, since: int = 0) -> list[tuple[str, int]]:
        """What the server could not answer (since its answer number ``since``)."""
        return [(path, code) for path, code in self.answers[since:] if code >= 400]


@contextlib.contextmanager
def artifact_server(folder: Path) -> Iterator[ArtifactServer]:
    """An ArtifactServer of ``folder`` on 127.0.0.1 (a free port), serving
    under its ``prefix``, until the block ends."""
    server = ArtifactServer(("127.0.0.1", 0), functools.partial(ArtifactBrowser, directory=str(folder)))
    server.answers = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    folder = tmp_path_factory.mktemp("preview") / "public"
    folder.mkdir()
    # The server first, for its port: the build needs its own address.
    with artifact_server(folder) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}{ARTIFACT_PATH}"
        result = mkdocs_build(ROOT, folder, DIRECTORY_URLS="false", SITE_URL=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield Preview(url, folder, server.answers)


@dataclass
class Links:
    """Links found in the preview's pages (by target, with where they were
    seen), and the console errors of those pages."""

    preview: Preview
    seen: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        def console(message: ConsoleMessage) -> None:
            # Served from 127.0.0.1, the form (/bewerken/) asks whether the
            # CMS's local backend runs there (gids/cms.js); on GitLab's host
            # it does not ask. No backend: the browser logs the refusal.
            if "/bewerken/" in page.url and "ERR_CONNECTION_REFUSED" in message.text:
                return
            if message.type in ("error", "assert"):
                self.errors.append(f"{page.url}: console.{message.type}: {message.text}")

        page.on("console", console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: uncaught {error.name}: {error.message}"))

    def collect(self, page: Page, selector: str = "a[href]") -> list[str]:
        """The preview's addresses that the elements at ``selector`` link
        to (``href``, or for copy controls the address they copy)."""
        found = page.locator(selector).evaluate_all(
            "els => els.map(e => e.href || e.dataset.url || e.dataset.gidsCopy || e.dataset.gidsPermalink || e.value)"
        )
        return self.add(found, page.url)

    def add(self, urls: list[str], where: str) -> list[str]:
        """Of ``urls``, those into the preview (without their #anchor), noted."""
        own = [urldefrag(u)[0] for u in urls if u and u.startswith(f"http://{urlsplit(self.preview.url).netloc}/")]
        for url in own:
            self.seen.setdefault(url, where)
        return own

    def broken(self) -> list[str]:
        return [f"{url} (on {where})" for url, where in sorted(self.seen.items()) if self.preview.status(url) != 200]


@pytest.fixture
def links(preview: Preview, page: Page) -> Iterator[Links]:
    found = Links(preview)
    found.watch(page)
    page.add_init_script(COUNT_FETCHES)
    start = len(preview.answers)
    yield found
    assert found.broken() == []
    assert found.errors == []
    assert preview.failed(since=start) == []


def settle(page: Page) -> None:
    """Until the page's scripts are done: no request of the page open for a
    while (the features fetch the guide's data, then cards or index parts).
    Quicker than Playwright's "networkidle", which waits half a second."""
    quiet = 0
    while quiet < 4:
        page.wait_for_timeout(25)
        try:
            busy = page.evaluate(PENDING)
        except PlaywrightError:
            # The page went on to another: a redirect page of an old address.
            page.wait_for_load_state()
            busy = True
        quiet = 0 if busy else quiet + 1


#: Whether a fetch of the page's scripts is still open: a wrapper that
#: every page gets before its own scripts run counts them.
PENDING = "() => window.gidsPending > 0"
COUNT_FETCHES = """
window.gidsPending = 0;
const fetchOfThePage = window.fetch;
window.fetch = function () {
  window.gidsPending += 1;
  const done = () => { window.gidsPending -= 1; };
  const result = fetchOfThePage.apply(this, arguments);
  result.then(done, done);
  return result;
};
"""


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    settle(page)


def test_every_link_on_every_page_resolves(page: Page, preview: Preview, links: Links) -> None:
    pages = sorted(p.relative_to(preview.folder).as_posix() for p in preview.folder.rglob("*.html"))
    assert f"dilemmas/{DILEMMA}.html" in pages and "sessie.html" in pages
    for name in pages:
        open_page(page, preview.url + name)
        links.collect(page)
    # Every page of the preview is linked from another one (the 404 page
    # and the redirect pages of old addresses are not).
    linked = {url.removeprefix(preview.url).split("?")[0] for url in links.seen}
    assert {"index.html", "dilemmas/index.html", f"dilemmas/{DILEMMA}.html", "sessie.html"} <= linked


def test_the_filters_link_to_the_dilemmas(page: Page, preview: Preview, links: Links) -> None:
    open_page(page, preview.url + f"dilemmas/index.html?spanning={TENSION}")
    results = page.locator("#gids-filter-results .gids-card__title")
    expect(results.first).to_be_visible()
    found = links.collect(page, "#gids-filter-results a[href]")
    assert found and all(url.startswith(preview.url + "dilemmas/") and url.endswith(".html") for url in found)
    # Another filter chosen on the page, as a reader does.
    page.locator("#gids-filter-spanning").select_option("")
    page.locator("#gids-filter-principe").select_option(index=1)
    expect(results.first).to_be_visible()
    assert links.collect(page, "#gids-filter-results a[href]")
    page.locator("#gids-filter-results .gids-card__title").first.click()
    page.wait_for_load_state()
    settle(page)
    assert page.url.endswith(".html") and page.locator("article .gids-dilemma").count() == 1


def test_a_session_composed_in_the_preview_opens_there(page: Page, preview: Preview, links: Links) -> None:
    open_page(page, preview.url + f"dilemmas/{DILEMMA}.html")
    page.get_by_role("button", name="Voeg toe aan sessie").first.click()
    open_page(page, preview.url + f"spanningen/{TENSION}.html")
    page.locator(f'.gids-card:not([data-gids-id="{DILEMMA}"]) .gids-card__add').first.click()
    # To the composer the way a trainer goes: from the home page.
    open_page(page, preview.url + "index.html")
    page.get_by_role("link", name="Stel een sessie samen").click()
    page.wait_for_load_state()
    settle(page)
    shown = page.locator("#gids-session-open")
    expect(shown).to_be_visible()
    links.collect(page)
    # The address to share is the preview's own (its SITE_URL), and it opens.
    shared = page.locator("#gids-session-link").input_value()
    assert shared.startswith(preview.url)
    links.collect(page, "#gids-session-link")
    shown.click()
    expect(page.locator(".gids-session-card")).to_have_count(2)
    page.wait_for_load_state()
    settle(page)
    links.collect(page)
    page.get_by_role("link", name="Pas de set aan").click()
    expect(page.locator("#gids-session-picker")).to_be_visible()
    # What a participant opens: the shared address itself.
    open_page(page, shared)
    expect(page.locator(".gids-session-card")).to_have_count(2)
    links.collect(page)
    # From a tension: its dilemmas chosen for a session.
    open_page(page, preview.url + f"spanningen/{TENSION}.html")
    page.get_by_role("link", name="Kies dilemma's van deze spanning voor een sessie").click()
    page.wait_for_load_state()
    settle(page)
    expect(page.locator("#gids-session-picker")).to_be_visible()
    assert page.locator("#gids-session-tension").input_value() == TENSION


#: The links in the cards of the page's deck, as presenting and printing show them.
DECK_LINKS = "() => gids.deck.cards().then(cards => cards.flatMap(c => Array.from(c.querySelectorAll('a[href]'), a => a.href)))"


def test_the_cards_of_a_deck_link_into_the_preview(page: Page, preview: Preview, links: Links) -> None:
    for address in (f"spanningen/{TENSION}.html", "dilemmas/index.html"):
        open_page(page, preview.url + address)
        page.locator("[data-gids-deck-present]").click()
        expect(page.locator(".gids-present__title")).to_be_visible()
        # The cards' links were relative to each dilemma's own page.
        assert links.add(page.evaluate(DECK_LINKS), page.url)
        page.keyboard.press("Escape")
        expect(page.locator(".gids-present")).to_have_count(0)


def test_search_results_link_to_the_pages(page: Page, preview: Preview, links: Links) -> None:
    page.goto(preview.url + "zoeken.html?q=tegenspraak")
    searching.shown(page, preview.url, "tegenspraak", everything=True)
    found = links.collect(page, searching.RESULT_LINK)
    assert len(found) > 5 and all(url.endswith(".html") for url in found)


def test_what_copy_link_copies_is_an_address_of_the_preview(page: Page, preview: Preview, links: Links) -> None:
    open_page(page, preview.url + f"dilemmas/{DILEMMA}.html")
    copied = links.collect(page, "[data-gids-copy], button.gids-copy, [data-gids-permalink]")
    assert len(copied) >= 6 and all(url.startswith(preview.url) for url in copied)
    assert [url for url in copied if preview.status(url) != 200] == []
