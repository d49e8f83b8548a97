"""Benchmark of the guide's build: `make bench` (``.venv/bin/python benchmark/bench.py``).

For synthetic guides of several sizes (200, 1,000 and 2,000 dilemmas by
default) it measures, in one run on one machine:

* the full build (``mkdocs build`` with all hooks) of a copy of this project
  whose ``principles/`` and ``dilemmas/`` are generated;
* the floor: a plain Material site of the same number of plain pages, with a
  short navigation, built with the same theme, palette, features, search and
  markdown extensions, without our hooks and without mkdocs-redirects;
* validation only: one ``gids.load_guide`` call in a Python process that has
  imported ``gids`` already, and ``python -m gids.check`` as a process.

It prints a markdown table and writes it, with a description of the machine,
to ``benchmark/RESULTS.md``. It is a benchmark, not a test: it never fails on
a timing; it fails only when a build fails or the generated guide does not
validate.

Every build runs in its own process, forked by a small launcher; its peak
memory is its own ``ru_maxrss`` from ``os.wait4`` in that launcher (on Linux
the maximum over the build and the children it waited for; git is far
smaller than MkDocs, and so is the process that makes the QR codes). See LAUNCHER for why not straight from this script.
Git processes are counted by a ``git`` shim first on ``PATH`` that logs each
call and then runs the real git.

Usage::

    .venv/bin/python benchmark/bench.py [--sizes 200,1000,2000] [--repeat 5] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmark" / "RESULTS.md"

#: What a copy of the project leaves out (as tests/helpers.copy_project, plus
#: this folder, other build output and caches: every build starts cold).
COPY_IGNORE = (
    ".cache",
    ".venv",
    "site",
    "site-*",
    "public",
    "offline",
    "node_modules",
    ".git",
    "__pycache__",
    ".pytest_cache",
    "tests",
    "benchmark",
    "test-results",
)
#: The real items are kept: docs/ links to some of them by file name.
PRINCIPLES_TOTAL = 40
#: The release the real docs/versies.md declares.
RELEASE = ("1.0", "2026-11-22")
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
#: Variables that would change what the project's mkdocs.yml builds.
CLEARED_ENV = (
    "OFFLINE",
    "DIRECTORY_URLS",
    "SITE_URL",
    "GIDS_SNAPSHOT",
    "GIDS_REPOSITORY_URL",
    "GIDS_REPOSITORY_BRANCH",
)

# Targets (see the brief in RESULTS.md).
TARGET_BUILD_RATIO = 1.15
TARGET_SCALING = 2.2
TARGET_PAGE_GROWTH = 0.03
TARGET_MEMORY_RATIO = 1.2
TARGET_VALIDATION_S = 1.0
TARGET_GIT_PROCESSES = 1


# --- Dutch-looking filler ------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NOUNS = _words(
    "ambtenaar minister beleid uitvoering toezicht burger gemeente afdeling dossier regeling aanvraag "
    "collega leidinggevende directeur partner inspectie besluit nota advies overleg signaal rapport "
    "wethouder kamer belang draagvlak opdracht termijn begroting wet verordening samenleving organisatie "
    "team project programma vergadering analyse afweging verantwoording keuze uitzondering risico casus "
    "instelling provincie ministerie onderzoek uitkomst plan voorstel gesprek brief besluitvorming"
)
VERBS = _words(
    "schrijft bespreekt vraagt merkt weegt ziet hoort twijfelt kiest legt uit stelt voor zoekt "
    "verwacht beslist meldt controleert toetst bewaakt ondersteunt benadrukt onderbouwt verdedigt "
    "onderzoekt beoordeelt deelt vertelt wijst aan houdt vast laat los geeft door neemt mee"
)
ADJECTIVES = _words(
    "lastige open eerlijke politieke zorgvuldige snelle onafhankelijke heldere belangrijke nieuwe "
    "gevoelige duidelijke redelijke kwetsbare stevige gewone professionele inhoudelijke praktische "
    "maatschappelijke tijdelijke bestuurlijke kritische lokale landelijke"
)
LINKS = _words("en maar want omdat terwijl zodat doordat hoewel daarna ook soms vaak nog toch juist echter")
FILLER = _words("de het een je wij zij dat die met voor over naar bij in op van uit door tegen zonder")
TAGS = _words(
    "tegenspraak loyaliteit draagvlak maatwerk integriteit openheid kennis samenwerking regels "
    "verantwoording vertrouwen uitvoering toezicht moreel-beraad leiderschap transparantie "
    "burgerperspectief signalen opschalen onafhankelijkheid"
)
TENSION_IDS = ("professie-politiek", "professie-maatschappij", "politiek-maatschappij")
DOMAINS = ("beleid", "uitvoering", "toezicht")


def _word(rng: random.Random) -> str:
    pool = rng.choice((NOUNS, NOUNS, VERBS, ADJECTIVES, FILLER, FILLER, LINKS))
    return rng.choice(pool)


def sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words = [_word(rng) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, low: int = 3, high: int = 6) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def short(rng: random.Random, words: int) -> str:
    text = " ".join(_word(rng) for _ in range(words))
    return text[0].upper() + text[1:]


def _yaml(value: str) -> str:
    # JSON strings are valid YAML scalars (double quoted).
    return json.dumps(value, ensure_ascii=False)


# --- the synthetic guide -------------------------------------------------------


@dataclass
class Item:
    id: str
    title: str
    description: str
    body: str
    front: str


def principle_id(index: int) -> str:
    return f"bench-principe-{index:03d}"


def dilemma_id(index: int) -> str:
    return f"bench-casus-{index:05d}"


def make_principle(index: int) -> Item:
    rng = random.Random(f"principe-{index}")
    title = f"{short(rng, 4)} ({index})"
    description = sentence(rng, 10, 18)[:190]
    lines = [
        "---",
        f"title: {_yaml(title)}",
        f"description: {_yaml(description)}",
        f"order: {20 + index}",
        f"tags: [{', '.join(rng.sample(TAGS, 3))}]",
    ]
    if index % 8 == 0:
        lines.append(f"aliases: [oud-bench-principe-{index:03d}]")
    lines += [
        "history:",
        f'  - version: "{RELEASE[0]}"',
        f"    date: {RELEASE[1]}",
        "    note: Opgenomen in de eerste uitgave van de gids.",
        "---",
    ]
    body = "\n\n".join(
        [
            paragraph(rng),
            "### Waarom dit telt",
            paragraph(rng, 4, 7),
            "### Wat het van je vraagt",
            paragraph(rng, 4, 7),
            paragraph(rng, 3, 5),
        ]
    )
    return Item(principle_id(index), title, description, body, "\n".join(lines))


def make_dilemma(index: int, principle_ids: list[str], principle_folder: str = "principles") -> Item:
    """Dilemma ``index``; the same text whatever the size of the guide.

    ``principle_folder`` is where links to principles point (the floor keeps
    its principle pages in ``principes/``)."""
    rng = random.Random(f"dilemma-{index}")
    title = f"{short(rng, 6)} ({index})?"
    description = sentence(rng, 12, 24)[:195]
    principles = rng.sample(principle_ids, rng.randint(1, 3))
    tensions = sorted(rng.sample(TENSION_IDS, rng.randint(1, 2)), key=TENSION_IDS.index)
    domains = sorted(rng.sample(DOMAINS, rng.randint(1, 2)), key=DOMAINS.index)
    lines = [
        "---",
        f"title: {_yaml(title)}",
        f"description: {_yaml(description)}",
        f"principles: [{', '.join(principles)}]",
        f"tensions: [{', '.join(tensions)}]",
        f"domains: [{', '.join(domains)}]",
        f"tags: [{', '.join(rng.sample(TAGS, rng.randint(2, 4)))}]",
        f"source: {_yaml('Synthetische casus voor de benchmark, nummer ' + str(index))}",
    ]
    if index % 10 == 0:
        lines.append(f"aliases: [oude-bench-casus-{index:05d}]")
    lines += [
        "history:",
        f'  - version: "{RELEASE[0]}"',
        f"    date: {RELEASE[1]}",
        "    note: Opgenomen in de eerste uitgave van de gids.",
    ]
    if index % 7 == 0:
        lines += [
            "  - date: 2027-01-15",
            f"    note: {_yaml(sentence(rng, 6, 10))}",
        ]
    lines.append("---")
    linked = principles[0]
    questions = "\n".join(f"- {sentence(rng, 10, 18)[:-1]}?" for _ in range(rng.randint(3, 5)))
    actions = "\n".join(f"- {sentence(rng, 14, 24)}" for _ in range(rng.randint(4, 6)))
    body = "\n\n".join(
        [
            "## Situatie",
            paragraph(rng, 4, 6),
            paragraph(rng, 4, 6),
            paragraph(rng, 4, 6),
            "## Spanning",
            f"Dit is de spanning tussen **{tensions[0].split('-')[0]}** en **{tensions[0].split('-')[1]}**. "
            + paragraph(rng, 4, 6),
            paragraph(rng, 3, 5),
            "## Gespreksvragen",
            questions,
            "## Handelingsperspectief",
            actions,
            f"Zie ook het principe [{linked}](../{principle_folder}/{linked}.md).",
        ]
    )
    return Item(dilemma_id(index), title, description, body, "\n".join(lines))


def _real_ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.md"))


def snapshot_project(target: Path) -> Path:
    """A copy of the project as it is now. Every size is generated from this
    one copy, so that all sizes measure the same code even while people keep
    working in the project."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    # Bytecode for the hooks, once: Python writes it itself on the first
    # build, except where PYTHONDONTWRITEBYTECODE is set (as on some CI
    # machines). MkDocs, Material and every other package in .venv got theirs
    # when pip installed them; without this, only our side would compile its
    # source again in every build and in each of its second processes.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(target / "hooks")], check=True)
    return target


def project_version() -> str:
    """The commit measured, and whether the code differs from it (read-only git)."""
    git = ["git", "--no-optional-locks", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    if head.returncode != 0:
        return "unknown (no git)"
    changed = subprocess.run(
        [*git, "diff", "--quiet", "HEAD", "--", "hooks", "overrides", "mkdocs.yml", "requirements.txt"],
        capture_output=True,
        check=False,
    )
    local = (
        "" if changed.returncode == 0 else ", with uncommitted changes to hooks/, overrides/ or the config"
    )
    return f"commit {head.stdout.strip()}{local}"


def generate_guide(target: Path, project: Path, dilemmas: int) -> tuple[list[str], list[str]]:
    """A copy of ``project`` with generated principles and dilemmas, committed
    in a fresh git repository. Returns the generated (principle, dilemma) ids."""
    shutil.copytree(project, target)
    real_principles = _real_ids(target / "principles")
    real_dilemmas = _real_ids(target / "dilemmas")
    new_principles = max(0, PRINCIPLES_TOTAL - len(real_principles))
    new_dilemmas = dilemmas - len(real_dilemmas)
    if new_dilemmas < 1:
        raise SystemExit(f"--sizes: at least {len(real_dilemmas) + 1} dilemmas (the real ones are kept)")
    principles = [make_principle(i) for i in range(1, new_principles + 1)]
    all_principles = real_principles + [p.id for p in principles]
    for item in principles:
        (target / "principles" / f"{item.id}.md").write_text(
            f"{item.front}\n\n{item.body}\n", encoding="utf-8"
        )
    generated = [make_dilemma(i, all_principles) for i in range(1, new_dilemmas + 1)]
    for item in generated:
        (target / "dilemmas" / f"{item.id}.md").write_text(f"{item.front}\n\n{item.body}\n", encoding="utf-8")
    git = shutil.which("git") or "git"
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-q", "--no-verify", "-m", "Synthetische gids"],
    ):
        args = [
            "-c",
            "user.email=bench@gids.invalid",
            "-c",
            "user.name=Bench",
            "-c",
            "commit.gpgsign=false",
            *args,
        ]
        subprocess.run([git, *args], cwd=target, check=True, capture_output=True)
    return [p.id for p in principles], [d.id for d in generated]


# --- the floor ---------------------------------------------------------------------


#: What the floor keeps of the guide's own mkdocs.yml: everything that
#: shapes a page of the theme (theme settings without our templates, the
#: navigation, the markdown extensions, the footer, the version selector),
#: so that the floor cannot drift from the guide when its navigation or
#: theme settings change. Left out: our hooks, our templates (custom_dir) and
#: every plugin but search. The items are reached from the index pages, as in
#: the guide (not_in_nav).
FLOOR_KEEPS = ("site_name", "copyright", "theme", "extra", "extra_css", "extra_javascript", "markdown_extensions", "nav")


def guide_config(guide: Path) -> dict:
    """The guide's mkdocs.yml as MkDocs reads it with CLEARED_ENV unset:
    ``!ENV [NAME, default]`` gives the default."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load((guide / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def floor_config(guide: Path) -> tuple[dict, list[str]]:
    """The floor's mkdocs.yml, made from the guide's, and its pages."""
    ours = guide_config(guide)
    config = {key: ours[key] for key in FLOOR_KEEPS if key in ours}
    config["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    config["site_url"] = "http://127.0.0.1:8000/"
    config["docs_dir"] = "docs"
    config["plugins"] = [entry for entry in ours["plugins"] if plugin_name(entry) == "search"]
    config["not_in_nav"] = "/principes/\n/dilemmas/\n"
    return config, list(_nav_pages(config["nav"]))


def plugin_name(entry: str | dict) -> str:
    """The name of an entry of ``plugins:`` (``search`` or ``{search: {...}}``)."""
    return entry if isinstance(entry, str) else next(iter(entry))


def _nav_pages(nav: list | dict | str):
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from _nav_pages(entry)
    else:
        for value in nav.values():
            yield from _nav_pages(value)


def generate_floor(target: Path, guide: Path, principles: int, dilemmas: int) -> None:
    """A plain Material site: the same number of principle and dilemma pages
    as the guide, with the same text, plus the same overview pages."""
    docs = target / "docs"
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(guide / "docs" / folder, docs / folder)
    config, pages = floor_config(guide)
    (target / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
    for page in pages:
        rng = random.Random(f"floor-{page}")
        path = docs / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"# {short(rng, 3)}\n\n" + "\n\n".join(paragraph(rng) for _ in range(4)) + "\n", encoding="utf-8"
        )
    ids = [principle_id(i) for i in range(1, principles + 1)]
    for index in range(1, principles + 1):
        _floor_page(docs / "principes", make_principle(index))
    for index in range(1, dilemmas + 1):
        _floor_page(docs / "dilemmas", make_dilemma(index, ids, principle_folder="principes"))


def _floor_page(folder: Path, item: Item) -> None:
    # Plain MkDocs front matter (title, description), then the description as
    # the first paragraph and the same body as in the guide.
    page = f"---\ntitle: {_yaml(item.title)}\ndescription: {_yaml(item.description)}\n---\n\n{item.description}\n\n{item.body}\n"
    (folder / f"{item.id}.md").write_text(page, encoding="utf-8")


# --- measuring -----------------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    #: User + system CPU time of the process (and of the children it waited for).
    cpu_seconds: float
    peak_kb: int
    code: int


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_kb: int
    git_calls: int


# Started by run_measured, this small process forks the measured command and
# reports the command's own resource usage. Why not wait4 on the command
# directly: Linux counts in a process's maxrss the memory of the process it
# was forked from (exec records the old address space's high-water mark), so a
# command started from this (large) script would inherit the script's size.
# Forked from this launcher instead, it inherits only the launcher's few MB.
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


def run_measured(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> Measured:
    """Run a command in its own process: wall and CPU seconds, its peak RSS
    (KB) and exit code. Output goes to ``log`` (no pipes to drain)."""
    report = log.with_suffix(".usage.json")
    report.unlink(missing_ok=True)
    with log.open("wb") as out:
        subprocess.run(
            [sys.executable, "-c", LAUNCHER, str(report), *cmd],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if not report.is_file():
        raise SystemExit(f"Could not measure {cmd[:4]}; see {log}")
    usage = json.loads(report.read_text(encoding="utf-8"))
    return Measured(usage["seconds"], usage["cpu"], usage["peak_kb"], usage["code"])


def git_shim(folder: Path) -> Path:
    """A ``git`` that logs each call to $GIDS_BENCH_GIT_LOG, then runs the real one."""
    real = shutil.which("git")
    if real is None:
        raise SystemExit("The benchmark needs git.")
    folder.mkdir(parents=True, exist_ok=True)
    shim = folder / "git"
    shim.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$*" >> "$GIDS_BENCH_GIT_LOG"\nexec {real} "$@"\n', encoding="utf-8"
    )
    shim.chmod(0o755)
    return folder


def build(project: Path, site: Path, shim_dir: Path, work: Path, name: str) -> Run:
    """``mkdocs build`` of ``project`` into ``site`` (a new folder), in its own process."""
    git_log = work / f"{name}.git.log"
    git_log.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV}
    env.update(BUILD_ENV)
    env["PATH"] = f"{shim_dir}{os.pathsep}{env.get('PATH', '')}"
    env["GIDS_BENCH_GIT_LOG"] = str(git_log)
    log = work / f"{name}.log"
    measured = run_measured(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], project, env, log
    )
    if measured.code != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise SystemExit(f"Build {name} of {project} failed (exit code {measured.code}):\n{tail}")
    # One line per call; split on newlines only: the arguments may hold
    # characters that str.splitlines() also breaks on (the hook's \x1e mark).
    calls = len([line for line in git_log.read_text(encoding="utf-8").split("\n") if line.strip()])
    return Run(measured.seconds, measured.cpu_seconds, measured.peak_kb, calls)


def check_subprocess(project: Path, work: Path) -> float:
    """``python -m gids.check`` as its own process; also proves the guide valid."""
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    log = work / "check.log"
    measured = run_measured([sys.executable, "-m", "gids.check", "--root", str(project)], project, env, log)
    if measured.code != 0:
        raise SystemExit(f"The generated guide is not valid:\n{log.read_text(encoding='utf-8')}")
    return measured.seconds


# Times gids.load_guide in a process of its own, so that this script stays
# small (see LAUNCHER) and every size starts from the same state: the package
# is imported once and warmed up on the real project, then one call is timed.
VALIDATION = """
import json, sys, time
from pathlib import Path
import gids
warm_up, root = Path(sys.argv[1]), Path(sys.argv[2])
gids.load_guide(warm_up)
start = time.perf_counter()
guide, problems = gids.load_guide(root)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "problems": gids.report(problems) if problems else ""}))
"""


def load_guide_seconds(project: Path) -> float:
    """The time of one ``gids.load_guide(project)`` call, in-process: the
    package is imported once, not timed."""
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    result = subprocess.run(
        [sys.executable, "-c", VALIDATION, str(ROOT), str(project)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"Could not time gids.load_guide:\n{result.stderr}")
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    if answer["problems"]:
        raise SystemExit("The generated guide is not valid:\n" + answer["problems"])
    return float(answer["seconds"])


def _kb(path: Path) -> float:
    return path.stat().st_size / 1024 if path.is_file() else float("nan")


def _count_redirects(site: Path) -> int:
    # mkdocs-redirects writes small pages with a meta refresh.
    count = 0
    for folder in ("dilemmas", "principes"):
        for page in (site / folder).glob("*/index.html"):
            if page.stat().st_size < 4096 and 'http-equiv="refresh"' in page.read_text(encoding="utf-8"):
                count += 1
    return count


def _site_facts(site: Path) -> dict[str, float]:
    return {
        "html_files": len(list(site.rglob("*.html"))),
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024 / 1024,
    }


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text(encoding="utf-8").split()[:3])
    except OSError:
        return "unknown"


@dataclass
class SizeResult:
    dilemmas: int
    principles: int
    ours: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)
    validation: list[float] = field(default_factory=list)
    check: list[float] = field(default_factory=list)
    page_kb: float = 0.0
    floor_page_kb: float = 0.0
    search_kb: float = 0.0
    floor_search_kb: float = 0.0
    facts: dict[str, float] = field(default_factory=dict)

    @property
    def build_s(self) -> float:
        return statistics.median(r.seconds for r in self.ours)

    @property
    def floor_s(self) -> float:
        return statistics.median(r.seconds for r in self.floor)

    @property
    def fastest_s(self) -> float:
        return min(r.seconds for r in self.ours)

    @property
    def floor_fastest_s(self) -> float:
        return min(r.seconds for r in self.floor)

    @property
    def cpu_s(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.ours)

    @property
    def floor_cpu_s(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.floor)

    @property
    def peak_mb(self) -> float:
        return statistics.median(r.peak_kb for r in self.ours) / 1024

    @property
    def floor_peak_mb(self) -> float:
        return statistics.median(r.peak_kb for r in self.floor) / 1024

    @property
    def validation_s(self) -> float:
        return statistics.median(self.validation)

    @property
    def check_s(self) -> float:
        return statistics.median(self.check)

    @property
    def git_calls(self) -> list[int]:
        return sorted({r.git_calls for r in self.ours})


def measure_size(size: int, repeat: int, work: Path, project: Path, shim_dir: Path) -> SizeResult:
    """Generate the guide and the floor of one size and measure both."""
    folder = work / f"n{size}"
    guide = folder / "guide"
    print(f"[{size}] generating the guide and the floor in {folder} ...", flush=True)
    _, new_dilemmas = generate_guide(guide, project, size)
    principles = len(list((guide / "principles").glob("*.md")))
    floor = folder / "floor"
    generate_floor(floor, guide, principles, size)
    result = SizeResult(size, principles)
    for round_number in range(repeat):
        # A new folder for every build: deleting the last round's site just
        # before a build would have the disk busy with that during the build
        # (on the machine in RESULTS.md: ext4 with discard). All go with the
        # work folder at the end.
        ours_site, floor_site = folder / f"site-ours-{round_number}", folder / f"site-floor-{round_number}"
        result.check.append(check_subprocess(guide, folder))
        result.validation.append(load_guide_seconds(guide))
        # Alternate the order, so that neither side always runs second.
        order = ("ours", "floor") if round_number % 2 == 0 else ("floor", "ours")
        for side in order:
            if side == "ours":
                run = build(guide, ours_site, shim_dir, folder, f"ours-{round_number}")
                result.ours.append(run)
            else:
                run = build(floor, floor_site, shim_dir, folder, f"floor-{round_number}")
                result.floor.append(run)
            print(
                f"[{size}] {side:5s} round {round_number + 1}: {run.seconds:6.1f} s (CPU {run.cpu_seconds:5.1f} s), "
                f"{run.peak_kb / 1024:4.0f} MB, git {run.git_calls}, load {_load()}",
                flush=True,
            )
    page = f"dilemmas/{new_dilemmas[0]}/index.html"
    result.page_kb = _kb(ours_site / page)
    result.floor_page_kb = _kb(floor_site / page)
    result.search_kb = _kb(ours_site / "search" / "search_index.json")
    result.floor_search_kb = _kb(floor_site / "search" / "search_index.json")
    ours_facts, floor_facts = _site_facts(ours_site), _site_facts(floor_site)
    result.facts = {
        "html_ours": ours_facts["html_files"],
        "html_floor": floor_facts["html_files"],
        "site_mb_ours": ours_facts["site_mb"],
        "site_mb_floor": floor_facts["site_mb"],
        "redirect_pages": _count_redirects(ours_site),
        "dilemma_list_kb": _kb(ours_site / "dilemmas" / "index.html"),
        "tension_pages_kb": sum(_kb(ours_site / "spanningen" / t / "index.html") for t in TENSION_IDS),
        "changelog_kb": _kb(ours_site / "versies" / "index.html"),
        "gids_json_kb": _kb(ours_site / "gids.json"),
        "feed_kb": _kb(ours_site / "versies.xml"),
    }
    return result


# --- the report ------------------------------------------------------------------------


def machine() -> list[str]:
    """The machine, in a few markdown list items."""
    cpu = ram = "unknown"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    try:
        kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
            if line.startswith("MemTotal:")
        )
        ram = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration):
        pass

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    git = subprocess.run(["git", "--version"], check=False, capture_output=True, text=True).stdout.strip()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM: {ram}",
        f"- OS: {platform.platform()}",
        (
            f"- Python {platform.python_version()}; MkDocs {version('mkdocs')}; Material {version('mkdocs-material')}; "
            f"mkdocs-redirects {version('mkdocs-redirects')}; Markdown {version('Markdown')}; "
            f"markdown-it-py {version('markdown-it-py')}; PyYAML {version('PyYAML')}; segno {version('segno')}; {git}"
        ),
    ]


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def _targets(results: list[SizeResult]) -> tuple[list[tuple[str, str, bool | None]], str | None]:
    by_size = {r.dilemmas: r for r in results}
    smallest, largest = results[0], results[-1]
    at_2000 = by_size.get(2000)
    scaling = None
    if 1000 in by_size and 2000 in by_size:
        ours = by_size[2000].build_s / by_size[1000].build_s
        floor = by_size[2000].floor_s / by_size[1000].floor_s
        ours_cpu = by_size[2000].cpu_s / by_size[1000].cpu_s
        floor_cpu = by_size[2000].floor_cpu_s / by_size[1000].floor_cpu_s
        scaling = (ours, floor, ours_cpu, floor_cpu)
    growth = (largest.page_kb - smallest.page_kb) / smallest.page_kb if len(results) > 1 else None
    memory = max(r.peak_mb / r.floor_peak_mb for r in results)
    targets = [
        (
            f"full build ≤ {TARGET_BUILD_RATIO}× floor at 2,000",
            "—"
            if at_2000 is None
            else f"{at_2000.build_s / at_2000.floor_s:.2f}× "
            f"(fastest rounds: {at_2000.fastest_s / at_2000.floor_fastest_s:.2f}×; "
            f"CPU time {at_2000.cpu_s / at_2000.floor_cpu_s:.2f}×)",
            None if at_2000 is None else at_2000.build_s / at_2000.floor_s <= TARGET_BUILD_RATIO,
        ),
        (
            f"scaling factor time(2,000) / time(1,000) ≤ {TARGET_SCALING}",
            "—" if scaling is None else f"{scaling[0]:.2f} (floor {scaling[1]:.2f})",
            None if scaling is None else scaling[0] <= TARGET_SCALING,
        ),
        (
            (
                f"a dilemma page does not grow with the guide ({smallest.dilemmas:,} vs {largest.dilemmas:,}, "
                f"within {TARGET_PAGE_GROWTH:.0%})"
            ),
            "—" if growth is None else f"{smallest.page_kb:.1f} → {largest.page_kb:.1f} KB ({growth:+.1%})",
            None if growth is None else abs(growth) <= TARGET_PAGE_GROWTH,
        ),
        (
            f"peak memory ≤ {TARGET_MEMORY_RATIO}× floor (every size)",
            f"highest {memory:.2f}×",
            memory <= TARGET_MEMORY_RATIO,
        ),
        (
            f"validation (load_guide) ≤ {TARGET_VALIDATION_S:.0f} s at 2,000",
            "—"
            if at_2000 is None
            else f"{at_2000.validation_s:.2f} s (gids.check as a process: {at_2000.check_s:.2f} s)",
            None if at_2000 is None else at_2000.validation_s <= TARGET_VALIDATION_S,
        ),
        (
            f"exactly {TARGET_GIT_PROCESSES} git process per build",
            ", ".join(f"{r.dilemmas:,}: {'/'.join(map(str, r.git_calls))}" for r in results),
            all(r.git_calls == [TARGET_GIT_PROCESSES] for r in results),
        ),
    ]
    note = None
    if scaling is not None:
        note = (
            f"Scaling factor time(2,000) / time(1,000): ours **{scaling[0]:.2f}**, floor {scaling[1]:.2f} "
            f"(CPU time: ours {scaling[2]:.2f}, floor {scaling[3]:.2f}; linear is 2.00)."
        )
    return targets, note


def report(
    results: list[SizeResult],
    repeat: int,
    started: dt.datetime,
    total_s: float,
    loads: tuple[str, str],
    version: str,
) -> str:
    """RESULTS.md: the machine, the table, the targets, what each build makes, how to run."""
    rows = [
        (
            "| dilemmas | full build s | floor s | ratio | fastest s ours / floor | ratio of fastest "
            "| CPU s ours / floor | CPU ratio "
            "| dilemma page KB (ours) | page KB (floor) | peak MB ours / floor | memory ratio "
            "| validation s | gids.check s | git processes | search index KB ours / floor |"
        ),
        "|" + "---:|" * 16,
    ]
    for r in results:
        rows.append(
            f"| {r.dilemmas:,} | {r.build_s:.1f} | {r.floor_s:.1f} | {r.build_s / r.floor_s:.2f} "
            f"| {r.fastest_s:.1f} / {r.floor_fastest_s:.1f} | {r.fastest_s / r.floor_fastest_s:.2f} "
            f"| {r.cpu_s:.1f} / {r.floor_cpu_s:.1f} | {r.cpu_s / r.floor_cpu_s:.2f} "
            f"| {r.page_kb:.1f} | {r.floor_page_kb:.1f} | {r.peak_mb:.0f} / {r.floor_peak_mb:.0f} "
            f"| {r.peak_mb / r.floor_peak_mb:.2f} | {r.validation_s:.2f} | {r.check_s:.2f} "
            f"| {', '.join(map(str, r.git_calls))} | {r.search_kb:,.0f} / {r.floor_search_kb:,.0f} |"
        )
    targets, scaling_note = _targets(results)
    facts = [
        (
            "| dilemmas | principles | HTML files ours / floor | site MB ours / floor | redirect pages "
            "| /dilemmas/ KB | 3 tension pages KB | /versies/ KB | gids.json KB | versies.xml KB |"
        ),
        "|" + "---:|" * 10,
    ]
    for r in results:
        f = r.facts
        facts.append(
            f"| {r.dilemmas:,} | {r.principles} | {f['html_ours']:.0f} / {f['html_floor']:.0f} "
            f"| {f['site_mb_ours']:.1f} / {f['site_mb_floor']:.1f} | {f['redirect_pages']:.0f} "
            f"| {f['dilemma_list_kb']:,.0f} | {f['tension_pages_kb']:,.0f} | {f['changelog_kb']:,.0f} "
            f"| {f['gids_json_kb']:,.0f} | {f['feed_kb']:,.0f} |"
        )
    sizes = ",".join(str(r.dilemmas) for r in results)
    text = [
        "# Build benchmark",
        "",
        (
            f"Written by `benchmark/bench.py` on {started:%Y-%m-%d %H:%M} "
            f"(`--sizes {sizes} --repeat {repeat}`, {total_s / 60:.1f} minutes; with more than one round every "
            "number is the median, except where a column says fastest). Regenerate it with `make bench`; do not edit it by hand."
        ),
        "",
        f"Measured: {version}.",
        "",
        "## Machine",
        "",
        *machine(),
        (
            f"- Load average (1, 5, 15 min) at the start: {loads[0]}; at the end: {loads[1]}. Other work on the "
            "machine slows wall times; the CPU columns are less sensitive to it, not immune."
        ),
        "",
        "## Results",
        "",
        *rows,
        "",
        *([scaling_note, ""] if scaling_note else []),
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        *[f"| {name} | {value} | {_verdict(ok)} |" for name, value, ok in targets],
        "",
        "## What each build makes",
        "",
        *facts,
        "",
        HOW_TO_READ,
    ]
    return "\n".join(text)


HOW_TO_READ = textwrap.dedent(
    f"""\
    ## How to run

    ```sh
    make bench                                   # .venv/bin/python benchmark/bench.py
    .venv/bin/python benchmark/bench.py --sizes 200,1000,2000 --repeat 5
    .venv/bin/python benchmark/bench.py --keep   # keep the generated guides and sites to look at
    ```

    Per size the script builds, in a temporary folder:

    - **ours**: a copy of this project, taken once at the start of the run (without .venv, site, public,
      offline, node_modules, .git, tests, benchmark), whose `principles/` and `dilemmas/` are filled up to {PRINCIPLES_TOTAL} principles and N
      dilemmas. The real principles and dilemmas stay (docs/ links to some of them); the rest is
      generated, valid content: title, description, 1-3 principles, 1-2 tensions, domains, tags, source,
      the four `##` sections with about 400-600 words of Dutch-looking filler and a link to a principle,
      a history entry with version "{RELEASE[0]}" (the release in docs/versies.md), an unreleased entry on
      every 7th dilemma, and aliases on every 10th dilemma and every 8th principle. `docs/` is the real
      one. The folder is committed in a fresh git repository, so pages have "last changed" dates.
      `python -m gids.check` proves it valid before it is built. Its `hooks/` are compiled to bytecode
      once, as Python does on a first build (the packages in .venv, which the floor runs on, got
      theirs from pip); no other cache is kept: every build starts cold.
    - **floor**: a plain Material site whose mkdocs.yml is made from ours (`floor_config`): the same
      site name, footer, theme settings, navigation, markdown extensions, extra CSS/JS and `extra`
      (Material's version selector), search (`nl`); without our hooks, our templates (`custom_dir`)
      and mkdocs-redirects. It has as many dilemma and principle pages as ours, with the same text
      (front matter with title and description, the description as first paragraph, the same body),
      plus a page of filler for each overview page in the navigation. The navigation lists only the
      overview pages; the rest is marked `not_in_nav`.

    Every build is its own process (`python -m mkdocs build`, with NO_MKDOCS_2_WARNING=1 and
    DISABLE_MKDOCS_2_WARNING=true); the order of ours and floor alternates between rounds. Every
    build writes into a new folder: no site is deleted while a build is measured.

    ## Columns

    - **full build s / floor s**: wall-clock time of `mkdocs build`, including the start of Python and
      MkDocs (medians). **ratio**: full build / floor.
    - **fastest s / ratio of fastest**: the fastest round of each side and their ratio. On a shared
      machine other work only ever slows a round down, and here it did so a lot (on the machine
      below, the CPU time of one and the same build has varied by a third from round to round), so
      the fastest round is the least disturbed estimate. The target is judged on the medians; its
      line shows both.
    - **CPU s**: user + system CPU time of the build process and the processes it waited for (ours
      makes the QR codes of a large guide in a second process, on the second core, while MkDocs
      converts the markdown: wall time gains, CPU time does not); **CPU ratio**: ours / floor.
    - **dilemma page KB**: the HTML of one generated dilemma (`{dilemma_id(1)}`, the same text at every
      size), ours and floor.
    - **peak MB**: the peak resident memory (maxrss) of the build process, from `os.wait4` in a small
      launcher that forks the build (a process forked from this large script would count the script's
      memory in its own maxrss). Linux reports the largest of the build and the processes it waited
      for; ours's QR-code process is far smaller than the build. **memory ratio**: ours / floor.
    - **validation s**: one call of `gids.load_guide(root)` in a Python process that imported `gids`
      once and called it once on the real project first (not timed). **gids.check s**:
      `python -m gids.check --root ...` as a process, including the start of Python and the imports.
    - **git processes**: how often the build started git (a `git` shim first on PATH logs each call).
    - **search index KB**: `site/search/search_index.json`, ours / floor.
    - **scaling factor**: time(2,000) / time(1,000); growing linearly is 2.00.

    Ours makes more than the floor, and the floor is the price of MkDocs and Material alone: the list
    pages (/dilemmas/ with every card, /principes/), three tension pages that list their dilemmas (the
    printable deck is fetched in the browser), a QR code on every dilemma page, /versies/ with every
    change, the feed versies.xml, gids.json and gids.schema.json, redirect pages for aliases
    (mkdocs-redirects) and tombstone pages for removed items (none with the real docs/versies.md). The
    last table shows those differences. Ours also validates the whole guide before it builds.

    This is a benchmark, not a test: timings depend on the machine and on what else runs on it.
    """
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the build of the guide against plain MkDocs.")
    parser.add_argument("--sizes", default="200,1000,2000", help="numbers of dilemmas, comma separated")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per size (medians and the fastest round are reported)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the results")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes whole numbers, such as 200,1000,2000")
    if args.repeat < 1 or not sizes:
        parser.error("--repeat and --sizes need at least 1")
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        parser.error(f"MkDocs is missing in {sys.executable}; run with .venv/bin/python (make bench)")

    started = dt.datetime.now()
    start_load = _load()
    clock = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="gids-bench-"))
    shim_dir = git_shim(work / "bin")
    version = project_version()
    results = []
    try:
        project = snapshot_project(work / "project")
        for size in sizes:
            results.append(measure_size(size, args.repeat, work, project, shim_dir))
    finally:
        if args.keep:
            print(f"Kept the temporary folders in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results, args.repeat, started, time.perf_counter() - clock, (start_load, _load()), version)
    print()
    print(text)
    args.output.write_text(text, encoding="utf-8")
    print(f"Written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
