"""The Dutch page at an earlier address (gids/redirect_page.py): made from
the page mkdocs-redirects writes, leading to the same address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs_redirects.plugin import HTML_TEMPLATE

from gids import csp, redirect_page


def plugin_page(target: str) -> str:
    """A redirect page exactly as mkdocs-redirects writes it."""
    return HTML_TEMPLATE.format(url=target)


# (what mkdocs-redirects wrote as the target, the title of the page it leads
# to, what the reader sees as the link)
CASES = [
    ("../nieuwe-naam/", "Op tijd opschalen", "Op tijd opschalen"),
    ("nieuwe-naam.html", "Op tijd opschalen", "Op tijd opschalen"),
    ("../nieuwe-naam/#gespreksvragen", None, "../nieuwe-naam/#gespreksvragen"),
    ("../../principes/loyale-tegenspraak/", "Loyale tegenspraak & <vertrouwen>", "Loyale tegenspraak & <vertrouwen>"),
    ("https://example.org/gids/dilemmas/x/", None, "https://example.org/gids/dilemmas/x/"),
]


@pytest.mark.parametrize("target, title, shown", CASES)
def test_the_page_is_dutch_and_leads_where_the_plugin_pointed(target: str, title: str | None, shown: str) -> None:
    original = plugin_page(target)
    assert redirect_page.target_of(original) == target
    page = redirect_page.translate(original, title)
    assert page is not None
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "nl"
    assert soup.title.get_text() == "Deze pagina is verhuisd - Gids Ambtelijk vakmanschap"
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url={target}"
    assert soup.find("link", rel="canonical")["href"] == target
    paragraph = soup.find("p")
    assert paragraph.get_text(" ", strip=True) == f"Deze pagina is verhuisd naar {shown}"
    assert paragraph.a["href"] == target
    assert redirect_page.target_of(page) == target
    assert "Redirecting" not in page and "redirected" not in page


def test_the_script_keeps_the_anchor_and_cannot_be_broken_out_of() -> None:
    page = redirect_page.dutch_page('../x/</script><script>alert(1)//"')
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 1
    assert "window.location.hash" in scripts[0]
    assert "</" not in scripts[0]
    assert "\\u003c/script>" in scripts[0]


def test_with_its_policy_the_one_script_is_allowed_by_its_hash() -> None:
    page = redirect_page.dutch_page("../x/", "X", with_policy=True)
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    assert csp.script_hash(script) in policy
    assert page.index("Content-Security-Policy") < page.index("<script>")


def test_a_page_that_is_no_redirect_is_left_alone() -> None:
    assert redirect_page.translate('<!doctype html><html lang="nl"><title>Een dilemma</title><p>Tekst</p>') is None


def test_rewrite_replaces_the_plugins_pages_in_place(tmp_path: Path) -> None:
    (tmp_path / "dilemmas" / "oud").mkdir(parents=True)
    (tmp_path / "dilemmas" / "echt").mkdir(parents=True)
    (tmp_path / "dilemmas" / "oud" / "index.html").write_text(plugin_page("../nieuw/"), encoding="utf-8")
    real = '<!doctype html><html lang="nl"><head><title>Echt</title></head></html>'
    (tmp_path / "dilemmas" / "echt" / "index.html").write_text(real, encoding="utf-8")
    pages = {
        "dilemmas/oud/index.html": "Nieuw dilemma",
        "dilemmas/echt/index.html": None,  # a page of the guide, not a redirect
        "dilemmas/weg/index.html": None,  # not written
    }
    rewritten = redirect_page.rewrite(tmp_path, pages, site_name="Proefgids", with_policy=True)
    assert rewritten == ["dilemmas/oud/index.html"]
    page = (tmp_path / "dilemmas" / "oud" / "index.html").read_text(encoding="utf-8")
    assert "<title>Deze pagina is verhuisd - Proefgids</title>" in page
    assert 'Deze pagina is verhuisd naar <a href="../nieuw/">Nieuw dilemma</a></p>' in page
    assert (tmp_path / "dilemmas" / "echt" / "index.html").read_text(encoding="utf-8") == real
    # A second call changes nothing (the policy is not added twice).
    assert redirect_page.rewrite(tmp_path, pages, site_name="Proefgids", with_policy=True) == []
    assert page.count("Content-Security-Policy") == 1
