"""The markdown body of an item: its headings and its links, with lines.

A CommonMark parser finds headings and links, so fenced code, reference
links and inline code are handled as a renderer would; the section and link
checks read them. (Whether a body is safe is judged elsewhere, on the HTML
the site renders: ``safety.py``.) MkDocs itself renders with Python-Markdown;
the few places where the two dialects differ for headings (``##Kop``
without a space) are caught here explicitly so that a contributor hears
about them.

Two parsers from the same project (executablebooks), one result:

* markdown-it-py, the reference: it parses every body with characters the
  fast path does not read the same (``<``, ``&``, ``{``, a backslash, ``%``,
  control characters, or the words of a scheme the Rust port drops as a
  link), and every body with a structure the fast path does not read
  (setext or nested headings);
* markdown-it-pyrs, its Rust port, about ten times faster, for all other
  bodies, which is nearly all of them. Where no wheel exists for the
  platform, the reference parser does everything.

A test parses many bodies with both and requires the same result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

try:
    import markdown_it_pyrs
except ImportError:  # pragma: no cover - no wheel for this platform
    markdown_it_pyrs = None


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
    #: The text of paragraphs and headings, as written, for the attribute
    #: lists that safety.py looks for. Left empty for a body without ``{``,
    #: which cannot hold one.
    texts: tuple[Fragment, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.headings and not self.blocks


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported when first needed: most builds never take this path.
    from markdown_it import MarkdownIt

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
    return _parse_fast(markdown, first_line) or parse_reference(markdown, first_line)


# What sends a body to the reference parser: anything that could be or hide
# raw HTML, an attribute list, an entity or escape, a percent-encoded or
# control-character-split scheme; and an address the Rust port drops as a
# link (javascript:, vbscript:, data:, file:). Without those characters a
# link's address holds no space or control character, so a scheme can only
# appear as written, which the plain substring test finds.
_NEEDS_REFERENCE = b"<&{\\%" + bytes(range(0x00, 0x09)) + bytes(range(0x0B, 0x20)) + b"\x7f"
# Every other byte: deleting these from a text leaves only the bytes above.
# (A regular expression's character class tests each character in turn, at
# several times the cost of this one pass in C over a large guide's bodies.)
_ORDINARY = bytes(b for b in range(256) if b not in _NEEDS_REFERENCE)
_LINK_SCHEMES_DROPPED = ("script:", "data:", "file:")


def _needs_reference(markdown: str, data: bytes) -> bool:
    """``data``: ``markdown`` in UTF-8 (each of the characters above is one
    byte there, and no byte of another character is one of them)."""
    if data.translate(None, _ORDINARY):
        return True
    lowered = markdown.lower()
    return any(scheme in lowered for scheme in _LINK_SCHEMES_DROPPED)


@lru_cache(maxsize=1)
def _fast_parser():  # -> markdown_it_pyrs.MarkdownIt
    return markdown_it_pyrs.MarkdownIt("commonmark")


def _parse_fast(markdown: str, first_line: int) -> Body | None:
    """The body as parse_reference reads it, or ``None`` when this path
    does not apply (see the module's docstring)."""
    if markdown_it_pyrs is None:
        return None
    # Positions in the tree are byte offsets into the UTF-8 text.
    data = markdown.encode("utf-8")
    if _needs_reference(markdown, data):
        return None
    tree = _fast_parser().tree(markdown)

    # Nodes come in document order: count the newlines since the last one
    # asked for, not from the start each time.
    seen = [0, first_line]

    def line_of(offset: int) -> int:
        last_offset, last_line = seen
        if offset < last_offset:
            last_offset, last_line = 0, first_line
        line = last_line + data.count(b"\n", last_offset, offset)
        seen[0], seen[1] = offset, line
        return line

    headings: list[Heading] = []
    links: list[Link] = []
    blocks: list[Block] = []
    for node in tree.children:
        if node.name == "heading":
            start, end = node.srcmap
            level = node.meta["level"]
            headings.append(Heading(level, _atx_text(data[start:end].decode("utf-8"), level), line_of(start)))
        elif node.name == "lheading":
            return None
        elif node.name != "definition":
            blocks.append(Block(line_of(node.srcmap[0])))
    nested_headings = -len(headings)
    for node in tree.walk():
        if node.name in ("link", "image"):
            links.append(Link(node.meta["url"], line_of(node.srcmap[0])))
        elif node.name == "heading":
            nested_headings += 1
    if nested_headings:
        return None
    return Body(tuple(headings), tuple(links), tuple(blocks), _unspaced(markdown, first_line))


def _atx_text(line: str, level: int) -> str:
    """The text of an ATX heading (``## Text ##``), as markdown-it's heading
    rule cuts it: after the opening #s, without a closing run of #s."""
    rest = line.lstrip(" ")[level:]
    end = len(rest.rstrip(" \t"))
    cut = end
    while cut > 0 and rest[cut - 1] == "#":
        cut -= 1
    if cut > 0 and rest[cut - 1] in " \t":
        end = cut
    return rest[:end].strip()


def parse_reference(markdown: str, first_line: int) -> Body:
    """Parse with markdown-it-py: every body can take this path."""
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


# A line that starts with 1-6 #s and no space: at the start of the text, or
# after a newline. Not one pattern with re.MULTILINE: "^" gives the search no
# fixed text to look for, so it would try every position of every body.
_MAYBE_UNSPACED = re.compile(r"\n#{1,6}[^#\s]")
_UNSPACED_AT_START = re.compile(r"#{1,6}[^#\s]")


def _unspaced(markdown: str, first_line: int) -> tuple[Heading, ...]:
    if not (_MAYBE_UNSPACED.search(markdown) or _UNSPACED_AT_START.match(markdown)):
        return ()  # the common case, without reading line by line
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
