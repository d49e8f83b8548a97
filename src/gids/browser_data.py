"""What the guide's scripts in the browser get from the build
(``docs/javascripts/gids/``).

Every page carries a small data block of settings (``settings``): where the
guide is published, so that what is shared, copied and printed is the
permanent address whichever copy of the site it came from; and where pages
were built when pages are files (the offline zip, the merge-request
preview), so that links made by scripts work there too.

The offline zip is opened from ``file://``, where a page cannot fetch
``/gids.json`` or another page. Its pages load ``gids-offline.js``
instead (``offline_script``): the same data files, and the card of every
dilemma as the build wrote it on the dilemma's own page (``card_html``).
Plain Python: nothing of MkDocs is imported here.
"""

from __future__ import annotations

import json
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

#: The file of the offline zip that holds the data (a classic script).
OFFLINE_SCRIPT = "gids-offline.js"


def _as_file(public: str) -> str:
    """Where a page is built when pages are files, as the scripts assume
    it for the items ("dilemmas/x/" -> "dilemmas/x.html")."""
    return public[:-1] + ".html" if public.endswith("/") else public


def settings(published: str, built_urls: dict[str, str], *, directory_urls: bool, offline: bool) -> dict[str, object]:
    """The settings block of every page. ``built_urls``: public address ->
    the URL the page was built at. Only the pages the scripts could not
    find by the rule of ``_as_file`` are listed (the index pages and the
    home page), not the thousands of items."""
    pages = None
    if not directory_urls:
        pages = {public: built for public, built in sorted(built_urls.items()) if _as_file(public) != built}
    return {"published": published, "pages": pages, "offline": offline}


def card_html(page_html: str) -> tuple[str, str] | None:
    """The card of a dilemma's page: its id and its ``div.gids-dilemma``,
    as written."""
    node = LexborHTMLParser(page_html).css_first("article .gids-dilemma[data-gids-id]")
    if node is None or node.html is None:
        return None
    return str(node.attributes.get("data-gids-id")), node.html


def offline_script(files: dict[str, str], cards: dict[str, str]) -> str:
    """``gids-offline.js``: ``files``, data files of the site by name (their
    JSON text), and ``cards``, each dilemma's card by id. JSON is valid
    JavaScript; a ``<`` is written as an escape so that no part of the
    file can end a script element, were it ever inlined."""
    data = {"files": {name: json.loads(text) for name, text in files.items()}, "cards": cards}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("<", "\\u003c")
    return (
        "/* The guide's data for its scripts in the offline zip, which cannot fetch from file://"
        " (src/gids/browser_data.py). Generated: do not edit. */\n"
        f"window.gidsOffline = {text};\n"
    )


#: Beside the pages of the offline zip: how to open it, which version it is.
README = "LEESMIJ.txt"


def readme(site_name: str, version: str | None, date: str, published: str) -> str:
    """The zip's LEESMIJ.txt, in Dutch: what it is, how to open it."""
    which = f"versie {version} van {date}" if version else "een versie die nog niet is uitgebracht"
    lines = [
        f"{site_name}: offline versie",
        "",
        f"Dit is {which}.",
        "Open index.html in deze map met je browser. Je hebt geen internet nodig:",
        "zoeken, sessies, presenteren en kaarten afdrukken werken ook zo.",
        "Een sessie die je hier samenstelt, bewaart de browser op deze computer.",
    ]
    if published:
        lines += ["", f"De nieuwste versie van de gids staat online op {published}", "Links en QR-codes die je kopieert of afdrukt, gaan naar dat adres."]
    return "\n".join(lines) + "\n"


def write_offline(site: Path, data_files: list[str], cards: dict[str, str], readme_text: str) -> None:
    """Into the offline build's folder: ``gids-offline.js`` (from the data
    files as written there, and the cards) and ``LEESMIJ.txt``."""
    files = {name: (site / name).read_text(encoding="utf-8") for name in data_files}
    (site / OFFLINE_SCRIPT).write_text(offline_script(files, cards), encoding="utf-8")
    (site / README).write_text(readme_text, encoding="utf-8")
