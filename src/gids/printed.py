"""The printed guide, as PDF files beside the published site (gids publish):
the deck of all dilemmas and one per tension, as A4 sheets of A6 cards to
print double-sided and cut, and the whole guide as one A4 booklet.

Made by Chromium (through Playwright) from the site's own pages, with the
same scripts and print layout a trainer gets from "Afdrukken": one layout,
on paper and in the PDF. A PDF library drawing the cards again would be a
second layout to keep in step (and segno's QR codes, the print CSS and the
cards' markup would all need a copy). Chromium is already what the tests
drive; the PDFs are checked with pypdf there.

Plain Python: nothing of MkDocs is imported here.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import posixpath
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

#: The booklet's page, made only in publish builds (env GIDS_BOOKLET=true);
#: two folders deep like the items, so that links in their bodies work.
BOOKLET_SOURCE = "afdrukken/boekje.md"
BOOKLET_ADDRESS = "afdrukken/boekje/"
BOOKLET_TITLE = "De gids als boekje"
#: The files, relative to the site's folder (a release's: ``/<version>/``).
BOOKLET_PDF = "gids-ambtelijk-vakmanschap.pdf"
DECKS = "kaarten"
ALL_DECK = "alle-dilemmas"

CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
#: Milliseconds a page may take to load its cards and lay them out.
TIMEOUT_MS = 120_000


def booklet_links(html: str, page_url: str) -> str:
    """A page's body, rendered for ``page_url``, with its relative links
    made to work from the booklet's address instead."""
    tree = LexborHTMLParser(html)
    for node in tree.css("a[href]"):
        href = node.attrs.get("href") or ""
        scheme, netloc, path, query, fragment = urlsplit(href)
        if scheme or netloc or not path or path.startswith("/"):
            continue
        target = posixpath.normpath(posixpath.join(page_url, path))
        moved = posixpath.relpath(target, BOOKLET_ADDRESS) + ("/" if path.endswith("/") else "")
        node.attrs["href"] = urlunsplit(("", "", moved, query, fragment))
    return tree.body.inner_html if tree.body is not None else ""


def unique_ids(html: str, prefix: str) -> str:
    """One part of the booklet with its ids (and the links to them within
    it) prefixed: every dilemma has a #situatie, the booklet one page."""
    tree = LexborHTMLParser(html)
    ids = set()
    for node in tree.css("[id]"):
        ids.add(node.attrs["id"])
        node.attrs["id"] = f"{prefix}-{node.attrs['id']}"
    for node in tree.css("[aria-labelledby]"):
        node.attrs["aria-labelledby"] = f"{prefix}-{node.attrs['aria-labelledby']}"
    for node in tree.css('a[href^="#"]'):
        anchor = (node.attrs.get("href") or "")[1:]
        if anchor in ids:
            node.attrs["href"] = f"#{prefix}-{anchor}"
    return tree.body.inner_html if tree.body is not None else ""


class PrintError(Exception):
    """The PDFs could not be made; the message is one Dutch sentence."""


def deck_file(name: str) -> str:
    """A deck's PDF (``name``: a tension's id, or ALL_DECK)."""
    return f"{DECKS}/{name}.pdf"


def chromium() -> str:
    """Debian's Chromium (or $CHROMIUM); a PrintError names what to install."""
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(candidate).is_file():
        raise PrintError(
            "Voor de PDF's van de kaarten en het boekje is Chromium nodig. "
            "Installeer het met: sudo apt-get install chromium (of zet CHROMIUM=/pad/naar/chromium)."
        )
    return candidate


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` on a web server of the standard library, on 127.0.0.1 (a
    free port); yields its address. The tests serve built sites with it too."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _write(path: Path, data: bytes) -> None:
    """Beside the old file first, then in its place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = path.with_name(path.name + ".new")
    new.write_bytes(data)
    os.replace(new, path)


def decks_of(site: Path) -> list[str]:
    """The decks a site has: all dilemmas, and each tension with dilemmas;
    none for a release from before the guide's open data (and decks)."""
    if not (site / "gids.json").is_file():
        return []
    data = json.loads((site / "gids.json").read_text(encoding="utf-8"))
    return [ALL_DECK, *(t["id"] for t in data["tensions"] if t["dilemmas"])] if data["dilemmas"] else []


#: A booklet made in the browser from a release's own pages, for a release
#: built from a commit before the booklet's page existed (its snapshot is
#: built as it was, with its own templates): its cover, then each page's
#: article, without what is only for the screen.
_FROM_PAGES = """async (pages) => {
  const header = document.querySelector(".md-header__topic .md-ellipsis");
  const name = header ? header.textContent.trim() : document.title;
  const parse = (html) => new DOMParser().parseFromString(html, "text/html");
  const text = async (path) => { const r = await fetch(path); return r.ok ? r.text() : ""; };
  const changes = parse(await text("versies/"));
  const release = changes.querySelector("section.gids-release:not(.gids-release--coming)");
  const book = document.createElement("div");
  book.className = "md-typeset gids-booklet-from-pages";
  const cover = book.appendChild(document.createElement("section"));
  cover.className = "gids-booklet__cover";
  const title = cover.appendChild(document.createElement("h1"));
  title.textContent = name;
  for (const part of [release && release.querySelector("h2"), release && release.querySelector("time")]) {
    if (part) cover.appendChild(document.createElement("p")).textContent = part.textContent.trim();
  }
  for (const path of pages) {
    const page = parse(await text(path));
    const article = page.querySelector("article.md-content__inner") || page.querySelector("article");
    if (!article || /staat niet meer in de gids/.test(article.textContent)) continue;
    article.querySelectorAll("script, nav, form, button, .md-content__button, .headerlink, .gids-related, "
      + ".gids-history, .gids-react, .gids-propose, .gids-tools, .gids-filters, .gids-session, .gids-feed")
      .forEach((el) => el.remove());
    article.querySelectorAll("[href]").forEach((el) => {
      el.setAttribute("href", new URL(el.getAttribute("href"), new URL(path, location.href)).href);
    });
    const part = book.appendChild(document.createElement("section"));
    part.className = "gids-booklet__page";
    part.append(...Array.from(article.childNodes, (node) => document.importNode(node, true)));
  }
  const style = document.createElement("style");
  style.textContent = ".gids-booklet__page { break-before: page; } .gids-booklet__cover { padding-top: 60mm; }"
    + " .gids-print-address { display: flex; gap: 1em; } .gids-print-address svg { width: 22mm; }";
  document.head.appendChild(style);
  document.body.replaceChildren(book);
}"""


def _release_pages(site: Path) -> list[str]:
    """A site's pages for a booklet made from its pages, in the booklet's
    order: the home page, the triangle and its tensions, the principles,
    the dilemmas (each folder's in the order of their names)."""
    pages = ["./", "spanningen/"]
    for folder in ("spanningen", "principes", "dilemmas"):
        pages += [f"{folder}/{page.parent.name}/" for page in sorted((site / folder).glob("*/index.html"))]
    return pages


def _booklet_pdf(page: Any) -> bytes:
    page.emulate_media(media="print")
    return page.pdf(
        format="A4",
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=(
            '<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
            '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
        ),
        margin={"top": "18mm", "bottom": "18mm", "left": "18mm", "right": "18mm"},
    )


def write_pdfs(site: Path) -> list[Path]:
    """The decks and the booklet of the built site in ``site``, written into
    it; the files written. A release built from a commit before these
    existed gets its booklet from its own pages (``_FROM_PAGES``), and the
    decks only if its pages can print them."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PrintError(
            "Voor de PDF's is Playwright nodig: make site-all-versions installeert het zelf."
        ) from None
    executable = chromium()
    pages = [("dilemmas/" if name == ALL_DECK else f"spanningen/{name}/", deck_file(name)) for name in decks_of(site)]
    written: list[Path] = []
    try:
        with served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=list(CHROMIUM_FLAGS))
            try:
                page = browser.new_page(locale="nl-NL")
                page.set_default_timeout(TIMEOUT_MS)
                for address, name in pages:
                    page.goto(base + address)
                    # A release built before decks could be printed has no deck.
                    if not page.evaluate("() => Boolean(window.gids && window.gids.deck && window.gids.printCards)"):
                        continue
                    page.evaluate(
                        "() => window.gids.deck.cards().then((cards) => { window.gids.printCards.build(cards, 'a6'); })"
                    )
                    page.emulate_media(media="print")
                    _write(site / name, page.pdf(prefer_css_page_size=True))
                    page.emulate_media(media="screen")
                    written.append(site / name)
                if (site / BOOKLET_ADDRESS / "index.html").is_file():
                    page.goto(base + BOOKLET_ADDRESS)
                else:
                    page.goto(base)
                    page.evaluate(_FROM_PAGES, _release_pages(site))
                _write(site / BOOKLET_PDF, _booklet_pdf(page))
                written.append(site / BOOKLET_PDF)
            finally:
                browser.close()
    except PlaywrightError as error:
        first = (str(error).strip().splitlines() or ["onbekende fout"])[0]
        raise PrintError(f"Chromium kon de PDF's niet maken: {first}") from None
    return written
