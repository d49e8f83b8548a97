"""The fixed parts of the content contract: what an id looks like, the
triangle's corners and tensions, the domains and a dilemma's four sections.
``schema.py`` declares the keys of each kind of file with these."""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- ids -------------------------------------------------------------------

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MIN_LENGTH = 3
ID_MAX_LENGTH = 60
# ``index`` would collide with the list page of its folder (/dilemmas/).
RESERVED_IDS = frozenset({"index"})
ID_RULE = (
    "alleen kleine letters a-z, cijfers en losse streepjes, "
    f"{ID_MIN_LENGTH} tot {ID_MAX_LENGTH} tekens, bijvoorbeeld loyale-tegenspraak"
)

DESCRIPTION_MAX_LENGTH = 200


def id_problem(value: str) -> tuple[str, dict[str, str]] | None:
    """What is wrong with an id, as a message code and its values, or
    ``None`` when it is valid."""
    if value in RESERVED_IDS:
        return "gereserveerde-naam", {"naam": value}
    if not (ID_MIN_LENGTH <= len(value) <= ID_MAX_LENGTH) or not ID_PATTERN.match(value):
        return "ongeldige-naam", {"naam": value, "regel_naam": ID_RULE}
    return None


# --- the triangle ----------------------------------------------------------


@dataclass(frozen=True)
class CornerSpec:
    """A corner of the Bewust-vakmanschap triangle (its id is fixed)."""

    id: str
    default_name: str


@dataclass(frozen=True)
class TensionSpec:
    """A side of the triangle: the tension between two corners."""

    id: str
    corners: tuple[str, str]
    summary: str


CORNERS: tuple[CornerSpec, ...] = (
    CornerSpec("professie", "Ambtelijke professie"),
    CornerSpec("politiek", "Politiek en minister"),
    CornerSpec("maatschappij", "Maatschappij"),
)

TENSIONS: tuple[TensionSpec, ...] = (
    TensionSpec(
        "professie-politiek",
        ("professie", "politiek"),
        "professionele opvatting tegenover politieke haalbaarheid",
    ),
    TensionSpec(
        "professie-maatschappij",
        ("professie", "maatschappij"),
        "inhoud tegenover draagvlak",
    ),
    TensionSpec(
        "politiek-maatschappij",
        ("politiek", "maatschappij"),
        "politieke agenda tegenover maatschappelijke belangen",
    ),
)

TENSION_IDS: tuple[str, ...] = tuple(t.id for t in TENSIONS)
CORNER_IDS: tuple[str, ...] = tuple(c.id for c in CORNERS)
DOMAINS: tuple[str, ...] = ("beleid", "uitvoering", "toezicht")


# --- dilemma sections ------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One of the four ``##`` sections of a dilemma; the anchor is public."""

    heading: str
    anchor: str
    holds: str
    #: The side of a printed card it is on: the case on the front, the
    #: conversation on the back (``front`` or ``back``).
    card_side: str


SECTIONS: tuple[Section, ...] = (
    Section("Situatie", "situatie", "de casus, concreet", "front"),
    Section("Spanning", "spanning", "wat trekt in welke richting, op welke zijde van de driehoek", "front"),
    Section("Gespreksvragen", "gespreksvragen", "vragen voor een gesprek of training", "back"),
    Section(
        "Handelingsperspectief",
        "handelingsperspectief",
        "manieren om te handelen, geen ervan het enige goede antwoord",
        "back",
    ),
)
