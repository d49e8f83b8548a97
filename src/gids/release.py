"""Releasing a version: ``make release`` (``python -m gids.release``).

Stamps every unreleased history entry with the version and date, moves the
upcoming removals into a new release record on the changelog page, and checks
the result. It refuses, in Dutch, when there is nothing to release, the
version is not new or an input is not usable (``release_inputs``).

A release never leaves the guide half changed. Every new file text is made
in memory first (``release_edit``) and the guide as it would be is validated
in a temporary copy; only then are the files replaced, all or none, through
a journal (``journal``; ``.gids-release-journal`` in the repository root).
A process killed at any point (even by SIGKILL or a power cut) is put right
by ``recover(root)``, which the next release calls first: until every file
was replaced it puts every backup back, so the guide is as it was; after
that it only tidies up.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import journal, schema
from .model import version_key
from .problems import report
from .release_edit import TextFile, stamp, update_changelog
from .release_inputs import Refused, input_problems, parse_date
from .source import load
from .validate import load_guide

_TAG = "gids-release"
#: The journal of a release in progress, in the repository root (git-ignored).
JOURNAL = journal.journal_name(_TAG)
#: The folders a release reads and writes; the validation copies them.
_FOLDERS = ("docs", *(content_type.folder for content_type in schema.CONTENT_TYPES))
USAGE = 'Gebruik: make release VERSION=1.1 TITLE="Korte titel" SUMMARY="Wat er nieuw is, in één zin."'

__all__ = ["JOURNAL", "Refused", "Result", "input_problems", "main", "make_release", "parse_date", "recover"]


@dataclass
class Result:
    version: str
    stamped: int
    files: list[str]
    removals: int
    #: What ``recover`` put right first (Dutch), or ``None``.
    recovered: str | None = None


# --- the journal, in Dutch ----------------------------------------------------


def _journal(root: Path) -> journal.Journal:
    return journal.Journal(root, _TAG, _FOLDERS)


def _why(failure: journal.JournalError) -> str:
    error = failure.error
    return f"{error.strerror or error}" if error is not None else ""


@contextlib.contextmanager
def _refusals() -> Iterator[None]:
    """What went wrong with the journal, as a ``Refused`` in Dutch."""
    try:
        yield
    except journal.Unreadable:
        raise Refused(
            f"het bestand {JOURNAL} van een afgebroken uitgave is onleesbaar; kijk met 'git status' of "
            "de bestanden kloppen en haal het daarna weg"
        ) from None
    except journal.NotRecovered as failure:
        raise Refused(
            f"een afgebroken uitgave kon niet worden hersteld ({_why(failure)}); "
            f"los dat op en probeer het opnieuw, het bestand {JOURNAL} blijft staan tot het lukt"
        ) from None
    except journal.NotPrepared as failure:
        raise Refused(
            f"de nieuwe teksten konden niet worden klaargezet ({_why(failure)}); er is niets veranderd"
        ) from None
    except journal.ChangedMeanwhile as failure:
        raise Refused(
            f"{failure.rel} werd gewijzigd terwijl de uitgave werd gemaakt; "
            "er is niets veranderd, probeer het opnieuw"
        ) from None
    except journal.NotReplaced as failure:
        raise Refused(
            f"de bestanden konden niet worden vervangen ({_why(failure)}); alles is teruggezet zoals het was"
        ) from None


def _recovered(found: journal.Recovered | None) -> str | None:
    """What ``recover`` did, in one Dutch sentence."""
    if found is None:
        return None
    if found.state == "replacing":
        count = f"{found.files} bestand" if found.files == 1 else f"{found.files} bestanden"
        return f"Een eerdere 'make release' was halverwege gestopt en is teruggedraaid: {count} staan weer zoals ze waren."
    if found.state == "done":
        return "Een eerdere 'make release' was klaar maar niet opgeruimd; de hulpbestanden zijn nu weg."
    return "Een eerdere 'make release' stopte voordat er iets veranderde; de hulpbestanden zijn nu weg."


def recover(root: Path) -> str | None:
    """Put right a release that was interrupted (killed, power cut): until
    all its files were replaced, put every file back as it was; after that,
    only tidy up. Returns what was done in one Dutch sentence, or ``None``
    when there was nothing to do, or when a release is running right now
    (``make serve`` rebuilds while it writes; that one is not interrupted).
    ``Refused`` (in Dutch) when the journal cannot be applied.

    Called first by every release; ``make check`` and the build should call
    it too before they read the guide."""
    with _refusals():
        return _recovered(journal.recover(_journal(Path(root))))


# --- the release ---------------------------------------------------------------


def _validate(root: Path, changed: list[TextFile], version: str, title: str, summary: str) -> None:
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


def make_release(root: Path, version: str, title: str, summary: str, date: dt.date) -> Result:
    """Release ``version``; raises ``Refused`` with the reason in Dutch."""
    root = Path(root)
    problems = input_problems(version, title, summary)
    if problems:
        raise Refused("\n".join(problems))
    if not root.is_dir():
        raise Refused(f"de map {root} bestaat niet; start make release in de map van de gids")
    with journal.locked(root) as free:
        if not free:
            raise Refused("er loopt al een 'make release' in deze map; wacht tot die klaar is en probeer het opnieuw")
        with _refusals():
            recovered = _recovered(journal.recover_while_locked(_journal(root)))
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
    changed: list[TextFile] = []
    stamped = 0
    for item in sorted(to_stamp, key=lambda i: i.path):
        source, _ = load(root / item.path, item.path)
        assert source is not None and source.front_matter is not None
        entries = [e for e in source.front_matter.entries["history"][1].items if "version" not in e.entries]
        file = TextFile(root / item.path)
        stamp(file, entries, version, date)
        changed.append(file)
        stamped += len(entries)

    changelog_path = docs_dir / schema.CHANGELOG_SOURCE
    rel = changelog_path.relative_to(root).as_posix()
    source, _ = load(changelog_path, rel)
    assert source is not None and source.front_matter is not None
    file = TextFile(changelog_path)
    update_changelog(
        file,
        source.front_matter,
        source.body_line,
        dict(version=version, date=date, title=title, summary=summary, removals=guide.upcoming_removals),
    )
    changed.append(file)

    # Then the guide as it would be; only then the files.
    _validate(root, changed, version, title, summary)
    journal.replace_all(_journal(root), [journal.Change(f.path, f.original, f.data()) for f in changed])
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
