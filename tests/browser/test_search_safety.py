"""Markup a contributor writes as text stays text in the search results.

The index holds each page's text as the reader reads it, so a dilemma that
shows the code ``<img src=x onerror=...>`` (as an example, in backticks)
puts those characters in its record. Pagefind's script escapes them before
it shows an excerpt; this checks that on a built site, in Chromium, for the
record as ``gids/search.py`` hands it to Pagefind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser import searching
from tests.helpers import copy_project, mkdocs_build, serve

pytestmark = pytest.mark.browser

DILEMMA = "dilemmas/regel-of-maatwerk.md"
MARKUP = "<img src=x onerror=\"window.gidsInjected='zoeken'\">"
#: A word no other page has, to find the dilemma by.
WORD = "zoekwaakhond"


@pytest.fixture(scope="module")
def site_with_markup_as_text(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("search-safety")
    project = copy_project(base / "project")
    source = project / DILEMMA
    text = source.read_text(encoding="utf-8")
    assert "## Spanning\n" in text
    source.write_text(
        text.replace("## Spanning\n", f"Een {WORD} schreef `{MARKUP}` in een formulier.\n\n## Spanning\n", 1),
        encoding="utf-8",
    )
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(base / "site") as url:
        yield url


def test_markup_in_a_pages_text_is_shown_as_text(browser: Browser, site_with_markup_as_text: str) -> None:
    page = browser.new_page()
    try:
        found = searching.search(page, site_with_markup_as_text, WORD)
        assert found[:1] == ["dilemmas/regel-of-maatwerk/"]
        results = page.locator(searching.RESULT)
        # The characters are there, as text; no element was made of them.
        assert "<img src=x" in results.first.inner_text()
        assert results.locator("img").count() == 0
        assert page.evaluate("window.gidsInjected") is None
    finally:
        page.close()
