"""A trainer in a real browser composes a set of dilemmas, names it and
shares it; a participant opens it; the trainer presents and prints it.
Also: copying a dilemma's permanent address, and what a session address
may hold (it is data from whoever wrote the link)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import RequestLog
from tests.browser.printing import print_deck

pytestmark = pytest.mark.browser

# The address the guide is published at in these builds (mkdocs.yml's
# default). What is shared, copied and printed is this address, whichever
# copy of the site the trainer uses (here: a test server on another port).
PUBLISHED = "http://127.0.0.1:8000/"


def guide_data(built_site: Path) -> dict:
    return json.loads((built_site / "gids.json").read_text(encoding="utf-8"))


def titles_of(built_site: Path) -> dict[str, str]:
    return {d["id"]: d["title"] for d in guide_data(built_site)["dilemmas"]}


def test_copy_link_puts_the_permanent_address_on_the_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "dilemmas/op-tijd-opschalen/")
    # One control for the dilemma, one per section, each named for what it links to.
    expect(page.get_by_role("button", name=re.compile("^Kopieer link"))).to_have_count(1)
    sections = page.get_by_role("button", name=re.compile("^Link naar "))
    expect(sections).to_have_count(4)
    assert sections.all_inner_texts() == [
        "Link naar Situatie", "Link naar Spanning", "Link naar Gespreksvragen", "Link naar Handelingsperspectief"
    ]
    page.get_by_role("button", name="Kopieer link naar dit dilemma").click()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLISHED + "dilemmas/op-tijd-opschalen/"
    expect(page.locator("#gids-live")).to_contain_text("Link gekopieerd")

    page.get_by_role("button", name="Link naar Gespreksvragen").click()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLISHED + "dilemmas/op-tijd-opschalen/#gespreksvragen"
    expect(page.locator("#gids-live")).to_have_attribute("aria-live", "polite")
    # The headings' names stay their text: the controls are beside them.
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"\?$"))
    expect(page.locator("h2#gespreksvragen button")).to_have_count(0)


def test_a_trainer_composes_names_reorders_and_shares_a_set(page: Page, site_url: str, built_site: Path) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    titles = titles_of(built_site)
    # From two dilemma pages and from the list.
    page.goto(site_url + "dilemmas/minister-of-samenleving/")
    add = page.get_by_role("button", name=re.compile("^Voeg toe aan sessie"))
    add.click()
    expect(page.get_by_role("button", name=re.compile("^In je sessie: haal weg"))).to_have_text("In je sessie: haal weg")
    expect(page.locator("#gids-live")).to_contain_text("Toegevoegd aan je sessie")
    page.goto(site_url + "dilemmas/op-tijd-opschalen/")
    page.get_by_role("button", name=re.compile("^Voeg toe aan sessie")).click()
    page.goto(site_url + "dilemmas/")
    page.get_by_role("button", name=f"Voeg toe aan sessie: {titles['regel-of-maatwerk']}").first.click()
    # A dilemma on two sides is listed twice; both of its buttons say it is in the set.
    expect(page.get_by_role("button", name=f"In je sessie: haal weg: {titles['regel-of-maatwerk']}").first).to_be_visible()

    page.goto(site_url + "sessie/")
    chosen = page.locator("#gids-session-selected .gids-session-selected__title")
    expect(chosen).to_have_text([titles["minister-of-samenleving"], titles["op-tijd-opschalen"], titles["regel-of-maatwerk"]])
    page.get_by_label("Naam van de set (mag leeg blijven)").fill("Introductie dag 2")
    # By keyboard: the second one up; focus stays with the moved dilemma.
    page.get_by_role("button", name=f"Omhoog: {titles['op-tijd-opschalen']}").focus()
    page.keyboard.press("Enter")
    expect(chosen.first).to_have_text(titles["op-tijd-opschalen"])
    expect(page.get_by_role("button", name=f"Omlaag: {titles['op-tijd-opschalen']}")).to_be_focused()
    expect(page.get_by_role("button", name=f"Omhoog: {titles['op-tijd-opschalen']}")).to_be_disabled()
    expect(page.locator("#gids-live")).to_contain_text("staat nu op plaats 1")
    page.get_by_role("button", name=f"Haal weg: {titles['regel-of-maatwerk']}").click()
    expect(chosen).to_have_count(2)
    link = page.get_by_label("Adres van de set, om te delen")
    shared = PUBLISHED + "sessie/?d=op-tijd-opschalen,minister-of-samenleving&titel=Introductie%20dag%202"
    expect(link).to_have_value(shared)
    page.get_by_role("button", name="Kopieer het adres").click()
    assert page.evaluate("navigator.clipboard.readText()") == shared

    # Kept in the browser: a reload (or another day) finds the same set.
    page.reload()
    expect(chosen).to_have_count(2)
    expect(page.get_by_label("Naam van de set (mag leeg blijven)")).to_have_value("Introductie dag 2")

    page.get_by_role("link", name="Bekijk de set").click()
    expect(page).to_have_url(site_url + "sessie/?d=op-tijd-opschalen,minister-of-samenleving&titel=Introductie%20dag%202")
    expect(page.get_by_role("heading", level=1)).to_have_text("Introductie dag 2")
    expect(page.locator(".gids-session-card")).to_have_count(2)
    page.get_by_role("button", name="Kopieer link").click()
    assert page.evaluate("navigator.clipboard.readText()") == shared


@pytest.mark.parametrize("size", [{"width": 390, "height": 844}])
def test_a_participant_on_a_phone_sees_the_set_first(page: Page, site_url: str, built_site: Path, size: dict) -> None:
    titles = titles_of(built_site)
    page.set_viewport_size(size)
    page.goto(f"{site_url}sessie/?d=minister-of-samenleving,op-tijd-opschalen&titel={quote('Loyaliteit & lef')}")
    expect(page.locator(".gids-session-card")).to_have_count(2)
    # The set's name is the page's one visible heading of level 1; the
    # composer's instructions are not shown.
    expect(page.get_by_role("heading", level=1)).to_have_text("Loyaliteit & lef")
    expect(page.locator(".gids-session-intro")).to_be_hidden()
    expect(page.locator("#gids-session-picker")).to_be_hidden()
    first = page.locator(".gids-session-card .gids-dilemma__title").first
    expect(first).to_have_text(titles["minister-of-samenleving"])
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= size["height"], box
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    # Composing is one clear button away, with this set.
    page.get_by_role("link", name="Pas de set aan").click()
    expect(page.locator("#gids-session-selected li")).to_have_count(2)
    expect(page.get_by_label("Naam van de set (mag leeg blijven)")).to_have_value("Loyaliteit & lef")


def test_a_tension_page_opens_the_composer_on_its_tension(page: Page, site_url: str, built_site: Path) -> None:
    ids = next(t["dilemmas"] for t in guide_data(built_site)["tensions"] if t["id"] == "professie-politiek")
    page.goto(site_url + "spanningen/professie-politiek/")
    page.get_by_role("link", name="Kies dilemma's van deze spanning voor een sessie").click()
    expect(page.get_by_label("Spanning")).to_have_value("professie-politiek")
    expect(page.locator("#gids-session-options li:not([hidden])")).to_have_count(len(ids))
    # Nothing is ticked for the trainer: choosing is theirs.
    expect(page.locator("#gids-session-selected li")).to_have_count(0)
    page.locator("#gids-session-options li:not([hidden]) input").first.check()
    expect(page.locator("#gids-session-selected li")).to_have_count(1)


def test_what_the_browser_kept_is_read_as_data(page: Page, site_url: str, built_site: Path) -> None:
    titles = titles_of(built_site)
    page.goto(site_url + "sessie/")
    page.evaluate(
        """() => localStorage.setItem("gids-sessie", JSON.stringify({
            ids: ["<img src=x onerror=window.gidsInjected=1>", 5, "__proto__", "op-tijd-opschalen", "op-tijd-opschalen"],
            title: {"toString": 1}}))"""
    )
    page.reload()
    expect(page.locator("#gids-session-selected .gids-session-selected__title")).to_have_text([titles["op-tijd-opschalen"]])
    expect(page.get_by_label("Naam van de set (mag leeg blijven)")).to_have_value("")
    page.evaluate("() => localStorage.setItem('gids-sessie', '{not json')")
    page.reload()
    expect(page.locator("#gids-session-empty")).to_be_visible()
    assert page.evaluate("window.gidsInjected") is None


def test_a_session_address_shows_its_cards_in_order_and_names_unknown_ids(
    page: Page, site_url: str, built_site: Path
) -> None:
    titles = titles_of(built_site)
    order = ["op-tijd-opschalen", "bestaat-niet", "minister-of-samenleving", "regel-of-maatwerk"]
    page.goto(f"{site_url}sessie/?d={','.join(order)}")
    cards = page.locator(".gids-session-card")
    expect(cards).to_have_count(3)
    # Without a name, the set is called "Sessie".
    expect(page.get_by_role("heading", level=1)).to_have_text("Sessie")
    assert cards.locator(".gids-dilemma__title").all_inner_texts() == [
        titles["op-tijd-opschalen"],
        titles["minister-of-samenleving"],
        titles["regel-of-maatwerk"],
    ]
    alert = page.locator("#gids-session-unknown")
    expect(alert).to_contain_text("'bestaat-niet' bestaat niet in de gids.")
    # A card carries no tools of its page, and links on it still lead to the right pages.
    expect(cards.get_by_role("button", name=re.compile("Voeg toe aan sessie"))).to_have_count(0)
    cards.first.locator(".gids-facts a[href*='principes/']").first.click()
    expect(page).to_have_url(re.compile(r"/principes/[a-z0-9-]+/$"))


def test_a_name_in_the_address_is_text(page: Page, site_url: str) -> None:
    markup = "<img src=x onerror=window.gidsInjected=1>"
    page.goto(f"{site_url}sessie/?d=op-tijd-opschalen&titel={quote(markup + 'x' * 300)}")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text((markup + "x" * 300)[:80])
    expect(heading.locator("*")).to_have_count(0)
    assert page.evaluate("window.gidsInjected") is None


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
    alert = page.locator("#gids-session-unknown")
    expect(alert).to_contain_text("'constructor' bestaat niet in de gids.")
    expect(alert).to_contain_text("'prototype' bestaat niet in de gids.")
    for invalid in ("toString", "__proto__", "hasOwnProperty", "valueOf"):
        expect(alert).to_contain_text(f"'{invalid}' is geen naam van een dilemma.")
    assert [u for u in requests_made.urls if "undefined" in u] == []
    assert card_requests(requests_made) == [site_url + "dilemmas/op-tijd-opschalen/"]

    # The picker, opened from such an address, starts with the one dilemma.
    page.goto(f"{site_url}sessie/?d={','.join(ids)}&kiezen")
    expect(page.locator("#gids-session-selected li")).to_have_count(1)
    expect(page.get_by_label("Adres van de set, om te delen")).to_have_value(PUBLISHED + "sessie/?d=op-tijd-opschalen")



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
    expect(page.locator("#gids-session-unknown")).to_be_hidden()



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
        "els => els.map(e => [e.value, e.parentElement.querySelector('strong').textContent.trim()])"
    )
    ids = [value for value, _ in options]
    page.goto(f"{site_url}sessie/?d={','.join(ids)}")
    expect(page.locator(".gids-session-card")).to_have_count(30)
    page.wait_for_load_state("networkidle")
    expect(page.locator("#gids-session-unknown")).to_have_text(
        "Niet alles uit dit adres staat in de set. Een sessie toont hoogstens 30 kaarten. "
        "De laatste 15 dilemma's uit dit adres zijn weggelaten."
    )
    # The first 30, in the order of the address.
    labels = page.locator(".gids-session-card").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert labels == [title for _, title in options[:30]]
    assert len(card_requests(requests_made)) <= 30
    # "Pas de set aan" keeps the 30 that are shown.
    edit = page.get_by_role("link", name="Pas de set aan").get_attribute("href")
    assert edit.split("?d=")[1].split("&")[0].split(",") == ids[:30]
    # Composing from such an address keeps 30 as well, and says so.
    page.goto(f"{site_url}sessie/?d={','.join(ids)}&kiezen")
    expect(page.locator("#gids-session-selected li")).to_have_count(30)
    expect(page.locator("#gids-session-dropped")).to_have_text(
        "Een set heeft hoogstens 30 dilemma's. De laatste 15 dilemma's uit het adres zijn weggelaten."
    )
    # A 31st cannot be ticked.
    box = page.locator("#gids-session-options input:not(:checked)").first
    box.click()
    expect(box).not_to_be_checked()
    expect(page.locator("#gids-live")).to_contain_text("Een set heeft hoogstens 30 dilemma's.")


def test_unknown_ids_are_named_as_text_and_at_most_ten(page: Page, site_url: str) -> None:
    markup = "<img src=x onerror=window.gidsInjected=1>"
    bold = "<b>vet</b>"
    long = "a" * 5000
    unknown = [f"bestaat-niet-{n}" for n in range(25)]
    page.goto(f"{site_url}sessie/?d={quote(markup)},{quote(bold)},op-tijd-opschalen,{long},{','.join(unknown)}")
    expect(page.locator(".gids-session-card")).to_have_count(1)
    alert = page.locator("#gids-session-unknown")
    expect(alert).to_contain_text(f"'{markup}' is geen naam van een dilemma.")
    expect(alert).to_contain_text(f"'{bold}' is geen naam van een dilemma.")
    expect(alert).to_contain_text(f"'{'a' * 60}…' is geen naam van een dilemma.")
    expect(alert).to_contain_text("'bestaat-niet-6' bestaat niet in de gids. Nog 18 namen staan niet in de gids.")
    expect(alert).not_to_contain_text("bestaat-niet-7")
    expect(alert.locator("*")).to_have_count(0)
    assert page.evaluate("window.gidsInjected") is None



def test_without_javascript_a_tension_page_prints_its_list(page_without_javascript: Page, site_url: str) -> None:
    page = page_without_javascript
    page.goto(site_url + "spanningen/professie-politiek/")
    expect(page.get_by_role("button", name="Druk de kaarten af")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".gids-tension-dilemmas .gids-card").first).to_be_visible()


def test_a_set_is_presented_from_its_page(page: Page, site_url: str, built_site: Path) -> None:
    titles = titles_of(built_site)
    page.goto(f"{site_url}sessie/?d=op-tijd-opschalen,minister-of-samenleving&titel=Dag%201")
    expect(page.locator(".gids-session-card")).to_have_count(2)
    present = page.get_by_role("button", name="Presenteren")
    present.click()
    dialog = page.get_by_role("dialog", name=re.compile("^Presentatie"))
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Kaart 1 van 2")
    expect(dialog).to_contain_text(titles["op-tijd-opschalen"])
    page.keyboard.press("End")
    expect(dialog).to_contain_text("Kaart 2 van 2")
    expect(dialog).to_contain_text(titles["minister-of-samenleving"])
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name=re.compile("^Presentatie"))).to_have_count(0)
    expect(present).to_be_focused()


def test_a_set_prints_as_cards(page: Page, site_url: str, built_site: Path) -> None:
    titles = titles_of(built_site)
    ids = ["op-tijd-opschalen", "minister-of-samenleving", "regel-of-maatwerk"]
    page.goto(f"{site_url}sessie/?d={','.join(ids)}")
    expect(page.locator(".gids-session-card")).to_have_count(3)
    texts = print_deck(page)
    # Three A6 cards: one sheet of fronts, one of backs, each card's title on both.
    assert len(texts) == 2
    for dilemma in ids:
        assert all(titles[dilemma] in text for text in texts), (dilemma, texts)
    # (An address may break over two lines on the card.)
    assert PUBLISHED + "dilemmas/regel-of-maatwerk/" in texts[1].replace(" ", "")


def test_a_tension_page_prints_and_presents_its_dilemmas(page: Page, site_url: str, built_site: Path) -> None:
    tension = next(t for t in guide_data(built_site)["tensions"] if t["id"] == "professie-maatschappij")
    titles = titles_of(built_site)
    page.goto(site_url + "spanningen/professie-maatschappij/")
    texts = print_deck(page)
    ids = page.locator("[id]").evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == len(set(ids)), "the deck repeats ids of the page"
    sheets = -(-len(tension["dilemmas"]) // 4)
    assert len(texts) == 2 * sheets
    for dilemma in tension["dilemmas"]:
        on = [i for i, text in enumerate(texts) if titles[dilemma] in text]
        assert len(on) == 2 and on[1] == on[0] + 1, (dilemma, on)

    page.get_by_role("button", name="Presenteren").click()
    dialog = page.get_by_role("dialog", name=re.compile("^Presentatie"))
    expect(dialog).to_contain_text(f"Kaart 1 van {len(tension['dilemmas'])}")
    page.keyboard.press("Escape")


def test_all_dilemmas_print_as_one_deck(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"]
    page.goto(site_url + "dilemmas/")
    texts = print_deck(page, "Alle dilemma's afdrukken")
    # Each dilemma once, though a dilemma on two sides is listed twice.
    assert len(texts) == 2 * -(-len(dilemmas) // 4)
    for dilemma in dilemmas:
        assert sum(dilemma["title"] in text for text in texts) == 2, dilemma["id"]


def test_on_a_touch_screen_a_set_is_reordered_by_tapping(browser, site_url: str, built_site: Path) -> None:
    titles = titles_of(built_site)
    context = browser.new_context(locale="nl-NL", has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{site_url}sessie/?d=op-tijd-opschalen,minister-of-samenleving,regel-of-maatwerk&kiezen")
        chosen = page.locator("#gids-session-selected .gids-session-selected__title")
        expect(chosen).to_have_count(3)
        page.get_by_role("button", name=f"Omlaag: {titles['op-tijd-opschalen']}").tap()
        expect(chosen.nth(1)).to_have_text(titles["op-tijd-opschalen"])
        page.get_by_role("button", name=f"Haal weg: {titles['regel-of-maatwerk']}").tap()
        expect(chosen).to_have_count(2)
        # Targets a finger can hit: at least 44 by 44 CSS pixels... of height 44 here.
        for button in page.locator("#gids-session-selected button").all():
            box = button.bounding_box()
            assert box is not None and box["height"] >= 44, box
        option = page.locator("#gids-session-options label").first.bounding_box()
        assert option is not None and option["height"] >= 44
        page.locator("#gids-session-options label").nth(5).tap()
        expect(chosen).to_have_count(3)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_the_qr_code_on_a_card_is_the_permanent_address(page: Page, site_url: str) -> None:
    import segno

    page.goto(site_url + "dilemmas/minister-of-samenleving/")
    page.emulate_media(media="print")
    qr = page.locator("article .gids-dilemma .gids-print-address svg")
    # The same symbol as segno makes for that address (its modules are the path data).
    expected = segno.make(PUBLISHED + "dilemmas/minister-of-samenleving/", error="m", mask=0).svg_inline(
        scale=4, border=2, omitsize=True
    )
    path_of = re.compile(r'<path[^>]* d="([^"]+)"')
    assert path_of.search(qr.evaluate("el => el.outerHTML")).group(1) == path_of.search(expected).group(1)
    expect(page.locator("article .gids-dilemma .gids-print-address")).to_contain_text(
        PUBLISHED + "dilemmas/minister-of-samenleving/"
    )
