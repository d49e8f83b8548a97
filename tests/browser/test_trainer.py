"""A trainer in a real browser: filters a list and shares it, copies a link to
a section, composes a session set, and prints clean cards."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import segno
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import RequestLog

pytestmark = pytest.mark.browser

# The address the guide is published at in these builds (mkdocs.yml's default).
PUBLISHED = "http://127.0.0.1:8000/"


def guide_data(built_site: Path) -> dict:
    return json.loads((built_site / "gids.json").read_text(encoding="utf-8"))


def visible_results(page: Page) -> list[str]:
    return page.locator("#gids-filter-results .gids-card__title").all_inner_texts()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


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


def test_copy_link_puts_the_permanent_address_on_the_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "dilemmas/op-tijd-opschalen/")
    buttons = page.get_by_role("button", name=re.compile("^Kopieer link"))
    expect(buttons).to_have_count(5)
    expect(buttons.first).to_be_visible()

    buttons.first.click()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLISHED + "dilemmas/op-tijd-opschalen/"
    expect(page.locator("#gids-live")).to_contain_text("Link gekopieerd")

    page.get_by_role("button", name="Kopieer link naar het deel Gespreksvragen").click()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLISHED + "dilemmas/op-tijd-opschalen/#gespreksvragen"
    expect(page.locator("#gids-live")).to_have_attribute("aria-live", "polite")
    # The heading's name stays the title: the control is beside it, not in it.
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"\?$"))


def test_a_session_address_shows_its_cards_in_order_and_names_unknown_ids(
    page: Page, site_url: str, built_site: Path
) -> None:
    titles = {d["id"]: d["title"] for d in guide_data(built_site)["dilemmas"]}
    order = ["op-tijd-opschalen", "bestaat-niet", "minister-of-samenleving", "regel-of-maatwerk"]
    page.goto(f"{site_url}sessie/?d={','.join(order)}")
    cards = page.locator(".gids-session-card")
    expect(cards).to_have_count(3)
    assert cards.locator(".gids-dilemma__title").all_inner_texts() == [
        titles["op-tijd-opschalen"],
        titles["minister-of-samenleving"],
        titles["regel-of-maatwerk"],
    ]
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("'bestaat-niet' bestaat niet in de gids.")
    # Links on a card still lead to the right pages.
    cards.first.locator(".gids-facts a[href*='principes/']").first.click()
    expect(page).to_have_url(re.compile(r"/principes/[a-z0-9-]+/$"))


def card_requests(log: RequestLog) -> list[str]:
    """The dilemma pages the session page fetched as cards."""
    return [u for u in log.urls if urlsplit(u).path.startswith("/dilemmas/")]


def test_session_ids_are_data_not_names_of_object_properties(
    page: Page, requests_made: RequestLog, site_url: str
) -> None:
    ids = ["constructor", "toString", "__proto__", "hasOwnProperty", "op-tijd-opschalen", "valueOf", "prototype"]
    page.goto(f"{site_url}sessie/?d={','.join(ids)}")
    expect(page.locator(".gids-session-card")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("'constructor' bestaat niet in de gids.")
    expect(alert).to_contain_text("'prototype' bestaat niet in de gids.")
    for invalid in ("toString", "__proto__", "hasOwnProperty", "valueOf"):
        expect(alert).to_contain_text(f"'{invalid}' is geen naam van een dilemma.")
    assert [u for u in requests_made.urls if "undefined" in u] == []
    assert card_requests(requests_made) == [site_url + "dilemmas/op-tijd-opschalen/"]

    # The picker, opened from such an address, starts with the one dilemma.
    page.goto(f"{site_url}sessie/?d={','.join(ids)}&kiezen")
    expect(page.locator("#gids-session-selected li")).to_have_count(1)
    expect(page.get_by_label("Adres van de set")).to_have_value(site_url + "sessie/?d=op-tijd-opschalen")


def test_an_id_repeated_3500_times_loads_one_card(page: Page, requests_made: RequestLog, site_url: str) -> None:
    # (Just under the 64 KB request line Python's test server accepts.)
    ids = ["op-tijd-opschalen"] * 3500 + ["regel-of-maatwerk", "op-tijd-opschalen"]
    page.goto(f"{site_url}sessie/?d={','.join(ids)}")
    cards = page.locator(".gids-session-card")
    expect(cards).to_have_count(2)
    page.wait_for_load_state("networkidle")
    # Each id counts once, where it first occurs.
    assert cards.evaluate_all("els => els.map(e => e.querySelector('.gids-dilemma').dataset.gidsId)") == [
        "op-tijd-opschalen",
        "regel-of-maatwerk",
    ]
    assert sorted(card_requests(requests_made)) == [
        site_url + "dilemmas/op-tijd-opschalen/",
        site_url + "dilemmas/regel-of-maatwerk/",
    ]
    assert len(requests_made.urls) < 40, requests_made.urls
    expect(page.get_by_role("alert")).to_be_hidden()


def test_a_session_loads_at_most_30_cards_and_says_so(page: Page, requests_made: RequestLog, site_url: str) -> None:
    # A guide of 45 dilemmas: the real 20, and 25 more that share their pages.
    def larger_guide(route: Route) -> None:
        data = route.fetch().json()
        real = data["dilemmas"]
        extra = [{**real[i % len(real)], "id": f"extra-{i:02d}", "aliases": []} for i in range(25)]
        data["dilemmas"] = real + extra
        route.fulfill(json=data)

    page.route("**/gids.json", larger_guide)
    page.goto(site_url + "sessie/")
    expect(page.locator("#gids-session-options li")).to_have_count(45)
    options = page.locator("#gids-session-options input").evaluate_all(
        "els => els.map(e => [e.value, e.parentElement.textContent.trim()])"
    )
    ids = [value for value, _ in options]
    page.goto(f"{site_url}sessie/?d={','.join(ids)}")
    expect(page.locator(".gids-session-card")).to_have_count(30)
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("alert")).to_have_text(
        "Niet alles uit dit adres staat in de set. Een sessie toont hoogstens 30 kaarten. "
        "De laatste 15 dilemma's uit dit adres zijn weggelaten."
    )
    # The first 30, in the order of the address.
    labels = page.locator(".gids-session-card").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert labels == [title for _, title in options[:30]]
    assert len(card_requests(requests_made)) <= 30
    # "Set aanpassen" keeps the 30 that are shown.
    edit = page.get_by_role("link", name="Set aanpassen").get_attribute("href")
    assert edit.split("?d=")[1].split("&")[0].split(",") == ids[:30]
    # A trainer who picks more than 30 is told so while picking.
    page.goto(f"{site_url}sessie/?d={','.join(ids)}&kiezen")
    expect(page.locator("#gids-session-selected li")).to_have_count(45)
    expect(page.locator("#gids-session-empty")).to_have_text(
        "Een set toont hoogstens 30 kaarten. Wat je na de 30e kiest, valt weg."
    )


def test_unknown_ids_are_named_as_text_and_at_most_ten(page: Page, site_url: str) -> None:
    markup = "<img src=x onerror=window.gidsInjected=1>"
    bold = "<b>vet</b>"
    long = "a" * 5000
    unknown = [f"bestaat-niet-{n}" for n in range(25)]
    page.goto(f"{site_url}sessie/?d={quote(markup)},{quote(bold)},op-tijd-opschalen,{long},{','.join(unknown)}")
    expect(page.locator(".gids-session-card")).to_have_count(1)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(f"'{markup}' is geen naam van een dilemma.")
    expect(alert).to_contain_text(f"'{bold}' is geen naam van een dilemma.")
    expect(alert).to_contain_text(f"'{'a' * 60}…' is geen naam van een dilemma.")
    expect(alert).to_contain_text("'bestaat-niet-6' bestaat niet in de gids. Nog 18 namen staan niet in de gids.")
    expect(alert).not_to_contain_text("bestaat-niet-7")
    expect(alert.locator("*")).to_have_count(0)
    assert page.evaluate("window.gidsInjected") is None


def test_a_trainer_picks_dilemmas_and_gets_a_shareable_address(page: Page, site_url: str, built_site: Path) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    titles = {d["id"]: d["title"] for d in guide_data(built_site)["dilemmas"]}
    page.goto(site_url + "sessie/")
    search = page.get_by_label("Zoek op woorden uit de titel, de samenvatting of de trefwoorden")
    search.fill("minister")
    options = page.locator("#gids-session-options li:not([hidden])")
    assert 0 < options.count() < len(titles)

    page.get_by_role("checkbox", name=titles["minister-of-samenleving"]).check()
    search.fill("")
    page.get_by_role("checkbox", name=titles["op-tijd-opschalen"]).check()
    page.get_by_role("button", name=f"Omhoog: {titles['op-tijd-opschalen']}").click()
    link = page.get_by_label("Adres van de set")
    expect(link).to_have_value(site_url + "sessie/?d=op-tijd-opschalen,minister-of-samenleving")
    page.get_by_role("button", name="Kopieer het adres").click()
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "sessie/?d=op-tijd-opschalen,minister-of-samenleving"

    page.get_by_role("link", name="Toon de kaarten").click()
    expect(page.locator(".gids-session-card")).to_have_count(2)
    page.get_by_role("link", name="Set aanpassen").click()
    expect(page.get_by_role("checkbox", name=titles["op-tijd-opschalen"])).to_be_checked()
    expect(page.get_by_role("checkbox", name=titles["minister-of-samenleving"])).to_be_checked()


def test_a_dilemma_prints_as_a_clean_card_set(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "dilemmas/minister-of-samenleving/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".gids-copy", ".gids-history"):
        expect(page.locator(hidden).first).to_be_hidden()
    qr = page.locator(".gids-print-address svg")
    expect(qr).to_be_visible()
    # The QR code encodes exactly the permanent address: the same symbol as
    # segno makes for that address (its modules are the path data).
    expected = segno.make(PUBLISHED + "dilemmas/minister-of-samenleving/", error="m", mask=0).svg_inline(
        scale=4, border=2, omitsize=True
    )
    path_of = re.compile(r'<path[^>]* d="([^"]+)"')
    assert path_of.search(qr.evaluate("el => el.outerHTML")).group(1) == path_of.search(expected).group(1)
    expect(page.locator(".gids-print-address")).to_contain_text(PUBLISHED + "dilemmas/minister-of-samenleving/")
    for section in ("situatie", "gespreksvragen", "handelingsperspectief"):
        expect(page.locator(f".gids-section--{section}")).to_be_visible()
    page.screenshot(path=str(tmp_path / "print.png"), full_page=True)
    assert (tmp_path / "print.png").stat().st_size > 10_000
    # Two A4 cards: the case, then the conversation.
    assert pdf_pages(page.pdf(format="A4")) == 2


def test_a_tension_page_prints_as_a_deck_of_its_dilemmas(page: Page, site_url: str, built_site: Path) -> None:
    tension = next(t for t in guide_data(built_site)["tensions"] if t["id"] == "professie-maatschappij")
    titles = {d["id"]: d["title"] for d in guide_data(built_site)["dilemmas"]}
    page.goto(site_url + "spanningen/professie-maatschappij/")
    # The page itself holds no copy of its dilemmas: the deck is fetched.
    expect(page.locator(".gids-deck")).to_be_empty()
    # Printed before asking for the cards, the page lists its dilemmas.
    page.emulate_media(media="print")
    expect(page.locator(".gids-tension-dilemmas .gids-card")).to_have_count(len(tension["dilemmas"]))
    page.emulate_media(media="screen")

    page.evaluate("() => { window.gidsPrinted = 0; window.print = () => { window.gidsPrinted += 1; }; }")
    page.get_by_role("button", name="Druk de kaarten af").click()
    cards = page.locator(".gids-deck__card")
    expect(cards).to_have_count(len(tension["dilemmas"]))
    # A function, not an expression: the page's policy forbids eval.
    page.wait_for_function("() => window.gidsPrinted === 1")
    # In the order of the page, each with its title and its QR code.
    assert cards.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))") == [
        titles[i] for i in tension["dilemmas"]
    ]
    ids = page.locator("[id]").evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == len(set(ids)), "the deck repeats ids of the page"

    page.emulate_media(media="print")
    expect(cards.first.locator(".gids-print-address svg")).to_be_visible()
    expect(page.locator(".gids-related")).to_be_hidden()
    assert pdf_pages(page.pdf(format="A4")) >= len(tension["dilemmas"]) * 2


def test_without_javascript_a_tension_page_prints_its_list(page_without_javascript: Page, site_url: str) -> None:
    page = page_without_javascript
    page.goto(site_url + "spanningen/professie-politiek/")
    expect(page.get_by_role("button", name="Druk de kaarten af")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".gids-tension-dilemmas .gids-card").first).to_be_visible()


def test_a_session_prints_one_dilemma_per_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "sessie/?d=op-tijd-opschalen,minister-of-samenleving,regel-of-maatwerk")
    expect(page.locator(".gids-session-card")).to_have_count(3)
    page.emulate_media(media="print")
    expect(page.locator(".gids-session-intro")).to_be_hidden()
    expect(page.locator(".gids-session-toolbar")).to_be_hidden()
    assert pdf_pages(page.pdf(format="A4")) == 3


def test_from_a_tension_to_three_dilemmas_in_a_session(page: Page, site_url: str, built_site: Path) -> None:
    data = guide_data(built_site)
    ids = next(t["dilemmas"] for t in data["tensions"] if t["id"] == "politiek-maatschappij")
    page.goto(site_url)
    page.get_by_role("link", name="Stel een sessie samen").first.click()
    page.get_by_label("Spanning").select_option("politiek-maatschappij")
    shown = page.locator("#gids-session-options li:not([hidden]) input")
    expect(shown).to_have_count(len(ids))
    for box in shown.all()[:3]:
        box.check()
    link = page.get_by_label("Adres van de set").input_value()
    chosen = link.split("?d=")[1].split(",")
    assert len(chosen) == 3 and set(chosen) <= set(ids)

    # The colleague opens the link and prints the cards.
    page.goto(link)
    expect(page.locator(".gids-session-card")).to_have_count(3)
    expect(page.locator(".gids-session-card .gids-print-address svg")).to_have_count(3)
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4")) == 3


def test_a_tension_page_offers_its_dilemmas_as_a_session(page: Page, site_url: str, built_site: Path) -> None:
    ids = next(t["dilemmas"] for t in guide_data(built_site)["tensions"] if t["id"] == "professie-politiek")
    page.goto(site_url + "spanningen/professie-politiek/")
    page.get_by_role("link", name="Stel een sessie samen met deze dilemma's").click()
    expect(page.locator("#gids-session-selected li")).to_have_count(len(ids))


def test_a_session_can_be_projected_one_card_per_screen(page: Page, site_url: str) -> None:
    page.goto(site_url + "sessie/?d=op-tijd-opschalen,minister-of-samenleving")
    expect(page.locator(".gids-session-card")).to_have_count(2)
    page.get_by_role("button", name="Presenteren").click()
    cards = page.locator("#gids-session-card-list")
    expect(cards).to_have_class(re.compile("gids-presenting"))
    viewport = page.viewport_size or {"height": 720}
    heights = page.locator(".gids-session-card").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert all(height >= viewport["height"] - 1 for height in heights)
    expect(cards).to_be_focused()
