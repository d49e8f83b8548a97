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

Each build also gets its PDFs (``printed``): the decks of cards, linked
from the tension pages and /dilemmas/, and the guide as a booklet, linked
from /versies/.

Nothing is lost when something fails: everything is checked first, then
built into a new folder beside the target, which takes the target's place
only when every build succeeded (``site_folder``).
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
from pathlib import Path

from . import gitrepo, printed, schema, vendor
from .problems import report
from .site_folder import Refused, built_beside, check_target, short
from .validate import load_guide

ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
NEWEST_ALIAS = "nieuwste"
#: How many of MkDocs' messages a failed build shows.
MESSAGES_SHOWN = 20


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


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


def build(
    project: Path, out: Path, site_url: str, what: str, snapshot: bool = False, booklets: list[str] | None = None
) -> None:
    """One MkDocs build of ``project`` into ``out``; ``Refused`` with MkDocs'
    own messages (no traceback) when it fails. ``booklets``: the releases
    whose folder will have a booklet, for /versies/ to link to."""
    env = {
        **os.environ,
        **ENV,
        "SITE_URL": site_url,
        "GIDS_SNAPSHOT": "true" if snapshot else "false",
        # versions.json exists only in the published folder: the version
        # selector is switched on for these builds only.
        "GIDS_VERSIONS": "true",
        # The booklet's page, and links to the PDFs (printed.py).
        "GIDS_BOOKLET": "true",
        "GIDS_BOOKLETS": ",".join(booklets or []),
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


#: The root of the published folder in versions.json: Material links each
#: entry to ``../<version>/`` from a version's folder, which for "." is the
#: root. It comes first: Material shows the first entry where an address
#: names no version (the root's pages).
ROOT_VERSION = "."
ROOT_TITLE = "Nieuwste versie"


def versions_json(versions: list[str]) -> list[dict[str, object]]:
    """Material's versions.json: the root (the guide as it is now) first,
    titled as the newest; then the releases, newest first, each titled by
    its number only. The root and the newest release carry the alias that
    marks a version as current (no "older version" banner): the newest
    release is not outdated until there is a newer one."""
    root = {"version": ROOT_VERSION, "title": ROOT_TITLE, "aliases": [NEWEST_ALIAS]}
    return [
        root,
        *(
            {"version": version, "title": f"Versie {version}", "aliases": [NEWEST_ALIAS] if index == 0 else []}
            for index, version in enumerate(versions)
        ),
    ]


def _quiet_git(root: Path, *args: str) -> None:
    """Clean-up through git that may fail without stopping anything."""
    with contextlib.suppress(gitrepo.GitError):
        gitrepo.run_git(root, *args)


def _print(site: Path, what: str) -> None:
    try:
        printed.write_pdfs(site)
    except printed.PrintError as error:
        raise Refused(f"{what}: {error}") from None


def _build_all(root: Path, new: Path, site_url: str, versions: list[str], commits: dict[str, str]) -> None:
    # Every release gets its booklet (printed.py), also one built from a
    # commit before the booklet existed.
    build(root, new, site_url, "De gids zoals hij nu is", booklets=versions)
    _print(new, "De gids zoals hij nu is")
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
                _print(new / version, what)
            finally:
                _quiet_git(root, "worktree", "remove", "--force", str(worktree))
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        _quiet_git(root, "worktree", "prune")
    (new / "versions.json").write_text(json.dumps(versions_json(versions), indent=2) + "\n", encoding="utf-8")


def publish(root: Path, out: Path, site_url: str) -> list[str]:
    """Build everything and put it in ``out``; return the versions built.
    ``Refused`` (in Dutch) leaves ``out`` exactly as it was."""
    root = root.resolve()
    out = check_target(root, out)
    # The published guide has the form at /bewerken/ (cms.py).
    if not vendor.DECAP_CMS.present(root):
        raise Refused(
            f"Het formulier om de gids te bewerken (Decap CMS {vendor.DECAP_CMS.version}) ontbreekt: "
            "haal het eerst op met make decap-cms."
        )
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
    try:
        printed.chromium()  # before anything is built
    except printed.PrintError as error:
        raise Refused(str(error)) from None

    with built_beside(out) as new:
        _build_all(root, new, site_url, versions, commits)
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
    shown = short(Path(os.path.abspath(args.out)))
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
