"""Contributed text may not carry active content into a government site.

The verdict is taken on the HTML that the site renders for a body (see
``render.py``), read by an HTML5 parser as a browser reads it (Lexbor,
through selectolax), through an allow-list: the elements, attributes and
URL schemes that ordinary markdown produces. Everything else (script,
frames, forms, SVG, event attributes, ``style=``, ``javascript:``,
``vbscript:`` and ``data:`` addresses, whether written as raw HTML, in an
admonition, a definition list, a reference definition or an attribute list)
is a content error naming the file, the section and, where it can be found,
the line.

nh3 (the binding of Rust's ammonia, parsed by html5ever) is the second
judge: whatever it would remove with the same allow-list, while the walk
found nothing, is refused too. The walk is ours because a sanitizer cleans
but does not say what it removed where, and a contributor needs exactly that.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .problems import Problem, problem

# --- the allow-list, declared once ---------------------------------------------------

#: Elements that the guide's markdown (with its extensions) renders.
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
#: Attributes by element; ``*`` for every element.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "reversed"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "style", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
}
#: Attributes whose value is an address.
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
#: Schemes an address may have; an address without one is a relative link.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Attributes allowed with these values only. The tables extension writes a
#: column's alignment as ``style``; nothing else may style the page.
_ALIGN = re.compile(r"text-align: (?:left|right|center);")
_ATTRIBUTE_VALUES = {("td", "style"): _ALIGN, ("th", "style"): _ALIGN}
#: Ids of Material's own elements (``__search``, ``__config``) may not be
#: taken by a text: a second element with such an id could stand in for the
#: real one in the theme's scripts. (Headings get ids from their words, which
#: never start with "_".)
_RESERVED_ID = re.compile(r"^_")

# Browsers drop these from an address before they read its scheme.
_URL_STRIP = "".join(chr(c) for c in range(0x21))
_URL_REMOVE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")

def scheme_of(url: str) -> str | None:
    """The scheme of an address as a browser reads it (lowercase), or
    ``None`` for a relative address."""
    match = _SCHEME.match(_URL_REMOVE.sub("", url.strip(_URL_STRIP)))
    return match.group(1).lower() if match else None


def _value_allowed(tag: str, name: str, value: str) -> bool:
    pattern = _ATTRIBUTE_VALUES.get((tag, name))
    if pattern is not None and not pattern.fullmatch(value):
        return False
    if name == "id" and _RESERVED_ID.match(value):
        return False
    if name in URL_ATTRIBUTES:
        scheme = scheme_of(value)
        return scheme is None or scheme in ALLOWED_SCHEMES
    return True


# --- what the walk finds -------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    #: The ``##`` section it is in ("" before the first one).
    section: str
    #: What to look for in the markdown to find its line (lowercase).
    needle: str
    #: The message's code (messages.yml) and its values.
    code: str
    values: dict[str, str]


def _attribute_issue(tag: str, name: str, value: str) -> tuple[str, dict[str, str]]:
    if name.startswith("on"):
        return "html-gebeurtenis", {"attribuut": name}
    if name == "style":
        return "html-style", {}
    if name in URL_ATTRIBUTES and name in _allowed_names(tag):
        return "adres-met-code", {"schema": scheme_of(value) or ""}
    if name == "id" and name in _allowed_names(tag):
        return "id-van-de-gids", {"naam": value}
    return "html-attribuut", {"attribuut": name, "element": tag}


def _allowed_names(tag: str) -> frozenset[str]:
    return ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, frozenset())


def _elements(root: LexborNode | None, *, into_refused: bool = True) -> list[LexborNode]:
    """The elements below ``root`` in document order; comments left out and,
    unless ``into_refused``, nothing inside a refused element (one message
    for a whole <svg>, not one for each of its parts)."""
    found: list[LexborNode] = []
    stack = [] if root is None else list(reversed(list(root.iter(include_text=False))))
    while stack:
        node = stack.pop()
        if node.tag == "-comment":
            continue
        found.append(node)
        if into_refused or node.tag in ALLOWED_TAGS:
            stack.extend(reversed(list(node.iter(include_text=False))))
    return found


def walk(rendered: str, tree: LexborHTMLParser | None = None) -> list[Finding]:
    """Everything in ``rendered`` that the allow-list does not allow."""
    findings: list[Finding] = []
    section = ""
    tree = tree or LexborHTMLParser(rendered)
    # Lexbor puts what belongs in <head> (a <meta>, <link>, <style> or
    # <script> before any text) there: those count as much as the body.
    for node in [*_elements(tree.head, into_refused=False), *_elements(tree.body, into_refused=False)]:
        tag = node.tag or ""
        if tag == "h2":
            section = node.text(deep=True).replace("\u00b6", "").strip()
        if tag not in ALLOWED_TAGS:
            findings.append(Finding(section, f"<{tag}", "html-element", {"element": tag}))
            continue
        allowed = _allowed_names(tag)
        for name, value in node.attributes.items():
            name = name.lower()
            value = value or ""
            if name not in allowed or not _value_allowed(tag, name, value):
                needle = (scheme_of(value) or name) if name in URL_ATTRIBUTES else value if name == "id" else name
                needle = needle.lower()
                findings.append(Finding(section, needle, *_attribute_issue(tag, name, value)))
    if not findings and _removed_by_nh3(rendered, tree):
        findings.append(
            Finding(section, "<", "html-onbekend", {})
        )
    return findings


def _inventory(tree: LexborHTMLParser) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return [
        (node.tag or "", tuple(sorted((k.lower(), v or "") for k, v in node.attributes.items())))
        for node in [*_elements(tree.head), *_elements(tree.body)]
    ]


def _nh3_filter(tag: str, name: str, value: str) -> str | None:
    return value if _value_allowed(tag, name, value) else None


def _removed_by_nh3(rendered: str, tree: LexborHTMLParser) -> bool:
    """Whether ammonia, with the same allow-list, would take anything away:
    both outputs read by the same parser, so a mere difference in how the
    HTML is written does not count."""
    cleaned = nh3.clean(
        rendered,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_nh3_filter,
        strip_comments=False,
        link_rel=None,
        url_schemes=set(ALLOWED_SCHEMES),
    )
    return _inventory(LexborHTMLParser(cleaned)) != _inventory(tree)


def check_rendered(
    rendered: str,
    markdown: str,
    first_line: int,
    path: str,
    headings: dict[str, int],
    tree: LexborHTMLParser | None = None,
) -> list[Problem]:
    """One problem for each finding in a body's rendered HTML.

    ``markdown`` is the body as written, starting on ``first_line`` of the
    file; ``headings`` gives the line of each ``##`` section. The line of a
    finding is where its text next appears in its section; where the
    markdown hides it (an entity, say), the line of the section."""
    problems = []
    lowered = markdown.lower()
    starts = sorted(headings.values())
    # Where the search for each text in each section goes on from.
    cursors: dict[tuple[str, str], int] = {}
    for finding in walk(rendered, tree):
        start_line = headings.get(finding.section, first_line)
        end_line = next((line for line in starts if line > start_line), None)
        start = _offset_of_line(lowered, start_line - first_line)
        end = len(lowered) if end_line is None else _offset_of_line(lowered, end_line - first_line)
        cursor = cursors.get((finding.section, finding.needle), start)
        found = lowered.find(finding.needle, cursor, end)
        if found < 0:
            line = start_line
        else:
            line = first_line + lowered.count("\n", 0, found)
            cursors[(finding.section, finding.needle)] = found + len(finding.needle)
        key = f"## {finding.section}" if finding.section else "tekst"
        problems.append(problem(path, line, key, finding.code, **finding.values))
    return problems


def _offset_of_line(text: str, lines: int) -> int:
    """Where line ``lines`` (0-based) of ``text`` starts."""
    offset = 0
    for _ in range(max(lines, 0)):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return len(text)
    return offset


# --- texts shown as plain text ---------------------------------------------------------

_TAG_LIKE = re.compile(r"<[a-zA-Z!/?]")


def check_text(value: str, path: str, line: int, key: str) -> list[Problem]:
    """A front-matter text is shown as plain text everywhere (a heading, the
    page title, search results, the feed): markup in it is a mistake, and so
    is a character reference such as ``&amp;``, which some of those places
    would show as ``&`` and others as written."""
    if _TAG_LIKE.search(value):
        return [problem(path, line, key, "html-in-sleutel")]
    if "&" in value and html.unescape(value) != value:
        return [problem(path, line, key, "tekencode-in-sleutel")]
    return []
