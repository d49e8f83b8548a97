"""Ways on from a dilemma: the dilemmas related to it, and the dilemmas
before and after it in a list (a tension's, as its page shows them).

Pure functions over the link graph that ``Guide`` builds once (its
backlinks by principle and by tension); the guide's methods
``related_dilemmas`` and ``neighbours_in_tensions`` call them. Of the
model's classes they know only the fields they read (``Linked``), so they
are tested with plain stand-ins.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

#: How many related dilemmas a dilemma page shows: enough to choose from,
#: few enough to read on a phone.
RELATED_LIMIT = 4


class Ordered(Protocol):
    """What finding an item in a sorted list reads of it."""

    @property
    def sort_key(self) -> str: ...


class Linked(Ordered, Protocol):
    """What ranking reads of a dilemma."""

    @property
    def id(self) -> str: ...

    @property
    def principle_ids(self) -> tuple[str, ...]: ...

    @property
    def tension_ids(self) -> tuple[str, ...]: ...


D = TypeVar("D", bound=Linked)
O = TypeVar("O", bound=Ordered)
T = TypeVar("T")


@dataclass(frozen=True)
class Related(Generic[D]):
    """A dilemma related to another, with what the two have in common."""

    dilemma: D
    #: The principles both invoke, in the order the first one names them.
    principle_ids: tuple[str, ...]
    #: The tensions both sit on, in the order the first one names them.
    tension_ids: tuple[str, ...]


def related(
    dilemma: D,
    by_principle: Mapping[str, Sequence[D]],
    by_tension: Mapping[str, Sequence[D]],
    limit: int = RELATED_LIMIT,
) -> list[Related[D]]:
    """The dilemmas that share a principle or a tension with ``dilemma``,
    at most ``limit``: the most in common first; with as much in common,
    more shared principles first (a principle is more specific than one of
    the three tensions); then by title (``sort_key``) and id, so that every
    build shows the same.

    ``by_principle`` and ``by_tension`` are the backlinks: the dilemmas of
    each principle and of each tension, each list by title (``sort_key``),
    as ``Guide`` builds them.
    """
    principle_ids = tuple(dict.fromkeys(dilemma.principle_ids))
    tension_ids = tuple(dict.fromkeys(dilemma.tension_ids))
    own_tensions = set(tension_ids)
    # Weighed as plain tuples, (-shared, -shared principles, title, id), and
    # only the few shown become Related: all pages of a guide of 2,000
    # dilemmas take 0.4 s so, 2 s when every pair became one.
    weighed: list[tuple[int, int, str, str]] = []
    dilemmas: dict[str, D] = {dilemma.id: dilemma}
    # Those sharing a principle are few (a principle's backlinks).
    in_principles: dict[str, int] = {}
    for pid in principle_ids:
        for other in by_principle.get(pid, ()):
            in_principles[other.id] = in_principles.get(other.id, 0) + 1
            dilemmas[other.id] = other
    in_principles.pop(dilemma.id, None)
    for oid, count in in_principles.items():
        other = dilemmas[oid]
        weighed.append((-count - len(own_tensions.intersection(other.tension_ids)), -count, other.sort_key, oid))
    # Those sharing only tensions are many: a tension holds about a third of
    # a large guide. Read in title order, they can stop at the `limit`-th
    # that shares every tension: none after it can rank higher.
    lists = [by_tension.get(tid, ()) for tid in tension_ids]
    in_title_order = lists[0] if len(lists) == 1 else heapq.merge(*lists, key=lambda d: d.sort_key)
    complete, last_title = 0, ""
    for other in in_title_order:
        if complete >= limit and other.sort_key != last_title:
            break
        if other.id in dilemmas:
            continue
        dilemmas[other.id] = other
        count = len(own_tensions.intersection(other.tension_ids))
        weighed.append((-count, 0, other.sort_key, other.id))
        if count == len(own_tensions):
            complete, last_title = complete + 1, other.sort_key
    return [
        Related(
            dilemmas[oid],
            tuple(p for p in principle_ids if p in dilemmas[oid].principle_ids),
            tuple(t for t in tension_ids if t in dilemmas[oid].tension_ids),
        )
        for *_, oid in heapq.nsmallest(limit, weighed)
    ]


@dataclass(frozen=True)
class Neighbours(Generic[T]):
    """Where an item stands in a list: the one before and the one after it."""

    previous: T | None
    next: T | None
    #: Its place in the list, counted from 1.
    position: int
    count: int


def neighbours(items: Sequence[O], item: O) -> Neighbours[O]:
    """The neighbours of ``item`` in ``items``, a list sorted by
    ``sort_key`` (a tension's dilemmas, by title). The first has no
    previous and the last no next: a list read from start to end, not a
    circle."""
    # Found by bisection: on each of thousands of dilemma pages, a scan of
    # its tension's list (a third of the guide) would add up.
    index = bisect.bisect_left(items, item.sort_key, key=lambda other: other.sort_key)
    while index < len(items) and items[index] is not item:
        index += 1  # past others with the same title
    if index == len(items):
        raise ValueError(f"not in the list: {item.sort_key!r}")
    previous = items[index - 1] if index > 0 else None
    following = items[index + 1] if index + 1 < len(items) else None
    return Neighbours(previous, following, index + 1, len(items))
