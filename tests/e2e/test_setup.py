"""The set-up promises of the README: pinned dependencies, a clear message
without a browser, CI running the README's test command."""

from __future__ import annotations

import re
import subprocess

import yaml
from yaml_env_tag import construct_env_tag

from helpers import ROOT


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV tag, as MkDocs does."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def test_make_test_explains_a_missing_browser() -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "check-browser", "CHROMIUM=/nonexistent/chromium"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Geen browser gevonden op /nonexistent/chromium" in result.stdout
    assert "apt-get install chromium" in result.stdout


def test_every_dependency_is_pinned_and_mkdocs_stays_below_2() -> None:
    for name in ("requirements.txt", "requirements-test.txt"):
        lines = [
            line.strip()
            for line in (ROOT / name).read_text().splitlines()
            if line.strip() and not line.startswith(("#", "-r "))
        ]
        assert lines
        assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line) for line in lines), name
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line)
    assert int(pins["mkdocs"].split(".")[0]) == 1
    assert "<2.0" in (ROOT / "requirements.in").read_text()


def test_serve_watches_the_content_and_templates() -> None:
    config = mkdocs_config()
    assert {"principles", "dilemmas", "overrides"} <= set(config["watch"])


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)
    assert "apt-get install" in ci and "chromium" in ci
    assert "make serve" in readme and "make test" in readme
