"""Near-duplicates (src/gids/likeness.py): a copy of an item under a new name
passes every rule of the contract; ``make check`` and ``make
check-history`` warn and name the item it looks like."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.helpers import ROOT, GuideTree, copy_fixture_guide
from gids import check, likeness, load_guide
from gids.history_check import compare

DILEMMA = "dilemmas/minister-of-samenleving.md"
OTHER = "dilemmas/signaal-uit-de-uitvoering.md"
COPY = "dilemmas/kopie-met-andere-naam.md"


@pytest.fixture
def tree(tmp_path: Path) -> GuideTree:
    return GuideTree(copy_fixture_guide(tmp_path / "gids"))


def _copy_under_new_name(tree: GuideTree, title: str = "Een titel die nergens op lijkt") -> None:
    text = tree.read(DILEMMA)
    tree.write(COPY, re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1))


def _warnings(tree: GuideTree, new: set[str] | None = None) -> list[str]:
    guide, problems = load_guide(tree.root)
    assert guide is not None, problems
    return [str(p) for p in likeness.near_duplicates(likeness.read(tree.root, guide), new)]


def test_a_copy_under_a_new_name_gets_a_warning_naming_the_original(tree: GuideTree, capsys: pytest.CaptureFixture[str]) -> None:
    _copy_under_new_name(tree)
    assert check.main(["--root", str(tree.root)]) == 0  # a warning, not an error
    output = capsys.readouterr().out.splitlines()
    warned = [line for line in output if line.startswith(f"waarschuwing: {COPY}:")]
    assert len(warned) == 1, output
    assert ": tekst: de tekst is voor 100% gelijk aan die van dilemmas/minister-of-samenleving.md" in warned[0]
    # On the line where the body starts, under the closing ---.
    line = int(warned[0].split(":")[2])
    assert tree.read(COPY).splitlines()[line - 2] == "---"
    assert "alles in orde" not in output[-1]
    assert output[-1].startswith("Controle klaar: geen fouten, wel 2 waarschuwingen")


def test_a_title_that_nearly_repeats_another_is_named(tree: GuideTree) -> None:
    original = next(line for line in tree.read(DILEMMA).splitlines() if line.startswith("title: "))[7:]
    tree.write(COPY, tree.read(OTHER).replace(next(l for l in tree.read(OTHER).splitlines() if l.startswith("title: ")), f"title: {original.rstrip('?')}", 1))
    warnings = _warnings(tree)
    assert any(w.startswith(f"{COPY}:2: title: de titel lijkt bijna helemaal op die van {DILEMMA}") for w in warnings), warnings


def test_check_history_warns_only_on_the_new_file(tree: GuideTree) -> None:
    _copy_under_new_name(tree)
    guide, _ = load_guide(tree.root)
    assert guide is not None
    warnings, errors = compare(tree.root, guide, {COPY: "A"}, "versie 1.0")
    assert not errors
    copies = [w for w in warnings if w.code == "lijkt-op-tekst"]
    assert [w.path for w in copies] == [COPY]
    assert copies[0].values["ander"] == DILEMMA


def test_items_that_only_share_their_headings_and_phrasing_are_not_copies(tree: GuideTree) -> None:
    assert _warnings(tree) == []


def test_the_real_guide_has_no_near_duplicates() -> None:
    guide, problems = load_guide(ROOT)
    assert guide is not None, problems
    assert likeness.near_duplicates(likeness.read(ROOT, guide)) == []


def test_a_short_body_is_not_judged_by_its_few_words(tree: GuideTree) -> None:
    # Two principles of one line each, the same line: too little text to
    # call one a copy (their titles differ).
    for name, title in (("een", "Eerste principe"), ("twee", "Iets heel anders")):
        tree.write(f"principles/{name}.md", f"---\ntitle: {title}\ndescription: Kort.\n---\n\nWees eerlijk.\n")
    assert not [w for w in _warnings(tree) if "principles/een.md" in w or "principles/twee.md" in w]


def test_a_guide_of_hundreds_is_compared_through_the_rare_runs() -> None:
    # 300 distinct bodies that share their headings and a stock sentence:
    # no pair is alike, and a copy among them is found.
    from gids.model import Dilemma

    def body(n: int) -> str:
        words = " ".join(f"woord{n}x{k}" for k in range(60))
        return f"---\ntitle: D{n}\n---\n\n## Situatie\n\nDit is een gewone zin die vaak voorkomt.\n\n{words}\n"

    def title(n: int) -> str:
        return "Dilemma " + hashlib.sha256(str(n).encode()).hexdigest()[:16]

    texts = [likeness.text_of(Dilemma(f"d{n}", f"dilemmas/d{n}.md", title(n), "x"), body(n)) for n in range(300)]
    assert likeness.near_duplicates(texts) == []
    copy = likeness.text_of(Dilemma("kopie", "dilemmas/kopie.md", "Heel iets anders", "x"), body(7))
    found = likeness.near_duplicates([*texts, copy], new={"dilemmas/kopie.md"})
    assert [(p.path, p.values["ander"]) for p in found] == [("dilemmas/kopie.md", "dilemmas/d7.md")]


def likeness_codes(root: Path) -> set[str]:
    """The codes of the near-duplicate warnings (for test_messages)."""
    tree = GuideTree(copy_fixture_guide(root))
    _copy_under_new_name(tree)
    guide, _ = load_guide(tree.root)
    assert guide is not None
    codes = {p.code for p in likeness.near_duplicates(likeness.read(tree.root, guide))}
    tree.write(COPY, tree.read(OTHER))
    guide, _ = load_guide(tree.root)
    assert guide is not None
    return codes | {p.code for p in likeness.near_duplicates(likeness.read(tree.root, guide))}
