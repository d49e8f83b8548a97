"""The folder a complete site is published into.

``check_target`` refuses a folder where writing could destroy something
other than an earlier site: the project itself or a folder above it, its
source and git folders, a symlink, a file, a folder with other things in it.

``built_beside`` gives a new folder beside the target (``public.new-XXXX``)
to build into; only when the build succeeded does that folder take the
target's place (the old one is renamed aside, the new one renamed in, then
the old one removed). On any failure the target stays as it was and the new
folder is removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import gitrepo
from .signals import signals_ignored

#: A build of the site writes beside its output folder, into this folder
#: (``site`` -> ``site.new-build``), which takes the output folder's place
#: only when the build succeeded (``hooks/mkdocs_adapter.py``).
STAGING_SUFFIX = ".new-build"


def staging_folder(out: Path) -> Path:
    """The folder a build of ``out`` writes into before it is swapped in."""
    return out.with_name(out.name + STAGING_SUFFIX)


#: Folders of the project that a site must never be written into.
SOURCE_FOLDERS = ("docs", "principles", "dilemmas", "src", "hooks", "overrides", ".git")


class Refused(Exception):
    """Publishing stopped; the message says why, in Dutch, one sentence a line."""


def short(path: Path) -> str:
    """A path as the person typed it, more or less: relative when inside the
    current folder."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _git_dirs(root: Path) -> list[Path]:
    """The repository's git folders (a worktree has its own and a common one)."""
    try:
        output = gitrepo.run_git(root, "rev-parse", "--absolute-git-dir", "--git-common-dir")
    except gitrepo.GitError:
        return []
    return [(root / line).resolve() for line in output.splitlines() if line.strip()]


def check_target(root: Path, out: Path) -> Path:
    """The output folder as an absolute path; ``Refused`` when writing there
    could destroy something other than an earlier site."""
    root = root.resolve()
    out = Path(os.path.abspath(out))  # without following a symlink at the end
    shown = short(out)
    if out.is_symlink():
        raise Refused(f"{shown} is een snelkoppeling (symlink); geef de echte map op.")
    if out.exists() and not out.is_dir():
        raise Refused(f"{shown} bestaat al en is geen map; kies een andere plek voor de site, zoals public.")
    real = out.parent.resolve() / out.name
    if real == root or root.is_relative_to(real):
        raise Refused(
            f"{shown} is de map van de gids zelf of een map daarboven; kies een aparte map voor de site, zoals public."
        )
    for folder in [*(root / name for name in SOURCE_FOLDERS), *_git_dirs(root)]:
        if real.is_relative_to(folder):
            name = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)
            raise Refused(f"{shown} ligt in de map {name}/ van de gids; kies een map daarbuiten, zoals public.")
    if real.is_dir() and any(real.iterdir()):
        if not ((real / "index.html").is_file() or (real / "versions.json").is_file()):
            raise Refused(
                f"{shown} bestaat al en is geen gebouwde site (er staat geen index.html in); "
                "kies een andere map of maak deze eerst zelf leeg."
            )
    return real


def put_in_place(new: Path, out: Path) -> None:
    """Let ``new`` take the place of ``out``: the old folder is renamed
    aside first and removed only once the new one is in."""
    with signals_ignored():
        if not out.exists():
            os.rename(new, out)
            return
        aside = Path(tempfile.mkdtemp(prefix=f"{out.name}.old-", dir=out.parent))
        try:
            os.rename(out, aside / out.name)
        except BaseException:
            aside.rmdir()
            raise
        try:
            os.rename(new, out)
        except BaseException:
            os.rename(aside / out.name, out)
            aside.rmdir()
            raise
        # Still without Ctrl-C: once the new site is in, the run is done.
        shutil.rmtree(aside, ignore_errors=True)


@contextlib.contextmanager
def built_beside(out: Path) -> Iterator[Path]:
    """A new folder beside ``out`` to build into; when the block succeeds it
    takes the place of ``out``, otherwise it is removed and ``out`` stays
    as it was."""
    out.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f"{out.name}.new-", dir=out.parent))
    try:
        yield new
        # mkdtemp makes a folder only its owner may read; a site is for all.
        mask = os.umask(0)
        os.umask(mask)
        new.chmod(0o777 & ~mask)
        put_in_place(new, out)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        # A build stopped by a signal had no time to remove its own.
        shutil.rmtree(staging_folder(new), ignore_errors=True)
        raise
