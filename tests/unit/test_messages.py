"""The catalogue of messages on the Bijdragen page covers every message.

Every rule case of ``test_rules.py``, a few extra cases below for messages
those do not reach, every line of the golden fixtures and the messages of
``make check-history`` (``HISTORY_CASES``) produce a message;
each must have an entry in ``gids.messages.CATALOGUE`` with the same key and
the same shape (the message with quoted values, numbers, paths and lists
replaced by placeholders). And every entry must be produced by at least one of
those cases, so the page explains no message that no longer exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT, GuideTree, copy_fixture_guide
from gids import Problem, load_guide
from gids.contributor_docs import expand_markers
from gids.history_check import CheckResult, compare
from gids.messages import CATALOGUE, GROUPS, Message, explain, markdown, parse_line, shape
from unit.test_rules import CHANGELOG, DILEMMA, PRINCIPLE, RULES, Rule
from unit.test_safety import ACTIVE

TRIANGLE = "docs/spanningen/index.md"


def _changelog(t: GuideTree, extra: str) -> None:
    t.replace(CHANGELOG, "\n---\n\nHier", f"\n{extra}\n---\n\nHier")


def _without_triangle(t: GuideTree) -> None:
    t.remove(TRIANGLE)
    t.replace("docs/index.md", " of [de driehoek](spanningen/index.md)", "")


def _without_releases(t: GuideTree) -> None:
    t.replace(CHANGELOG, 'releases:\n  - version: "1.0"\n    date: 2026-01-15\n    title: Eerste uitgave\n    summary: De eerste versie van de gids.\n', "")
    t.replace(PRINCIPLE, "order: 2", 'order: 2\nhistory:\n  - note: Aangepast.\n    version: "1.0"')


#: Messages that no case of test_rules.py produces, in the same style.
EXTRA = [
    Rule("text-blank", lambda t: t.replace(PRINCIPLE, "title: Luister echt", 'title: "  "'), PRINCIPLE, 2, "title", "vul hier tekst in"),
    Rule(
        "version-not-a-number",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - note: Aangepast.\n    version: eerste"),
        PRINCIPLE, 7, "history.version", "hier hoort een versienummer",
    ),
    Rule("alias-reserved", lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\naliases: [index]"), PRINCIPLE, 5, "aliases", "gereserveerd"),
    Rule("version-without-releases", _without_releases, PRINCIPLE, 7, "history.version", "(uitgaven: nog geen)"),
    Rule("upcoming-not-keys", lambda t: _changelog(t, "upcoming: Een dilemma weg."), CHANGELOG, 9, "upcoming", "hier horen sleutels"),
    Rule(
        "replaced-by-no-match",
        lambda t: _changelog(t, "upcoming:\n  removed:\n    - dilemma: oud-dilemma\n      reason: Weg.\n      replaced_by: iets-heel-anders"),
        CHANGELOG, 11, "replaced_by", "Kijk in de map dilemmas/.",
    ),
    Rule("section-missing-first", lambda t: t.replace(DILEMMA, "## Situatie\n\nEen casus.\n\n", ""), DILEMMA, 10, "## Situatie", "bovenaan de tekst"),
    Rule(
        "docs-link-no-match",
        lambda t: t.replace("docs/index.md", "(spanningen/index.md)", "(uitleg/driehoek.md)"),
        "docs/index.md", 5, "link", "die pagina bestaat niet",
    ),
    Rule("triangle-missing", _without_triangle, TRIANGLE, 1, "bestand", "de pagina over de driehoek ontbreekt"),
    Rule(
        "tension-page-unknown-no-match",
        lambda t: t.write("docs/spanningen/burger-en-staat.md", "---\ntitle: X\ndescription: Y\n---\n\nZ\n"),
        "docs/spanningen/burger-en-staat.md", 1, "bestandsnaam", "is geen spanning van de driehoek. De spanningen heten",
    ),
    Rule(
        "corners-not-keys",
        lambda t: t.replace(TRIANGLE, "corners:\n  professie: Professie\n  politiek: Politiek\n  maatschappij: Maatschappij", "corners: [Professie, Politiek, Maatschappij]"),
        TRIANGLE, 4, "corners", "voor elke hoek een naam",
    ),
    Rule(
        "corner-unknown",
        lambda t: t.replace(TRIANGLE, "  maatschappij: Maatschappij", "  maatschappij: Maatschappij\n  burger: Burger"),
        TRIANGLE, 5, "corners", "onbekende hoek burger",
    ),
    Rule("corner-name-not-text", lambda t: t.replace(TRIANGLE, "  politiek: Politiek", '  politiek: ""'), TRIANGLE, 5, "corners", "de naam van politiek moet tekst zijn"),
]

def _safety_case(name: str, text: str, offset: int | None, says: str) -> Rule:
    def breaks(t: GuideTree) -> None:
        t.replace(DILEMMA, "Een casus.\n", text + "\n")

    # The Situatie heading stands on line 10, its text on line 12.
    return Rule(f"safety-{name}", breaks, DILEMMA, 10 if offset is None else 12 + offset, "## Situatie", says)


SAFETY = [_safety_case(*case) for case in ACTIVE] + [
    Rule(
        "safety-front-matter",
        lambda t: t.replace(DILEMMA, "description: Een koers", "description: <b>Een</b> koers"),
        DILEMMA, 3, "description", "zonder HTML-code",
    ),
    Rule(
        "safety-character-reference",
        lambda t: t.replace(DILEMMA, "description: Een koers", "description: Een &eacute; koers"),
        DILEMMA, 3, "description", "schrijf het teken zelf",
    ),
]
CASES = [*RULES, *EXTRA, *SAFETY]

#: make check-history, without git: the files that changed since version 1.0
#: (A added, M changed, D deleted), and the start of the line it prints.
HISTORY_CASES = {
    "changed-without-note": ({PRINCIPLE: "M"}, f"waarschuwing: {PRINCIPLE}:1: history: gewijzigd sinds versie 1.0"),
    "new-without-note": ({PRINCIPLE: "A"}, f"waarschuwing: {PRINCIPLE}:1: history: nieuw sinds versie 1.0"),
    "renamed-without-note": (
        {"principles/tegenspraak.md": "D", "principles/loyale-tegenspraak.md": "A"},
        "waarschuwing: principles/loyale-tegenspraak.md:1: history: hernoemd sinds versie 1.0 (de oude naam was tegenspraak)",
    ),
    "removed-address-breaks": (
        {"dilemmas/oud-dilemma.md": "D"},
        "fout: dilemmas/oud-dilemma.md:1: bestand: dit dilemma is weggehaald sinds versie 1.0",
    ),
}
GOLDEN_LINES = [
    line
    for expected in sorted((ROOT / "tests" / "golden").glob("*/expected.txt"))
    for line in expected.read_text(encoding="utf-8").splitlines()
    if line
]


def _problem(case: Rule, tree: GuideTree) -> Problem:
    """Break the guide as the case does; the one problem it causes."""
    case.breaks(tree)
    _, problems = load_guide(tree.root)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def _history_line(statuses: dict[str, str], root: Path) -> str:
    """The one line make check-history prints for these changed files."""
    guide, problems = load_guide(root)
    assert guide is not None, problems
    warnings, errors = compare(root, guide, statuses, "versie 1.0")
    lines = CheckResult(warnings, errors, base_label="versie 1.0").lines()[:-1]
    assert len(lines) == 1, "\n".join(lines)
    return lines[0]


# --- the catalogue itself ----------------------------------------------------------


@pytest.mark.parametrize("entry", CATALOGUE, ids=[m.example[:60] for m in CATALOGUE])
def test_example_is_a_message_line(entry: Message) -> None:
    problem = parse_line(entry.example)
    assert entry.example in (str(problem), f"waarschuwing: {problem}", f"fout: {problem}")
    assert entry.key_pattern().fullmatch(problem.key), (entry.key, problem.key)
    assert entry.group in GROUPS
    assert entry.meaning.strip() and entry.fix.strip()
    # The example explains itself, and no more specific entry takes it over.
    assert explain(entry.example) is entry


def test_no_two_entries_explain_the_same_lines() -> None:
    seen: dict[tuple[str, str], str] = {}
    for entry in CATALOGUE:
        ident = (entry.key, shape(parse_line(entry.example).message))
        assert ident not in seen, f"{entry.example}\nis the same message as\n{seen[ident]}"
        seen[ident] = entry.example


@pytest.mark.parametrize("entry", CATALOGUE, ids=[m.example[:60] for m in CATALOGUE])
def test_a_different_message_is_not_explained(entry: Message) -> None:
    problem = parse_line(entry.example)
    assert explain(entry.example + " Of toch niet.") is None
    assert explain(Problem(problem.path, problem.line, problem.key, "niet " + problem.message)) is None


def test_shape_keeps_the_words_and_drops_the_values() -> None:
    a = shape("'luister-echtt' is geen bekend principe. Bedoel je 'luister-echt'?")
    b = shape("'loyale-tegenspraakk' is geen bekend principe. Bedoel je 'loyale-tegenspraak'?")
    assert a == b == "'…' is geen bekend principe. Bedoel je '…'?"
    assert shape("'x' is geen bekend principe; gebruik de bestandsnaam") != a


# --- every message is in the catalogue -----------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_rule_case_is_explained(case: Rule, guide_tree: GuideTree) -> None:
    problem = _problem(case, guide_tree)
    assert (problem.path, problem.line, problem.key) == (case.path, case.line, case.key), str(problem)
    assert case.says in problem.message, str(problem)
    assert explain(problem) is not None, f"no entry in gids/messages.py explains:\n{problem}"


@pytest.mark.parametrize("name", HISTORY_CASES)
def test_every_history_check_message_is_explained(name: str, guide_tree: GuideTree) -> None:
    statuses, start = HISTORY_CASES[name]
    line = _history_line(statuses, guide_tree.root)
    assert line.startswith(start), line
    assert explain(line) is not None, f"no entry in gids/messages.py explains:\n{line}"


@pytest.mark.parametrize("line", GOLDEN_LINES)
def test_every_golden_line_is_explained(line: str) -> None:
    assert explain(line) is not None, f"no entry in gids/messages.py explains:\n{line}"


def test_every_entry_is_a_real_message(tmp_path: Path) -> None:
    """No stale entries: each one explains a message some case produces."""
    used: set[int] = set()
    for number, case in enumerate(CASES):
        root = tmp_path / str(number)
        copy_fixture_guide(root)
        entry = explain(_problem(case, GuideTree(root)))
        if entry is not None:
            used.add(id(entry))
    history_root = copy_fixture_guide(tmp_path / "history")
    history_lines = [_history_line(statuses, history_root) for statuses, _ in HISTORY_CASES.values()]
    for line in [*GOLDEN_LINES, *history_lines]:
        entry = explain(line)
        if entry is not None:
            used.add(id(entry))
    stale = [m.example for m in CATALOGUE if id(m) not in used]
    assert not stale, "no case produces these messages:\n" + "\n".join(stale)


# --- the Bijdragen page ----------------------------------------------------------------


def test_markdown_shows_every_entry_by_group() -> None:
    text = markdown()
    headings = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert headings == [g for g in GROUPS if any(m.group == g for m in CATALOGUE)]
    for entry in CATALOGUE:
        assert f"`{entry.example}`" in text
        assert entry.meaning in text and entry.fix in text
    # Examples may show HTML inside `code`, which renders as text; outside
    # code spans there is no raw HTML.
    assert "<" not in re.sub(r"`[^`]*`", "", text), "no raw HTML"


def test_meldingen_marker_is_replaced() -> None:
    out = expand_markers("Intro\n\n<!-- gids:meldingen -->\n\nEinde\n", ROOT)
    assert "<!--" not in out
    assert f"### {GROUPS[0]}" in out and CATALOGUE[0].example in out
    assert out.startswith("Intro\n") and out.endswith("\nEinde\n")


def test_bijdragen_page_has_the_catalogue() -> None:
    page = (ROOT / "docs" / "bijdragen.md").read_text(encoding="utf-8")
    assert "<!-- gids:meldingen -->" in page.splitlines()


@pytest.mark.parametrize(
    "text, says",
    [
        ("- groep: Het bestand\n  sleutel: [\n", "messages.yml kan niet worden gelezen"),
        ("groep: Het bestand\n", "moet een lijst van meldingen zijn"),
        ("- groep: Het bestand\n  sleutel: bestand\n  voorbeeld: x\n  betekenis: y\n", "melding 1 mist tekst bij wat-doe-je"),
        (
            "- groep: Iets anders\n  sleutel: bestand\n  voorbeeld: x\n  betekenis: y\n  wat-doe-je: z\n",
            "melding 1 heeft een onbekende groep 'Iets anders'",
        ),
    ],
)
def test_a_mistake_in_the_catalogue_file_gets_a_sentence(tmp_path: Path, text: str, says: str) -> None:
    from gids.messages import CatalogueError, load_catalogue

    path = tmp_path / "messages.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape(says)):
        load_catalogue(path)


def test_the_catalogue_is_a_data_file_the_redactie_can_edit() -> None:
    from gids.messages import CATALOGUE_FILE

    assert CATALOGUE_FILE.name == "messages.yml" and len(CATALOGUE) > 80
    # Every entry of the file is in the catalogue, in its order.
    import yaml

    assert [e["voorbeeld"][:30] for e in yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))][:3] == [
        m.example[:30] for m in CATALOGUE[:3]
    ]
