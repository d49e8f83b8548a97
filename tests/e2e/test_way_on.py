"""A way on and a way back, and a changelog people read (issue 15), in the
built HTML of the real guide: every principle and dilemma shows where it is
(breadcrumbs), a dilemma leads to the dilemmas most like it and to the
previous and next dilemma of each of its tensions, and /versies/ says in one
line what the first release brought. Expectations are read from the content
files (plain YAML), not from the code under test; every link checked leads
to a page of the built site."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.helpers import ROOT, copy_project, mkdocs_build

TENSION_IDS = ["professie-politiek", "professie-maatschappij", "politiek-maatschappij"]


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8-sig").split("---\n")[1])


DILEMMAS = {p.stem: front_matter(p) for p in sorted((ROOT / "dilemmas").glob("*.md"))}
PRINCIPLES = {p.stem: front_matter(p) for p in sorted((ROOT / "principles").glob("*.md"))}
TENSIONS = {t: front_matter(ROOT / "docs" / "spanningen" / f"{t}.md") for t in TENSION_IDS}


def article(site: Path, address: str) -> Tag:
    html = (site / address / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def target(site: Path, here: str, href: str) -> str:
    """The site address a link on page ``here`` leads to; the test fails if
    the built site has no page there."""
    address = urljoin(f"http://site/{here}", href).removeprefix("http://site/").split("#")[0]
    assert (site / address / "index.html").is_file(), f"{here}: {href} leads to no page"
    return address


def words(element: Tag) -> str:
    """The text of an element as a reader sees it: words, single spaces."""
    return " ".join(element.get_text(" ").split())


def by_title(ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda d: DILEMMAS[d]["title"].casefold())


# --- where an item is -------------------------------------------------------

ITEMS = [("dilemmas", d, DILEMMAS[d]["title"]) for d in DILEMMAS] + [
    ("principes", p, PRINCIPLES[p]["title"]) for p in PRINCIPLES
]


@pytest.mark.parametrize(("folder", "item_id", "title"), ITEMS, ids=[f"{f}/{i}" for f, i, _ in ITEMS])
def test_every_item_shows_where_it_is(built_site: Path, folder: str, item_id: str, title: str) -> None:
    here = f"{folder}/{item_id}/"
    trail = article(built_site, here).select_one("nav.gids-breadcrumbs")
    assert trail is not None and trail["aria-label"] == "Kruimelpad"
    steps = trail.select("ol > li")
    assert [s.get_text(strip=True) for s in steps] == ["Start", "Dilemma's" if folder == "dilemmas" else "Principes", title]
    assert [target(built_site, here, s.a["href"]) for s in steps[:2]] == ["", f"{folder}/"]
    # The last step is the page itself: marked, not a link.
    assert steps[-1]["aria-current"] == "page" and steps[-1].a is None


def test_items_stay_out_of_the_navigation(built_site: Path) -> None:
    # Material renders the whole navigation into every page: the items are
    # reached from their lists and the breadcrumbs, never from the menu.
    nav = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        "nav.md-nav--primary"
    )
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    assert not [h for h in hrefs if re.search(r"(dilemmas|principes)/[a-z0-9-]+/", h)]


# --- related dilemmas -------------------------------------------------------


def expected_related(dilemma_id: str, limit: int = 4) -> list[tuple[str, list[str], list[str]]]:
    """The rule, from the front matter: what shares most principles and
    tensions comes first; with as much in common, more principles first;
    then by title."""
    meta = DILEMMAS[dilemma_id]
    found = []
    for other, other_meta in DILEMMAS.items():
        principles = [p for p in meta["principles"] if p in other_meta["principles"]]
        tensions = [t for t in meta["tensions"] if t in other_meta["tensions"]]
        if other != dilemma_id and (principles or tensions):
            key = (-len(principles) - len(tensions), -len(principles), other_meta["title"].casefold(), other)
            found.append((key, other, principles, tensions))
    return [(other, principles, tensions) for _, other, principles, tensions in sorted(found)[:limit]]


@pytest.mark.parametrize("dilemma_id", sorted(DILEMMAS))
def test_a_dilemma_leads_to_the_dilemmas_most_like_it(built_site: Path, dilemma_id: str) -> None:
    here = f"dilemmas/{dilemma_id}/"
    section = article(built_site, here).select_one("section.gids-related-dilemmas")
    expected = expected_related(dilemma_id)
    assert expected, "every dilemma of the guide shares something with another"
    assert section.h2.get_text(strip=True) == "Dilemma's die hierop lijken"
    cards = section.select(".gids-card")
    assert [target(built_site, here, c.select_one("a.gids-card__title")["href"]) for c in cards] == [
        f"dilemmas/{other}/" for other, _, _ in expected
    ]
    for card, (other, principles, tensions) in zip(cards, expected):
        assert card.select_one(".gids-card__title").get_text(strip=True) == DILEMMAS[other]["title"]
        shared = card.select_one(".gids-shared").get_text(" ", strip=True)
        # What it shares, by name: the reader sees why it is offered.
        for pid in principles:
            assert PRINCIPLES[pid]["title"] in shared
        for tid in tensions:
            assert TENSIONS[tid]["title"] in shared
        assert ("Zelfde principe" in shared) == bool(principles)
        assert ("Zelfde spanning" in shared) == bool(tensions)


def test_the_related_section_is_not_the_principles_section(built_site: Path) -> None:
    # .gids-related on a dilemma is its principles (tests/e2e/test_site.py);
    # the similar dilemmas come after them and after the source.
    body = article(built_site, "dilemmas/op-tijd-opschalen/")
    order = [el.get("class")[0] for el in body.select(".gids-related, .gids-source, .gids-related-dilemmas, .gids-pager, .gids-history")]
    assert order == ["gids-related", "gids-source", "gids-related-dilemmas", "gids-pager", "gids-history"]


# --- previous and next in each tension --------------------------------------


@pytest.mark.parametrize("dilemma_id", sorted(DILEMMAS))
def test_a_dilemma_leads_to_the_previous_and_next_of_each_of_its_tensions(built_site: Path, dilemma_id: str) -> None:
    here = f"dilemmas/{dilemma_id}/"
    pagers = article(built_site, here).select("nav.gids-pager")
    expected = []
    for tension in [t for t in TENSION_IDS if t in DILEMMAS[dilemma_id]["tensions"]]:
        # In the order the tension's page lists them: by title.
        listed = by_title([d for d, meta in DILEMMAS.items() if tension in meta["tensions"]])
        index = listed.index(dilemma_id)
        before = listed[index - 1] if index > 0 else None
        after = listed[index + 1] if index + 1 < len(listed) else None
        if before or after:
            expected.append((TENSIONS[tension]["title"], before, after))
    assert len(pagers) == len(expected)
    for pager, (name, before, after) in zip(pagers, expected):
        assert pager["aria-label"] == f"Vorige en volgende in {name}"
        for direction, other in (("Vorige", before), ("Volgende", after)):
            links = [a for a in pager.find_all("a") if a.select_one(".gids-pager__direction").get_text(strip=True).startswith(direction)]
            if other is None:
                assert links == []
                continue
            (link,) = links
            assert link.select_one(".gids-pager__direction").get_text(strip=True) == f"{direction} in {name}"
            assert link.select_one(".gids-pager__title").get_text(strip=True) == DILEMMAS[other]["title"]
            assert target(built_site, here, link["href"]) == f"dilemmas/{other}/"


def test_following_next_walks_a_tension_in_the_order_of_its_page(built_site: Path) -> None:
    tension = "professie-politiek"
    name = TENSIONS[tension]["title"]
    listed = [a["href"] for a in article(built_site, f"spanningen/{tension}/").select(".gids-tension-dilemmas .gids-card__title")]
    walked = []
    here: str | None = target(built_site, f"spanningen/{tension}/", listed[0])
    while here is not None:
        walked.append(here)
        pager = article(built_site, here).select_one(f'nav.gids-pager[aria-label="Vorige en volgende in {name}"]')
        link = pager.select_one(".gids-pager__next a") if pager else None
        here = target(built_site, here, link["href"]) if link else None
    assert walked == [target(built_site, f"spanningen/{tension}/", href) for href in listed]


# --- the changelog ----------------------------------------------------------


def first_release_items() -> tuple[list[str], list[str]]:
    """The principles and dilemmas whose oldest history entry is release 1.0."""

    def came_in_1_0(meta: dict) -> bool:
        entries = [e for e in meta.get("history", []) if e.get("version")]
        return bool(entries) and min(entries, key=lambda e: [int(p) for p in e["version"].split(".")])["version"] == "1.0"

    return [p for p, m in PRINCIPLES.items() if came_in_1_0(m)], [d for d, m in DILEMMAS.items() if came_in_1_0(m)]


def test_the_first_release_is_summarised_with_its_items_behind_a_disclosure(built_site: Path) -> None:
    releases = front_matter(ROOT / "docs" / "versies.md")["releases"]
    assert releases[-1]["version"] == "1.0"
    principles, dilemmas = first_release_items()
    assert len(principles) == len(PRINCIPLES) and len(dilemmas) == len(DILEMMAS)
    body = article(built_site, "versies/")
    first = body.find("h2", id="versie-1-0").find_parent("section")
    assert first.select_one(".gids-release__count").get_text(strip=True) == (
        f"{len(principles)} principes en {len(dilemmas)} dilemma's opgenomen."
    )
    disclosure = first.select_one("details.gids-release__items")
    assert disclosure.summary.get_text(strip=True) == "Bekijk welke principes en dilemma's"
    assert "open" not in disclosure.attrs
    linked = {target(built_site, "versies/", a["href"]) for a in disclosure.find_all("a", href=True)}
    assert linked == {f"principes/{p}/" for p in principles} | {f"dilemmas/{d}/" for d in dilemmas}
    # The note every item carries is said once, not 31 times.
    assert "Opgenomen in de eerste uitgave" not in body.get_text()


def test_the_changelog_speaks_plain_dutch(built_site: Path) -> None:
    body = article(built_site, "versies/")
    text = words(body)
    assert "feed (Atom)" not in text
    feed = body.select_one(".gids-feed a")
    assert words(feed) == "Volg wijzigingen met een feedlezer (RSS/Atom)"
    assert urljoin("http://site/versies/", feed["href"]) == "http://site/versies.xml"
    assert (built_site / "versies.xml").is_file()
    # Newest is what the version selector says of a release; a page of a
    # release's snapshot keeps what it says, so no page calls one the newest.
    assert "(nieuwste)" not in text and "nieuwste versie" not in text.lower()
    # Without a version selector, nothing tells the reader to use one.
    assert "versiekeuze" not in text


def test_the_changelog_names_the_version_selector_only_where_there_is_one(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, GIDS_VERSIONS="true")
    assert result.returncode == 0, result.stdout + result.stderr
    text = words(article(site, "versies/"))
    assert "Kies daarvoor een versie met de versiekeuze bovenaan de pagina." in text


def test_a_later_release_lists_each_change_with_its_note(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    changelog = project / "docs" / "versies.md"
    changelog.write_text(
        changelog.read_text(encoding="utf-8").replace(
            "releases:\n",
            'releases:\n  - version: "1.1"\n    date: 2026-12-01\n    title: Betere voorbeelden\n'
            "    summary: Voorbeelden uit de uitvoering.\n",
            1,
        ),
        encoding="utf-8",
    )
    changed, pending = "op-tijd-opschalen", "regel-of-maatwerk"
    for dilemma_id, entry in [
        (changed, '  - version: "1.1"\n    date: 2026-12-01\n    note: Een voorbeeld uit de uitvoering toegevoegd.\n'),
        (pending, "  - note: De gespreksvragen zijn korter.\n"),
    ]:
        path = project / "dilemmas" / f"{dilemma_id}.md"
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---\n", 4) + 1
        path.write_text(text[:end] + entry + text[end:], encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    body = article(site, "versies/")
    assert [h["id"] for h in body.find_all("h2", id=re.compile("^(versie|volgende)"))] == [
        "volgende-versie",
        "versie-1-1",
        "versie-1-0",
    ]
    later = body.find("h2", id="versie-1-1").find_parent("section")
    assert later.select_one("details") is None, "a later release is not folded away"
    (item,) = later.select(".gids-changes--gewijzigd li")
    assert target(site, "versies/", item.a["href"]) == f"dilemmas/{changed}/"
    assert words(item) == f"{DILEMMAS[changed]['title']} : Een voorbeeld uit de uitvoering toegevoegd."
    coming = body.find("h2", id="volgende-versie").find_parent("section")
    assert "nog niet vastgesteld" in coming.h2.get_text()
    assert "De gespreksvragen zijn korter." in coming.select_one(".gids-changes--gewijzigd").get_text()
    # The first release stays one line, with its items behind the disclosure.
    first = body.find("h2", id="versie-1-0").find_parent("section")
    assert first.select_one(".gids-release__count").get_text(strip=True).endswith("dilemma's opgenomen.")
    assert "(nieuwste)" not in body.get_text()
