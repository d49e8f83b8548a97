"""What the build gives the scripts in the browser: the settings block of
every page, and the offline zip's data script (gids/browser_data.py)."""

from __future__ import annotations

import json

from gids import browser_data


def test_with_directory_addresses_no_pages_are_listed() -> None:
    built = {"": "", "dilemmas/": "dilemmas/", "dilemmas/x/": "dilemmas/x/", "sessie/": "sessie/"}
    assert browser_data.settings("https://gids.example/", built, directory_urls=True, offline=False) == {
        "published": "https://gids.example/",
        "pages": None,
        "offline": False,
    }


def test_with_pages_as_files_only_those_the_rule_misses_are_listed() -> None:
    built = {
        "": "index.html",
        "dilemmas/": "dilemmas/index.html",
        "dilemmas/x/": "dilemmas/x.html",
        "sessie/": "sessie.html",
        "spanningen/professie-politiek/": "spanningen/professie-politiek.html",
    }
    found = browser_data.settings("https://gids.example/", built, directory_urls=False, offline=True)
    # "dilemmas/x/" -> "dilemmas/x.html" is the scripts' own rule (core.js, gids.built).
    assert found["pages"] == {"": "index.html", "dilemmas/": "dilemmas/index.html"}
    assert found["offline"] is True


def test_the_card_is_cut_from_the_page_as_written() -> None:
    page = (
        '<html><body><article class="md-content__inner"><nav>kruimelpad</nav>'
        '<div class="gids-dilemma" data-gids-id="op-tijd" data-gids-permalink="https://g/dilemmas/op-tijd/">'
        '<h1 class="gids-dilemma__title">Op tijd?</h1><section class="gids-section">x &amp; y</section></div>'
        "<section class=\"gids-related\">verder</section></article></body></html>"
    )
    found = browser_data.card_html(page)
    assert found is not None
    identifier, html = found
    assert identifier == "op-tijd"
    assert html.startswith('<div class="gids-dilemma"') and html.endswith("</div>")
    assert "x &amp; y" in html and "kruimelpad" not in html and "verder" not in html
    assert browser_data.card_html("<html><body><article><p>geen dilemma</p></article></body></html>") is None


def test_the_offline_script_holds_the_data_and_cannot_end_a_script_element() -> None:
    cards = {"a": '<div class="gids-dilemma"></script><script>alert(1)</script></div>'}
    files = {"gids.json": json.dumps({"name": "Gids", "dilemmas": [{"title": "</script>\u2028"}]})}
    script = browser_data.offline_script(files, cards)
    assert script.count("\n") == 2 and script.startswith("/*") and "window.gidsOffline = " in script
    assert "<" not in script.split("\n", 1)[1]
    data = json.loads(script.split("window.gidsOffline = ", 1)[1].rstrip(";\n"))
    assert data["cards"] == cards
    assert data["files"]["gids.json"]["dilemmas"][0]["title"] == "</script>\u2028"


def test_the_readme_names_the_version_and_the_online_guide() -> None:
    text = browser_data.readme("Gids Ambtelijk vakmanschap", "1.1", "3 december 2026", "https://gids.example/")
    assert "Dit is versie 1.1 van 3 december 2026." in text
    assert "staat online op https://gids.example/" in text
    unreleased = browser_data.readme("Gids", None, "", "")
    assert "nog niet is uitgebracht" in unreleased and "online" not in unreleased
