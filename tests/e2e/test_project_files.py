"""The files around the guide that let people work on it together: the
pipelines call commands that exist, with full history and without
downloading a browser; the merge-request templates hold the reviewer's
checklist; publiccode.yml and the licences are complete."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT

GITLAB_CI = ROOT / ".gitlab-ci.yml"
GITHUB_WORKFLOW = ROOT / ".github" / "workflows" / "gids.yml"
PIPELINES = [GITLAB_CI, GITHUB_WORKFLOW]
TEMPLATES = [
    ROOT / ".gitlab" / "merge_request_templates" / "Default.md",
    ROOT / ".github" / "pull_request_template.md",
]
CODEOWNERS = [ROOT / "CODEOWNERS", ROOT / ".github" / "CODEOWNERS"]

# `make [options] target`: the target is the first word that is not an option.
MAKE_CALL = re.compile(r"\bmake\s+(?:-[-\w]*\s+)*([A-Za-z][\w.-]*)")


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*):", text, re.M))


def gitlab_jobs() -> dict[str, dict[str, Any]]:
    """The jobs of .gitlab-ci.yml (hidden templates and global keys left out)."""
    reserved = {"workflow", "stages", "variables", "default", "include", "image", "services", "cache"}
    return {
        name: job
        for name, job in load(GITLAB_CI).items()
        if not name.startswith(".") and name not in reserved and isinstance(job, dict)
    }


def gitlab_commands() -> Iterator[str]:
    for job in load(GITLAB_CI).values():
        if isinstance(job, dict):
            for key in ("before_script", "script", "after_script"):
                yield from job.get(key, [])


def github_steps() -> Iterator[dict[str, Any]]:
    for job in load(GITHUB_WORKFLOW)["jobs"].values():
        yield from job.get("steps", [])


def github_commands() -> Iterator[str]:
    for step in github_steps():
        if "run" in step:
            yield step["run"]


def pipeline_commands() -> list[str]:
    return [*gitlab_commands(), *github_commands()]


def test_pipelines_are_valid_yaml() -> None:
    for path in PIPELINES:
        load(path)
    assert gitlab_jobs()
    assert load(GITHUB_WORKFLOW)["jobs"]


def test_pipelines_call_only_make_targets_that_exist() -> None:
    targets = makefile_targets()
    called = {match for command in pipeline_commands() for match in MAKE_CALL.findall(command)}
    assert {"check", "test", "site-all-versions", "check-history"} <= called
    assert called <= targets, f"not in the Makefile: {sorted(called - targets)}"


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"`make ([a-z][\w-]*)", readme))
    assert {"serve", "test"} <= mentioned
    assert mentioned <= makefile_targets(), f"not in the Makefile: {sorted(mentioned - makefile_targets())}"


def test_pipelines_fetch_the_full_history() -> None:
    # Dates, make check-history and make site-all-versions need every commit.
    assert str(load(GITLAB_CI)["variables"]["GIT_DEPTH"]) == "0"
    checkouts = [step for step in github_steps() if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts
    assert all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


def test_no_pipeline_downloads_a_browser() -> None:
    for path in [*PIPELINES, ROOT / ".ci" / "run"]:
        assert "playwright install" not in path.read_text(encoding="utf-8"), path
    installs = " ".join(command for command in pipeline_commands() if "apt-get install" in command)
    assert "chromium" in installs and "npm" in installs


def test_gitlab_checks_merge_requests_and_publishes_the_default_branch() -> None:
    jobs = gitlab_jobs()
    assert load(GITLAB_CI)["stages"] == ["check", "test", "build", "deploy"]
    history = " ".join(jobs["check-history"]["script"])
    assert "CI_MERGE_REQUEST_TARGET_BRANCH_NAME" in history and "git fetch" in history

    preview = jobs["preview"]
    assert preview["artifacts"]["expose_as"] == "Voorbeeld van de gids"
    assert preview["artifacts"]["paths"] == ["public/"]
    assert preview["environment"]["name"] == "review/$CI_COMMIT_REF_SLUG"
    assert preview["environment"]["url"].endswith("/public/index.html")
    assert preview["variables"]["SITE_URL"].endswith("/public/")

    pages = jobs["pages"]
    assert pages["artifacts"]["paths"] == ["public/"]
    publish = " ".join(pages["script"])
    # The published address must end in a slash, and CI_PAGES_URL has none.
    assert re.search(r'site-all-versions SITE_URL="\$\{CI_PAGES_URL%/\}/"', publish)
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_github_checks_pull_requests_and_publishes_main() -> None:
    workflow = load(GITHUB_WORKFLOW)
    # YAML 1.1 reads the key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    history = " ".join(step.get("run", "") for step in jobs["check-history"]["steps"])
    assert "origin/$BASE_REF" in history
    assert jobs["check-history"]["steps"][-1]["env"]["BASE_REF"] == "${{ github.base_ref }}"

    preview = jobs["preview"]["steps"]
    uploads = [step for step in preview if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [step["with"]["name"] for step in uploads] == ["voorbeeld-van-de-gids"]

    build = " ".join(step.get("run", "") for step in jobs["pages-build"]["steps"])
    assert 'SITE_URL="${{ steps.pages.outputs.base_url }}/"' in build
    deploy = jobs["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    used = {str(step.get("uses", "")).split("@")[0] for job in jobs.values() for step in job.get("steps", [])}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    # Actions are pinned to a major version.
    for step in github_steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]


def test_publiccode_has_the_required_fields() -> None:
    code = load(ROOT / "publiccode.yml")
    assert code["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "developmentStatus", "softwareType"):
        assert isinstance(code[key], str) and code[key], key
    assert code["url"].startswith("https://")
    assert code["platforms"] == ["web"]
    assert code["categories"] and all(isinstance(c, str) for c in code["categories"])
    assert code["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert code["softwareType"] == "standalone/web"
    dutch = code["description"]["nl"]
    assert len(dutch["shortDescription"]) <= 150
    assert 150 <= len(dutch["longDescription"]) <= 10000
    assert dutch["features"]
    for language in code["description"].values():
        assert len(language["shortDescription"]) <= 150
        assert len(language["longDescription"]) >= 150
    assert code["legal"]["license"] == "EUPL-1.2"
    maintenance = code["maintenance"]
    assert maintenance["type"] in {"internal", "contract", "community", "none"}
    if maintenance["type"] in {"internal", "community"}:
        assert all(contact["name"] for contact in maintenance["contacts"])
    assert isinstance(code["localisation"]["localisationReady"], bool)
    assert "nl" in code["localisation"]["availableLanguages"]


def test_licences_are_complete() -> None:
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "Appendix" in code
    assert (ROOT / "LICENSES" / "EUPL-1.2.txt").read_text(encoding="utf-8") == code
    content = (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert "Attribution 4.0 International" in content
    assert "Section 1 – Definitions" in content


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_merge_request_templates_hold_the_checklist(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    assert "Wat verandert er en waarom?" in text
    checklist = "\n".join(line for line in text.splitlines() if line.startswith("- [ ] "))
    items = (
        "`source:`",
        "`history",
        "tikfout",
        "B1",
        "eigen woorden",
        "`make check`",
        "voorbeeld",
        "`aliases`",
        "`upcoming: removed:`",
    )
    for item in items:
        assert item in checklist, item


def test_merge_request_templates_say_the_same() -> None:
    gitlab, github = (template.read_text(encoding="utf-8") for template in TEMPLATES)
    items = [re.findall(r"^- \[ \] \*\*(.+?)\*\*", text, re.M) for text in (gitlab, github)]
    assert items[0] == items[1] and len(items[0]) == 6


def test_codeowners_give_content_to_the_editors_and_code_to_the_developers() -> None:
    rules = []
    for path in CODEOWNERS:
        lines = path.read_text(encoding="utf-8").splitlines()
        rules.append([line.split() for line in lines if line.strip() and not line.startswith("#")])
    assert rules[0] == rules[1], "CODEOWNERS and .github/CODEOWNERS differ"
    owners = {pattern: set(handles) for pattern, *handles in rules[0]}
    for folder in ("/principles/", "/dilemmas/", "/docs/", "/sjablonen/"):
        assert owners[folder] == {"@voorbeeld/redactie"}, folder
    code = ("/hooks/", "/overrides/", "/tests/", "/Makefile", "*.yml", "/requirements*", "/package*.json")
    for path in (*code, "/.ci/", "/.github/", "/.gitlab/"):
        assert owners[path] == {"@voorbeeld/ontwikkelaars"}, path
