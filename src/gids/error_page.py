"""The page a contributor sees in the browser while ``make serve`` runs and
the content has a mistake.

MkDocs' own server shows nothing then: a build that fails leaves it
waiting for a build that succeeds ("the server will appear stuck"), and the
messages are only in the terminal. So while serving, a build with content
problems writes a small site of its own instead: every address answers
with this page (it is the site's 404 page, and the site has no other
pages), with the same messages as ``make check``, what each means and what
to do, and a link to its explanation in a copy of the reference of
messages. The page asks the server every second whether the address it was
opened at exists again, and reloads when it does: after the file is fixed,
the guide comes back by itself.

The build for publication never gets here: it stops on any problem.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import markdown

from . import messages
from .catalogue import Message
from .problems import Problem, count

#: The reference page of the small site, from its root (as on the real site).
REFERENCE = messages.REFERENCE_PAGE

_STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 46rem; padding: 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.05rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
ol { padding: 0; list-style: none; }
li { border-left: .3rem solid #b3261e; padding: .5rem 0 .5rem .9rem; margin: 0 0 1rem; background: #fdf3f2; }
code { font-size: .9em; overflow-wrap: anywhere; background: #eee; padding: 0 .2em; }
.gids-error__message { font-weight: 600; }
.gids-error__status { border: 1px solid #999; padding: .5rem .75rem; }
a { color: #0b5394; }
"""

# Reloads the page once its address exists again (the fixed guide was
# built); until then the server answers 404 with this page.
_RELOAD = """
(function () {
  function ask() {
    fetch(location.href, { cache: "no-store" }).then(function (response) {
      if (response.ok) location.reload(); else setTimeout(ask, 1000);
    }, function () { setTimeout(ask, 1000); });
  }
  setTimeout(ask, 1000);
})();
"""


def _page(title: str, body: str, *, script: str = "") -> str:
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n"
        + (f"<script>{script}</script>\n" if script else "")
        + "</body>\n</html>\n"
    )


def _explained(text: str) -> str:
    """An explanation from ``messages.yml``: the redactie's markdown."""
    return markdown.markdown(text)


def _reference_path(directory_urls: bool) -> str:
    return REFERENCE if directory_urls else REFERENCE.rstrip("/") + ".html"


def error_page(problems: Iterable[Problem], site_name: str, root: str = "/", directory_urls: bool = True) -> str:
    """The page every address shows: the problems, each explained.
    ``root``: the site's path on the server (``/``)."""
    found = sorted(set(problems))
    them = "het" if len(found) == 1 else "ze"
    items = []
    for problem in found:
        entry = messages.explain(problem)
        where = f"{problem.path}, regel {problem.line}, bij {problem.key}"
        parts = [
            f"<h2><code>{html.escape(where)}</code></h2>",
            f'<p class="gids-error__message">{html.escape(problem.message)}</p>',
        ]
        if entry is not None:
            anchor = f"{root}{_reference_path(directory_urls)}#{messages.ANCHOR_PREFIX}{entry.code}"
            parts += [
                f"<h3>Wat betekent dit?</h3>{_explained(entry.meaning)}",
                f"<h3>Wat doe je?</h3>{_explained(entry.fix)}",
                f'<p><a href="{html.escape(anchor)}">Meer uitleg bij deze melding</a></p>',
            ]
        items.append("<li>" + "\n".join(parts) + "</li>")
    body = (
        "<h1>De gids kan nu niet worden getoond</h1>\n"
        f"<p>Er {'is' if len(found) == 1 else 'zijn'} {count(len(found), 'probleem', 'problemen')} "
        f"in de inhoud. Los {them} op en sla het bestand op. Dezelfde meldingen staan in het venster "
        "waarin <code>make serve</code> draait, en <code>make check</code> geeft ze ook.</p>\n"
        f"<ol>\n{''.join(items)}\n</ol>\n"
        '<p class="gids-error__status" role="status">Deze pagina kijkt elke seconde of het probleem is '
        "opgelost. Dan komt de gids vanzelf terug.</p>"
    )
    return _page(f"Fout in de inhoud - {site_name}", body, script=_RELOAD)


def reference_page(entries: Iterable[Message], site_name: str) -> str:
    """Every message explained, each under the anchor the real reference
    page gives it, for the links of the error page."""
    parts = ["<h1>Alle meldingen</h1>"]
    for entry in entries:
        parts.append(
            f'<section id="{messages.ANCHOR_PREFIX}{html.escape(entry.code)}">'
            f"<h2><code>{html.escape(entry.example)}</code></h2>"
            f"<h3>Wat betekent dit?</h3>{_explained(entry.meaning)}"
            f"<h3>Wat doe je?</h3>{_explained(entry.fix)}</section>"
        )
    return _page(f"Alle meldingen - {site_name}", "\n".join(parts))


def error_site(problems: Iterable[Problem], site_name: str, root: str = "/", directory_urls: bool = True) -> dict[str, str]:
    """The files of the small site, by path: the error page as the 404
    page, and the reference of messages."""
    reference = _reference_path(directory_urls)
    return {
        "404.html": error_page(problems, site_name, root, directory_urls),
        reference + ("index.html" if directory_urls else ""): reference_page(messages.catalogue().values(), site_name),
    }
