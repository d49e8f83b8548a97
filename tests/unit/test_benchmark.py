"""The benchmark (`make bench`) runs end to end in its quick mode: it
generates small guides and their floors, builds both cold, and reports the
ratio against plain MkDocs. Timings are not judged here; only that the run
works and its report says what `make bench` is for."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

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
    # The temporary folders are gone.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["RESULTS.md"]


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
    assert set(modules) == {"bench", "generate", "measure", "report"}
    imports = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        }
        found |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        imports[name] = found & set(modules)
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 330, f"{name}.py has grown past its job"
    # tests/helpers.py loads generate.py alone, by path.
    assert imports == {
        "bench": {"generate", "measure", "report"},
        "generate": set(),
        "measure": set(),
        "report": {"generate", "measure"},
    }
