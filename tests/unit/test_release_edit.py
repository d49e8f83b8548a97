"""The new texts of a release (gids/release_edit.py), edited as text in
place: stamped history entries and the release record (the first one too)
keep a BOM, CRLF line endings and any one-line text exactly; an entry
written between braces is refused and nothing changes."""

from __future__ import annotations

import pytest

from gids import load_guide
from gids.release import Refused, make_release
from tests.helpers import GuideTree
from tests.unit.test_release import CHANGELOG, DATE, DILEMMA, PRINCIPLE, note


def test_keeps_bom_and_crlf(guide_tree: GuideTree) -> None:
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    raw = guide_tree.read(PRINCIPLE).replace("\n", "\r\n").encode("utf-8")
    guide_tree.write(PRINCIPLE, b"\xef\xbb\xbf" + raw)

    make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)

    data = (guide_tree.root / PRINCIPLE).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b'  - version: "1.1"\r\n    date: 2026-03-01\r\n    note: Aangepast.\r\n' in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_first_release_when_there_are_none(guide_tree: GuideTree) -> None:
    guide_tree.write(CHANGELOG, "---\ntitle: Versies\ndescription: Wat er veranderde.\n---\n\nTekst.\n")
    note(guide_tree, PRINCIPLE, "  - note: Opgenomen.")
    make_release(guide_tree.root, "1.0", "Eerste", "De eerste.", DATE)
    assert 'description: Wat er veranderde.\nreleases:\n  - version: "1.0"\n' in guide_tree.read(CHANGELOG)
    assert load_guide(guide_tree.root)[1] == []


def test_refuses_a_flow_style_entry_and_changes_nothing(guide_tree: GuideTree) -> None:
    note(guide_tree, PRINCIPLE, "  - note: Gewoon.")
    note(guide_tree, DILEMMA, "  - {note: Tussen accolades.}")
    before = {p: guide_tree.read(p) for p in (PRINCIPLE, DILEMMA, CHANGELOG)}
    with pytest.raises(Refused, match="accolades"):
        make_release(guide_tree.root, "1.1", "Titel", "Samenvatting.", DATE)
    assert {p: guide_tree.read(p) for p in before} == before


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
    note(guide_tree, PRINCIPLE, "  - note: Aangepast.")
    make_release(guide_tree.root, "1.1", title, title, DATE)
    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None
    assert (guide.releases[0].title, guide.releases[0].summary) == (title, title)
