"""The page `make serve` shows while the content has a mistake
(src/gids/error_page.py): the messages of make check, each explained, as
text, with a link to its explanation, and a page that reloads itself."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from gids import Problem, error_page, messages

PROBLEMS = [
    Problem("dilemmas/x.md", 6, "domains", "geen-keuze-bedoel", {"waarde": "Uitvoering", "bedoeld": "uitvoering", "keuzes": "beleid, uitvoering"}),
    Problem("principles/<b>.md", 2, "title", "tekst-leeg", {}),
]


def _soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def test_each_problem_is_shown_with_where_what_and_how_to_fix() -> None:
    soup = _soup(error_page.error_page(PROBLEMS, "Gids"))
    assert soup.html["lang"] == "nl"
    assert soup.h1.get_text() == "De gids kan nu niet worden getoond"
    assert "Er zijn 2 problemen in de inhoud. Los ze op" in soup.get_text()
    items = soup.select("main li")
    assert len(items) == 2
    first = next(i for i in items if "dilemmas/x.md" in i.h2.get_text())
    assert first.h2.get_text() == "dilemmas/x.md, regel 6, bij domains"
    assert "'Uitvoering' kan hier niet. Bedoel je 'uitvoering'?" in first.get_text()
    assert [h.get_text() for h in first.find_all("h3")] == ["Wat betekent dit?", "Wat doe je?"]
    assert first.a["href"] == "/bijdragen/naslag/#melding-geen-keuze-bedoel"


def test_one_problem_is_one_and_it() -> None:
    text = _soup(error_page.error_page(PROBLEMS[:1], "Gids")).get_text()
    assert "Er is 1 probleem in de inhoud. Los het op" in text


def test_what_the_file_says_stays_text() -> None:
    page = error_page.error_page(PROBLEMS, "Gids")
    assert "<b>.md" not in page and "principles/&lt;b&gt;.md" in page


def test_the_links_follow_the_site_root_and_url_style() -> None:
    soup = _soup(error_page.error_page(PROBLEMS[:1], "Gids", "/gids/", directory_urls=False))
    assert soup.select_one("main li a")["href"] == "/gids/bijdragen/naslag.html#melding-geen-keuze-bedoel"


def test_every_link_of_the_error_page_has_its_explanation_in_the_small_site() -> None:
    site = error_page.error_site(PROBLEMS, "Gids")
    assert set(site) == {"404.html", "bijdragen/naslag/index.html"}
    reference = _soup(site["bijdragen/naslag/index.html"])
    for link in _soup(site["404.html"]).select("main li a"):
        anchor = link["href"].partition("#")[2]
        assert reference.find(id=anchor) is not None, anchor
    # Every message of the catalogue is there, under its code.
    assert {s["id"] for s in reference.select("section")} == {messages.ANCHOR_PREFIX + c for c in messages.catalogue()}


def test_only_the_error_page_asks_whether_the_guide_is_back() -> None:
    site = error_page.error_site(PROBLEMS, "Gids")
    assert re.search(r"fetch\(location\.href", site["404.html"])
    assert "<script" not in site["bijdragen/naslag/index.html"]
