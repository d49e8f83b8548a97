"""A trainer presents a set of dilemmas to a group (present.js): one card at a
time over the whole screen, step by step (each section of the card in the
page's order), by keyboard, buttons or a swipe, readable on a projector and
on a phone, and leaving the page as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.test_accessibility import assert_no_violations, axe_options  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

STEPS = 4

# The cards as a set gets them: each fetched from its dilemma's page, its
# links made absolute (they were relative to that page), imported into this
# one. The button that opens the presentation is the one focus returns to.
LOAD_CARDS = """async ({urls, title}) => {
  const cards = [];
  for (const url of urls) {
    const html = await (await fetch(url)).text();
    const dilemma = new DOMParser().parseFromString(html, "text/html").querySelector("article .gids-dilemma");
    dilemma.querySelectorAll("[href]").forEach(el => el.setAttribute("href", new URL(el.getAttribute("href"), url).href));
    const heading = dilemma.querySelector(".gids-dilemma__title").textContent.trim();
    cards.push({id: dilemma.dataset.gidsId, title: heading, element: document.importNode(dilemma, true)});
  }
  window.presentCards = cards;
  const opener = document.createElement("button");
  opener.type = "button";
  opener.id = "present-opener";
  opener.textContent = "Presenteren";
  opener.addEventListener("click", () => window.gids.present.open(window.presentCards, {opener, title}));
  // In view wherever the page is scrolled to, as a toolbar's button is.
  Object.assign(opener.style, {position: "fixed", bottom: "0", left: "0", zIndex: "10"});
  document.body.append(opener);
}"""

# The names of each card's steps: its sections' headings, as the page has them.
STEP_NAMES = """() => window.presentCards.map(card =>
  Array.from(card.element.querySelectorAll(".gids-section > h2"), h => h.firstChild.textContent.trim()))"""


# A browser that does not go fullscreen (it may refuse, as it does without a
# click; Playwright's evaluate counts as one).
REFUSE_FULLSCREEN = """() => {
  Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("Permissions check failed"));
}"""


def guide_data(built_site: Path) -> dict:
    return json.loads((built_site / "gids.json").read_text(encoding="utf-8"))


def load_cards(page: Page, site_url: str, dilemmas: list[dict], at: str = "dilemmas/") -> list[list[str]]:
    page.goto(site_url + at)
    # A dilemma page presents nothing itself; its ids are what is tested there.
    if not page.evaluate("() => Boolean(window.gids && window.gids.present)"):
        page.add_script_tag(url=site_url + "javascripts/gids/present.js")
        page.add_style_tag(url=site_url + "stylesheets/present.css")
    page.evaluate(LOAD_CARDS, {"urls": [site_url + d["address"] for d in dilemmas], "title": "Oefenset"})
    names = page.evaluate(STEP_NAMES)
    assert [len(n) for n in names] == [STEPS] * len(dilemmas), names
    return names


def open_presentation(page: Page) -> Locator:
    page.locator("#present-opener").click()
    dialog = page.get_by_role("dialog", name="Presentatie: Oefenset")
    expect(dialog).to_be_visible()
    return dialog


def expect_step(dialog: Locator, card: int, cards: int, step: int, names: list[str], title: str) -> None:
    expect(dialog.locator(".gids-present__card")).to_have_text(f"Kaart {card} van {cards}")
    expect(dialog.locator(".gids-present__step")).to_have_text(f"Stap {step} van {STEPS}: {names[step - 1]}")
    expect(dialog.get_by_role("heading", name=title, exact=True)).to_be_visible()
    expect(dialog.get_by_role("heading", name=names[step - 1], exact=True)).to_be_visible()
    for later in names[step:]:
        expect(dialog.get_by_role("heading", name=later, exact=True)).to_have_count(0)


def test_the_keyboard_walks_every_step_of_every_card(page: Page, site_url: str, built_site: Path) -> None:
    data = guide_data(built_site)
    chosen = data["dilemmas"][:3]
    tensions = {t["id"]: t["title"] for t in data["tensions"]}
    names = load_cards(page, site_url, chosen)
    opener = page.locator("#present-opener")
    dialog = open_presentation(page)
    expect(dialog).to_have_attribute("aria-modal", "true")
    expect(page.locator("#gids-live")).to_have_text(
        f"Presentatie: Oefenset. Kaart 1 van 3: {chosen[0]['title']}. Stap 1 van {STEPS}: {names[0][0]}."
    )

    for card, dilemma in enumerate(chosen, start=1):
        for step in range(1, STEPS + 1):
            expect_step(dialog, card, 3, step, names[card - 1], dilemma["title"])
            if step == 2:
                # The tension step names the card's tensions.
                for tension in dilemma["tensions"]:
                    expect(dialog.get_by_role("link", name=tensions[tension], exact=True)).to_be_visible()
                expect(page.locator("#gids-live")).to_have_text(f"Stap 2 van {STEPS}: {names[card - 1][1]}.")
            page.keyboard.press("ArrowRight")
        if card < 3:
            expect(page.locator("#gids-live")).to_have_text(
                f"Kaart {card + 1} van 3: {chosen[card]['title']}. Stap 1 van {STEPS}: {names[card][0]}."
            )
    # Past the last step of the last card there is nothing more.
    expect_step(dialog, 3, 3, STEPS, names[2], chosen[2]["title"])
    expect(dialog.get_by_role("button", name="Volgende")).to_be_disabled()

    page.keyboard.press("Home")
    expect_step(dialog, 1, 3, 1, names[0], chosen[0]["title"])
    expect(dialog.get_by_role("button", name="Vorige")).to_be_disabled()
    page.keyboard.press("ArrowLeft")
    expect_step(dialog, 1, 3, 1, names[0], chosen[0]["title"])
    for _ in range(STEPS):
        page.keyboard.press("PageDown")
    expect_step(dialog, 2, 3, 1, names[1], chosen[1]["title"])
    # Back across the border between two cards: the last step of the one before.
    page.keyboard.press("ArrowLeft")
    expect_step(dialog, 1, 3, STEPS, names[0], chosen[0]["title"])
    page.keyboard.press("PageUp")
    expect_step(dialog, 1, 3, STEPS - 1, names[0], chosen[0]["title"])
    page.keyboard.press("End")
    expect_step(dialog, 3, 3, 1, names[2], chosen[2]["title"])

    # The page's own shortcuts (Material's "n" and "." for the next page,
    # "f" for search) keep quiet while presenting.
    address = page.url
    for key in ("n", ".", "p", "f"):
        page.keyboard.press(key)
    expect(dialog).to_be_visible()
    assert page.url == address

    page.keyboard.press("Escape")
    expect(page.locator(".gids-present")).to_have_count(0)
    expect(opener).to_be_focused()
    expect(page.locator("#gids-live")).to_have_text("Presentatie gestopt.")


def touch(page: Page, points: list[tuple[float, float]]) -> None:
    """A finger on the screen at the first point, moved along the others, lifted."""
    cdp = page.context.new_cdp_session(page)
    for i, (x, y) in enumerate(points):
        kind = "touchStart" if i == 0 else "touchMove"
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_space_enter_buttons_and_a_swipe_move_on(page: Page, site_url: str, built_site: Path) -> None:
    chosen = guide_data(built_site)["dilemmas"][3:5]
    names = load_cards(page, site_url, chosen)
    dialog = open_presentation(page)
    step = dialog.locator(".gids-present__step")

    page.keyboard.press("Space")
    expect(step).to_have_text(f"Stap 2 van {STEPS}: {names[0][1]}")
    page.keyboard.press("Enter")
    expect(step).to_have_text(f"Stap 3 van {STEPS}: {names[0][2]}")

    dialog.get_by_role("button", name="Vorige").click()
    expect(step).to_have_text(f"Stap 2 van {STEPS}: {names[0][1]}")
    next_button = dialog.get_by_role("button", name="Volgende")
    next_button.click()
    next_button.click()
    expect(step).to_have_text(f"Stap 4 van {STEPS}: {names[0][3]}")
    # Enter and Space on a focused button do what the button says.
    dialog.get_by_role("button", name="Vorige").focus()
    page.keyboard.press("Enter")
    expect(step).to_have_text(f"Stap 3 van {STEPS}: {names[0][2]}")
    next_button.focus()
    page.keyboard.press("Space")
    expect(step).to_have_text(f"Stap 4 van {STEPS}: {names[0][3]}")

    # A finger swiping from right to left over the stage: the next card.
    box = dialog.locator(".gids-present__stage").bounding_box()
    assert box
    across = [box["x"] + box["width"] * f for f in (0.8, 0.7, 0.6, 0.5, 0.4, 0.3)]
    middle = box["y"] + box["height"] / 2
    touch(page, [(x, middle + i) for i, x in enumerate(across)])
    expect(dialog.locator(".gids-present__card")).to_have_text("Kaart 2 van 2")
    expect(step).to_have_text(f"Stap 1 van {STEPS}: {names[1][0]}")
    # And back, from left to right: the last step of the card before.
    touch(page, [(x, middle) for x in reversed(across)])
    expect(dialog.locator(".gids-present__card")).to_have_text("Kaart 1 van 2")
    expect(step).to_have_text(f"Stap {STEPS} van {STEPS}: {names[0][3]}")
    # A tap is not a swipe; nor is a finger scrolling down.
    touch(page, [(across[0], middle)])
    touch(page, [(across[0], middle - 40 * i) for i in range(5)])
    expect(step).to_have_text(f"Stap {STEPS} van {STEPS}: {names[0][3]}")

    dialog.get_by_role("button", name="Sluiten").click()
    expect(page.locator(".gids-present")).to_have_count(0)
    expect(page.locator("#present-opener")).to_be_focused()


def test_fullscreen_and_leaving_it(page: Page, site_url: str, built_site: Path) -> None:
    load_cards(page, site_url, guide_data(built_site)["dilemmas"][:2])
    page.mouse.wheel(0, 400)
    page.wait_for_function("() => window.scrollY > 0")
    scrolled = page.evaluate("window.scrollY")
    dialog = open_presentation(page)
    # Asked for from a click, the browser grants it; leaving it (the
    # browser's own Esc) leaves the presentation too.
    page.wait_for_function(
        "() => document.fullscreenElement && document.fullscreenElement.classList.contains('gids-present')"
    )
    page.evaluate("document.exitFullscreen()")
    expect(dialog).to_have_count(0)
    expect(page.locator("#present-opener")).to_be_focused()
    # The page is as it was: where it was scrolled to, nothing inert.
    page.wait_for_function("y => window.scrollY === y", arg=scrolled)
    assert page.evaluate("document.querySelectorAll('[inert]').length") == 0
    assert page.evaluate("document.documentElement.classList.contains('gids-present-open')") is False

    # Refused, it is a layer over the whole window.
    page.evaluate(REFUSE_FULLSCREEN)
    page.evaluate("window.gids.present.open(window.presentCards, {})")
    dialog = page.get_by_role("dialog", name=re.compile("^Presentatie"))
    expect(dialog).to_be_visible()
    assert page.evaluate("document.fullscreenElement") is None
    assert dialog.bounding_box() == {"x": 0, "y": 0, "width": 1280, "height": 720}
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert page.evaluate("window.scrollY") == scrolled


def test_no_id_twice_focus_stays_inside_and_axe_finds_nothing(
    page: Page,
    site_url: str,
    built_site: Path,
    axe_options: dict,  # noqa: F811
) -> None:
    data = guide_data(built_site)
    here = next(d for d in data["dilemmas"] if d["id"] == "minister-of-samenleving")
    other = next(d for d in data["dilemmas"] if d["id"] != here["id"])
    # On the dilemma's own page, its own card included: its ids are on the page.
    names = load_cards(page, site_url, [here, other], at=here["address"])
    dialog = open_presentation(page)
    # The page's "Kopieer link" buttons are not copied.
    expect(dialog.get_by_role("button", name=re.compile("^Kopieer"))).to_have_count(0)
    duplicates = """() => { const ids = Array.from(document.querySelectorAll("[id]"), el => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i) }"""
    for _ in range(STEPS):
        assert page.evaluate(duplicates) == []
        page.keyboard.press("ArrowRight")

    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".gids-present__step")).to_have_text(f"Stap 2 van {STEPS}: {names[0][1]}")
    inside = "() => document.querySelector('.gids-present').contains(document.activeElement)"
    for key in ["Tab"] * 8 + ["Shift+Tab"] * 8:
        page.keyboard.press(key)
        assert page.evaluate(inside), key
    # The links of a card lead where they did on its page.
    tension = data["tensions"][[t["id"] for t in data["tensions"]].index(here["tensions"][0])]
    link = dialog.get_by_role("link", name=tension["title"], exact=True)
    link.focus()
    # Every rule the guide's pages meet, with the dialog open.
    assert_no_violations(page, axe_options)
    link.click()
    expect(page).to_have_url(site_url + tension["address"])


def stage_fits(page: Page) -> bool:
    return page.evaluate(
        "() => { const s = document.querySelector('.gids-present__stage'); return s.scrollHeight <= s.clientHeight }"
    )


def within(box: dict | None, width: int, height: int) -> bool:
    return (
        bool(box)
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= width
        and box["y"] + box["height"] <= height
    )


def test_a_step_fits_a_projector_and_a_phone(page: Page, site_url: str, built_site: Path) -> None:
    chosen = guide_data(built_site)["dilemmas"][:3]
    names = load_cards(page, site_url, chosen)
    # The window is the screen: what a projector shows, fullscreen or not.
    page.evaluate(REFUSE_FULLSCREEN)
    dialog = open_presentation(page)

    # 1280 x 720, a projector: every step of these cards without scrolling.
    for card in range(len(chosen)):
        for step in range(STEPS):
            assert stage_fits(page), (card + 1, step + 1)
            page.keyboard.press("ArrowRight")

    # 390 x 844, a phone: the step's heading and the buttons are in view.
    page.set_viewport_size({"width": 390, "height": 844})
    page.keyboard.press("Home")
    for step in range(STEPS):
        heading = dialog.get_by_role("heading", name=names[0][step], exact=True)
        expect(heading).to_be_visible()
        assert within(heading.bounding_box(), 390, 844), names[0][step]
        for name in ("Vorige", "Volgende", "Sluiten"):
            box = dialog.get_by_role("button", name=name).bounding_box()
            assert within(box, 390, 844), name
            assert box["height"] >= 44 and box["width"] >= 44, name
        page.keyboard.press("ArrowRight")
    # A step longer than the screen scrolls; nothing is cut off.
    overflow = page.evaluate("getComputedStyle(document.querySelector('.gids-present__stage')).overflowY")
    assert overflow == "auto"
