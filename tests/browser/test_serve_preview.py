"""The local preview (`make serve`) in a real browser: a contributor changes a
dilemma and the open page reloads itself, with no error in the console. The
published pages carry a Content-Security-Policy; the preview does not, since
mkdocs serve adds its own inline reload script to every page it serves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import copy_project, mkdocs_serve

pytestmark = pytest.mark.browser


def test_the_preview_reloads_itself_without_console_errors(page: Page, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    with mkdocs_serve(project) as served:
        served.wait_for("/dilemmas/op-tijd-opschalen/")
        # Not "networkidle": the live reload keeps a request open.
        page.goto(f"http://127.0.0.1:{served.port}/dilemmas/op-tijd-opschalen/", wait_until="load")
        text = dilemma.read_text(encoding="utf-8")
        dilemma.write_text(
            re.sub(r"^title: .*$", "title: Titel gewijzigd in de voorvertoning", text, count=1, flags=re.M),
            encoding="utf-8",
        )
        expect(page.locator("article h1")).to_have_text("Titel gewijzigd in de voorvertoning", timeout=60_000)
        assert errors == []
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 0


def test_a_mistake_shows_as_a_dutch_page_and_goes_when_fixed(page: Page, tmp_path: Path) -> None:
    """Reported: with a content error the browser waited for ever, and the
    messages were only in the terminal. Now the open page turns into the
    messages of make check, explained, and back into the guide once the
    file is fixed, without touching the browser."""
    project = copy_project(tmp_path / "project")
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    text = dilemma.read_text(encoding="utf-8")
    with mkdocs_serve(project) as served:
        served.wait_for("/dilemmas/op-tijd-opschalen/")
        page.goto(f"http://127.0.0.1:{served.port}/dilemmas/op-tijd-opschalen/", wait_until="load")
        title = page.locator("article h1").inner_text()
        dilemma.write_text(text.replace("domains: [", "domains: [Handhaving, ", 1), encoding="utf-8")
        # MkDocs' own live reload brings the error page.
        expect(page.locator("h1")).to_have_text("De gids kan nu niet worden getoond", timeout=60_000)
        problem = page.locator("main li")
        expect(problem).to_have_count(1)
        expect(problem.locator("h2")).to_contain_text("dilemmas/op-tijd-opschalen.md, regel")
        expect(problem.locator("h2")).to_contain_text("bij domains")
        expect(problem).to_contain_text("'Handhaving' kan hier niet")
        expect(problem).to_contain_text("Wat doe je?")
        assert page.locator("html").get_attribute("lang") == "nl"
        # The explanation is one link away, also while the guide is down.
        link = problem.get_by_role("link", name="Meer uitleg bij deze melding")
        href = link.get_attribute("href") or ""
        assert re.fullmatch(r"/bijdragen/naslag/#melding-[a-z0-9-]+", href), href
        explained = page.context.new_page()
        explained.goto(f"http://127.0.0.1:{served.port}{href}", wait_until="load")
        expect(explained.locator(href[href.index("#"):])).to_be_visible()
        explained.close()
        # Fixed: the page comes back by itself.
        dilemma.write_text(text, encoding="utf-8")
        expect(page.locator("article h1")).to_have_text(title, timeout=60_000)


def test_serve_starts_on_a_broken_guide_and_recovers(page: Page, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    text = dilemma.read_text(encoding="utf-8")
    dilemma.write_text(text.replace("tensions:", "tensons:", 1), encoding="utf-8")
    with mkdocs_serve(project) as served:
        home = f"http://127.0.0.1:{served.port}/"
        for _ in range(120):
            if "Serving on" in served.log.read_text(encoding="utf-8"):
                break
            page.wait_for_timeout(500)
        page.goto(home, wait_until="load")
        expect(page.locator("h1")).to_have_text("De gids kan nu niet worden getoond")
        expect(page.locator("main li")).to_contain_text("Bedoel je 'tensions'?")
        dilemma.write_text(text, encoding="utf-8")
        expect(page.locator("h1").first).not_to_have_text("De gids kan nu niet worden getoond", timeout=60_000)
        expect(page).to_have_title(re.compile("Gids Ambtelijk vakmanschap"))
        assert "Serving on" in served.log.read_text(encoding="utf-8")
