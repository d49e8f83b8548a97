"""Helpers shared by the tests: paths, a guide on disk to change, builds."""

from __future__ import annotations

import contextlib
import functools
import http.client
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from gids import printed

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_GUIDE = ROOT / "tests" / "fixtures" / "guide"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def copy_fixture_guide(target: Path) -> Path:
    """The small fixture guide, with the real project's mkdocs.yml: its
    bodies are rendered with the site's own markdown settings."""
    shutil.copytree(FIXTURE_GUIDE, target)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@dataclass
class GuideTree:
    """A copy of a guide on disk that a test may change."""

    root: Path

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()


@functools.cache
def benchmark_module(stem: str):  # -> the module benchmark/<stem>.py
    """A module of the benchmark, loaded by path: its folder is not a
    package. For those that import no other benchmark module (generate.py,
    browser.py)."""
    name = f"benchmark_{stem}"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmark" / f"{stem}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def bench():  # -> the module benchmark/generate.py
    """The benchmark's generator of synthetic guides."""
    return benchmark_module("generate")


def copy_project(target: Path) -> Path:
    """A copy of the real project (content, config, hooks, templates)."""
    # What .gitignore keeps out of the repository, and the tests themselves.
    ignore = shutil.ignore_patterns(
        ".venv", "site", "public", "offline", "node_modules", ".git", "__pycache__", ".pytest_cache", "tests",
        ".gitlab-ci-local",
    )
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def mkdocs_build(project: Path, site_dir: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` the way `make build` does, and capture its output.
    A build that succeeds must have written a feed that is XML and open data
    that is JSON: every test build checks the files it publishes."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **extra_env}
    result = subprocess.run(
        [*MKDOCS, "build", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if result.returncode == 0:
        assert_outputs_well_formed(site_dir)
    return result


def assert_outputs_well_formed(site_dir: Path) -> None:
    """The feed parses as XML, the open data as JSON (strictly: no NaN)."""
    ElementTree.parse(site_dir / "versies.xml")

    def refuse(constant: str) -> None:
        raise AssertionError(f"gids.json holds {constant}, which is not JSON")

    json.loads((site_dir / "gids.json").read_text(encoding="utf-8"), parse_constant=refuse)


@dataclass
class Served:
    """A running `mkdocs serve` of a project: its port, and its log."""

    port: int
    log: Path

    def get(self, path: str) -> str | None:
        """The page at ``path`` (``/dilemmas/x/``), or ``None`` (not served, or not 200)."""
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            connection.request("GET", path)
            response = connection.getresponse()
            return response.read().decode("utf-8") if response.status == 200 else None
        except OSError:
            return None

    def wait_for(self, path: str, text: str = "", seconds: float = 60) -> str:
        """The page at ``path`` once it is served and holds ``text``."""
        deadline = time.monotonic() + seconds
        html = ""
        while time.monotonic() < deadline:
            html = self.get(path) or ""
            if html and text in html:
                return html
            time.sleep(0.5)
        raise AssertionError(f"mkdocs serve never served {path} with {text!r}:\n{self.log.read_text(encoding='utf-8')}")


@contextlib.contextmanager
def mkdocs_serve(project: Path) -> Iterator[Served]:
    """`mkdocs serve` of ``project`` on a free port of 127.0.0.1, as `make
    serve` runs it; stopped (with its children) when the block ends."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = project / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    with log.open("w") as output:
        server = subprocess.Popen(
            [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield Served(port, log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def git(repo: Path, *args: str) -> str:
    """Run git in a test repository and return its output."""
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def init_repo(repo: Path, message: str) -> None:
    """Make ``repo`` a git repository with everything in one commit."""
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@gids.invalid")
    git(repo, "config", "user.name", "Test")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


#: Serve a folder on 127.0.0.1 (a free port); yields its address.
serve = printed.served


@dataclass
class TwoReleases:
    """A copy of the guide with two releases, published with all versions."""

    repo: Path
    public: Path
    #: The dilemma renamed in 1.1: (old id, new id).
    renamed: tuple[str, str]
    #: The dilemma removed in 1.1, and its title.
    removed: tuple[str, str]
