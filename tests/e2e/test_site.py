"""End-to-end: the real guide, built with mkdocs into a temporary folder and
checked in its HTML. Expectations are read from the content files themselves
(plain YAML), not from the code under test."""

from __future__ import annotations

import gzip
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


TENSIONS = {t: front_matter(ROOT / "docs" / "spanningen" / f"{t}.md") for t in TENSION_IDS}


def pagefind_records(site: Path) -> dict[str, dict]:
    """The records of the search index, by address: Pagefind keeps each in
    a fragment, gzipped JSON after the signature ``pagefind_dcd``."""
    records = {}
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        record = json.loads(data.removeprefix(b"pagefind_dcd"))
        # Addresses from the site's root (/dilemmas/x/): the search page
        # puts the site's own root (/ or /1.0/) before them.
        assert record["url"].startswith("/"), record["url"]
        records[record["url"].removeprefix("/")] = record
    return records


def words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ]+", text.lower())


def test_search_is_pagefind_in_dutch_not_materials(built_site: Path) -> None:
    bundle = built_site / "pagefind"
    names = ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-worker.js", "pagefind-entry.json")
    for name in names:
        assert (bundle / name).is_file(), name
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"nl"}
    assert entry["languages"]["nl"]["page_count"] == len(PRINCIPLES) + len(DILEMMAS) + len(TENSION_IDS)
    assert list(bundle.glob("wasm.nl.pagefind")), "Dutch stemming"
    # Material's search is off in the online site: no index of it, no worker.
    assert not (built_site / "search" / "search_index.json").exists()
    assert not (built_site / "search").exists()


def test_search_has_a_record_for_each_principle_dilemma_and_tension_only(built_site: Path) -> None:
    records = pagefind_records(built_site)
    assert set(records) == {
        *(f"principes/{p}/" for p in PRINCIPLES),
        *(f"dilemmas/{d}/" for d in DILEMMAS),
        *(f"spanningen/{t}/" for t in TENSION_IDS),
    }
    for pid, meta in PRINCIPLES.items():
        record = records[f"principes/{pid}/"]
        assert record["meta"]["title"] == meta["title"]
        assert record["filters"]["Soort"] == ["Principe"]
        assert record["filters"]["Principe"] == [meta["title"]]
        for tag in meta.get("tags", []):
            assert tag in record["content"], (pid, tag)
    for tid, meta in TENSIONS.items():
        record = records[f"spanningen/{tid}/"]
        assert record["meta"]["title"] == meta["title"]
        assert record["filters"] == {"Soort": ["Spanning"], "Spanning": [meta["title"]]}


@pytest.mark.parametrize("dilemma_id", sorted(DILEMMAS))
def test_a_dilemmas_record_holds_its_text_tags_principles_and_tensions(
    built_site: Path, dilemma_id: str
) -> None:
    meta = DILEMMAS[dilemma_id]
    record = pagefind_records(built_site)[f"dilemmas/{dilemma_id}/"]
    content = record["content"]
    assert record["meta"]["title"] == meta["title"]
    assert meta["title"] in content and meta["description"] in content
    # The text of its sections: every word of the first paragraph of each.
    body = (ROOT / "dilemmas" / f"{dilemma_id}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    for section in re.split(r"^## .*$", body, flags=re.MULTILINE)[1:]:
        paragraph = section.strip().split("\n\n")[0]
        missing = set(words(re.sub(r"\]\([^)]*\)", "]", paragraph))) - set(words(content))
        assert not missing, (dilemma_id, missing)
    principles = [PRINCIPLES[p]["title"] for p in meta["principles"]]
    tensions = [TENSIONS[t]["title"] for t in meta["tensions"]]
    for text in [*meta["tags"], *principles, *tensions, *meta["domains"]]:
        assert text in content, (dilemma_id, text)
    assert record["filters"]["Soort"] == ["Dilemma"]
    assert sorted(record["filters"]["Principe"]) == sorted(principles)
    assert sorted(record["filters"]["Spanning"]) == sorted(tensions)
    assert sorted(record["filters"]["Domein"]) == sorted(meta["domains"])


def test_only_the_search_page_loads_pagefind_and_every_page_links_to_it(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    with_header = 0
    for html_file in pages:
        here = html_file.relative_to(built_site).parent.as_posix() + "/"
        here = "" if here == "./" else here
        text = html_file.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        if here == "zoeken/":
            loaded = [el["src"] for el in soup.find_all("script", src=True)]
            assert "../pagefind/pagefind-ui.js" in loaded, loaded
        else:
            assert "pagefind" not in text.lower(), html_file
        # Material's search box is gone; the header links to the search page.
        assert not soup.select("[data-md-component=search], .md-search"), html_file
        if soup.select_one("header.md-header") is None:
            continue
        with_header += 1
        buttons = soup.select("header.md-header a.gids-search-button")
        assert len(buttons) == 1, html_file
        # link_targets reads the links inside what it is given.
        assert link_targets(BeautifulSoup(str(buttons[0]), "html.parser"), here) == {"zoeken/"}, html_file
    assert with_header > len(DILEMMAS) + len(PRINCIPLES)


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


#: Bijdragen: a short start page, the reference, the redactie's page.
CONTRIBUTING = ("bijdragen/", "bijdragen/naslag/", "bijdragen/redactie/")


def test_contributor_reference_has_the_generated_parts(built_site: Path) -> None:
    body = article(page(built_site, "bijdragen/naslag/"))
    text = body.get_text()
    for key in ("title", "description", "principles", "tensions", "domains", "source", "aliases", "history", "note"):
        assert key in text
    code = "\n".join(c.get_text() for c in body.select("pre code"))
    assert "## Situatie" in code and "## Handelingsperspectief" in code
    # Every message's explanation has its own address, for links from the check.
    catalogue = yaml.safe_load((ROOT / "src" / "gids" / "messages.yml").read_text(encoding="utf-8"))
    for entry in catalogue:
        explanation = body.find(id=f"melding-{entry['code']}")
        assert explanation is not None, entry["code"]
        assert explanation.code is not None, "the id is on the example line"


@pytest.mark.parametrize("address", CONTRIBUTING)
def test_every_marker_of_the_bijdragen_pages_is_replaced(built_site: Path, address: str) -> None:
    assert "gids:" not in str(article(page(built_site, address)))


def test_the_start_page_gives_the_redactie_address_from_the_configuration(built_site: Path) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    email = config["extra"]["redactie"]["email"]
    body = article(page(built_site, "bijdragen/"))
    assert body.find(id="de-redactie-bereiken") is not None
    assert [a["href"] for a in body.select("a[href^='mailto:']")] == [f"mailto:{email}"]


def test_bijdragen_is_a_section_of_the_navigation(built_site: Path) -> None:
    nav = page(built_site, "bijdragen/naslag/").select_one("nav.md-nav--primary")
    assert set(CONTRIBUTING) <= link_targets(nav, "bijdragen/naslag/")
    titles = [article(page(built_site, address)).h1.get_text(strip=True) for address in CONTRIBUTING]
    assert titles == ["Bijdragen", "Naslag", "Voor de redactie"]


def test_home_and_about_pages_exist(built_site: Path) -> None:
    for address in ("", "over/", "bijdragen/", "spanningen/"):
        assert article(page(built_site, address)).h1.get_text(strip=True)
