"""The build judges each body on the HTML the engine rendered for it
(``gids/judge.py``): it must find exactly what ``make check`` finds."""

from __future__ import annotations

import pytest

from gids import load_for_engine, load_guide, render
from gids.judge import written_link
from tests.helpers import GuideTree
from tests.unit.test_validate import RULES, Rule

DILEMMA = "dilemmas/minister-of-samenleving.md"
OTHER = "dilemmas/signaal-uit-de-uitvoering.md"
PRINCIPLE = "principles/luister-echt.md"
TENSION = "docs/spanningen/politiek-maatschappij.md"

SOURCES = {
    ".": "index.md",
    "dilemmas": "dilemmas/index.md",
    "dilemmas/a": "dilemmas/a.md",
    "principles/b": "principles/b.md",
    "versies": "versies.md",
    "img/x.png": "img/x.png",
    "principles/b.html": "principles/b.md",  # as the .html addresses name it
}


@pytest.mark.parametrize(
    "page_url, page_source, href, written",
    [
        # MkDocs' directory URLs: the link as the author wrote it comes back.
        ("dilemmas/a/", "dilemmas/a.md", "../../principles/b/", "../principles/b.md"),
        ("dilemmas/a/", "dilemmas/a.md", "../../principles/b/#kop", "../principles/b.md#kop"),
        ("dilemmas/a/", "dilemmas/a.md", "../../versies/", "../versies.md"),
        ("dilemmas/a/", "dilemmas/a.md", "../", "index.md"),
        ("", "index.md", "dilemmas/a/", "dilemmas/a.md"),
        ("", "index.md", "img/x.png", "img/x.png"),
        # .html addresses (the offline guide, the preview)
        ("dilemmas/a.html", "dilemmas/a.md", "../principles/b.html", "../principles/b.md"),
        # Left as they are: not rewritten by the engine, or not a file of the site.
        ("dilemmas/a/", "dilemmas/a.md", "../principles/c.md", "../principles/c.md"),
        ("dilemmas/a/", "dilemmas/a.md", "https://example.org/x/", "https://example.org/x/"),
        ("dilemmas/a/", "dilemmas/a.md", "#kop", "#kop"),
        ("dilemmas/a/", "dilemmas/a.md", "/absoluut/", "/absoluut/"),
        ("dilemmas/a/", "dilemmas/a.md", "../../onbekend/", "../../onbekend/"),
        ("dilemmas/a/", "dilemmas/a.md", "javascript:alert(1)", "javascript:alert(1)"),
    ],
)
def test_a_rewritten_link_is_read_as_written(page_url: str, page_source: str, href: str, written: str) -> None:
    assert written_link(SOURCES, page_url, page_source, href) == written


def _break_bodies(t: GuideTree) -> None:
    """Mistakes in the bodies only, in four files, the front matter intact;
    blank lines under the front matter, which MkDocs drops."""
    text = t.read(DILEMMA)
    t.write(
        DILEMMA,
        text.replace("---\n\n## Situatie", "---\n\n\n\n## Situatie")
        .replace("## Gespreksvragen", "## Vragen")
        .replace("Een casus.", 'Een casus <img src="x" onerror="alert(1)">.')
        .replace("../principles/loyale-tegenspraak.md", "../principles/loyale-tegenspraakk.md"),
    )
    t.replace(OTHER, "## Spanning", "## Spanning\n\nZie [de versies](../versies.md).\n")
    t.replace(PRINCIPLE, "\n---\n", "\n---\n\n# Een titel als kopje\n")
    t.write("docs/index.md", t.read("docs/index.md") + "\n[Kapot](nergens/pagina.md)\n")


def _judged(root, engine_html: bool = False) -> list:
    """What the build's judge finds: every waiting body, given as MkDocs
    gets it (without the blank lines under the front matter), rendered as
    the site renders it."""
    guide, problems, judge = load_for_engine(root, root / "docs")
    assert problems == [] and guide is not None
    renderer = render.Renderer(render.Settings.from_config_file(root / "mkdocs.yml"))
    found = []
    for path in sorted(judge._waiting):
        text = (root / path).read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
        body = body.lstrip("\n")
        found += judge.judge(path, body, renderer(body))
    return sorted(set(found))


def test_the_judge_finds_what_the_check_finds(guide_tree: GuideTree) -> None:
    _break_bodies(guide_tree)
    _, expected = load_guide(guide_tree.root)
    judged = _judged(guide_tree.root)
    assert judged == expected
    # Each file is named, on the line where its mistake stands.
    lines = guide_tree.read(DILEMMA).split("\n")
    vragen = next(p for p in judged if p.path == DILEMMA and p.key == "## Vragen")
    assert lines[vragen.line - 1] == "## Vragen"
    assert {p.path for p in judged} == {DILEMMA, OTHER, PRINCIPLE, "docs/index.md"}
    assert {p.code for p in judged} >= {"html-gebeurtenis", "link-bedoel", "link-geen-item", "titel-als-kopje", "link-pagina"}


def test_a_guide_without_mistakes_waits_for_every_body(guide_tree: GuideTree) -> None:
    guide, problems, judge = load_for_engine(guide_tree.root, guide_tree.root / "docs")
    assert problems == [] and guide is not None
    every_page = {p.relative_to(guide_tree.root).as_posix() for p in guide_tree.root.glob("**/*.md")}
    assert set(judge._waiting) == every_page
    assert _judged(guide_tree.root) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_gives_the_build_the_same_message(rule: Rule, guide_tree: GuideTree) -> None:
    """Each case of the contract's rule table (test_validate.py), found the way
    the site's build finds it: the front matter before the build, the body
    by the judge. The build reports exactly what make check reports."""
    rule.breaks(guide_tree)
    _, expected = load_guide(guide_tree.root)
    guide, before, _ = load_for_engine(guide_tree.root, guide_tree.root / "docs")
    if before:
        # Found before the build: the adapter then reports load_guide's list.
        assert guide is None and set(before) <= set(expected)
    else:
        assert _judged(guide_tree.root) == expected
