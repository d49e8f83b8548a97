"""The new texts of a release, made in memory: history entries stamped with
the version and date, and the release record on the changelog page.

Files are edited as text at the lines the YAML parser reports, rather than
loaded and dumped again: a round trip through a YAML library would reformat
what contributors wrote (quotes, flow lists, comments).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from .model import Removal
from .release_inputs import Refused
from .source import Located

VERSION_PATTERN = re.compile(r"^\d+(?:\.\d+)*$")


def yaml_scalar(value: Any) -> str:
    """A value as YAML would write it, quoted only where YAML needs it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and VERSION_PATTERN.match(value):
        return f'"{value}"'
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


class TextFile:
    """A file's lines, keeping its BOM and line endings."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = path.read_bytes()
        self.bom = data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8-sig")
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.original = data
        self.lines = text.replace("\r\n", "\n").split("\n")

    def data(self) -> bytes:
        text = self.newline.join(self.lines)
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")


def stamp(file: TextFile, entries: list[Located], version: str, date: dt.date) -> None:
    """Give each unreleased history entry the version (and the date, unless
    it has one)."""
    # Bottom up, so that inserted lines do not shift the ones still to do.
    for entry in sorted(entries, key=lambda e: e.line, reverse=True):
        index = entry.line - 1
        line = file.lines[index]
        if line[entry.column : entry.column + 1] == "{":
            raise Refused(
                f"{file.path.name}:{entry.line}: history: schrijf deze wijziging als gewone regels "
                "('- note: ...') in plaats van tussen accolades, dan kan de versie erbij"
            )
        indent = " " * entry.column
        new = [line[: entry.column] + f"version: {yaml_scalar(version)}"]
        if "date" not in entry.entries:
            new.append(f"{indent}date: {date.isoformat()}")
        new.append(indent + line[entry.column :])
        file.lines[index : index + 1] = new


def _record(version: str, date: dt.date, title: str, summary: str, removals: list[Removal], indent: str) -> list[str]:
    lines = [
        f"{indent}- version: {yaml_scalar(version)}",
        f"{indent}  date: {date.isoformat()}",
        f"{indent}  title: {yaml_scalar(title)}",
        f"{indent}  summary: {yaml_scalar(summary)}",
    ]
    if removals:
        lines.append(f"{indent}  removed:")
        for removal in removals:
            lines.append(f"{indent}    - {removal.kind}: {removal.id}")
            if removal.title:
                lines.append(f"{indent}      title: {yaml_scalar(removal.title)}")
            lines.append(f"{indent}      reason: {yaml_scalar(removal.reason)}")
            if removal.replaced_by:
                lines.append(f"{indent}      replaced_by: {removal.replaced_by}")
            if removal.aliases:
                lines.append(f"{indent}      aliases: [{', '.join(removal.aliases)}]")
    return lines


def _top_level_block(front: Located, key: str, closing_line: int) -> tuple[int, int]:
    """First and last line (1-based) of a top-level key of the front matter."""
    key_lines = sorted(line for line, _ in front.entries.values())
    start = front.entries[key][0]
    following = [line for line in key_lines if line > start]
    return start, (following[0] - 1 if following else closing_line - 1)


def update_changelog(file: TextFile, front: Located, body_line: int, record_args: dict[str, Any]) -> None:
    """Remove ``upcoming`` from the changelog's front matter and put the new
    release record first under ``releases``."""
    closing = body_line - 1  # the line of the closing '---'
    if "upcoming" in front.entries:
        start, end = _top_level_block(front, "upcoming", closing)
        del file.lines[start - 1 : end]
        # Re-read positions after the removal of lines.
        shift = end - start + 1
        front_entries = {
            k: (line - shift if line > end else line, value) for k, (line, value) in front.entries.items() if k != "upcoming"
        }
        closing -= shift
    else:
        front_entries = dict(front.entries)
    if "releases" in front_entries:
        key_line, releases = front_entries["releases"]
        first = releases.items[0] if releases.items else None
        indent = " " * (first.column - 2) if first is not None and first.column >= 2 else "  "
        file.lines[key_line:key_line] = _record(indent=indent, **record_args)
    else:
        file.lines[closing - 1 : closing - 1] = ["releases:", *_record(indent="  ", **record_args)]
