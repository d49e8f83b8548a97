"""The search index's records (``gids/search.py``): one per principle,
dilemma and tension, found by what a reader would type, filtered by what
they belong to; the help pages are not in it."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from gids import load_guide, search
from tests.helpers import GuideTree

DILEMMA = "dilemmas/minister-of-samenleving.md"


def _records(guide_tree: GuideTree, texts: dict[str, str] | None = None) -> dict[str, search.Record]:
    guide, problems = load_guide(guide_tree.root)
    assert problems == [] and guide is not None
    urls = {"dilemmas/minister-of-samenleving/": "dilemmas/minister-of-samenleving.html"}
    return {r.url: r for r in search.records(guide, texts or {}, urls)}


def test_every_principle_dilemma_and_tension_has_one_record(guide_tree: GuideTree) -> None:
    guide, _ = load_guide(guide_tree.root)
    assert guide is not None
    found = _records(guide_tree)
    assert len(found) == len(guide.principles) + len(guide.dilemmas) + len(guide.tensions)
    kinds = sorted(r.filters[search.KIND][0] for r in found.values())
    assert kinds.count("Principe") == len(guide.principles)
    assert kinds.count("Spanning") == len(guide.tensions)
    # No help page: only the guide's own content is searched.
    assert not any("bijdragen" in url or "versies" in url for url in found)


def test_a_dilemma_is_found_by_its_tags_principles_and_tensions(guide_tree: GuideTree) -> None:
    guide, _ = load_guide(guide_tree.root)
    assert guide is not None
    dilemma = guide.dilemmas["minister-of-samenleving"]
    page_text = "Situatie Een casus over een koers die politiek past."
    found = _records(guide_tree, {DILEMMA: page_text})
    # The address as the site was built (here: .html addresses).
    record = found["dilemmas/minister-of-samenleving.html"]
    assert record.title == dilemma.title
    assert page_text in record.content and dilemma.description in record.content
    for principle in guide.principles_of(dilemma):
        assert principle.title in record.content
        assert principle.title in record.filters[search.PRINCIPLE]
    for tension in guide.tensions_of(dilemma):
        assert tension.title in record.content
        assert record.filters[search.TENSION] == [t.title for t in guide.tensions_of(dilemma)]
    assert record.filters[search.DOMAIN] == list(dilemma.domains)
    for tag in dilemma.tags:
        assert tag in record.content


def test_the_index_is_written_where_the_site_fetches_it(guide_tree: GuideTree, tmp_path: Path) -> None:
    found = list(_records(guide_tree, {DILEMMA: "Een casus over loyaliteit."}).values())
    indexing = search.Indexing(found, tmp_path / search.FOLDER)
    indexing.wait()
    folder = tmp_path / search.FOLDER
    assert (folder / "pagefind-entry.json").is_file()
    assert (folder / "pagefind-ui.js").is_file() and (folder / "pagefind.js").is_file()
    assert list((folder / "fragment").glob("*.pf_fragment")), "one fragment per record"
    assert len(list((folder / "fragment").glob("*.pf_fragment"))) == len(found)


def test_a_failing_pagefind_is_a_sentence(guide_tree: GuideTree, tmp_path: Path, monkeypatch) -> None:
    """Pagefind's own failure reaches the build as one Dutch sentence."""
    import pagefind_bin

    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'kapot' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: fake)
    found = list(_records(guide_tree).values())
    indexing = search.Indexing(found, tmp_path / "site" / search.FOLDER)
    try:
        indexing.wait()
    except search.SearchIndexError as error:
        assert str(error) == "Pagefind stopte met code 3: kapot"
    else:
        raise AssertionError("the failure must be raised")


def _fake_pagefind(tmp_path: Path, monkeypatch, script: str) -> None:
    import pagefind_bin

    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: fake)


def test_a_pagefind_that_hangs_is_stopped_with_a_sentence(guide_tree: GuideTree, tmp_path: Path, monkeypatch) -> None:
    """Never a hang: a service that does not answer is stopped in time."""
    _fake_pagefind(tmp_path, monkeypatch, "exec sleep 60\n")
    monkeypatch.setattr(search, "TIMEOUT", 1)
    found = list(_records(guide_tree).values())
    with pytest.raises(search.SearchIndexError) as raised:
        search.write_index(found, tmp_path / "site" / search.FOLDER)
    assert str(raised.value) == "Pagefind was na 1 seconden nog niet klaar."


def test_an_error_answer_of_pagefind_is_a_sentence(guide_tree: GuideTree, tmp_path: Path, monkeypatch) -> None:
    answer = base64.b64encode(json.dumps({"message_id": None, "payload": {"type": "Error", "message": "stuk"}}).encode()).decode()
    _fake_pagefind(tmp_path, monkeypatch, f"printf '%s,' '{answer}'\ncat > /dev/null\n")
    found = list(_records(guide_tree).values())
    with pytest.raises(search.SearchIndexError) as raised:
        search.write_index(found, tmp_path / "site" / search.FOLDER)
    assert str(raised.value) == "Pagefind: stuk"


def test_a_record_is_stored_as_a_page_reads(guide_tree: GuideTree, tmp_path: Path) -> None:
    """White space collapsed, the title as the result's title, the address
    from the site's root, the filters as given. (Markup in the text stays
    text: Pagefind's own script escapes it before showing an excerpt; the
    browser test test_search_ranking.py checks that on a built site.)"""
    record = search.Record("dilemmas/x/", "Een <b>titel</b>", "Een  titel\n\nmet\ttekst", {search.KIND: ["Dilemma"]})
    search.write_index([record], tmp_path / search.FOLDER)
    [fragment] = (tmp_path / search.FOLDER / "fragment").glob("*.pf_fragment")
    stored = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
    assert stored["url"] == "/dilemmas/x/"
    assert stored["content"] == "Een titel met tekst"
    assert stored["meta"] == {"title": "Een <b>titel</b>"}
    assert stored["filters"] == {search.KIND: ["Dilemma"]}


def test_an_answer_that_is_not_the_protocol_is_a_sentence(guide_tree: GuideTree, tmp_path: Path, monkeypatch) -> None:
    """A Pagefind that prints something else (a log line, another version's
    format) stops the build with a sentence, not a traceback."""
    _fake_pagefind(tmp_path, monkeypatch, "printf 'Running Pagefind v9,'\ncat > /dev/null\n")
    found = list(_records(guide_tree).values())
    with pytest.raises(search.SearchIndexError) as raised:
        search.write_index(found, tmp_path / "site" / search.FOLDER)
    assert str(raised.value).startswith("Pagefind gaf een antwoord dat niet te lezen is: ")
