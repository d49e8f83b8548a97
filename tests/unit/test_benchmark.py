"""The benchmark (`make bench`) runs end to end in its quick mode: it
generates small guides and their floors, builds both cold, reports the
ratio against plain MkDocs, and opens both sites (and the real guide) in
headless Chromium. Timings are not judged here; only that the run works,
its numbers are there and plausible, and its report says what `make bench`
is for."""

from __future__ import annotations

import ast
import re
import statistics
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, benchmark_module

BENCHMARK = ROOT / "benchmark"


def test_the_quick_benchmark_runs_and_reports_ratios_against_the_floor(tmp_path: Path) -> None:
    output = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [
            sys.executable,
            str(BENCHMARK / "bench.py"),
            "--quick",
            "--work",
            str(tmp_path),
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = output.read_text(encoding="utf-8")
    # One row per size: the size, ours / floor in seconds, then the ratio.
    rows = re.findall(r"^\| (30|60) \| [\d.]+ / [\d.]+ \| (\d+\.\d\d) \|", report, re.M)
    assert [size for size, _ in rows] == ["30", "60"], report
    assert all(float(ratio) > 0 for _, ratio in rows)
    assert re.search(
        r"^\| whole build ≤ 1\.25× floor at every size .*\| (met|\*\*missed\*\*) \|$", report, re.M
    )
    assert re.search(
        r"^\| a dilemma page is the same size at every size .*\| (met|\*\*missed\*\*) \|$", report, re.M
    )
    assert re.search(r"^\s+60 dilemmas: ours [\d.]+ s, floor [\d.]+ s, ratio \d+\.\d\d", result.stdout, re.M)
    assert_browser_part(report, result.stdout)
    # The temporary folders are gone.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["RESULTS.md"]


def _pairs(cells: str) -> list[tuple[float, float | None]]:
    """``"12 / 3 | 4 / —"`` -> ``[(12, 3), (4, None)]``."""
    pairs = [cell.split(" / ") for cell in cells.split(" | ")]
    return [(float(a.replace(",", "")), None if b == "—" else float(b.replace(",", ""))) for a, b in pairs]


def assert_browser_part(report: str, stdout: str) -> None:
    """The browser part ran at both sizes and on the real guide, and its
    numbers are plausible: a page view of ours loads no search data, the
    floor's loads Material's index; a first query fetches Pagefind's files
    and shows results."""
    section = report.split("\n## In the browser\n", 1)[1].split("\n## ", 1)[0]
    rows = {m[1]: _pairs(m[2]) for m in re.finditer(r"^\| ([^|]+?) \| (\d.*) \|$", section, re.M)}
    real = f"the real guide ({len(list((ROOT / 'dilemmas').glob('*.md')))})"
    assert sorted(rows) == ["30", "60", real], section
    for name, (view, search_data, query, typed, ms, shown) in rows.items():
        # Ours: page view, its search data (none), first query, of it after the first key, ms, results.
        assert view[0] > 0 and search_data[0] == 0, (name, section)
        assert query[0] > 0 and typed[0] > 0 and ms[0] > 0 and shown[0] > 0, (name, section)
        if name != real:  # the floor's page view holds its index; its query needs nothing more
            assert view[1] > search_data[1] > 0 and query[1] >= 0 and ms[1] > 0 and shown[1] > 0, (name, section)
    for size in ("30", "60", "real"):
        line = re.search(rf"^\[{size}\] ours: page view [^;]*", stdout, re.M)
        assert line and "(no search data)" in line[0] and "pagefind" not in line[0], stdout[-3000:]
    for size in ("30", "60"):
        line = re.search(rf"^\[{size}\] floor: page view [^;]*", stdout, re.M)
        assert line and "search/search_index.json" in line[0], stdout[-3000:]
    goals = ("a first query at 2,000 dilemmas fetches ≤ 300 KB", "a first query at 2,000 dilemmas shows results",
             "a page view of the real guide transfers ≤ 350 KB")  # fmt: skip
    for goal in goals:
        verdict = r"met|\*\*missed\*\*|n/a \(the goal is at 2,000\)"
        assert re.search(rf"^\| {goal}.* \| \d[\d,]* (KB|ms) .*\| ({verdict}) \|$", report, re.M), goal


def test_the_quick_mode_leaves_results_md_alone_and_make_bench_writes_it() -> None:
    # Run in the benchmark's folder: `python -c` imports from there.
    code = (
        "import bench\n"
        "for argv in (['--quick'], ['--repeat', '5']):\n"
        "    args = bench.parse(argv)\n"
        "    print(args.command, args.output)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BENCHMARK, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [
        "--sizes 30,60 --repeat 1 None",
        f"--sizes 200,1000,2000 --repeat 5 {BENCHMARK / 'RESULTS.md'}",
    ]


def test_the_benchmark_modules_have_one_job_each_and_no_import_cycle() -> None:
    modules = {path.stem: path for path in BENCHMARK.glob("*.py")}
    assert set(modules) == {"bench", "browser", "generate", "measure", "report"}
    imports = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        }
        found |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        imports[name] = found & set(modules)
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 330, f"{name}.py has grown past its job"
    # tests/helpers.py loads generate.py alone, by path; the browser tests browser.py.
    assert imports == {
        "bench": {"browser", "generate", "measure", "report"},
        "browser": set(),
        "generate": set(),
        "measure": set(),
        "report": {"browser", "generate", "measure"},
    }


def test_the_ratio_is_the_median_of_each_rounds_pair() -> None:
    """A slow spell of the machine during one round slows both of its builds
    and leaves that round's ratio alone; the ratio of the two sides' medians
    mixes rounds that met different machines."""
    measure = benchmark_module("measure")
    result = measure.SizeResult(200, 40)
    # In every round ours takes 1.1x the floor; the machine is quiet, busy,
    # a little busy, busy, quiet in turn.
    for floor in (1.5, 3.0, 2.0, 2.9, 1.6):
        result.ours.append(measure.Run(floor * 1.1, 1.0, 1, 1))
        result.floor.append(measure.Run(floor, 1.0, 1, 1))
    assert round(result.ratio, 6) == 1.1
    assert round(result.ratio_of_medians, 6) == 1.1
    # The busy spells fall on ours' builds in one round and the floor's in another.
    result.ours[1] = measure.Run(1.5 * 1.1, 1.0, 1, 1)
    result.floor[3] = measure.Run(1.6, 1.0, 1, 1)
    assert round(result.ratio_of_medians, 3) == round(statistics.median([1.65, 1.65, 2.2, 3.19, 1.76]) / 1.6, 3)
    assert round(result.ratio, 3) == round(statistics.median([1.1, 0.55, 1.1, 3.19 / 1.6, 1.1]), 3) == 1.1
