"""The release command: stamps unreleased entries, records the release, and
refuses clearly when it should."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from gids import load_guide
from gids import journal, release_edit
from gids.release import JOURNAL, Refused, main, make_release, recover
from tests.helpers import GuideTree

DATE = dt.date(2026, 3, 1)
PRINCIPLE = "principles/luister-echt.md"
DILEMMA = "dilemmas/minister-of-samenleving.md"
CHANGELOG = "docs/versies.md"


def _note(tree: GuideTree, path: str, entries: str) -> None:
    tree.replace(path, "\n---\n\n", f"\nhistory:\n{entries}\n---\n\n")


def test_stamps_unreleased_entries_and_records_the_release(guide_tree: GuideTree) -> None:
    _note(guide_tree, PRINCIPLE, '  - version: "1.0"\n    note: Eerste versie.\n  - note: Voorbeeld toegevoegd.')
    _note(guide_tree, DILEMMA, "  - note: 'Nieuwe vraag: hoe ver ga je?'\n    date: 2026-02-20")

    result = make_release(guide_tree.root, "1.1", "Betere voorbeelden", "Een voorbeeld en een vraag erbij.", DATE)

    assert result.stamped == 2
    assert result.files == [DILEMMA, PRINCIPLE, CHANGELOG]
    assert (
        '  - version: "1.0"\n    note: Eerste versie.\n'
        '  - version: "1.1"\n    date: 2026-03-01\n    note: Voorbeeld toegevoegd.\n---'
    ) in guide_tree.read(PRINCIPLE)
    # An entry that has a date keeps it.
    assert "  - version: \"1.1\"\n    note: 'Nieuwe vraag: hoe ver ga je?'\n    date: 2026-02-20\n" in guide_tree.read(DILEMMA)
    assert (
        'releases:\n  - version: "1.1"\n    date: 2026-03-01\n    title: Betere voorbeelden\n'
        "    summary: Een voorbeeld en een vraag erbij.\n"
        '  - version: "1.0"\n'
    ) in guide_tree.read(CHANGELOG)

    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None
    assert [r.version for r in guide.releases] == ["1.1", "1.0"]
    changes = guide.changes("1.1")
    assert [(c.kind, c.note) for c in changes["gewijzigd"]] == [("gewijzigd", "Voorbeeld toegevoegd.")]
    assert [(c.kind, c.title) for c in changes["nieuw"]] == [("nieuw", "Dien je de minister of de samenleving?")]
    assert guide.unreleased_count() == 0


def test_keeps_bom_and_crlf(guide_tree: GuideTree) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    raw = guide_tree.read(PRINCIPLE).replace("\n", "\r\n").encode("utf-8")
    guide_tree.write(PRINCIPLE, b"\xef\xbb\xbf" + raw)

    make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)

    data = (guide_tree.root / PRINCIPLE).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b'  - version: "1.1"\r\n    date: 2026-03-01\r\n    note: Aangepast.\r\n' in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_upcoming_removals_move_into_the_release(guide_tree: GuideTree) -> None:
    guide_tree.remove(OTHER := "dilemmas/signaal-uit-de-uitvoering.md")
    guide_tree.replace(
        CHANGELOG,
        "releases:",
        "upcoming:\n  removed:\n    - dilemma: signaal-uit-de-uitvoering\n      title: Een signaal\n"
        "      reason: 'Opgegaan in: een ander dilemma.'\n      replaced_by: minister-of-samenleving\n      aliases: [signaal]\nreleases:",
    )
    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None and guide.upcoming_removals

    make_release(guide_tree.root, "1.1", "Opgeruimd", "Een dilemma samengevoegd.", DATE)

    text = guide_tree.read(CHANGELOG)
    assert "upcoming:" not in text
    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None
    (removal,) = guide.releases[0].removed
    assert (removal.id, removal.version, removal.title, removal.reason, removal.replaced_by, removal.aliases) == (
        "signaal-uit-de-uitvoering",
        "1.1",
        "Een signaal",
        "Opgegaan in: een ander dilemma.",
        "minister-of-samenleving",
        ("signaal",),
    )
    assert guide.upcoming_removals == []
    assert not (guide_tree.root / OTHER).exists()


def test_first_release_when_there_are_none(guide_tree: GuideTree) -> None:
    guide_tree.write(CHANGELOG, "---\ntitle: Versies\ndescription: Wat er veranderde.\n---\n\nTekst.\n")
    _note(guide_tree, PRINCIPLE, "  - note: Opgenomen.")
    make_release(guide_tree.root, "1.0", "Eerste", "De eerste.", DATE)
    assert 'description: Wat er veranderde.\nreleases:\n  - version: "1.0"\n' in guide_tree.read(CHANGELOG)
    assert load_guide(guide_tree.root)[1] == []


@pytest.mark.parametrize(
    "version, says",
    [
        ("1.0", "versie 1.0 bestaat al"),
        ("0.9", "niet hoger dan de laatste uitgave, versie 1.0"),
        ("1.0.0", "niet hoger dan de laatste uitgave"),
        ("versie 2", "geen versienummer"),
    ],
)
def test_refuses_a_version_that_is_not_new(guide_tree: GuideTree, version: str, says: str) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = guide_tree.read(PRINCIPLE)
    with pytest.raises(Refused, match=says):
        make_release(guide_tree.root, version, "Titel", "Samenvatting.", DATE)
    assert guide_tree.read(PRINCIPLE) == before


def test_refuses_when_there_is_nothing_to_release(guide_tree: GuideTree) -> None:
    with pytest.raises(Refused, match="er is niets om uit te brengen"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)


def test_refuses_while_the_content_has_problems(guide_tree: GuideTree) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    guide_tree.replace(DILEMMA, "domains: [beleid]", "domains: [handhaving]")
    with pytest.raises(Refused, match=f"{DILEMMA}:6: domains"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)


def test_refuses_a_flow_style_entry_and_changes_nothing(guide_tree: GuideTree) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Gewoon.")
    _note(guide_tree, DILEMMA, "  - {note: Tussen accolades.}")
    before = {p: guide_tree.read(p) for p in (PRINCIPLE, DILEMMA, CHANGELOG)}
    with pytest.raises(Refused, match="accolades"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert {p: guide_tree.read(p) for p in before} == before


def test_command_line_says_what_happened(guide_tree: GuideTree, capsys: pytest.CaptureFixture[str]) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    args = ["1.1", "Titel", "Samenvatting.", "--date", "2026-03-01", "--root", str(guide_tree.root)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Versie 1.1 is klaar: 1 wijziging(en)" in out and "git commit" in out and "v1.1" in out
    assert main(args) == 1
    assert "Geen nieuwe versie gemaakt: versie 1.1 bestaat al" in capsys.readouterr().err


# --- hostile inputs: one Dutch sentence each, and nothing changes -----------


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file below ``root``, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


GOOD = {"version": "1.1", "title": "Titel", "summary": "Samenvatting.", "date": "2026-03-01"}


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("version", "versie 2", "'versie 2' is geen versienummer; gebruik cijfers met punten, zoals 1.1"),
        ("version", "1.1\n", None),  # surrounding white space is forgiven
        ("version", "1..1", "'1..1' is geen versienummer"),
        ("version", "\u0661.\u0661", "'\u0661.\u0661' is geen versienummer"),  # Arabic-Indic digits match \d
        ("version", "1" * 5000, "'" + "1" * 40 + "…' is geen versienummer"),
        ("version", "", "het versienummer (VERSION) is leeg"),
        ("date", "2026-02-30", "2026-02-30 bestaat niet in de kalender"),
        ("date", "20260301", "'20260301' is geen datum; schrijf DATE als jjjj-mm-dd"),
        ("date", "morgen", "'morgen' is geen datum"),
        ("title", "Regel een\nregel twee", "de titel (TITLE) bevat een regelovergang of een ander onzichtbaar teken"),
        ("title", "Bel\x07", "de titel (TITLE) bevat een regelovergang"),
        ("title", "Omgekeerd \u202etxet", "de titel (TITLE) bevat een regelovergang"),
        ("title", "Ongeldig \udcff", "de titel (TITLE) bevat tekens die geen geldige tekst zijn"),
        ("title", "x" * 10_000, "de titel (TITLE) is 10000 tekens lang; houd het bij hoogstens 100 tekens"),
        ("title", "   ", "de titel (TITLE) is leeg"),
        ("summary", "", "de samenvatting (SUMMARY) is leeg"),
        ("summary", "Te\rlang", "de samenvatting (SUMMARY) bevat een regelovergang"),
        ("summary", "z" * 201, "de samenvatting (SUMMARY) is 201 tekens lang"),
    ],
)
def test_hostile_inputs_get_one_sentence_and_change_nothing(
    guide_tree: GuideTree, capsys: pytest.CaptureFixture[str], field: str, value: str, says: str | None
) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = _snapshot(guide_tree.root)
    given = {**GOOD, field: value}
    code = main(
        [given["version"], given["title"], given["summary"], "--date", given["date"], "--root", str(guide_tree.root)]
    )
    err = capsys.readouterr().err
    if says is None:
        assert code == 0, err
        return
    assert code == 1
    assert err.startswith(f"Geen nieuwe versie gemaakt: {says}"), err
    assert len(err.strip().splitlines()) == 1 + (not value.strip()), err  # the usage line when empty
    assert "Traceback" not in err
    assert _snapshot(guide_tree.root) == before


def test_every_problem_with_the_inputs_is_named_at_once(
    guide_tree: GuideTree, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["", "", "", "--date", "2026-13-01", "--root", str(guide_tree.root)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Geen nieuwe versie gemaakt:"
    assert [line.split(" (")[0] for line in lines[1:4]] == ["het versienummer", "de titel", "de samenvatting"]
    assert lines[4].startswith("2026-13-01 bestaat niet in de kalender")
    assert lines[5].startswith("Gebruik: make release VERSION=1.1")


def test_the_environment_gives_the_inputs(
    guide_tree: GuideTree, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make release` passes them so; arguments, when given, come first."""
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    title = "Met `backticks`, $(touch x), \"dubbel\" en 'enkel' $HOME"
    for name, value in {"VERSION": "1.1", "TITLE": title, "SUMMARY": "Kort.", "DATE": "2026-03-02"}.items():
        monkeypatch.setenv(f"GIDS_RELEASE_{name}", value)
    assert main(["--root", str(guide_tree.root)]) == 0, capsys.readouterr().err
    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None
    release = guide.releases[0]
    assert (release.version, release.title, release.summary, release.date) == ("1.1", title, "Kort.", dt.date(2026, 3, 2))


@pytest.mark.parametrize(
    "title",
    [
        "Citaat: \"ja\" en 'nee' # geen commentaar",
        "- lijkt een lijst",
        "'begint met een aanhalingsteken",
        "[vierkant] {accolade} & * ! | > % @ `",
        "1.5",
        "null",
        "Één ß ø 漢字 🙂",
    ],
)
def test_any_one_line_text_arrives_exactly(guide_tree: GuideTree, title: str) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    make_release(guide_tree.root, "1.1", title, title, DATE)
    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None
    assert (guide.releases[0].title, guide.releases[0].summary) == (title, title)


# --- all files or none -------------------------------------------------------


def _leftovers(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if "gids-release" in p.name
    )


def test_a_result_that_would_not_validate_changes_nothing(
    guide_tree: GuideTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = _snapshot(guide_tree.root)
    real_record = release_edit._record
    monkeypatch.setattr(
        release_edit, "_record", lambda **kwargs: [*real_record(**kwargs), "    domains: [handhaving]"]
    )
    with pytest.raises(Refused, match="de uitgave zou deze problemen geven, dus er is niets veranderd"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert _snapshot(guide_tree.root) == before


def test_a_failed_replacement_puts_every_file_back(guide_tree: GuideTree, monkeypatch: pytest.MonkeyPatch) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    _note(guide_tree, DILEMMA, "  - note: Ook aangepast.")
    before = _snapshot(guide_tree.root)
    real_replace = os.replace
    replaced: list[str] = []

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        if str(src).endswith(".gids-release-new"):
            if replaced:  # the second file of the release
                raise OSError(28, "No space left on device")
            replaced.append(str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(journal.os, "replace", failing_replace)
    with pytest.raises(Refused, match=r"konden niet worden vervangen \(No space left on device\); alles is teruggezet"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert replaced, "one file had been replaced"
    assert _snapshot(guide_tree.root) == before
    assert _leftovers(guide_tree.root) == []


def test_a_release_keeps_file_permissions(guide_tree: GuideTree) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    (guide_tree.root / PRINCIPLE).chmod(0o640)
    make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert stat.S_IMODE((guide_tree.root / PRINCIPLE).stat().st_mode) == 0o640
    assert _leftovers(guide_tree.root) == []


def test_recover_restores_from_the_journal(guide_tree: GuideTree) -> None:
    """As a killed release leaves it: one file replaced, the other not yet."""
    root = guide_tree.root
    original = guide_tree.read(PRINCIPLE)
    changelog = guide_tree.read(CHANGELOG)
    (root / "principles" / ".luister-echt.md.gids-release-old").write_text(original, encoding="utf-8")
    guide_tree.write(PRINCIPLE, original + "half af\n")
    (root / "docs" / ".versies.md.gids-release-old").write_text(changelog, encoding="utf-8")
    (root / "docs" / ".versies.md.gids-release-new").write_text("nieuw", encoding="utf-8")
    (root / JOURNAL).write_text(json.dumps({"state": "replacing", "files": [PRINCIPLE, CHANGELOG]}), encoding="utf-8")

    said = recover(root)

    assert said == (
        "Een eerdere 'make release' was halverwege gestopt en is teruggedraaid: 2 bestanden staan weer zoals ze waren."
    )
    assert (guide_tree.read(PRINCIPLE), guide_tree.read(CHANGELOG)) == (original, changelog)
    assert _leftovers(root) == [] and not (root / JOURNAL).exists()
    assert recover(root) is None


def test_recover_after_the_last_replacement_keeps_the_release(guide_tree: GuideTree) -> None:
    root = guide_tree.root
    guide_tree.write(PRINCIPLE, "nieuw\n")
    (root / "principles" / ".luister-echt.md.gids-release-old").write_text("oud\n", encoding="utf-8")
    (root / JOURNAL).write_text(json.dumps({"state": "done", "files": [PRINCIPLE]}), encoding="utf-8")
    assert "was klaar maar niet opgeruimd" in (recover(root) or "")
    assert guide_tree.read(PRINCIPLE) == "nieuw\n"
    assert _leftovers(root) == []


@pytest.mark.parametrize(
    "journal",
    [
        "{niet af",
        json.dumps({"state": "replacing", "files": ["../buiten.md"]}),
        json.dumps({"state": "replacing", "files": ["/etc/passwd"]}),
        json.dumps({"state": "replacing", "files": ["src/gids/release.py"]}),
        json.dumps({"state": "anders", "files": []}),
    ],
)
def test_a_broken_journal_is_refused_and_touches_nothing(guide_tree: GuideTree, journal: str) -> None:
    (guide_tree.root / JOURNAL).write_text(journal, encoding="utf-8")
    before = _snapshot(guide_tree.root)
    with pytest.raises(Refused, match=f"het bestand {JOURNAL} van een afgebroken uitgave is onleesbaar"):
        recover(guide_tree.root)
    assert _snapshot(guide_tree.root) == before


@pytest.mark.skipif(sys.platform == "win32", reason="no advisory locks")
def test_one_release_at_a_time_and_recover_leaves_a_running_one_alone(guide_tree: GuideTree) -> None:
    """`make serve` rebuilds while a release writes; its recover must not
    undo that release's work."""
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    (guide_tree.root / JOURNAL).write_text(json.dumps({"state": "replacing", "files": [PRINCIPLE]}), encoding="utf-8")
    (guide_tree.root / "principles" / ".luister-echt.md.gids-release-old").write_text("oud\n", encoding="utf-8")
    before = _snapshot(guide_tree.root)
    with journal.locked(guide_tree.root) as free:
        assert free
        assert recover(guide_tree.root) is None
        with pytest.raises(Refused, match="er loopt al een 'make release' in deze map"):
            make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
        assert _snapshot(guide_tree.root) == before
    assert recover(guide_tree.root) is not None
    assert guide_tree.read(PRINCIPLE) == "oud\n"


def test_a_symlink_where_a_backup_goes_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_text("niet van de gids", encoding="utf-8")
    backup = tmp_path / ".luister-echt.md.gids-release-old"
    backup.symlink_to(elsewhere)
    journal._write(backup, b"reservekopie")
    assert elsewhere.read_text(encoding="utf-8") == "niet van de gids"
    assert not backup.is_symlink() and backup.read_bytes() == b"reservekopie"


def test_a_folder_that_cannot_be_written_changes_nothing(guide_tree: GuideTree, monkeypatch: pytest.MonkeyPatch) -> None:
    _note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = _snapshot(guide_tree.root)
    real_open = os.open

    def refusing_open(path: str | Path, flags: int, *args: int, **kwargs: object) -> int:
        if str(path).endswith(".gids-release-new"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(journal.os, "open", refusing_open)
    with pytest.raises(Refused, match=r"konden niet worden klaargezet \(Permission denied\); er is niets veranderd"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert _snapshot(guide_tree.root) == before
    assert _leftovers(guide_tree.root) == []
