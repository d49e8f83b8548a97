"""Checking front matter against its schema (gids/frontmatter.py): a typo in
a required key is reported once, as a typo, and history entries are read with
their versions."""

from __future__ import annotations

from tests.helpers import GuideTree
from gids import load_guide

DILEMMA = "dilemmas/minister-of-samenleving.md"
PRINCIPLE = "principles/luister-echt.md"


def test_released_history_is_accepted(guide_tree: GuideTree) -> None:
    guide_tree.replace(PRINCIPLE, "order: 2", 'order: 2\nhistory:\n  - version: "1.0"\n    date: 2024-03-01\n    note: Eerste versie.\n  - note: Voorbeeld toegevoegd.')
    guide, problems = load_guide(guide_tree.root)
    assert problems == []
    assert guide is not None
    history = guide.principles["luister-echt"].history
    assert [(h.version, h.note, h.released) for h in history] == [
        ("1.0", "Eerste versie.", True),
        (None, "Voorbeeld toegevoegd.", False),
    ]


def test_typo_in_required_key_is_reported_once(guide_tree: GuideTree) -> None:
    guide_tree.replace(DILEMMA, "tensions:", "tensons:")
    _, problems = load_guide(guide_tree.root)
    assert [str(p) for p in problems] == [
        f"{DILEMMA}:5: tensons: 'tensons' is geen sleutel van een dilemma. Bedoel je 'tensions'?"
    ]
