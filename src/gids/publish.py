"""The complete publishable folder: ``make site-all-versions``.

Not a hook (mkdocs.yml does not load it): the command that builds the guide
as it is now into the folder's root, and every release, from its own commit,
into ``/<version>/``, and writes the ``versions.json`` that Material's
version selector reads.

Why not mike: mike publishes by committing each version to a git branch
(gh-pages) and serving that branch. A static host such as GitLab Pages takes
a folder from the pipeline instead, and the guide's root must serve the
newest content at the addresses trainers already use (/dilemmas/ID/), not a
redirect to /latest/. Building each release from its commit is stateless:
any clean clone with full history yields the same folder.

Nothing is lost when something fails: everything is checked first, then
built into a new folder beside the target (``public.new-XXXX``); only when
every build succeeded does that folder take the target's place (the old one
is renamed aside, the new one renamed in, then the old one removed). On any
failure the target stays as it was and the new folder is removed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from gids import gitrepo, load_guide, report, schema

ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
NEWEST_ALIAS = "nieuwste"
#: Folders of the project that a site must never be written into.
SOURCE_FOLDERS = ("docs", "principles", "dilemmas", "src", "hooks", "overrides", ".git")
#: How many of MkDocs' messages a failed build shows.
MESSAGES_SHOWN = 20


class Refused(Exception):
    """Publishing stopped; the message says why, in Dutch, one sentence a line."""


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _short(path: Path) -> str:
    """A path as the person typed it, more or less: relative when inside the
    current folder."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


#: MkDocs' lines that say nothing about the problem.
_NOISE = (
    "INFO",
    "DEBUG",
    "Aborted with a BuildError!",
    "During handling of the above exception",
    "The above exception was the direct cause",
)


def _mkdocs_messages(output: str) -> list[str]:
    """MkDocs' warnings and errors, without Python tracebacks (only the last
    line of one, which names the error) and without its INFO lines."""
    lines: list[str] = []
    in_traceback = False
    for line in output.splitlines():
        text = line.strip()
        if line.startswith("Traceback (most recent call last)"):
            in_traceback = True
            continue
        if in_traceback:
            if not text or line[:1] in (" ", "\t"):
                continue
            in_traceback = False
        if not text or text.startswith(_NOISE):
            continue
        # "ERROR    -  De gids kan niet ...": the heading already says so.
        lines.append(re.sub(r"^ERROR\s+-\s+", "", text))
    if len(lines) > MESSAGES_SHOWN:
        lines = [*lines[:MESSAGES_SHOWN], f"(en nog {len(lines) - MESSAGES_SHOWN} meldingen)"]
    return lines


def build(project: Path, out: Path, site_url: str, what: str, snapshot: bool = False) -> None:
    """One MkDocs build of ``project`` into ``out``; ``Refused`` with MkDocs'
    own messages (no traceback) when it fails."""
    env = {
        **os.environ,
        **ENV,
        "SITE_URL": site_url,
        "GIDS_SNAPSHOT": "true" if snapshot else "false",
        # versions.json exists only in the published folder: the version
        # selector is switched on for these builds only.
        "GIDS_VERSIONS": "true",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        errors="replace",
    )
    if result.returncode != 0:
        messages = _mkdocs_messages(result.stdout + result.stderr) or ["(MkDocs gaf geen melding)"]
        raise Refused("\n".join([f"{what} kon niet worden gebouwd. MkDocs meldde:", *(f"  {m}" for m in messages)]))


def versions_json(versions: list[str]) -> list[dict[str, object]]:
    """Material's versions.json: newest first; the newest has the alias that
    marks it as current (no 'older version' banner)."""
    return [
        {
            "version": version,
            "title": f"Versie {version}" + (" (nieuwste)" if index == 0 else ""),
            "aliases": [NEWEST_ALIAS] if index == 0 else [],
        }
        for index, version in enumerate(versions)
    ]


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
    shown = _short(out)
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


def _quiet_git(root: Path, *args: str) -> None:
    """Clean-up through git that may fail without stopping anything."""
    with contextlib.suppress(gitrepo.GitError):
        gitrepo.run_git(root, *args)


def _build_all(root: Path, new: Path, site_url: str, versions: list[str], commits: dict[str, str]) -> None:
    build(root, new, site_url, "De gids zoals hij nu is")
    # Worktrees are created below a temporary folder and always removed;
    # "git worktree prune" forgets any that an earlier, killed run left.
    temp = Path(tempfile.mkdtemp(prefix="gids-versies-"))
    try:
        for version in versions:
            worktree = temp / version
            commit = commits[version]
            what = f"Versie {version} (commit {commit[:10]})"
            # A worktree, not an archive: the build of that commit still has
            # git history for its "last changed" dates.
            try:
                gitrepo.run_git(root, "worktree", "add", "--detach", "--quiet", str(worktree), commit)
            except gitrepo.GitError as error:
                raise Refused(_sentence(f"{what} kon niet uit git worden gehaald: {error}")) from None
            try:
                build(worktree, new / version, f"{site_url}{version}/", what, snapshot=True)
            finally:
                _quiet_git(root, "worktree", "remove", "--force", str(worktree))
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        _quiet_git(root, "worktree", "prune")
    (new / "versions.json").write_text(json.dumps(versions_json(versions), indent=2) + "\n", encoding="utf-8")


@contextlib.contextmanager
def _signals_ignored() -> Iterator[None]:
    """Ctrl-C waits while the new site takes the old one's place."""
    saved = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError):  # not the main thread
                saved[number] = signal.signal(number, signal.SIG_IGN)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def _put_in_place(new: Path, out: Path) -> None:
    """Let ``new`` take the place of ``out``: the old folder is renamed
    aside first and removed only once the new one is in."""
    with _signals_ignored():
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


def publish(root: Path, out: Path, site_url: str) -> list[str]:
    """Build everything and put it in ``out``; return the versions built.
    ``Refused`` (in Dutch) leaves ``out`` exactly as it was."""
    root = root.resolve()
    out = check_target(root, out)
    site_url = site_url.rstrip("/") + "/"
    guide, problems = load_guide(root)
    if problems:
        raise Refused(report(problems))
    assert guide is not None
    versions = [release.version for release in guide.releases]
    changelog = f"docs/{schema.CHANGELOG_SOURCE}"
    try:
        commits = gitrepo.release_commits(root, changelog)
    except gitrepo.GitError as error:
        raise Refused(_sentence(f"De versies kunnen niet worden gebouwd: {error}")) from None
    missing = [v for v in versions if v not in commits]
    if missing:
        raise Refused(
            f"Geen commit gevonden voor versie {', '.join(missing)}: leg de uitgave eerst vast "
            "(git commit) of zet er een tag v<versie> op."
        )
    _quiet_git(root, "worktree", "prune")

    out.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f"{out.name}.new-", dir=out.parent))
    try:
        _build_all(root, new, site_url, versions, commits)
        # mkdtemp makes a folder only its owner may read; a site is for all.
        mask = os.umask(0)
        os.umask(mask)
        new.chmod(0o777 & ~mask)
        _put_in_place(new, out)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    return versions


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make site-all-versions", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "out",
        type=Path,
        nargs="?",
        default=Path(os.environ.get("GIDS_PUBLIC_DIR") or "public"),
        help="de map voor de complete site",
    )
    parser.add_argument(
        "--site-url", default=os.environ.get("GIDS_SITE_URL") or os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"
    )
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    # A polite kill cleans up as Ctrl-C does.
    with contextlib.suppress(ValueError, AttributeError):
        signal.signal(signal.SIGTERM, _interrupted)
    shown = _short(Path(os.path.abspath(args.out)))
    # Said when there is a folder that stayed as it was.
    unchanged = f"\nDe map {shown} is niet veranderd." if args.out.exists() else ""
    try:
        versions = publish(args.root, args.out, args.site_url)
    except Refused as refusal:
        print(f"{refusal}{unchanged}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken." + unchanged.replace("\n", " "), file=sys.stderr)
        return 130
    except OSError as error:
        print(f"Er ging iets mis met {error.filename or 'een map'}: {error.strerror or error}.{unchanged}", file=sys.stderr)
        return 1
    print(f"Klaar: de gids staat in {shown}, met de versies {', '.join(versions) or '(nog geen)'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
