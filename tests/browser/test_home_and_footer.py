"""The home page and the 404 page in Chromium, on a phone (390 px wide) and a
laptop (1280 px): the triangle and the three routes are on screen, nothing
is wider than the window. Each page is also saved as a screenshot in
/tmp/issue15-shots/, for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

# axe with every rule, as tests/browser/test_accessibility.py runs it on the
# other page types (the 404 page is not among those).
from tests.browser.test_accessibility import assert_no_violations, axe_options  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/issue15-shots")
WIDTHS = [390, 1280]

# How far the page reaches beyond the window, sideways (0: no horizontal scrolling).
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Elements that stick out beyond the right edge of the window, for the message.
WIDE = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(el => el.checkVisibility())
  .slice(0, 10).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'))"""


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_no_horizontal_scrolling(page: Page) -> None:
    assert page.evaluate(OVERFLOW) <= 0, page.evaluate(WIDE)


@pytest.mark.parametrize("width", WIDTHS)
def test_home_shows_the_triangle_and_the_routes_without_scrolling_sideways(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url, wait_until="networkidle")
    triangle = page.locator("section.gids-home-triangle figure.gids-triangle svg")
    expect(triangle).to_be_visible()
    box = triangle.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    # Big enough to read its sides: at least most of a phone's width.
    assert box["width"] >= min(300, width * 0.75)
    expect(page.locator("li.gids-home-side")).to_have_count(3)
    routes = page.locator("section.gids-home-routes li.gids-route")
    expect(routes).to_have_count(3)
    for i in range(3):
        expect(routes.nth(i)).to_be_visible()
        route = routes.nth(i).bounding_box()
        assert route is not None and route["x"] >= 0 and route["x"] + route["width"] <= width
    if width >= 1280:
        # On a laptop the routes stand side by side, the triangle beside its list.
        tops = {round(routes.nth(i).bounding_box()["y"]) for i in range(3)}
        assert len(tops) == 1, tops
        sides = page.locator("ul.gids-home-sides").bounding_box()
        assert sides["x"] > box["x"] + box["width"] - 1
    assert_no_horizontal_scrolling(page)
    # "Verbeter deze pagina" is below the routes and the example.
    edit = page.locator("article a.gids-edit").bounding_box()
    example = page.locator("section.gids-home-example").bounding_box()
    assert edit is not None and example is not None and edit["y"] > example["y"] + example["height"]
    shoot(page, f"home-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_404_page_in_dutch_leads_to_search_and_the_routes(
    page: Page, site_url: str, axe_options: dict, width: int  # noqa: F811 (the fixture imported above)
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "404.html", wait_until="networkidle")
    expect(page.locator("article h1")).to_have_text("Pagina niet gevonden")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("article .gids-route")).to_have_count(3)
    assert_no_horizontal_scrolling(page)
    shoot(page, f"404-{width}")
    if width == WIDTHS[0]:
        assert_no_violations(page, axe_options)
    form = page.locator("article form[role=search]")
    if form.count():
        # The search form leads to the guide's search page with the words typed.
        page.get_by_label("Zoek in de gids").fill("tegenspraak")
        page.get_by_role("button", name="Zoeken").click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].endswith("/zoeken/") and "q=tegenspraak" in page.url


def test_a_dilemma_offers_to_react_and_its_footer_names_the_publisher(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site_url + "dilemmas/op-tijd-opschalen/", wait_until="networkidle")
    react = page.get_by_role("link", name="Reageer op deze pagina")
    expect(react).to_be_visible()
    assert react.get_attribute("href").startswith("mailto:")
    expect(page.locator("footer .gids-colophon__publisher")).to_be_visible()
    expect(page.locator("footer")).not_to_contain_text("Made with")
    assert_no_horizontal_scrolling(page)
    shoot(page, "dilemma-390")


# Their Tab stops: TAB_PAGES in test_accessibility.py.
