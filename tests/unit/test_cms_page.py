"""The page /bewerken/ (gids/cms_page.py): standalone, with its own policy,
and in Dutch where the form cannot run."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from gids import cms, cms_page, csp

EXTRA = {"repository": {"url": "https://gitlab.com/redactie/gids"}, "cms": {"app_id": "abc"}}
SITE = "https://gids.example.org/"


@pytest.fixture
def editor(tmp_path: Path) -> cms.Editor:
    redactie = tmp_path / "docs" / cms_page.REDACTIE
    redactie.parent.mkdir(parents=True)
    redactie.write_text(f"# Voor de redactie\n\n{cms_page.REDACTIE_SECTION}\n\nZo.\n", encoding="utf-8")
    return cms.Editor.from_extra(EXTRA, SITE, tmp_path)


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def policy_of(html: str) -> dict[str, list[str]]:
    content = parse(html).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    return {name: values for name, *values in (d.split() for d in content.split("; "))}


@pytest.mark.parametrize("state", ["ready", "unconfigured", "missing", "elsewhere"])
def test_every_state_is_a_dutch_page_with_its_policy_first(editor: cms.Editor, state: str) -> None:
    html = cms_page.page(editor, state, directory_urls=True, with_policy=True)
    assert re.match(r'<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" ', html)
    soup = parse(html)
    heading, _ = cms_page.TEXTS[state]
    assert soup.h1.get_text() == heading and heading in soup.title.get_text()
    assert soup.find("a", href="../").get_text() == "Gids Ambtelijk vakmanschap"
    scripts = [s["src"] for s in soup.find_all("script", src=True)]
    if state in ("ready", "unconfigured"):
        # bewerken.js first: it holds Decap back until it has added its part.
        assert scripts == ["bewerken.js", "decap-cms.js"]
        assert all(s.has_attr("defer") for s in soup.find_all("script", src=True))
        assert soup.noscript and "JavaScript" in soup.noscript.get_text()
        data = soup.find("script", id="gids-cms")
        assert data["type"] == "application/json" and json.loads(data.string) == editor.script_settings()
    else:
        assert scripts == [] and soup.noscript is None
        text = soup.main.get_text(" ")
        assert "Met dit formulier" in text and "Bijdragen" in text
        assert soup.find("a", href="../bijdragen/") is not None


def test_the_pages_say_why_and_where_to_go(editor: cms.Editor) -> None:
    unconfigured = parse(cms_page.page(editor, "unconfigured", True, True))
    assert unconfigured.find("a", href="../bijdragen/redactie/#het-formulier-instellen").get_text() == "Voor de redactie"
    missing = parse(cms_page.page(editor, "missing", True, True)).main.get_text(" ")
    assert "make decap-cms" in missing and "redactie" in missing
    elsewhere = parse(cms_page.page(editor, "elsewhere", True, True))
    assert elsewhere.find("a", href=SITE + "bewerken/") is not None


def test_without_the_redactie_page_it_points_to_bijdragen(tmp_path: Path) -> None:
    editor = cms.Editor.from_extra(EXTRA, SITE, tmp_path)
    html = cms_page.page(editor, "unconfigured", True, True)
    assert parse(html).find("a", string="Voor de redactie")["href"] == "../bijdragen/"


def test_links_follow_the_address_style_of_the_build(editor: cms.Editor) -> None:
    soup = parse(cms_page.page(editor, "unconfigured", directory_urls=False, with_policy=False))
    assert {a["href"] for a in soup.find_all("a")} == {
        "../index.html",
        "../bijdragen/index.html",
        "../bijdragen/redactie.html#het-formulier-instellen",
    }
    # mkdocs serve and the offline copy: no policy (as on every page there).
    assert soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is None


def test_the_form_may_reach_its_gitlab_and_the_local_backend_only(editor: cms.Editor) -> None:
    policy = policy_of(cms_page.page(editor, "ready", True, True))
    # Decap's configuration check (ajv) compiles functions; inline scripts still never run.
    assert policy["script-src"] == ["'self'", "'unsafe-eval'"]
    assert policy["connect-src"] == ["'self'", "https://gitlab.com", "http://127.0.0.1:8081", "http://localhost:8081"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert "https://gitlab.com" in policy["img-src"]


def test_without_the_form_the_page_allows_its_stylesheet_and_icon_only(editor: cms.Editor) -> None:
    policy = policy_of(cms_page.page(editor, "missing", True, True))
    assert policy == {
        "default-src": ["'none'"],
        "style-src": [csp.script_hash(cms_page.STYLE)],
        "img-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }


def test_the_settings_cannot_end_their_block(tmp_path: Path) -> None:
    editor = SimpleNamespace(
        root=tmp_path, site_url=SITE, gitlab_url="https://gitlab.com", local_port=8081, site_name="Gids",
        script_settings=lambda: {"tekst": "</script><b>"},
    )  # fmt: skip
    html = cms_page.page(editor, "ready", True, True)
    assert "</script><b>" not in html
    assert json.loads(parse(html).find("script", id="gids-cms").string) == {"tekst": "</script><b>"}


def test_the_guide_is_named_as_mkdocs_yml_names_it(tmp_path: Path) -> None:
    editor = cms.Editor.from_extra(EXTRA, SITE, tmp_path, site_name="Gids <Proef> & co")
    soup = parse(cms_page.page(editor, "ready", directory_urls=True, with_policy=False))
    assert soup.title.get_text().endswith(" · Gids <Proef> & co")
    assert soup.find("a", href="../").get_text() == "Gids <Proef> & co"
    assert "<Proef>" not in str(soup.title).replace("&lt;Proef&gt;", "")
    settings = json.loads(soup.find("script", id="gids-cms").string)
    assert settings["title"] == "De gids bewerken · Gids <Proef> & co"
