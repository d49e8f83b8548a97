"""The home page, the 404 page, the footer and "Reageer op deze pagina" of
the real guide, built once (issue 15). What the pages must say is read from
the content files and mkdocs.yml themselves, not from the templates."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from yaml_env_tag import construct_env_tag

from tests.helpers import ROOT, copy_project, mkdocs_build

TENSION_IDS = ["professie-politiek", "professie-maatschappij", "politiek-maatschappij"]
PERMALINK_BASE = "http://127.0.0.1:8000/"  # site_url's default in mkdocs.yml


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8-sig").split("---\n")[1])


DILEMMAS = {p.stem: front_matter(p) for p in sorted((ROOT / "dilemmas").glob("*.md"))}
PRINCIPLES = {p.stem: front_matter(p) for p in sorted((ROOT / "principles").glob("*.md"))}
RELEASES = front_matter(ROOT / "docs" / "versies.md")["releases"]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its !ENV tag, as MkDocs does."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
EXTRA = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)["extra"]


def soup_of(site: Path, address: str) -> BeautifulSoup:
    path = site / address if address.endswith(".html") else site / address / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> BeautifulSoup:
    return soup.select_one("article.md-content__inner")


def resolve(here: str, href: str) -> str:
    """The site address (``spanningen/x/``) of a relative link on page ``here``."""
    stack: list[str] = []
    for part in (here + href.split("#")[0]).split("/"):
        if part == "..":
            stack.pop()
        elif part not in ("", "."):
            stack.append(part)
    return "/".join(stack) + "/" if stack else ""


# --- the home page --------------------------------------------------------------


def test_home_counts_the_dilemmas_on_each_side_of_the_triangle(built_site: Path) -> None:
    home = article(soup_of(built_site, ""))
    section = home.select_one("section.gids-home-triangle")
    assert section.select_one("figure.gids-triangle svg"), "the triangle itself"
    sides = section.select("li.gids-home-side")
    assert [side["data-tension"] for side in sides] == TENSION_IDS
    for side in sides:
        tension = side["data-tension"]
        expected = sum(tension in d["tensions"] for d in DILEMMAS.values())
        assert expected > 1
        assert side.select_one(".gids-home-side__count").get_text(strip=True) == f"{expected} dilemma's"
        assert resolve("", side.select_one("a.gids-home-side__title")["href"]) == f"spanningen/{tension}/"
        title = front_matter(ROOT / "docs" / "spanningen" / f"{tension}.md")["title"]
        assert side.select_one("a.gids-home-side__title").get_text(strip=True) == title
    facts = home.select_one(".gids-home-facts").get_text(" ", strip=True)
    assert f"{len(PRINCIPLES)} principes" in facts and f"{len(DILEMMAS)} dilemma's" in facts


def test_home_begins_with_a_short_introduction(built_site: Path) -> None:
    home = article(soup_of(built_site, ""))
    assert home.h1.get_text(strip=True).removesuffix("¶") == "Gids Ambtelijk vakmanschap"
    # Before the triangle: the title and at most a few short paragraphs.
    intro = []
    for element in home.children:
        if getattr(element, "name", None) == "section":
            break
        if getattr(element, "name", None) == "p":
            intro.append(element.get_text(" ", strip=True))
    assert 1 <= len(intro) <= 4
    assert sum(len(text.split()) for text in intro) < 120


def test_home_offers_three_routes(built_site: Path) -> None:
    routes = article(soup_of(built_site, "")).select("section.gids-home-routes li.gids-route")
    titles = [route.select_one(".gids-route__title").get_text(strip=True) for route in routes]
    assert titles == ["Lezen en nadenken", "Een gesprek of training begeleiden", "Bijdragen"]
    targets = [resolve("", route.select_one(".gids-route__title a")["href"]) for route in routes]
    assert targets == ["spanningen/", "sessie/", "bijdragen/"]
    # The trainer's route leads to the tips further down the home page.
    tips = routes[1].find("a", string="Tips voor gespreksleiders")
    assert tips["href"] == "#trainers"
    assert article(soup_of(built_site, "")).find(id="trainers").name == "h2"


def test_home_shows_the_first_dilemma_of_the_first_tension_as_an_example(built_site: Path) -> None:
    first_tension = TENSION_IDS[0]
    candidates = [d for d in DILEMMAS.values() if first_tension in d["tensions"]]
    expected_id = min(
        (i for i, d in DILEMMAS.items() if first_tension in d["tensions"]), key=lambda i: DILEMMAS[i]["title"].casefold()
    )
    assert candidates
    example = article(soup_of(built_site, "")).select_one("section.gids-home-example")
    assert example.select_one(".gids-home-example__title").get_text(strip=True) == DILEMMAS[expected_id]["title"]
    assert DILEMMAS[expected_id]["description"] in example.get_text(" ", strip=True)
    link = example.select_one("a.gids-home-example__link")
    assert resolve("", link["href"]) == f"dilemmas/{expected_id}/"


def test_editing_is_the_last_thing_on_the_home_page(built_site: Path) -> None:
    home = article(soup_of(built_site, ""))
    links = home.find_all("a", href=True)
    edit = home.select_one("a.gids-edit")
    assert edit is not None and edit.get_text(strip=True) == "Verbeter deze pagina"
    assert links[-1] is edit
    # Nothing before the title.
    assert home.find(True) is home.h1


# --- the 404 page -----------------------------------------------------------------


def test_the_404_page_is_dutch_and_leads_somewhere(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "nl"
    assert soup.title.get_text(strip=True).startswith("Pagina niet gevonden")
    body = article(soup)
    assert body.h1.get_text(strip=True) == "Pagina niet gevonden"
    assert "Not found" not in html and "404 -" not in html
    # Search: a form to the search page where the build has one, or the hint.
    form = body.find("form", attrs={"role": "search"})
    if form is not None:
        assert form["action"] == "/zoeken/" and form.find("input", attrs={"name": "q"})
        assert form.find("label").get_text(strip=True) == "Zoek in de gids"
    else:
        assert "zoekveld" in body.get_text()
    # The routes, linked from the root: the page is served at any depth.
    hrefs = [a["href"] for a in body.select(".gids-route__title a")]
    assert hrefs == ["/spanningen/", "/sessie/", "/bijdragen/"]
    assert body.find("a", string="Naar de startpagina")["href"] == "/"
    assert len(re.findall(r'http-equiv="Content-Security-Policy"', html)) == 1


# --- the footer -------------------------------------------------------------------


FOOTER_PAGES = ["", "dilemmas/op-tijd-opschalen/", "principes/loyale-tegenspraak/", "spanningen/", "versies/", "404.html"]


@pytest.mark.parametrize("address", FOOTER_PAGES, ids=lambda a: a or "home")
def test_the_footer_names_publisher_redactie_licence_and_version(built_site: Path, address: str) -> None:
    soup = soup_of(built_site, address)
    footer = soup.select_one("footer.md-footer")
    text = footer.get_text(" ", strip=True)
    assert "Made with" not in text and "Material for MkDocs" not in text
    publisher = footer.select_one(".gids-colophon__publisher a")
    assert publisher.get_text(strip=True) == EXTRA["publisher"]["name"]
    assert publisher["href"] == EXTRA["publisher"]["url"]
    contact = footer.select_one(".gids-colophon__contact a")
    assert contact["href"] == f"mailto:{EXTRA['redactie']['email']}"
    assert contact.get_text(strip=True) == EXTRA["redactie"]["email"]
    licence = footer.select_one(".md-copyright__highlight a")
    assert licence.get_text(strip=True) == "CC BY 4.0"
    assert licence["href"].startswith("https://creativecommons.org/licenses/by/4.0/")
    version = footer.select_one(".gids-colophon__version")
    newest = RELEASES[0]
    assert version.a.get_text(strip=True) == f"Versie {newest['version']}"
    anchor = "versie-" + str(newest["version"]).replace(".", "-")
    # The 404 page links from the site's root, at whatever depth it is served.
    assert version.a["href"].endswith(f"versies/#{anchor}")


def test_the_footer_keeps_materials_copyright_structure() -> None:
    """overrides/partials/copyright.html is Material's, with the credit
    replaced: Material's markup up to the credit is there as it is, so that
    an upgrade that changes it is noticed here."""
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.origin is not None
    material = (Path(spec.origin).parent / "templates" / "partials" / "copyright.html").read_text(encoding="utf-8")
    material = material[material.index("-#}\n") + 4 :]
    kept, credit = material.split("  {% if not config.extra.generator == false %}\n", 1)
    assert "Made with" in credit, "Material's copyright partial changed: look at overrides/partials/copyright.html again"
    ours = (ROOT / "overrides" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert kept in ours
    assert "Made with\n" not in ours and "squidfunk" not in ours


# --- "Reageer op deze pagina" ------------------------------------------------------


def react_link(site: Path, address: str) -> str | None:
    link = article(soup_of(site, address)).select_one("a.gids-react__link")
    if link is None:
        return None
    assert link.get_text(strip=True) == "Reageer op deze pagina"
    return link["href"]


ITEMS = [(f"dilemmas/{i}/", d["title"]) for i, d in DILEMMAS.items()] + [
    (f"principes/{i}/", p["title"]) for i, p in PRINCIPLES.items()
]


@pytest.mark.parametrize("address, title", ITEMS, ids=[a for a, _ in ITEMS])
def test_every_item_has_a_message_to_the_redactie_with_its_title_and_address(
    built_site: Path, address: str, title: str
) -> None:
    href = react_link(built_site, address)
    assert href is not None
    url = urlsplit(href)
    assert url.scheme == "mailto" and url.path == EXTRA["redactie"]["email"]
    # Each value is percent-encoded: no space, no second "?" or "#", and no
    # "&" but the one between the two fields.
    assert " " not in href and "#" not in href and url.query.count("&") == 1 and "?" not in url.query
    assert re.fullmatch(r"subject=[^&=]*&body=[^&=]*", url.query)
    fields = {key: unquote(value) for key, value in (part.split("=", 1) for part in url.query.split("&"))}
    assert fields["subject"] == f"Reactie op: {title}"
    permalink = PERMALINK_BASE + address
    assert fields["body"] == f"Over de pagina: {title}\r\n{permalink}\r\n\r\nMijn reactie:\r\n"
    assert "http%3A//127.0.0.1%3A8000/" + address in url.query


@pytest.mark.parametrize("address", ["", "spanningen/", "spanningen/professie-politiek/", "dilemmas/", "bijdragen/"])
def test_other_pages_have_no_react_link(built_site: Path, address: str) -> None:
    assert react_link(built_site, address) is None


@pytest.mark.parametrize(
    "repository, path, title_key, body_key",
    [
        ("https://gitlab.com/voorbeeld/gids", "/voorbeeld/gids/-/issues/new", "issue[title]", "issue[description]"),
        ("https://github.com/voorbeeld/gids", "/voorbeeld/gids/issues/new", "title", "body"),
    ],
    ids=["gitlab", "github"],
)
def test_reacting_can_open_an_issue_on_the_forge_instead(
    tmp_path: Path, repository: str, path: str, title_key: str, body_key: str
) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, GIDS_REACT="issue", GIDS_REPOSITORY_URL=repository)
    assert result.returncode == 0, result.stdout + result.stderr
    dilemma_id = "op-tijd-opschalen"
    url = urlsplit(react_link(site, f"dilemmas/{dilemma_id}/"))
    assert f"{url.scheme}://{url.netloc}" == repository.removesuffix("/voorbeeld/gids")
    assert url.path == path
    query = parse_qs(url.query)
    title = DILEMMAS[dilemma_id]["title"]
    assert query[title_key] == [f"Reactie op: {title}"]
    assert PERMALINK_BASE + f"dilemmas/{dilemma_id}/" in query[body_key][0]


# --- redirect pages ----------------------------------------------------------------


def test_the_page_at_an_old_address_is_dutch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "gids")
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    text = dilemma.read_text(encoding="utf-8")
    dilemma.write_text(text.replace("\ntitle:", "\naliases: [oude-naam]\ntitle:", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "dilemmas" / "oude-naam" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "nl"
    assert "Redirecting" not in html
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=../op-tijd-opschalen/"
    paragraph = soup.find("p")
    title = DILEMMAS["op-tijd-opschalen"]["title"]
    assert paragraph.get_text(" ", strip=True) == f"Deze pagina is verhuisd naar {title}"
    assert paragraph.a["href"] == "../op-tijd-opschalen/"
    assert len(re.findall(r'http-equiv="Content-Security-Policy"', html)) == 1
