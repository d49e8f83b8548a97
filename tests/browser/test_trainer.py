"""A trainer in a real browser filters the list of dilemmas and shares the
filtered list. (Sessions, cards and presenting: test_session.py,
test_print_cards.py, test_present.py.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def guide_data(built_site: Path) -> dict:
    return json.loads((built_site / "gids.json").read_text(encoding="utf-8"))


def visible_results(page: Page) -> list[str]:
    return page.locator("#gids-filter-results .gids-card__title").all_inner_texts()


def test_filters_change_the_list_and_the_address(page: Page, site_url: str, built_site: Path) -> None:
    data = guide_data(built_site)
    page.goto(site_url + "dilemmas/")
    form = page.locator("#gids-filters")
    expect(form).to_be_visible()
    expect(page.locator("#gids-grouped")).to_be_visible()

    page.select_option("#gids-filter-spanning", "politiek-maatschappij")
    expect(page).to_have_url(re.compile(r"/dilemmas/\?spanning=politiek-maatschappij$"))
    expected = [d["title"] for d in data["dilemmas"] if "politiek-maatschappij" in d["tensions"]]
    expect(page.locator("#gids-filter-status")).to_have_text(f"{len(expected)} dilemma's gevonden.")
    assert visible_results(page) == expected
    expect(page.locator("#gids-grouped")).to_be_hidden()

    page.select_option("#gids-filter-domein", "uitvoering")
    expect(page).to_have_url(re.compile(r"\?spanning=politiek-maatschappij&domein=uitvoering$"))
    both = [
        d["title"] for d in data["dilemmas"] if "politiek-maatschappij" in d["tensions"] and "uitvoering" in d["domains"]
    ]
    assert 0 < len(both) < len(expected)
    expect(page.locator("#gids-filter-results .gids-card")).to_have_count(len(both))
    assert visible_results(page) == both

    page.get_by_role("button", name="Wis de filters").click()
    expect(page).to_have_url(re.compile(r"/dilemmas/$"))
    expect(page.locator("#gids-grouped")).to_be_visible()


def test_a_shared_filtered_address_restores_the_filter(page: Page, site_url: str, built_site: Path) -> None:
    data = guide_data(built_site)
    principle = data["principles"][0]
    page.goto(f"{site_url}dilemmas/?principe={principle['id']}&domein=beleid")
    expect(page.locator("#gids-filter-principe")).to_have_value(principle["id"])
    expect(page.locator("#gids-filter-domein")).to_have_value("beleid")
    expected = [
        d["title"] for d in data["dilemmas"] if principle["id"] in d["principles"] and "beleid" in d["domains"]
    ]
    expect(page.locator("#gids-filter-results .gids-card")).to_have_count(len(expected))
    assert visible_results(page) == expected


def test_filters_work_by_keyboard_and_are_labelled(page: Page, site_url: str) -> None:
    page.goto(site_url + "dilemmas/")
    expect(page.locator("#gids-filters")).to_be_visible()
    for name in ("Spanning", "Principe", "Domein", "Trefwoord"):
        expect(page.get_by_label(name, exact=True)).to_be_visible()
    page.get_by_label("Spanning", exact=True).focus()
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"\?spanning=professie-politiek$"))
    expect(page.locator("#gids-filter-status")).to_have_attribute("aria-live", "polite")
