"""The structure of a body as the site renders it: headings, text, links.

Read from the HTML that Python-Markdown makes of the body (``render.py``),
the same HTML the safety check judges and the site shows: one parser, so a
section the check sees is a section the reader sees. Rendered HTML has no
line numbers; each heading is matched, in order, to the heading line it came
from in the markdown, and each link to where its address is written, so that
messages can still name a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    #: 1-based line in the file.
    line: int


@dataclass(frozen=True)
class Link:
    target: str
    line: int


@dataclass(frozen=True)
class Block:
    """A top-level block that is not a heading (paragraph, list, code...)."""

    line: int


@dataclass(frozen=True)
class Body:
    #: The headings at the top level of the body (not those inside an
    #: admonition or a list), in order.
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    blocks: tuple[Block, ...]
    #: Headings written without a space after the #s (``##Kop``): the site
    #: reads them as headings, the forge's preview does not.
    unspaced_headings: tuple[Heading, ...]

    @property
    def is_empty(self) -> bool:
        return not self.headings and not self.blocks


_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
# The permalink that the toc extension puts after a heading's text.
_PERMALINK = "\u00b6"


def read(
    markdown: str,
    first_line: int,
    rendered: str,
    tree: LexborHTMLParser | None = None,
    written: Callable[[str], str] | None = None,
) -> Body:
    """The structure of ``rendered``, the HTML of ``markdown``, a body that
    starts on ``first_line`` of its file. ``written`` turns a link address
    in the HTML back into the address as written in the markdown, where the
    engine rewrote it (MkDocs makes ``../principles/x.md`` a URL)."""
    lines = markdown.split("\n")
    candidates = _heading_lines(lines)
    headings: list[Heading] = []
    blocks: list[Block] = []
    tree = tree or LexborHTMLParser(rendered)
    root = tree.body
    cursor = 0  # the next heading line of the markdown to match
    last_line = first_line
    for node in root.iter(include_text=False) if root is not None else ():
        level = _HEADING_TAGS.get(node.tag or "")
        if level is None:
            if node.tag != "-comment":
                blocks.append(Block(_next_text_line(lines, last_line - first_line + (1 if headings else 0)) + first_line))
            continue
        while cursor < len(candidates) and candidates[cursor][1] != level:
            cursor += 1
        if cursor < len(candidates):
            last_line = first_line + candidates[cursor][0]
            cursor += 1
        text = node.text(deep=True).replace(_PERMALINK, "").strip()
        headings.append(Heading(level, text, last_line))
    links = _links(tree, markdown, first_line, written)
    return Body(tuple(headings), links, tuple(blocks), _unspaced(lines, first_line))


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$|[^#\s])")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


def _outside_fences(lines: list[str]) -> list[tuple[int, str]]:
    """(0-based number, text) of each line outside fenced code (the fence
    lines themselves left out too)."""
    found = []
    fence: str | None = None
    for number, text in enumerate(lines):
        marker = _FENCE.match(text)
        if marker:
            if fence is None:
                fence = marker.group(1)[0]
            elif marker.group(1)[0] == fence:
                fence = None
            continue
        if not fence:
            found.append((number, text))
    return found


def _heading_lines(lines: list[str]) -> list[tuple[int, int]]:
    """(0-based line, level) of every line that Python-Markdown can read as
    a heading at the top level: outside fenced code, not indented."""
    found = []
    for number, text in _outside_fences(lines):
        atx = _ATX.match(text)
        if atx:
            found.append((number, len(atx.group(1))))
        elif number and _SETEXT.match(text) and lines[number - 1].strip() and not _ATX.match(lines[number - 1]):
            found.append((number - 1, 1 if text.strip()[0] == "=" else 2))
    return found


def _next_text_line(lines: list[str], start: int) -> int:
    """The first line from ``start`` (0-based) that holds anything."""
    for number in range(max(start, 0), len(lines)):
        if lines[number].strip():
            return number
    return max(start, 0)


def _links(
    tree: LexborHTMLParser, markdown: str, first_line: int, written: Callable[[str], str] | None
) -> tuple[Link, ...]:
    """Every link and image address, with the line where it is written (the
    line of the body's start where the markdown spells it otherwise)."""
    links = []
    offset = 0
    for node in tree.css("a[href], img[src]"):
        target = node.attributes.get("href" if node.tag == "a" else "src") or ""
        if node.tag == "a" and "headerlink" in (node.attributes.get("class") or ""):
            continue  # the toc extension's own link to the heading
        if written is not None:
            target = written(target)
        found = markdown.find(target, offset) if target else -1
        if found >= 0:
            offset = found + len(target)
            links.append(Link(target, first_line + markdown.count("\n", 0, found)))
        else:
            links.append(Link(target, first_line))
    return tuple(links)


_UNSPACED_HEADING = re.compile(r"^(#{1,6})([^#\s].*)$")


def _unspaced(lines: list[str], first_line: int) -> tuple[Heading, ...]:
    found = []
    for offset, text in _outside_fences(lines):
        match = _UNSPACED_HEADING.match(text)
        if match:
            found.append(Heading(len(match.group(1)), match.group(2).strip(), first_line + offset))
    return tuple(found)


def text_of(html: str) -> str:
    """The text a reader sees in ``html`` (for the search index), without
    the toc extension's permalink signs."""
    root = LexborHTMLParser(html).body
    return "" if root is None else root.text(separator=" ", strip=True).replace(_PERMALINK, "")
