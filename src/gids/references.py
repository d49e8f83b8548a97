"""Names that refer to other items: aliases (earlier ids) and the
principles a dilemma names."""

from __future__ import annotations

from .files import Loaded
from .problems import Problem
from .suggestions import suggest


def check_aliases(loaded: dict[str, dict[str, Loaded]], problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Aliases must not clash with an id or another alias of the same folder."""
    result: dict[str, dict[str, str]] = {}
    for folder, items in loaded.items():
        # name -> where it is taken: "<path>" for a file's own id, or
        # "<path> (regel N)" for an alias.
        taken = {item_id: f"het bestand {r.path}" for item_id, r in items.items()}
        result[folder] = {}
        for item_id, r in sorted(items.items()):
            for alias, line in zip(r.checked.values.get("aliases", []), r.checked.item_lines.get("aliases", [])):
                if alias == item_id:
                    problems.append(
                        Problem(r.path, line, "aliases", f"'{alias}' is de huidige naam van dit bestand; noem hier alleen eerdere namen")
                    )
                    continue
                if alias in taken:
                    problems.append(
                        Problem(
                            r.path,
                            line,
                            "aliases",
                            f"'{alias}' wordt al gebruikt door {taken[alias]}; een naam mag maar bij één bestand horen",
                        )
                    )
                    continue
                taken[alias] = f"{r.path} (regel {line})"
                result[folder][alias] = item_id
    return result


def check_principle_refs(
    result: Loaded, principle_ids: set[str], principle_aliases: dict[str, str], problems: list[Problem]
) -> None:
    refs = result.checked.values.get("principles", [])
    for ref, line in zip(refs, result.checked.item_lines.get("principles", [])):
        if ref in principle_ids:
            continue
        if ref in principle_aliases:
            hint = f"'{ref}' is de oude naam van '{principle_aliases[ref]}'; gebruik '{principle_aliases[ref]}'"
        else:
            match = suggest(ref, sorted(principle_ids))
            hint = (
                f"'{ref}' is geen bekend principe. Bedoel je '{match}'?"
                if match
                else f"'{ref}' is geen bekend principe; gebruik de bestandsnaam (zonder .md) van een bestand in de map principles/"
            )
        problems.append(Problem(result.path, line, "principles", hint))
