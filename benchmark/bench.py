"""Benchmark of the guide's build against plain MkDocs: `make bench`.

Runs the three steps for every size: generate (generate.py) a synthetic guide
and its floor, measure (measure.py) cold builds of both, report (report.py)
the ratios, printed and written to benchmark/RESULTS.md. At 200 and 2,000
dilemmas (and at both sizes of --quick), the browser part (browser.py) opens
the last round's sites in headless Chromium, and once the real guide. A
benchmark, not a test: it fails only when a build fails, never on a timing.

Usage::

    .venv/bin/python benchmark/bench.py [--sizes 200,1000,2000] [--repeat 5] [--keep]
    .venv/bin/python benchmark/bench.py --quick   # smoke run; writes only with --output
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

import browser
import generate
import measure
import report

RESULTS = generate.ROOT / "benchmark" / "RESULTS.md"
QUICK_SIZES = "30,60"
#: The sizes the browser part runs at (--quick: at both of its sizes).
BROWSER_SIZES = (200, 2000)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the build of the guide against plain MkDocs.")
    parser.add_argument("--sizes", help="numbers of dilemmas, comma separated (default 200,1000,2000)")
    parser.add_argument("--repeat", type=int, help="rounds per size; medians are reported (default 1)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"a smoke run: --sizes {QUICK_SIZES} --repeat 1, and RESULTS.md is left alone",
    )
    parser.add_argument("--output", type=Path, help="the report's file (default benchmark/RESULTS.md)")
    parser.add_argument("--work", type=Path, help="folder for the temporary folder (default: the system's)")
    parser.add_argument("--keep", action="store_true", help="keep the generated guides and sites")
    args = parser.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else "200,1000,2000")
    args.repeat = args.repeat or 1
    if args.output is None and not args.quick:
        args.output = RESULTS
    try:
        args.sizes = sorted({int(s.replace("_", "")) for s in sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes whole numbers, such as 200,1000,2000")
    if args.repeat < 1 or not args.sizes:
        parser.error("--repeat and --sizes need at least 1")
    args.browser_sizes = [s for s in args.sizes if args.quick or s in BROWSER_SIZES]
    args.command = f"--sizes {','.join(map(str, args.sizes))} --repeat {args.repeat}"
    # The guide's hook imports gids from the package installed (editable) in
    # this Python; found here without importing it, to keep this process small.
    for name in ("mkdocs", "gids"):
        if importlib.util.find_spec(name) is None:
            parser.error(f"{name} is missing in {sys.executable}; run with .venv/bin/python (make bench)")
    return args


def summary(name: str, seen: browser.Visit) -> str:
    """One line for the console: what a page view and a first query fetched."""
    search = sorted(p.lstrip("/") for p in seen.page_view_files if browser.is_search_data(p))
    data = "no search data"
    if search:
        data = f"search data {seen.page_view_search_bytes / 1024:.0f} KB: {', '.join(search)}"
    ready = f", search ready after {max(seen.ready_ms):.0f} ms at most" if seen.ready_ms else ""
    return (
        f"{name}: page view {seen.page_view_bytes / 1024:.0f} KB in {len(seen.page_view_files)} files "
        f"({data}){ready}; first query {seen.query_bytes / 1024:.0f} KB ({seen.typed_bytes / 1024:.0f} KB "
        f"after the first key), {seen.results} results, {seen.ms:.0f} ms after the last key (rounds "
        f"{', '.join(f'{ms:.0f}' for ms in seen.first_result_ms)})"
    )


def browse(browsed: browser.Browsed, key: int | str, sites: dict[str, tuple[Path, browser.Search]], page: str):
    """The browser part on ``sites`` (name -> folder, search), at ``page``:
    {name: Visit}, or None, with the reason in ``browsed`` and one line printed."""
    if browsed.missing:
        return None
    try:
        with browser.chromium() as chromium:
            visits = {name: browser.visit(chromium, site, page, search) for name, (site, search) in sites.items()}
    except browser.Missing as error:
        browsed.missing, where = error.args
        print(f"The browser part is not measured: {browsed.missing} ({where}).", flush=True)
        return None
    except Exception as error:  # a benchmark reports what failed and goes on
        browsed.failed[key] = f"{type(error).__name__}: {(str(error).splitlines() or [''])[0]}"
        print(f"[{key}] the browser part failed: {browsed.failed[key]}", flush=True)
        return None
    for name, visit in visits.items():
        print(f"[{key}] {summary(name, visit)}", flush=True)
    return visits


def browse_real(browsed: browser.Browsed, work: Path, shim_dir: Path) -> None:
    """Build the real guide (this checkout) once and open its first dilemma."""
    if browsed.missing:
        return
    dilemmas = sorted(p.stem for p in (generate.ROOT / "dilemmas").glob("*.md"))
    browsed.real_dilemmas, browsed.real_page = len(dilemmas), f"dilemmas/{dilemmas[0]}/"
    print(f"[real] building this checkout's guide for the browser part, in {work / 'site-real'} ...", flush=True)
    try:
        measure.build(generate.ROOT, work / "site-real", shim_dir, work, "real")
    except SystemExit as error:  # measure.build's message: the log's tail
        browsed.failed["real"] = "its build failed"
        print(f"[real] {error}", flush=True)
        return
    visits = browse(browsed, "real", {"ours": (work / "site-real", browser.OURS)}, browsed.real_page)
    browsed.real = visits["ours"] if visits else None


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    started, clock, start_load = dt.datetime.now(), time.perf_counter(), measure.load_average()
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gids-bench-", dir=args.work))
    results, browsed = [], browser.Browsed()
    try:
        shim_dir = measure.git_shim(work / "bin")
        project = generate.snapshot_project(work / "project")
        for size in args.sizes:
            folder = work / f"n{size}"
            print(f"[{size}] generating the guide and the floor in {folder} ...", flush=True)
            _, dilemmas = generate.generate_guide(folder / "guide", project, size)
            principles = len(list((folder / "guide" / "principles").glob("*.md")))
            generate.generate_floor(folder / "floor", folder / "guide", principles, size)
            page = f"dilemmas/{dilemmas[0]}/index.html"
            guide, floor = folder / "guide", folder / "floor"
            results.append(measure.measure_size(guide, floor, page, args.repeat, folder, shim_dir))
            if size in args.browser_sizes:
                sites = results[-1].sites
                pair = {"ours": (sites["ours"], browser.OURS), "floor": (sites["floor"], browser.MATERIAL)}
                visits = browse(browsed, size, pair, f"dilemmas/{dilemmas[0]}/")
                if visits:
                    browsed.sizes[size] = visits
        if args.browser_sizes:
            browse_real(browsed, work, shim_dir)
    finally:
        if args.keep:
            print(f"Kept the temporary folders in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    loads = (start_load, measure.load_average())
    text = report.report(results, browsed, args.command, started, time.perf_counter() - clock, loads)
    print()
    print(text)
    print()
    print("\n".join(report.ratio_lines(results)))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"Written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
