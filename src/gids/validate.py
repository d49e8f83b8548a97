"""Loading and validating the whole guide against the content contract.

One pass over all files collects every problem; nothing stops at the first
one, so a contributor sees all of them together. ``load_guide`` is the single
entry point the site adapter (and the tests) call.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import posixpath
import stat
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from . import body as body_parser
from . import render, safety, schema
from .model import Corner, Dilemma, Guide, HistoryEntry, Principle, Release, Removal, Tension, version_key
from .problems import Problem
from .source import LINK, NOT_REGULAR, Located, SourceFile, load, read_text, split

#: At most this many messages for one file; then one line says how many more.
MAX_PROBLEMS_PER_FILE = 20

# --- suggestions -------------------------------------------------------------


def suggest(value: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The option closest to a probable typo, if any is close enough."""
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not matches:
        matches = [o for o in options if o.casefold() == value.casefold()]
    return matches[0] if matches else None


def _did_you_mean(value: str, options: list[str] | tuple[str, ...]) -> str:
    match = suggest(value, options)
    return f" Bedoel je '{match}'?" if match else ""


# --- front matter --------------------------------------------------------------


@dataclass
class Checked:
    """The front-matter values that passed their checks, by key."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    #: Lines of list items, by key, for cross-file checks of references.
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    #: The mapping as read, with lines and columns (for tools that edit it).
    located: Located | None = None


def check_mapping(
    mapping: Located,
    spec: schema.Schema,
    path: str,
    problems: list[Problem],
    missing_line: int,
    key_prefix: str = "",
) -> Checked:
    """Check a mapping (front matter, a history entry, a release) against a
    schema. Values that pass go into the result; every problem is reported."""
    checked = Checked(located=mapping)
    present = mapping.entries
    unknown = [k for k in present if k not in spec.keys]
    for key in unknown:
        line = present[key][0]
        hint = _did_you_mean(key, spec.keys) or f" Mogelijke sleutels: {', '.join(spec.keys)}."
        problems.append(
            Problem(path, line, key_prefix + key, f"'{key}' is geen sleutel van een {spec.name}.{hint}")
        )
    for spec_field in spec.fields:
        key = spec_field.key
        if key not in present or present[key][1].value is None:
            typo_of_this = any(suggest(k, spec.keys) == key for k in unknown)
            if spec_field.required and not typo_of_this:
                line = present[key][0] if key in present else missing_line
                what = "is leeg" if key in present else "ontbreekt"
                problems.append(
                    Problem(
                        path,
                        line,
                        key_prefix + key,
                        f"deze sleutel {what}; een {spec.name} heeft hier nodig: "
                        f"{spec_field.meaning} ({spec_field.type.label})",
                    )
                )
            continue
        key_line, located = present[key]
        messages = spec_field.type.check(located.value)
        for message in messages:
            problems.append(Problem(path, located.line, key_prefix + key, message))
        if messages:
            continue
        checked.lines[key] = key_line
        if isinstance(spec_field.type, schema.ListOf):
            checked.values[key], checked.item_lines[key] = _check_items(
                located, spec_field.type, path, problems, key_prefix + key
            )
        elif isinstance(spec_field.type, schema.Nested):
            checked.values[key] = _check_nested(located, spec_field.type, path, problems, key_prefix + key)
        else:
            value = located.value
            if isinstance(spec_field.type, schema.Text):
                text_problems = safety.check_text(value, path, located.line, key_prefix + key)
                problems.extend(text_problems)
                if text_problems:
                    continue
            checked.values[key] = value.strip() if isinstance(value, str) else value
    return checked


def _check_items(
    located: Located, list_type: schema.ListOf, path: str, problems: list[Problem], key: str
) -> tuple[list[Any], list[int]]:
    """Check list items one by one; the good ones go on to the cross-file
    checks, so one bad item hides no other problem."""
    good: list[Any] = []
    good_lines: list[int] = []
    seen: dict[Any, int] = {}
    for item in located.items:
        item_messages = list_type.check_item(item.value)
        if not item_messages and item.value in seen:
            item_messages = [f"'{item.value}' staat twee keer in de lijst (ook op regel {seen[item.value]})"]
        for message in item_messages:
            problems.append(Problem(path, item.line, key, message))
        if not item_messages:
            seen[item.value] = item.line
            good.append(item.value)
            good_lines.append(item.line)
    return good, good_lines


def _check_nested(
    located: Located, nested: schema.Nested, path: str, problems: list[Problem], key: str
) -> list[Checked] | Checked:
    """Check each group of keys of a nested list (or the one group)."""
    assert nested.schema is not None
    spec = nested.schema
    groups = located.items if nested.many else [located]
    result = []
    for number, group in enumerate(groups, start=1):
        if not isinstance(group.value, dict):
            example = next(f for f in spec.fields if f.required)
            problems.append(
                Problem(
                    path,
                    group.line,
                    key,
                    f"{spec.name} {number} moet sleutels hebben, "
                    f"zoals '- {example.key}: {example.example}'",
                )
            )
            continue
        result.append(check_mapping(group, spec, path, problems, group.line, key_prefix=f"{key}."))
    return result if nested.many else result[0]


def _history(
    checked: Checked, path: str, releases: frozenset[str], problems: list[Problem]
) -> tuple[HistoryEntry, ...]:
    """History entries of an item; a version must be a release of the guide."""
    entries = []
    for entry in checked.values.get("history", []):
        version = entry.values.get("version")
        if version is not None and version not in releases:
            known = ", ".join(sorted(releases, key=version_key)) or "nog geen"
            problems.append(
                Problem(
                    path,
                    entry.lines["version"],
                    "history.version",
                    f"'{version}' is geen uitgave van de gids (uitgaven: {known}); "
                    "laat version weg voor een wijziging die nog niet is uitgebracht",
                )
            )
            continue
        if "note" not in entry.values:
            continue
        date = entry.values.get("date")
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        entries.append(HistoryEntry(entry.values["note"], version, date, entry.located.line if entry.located else 0))
    return tuple(entries)


# --- bodies ----------------------------------------------------------------------


def check_body(
    source: SourceFile, spec: schema.Schema, problems: list[Problem], renderer: render.Renderer
) -> body_parser.Body:
    """Check the body of an item: what it renders to, not empty, no title
    heading, the sections."""
    parsed = _check_rendered(source.body, source.body_line, source.path, problems, renderer)
    path = source.path
    for heading in parsed.unspaced_headings:
        problems.append(
            Problem(
                path,
                heading.line,
                "kopje",
                f"zet een spatie na de hekjes: '{'#' * heading.level} {heading.text}'",
            )
        )
    if spec.body_required and parsed.is_empty:
        problems.append(
            Problem(path, source.body_line, "tekst", f"de tekst onder de sleutels is leeg; een {spec.name} heeft tekst nodig")
        )
        return parsed
    for heading in parsed.headings:
        if heading.level == 1:
            problems.append(
                Problem(
                    path,
                    heading.line,
                    "kopje",
                    f"'# {heading.text}' is een titel, en de titel staat al bij 'title'; "
                    "gebruik ## voor kopjes in de tekst",
                )
            )
    if spec.sections:
        _check_sections(parsed, spec.sections, source, problems)
    return parsed


def _check_rendered(
    markdown: str, first_line: int, path: str, problems: list[Problem], renderer: render.Renderer
) -> body_parser.Body:
    """Render the body as the site does; the safety verdict on that HTML,
    and its structure (headings, text, links) for the other checks."""
    rendered = renderer(markdown)
    parsed = body_parser.read(markdown, first_line, rendered)
    sections = {h.text: h.line for h in reversed(parsed.headings) if h.level == 2}
    problems.extend(safety.check_rendered(rendered, markdown, first_line, path, sections))
    return parsed


def _check_sections(
    parsed: body_parser.Body, sections: tuple[schema.Section, ...], source: SourceFile, problems: list[Problem]
) -> None:
    path = source.path
    names = [s.heading for s in sections]
    order = " - ".join(f"## {n}" for n in names)
    level2 = [h for h in parsed.headings if h.level == 2]
    found: dict[str, body_parser.Heading] = {}
    sequence: list[body_parser.Heading] = []
    unknown: list[tuple[body_parser.Heading, str | None]] = []
    for heading in level2:
        if heading.text not in names:
            meant = suggest(heading.text, names)
            if meant and meant not in found:
                # A misspelled section counts as that section, so it is
                # reported once, as misspelled, and not again as missing.
                found[meant] = heading
                sequence.append(body_parser.Heading(heading.level, meant, heading.line))
            unknown.append((heading, meant))
            continue
        if heading.text in found:
            problems.append(
                Problem(
                    path,
                    heading.line,
                    f"## {heading.text}",
                    f"dit kopje staat twee keer in het dilemma (ook op regel {found[heading.text].line}); laat er één staan",
                )
            )
            continue
        found[heading.text] = heading
        sequence.append(heading)

    end_line = source.body_line + source.body.count("\n")
    for index, name in enumerate(names):
        if name in found:
            continue
        previous = max((found[n].line for n in names[:index] if n in found), default=0)
        following = min((found[n].line for n in names[index + 1 :] if n in found), default=end_line + 1)
        # An unknown heading exactly where a missing section belongs is that
        # section renamed: say so once instead of "unknown" and "missing".
        renamed = next((i for i, (h, meant) in enumerate(unknown) if meant is None and previous < h.line < following), None)
        if renamed is not None:
            heading = unknown[renamed][0]
            unknown[renamed] = (heading, name)
            found[name] = heading
            sequence.append(body_parser.Heading(heading.level, name, heading.line))
            continue
        after = f"na '## {names[index - 1]}'" if index else "bovenaan de tekst"
        problems.append(
            Problem(path, min(following, end_line), f"## {name}", f"dit kopje ontbreekt; zet '## {name}' {after}")
        )
    sequence.sort(key=lambda h: h.line)
    for heading, meant in unknown:
        message = (
            f"dit kopje is niet goed geschreven. Bedoel je '## {meant}'? De kopjes van een dilemma zijn: {order}"
            if meant
            else f"dit kopje hoort niet in een dilemma; een dilemma heeft precies deze kopjes: {order}. "
            "Gebruik ### voor een kopje binnen een deel."
        )
        problems.append(Problem(path, heading.line, f"## {heading.text}", message))

    expected_order = [n for n in names if n in found]
    for heading, expected in zip(sequence, expected_order):
        if heading.text != expected:
            problems.append(
                Problem(
                    path,
                    heading.line,
                    f"## {heading.text}",
                    f"dit kopje staat niet op zijn plaats; de volgorde is: {order}",
                )
            )
            break

    first_heading = level2[0].line if level2 else end_line + 1
    if parsed.blocks and parsed.blocks[0].line < first_heading:
        problems.append(
            Problem(
                path,
                parsed.blocks[0].line,
                "tekst",
                f"hier staat tekst vóór '## {names[0]}'; begin de tekst met '## {names[0]}' "
                "(de korte samenvatting hoort bij description:)",
            )
        )

    boundaries = sorted(h.line for h in level2) + [end_line + 1]
    for heading in sequence:
        next_line = next(b for b in boundaries if b > heading.line)
        has_text = any(heading.line < b.line < next_line for b in parsed.blocks) or any(
            heading.line < h.line < next_line for h in parsed.headings if h.level > 2
        )
        if not has_text:
            problems.append(
                Problem(path, heading.line, f"## {heading.text}", "dit deel is leeg; schrijf er tekst onder")
            )


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
        examples = "../principles/naam.md of ../dilemmas/naam.md"
        if folder in aliases and item_id in aliases[folder]:
            new = aliases[folder][item_id]
            written = posixpath.relpath(f"{folder}/{new}.md", folder_of_file or ".")
            hint = f"'{item_id}' is de oude naam van '{new}'; link naar '{written}'"
        elif folder in items:
            match = suggest(item_id, sorted(items[folder]))
            # Suggest the link exactly as it must be written from this file.
            written = posixpath.relpath(f"{folder}/{match}.md", folder_of_file or ".") if match else ""
            hint = (
                f"dat bestand bestaat niet. Bedoel je '{written}'?"
                if match
                else f"dat bestand bestaat niet in de map {folder}/"
            )
        elif pages:
            match = suggest(resolved, sorted(pages))
            written = posixpath.relpath(match, folder_of_file or ".") if match else ""
            hint = f"die pagina bestaat niet. Bedoel je '{written}'?" if match else "die pagina bestaat niet"
        else:
            hint = f"een link naar een principe of dilemma schrijf je als {examples}"
        problems.append(Problem(path, link.line, "link", f"de link '{link.target}' werkt niet: {hint}"))


def _check_docs(
    root: Path,
    docs_dir: Path,
    items: dict[str, set[str]],
    aliases: dict[str, dict[str, str]],
    problems: list[Problem],
    renderer: render.Renderer,
) -> None:
    """The docs pages, checked before anything is written: what they render
    to, and their links. Every file of the folder is published as it is, so
    none may be a link or anything but a regular file.

    A docs page lives in the site's namespace: from ``docs/index.md`` a
    dilemma is ``dilemmas/id.md`` and a principle ``principles/id.md``, the
    paths under which MkDocs knows them.
    """
    files = [f for f in _regular_files(docs_dir, root, problems) if f.suffix == ".md"]
    pages = frozenset(f.relative_to(docs_dir).as_posix() for f in files)
    for abs_path in files:
        rel = _rel(abs_path, root)
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
        parsed = _check_rendered(body, body_line, rel, problems, renderer)
        base = posixpath.dirname(abs_path.relative_to(docs_dir).as_posix())
        check_links(parsed.links, rel, items, aliases, problems, base=base, pages=pages)


# --- the guide ---------------------------------------------------------------


@dataclass
class _Loaded:
    """What the checks across files need of one item: no text, no tree of
    the front matter (thousands of items are held at once)."""

    path: str
    checked: Checked
    links: tuple[body_parser.Link, ...]
    history: tuple[HistoryEntry, ...] = ()


def _regular_files(directory: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """Every file below ``directory``, sorted, without following a link: a
    link (to a file or a folder, inside the repository or not) and anything
    that is not a regular file or a folder is a problem, and is not read."""
    found: list[Path] = []
    if directory.is_symlink():
        problems.append(Problem(_rel(directory, root), 1, "bestand", f"deze map is een snelkoppeling; {LINK_FOLDER}"))
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
            problems.append(
                Problem(_rel(folder, root), 1, "bestand", f"deze map kan niet worden gelezen ({error.strerror})")
            )
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue  # gone since it was listed
            if stat.S_ISLNK(mode):
                problems.append(Problem(_rel(path, root), 1, "bestand", LINK))
            elif stat.S_ISDIR(mode):
                pending.append(path)
            elif stat.S_ISREG(mode):
                found.append(path)
            else:
                problems.append(Problem(_rel(path, root), 1, "bestand", NOT_REGULAR))
    return sorted(found)


LINK_FOLDER = "de gids leest alleen gewone mappen en bestanden in de repository: zet de bestanden zelf hier neer"


def _content_files(root: Path, folder: str, problems: list[Problem]) -> list[tuple[str, Path]]:
    """The ``.md`` files of ``folder``, by name; a file in a folder inside it,
    a link or anything that is not a regular file is a problem. A folder
    named like a file (``x.md``) is read as a file, so that its message
    names it as a folder."""
    directory = root / folder
    found = []
    for path in _regular_files(directory, root, problems):
        rel = path.relative_to(root).as_posix()
        if path.parent != directory and path.suffix == ".md":
            problems.append(
                Problem(rel, 1, "bestand", f"zet dit bestand direct in de map {folder}/, niet in een map daarbinnen")
            )
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


def _load_file(
    abs_path: Path, rel: str, spec: schema.Schema, problems: list[Problem], renderer: render.Renderer
) -> _Loaded | None:
    own: list[Problem] = []
    try:
        result = _check_file(abs_path, rel, spec, own, renderer)
    finally:
        problems.extend(_capped(own))
    return result


def _check_file(
    abs_path: Path, rel: str, spec: schema.Schema, problems: list[Problem], renderer: render.Renderer
) -> _Loaded | None:
    source, file_problems = load(abs_path, rel)
    problems.extend(file_problems)
    if source is None or source.front_matter is None:
        return None
    checked = check_mapping(source.front_matter, spec, rel, problems, missing_line=1)
    parsed = check_body(source, spec, problems, renderer)
    checked.located = None  # the whole front matter, with positions: no longer needed
    return _Loaded(rel, checked, parsed.links)


def _capped(problems: list[Problem]) -> list[Problem]:
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
        Problem(
            last.path,
            last.line,
            "bestand",
            f"en nog {rest} andere meldingen in dit bestand; los eerst deze op, dan volgen de andere",
        ),
    ]


def load_guide(
    root: Path, docs_dir: Path | None = None, markdown: render.Settings | None = None
) -> tuple[Guide | None, list[Problem]]:
    """Load, validate and link the whole guide.

    ``markdown``: how the site renders markdown (the engine passes its own
    configuration); by default read from the guide's ``mkdocs.yml``.
    Returns the guide (``None`` when there are problems) and every problem
    found, sorted by file and line.
    """
    root = Path(root)
    if markdown is None:
        try:
            markdown = render.Settings.from_config_file(root / render.CONFIG_FILE)
        except render.ConfigError as error:
            return None, [Problem(render.CONFIG_FILE, 1, "bestand", str(error))]
    return _load_guide(root, docs_dir, render.Renderer(markdown))


def _load_guide(root: Path, docs_dir: Path | None, renderer: render.Renderer) -> tuple[Guide | None, list[Problem]]:
    docs_dir = Path(docs_dir) if docs_dir else root / "docs"
    problems: list[Problem] = []

    loaded: dict[str, dict[str, _Loaded]] = {}
    # Every file with a valid name counts as existing, even when it has
    # problems of its own: its own messages say what is wrong, and the files
    # that refer to it should not add "unknown" messages on top.
    ids: dict[str, set[str]] = {}
    for content_type in schema.CONTENT_TYPES:
        folder = content_type.folder
        loaded[folder] = {}
        ids[folder] = set()
        for rel, abs_path in _content_files(root, folder, problems):
            item_id = abs_path.stem
            id_message = schema.id_problem(item_id)
            if id_message:
                problems.append(Problem(rel, 1, "bestandsnaam", id_message))
                continue
            ids[folder].add(item_id)
            result = _load_file(abs_path, rel, content_type.schema, problems, renderer)
            if result is not None:
                loaded[folder][item_id] = result

    changelog = _load_changelog(root, docs_dir, problems, renderer)
    releases = frozenset(r.version for r in changelog.releases)

    aliases = _check_aliases(loaded, problems)
    principle_aliases = aliases.get(schema.PRINCIPLES.folder, {})

    for folder, items in loaded.items():
        for result in items.values():
            check_links(result.links, result.path, ids, aliases, problems)
            result.history = _history(result.checked, result.path, releases, problems)

    for result in loaded[schema.DILEMMAS.folder].values():
        _check_principle_refs(result, ids[schema.PRINCIPLES.folder], principle_aliases, problems)

    _check_removals(changelog, ids, aliases, problems)
    _check_docs(root, docs_dir, ids, aliases, problems, renderer)
    corners = _load_triangle(root, docs_dir, problems, renderer)
    tensions = _load_tensions(root, docs_dir, corners, problems, renderer)

    if problems:
        return None, sorted(set(problems))

    principles = {
        item_id: _principle(item_id, r) for item_id, r in loaded[schema.PRINCIPLES.folder].items()
    }
    dilemmas = {item_id: _dilemma(item_id, r) for item_id, r in loaded[schema.DILEMMAS.folder].items()}
    structure_pages = {
        "triangle": _rel(docs_dir / schema.TRIANGLE_SOURCE, root),
        "principle-list": _rel(docs_dir / schema.PRINCIPLES.list_address / "index.md", root),
        "dilemma-list": _rel(docs_dir / schema.DILEMMAS.list_address / "index.md", root),
        "changelog": changelog.path,
        "session": _rel(docs_dir / schema.SESSION_SOURCE, root),
    }
    guide = Guide(
        principles,
        dilemmas,
        tensions,
        corners,
        structure_pages,
        releases=sorted(changelog.releases, key=lambda r: version_key(r.version), reverse=True),
        upcoming_removals=changelog.upcoming,
    )
    return guide, []


@dataclass
class _Changelog:
    path: str
    releases: list[Release] = field(default_factory=list)
    upcoming: list[Removal] = field(default_factory=list)
    #: Where each removal stands in the file, for messages.
    removal_lines: dict[int, int] = field(default_factory=dict)


def _load_changelog(root: Path, docs_dir: Path, problems: list[Problem], renderer: render.Renderer) -> _Changelog:
    """The releases, from the front matter of the changelog page."""
    abs_path = docs_dir / schema.CHANGELOG_SOURCE
    rel = _rel(abs_path, root)
    changelog = _Changelog(rel)
    if not abs_path.is_file():
        problems.append(Problem(rel, 1, "bestand", "de pagina met de versies van de gids ontbreekt"))
        return changelog
    result = _load_file(abs_path, rel, schema.CHANGELOG_PAGE, problems, renderer)
    if result is None:
        return changelog
    seen: dict[tuple[int, ...], int] = {}
    for release in result.checked.values.get("releases", []):
        values = release.values
        if not {"version", "date", "title", "summary"} <= values.keys():
            continue
        version = values["version"]
        if version_key(version) in seen:
            problems.append(
                Problem(
                    rel,
                    release.lines["version"],
                    "releases.version",
                    f"versie {version} staat twee keer in de lijst (ook op regel {seen[version_key(version)]})",
                )
            )
            continue
        seen[version_key(version)] = release.lines["version"]
        removed = _removals(release.values.get("removed", []), version, rel, "releases.removed", problems, changelog)
        date = values["date"] if isinstance(values["date"], dt.date) else dt.date.fromisoformat(values["date"])
        changelog.releases.append(Release(version, date, values["title"], values["summary"], tuple(removed)))
    upcoming = result.checked.values.get("upcoming")
    if upcoming is not None:
        changelog.upcoming = _removals(upcoming.values.get("removed", []), None, rel, "upcoming.removed", problems, changelog)
    return changelog


def _removals(
    groups: list[Checked], version: str | None, path: str, key: str, problems: list[Problem], changelog: _Changelog
) -> list[Removal]:
    removals = []
    for group in groups:
        line = group.located.line if group.located else 1
        kinds = [k for k in schema.REMOVAL_KINDS if k in group.values]
        if len(kinds) != 1:
            problems.append(
                Problem(path, line, key, "noem wat er weg is met precies één sleutel: 'principle' of 'dilemma'")
            )
            continue
        if "reason" not in group.values:
            continue
        kind = kinds[0]
        removal = Removal(
            kind,
            group.values[kind],
            group.values["reason"],
            group.values.get("title"),
            group.values.get("replaced_by"),
            tuple(group.values.get("aliases", ())),
            version,
        )
        changelog.removal_lines[id(removal)] = line
        removals.append(removal)
    return removals


def _check_removals(
    changelog: _Changelog, ids: dict[str, set[str]], aliases: dict[str, dict[str, str]], problems: list[Problem]
) -> None:
    """A removed item is gone for good: its addresses get tombstones."""
    path = changelog.path
    taken: dict[tuple[str, str], str] = {}
    # Oldest first, so that a repeated removal is reported where it repeats.
    released = sorted(changelog.releases, key=lambda r: version_key(r.version))
    for removal in [*(r for release in released for r in release.removed), *changelog.upcoming]:
        line = changelog.removal_lines[id(removal)]
        folder = removal.content_type.folder
        noun = "principe" if removal.kind == "principle" else "dilemma"
        for name in (removal.id, *removal.aliases):
            if name in ids[folder]:
                problems.append(
                    Problem(path, line, removal.kind, f"'{name}' staat als verwijderd, maar het bestand {folder}/{name}.md bestaat nog")
                )
            elif name in aliases[folder]:
                problems.append(
                    Problem(path, line, removal.kind, f"'{name}' staat als verwijderd, maar is een oude naam van '{aliases[folder][name]}'")
                )
            elif (folder, name) in taken:
                problems.append(
                    Problem(path, line, removal.kind, f"'{name}' staat al als verwijderd in {taken[(folder, name)]}")
                )
            taken.setdefault((folder, name), f"versie {removal.version}" if removal.version else "de volgende uitgave")
        if removal.replaced_by and removal.replaced_by not in ids[folder]:
            hint = _did_you_mean(removal.replaced_by, sorted(ids[folder]))
            problems.append(
                Problem(
                    path,
                    line,
                    "replaced_by",
                    f"'{removal.replaced_by}' is geen bestaand {noun}.{hint or f' Kijk in de map {folder}/.'}",
                )
            )


def _check_aliases(loaded: dict[str, dict[str, _Loaded]], problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Aliases must not clash with an id or another alias of the same folder."""
    result: dict[str, dict[str, str]] = {}
    for folder, items in loaded.items():
        # name -> where it is taken: "<path>" for a file's own id, or
        # "<path> (regel N)" for an alias.
        taken = {item_id: f"het bestand {r.path}" for item_id, r in items.items()}
        result[folder] = {}
        for item_id, r in sorted(items.items()):
            for alias, line in zip(r.checked.values.get("aliases", []), r.checked.item_lines.get("aliases", [])):
                if alias == item_id:
                    problems.append(
                        Problem(r.path, line, "aliases", f"'{alias}' is de huidige naam van dit bestand; noem hier alleen eerdere namen")
                    )
                    continue
                if alias in taken:
                    problems.append(
                        Problem(
                            r.path,
                            line,
                            "aliases",
                            f"'{alias}' wordt al gebruikt door {taken[alias]}; een naam mag maar bij één bestand horen",
                        )
                    )
                    continue
                taken[alias] = f"{r.path} (regel {line})"
                result[folder][alias] = item_id
    return result


def _check_principle_refs(
    result: _Loaded, principle_ids: set[str], principle_aliases: dict[str, str], problems: list[Problem]
) -> None:
    refs = result.checked.values.get("principles", [])
    for ref, line in zip(refs, result.checked.item_lines.get("principles", [])):
        if ref in principle_ids:
            continue
        if ref in principle_aliases:
            hint = f"'{ref}' is de oude naam van '{principle_aliases[ref]}'; gebruik '{principle_aliases[ref]}'"
        else:
            match = suggest(ref, sorted(principle_ids))
            hint = (
                f"'{ref}' is geen bekend principe. Bedoel je '{match}'?"
                if match
                else f"'{ref}' is geen bekend principe; gebruik de bestandsnaam (zonder .md) van een bestand in de map principles/"
            )
        problems.append(Problem(result.path, line, "principles", hint))


def _load_triangle(
    root: Path, docs_dir: Path, problems: list[Problem], renderer: render.Renderer
) -> dict[str, Corner]:
    abs_path = docs_dir / schema.TRIANGLE_SOURCE
    rel = _rel(abs_path, root)
    names = {c.id: c.default_name for c in schema.CORNERS}
    if not abs_path.is_file():
        problems.append(Problem(rel, 1, "bestand", "de pagina over de driehoek ontbreekt"))
    else:
        result = _load_file(abs_path, rel, schema.TRIANGLE_PAGE, problems, renderer)
        if result is not None:
            names.update({k: v.strip() for k, v in result.checked.values.get("corners", {}).items()})
    return {cid: Corner(cid, names[cid]) for cid in schema.CORNER_IDS}


def _load_tensions(
    root: Path, docs_dir: Path, corners: dict[str, Corner], problems: list[Problem], renderer: render.Renderer
) -> dict[str, Tension]:
    folder = docs_dir / schema.TENSIONS_FOLDER
    known = {f"{tid}.md" for tid in schema.TENSION_IDS} | {"index.md"}
    if folder.is_dir():
        for extra in sorted(folder.glob("*.md")):
            if extra.name not in known:
                problems.append(
                    Problem(
                        _rel(extra, root),
                        1,
                        "bestandsnaam",
                        f"'{extra.stem}' is geen spanning van de driehoek.{_did_you_mean(extra.stem, schema.TENSION_IDS)} "
                        f"De spanningen heten: {', '.join(schema.TENSION_IDS)}",
                    )
                )
    tensions = {}
    for spec in schema.TENSIONS:
        abs_path = folder / f"{spec.id}.md"
        rel = _rel(abs_path, root)
        if not abs_path.is_file():
            problems.append(Problem(rel, 1, "bestand", f"de pagina over de spanning {spec.id} ontbreekt"))
            continue
        result = _load_file(abs_path, rel, schema.TENSION_PAGE, problems, renderer)
        if result is None or not {"title", "description"} <= result.checked.values.keys():
            continue
        values = result.checked.values
        tensions[spec.id] = Tension(
            spec.id,
            rel,
            values["title"],
            values["description"],
            (corners[spec.corners[0]], corners[spec.corners[1]]),
            spec.summary,
        )
    return tensions


def _rel(path: Path, root: Path) -> str:
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


def _common(item_id: str, result: _Loaded) -> dict[str, Any]:
    values = result.checked.values
    return {
        "id": item_id,
        "path": result.path,
        "title": values["title"],
        "description": values["description"],
        "tags": tuple(values.get("tags", ())),
        "aliases": tuple(values.get("aliases", ())),
        "history": result.history,
    }


def _principle(item_id: str, result: _Loaded) -> Principle:
    return Principle(**_common(item_id, result), order=result.checked.values.get("order"))


def _dilemma(item_id: str, result: _Loaded) -> Dilemma:
    values = result.checked.values
    return Dilemma(
        **_common(item_id, result),
        principle_ids=tuple(values["principles"]),
        tension_ids=tuple(values["tensions"]),
        domains=tuple(values.get("domains", ())),
        source=values.get("source"),
    )
