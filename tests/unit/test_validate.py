"""Loading and validating the whole guide (``load_guide`` in gids/validate.py).

``RULES`` holds one case per rule of the content contract: each breaks the
small valid fixture guide in one way and asserts that exactly one problem is
reported, naming the file, the line and the key, with the gist of what is
expected. Problems of several files come together, and whatever a
contributor types, the loader answers with problems or a guide: it never
raises and never hangs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import GuideTree, copy_fixture_guide
from gids import Guide, Problem, load_guide

DILEMMA = "dilemmas/minister-of-samenleving.md"
OTHER_DILEMMA = "dilemmas/signaal-uit-de-uitvoering.md"
PRINCIPLE = "principles/luister-echt.md"
ALIASED_PRINCIPLE = "principles/loyale-tegenspraak.md"


@dataclass
class Rule:
    name: str
    breaks: Callable[[GuideTree], None]
    path: str
    line: int
    key: str
    says: str


def _sections(t: GuideTree, body: str) -> None:
    text = t.read(DILEMMA)
    front = text[: text.index("## Situatie")]
    t.write(DILEMMA, front + body)


CHANGELOG = "docs/versies.md"


def _changelog(t: GuideTree, extra: str) -> None:
    """Add YAML to the front matter of the fixture's changelog page."""
    t.replace(CHANGELOG, "\n---\n\nHier", f"\n{extra}\n---\n\nHier")


RULES = [
    # --- the file itself
    Rule(
        "not-utf8",
        lambda t: t.write(PRINCIPLE, t.read(PRINCIPLE).replace("Luisteren", "Luisteren caf\xe9").encode("latin-1")),
        PRINCIPLE, 8, "bestand", "niet als UTF-8",
    ),
    Rule(
        "file-in-a-subfolder",
        lambda t: t.write("dilemmas/oud/bewaard.md", t.read(DILEMMA)),
        "dilemmas/oud/bewaard.md", 1, "bestand", "direct in de map dilemmas/",
    ),
    # Only regular files inside the repository are read: nothing is followed,
    # nothing waits, nothing floods the messages.
    Rule(
        "symlink-to-outside",
        lambda t: (
            (t.root.parent / "buiten.md").write_text(t.read(DILEMMA), encoding="utf-8"),
            os.symlink(t.root.parent / "buiten.md", t.root / "dilemmas/van-buiten.md"),
        ),
        "dilemmas/van-buiten.md", 1, "bestand", "snelkoppeling",
    ),
    Rule("symlink-to-root", lambda t: os.symlink("/", t.root / "dilemmas/wortel.md"), "dilemmas/wortel.md", 1, "bestand", "snelkoppeling"),
    Rule(
        "symlink-loop",
        lambda t: os.symlink(t.root / "dilemmas/lus.md", t.root / "dilemmas/lus.md"),
        "dilemmas/lus.md", 1, "bestand", "snelkoppeling",
    ),
    Rule(
        "symlinked-folder",
        lambda t: os.symlink(t.root / "dilemmas", t.root / "dilemmas/meer"),
        "dilemmas/meer", 1, "bestand", "snelkoppeling",
    ),
    Rule("symlink-in-docs", lambda t: os.symlink("/etc/hostname", t.root / "docs/host.txt"), "docs/host.txt", 1, "bestand", "snelkoppeling"),
    Rule("fifo", lambda t: os.mkfifo(t.root / "dilemmas/pijp.md"), "dilemmas/pijp.md", 1, "bestand", "geen gewoon bestand"),
    Rule("folder-named-md", lambda t: (t.root / "dilemmas/map.md").mkdir(), "dilemmas/map.md", 1, "bestand", "dit is een map"),
    Rule(
        "file-too-large",
        lambda t: t.write(PRINCIPLE, t.read(PRINCIPLE) + "Nog meer tekst.\n" * 70_000),
        PRINCIPLE, 1, "bestand", "groter dan 1 MB",
    ),
    Rule("control-character", lambda t: t.replace(PRINCIPLE, "Luisteren is", "Luisteren\x07 is"), PRINCIPLE, 8, "tekst", "stuurteken (U+0007)"),
    Rule(
        "control-character-escaped",
        lambda t: t.replace(PRINCIPLE, "title: Luister echt", 'title: "Luister\\u0085 echt"'),
        PRINCIPLE, 2, "title", "stuurteken (U+0085)",
    ),
    Rule("yaml-anchor", lambda t: t.replace(PRINCIPLE, "tags: [luisteren]", "tags: &t [luisteren]"), PRINCIPLE, 5, "gegevens bovenaan", "geen ankers"),
    Rule("yaml-alias", lambda t: t.replace(PRINCIPLE, "tags: [luisteren]", "tags: *t"), PRINCIPLE, 5, "gegevens bovenaan", "geen verwijzingen"),
    Rule("yaml-tag", lambda t: t.replace(PRINCIPLE, "order: 2", "order: !!int 2"), PRINCIPLE, 4, "gegevens bovenaan", "geen YAML-labels"),
    Rule("yaml-local-tag", lambda t: t.replace(PRINCIPLE, "title: Luister echt", "title: !x Luister echt"), PRINCIPLE, 2, "gegevens bovenaan", "geen YAML-labels"),
    Rule("yaml-merge-key", lambda t: t.replace(PRINCIPLE, "tags: [luisteren]", "<<: {tags: [luisteren]}"), PRINCIPLE, 5, "gegevens bovenaan", "'<<:'"),
    Rule("yaml-too-deep", lambda t: t.replace(PRINCIPLE, "tags: [luisteren]", "tags: " + "[" * 40 + "]" * 40), PRINCIPLE, 5, "gegevens bovenaan", "te diep genest"),
    Rule(
        "front-matter-too-long",
        lambda t: t.replace(PRINCIPLE, "tags: [luisteren]", "tags: [" + "luisteren, " * 10_000 + "]"),
        PRINCIPLE, 2, "gegevens bovenaan", "langer dan 100.000 tekens",
    ),
    Rule(
        "impossible-date",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - date: 2026-02-30\n    note: Aangepast."),
        PRINCIPLE, 6, "history.date", "maar er staat '2026-02-30'",
    ),
    Rule("impossible-month", lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - date: 2022-13-45\n    note: Aangepast."), PRINCIPLE, 6, "history.date", "'2022-13-45'"),
    Rule("huge-number", lambda t: t.replace(PRINCIPLE, "order: 2", "order: " + "9" * 5000), PRINCIPLE, 4, "order", "hier hoort een heel getal"),
    Rule("no-front-matter", lambda t: t.write(PRINCIPLE, "Alleen tekst.\n"), PRINCIPLE, 1, "gegevens bovenaan", "beginnen met een regel '---'"),
    Rule(
        "front-matter-not-closed",
        lambda t: t.write(PRINCIPLE, "---\ntitle: Luister\ndescription: Kort.\n\nTekst.\n"),
        PRINCIPLE, 1, "gegevens bovenaan", "niet afgesloten",
    ),
    Rule(
        "yaml-syntax",
        lambda t: t.replace(PRINCIPLE, "description: Neem", "description: [Neem"),
        PRINCIPLE, 4, "gegevens bovenaan", "niet goed opgeschreven",
    ),
    Rule(
        "front-matter-not-keys",
        lambda t: t.write(PRINCIPLE, "---\n- een\n- twee\n---\n\nTekst.\n"),
        PRINCIPLE, 2, "gegevens bovenaan", "sleutels met een waarde",
    ),
    Rule(
        "duplicate-key",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\ntitle: Nog een titel"),
        PRINCIPLE, 5, "title", "staat twee keer",
    ),
    # --- ids
    Rule("id-pattern", lambda t: t.write("principles/Luister_Goed.md", t.read(PRINCIPLE)), "principles/Luister_Goed.md", 1, "bestandsnaam", "geen geldige naam"),
    Rule("id-too-short", lambda t: t.write("principles/ab.md", t.read(PRINCIPLE)), "principles/ab.md", 1, "bestandsnaam", "3 tot 60 tekens"),
    Rule("id-reserved", lambda t: t.write("dilemmas/index.md", t.read(DILEMMA)), "dilemmas/index.md", 1, "bestandsnaam", "gereserveerd"),
    Rule("file-in-subfolder", lambda t: t.write("dilemmas/oud/extra.md", t.read(DILEMMA)), "dilemmas/oud/extra.md", 1, "bestand", "direct in de map dilemmas/"),
    # --- keys
    Rule(
        "unknown-key-suggested",
        lambda t: t.replace(DILEMMA, "principles:", "principels:"),
        DILEMMA, 4, "principels", "Bedoel je 'principles'?",
    ),
    Rule(
        "unknown-key-listed",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nauteur: Iemand"),
        PRINCIPLE, 5, "auteur", "Mogelijke sleutels: title, description, order",
    ),
    Rule("required-missing", lambda t: t.replace(PRINCIPLE, "title: Luister echt\n", ""), PRINCIPLE, 1, "title", "ontbreekt"),
    Rule("required-empty", lambda t: t.replace(DILEMMA, "tensions: [politiek-maatschappij]", "tensions:"), DILEMMA, 5, "tensions", "is leeg"),
    Rule("text-type", lambda t: t.replace(PRINCIPLE, "title: Luister echt", "title: 12"), PRINCIPLE, 2, "title", "hier hoort tekst"),
    Rule(
        "description-length",
        lambda t: t.replace(PRINCIPLE, "description: Neem de tijd", "description: " + "lang " * 45 + "Neem de tijd"),
        PRINCIPLE, 3, "description", "hoogstens 200 tekens",
    ),
    Rule("order-whole-number", lambda t: t.replace(PRINCIPLE, "order: 2", "order: twee"), PRINCIPLE, 4, "order", "heel getal"),
    Rule("tags-list", lambda t: t.replace(PRINCIPLE, "tags: [luisteren]", "tags: luisteren"), PRINCIPLE, 5, "tags", "hier hoort een lijst"),
    Rule("tags-item-text", lambda t: t.replace(PRINCIPLE, "tags: [luisteren]", "tags:\n  - luisteren\n  - [a, b]"), PRINCIPLE, 7, "tags", "hier hoort tekst"),
    # --- references
    Rule("principles-at-least-one", lambda t: t.replace(DILEMMA, "principles: [loyale-tegenspraak, luister-echt]", "principles: []"), DILEMMA, 4, "principles", "noem er minstens één"),
    Rule(
        "principle-unknown",
        lambda t: t.replace(DILEMMA, "principles: [loyale-tegenspraak, luister-echt]", "principles:\n  - loyale-tegenspraak\n  - luister-echtt"),
        DILEMMA, 6, "principles", "'luister-echtt' is geen bekend principe. Bedoel je 'luister-echt'?",
    ),
    Rule(
        "principle-unknown-no-match",
        lambda t: t.replace(DILEMMA, "[loyale-tegenspraak, luister-echt]", "[loyale-tegenspraak, iets-heel-anders]"),
        DILEMMA, 4, "principles", "bestand in de map principles/",
    ),
    Rule(
        "principle-by-old-name",
        lambda t: t.replace(DILEMMA, "[loyale-tegenspraak, luister-echt]", "[tegenspraak, luister-echt]"),
        DILEMMA, 4, "principles", "oude naam van 'loyale-tegenspraak'",
    ),
    Rule("principle-twice", lambda t: t.replace(DILEMMA, "[loyale-tegenspraak, luister-echt]", "[luister-echt, luister-echt]"), DILEMMA, 4, "principles", "staat twee keer"),
    Rule(
        "tension-unknown",
        lambda t: t.replace(DILEMMA, "tensions: [politiek-maatschappij]", "tensions: [politiek-samenleving]"),
        DILEMMA, 5, "tensions", "kies uit: professie-politiek, professie-maatschappij, politiek-maatschappij",
    ),
    Rule("domain-unknown", lambda t: t.replace(DILEMMA, "domains: [beleid]", "domains: [handhaving]"), DILEMMA, 6, "domains", "kies uit: beleid, uitvoering, toezicht"),
    # A near miss gets its suggestion, like a principle's name (issue 17).
    Rule(
        "domain-capitalised",
        lambda t: t.replace(DILEMMA, "domains: [beleid]", "domains: [Uitvoering]"),
        DILEMMA, 6, "domains", "'Uitvoering' kan hier niet. Bedoel je 'uitvoering'? Kies uit: beleid, uitvoering, toezicht",
    ),
    Rule(
        "tension-typo",
        lambda t: t.replace(DILEMMA, "tensions: [politiek-maatschappij]", "tensions: [politiek-maatschapij]"),
        DILEMMA, 5, "tensions", "Bedoel je 'politiek-maatschappij'?",
    ),
    # --- aliases
    Rule("alias-invalid", lambda t: t.replace(ALIASED_PRINCIPLE, "aliases: [tegenspraak]", "aliases: [Tegen Spraak]"), ALIASED_PRINCIPLE, 5, "aliases", "geen geldige naam"),
    Rule("alias-is-own-id", lambda t: t.replace(ALIASED_PRINCIPLE, "aliases: [tegenspraak]", "aliases: [loyale-tegenspraak]"), ALIASED_PRINCIPLE, 5, "aliases", "huidige naam"),
    Rule(
        "alias-is-other-id",
        lambda t: t.replace(ALIASED_PRINCIPLE, "aliases: [tegenspraak]", "aliases: [luister-echt]"),
        ALIASED_PRINCIPLE, 5, "aliases", "al gebruikt door het bestand principles/luister-echt.md",
    ),
    Rule(
        "alias-twice",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\naliases: [tegenspraak]"),
        PRINCIPLE, 5, "aliases", "al gebruikt door principles/loyale-tegenspraak.md (regel 5)",
    ),
    # --- history
    Rule("history-list", lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory: Tekst aangepast."), PRINCIPLE, 5, "history", "lijst van wijzigingen"),
    Rule("history-entry-keys", lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - Tekst aangepast."), PRINCIPLE, 6, "history", "wijziging 1 moet sleutels hebben"),
    Rule(
        "history-note-required",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - date: 2024-03-01"),
        PRINCIPLE, 6, "history.note", "ontbreekt",
    ),
    Rule(
        "history-unknown-key",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - notes: Tekst aangepast."),
        PRINCIPLE, 6, "history.notes", "Bedoel je 'note'?",
    ),
    Rule(
        "history-version-quoted",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - note: Aangepast.\n    version: 1.0"),
        PRINCIPLE, 7, "history.version", 'aanhalingstekens, zoals "1.0"',
    ),
    Rule(
        "history-version-not-a-release",
        lambda t: t.replace(PRINCIPLE, "order: 2", 'order: 2\nhistory:\n  - note: Aangepast.\n    version: "2.0"'),
        PRINCIPLE, 7, "history.version", "'2.0' is geen uitgave van de gids (uitgaven: 1.0)",
    ),
    Rule(
        "history-version-written-otherwise",
        lambda t: t.replace(PRINCIPLE, "order: 2", 'order: 2\nhistory:\n  - note: Aangepast.\n    version: "1.0.0"'),
        PRINCIPLE, 7, "history.version", "'1.0.0' is geen uitgave van de gids. Bedoel je '1.0'? (uitgaven: 1.0)",
    ),
    Rule(
        "history-date",
        lambda t: t.replace(PRINCIPLE, "order: 2", "order: 2\nhistory:\n  - note: Aangepast.\n    date: 1 maart 2024"),
        PRINCIPLE, 7, "history.date", "datum als 2024-06-01",
    ),
    # --- releases and removals (docs/versies.md, lines 1-9 before additions)
    Rule("release-version-twice", lambda t: t.replace(CHANGELOG, "releases:\n", 'releases:\n  - version: "1.0"\n    date: 2026-02-01\n    title: Nog eens\n    summary: Dubbel.\n'), CHANGELOG, 9, "releases.version", "versie 1.0 staat twee keer"),
    Rule("release-keys-required", lambda t: t.replace(CHANGELOG, "    summary: De eerste versie van de gids.\n", ""), CHANGELOG, 5, "releases.summary", "ontbreekt"),
    Rule("release-date", lambda t: t.replace(CHANGELOG, "date: 2026-01-15", "date: 15 januari"), CHANGELOG, 6, "releases.date", "datum als 2024-06-01"),
    Rule("release-unknown-key", lambda t: t.replace(CHANGELOG, "    title: Eerste uitgave", "    titel: Eerste uitgave"), CHANGELOG, 7, "releases.titel", "Bedoel je 'title'?"),
    Rule(
        "removal-kind",
        lambda t: _changelog(t, "upcoming:\n  removed:\n    - reason: Weg."),
        CHANGELOG, 11, "upcoming.removed", "precies één sleutel: 'principle' of 'dilemma'",
    ),
    Rule(
        "removal-still-exists",
        lambda t: _changelog(t, "upcoming:\n  removed:\n    - dilemma: minister-of-samenleving\n      reason: Weg."),
        CHANGELOG, 11, "dilemma", "bestaat nog",
    ),
    Rule(
        "removal-is-an-alias",
        lambda t: _changelog(t, "upcoming:\n  removed:\n    - principle: tegenspraak\n      reason: Weg."),
        CHANGELOG, 11, "principle", "oude naam van 'loyale-tegenspraak'",
    ),
    Rule(
        "removal-replacement-unknown",
        lambda t: _changelog(t, "upcoming:\n  removed:\n    - dilemma: oud-dilemma\n      reason: Weg.\n      replaced_by: minister-of-samenlevin"),
        CHANGELOG, 11, "replaced_by", "Bedoel je 'minister-of-samenleving'?",
    ),
    Rule(
        "removal-twice",
        lambda t: t.replace(CHANGELOG, "    summary: De eerste versie van de gids.\n", "    summary: De eerste versie van de gids.\n    removed:\n      - dilemma: oud-dilemma\n        reason: Weg.\nupcoming:\n  removed:\n    - dilemma: oud-dilemma\n      reason: Nog eens weg.\n"),
        CHANGELOG, 14, "dilemma", "staat al als verwijderd in versie 1.0",
    ),
    Rule("changelog-missing", lambda t: t.remove(CHANGELOG), CHANGELOG, 1, "bestand", "versies van de gids ontbreekt"),
    # --- bodies
    Rule("body-empty", lambda t: t.write(PRINCIPLE, t.read(PRINCIPLE).split("---\n\n")[0] + "---\n\n   \n"), PRINCIPLE, 7, "tekst", "is leeg"),
    Rule("body-title-heading", lambda t: t.replace(PRINCIPLE, "Luisteren is", "# Luister\n\nLuisteren is"), PRINCIPLE, 8, "kopje", "gebruik ## voor kopjes"),
    Rule("heading-without-space", lambda t: t.replace(PRINCIPLE, "Luisteren is", "##Waarom\n\nLuisteren is"), PRINCIPLE, 8, "kopje", "zet een spatie na de hekjes: '## Waarom'"),
    Rule(
        "section-missing",
        lambda t: _sections(t, "## Situatie\n\nA.\n\n## Spanning\n\nB.\n\n## Handelingsperspectief\n\nD.\n"),
        DILEMMA, 18, "## Gespreksvragen", "ontbreekt; zet '## Gespreksvragen' na '## Spanning'",
    ),
    Rule(
        "section-misspelled",
        lambda t: t.replace(DILEMMA, "## Situatie", "## Situtatie"),
        DILEMMA, 10, "## Situtatie", "Bedoel je '## Situatie'?",
    ),
    Rule(
        "section-renamed",
        lambda t: t.replace(DILEMMA, "## Gespreksvragen", "## Vragen voor het gesprek"),
        DILEMMA, 18, "## Vragen voor het gesprek", "Bedoel je '## Gespreksvragen'?",
    ),
    Rule(
        "section-unknown",
        lambda t: t.write(DILEMMA, t.read(DILEMMA) + "\n## Bronnen\n\nEen boek.\n"),
        DILEMMA, 26, "## Bronnen", "Gebruik ### voor een kopje binnen een deel",
    ),
    Rule(
        "section-order",
        lambda t: _sections(t, "## Situatie\n\nA.\n\n## Gespreksvragen\n\nC.\n\n## Spanning\n\nB.\n\n## Handelingsperspectief\n\nD.\n"),
        DILEMMA, 14, "## Gespreksvragen", "niet op zijn plaats",
    ),
    Rule(
        "section-twice",
        lambda t: t.write(DILEMMA, t.read(DILEMMA) + "\n## Spanning\n\nNog eens.\n"),
        DILEMMA, 26, "## Spanning", "staat twee keer in het dilemma (ook op regel 14)",
    ),
    Rule("section-empty", lambda t: t.replace(DILEMMA, "Een casus.\n", ""), DILEMMA, 10, "## Situatie", "dit deel is leeg"),
    Rule("text-before-sections", lambda t: t.replace(DILEMMA, "## Situatie", "Een inleiding.\n\n## Situatie"), DILEMMA, 10, "tekst", "vóór '## Situatie'"),
    # --- links
    Rule(
        "link-missing-file",
        lambda t: t.replace(DILEMMA, "../principles/loyale-tegenspraak.md", "../principles/loyale-tegenspraakk.md"),
        DILEMMA, 16, "link", "Bedoel je '../principles/loyale-tegenspraak.md'?",
    ),
    Rule(
        "link-old-name",
        lambda t: t.replace(DILEMMA, "../principles/loyale-tegenspraak.md", "../principles/tegenspraak.md"),
        DILEMMA, 16, "link", "'tegenspraak' is de oude naam van 'loyale-tegenspraak'",
    ),
    Rule(
        "link-wrong-folder",
        lambda t: t.replace(DILEMMA, "../principles/loyale-tegenspraak.md", "loyale-tegenspraak.md"),
        DILEMMA, 16, "link", "dat bestand bestaat niet in de map dilemmas/",
    ),
    Rule(
        "link-outside-content",
        lambda t: t.replace(DILEMMA, "../principles/loyale-tegenspraak.md", "../docs/index.md"),
        DILEMMA, 16, "link", "schrijf je als ../principles/naam.md",
    ),
    Rule(
        "reference-link",
        lambda t: t.write(PRINCIPLE, t.read(PRINCIPLE) + "\nZie [dit dilemma][d].\n\n[d]: ../dilemmas/bestaat-niet.md\n"),
        # The line where the address is written, which is where it is mended.
        PRINCIPLE, 12, "link", "bestaat niet in de map dilemmas/",
    ),
    Rule(
        "docs-page-link",
        lambda t: t.replace("docs/index.md", "[de driehoek](spanningen/index.md)", "[de driehoek](spanningen/indx.md)"),
        "docs/index.md", 5, "link", "die pagina bestaat niet. Bedoel je 'spanningen/index.md'?",
    ),
    Rule(
        "docs-page-link-to-item",
        lambda t: t.replace("docs/index.md", "dilemmas/minister-of-samenleving.md", "dilemmas/minister-of-de-samenleving.md"),
        "docs/index.md", 5, "link", "Bedoel je 'dilemmas/minister-of-samenleving.md'?",
    ),
    # --- the triangle
    Rule("tension-page-missing", lambda t: t.remove("docs/spanningen/professie-politiek.md"), "docs/spanningen/professie-politiek.md", 1, "bestand", "ontbreekt"),
    Rule(
        "tension-page-unknown",
        lambda t: t.write("docs/spanningen/politiek-maatschapij.md", "---\ntitle: X\ndescription: Y\n---\n\nZ\n"),
        "docs/spanningen/politiek-maatschapij.md", 1, "bestandsnaam", "Bedoel je 'politiek-maatschappij'?",
    ),
    Rule(
        "tension-page-keys",
        lambda t: t.replace("docs/spanningen/professie-politiek.md", "description: Uitleg van professie-politiek.\n", ""),
        "docs/spanningen/professie-politiek.md", 1, "description", "ontbreekt",
    ),
    Rule(
        "triangle-corners",
        lambda t: t.replace("docs/spanningen/index.md", "  politiek: Politiek\n", ""),
        "docs/spanningen/index.md", 5, "corners", "de naam ontbreekt voor: politiek",
    ),
]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule(rule: Rule, guide_tree: GuideTree) -> None:
    rule.breaks(guide_tree)
    guide, problems = load_guide(guide_tree.root)
    assert guide is None
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.path, problem.line, problem.key) == (rule.path, rule.line, rule.key), str(problem)
    assert rule.says in problem.message, str(problem)
    # The line a contributor reads: file:line: key: what is expected.
    assert str(problem).startswith(f"{rule.path}:{rule.line}: {rule.key}: ")


def test_every_rule_has_its_own_case() -> None:
    assert len({r.name for r in RULES}) == len(RULES)


def test_valid_fixture_has_no_problems(guide_tree: GuideTree) -> None:
    guide, problems = load_guide(guide_tree.root)
    assert problems == []
    assert guide is not None and set(guide.dilemmas) == {"minister-of-samenleving", "signaal-uit-de-uitvoering"}


def test_all_problems_come_together_sorted(guide_tree: GuideTree) -> None:
    guide_tree.replace(DILEMMA, "domains: [beleid]", "domains: [handhaving]")
    guide_tree.replace(OTHER_DILEMMA, "principles: [luister-echt]", "principles: [luisteren]")
    guide_tree.replace(PRINCIPLE, "title: Luister echt\n", "")
    _, problems = load_guide(guide_tree.root)
    assert [(p.path, p.line, p.key) for p in problems] == [
        (DILEMMA, 6, "domains"),
        (OTHER_DILEMMA, 4, "principles"),
        (PRINCIPLE, 1, "title"),
    ]


# --- the loader never raises --------------------------------------------------
# Hypothesis writes arbitrary front matter (YAML-ish text, built from the
# pieces that trip parsers: anchors, tags, merge keys, dates, huge numbers,
# nesting, control characters, HTML) and arbitrary bodies over one dilemma of
# the fixture guide, with a fixed budget so that `make test` stays quick and
# repeatable.

# Pieces that have broken YAML loaders and markdown checks before.
YAML_PIECES = [
    "title: ", "description: ", "principles: ", "tensions: ", "history:\n  - ", "date: ", "note: ",
    "version: ", "order: ", "tags: ", "aliases: ", "<<: ", "&a ", "*a ", "!x ", "!!int ", "!!timestamp ",
    "!!binary ", "!!python/object:os.system ", "2026-02-30", "2022-13-45", "9" * 5000, "[", "]", "{", "}",
    ", ", ": ", "- ", "\n", "  ", '"', "'", "\\x07", "\\ud800", "\x07", "\x00", "\u0085", "&amp;",
    "<b>", "? ", "|\n  ", ">\n  ", "~", "=", "%YAML 1.1\n", "---\n", "...\n", "#",
]
BODY_PIECES = [
    "## Situatie\n", "## Spanning\n", "## Gespreksvragen\n", "## Handelingsperspectief\n", "# ", "##",
    "!!! note\n    ", "??? note\n    ", "Term\n:   ", "```\n", "~~~\n", "    ", "<img src=x onerror=alert(1)>",
    "<script>", "</script>", "<svg>", "<!--", "-->", "[r]: javascript:x\n", "[x](javascript:x)", "[x][r]",
    "{: onclick=x }", "{: #__x }", "{: .c }", "&#106;", "\\<", "<a href='", "'>", "| a |\n|:-:|\n",
    "\x07", "\x00", "\ufeff", "\r", "\n", "\n\n", "tekst ", "[l](../principles/luister-echt.md)",
]


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=12)), max_size=40).map("".join)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(front=_text(YAML_PIECES), body=_text(BODY_PIECES))
def test_the_loader_returns_problems_or_a_guide(tmp_path_factory, front: str, body: str) -> None:
    root = tmp_path_factory.mktemp("guide")
    shutil.rmtree(root)
    copy_fixture_guide(root)
    (root / DILEMMA).write_bytes(f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))

    guide, problems = load_guide(root)

    assert (guide is None) == bool(problems)
    assert isinstance(guide, (Guide, type(None)))
    for problem in problems:
        assert isinstance(problem, Problem) and problem.message and problem.line >= 1
        # One line each, for people: no traceback text, no raw control characters.
        assert "\n" not in str(problem) and "Traceback" not in str(problem)
    assert len([p for p in problems if p.path == DILEMMA]) <= 21


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_in_a_principle_never_raise(tmp_path_factory, data: bytes) -> None:
    root = tmp_path_factory.mktemp("guide")
    shutil.rmtree(root)
    copy_fixture_guide(root)
    Path(root / "principles" / "luister-echt.md").write_bytes(data)

    guide, problems = load_guide(root)

    assert guide is None and problems
