"""The local preview (`make serve`) in a real browser: a contributor changes a
dilemma and the open page reloads itself, with no error in the console. The
published pages carry a Content-Security-Policy; the preview does not, since
mkdocs serve adds its own inline reload script to every page it serves."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_build import _free_port, _get
from tests.helpers import MKDOCS, copy_project

pytestmark = pytest.mark.browser


def test_the_preview_reloads_itself_without_console_errors(page: Page, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    try:
        for _ in range(120):
            if _get(port, "/dilemmas/op-tijd-opschalen/"):
                break
            time.sleep(0.5)
        # Not "networkidle": the live reload keeps a request open.
        page.goto(f"http://127.0.0.1:{port}/dilemmas/op-tijd-opschalen/", wait_until="load")
        text = dilemma.read_text(encoding="utf-8")
        dilemma.write_text(
            re.sub(r"^title: .*$", "title: Titel gewijzigd in de voorvertoning", text, count=1, flags=re.M),
            encoding="utf-8",
        )
        expect(page.locator("article h1")).to_have_text("Titel gewijzigd in de voorvertoning", timeout=60_000)
        assert errors == []
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 0
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
