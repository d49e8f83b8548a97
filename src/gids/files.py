"""Finding and reading the content files: only regular files inside the
repository, each checked on its own (front matter and body)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from . import body as body_parser
from . import render, schema
from .frontmatter import Checked, check_mapping
from .model import HistoryEntry
from .problems import Problem, problem
from .sections import check_body
from .source import LINK, NOT_REGULAR, load

#: At most this many messages for one file; then one line says how many more.
MAX_PROBLEMS_PER_FILE = 20


@dataclass
class Loaded:
    """What the checks across files need of one item: no text, no tree of
    the front matter (thousands of items are held at once)."""

    path: str
    checked: Checked
    #: The links of the body; empty when its check waits for the engine's HTML.
    links: tuple[body_parser.Link, ...]
    #: The file line of the body's first line as the engine gets it (MkDocs
    #: drops the blank lines under the front matter).
    body_line: int = 1
    #: The body as read, for the engine to render: kept only when its check
    #: waits for the engine's HTML.
    body: str | None = None
    history: tuple[HistoryEntry, ...] = ()


def regular_files(directory: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """Every file below ``directory``, sorted, without following a link: a
    link (to a file or a folder, inside the repository or not) and anything
    that is not a regular file or a folder is a problem, and is not read."""
    found: list[Path] = []
    if directory.is_symlink():
        problems.append(problem(rel_path(directory, root), 1, "bestand", "map-snelkoppeling"))
        return found
    if not directory.is_dir():
        return found
    pending = [directory]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            problems.append(problem(rel_path(folder, root), 1, "bestand", "map-niet-leesbaar", reden=error.strerror))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue  # gone since it was listed
            if stat.S_ISLNK(mode):
                problems.append(problem(rel_path(path, root), 1, "bestand", LINK[0]))
            elif stat.S_ISDIR(mode):
                pending.append(path)
            elif stat.S_ISREG(mode):
                found.append(path)
            else:
                problems.append(problem(rel_path(path, root), 1, "bestand", NOT_REGULAR[0]))
    return sorted(found)


def content_files(root: Path, folder: str, problems: list[Problem]) -> list[tuple[str, Path]]:
    """The ``.md`` files of ``folder``, by name; a file in a folder inside it,
    a link or anything that is not a regular file is a problem. A folder
    named like a file (``x.md``) is read as a file, so that its message
    names it as a folder."""
    directory = root / folder
    found = []
    for path in regular_files(directory, root, problems):
        rel = path.relative_to(root).as_posix()
        if path.parent != directory and path.suffix == ".md":
            problems.append(problem(rel, 1, "bestand", "bestand-in-submap", map=folder))
        elif path.parent == directory and path.suffix == ".md":
            found.append((rel, path))
    if directory.is_dir() and not directory.is_symlink():
        with os.scandir(directory) as listing:
            found += [
                (f"{folder}/{e.name}", Path(e.path))
                for e in listing
                if e.name.endswith(".md") and e.is_dir(follow_symlinks=False)
            ]
    return sorted(found)


def load_file(
    abs_path: Path, rel: str, spec: schema.Schema, problems: list[Problem], renderer: render.Renderer | None
) -> Loaded | None:
    """Read and check one file. Without ``renderer`` its body is left for
    the engine's HTML (``judge.py``): only the front matter is checked."""
    own: list[Problem] = []
    try:
        result = _check_file(abs_path, rel, spec, own, renderer)
    finally:
        problems.extend(capped(own))
    return result


def _check_file(
    abs_path: Path, rel: str, spec: schema.Schema, problems: list[Problem], renderer: render.Renderer | None
) -> Loaded | None:
    source, file_problems = load(abs_path, rel)
    problems.extend(file_problems)
    if source is None or source.front_matter is None:
        return None
    checked = check_mapping(source.front_matter, spec, rel, problems, missing_line=1)
    checked.located = None  # the whole front matter, with positions: no longer needed
    if renderer is None:
        return Loaded(rel, checked, (), engine_line(source.body, source.body_line), source.body)
    parsed = check_body(source.body, source.body_line, rel, renderer(source.body), spec, problems)
    return Loaded(rel, checked, parsed.links, source.body_line)


def capped(problems: list[Problem]) -> list[Problem]:
    """The first messages of one file, and a line that says how many more
    there are: a broken file must not bury the others."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    shown = sorted(set(problems))[:MAX_PROBLEMS_PER_FILE]
    rest = len(set(problems)) - len(shown)
    if rest <= 0:
        return shown
    last = shown[-1]
    return [
        *shown,
        problem(last.path, last.line, "bestand", "meer-meldingen", aantal=rest),
    ]


def rel_path(path: Path, root: Path) -> str:
    """``path`` for messages: relative to the root as written (a link is
    named where it stands, not where it points)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        # The folders resolved (the project may lie behind a link), the last
        # part as it is.
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return path.as_posix()


def engine_line(body: str, body_line: int) -> int:
    """The file line on which MkDocs' copy of a body starts: it drops the
    blank lines under the front matter (``mkdocs.utils.meta.get_data``).
    An empty body is named where it starts, as ``make check`` names it."""
    if not body.strip():
        return body_line
    return body_line + len(body) - len(body.lstrip("\n"))
