"""The releases and removals, from the front matter of the changelog page
(``docs/versies.md``): a removed item is gone for good, its addresses get
tombstones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import render, schema
from .files import load_file, rel_path
from .frontmatter import Checked
from .model import Release, Removal, version_key
from .problems import Problem, problem
from .suggestions import suggest


@dataclass
class Changelog:
    path: str
    releases: list[Release] = field(default_factory=list)
    upcoming: list[Removal] = field(default_factory=list)
    #: Where each removal stands in the file, for messages.
    removal_lines: dict[int, int] = field(default_factory=dict)


def load_changelog(root: Path, docs_dir: Path, problems: list[Problem], renderer: render.Renderer | None) -> Changelog:
    """The releases, from the front matter of the changelog page."""
    abs_path = docs_dir / schema.CHANGELOG_SOURCE
    rel = rel_path(abs_path, root)
    changelog = Changelog(rel)
    if not abs_path.is_file():
        problems.append(problem(rel, 1, "bestand", "versiepagina-ontbreekt"))
        return changelog
    result = load_file(abs_path, rel, schema.CHANGELOG_PAGE, problems, renderer)
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
                problem(rel, release.lines["version"], "releases.version", "versie-dubbel", versie=version, regel=seen[version_key(version)])
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
    groups: list[Checked], version: str | None, path: str, key: str, problems: list[Problem], changelog: Changelog
) -> list[Removal]:
    removals = []
    for group in groups:
        line = group.located.line if group.located else 1
        kinds = [k for k in schema.REMOVAL_KINDS if k in group.values]
        if len(kinds) != 1:
            problems.append(
                problem(path, line, key, "verwijdering-soort")
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


def check_removals(
    changelog: Changelog, ids: dict[str, set[str]], aliases: dict[str, dict[str, str]], problems: list[Problem]
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
                    problem(path, line, removal.kind, "verwijderd-bestaat", naam=name, pad=f"{folder}/{name}.md")
                )
            elif name in aliases[folder]:
                problems.append(
                    problem(path, line, removal.kind, "verwijderd-is-oude-naam", naam=name, nieuw=aliases[folder][name])
                )
            elif (folder, name) in taken:
                problems.append(
                    problem(path, line, removal.kind, "verwijderd-dubbel", naam=name, waar=taken[(folder, name)])
                )
            taken.setdefault((folder, name), f"versie {removal.version}" if removal.version else "de volgende uitgave")
        if removal.replaced_by and removal.replaced_by not in ids[folder]:
            meant = suggest(removal.replaced_by, sorted(ids[folder]))
            if meant:
                problems.append(
                    problem(path, line, "replaced_by", "vervanger-bedoel", naam=removal.replaced_by, soort=noun, bedoeld=meant)
                )
            else:
                problems.append(
                    problem(path, line, "replaced_by", "vervanger-onbekend", naam=removal.replaced_by, soort=noun, map=folder)
                )
