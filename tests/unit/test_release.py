"""The release command (gids/release.py): stamps unreleased entries, moves
the upcoming removals into the release record, checks the result before it
writes, and refuses clearly when it should."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gids import load_guide
from gids import release_edit
from gids.release import Refused, main, make_release
from tests.helpers import GuideTree

DATE = dt.date(2026, 3, 1)
PRINCIPLE = "principles/luister-echt.md"
DILEMMA = "dilemmas/minister-of-samenleving.md"
CHANGELOG = "docs/versies.md"


def note(tree: GuideTree, path: str, entries: str) -> None:
    tree.replace(path, "\n---\n\n", f"\nhistory:\n{entries}\n---\n\n")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below ``root``, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_stamps_unreleased_entries_and_records_the_release(guide_tree: GuideTree) -> None:
    note(guide_tree, PRINCIPLE, '  - version: "1.0"\n    note: Eerste versie.\n  - note: Voorbeeld toegevoegd.')
    note(guide_tree, DILEMMA, "  - note: 'Nieuwe vraag: hoe ver ga je?'\n    date: 2026-02-20")

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
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = guide_tree.read(PRINCIPLE)
    with pytest.raises(Refused, match=says):
        make_release(guide_tree.root, version, "Titel", "Samenvatting.", DATE)
    assert guide_tree.read(PRINCIPLE) == before


def test_refuses_when_there_is_nothing_to_release(guide_tree: GuideTree) -> None:
    with pytest.raises(Refused, match="er is niets om uit te brengen"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)


def test_refuses_while_the_content_has_problems(guide_tree: GuideTree) -> None:
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    guide_tree.replace(DILEMMA, "domains: [beleid]", "domains: [handhaving]")
    with pytest.raises(Refused, match=f"{DILEMMA}:6: domains"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)


def test_command_line_says_what_happened(guide_tree: GuideTree, capsys: pytest.CaptureFixture[str]) -> None:
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    args = ["1.1", "Titel", "Samenvatting.", "--date", "2026-03-01", "--root", str(guide_tree.root)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Versie 1.1 is klaar: 1 wijziging(en)" in out and "git commit" in out and "v1.1" in out
    assert main(args) == 1
    assert "Geen nieuwe versie gemaakt: versie 1.1 bestaat al" in capsys.readouterr().err


def test_the_environment_gives_the_inputs(
    guide_tree: GuideTree, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make release` passes them so; arguments, when given, come first."""
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    title = "Met `backticks`, $(touch x), \"dubbel\" en 'enkel' $HOME"
    for name, value in {"VERSION": "1.1", "TITLE": title, "SUMMARY": "Kort.", "DATE": "2026-03-02"}.items():
        monkeypatch.setenv(f"GIDS_RELEASE_{name}", value)
    assert main(["--root", str(guide_tree.root)]) == 0, capsys.readouterr().err
    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None
    release = guide.releases[0]
    assert (release.version, release.title, release.summary, release.date) == ("1.1", title, "Kort.", dt.date(2026, 3, 2))


def test_a_result_that_would_not_validate_changes_nothing(
    guide_tree: GuideTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = snapshot(guide_tree.root)
    real_record = release_edit._record
    monkeypatch.setattr(
        release_edit, "_record", lambda **kwargs: [*real_record(**kwargs), "    domains: [handhaving]"]
    )
    with pytest.raises(Refused, match="de uitgave zou deze problemen geven, dus er is niets veranderd"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert snapshot(guide_tree.root) == before
