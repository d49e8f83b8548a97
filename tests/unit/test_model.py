"""The link graph: forward edges from front matter, inverted once into backlinks."""

from __future__ import annotations

from tests.helpers import GuideTree
from gids import load_guide


def _guide(tree: GuideTree):
    guide, problems = load_guide(tree.root)
    assert problems == []
    assert guide is not None
    return guide


def test_backlinks_list_the_dilemmas_that_invoke_a_principle(guide_tree: GuideTree) -> None:
    guide = _guide(guide_tree)
    backlinks = guide.dilemmas_of_principle(guide.principles["luister-echt"])
    # By title: "Dien je ..." before "Een signaal ...".
    assert [d.id for d in backlinks] == ["minister-of-samenleving", "signaal-uit-de-uitvoering"]
    assert [d.id for d in guide.dilemmas_of_principle(guide.principles["loyale-tegenspraak"])] == [
        "minister-of-samenleving"
    ]


def test_dilemmas_are_listed_by_title(guide_tree: GuideTree) -> None:
    guide_tree.write(
        "dilemmas/aaa-laatste-titel.md",
        guide_tree.read("dilemmas/minister-of-samenleving.md").replace(
            "title: Dien je de minister of de samenleving?", "title: Zo heet het laatste"
        ),
    )
    guide = _guide(guide_tree)
    titles = [d.title for d in guide.sorted_dilemmas()]
    assert titles == sorted(titles, key=str.casefold)
    assert titles[-1] == "Zo heet het laatste"


def test_a_dilemma_on_two_sides_is_in_both_tension_lists(guide_tree: GuideTree) -> None:
    guide = _guide(guide_tree)
    ids = {tid: [d.id for d in guide.dilemmas_of_tension(t)] for tid, t in guide.tensions.items()}
    assert ids == {
        "professie-politiek": ["signaal-uit-de-uitvoering"],
        "professie-maatschappij": ["signaal-uit-de-uitvoering"],
        "politiek-maatschappij": ["minister-of-samenleving"],
    }


def test_principles_follow_their_order_then_title(guide_tree: GuideTree) -> None:
    guide_tree.write(
        "principles/zonder-volgorde.md", "---\ntitle: Aaa zonder volgorde\ndescription: X.\n---\n\nTekst.\n"
    )
    guide = _guide(guide_tree)
    assert [p.id for p in guide.sorted_principles()] == ["loyale-tegenspraak", "luister-echt", "zonder-volgorde"]


def test_relations_and_addresses(guide_tree: GuideTree) -> None:
    guide = _guide(guide_tree)
    dilemma = guide.dilemmas["signaal-uit-de-uitvoering"]
    assert dilemma.url == "dilemmas/signaal-uit-de-uitvoering/"
    assert [p.url for p in guide.principles_of(dilemma)] == ["principes/luister-echt/"]
    # Tensions come in the triangle's fixed order, whatever the file says.
    assert [t.id for t in guide.tensions_of(dilemma)] == ["professie-politiek", "professie-maatschappij"]
    tension = guide.tensions["professie-politiek"]
    assert tension.url == "spanningen/professie-politiek/"
    assert [c.name for c in tension.corners] == ["Professie", "Politiek"]


def test_page_kinds(guide_tree: GuideTree) -> None:
    guide = _guide(guide_tree)
    assert guide.page_kind("principles/luister-echt.md") == "principle"
    assert guide.page_kind("dilemmas/minister-of-samenleving.md") == "dilemma"
    assert guide.page_kind("docs/spanningen/politiek-maatschappij.md") == "tension"
    assert guide.page_kind("docs/spanningen/index.md") == "triangle"
    assert guide.page_kind("docs/principes/index.md") == "principle-list"
    assert guide.page_kind("docs/dilemmas/index.md") == "dilemma-list"
    assert guide.page_kind("docs/index.md") is None
