"""Loading and validating the whole guide against the content contract.

One pass over all files collects every problem; nothing stops at the first
one, so a contributor sees all of them together. ``load_guide`` is the single
entry point the site adapter (and the tests) call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import render, schema
from .changelog import check_removals, load_changelog
from .files import Loaded, content_files, load_file, rel_path
from .frontmatter import history_entries
from .judge import BodyJudge, Waiting
from .links import check_docs, check_links
from .model import Dilemma, Guide, Principle, version_key
from .problems import Problem, problem
from .references import check_aliases, check_principle_refs
from .triangle import load_tensions, load_triangle


def load_guide(
    root: Path, docs_dir: Path | None = None, markdown: render.Settings | None = None
) -> tuple[Guide | None, list[Problem]]:
    """Load, validate and link the whole guide.

    ``markdown``: how the site renders markdown (the engine passes its own
    configuration); by default read from the guide's ``mkdocs.yml``.
    Returns the guide (``None`` when there are problems) and every problem
    found, sorted by file and line.
    """
    root = Path(root)
    try:
        if markdown is None:
            markdown = render.Settings.from_config_file(root / render.CONFIG_FILE)
        renderer = render.Renderer(markdown)
    except render.ConfigError as error:
        return None, [problem(render.CONFIG_FILE, 1, "bestand", "instellingen-onleesbaar", naam=error.name, reden=error.reason)]
    guide, problems, _ = _load_guide(root, docs_dir, renderer)
    return guide, problems


def load_for_engine(root: Path, docs_dir: Path) -> tuple[Guide | None, list[Problem], BodyJudge]:
    """Load the guide for a build whose engine renders the bodies itself.

    Everything but the bodies is checked now; each body is judged by the
    returned judge on the HTML the engine made of it (``judge.py``). With
    problems, call ``load_guide`` for the whole report, bodies included:
    all of a build's mistakes come together.
    """
    return _load_guide(Path(root), docs_dir, None)


def _load_guide(
    root: Path, docs_dir: Path | None, renderer: render.Renderer | None
) -> tuple[Guide | None, list[Problem], BodyJudge]:
    docs_dir = Path(docs_dir) if docs_dir else root / "docs"
    problems: list[Problem] = []

    loaded: dict[str, dict[str, Loaded]] = {}
    # Every file with a valid name counts as existing, even when it has
    # problems of its own: its own messages say what is wrong, and the files
    # that refer to it should not add "unknown" messages on top.
    ids: dict[str, set[str]] = {}
    for content_type in schema.CONTENT_TYPES:
        folder = content_type.folder
        loaded[folder] = {}
        ids[folder] = set()
        for rel, abs_path in content_files(root, folder, problems):
            item_id = abs_path.stem
            id_message = schema.id_problem(item_id)
            if id_message:
                code, values = id_message
                if code == "ongeldige-naam":
                    code = "ongeldige-bestandsnaam"  # the same rule, explained for a file's name
                problems.append(problem(rel, 1, "bestandsnaam", code, **values))
                continue
            ids[folder].add(item_id)
            result = load_file(abs_path, rel, content_type.schema, problems, renderer)
            if result is not None:
                loaded[folder][item_id] = result

    changelog = load_changelog(root, docs_dir, problems, renderer)
    releases = frozenset(r.version for r in changelog.releases)

    aliases = check_aliases(loaded, problems)
    principle_aliases = aliases.get(schema.PRINCIPLES.folder, {})

    for folder, items in loaded.items():
        for result in items.values():
            check_links(result.links, result.path, ids, aliases, problems)
            result.history = history_entries(result.checked, result.path, releases, problems)

    for result in loaded[schema.DILEMMAS.folder].values():
        check_principle_refs(result, ids[schema.PRINCIPLES.folder], principle_aliases, problems)

    check_removals(changelog, ids, aliases, problems)
    pages, docs_waiting = check_docs(root, docs_dir, ids, aliases, problems, renderer)
    corners = load_triangle(root, docs_dir, problems, renderer)
    tensions = load_tensions(root, docs_dir, corners, problems, renderer)

    # The structure pages of docs/ have rules for their body too.
    page_specs = {
        rel_path(docs_dir / schema.TRIANGLE_SOURCE, root): schema.TRIANGLE_PAGE,
        changelog.path: schema.CHANGELOG_PAGE,
        **{rel_path(docs_dir / schema.TENSIONS_FOLDER / f"{t.id}.md", root): schema.TENSION_PAGE for t in schema.TENSIONS},
    }
    waiting = {
        r.path: Waiting(r.body_line, content_type.schema, None, r.body)
        for content_type in schema.CONTENT_TYPES
        for r in loaded[content_type.folder].values()
    }
    waiting.update({path: Waiting(page.body_line, page_specs.get(path), page.base) for path, page in docs_waiting.items()})
    judge = BodyJudge(ids, aliases, pages, waiting)

    if problems:
        return None, sorted(set(problems)), judge

    principles = {
        item_id: _principle(item_id, r) for item_id, r in loaded[schema.PRINCIPLES.folder].items()
    }
    dilemmas = {item_id: _dilemma(item_id, r) for item_id, r in loaded[schema.DILEMMAS.folder].items()}
    structure_pages = {
        "triangle": rel_path(docs_dir / schema.TRIANGLE_SOURCE, root),
        "principle-list": rel_path(docs_dir / schema.PRINCIPLES.list_address / "index.md", root),
        "dilemma-list": rel_path(docs_dir / schema.DILEMMAS.list_address / "index.md", root),
        "changelog": changelog.path,
        "session": rel_path(docs_dir / schema.SESSION_SOURCE, root),
    }
    guide = Guide(
        principles,
        dilemmas,
        tensions,
        corners,
        structure_pages,
        releases=sorted(changelog.releases, key=lambda r: version_key(r.version), reverse=True),
        upcoming_removals=changelog.upcoming,
    )
    return guide, [], judge


def _common(item_id: str, result: Loaded) -> dict[str, Any]:
    values = result.checked.values
    return {
        "id": item_id,
        "path": result.path,
        "title": values["title"],
        "description": values["description"],
        "tags": tuple(values.get("tags", ())),
        "aliases": tuple(values.get("aliases", ())),
        "history": result.history,
    }


def _principle(item_id: str, result: Loaded) -> Principle:
    return Principle(**_common(item_id, result), order=result.checked.values.get("order"))


def _dilemma(item_id: str, result: Loaded) -> Dilemma:
    values = result.checked.values
    return Dilemma(
        **_common(item_id, result),
        principle_ids=tuple(values["principles"]),
        tension_ids=tuple(values["tensions"]),
        domains=tuple(values.get("domains", ())),
        source=values.get("source"),
    )
