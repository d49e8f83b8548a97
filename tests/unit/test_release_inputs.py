"""The inputs of ``make release`` (gids/release_inputs.py): each unusable
VERSION, TITLE, SUMMARY or DATE gets one Dutch sentence and changes nothing,
and every problem with them is named at once."""

from __future__ import annotations

import pytest

from gids.release import main
from tests.helpers import GuideTree
from tests.unit.test_release import PRINCIPLE, note, snapshot

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
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    before = snapshot(guide_tree.root)
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
    assert snapshot(guide_tree.root) == before


def test_every_problem_with_the_inputs_is_named_at_once(
    guide_tree: GuideTree, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["", "", "", "--date", "2026-13-01", "--root", str(guide_tree.root)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Geen nieuwe versie gemaakt:"
    assert [line.split(" (")[0] for line in lines[1:4]] == ["het versienummer", "de titel", "de samenvatting"]
    assert lines[4].startswith("2026-13-01 bestaat niet in de kalender")
    assert lines[5].startswith("Gebruik: make release VERSION=1.1")
