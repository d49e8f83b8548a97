"""The fast check for people: ``python -m gids.check`` (``make check``).

Validates all content without building the site, with the same Dutch
messages as the build, and ends with a summary line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import likeness, release
from .problems import count, report
from .validate import load_guide


def main(argv: list[str] | None = None) -> int:
    """Check the guide; exit code 1 when there are problems."""
    parser = argparse.ArgumentParser(prog="make check", description="Controleer alle inhoud van de gids.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="de map van de gids")
    args = parser.parse_args(argv)
    # A release that was interrupted is put right before anything is read.
    try:
        recovered = release.recover(args.root)
    except release.Refused as refusal:
        print(refusal)
        return 1
    if recovered:
        print(recovered)
    guide, problems = load_guide(args.root)
    if problems:
        files = len({p.path for p in problems})
        print(report(problems))
        print(
            f"Controle klaar: {count(len(problems), 'probleem', 'problemen')} in "
            f"{count(files, 'bestand', 'bestanden')}. De uitleg bij elke melding staat in de gids onder Bijdragen, Naslag."
        )
        return 1
    assert guide is not None
    # A copy of an item under a new name passes every rule: a warning
    # names the item it looks like (gids/likeness.py).
    warnings = likeness.near_duplicates(likeness.read(args.root, guide))
    for warning in warnings:
        print(f"waarschuwing: {warning}")
    counts = [
        count(len(guide.principles), "principe", "principes"),
        count(len(guide.dilemmas), "dilemma", "dilemma's"),
        count(len(guide.tensions), "spanning", "spanningen"),
        count(len(guide.releases), "uitgave", "uitgaven"),
    ]
    checked = f"Gecontroleerd: {', '.join(counts[:-1])} en {counts[-1]}."
    if warnings:
        print(f"Controle klaar: geen fouten, wel {count(len(warnings), 'waarschuwing', 'waarschuwingen')} (hierboven). {checked}")
    else:
        print(f"Controle klaar: alles in orde. {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
