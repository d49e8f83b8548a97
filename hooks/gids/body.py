"""The markdown body of an item: its headings and its links, with lines.

markdown-it-py (a well-kept CommonMark parser) finds headings and links, so
fenced code, reference links and inline code are handled as a renderer would.
MkDocs itself renders with Python-Markdown; the few places where the two
dialects differ for headings (``##Kop`` without a space) are caught here
explicitly so that a contributor hears about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token


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
class Fragment:
    """Raw HTML or inline text as written, with the line it starts on."""

    text: str
    line: int


@dataclass(frozen=True)
class Block:
    """A top-level block that is not a heading (paragraph, list, code...)."""

    line: int


@dataclass(frozen=True)
class Body:
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    blocks: tuple[Block, ...]
    #: Lines that Python-Markdown reads as a heading but CommonMark does not.
    unspaced_headings: tuple[Heading, ...]
    #: Raw HTML in the text (blocks and inline tags).
    html: tuple[Fragment, ...] = ()
    #: The text of paragraphs and headings, as written (for attribute lists).
    texts: tuple[Fragment, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.headings and not self.blocks


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark")
    # markdown-it leaves out links to javascript: and the like, but
    # Python-Markdown, which renders the site, keeps them: every link must be
    # seen here, so that safety.py can refuse the dangerous ones.
    parser.validateLink = lambda url: True
    return parser


_UNSPACED_HEADING = re.compile(r"^(#{1,6})([^#\s].*)$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def parse(markdown: str, first_line: int) -> Body:
    """Parse a body that starts on ``first_line`` of its file."""
    tokens = _parser().parse(markdown)
    headings: list[Heading] = []
    links: list[Link] = []
    blocks: list[Block] = []
    html: list[Fragment] = []
    texts: list[Fragment] = []
    depth = 0
    for index, token in enumerate(tokens):
        line = first_line + token.map[0] if token.map else first_line
        if token.type == "heading_open":
            inline = tokens[index + 1]
            headings.append(Heading(int(token.tag[1]), inline.content.strip(), line))
        elif token.type == "inline":
            inline_links, inline_html = _inline(token, line)
            links.extend(inline_links)
            html.extend(inline_html)
            texts.append(Fragment(token.content, line))
        elif token.type == "html_block":
            html.append(Fragment(token.content, line))
        if token.nesting == 1:
            if depth == 0 and token.type != "heading_open":
                blocks.append(Block(line))
            depth += 1
        elif token.nesting == -1:
            depth -= 1
        elif depth == 0 and token.type not in ("inline",):
            # Self-contained top-level blocks: code, fences, html, rules.
            blocks.append(Block(line))
    return Body(
        tuple(headings), tuple(links), tuple(blocks), _unspaced(markdown, first_line), tuple(html), tuple(texts)
    )


def _inline(inline: Token, line: int) -> tuple[list[Link], list[Fragment]]:
    """The links and the raw HTML of a paragraph or heading, each with its line."""
    links: list[Link] = []
    html: list[Fragment] = []
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            links.append(Link(str(child.attrs.get("href", "")), line))
        elif child.type == "image":
            links.append(Link(str(child.attrs.get("src", "")), line))
        elif child.type == "html_inline":
            html.append(Fragment(child.content, line))
    return links, html


def _unspaced(markdown: str, first_line: int) -> tuple[Heading, ...]:
    found = []
    fence: str | None = None
    for offset, text in enumerate(markdown.split("\n")):
        marker = _FENCE.match(text)
        if marker:
            if fence is None:
                fence = marker.group(1)[0]
            elif marker.group(1)[0] == fence:
                fence = None
            continue
        match = None if fence else _UNSPACED_HEADING.match(text)
        if match:
            found.append(Heading(len(match.group(1)), match.group(2).strip(), first_line + offset))
    return tuple(found)
