"""The guide as plain objects: principles, dilemmas, tensions and their links.

The link graph is built once: forward edges come from the typed front-matter
fields of each dilemma; they are inverted once into backlinks. Templates read
only these objects and never the raw front matter.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from . import schema, wayfinding

#: Each dilemma section's side of a printed card, by its anchor.
_CARD_SIDES = {section.anchor: section.card_side for section in schema.SECTIONS}


@dataclass(frozen=True)
class HistoryEntry:
    note: str
    version: str | None = None
    date: dt.date | None = None
    line: int = 0

    @property
    def released(self) -> bool:
        return self.version is not None


def version_key(version: str) -> tuple[int, ...]:
    """Sort key of a version number: "1.10" comes after "1.9", and "1.0.0"
    is the same version as "1.0"."""
    parts = [int(part) for part in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


@dataclass(frozen=True)
class Removal:
    """A principle or dilemma that was taken out of the guide."""

    #: ``principle`` or ``dilemma``.
    kind: str
    id: str
    reason: str
    title: str | None = None
    replaced_by: str | None = None
    aliases: tuple[str, ...] = ()
    #: The release it was removed in; ``None`` while not yet released.
    version: str | None = None

    @property
    def content_type(self) -> schema.ContentType:
        return schema.PRINCIPLES if self.kind == "principle" else schema.DILEMMAS

    @property
    def url(self) -> str:
        """The address it had, where its tombstone page now stands."""
        return self.content_type.address.format(id=self.id)

    def alias_urls(self) -> list[str]:
        return [self.content_type.address.format(id=alias) for alias in self.aliases]


@dataclass(frozen=True)
class Release:
    """A published version of the guide."""

    version: str
    date: dt.date
    title: str
    summary: str
    removed: tuple[Removal, ...] = ()

    @property
    def anchor(self) -> str:
        return "versie-" + self.version.replace(".", "-")


@dataclass(frozen=True)
class Change:
    """One line of the changelog: an item that is new, changed or removed."""

    #: ``nieuw``, ``gewijzigd`` or ``verwijderd``.
    kind: str
    title: str
    url: str
    note: str
    date: dt.date | None = None
    #: ``principle`` or ``dilemma``: what changed.
    item: str = "dilemma"


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

    @functools.cached_property
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

    # Kept once made: the related dilemmas of each page compare about 200
    # titles at 2,000 dilemmas; all pages took 0.40 s so, 0.30 s with this.
    @functools.cached_property
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
    #: structure, by kind: ``triangle``, ``principle-list``, ``dilemma-list``,
    #: ``changelog``, ``session``.
    structure_pages: dict[str, str] = field(default_factory=dict)
    #: Newest first.
    releases: list[Release] = field(default_factory=list)
    #: Removed, not yet released.
    upcoming_removals: list[Removal] = field(default_factory=list)
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

    @staticmethod
    def card_side(anchor: str) -> str:
        """The side of a printed card (``front``, ``back``) that the section
        with this anchor goes on."""
        return _CARD_SIDES[anchor]

    def tensions_of(self, dilemma: Dilemma) -> list[Tension]:
        """The tensions of a dilemma, in the triangle's fixed order."""
        return [t for tid, t in self.tensions.items() if tid in dilemma.tension_ids]

    def dilemmas_of_principle(self, principle: Principle) -> list[Dilemma]:
        """Backlinks: the dilemmas that invoke a principle, by title."""
        return self._by_principle.get(principle.id, [])

    def dilemmas_of_tension(self, tension: Tension) -> list[Dilemma]:
        return self._by_tension.get(tension.id, [])

    def related_dilemmas(self, dilemma: Dilemma) -> list[wayfinding.Related[Dilemma]]:
        """The dilemmas that share most principles and tensions with ``dilemma``."""
        return wayfinding.related(dilemma, self._by_principle, self._by_tension)

    def neighbours_in_tensions(self, dilemma: Dilemma) -> list[tuple[Tension, wayfinding.Neighbours[Dilemma]]]:
        """For each of its tensions, the dilemmas before and after ``dilemma`` on the tension's page."""
        return [(t, wayfinding.neighbours(self._by_tension[t.id], dilemma)) for t in self.tensions_of(dilemma)]

    def by_path(self, path: str) -> Principle | Dilemma | Tension | None:
        """The principle, dilemma or tension whose source file is ``path``."""
        return self._by_path.get(path)

    def redirects(self) -> list[tuple[str, Principle | Dilemma | Removal]]:
        """Every earlier address with the page it now leads to: aliases of
        items lead to the item, aliases of removed items to the tombstone."""
        pairs: list[tuple[str, Principle | Dilemma | Removal]] = [
            (item.content_type.address.format(id=alias), item)
            for item in [*self.principles.values(), *self.dilemmas.values()]
            for alias in item.aliases
        ]
        pairs += [(url, removal) for removal in self.removals() for url in removal.alias_urls()]
        return pairs

    def removals(self) -> list[Removal]:
        """Every item ever removed, released or not: each keeps a tombstone."""
        return [*self.upcoming_removals, *(r for release in self.releases for r in release.removed)]

    @property
    def latest_release(self) -> Release | None:
        return self.releases[0] if self.releases else None

    def changes(self, version: str | None) -> dict[str, list[Change]]:
        """The changelog of one release (``None``: the coming version),
        grouped into nieuw, gewijzigd and verwijderd.

        An item's oldest history entry is when it came into the guide
        (nieuw); every later entry is a change (gewijzigd). Items without
        entries had only minor edits and are not listed.
        """
        groups: dict[str, list[Change]] = {"nieuw": [], "gewijzigd": [], "verwijderd": []}
        for item in [*self.sorted_principles(), *self.sorted_dilemmas()]:
            entries = sorted(item.history, key=_entry_order)
            for index, entry in enumerate(entries):
                if entry.version == version:
                    kind = "nieuw" if index == 0 else "gewijzigd"
                    what = PAGE_KINDS[type(item)]  # principle or dilemma
                    groups[kind].append(Change(kind, item.title, item.url, entry.note, entry.date, what))
        removed = self.upcoming_removals if version is None else next(
            (r.removed for r in self.releases if r.version == version), ()
        )
        for removal in removed:
            removed_item = Change("verwijderd", removal.title or removal.id, removal.url, removal.reason, item=removal.kind)
            groups["verwijderd"].append(removed_item)
        return groups

    def history_of(self, item: Principle | Dilemma) -> list[HistoryEntry]:
        """An item's history, newest first (unreleased entries on top)."""
        return sorted(item.history, key=_entry_order, reverse=True)

    def replacement_of(self, removal: Removal) -> Principle | Dilemma | None:
        items = self.principles if removal.kind == "principle" else self.dilemmas
        return items.get(removal.replaced_by) if removal.replaced_by else None

    def unreleased_count(self) -> int:
        return sum(len(changes) for changes in self.changes(None).values())

    def page_kind(self, path: str) -> str | None:
        """What a source file is in the guide: ``principle``, ``dilemma``,
        ``tension``, ``triangle``, ``principle-list``, ``dilemma-list``, or
        ``None`` for an ordinary page."""
        item = self._by_path.get(path)
        if item is not None:
            return PAGE_KINDS[type(item)]
        return next((kind for kind, p in self.structure_pages.items() if p == path), None)


def _entry_order(entry: HistoryEntry) -> tuple[bool, tuple[int, ...], dt.date]:
    # Released entries in release order, then unreleased ones; by date within.
    released = entry.version is not None
    return (not released, version_key(entry.version) if released else (), entry.date or dt.date.max)


PAGE_KINDS: dict[type, str] = {Principle: "principle", Dilemma: "dilemma", Tension: "tension"}
