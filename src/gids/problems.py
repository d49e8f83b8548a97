"""Content problems: what a contributor reads when the guide does not build."""

from __future__ import annotations

from dataclasses import dataclass


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
    #: What is expected, in plain Dutch.
    message: str

    def __post_init__(self) -> None:
        # One line each, whatever text of the file a key or message quotes
        # (a heading that runs over two lines, say); a quoted key stays short.
        key = " ".join(self.key.split())
        object.__setattr__(self, "key", key if len(key) <= 80 else key[:79] + "…")
        object.__setattr__(self, "message", " ".join(self.message.split()))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.message}"


def report(problems: list[Problem]) -> str:
    """All problems of a build as one text: a heading line, then one line each."""
    count = len(problems)
    noun = "probleem" if count == 1 else "problemen"
    lines = [f"De gids kan niet worden gebouwd: {count} {noun} in de inhoud. Los ze op en probeer het opnieuw."]
    lines += [str(p) for p in sorted(set(problems))]
    return "\n".join(lines)
