"""Content problems: what a contributor reads when the guide does not build.

Each problem carries the code of its message (``catalogue.py``); its text is
that message's template with the values of the case filled in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import catalogue


@dataclass(frozen=True, order=True)
class Problem:
    """One violation of the content contract, located in a file."""

    #: Path relative to the project root, with forward slashes.
    path: str
    #: 1-based line in the file.
    line: int
    #: The front-matter key, or a word for the part of the file (``bestand``,
    #: ``## Situatie``, ``link``).
    key: str
    #: The message's code in ``messages.yml``.
    code: str = field(compare=False)
    #: The values its template is filled with.
    values: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    #: What is expected, in plain Dutch.
    message: str = field(init=False)

    def __post_init__(self) -> None:
        # One line each, whatever text of the file a key or message quotes
        # (a heading that runs over two lines, say); a quoted key stays short.
        key = " ".join(self.key.split())
        object.__setattr__(self, "key", key if len(key) <= 80 else key[:79] + "…")
        object.__setattr__(self, "message", " ".join(catalogue.text(self.code, self.values).split()))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.message}"


#: The part of a file the keys are in (what YAML calls front matter), named
#: in a message as a contributor sees it: the lines between the two ``---``.
HEADER = "gegevens bovenaan"


def problem(path: str, line: int, key: str, code: str, **values: Any) -> Problem:
    """The problem ``code`` at ``path``:``line``, ``key``, with these values."""
    return Problem(path, line, key, code, values)


def count(number: int, one: str, many: str) -> str:
    """``number`` with the singular or plural noun: "1 probleem", "2 problemen"."""
    return f"{number} {one if number == 1 else many}"


def report(problems: list[Problem]) -> str:
    """All problems of a build as one text: a heading line, then one line each."""
    them = "het" if len(problems) == 1 else "ze"
    lines = [
        f"De gids kan niet worden gebouwd: {count(len(problems), 'probleem', 'problemen')} in de inhoud. "
        f"Los {them} op en probeer het opnieuw."
    ]
    lines += [str(p) for p in sorted(set(problems))]
    return "\n".join(lines)
