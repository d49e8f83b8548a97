"""The page left at an earlier address of a principle or dilemma: in Dutch.

mkdocs-redirects writes these pages after the build (its ``on_post_build``),
from an English template of its own ("Redirecting...", ``lang="en"``) that
no setting changes. This module writes the page the guide shows instead: the
same immediate redirect (a ``<meta http-equiv="refresh">``, and a small
script that keeps the ``#anchor`` a trainer's link pointed to), with a
visible Dutch sentence and link for a reader whose browser does not follow
it at once. Which address it leads to is read from the page
mkdocs-redirects wrote: that plugin works out the relative address
(``../nieuwe-naam/``, or ``nieuwe-naam.html`` in a build of ``.html``
files), and this module does not second-guess it.

Plain Python: nothing of MkDocs is imported here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path

from . import csp

# The target as mkdocs-redirects writes it: <meta http-equiv="refresh" content="0; url=...">.
_REFRESH = re.compile(
    r"<meta\s+http-equiv=[\"']refresh[\"']\s+content=[\"']\s*\d+\s*;\s*url=(?P<url>[^\"']*)[\"']",
    re.IGNORECASE,
)

# Keeps the part after "#" of the old address (a section of a dilemma), as
# mkdocs-redirects' own script does; the refresh below is the fallback
# without JavaScript. ``{target}`` is a JSON string, safe inside <script>.
_SCRIPT = 'var anchor=window.location.hash.substr(1);location.href={target}+(anchor?"#"+anchor:"")'

_PAGE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Deze pagina is verhuisd - {site_name}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<script>{script}</script>
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<main>
<h1>Deze pagina is verhuisd</h1>
<p>Deze pagina is verhuisd naar <a href="{href}">{text}</a></p>
<p>Je wordt nu doorgestuurd. Gebeurt er niets? Klik dan op de link. Heb je deze pagina opgeslagen als bladwijzer of in een document? Gebruik dan voortaan het nieuwe adres.</p>
</main>
</body>
</html>
"""

SITE_NAME = "Gids Ambtelijk vakmanschap"
_DUTCH = re.compile(r"<html\s+lang=[\"']?nl\b", re.IGNORECASE)


def dutch_page(target: str, title: str | None = None, site_name: str = SITE_NAME, with_policy: bool = False) -> str:
    """The Dutch page that sends a reader on to ``target`` (an address as
    the page's links use it: relative, such as ``../nieuwe-naam/``).

    ``title`` is what the reader sees as the link (the title of the page it
    leads to); without it, the address itself. ``with_policy`` gives the
    page the site's Content-Security-Policy, which allows its one script by
    its hash (``csp.py``)."""
    href = html.escape(target, quote=True)
    # In a script, "</" could end the element: JSON with "<" escaped is safe.
    script = _SCRIPT.format(target=json.dumps(target).replace("<", "\\u003c"))
    page = _PAGE.format(
        site_name=html.escape(site_name, quote=False),
        href=href,
        script=script,
        text=html.escape(title, quote=False) if title else href,
    )
    return csp.add_policy(page) if with_policy else page


def target_of(page: str) -> str | None:
    """The address a redirect page leads to (its ``refresh``), or ``None``
    when ``page`` is not a redirect page."""
    match = _REFRESH.search(page)
    return html.unescape(match.group("url")) if match else None


def translate(page: str, title: str | None = None, site_name: str = SITE_NAME, with_policy: bool = False) -> str | None:
    """The Dutch page for a redirect page mkdocs-redirects wrote (its HTML),
    leading to the same address; ``None`` if ``page`` is no redirect page."""
    target = target_of(page)
    if target is None:
        return None
    return dutch_page(target, title, site_name, with_policy)


def rewrite(
    site_dir: Path, pages: Mapping[str, str | None], site_name: str = SITE_NAME, with_policy: bool = False
) -> list[str]:
    """Replace the redirect pages mkdocs-redirects wrote in ``site_dir`` by
    Dutch ones, in place.

    ``pages`` maps each page's file, relative to ``site_dir``
    (``dilemmas/oude-naam/index.html``), to the title of the page it leads
    to (or ``None``). A file that is missing, or that holds no redirect (a
    page of the guide at that address), is left alone. Returns the files
    rewritten."""
    rewritten = []
    for name, title in pages.items():
        path = site_dir / name
        if not path.is_file():
            continue
        page = path.read_text(encoding="utf-8")
        if _DUTCH.search(page):
            continue  # rewritten already: a second policy would be added
        dutch = translate(page, title, site_name, with_policy)
        if dutch is not None:
            path.write_text(dutch, encoding="utf-8")
            rewritten.append(name)
    return rewritten
