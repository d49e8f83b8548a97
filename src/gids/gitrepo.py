"""What the guide needs from git: when each file last changed, and which
commit made each release.

Plugins such as git-revision-date-localized start one git process per page,
which is slow on a large guide; here a single ``git log`` walks the history
once and the first commit seen for a file is its latest change.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

#: Separates commits in the log output; cannot occur in a file name.
_MARK = "\x1e"


@dataclass
class GitDates:
    """Last-change dates by source path (relative to the repository root)."""

    dates: dict[str, dt.date] = field(default_factory=dict)
    #: Why there are no (reliable) dates, in Dutch, or ``None``.
    warning: str | None = None
    #: When the newest of these files changed (seconds since 1970), for
    #: reproducible builds (SOURCE_DATE_EPOCH); ``None`` without history.
    latest: int | None = None

    def get(self, path: str) -> dt.date | None:
        return self.dates.get(path)


def _git_dir(root: Path) -> Path | None:
    # Found without starting git: a worktree or submodule has a .git file
    # that points to the real folder.
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    if dot_git.is_file():
        text = dot_git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            return (root / text.removeprefix("gitdir:").strip()).resolve()
    return None


def last_changed(root: Path, folders: list[str]) -> GitDates:
    """When each file below ``folders`` last changed, from one ``git log``."""
    git_dir = _git_dir(root)
    if git_dir is None:
        return GitDates(warning="geen git-geschiedenis gevonden (bijvoorbeeld een download als zip)")
    if (git_dir / "shallow").exists():
        return GitDates(
            warning="de git-geschiedenis is onvolledig (een 'shallow clone'); "
            "haal de hele geschiedenis op met: git fetch --unshallow"
        )
    command = ["git", "log", f"--format={_MARK}%ct %cs", "--name-only", "--no-renames", "--relative", "--", *folders]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True)
    except OSError as error:  # no git on this machine
        return _no_history(str(error))
    if result.returncode != 0:
        return _no_history(result.stderr.decode("utf-8", errors="replace"))
    return _dates(result.stdout.decode("utf-8", errors="replace"))


def _no_history(reason: str) -> GitDates:
    reason = reason.strip()
    return GitDates(warning=f"git gaf geen geschiedenis ({reason.splitlines()[0] if reason else 'onbekende fout'})")


def _dates(log: str) -> GitDates:
    dates: dict[str, dt.date] = {}
    latest: int | None = None
    for commit in log.split(_MARK)[1:]:
        lines = commit.strip().splitlines()
        if not lines:
            continue
        timestamp, day = lines[0].split()
        latest = max(latest or 0, int(timestamp))
        date = dt.date.fromisoformat(day)
        for name in lines[1:]:
            name = name.strip()
            if name:
                dates.setdefault(name, date)
    return GitDates(dates, latest=latest)


class GitError(Exception):
    """Git could not answer; the message says why, in Dutch."""


def run_git(root: Path, *args: str) -> str:
    """Run git in ``root`` and return its output; ``GitError`` when it fails."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = (getattr(error, "stderr", "") or str(error)).strip()
        raise GitError(f"git {args[0]} lukte niet: {detail.splitlines()[0] if detail else 'onbekende fout'}") from None
    return result.stdout


_ADDED_VERSION = re.compile(r"""^\+\s*-?\s*version:\s*["']?(\d+(?:\.\d+)*)["']?\s*$""")


def release_commits(root: Path, changelog: str) -> dict[str, str]:
    """The commit of each release: its tag ``v<version>`` when there is one,
    otherwise the oldest commit that added the release to the changelog file
    (``make release`` stamps the content in that same commit)."""
    if _git_dir(root) is None:
        raise GitError("geen git-geschiedenis gevonden")
    if (_git_dir(root) / "shallow").exists():  # type: ignore[operator]
        raise GitError("de git-geschiedenis is onvolledig (een 'shallow clone'); gebruik: git fetch --unshallow")
    commits: dict[str, str] = {}
    current = ""
    log = run_git(root, "log", "--reverse", "--format=commit %H", "-p", "--unified=0", "--", changelog)
    for line in log.splitlines():
        if line.startswith("commit "):
            current = line.split()[1]
            continue
        match = _ADDED_VERSION.match(line)
        if match:
            commits.setdefault(match.group(1), current)
    for line in run_git(root, "tag", "--list", "v*", "--format=%(refname:short) %(objectname) %(*objectname)").splitlines():
        name, *objects = line.split()
        # An annotated tag points at a tag object; %(*objectname) is its commit.
        commits[name.removeprefix("v")] = objects[-1]
    return commits
