"""The content model of the gids Ambtelijk vakmanschap.

Plain Python, no MkDocs: parsing, validation against the content contract,
the link graph. The MkDocs hooks in ``hooks/`` are thin adapters over it, so
the engine can be replaced without touching this package.
"""

from __future__ import annotations

from .model import Corner, Dilemma, Guide, HistoryEntry, Principle, Tension
from .problems import Problem, report
from .validate import load_guide

__all__ = [
    "Corner",
    "Dilemma",
    "Guide",
    "HistoryEntry",
    "Principle",
    "Problem",
    "Tension",
    "load_guide",
    "report",
]
