"""The printed guide's parts that need no browser (gids/printed.py); the
PDFs themselves are opened in tests/e2e/test_printed.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gids import printed


def test_a_deck_for_all_dilemmas_and_each_tension_that_has_some(tmp_path: Path) -> None:
    data = {
        "dilemmas": [{"id": "a"}, {"id": "b"}],
        "tensions": [{"id": "t1", "dilemmas": ["a"]}, {"id": "t2", "dilemmas": []}, {"id": "t3", "dilemmas": ["a", "b"]}],
    }
    (tmp_path / "gids.json").write_text(json.dumps(data), encoding="utf-8")
    assert printed.decks_of(tmp_path) == [printed.ALL_DECK, "t1", "t3"]
    assert printed.deck_file("t1") == "kaarten/t1.pdf"
    (tmp_path / "gids.json").write_text(json.dumps({"dilemmas": [], "tensions": []}), encoding="utf-8")
    assert printed.decks_of(tmp_path) == []
    # A release from before the open data has no decks to print.
    (tmp_path / "gids.json").unlink()
    assert printed.decks_of(tmp_path) == []


def test_without_chromium_one_sentence_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "nergens"))
    with pytest.raises(printed.PrintError) as raised:
        printed.chromium()
    assert str(raised.value).startswith("Voor de PDF's van de kaarten en het boekje is Chromium nodig.")
    assert "sudo apt-get install chromium" in str(raised.value)


def test_a_pdf_is_written_beside_the_old_one_and_then_swapped_in(tmp_path: Path) -> None:
    target = tmp_path / "kaarten" / "t1.pdf"
    printed._write(target, b"%PDF-oud")
    printed._write(target, b"%PDF-nieuw")
    assert target.read_bytes() == b"%PDF-nieuw"
    assert sorted(p.name for p in target.parent.iterdir()) == ["t1.pdf"]


def test_a_body_in_the_booklet_links_where_it_linked_on_its_page() -> None:
    body = (
        '<p><a href="../x/">x</a> <a href="../../principes/p/#waarom">p</a> <a href="#spanning">hier</a>'
        ' <a href="https://example.org/a">ver</a> <a href="mailto:r@example.org">mail</a></p>'
    )
    moved = printed.booklet_links(body, "dilemmas/d/")
    assert 'href="../../dilemmas/x/"' in moved
    assert 'href="../../principes/p/#waarom"' in moved
    assert 'href="#spanning"' in moved and 'href="https://example.org/a"' in moved and 'href="mailto:r@example.org"' in moved


def test_each_part_of_the_booklet_has_ids_of_its_own() -> None:
    part = '<h2 id="situatie">S</h2><section aria-labelledby="situatie"><a href="#situatie">s</a> <a href="#elders">e</a></section>'
    once = printed.unique_ids(part, "dilemma-a")
    assert 'id="dilemma-a-situatie"' in once and 'aria-labelledby="dilemma-a-situatie"' in once
    assert 'href="#dilemma-a-situatie"' in once
    # A link to an anchor outside the part is left as it is.
    assert 'href="#elders"' in once
    assert 'id="situatie"' not in once
