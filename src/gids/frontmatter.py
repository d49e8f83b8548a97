"""Checking front matter (and any mapping of keys: a history entry, a
release) against its declared schema; every problem is reported."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from . import safety, schema
from .model import HistoryEntry, version_key
from .problems import Problem, problem
from .plainyaml import Located
from .suggestions import suggest


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
        meant = suggest(key, spec.keys)
        if meant:
            problems.append(
                problem(path, line, key_prefix + key, "onbekende-sleutel-bedoel", naam=key, soort=spec.name, bedoeld=meant)
            )
        else:
            problems.append(
                problem(path, line, key_prefix + key, "onbekende-sleutel", naam=key, soort=spec.name, sleutels=", ".join(spec.keys))
            )
    for spec_field in spec.fields:
        key = spec_field.key
        if key not in present or present[key][1].value is None:
            typo_of_this = any(suggest(k, spec.keys) == key for k in unknown)
            if spec_field.required and not typo_of_this:
                line = present[key][0] if key in present else missing_line
                code = "sleutel-leeg" if key in present else "sleutel-ontbreekt"
                problems.append(
                    problem(
                        path, line, key_prefix + key, code,
                        soort=spec.name, uitleg=spec_field.meaning, type=spec_field.type.label,
                    )  # fmt: skip
                )
            continue
        key_line, located = present[key]
        issues = spec_field.type.check(located.value)
        for code, values in issues:
            problems.append(problem(path, located.line, key_prefix + key, code, **values))
        if issues:
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
        issues = list_type.check_item(item.value)
        if not issues and item.value in seen:
            issues = [("dubbel-in-lijst", {"waarde": item.value, "regel": seen[item.value]})]
        for code, values in issues:
            problems.append(problem(path, item.line, key, code, **values))
        if not issues:
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
                problem(
                    path, group.line, key, "groep-zonder-sleutels",
                    wat=spec.name, nummer=number, voorbeeld=f"- {example.key}: {example.example}",
                )  # fmt: skip
            )
            continue
        result.append(check_mapping(group, spec, path, problems, group.line, key_prefix=f"{key}."))
    return result if nested.many else result[0]


def same_release(version: str, releases: frozenset[str]) -> str | None:
    """The one release ``version`` is another way of writing (``v1.0``,
    ``1,0``, ``1``, ``1.0.0`` for ``1.0``), if any. Not the nearest number:
    ``1.1`` is no typo of ``1.0`` but a release that does not exist yet."""

    def plain(value: str) -> tuple[int, ...] | None:
        digits = re.fullmatch(r"\s*(?:versie|version|v)?\s*(\d+(?:[.,]\d+)*)\s*", value.casefold())
        if digits is None:
            return None
        parts = [int(part) for part in re.split(r"[.,]", digits.group(1))]
        while len(parts) > 1 and parts[-1] == 0:
            parts.pop()
        return tuple(parts)

    wanted = plain(version)
    matches = [release for release in releases if wanted is not None and plain(release) == wanted]
    return matches[0] if len(matches) == 1 else None


def history_entries(
    checked: Checked, path: str, releases: frozenset[str], problems: list[Problem]
) -> tuple[HistoryEntry, ...]:
    """History entries of an item; a version must be a release of the guide."""
    entries = []
    for entry in checked.values.get("history", []):
        version = entry.values.get("version")
        if version is not None and version not in releases:
            known = ", ".join(sorted(releases, key=version_key)) or "nog geen"
            meant = same_release(version, releases)
            code, values = ("onbekende-uitgave-bedoel", {"bedoeld": meant}) if meant else ("onbekende-uitgave", {})
            problems.append(
                problem(path, entry.lines["version"], "history.version", code, versie=version, uitgaven=known, **values)
            )
            continue
        if "note" not in entry.values:
            continue
        date = entry.values.get("date")
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        entries.append(HistoryEntry(entry.values["note"], version, date, entry.located.line if entry.located else 0))
    return tuple(entries)
