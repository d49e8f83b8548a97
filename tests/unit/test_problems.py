"""A content problem (gids/problems.py) is one line for people, ``file:line:
key: message``, its text made from the code of its message; a code that is
not in the catalogue is a mistake in the code."""

from __future__ import annotations

import pytest

from gids import Problem


def test_problem_is_one_line() -> None:
    problem = Problem("dilemmas/a.md", 3, "tensions", "geen-keuze", {"waarde": "x", "keuzes": "a, b"})
    assert str(problem) == "dilemmas/a.md:3: tensions: 'x' kan hier niet; kies uit: a, b"


def test_an_unknown_code_is_a_mistake_in_the_code() -> None:
    with pytest.raises(KeyError):
        Problem("dilemmas/x.md", 3, "principles", "bestaat-niet", {})
