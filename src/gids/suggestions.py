"""Suggestions for probable typos: "Bedoel je ...?"."""

from __future__ import annotations

import difflib


def suggest(value: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The option closest to a probable typo, if any is close enough."""
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not matches:
        matches = [o for o in options if o.casefold() == value.casefold()]
    return matches[0] if matches else None
