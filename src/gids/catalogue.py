"""The messages of the check, by code: their Dutch texts and explanations.

Every problem the checks report carries a stable code (``onbekende-sleutel``);
its text is the template of that code in ``messages.yml`` with the values of
the case filled in, and the Bijdragen page explains it from the same entry.
``messages.yml`` is a data file that the redactie edits without Python.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .contract import DESCRIPTION_MAX_LENGTH, SECTIONS

FILE = "Het bestand"
KEYS = "De sleutels"
REFERENCES = "Namen en links"
TEXT = "De tekst"
VERSIONS = "Versies en uitgaven"
TRIANGLE = "De driehoek en de spanningen"
HISTORY_CHECK = "Notities en oude adressen"
SAFETY = "Code in de tekst"
LIKENESS = "Lijkt op een ander bestand"
#: The groups, in the order the Bijdragen page shows them.
GROUPS: tuple[str, ...] = (FILE, KEYS, REFERENCES, TEXT, SAFETY, VERSIONS, HISTORY_CHECK, LIKENESS, TRIANGLE)

#: Where the messages live.
CATALOGUE_FILE = Path(__file__).with_name("messages.yml")

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_SECTIONS = " - ".join(f"## {s.heading}" for s in SECTIONS)


def fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with each ``{name}`` replaced by its value (other braces,
    such as those of ``{: .klasse }``, stay as they are)."""
    return _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


@dataclass(frozen=True)
class Message:
    """One kind of message: its code, text and explanation."""

    code: str
    #: The group it is listed under on the Bijdragen page (one of ``GROUPS``).
    group: str
    #: The key as printed; ``(sleutel)`` stands for any key, ``## (kopje)``
    #: for any ``##`` heading of a dilemma.
    key: str
    #: The text, with ``{name}`` for each value a case fills in.
    template: str
    #: A real case: ``bestand``, ``regel``, ``sleutel`` (and ``voorvoegsel``
    #: for make check-history's lines), and the values of the template.
    example_values: Mapping[str, Any]
    #: What it means, and what to do about it, in plain Dutch.
    meaning: str
    fix: str

    def text(self, values: Mapping[str, Any]) -> str:
        return fill(self.template, values)

    @property
    def example(self) -> str:
        """The example as a full line, exactly as the check prints it."""
        values = self.example_values
        line = f"{values['bestand']}:{values['regel']}: {values['sleutel']}: {self.text(values)}"
        return f"{values['voorvoegsel']}: {line}" if "voorvoegsel" in values else line


class CatalogueError(Exception):
    """``messages.yml`` cannot be used; the message says why, in Dutch."""


_FIELDS = ("code", "groep", "sleutel", "melding", "betekenis", "wat-doe-je")


def load_catalogue(path: Path = CATALOGUE_FILE) -> dict[str, Message]:
    """The messages of ``path`` by code, in the file's order."""
    try:
        # libyaml where PyYAML has it: 0.01 s instead of 0.1 s, on every build.
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path.name} kan niet worden gelezen: {str(error).splitlines()[0]}") from None
    if not isinstance(entries, list):
        raise CatalogueError(f"{path.name} moet een lijst van meldingen zijn, elk beginnend met '- code:'")
    result: dict[str, Message] = {}
    for number, entry in enumerate(entries, start=1):
        missing = [f for f in _FIELDS if not isinstance(entry, dict) or not isinstance(entry.get(f), str)]
        if missing or not isinstance(entry.get("voorbeeld"), dict):
            raise CatalogueError(f"{path.name}: melding {number} mist tekst bij {', '.join(missing or ['voorbeeld'])}")
        if entry["groep"] not in GROUPS:
            raise CatalogueError(
                f"{path.name}: melding {number} heeft een onbekende groep '{entry['groep']}'; kies uit: {', '.join(GROUPS)}"
            )
        if entry["code"] in result:
            raise CatalogueError(f"{path.name}: de code '{entry['code']}' staat twee keer in de lijst (melding {number})")
        example = entry["voorbeeld"]
        unknown = [n for n in _PLACEHOLDER.findall(entry["melding"]) if n not in example]
        if unknown or not {"bestand", "regel", "sleutel"} <= example.keys():
            raise CatalogueError(
                f"{path.name}: het voorbeeld van melding {number} ({entry['code']}) mist een waarde voor: "
                f"{', '.join(unknown or ['bestand, regel en sleutel'])}"
            )

        def explain(text: str) -> str:
            return text.replace("{max}", str(DESCRIPTION_MAX_LENGTH)).replace("{kopjes}", _SECTIONS)

        result[entry["code"]] = Message(
            entry["code"], entry["groep"], entry["sleutel"], entry["melding"], example,
            explain(entry["betekenis"]), explain(entry["wat-doe-je"]),
        )  # fmt: skip
    return result


@functools.cache
def catalogue() -> dict[str, Message]:
    """The messages, read once, when first asked for."""
    return load_catalogue()


def text(code: str, values: Mapping[str, Any]) -> str:
    """The text of message ``code`` for a case with ``values``."""
    return catalogue()[code].text(values)
