"""Accessibility as a property of every build (WCAG 2.1 AA, as Dutch government
sites must meet, and more): axe-core, with all its rules up to level AA
(best practices, WCAG 2.2 and its experimental rules included), finds nothing
on any page type, with and without JavaScript, and the parts that need a
script work by keyboard alone, with a visible focus and a spoken result. What
these tests do not cover is listed on the page Toegankelijkheid
(docs/toegankelijkheid.md). The markup itself is checked by the W3C Nu HTML
checker in tests/e2e/test_html_validity.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser import searching
from tests.helpers import TwoReleases, serve

pytestmark = pytest.mark.browser

# The address the guide is published at in these builds (mkdocs.yml's default).
PUBLISHED = "http://127.0.0.1:8000/"

# axe-core as the wrapper ships it (nothing is fetched), with every rule it
# has, not only those of one standard: WCAG 2.0, 2.1 and 2.2 at levels A and
# AA, its best practices (a dialog needs a name, landmarks are unique,
# headings go down one level at a time, ...) and its experimental rules,
# which axe leaves out unless asked (label-content-name-mismatch checks WCAG
# 2.5.3, level A). Left out are only the rules axe has retired ("deprecated":
# replaced by others, or for the withdrawn criterion 4.1.1) and the three of
# level AAA, which ask more than the guide promises (AA): contrast 7:1
# instead of 4.5:1, and so on; docs/toegankelijkheid.md says so. Nothing is
# excluded: a failure is fixed in the templates, the stylesheet or the script.
AXE = Axe()
RETIRED_OR_AAA = {"deprecated", "wcag2aaa"}
RULES = """() => axe.getRules().map(rule => ({id: rule.ruleId, tags: rule.tags}))"""


@pytest.fixture(scope="module")
def axe_options(browser: Browser) -> dict:
    """The options for axe.run: every rule named, so that the experimental
    ones, off by default, run as well."""
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><title>axe</title>")
        page.evaluate(AXE.axe_script)
        rules = page.evaluate(RULES)
    finally:
        page.close()
    chosen = sorted(rule["id"] for rule in rules if not RETIRED_OR_AAA & set(rule["tags"]))
    assert len(chosen) > 90 and "aria-dialog-name" in chosen and "label-content-name-mismatch" in chosen
    return {"rules": {rule: {"enabled": True} for rule in chosen}, "resultTypes": ["violations"]}


# With JavaScript off, Chromium runs no timers and no queueMicrotask callbacks,
# yet Playwright may still evaluate code, and promise callbacks still run. axe
# paces its work with setTimeout, so for the pages without JavaScript its
# timers are made promise callbacks before axe is injected. The page itself
# ran no script: what axe sees is what a reader without JavaScript gets.
TIMERS_WITHOUT_JAVASCRIPT = """() => {
  window.setTimeout = (callback, delay, ...args) => { Promise.resolve().then(() => callback(...args)); return 0 };
  window.clearTimeout = () => {};
}"""


def guide_data(built_site: Path) -> dict:
    return json.loads((built_site / "gids.json").read_text(encoding="utf-8"))


def report(violations: list[dict]) -> str:
    """The violations as a reader of a failed test needs them."""
    lines = [f"axe found {len(violations)} kinds of violations:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)


def assert_no_violations(page: Page, options: dict, *, javascript: bool = True) -> None:
    if not javascript:
        page.evaluate(TIMERS_WITHOUT_JAVASCRIPT)
        # Loading the stylesheets into the CSSOM needs network events, which
        # do not fire without JavaScript. Only css-orientation-lock uses that,
        # and the runs with JavaScript check it on the same stylesheets.
        options = {**options, "preload": False}
    violations = AXE.run(page, options=options).response["violations"]
    assert violations == [], f"{page.url}\n{report(violations)}"


# --- axe on every page type ------------------------------------------------------

# (address, what shows once the page's scripts have finished)
PAGES = {
    "start": ("", "article h1"),
    "principe": ("principes/loyale-tegenspraak/", ".gids-related .gids-card"),
    "dilemma": ("dilemmas/op-tijd-opschalen/", "article .gids-copy"),
    "spanning": ("spanningen/politiek-maatschappij/", ".gids-related .gids-card"),
    "driehoek": ("spanningen/", "figure.gids-triangle svg"),
    "principes": ("principes/", ".gids-principles"),
    "dilemmas": ("dilemmas/", "#gids-filters"),
    "dilemmas-gefilterd": ("dilemmas/?spanning=politiek-maatschappij", "#gids-filter-results .gids-card"),
    "versies": ("versies/", ".gids-release"),
    "sessie-kiezen": ("sessie/", "#gids-session-options input"),
    "sessie-kaarten": (
        "sessie/?d=op-tijd-opschalen,minister-of-samenleving",
        "#gids-session-card-list > .gids-session-card:nth-child(2)",
    ),
    "bijdragen": ("bijdragen/", "article h1"),
    "bijdragen-naslag": ("bijdragen/naslag/", "article h1"),
    "bijdragen-redactie": ("bijdragen/redactie/", "article h1"),
    "over": ("over/", "article h1"),
    "toegankelijkheid": ("toegankelijkheid/", "article h1"),
    "zoeken": ("zoeken/", ".pagefind-ui__search-input"),
}


def open_ready(page: Page, url: str, ready: str) -> None:
    page.goto(url, wait_until="networkidle")
    expect(page.locator(ready).first).to_be_visible()


@pytest.mark.parametrize("address, ready", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_violations(
    page: Page, site_url: str, axe_options: dict, address: str, ready: str
) -> None:
    open_ready(page, site_url + address, ready)
    assert_no_violations(page, axe_options)


def test_axe_finds_no_violations_in_search_results(page: Page, site_url: str, axe_options: dict) -> None:
    # The search page with results, "Meer resultaten" and a filter group open.
    page.goto(site_url + searching.SEARCH_PAGE, wait_until="networkidle")
    found = searching.type_query(page, site_url, "minister")
    assert len(found) > 1
    expect(page.locator(searching.MORE)).to_be_visible()
    page.locator("#gids-search .pagefind-ui__filter-name", has_text="Spanning").click()
    expect(page.locator("#gids-search input[name=Spanning]").first).to_be_visible()
    assert_no_violations(page, axe_options)


def test_search_by_keyboard_from_the_header_to_a_result(page: Page, site_url: str) -> None:
    """The header's search link, the field (focused on arrival), the
    results: each reached by keyboard, each with a visible focus."""
    page.goto(site_url + "dilemmas/op-tijd-opschalen/", wait_until="networkidle")
    tab_to(page, searching.BUTTON)
    expect(page.locator(searching.BUTTON)).to_have_accessible_name("Zoeken")
    assert_focus_ring(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + searching.SEARCH_PAGE)

    field = page.locator(searching.INPUT)
    expect(field).to_be_focused()
    expect(field).to_have_accessible_name(re.compile(r"\S"))
    page.keyboard.type("tegenspraak", delay=20)
    found = searching.shown(page, site_url, "tegenspraak")
    assert found

    tab_to(page, ".pagefind-ui__result-link")
    first = page.locator(searching.RESULT_LINK).first
    expect(first).to_be_focused()
    assert_focus_ring(page)
    title = first.inner_text().strip()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + found[0])
    expect(page.locator("article h1")).to_have_text(title)


def test_the_number_of_search_results_is_announced(page: Page, site_url: str) -> None:
    """Like the filters' count (WCAG 4.1.3): when results arrive, a screen
    reader hears how many, from a live region, without moving the focus."""
    page.goto(site_url + searching.SEARCH_PAGE, wait_until="networkidle")
    searching.type_query(page, site_url, "tegenspraak")
    expect(page.locator(searching.INPUT)).to_be_focused()
    live = page.locator("[role=status], [role=alert], [aria-live=polite], [aria-live=assertive]")
    expect(live.filter(has_text=re.compile(r"\d+ resulta(ten|at) voor tegenspraak"))).to_have_count(1)


def test_the_accessibility_statement_is_in_the_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url + "over/")
    link = page.locator("nav.md-nav--primary").get_by_role("link", name="Toegankelijkheid", exact=True)
    expect(link).to_have_count(1)
    link.click()
    expect(page.locator("article h1")).to_have_text("Toegankelijkheid")


@pytest.mark.parametrize("address", ["dilemmas/op-tijd-opschalen/", "dilemmas/"], ids=["dilemma", "dilemmas"])
def test_axe_finds_no_violations_without_javascript(
    page_without_javascript: Page, site_url: str, axe_options: dict, address: str
) -> None:
    page = page_without_javascript
    page.goto(site_url + address)
    expect(page.locator("article h1")).to_be_visible()
    # No script ran: no copy buttons, and the filter form stays hidden.
    expect(page.locator(".gids-copy")).to_have_count(0)
    if address == "dilemmas/":
        expect(page.locator("#gids-filters")).to_be_hidden()
    assert_no_violations(page, axe_options, javascript=False)


@pytest.fixture(scope="module")
def public_url(two_releases: TwoReleases) -> Iterator[str]:
    """The guide published with all its versions (1.0 and 1.1)."""
    with serve(two_releases.public) as url:
        yield url


def test_axe_finds_no_violations_on_a_tombstone(
    page: Page, public_url: str, two_releases: TwoReleases, axe_options: dict
) -> None:
    gone, title = two_releases.removed
    open_ready(page, f"{public_url}dilemmas/{gone}/", ".md-version")
    expect(page.locator("article h1")).to_have_text(f"Verwijderd: {title}")
    assert_no_violations(page, axe_options)


def test_axe_finds_no_violations_on_an_older_version(
    page: Page, public_url: str, two_releases: TwoReleases, axe_options: dict
) -> None:
    gone, title = two_releases.removed
    open_ready(page, f"{public_url}1.0/dilemmas/{gone}/", "[data-md-component=outdated]")
    expect(page.locator("[data-md-component=outdated]")).to_contain_text(
        "Je bekijkt een oudere versie van de gids."
    )
    expect(page.locator("article h1")).to_have_text(title)
    assert_no_violations(page, axe_options)


# --- keyboard only ----------------------------------------------------------------

FOCUS_STYLE = """el => {
  const s = getComputedStyle(el);
  return {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, boxShadow: s.boxShadow,
          background: s.backgroundColor, color: s.color, stroke: s.stroke, strokeWidth: s.strokeWidth, fill: s.fill};
}"""


def style(locator: Locator) -> dict[str, str]:
    """The computed styles that can show focus."""
    return locator.evaluate(FOCUS_STYLE)


def tab_to(page: Page, reached: str, *, limit: int = 150) -> None:
    """Press Tab until the focused element matches the CSS selector ``reached``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", reached):
            return
    pytest.fail(f"Tab never reached {reached} in {limit} presses")


def _rgba(colour: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", colour)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)  # type: ignore[return-value]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of a CSS colour (maybe translucent) on an opaque one."""
    *fg, alpha = _rgba(foreground)
    bg = _rgba(background)[:3]
    mixed = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg)]

    def luminance(rgb: list[float] | tuple[float, ...]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(mixed), luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def has_outline(s: dict[str, str]) -> bool:
    """A focus outline of at least 2px."""
    kind, width = s["outline"].split()[:2]
    return kind not in ("none", "hidden") and float(width.removesuffix("px")) >= 2


def assert_triangle_contrast(line: dict[str, str], label: dict[str, str], backgrounds: list[str]) -> None:
    for background in backgrounds:
        # WCAG 1.4.3 for the names, 1.4.11 for the lines that are the links.
        assert contrast(label["fill"], background) >= 4.5, (label["fill"], background)
        assert contrast(line["stroke"], background) >= 3, (line["stroke"], background)


ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const backgrounds = [];
  for (let node = el.parentElement; node; node = node.parentElement) backgrounds.push(getComputedStyle(node).backgroundColor);
  const name = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 40);
  return {element: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${name}"`,
          outline: s.outlineStyle, outlineColor: s.outlineColor, backgrounds};
}"""
SHOWN = """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
  return el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0 && box.height > 0 }"""


def backdrop(backgrounds: list[str]) -> str:
    """The colour behind an element: its ancestors' backgrounds on white."""
    r, g, b = 255.0, 255.0, 255.0
    for colour in reversed(backgrounds):
        *rgb, alpha = _rgba(colour)
        r, g, b = (alpha * c + (1 - alpha) * under for c, under in zip(rgb, (r, g, b)))
    return f"rgb({r:.0f}, {g:.0f}, {b:.0f})"


def assert_focus_ring(page: Page) -> None:
    """The focused element shows a focus ring with at least 3:1 against
    what is behind it."""
    active = page.evaluate(ACTIVE_ELEMENT)
    assert active is not None, "nothing has the focus"
    assert active["outline"] not in ("none", "hidden"), f"{active['element']}: no focus ring"
    behind = backdrop(active["backgrounds"])
    ratio = contrast(active["outlineColor"], behind)
    assert ratio >= 3, (
        f"{active['element']}: focus ring {active['outlineColor']} on {behind} is {ratio:.1f}:1"
    )


#: Page, what shows it is ready, and how many Tab stops it has at least.
TAB_PAGES = {
    "dilemma": ("dilemmas/op-tijd-opschalen/", "article h1", 10),
    "dilemmas": ("dilemmas/", "article h1", 10),
    "sessie": ("sessie/", "article h1", 10),
    # The search page with results: field, Wissen, filters, results, Meer resultaten.
    "zoeken": ("zoeken/?q=minister", ".pagefind-ui__result-link", 10),
    # The cards, the example, the search form, the footer.
    "home": ("", "article h1", 15),
    "404": ("404.html", "article h1", 15),
}


@pytest.mark.parametrize("address, ready, stops", TAB_PAGES.values(), ids=TAB_PAGES.keys())
def test_every_tab_stop_is_visible_and_shows_its_focus(
    page: Page, site_url: str, address: str, ready: str, stops: int
) -> None:
    """Each Tab stop, Material's header, navigation and footer included, is
    visible when it has the focus, and has a focus ring with at least 3:1
    against what is behind it (the ring's colour is the indicator)."""
    page.goto(site_url + address, wait_until="networkidle")
    expect(page.locator(ready).first).to_be_visible()
    seen: list[str] = []
    problems: list[str] = []
    for _ in range(250):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE_ELEMENT)
        if active is None:
            continue
        if seen and active["element"] == seen[0]:
            break  # round the page once
        seen.append(active["element"])
        try:
            page.wait_for_function(SHOWN, timeout=2000)
        except PlaywrightTimeoutError:
            problems.append(f"{active['element']}: has the focus but cannot be seen")
            continue
        if "gids-triangle__side" in active["element"]:
            continue  # shown in the side's own colours: the next test
        if active["outline"] in ("none", "hidden"):
            problems.append(f"{active['element']}: no focus ring")
            continue
        behind = backdrop(active["backgrounds"])
        ratio = contrast(active["outlineColor"], behind)
        if ratio < 3:
            problems.append(
                f"{active['element']}: focus ring {active['outlineColor']} on {behind} is {ratio:.1f}:1"
            )
    else:
        pytest.fail("Tab did not come round the page")
    assert len(seen) > stops
    assert problems == [], "\n".join(problems)


def test_triangle_sides_show_their_focus_with_enough_contrast(page: Page, site_url: str) -> None:
    # test_reader.py walks the sides in order and follows the last by Enter;
    # this checks that each side shows that it has the focus. axe cannot
    # tell the colour behind SVG text (it leaves it "to review"), so the
    # contrast of the drawing is computed here, on white and on the
    # triangle's own fill, with and without focus.
    page.goto(site_url + "spanningen/")
    sides = page.locator("figure.gids-triangle a.gids-triangle__side")
    expect(sides).to_have_count(3)
    backgrounds = [
        style(page.locator(".gids-triangle__area"))["fill"],
        page.evaluate("getComputedStyle(document.body).backgroundColor"),
    ]
    for corner in page.locator(".gids-triangle__corner").all():
        assert contrast(style(corner)["fill"], backgrounds[1]) >= 4.5
    lines = [sides.nth(i).locator(".gids-triangle__line") for i in range(3)]
    labels = [sides.nth(i).locator("text") for i in range(3)]
    before = [(style(line), style(label)) for line, label in zip(lines, labels)]
    for line, label in before:
        assert_triangle_contrast(line, label, backgrounds)
    for i in range(3):
        tab_to(page, "a.gids-triangle__side")
        expect(sides.nth(i)).to_be_focused()
        line, label = style(lines[i]), style(labels[i])
        assert_triangle_contrast(line, label, backgrounds)
        assert line["stroke"] != before[i][0]["stroke"], "the focused side changes colour"
        assert float(line["strokeWidth"].removesuffix("px")) > float(
            before[i][0]["strokeWidth"].removesuffix("px")
        )
        assert label["fill"] != before[i][1]["fill"], "the focused side's name changes colour"
        # The sides without focus keep their line.
        for j in set(range(3)) - {i}:
            assert {k: style(lines[j])[k] for k in ("stroke", "strokeWidth")} == {
                k: before[j][0][k] for k in ("stroke", "strokeWidth")
            }
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(sides.first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/spanningen/professie-politiek/$"))


def test_filters_by_keyboard_announce_the_count_and_reset(
    page: Page, site_url: str, built_site: Path
) -> None:
    dilemmas = guide_data(built_site)["dilemmas"]
    fields = {"spanning": "tensions", "principe": "principles", "domein": "domains", "tag": "tags"}
    page.goto(site_url + "dilemmas/")
    expect(page.locator("#gids-filters")).to_be_visible()
    status = page.locator("#gids-filter-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")

    chosen: dict[str, str] = {}
    for param in fields:
        select = page.locator(f"#gids-filter-{param}")
        before = style(select)
        tab_to(page, f"#gids-filter-{param}")
        assert has_outline(style(select)) and style(select) != before, f"the focus on {param} is visible"
        page.keyboard.press("ArrowDown")
        chosen[param] = select.input_value()
        assert chosen[param], f"ArrowDown chose the first {param}"
        found = [d for d in dilemmas if all(chosen[p] in d[fields[p]] for p in chosen)]
        expected = "1 dilemma gevonden." if len(found) == 1 else f"{len(found)} dilemma's gevonden."
        expect(status).to_have_text(expected)
        expect(page.locator("#gids-filter-results .gids-card")).to_have_count(len(found))
    expect(page).to_have_url(re.compile(r"\?spanning=.+&principe=.+&domein=.+&tag=.+$"))

    reset = page.get_by_role("button", name="Wis de filters")
    before = style(reset)
    tab_to(page, "#gids-filters button[type=reset]")
    assert has_outline(style(reset)) and style(reset) != before, "the focus on Wis de filters is visible"
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"Alle {len(dilemmas)} dilemma's, per spanning.")
    expect(page).to_have_url(re.compile(r"/dilemmas/$"))
    expect(page.locator("#gids-grouped")).to_be_visible()

    # Once more, now reset with the space bar.
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#gids-filter-tag")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(status).to_have_text(re.compile(r"^\d+ dilemma('s)? gevonden\.$"))
    page.keyboard.press("Tab")
    expect(reset).to_be_focused()
    page.keyboard.press("Space")
    expect(status).to_have_text(f"Alle {len(dilemmas)} dilemma's, per spanning.")
    expect(page.locator("#gids-filter-tag")).to_have_value("")


def test_copy_link_by_keyboard_is_announced_with_a_visible_focus(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(site_url + "dilemmas/op-tijd-opschalen/")
    whole = page.locator("article button[data-gids-copy]")
    expect(whole).to_be_visible()
    live = page.locator("#gids-live")
    expect(live).to_have_attribute("aria-live", "polite")

    tab_to(page, "button[data-gids-copy]")
    expect(whole).to_be_focused()
    expect(whole).to_have_accessible_name("Kopieer link naar dit dilemma")
    page.keyboard.press("Enter")
    expect(live).to_have_text("Link gekopieerd: " + PUBLISHED + "dilemmas/op-tijd-opschalen/")
    assert page.evaluate("navigator.clipboard.readText()") == PUBLISHED + "dilemmas/op-tijd-opschalen/"

    # Each section has its own, named for it; the space bar works as well.
    sections = page.locator("article button.gids-copy")
    before = style(sections.first)
    tab_to(page, "button.gids-copy")
    expect(sections.first).to_be_focused()
    expect(sections.first).to_have_accessible_name("Link naar Situatie")
    focus = style(sections.first)
    assert focus["background"] != before["background"], "the focused copy button is filled"
    assert contrast(focus["color"], focus["background"]) >= 4.5
    page.keyboard.press("Space")
    expect(live).to_have_text("Link gekopieerd: " + PUBLISHED + "dilemmas/op-tijd-opschalen/#situatie")
    assert (
        page.evaluate("navigator.clipboard.readText()") == PUBLISHED + "dilemmas/op-tijd-opschalen/#situatie"
    )


def test_session_picker_by_keyboard(page: Page, site_url: str, built_site: Path) -> None:
    dilemmas = guide_data(built_site)["dilemmas"]
    page.goto(site_url + "sessie/")
    options = page.locator("#gids-session-options input[type=checkbox]")
    expect(options.first).to_be_visible()
    selected = page.locator("#gids-session-selected li")
    link = page.get_by_label("Adres van de set, om te delen")
    live = page.locator("#gids-live")

    show = page.get_by_role("link", name="Bekijk de set")
    expect(show).to_be_hidden()
    before = style(options.first)
    tab_to(page, "#gids-session-options input[type=checkbox]")
    expect(options.first).to_be_focused()
    assert has_outline(style(options.first)) and style(options.first) != before, (
        "the focus on the checkbox is visible"
    )
    page.keyboard.press("Space")
    expect(options.first).to_be_checked()
    first = dilemmas[0]
    expect(selected).to_have_count(1)
    expect(selected.first).to_contain_text(first["title"])
    expect(link).to_have_value(f"{PUBLISHED}sessie/?d={first['id']}")
    expect(live).to_have_text(f"Toegevoegd: {first['title']}. 1 dilemma in de set.")
    expect(show).to_be_visible()

    page.keyboard.press("Tab")
    expect(options.nth(1)).to_be_focused()
    page.keyboard.press("Space")
    second = dilemmas[1]
    expect(selected).to_have_count(2)
    expect(link).to_have_value(f"{PUBLISHED}sessie/?d={first['id']},{second['id']}")

    # Space again takes it out of the set.
    page.keyboard.press("Space")
    expect(options.nth(1)).not_to_be_checked()
    expect(selected).to_have_count(1)
    expect(live).to_have_text(f"Weggehaald: {second['title']}. 1 dilemma in de set.")
