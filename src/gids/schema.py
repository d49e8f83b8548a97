"""The content contract of the guide, declared once.

Everything a contributor writes is described here: the folders, the ids, the
front-matter keys with their types, the four sections of a dilemma and the
fixed ids of the triangle. Validation (``validate.py``), the contributor
documentation (``contributor_docs.py``) and the error messages all read these
declarations, so a key added here is checked, documented and explained at once.

Texts meant for contributors are Dutch; identifiers are English.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

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


def id_problem(value: str) -> str | None:
    """Say in Dutch what is wrong with an id, or ``None`` when it is valid."""
    if value in RESERVED_IDS:
        return f"'{value}' is gereserveerd voor de lijstpagina; kies een andere naam"
    if not (ID_MIN_LENGTH <= len(value) <= ID_MAX_LENGTH) or not ID_PATTERN.match(value):
        return f"'{value}' is geen geldige naam: {ID_RULE}"
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


SECTIONS: tuple[Section, ...] = (
    Section("Situatie", "situatie", "de casus, concreet"),
    Section("Spanning", "spanning", "wat trekt in welke richting, op welke zijde van de driehoek"),
    Section("Gespreksvragen", "gespreksvragen", "vragen voor een gesprek of training"),
    Section(
        "Handelingsperspectief",
        "handelingsperspectief",
        "manieren om te handelen, geen ervan het enige goede antwoord",
    ),
)


# --- value types -----------------------------------------------------------
# Each type checks a plain YAML value and answers with Dutch sentences that say
# what is expected. References to other items (principle ids) are only
# declared here; they need the whole guide and are resolved in validate.py.


def describe_value(value: Any) -> str:
    """Name a YAML value the way a contributor would recognise it."""
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return "een ja/nee-waarde (zo leest YAML woorden als yes, no, true en false)"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"de datum {value.isoformat()}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep sleutels"
    text = str(value)
    # A value can be anything a contributor typed, thousands of characters too.
    return f"'{text[:50]}…'" if len(text) > 60 else f"'{text}'"


@dataclass(frozen=True)
class ValueType:
    """Base class of the value types of front-matter keys."""

    #: How the documentation names the type.
    label: str = "tekst"

    def check(self, value: Any) -> list[str]:
        """Return what is wrong with ``value`` (empty when it is fine)."""
        raise NotImplementedError


@dataclass(frozen=True)
class Text(ValueType):
    """A single line or paragraph of text."""

    label: str = "tekst"
    max_length: int | None = None

    def check(self, value: Any) -> list[str]:
        if not isinstance(value, str):
            return [
                f"hier hoort tekst, maar er staat {describe_value(value)}; "
                "zet de tekst tussen aanhalingstekens"
            ]
        if not value.strip():
            return ["is leeg; vul hier tekst in"]
        if self.max_length is not None and len(value) > self.max_length:
            return [
                f"is {len(value)} tekens lang; maak de tekst korter, "
                f"hoogstens {self.max_length} tekens"
            ]
        return []


@dataclass(frozen=True)
class WholeNumber(ValueType):
    label: str = "heel getal"

    def check(self, value: Any) -> list[str]:
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"hier hoort een heel getal, zoals 3, maar er staat {describe_value(value)}"]
        return []


@dataclass(frozen=True)
class Version(ValueType):
    """A release number; quoted so that 1.10 does not become the number 1.1."""

    label: str = 'versienummer tussen aanhalingstekens, zoals "1.0"'

    def check(self, value: Any) -> list[str]:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return [f'zet het versienummer tussen aanhalingstekens, zoals "{value}"']
        if not isinstance(value, str) or not re.fullmatch(r"\d+(?:\.\d+)*", value.strip()):
            return [f'hier hoort een versienummer zoals "1.0", maar er staat {describe_value(value)}']
        return []


@dataclass(frozen=True)
class Date(ValueType):
    label: str = "datum als jjjj-mm-dd"

    def check(self, value: Any) -> list[str]:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return []
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value.strip())
                return []
            except ValueError:
                pass
        return [f"hier hoort een datum als 2024-06-01, maar er staat {describe_value(value)}"]


@dataclass(frozen=True)
class ListOf(ValueType):
    """A YAML list. Items are checked one by one (each has its own line)."""

    label: str = "lijst van teksten"
    item: ValueType = field(default_factory=Text)
    min_items: int = 0
    #: When set, every item must be one of these.
    choices: tuple[str, ...] | None = None
    #: When set, every item must be a valid id.
    ids: bool = False
    #: When set, items refer to items of this kind (checked in validate.py).
    refers_to: str | None = None

    def check(self, value: Any) -> list[str]:
        if not isinstance(value, list):
            return [
                f"hier hoort een lijst, zoals [een, twee], maar er staat {describe_value(value)}"
            ]
        if len(value) < self.min_items:
            return ["noem er minstens één" if self.min_items == 1 else f"noem er minstens {self.min_items}"]
        return []

    def check_item(self, value: Any) -> list[str]:
        """Check one item of the list."""
        problems = self.item.check(value)
        if problems or not isinstance(value, str):
            return problems
        if self.choices is not None and value not in self.choices:
            return [f"'{value}' kan hier niet; kies uit: {', '.join(self.choices)}"]
        if self.ids:
            problem = id_problem(value)
            if problem:
                return [problem]
        return []


@dataclass(frozen=True)
class Nested(ValueType):
    """A group of keys (``many=False``), or a list of such groups, each
    checked against its own schema (a history entry, a release...)."""

    label: str = "groep sleutels"
    schema: Schema | None = None
    many: bool = True

    def check(self, value: Any) -> list[str]:
        assert self.schema is not None
        if self.many and not isinstance(value, list):
            return [f"hier hoort een lijst van {self.schema.plural}, maar er staat {describe_value(value)}"]
        if not self.many and not isinstance(value, dict):
            return [f"hier horen sleutels, zoals 'removed:', maar er staat {describe_value(value)}"]
        return []


@dataclass(frozen=True)
class CornerNames(ValueType):
    """The names of the three corners of the triangle."""

    label: str = "de namen van de drie hoeken: " + ", ".join(CORNER_IDS)

    def check(self, value: Any) -> list[str]:
        if not isinstance(value, dict):
            return [f"hier hoort voor elke hoek een naam ({', '.join(CORNER_IDS)})"]
        missing = [c for c in CORNER_IDS if c not in value]
        unknown = [str(k) for k in value if k not in CORNER_IDS]
        problems = []
        if missing:
            problems.append(f"de naam ontbreekt voor: {', '.join(missing)}")
        if unknown:
            problems.append(
                f"onbekende hoek {', '.join(unknown)}; de hoeken heten {', '.join(CORNER_IDS)}"
            )
        for corner in CORNER_IDS:
            if corner in value and not (isinstance(value[corner], str) and value[corner].strip()):
                problems.append(f"de naam van {corner} moet tekst zijn")
        return problems


# --- fields and schemas ----------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One front-matter key of a content type."""

    key: str
    type: ValueType
    required: bool
    #: What the key means, in contributors' Dutch.
    meaning: str
    #: The value the template for new content shows.
    example: Any = None


@dataclass(frozen=True)
class Schema:
    """The front-matter keys and body rules of one kind of file."""

    #: Dutch name of the kind, as in messages (``principe``).
    name: str
    fields: tuple[Field, ...]
    #: Dutch plural, as in "een lijst van wijzigingen".
    plural: str = ""
    #: The body must have exactly these ``##`` sections (empty: free body).
    sections: tuple[Section, ...] = ()
    body_required: bool = True

    @functools.cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


TITLE = Field("title", Text(), True, "de titel, kort", "")
DESCRIPTION = Field(
    "description",
    Text(label=f"tekst, hoogstens {DESCRIPTION_MAX_LENGTH} tekens", max_length=DESCRIPTION_MAX_LENGTH),
    True,
    "één zin, te zien in lijsten, zoekresultaten en voorbeelden van links",
    "",
)
TAGS = Field("tags", ListOf(), False, "vrije trefwoorden", ["trefwoord"])
ALIASES = Field(
    "aliases",
    ListOf(label="lijst van eerdere namen (ids)", ids=True),
    False,
    "eerdere namen van dit bestand: hun adressen blijven werken",
)
HISTORY_ENTRY = Schema(
    name="wijziging",
    plural="wijzigingen",
    fields=(
        Field(
            "version",
            Version(),
            False,
            "de uitgave van de gids waarin de wijziging verscheen; laat weg als die nog niet is uitgebracht",
            "1.0",
        ),
        Field("date", Date(), False, "de datum van de wijziging", dt.date(2024, 6, 1)),
        Field("note", Text(), True, "wat er veranderde en waarom, in één zin", "Voorbeeld uit de uitvoering toegevoegd."),
    ),
    body_required=False,
)

@dataclass(frozen=True)
class ItemRef(ValueType):
    """The id of a principle or dilemma (existence is checked in validate.py)."""

    label: str = "naam (id) van een principe of dilemma"

    def check(self, value: Any) -> list[str]:
        problems = Text().check(value)
        if problems:
            return problems
        problem = id_problem(value)
        return [problem] if problem else []


HISTORY = Field(
    "history",
    Nested(label="lijst van wijzigingen (zie hieronder)", schema=HISTORY_ENTRY),
    False,
    "wijzigingen die lezers moeten kunnen zien (zie Geschiedenis)",
)

PRINCIPLE = Schema(
    name="principe",
    fields=(
        Field(TITLE.key, TITLE.type, True, "het principe, kort", "Werk vanuit vertrouwen in burgers"),
        Field(
            DESCRIPTION.key,
            DESCRIPTION.type,
            True,
            DESCRIPTION.meaning,
            "Eén zin die zegt wat het principe vraagt.",
        ),
        Field("order", WholeNumber(), False, "plaats in de lijst van principes", 10),
        TAGS,
        ALIASES,
        HISTORY,
    ),
)

DILEMMA = Schema(
    name="dilemma",
    fields=(
        Field(
            TITLE.key,
            TITLE.type,
            True,
            "het dilemma als vraag of korte situatie",
            "Dien je de minister of de samenleving?",
        ),
        Field(
            DESCRIPTION.key,
            DESCRIPTION.type,
            True,
            DESCRIPTION.meaning,
            "Eén zin die zegt waar het dilemma over gaat.",
        ),
        Field(
            "principles",
            ListOf(label="lijst van principes (ids), minstens één", ids=True, min_items=1, refers_to="principle"),
            True,
            "de principes die hier spelen: de bestandsnamen uit de map principles/, zonder .md",
            ["naam-van-een-principe"],
        ),
        Field(
            "tensions",
            ListOf(
                label="lijst van spanningen, minstens één: " + ", ".join(TENSION_IDS),
                choices=TENSION_IDS,
                min_items=1,
            ),
            True,
            "waar het dilemma op de driehoek ligt",
            [TENSION_IDS[0]],
        ),
        Field(
            "domains",
            ListOf(label="lijst met " + ", ".join(DOMAINS), choices=DOMAINS),
            False,
            "het soort werk waarin het speelt",
            [DOMAINS[0]],
        ),
        TAGS,
        Field("source", Text(), False, "waar de casus vandaan komt (een publicatie, een sessie)", "Naam van de publicatie"),
        ALIASES,
        HISTORY,
    ),
    sections=SECTIONS,
)

REMOVAL = Schema(
    name="verwijdering",
    plural="verwijderingen",
    fields=(
        Field("principle", ItemRef(), False, "de naam van het verwijderde principe (of gebruik dilemma:)", None),
        Field("dilemma", ItemRef(), False, "de naam van het verwijderde dilemma (of gebruik principle:)", "oud-dilemma"),
        Field("title", Text(), False, "de titel die het had", "Een dilemma dat niet meer in de gids staat"),
        Field("reason", Text(), True, "waarom het weg is, in één zin", "Samengevoegd met een ander dilemma."),
        Field(
            "replaced_by",
            ItemRef(),
            False,
            "de naam van het principe of dilemma dat ervoor in de plaats kwam",
            "nieuw-dilemma",
        ),
        Field(
            "aliases",
            ListOf(label="lijst van eerdere namen (ids)", ids=True),
            False,
            "de oude namen die het verwijderde bestand had: ook die adressen blijven werken",
        ),
    ),
    body_required=False,
)
def _removed(meaning: str) -> Field:
    """The list of removals of a release, or of the coming one."""
    return Field("removed", Nested(label="lijst van verwijderingen (zie hieronder)", schema=REMOVAL), False, meaning)


#: A removal names exactly one of these keys.
REMOVAL_KINDS = ("principle", "dilemma")

RELEASE = Schema(
    name="uitgave",
    plural="uitgaven",
    fields=(
        Field("version", Version(), True, "het versienummer, tussen aanhalingstekens", "1.1"),
        Field("date", Date(), True, "de datum van de uitgave", dt.date(2026, 1, 1)),
        Field("title", Text(), True, "een korte titel van de uitgave", "Nieuwe dilemma's uit de uitvoering"),
        Field(
            "summary",
            Text(label=f"tekst, hoogstens {DESCRIPTION_MAX_LENGTH} tekens", max_length=DESCRIPTION_MAX_LENGTH),
            True,
            "een korte samenvatting voor lezers",
            "Drie nieuwe dilemma's en betere gespreksvragen.",
        ),
        _removed("principes en dilemma's die in deze uitgave verdwenen"),
    ),
    body_required=False,
)

UPCOMING = Schema(
    name="volgende uitgave",
    fields=(
        _removed("principes en dilemma's die zijn weggehaald maar nog niet uitgebracht"),
    ),
    body_required=False,
)

CHANGELOG_PAGE = Schema(
    name="versiepagina",
    fields=(
        Field(TITLE.key, TITLE.type, True, "de titel van de pagina", "Versies"),
        Field(DESCRIPTION.key, DESCRIPTION.type, True, DESCRIPTION.meaning, ""),
        Field(
            "upcoming",
            Nested(label="groep sleutels (removed:)", schema=UPCOMING, many=False),
            False,
            "wat in de volgende uitgave komt en niet bij een principe of dilemma staat: verwijderingen",
        ),
        Field(
            "releases",
            Nested(label="lijst van uitgaven (zie hieronder)", schema=RELEASE),
            False,
            "de uitgaven van de gids, de nieuwste bovenaan",
        ),
    ),
)

TENSION_PAGE = Schema(
    name="spanning",
    fields=(
        Field(TITLE.key, TITLE.type, True, "de naam van de spanning", "Professie en politiek"),
        Field(DESCRIPTION.key, DESCRIPTION.type, True, DESCRIPTION.meaning, ""),
    ),
)

TRIANGLE_PAGE = Schema(
    name="driehoek",
    fields=(
        Field(TITLE.key, TITLE.type, True, "de titel van de pagina", ""),
        Field(DESCRIPTION.key, DESCRIPTION.type, True, DESCRIPTION.meaning, ""),
        Field("corners", CornerNames(), True, "de namen van de drie hoeken van de driehoek", {}),
    ),
)


# --- folders and addresses -------------------------------------------------


@dataclass(frozen=True)
class ContentType:
    """A folder of items: where they live, their schema and their address."""

    folder: str
    schema: Schema
    #: The public address of an item, relative to the site root.
    address: str
    list_address: str


PRINCIPLES = ContentType("principles", PRINCIPLE, "principes/{id}/", "principes/")
DILEMMAS = ContentType("dilemmas", DILEMMA, "dilemmas/{id}/", "dilemmas/")
CONTENT_TYPES: tuple[ContentType, ...] = (PRINCIPLES, DILEMMAS)

#: Where the triangle and tension pages live inside the docs folder.
TENSIONS_FOLDER = "spanningen"
TENSION_ADDRESS = f"{TENSIONS_FOLDER}/{{id}}/"
#: The triangle page, inside the docs folder.
TRIANGLE_SOURCE = f"{TENSIONS_FOLDER}/index.md"
#: The changelog page (inside the docs folder) holds the releases.
CHANGELOG_ADDRESS = "versies/"
CHANGELOG_SOURCE = "versies.md"
#: The page where trainers compose session sets (inside the docs folder).
SESSION_SOURCE = "sessie.md"
