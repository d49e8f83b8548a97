"""Contributed text may not carry active content into a government site.

Contributors write markdown; a merge request must not be able to add script
to the guide. Refused, wherever the markdown renderer would pass them on:
the tags that run or embed code or change the page (``<script>``,
``<iframe>``, ``<object>``, ``<embed>``, ``<style>`` and kin), event
attributes (``on...=``) and ``style=`` in raw HTML or in attribute lists
(``{: onclick=... }``), and ``javascript:``, ``vbscript:`` and ``data:``
addresses in links and images. Ordinary markdown stays allowed.

The HTML is read with the standard library's HTMLParser, which lowercases
names and decodes entities as a browser would, so ``<ScRiPt>`` and
``jav&#x61;script:`` are caught too. Written here because the well-kept
sanitizers (bleach is deprecated; nh3 cleans rather than reports) do not say
what was found on which line, and a contributor needs exactly that.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote

from .body import Body
from .problems import Problem

FORBIDDEN_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base", "form"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset", "data", "poster", "background"})
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers ignore ASCII control characters and white space inside a scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
# An attribute list of Python-Markdown's attr_list extension: {: key=value }.
_ATTRIBUTE_LIST = re.compile(r"\{:?[^{}\n]*?\b(on[a-z]+|style)\s*=", re.IGNORECASE)

PLAIN = "gebruik gewone tekst en markdown"


def dangerous_scheme(url: str) -> str | None:
    """The scheme of ``url`` if it would run or embed code, else ``None``."""
    cleaned = _IGNORED_IN_SCHEME.sub("", html.unescape(unquote(url))).lower()
    return next((scheme for scheme in DANGEROUS_SCHEMES if cleaned.startswith(scheme)), None)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.found.append((line, "html", f"'<{tag}>' is niet toegestaan in de tekst van de gids; {PLAIN}"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(
                    (line, "html", f"het HTML-attribuut '{name}' is niet toegestaan: het laat code draaien; haal het weg")
                )
            elif name == "style":
                self.found.append(
                    (line, "html", "het HTML-attribuut 'style' is niet toegestaan: de opmaak komt van de gids zelf; haal het weg")
                )
            elif name in URL_ATTRIBUTES and value and dangerous_scheme(value):
                self.found.append((line, "html", _url_message(dangerous_scheme(value) or "")))

    handle_startendtag = handle_starttag


def _url_message(scheme: str) -> str:
    return (
        f"een adres dat begint met '{scheme}' is niet toegestaan; gebruik een gewoon webadres "
        "(https://...) of een link naar een ander bestand van de gids"
    )


def check(parsed: Body, path: str) -> list[Problem]:
    """Every piece of active content in a parsed body, one problem each."""
    problems = []
    for fragment in parsed.html:
        finder = _Finder()
        finder.feed(fragment.text)
        finder.close()
        for offset, key, message in finder.found:
            problems.append(Problem(path, fragment.line + offset - 1, key, message))
    for link in parsed.links:
        scheme = dangerous_scheme(link.target)
        if scheme:
            problems.append(Problem(path, link.line, "link", _url_message(scheme)))
    for text in parsed.texts:
        for match in _ATTRIBUTE_LIST.finditer(text.text):
            line = text.line + text.text.count("\n", 0, match.start())
            problems.append(
                Problem(
                    path,
                    line,
                    "tekst",
                    f"opmaak tussen {{ }} met '{match.group(1).lower()}=' is niet toegestaan; haal die opmaak weg",
                )
            )
    return problems


def check_text(value: str, path: str, line: int, key: str) -> list[Problem]:
    """A front-matter text is shown as plain text; HTML in it is a mistake."""
    if "<" not in value:
        return []  # no tag without a "<"
    finder = _Finder()
    finder.feed(value)
    finder.close()
    if finder.found or re.search(r"<[a-zA-Z!/]", value):
        return [Problem(path, line, key, f"hier hoort gewone tekst, zonder HTML-code zoals <...>; {PLAIN}")]
    return []
