"""The one command of the guide's tools: ``gids SUBCOMMAND``.

The Makefile's targets call these (``make check`` is ``gids check``); each
subcommand is the ``main`` of one module, which reads its own arguments.
"""

from __future__ import annotations

import importlib
import sys

#: Subcommand -> (module, what it does, in Dutch for people).
COMMANDS = {
    "check": ("gids.check", "alle inhoud controleren, zonder de site te bouwen (make check)"),
    "release": ("gids.release", "een nieuwe versie uitbrengen (make release)"),
    "history": ("gids.history_check", "wijzigingen sinds de laatste versie zonder notitie zoeken (make check-history)"),
    "publish": ("gids.publish", "de gids met alle versies bouwen (make site-all-versions)"),
}


def usage() -> str:
    lines = ["Gebruik: gids OPDRACHT [...]", "", "Opdrachten:"]
    lines += [f"  {name:<8} {what}" for name, (_, what) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in COMMANDS:
        print(usage(), file=sys.stderr if args and args[0] not in ("-h", "--help") else sys.stdout)
        return 0 if args and args[0] in ("-h", "--help") else 2
    module = importlib.import_module(COMMANDS[args[0]][0])
    return int(module.main(args[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
