"""Every message the check can print, explained for contributors.

The Bijdragen page shows this catalogue (``<!-- gids:meldingen -->``): per
message a real example line, what it means and what to do, in plain Dutch
(B1). The texts live in ``messages.yml`` beside this file, which the
redactie can edit without Python. The messages are those of the check of the content (``load_guide``:
``make check`` and the build) and those of ``make check-history``, which the
pipeline runs on every merge request. ``tests/unit/test_messages.py`` breaks
a guide in every way these checks know and asserts that each resulting line
is explained here, and that each entry here is produced by at least one of
those breakages.

A line and an entry match when their keys match and their messages have the
same *shape*: the same words once the values that differ from case to case
(quoted values, numbers, file paths, lists of names, and a few values the
validator prints without quotes) are replaced by placeholders. See ``shape``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import schema
from .problems import Problem


@dataclass(frozen=True)
class Message:
    """One kind of message, with a real example line."""

    #: The key as printed (``principles``, ``history.version``). Where the key
    #: itself varies: ``(sleutel)`` stands for any key, ``## (kopje)`` for any
    #: ``##`` heading of a dilemma.
    key: str
    #: A full line exactly as the check prints it: ``bestand:regel: sleutel: melding``.
    example: str
    #: What it means, in plain Dutch.
    meaning: str
    #: What to do about it, in plain Dutch.
    fix: str
    #: The group it is listed under on the Bijdragen page (one of ``GROUPS``).
    group: str

    def key_pattern(self) -> re.Pattern[str]:
        pattern = re.escape(self.key)
        pattern = pattern.replace(re.escape("(sleutel)"), ".+").replace(re.escape("(kopje)"), ".+")
        return re.compile(pattern)

    @property
    def generic(self) -> bool:
        """Whether the key is a placeholder rather than one fixed key."""
        return "(" in self.key

    def explains(self, problem: Problem) -> bool:
        """Whether this entry is the explanation of ``problem``."""
        example = parse_line(self.example)
        return bool(self.key_pattern().fullmatch(problem.key)) and shape(example.message) == shape(problem.message)


FILE = "Het bestand"
KEYS = "De sleutels"
REFERENCES = "Namen en links"
TEXT = "De tekst"
VERSIONS = "Versies en uitgaven"
TRIANGLE = "De driehoek en de spanningen"
HISTORY_CHECK = "Notities en oude adressen"
SAFETY = "Code in de tekst"
#: The groups, in the order the Bijdragen page shows them.
GROUPS: tuple[str, ...] = (FILE, KEYS, REFERENCES, TEXT, SAFETY, VERSIONS, HISTORY_CHECK, TRIANGLE)

_MAX = schema.DESCRIPTION_MAX_LENGTH
_SECTIONS = " - ".join(f"## {s.heading}" for s in schema.SECTIONS)

#: Where the explanations live: a data file the redactie edits without Python.
CATALOGUE_FILE = Path(__file__).with_name("messages.yml")


class CatalogueError(Exception):
    """``messages.yml`` cannot be used; the message says why, in Dutch."""


_FIELDS = ("groep", "sleutel", "voorbeeld", "betekenis", "wat-doe-je")


def load_catalogue(path: Path = CATALOGUE_FILE) -> tuple[Message, ...]:
    """The explanations of ``path`` (see the comment at its top), with the
    contract's own values where it writes {max} and {kopjes}."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path.name} kan niet worden gelezen: {str(error).splitlines()[0]}") from None
    if not isinstance(entries, list):
        raise CatalogueError(f"{path.name} moet een lijst van meldingen zijn, elk beginnend met '- groep:'")
    for number, entry in enumerate(entries, start=1):
        missing = [f for f in _FIELDS if not isinstance(entry, dict) or not isinstance(entry.get(f), str)]
        if missing:
            raise CatalogueError(f"{path.name}: melding {number} mist tekst bij {', '.join(missing)}")
        if entry["groep"] not in GROUPS:
            raise CatalogueError(
                f"{path.name}: melding {number} heeft een onbekende groep '{entry['groep']}'; kies uit: {', '.join(GROUPS)}"
            )

    def fill(text: str) -> str:
        return text.replace("{max}", str(_MAX)).replace("{kopjes}", _SECTIONS)

    return tuple(
        Message(e["sleutel"], fill(e["voorbeeld"]), fill(e["betekenis"]), fill(e["wat-doe-je"]), e["groep"])
        for e in entries
    )


@functools.cache
def catalogue() -> tuple[Message, ...]:
    """The catalogue, read once, when first asked for."""
    return load_catalogue()


def __getattr__(name: str) -> object:
    # ``messages.CATALOGUE``: read when first used, not when imported, so that
    # a mistake in messages.yml gets its sentence where it is used.
    if name == "CATALOGUE":
        return catalogue()
    raise AttributeError(name)


# --- matching lines to entries ------------------------------------------------------

#: ``make check-history`` puts ``waarschuwing:`` or ``fout:`` before its lines.
_LINE = re.compile(r"^(?:(?:waarschuwing|fout): )?(?P<path>[^:]+):(?P<line>\d+): (?P<key>.+?): (?P<message>.+)$")


def parse_line(line: str) -> Problem:
    """Read a line as the check prints it (``bestand:regel: sleutel: melding``,
    perhaps after ``waarschuwing:`` or ``fout:``)."""
    match = _LINE.match(line)
    if not match:
        raise ValueError(f"not a message line: {line!r}")
    return Problem(match["path"], int(match["line"]), match["key"], match["message"])


#: Values that differ from case to case, in the order they are replaced.
_PLACEHOLDERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), placeholder)
    for pattern, placeholder in (
        # What schema.describe_value says was found instead.
        (
            r"(?<=er staat )(?:niets|een lijst|een groep sleutels|een ja/nee-waarde \(zo leest YAML woorden als yes, no, true en false\)"
            r"|het getal \S+?|de datum \S+?|'[^']*')(?=;|$)",
            "<waarde>",
        ),
        # The kind of thing a schema describes, and what a required key holds.
        (r"(?<=sleutel van een )[\w ]+?(?=\.)", "<soort>"),
        (r"(?<=een )[\w ]+?(?= heeft (?:hier|tekst) nodig)", "<soort>"),
        (r"(?<=heeft hier nodig: ).*\)$", "<uitleg>"),
        (r"(?<=hier hoort een lijst van )\w+", "<soort>"),
        (r"^\w+(?= \d+ moet sleutels hebben)", "<soort>"),
        (r"(?<=geen bestaand )\w+", "<soort>"),
        # Names printed without quotes.
        (r"(?<=de pagina over de spanning )[\w-]+", "<naam>"),
        (r"(?<=de naam van )[\w-]+(?= moet)", "<naam>"),
        (r"(?<=onbekende hoek )[^;]+", "<lijst>"),
        (r"(?<=de oude naam was )[\w-]+", "<naam>"),
        (r"(?<=^dit )\w+(?= is weggehaald)", "<soort>"),
        (r"(?<=dat dit )\w+(?= nieuw is)", "<soort>"),
        # Quoted values.
        (r"'[^']*'", "'…'"),
        (r'"[^"]*"', '"…"'),
        # A list of names after a colon, up to the end or a closing bracket.
        (r"(?<=: )(?:[\w.-]+(?:, [\w.-]+)*|nog geen)(?=\.?$|\))", "<lijst>"),
        # File paths and file names.
        (r"[\w.-]*(?:/[\w.-]*)+", "<pad>"),
        (r"[\w-]+\.md\b", "<pad>"),
        # Numbers: line numbers, lengths, versions.
        (r"\d+(?:\.\d+)*", "<getal>"),
    )
)


def shape(message: str) -> str:
    """A message with every value that varies replaced by a placeholder."""
    for pattern, placeholder in _PLACEHOLDERS:
        message = pattern.sub(placeholder, message)
    return message


def explain(problem: Problem | str) -> Message | None:
    """The catalogue entry that explains a problem (or a printed line).

    An entry for one fixed key comes before an entry for any key.
    """
    if isinstance(problem, str):
        problem = parse_line(problem)
    matches = [m for m in catalogue() if m.explains(problem)]
    matches.sort(key=lambda m: m.generic)
    return matches[0] if matches else None


# --- the Bijdragen page ----------------------------------------------------------------


def markdown() -> str:
    """The catalogue as markdown: per group a ``###`` heading, per message the
    example line, what it means and what to do.

    It ends with an empty line, so that whatever follows the marker on the
    page starts a block of its own."""
    parts = []
    for group in GROUPS:
        parts.append(f"### {group}")
        for message in catalogue():
            if message.group != group:
                continue
            parts.append(f"`{message.example}`")
            parts.append(f"**Wat betekent dit?** {message.meaning}")
            parts.append(f"**Wat doe je?** {message.fix}")
    return "\n\n".join(parts) + "\n"
