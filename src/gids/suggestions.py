"""Suggestions for probable typos: "Bedoel je ...?"."""

from __future__ import annotations

import difflib


def suggest(value: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The option closest to a probable typo, if any is close enough."""
    matches = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    if not matches:
        matches = [o for o in options if o.casefold() == value.casefold()]
    return matches[0] if matches else None


def suggest_one(value: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The option a probable typo of a fixed word stands for, only when it
    is clearly one: the same word in other capitals, or the closest by a
    margin. 'maatschappij' is as close to 'politiek-maatschappij' as to
    'professie-maatschappij': no suggestion then, only the choices."""
    same = [o for o in options if o.casefold() == value.casefold()]
    if same:
        return same[0]
    ratios = sorted(((difflib.SequenceMatcher(None, value, o).ratio(), o) for o in options), reverse=True)
    if not ratios or ratios[0][0] < 0.6:
        return None
    if len(ratios) > 1 and ratios[0][0] - ratios[1][0] < 0.1:
        return None
    return ratios[0][1]
