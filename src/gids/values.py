"""The value types of front-matter keys. Each checks a plain YAML value
and answers with Dutch sentences that say what is expected."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .contract import CORNER_IDS, id_problem

if TYPE_CHECKING:
    from .schema import Schema

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
