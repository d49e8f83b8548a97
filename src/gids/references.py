"""Names that refer to other items: aliases (earlier ids) and the
principles a dilemma names."""

from __future__ import annotations

from .files import Loaded
from .problems import Problem, problem
from .suggestions import suggest


def check_aliases(loaded: dict[str, dict[str, Loaded]], problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Aliases must not clash with an id or another alias of the same folder."""
    result: dict[str, dict[str, str]] = {}
    for folder, items in loaded.items():
        # name -> where it is taken: the file whose id it is, or the file
        # and line of the alias.
        taken: dict[str, tuple[str, int | None]] = {item_id: (r.path, None) for item_id, r in items.items()}
        result[folder] = {}
        for item_id, r in sorted(items.items()):
            for alias, line in zip(r.checked.values.get("aliases", []), r.checked.item_lines.get("aliases", [])):
                if alias == item_id:
                    problems.append(problem(r.path, line, "aliases", "alias-is-eigen-naam", naam=alias))
                    continue
                if alias in taken:
                    where, taken_line = taken[alias]
                    if taken_line is None:
                        problems.append(problem(r.path, line, "aliases", "alias-is-bestand", naam=alias, pad=where))
                    else:
                        problems.append(
                            problem(r.path, line, "aliases", "alias-al-gebruikt", naam=alias, pad=where, regel=taken_line)
                        )
                    continue
                taken[alias] = (r.path, line)
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
            problems.append(
                problem(result.path, line, "principles", "oude-naam-principe", naam=ref, nieuw=principle_aliases[ref])
            )
            continue
        match = suggest(ref, sorted(principle_ids))
        if match:
            problems.append(problem(result.path, line, "principles", "onbekend-principe-bedoel", naam=ref, bedoeld=match))
        else:
            problems.append(problem(result.path, line, "principles", "onbekend-principe", naam=ref))
