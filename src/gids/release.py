"""Releasing a version: ``make release`` (``python -m gids.release``).

Stamps every unreleased history entry with the version and date, moves the
upcoming removals into a new release record on the changelog page, and checks
the result. It refuses, in Dutch, when there is nothing to release, the
version is not new or an input is not usable.

Files are edited as text at the lines the YAML parser reports, rather than
loaded and dumped again: a round trip through a YAML library would reformat
what contributors wrote (quotes, flow lists, comments).

A release never leaves the guide half changed. Every new file text is made
in memory first and the guide as it would be is validated in a temporary
copy; only then are the files replaced, through a journal
(``.gids-release-journal`` in the repository root):

1. the journal is written, state ``preparing``;
2. beside every file a backup of its text (``.NAME.gids-release-old``) and
   its new text (``.NAME.gids-release-new``) are written and synced;
3. the journal says ``replacing``; each new text is moved over its file
   (``os.replace``, atomic per file);
4. the journal says ``done``; backups and journal are removed.

Each journal state is itself written atomically. A process killed at any
point (even by SIGKILL or a power cut) is put right by ``recover(root)``,
which the next release calls first: before ``done`` it puts every backup
back, so the guide is as it was; at ``done`` it only tidies up.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
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
#: What ``make release`` accepts as VERSION: ASCII digits only (``\d`` also
#: matches other scripts' digits), and short.
_VERSION_INPUT = re.compile(r"[0-9]+(?:\.[0-9]+)*", re.ASCII)
VERSION_MAX_LENGTH = 20
TITLE_MAX_LENGTH = 100
_DATE_INPUT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
#: Line and paragraph separators, and the controls that reorder text on
#: screen (so that it reads otherwise than it is).
_INVISIBLE = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: The journal of a release in progress, in the repository root (git-ignored).
JOURNAL = ".gids-release-journal"
_JOURNAL_TEMP = JOURNAL + ".tmp"
_NEW = ".gids-release-new"
_OLD = ".gids-release-old"
#: The folders a release reads and writes; the validation copies them.
_FOLDERS = ("docs", *(content_type.folder for content_type in schema.CONTENT_TYPES))
USAGE = 'Gebruik: make release VERSION=1.1 TITLE="Korte titel" SUMMARY="Wat er nieuw is, in één zin."'


class Refused(Exception):
    """The release cannot be made; the message says why, in Dutch."""


@dataclass
class Result:
    version: str
    stamped: int
    files: list[str]
    removals: int
    #: What ``recover`` put right first (Dutch), or ``None``.
    recovered: str | None = None


def yaml_scalar(value: Any) -> str:
    """A value as YAML would write it, quoted only where YAML needs it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and VERSION_PATTERN.match(value):
        return f'"{value}"'
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


# --- the inputs -------------------------------------------------------------


def _shown(value: str, limit: int = 40) -> str:
    """An input as it can be quoted in a message: one line, not too long."""
    text = "".join(c if c.isprintable() else "?" for c in value[:limit])
    return text + ("…" if len(value) > limit else "")


def _text_problem(value: str, what: str, name: str, max_length: int, empty: str) -> str | None:
    if not value.strip():
        return f"{what} ({name}) is leeg; {empty}"
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        return f"{what} ({name}) bevat tekens die geen geldige tekst zijn (geen UTF-8); typ de tekst opnieuw"
    if any(unicodedata.category(c) == "Cc" or c in _INVISIBLE for c in value):
        return (
            f"{what} ({name}) bevat een regelovergang of een ander onzichtbaar teken; "
            "schrijf de tekst op één regel, zonder zulke tekens"
        )
    length = len(value.strip())
    if length > max_length:
        return f"{what} ({name}) is {length} tekens lang; houd het bij hoogstens {max_length} tekens"
    return None


def input_problems(version: str, title: str, summary: str, date: str | None = None) -> list[str]:
    """What is wrong with the inputs of ``make release``: one Dutch sentence
    each, in the order VERSION, TITLE, SUMMARY, DATE."""
    problems = []
    if not version.strip():
        problems.append("het versienummer (VERSION) is leeg; geef er een, zoals VERSION=1.1")
    elif len(version.strip()) > VERSION_MAX_LENGTH or not _VERSION_INPUT.fullmatch(version.strip()):
        problems.append(f"'{_shown(version.strip())}' is geen versienummer; gebruik cijfers met punten, zoals 1.1")
    problems += filter(
        None,
        [
            _text_problem(title, "de titel", "TITLE", TITLE_MAX_LENGTH, "geef de uitgave een korte titel"),
            _text_problem(
                summary,
                "de samenvatting",
                "SUMMARY",
                schema.DESCRIPTION_MAX_LENGTH,
                "zeg in één zin wat er nieuw is",
            ),
        ],
    )
    if date is not None and date.strip():
        try:
            parse_date(date)
        except Refused as refusal:
            problems.append(str(refusal))
    return problems


def parse_date(text: str) -> dt.date:
    """DATE as given (jjjj-mm-dd); ``Refused`` in Dutch when it is no date."""
    text = text.strip()
    if not _DATE_INPUT.fullmatch(text):
        raise Refused(f"'{_shown(text)}' is geen datum; schrijf DATE als jjjj-mm-dd, zoals 2026-03-01")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Refused(f"{text} bestaat niet in de kalender; kies een datum die bestaat") from None


# --- editing the texts -----------------------------------------------------


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

    def data(self) -> bytes:
        text = self.newline.join(self.lines)
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")


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


def _validate(root: Path, changed: list[_TextFile], version: str, title: str, summary: str) -> None:
    """Load the guide as it would be after the release, in a temporary copy
    (its content folders and the files at the top, such as mkdocs.yml);
    ``Refused`` when it would not validate."""
    with tempfile.TemporaryDirectory(prefix="gids-uitgave-") as temp:
        copy = Path(temp)
        for entry in root.iterdir():
            if entry.name in _FOLDERS and entry.is_dir():
                shutil.copytree(entry, copy / entry.name, symlinks=True)
            elif entry.is_file() and not entry.name.startswith(JOURNAL):
                shutil.copy2(entry, copy / entry.name)
        for file in changed:
            (copy / file.path.relative_to(root)).write_bytes(file.data())
        guide, problems = load_guide(copy, copy / "docs")
    if problems:
        raise Refused("de uitgave zou deze problemen geven, dus er is niets veranderd:\n" + report(problems))
    assert guide is not None
    release = next((r for r in guide.releases if r.version == version), None)
    if release is None or (release.title, release.summary) != (title, summary):
        raise Refused("de titel of de samenvatting kan niet precies zo worden opgeslagen; kies een andere tekst")


# --- replacing the files, through the journal --------------------------------


def _temp(path: Path, suffix: str) -> Path:
    return path.with_name(f".{path.name}{suffix}")


def _fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write and sync a new file; whatever had that name is removed first
    (O_EXCL: never through a symlink someone left there)."""
    _remove(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    if mode is not None:
        os.chmod(path, mode)


def _write_journal(root: Path, state: str, files: list[str]) -> None:
    temp = root / _JOURNAL_TEMP
    _write(temp, (json.dumps({"state": state, "files": files}, indent=1) + "\n").encode("utf-8"))
    os.replace(temp, root / JOURNAL)
    _fsync_dir(root)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _read_journal(root: Path) -> tuple[str, list[Path]]:
    broken = Refused(
        f"het bestand {JOURNAL} van een afgebroken uitgave is onleesbaar; kijk met 'git status' of "
        "de bestanden kloppen en haal het daarna weg"
    )
    try:
        data = json.loads((root / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise broken from None
    if not isinstance(data, dict) or data.get("state") not in ("preparing", "replacing", "done"):
        raise broken
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(rel, str) for rel in files):
        raise broken
    paths = []
    for rel in files:
        # Only files of the guide itself, whatever the journal says.
        parts = Path(rel).parts
        if not parts or Path(rel).is_absolute() or ".." in parts or parts[0] not in _FOLDERS:
            raise broken
        paths.append(root / rel)
    return data["state"], paths


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[bool]:
    """Hold the lock of releases in ``root`` (an advisory lock on the folder
    itself; the system drops it when the process ends, however it ends).
    Yields whether the lock was free. Without ``fcntl`` (Windows): no lock."""
    try:
        import fcntl
    except ImportError:
        yield True
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def recover(root: Path) -> str | None:
    """Put right a release that was interrupted (killed, power cut): until
    all its files were replaced, put every file back as it was; after that,
    only tidy up. Returns what was done in one Dutch sentence, or ``None``
    when there was nothing to do, or when a release is running right now
    (``make serve`` rebuilds while it writes; that one is not interrupted).
    ``Refused`` (in Dutch) when the journal cannot be applied.

    Called first by every release; ``make check`` and the build should call
    it too before they read the guide."""
    root = Path(root)
    if not (root / JOURNAL).exists():
        return None
    with _locked(root) as free:
        return _recover(root) if free else None


def _recover(root: Path) -> str | None:
    """``recover``, for the process that holds the lock."""
    journal = root / JOURNAL
    if not journal.exists():
        _remove(root / _JOURNAL_TEMP)
        return None
    state, paths = _read_journal(root)
    try:
        if state == "replacing":
            for path in paths:
                backup = _temp(path, _OLD)
                if backup.exists():
                    os.replace(backup, path)
        for path in paths:
            _remove(_temp(path, _NEW))
            _remove(_temp(path, _OLD))
        for folder in {path.parent for path in paths}:
            _fsync_dir(folder)
        _remove(root / _JOURNAL_TEMP)
        journal.unlink()
        _fsync_dir(root)
    except OSError as error:
        raise Refused(
            f"een afgebroken uitgave kon niet worden hersteld ({error.strerror or error}); "
            f"los dat op en probeer het opnieuw, het bestand {JOURNAL} blijft staan tot het lukt"
        ) from None
    if state == "replacing":
        count = f"{len(paths)} bestand" if len(paths) == 1 else f"{len(paths)} bestanden"
        return f"Een eerdere 'make release' was halverwege gestopt en is teruggedraaid: {count} staan weer zoals ze waren."
    if state == "done":
        return "Een eerdere 'make release' was klaar maar niet opgeruimd; de hulpbestanden zijn nu weg."
    return "Een eerdere 'make release' stopte voordat er iets veranderde; de hulpbestanden zijn nu weg."


@contextlib.contextmanager
def _signals_ignored() -> Iterator[None]:
    """Ctrl-C and a polite kill wait for these few milliseconds; anything
    harder is what the journal is for."""
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    saved = {}
    for name in names:
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            saved[number] = signal.signal(number, signal.SIG_IGN)
        except ValueError:  # not the main thread: signals go elsewhere anyway
            pass
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def _replace_all(root: Path, changed: list[_TextFile]) -> None:
    """Replace every changed file, all or none (see the module's doc)."""
    rels = [file.path.relative_to(root).as_posix() for file in changed]
    try:
        _write_journal(root, "preparing", rels)
        for file in changed:
            mode = stat.S_IMODE(file.path.stat().st_mode)
            _write(_temp(file.path, _OLD), file.original, mode)
            _write(_temp(file.path, _NEW), file.data(), mode)
        for file in changed:
            if file.path.read_bytes() != file.original:
                raise Refused(
                    f"{file.path.relative_to(root).as_posix()} werd gewijzigd terwijl de uitgave werd gemaakt; "
                    "er is niets veranderd, probeer het opnieuw"
                )
        for folder in {file.path.parent for file in changed}:
            _fsync_dir(folder)
    except OSError as error:
        _recover(root)
        raise Refused(
            f"de nieuwe teksten konden niet worden klaargezet ({error.strerror or error}); er is niets veranderd"
        ) from None
    except BaseException:
        _recover(root)
        raise
    with _signals_ignored():
        try:
            _write_journal(root, "replacing", rels)
            for file in changed:
                os.replace(_temp(file.path, _NEW), file.path)
            for folder in {file.path.parent for file in changed}:
                _fsync_dir(folder)
            _write_journal(root, "done", rels)
        except OSError as error:
            _recover(root)
            raise Refused(
                f"de bestanden konden niet worden vervangen ({error.strerror or error}); "
                "alles is teruggezet zoals het was"
            ) from None
        _recover(root)


def make_release(root: Path, version: str, title: str, summary: str, date: dt.date) -> Result:
    """Release ``version``; raises ``Refused`` with the reason in Dutch."""
    root = Path(root)
    problems = input_problems(version, title, summary)
    if problems:
        raise Refused("\n".join(problems))
    if not root.is_dir():
        raise Refused(f"de map {root} bestaat niet; start make release in de map van de gids")
    with _locked(root) as free:
        if not free:
            raise Refused("er loopt al een 'make release' in deze map; wacht tot die klaar is en probeer het opnieuw")
        recovered = _recover(root)
        return _make_release(root, version.strip(), title.strip(), summary.strip(), date, recovered)


def _make_release(root: Path, version: str, title: str, summary: str, date: dt.date, recovered: str | None) -> Result:
    docs_dir = root / "docs"
    guide, problems = load_guide(root, docs_dir)
    if problems:
        raise Refused("Eerst moeten deze problemen worden opgelost:\n" + report(problems))
    assert guide is not None
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

    # Every new text first, in memory.
    changed: list[_TextFile] = []
    stamped = 0
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
        dict(version=version, date=date, title=title, summary=summary, removals=guide.upcoming_removals),
    )
    changed.append(file)

    # Then the guide as it would be; only then the files.
    _validate(root, changed, version, title, summary)
    _replace_all(root, changed)
    return Result(
        version,
        stamped,
        [f.path.relative_to(root).as_posix() for f in changed],
        len(guide.upcoming_removals),
        recovered,
    )


# --- the command -------------------------------------------------------------


def _refusal_text(refusal: Refused) -> str:
    lines = str(refusal).splitlines() or [""]
    if len(lines) == 1:
        return f"Geen nieuwe versie gemaakt: {lines[0]}"
    return "Geen nieuwe versie gemaakt:\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """The command. ``make release`` passes VERSION, TITLE, SUMMARY and DATE
    in the environment (GIDS_RELEASE_VERSION and so on), so that no shell
    ever reads them; arguments, when given, come first."""
    parser = argparse.ArgumentParser(prog="make release", description="Breng een nieuwe versie van de gids uit.")
    parser.add_argument("version", nargs="?", help="het nieuwe versienummer, zoals 1.1")
    parser.add_argument("title", nargs="?", help="een korte titel van de uitgave")
    parser.add_argument("summary", nargs="?", help="een korte samenvatting voor lezers")
    parser.add_argument("--date", default=None, help="de datum (jjjj-mm-dd); standaard vandaag")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="de map van de gids")
    args = parser.parse_args(argv)

    def given(value: str | None, name: str) -> str:
        return value if value is not None else os.environ.get(f"GIDS_RELEASE_{name}", "")

    version, title, summary = given(args.version, "VERSION"), given(args.title, "TITLE"), given(args.summary, "SUMMARY")
    date_text = given(args.date, "DATE")
    try:
        recovered = recover(args.root)
        if recovered:
            print(recovered)
        problems = input_problems(version, title, summary, date_text)
        if problems:
            usage = "" if version.strip() and title.strip() and summary.strip() else "\n" + USAGE
            print(_refusal_text(Refused("\n".join(problems))) + usage, file=sys.stderr)
            return 1
        date = parse_date(date_text) if date_text.strip() else dt.date.today()
        result = make_release(args.root, version, title, summary, date)
    except Refused as refusal:
        print(_refusal_text(refusal), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken; er is niets veranderd.", file=sys.stderr)
        return 130
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
