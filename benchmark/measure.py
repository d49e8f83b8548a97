"""The benchmark's measurements: cold builds of a guide and of its floor.

``measure_size`` builds a generated guide ("ours", with all hooks) and its
floor (plain MkDocs and Material) ``repeat`` times each, alternating which
goes first, every build in its own process and into a new output folder, and
returns their wall and CPU time, peak memory, git processes and what the
sites hold; ``machine`` and ``project_version`` describe what ran them. It
knows nothing of how the guide was made (generate.py) or how the numbers are
shown (report.py).

The guide's hooks/mkdocs_adapter.py imports ``gids`` from the package
installed (editable) in the Python running this, that is this checkout's
src/gids; the import path is left as it is.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
#: Variables that would change what the project's mkdocs.yml builds.
CLEARED_ENV = (
    "OFFLINE", "DIRECTORY_URLS", "SITE_URL", "GIDS_SNAPSHOT", "GIDS_VERSIONS",
    "GIDS_REPOSITORY_URL", "GIDS_REPOSITORY_BRANCH",
)  # fmt: skip


@dataclass
class Run:
    """One build: wall and CPU seconds (user + system, of the build and the
    processes it waited for), peak resident memory and git processes."""

    seconds: float
    cpu_seconds: float
    peak_kb: int
    git_calls: int


# This small process forks the measured command and reports the command's own
# resource usage. Why not wait4 on the command from this script: Linux counts
# in a process's maxrss the memory of the process it was forked from (exec
# keeps the old address space's high-water mark), so a build started from this
# script would inherit the script's size; forked from the launcher, it
# inherits only the launcher's few MB.
LAUNCHER = """
import json, os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB on Linux
with open(report, "w") as out:
    json.dump({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
               "peak_kb": usage.ru_maxrss * 1024 // scale, "code": code}, out)
sys.exit(code if code >= 0 else 128 - code)
"""


def git_shim(folder: Path) -> Path:
    """A folder with a ``git`` that logs each call to $GIDS_BENCH_GIT_LOG,
    then runs the real one; put first on PATH, it counts git processes."""
    real = shutil.which("git")
    if real is None:
        raise SystemExit("The benchmark needs git.")
    folder.mkdir(parents=True, exist_ok=True)
    shim = folder / "git"
    text = f'#!/bin/sh\nprintf "%s\\n" "$*" >> "$GIDS_BENCH_GIT_LOG"\nexec {real} "$@"\n'
    shim.write_text(text, encoding="utf-8")
    shim.chmod(0o755)
    return folder


def build(project: Path, site: Path, shim_dir: Path, logs: Path, name: str) -> Run:
    """``mkdocs build`` of ``project`` into ``site`` (a new folder), in its
    own process, started by LAUNCHER. Output goes to a log (no pipes)."""
    git_log, log, usage = (logs / f"{name}{suffix}" for suffix in (".git.log", ".log", ".usage.json"))
    git_log.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV}
    env.update(BUILD_ENV, GIDS_BENCH_GIT_LOG=str(git_log))
    env["PATH"] = f"{shim_dir}{os.pathsep}{env.get('PATH', '')}"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    with log.open("wb") as out:
        subprocess.run(
            [sys.executable, "-c", LAUNCHER, str(usage), *command],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    measured = json.loads(usage.read_text(encoding="utf-8")) if usage.is_file() else {"code": None}
    if measured["code"] != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise SystemExit(f"Build {name} of {project} failed (exit code {measured['code']}):\n{tail}")
    # One line per call; split on newlines only: the arguments may hold
    # characters that str.splitlines() also breaks on.
    calls = len([line for line in git_log.read_text(encoding="utf-8").split("\n") if line.strip()])
    return Run(measured["seconds"], measured["cpu"], measured["peak_kb"], calls)


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text(encoding="utf-8").split()[:3])
    except OSError:
        return "unknown"


def project_version(root: Path) -> str:
    """The commit of ``root`` measured, and whether the code differs from it (read-only git)."""
    git = ["git", "--no-optional-locks", "-C", str(root)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    if head.returncode != 0:
        return "unknown (no git)"
    paths = ["src", "hooks", "overrides", "mkdocs.yml", "requirements.txt"]
    diff = subprocess.run([*git, "diff", "--quiet", "HEAD", "--", *paths], capture_output=True, check=False)
    if diff.returncode == 0:
        return f"commit {head.stdout.strip()}"
    return f"commit {head.stdout.strip()}, with uncommitted changes in {', '.join(paths[:-1])} or {paths[-1]}"


def _first(path: str, prefix: str) -> str | None:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((line for line in lines if line.startswith(prefix)), None)


def machine() -> list[str]:
    """The machine, in a few markdown list items."""
    cpu = _first("/proc/cpuinfo", "model name")
    memory = _first("/proc/meminfo", "MemTotal:")
    ram = f"{int(memory.split()[1]) / 1024 / 1024:.1f} GB" if memory else "unknown"

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    git = subprocess.run(["git", "--version"], check=False, capture_output=True, text=True).stdout.strip()
    packages = ("mkdocs", "mkdocs-material", "mkdocs-redirects", "Markdown", "markdown-it-py", "PyYAML")
    versions = "; ".join(f"{name} {version(name)}" for name in (*packages, "segno"))
    return [
        f"- CPU: {cpu.split(':', 1)[1].strip() if cpu else 'unknown'}, {os.cpu_count()} cores; RAM: {ram}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}; {versions}; {git}",
    ]


def _kb(path: Path) -> float:
    return path.stat().st_size / 1024 if path.is_file() else float("nan")


def site_facts(site: Path, page: str) -> dict[str, float]:
    """What a built site holds: its files, the page ``page`` and the outputs
    only ours makes (NaN in the floor)."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "page_kb": _kb(site / page),
        "html_files": sum(1 for p in files if p.suffix == ".html"),
        "site_mb": sum(p.stat().st_size for p in files) / 1024 / 1024,
        "search_kb": _kb(site / "search" / "search_index.json"),
        "dilemma_list_kb": _kb(site / "dilemmas" / "index.html"),
        "gids_json_kb": _kb(site / "gids.json"),
        "feed_kb": _kb(site / "versies.xml"),
    }


@dataclass
class SizeResult:
    """All rounds of one size; the properties are medians or fastest rounds."""

    dilemmas: int
    principles: int
    ours: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)
    #: site_facts of the last round's sites.
    ours_site: dict[str, float] = field(default_factory=dict)
    floor_site: dict[str, float] = field(default_factory=dict)
    #: The last round's sites, by side ("ours", "floor"); gone with the work folder.
    sites: dict[str, Path] = field(default_factory=dict)

    @staticmethod
    def _median(runs: list[Run], key: str) -> float:
        return statistics.median(getattr(r, key) for r in runs)

    @property
    def build_s(self) -> float:
        return self._median(self.ours, "seconds")

    @property
    def floor_s(self) -> float:
        return self._median(self.floor, "seconds")

    @property
    def ratio(self) -> float:
        """The median of each round's ours / floor. The two builds of a round
        run one after the other, so a slow spell of a shared machine (which
        came and went within minutes here, moving single builds by 20%)
        slows both sides of the ratio; the median of the sides' medians
        mixes rounds that saw different machines."""
        return statistics.median(o.seconds / f.seconds for o, f in zip(self.ours, self.floor, strict=True))

    @property
    def ratio_of_medians(self) -> float:
        return self.build_s / self.floor_s

    @property
    def fastest_ratio(self) -> float:
        return min(r.seconds for r in self.ours) / min(r.seconds for r in self.floor)

    @property
    def cpu_s(self) -> float:
        return self._median(self.ours, "cpu_seconds")

    @property
    def floor_cpu_s(self) -> float:
        return self._median(self.floor, "cpu_seconds")

    @property
    def peak_mb(self) -> float:
        return self._median(self.ours, "peak_kb") / 1024

    @property
    def floor_peak_mb(self) -> float:
        return self._median(self.floor, "peak_kb") / 1024

    @property
    def git_calls(self) -> list[int]:
        return sorted({r.git_calls for r in self.ours})


def measure_size(
    guide: Path, floor: Path, page: str, repeat: int, folder: Path, shim_dir: Path
) -> SizeResult:
    """Build ``guide`` and ``floor`` ``repeat`` times each, every build cold
    into a new folder under ``folder``; ``page`` is the dilemma page (its
    path in the site) whose size is compared across sizes."""
    size = len(list((guide / "dilemmas").glob("*.md")))
    result = SizeResult(size, len(list((guide / "principles").glob("*.md"))))
    for number in range(repeat):
        # A new folder for every build: deleting the last round's site just
        # before a build would keep the disk busy during the build. They all
        # go with the work folder at the end. The order alternates, so that
        # neither side always runs second.
        for side in ("ours", "floor") if number % 2 == 0 else ("floor", "ours"):
            project, runs = (guide, result.ours) if side == "ours" else (floor, result.floor)
            run = build(project, folder / f"site-{side}-{number}", shim_dir, folder, f"{side}-{number}")
            runs.append(run)
            print(
                f"[{size}] {side:5s} round {number + 1}: {run.seconds:6.1f} s "
                f"(CPU {run.cpu_seconds:5.1f} s), {run.peak_kb / 1024:4.0f} MB, git {run.git_calls}, "
                f"load {load_average()}",
                flush=True,
            )
    result.sites = {side: folder / f"site-{side}-{repeat - 1}" for side in ("ours", "floor")}
    result.ours_site = site_facts(result.sites["ours"], page)
    result.floor_site = site_facts(result.sites["floor"], page)
    return result
