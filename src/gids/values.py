"""The value types of front-matter keys. Each checks a plain YAML value
and answers with Dutch sentences that say what is expected."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .contract import CORNER_IDS, Section, id_problem
from .suggestions import suggest_one

#: What is wrong with a value: a message code (messages.yml) and its values.
Issue = tuple[str, dict[str, Any]]

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

    def check(self, value: Any) -> list[Issue]:
        """What is wrong with ``value`` (empty when it is fine): message codes
        with their values (see messages.yml)."""
        raise NotImplementedError


@dataclass(frozen=True)
class Text(ValueType):
    """A single line or paragraph of text."""

    label: str = "tekst"
    max_length: int | None = None

    def check(self, value: Any) -> list[Issue]:
        if not isinstance(value, str):
            return [("geen-tekst", {"gevonden": describe_value(value)})]
        if not value.strip():
            return [("tekst-leeg", {})]
        if self.max_length is not None and len(value) > self.max_length:
            return [("tekst-te-lang", {"lengte": len(value), "grens": self.max_length})]
        return []


@dataclass(frozen=True)
class WholeNumber(ValueType):
    label: str = "heel getal"

    def check(self, value: Any) -> list[Issue]:
        if isinstance(value, bool) or not isinstance(value, int):
            return [("geen-heel-getal", {"gevonden": describe_value(value)})]
        return []


@dataclass(frozen=True)
class Version(ValueType):
    """A release number; quoted so that 1.10 does not become the number 1.1."""

    label: str = 'versienummer tussen aanhalingstekens, zoals "1.0"'

    def check(self, value: Any) -> list[Issue]:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return [("versie-aanhalingstekens", {"waarde": value})]
        if not isinstance(value, str) or not re.fullmatch(r"\d+(?:\.\d+)*", value.strip()):
            return [("geen-versie", {"gevonden": describe_value(value)})]
        return []


@dataclass(frozen=True)
class Date(ValueType):
    label: str = "datum als jjjj-mm-dd"

    def check(self, value: Any) -> list[Issue]:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return []
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value.strip())
                return []
            except ValueError:
                pass
        return [("geen-datum", {"gevonden": describe_value(value)})]


@dataclass(frozen=True)
class ListOf(ValueType):
    """A YAML list. Items are checked one by one (each has its own line)."""

    label: str = "lijst van teksten"
    item: ValueType = field(default_factory=Text)
    #: Whether the list must name at least one.
    required_items: bool = False
    #: When set, every item must be one of these.
    choices: tuple[str, ...] | None = None
    #: When set, every item must be a valid id.
    ids: bool = False
    #: When set, items refer to items of this kind (checked in validate.py).
    refers_to: str | None = None

    def check(self, value: Any) -> list[Issue]:
        if not isinstance(value, list):
            return [("geen-lijst", {"gevonden": describe_value(value)})]
        if not value and self.required_items:
            return [("minstens-een", {})]
        return []

    def check_item(self, value: Any) -> list[Issue]:
        """Check one item of the list."""
        problems = self.item.check(value)
        if problems or not isinstance(value, str):
            return problems
        if self.choices is not None and value not in self.choices:
            choices = {"waarde": value, "keuzes": ", ".join(self.choices)}
            meant = suggest_one(value, self.choices)
            return [("geen-keuze-bedoel", {**choices, "bedoeld": meant}) if meant else ("geen-keuze", choices)]
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

    def check(self, value: Any) -> list[Issue]:
        assert self.schema is not None
        if self.many and not isinstance(value, list):
            return [("geen-lijst-van", {"meervoud": self.schema.plural, "gevonden": describe_value(value)})]
        if not self.many and not isinstance(value, dict):
            return [("geen-groep", {"gevonden": describe_value(value)})]
        return []


@dataclass(frozen=True)
class CornerNames(ValueType):
    """The names of the three corners of the triangle."""

    label: str = "de namen van de drie hoeken: " + ", ".join(CORNER_IDS)

    def check(self, value: Any) -> list[Issue]:
        if not isinstance(value, dict):
            return [("hoeken-geen-groep", {"hoeken": ", ".join(CORNER_IDS)})]
        missing = [c for c in CORNER_IDS if c not in value]
        unknown = [str(k) for k in value if k not in CORNER_IDS]
        issues: list[Issue] = []
        if missing:
            issues.append(("hoek-naam-ontbreekt", {"hoeken": ", ".join(missing)}))
        if unknown:
            issues.append(("onbekende-hoek", {"naam": ", ".join(unknown), "hoeken": ", ".join(CORNER_IDS)}))
        for corner in CORNER_IDS:
            if corner in value and not (isinstance(value[corner], str) and value[corner].strip()):
                issues.append(("hoek-naam-geen-tekst", {"hoek": corner}))
        return issues


@dataclass(frozen=True)
class ItemRef(ValueType):
    """The id of a principle or dilemma (existence is checked in validate.py)."""

    label: str = "naam (id) van een principe of dilemma"

    def check(self, value: Any) -> list[Issue]:
        problems = Text().check(value)
        if problems:
            return problems
        problem = id_problem(value)
        return [problem] if problem else []


# --- the keys of a kind of file ---------------------------------------------------


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
