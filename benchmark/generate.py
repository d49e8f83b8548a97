"""The benchmark's input: a synthetic guide of N dilemmas, and its floor.

* ``snapshot_project``: a copy of this project, taken once per run;
* ``generate_guide``: a copy of that snapshot whose ``principles/`` and
  ``dilemmas/`` are filled up to ``PRINCIPLES_TOTAL`` principles and N
  dilemmas of valid, Dutch-looking content, committed in a fresh git
  repository (so that pages get "last changed" dates);
* ``generate_floor``: a plain Material site of as many pages with the same
  text, whose mkdocs.yml is made from the guide's (``floor_config``).

Every item's text depends on its number only, so dilemma 1 is the same at
every size. Nothing here measures or imports the other benchmark modules;
the tests load this file by path (tests/helpers.py, ``bench()``).
"""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: What the snapshot leaves out: build output, caches, tests and this folder.
COPY_IGNORE = (
    ".cache", ".venv", "site", "site-*", "public", "offline", "node_modules", ".git",
    "__pycache__", ".pytest_cache", ".hypothesis", "tests", "benchmark", "test-results",
)  # fmt: skip
#: The real items are kept (docs/ links to some of them); the rest is generated.
PRINCIPLES_TOTAL = 40
#: The release the real docs/versies.md declares.
RELEASE = ("1.0", "2026-11-22")
TENSION_IDS = ("professie-politiek", "professie-maatschappij", "politiek-maatschappij")
DOMAINS = ("beleid", "uitvoering", "toezicht")


# --- Dutch-looking filler --------------------------------------------------------


NOUNS = (
    "ambtenaar minister beleid uitvoering toezicht burger gemeente afdeling dossier regeling aanvraag "
    "collega leidinggevende directeur partner inspectie besluit nota advies overleg signaal rapport "
    "wethouder kamer belang draagvlak opdracht termijn begroting wet verordening samenleving organisatie "
    "team project programma vergadering analyse afweging verantwoording keuze uitzondering risico casus "
    "instelling provincie ministerie onderzoek uitkomst plan voorstel gesprek brief besluitvorming"
).split()
VERBS = (
    "schrijft bespreekt vraagt merkt weegt ziet hoort twijfelt kiest legt uit stelt voor zoekt "
    "verwacht beslist meldt controleert toetst bewaakt ondersteunt benadrukt onderbouwt verdedigt "
    "onderzoekt beoordeelt deelt vertelt wijst aan houdt vast laat los geeft door neemt mee"
).split()
ADJECTIVES = (
    "lastige open eerlijke politieke zorgvuldige snelle onafhankelijke heldere belangrijke nieuwe "
    "gevoelige duidelijke redelijke kwetsbare stevige gewone professionele inhoudelijke praktische "
    "maatschappelijke tijdelijke bestuurlijke kritische lokale landelijke"
).split()
LINKS = "en maar want omdat terwijl zodat doordat hoewel daarna ook soms vaak nog toch juist echter".split()
FILLER = "de het een je wij zij dat die met voor over naar bij in op van uit door tegen zonder".split()
TAGS = (
    "tegenspraak loyaliteit draagvlak maatwerk integriteit openheid kennis samenwerking regels "
    "verantwoording vertrouwen uitvoering toezicht moreel-beraad leiderschap transparantie "
    "burgerperspectief signalen opschalen onafhankelijkheid"
).split()


def _word(rng: random.Random) -> str:
    return rng.choice(rng.choice((NOUNS, NOUNS, VERBS, ADJECTIVES, FILLER, FILLER, LINKS)))


def sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    text = " ".join(_word(rng) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, low: int = 3, high: int = 6) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def short(rng: random.Random, words: int) -> str:
    text = " ".join(_word(rng) for _ in range(words))
    return text[0].upper() + text[1:]


def _yaml(value: str) -> str:
    # JSON strings are valid YAML scalars (double quoted).
    return json.dumps(value, ensure_ascii=False)


# --- items -----------------------------------------------------------------------


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


def _history(rng: random.Random, unreleased: bool) -> list[str]:
    lines = [
        "history:",
        f'  - version: "{RELEASE[0]}"',
        f"    date: {RELEASE[1]}",
        "    note: Opgenomen in de eerste uitgave van de gids.",
    ]
    if unreleased:
        lines += ["  - date: 2027-01-15", f"    note: {_yaml(sentence(rng, 6, 10))}"]
    return lines


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
        *([f"aliases: [oud-bench-principe-{index:03d}]"] if index % 8 == 0 else []),
        *_history(rng, unreleased=False),
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
        *([f"aliases: [oude-bench-casus-{index:05d}]"] if index % 10 == 0 else []),
        *_history(rng, unreleased=index % 7 == 0),
        "---",
    ]
    first, second = tensions[0].split("-")
    questions = "\n".join(f"- {sentence(rng, 10, 18)[:-1]}?" for _ in range(rng.randint(3, 5)))
    actions = "\n".join(f"- {sentence(rng, 14, 24)}" for _ in range(rng.randint(4, 6)))
    body = "\n\n".join(
        [
            "## Situatie",
            paragraph(rng, 4, 6),
            paragraph(rng, 4, 6),
            paragraph(rng, 4, 6),
            "## Spanning",
            f"Dit is de spanning tussen **{first}** en **{second}**. " + paragraph(rng, 4, 6),
            paragraph(rng, 3, 5),
            "## Gespreksvragen",
            questions,
            "## Handelingsperspectief",
            actions,
            f"Zie ook het principe [{principles[0]}](../{principle_folder}/{principles[0]}.md).",
        ]
    )
    return Item(dilemma_id(index), title, description, body, "\n".join(lines))


# --- the guide -------------------------------------------------------------------


def snapshot_project(target: Path) -> Path:
    """A copy of the project as it is now; every size is generated from it.

    The copy's hooks/mkdocs_adapter.py imports ``gids`` from the package
    installed (editable) in .venv, that is from this checkout's src/gids, not
    from the copy (the import path is not changed), so an edit to src/gids during a run
    reaches the builds after it. The copy's hooks/ are compiled to bytecode
    here, and so is the installed package, as a first build would do (the
    packages the floor runs on got their bytecode from pip)."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    folders = [str(target / "hooks")]
    spec = importlib.util.find_spec("gids")  # finds it without importing it
    if spec is not None and spec.submodule_search_locations:
        folders += list(spec.submodule_search_locations)
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True)
    return target


def _git(folder: Path, *args: str) -> None:
    git = [shutil.which("git") or "git", "-c", "user.email=bench@gids.invalid", "-c", "user.name=Bench"]
    subprocess.run([*git, "-c", "commit.gpgsign=false", *args], cwd=folder, check=True, capture_output=True)


def _write(folder: Path, item: Item) -> None:
    (folder / f"{item.id}.md").write_text(f"{item.front}\n\n{item.body}\n", encoding="utf-8")


def generate_guide(target: Path, project: Path, dilemmas: int) -> tuple[list[str], list[str]]:
    """A copy of ``project`` with generated principles and dilemmas, committed
    in a fresh git repository. Returns the generated (principle, dilemma) ids."""
    shutil.copytree(project, target)
    real_principles = sorted(p.stem for p in (target / "principles").glob("*.md"))
    real_dilemmas = sorted(p.stem for p in (target / "dilemmas").glob("*.md"))
    new_dilemmas = dilemmas - len(real_dilemmas)
    if new_dilemmas < 1:
        raise SystemExit(f"--sizes: at least {len(real_dilemmas) + 1} dilemmas (the real ones are kept)")
    principles = [make_principle(i) for i in range(1, max(0, PRINCIPLES_TOTAL - len(real_principles)) + 1)]
    all_principles = real_principles + [p.id for p in principles]
    for item in principles:
        _write(target / "principles", item)
    generated = [make_dilemma(i, all_principles) for i in range(1, new_dilemmas + 1)]
    for item in generated:
        _write(target / "dilemmas", item)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "--no-verify", "-m", "Synthetische gids")
    return [p.id for p in principles], [d.id for d in generated]


# --- the floor -------------------------------------------------------------------


#: What the floor keeps of the guide's mkdocs.yml: everything that shapes a
#: page of the theme, so that the floor cannot drift from the guide. Left out:
#: our hooks, our templates (custom_dir) and every plugin but search.
FLOOR_KEEPS = (
    "site_name", "copyright", "theme", "extra", "extra_css", "extra_javascript", "markdown_extensions", "nav",
)  # fmt: skip


def guide_config(guide: Path) -> dict:
    """The guide's mkdocs.yml as MkDocs reads it without environment
    variables: ``!ENV [NAME, default]`` gives the default."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load((guide / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def plugin_name(entry: str | dict) -> str:
    """The name of an entry of ``plugins:`` (``search`` or ``{search: {...}}``)."""
    return entry if isinstance(entry, str) else next(iter(entry))


def _nav_pages(nav: list | dict | str):
    if isinstance(nav, str):
        yield nav
    else:
        for entry in nav if isinstance(nav, list) else nav.values():
            yield from _nav_pages(entry)


def floor_config(guide: Path) -> tuple[dict, list[str]]:
    """The floor's mkdocs.yml, made from the guide's, and its navigation's pages.
    The items are reached from the overview pages, as in the guide (not_in_nav)."""
    ours = guide_config(guide)
    config = {key: ours[key] for key in FLOOR_KEEPS if key in ours}
    config["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    config["site_url"] = "http://127.0.0.1:8000/"
    config["docs_dir"] = "docs"
    # Material's own search, switched on: plain Material searches. The guide
    # replaces it with Pagefind (gids/search.py), whose indexing counts in
    # the guide's time.
    config["plugins"] = [
        {"search": {k: v for k, v in (entry if isinstance(entry, dict) else {"search": {}})["search"].items() if k != "enabled"}}
        for entry in ours["plugins"]
        if plugin_name(entry) == "search"
    ]
    config["not_in_nav"] = "/principes/\n/dilemmas/\n"
    return config, list(_nav_pages(config["nav"]))


def generate_floor(target: Path, guide: Path, principles: int, dilemmas: int) -> None:
    """A plain Material site: as many principle and dilemma pages as the
    guide, with the same text, plus a page of filler per overview page."""
    docs = target / "docs"
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(guide / "docs" / folder, docs / folder)
    config, pages = floor_config(guide)
    (target / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
    for page in pages:
        rng = random.Random(f"floor-{page}")
        path = docs / page
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"# {short(rng, 3)}\n\n" + "\n\n".join(paragraph(rng) for _ in range(4)) + "\n"
        path.write_text(text, encoding="utf-8")
    ids = [principle_id(i) for i in range(1, principles + 1)]
    items = [(docs / "principes", make_principle(i)) for i in range(1, principles + 1)]
    items += [(docs / "dilemmas", make_dilemma(i, ids, "principes")) for i in range(1, dilemmas + 1)]
    for folder, item in items:
        # Plain MkDocs front matter, then the description as the first
        # paragraph and the same body as in the guide.
        front = f"---\ntitle: {_yaml(item.title)}\ndescription: {_yaml(item.description)}\n---"
        text = f"{front}\n\n{item.description}\n\n{item.body}\n"
        (folder / f"{item.id}.md").write_text(text, encoding="utf-8")
