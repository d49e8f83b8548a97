"""Phone first (issue 15): every page type, opened in Chromium on a phone
390px wide, shows the guide's full name in its header, does not move under
the reader's eyes (layout shift at most 0.05), has no text below 12px, and
the triangle's names are at least 14px and clear of each other. Also in the
published site, where the version selector shares the header with the name.
And a printed dilemma carries none of the ways on that are for the screen."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from gids import publish
from tests.browser.conftest import PAGE_TYPES, RequestLog
from tests.helpers import ROOT, mkdocs_build, serve

pytestmark = pytest.mark.browser

#: A common phone: 390 by 844 CSS pixels (iPhone 12 to 15).
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
SITE_NAME = yaml.safe_load(
    "\n".join(line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.startswith("site_name:"))
)["site_name"]
#: WCAG has no minimum, but Lighthouse counts text under 12px as not legible.
SMALLEST_TEXT = 12
SMALLEST_TRIANGLE_NAME = 14
MOST_LAYOUT_SHIFT = 0.05

#: Before any script of the page: sum every layout shift not caused by input.
WATCH_LAYOUT_SHIFT = """
window.gidsLayoutShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.gidsLayoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""

#: Every visible text under SMALLEST_TEXT: its size, element and words. The
#: size of SVG text is what it is drawn at (its font size times the scale).
SMALL_TEXT = """(smallest) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const shown = range.getBoundingClientRect(), box = element.getBoundingClientRect();
    // Empty, or visually hidden for screen readers only (1px, clipped).
    if (!shown.width || !shown.height || box.width <= 1 || box.height <= 1) continue;
    let size = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGElement) { const m = element.getScreenCTM(); size *= Math.hypot(m.a, m.b); }
    if (size < smallest) found.push(`${size.toFixed(1)}px <${element.localName} class="${element.getAttribute("class") || ""}">: ${node.textContent.trim().slice(0, 50)}`);
  }
  return found;
}"""

#: The guide's name in the header: whether all of it shows.
HEADER_NAME = """() => {
  const name = document.querySelector(".md-header__topic:first-child .md-ellipsis");
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const box = name.getBoundingClientRect();
  return {text: name.textContent.trim(), cutWidth: name.scrollWidth > name.clientWidth,
          cutHeight: name.scrollHeight > name.clientHeight,
          inside: box.top >= header.top && box.bottom <= header.bottom && box.left >= 0 && box.right <= innerWidth,
          box: [box.left, box.top, box.right, box.bottom]};
}"""

#: The names on the triangle: their size as drawn and their boxes.
TRIANGLE_NAMES = """() => [...document.querySelectorAll("figure.gids-triangle svg text")].map(text => {
  const m = text.getScreenCTM(), box = text.getBoundingClientRect();
  return {name: text.textContent.trim(), size: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b),
          box: [box.left, box.top, box.right, box.bottom]};
})"""


@pytest.fixture
def phone(browser: Browser, requests_made: RequestLog) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL", **PHONE)
    context.on("request", lambda request: requests_made.urls.append(request.url))
    context.add_init_script(WATCH_LAYOUT_SHIFT)
    page = context.new_page()
    yield page
    context.close()
    assert requests_made.foreign() == [], "requests left 127.0.0.1"


def settle(page: Page, url: str) -> None:
    """Open a page and let its scripts fetch what they need and change the
    page with it ("networkidle": half a second without a request)."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def overlapping(boxes: list[tuple[str, list[float]]]) -> list[str]:
    found = []
    for i, (first, a) in enumerate(boxes):
        for second, b in boxes[i + 1 :]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                found.append(f"{first} / {second}")
    return found


@pytest.mark.parametrize("address", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_a_page_reads_well_on_a_phone(phone: Page, site_url: str, address: str) -> None:
    settle(phone, site_url + address)
    name = phone.evaluate(HEADER_NAME)
    assert name["text"] == SITE_NAME
    assert not name["cutWidth"] and not name["cutHeight"] and name["inside"], f"the name is cut off: {name}"
    assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"
    assert phone.evaluate(SMALL_TEXT, SMALLEST_TEXT) == []
    shift = phone.evaluate("window.gidsLayoutShift")
    assert shift <= MOST_LAYOUT_SHIFT, f"layout shift {shift:.3f}"


@pytest.mark.parametrize("address", ["spanningen/", ""], ids=["triangle", "home"])
def test_the_triangle_names_are_readable_and_apart_on_a_phone(phone: Page, site_url: str, address: str) -> None:
    settle(phone, site_url + address)
    names = phone.evaluate(TRIANGLE_NAMES)
    if not names and address == "":
        pytest.skip("the home page shows no triangle")
    assert len(names) == 6, "three tensions and three corners"
    assert [n["name"] for n in names if n["size"] < SMALLEST_TRIANGLE_NAME] == []
    assert overlapping([(n["name"], n["box"]) for n in names]) == []
    # Each name is wholly on the screen.
    assert all(n["box"][0] >= 0 and n["box"][2] <= 390 for n in names)


@pytest.fixture(scope="module")
def published_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The guide as published: built with the version selector, beside the
    versions.json it reads (as make site-all-versions writes it)."""
    site = tmp_path_factory.mktemp("published") / "site"
    result = mkdocs_build(ROOT, site, GIDS_VERSIONS="true")
    assert result.returncode == 0, result.stdout + result.stderr
    versions = publish.versions_json(["1.1", "1.0"])
    (site / "versions.json").write_text(json.dumps(versions), encoding="utf-8")
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("address", ["", "dilemmas/op-tijd-opschalen/", "versies/"])
def test_the_name_keeps_its_room_beside_the_version_selector(phone: Page, published_url: str, address: str) -> None:
    settle(phone, published_url + address)
    selector = phone.locator(".md-header .md-version")
    expect(selector).to_be_visible()
    name = phone.evaluate(HEADER_NAME)
    assert not name["cutWidth"] and not name["cutHeight"] and name["inside"], f"the name is cut off: {name}"
    chosen = selector.locator(".md-version__current").bounding_box()
    search = phone.locator(".md-header label.md-header__button, .md-header a.md-header__button, .md-header button.md-header__button").last.bounding_box()
    boxes = [("name", name["box"]), ("version", [chosen["x"], chosen["y"], chosen["x"] + chosen["width"], chosen["y"] + chosen["height"]])]
    if search is not None:
        boxes.append(("search", [search["x"], search["y"], search["x"] + search["width"], search["y"] + search["height"]]))
    assert overlapping(boxes) == []
    assert phone.evaluate(SMALL_TEXT, SMALLEST_TEXT) == []


def test_a_printed_dilemma_leaves_out_the_ways_on(page: Page, site_url: str) -> None:
    page.goto(site_url + "dilemmas/op-tijd-opschalen/")
    ways_on = [".gids-breadcrumbs", ".gids-related-dilemmas", ".gids-pager"]
    for selector in ways_on:
        expect(page.locator(selector).first).to_be_visible()
    page.emulate_media(media="print")
    for selector in ways_on:
        expect(page.locator(selector).first).to_be_hidden()
