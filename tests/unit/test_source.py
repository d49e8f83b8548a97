"""Reading one content file (gids/source.py): a BOM and CRLF line endings are
read as plain text on the right line numbers, and a file that cannot be
opened gets a sentence instead of a traceback."""

from __future__ import annotations

import os

import pytest

from tests.helpers import GuideTree
from gids import load_guide

DILEMMA = "dilemmas/minister-of-samenleving.md"
PRINCIPLE = "principles/luister-echt.md"


def test_bom_and_crlf_are_valid(guide_tree: GuideTree) -> None:
    text = guide_tree.read(DILEMMA)
    guide_tree.write(DILEMMA, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    guide, problems = load_guide(guide_tree.root)
    assert problems == []
    assert guide is not None and guide.dilemmas["minister-of-samenleving"].domains == ("beleid",)


def test_crlf_keeps_line_numbers(guide_tree: GuideTree) -> None:
    text = guide_tree.read(DILEMMA).replace("domains: [beleid]", "domains: [handhaving]")
    guide_tree.write(DILEMMA, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    _, problems = load_guide(guide_tree.root)
    assert [(p.path, p.line, p.key) for p in problems] == [(DILEMMA, 6, "domains")]


def test_an_unreadable_file_gets_a_sentence(guide_tree: GuideTree, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root every file is readable, so the refusal is made by the system call.
    import errno

    from gids import source

    real_open = os.open

    def refuse(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("luister-echt.md"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(source.os, "open", refuse)
    _, problems = load_guide(guide_tree.root)
    assert [(p.path, p.line, p.key) for p in problems] == [(PRINCIPLE, 1, "bestand")]
    assert "geen toestemming" in problems[0].message
