"""The content model of the gids Ambtelijk vakmanschap.

Plain Python, no MkDocs: parsing, validation against the content contract,
the link graph. The MkDocs hooks in ``hooks/`` are thin adapters over it, so
the engine can be replaced without touching this package.
"""

from __future__ import annotations

from .model import Change, Corner, Dilemma, Guide, HistoryEntry, Principle, Release, Removal, Tension
from .problems import Problem, report
from .judge import BodyJudge
from .validate import load_for_engine, load_guide

__all__ = [
    "BodyJudge",
    "Change",
    "Corner",
    "Dilemma",
    "Guide",
    "HistoryEntry",
    "Principle",
    "Problem",
    "Release",
    "Removal",
    "Tension",
    "load_for_engine",
    "load_guide",
    "report",
]
