"""Bijdragen for people (issue 17): three pages instead of one of 46,000px on
a phone. On a phone 390px wide nothing sticks out and no code is cut off;
the start page stays short; and the addresses of the old page's sections,
which people bookmarked, still lead to those sections."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from gids import messages
from tests.browser.conftest import RequestLog
from tests.helpers import ROOT, mkdocs_build, serve

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

#: The pages and the most each may measure on that phone, in CSS pixels.
#: The start page is read from top to bottom; the reference is looked up.
PAGES = {
    "bijdragen/": 6_000,
    "bijdragen/redactie/": 10_000,
    "bijdragen/naslag/": 60_000,
}

#: Every heading of the single Bijdragen page as it was published, and the
#: page that section is on now (mkdocs-redirects' idea: the whole test of
#: old addresses is this table).
OLD_SECTIONS = [
    ("wat-kun-je-bijdragen", "bijdragen/"),
    ("woorden-die-je-tegenkomt", "bijdragen/naslag/"),
    ("een-tekst-verbeteren-in-de-webeditor", "bijdragen/"),
    ("een-nieuw-dilemma-of-principe-voorstellen", "bijdragen/"),
    ("sjabloon-voor-een-dilemma", "bijdragen/naslag/"),
    ("sjabloon-voor-een-principe", "bijdragen/naslag/"),
    ("hoe-een-dilemma-en-een-principe-zijn-opgebouwd", "bijdragen/naslag/"),
    ("de-mappen-en-de-namen", "bijdragen/naslag/"),
    ("een-principe", "bijdragen/naslag/"),
    ("een-dilemma", "bijdragen/naslag/"),
    ("verwijzen-naar-een-principe-of-dilemma", "bijdragen/naslag/"),
    ("wat-er-gebeurt-na-je-voorstel", "bijdragen/"),
    ("als-de-controle-een-fout-vindt", "bijdragen/naslag/"),
    ("het-bestand", "bijdragen/naslag/"),
    ("de-sleutels", "bijdragen/naslag/"),
    ("namen-en-links", "bijdragen/naslag/"),
    ("de-tekst", "bijdragen/naslag/"),
    ("code-in-de-tekst", "bijdragen/naslag/"),
    ("versies-en-uitgaven", "bijdragen/naslag/"),
    ("notities-en-oude-adressen", "bijdragen/naslag/"),
    ("de-driehoek-en-de-spanningen", "bijdragen/naslag/"),
    ("alle-regels-op-een-rij", "bijdragen/naslag/"),
    ("wijzigingen-bijhouden", "bijdragen/naslag/"),
    ("een-nieuwe-naam-geven-of-weghalen", "bijdragen/redactie/"),
    ("een-nieuwe-versie-uitbrengen", "bijdragen/redactie/"),
    ("taal-en-bronnen", "bijdragen/naslag/"),
]

#: What sticks out of the screen or is cut off: elements of the article
#: reaching past its right edge, code blocks and tables wider than their box.
OVERFLOW = """() => {
  const out = {page: document.documentElement.scrollWidth, outside: [], code: [], tables: []};
  for (const el of document.querySelectorAll("article *")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > innerWidth + 0.5) out.outside.push(`<${el.localName} class="${el.className}"> ${Math.round(box.right)}`);
  }
  for (const code of document.querySelectorAll("article pre > code")) {
    if (code.scrollWidth > code.clientWidth) out.code.push(code.textContent.slice(0, 60));
  }
  for (const wrap of document.querySelectorAll("article .md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth) out.tables.push(wrap.textContent.trim().slice(0, 60));
  }
  return out;
}"""


@pytest.fixture
def phone(browser: Browser, requests_made: RequestLog) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL", **PHONE)
    context.on("request", lambda request: requests_made.urls.append(request.url))
    page = context.new_page()
    yield page
    context.close()
    assert requests_made.foreign() == [], "requests left 127.0.0.1"


@pytest.mark.parametrize("address", PAGES)
def test_nothing_is_cut_off_on_a_phone(phone: Page, site_url: str, address: str) -> None:
    phone.goto(site_url + address)
    found = phone.evaluate(OVERFLOW)
    assert found["page"] <= 390, "the page scrolls sideways"
    assert found["outside"] == [], "sticks out of the screen"
    assert found["code"] == [], "code cut off: it must wrap"
    assert found["tables"] == [], "a table wider than the screen"


def test_code_wraps_inside_its_box_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "bijdragen/naslag/")
    template = phone.locator("article pre > code", has_text="## Situatie").first
    lines = template.text_content().count("\n") + 1
    height, line_height = template.evaluate("code => [code.clientHeight, parseFloat(getComputedStyle(code).lineHeight)]")
    assert height > (lines + 1) * line_height, "its long lines wrap"


@pytest.mark.parametrize("address, most", PAGES.items())
def test_the_pages_stay_short_on_a_phone(phone: Page, site_url: str, address: str, most: int) -> None:
    phone.goto(site_url + address)
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert height <= most, f"{address} is {height}px high on a phone"


@pytest.mark.parametrize("old, now", OLD_SECTIONS, ids=[old for old, _ in OLD_SECTIONS])
def test_an_old_address_of_a_section_still_leads_to_it(page: Page, site_url: str, old: str, now: str) -> None:
    page.goto(f"{site_url}bijdragen/#{old}")
    expect(page).to_have_url(f"{site_url}{now}#{old}")
    expect(page.locator(f"article [id='{old}']")).to_be_in_viewport()


def test_an_unknown_address_on_the_start_page_stays_there(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}bijdragen/#bestaat-niet")
    page.wait_for_load_state("load")
    expect(page.locator("article h1")).to_have_text("Bijdragen")
    assert page.url == f"{site_url}bijdragen/#bestaat-niet"


def test_a_message_links_to_its_explanation(page: Page, site_url: str) -> None:
    code = next(iter(messages.catalogue()))
    page.goto(site_url + messages.explanation_address(code))
    explanation = page.locator(f"[id='{messages.anchor(code)}']")
    expect(explanation).to_be_in_viewport()
    expect(explanation).to_contain_text(messages.catalogue()[code].example)
    # Marked among a hundred others.
    assert explanation.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"


@pytest.fixture(scope="module")
def preview_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The guide as the merge-request preview builds it: pages as .html files."""
    site = tmp_path_factory.mktemp("preview") / "site"
    result = mkdocs_build(ROOT, site, DIRECTORY_URLS="false")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


def test_an_old_address_leads_on_in_the_preview_too(page: Page, preview_url: str) -> None:
    page.goto(f"{preview_url}bijdragen/index.html#een-nieuwe-versie-uitbrengen")
    expect(page).to_have_url(f"{preview_url}bijdragen/redactie.html#een-nieuwe-versie-uitbrengen")
    expect(page.locator("article [id='een-nieuwe-versie-uitbrengen']")).to_be_in_viewport()

