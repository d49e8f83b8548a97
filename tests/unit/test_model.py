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


def _add_dilemma(tree: GuideTree, id: str, title: str, principles: str, tensions: str) -> None:
    tree.write(
        f"dilemmas/{id}.md",
        tree.read("dilemmas/minister-of-samenleving.md")
        .replace("title: Dien je de minister of de samenleving?", f"title: {title}")
        .replace("principles: [loyale-tegenspraak, luister-echt]", f"principles: [{principles}]")
        .replace("tensions: [politiek-maatschappij]", f"tensions: [{tensions}]"),
    )


def test_related_dilemmas_share_most_with_a_dilemma(guide_tree: GuideTree) -> None:
    _add_dilemma(guide_tree, "zelfde-principes", "Zelfde principes", "luister-echt, loyale-tegenspraak", "professie-politiek")
    _add_dilemma(guide_tree, "zelfde-spanning", "Zelfde spanning", "loyale-tegenspraak", "politiek-maatschappij")
    guide = _guide(guide_tree)
    related = guide.related_dilemmas(guide.dilemmas["minister-of-samenleving"])
    # Two principles, then a principle and the tension, then one principle.
    assert [(r.dilemma.id, r.principle_ids, r.tension_ids) for r in related] == [
        ("zelfde-principes", ("loyale-tegenspraak", "luister-echt"), ()),
        ("zelfde-spanning", ("loyale-tegenspraak",), ("politiek-maatschappij",)),
        ("signaal-uit-de-uitvoering", ("luister-echt",), ()),
    ]


def test_neighbours_follow_the_order_of_each_tension_page(guide_tree: GuideTree) -> None:
    _add_dilemma(guide_tree, "aaa-eerste", "Aaa eerste", "luister-echt", "professie-politiek")
    _add_dilemma(guide_tree, "zzz-laatste", "Zzz laatste", "luister-echt", "professie-maatschappij, professie-politiek")
    guide = _guide(guide_tree)
    dilemma = guide.dilemmas["signaal-uit-de-uitvoering"]
    places = guide.neighbours_in_tensions(dilemma)
    # One entry per tension, in the triangle's order, as each page lists them.
    assert [tension.id for tension, _ in places] == ["professie-politiek", "professie-maatschappij"]
    for tension, place in places:
        listed = guide.dilemmas_of_tension(tension)
        index = listed.index(dilemma)
        assert place.position == index + 1 and place.count == len(listed)
        assert place.previous is (listed[index - 1] if index else None)
        assert place.next is (listed[index + 1] if index + 1 < len(listed) else None)
    (_, politics), (_, society) = places
    assert (politics.previous.id, politics.next.id) == ("aaa-eerste", "zzz-laatste")
    assert (society.previous, society.next.id) == (None, "zzz-laatste")


def test_changes_say_whether_a_principle_or_a_dilemma_changed(guide_tree: GuideTree) -> None:
    for path in ("principles/luister-echt.md", "dilemmas/minister-of-samenleving.md"):
        guide_tree.replace(path, "\n---\n\n", '\nhistory:\n  - version: "1.0"\n    note: Opgenomen.\n---\n\n')
    guide = _guide(guide_tree)
    assert [(c.item, c.title) for c in guide.changes("1.0")["nieuw"]] == [
        ("principle", "Luister echt"),
        ("dilemma", "Dien je de minister of de samenleving?"),
    ]
