"""Dilemmas printed as cards (javascripts/gids/print-cards.js): A4 sheets of
four A6 or two A5 cards, each front sheet followed by its back sheet with the
columns mirrored, so that a double-sided print (flipped on the long edge)
puts every back behind its own front. Checked in Chromium's own PDF, read
back with pypdf, and in the layout of the sheets in print emulation."""

from __future__ import annotations

import io
import json
import math
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

# axe with every rule up to AA, as for every page of the guide.
from tests.browser.test_accessibility import assert_no_violations, axe_options  # noqa: F401

pytestmark = pytest.mark.browser

# The address the guide is published at in these builds (mkdocs.yml's default).
PUBLISHED = "http://127.0.0.1:8000/"
PER_SHEET = {"a6": 4, "a5": 2}
# Card sizes in mm (width, height): A6 portrait, A5 as landscape halves of A4.
CARD = {"a6": (105, 148), "a5": (210, 148)}
A4 = (210, 297)
TOLERANCE = 0.3  # mm

# A page that is not a dilemma, and loads the printing of cards (a tension
# page): nothing on it prints cards by itself.
NEUTRAL = "spanningen/professie-politiek/"

# The dilemmas' own cards, fetched from their pages, independent of the
# site's other scripts: fetch, parse, import into this document.
LOAD_CARDS = """async (urls) => {
  window.gidsTestCards = [];
  for (const url of urls) {
    const response = await fetch(url);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    window.gidsTestCards.push(document.importNode(page.querySelector('article .gids-dilemma'), true));
  }
  return window.gidsTestCards.length;
}"""

BUILD = "(size) => window.gids.printCards.build(window.gidsTestCards, size)"

# The first card made long: `extra` more paragraphs in its first front
# section, then a last sentence to look for.
LENGTHEN = """(extra) => {
  const card = window.gidsTestCards[0].cloneNode(true);
  const section = card.querySelector('.gids-section[data-gids-side="front"]');
  const text = section.querySelector('p').textContent;
  for (let i = 0; i < extra; i += 1) {
    const p = document.createElement('p');
    p.textContent = text;
    section.appendChild(p);
  }
  const last = document.createElement('p');
  last.textContent = 'Slotzin van de lange kaart.';
  section.appendChild(last);
  card.setAttribute('data-gids-id', 'lange-kaart');
  window.gidsTestCards[0] = card;
}"""

# Every sheet in mm from its own top left corner, with its card sides.
SHEETS = """() => {
  const mm = 96 / 25.4;
  return [...document.querySelectorAll('#gids-print-sheets .gids-pc-sheet')].map((sheet) => {
    const s = sheet.getBoundingClientRect();
    return {
      front: sheet.classList.contains('gids-pc-sheet--front'),
      width: s.width / mm, height: s.height / mm,
      cuts: [...sheet.querySelectorAll('.gids-pc-cut')].filter((cut) => cut.getBoundingClientRect().width > 0
        && getComputedStyle(cut).borderStyle.includes('dashed')).length,
      sides: [...sheet.querySelectorAll('.gids-pc-side')].map((side) => {
        const r = side.getBoundingClientRect();
        return {
          id: side.getAttribute('data-gids-card'),
          x: (r.left - s.left) / mm, y: (r.top - s.top) / mm, width: r.width / mm, height: r.height / mm,
          pt: parseFloat(getComputedStyle(side).fontSize) * 72 / 96,
          fits: side.scrollHeight <= side.clientHeight && side.scrollWidth <= side.clientWidth,
        };
      }),
    };
  });
}"""

IDS = "() => [...document.querySelectorAll('[id]')].map((e) => e.id)"


def guide_data(built_site: Path) -> dict:
    return json.loads((built_site / "gids.json").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    """Text without any whitespace: a PDF breaks titles and addresses over lines."""
    return re.sub(r"\s+", "", text)


def pdf_texts(page: Page) -> list[str]:
    """The text of each page of the PDF that Chromium prints."""
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    for pdf_page in reader.pages:
        assert (float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)) == pytest.approx(
            (595, 842), abs=1
        )
    return [squash(p.extract_text()) for p in reader.pages]


def load(page: Page, site_url: str, dilemmas: list[dict], address: str = NEUTRAL) -> None:
    page.goto(site_url + address)
    page.wait_for_function("() => window.gids && window.gids.printCards")
    assert page.evaluate(LOAD_CARDS, [site_url + d["address"] for d in dilemmas]) == len(dilemmas)


def front_headings(page: Page, side: str) -> list[str]:
    """The section headings of the first test card on one side, as the page has them."""
    return page.evaluate(
        "(side) => [...window.gidsTestCards[0].querySelectorAll('.gids-section')]"
        ".filter((s) => s.getAttribute('data-gids-side') === side)"
        ".map((s) => s.querySelector('h2').textContent.replace('\\u00b6', '').trim())",
        side,
    )


def assert_mirrored(sheets: list[dict], size: str) -> None:
    """Fronts then backs; each back side behind its front: same row, mirrored column, same size."""
    width, height = CARD[size]
    assert [s["front"] for s in sheets] == [True, False] * (len(sheets) // 2)
    for front, back in zip(sheets[::2], sheets[1::2]):
        for sheet in (front, back):
            assert (sheet["width"], sheet["height"]) == pytest.approx(A4, abs=TOLERANCE)
        assert [s["id"] for s in front["sides"]] == [s["id"] for s in back["sides"]]
        for f, b in zip(front["sides"], back["sides"]):
            assert (f["width"], f["height"]) == pytest.approx((width, height), abs=TOLERANCE)
            assert (b["width"], b["height"]) == pytest.approx((f["width"], f["height"]), abs=TOLERANCE)
            assert b["y"] == pytest.approx(f["y"], abs=TOLERANCE)
            assert b["x"] == pytest.approx(A4[0] - f["x"] - f["width"], abs=TOLERANCE)
            # Inside the sheet.
            assert 0 <= f["x"] and f["x"] + f["width"] <= A4[0] + TOLERANCE
            assert 0 <= f["y"] and f["y"] + f["height"] <= A4[1] + TOLERANCE


def test_one_card_is_a_front_sheet_and_a_back_sheet(page: Page, site_url: str, built_site: Path) -> None:
    dilemma = next(d for d in guide_data(built_site)["dilemmas"] if d["id"] == "minister-of-samenleving")
    load(page, site_url, [dilemma])
    assert page.evaluate(BUILD, "a6") == "a6"
    front_words, back_words = front_headings(page, "front"), front_headings(page, "back")
    assert front_words and back_words
    # Out of sight on screen.
    expect(page.locator("#gids-print-sheets")).to_be_hidden()
    front, back = pdf_texts(page)
    for text in (front, back):
        assert squash(dilemma["title"]) in text and dilemma["id"] in text
    for heading in front_words:
        assert heading in front and heading not in back
    for heading in back_words:
        assert heading in back and heading not in front
    # The tensions on the front, the QR code's address on the back.
    assert "Professieenpolitiek" in front
    assert squash(PUBLISHED + dilemma["address"]) in back
    assert squash(PUBLISHED + dilemma["address"]) not in front


def test_five_cards_each_back_behind_its_front(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"][:5]
    load(page, site_url, dilemmas)
    assert page.evaluate(BUILD, "a6") == "a6"
    page.emulate_media(media="print")
    sheets = page.evaluate(SHEETS)
    assert len(sheets) == 4
    assert_mirrored(sheets, "a6")
    # Row by row, left to right on the front; the back mirrors the columns.
    first = [(round(s["x"]), round(s["y"])) for s in sheets[0]["sides"]]
    assert first == [(0, 0), (105, 0), (0, 148), (105, 148)]
    assert [(round(s["x"]), round(s["y"])) for s in sheets[1]["sides"]] == [
        (105, 0),
        (0, 0),
        (105, 148),
        (0, 148),
    ]
    assert [s["id"] for s in sheets[2]["sides"]] == [dilemmas[4]["id"]]
    # Dashed cut lines where the cards meet, across and down, on every sheet.
    assert [s["cuts"] for s in sheets] == [2, 2, 2, 2]
    # Only the sheets print: the page around them does not.
    for hidden in (".md-header", ".md-container", ".md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("#gids-print-sheets")).to_be_visible()

    texts = pdf_texts(page)
    assert len(texts) == 4
    for n, dilemma in enumerate(dilemmas):
        pair = (n // 4) * 2
        for index, text in enumerate(texts):
            expected = index in (pair, pair + 1)
            assert (squash(dilemma["title"]) in text) == expected, (dilemma["id"], index)
            assert (dilemma["id"] in text) == expected, (dilemma["id"], index)
        assert squash(PUBLISHED + dilemma["address"]) in texts[pair + 1]


@pytest.mark.parametrize("size", ["a6", "a5"])
def test_every_dilemma_of_the_guide_fits_its_card(
    page: Page, site_url: str, built_site: Path, size: str
) -> None:
    dilemmas = guide_data(built_site)["dilemmas"]
    load(page, site_url, dilemmas)
    # The guide's own dilemmas fit on the size asked for, none cut off.
    assert page.evaluate(BUILD, size) == size
    sheets = page.evaluate(SHEETS)
    assert len(sheets) == 2 * math.ceil(len(dilemmas) / PER_SHEET[size])
    assert_mirrored(sheets, size)
    sides = [side for sheet in sheets for side in sheet["sides"]]
    assert len(sides) == 2 * len(dilemmas)
    assert all(side["fits"] for side in sides), [s["id"] for s in sides if not s["fits"]]
    assert min(side["pt"] for side in sides) >= 6.5
    texts = pdf_texts(page)
    assert len(texts) == len(sheets)


def test_a_long_card_gets_a_smaller_font_not_cut_off(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"][:3]
    load(page, site_url, dilemmas)
    page.evaluate(LENGTHEN, 2)
    assert page.evaluate(BUILD, "a6") == "a6"
    sides = [side for sheet in page.evaluate(SHEETS) for side in sheet["sides"]]
    assert all(side["fits"] for side in sides)
    long_front = next(s for s in sides if s["id"] == "lange-kaart")
    assert 6.5 <= long_front["pt"] < 9
    # The other cards keep the largest size they can have.
    assert max(s["pt"] for s in sides if s["id"] != "lange-kaart") == 9
    front = pdf_texts(page)[0]
    assert "Slotzinvandelangekaart." in front


def test_a_card_too_long_for_a6_puts_the_set_on_a5(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"][:3]
    load(page, site_url, dilemmas)
    page.evaluate(LENGTHEN, 6)
    assert page.evaluate(BUILD, "a6") == "a5"
    expect(page.locator("#gids-live")).to_have_text("Niet alles paste op A6; de kaarten zijn op A5 gezet.")
    sheets = page.evaluate(SHEETS)
    assert len(sheets) == 4
    assert_mirrored(sheets, "a5")
    assert all(side["fits"] for sheet in sheets for side in sheet["sides"])
    texts = pdf_texts(page)
    assert len(texts) == 4 and "Slotzinvandelangekaart." in texts[0]


def test_a_card_too_long_even_for_a5_is_named(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"][:2]
    load(page, site_url, dilemmas)
    page.evaluate(LENGTHEN, 40)
    assert page.evaluate(BUILD, "a6") == "a5"
    live = page.locator("#gids-live")
    expect(live).to_contain_text("Niet alles paste op A6; de kaarten zijn op A5 gezet.")
    expect(live).to_contain_text("Niet alle tekst past op de kaart " + dilemmas[0]["title"])
    # Only that card; the other fits.
    sides = [side for sheet in page.evaluate(SHEETS) for side in sheet["sides"]]
    assert {s["id"] for s in sides if not s["fits"]} == {"lange-kaart"}


def test_after_printing_the_page_is_as_before(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"][:5]
    load(page, site_url, dilemmas)
    shape = """() => ({
      html: document.documentElement.className,
      body: [...document.body.children].map((e) => e.tagName + '#' + e.id + '.' + e.className),
      height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth,
    })"""
    before = page.evaluate(shape)
    page.evaluate(BUILD, "a6")
    during = page.evaluate(shape)
    assert "gids-print-cards" in during["html"]
    # Out of sight on screen, and the page does not grow by the sheets.
    assert (during["height"], during["width"]) == (before["height"], before["width"])
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(shape) == before
    expect(page.locator("#gids-print-sheets")).to_have_count(0)
    # Printing the page itself now prints the page, not cards.
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_be_visible()


def test_no_ids_are_doubled_by_the_sheets(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"][:3]
    load(page, site_url, dilemmas, address="dilemmas/minister-of-samenleving/")
    # The card of this page itself, and cards from other pages.
    page.evaluate(
        "() => window.gids.printCards.build([document.querySelector('article .gids-dilemma'),"
        " ...window.gidsTestCards], 'a6')"
    )
    expect(page.locator("#gids-print-sheets .gids-pc-side")).to_have_count(8)
    ids = page.evaluate(IDS)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert page.locator("#gids-print-sheets [id]").count() == 0


def test_ctrl_p_on_a_dilemma_page_prints_its_card(page: Page, site_url: str) -> None:
    page.goto(site_url + "dilemmas/minister-of-samenleving/")
    page.wait_for_function("() => window.gids && window.gids.printCards")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("#gids-print-sheets .gids-pc-sheet")).to_have_count(2)
    expect(page.locator("#gids-print-sheets")).to_have_class("gids-pc-a6")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("#gids-print-sheets")).to_have_count(0)
    # Chromium's own printing sends both events: a PDF of the page is its card.
    front, back = pdf_texts(page)
    assert (
        "minister-of-samenleving" in front and squash(PUBLISHED + "dilemmas/minister-of-samenleving/") in back
    )
    expect(page.locator("#gids-print-sheets")).to_have_count(0)


def test_the_dialog_works_by_keyboard(page: Page, site_url: str, axe_options: dict) -> None:  # noqa: F811
    page.goto(site_url + "dilemmas/minister-of-samenleving/")
    page.wait_for_function("() => window.gids && window.gids.printCards")
    # The page's button (the template's, or one like it where it has none
    # yet): the script listens for any [data-gids-print-cards].
    page.evaluate(
        """() => {
          if (!document.querySelector('[data-gids-print-cards]')) {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'md-button';
            button.setAttribute('data-gids-print-cards', '');
            button.textContent = 'Afdrukken';
            document.querySelector('article').appendChild(button);
          }
          window.gidsPrinted = 0;
          window.print = () => { window.gidsPrinted += 1; };
        }"""
    )
    opener = page.locator("[data-gids-print-cards]").first
    expect(opener).to_be_visible()
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Kaarten afdrukken")
    expect(dialog).to_be_visible()
    a6 = dialog.get_by_role("radio", name="A6: vier kaarten per vel (A4)")
    a5 = dialog.get_by_role("radio", name="A5: twee kaarten per vel (A4)")
    expect(dialog.get_by_role("group", name="Kaartformaat")).to_be_visible()
    expect(a6).to_be_checked()
    expect(a6).to_be_focused()
    expect(dialog).to_contain_text(
        "Druk dubbelzijdig af, omslaan langs de lange zijde. Knip langs de snijtekens."
    )
    assert_no_violations(page, axe_options)

    page.keyboard.press("ArrowDown")
    expect(a5).to_be_checked()
    # Escape closes without printing, back where the reader was.
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()
    assert page.evaluate("() => window.gidsPrinted") == 0
    expect(page.locator("#gids-print-sheets")).to_have_count(0)

    # Annuleren does the same.
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Annuleren").focus()
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()

    # A5 and Afdrukken: the cards are set out and printed, once.
    page.keyboard.press("Enter")
    expect(a6).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Afdrukken", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.gidsPrinted === 1")
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()
    expect(page.locator("#gids-live")).to_have_text("De kaarten worden klaargezet.")
    expect(page.locator("#gids-print-sheets")).to_have_class("gids-pc-a5")
    expect(page.locator("#gids-print-sheets .gids-pc-sheet")).to_have_count(2)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("#gids-print-sheets")).to_have_count(0)
    assert page.evaluate("() => window.gidsPrinted") == 1
