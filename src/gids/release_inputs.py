"""The inputs of ``make release`` (VERSION, TITLE, SUMMARY, DATE): what is
wrong with them, one Dutch sentence each, and ``Refused``, the way a
release says no."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from . import schema

#: What ``make release`` accepts as VERSION: ASCII digits only (``\d`` also
#: matches other scripts' digits), and short.
_VERSION_INPUT = re.compile(r"[0-9]+(?:\.[0-9]+)*", re.ASCII)
VERSION_MAX_LENGTH = 20
TITLE_MAX_LENGTH = 100
_DATE_INPUT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
#: Line and paragraph separators, and the controls that reorder text on
#: screen (so that it reads otherwise than it is).
_INVISIBLE = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Refused(Exception):
    """The release cannot be made; the message says why, in Dutch."""


def _shown(value: str, limit: int = 40) -> str:
    """An input as it can be quoted in a message: one line, not too long."""
    text = "".join(c if c.isprintable() else "?" for c in value[:limit])
    return text + ("…" if len(value) > limit else "")


def _text_problem(value: str, what: str, name: str, max_length: int, empty: str) -> str | None:
    if not value.strip():
        return f"{what} ({name}) is leeg; {empty}"
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        return f"{what} ({name}) bevat tekens die geen geldige tekst zijn (geen UTF-8); typ de tekst opnieuw"
    if any(unicodedata.category(c) == "Cc" or c in _INVISIBLE for c in value):
        return (
            f"{what} ({name}) bevat een regelovergang of een ander onzichtbaar teken; "
            "schrijf de tekst op één regel, zonder zulke tekens"
        )
    length = len(value.strip())
    if length > max_length:
        return f"{what} ({name}) is {length} tekens lang; houd het bij hoogstens {max_length} tekens"
    return None


def input_problems(version: str, title: str, summary: str, date: str | None = None) -> list[str]:
    """What is wrong with the inputs of ``make release``: one Dutch sentence
    each, in the order VERSION, TITLE, SUMMARY, DATE."""
    problems = []
    if not version.strip():
        problems.append("het versienummer (VERSION) is leeg; geef er een, zoals VERSION=1.1")
    elif len(version.strip()) > VERSION_MAX_LENGTH or not _VERSION_INPUT.fullmatch(version.strip()):
        problems.append(f"'{_shown(version.strip())}' is geen versienummer; gebruik cijfers met punten, zoals 1.1")
    problems += filter(
        None,
        [
            _text_problem(title, "de titel", "TITLE", TITLE_MAX_LENGTH, "geef de uitgave een korte titel"),
            _text_problem(
                summary,
                "de samenvatting",
                "SUMMARY",
                schema.DESCRIPTION_MAX_LENGTH,
                "zeg in één zin wat er nieuw is",
            ),
        ],
    )
    if date is not None and date.strip():
        try:
            parse_date(date)
        except Refused as refusal:
            problems.append(str(refusal))
    return problems


def parse_date(text: str) -> dt.date:
    """DATE as given (jjjj-mm-dd); ``Refused`` in Dutch when it is no date."""
    text = text.strip()
    if not _DATE_INPUT.fullmatch(text):
        raise Refused(f"'{_shown(text)}' is geen datum; schrijf DATE als jjjj-mm-dd, zoals 2026-03-01")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Refused(f"{text} bestaat niet in de kalender; kies een datum die bestaat") from None
