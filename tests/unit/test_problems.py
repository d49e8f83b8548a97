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


def test_the_report_says_het_for_one_problem_and_ze_for_more() -> None:
    from gids.problems import report

    one = Problem("dilemmas/a.md", 3, "tensions", "geen-keuze", {"waarde": "x", "keuzes": "a, b"})
    two = Problem("dilemmas/b.md", 4, "tensions", "geen-keuze", {"waarde": "y", "keuzes": "a, b"})
    assert report([one]).splitlines()[0] == (
        "De gids kan niet worden gebouwd: 1 probleem in de inhoud. Los het op en probeer het opnieuw."
    )
    assert report([one, two]).splitlines()[0] == (
        "De gids kan niet worden gebouwd: 2 problemen in de inhoud. Los ze op en probeer het opnieuw."
    )
