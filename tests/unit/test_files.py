"""Finding the content files (gids/files.py): only regular files inside the
repository are read, so a pipe or a linked folder is named and never opened
or followed, and the messages of one file are capped."""

from __future__ import annotations

import os

import pytest

from tests.helpers import GuideTree
from gids import load_guide

DILEMMA = "dilemmas/minister-of-samenleving.md"
PRINCIPLE = "principles/luister-echt.md"


def test_messages_of_one_file_are_capped(guide_tree: GuideTree) -> None:
    links = "\n".join(f"[link {n}](javascript:{n})" for n in range(25))
    guide_tree.replace(PRINCIPLE, "Luisteren is", f"{links}\n\nLuisteren is")
    guide_tree.replace(DILEMMA, "domains: [beleid]", "domains: [handhaving]")
    _, problems = load_guide(guide_tree.root)
    own = [p for p in problems if p.path == PRINCIPLE]
    shown = [p for p in own if p.key == "tekst"]
    assert [p.line for p in shown] == list(range(8, 28))
    assert [str(p) for p in own if p.key == "bestand"] == [
        f"{PRINCIPLE}:27: bestand: en nog 5 andere meldingen in dit bestand; los eerst deze op, dan volgen de andere"
    ]
    # Another file's problem is still there.
    assert [(p.path, p.key) for p in problems if p.path != PRINCIPLE] == [(DILEMMA, "domains")]


def test_a_pipe_does_not_make_the_check_wait(guide_tree: GuideTree) -> None:
    # Nothing ever writes to this pipe: opening it for reading would block.
    os.mkfifo(guide_tree.root / "principles/wacht.md")
    os.mkfifo(guide_tree.root / "docs/wacht.md")
    _, problems = load_guide(guide_tree.root)
    assert {(p.path, p.key) for p in problems} == {("principles/wacht.md", "bestand"), ("docs/wacht.md", "bestand")}


def test_a_linked_content_folder_is_not_followed(guide_tree: GuideTree, tmp_path_factory: pytest.TempPathFactory) -> None:
    # The whole folder of dilemmas is a link to a folder outside the repository.
    outside = tmp_path_factory.mktemp("outside") / "dilemmas"
    (guide_tree.root / "dilemmas").rename(outside)
    os.symlink(outside, guide_tree.root / "dilemmas")
    guide, problems = load_guide(guide_tree.root)
    assert guide is None
    assert "dilemmas:1: bestand: deze map is een snelkoppeling;" in "\n".join(map(str, problems))
    # Nothing of it was read: its dilemmas are unknown to the pages that link to them.
    assert not [p for p in problems if p.path.startswith("dilemmas/")]
