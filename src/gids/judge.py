"""Judging each page's body on the HTML the engine rendered for it.

A build of the site renders every body once: the engine's own rendering is
what is published, so that is what is judged. Before the build, the front
matter of every file is checked (``validate.py`` without a renderer); each
body waits here until the engine has rendered it. The rules are the ones
``make check`` applies to its own rendering (``sections.py``, ``links.py``,
``safety.py``); only where the HTML comes from differs.

Rendering each body a second time for the check cost about a third of a
build (2.0 s of 13 s for 1,000 dilemmas, ``make bench``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from . import schema
from .files import capped
from .links import check_links
from .problems import Problem
from .sections import check_body, check_rendered


@dataclass(frozen=True)
class Waiting:
    """What judging one body needs besides its HTML."""

    #: The file line of the body's first line, as the engine gets the body
    #: (MkDocs drops blank lines under the front matter).
    first_line: int
    #: The body's rules (an item, the triangle, a tension, the changelog);
    #: ``None``: any page, only safe and with working links.
    spec: schema.Schema | None
    #: For a page of ``docs/``: its folder in the site's namespace, against
    #: which its links resolve; ``None`` for a principle or dilemma.
    base: str | None
    #: A principle's or dilemma's body as it was read with its front matter
    #: (``None`` for the docs pages, which the engine reads itself).
    body: str | None = None


class BodyJudge:
    """The bodies of one build, each judged when its HTML is there."""

    def __init__(
        self,
        items: dict[str, set[str]],
        aliases: dict[str, dict[str, str]],
        pages: frozenset[str],
        waiting: dict[str, Waiting],
    ) -> None:
        self._items = items
        self._aliases = aliases
        self._pages = pages
        self._waiting = waiting

    def body(self, path: str) -> str | None:
        """The body of the item at ``path`` as it was read and checked: the
        engine renders this text, not a second reading of the file (which
        cost 0.1 ms a page, and could differ if the file changed meanwhile)."""
        waiting = self._waiting.get(path)
        return waiting.body if waiting is not None else None

    def judge(self, path: str, markdown: str, html: str, written: Callable[[str], str] | None = None) -> list[Problem]:
        """Every problem of the body of ``path`` (its project path): the
        ``markdown`` the engine rendered into ``html``. ``written`` turns a
        link the engine rewrote back into the link as written."""
        waiting = self._waiting.get(path)
        if waiting is None:
            return []
        problems: list[Problem] = []
        first_line = waiting.first_line
        if waiting.spec is not None:
            parsed = check_body(markdown, first_line, path, html, waiting.spec, problems, written)
        else:
            parsed = check_rendered(markdown, first_line, path, html, problems, written)
        if waiting.base is None:
            check_links(parsed.links, path, self._items, self._aliases, problems)
        else:
            check_links(parsed.links, path, self._items, self._aliases, problems, base=waiting.base, pages=self._pages)
        return capped(sorted(set(problems)))


def written_link(sources: dict[str, str], page_url: str, page_source: str, href: str) -> str:
    """A link in a page's HTML as its author wrote it. The engine rewrites a
    link to a file it knows (``../principles/x.md``) into that file's URL
    (``../../principles/x/``); ``sources`` maps each URL, normalised
    (``principles/x``), back to its source path in the engine's namespace
    (``principles/x.md``). ``page_url`` and ``page_source``: the same two of
    the page the link is on."""
    scheme, netloc, path, query, fragment = urlsplit(href)
    if scheme or netloc or not path or path.startswith("/") or path.endswith(".md"):
        return href
    source = sources.get(posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path)))
    if source is None:
        return href
    folder = posixpath.dirname(page_source) or "."
    return urlunsplit(("", "", posixpath.relpath(source, folder), query, fragment))
