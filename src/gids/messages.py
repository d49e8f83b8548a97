"""Every message the check can print, explained for contributors.

Each problem carries the code of its message; its explanation is found by
that code in ``messages.yml`` (``catalogue.py``), the data file that also
holds the message's text. The Bijdragen page shows the whole catalogue
(``<!-- gids:meldingen -->``): per message a real example line, what it
means and what to do, in plain Dutch (B1). The messages are those of the
check of the content (``load_guide``: ``make check`` and the build) and
those of ``make check-history``. ``tests/unit/test_messages.py`` breaks a
guide in every way these checks know and asserts that each entry is
produced by at least one of those breakages.
"""

from __future__ import annotations

from .catalogue import (  # noqa: F401 - the catalogue's names, where the Bijdragen page looks for them
    CATALOGUE_FILE,
    GROUPS,
    CatalogueError,
    Message,
    catalogue,
    load_catalogue,
)
from .problems import Problem


def explain(problem: Problem) -> Message | None:
    """The catalogue entry that explains ``problem``: the one of its code."""
    return catalogue().get(problem.code)


def markdown() -> str:
    """The catalogue as markdown: per group a ``###`` heading, per message the
    example line, what it means and what to do.

    It ends with an empty line, so that whatever follows the marker on the
    page starts a block of its own."""
    parts = []
    for group in GROUPS:
        entries = [m for m in catalogue().values() if m.group == group]
        if not entries:
            continue
        parts.append(f"### {group}")
        for message in entries:
            parts.append(f"`{message.example}`")
            parts.append(f"**Wat betekent dit?** {message.meaning}")
            parts.append(f"**Wat doe je?** {message.fix}")
    return "\n\n".join(parts) + "\n"
