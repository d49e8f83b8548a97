"""`make site-all-versions` never loses work: it refuses folders it must not
write into, builds everything beside the target first, and replaces the
target only when every build succeeded."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gids import publish
from tests.helpers import copy_project, git, init_repo

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
#: A dilemma of the real guide, to break.
DILEMMA = "dilemmas/minister-of-samenleving.md"


def run_publish(repo: Path, out: Path | str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gids.publish", str(out), "--site-url", "http://127.0.0.1:8000/", *extra],
        cwd=repo,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=600,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def old_site(folder: Path) -> dict[str, bytes]:
    """A stand-in for an earlier published site."""
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("<p>de vorige site</p>", encoding="utf-8")
    (folder / "1.0").mkdir()
    (folder / "1.0" / "index.html").write_text("<p>versie 1.0</p>", encoding="utf-8")
    return snapshot(folder)


def beside(folder: Path) -> list[str]:
    """What a run left beside ``folder`` (new or old copies)."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f"{folder.name}."))


def assert_dutch_without_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Error" not in result.stderr, result.stderr


def break_dilemma(repo: Path) -> None:
    path = repo / DILEMMA
    text = path.read_text(encoding="utf-8")
    assert "domains: [" in text
    path.write_text(text.replace("domains: [", "domains: [handhaving, ", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide in a repository of one commit, which made release 1.0."""
    repo = copy_project(tmp_path_factory.mktemp("publish") / "repo")
    init_repo(repo, "Release 1.0")
    return repo


# --- folders it must not write into -----------------------------------------


@pytest.mark.parametrize(
    "out, says",
    [
        (".", "is de map van de gids zelf of een map daarboven"),
        ("..", "is de map van de gids zelf of een map daarboven"),
        ("docs", "ligt in de map docs/ van de gids"),
        ("docs/site", "ligt in de map docs/ van de gids"),
        ("principles/x", "ligt in de map principles/ van de gids"),
        ("dilemmas", "ligt in de map dilemmas/ van de gids"),
        ("hooks/out", "ligt in de map hooks/ van de gids"),
        ("overrides", "ligt in de map overrides/ van de gids"),
        (".git", "ligt in de map .git/ van de gids"),
        ("docs/../.git/objects", "ligt in de map .git/ van de gids"),
        ("mkdocs.yml", "bestaat al en is geen map"),
    ],
)
def test_refuses_a_folder_of_the_project(repo: Path, out: str, says: str) -> None:
    before = snapshot(repo)
    result = run_publish(repo, out)
    assert_dutch_without_traceback(result)
    first, *rest = result.stderr.strip().splitlines()
    assert says in first, result.stderr
    # "is niet veranderd" only where there is a folder that stayed as it was.
    assert len(rest) == (repo / out).exists(), result.stderr
    assert all(line.startswith("De map ") and line.endswith(" is niet veranderd.") for line in rest)
    assert snapshot(repo) == before


def test_refuses_a_symlink_and_a_folder_that_is_no_site(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "echt"
    target.mkdir()
    (target / "belangrijk.txt").write_text("werk van een week", encoding="utf-8")
    link = tmp_path / "public"
    link.symlink_to(target)

    result = run_publish(repo, link)
    assert_dutch_without_traceback(result)
    assert "is een snelkoppeling (symlink); geef de echte map op." in result.stderr

    result = run_publish(repo, target)
    assert_dutch_without_traceback(result)
    assert "bestaat al en is geen gebouwde site (er staat geen index.html in)" in result.stderr
    assert (target / "belangrijk.txt").read_text(encoding="utf-8") == "werk van een week"
    assert beside(target) == []


def test_refuses_a_parent_of_the_project_given_by_its_full_path(repo: Path) -> None:
    result = run_publish(repo, repo.parent.parent)
    assert_dutch_without_traceback(result)
    assert "is de map van de gids zelf of een map daarboven" in result.stderr
    assert (repo / ".git").is_dir()


# --- failures leave the old site as it was ----------------------------------


def test_a_content_problem_leaves_the_old_site(tmp_path: Path) -> None:
    repo = copy_project(tmp_path / "repo")
    break_dilemma(repo)
    public = tmp_path / "public"
    before = old_site(public)
    result = run_publish(repo, public)
    assert_dutch_without_traceback(result)
    assert f"{DILEMMA}:" in result.stderr and "domains" in result.stderr
    assert snapshot(public) == before
    assert beside(public) == []


def test_without_git_history_it_says_so(tmp_path: Path) -> None:
    repo = copy_project(tmp_path / "repo")
    public = tmp_path / "public"
    before = old_site(public)
    result = run_publish(repo, public)
    assert_dutch_without_traceback(result)
    assert result.stderr.startswith("De versies kunnen niet worden gebouwd: geen git-geschiedenis gevonden.")
    assert snapshot(public) == before


def test_a_release_that_does_not_build_leaves_the_old_site(tmp_path: Path) -> None:
    """Release 1.0 is tagged on a commit whose content is broken; the guide
    as it is now is fine."""
    repo = copy_project(tmp_path / "repo")
    init_repo(repo, "Start")
    break_dilemma(repo)
    git(repo, "commit", "-qam", "Kapot")
    git(repo, "tag", "v1.0")
    git(repo, "revert", "--no-edit", "HEAD")
    public = tmp_path / "public"
    before = old_site(public)

    result = run_publish(repo, public)

    assert_dutch_without_traceback(result)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Versie 1.0 (commit ") and lines[0].endswith(") kon niet worden gebouwd. MkDocs meldde:")
    assert any(DILEMMA in line and "domains" in line for line in lines[1:]), result.stderr
    assert lines[-1] == f"De map {public} is niet veranderd."
    assert snapshot(public) == before
    assert beside(public) == []
    assert git(repo, "worktree", "list", "--porcelain").count("worktree ") == 1


def test_a_git_failure_is_one_dutch_sentence(tmp_path: Path) -> None:
    """The tag of release 1.0 points at a file instead of a commit."""
    repo = copy_project(tmp_path / "repo")
    init_repo(repo, "Release 1.0")
    git(repo, "tag", "v1.0", git(repo, "rev-parse", "HEAD:mkdocs.yml").strip())
    public = tmp_path / "public"
    before = old_site(public)

    result = run_publish(repo, public)

    assert_dutch_without_traceback(result)
    first, last = result.stderr.strip().splitlines()
    assert first.startswith("Versie 1.0 (commit ") and ") kon niet uit git worden gehaald: git worktree lukte niet: " in first
    assert last == f"De map {public} is niet veranderd."
    assert snapshot(public) == before
    assert beside(public) == []
    assert git(repo, "worktree", "list", "--porcelain").count("worktree ") == 1


def test_an_interrupted_run_leaves_the_old_site(repo: Path, tmp_path: Path) -> None:
    public = tmp_path / "public"
    before = old_site(public)
    process = subprocess.Popen(
        [sys.executable, "-m", "gids.publish", str(public)],
        cwd=repo,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not beside(public) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert beside(public), "the new folder beside the target"
    time.sleep(0.5)  # MkDocs is building into it
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, out + err
    assert err.strip() == f"Afgebroken. De map {public} is niet veranderd."
    assert snapshot(public) == before
    assert beside(public) == []


# --- success replaces the old site ------------------------------------------


def test_success_replaces_the_old_site(repo: Path, tmp_path: Path) -> None:
    public = tmp_path / "public"
    old_site(public)
    (public / "van-vroeger.html").write_text("weg ermee", encoding="utf-8")

    result = run_publish(repo, public)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"Klaar: de gids staat in {public}, met de versies 1.0."
    assert not (public / "van-vroeger.html").exists()
    assert (public / "versions.json").is_file() and (public / "1.0" / "dilemmas").is_dir()
    assert "de vorige site" not in (public / "index.html").read_text(encoding="utf-8")
    assert beside(public) == []
    # Readable for a web server, like any folder MkDocs makes.
    assert public.stat().st_mode & 0o755 == 0o755
    assert git(repo, "worktree", "list", "--porcelain").count("worktree ") == 1


# --- the parts ---------------------------------------------------------------


def test_every_build_switches_the_version_selector_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[dict[str, str]] = []

    def fake_run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        seen.append(kwargs["env"])  # type: ignore[arg-type]
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(publish.subprocess, "run", fake_run)
    publish.build(tmp_path, tmp_path / "site", "http://x/", "De gids")
    publish.build(tmp_path, tmp_path / "site" / "1.0", "http://x/1.0/", "Versie 1.0", snapshot=True)
    assert [(env["GIDS_VERSIONS"], env["GIDS_SNAPSHOT"]) for env in seen] == [("true", "false"), ("true", "true")]


def test_mkdocs_messages_keep_the_error_and_drop_the_traceback() -> None:
    output = (
        "INFO    -  Cleaning site directory\n"
        "WARNING -  Doc file 'x.md' contains a link to 'y.md', which is not found.\n"
        "Traceback (most recent call last):\n"
        '  File "/x/mkdocs/__main__.py", line 1, in <module>\n'
        "    build()\n"
        "ModuleNotFoundError: No module named 'segno'\n"
        "Aborted with 1 warnings in strict mode!\n"
        "Aborted with a BuildError!\n"
        "ERROR    -  De gids kan niet worden gebouwd.\n"
    )
    assert publish._mkdocs_messages(output) == [
        "WARNING -  Doc file 'x.md' contains a link to 'y.md', which is not found.",
        "ModuleNotFoundError: No module named 'segno'",
        "Aborted with 1 warnings in strict mode!",
        "De gids kan niet worden gebouwd.",
    ]
