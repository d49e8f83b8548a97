"""'Bedoel je ...?' for a fixed word (gids/suggestions.py): only when the
word clearly stands for one of the choices."""

from __future__ import annotations

import pytest

from gids.suggestions import suggest_one

TENSIONS = ("professie-politiek", "professie-maatschappij", "politiek-maatschappij")
DOMAINS = ("beleid", "uitvoering", "toezicht")


@pytest.mark.parametrize(
    "value, options, meant",
    [
        ("Uitvoering", DOMAINS, "uitvoering"),
        ("TOEZICHT", DOMAINS, "toezicht"),
        ("beleidd", DOMAINS, "beleid"),
        ("politiek-maatschapij", TENSIONS, "politiek-maatschappij"),
        # As close to two sides of the triangle: no guess, only the choices.
        ("maatschappij", TENSIONS, None),
        ("professie-samenleving", TENSIONS, None),
        ("handhaving", DOMAINS, None),
        ("", DOMAINS, None),
    ],
)
def test_a_suggestion_only_where_the_word_clearly_means_one(value: str, options: tuple[str, ...], meant: str | None) -> None:
    assert suggest_one(value, options) == meant
