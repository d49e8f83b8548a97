"""End-to-end: the real guide, built with mkdocs into a temporary folder and
checked in its HTML. Expectations are read from the content files themselves
(plain YAML), not from the code under test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import ROOT

TENSION_IDS = ["professie-politiek", "professie-maatschappij", "politiek-maatschappij"]
SECTION_ANCHORS = ["situatie", "spanning", "gespreksvragen", "handelingsperspectief"]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig")
    return yaml.safe_load(text.split("---\n")[1])


DILEMMAS = {p.stem: front_matter(p) for p in sorted((ROOT / "dilemmas").glob("*.md"))}
PRINCIPLES = {p.stem: front_matter(p) for p in sorted((ROOT / "principles").glob("*.md"))}


def page(site: Path, address: str) -> BeautifulSoup:
    html = (site / address / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def article(soup: BeautifulSoup) -> BeautifulSoup:
    return soup.select_one("article.md-content__inner")


def link_targets(element: BeautifulSoup, here: str) -> set[str]:
    """The site addresses (``principes/x/``) that links in ``element`` point to."""
    targets = set()
    for a in element.find_all("a", href=True):
        href = a["href"].split("#")[0]
        if not href or re.match(r"^[a-z]+:", href):
            continue
        parts = [p for p in (here + href).split("/") if p not in ("", ".")]
        stack: list[str] = []
        for part in parts:
            if part == "..":
                stack.pop()
            else:
                stack.append(part)
        targets.add("/".join(stack) + "/")
    return targets


def test_content_meets_the_coverage_the_guide_promises() -> None:
    assert len(PRINCIPLES) >= 8
    assert len(DILEMMAS) >= 15
    for tension in TENSION_IDS:
        assert sum(tension in d["tensions"] for d in DILEMMAS.values()) >= 4, tension
    for pid in PRINCIPLES:
        assert sum(pid in d["principles"] for d in DILEMMAS.values()) >= 2, pid
    domains = {domain for d in DILEMMAS.values() for domain in d.get("domains", [])}
    assert domains == {"beleid", "uitvoering", "toezicht"}
    assert all(d.get("source") for d in DILEMMAS.values())


@pytest.mark.parametrize("dilemma_id", sorted(DILEMMAS))
def test_dilemma_page_links_its_principles_and_tensions(built_site: Path, dilemma_id: str) -> None:
    meta = DILEMMAS[dilemma_id]
    here = f"dilemmas/{dilemma_id}/"
    soup = page(built_site, here)
    body = article(soup)
    assert body.h1.get_text(strip=True) == meta["title"]
    assert body.select_one(".gids-lead").get_text(strip=True) == meta["description"]
    assert [h["id"] for h in body.find_all("h2", id=re.compile("^(?!gids-)"))] == [*SECTION_ANCHORS, "versiegeschiedenis"]

    facts = body.select_one(".gids-facts")
    targets = link_targets(facts, here)
    assert {f"principes/{p}/" for p in meta["principles"]} <= targets
    assert {f"spanningen/{t}/" for t in meta["tensions"]} <= targets
    # The corners of the triangle are named beside each tension.
    assert len(facts.select(".gids-corners")) == len(meta["tensions"])

    cards = body.select(".gids-related .gids-card")
    assert [c.select_one(".gids-card__title").get_text(strip=True) for c in cards] == [
        PRINCIPLES[p]["title"] for p in meta["principles"]
    ]
    assert [c.select_one(".gids-card__description").get_text(strip=True) for c in cards] == [
        PRINCIPLES[p]["description"] for p in meta["principles"]
    ]
    assert meta["source"] in body.select_one(".gids-source").get_text()


@pytest.mark.parametrize("principle_id", sorted(PRINCIPLES))
def test_principle_page_lists_its_backlinks(built_site: Path, principle_id: str) -> None:
    here = f"principes/{principle_id}/"
    body = article(page(built_site, here))
    assert body.h1.get_text(strip=True) == PRINCIPLES[principle_id]["title"]
    backlinks = link_targets(body.select_one(".gids-related"), here)
    expected = {f"dilemmas/{d}/" for d, meta in DILEMMAS.items() if principle_id in meta["principles"]}
    assert backlinks == expected


@pytest.mark.parametrize("tension_id", TENSION_IDS)
def test_tension_page_lists_its_dilemmas(built_site: Path, tension_id: str) -> None:
    here = f"spanningen/{tension_id}/"
    body = article(page(built_site, here))
    listed = link_targets(body.select_one(".gids-related .gids-cards"), here)
    expected = {f"dilemmas/{d}/" for d, meta in DILEMMAS.items() if tension_id in meta["tensions"]}
    assert listed == expected
    assert len(body.select(".gids-corner")) >= 2


def test_triangle_is_an_accessible_svg_linking_the_three_tensions(built_site: Path) -> None:
    body = article(page(built_site, "spanningen/"))
    svg = body.select_one("figure.gids-triangle svg")
    assert svg is not None
    assert svg.get("role") != "img", "role=img would hide the links from screen readers"
    title_id, desc_id = svg["aria-labelledby"], svg["aria-describedby"]
    assert svg.find("title", id=title_id).get_text(strip=True)
    assert svg.find("desc", id=desc_id).get_text(strip=True)
    sides = svg.find_all("a", href=True)
    assert link_targets(svg, "spanningen/") == {f"spanningen/{t}/" for t in TENSION_IDS}
    for side in sides:
        # Each link has a name of its own for screen readers.
        assert side.find("title").get_text(strip=True)
        assert side.find("text").get_text(strip=True)
    corners = [t.get_text(strip=True) for t in svg.select(".gids-triangle__corner")]
    expected_corners = front_matter(ROOT / "docs/spanningen/index.md")["corners"]
    assert corners == [expected_corners[c] for c in ("professie", "politiek", "maatschappij")]


def test_principles_list_follows_order(built_site: Path) -> None:
    body = article(page(built_site, "principes/"))
    titles = [a.get_text(strip=True) for a in body.select(".gids-principles .gids-card__title")]
    ordered = sorted(PRINCIPLES.values(), key=lambda p: (p.get("order") is None, p.get("order") or 0, p["title"]))
    assert titles == [p["title"] for p in ordered]


def test_dilemmas_list_groups_every_dilemma_by_tension(built_site: Path) -> None:
    body = article(page(built_site, "dilemmas/"))
    for tension_id in TENSION_IDS:
        group = body.find("h2", id=tension_id).find_parent("section")
        listed = link_targets(group.select_one(".gids-cards"), "dilemmas/")
        assert listed == {f"dilemmas/{d}/" for d, m in DILEMMAS.items() if tension_id in m["tensions"]}
    everything = link_targets(body, "dilemmas/")
    assert {f"dilemmas/{d}/" for d in DILEMMAS} <= everything


def test_links_between_content_files_reach_the_right_page(built_site: Path) -> None:
    pattern = re.compile(r"\]\((\.\./principles/|\.\./dilemmas/|)([a-z0-9-]+)\.md(#[a-z-]+)?\)")
    checked = 0
    for dilemma_id in DILEMMAS:
        source = (ROOT / "dilemmas" / f"{dilemma_id}.md").read_text(encoding="utf-8")
        here = f"dilemmas/{dilemma_id}/"
        targets = link_targets(article(page(built_site, here)), here)
        for folder, target_id, _ in pattern.findall(source):
            address = f"principes/{target_id}/" if folder == "../principles/" else f"dilemmas/{target_id}/"
            assert address in targets, (dilemma_id, target_id)
            checked += 1
    assert checked > 0, "the real content should have links between items"


def test_navigation_lists_overview_pages_not_every_item(built_site: Path) -> None:
    soup = page(built_site, f"dilemmas/{next(iter(DILEMMAS))}/")
    nav = soup.select_one("nav.md-nav--primary")
    addresses = link_targets(nav, f"dilemmas/{next(iter(DILEMMAS))}/")
    assert {"principes/", "dilemmas/", "spanningen/", "bijdragen/"} <= addresses
    assert not any(re.match(r"(dilemmas|principes)/[a-z0-9-]+/$", a) for a in addresses)


def test_search_is_dutch_and_indexes_title_description_and_body(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert (built_site / "assets/javascripts/lunr/min/lunr.nl.min.js").is_file()
    dilemma_id, meta = next(iter(DILEMMAS.items()))
    docs = [d for d in index["docs"] if d["location"].startswith(f"dilemmas/{dilemma_id}/")]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    assert meta["title"] in text
    assert meta["description"] in text
    assert any(d["location"].endswith("#gespreksvragen") for d in docs)


# Elements that make the browser fetch something; canonical and alternate
# links only name an address.
FETCHING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src"}
FETCHING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect", "dns-prefetch"}


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > len(DILEMMAS)
    for html_file in pages:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        loaded = [el[attr] for tag, attr in FETCHING.items() for el in soup.find_all(tag) if el.get(attr)]
        loaded += [
            el["href"] for el in soup.find_all("link", href=True) if FETCHING_LINKS & set(el.get("rel", []))
        ]
        assert loaded, html_file
        assert not [url for url in loaded if re.match(r"^(?:[a-z]+:)?//", url)], html_file
        assert "fonts.googleapis" not in str(soup) and "fonts.gstatic" not in str(soup)


def test_html_lang_is_dutch(built_site: Path) -> None:
    assert page(built_site, "").html["lang"] == "nl"


def test_contributor_page_has_the_generated_reference(built_site: Path) -> None:
    body = article(page(built_site, "bijdragen/"))
    html = str(body)
    assert "gids:" not in html, "every marker is replaced"
    text = body.get_text()
    for key in ("title", "description", "principles", "tensions", "domains", "source", "aliases", "history", "note"):
        assert key in text
    code = "\n".join(c.get_text() for c in body.select("pre code"))
    assert "## Situatie" in code and "## Handelingsperspectief" in code


def test_home_and_about_pages_exist(built_site: Path) -> None:
    for address in ("", "over/", "bijdragen/", "spanningen/"):
        assert article(page(built_site, address)).h1.get_text(strip=True)
