"""The Content-Security-Policy of a built page: a second wall behind the
content checks (``safety.py``).

Should something active get past those checks into a page (an ``onclick=``,
a ``javascript:`` link, a script from another host), the browser refuses to
run it. Static hosting such as GitLab Pages cannot send headers, so the
policy is a ``<meta http-equiv="Content-Security-Policy">`` in the page's
``<head>``. Material's own inline scripts differ per page (they hold the
page's ``base_url``), so each page allows exactly its own inline scripts by
their sha256 hashes, computed from the final HTML.

Plain Python: nothing of MkDocs is imported here.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

META_NAME = "Content-Security-Policy"

# The policy, one directive a line, with why:
DIRECTIVES = (
    # Everything not named below (fetch of gids.json and versions.json,
    # the search worker, fonts, frames, the web manifest) from the site only.
    "default-src 'self'",
    # Scripts: the site's own files, and inline scripts only with one of the
    # page's hashes. Without 'unsafe-inline' (and without 'unsafe-hashes'),
    # event attributes (onclick=...) and javascript: addresses never run.
    "script-src 'self' {wasm}{hashes}",
    # Stylesheets from the site, and inline styles. The pages have none
    # today (scripts that set element.style are not governed by CSP), but
    # ordinary markdown makes them: a table with aligned columns gets
    # style="text-align: ...", and Material's partials write <style> for
    # configured icons. Without 'unsafe-inline' those would silently lose
    # their layout. What injected CSS could do is limited: it cannot run
    # script, and cannot send anything to another host (images, fonts and
    # fetches are 'self' only).
    "style-src 'self' 'unsafe-inline'",
    # Material's icons are data: SVGs in its stylesheet (mask-image).
    "img-src 'self' data:",
    # No plugins (<object>, <embed>) at all.
    "object-src 'none'",
    # An injected <base href> cannot redirect the page's relative addresses.
    "base-uri 'self'",
    # Forms (Material's search form) submit to the site only.
    "form-action 'self'",
    # frame-ancestors, report-uri and sandbox are ignored in a <meta>
    # policy, so they are not written.
)

# Script types the browser runs; any other type is a data block
# (application/json: Material's page configuration) that no policy governs.
_JAVASCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

# A comment (skipped: a <script> inside it is no element) or a script element
# with its attributes and text. A script's text ends at the first "</script"
# (HTML's script data state; the templates' scripts use no "<!--" escapes).
# A regular expression rather than an HTML parser: it runs on every page of
# a large guide, and only <script> elements matter here. (Written as
# "unrolled loops" instead of lazy ".*?": half the time on a page.)
_ELEMENT = re.compile(
    r"<(?:!--[^-]*(?:-(?!->)[^-]*)*-->"
    r"|script\b(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"(?P<text>[^<]*(?:<(?!/script[\s/>])[^<]*)*)</script[\s/>])",
    re.IGNORECASE,
)
# The start of a script element, wherever it is (even unclosed, or cut off
# at the end of a piece of content that the template continues).
_SCRIPT_START = re.compile(r"<script(?:[\s/>]|\Z)", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_EXISTING = re.compile(r"<meta[^>]+http-equiv\s*=\s*[\"']?content-security-policy", re.IGNORECASE)


class PolicyError(ValueError):
    """The page cannot be given its policy (no <head>, or one is there)."""


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        found.setdefault(name, value)
    return found


def _is_inline_javascript(attrs: dict[str, str]) -> bool:
    # A script with src runs that file; its own text is ignored.
    return "src" not in attrs and attrs.get("type", "").strip().lower() in _JAVASCRIPT_TYPES


def script_hash(text: str) -> str:
    """The CSP source that allows one inline script: ``'sha256-...'``.

    The browser hashes the script's text as UTF-8, after its HTML parser
    has turned every line break into a line feed."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str) -> list[str]:
    """The hash sources of the inline JavaScript in ``html``, each once, in order."""
    hashes: dict[str, None] = {}
    for match in _ELEMENT.finditer(html):
        if match.group("text") is None:
            continue  # a comment
        if _is_inline_javascript(_attributes(match.group("attrs"))):
            hashes.setdefault(script_hash(match.group("text")), None)
    return list(hashes)


#: Lets a page compile WebAssembly (not JavaScript): the search page's
#: Pagefind runs its search in it. Given to that page only.
WASM = "'wasm-unsafe-eval' "


def policy(hashes: Iterable[str], wasm: bool = False) -> str:
    """The policy text for a page whose inline scripts have these hashes."""
    sources = " ".join(hashes)
    return "; ".join(
        " ".join(d.format(hashes=sources, wasm=WASM if wasm else "").split()) for d in DIRECTIVES
    )


def page_policy(html: str, untrusted: Iterable[str] = (), wasm: bool = False) -> str:
    """The policy for a finished page, allowing its inline scripts.

    ``untrusted`` is the HTML made from the page's content, which may never
    bring a script (the content checks refuse it): hashing it would let it
    run. Should one be there anyway, the page allows no inline script at
    all. Leaving out only that script's hash would not do: a script
    opened in the content and closed by the template's next "</script>"
    has text that is found in the page only."""
    if any(_SCRIPT_START.search(fragment) for fragment in untrusted):
        return policy([], wasm)
    return policy(inline_script_hashes(html), wasm)


def add_policy(html: str, untrusted: Iterable[str] = (), wasm: bool = False) -> str:
    """The page with its policy as the first element of ``<head>``.

    Only ``<meta charset>`` may come before it (the charset must be declared
    within the first 1,024 bytes, and governs nothing the policy could):
    a policy in a <meta> applies only to what follows it."""
    if _EXISTING.search(html):
        raise PolicyError("de pagina heeft al een Content-Security-Policy")
    head = _HEAD.search(html)
    if head is None:
        raise PolicyError("de pagina heeft geen <head>")
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset is not None:
        at = charset.end()
    meta = f'<meta http-equiv="{META_NAME}" content="{page_policy(html, untrusted, wasm)}">'
    return f"{html[:at]}{meta}{html[at:]}"
