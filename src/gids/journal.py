"""Replacing several files all or none, through a journal.

The new text of every file is known before anything changes; then
(``replace_all``):

1. the journal (``.TAG-journal`` in the root folder) is written, state
   ``preparing``;
2. beside every file a backup of its text (``.NAME.TAG-old``) and its new
   text (``.NAME.TAG-new``) are written and synced;
3. the journal says ``replacing``; each new text is moved over its file
   (``os.replace``, atomic per file);
4. the journal says ``done``; backups and journal are removed.

Each journal state is itself written atomically. A process killed at any
point (even by SIGKILL or a power cut) is put right by ``recover``: before
``done`` it puts every backup back, so the files are as they were; at
``done`` it only tidies up. One process at a time: ``locked`` holds the
lock of a root folder.

Plain mechanism, no words for people: what went wrong is raised as one of
the exceptions below, and the caller says it in its own terms.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .signals import signals_ignored

STATES = ("preparing", "replacing", "done")


def journal_name(tag: str) -> str:
    """The journal's file name in the root folder."""
    return f".{tag}-journal"


@dataclass(frozen=True)
class Journal:
    """The journal of replacements in ``root``."""

    root: Path
    #: Names the journal's files (see the module's doc).
    tag: str
    #: The only folders of ``root`` whose files the journal may name.
    folders: tuple[str, ...]

    @property
    def path(self) -> Path:
        return self.root / journal_name(self.tag)

    @property
    def temp(self) -> Path:
        return self.root / f"{journal_name(self.tag)}.tmp"

    def new(self, path: Path) -> Path:
        return path.with_name(f".{path.name}.{self.tag}-new")

    def old(self, path: Path) -> Path:
        return path.with_name(f".{path.name}.{self.tag}-old")


class Change(NamedTuple):
    """One file to replace: its text as read, and its new text."""

    path: Path
    before: bytes
    after: bytes


class Recovered(NamedTuple):
    """What ``recover`` found: the journal's state and how many files it named."""

    state: str
    files: int


class JournalError(Exception):
    """The files could not be replaced, or not be put right."""

    def __init__(self, error: OSError | None = None, rel: str = "") -> None:
        super().__init__(error, rel)
        #: The system's error, when there was one.
        self.error = error
        #: The file concerned (relative to the root), when there was one.
        self.rel = rel


class Unreadable(JournalError):
    """The journal cannot be read, or names files it may not touch."""


class NotRecovered(JournalError):
    """The journal could not be applied; it stays until it can."""


class NotPrepared(JournalError):
    """The new texts could not be written beside the files; nothing changed."""


class ChangedMeanwhile(JournalError):
    """A file changed while the new texts were prepared; nothing changed."""


class NotReplaced(JournalError):
    """Replacing failed half-way; every file was put back."""


def _fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write and sync a new file; whatever had that name is removed first
    (O_EXCL: never through a symlink someone left there)."""
    _remove(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    if mode is not None:
        os.chmod(path, mode)


def _write_journal(journal: Journal, state: str, files: list[str]) -> None:
    _write(journal.temp, (json.dumps({"state": state, "files": files}, indent=1) + "\n").encode("utf-8"))
    os.replace(journal.temp, journal.path)
    _fsync_dir(journal.root)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _read_journal(journal: Journal) -> tuple[str, list[Path]]:
    try:
        data = json.loads(journal.path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise Unreadable() from None
    if not isinstance(data, dict) or data.get("state") not in STATES:
        raise Unreadable()
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(rel, str) for rel in files):
        raise Unreadable()
    paths = []
    for rel in files:
        # Only files in the journal's folders, whatever the journal says.
        parts = Path(rel).parts
        if not parts or Path(rel).is_absolute() or ".." in parts or parts[0] not in journal.folders:
            raise Unreadable()
        paths.append(journal.root / rel)
    return data["state"], paths


@contextlib.contextmanager
def locked(root: Path) -> Iterator[bool]:
    """Hold the lock of ``root`` (an advisory lock on the folder itself; the
    system drops it when the process ends, however it ends). Yields whether
    the lock was free. Without ``fcntl`` (Windows): no lock."""
    try:
        import fcntl
    except ImportError:
        yield True
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def recover(journal: Journal) -> Recovered | None:
    """Put right a replacement that was interrupted; ``None`` when there was
    nothing to do, or when another process holds the lock right now (it is
    not interrupted, it is busy)."""
    if not journal.path.exists():
        return None
    with locked(journal.root) as free:
        return recover_while_locked(journal) if free else None


def recover_while_locked(journal: Journal) -> Recovered | None:
    """``recover``, for the process that holds the lock."""
    if not journal.path.exists():
        _remove(journal.temp)
        return None
    state, paths = _read_journal(journal)
    try:
        if state == "replacing":
            for path in paths:
                backup = journal.old(path)
                if backup.exists():
                    os.replace(backup, path)
        for path in paths:
            _remove(journal.new(path))
            _remove(journal.old(path))
        for folder in {path.parent for path in paths}:
            _fsync_dir(folder)
        _remove(journal.temp)
        journal.path.unlink()
        _fsync_dir(journal.root)
    except OSError as error:
        raise NotRecovered(error) from None
    return Recovered(state, len(paths))


def replace_all(journal: Journal, changes: list[Change]) -> None:
    """Replace every file, all or none (see the module's doc); the caller
    holds the lock."""
    rels = [change.path.relative_to(journal.root).as_posix() for change in changes]
    try:
        _write_journal(journal, "preparing", rels)
        for change in changes:
            mode = stat.S_IMODE(change.path.stat().st_mode)
            _write(journal.old(change.path), change.before, mode)
            _write(journal.new(change.path), change.after, mode)
        for change, rel in zip(changes, rels):
            if change.path.read_bytes() != change.before:
                raise ChangedMeanwhile(rel=rel)
        for folder in {change.path.parent for change in changes}:
            _fsync_dir(folder)
    except OSError as error:
        recover_while_locked(journal)
        raise NotPrepared(error) from None
    except BaseException:
        recover_while_locked(journal)
        raise
    with signals_ignored():
        try:
            _write_journal(journal, "replacing", rels)
            for change in changes:
                os.replace(journal.new(change.path), change.path)
            for folder in {change.path.parent for change in changes}:
                _fsync_dir(folder)
            _write_journal(journal, "done", rels)
        except OSError as error:
            recover_while_locked(journal)
            raise NotReplaced(error) from None
        recover_while_locked(journal)
