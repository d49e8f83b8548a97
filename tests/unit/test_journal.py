"""Replacing the files of a release all or none, through a journal
(gids/journal.py): a failure puts every file back, ``recover`` puts right a
release that was interrupted, and only one release runs at a time."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from gids import journal
from gids.release import JOURNAL, Refused, make_release, recover
from tests.helpers import GuideTree
from tests.unit.test_release import CHANGELOG, DATE, DILEMMA, PRINCIPLE, note, snapshot


def _leftovers(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if "gids-release" in p.name
    )


def test_a_failed_replacement_puts_every_file_back(guide_tree: GuideTree, monkeypatch: pytest.MonkeyPatch) -> None:
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    note(guide_tree, DILEMMA, "  - note: Ook aangepast.")
    before = snapshot(guide_tree.root)
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
    assert snapshot(guide_tree.root) == before
    assert _leftovers(guide_tree.root) == []


def test_a_release_keeps_file_permissions(guide_tree: GuideTree) -> None:
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
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
    before = snapshot(guide_tree.root)
    with pytest.raises(Refused, match=f"het bestand {JOURNAL} van een afgebroken uitgave is onleesbaar"):
        recover(guide_tree.root)
    assert snapshot(guide_tree.root) == before


@pytest.mark.skipif(sys.platform == "win32", reason="no advisory locks")
def test_one_release_at_a_time_and_recover_leaves_a_running_one_alone(guide_tree: GuideTree) -> None:
    """`make serve` rebuilds while a release writes; its recover must not
    undo that release's work."""
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    (guide_tree.root / JOURNAL).write_text(json.dumps({"state": "replacing", "files": [PRINCIPLE]}), encoding="utf-8")
    (guide_tree.root / "principles" / ".luister-echt.md.gids-release-old").write_text("oud\n", encoding="utf-8")
    before = snapshot(guide_tree.root)
    with journal.locked(guide_tree.root) as free:
        assert free
        assert recover(guide_tree.root) is None
        with pytest.raises(Refused, match="er loopt al een 'make release' in deze map"):
            make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
        assert snapshot(guide_tree.root) == before
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
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = snapshot(guide_tree.root)
    real_open = os.open

    def refusing_open(path: str | Path, flags: int, *args: int, **kwargs: object) -> int:
        if str(path).endswith(".gids-release-new"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(journal.os, "open", refusing_open)
    with pytest.raises(Refused, match=r"konden niet worden klaargezet \(Permission denied\); er is niets veranderd"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert snapshot(guide_tree.root) == before
    assert _leftovers(guide_tree.root) == []
