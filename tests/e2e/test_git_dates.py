"""'Laatst gewijzigd' comes from git, asked once per build; a build without
(full) history still succeeds, shows no date and says why once."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from gids import gitrepo
from tests.helpers import copy_project, git, init_repo, mkdocs_build


def _commit(repo: Path, message: str, date: str) -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": f"{date}T12:00:00", "GIT_AUTHOR_DATE": f"{date}T12:00:00"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", message], cwd=repo, check=True, env=env)


def test_dates_of_all_files_from_one_git_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "dilemmas").mkdir(parents=True)
    (repo / "principles").mkdir()
    (repo / "dilemmas" / "a.md").write_text("a\n")
    (repo / "principles" / "p.md").write_text("p\n")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@gids.invalid")
    git(repo, "config", "user.name", "T")
    _commit(repo, "first", "2025-01-10")
    (repo / "dilemmas" / "a.md").write_text("a, changed\n")
    (repo / "dilemmas" / "b.md").write_text("b\n")
    _commit(repo, "second", "2025-03-05")

    calls: list[list[str]] = []
    real_popen = subprocess.Popen

    def counting_popen(args: list[str], **kwargs: object) -> subprocess.Popen[str]:
        calls.append(list(args))
        return real_popen(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(gitrepo.subprocess, "Popen", counting_popen)
    dates = gitrepo.last_changed(repo, ["principles", "dilemmas"])

    assert [c[:2] for c in calls] == [["git", "log"]]
    assert dates.warning is None
    assert dates.dates == {
        "dilemmas/a.md": dt.date(2025, 3, 5),
        "dilemmas/b.md": dt.date(2025, 3, 5),
        "principles/p.md": dt.date(2025, 1, 10),
    }


def test_without_git_the_dates_are_missing_and_the_warning_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    dates = gitrepo.last_changed(tmp_path, ["dilemmas"])
    assert dates.dates == {} and dates.latest is None
    assert dates.warning is not None and dates.warning.startswith("git gaf geen geschiedenis (")
    assert "git" in dates.warning.removeprefix("git gaf geen geschiedenis")


def test_a_failing_git_gives_its_first_error_line(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # a folder git does not take for a repository
    dates = gitrepo.last_changed(tmp_path, ["dilemmas"])
    assert dates.dates == {}
    assert dates.warning is not None and "fatal" in dates.warning and "\n" not in dates.warning


def test_a_build_without_git_history_succeeds_and_says_why_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "zip-download")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.count("Let op: de pagina's tonen geen datum van laatste wijziging") == 1
    assert "geen git-geschiedenis gevonden" in output
    dilemma = next((tmp_path / "site" / "dilemmas").glob("*/index.html"))
    assert "Laatst gewijzigd" not in dilemma.read_text(encoding="utf-8")
    assert "Versiegeschiedenis" in dilemma.read_text(encoding="utf-8")


def test_a_shallow_clone_builds_and_says_how_to_get_the_history(tmp_path: Path) -> None:
    origin = copy_project(tmp_path / "origin")
    init_repo(origin, "first")
    (origin / "docs" / "over.md").write_text((origin / "docs" / "over.md").read_text(encoding="utf-8") + "\nMeer.\n", encoding="utf-8")
    git(origin, "commit", "-qam", "second")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)

    result = mkdocs_build(clone, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.count("Let op:") == 1
    assert "shallow clone" in output and "git fetch --unshallow" in output


def test_a_full_history_build_shows_the_date_in_dutch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    init_repo(project, "first")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0
    assert "Let op:" not in result.stdout + result.stderr
    today = dt.date.today()
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    expected = f"{today.day} {months[today.month - 1]} {today.year}"
    html = next((tmp_path / "site" / "principes").glob("*/index.html")).read_text(encoding="utf-8")
    assert f'Laatst gewijzigd: <time datetime="{today.isoformat()}">{expected}</time>' in html
