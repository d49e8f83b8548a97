"""A reader in a real browser: searches in Dutch (the search page /zoeken/,
reached from every page's header), opens a dilemma, follows a principle and a
backlink; the triangle works by keyboard; pages read without JavaScript.
Every test also fails when any request leaves 127.0.0.1."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.browser import searching
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

TENSION_IDS = ["professie-politiek", "professie-maatschappij", "politiek-maatschappij"]


def search(page: Page, site_url: str, query: str) -> list[str]:
    """From the home page, follow the header's link to the search page, type
    a query and return the addresses of all its results, best first."""
    page.goto(site_url)
    page.locator(searching.BUTTON).click()
    expect(page).to_have_url(site_url + searching.SEARCH_PAGE)
    # The field has the focus: the reader types at once.
    expect(page.locator(searching.INPUT)).to_be_focused()
    return searching.type_query(page, site_url, query, everything=True)


def words_in_content() -> tuple[collections.Counter[str], dict[str, set[str]]]:
    """Every word of the principles, dilemmas and tensions as their authors
    wrote them (title, description, text, tags), with the items it is in."""
    counts: collections.Counter[str] = collections.Counter()
    pages: dict[str, set[str]] = collections.defaultdict(set)
    sources = [
        *(("principes", p) for p in (ROOT / "principles").glob("*.md")),
        *(("dilemmas", p) for p in (ROOT / "dilemmas").glob("*.md")),
        *(("spanningen", p) for p in (ROOT / "docs" / "spanningen").glob("*.md") if p.stem != "index"),
    ]
    for folder, path in sources:
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        text = " ".join([meta["title"], meta["description"], body, *meta.get("tags", [])])
        for word in re.findall(r"[a-zà-ÿ]+", text.lower()):
            counts[word] += 1
            pages[word].add(f"{folder}/{path.stem}/")
    return counts, pages


def test_search_uses_dutch_stemming(page: Page, site_url: str) -> None:
    # A plural such as "toezeggingen" whose singular never occurs in the guide:
    # only Dutch stemming can make the singular find it.
    counts, pages = words_in_content()
    pairs = [
        (word[:-2], word)
        for word in counts
        if word.endswith("ingen") and word[:-2] not in counts and any(p.startswith("dilemmas/") for p in pages[word])
    ]
    assert pairs, "the content should have a plural noun in -ingen whose singular it never uses"
    singular, plural = max(pairs, key=lambda pair: counts[pair[1]])
    found = search(page, site_url, singular)
    expected = {p for p in pages[plural] if p.startswith("dilemmas/")}
    assert expected <= set(found), (singular, plural, found)


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.mark.parametrize("field", ["title", "description"])
def test_search_finds_a_dilemma_by_a_word_of_its_title_or_description_and_opens_it(
    page: Page, site_url: str, field: str
) -> None:
    dilemma = ROOT / "dilemmas" / "onderzoek-op-bestelling.md"
    meta = _front_matter(dilemma)
    word = max(re.findall(r"[A-Za-zà-ÿ]+", meta[field]), key=len)
    found = search(page, site_url, word)
    assert "dilemmas/onderzoek-op-bestelling/" in found, word
    page.locator(f"{searching.RESULT_LINK}[href*='dilemmas/onderzoek-op-bestelling/']").click()
    expect(page).to_have_url(re.compile(r"/dilemmas/onderzoek-op-bestelling/"))
    expect(page.locator("article h1")).to_have_text(meta["title"])


def test_reader_follows_a_principle_and_a_backlink(page: Page, site_url: str) -> None:
    page.goto(site_url + "dilemmas/minister-of-samenleving/")
    principle_link = page.locator(".gids-facts a[href*='principes/']").first
    title = principle_link.inner_text()
    principle_link.click()
    expect(page).to_have_url(re.compile(r"/principes/[a-z0-9-]+/$"))
    expect(page.locator("article h1")).to_have_text(title)

    backlinks = page.locator(".gids-related a[href*='dilemmas/']")
    expect(backlinks.first).to_be_visible()
    assert page.locator(".gids-related a[href*='minister-of-samenleving']").count() == 1
    other = backlinks.first
    dilemma_title = other.inner_text()
    other.click()
    expect(page).to_have_url(re.compile(r"/dilemmas/[a-z0-9-]+/$"))
    expect(page.locator("article h1")).to_have_text(dilemma_title)
    expect(page.locator(f".gids-facts a:text-is('{title}')")).to_have_count(1)


def test_triangle_sides_are_links_reachable_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "spanningen/")
    expect(page.locator("figure.gids-triangle svg")).to_be_visible()
    reached: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => { const a = document.activeElement; return a && a.closest('svg') ? a.getAttribute('href') : null }"
        )
        if href and href not in reached:
            reached.append(href)
        if len(reached) == 3:
            break
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in reached] == TENSION_IDS
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/spanningen/politiek-maatschappij/$"))
    expect(page.locator(".gids-related .gids-card").first).to_be_visible()


def test_triangle_side_opens_its_tension_on_click(page: Page, site_url: str) -> None:
    page.goto(site_url + "spanningen/")
    page.locator("svg a[href*='professie-politiek']").click()
    expect(page).to_have_url(re.compile(r"/spanningen/professie-politiek/$"))


@pytest.mark.parametrize(
    "address",
    ["", "spanningen/", "spanningen/professie-maatschappij/", "principes/", "dilemmas/", "dilemmas/op-tijd-opschalen/", "principes/loyale-tegenspraak/", "bijdragen/"],
)
def test_pages_are_readable_without_javascript(page_without_javascript: Page, site_url: str, address: str) -> None:
    page = page_without_javascript
    page.goto(site_url + address)
    expect(page.locator("article h1")).to_be_visible()
    article_text = page.locator("article").inner_text()
    assert len(article_text) > 200
    # The navigation is plain links, reachable without scripts.
    assert page.locator("nav.md-nav--primary a[href]").count() >= 5


def test_dilemma_sections_can_be_linked_directly(page: Page, site_url: str) -> None:
    page.goto(site_url + "dilemmas/op-tijd-opschalen/#gespreksvragen")
    heading = page.locator("h2#gespreksvragen")
    expect(heading).to_be_in_viewport()
