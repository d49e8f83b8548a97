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
