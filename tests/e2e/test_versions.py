"""A guide published in two releases, with a rename and a removal between
them: every address of the older site still resolves in the newer one."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.helpers import TwoReleases


ATOM = "{http://www.w3.org/2005/Atom}"


def addresses(site: Path) -> list[str]:
    """Every page address of a built site, relative to its root ("" is home)."""
    found = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        found.append("" if rel == "." else rel + "/")
    return found


def soup(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def redirect_target(site: Path, address: str) -> str | None:
    """Where a redirect page at ``address`` leads (an address), or None."""
    refresh = soup(site, address).find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    target = refresh["content"].split("url=", 1)[1]
    resolved = urljoin(f"http://site/{address}", target)
    return resolved.removeprefix("http://site/").split("#")[0]


def test_versions_json_lists_the_root_then_both_releases_newest_first(two_releases: TwoReleases) -> None:
    """Only the root (the guide as it is now) is titled the newest; the
    newest release is current too (no "older version" banner)."""
    versions = json.loads((two_releases.public / "versions.json").read_text())
    assert versions == [
        {"version": ".", "title": "Nieuwste versie", "aliases": ["nieuwste"]},
        {"version": "1.1", "title": "Versie 1.1", "aliases": ["nieuwste"]},
        {"version": "1.0", "title": "Versie 1.0", "aliases": []},
    ]
    assert [v["title"] for v in versions if "nieuwste" in v["title"].lower()] == ["Nieuwste versie"]


def test_every_release_has_its_own_folder_as_it_was(two_releases: TwoReleases) -> None:
    public = two_releases.public
    gone, gone_title = two_releases.removed
    old, new = two_releases.renamed
    # 1.0 still has the removed dilemma and the old name, as they were.
    assert soup(public / "1.0", f"dilemmas/{gone}/").find("article").h1.get_text(strip=True) == gone_title
    assert redirect_target(public / "1.0", f"dilemmas/{old}/") is None
    assert not (public / "1.0" / "dilemmas" / new).exists()
    # 1.1 and the root have the new name.
    for site in (public / "1.1", public):
        assert (site / "dilemmas" / new / "index.html").is_file()


@pytest.mark.parametrize("newer", ["", "1.1/"])
def test_every_address_of_the_older_site_resolves_in_the_newer(two_releases: TwoReleases, newer: str) -> None:
    older = two_releases.public / "1.0"
    site = two_releases.public / newer if newer else two_releases.public
    old_addresses = addresses(older)
    assert len(old_addresses) > 40
    for address in old_addresses:
        assert (site / address / "index.html").is_file(), address
        target = redirect_target(site, address)
        if target is not None:
            assert (site / target / "index.html").is_file(), (address, target)
            assert redirect_target(site, target) is None, f"{address} redirects twice"


def test_a_renamed_dilemma_redirects_from_its_old_address(two_releases: TwoReleases) -> None:
    old, new = two_releases.renamed
    assert redirect_target(two_releases.public, f"dilemmas/{old}/") == f"dilemmas/{new}/"
    html = (two_releases.public / "dilemmas" / old / "index.html").read_text(encoding="utf-8")
    # The anchor a trainer linked to (#gespreksvragen) is carried along.
    assert "window.location.hash" in html


def test_a_removed_dilemma_leaves_a_tombstone(two_releases: TwoReleases) -> None:
    gone, gone_title = two_releases.removed
    old, new = two_releases.renamed
    page = soup(two_releases.public, f"dilemmas/{gone}/")
    article = page.find("article")
    assert article.h1.get_text(strip=True) == f"Verwijderd: {gone_title}"
    text = article.get_text(" ", strip=True)
    assert "versie 1.1" in text and "Samengevoegd met een ander dilemma." in text
    # Where each link leads, from the tombstone's own address.
    links = {urljoin(f"/dilemmas/{gone}/", a["href"]) for a in article.find_all("a", href=True)}
    assert f"/dilemmas/{new}/" in links, "links to its replacement"
    assert "/dilemmas/" in links, "links to the list of dilemmas"
    assert "/versies/#versie-1-1" in links
    # The tombstone has the guide's look: navigation, header, stylesheet.
    assert page.select_one("nav.md-nav--primary") is not None
    assert page.find("link", href=re.compile(r"gids\.css$")) is not None


def test_changelog_shows_both_releases_grouped(two_releases: TwoReleases) -> None:
    old, new = two_releases.renamed
    gone, gone_title = two_releases.removed
    page = soup(two_releases.public, "versies/")
    headings = [h["id"] for h in page.find_all("h2", id=re.compile("^(versie|volgende)"))]
    assert headings == ["volgende-versie", "versie-1-1", "versie-1-0"]
    release = page.find("h2", id="versie-1-1").find_parent("section")
    changed = release.select_one(".gids-changes--gewijzigd")
    assert changed.find("a", href=f"../dilemmas/{new}/")
    assert "Nieuwe naam, zodat de titel beter past." in changed.get_text()
    removed = release.select_one(".gids-changes--verwijderd")
    assert removed.find("a", href=f"../dilemmas/{gone}/").get_text(strip=True) == gone_title
    assert release.select_one(".gids-changes--nieuw") is None
    first = page.find("h2", id="versie-1-0").find_parent("section")
    assert len(first.select(".gids-changes--nieuw li")) > 25
    coming = page.find("h2", id="volgende-versie").find_parent("section")
    assert "Geen wijzigingen met een notitie." in coming.get_text()


def test_item_history_lists_its_versions(two_releases: TwoReleases) -> None:
    old, new = two_releases.renamed
    history = soup(two_releases.public, f"dilemmas/{new}/").find("section", class_="gids-history")
    items = [li.get_text(" ", strip=True) for li in history.find_all("li")]
    assert items[0].startswith("Versie 1.1") and "Nieuwe naam" in items[0]
    assert items[1].startswith("Versie 1.0")
    assert "Laatst gewijzigd" in history.get_text()


def test_feed_has_an_entry_per_release(two_releases: TwoReleases) -> None:
    feed = ET.parse(two_releases.public / "versies.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2026-12-01T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Versie 1.1: Opgeruimd", "Versie 1.0: Eerste uitgave"]
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("http://127.0.0.1:8000/versies/#versie-")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://")
        assert entry.findtext(f"{ATOM}updated")
    content = entries[0].findtext(f"{ATOM}content")
    assert "<h3>Verwijderd</h3>" in content and "Samengevoegd met een ander dilemma." in content
    # Linked from every page, for feed readers.
    head = soup(two_releases.public, "").find("link", type="application/atom+xml")
    assert head["href"] == "versies.xml"
    # Found by feed readers (either keyword), not by Material's language
    # switcher, which fetches sitemap.xml beside each link[rel=alternate].
    assert head["rel"] == ["alternate", "feed"]
