"""Every message the check can print, explained for contributors.

Each problem carries the code of its message; its explanation is found by
that code in ``messages.yml`` (``catalogue.py``), the data file that also
holds the message's text. The reference page of Bijdragen
(``docs/bijdragen/naslag.md``) shows the whole catalogue
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


#: The reference page, as a public address from the site's root. Each
#: message's explanation has an address of its own there,
#: ``bijdragen/naslag/#melding-<code>``, so that a message can link to it.
REFERENCE_PAGE = "bijdragen/naslag/"
ANCHOR_PREFIX = "melding-"


def anchor(code: str) -> str:
    """The id of the explanation of message ``code`` on the reference page."""
    return f"{ANCHOR_PREFIX}{code}"


def explanation_address(code: str) -> str:
    """Where message ``code`` is explained, from the site's root:
    ``bijdragen/naslag/#melding-<code>`` (join it to the site's address)."""
    return f"{REFERENCE_PAGE}#{anchor(code)}"


def markdown() -> str:
    """The catalogue as markdown: per group a ``###`` heading, per message the
    example line (with the id ``melding-<code>``: attr_list puts it on that
    paragraph), what it means and what to do.

    It ends with an empty line, so that whatever follows the marker on the
    page starts a block of its own."""
    parts = []
    for group in GROUPS:
        entries = [m for m in catalogue().values() if m.group == group]
        if not entries:
            continue
        parts.append(f"### {group}")
        for message in entries:
            parts.append(f"`{message.example}`\n{{: #{anchor(message.code)} .gids-message }}")
            parts.append(f"**Wat betekent dit?** {message.meaning}")
            parts.append(f"**Wat doe je?** {message.fix}")
    return "\n\n".join(parts) + "\n"
