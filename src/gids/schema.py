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
from dataclasses import dataclass

# The fixed parts and the value types belong to the contract too: callers
# find them here, as `schema.TENSION_IDS` or `schema.Text`.
from .contract import (  # noqa: F401
    CORNER_IDS,
    CORNERS,
    DESCRIPTION_MAX_LENGTH,
    DOMAINS,
    ID_MAX_LENGTH,
    ID_MIN_LENGTH,
    ID_PATTERN,
    ID_RULE,
    RESERVED_IDS,
    SECTIONS,
    TENSION_IDS,
    TENSIONS,
    CornerSpec,
    Section,
    TensionSpec,
    id_problem,
)
from .values import (  # noqa: F401
    CornerNames,
    Field,
    Schema,
    Date,
    ItemRef,
    ListOf,
    Nested,
    Text,
    ValueType,
    Version,
    WholeNumber,
    describe_value,
)


# --- fields and schemas ----------------------------------------------------


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
            ListOf(label="lijst van principes (ids), minstens één", ids=True, required_items=True, refers_to="principle"),
            True,
            "de principes die hier spelen: de bestandsnamen uit de map principles/, zonder .md",
            ["naam-van-een-principe"],
        ),
        Field(
            "tensions",
            ListOf(
                label="lijst van spanningen, minstens één: " + ", ".join(TENSION_IDS),
                choices=TENSION_IDS,
                required_items=True,
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
