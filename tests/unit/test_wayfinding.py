"""Ways on from a dilemma (gids/wayfinding.py): related dilemmas ranked by
what they share, and the neighbours of an item in a sorted list. Plain
stand-ins for dilemmas: the functions read only their links and titles."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from gids.wayfinding import RELATED_LIMIT, Neighbours, neighbours, related


@dataclass(frozen=True)
class Stub:
    id: str
    principle_ids: tuple[str, ...] = ()
    tension_ids: tuple[str, ...] = ()
    title: str = ""

    @property
    def sort_key(self) -> str:
        return (self.title or self.id).casefold()


def backlinks(stubs: list[Stub]) -> tuple[dict[str, list[Stub]], dict[str, list[Stub]]]:
    """The link graph as Guide builds it: per principle and per tension, its
    dilemmas by title."""
    by_principle: dict[str, list[Stub]] = {}
    by_tension: dict[str, list[Stub]] = {}
    for stub in sorted(stubs, key=lambda s: s.sort_key):
        for pid in stub.principle_ids:
            by_principle.setdefault(pid, []).append(stub)
        for tid in stub.tension_ids:
            by_tension.setdefault(tid, []).append(stub)
    return by_principle, by_tension


def ranked(dilemma: Stub, stubs: list[Stub], limit: int = RELATED_LIMIT) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    by_principle, by_tension = backlinks(stubs)
    return [(r.dilemma.id, r.principle_ids, r.tension_ids) for r in related(dilemma, by_principle, by_tension, limit)]


HERE = Stub("here", ("p1", "p2"), ("t1", "t2"))


def test_the_more_a_dilemma_shares_the_higher_it_ranks() -> None:
    stubs = [
        HERE,
        Stub("one-tension", (), ("t1",)),
        Stub("everything", ("p1", "p2"), ("t1", "t2")),
        Stub("principle-and-tension", ("p2",), ("t2",)),
        Stub("nothing", ("p9",), ("t9",)),
    ]
    assert ranked(HERE, stubs) == [
        ("everything", ("p1", "p2"), ("t1", "t2")),
        ("principle-and-tension", ("p2",), ("t2",)),
        ("one-tension", (), ("t1",)),
    ]


def test_with_as_much_in_common_a_shared_principle_weighs_more_than_a_tension() -> None:
    # Both share two links; a principle is more specific than one of three tensions.
    stubs = [HERE, Stub("a-two-tensions", (), ("t1", "t2")), Stub("b-principle-and-tension", ("p1",), ("t1",))]
    assert [found for found, _, _ in ranked(HERE, stubs)] == ["b-principle-and-tension", "a-two-tensions"]


def test_ties_go_by_title_then_id_whatever_the_order_of_the_files() -> None:
    stubs = [
        HERE,
        Stub("c", ("p1",), (), "Bijna gelijk"),
        Stub("b", ("p1",), (), "Aan het begin"),
        Stub("a", ("p1",), (), "Bijna gelijk"),
    ]
    expected = ["b", "a", "c"]
    assert [found for found, _, _ in ranked(HERE, stubs)] == expected
    assert [found for found, _, _ in ranked(HERE, list(reversed(stubs)))] == expected


def test_at_most_the_limit_and_never_itself() -> None:
    stubs = [HERE, *(Stub(f"d{i:02}", ("p1",)) for i in range(10))]
    found = ranked(HERE, stubs)
    assert len(found) == RELATED_LIMIT == 4
    assert "here" not in [d for d, _, _ in found]
    assert [d for d, _, _ in ranked(HERE, stubs, limit=2)] == ["d00", "d01"]


def test_a_dilemma_that_shares_nothing_has_no_related() -> None:
    alone = Stub("alone", ("p5",), ("t3",))
    assert ranked(alone, [alone, HERE]) == []


def test_a_link_named_twice_counts_once() -> None:
    twice = Stub("twice", ("p1", "p1"), ("t1",))
    other = Stub("other", ("p1",), ())
    assert ranked(twice, [twice, other]) == [("other", ("p1",), ())]


ITEMS = [Stub(i, title=t) for i, t in [("a", "Alfa"), ("b", "Bravo"), ("c1", "Charlie"), ("c2", "Charlie"), ("d", "Delta")]]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("a", (None, "b", 1)),
        ("b", ("a", "c1", 2)),
        # Two with the same title: each is found itself, not the first of them.
        ("c1", ("b", "c2", 3)),
        ("c2", ("c1", "d", 4)),
        ("d", ("c2", None, 5)),
    ],
)
def test_neighbours_in_a_list_sorted_by_title(item: str, expected: tuple[str | None, str | None, int]) -> None:
    found = neighbours(ITEMS, next(s for s in ITEMS if s.id == item))
    assert isinstance(found, Neighbours)
    assert (found.previous and found.previous.id, found.next and found.next.id, found.position) == expected
    assert found.count == 5


def test_the_only_item_has_no_neighbours() -> None:
    only = ITEMS[0]
    assert neighbours([only], only) == Neighbours(None, None, 1, 1)


def test_an_item_not_in_the_list_is_refused() -> None:
    with pytest.raises(ValueError):
        neighbours(ITEMS[:2], Stub("b", title="Bravo"))  # equal, but another object
