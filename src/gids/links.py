"""Links between the guide's files: every relative link to a ``.md`` file
must reach a page; and the docs pages, checked as the items are."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import body as body_parser
from . import render
from .files import engine_line, regular_files, rel_path
from .problems import Problem, problem
from .sections import check_rendered
from .source import read_text, split
from .suggestions import suggest


def check_links(
    links: Iterable[body_parser.Link],
    path: str,
    items: dict[str, set[str]],
    aliases: dict[str, dict[str, str]],
    problems: list[Problem],
    *,
    base: str | None = None,
    pages: frozenset[str] = frozenset(),
) -> None:
    """Every relative link to a ``.md`` file must reach a page.

    ``items`` maps a folder (``principles``) to its ids; ``aliases`` maps a
    folder to {old id: new id}. Links resolve against ``base`` (the folder of
    the file in the site's namespace; by default its own folder) and may also
    reach one of ``pages`` (the docs pages, by their path inside ``docs/``).
    """
    folder_of_file = posixpath.dirname(path) if base is None else base
    for link in links:
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        target = unquote(parts.path)
        if not target.endswith(".md"):
            continue
        resolved = posixpath.normpath(posixpath.join(folder_of_file, target))
        folder, _, name = resolved.rpartition("/")
        item_id = name[: -len(".md")]
        if (folder in items and item_id in items[folder]) or resolved in pages:
            continue
        code, values = _why_broken(resolved, folder, item_id, folder_of_file, items, aliases, pages)
        problems.append(problem(path, link.line, "link", code, link=link.target, **values))


def _why_broken(
    resolved: str,
    folder: str,
    item_id: str,
    folder_of_file: str,
    items: dict[str, set[str]],
    aliases: dict[str, dict[str, str]],
    pages: frozenset[str],
) -> tuple[str, dict[str, str]]:
    """Why a link does not reach a page, with the link to write instead
    (exactly as it must be written from the linking file) where there is one."""
    if folder in aliases and item_id in aliases[folder]:
        new = aliases[folder][item_id]
        written = posixpath.relpath(f"{folder}/{new}.md", folder_of_file or ".")
        return "link-oude-naam", {"oud": item_id, "nieuw": new, "bedoeld": written}
    if folder in items:
        match = suggest(item_id, sorted(items[folder]))
        if match:
            return "link-bedoel", {"bedoeld": posixpath.relpath(f"{folder}/{match}.md", folder_of_file or ".")}
        return "link-niet-in-map", {"map": folder}
    if pages:
        match = suggest(resolved, sorted(pages))
        if match:
            return "link-pagina-bedoel", {"bedoeld": posixpath.relpath(match, folder_of_file or ".")}
        return "link-pagina", {}
    return "link-geen-item", {}


@dataclass(frozen=True)
class DocsPage:
    """A page of ``docs/`` whose body waits for the engine's HTML."""

    #: The file line of the body's first line as the engine gets it.
    body_line: int
    #: Its folder in the site's namespace (inside ``docs/``), links resolve against it.
    base: str


def check_docs(
    root: Path,
    docs_dir: Path,
    items: dict[str, set[str]],
    aliases: dict[str, dict[str, str]],
    problems: list[Problem],
    renderer: render.Renderer | None,
) -> tuple[frozenset[str], dict[str, DocsPage]]:
    """The docs pages, checked before anything is written: what they render
    to, and their links. Every file of the folder is published as it is, so
    none may be a link or anything but a regular file.

    A docs page lives in the site's namespace: from ``docs/index.md`` a
    dilemma is ``dilemmas/id.md`` and a principle ``principles/id.md``, the
    paths under which MkDocs knows them.

    Without ``renderer`` the bodies are left for the engine's HTML: returned
    are the pages (by their path inside ``docs/``) and, by their path in the
    project, what judging each body needs.
    """
    files = [f for f in regular_files(docs_dir, root, problems) if f.suffix == ".md"]
    pages = frozenset(f.relative_to(docs_dir).as_posix() for f in files)
    waiting: dict[str, DocsPage] = {}
    for abs_path in files:
        rel = rel_path(abs_path, root)
        text, read_problems = read_text(abs_path, rel)
        problems.extend(read_problems)
        if text is None:
            continue
        body, body_line = text, 1
        if text.startswith("---"):
            source, split_problems = split(text, rel)
            problems.extend(split_problems)
            if source is None:
                continue
            body, body_line = source.body, source.body_line
        base = posixpath.dirname(abs_path.relative_to(docs_dir).as_posix())
        if renderer is None:
            waiting[rel] = DocsPage(engine_line(body, body_line), base)
            continue
        parsed = check_rendered(body, body_line, rel, renderer(body), problems)
        check_links(parsed.links, rel, items, aliases, problems, base=base, pages=pages)
    return pages, waiting
