"""A guard for merge requests: ``python -m gids.history_check [--root DIR] [--base REF]``.

Compares the principles and dilemmas with the last release (or with ``--base``)
and tells reviewers what readers would miss:

* a principle or dilemma that is new or changed but has no unreleased history
  entry (a ``- note:`` without ``version``) is a warning: maybe the change is
  a typo fix, maybe readers should know about it; a person decides;
* a principle or dilemma whose file is gone, while it is neither an alias of
  a current item (a rename) nor recorded as removed in the changelog, is an
  error: its published address would break;
* every violation of the content contract is an error too.

Warnings never fail the check; errors do (exit code 1). Git is asked as little
as possible: besides the release commits, one ``git diff`` against the base
and one ``git ls-files`` for new files that are not yet added.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import likeness, schema
from .gitrepo import GitError, release_commits, run_git
from .model import Dilemma, Guide, Principle
from .problems import Problem, count, problem
from .source import load
from .validate import load_guide

#: Folders whose files are items with a history.
FOLDERS: tuple[str, ...] = tuple(content_type.folder for content_type in schema.CONTENT_TYPES)

_NOUNS = {schema.PRINCIPLES.folder: "principe", schema.DILEMMAS.folder: "dilemma"}
_KINDS = {schema.PRINCIPLES.folder: "principle", schema.DILEMMAS.folder: "dilemma"}

@dataclass
class CheckResult:
    """What the check found, ready to print."""

    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    #: The release that was compared with; ``None`` with ``--base`` or
    #: when no comparison could be made.
    base_version: str | None = None
    #: What was compared with, as a reader says it (``versie 1.0``,
    #: ``origin/main``); ``None`` when no comparison could be made.
    base_label: str | None = None
    #: Why no comparison could be made, in Dutch; ``None`` when it was made.
    note: str | None = None

    @property
    def compared(self) -> bool:
        """Whether the files were compared with a base at all."""
        return self.base_label is not None

    @property
    def exit_code(self) -> int:
        """1 when there are errors; warnings alone never fail."""
        return 1 if self.errors else 0

    def summary(self) -> str:
        """The last line of the output: what was compared and the counts."""
        counts = f"{count(len(self.warnings), 'waarschuwing', 'waarschuwingen')}, {count(len(self.errors), 'fout', 'fouten')}."
        if self.compared:
            return f"Geschiedenis nagekeken tegen {self.base_label}: {counts}"
        return f"Inhoud nagekeken, geschiedenis niet vergeleken: {counts}"

    def lines(self) -> list[str]:
        """The whole output: warnings, errors, the note, the summary."""
        lines = [f"waarschuwing: {problem}" for problem in sorted(self.warnings)]
        lines += [f"fout: {problem}" for problem in sorted(self.errors)]
        if self.note:
            lines.append(self.note)
        lines.append(self.summary())
        return lines


def changed_files(root: Path, base: str) -> dict[str, str]:
    """Item files that differ between ``base`` and the working tree, by path
    (relative to ``root``): ``A`` added, ``M`` modified, ``D`` deleted.

    Committed, staged and unstaged changes all count, and so do new files
    that were never added to git. Raises ``GitError`` when git cannot answer.
    """
    # -z: paths exactly as they are, without git's quoting of unusual names.
    # --no-renames: a rename is a deletion plus an addition, and each side has
    # its own rule (the old name must live on as an alias).
    # --relative: paths relative to root, like the guide's own paths, even
    # when root is a folder inside the repository. --end-of-options: a ref
    # given with --base is never read as an option.
    diff = run_git(
        root,
        "diff",
        "--name-status",
        "--no-renames",
        "--relative",
        "-z",
        "--end-of-options",
        base,
        "--",
        *FOLDERS,
    )
    fields = diff.split("\0")
    statuses: dict[str, str] = {}
    for status, path in zip(fields[0::2], fields[1::2]):
        if status:
            # T (type change) and U (unmerged) are changes of an existing file.
            statuses[path] = status[0] if status[0] in "AD" else "M"
    untracked = run_git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *FOLDERS)
    for path in filter(None, untracked.split("\0")):
        # A file removed from git but still on disk was there at the base: changed.
        statuses[path] = "M" if statuses.get(path) == "D" else "A"
    return statuses


def _history_line(root: Path, path: str) -> int:
    """The line of the ``history:`` key, where the note belongs; else 1."""
    source, _ = load(root / path, path)
    if source is None or source.front_matter is None or "history" not in source.front_matter.entries:
        return 1
    return source.front_matter.entries["history"][0]


def _folder_and_id(path: str) -> tuple[str, str] | None:
    """``("dilemmas", "x")`` for ``dilemmas/x.md``; ``None`` for any other file."""
    folder, _, name = path.partition("/")
    if folder not in FOLDERS or "/" in name or not name.endswith(".md"):
        return None
    return folder, name[: -len(".md")]


def _renamed_from(guide: Guide, folder: str, item_id: str) -> Principle | Dilemma | None:
    """The current item that took over a deleted id as one of its aliases."""
    items: list[Principle | Dilemma] = [
        *(guide.principles if folder == schema.PRINCIPLES.folder else guide.dilemmas).values()
    ]
    return next((item for item in items if item_id in item.aliases), None)


def _recorded_as_removed(guide: Guide, folder: str, item_id: str) -> bool:
    """Whether the changelog records the id as removed, so a tombstone keeps
    its address. Released removals count too, for a ``--base`` further back."""
    return any(
        removal.kind == _KINDS[folder] and (removal.id == item_id or item_id in removal.aliases)
        for removal in guide.removals()
    )


def compare(
    root: Path, guide: Guide, statuses: dict[str, str], label: str
) -> tuple[list[Problem], list[Problem]]:
    """Warnings and errors for the changed item files ``statuses`` (as from
    ``changed_files``) of a valid guide; ``label`` names the base in messages."""
    warnings: list[Problem] = []
    errors: list[Problem] = []
    renamed: dict[str, str] = {}  # new path -> old id

    for path, status in sorted(statuses.items()):
        located = _folder_and_id(path)
        if status != "D" or located is None:
            continue
        folder, item_id = located
        # A name that breaks the rules never had a published address.
        if schema.id_problem(item_id):
            continue
        successor = _renamed_from(guide, folder, item_id)
        if successor is not None:
            renamed[successor.path] = item_id
            continue
        if _recorded_as_removed(guide, folder, item_id):
            continue
        noun = _NOUNS[folder]
        address = schema.PRINCIPLES.address if folder == schema.PRINCIPLES.folder else schema.DILEMMAS.address
        errors.append(
            problem(
                path, 1, "bestand", "weggehaald-adres",
                soort=noun, sinds=label, adres=f"/{address.format(id=item_id)}", naam=item_id, sleutel_soort=_KINDS[folder],
            )  # fmt: skip
        )

    for path, status in sorted(statuses.items()):
        if status == "D":
            continue
        item = guide.by_path(path)
        if not isinstance(item, (Principle, Dilemma)):
            continue
        if any(not entry.released for entry in item.history):
            continue
        line = _history_line(root, path)
        if path in renamed:
            warnings.append(problem(path, line, "history", "hernoemd-zonder-notitie", sinds=label, oud=renamed[path]))
        elif status == "A":
            noun = _NOUNS[path.partition("/")[0]]
            warnings.append(problem(path, line, "history", "nieuw-zonder-notitie", sinds=label, soort=noun))
        else:
            warnings.append(problem(path, line, "history", "gewijzigd-zonder-notitie", sinds=label))
    # A new item that is a copy of another under a new name.
    added = {path for path, status in statuses.items() if status == "A"}
    if added:
        warnings += likeness.near_duplicates(likeness.read(root, guide), new=added)
    return sorted(warnings), sorted(errors)


def check_history(root: Path, base: str | None = None) -> CheckResult:
    """Check the guide in ``root`` and compare it with the last release, or
    with the git ref ``base``.

    When there is no release or no (full) git history, the result has a
    ``note`` that says why, and only the content was checked. An explicit
    ``base`` that git cannot compare with raises ``GitError``: the caller
    asked for that comparison, so quietly skipping it would hide a mistake.
    """
    root = Path(root)
    guide, problems = load_guide(root)
    if guide is None:
        return CheckResult(
            errors=sorted(problems),
            note="Niet vergeleken met de laatste uitgave: los eerst de fouten hierboven op.",
        )

    version: str | None = None
    if base is None:
        latest = guide.latest_release
        changelog = guide.structure_pages.get("changelog", f"docs/{schema.CHANGELOG_SOURCE}")
        if latest is None:
            return CheckResult(note=f"Niet vergeleken met een uitgave: {changelog} noemt nog geen uitgave.")
        version = latest.version
        label = f"versie {version}"
        try:
            commit = release_commits(root, changelog).get(version)
        except GitError as error:
            return CheckResult(note=f"Niet vergeleken met {label}: {error}.")
        if commit is None:
            return CheckResult(
                note=f"Niet vergeleken met {label}: die uitgave staat nog in geen enkele commit "
                "(leg hem eerst vast met git commit, of kies een vergelijking met --base)."
            )
        try:
            statuses = changed_files(root, commit)
        except GitError as error:
            return CheckResult(note=f"Niet vergeleken met {label}: {error}.")
    else:
        label = base
        try:
            statuses = changed_files(root, base)
        except GitError as error:
            raise GitError(f"vergelijken met '{base}' lukte niet: {error}") from None

    warnings, errors = compare(root, guide, statuses, label)
    return CheckResult(warnings, errors, base_version=version, base_label=label)


def main(argv: list[str] | None = None) -> int:
    """Run the check from the command line; exit code 1 when there are errors."""
    parser = argparse.ArgumentParser(
        prog="python -m gids.history_check",
        description="Kijk na of elke wijziging aan een principe of dilemma sinds de laatste uitgave "
        "een notitie heeft, en of geen gepubliceerd adres verdwijnt.",
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="de map van de gids")
    parser.add_argument(
        "--base",
        default=None,
        help="vergelijk met deze commit, tag of branch in plaats van met de laatste uitgave",
    )
    args = parser.parse_args(argv)
    try:
        result = check_history(args.root, args.base)
    except GitError as error:
        print(f"Geschiedenis niet nagekeken: {error}", file=sys.stderr)
        return 2
    print("\n".join(result.lines()))
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
