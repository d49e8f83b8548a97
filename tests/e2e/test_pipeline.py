"""make pipeline: the GitLab pipeline (.gitlab-ci.yml) run on this computer by
gitlab-ci-local with its shell executor, as a merge request and as the
default branch, never its job `test` (this test runs inside make test).

The repository is a clone of the project with its whole history (release
1.0 is published from its own commit, as on GitLab Pages), then the work
tree as it is now on `main`, and a merge request on top that changes a
dilemma without a history note."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, git

#: The project's own gitlab-ci-local; make test builds its native module.
GITLAB_CI_LOCAL = ROOT / "node_modules" / ".bin" / "gitlab-ci-local"
RE2 = "node_modules/re2/build/Release/re2.node"
DILEMMA = "op-tijd-opschalen"
NEW_SENTENCE = "Een zin uit het voorstel van een collega."


def work_tree_as_commit(repo: Path) -> None:
    """Make the files of ``repo`` those of the project's work tree as
    ``git add -A`` would commit them: tracked and new files, not the ignored."""
    for name in git(repo, "ls-files", "-z").split("\0"):
        if name:
            (repo / name).unlink(missing_ok=True)
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)


def clone_with_work_tree(repo: Path) -> Path:
    """A clone of the project at ``repo`` with its whole history, and on
    `main` one more commit: the work tree as it is now."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(repo)], check=True, capture_output=True)
    git(repo, "config", "user.email", "test@gids.invalid")
    git(repo, "config", "user.name", "Test")
    git(repo, "checkout", "-q", "-B", "main")
    work_tree_as_commit(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", "De werkmap")
    return repo


def make_pipeline(repo: Path, **extra_env: str) -> str:
    """Run `make pipeline` in ``repo`` (its HEAD as a merge request into
    `main`, then as `main`) with the project's own gitlab-ci-local, and
    return its output; the test fails if it fails."""
    version = subprocess.run([str(GITLAB_CI_LOCAL), "--version"], capture_output=True, text=True)
    assert version.returncode == 0, f"gitlab-ci-local does not run (make test builds it: {RE2}):\n{version.stderr}"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")} | extra_env
    # The project's node_modules, not a second npm ci and re2 build.
    result = subprocess.run(
        ["make", "--no-print-directory", "pipeline", "-o", RE2, f"GITLAB_CI_LOCAL={GITLAB_CI_LOCAL}"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    repo = clone_with_work_tree(tmp_path_factory.mktemp("pipeline") / "repo")
    git(repo, "checkout", "-q", "-b", "voorstel")
    dilemma = repo / "dilemmas" / f"{DILEMMA}.md"
    text = dilemma.read_text(encoding="utf-8")
    dilemma.write_text(text.replace("\n## Spanning\n", f"\n{NEW_SENTENCE}\n\n## Spanning\n", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Een zin erbij")
    return repo, make_pipeline(repo)


def artifacts(repo: Path, pipeline: str, job: str) -> Path:
    return repo / ".gitlab-ci-local" / pipeline / ".gitlab-ci-local" / "artifacts" / job


def report(output: str) -> dict[str, str]:
    """Each job's verdict in gitlab-ci-local's reports (both pipelines)."""
    return {job: verdict for verdict, job in re.findall(r"^ (PASS|WARN|FAIL) +([\w-]+)(?: +pre_script)? *$", output, re.M)}


def test_the_rules_choose_the_jobs_and_test_is_never_run(run: tuple[Path, str]) -> None:
    _, output = run
    assert "Pijplijn als merge-request: check check-history preview" in output
    assert "Pijplijn als default-branch: check pages" in output
    assert "starting shell (test)" not in output


def test_every_job_passed_and_check_history_warns_about_the_missing_note(run: tuple[Path, str]) -> None:
    repo, output = run
    assert report(output) == {"check": "PASS", "check-history": "WARN", "preview": "PASS", "pages": "PASS"}, output
    log = (repo / ".gitlab-ci-local" / "merge-request" / ".gitlab-ci-local" / "output" / "check-history.log").read_text()
    assert re.search(rf"^waarschuwing: dilemmas/{DILEMMA}\.md:\d+: history: gewijzigd sinds ", log, re.M), log
    assert "1 waarschuwing, 0 fouten" in log


def test_the_preview_has_pages_as_files_with_the_change(run: tuple[Path, str]) -> None:
    repo, _ = run
    public = artifacts(repo, "merge-request", "preview") / "public"
    page = public / "dilemmas" / f"{DILEMMA}.html"
    assert NEW_SENTENCE in page.read_text(encoding="utf-8")
    assert not (public / "dilemmas" / DILEMMA).exists()
    assert (public / "sessie.html").is_file() and (public / "index.html").is_file()
    config = re.search(r'<script id="gids-config" type="application/json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    assert config, "no settings block"
    published = json.loads(config.group(1))["published"]
    assert re.fullmatch(r"https?://.+/-/jobs/\d+/artifacts/file/public/", published), published


def test_pages_publishes_the_guide_with_its_versions(run: tuple[Path, str]) -> None:
    repo, _ = run
    public = artifacts(repo, "default-branch", "pages") / "public"
    versions = json.loads((public / "versions.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in versions][:2] == [".", "1.0"]
    # The newest guide at the root, with the change; release 1.0 built from
    # its own commit, without it.
    assert NEW_SENTENCE in (public / "dilemmas" / DILEMMA / "index.html").read_text(encoding="utf-8")
    assert NEW_SENTENCE not in (public / "1.0" / "dilemmas" / DILEMMA / "index.html").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/dilemmas/" in (public / "sitemap.xml").read_text(encoding="utf-8")
    assert list(public.glob("*.pdf")) and (public / "1.0" / "index.html").is_file()


def test_the_work_tree_is_left_as_it_was(run: tuple[Path, str]) -> None:
    repo, _ = run
    assert git(repo, "status", "--porcelain", "--ignored=matching") == "!! .gitlab-ci-local/\n"
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD") == "voorstel\n"
