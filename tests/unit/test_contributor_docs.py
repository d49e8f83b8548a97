"""The contributor documentation (gids/contributor_docs.py) is generated from the
schema and stays true to it; the Bijdragen page also shows the catalogue of
messages."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT, GuideTree
from gids import load_guide, schema
from gids.contributor_docs import UnknownMarker, expand_markers, key_table, rules, template
from gids.messages import GROUPS, catalogue

CATALOGUE = catalogue()


@pytest.mark.parametrize(
    "kind, spec",
    [
        ("principe", schema.PRINCIPLE),
        ("dilemma", schema.DILEMMA),
        ("geschiedenis", schema.HISTORY_ENTRY),
        ("verwijdering", schema.REMOVAL),
        ("uitgave", schema.RELEASE),
    ],
)
def test_key_table_lists_every_key(kind: str, spec: schema.Schema) -> None:
    table = key_table(kind)
    for field in spec.fields:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{field.key}` |"))
        assert ("| ja |" in row) == field.required
        assert field.meaning in row


def test_template_of_a_dilemma_validates_once_filled_in(guide_tree: GuideTree) -> None:
    text = template(ROOT, "dilemma").replace("naam-van-een-principe", "luister-echt")
    guide_tree.write("dilemmas/nieuw-uit-sjabloon.md", text)
    guide, problems = load_guide(guide_tree.root)
    assert problems == []
    assert guide is not None
    dilemma = guide.dilemmas["nieuw-uit-sjabloon"]
    assert [s.heading for s in schema.SECTIONS] == [
        line[3:] for line in text.splitlines() if line.startswith("## ")
    ]
    assert dilemma.tension_ids == (schema.TENSION_IDS[0],)
    # Every key the schema knows is in the template, so contributors see them all.
    for field in schema.DILEMMA.fields:
        assert field.key in text or field.key == "aliases"


def test_template_of_a_principle_validates(guide_tree: GuideTree) -> None:
    guide_tree.write("principles/nieuw-uit-sjabloon.md", template(ROOT, "principe"))
    guide, problems = load_guide(guide_tree.root)
    assert problems == []
    assert guide is not None and "nieuw-uit-sjabloon" in guide.principles


def test_template_without_its_placeholder_filled_in_is_caught(guide_tree: GuideTree) -> None:
    guide_tree.write("dilemmas/nieuw-uit-sjabloon.md", template(ROOT, "dilemma"))
    _, problems = load_guide(guide_tree.root)
    assert [(p.key, "naam-van-een-principe" in p.message) for p in problems] == [("principles", True)]


def test_rules_name_the_fixed_values() -> None:
    text = rules()
    for value in (*schema.TENSION_IDS, *schema.DOMAINS, *(s.heading for s in schema.SECTIONS)):
        assert value in text
    assert str(schema.DESCRIPTION_MAX_LENGTH) in text


def test_markers_are_replaced() -> None:
    page = "Intro\n\n<!-- gids:sleutels dilemma -->\n\nMidden\n\n<!-- gids:sjabloon principe -->\n<!-- gids:regels -->\n"
    out = expand_markers(page, ROOT)
    assert "<!--" not in out
    assert "| `tensions` | ja |" in out
    assert 'title="sjablonen/principe.md"' in out
    assert out.startswith("Intro\n") and "\nMidden\n" in out


def test_unknown_marker_is_an_error() -> None:
    with pytest.raises(UnknownMarker):
        expand_markers("<!-- gids:sleutels onbekend -->\n", ROOT)


def test_text_after_a_marker_stays_its_own_paragraph() -> None:
    out = expand_markers("Voor.\n\n<!-- gids:sleutels dilemma -->\n\nNa de tabel.\n", ROOT)
    # A table swallows the next line unless a blank line ends it.
    assert "|\n\nNa de tabel.\n" in out


def test_meldingen_marker_is_replaced() -> None:
    out = expand_markers("Intro\n\n<!-- gids:meldingen -->\n\nEinde\n", ROOT)
    assert "<!--" not in out
    assert f"### {GROUPS[0]}" in out and next(iter(CATALOGUE.values())).example in out
    assert out.startswith("Intro\n") and out.endswith("\nEinde\n")


def test_bijdragen_page_has_the_catalogue() -> None:
    page = (ROOT / "docs" / "bijdragen.md").read_text(encoding="utf-8")
    assert "<!-- gids:meldingen -->" in page.splitlines()
