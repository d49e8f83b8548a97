"""The page /bewerken/ (see ``cms.py``): standalone, because Decap CMS
takes over the whole page, with its own Content-Security-Policy. Where the
form cannot run, the page says why in Dutch and where to go instead.

Plain Python: nothing of MkDocs is imported here.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Protocol

from . import csp


class Editor(Protocol):
    """What the page needs of ``cms.Editor``."""

    root: Path
    site_url: str
    gitlab_url: str
    local_port: int
    site_name: str

    def script_settings(self) -> dict[str, Any]: ...

#: The pages it links to (sources in the docs folder).
HOME = "index.md"
CONTRIBUTING = "bijdragen/index.md"
REDACTIE = "bijdragen/redactie.md"
REDACTIE_SECTION = "## Het formulier instellen"

STYLE = """
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1d; }
.gids-uitleg { max-width: 38rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
.gids-uitleg h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 1rem; color: #0e2d4f; }
.gids-uitleg a { color: #154273; text-underline-offset: 0.15em; }
.gids-uitleg a:hover, .gids-uitleg a:focus { color: #8a3f00; }
.gids-uitleg code { background: #f0f2f5; padding: 0.1em 0.3em; border-radius: 3px; white-space: nowrap; }
.gids-uitleg__site { margin: 0; font-weight: 600; }
"""

WHAT = (
    "Met dit formulier verbeter je een principe of dilemma van de gids, of schrijf je een nieuw dilemma. "
    "Je vult vakken in, zoals de titel en de situatie. Wat je opslaat, wordt een voorstel aan de redactie."
)

#: Per state: the heading, and the paragraphs after WHAT ({redactie},
#: {online} and {bijdragen} are links). "ready" only shows while Decap loads.
TEXTS = {
    "ready": ("De gids bewerken", ["Het formulier wordt geladen."]),
    "unconfigured": (
        "Het formulier is nog niet ingesteld",
        [
            "Het formulier werkt met de accounts van GitLab. De redactie moet het eerst instellen. "
            "Hoe dat gaat, staat op de pagina {redactie}.",
        ],
    ),
    "missing": (
        "Het formulier staat hier niet aan",
        [
            "In deze kopie van de gids ontbreekt het formulier. De redactie zet het aan in de gids die online staat.",
            "Werk je op je eigen computer? Met <code>make decap-cms</code> haal je het formulier op.",
        ],
    ),
    "elsewhere": (
        "Bewerken kan in de nieuwste versie",
        [
            "Dit is een oudere versie van de gids, of een kopie zonder internet. "
            "Het formulier werkt alleen in de nieuwste versie van de gids, online: {online}.",
        ],
    ),
}
MEANWHILE = "Wil je nu al iets bijdragen? Op de pagina {bijdragen} lees je hoe het ook zonder formulier kan."
NOSCRIPT = (
    "Het formulier werkt alleen met JavaScript. Zet JavaScript aan, "
    "of lees op de pagina {bijdragen} hoe je de gids ook zonder formulier verbetert."
)


def _url(source: str, directory_urls: bool) -> str:
    """The address of a docs page from /bewerken/, as MkDocs builds it."""
    path = source.removesuffix(".md")
    if directory_urls:
        path = "" if path == "index" else path.removesuffix("/index").removesuffix("index") + "/"
    else:
        path += ".html"
    return "../" + path


def _link(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


def policy(editor: Editor, style: str, scripts: bool) -> str:
    """The page's Content-Security-Policy. Without Decap: nothing but its
    own stylesheet and the icon. With Decap, what it needs and no more."""
    if not scripts:
        return "; ".join(
            [
                "default-src 'none'",
                f"style-src {csp.script_hash(style)}",
                "img-src 'self'",
                "base-uri 'none'",
                "form-action 'none'",
            ]
        )
    gitlab = editor.gitlab_url
    local = f"http://127.0.0.1:{editor.local_port} http://localhost:{editor.local_port}"
    return "; ".join(
        [
            "default-src 'self'",
            # Decap checks its configuration with ajv, which compiles each
            # check into a function (decap-cms issue #2343): 'unsafe-eval'.
            # Inline scripts, and scripts from elsewhere, still never run.
            "script-src 'self' 'unsafe-eval'",
            # Decap's styles are made in the browser (emotion): <style> elements.
            "style-src 'self' 'unsafe-inline'",
            # Avatars from GitLab; previews of files as blob: and data: addresses.
            f"img-src 'self' data: blob: {gitlab}",
            # GitLab's API and its token endpoint (PKCE); Decap's local
            # backend, which it looks for only when the page is on this computer.
            f"connect-src 'self' {gitlab} {local}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def page(editor: Editor, state: str, directory_urls: bool, with_policy: bool) -> str:
    """The HTML of /bewerken/ in one of the states of ``Editor.files``."""
    scripts = state in ("ready", "unconfigured")
    redactie = REDACTIE if (editor.root / "docs" / REDACTIE).is_file() else CONTRIBUTING
    section = "#het-formulier-instellen" if redactie == REDACTIE and _has_section(editor.root) else ""
    links = {
        "bijdragen": _link(_url(CONTRIBUTING, directory_urls), "Bijdragen"),
        "redactie": _link(_url(redactie, directory_urls) + section, "Voor de redactie"),
        "online": _link(editor.site_url + "bewerken/", editor.site_url + "bewerken/"),
    }
    heading, paragraphs = TEXTS[state]
    body = [WHAT, *paragraphs] if state != "ready" else paragraphs
    if state not in ("ready",):
        body.append(MEANWHILE)
    text = "\n".join(f"<p>{p.format(**links)}</p>" for p in body)
    if scripts:
        text += f"\n<noscript><p>{NOSCRIPT.format(**links)}</p></noscript>"
    head = [f'<meta http-equiv="Content-Security-Policy" content="{policy(editor, STYLE, scripts)}">'] if with_policy else []
    head += [
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        f"<title>{html.escape(heading)} · {html.escape(editor.site_name)}</title>",
        '<link rel="icon" href="../assets/images/favicon.png">',
        f"<style>{STYLE}</style>",
    ]
    if scripts:
        settings = json.dumps(editor.script_settings(), ensure_ascii=False).replace("</", "<\\/")
        head += [
            f'<script type="application/json" id="gids-cms">{settings}</script>',
            # bewerken.js first: it holds Decap back until it is ready.
            '<script src="bewerken.js" defer></script>',
            '<script src="decap-cms.js" defer></script>',
        ]
    home = _link(_url(HOME, directory_urls), editor.site_name)
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">'
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + f'<main id="gids-uitleg" class="gids-uitleg">\n<p class="gids-uitleg__site">{home}</p>\n'
        + f"<h1>{html.escape(heading)}</h1>\n{text}\n</main>\n</body>\n</html>\n"
    )


def _has_section(root: Path) -> bool:
    text = (root / "docs" / REDACTIE).read_text(encoding="utf-8")
    return any(line.strip() == REDACTIE_SECTION for line in text.splitlines())
