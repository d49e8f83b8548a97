"""The contributor documentation (gids/contributor_docs.py) is generated from the
schema and stays true to it; the reference page of Bijdragen also shows the
catalogue of messages, and the start page how to reach the redactie, from
the configuration."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT, GuideTree
from gids import load_guide, schema
from gids.contributor_docs import UnknownMarker, expand_markers, key_table, rules, template
from gids.messages import GROUPS, catalogue

CATALOGUE = catalogue()
PAGES = ROOT / "docs" / "bijdragen"


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


def test_the_reference_page_has_the_catalogue_and_the_rules() -> None:
    page = (PAGES / "naslag.md").read_text(encoding="utf-8").splitlines()
    for marker in ("meldingen", "regels", "sleutels principe", "sleutels dilemma", "sjabloon dilemma", "sjabloon principe"):
        assert f"<!-- gids:{marker} -->" in page, marker


@pytest.mark.parametrize("name", ["index.md", "naslag.md", "redactie.md"])
def test_every_marker_of_the_bijdragen_pages_is_known(name: str) -> None:
    page = (PAGES / name).read_text(encoding="utf-8")
    assert "<!--" not in expand_markers(page, ROOT, "redactie@example.org")


def test_the_redactie_marker_gives_a_mail_link_to_the_configured_address() -> None:
    out = expand_markers("Vraag?\n\n<!-- gids:redactie -->\n\nEinde\n", ROOT, "redactie@voorbeeld.nl")
    assert "[redactie@voorbeeld.nl](mailto:redactie@voorbeeld.nl)" in out
    assert out.startswith("Vraag?\n\n") and out.endswith("\n\nEinde\n")


def test_without_an_address_the_redactie_marker_points_to_the_footer() -> None:
    out = expand_markers("<!-- gids:redactie -->\n", ROOT)
    assert "mailto:" not in out and "onderaan elke pagina" in out


@pytest.mark.parametrize(
    "email", ["x](javascript:alert(1)) [y", "<b>redactie@x.nl</b>", "geen adres", 42, ["a@b.nl"], "a@b.nl\n## Kop"]
)
def test_an_address_a_mail_link_cannot_carry_points_to_the_footer(email: object) -> None:
    out = expand_markers("<!-- gids:redactie -->\n", ROOT, email)  # type: ignore[arg-type]
    assert "mailto:" not in out and "onderaan elke pagina" in out


def test_the_start_page_takes_the_redactie_address_from_the_configuration() -> None:
    page = (PAGES / "index.md").read_text(encoding="utf-8")
    assert "<!-- gids:redactie -->" in page.splitlines()
    # Not typed in: the address is configured once (mkdocs.yml, extra.redactie).
    assert "@" not in page and "mailto:" not in page


def test_the_figures_of_the_start_page_say_what_they_show() -> None:
    for figure in sorted((PAGES / "figuren").glob("*.svg")):
        text = figure.read_text(encoding="utf-8")
        assert 'role="img"' in text and "<title" in text, figure.name
    start = (PAGES / "index.md").read_text(encoding="utf-8")
    figures = re.findall(r"!\[([^\]]*)\]\(figuren/([a-z-]+\.svg)\)\{[^}]*width=\"\d+\" height=\"\d+\"", start)
    assert len(figures) == 3, "one for each way in, sized (no shift as it loads)"
    assert all(alt.strip() and (PAGES / "figuren" / name).is_file() for alt, name in figures)
