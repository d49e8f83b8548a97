"""The triangle page (names of the corners) and the pages of its three
tensions, whose ids are fixed."""

from __future__ import annotations

from pathlib import Path

from . import render, schema
from .files import load_file, rel_path
from .model import Corner, Tension
from .problems import Problem, problem
from .suggestions import suggest


def load_triangle(
    root: Path, docs_dir: Path, problems: list[Problem], renderer: render.Renderer | None
) -> dict[str, Corner]:
    abs_path = docs_dir / schema.TRIANGLE_SOURCE
    rel = rel_path(abs_path, root)
    names = {c.id: c.default_name for c in schema.CORNERS}
    if not abs_path.is_file():
        problems.append(problem(rel, 1, "bestand", "driehoekpagina-ontbreekt"))
    else:
        result = load_file(abs_path, rel, schema.TRIANGLE_PAGE, problems, renderer)
        if result is not None:
            names.update({k: v.strip() for k, v in result.checked.values.get("corners", {}).items()})
    return {cid: Corner(cid, names[cid]) for cid in schema.CORNER_IDS}


def load_tensions(
    root: Path, docs_dir: Path, corners: dict[str, Corner], problems: list[Problem], renderer: render.Renderer | None
) -> dict[str, Tension]:
    folder = docs_dir / schema.TENSIONS_FOLDER
    known = {f"{tid}.md" for tid in schema.TENSION_IDS} | {"index.md"}
    if folder.is_dir():
        for extra in sorted(folder.glob("*.md")):
            if extra.name not in known:
                problems.append(
                    _unknown_tension(rel_path(extra, root), extra.stem)
                )
    tensions = {}
    for spec in schema.TENSIONS:
        abs_path = folder / f"{spec.id}.md"
        rel = rel_path(abs_path, root)
        if not abs_path.is_file():
            problems.append(problem(rel, 1, "bestand", "spanningpagina-ontbreekt", spanning=spec.id))
            continue
        result = load_file(abs_path, rel, schema.TENSION_PAGE, problems, renderer)
        if result is None or not {"title", "description"} <= result.checked.values.keys():
            continue
        values = result.checked.values
        tensions[spec.id] = Tension(
            spec.id,
            rel,
            values["title"],
            values["description"],
            (corners[spec.corners[0]], corners[spec.corners[1]]),
            spec.summary,
        )
    return tensions


def _unknown_tension(path: str, name: str) -> Problem:
    tensions = ", ".join(schema.TENSION_IDS)
    meant = suggest(name, schema.TENSION_IDS)
    if meant:
        return problem(path, 1, "bestandsnaam", "onbekende-spanning-bedoel", naam=name, bedoeld=meant, spanningen=tensions)
    return problem(path, 1, "bestandsnaam", "onbekende-spanning", naam=name, spanningen=tensions)
