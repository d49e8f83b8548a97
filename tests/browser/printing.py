"""Printing a deck of cards in the browser tests: through the page's own
dialog, with window.print counted instead of opened, and the text of each
sheet of the PDF Chromium then prints."""

from __future__ import annotations

import io

from playwright.sync_api import Page
from pypdf import PdfReader


def pdf_texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def no_print(page: Page) -> None:
    """window.print counts instead of opening the print dialog."""
    page.evaluate("() => { window.gidsPrinted = 0; window.print = () => { window.gidsPrinted += 1; }; }")


def print_deck(page: Page, button: str = "Afdrukken") -> list[str]:
    """Press ``button``, confirm the dialog "Kaarten afdrukken"; the text of
    each printed sheet (the page is back on screen after)."""
    no_print(page)
    page.get_by_role("button", name=button).click()
    page.get_by_role("dialog", name="Kaarten afdrukken").get_by_role("button", name="Afdrukken").click()
    page.wait_for_function("() => window.gidsPrinted === 1")
    page.emulate_media(media="print")
    texts = pdf_texts(page.pdf(prefer_css_page_size=True))
    page.emulate_media(media="screen")
    return texts
