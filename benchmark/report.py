"""The benchmark's report: ratios against the floor, targets and RESULTS.md.

``report`` turns the measurements of every size (``measure.SizeResult``)
and of the browser part (``browser.Browsed``) into the markdown of
benchmark/RESULTS.md: the machine, one row per size, the targets with a
verdict, and how the numbers were made. It measures nothing itself.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
import textwrap

from browser import KEY_DELAY_MS, QUIET_S, ROUNDS, WORD, Browsed, Visit
from generate import PRINCIPLES_TOTAL, RELEASE, ROOT, dilemma_id
from measure import SizeResult, machine, project_version

#: The whole build (medians) within this factor of the floor, at every size.
TARGET_BUILD_RATIO = 1.25
#: One dilemma page (the same text at every size) may differ by this much
#: between the smallest and any larger guide: the page does not grow with it.
TARGET_PAGE_GROWTH = 0.01
#: The browser's goals: at GOAL_SIZE dilemmas a first query fetches at most
#: GOAL_QUERY_KB and shows results within GOAL_QUERY_MS; a page view of the
#: real guide transfers at most GOAL_VIEW_KB.
GOAL_SIZE, GOAL_QUERY_KB, GOAL_QUERY_MS, GOAL_VIEW_KB = 2000, 300, 300, 350


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
            f"whole build ≤ {TARGET_BUILD_RATIO}× floor at every size (median of the rounds)",
            f"highest {worst.ratio:.2f}× at {worst.dilemmas:,} "
            f"(median of each side: {worst.ratio_of_medians:.2f}×; fastest rounds: {worst.fastest_ratio:.2f}×)",
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


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f}"


def browser_targets(browsed: Browsed) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) of the browser's goals. The query's are
    shown at the largest size measured, and judged only at GOAL_SIZE."""
    size = GOAL_SIZE if GOAL_SIZE in browsed.sizes else max(browsed.sizes, default=GOAL_SIZE)
    ours, real, at = browsed.sizes.get(size, {}).get("ours"), browsed.real, f"at {size:,} dilemmas"

    def row(goal: str, key: int | str, visit: Visit | None, measured, ok) -> tuple[str, str, str]:
        if visit is None:
            return goal, f"not measured ({browsed.missing or browsed.failed.get(key, 'not in this run')})", "not measured"
        judged = key in ("real", GOAL_SIZE)
        return goal, measured(visit), _verdict(ok(visit)) if judged else f"n/a (the goal is at {GOAL_SIZE:,})"

    return [
        # Judged on what typing fetched; the search page itself (its HTML and
        # Pagefind's interface) is a page view, shown beside it.
        row(f"a first query at {GOAL_SIZE:,} dilemmas fetches ≤ {GOAL_QUERY_KB} KB (ours)", size, ours,
            lambda v: f"{_kb(v.typed_bytes)} KB {at} from the first key ({_kb(v.query_bytes)} KB with the search page)",
            lambda v: v.typed_bytes <= GOAL_QUERY_KB * 1024),
        row(f"a first query at {GOAL_SIZE:,} dilemmas shows results ≤ {GOAL_QUERY_MS} ms after the last key (ours)",
            size, ours, lambda v: f"{v.ms:.0f} ms {at} (median)", lambda v: v.ms <= GOAL_QUERY_MS),
        row(f"a page view of the real guide transfers ≤ {GOAL_VIEW_KB} KB", "real", real,
            lambda v: f"{_kb(v.page_view_bytes)} KB (`{browsed.real_page}`)",
            lambda v: v.page_view_bytes <= GOAL_VIEW_KB * 1024),
    ]  # fmt: skip


def _largest(files: dict[str, int], count: int = 5) -> str:
    top = sorted(files.items(), key=lambda item: -item[1])[:count]
    return f"{len(files)} files; " + ", ".join(f"`{path.lstrip('/')}` {_kb(n)} KB" for path, n in top)


def _cells(v: Visit | None) -> list[str]:
    if v is None:
        return ["—"] * 6
    return [_kb(v.page_view_bytes), _kb(v.page_view_search_bytes), _kb(v.query_bytes), _kb(v.typed_bytes),
            f"{v.ms:,.0f}", str(v.results)]  # fmt: skip


def browser_section(browsed: Browsed) -> list[str]:
    """The browser part's table and notes, or why it was not measured."""
    if browsed.missing:
        return [f"Not measured ({browsed.missing})."]
    sizes = sorted(browsed.sizes.items())
    named = [(f"{size:,}", v["ours"], v["floor"]) for size, v in sizes]
    named += [(f"the real guide ({browsed.real_dilemmas})", browsed.real, None)] if browsed.real else []
    rows = [
        "| dilemmas | page view KB ours / floor | search data in it KB ours / floor | first query KB ours / floor "
        "| of which after the first key KB ours / floor | ms to the first result ours / floor "
        "| results shown ours / floor |",
        "|" + "---:|" * 7,
        *(f"| {name} | " + " | ".join(f"{a} / {b}" for a, b in zip(_cells(o), _cells(f))) + " |" for name, o, f in named),
    ]
    if not named:
        rows = ["Not measured in this run."]
    ours = [(f"at {size:,} dilemmas", v["ours"]) for size, v in sizes]
    ours += [(f"of the real guide (`{browsed.real_page}`)", browsed.real)] if browsed.real else []
    if ours:
        rows += ["", "The largest files ours fetched:", ""]
        for name, v in ours:
            rows += [f"- page view {name}: {_largest(v.page_view_files)}",
                     f"- first query {name}: {_largest(v.query_files)}"]  # fmt: skip
    ready = [f"{statistics.median(v['floor'].ready_ms):,.0f} ms at {n:,}" for n, v in sizes if v["floor"].ready_ms]
    if ready:
        rows += ["", f"The floor's search is ready (its worker has built the index) {', '.join(ready)} dilemmas "
                 "after the page view starts; its reader types after that."]  # fmt: skip
    failed = [(f"{key:,} dilemmas" if isinstance(key, int) else "the real guide", why) for key, why in browsed.failed.items()]
    return rows + [f"\nNot measured for {name}: {why.rstrip('.')}." for name, why in failed]


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
        "| dilemmas | build s ours / floor | ratio | ratio of medians | ratio of fastest | CPU s ours / floor | CPU ratio "
        "| peak MB ours / floor | memory ratio | dilemma page KB ours / floor | git processes |",
        "|" + "---:|" * 11,
    ]
    for r in results:
        o, f = r.ours_site, r.floor_site
        rows.append(
            f"| {r.dilemmas:,} | {r.build_s:.1f} / {r.floor_s:.1f} | {r.ratio:.2f} | {r.ratio_of_medians:.2f} "
            f"| {r.fastest_ratio:.2f} "
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


def report(results: list[SizeResult], browsed: Browsed, command: str, started: dt.datetime,
           total_s: float, loads: tuple[str, str]) -> str:  # fmt: skip
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
            f"Measured: {project_version(ROOT)}.",
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
            *[f"| {name} | {value} | {verdict} |" for name, value, verdict in browser_targets(browsed)],
            "",
            "## Results",
            "",
            *_tables(results),
            "",
            "## In the browser",
            "",
            *browser_section(browsed),
            "",
            HOW_TO_READ,
            IN_THE_BROWSER,
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
    alternates between rounds. What persists between builds is what Python keeps for both sides
    (its .pyc files) and, for ours, Jinja's cache of compiled templates (the hook's
    FileSystemBytecodeCache, in the temporary directory): the first build on a machine compiles
    them.

    ## Columns

    - **build s**: wall-clock time of `mkdocs build`, including the start of Python and MkDocs.
      **ratio**: the target; ours / floor of each round (the two builds run one after the other), and
      the median of those. **ratio of medians**: the median build of ours / that of the floor, which
      mixes rounds that met a busier or a quieter machine. **ratio of fastest**: the fastest round of
      each side; other work on the machine only ever slows a round down.
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

IN_THE_BROWSER = textwrap.dedent(
    f"""\
    ## In the browser: how

    At 200 and 2,000 dilemmas (both sizes of `--quick`), the last round's sites, and the real guide
    (this checkout, built once), are served on 127.0.0.1, uncompressed, with `Cache-Control:
    max-age=600`, and opened in Debian's headless Chromium {ROUNDS} times, each in a fresh context
    (empty cache). Bytes: the first round's, counted by the server (what it wrote per request,
    headers included, workers' requests too). Milliseconds: the median of the rounds. KB: 1,024 bytes.

    - **page view**: `{dilemma_id(1)}` (the real guide: its first dilemma) until no request for
      {QUIET_S} s; on the floor also until its worker has fetched `search/search_index.json` and built
      the index. **search data**: Pagefind's files; Material's index, search worker and lunr languages.
    - **first query**: from the click on the header's search link (ours: to /zoeken/, the search page
      and Pagefind included) or on Material's search box (floor) until the results are shown and no
      request for {QUIET_S} s. Once the network is quiet, the reader types "{WORD}" key by key,
      {KEY_DELAY_MS} ms apart. **of which after the first key**: what typing fetched; the goal of
      300 KB is judged on this part (the search page itself is a page view).
    - **ms to the first result**: from the last keydown to the drawing of the whole word's results
      (`.pagefind-ui__result-link`, `.md-search-result__item`), both stamped in the page with
      `performance.now()`. Material draws results at every key; the last drawing counts. Pagefind's
      interface searches once typing pauses (its `debounceTimeoutMs`, 300 ms unless
      docs/javascripts/gids/search.js sets it).
    """
)
