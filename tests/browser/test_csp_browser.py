"""The Content-Security-Policy, a second wall behind the content checks.

Active content that got past the checks (here: added by a hook after
validation, so it is part of the page's content) does not run in Chromium,
and Chromium reports the violation. On the real site every page carries one
policy, and using the site (search, filters, sessions, copying, printing,
the version selector) violates nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import searching
from tests.helpers import TwoReleases, copy_project, mkdocs_build, serve

pytestmark = pytest.mark.browser

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

# Records the policy violations a page reports, from before its first script.
WATCH_VIOLATIONS = """
window.gidsViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.gidsViolations.push({directive: event.effectiveDirective, blocked: event.blockedURI});
});
"""

FOREIGN_SCRIPT = "https://voorbeeld.invalid/kwaad.js"
# What the content checks refuse, as if it had slipped past them.
INJECTED = f"""
<div id="gids-evil">
<button id="evil-handler" type="button" onclick="window.gidsInjected = 'handler'">Klik</button>
<a id="evil-link" href="javascript:window.gidsInjected = 'link'">Link</a>
<img id="evil-image" src="data:," alt="" onerror="window.gidsInjected = 'onerror'">
<script>window.gidsInjected = 'inline script';</script>
<script src="{FOREIGN_SCRIPT}"></script>
</div>
"""
# A second hook in a copy of the project: it adds the above to the content
# of the page /over/ after the content was validated and converted.
INJECTOR = f'''
INJECTED = {INJECTED!r}


def on_page_content(html, page, config, files):
    return html + INJECTED if page.url == "over/" else html
'''


def violations(page: Page) -> list[dict[str, str]]:
    return page.evaluate("window.gidsViolations")


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("csp")
    project = copy_project(base / "project")
    (project / "hooks" / "inject_past_the_checks.py").write_text(INJECTOR, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - hooks/mkdocs_adapter.py\n" in text
    config.write_text(
        text.replace("  - hooks/mkdocs_adapter.py\n", "  - hooks/mkdocs_adapter.py\n  - hooks/inject_past_the_checks.py\n"),
        encoding="utf-8",
    )
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'onclick="window.gidsInjected' in (base / "site" / "over" / "index.html").read_text(encoding="utf-8")
    with serve(base / "site") as url:
        yield url


def test_active_content_past_the_checks_does_not_run(browser: Browser, injected_site: str) -> None:
    # Not the page fixture: a request to another host is the very thing the
    # policy must stop, so this test watches responses itself.
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(WATCH_VIOLATIONS)
    console: list[str] = []
    answered: list[str] = []
    failed: dict[str, str] = {}
    try:
        page = context.new_page()
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("response", lambda r: answered.append(r.url))
        page.on("requestfailed", lambda r: failed.setdefault(r.url, r.failure or ""))
        page.goto(injected_site + "over/", wait_until="networkidle")
        expect(page.locator("#evil-handler")).to_be_visible()

        page.locator("#evil-handler").click()
        page.locator("#evil-link").click(no_wait_after=True)
        page.wait_for_function("() => window.gidsViolations.length >= 5")
        page.wait_for_timeout(200)

        # Nothing ran: no handler, no javascript: address, no inline or
        # foreign script.
        assert page.evaluate("window.gidsInjected") is None
        assert page.url == injected_site + "over/"
        # Chromium reported each one as a violation of script-src.
        found = violations(page)
        by_directive = [(v["directive"], v["blocked"]) for v in found]
        assert by_directive.count(("script-src-attr", "inline")) == 2, found  # onclick, onerror
        assert ("script-src-elem", FOREIGN_SCRIPT) in by_directive, found
        # The <script>, the javascript: link, and Material's own inline
        # scripts: a page whose content brought a script allows none.
        assert by_directive.count(("script-src-elem", "inline")) >= 3, found
        policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
        assert "script-src 'self';" in policy
        assert any("Content Security Policy" in text for text in console), console
        # The foreign script was never fetched.
        assert [u for u in answered if urlsplit(u).hostname != "127.0.0.1"] == []
        assert "csp" in failed.get(FOREIGN_SCRIPT, "csp").lower()

        # The other pages of that site allow their own inline scripts by
        # their hashes: nothing is refused, and search works.
        page.goto(injected_site + "principes/", wait_until="networkidle")
        assert violations(page) == []
        assert "'sha256-" in page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
        page.locator(searching.BUTTON).click()
        expect(page).to_have_url(injected_site + searching.SEARCH_PAGE)
        assert searching.type_query(page, injected_site, "dilemma"), "search found nothing"
        page.wait_for_load_state("networkidle")
        assert violations(page) == []
    finally:
        context.close()


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_of_the_built_site_has_one_policy_first_in_its_head(built_site: Path) -> None:
    pages = [p for p in html_pages(built_site) if p.name != "404.html"]
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policies = META.findall(html)
        assert len(policies) == 1, path
        head = html.split("<head>", 1)[1]
        assert re.match(r'\s*<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" ', head), path
        assert "'unsafe-inline'" not in policies[0].split("script-src", 1)[1].split(";", 1)[0], path


def test_only_the_search_page_may_compile_webassembly(built_site: Path) -> None:
    # Pagefind searches in WebAssembly; no other page needs it.
    allowed = [
        path.relative_to(built_site).as_posix()
        for path in html_pages(built_site)
        if any("'wasm-unsafe-eval'" in policy for policy in META.findall(path.read_text(encoding="utf-8")))
    ]
    assert allowed == ["zoeken/index.html"]


def test_the_404_page_has_a_policy(built_site: Path) -> None:
    assert len(META.findall((built_site / "404.html").read_text(encoding="utf-8"))) == 1


@pytest.fixture
def watched(page: Page) -> Page:
    page.context.add_init_script(WATCH_VIOLATIONS)
    return page


def assert_no_violations(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    assert violations(page) == []


def test_using_the_site_violates_nothing(watched: Page, site_url: str) -> None:
    page = watched
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))

    # Search: the search page, reached from the header, runs Pagefind (its
    # WebAssembly, which that page's policy allows); a filter, then a result.
    page.goto(site_url)
    page.locator(searching.BUTTON).click()
    expect(page).to_have_url(site_url + searching.SEARCH_PAGE)
    assert searching.type_query(page, site_url, "minister"), "search found nothing"
    assert_no_violations(page)
    page.locator("#gids-search .pagefind-ui__filter-name", has_text="Spanning").click()
    tension = page.locator("#gids-search .pagefind-ui__filter-value:has(input[name=Spanning])").first
    count = int(re.search(r"\((\d+)\)$", tension.inner_text().strip()).group(1))
    tension.locator("input").check()
    expect(page.locator(searching.MESSAGE)).to_have_text(
        f"{count} resultaten voor minister" if count != 1 else "1 resultaat voor minister"
    )
    assert_no_violations(page)
    page.locator(searching.RESULT_LINK).first.click()
    expect(page).to_have_url(re.compile(r"/(dilemmas|principes|spanningen)/[a-z0-9-]+/$"))
    assert_no_violations(page)

    # The triangle: its sides are links.
    page.goto(site_url + "spanningen/")
    page.locator("a.gids-triangle__side").first.click()
    expect(page).to_have_url(re.compile(r"/spanningen/[a-z-]+/$"))
    assert_no_violations(page)

    # A tension's deck: fetched dilemma pages, then printing.
    page.evaluate("() => { window.gidsPrinted = 0; window.print = () => { window.gidsPrinted += 1; }; }")
    page.get_by_role("button", name="Afdrukken").click()
    page.get_by_role("dialog", name="Kaarten afdrukken").get_by_role("button", name="Afdrukken").click()
    page.wait_for_function("() => window.gidsPrinted === 1")
    assert_no_violations(page)

    # Filters.
    page.goto(site_url + "dilemmas/")
    page.select_option("#gids-filter-spanning", "politiek-maatschappij")
    expect(page.locator("#gids-filter-results .gids-card").first).to_be_visible()
    assert_no_violations(page)

    # Copy link, and a dilemma printed.
    page.goto(site_url + "dilemmas/op-tijd-opschalen/")
    page.get_by_role("button", name=re.compile("^Kopieer link")).first.click()
    expect(page.locator("#gids-live")).to_contain_text("Link gekopieerd")
    page.emulate_media(media="print")
    page.pdf(format="A4")
    page.emulate_media(media="screen")
    assert_no_violations(page)

    # The session page: pick, open the cards, present.
    page.goto(site_url + "sessie/")
    page.locator("#gids-session-options input").first.check()
    page.locator("#gids-session-options input").nth(1).check()
    page.get_by_role("link", name="Bekijk de set").click()
    expect(page.locator(".gids-session-card")).to_have_count(2)
    page.get_by_role("button", name="Presenteren").click()
    expect(page.get_by_role("dialog", name=re.compile("^Presentatie"))).to_be_visible()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    assert_no_violations(page)
    assert errors == []


@pytest.fixture(scope="module")
def public_url(two_releases: TwoReleases) -> Iterator[str]:
    with serve(two_releases.public) as url:
        yield url


def test_the_version_selector_violates_nothing(watched: Page, public_url: str) -> None:
    page = watched
    page.goto(public_url + "spanningen/")
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text=re.compile(r"^\s*Versie 1\.0\s*$")).click()
    expect(page).to_have_url(public_url + "1.0/spanningen/")
    expect(page.locator("[data-md-component=outdated]")).to_be_visible()
    assert_no_violations(page)
    # The banner leads to the same page in the newest version (the root).
    page.locator("[data-md-component=outdated]").get_by_role("link").click()
    expect(page).to_have_url(public_url + "spanningen/")
    assert_no_violations(page)

