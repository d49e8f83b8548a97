"""A reader who searches finds what they look for near the top: for each
query as a reader types it (plurals, other forms of a word, words that are
only in an item's tags or in the name of its principle), the item that the
content says is about it is among the first three results of the search
page (/zoeken/, Pagefind) in Chromium, and no help page comes first.

The expected items were chosen from the content (principles/, dilemmas/,
docs/spanningen/), not from what the search returns. When an expectation
fails, the ranking (the records of gids/search.py) is tuned, not the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.searching import search

pytestmark = pytest.mark.browser

#: (what a reader types, the item expected among the first three, why)
RANKING = [
    ("tegenspraak", "principes/loyale-tegenspraak/", "its title's subject and its tag"),
    ("tegenspreken", "dilemmas/tegenspraak-en-je-loopbaan/", "the verb, as in its title"),
    ("dwarsliggen", "dilemmas/tegenspraak-en-je-loopbaan/", "only in its text"),
    ("loyaliteit", "principes/ken-je-loyaliteiten/", "singular of its title's plural; its tag"),
    (
        "loyaliteiten",
        "dilemmas/meerdere-loyaliteiten-in-de-uitvoering/",
        "its title's subject; plural of its tag",
    ),
    ("maatwerk", "dilemmas/regel-of-maatwerk/", "its title's subject"),
    ("uitzonderingen", "dilemmas/regel-of-maatwerk/", "plural of a word of its title"),
    ("inspectie", "dilemmas/inspectie-en-beleid-op-afstand/", "its title's subject and its tag"),
    ("inspecties", "dilemmas/inspectie-en-beleid-op-afstand/", "plural; the guide never uses it"),
    ("vertrouwen", "principes/werk-vanuit-vertrouwen/", "its title's subject and its tag"),
    ("carrière", "dilemmas/tegenspraak-en-je-loopbaan/", "in its description"),
    ("carriere", "dilemmas/tegenspraak-en-je-loopbaan/", "the same, typed without the accent"),
    ("lobbyen", "dilemmas/pleidooi-buiten-de-opdracht/", "in its title"),
    ("draagvlak", "dilemmas/inhoud-of-draagvlak/", "its title's subject and its tag"),
    ("integriteit", "dilemmas/integriteit-van-partners/", "its title's subject and its tag"),
    ("moreel beraad", "dilemmas/moreel-beraad-in-het-team/", "two words of its title"),
    ("opschalen", "dilemmas/op-tijd-opschalen/", "its tag; the verb of its subject"),
    ("neutraal", "dilemmas/politiek-belang-of-neutraliteit/", "the adjective of its title's noun"),
    ("tunnelvisie", "dilemmas/te-sterke-betrokkenheid/", "its tag"),
    ("cocreatie", "dilemmas/samen-beleid-maken-met-partners/", "only in its tags"),
    ("verzelfstandiging", "dilemmas/vragen-zonder-eigen-verantwoordelijkheid/", "only in its tags"),
    ("vrije meningsuiting", "dilemmas/kritiek-op-je-eigen-ministerie/", "only in its tags"),
    ("dilemmacommunicatie", "dilemmas/keuze-uitleggen-aan-burgers/", "only in its tags"),
    ("terugkoppeling", "dilemmas/op-tijd-opschalen/", "only in its tags"),
    ("transparantie", "principes/maak-keuzes-uitlegbaar/", "only in its tags"),
    ("gelijkheid", "principes/wees-rechtvaardig/", "only in its tags"),
    ("inspectie loyaal", "dilemmas/inspectie-en-beleid-op-afstand/", "'loyaal' only in its principle's name"),
    ("kritiek grenzen", "dilemmas/kritiek-op-je-eigen-ministerie/", "'grenzen' only in its principle's name"),
    ("menselijke maat", "principes/menselijke-maat/", "its title"),
    ("professie en politiek", "spanningen/professie-politiek/", "a tension by its name"),
    ("werkinstructie", "dilemmas/tegenspraak-in-de-lijn/", "in its description"),
]

#: The pages about the guide rather than in it (gids/search.py leaves them
#: out of the index): a reader's query never has one as its best answer.
HELP_PAGES = ("bijdragen/", "over/", "versies/", "toegankelijkheid/")
#: Words that these pages use a lot; the guide's own items come first.
HELP_WORDS = ["dilemma", "principes", "spanningen", "versie", "toegankelijk", "bijdragen"]


def test_the_table_names_items_of_the_guide(built_site: Path) -> None:
    assert len(RANKING) >= 15
    for query, expected, _ in RANKING:
        assert expected.startswith(("principes/", "dilemmas/", "spanningen/")), query
        assert (built_site / expected / "index.html").is_file(), (query, expected)


@pytest.mark.parametrize("query, expected, why", RANKING, ids=[query for query, _, _ in RANKING])
def test_the_expected_item_is_among_the_first_three(
    page: Page, site_url: str, query: str, expected: str, why: str
) -> None:
    found = search(page, site_url, query)
    assert found, f"nothing found for {query!r}"
    assert not found[0].startswith(HELP_PAGES), f"{query!r}: a help page first: {found[:5]}"
    assert expected in found[:3], (
        f"{query!r} ({why}): expected {expected} in the first 3; the first 5: {found[:5]}"
    )


@pytest.mark.parametrize("query", HELP_WORDS)
def test_no_help_page_comes_first(page: Page, site_url: str, query: str) -> None:
    found = search(page, site_url, query)
    assert found, f"nothing found for {query!r}"
    assert not found[0].startswith(HELP_PAGES), found[:5]
    assert found[0].startswith(("principes/", "dilemmas/", "spanningen/")), found[:5]
