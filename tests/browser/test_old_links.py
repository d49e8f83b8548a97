"""A trainer's old link in a real browser: the version selector, the banner on
an older version, and redirects that keep the section a link pointed to."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import TwoReleases, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def public_url(two_releases: TwoReleases) -> Iterator[str]:
    with serve(two_releases.public) as url:
        yield url


def test_old_address_with_anchor_lands_on_the_renamed_section(page: Page, public_url: str, two_releases: TwoReleases) -> None:
    old, new = two_releases.renamed
    page.goto(f"{public_url}dilemmas/{old}/#gespreksvragen")
    expect(page).to_have_url(f"{public_url}dilemmas/{new}/#gespreksvragen")
    expect(page.locator("h2#gespreksvragen")).to_be_in_viewport()


def test_removed_dilemma_address_shows_why(page: Page, public_url: str, two_releases: TwoReleases) -> None:
    gone, title = two_releases.removed
    old, new = two_releases.renamed
    page.goto(f"{public_url}dilemmas/{gone}/")
    expect(page.locator("article h1")).to_have_text(f"Verwijderd: {title}")
    page.get_by_role("link", name=re.compile(".")).filter(has=page.locator(f"xpath=self::*[contains(@href, '{new}')]")).first.click()
    expect(page).to_have_url(f"{public_url}dilemmas/{new}/")


def test_version_selector_opens_the_same_page_in_an_older_version(page: Page, public_url: str) -> None:
    page.goto(f"{public_url}spanningen/")
    selector = page.locator(".md-version")
    expect(selector.locator(".md-version__current")).to_have_text("Nieuwste versie")
    # The newest version shows no "older version" banner.
    expect(page.locator("[data-md-component=outdated]")).to_be_hidden()
    selector.hover()
    page.locator(".md-version__link", has_text=re.compile(r"^\s*Versie 1\.0\s*$")).click()
    expect(page).to_have_url(f"{public_url}1.0/spanningen/")
    banner = page.locator("[data-md-component=outdated]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Je bekijkt een oudere versie van de gids.")
    # The banner leads to the newest version of the same page: Material
    # follows a link to a version listed in versions.json (the root is)
    # to the page at the same address there.
    banner.get_by_role("link").click()
    expect(page).to_have_url(f"{public_url}spanningen/")
    expect(selector.locator(".md-version__current")).to_have_text("Nieuwste versie")


def test_a_link_to_a_dilemma_in_version_1_0_shows_it_as_it_was(page: Page, public_url: str, two_releases: TwoReleases) -> None:
    gone, title = two_releases.removed
    page.goto(f"{public_url}1.0/dilemmas/{gone}/#handelingsperspectief")
    expect(page.locator("article h1")).to_have_text(title)
    expect(page.locator("h2#handelingsperspectief")).to_be_in_viewport()


@pytest.mark.parametrize(
    ("folder", "shown", "banner"),
    [("", "Nieuwste versie", False), ("1.1/", "Versie 1.1", False), ("1.0/", "Versie 1.0", True)],
    ids=["root", "newest release", "older release"],
)
def test_the_selector_names_the_version_each_folder_holds(page: Page, public_url: str, folder: str, shown: str, banner: bool) -> None:
    """"Nieuwste" is said of the root only; the newest release is not
    outdated, an older one says so."""
    page.goto(f"{public_url}{folder}spanningen/")
    expect(page.locator(".md-version__current")).to_have_text(shown)
    listed = page.locator(".md-version__link").all_text_contents()
    assert [t.strip() for t in listed] == ["Nieuwste versie", "Versie 1.1", "Versie 1.0"]
    outdated = page.locator("[data-md-component=outdated]")
    if banner:
        expect(outdated).to_be_visible()
    else:
        expect(outdated).to_be_hidden()
    # The root's entry leads to the root, from any folder.
    root_link = page.locator(".md-version__link", has_text="Nieuwste versie")
    assert root_link.evaluate("a => a.href") == public_url
