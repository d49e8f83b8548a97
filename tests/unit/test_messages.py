"""The catalogue of messages (src/gids/messages.yml) covers every message,
and ``gids/messages.py`` explains each one.

Every problem carries the code of its message; its text and explanation
come from that code's entry. Every case of ``RULES`` in ``test_validate.py``,
a few extra cases below, the golden fixtures, the messages of ``make
check-history`` and a few rare problems made directly produce a code; each
must have an entry, and every entry must be produced by at least one of
them, so the Bijdragen page explains no message that no longer exists.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, GuideTree, copy_fixture_guide
from gids import Problem, load_guide
from gids.history_check import CheckResult, compare
from gids.messages import GROUPS, catalogue, explain, explanation_address, markdown
from tests.unit.test_validate import CHANGELOG, DILEMMA, PRINCIPLE, RULES, Rule
from tests.unit.test_likeness import likeness_codes
from tests.unit.test_safety import ACTIVE

TRIANGLE = "docs/spanningen/index.md"


def _changelog(t: GuideTree, extra: str) -> None:
    t.replace(CHANGELOG, "\n---\n\nHier", f"\n{extra}\n---\n\nHier")


def _without_triangle(t: GuideTree) -> None:
    t.remove(TRIANGLE)
    t.replace("docs/index.md", " of [de driehoek](spanningen/index.md)", "")


def _without_releases(t: GuideTree) -> None:
    t.replace(CHANGELOG, 'releases:\n  - version: "1.0"\n    date: 2026-01-15\n    title: Eerste uitgave\n    summary: De eerste versie van de gids.\n', "")
    t.replace(PRINCIPLE, "order: 2", 'order: 2\nhistory:\n  - note: Aangepast.\n    version: "1.0"')


#: Messages that no case of RULES produces, in the same style.
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
GOLDEN_CASES = sorted(p for p in (ROOT / "tests" / "golden").iterdir() if (p / "expected.txt").is_file())
CATALOGUE = catalogue()


def _problem(case: Rule, tree: GuideTree) -> Problem:
    """Break the guide as the case does; the one problem it causes."""
    case.breaks(tree)
    _, problems = load_guide(tree.root)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def _history_problems(statuses: dict[str, str], root: Path) -> list[Problem]:
    """What make check-history reports for these changed files."""
    guide, problems = load_guide(root)
    assert guide is not None, problems
    warnings, errors = compare(root, guide, statuses, "versie 1.0")
    return [*warnings, *errors]


def _history_line(statuses: dict[str, str], root: Path) -> str:
    """The one line make check-history prints for these changed files."""
    guide, _ = load_guide(root)
    assert guide is not None
    warnings, errors = compare(root, guide, statuses, "versie 1.0")
    lines = CheckResult(warnings, errors, base_label="versie 1.0").lines()[:-1]
    assert len(lines) == 1, "\n".join(lines)
    return lines[0]


# --- a problem and its explanation -------------------------------------------------


def test_a_problem_is_explained_by_its_code() -> None:
    problem = Problem("dilemmas/x.md", 3, "principles", "onbekend-principe", {"naam": "x"})
    assert problem.message == (
        "'x' is geen bekend principe; gebruik de bestandsnaam (zonder .md) van een bestand in de map principles/"
    )
    assert explain(problem) is CATALOGUE["onbekend-principe"]


# --- every message is in the catalogue -----------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_rule_case_is_explained(case: Rule, guide_tree: GuideTree) -> None:
    problem = _problem(case, guide_tree)
    assert (problem.path, problem.line, problem.key) == (case.path, case.line, case.key), str(problem)
    assert case.says in problem.message, str(problem)
    assert explain(problem) is not None


@pytest.mark.parametrize("name", HISTORY_CASES)
def test_every_history_check_message_is_explained(name: str, guide_tree: GuideTree) -> None:
    statuses, start = HISTORY_CASES[name]
    line = _history_line(statuses, guide_tree.root)
    assert line.startswith(start), line
    assert all(explain(p) is not None for p in _history_problems(statuses, guide_tree.root))


def _rare_codes(tmp_path: Path) -> set[str]:
    """Codes that no breakage of the fixture guide causes on this machine (as
    root every file is readable; ammonia agrees with the walk on real HTML):
    made as the code that reports them makes them."""
    import errno

    from gids import files, safety, source

    codes = {source._os_error(PermissionError(errno.EACCES, "x"))[0], source._os_error(OSError(errno.EIO, "x"))[0]}
    problems: list[Problem] = []
    unreadable = tmp_path / "map"
    unreadable.mkdir()
    real_scandir = files.os.scandir

    def refuse(path):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")

    try:
        files.os.scandir = refuse
        files.regular_files(unreadable, tmp_path, problems)
    finally:
        files.os.scandir = real_scandir
    (tmp_path / "echt").mkdir()
    (tmp_path / "gelinkt").symlink_to(tmp_path / "echt")
    files.regular_files(tmp_path / "gelinkt", tmp_path, problems)
    codes |= {p.code for p in problems}
    (tmp_path / "mkdocs.yml").write_text("markdown_extensions: [\n", encoding="utf-8")
    codes |= {p.code for p in load_guide(tmp_path)[1]}
    original = safety._removed_by_nh3
    try:
        safety._removed_by_nh3 = lambda rendered, tree: True
        codes |= {f.code for f in safety.walk("<p>x</p>")}
    finally:
        safety._removed_by_nh3 = original
    return codes


def test_every_entry_is_a_real_message(tmp_path: Path) -> None:
    """No stale entries: each code is produced by some case."""
    used: set[str] = set()
    for number, case in enumerate(CASES):
        root = tmp_path / str(number)
        copy_fixture_guide(root)
        used.add(_problem(case, GuideTree(root)).code)
    for case in GOLDEN_CASES:
        root = tmp_path / f"golden-{case.name}"
        copy_fixture_guide(root)
        shutil.copytree(case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
        used |= {p.code for p in load_guide(root)[1]}
    history_root = copy_fixture_guide(tmp_path / "history")
    for statuses, _ in HISTORY_CASES.values():
        used |= {p.code for p in _history_problems(statuses, history_root)}
    rare = tmp_path / "rare"
    rare.mkdir()
    used |= _rare_codes(rare)
    used |= likeness_codes(tmp_path / "likeness")
    stale = sorted(set(CATALOGUE) - used)
    assert not stale, "no case produces these messages:\n" + "\n".join(stale)


# --- the Bijdragen page ----------------------------------------------------------------


def test_markdown_shows_every_entry_by_group() -> None:
    text = markdown()
    headings = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert headings == [g for g in GROUPS if any(m.group == g for m in CATALOGUE.values())]
    for entry in CATALOGUE.values():
        assert f"`{entry.example}`" in text
        assert entry.meaning in text and entry.fix in text
    # Examples may show HTML inside `code`, which renders as text; outside
    # code spans there is no raw HTML.
    assert "<" not in re.sub(r"`[^`]*`", "", text), "no raw HTML"


def test_each_explanation_has_an_address_by_its_code() -> None:
    """A message can link to its explanation: bijdragen/naslag/#melding-<code>
    (attr_list puts the id on the paragraph of the example line)."""
    text = markdown()
    for entry in CATALOGUE.values():
        assert f"`{entry.example}`\n{{: #melding-{entry.code} .gids-message }}" in text
        assert explanation_address(entry.code) == f"bijdragen/naslag/#melding-{entry.code}"
    # The code becomes an id as it is: the address is the code.
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code) for code in CATALOGUE)
