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
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from gids import gitrepo, load_guide, report, schema

ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
NEWEST_ALIAS = "nieuwste"


def build(project: Path, out: Path, site_url: str, snapshot: bool = False) -> None:
    """One MkDocs build of ``project`` into ``out``."""
    env = {**os.environ, **ENV, "SITE_URL": site_url, "GIDS_SNAPSHOT": "true" if snapshot else "false"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"Bouwen van {project} lukte niet:\n{result.stdout}{result.stderr}")


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


def publish(root: Path, out: Path, site_url: str) -> list[str]:
    """Build everything into ``out``; return the versions built."""
    site_url = site_url.rstrip("/") + "/"
    guide, problems = load_guide(root)
    if problems:
        raise SystemExit(report(problems))
    assert guide is not None
    versions = [release.version for release in guide.releases]
    changelog = f"docs/{schema.CHANGELOG_SOURCE}"
    try:
        commits = gitrepo.release_commits(root, changelog)
    except gitrepo.GitError as error:
        raise SystemExit(f"De versies kunnen niet worden gebouwd: {error}") from None
    missing = [v for v in versions if v not in commits]
    if missing:
        raise SystemExit(
            f"Geen commit gevonden voor versie {', '.join(missing)}: leg de uitgave eerst vast "
            "(git commit) of zet er een tag v<versie> op."
        )

    build(root, out, site_url)
    with tempfile.TemporaryDirectory(prefix="gids-versies-") as temp:
        for version in versions:
            worktree = Path(temp) / version
            # A worktree, not an archive: the build of that commit still has
            # git history for its "last changed" dates.
            subprocess.run(
                ["git", "worktree", "add", "--detach", "--quiet", str(worktree), commits[version]],
                cwd=root,
                check=True,
            )
            try:
                build(worktree, out / version, f"{site_url}{version}/", snapshot=True)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=root, check=True)
    (out / "versions.json").write_text(json.dumps(versions_json(versions), indent=2) + "\n", encoding="utf-8")
    return versions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make site-all-versions", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="de map voor de complete site")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    versions = publish(args.root.resolve(), out, args.site_url)
    print(f"Klaar: de gids staat in {out}, met de versies {', '.join(versions) or '(nog geen)'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
