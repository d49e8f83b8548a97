"""The history check for merge requests (``python -m gids.history_check``),
run on copies of the real project in real git repositories."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from gids.history_check import check_history, main
from tests.helpers import copy_project

#: Dilemmas that no other file links to or mentions, so they can be removed
#: or renamed without a broken link (checked in ``_assert_unmentioned``).
REMOVED = "mandaat-onder-druk"
RENAMED = "op-tijd-opschalen"
CHANGED = "dilemmas/inhoud-of-draagvlak.md"

Capsys = pytest.CaptureFixture[str]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The real project in a fresh repository whose one commit is release 1.0."""
    root = copy_project(tmp_path / "repo")
    git(root, "init", "-q")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "release")
    return root


def run(repo: Path, capsys: Capsys, *args: str) -> tuple[int, list[str]]:
    code = main([*args, "--root", str(repo)])
    return code, capsys.readouterr().out.splitlines()


def located(lines: list[str], prefix: str) -> list[tuple[str, str]]:
    """(path, key) of each output line that starts with ``prefix``."""
    found = []
    for line in lines:
        if line.startswith(prefix):
            match = re.match(r"^([^:]+):\d+: ([^:]+): ", line.removeprefix(prefix))
            assert match, line
            found.append((match.group(1), match.group(2)))
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_note(path: Path, note: str) -> None:
    """An unreleased history entry: only a note, no version."""
    edit(path, "history:\n", f"history:\n  - note: {note}\n")


def _assert_unmentioned(repo: Path, item_id: str) -> None:
    own = repo / "dilemmas" / f"{item_id}.md"
    for file in repo.rglob("*"):
        if file == own or ".git" in file.parts or file.suffix not in {".md", ".yml", ".html"}:
            continue
        if file.is_file():
            assert item_id not in file.read_text(encoding="utf-8"), f"{file} mentions {item_id}"


NEW_DILEMMA = """---
title: Een nieuw dilemma uit de praktijk
description: Een collega voegt een dilemma toe, en de controle ziet dat het nieuw is.
principles: [loyale-tegenspraak]
tensions: [politiek-maatschappij]
---

## Situatie

Een casus.

## Spanning

Wat trekt.

## Gespreksvragen

- Een vraag?

## Handelingsperspectief

- Een mogelijkheid.
"""


def test_no_changes_no_warnings(repo: Path, capsys: Capsys) -> None:
    code, lines = run(repo, capsys)
    assert code == 0
    assert lines == ["Geschiedenis nagekeken tegen versie 1.0: 0 waarschuwingen, 0 fouten."]
    result = check_history(repo)
    assert (result.warnings, result.errors, result.base_version, result.note) == ([], [], "1.0", None)


def test_a_changed_dilemma_without_a_note_is_a_warning(repo: Path, capsys: Capsys) -> None:
    edit(repo / CHANGED, "Je bent al jaren specialist", "Je bent al heel lang specialist")
    code, lines = run(repo, capsys)
    assert code == 0
    assert located(lines, "waarschuwing: ") == [(CHANGED, "history")]
    assert located(lines, "fout: ") == []
    history_line = (repo / CHANGED).read_text(encoding="utf-8").splitlines().index("history:") + 1
    assert lines[0] == (
        f"waarschuwing: {CHANGED}:{history_line}: history: gewijzigd sinds versie 1.0 zonder notitie. "
        "Telt de wijziging voor lezers, voeg dan een regel toe onder history: met alleen een note "
        "(zonder version). Een tikfout verbeteren heeft geen notitie nodig."
    )
    assert lines[-1] == "Geschiedenis nagekeken tegen versie 1.0: 1 waarschuwing, 0 fouten."


def test_a_committed_change_counts_too(repo: Path, capsys: Capsys) -> None:
    edit(repo / CHANGED, "Je bent al jaren specialist", "Je bent al heel lang specialist")
    git(repo, "commit", "-qam", "change")
    code, lines = run(repo, capsys)
    assert code == 0
    assert located(lines, "waarschuwing: ") == [(CHANGED, "history")]


def test_a_changed_dilemma_with_a_note_is_fine(repo: Path, capsys: Capsys) -> None:
    edit(repo / CHANGED, "Je bent al jaren specialist", "Je bent al heel lang specialist")
    add_note(repo / CHANGED, "De situatie is duidelijker beschreven.")
    code, lines = run(repo, capsys)
    assert code == 0
    assert lines == ["Geschiedenis nagekeken tegen versie 1.0: 0 waarschuwingen, 0 fouten."]


def test_a_new_dilemma_without_history_is_a_warning(repo: Path, capsys: Capsys) -> None:
    path = "dilemmas/een-nieuw-dilemma-uit-de-praktijk.md"
    (repo / path).write_text(NEW_DILEMMA, encoding="utf-8")  # untracked: not in git diff
    code, lines = run(repo, capsys)
    assert code == 0
    assert located(lines, "waarschuwing: ") == [(path, "history")]
    assert lines[0].startswith(f"waarschuwing: {path}:1: history: nieuw sinds versie 1.0 zonder notitie. ")
    assert located(lines, "fout: ") == []


def test_a_deleted_dilemma_without_a_record_is_an_error(repo: Path, capsys: Capsys) -> None:
    _assert_unmentioned(repo, REMOVED)
    (repo / "dilemmas" / f"{REMOVED}.md").unlink()
    code, lines = run(repo, capsys)
    assert code == 1
    assert located(lines, "waarschuwing: ") == []
    assert located(lines, "fout: ") == [(f"dilemmas/{REMOVED}.md", "bestand")]
    error = next(line for line in lines if line.startswith("fout: "))
    assert error.startswith(
        f"fout: dilemmas/{REMOVED}.md:1: bestand: dit dilemma is weggehaald sinds versie 1.0, "
    )
    assert f"/dilemmas/{REMOVED}/" in error
    assert f"'{REMOVED}' onder aliases:" in error
    assert "docs/versies.md onder upcoming: en removed:" in error and "reason:" in error
    assert lines[-1] == "Geschiedenis nagekeken tegen versie 1.0: 0 waarschuwingen, 1 fout."


def test_a_deleted_dilemma_recorded_as_removed_is_fine(repo: Path, capsys: Capsys) -> None:
    _assert_unmentioned(repo, REMOVED)
    git(repo, "rm", "-q", f"dilemmas/{REMOVED}.md")
    edit(
        repo / "docs" / "versies.md",
        "releases:\n",
        f"upcoming:\n  removed:\n    - dilemma: {REMOVED}\n"
        "      reason: Samengevoegd met een ander dilemma.\nreleases:\n",
    )
    code, lines = run(repo, capsys)
    assert code == 0, lines
    assert lines == ["Geschiedenis nagekeken tegen versie 1.0: 0 waarschuwingen, 0 fouten."]


def test_a_renamed_dilemma_with_its_old_name_as_alias_is_fine(repo: Path, capsys: Capsys) -> None:
    _assert_unmentioned(repo, RENAMED)
    new = repo / "dilemmas" / "meningsverschil-hoger-neerleggen.md"
    git(repo, "mv", f"dilemmas/{RENAMED}.md", str(new.relative_to(repo)))
    edit(new, "history:\n", f"aliases: [{RENAMED}]\nhistory:\n")
    add_note(new, "Nieuwe naam die beter past bij de vraag.")
    code, lines = run(repo, capsys)
    assert code == 0, lines
    assert lines == ["Geschiedenis nagekeken tegen versie 1.0: 0 waarschuwingen, 0 fouten."]


def test_a_renamed_dilemma_without_a_note_is_a_warning(repo: Path, capsys: Capsys) -> None:
    _assert_unmentioned(repo, RENAMED)
    new = repo / "dilemmas" / "meningsverschil-hoger-neerleggen.md"
    (repo / "dilemmas" / f"{RENAMED}.md").rename(new)  # not even added to git
    edit(new, "history:\n", f"aliases: [{RENAMED}]\nhistory:\n")
    code, lines = run(repo, capsys)
    assert code == 0
    assert located(lines, "waarschuwing: ") == [("dilemmas/meningsverschil-hoger-neerleggen.md", "history")]
    assert f"hernoemd sinds versie 1.0 (de oude naam was {RENAMED}) zonder notitie" in lines[0]
    assert located(lines, "fout: ") == []


def test_a_history_version_that_is_not_a_release_is_an_error(
    repo: Path, capsys: Capsys
) -> None:
    add_note(repo / CHANGED, "Iets.")
    edit(repo / CHANGED, '  - version: "1.0"', '  - version: "9.9"')
    code, lines = run(repo, capsys)
    assert code == 1
    assert located(lines, "fout: ") == [(CHANGED, "history.version")]
    assert "'9.9' is geen uitgave van de gids" in lines[0]
    assert "Niet vergeleken met de laatste uitgave: los eerst de fouten hierboven op." in lines
    assert lines[-1] == "Inhoud nagekeken, geschiedenis niet vergeleken: 0 waarschuwingen, 1 fout."


def test_base_head_works_like_the_default(repo: Path, capsys: Capsys) -> None:
    edit(repo / CHANGED, "Je bent al jaren specialist", "Je bent al heel lang specialist")
    (repo / "dilemmas" / f"{REMOVED}.md").unlink()
    default_code, default_lines = run(repo, capsys)
    head_code, head_lines = run(repo, capsys, "--base", "HEAD")
    assert head_code == default_code == 1
    for prefix, expected in (
        ("waarschuwing: ", [(CHANGED, "history")]),
        ("fout: ", [(f"dilemmas/{REMOVED}.md", "bestand")]),
    ):
        assert located(head_lines, prefix) == located(default_lines, prefix) == expected
    assert head_lines[-1] == "Geschiedenis nagekeken tegen HEAD: 1 waarschuwing, 1 fout."
    result = check_history(repo, "HEAD")
    assert (result.base_label, result.base_version) == ("HEAD", None)


def test_an_unknown_base_stops_with_a_message(repo: Path, capsys: Capsys) -> None:
    code = main(["--root", str(repo), "--base", "bestaat-niet"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.startswith("Geschiedenis niet nagekeken: vergelijken met 'bestaat-niet' lukte niet: ")
    assert "Traceback" not in captured.err


def test_without_git_history_the_content_is_still_checked(
    tmp_path: Path, capsys: Capsys
) -> None:
    project = copy_project(tmp_path / "zip")
    code, lines = run(project, capsys)
    assert code == 0
    assert lines == [
        "Niet vergeleken met versie 1.0: geen git-geschiedenis gevonden.",
        "Inhoud nagekeken, geschiedenis niet vergeleken: 0 waarschuwingen, 0 fouten.",
    ]
    assert check_history(project).note == lines[0]


def test_git_is_asked_at_most_twice_besides_the_release_commits(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gids.history_check as history_check

    calls: list[tuple[str, ...]] = []
    real = history_check.run_git

    def counting(root: Path, *args: str) -> str:
        calls.append(args)
        return real(root, *args)

    monkeypatch.setattr(history_check, "run_git", counting)
    (repo / "dilemmas" / "een-nieuw-dilemma-uit-de-praktijk.md").write_text(NEW_DILEMMA, encoding="utf-8")
    edit(repo / CHANGED, "Je bent al jaren specialist", "Je bent al heel lang specialist")
    result = check_history(repo)
    assert len(result.warnings) == 2
    assert [args[0] for args in calls] == ["diff", "ls-files"]
