"""Releasing a version: ``python -m gids.release VERSION TITLE SUMMARY``.

Stamps every unreleased history entry with the version and date, moves the
upcoming removals into a new release record on the changelog page, and checks
the result. It refuses, in Dutch, when there is nothing to release or the
version is not new.

Files are edited as text at the lines the YAML parser reports, rather than
loaded and dumped again: a round trip through a YAML library would reformat
what contributors wrote (quotes, flow lists, comments).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import schema
from .model import Removal, version_key
from .problems import report
from .source import Located, load
from .validate import load_guide

VERSION_PATTERN = re.compile(r"^\d+(?:\.\d+)*$")


class Refused(Exception):
    """The release cannot be made; the message says why, in Dutch."""


@dataclass
class Result:
    version: str
    stamped: int
    files: list[str]
    removals: int


def yaml_scalar(value: Any) -> str:
    """A value as YAML would write it, quoted only where YAML needs it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and VERSION_PATTERN.match(value):
        return f'"{value}"'
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


class _TextFile:
    """A file's lines, keeping its BOM and line endings."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = path.read_bytes()
        self.bom = data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8-sig")
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.original = data
        self.lines = text.replace("\r\n", "\n").split("\n")

    def save(self) -> None:
        text = self.newline.join(self.lines)
        self.path.write_bytes((b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8"))

    def restore(self) -> None:
        self.path.write_bytes(self.original)


def _stamp(file: _TextFile, entries: list[Located], version: str, date: dt.date) -> None:
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


def _update_changelog(
    file: _TextFile, front: Located, body_line: int, record_args: dict[str, Any]
) -> None:
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


def make_release(root: Path, version: str, title: str, summary: str, date: dt.date) -> Result:
    """Release ``version``; raises ``Refused`` with the reason in Dutch."""
    docs_dir = root / "docs"
    guide, problems = load_guide(root, docs_dir)
    if problems:
        raise Refused("Eerst moeten deze problemen worden opgelost:\n" + report(problems))
    assert guide is not None
    version = version.strip()
    if not VERSION_PATTERN.match(version):
        raise Refused(f"'{version}' is geen versienummer; gebruik cijfers met punten, zoals 1.1")
    if not title.strip() or not summary.strip():
        raise Refused("geef de uitgave een titel (TITLE) en een korte samenvatting (SUMMARY)")
    if len(summary) > schema.DESCRIPTION_MAX_LENGTH:
        raise Refused(f"de samenvatting is {len(summary)} tekens; houd het bij hoogstens {schema.DESCRIPTION_MAX_LENGTH}")
    latest = guide.latest_release
    if any(r.version == version for r in guide.releases):
        raise Refused(f"versie {version} bestaat al; kies een hoger nummer")
    if latest is not None and version_key(version) <= version_key(latest.version):
        raise Refused(f"versie {version} is niet hoger dan de laatste uitgave, versie {latest.version}")

    items = [*guide.principles.values(), *guide.dilemmas.values()]
    to_stamp = [item for item in items if any(not entry.released for entry in item.history)]
    if not to_stamp and not guide.upcoming_removals:
        raise Refused(
            "er is niets om uit te brengen: geen enkel principe of dilemma heeft een wijziging "
            "zonder versie in history, en er staat niets onder upcoming op de versiepagina"
        )

    changed: list[_TextFile] = []
    stamped = 0
    try:
        for item in sorted(to_stamp, key=lambda i: i.path):
            source, _ = load(root / item.path, item.path)
            assert source is not None and source.front_matter is not None
            entries = [e for e in source.front_matter.entries["history"][1].items if "version" not in e.entries]
            file = _TextFile(root / item.path)
            _stamp(file, entries, version, date)
            changed.append(file)
            stamped += len(entries)

        changelog_path = docs_dir / schema.CHANGELOG_SOURCE
        rel = changelog_path.relative_to(root).as_posix()
        source, _ = load(changelog_path, rel)
        assert source is not None and source.front_matter is not None
        file = _TextFile(changelog_path)
        _update_changelog(
            file,
            source.front_matter,
            source.body_line,
            dict(version=version, date=date, title=title.strip(), summary=summary.strip(), removals=guide.upcoming_removals),
        )
        changed.append(file)

        for file in changed:
            file.save()
        _, problems = load_guide(root, docs_dir)
        if problems:
            raise Refused("de uitgave gaf deze problemen en is teruggedraaid:\n" + report(problems))
    except BaseException:
        for file in changed:
            file.restore()
        raise
    return Result(version, stamped, [f.path.relative_to(root).as_posix() for f in changed], len(guide.upcoming_removals))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make release", description="Breng een nieuwe versie van de gids uit.")
    parser.add_argument("version", help="het nieuwe versienummer, zoals 1.1")
    parser.add_argument("title", help="een korte titel van de uitgave")
    parser.add_argument("summary", help="een korte samenvatting voor lezers")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None, help="de datum (jjjj-mm-dd); standaard vandaag")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="de map van de gids")
    args = parser.parse_args(argv)
    try:
        result = make_release(args.root, args.version, args.title, args.summary, args.date or dt.date.today())
    except Refused as refusal:
        print(f"Geen nieuwe versie gemaakt: {refusal}", file=sys.stderr)
        return 1
    print(
        f"Versie {result.version} is klaar: {result.stamped} wijziging(en) kregen het versienummer"
        + (f" en {result.removals} verwijdering(en) staan nu bij de uitgave" if result.removals else "")
        + ".\nGewijzigde bestanden:\n"
        + "\n".join(f"  {path}" for path in result.files)
        + f"\nLeg de wijziging vast (git commit) en zet er de tag v{result.version} op."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
