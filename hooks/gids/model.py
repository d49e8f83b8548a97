"""The guide as plain objects: principles, dilemmas, tensions and their links.

The link graph is built once: forward edges come from the typed front-matter
fields of each dilemma; they are inverted once into backlinks. Templates read
only these objects and never the raw front matter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import schema


@dataclass(frozen=True)
class HistoryEntry:
    note: str
    version: str | None = None
    date: dt.date | None = None
    line: int = 0

    @property
    def released(self) -> bool:
        return self.version is not None


@dataclass
class Item:
    """What principles and dilemmas share."""

    id: str
    #: Source path relative to the project root (``principles/x.md``).
    path: str
    title: str
    description: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    history: tuple[HistoryEntry, ...] = ()

    content_type = schema.PRINCIPLES

    @property
    def url(self) -> str:
        """The public address, relative to the site root (``principes/x/``)."""
        return self.content_type.address.format(id=self.id)


@dataclass
class Principle(Item):
    order: int | None = None

    content_type = schema.PRINCIPLES

    @property
    def sort_key(self) -> tuple[bool, int, str]:
        # Principles with an order come first, in that order; then by title.
        return (self.order is None, self.order or 0, self.title.casefold())


@dataclass
class Dilemma(Item):
    principle_ids: tuple[str, ...] = ()
    tension_ids: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    source: str | None = None

    content_type = schema.DILEMMAS

    @property
    def sort_key(self) -> str:
        return self.title.casefold()


@dataclass(frozen=True)
class Corner:
    id: str
    name: str


@dataclass
class Tension:
    id: str
    path: str
    title: str
    description: str
    corners: tuple[Corner, Corner]
    summary: str

    @property
    def url(self) -> str:
        return schema.TENSION_ADDRESS.format(id=self.id)


@dataclass
class Guide:
    """All content of the guide, validated, with its link graph."""

    principles: dict[str, Principle]
    dilemmas: dict[str, Dilemma]
    #: In the fixed order of the schema.
    tensions: dict[str, Tension]
    corners: dict[str, Corner]
    #: Source paths of the pages that are not items but show the guide's
    #: structure, by kind: ``triangle``, ``principle-list``, ``dilemma-list``.
    structure_pages: dict[str, str] = field(default_factory=dict)
    _by_principle: dict[str, list[Dilemma]] = field(default_factory=dict, repr=False)
    _by_tension: dict[str, list[Dilemma]] = field(default_factory=dict, repr=False)
    _by_path: dict[str, Principle | Dilemma | Tension] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        items: list[Principle | Dilemma | Tension] = [
            *self.principles.values(),
            *self.dilemmas.values(),
            *self.tensions.values(),
        ]
        self._by_path = {item.path: item for item in items}
        self._by_principle = {pid: [] for pid in self.principles}
        self._by_tension = {tid: [] for tid in self.tensions}
        for dilemma in self.sorted_dilemmas():
            for pid in dilemma.principle_ids:
                self._by_principle.setdefault(pid, []).append(dilemma)
            for tid in dilemma.tension_ids:
                self._by_tension.setdefault(tid, []).append(dilemma)

    def sorted_principles(self) -> list[Principle]:
        return sorted(self.principles.values(), key=lambda p: p.sort_key)

    def sorted_dilemmas(self) -> list[Dilemma]:
        return sorted(self.dilemmas.values(), key=lambda d: d.sort_key)

    def principles_of(self, dilemma: Dilemma) -> list[Principle]:
        """The principles a dilemma invokes, in the order it names them."""
        return [self.principles[pid] for pid in dilemma.principle_ids]

    def tensions_of(self, dilemma: Dilemma) -> list[Tension]:
        """The tensions of a dilemma, in the triangle's fixed order."""
        return [t for tid, t in self.tensions.items() if tid in dilemma.tension_ids]

    def dilemmas_of_principle(self, principle: Principle) -> list[Dilemma]:
        """Backlinks: the dilemmas that invoke a principle, by title."""
        return self._by_principle.get(principle.id, [])

    def dilemmas_of_tension(self, tension: Tension) -> list[Dilemma]:
        return self._by_tension.get(tension.id, [])

    def by_path(self, path: str) -> Principle | Dilemma | Tension | None:
        """The principle, dilemma or tension whose source file is ``path``."""
        return self._by_path.get(path)

    def page_kind(self, path: str) -> str | None:
        """What a source file is in the guide: ``principle``, ``dilemma``,
        ``tension``, ``triangle``, ``principle-list``, ``dilemma-list``, or
        ``None`` for an ordinary page."""
        item = self._by_path.get(path)
        if item is not None:
            return PAGE_KINDS[type(item)]
        return next((kind for kind, p in self.structure_pages.items() if p == path), None)


PAGE_KINDS: dict[type, str] = {Principle: "principle", Dilemma: "dilemma", Tension: "tension"}
