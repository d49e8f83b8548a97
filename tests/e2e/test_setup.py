"""The set-up promises of the README: pinned dependencies, a clear message
without a browser, CI running the README's test command."""

from __future__ import annotations

import re
import shutil
import subprocess

import yaml
from yaml_env_tag import construct_env_tag

from tests.helpers import ROOT


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV tag, as MkDocs does."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def test_make_test_names_what_is_missing_when_it_may_not_install_it(tmp_path) -> None:
    # As a user who is not root and has no sudo: a PATH without sudo, apt-get,
    # npm or java, and `id -u` answering 1000.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "test", "env", "mkdir"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n")
    (bin_dir / "id").chmod(0o755)
    result = subprocess.run(
        [shutil.which("make"), "--no-print-directory", "test-system", "CHROMIUM=/nonexistent/chromium"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": str(bin_dir)},
    )
    assert result.returncode != 0
    assert "Voor de tests ontbreekt: chromium npm default-jre-headless rsync g++ " in result.stdout
    assert "Installeer het met:  sudo apt-get install chromium npm default-jre-headless rsync g++\n" in result.stdout


def test_make_test_is_quiet_when_everything_is_there() -> None:
    result = subprocess.run(["make", "--no-print-directory", "test-system"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == ""


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
    # make test installs what the tests need itself: CI only calls it.
    assert "apt-get" not in ci
    assert "make serve" in readme and "make test" in readme


def test_make_test_installs_what_is_missing_as_root(tmp_path) -> None:
    # As root on a machine without npm and Java: apt-get (a stand-in that
    # writes down how it was called) installs exactly those.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "test", "env", "mkdir"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    log = tmp_path / "apt.log"
    (bin_dir / "apt-get").write_text(f"#!/bin/sh\necho \"$@\" >> {log}\n")
    (bin_dir / "id").write_text("#!/bin/sh\necho 0\n")
    # rsync and g++ (for make pipeline) are there: stand-ins that do nothing.
    for tool in ("rsync", "g++"):
        (bin_dir / tool).write_text("#!/bin/sh\n")
    for tool in ("apt-get", "id", "rsync", "g++"):
        (bin_dir / tool).chmod(0o755)
    result = subprocess.run(
        [shutil.which("make"), "--no-print-directory", "test-system", f"CHROMIUM={shutil.which('sh')}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": str(bin_dir)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "De tests hebben nodig: npm default-jre-headless" in result.stdout
    assert log.read_text().splitlines() == [
        "update -qq",
        "install -y -qq --no-install-recommends npm default-jre-headless",
    ]
