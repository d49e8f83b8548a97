"""The benchmark's report: ratios against the floor, targets and RESULTS.md.

``report`` turns the measurements of every size (``measure.SizeResult``)
into the markdown of benchmark/RESULTS.md: the machine, one row per size,
the targets with a verdict, and how the numbers were made. It measures
nothing itself, apart from describing the machine and the commit.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import math
import os
import platform
import subprocess
import textwrap
from pathlib import Path

from generate import PRINCIPLES_TOTAL, RELEASE, ROOT, dilemma_id
from measure import SizeResult

#: The whole build (medians) within this factor of the floor, at every size.
TARGET_BUILD_RATIO = 1.25
#: One dilemma page (the same text at every size) may differ by this much
#: between the smallest and any larger guide: the page does not grow with it.
TARGET_PAGE_GROWTH = 0.01


def project_version() -> str:
    """The commit measured, and whether the code differs from it (read-only git)."""
    git = ["git", "--no-optional-locks", "-C", str(ROOT)]
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


def page_growth(results: list[SizeResult]) -> float | None:
    """The largest relative difference of the dilemma page from the smallest size's."""
    if len(results) < 2:
        return None
    first = results[0].ours_site["page_kb"]
    return max((abs(r.ours_site["page_kb"] - first) / first for r in results[1:]), default=0.0)


def targets(results: list[SizeResult]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met); ``None`` when this run cannot tell."""
    worst = max(results, key=lambda r: r.ratio)
    growth = page_growth(results)
    pages = " → ".join(f"{r.ours_site['page_kb']:.1f}" for r in results)
    return [
        (
            f"whole build ≤ {TARGET_BUILD_RATIO}× floor at every size (medians)",
            f"highest {worst.ratio:.2f}× at {worst.dilemmas:,} "
            f"(fastest rounds: {worst.fastest_ratio:.2f}×)",
            all(r.ratio <= TARGET_BUILD_RATIO for r in results),
        ),
        (
            f"a dilemma page is the same size at every size (within {TARGET_PAGE_GROWTH:.0%})",
            f"{pages} KB" + ("" if growth is None else f" (largest difference {growth:.1%})"),
            None if growth is None else growth <= TARGET_PAGE_GROWTH,
        ),
    ]


def _verdict(ok: bool | None) -> str:
    return "n/a (one size)" if ok is None else ("met" if ok else "**missed**")


def ratio_lines(results: list[SizeResult]) -> list[str]:
    """One line per size, for the console."""
    return [
        f"{r.dilemmas:>6,} dilemmas: ours {r.build_s:.1f} s, floor {r.floor_s:.1f} s, ratio {r.ratio:.2f} "
        f"(CPU {r.cpu_s / r.floor_cpu_s:.2f}, memory {r.peak_mb / r.floor_peak_mb:.2f})"
        for r in results
    ]


def _number(value: float, fmt: str) -> str:
    return "—" if math.isnan(value) else format(value, fmt)


def _tables(results: list[SizeResult]) -> list[str]:
    rows = [
        "| dilemmas | build s ours / floor | ratio | ratio of fastest | CPU s ours / floor | CPU ratio "
        "| peak MB ours / floor | memory ratio | dilemma page KB ours / floor | git processes |",
        "|" + "---:|" * 10,
    ]
    for r in results:
        o, f = r.ours_site, r.floor_site
        rows.append(
            f"| {r.dilemmas:,} | {r.build_s:.1f} / {r.floor_s:.1f} | {r.ratio:.2f} | {r.fastest_ratio:.2f} "
            f"| {r.cpu_s:.1f} / {r.floor_cpu_s:.1f} | {r.cpu_s / r.floor_cpu_s:.2f} "
            f"| {r.peak_mb:.0f} / {r.floor_peak_mb:.0f} | {r.peak_mb / r.floor_peak_mb:.2f} "
            f"| {o['page_kb']:.1f} / {f['page_kb']:.1f} | {', '.join(map(str, r.git_calls))} |"
        )
    rows += [
        "",
        "## What each build makes",
        "",
        "| dilemmas | principles | HTML files ours / floor | site MB ours / floor "
        "| search index KB ours / floor | /dilemmas/ KB ours / floor | gids.json KB | versies.xml KB |",
        "|" + "---:|" * 8,
    ]
    for r in results:
        o, f = r.ours_site, r.floor_site
        rows.append(
            f"| {r.dilemmas:,} | {r.principles} | {o['html_files']:.0f} / {f['html_files']:.0f} "
            f"| {o['site_mb']:.1f} / {f['site_mb']:.1f} | {o['search_kb']:,.0f} / {f['search_kb']:,.0f} "
            f"| {_number(o['dilemma_list_kb'], ',.0f')} / {_number(f['dilemma_list_kb'], ',.0f')} "
            f"| {_number(o['gids_json_kb'], ',.0f')} | {_number(o['feed_kb'], ',.0f')} |"
        )
    return rows


def report(
    results: list[SizeResult], command: str, started: dt.datetime, total_s: float, loads: tuple[str, str]
) -> str:
    """RESULTS.md: the machine, the results, the targets, how to run."""
    return "\n".join(
        [
            "# Build benchmark",
            "",
            f"Written by `benchmark/bench.py` on {started:%Y-%m-%d %H:%M} "
            f"(`{command}`, {total_s / 60:.1f} minutes; with more than one round every number is the "
            "median, except where a column says fastest). "
            "Regenerate it with `make bench`; do not edit it by hand.",
            "",
            f"Measured: {project_version()}.",
            "",
            "## Machine",
            "",
            *machine(),
            f"- Load average (1, 5, 15 min) at the start: {loads[0]}; at the end: {loads[1]}. "
            "Other work on the machine slows wall times; the CPU columns are less sensitive to it, "
            "not immune.",
            "",
            "## Targets",
            "",
            "| target | measured | verdict |",
            "|---|---|---|",
            *[f"| {name} | {value} | {_verdict(ok)} |" for name, value, ok in targets(results)],
            "",
            "## Results",
            "",
            *_tables(results),
            "",
            HOW_TO_READ,
        ]
    )


HOW_TO_READ = textwrap.dedent(
    f"""\
    ## How to run

    ```sh
    make bench                                   # .venv/bin/python benchmark/bench.py --repeat 5
    .venv/bin/python benchmark/bench.py --quick  # smoke run: 30 and 60 dilemmas, 1 round, no RESULTS.md
    .venv/bin/python benchmark/bench.py --sizes 200,1000,2000 --repeat 5 --keep  # keep guides and sites
    ```

    The code: `generate.py` makes the guides and floors, `measure.py` builds and measures them,
    `report.py` writes this file, `bench.py` runs the three.

    Per size, in a temporary folder:

    - **ours**: a copy of this project, taken once at the start of the run (without .venv, site,
      public, offline, node_modules, .git, tests, benchmark), whose `principles/` and `dilemmas/` are
      filled up to {PRINCIPLES_TOTAL} principles and N dilemmas. The real items stay (docs/ links to some
      of them); the rest is generated, valid content: title, description, 1-3 principles, 1-2
      tensions, domains, tags, source, the four `##` sections with about 400-600 words of
      Dutch-looking filler and a link to a principle, a history entry with version "{RELEASE[0]}", an
      unreleased entry on every 7th dilemma, and aliases on every 10th dilemma and every 8th
      principle. It is committed in a fresh git repository, so pages have "last changed" dates. Its
      hook imports the `gids` package installed (editable) in .venv, that is this checkout's
      `src/gids`; the hook and that package are compiled to bytecode once, as a first build would
      (the packages the floor runs on got theirs from pip). No other cache is kept.
    - **floor**: a plain Material site whose mkdocs.yml is made from ours (`floor_config`): the same
      site name, footer, theme settings, navigation, markdown extensions, extra CSS/JS, `extra` and
      search; without our hooks, our templates (`custom_dir`) and mkdocs-redirects. It has as many
      principle and dilemma pages as ours with the same text, plus a page of filler for each
      overview page in the navigation, which lists only those.

    Every build is cold: its own process (`python -m mkdocs build`, with NO_MKDOCS_2_WARNING=1 and
    DISABLE_MKDOCS_2_WARNING=true) writing into a new folder. The order of ours and floor
    alternates between rounds.

    ## Columns

    - **build s**: wall-clock time of `mkdocs build`, including the start of Python and MkDocs.
      **ratio**: ours / floor, the target. **ratio of fastest**: the fastest round of each side; other
      work on the machine only ever slows a round down, so this is the least disturbed estimate.
    - **CPU s**: user + system time of the build and the processes it waited for.
    - **peak MB**: the peak resident memory (maxrss) of the build, from `os.wait4` in a small
      launcher that forks it (see `LAUNCHER` in measure.py).
    - **dilemma page KB**: the HTML of `{dilemma_id(1)}`, the same text at every size.
    - **git processes**: how often a build started git (a `git` shim first on PATH counts them).

    Ours makes more than the floor, which is the price of MkDocs and Material alone: the list pages,
    the tension pages, a QR code on every dilemma page, /versies/ and its feed, gids.json and its
    schema, redirect pages for aliases. Ours also validates the whole guide before it builds.

    This is a benchmark, not a test: timings depend on the machine and on what else runs on it.
    """
)
