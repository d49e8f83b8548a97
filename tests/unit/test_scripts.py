"""The site's scripts (docs/javascripts/gids/): small files, one feature each,
on the namespace window.gids, loaded in order by mkdocs.yml; and what the
schema knows (section anchors, domains, tensions) is never written in them,
but read from /gids.json, /gids.schema.json or the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from gids import schema
from tests.helpers import ROOT

SCRIPTS = ROOT / "docs" / "javascripts"
FOLDER = SCRIPTS / "gids"
FEATURES = ("core.js", "copy-link.js", "filters.js", "deck.js", "session.js")
MAX_LINES = 200


def scripts() -> list[Path]:
    return sorted(SCRIPTS.rglob("*.js"))


def string_literals(source: str) -> list[str]:
    """The '...' and "..." literals of a script, comments skipped. (Enough for
    these files: their regular expressions hold no quotes.)"""
    found: list[str] = []
    i, n = 0, len(source)
    while i < n:
        two = source[i : i + 2]
        if two == "//":
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif two == "/*":
            end = source.find("*/", i + 2)
            assert end >= 0, "unclosed comment"
            i = end + 2
        elif source[i] == "`":
            raise AssertionError("template literals are not used in these scripts")
        elif source[i] in "'\"":
            quote, j, text = source[i], i + 1, []
            while source[j] != quote:
                assert source[j] != "\n", f"unclosed string at {i}"
                if source[j] == "\\":
                    j += 1
                text.append(source[j])
                j += 1
            found.append("".join(text))
            i = j + 1
        else:
            i += 1
    return found


def test_the_string_reader_skips_comments() -> None:
    source = """// it's a comment\n/* "not this" */ var a = "one", b = 'two\\'s'; // "nor this"\n"""
    assert string_literals(source) == ["one", "two's"]


@pytest.mark.parametrize("name", FEATURES)
def test_each_feature_has_its_file(name: str) -> None:
    assert (FOLDER / name).is_file()


def test_the_single_script_is_gone() -> None:
    assert not (SCRIPTS / "gids.js").exists()


@pytest.mark.parametrize("path", scripts(), ids=lambda p: p.name)
def test_each_script_is_small_and_registers_on_the_namespace(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) < MAX_LINES, f"{path.name}: split it"
    # A classic script (no import/export, so it runs from file://), its own
    # scope, nothing that the Content-Security-Policy forbids.
    body = source.split("*/", 1)[1].strip() if source.startswith("/*") else source.strip()
    assert body.startswith('(function () {\n  "use strict";'), path.name
    assert body.endswith("})();"), path.name
    assert "window.gids" in source
    assert not re.search(r"^\s*(import|export)\b", source, re.MULTILINE)
    assert not re.search(r"\beval\s*\(|\bnew Function\b|\.innerHTML\b|setTimeout\(\s*['\"]", source)


#: Scripts one page loads itself, after the others: the search page's
#: (with Pagefind's, which no other page loads).
PAGE_SCRIPTS = {"javascripts/gids/search.js": "overrides/gids/search.html"}


def declared(kind: str) -> dict[str, list[str]]:
    """``gids_features`` or ``gids_sheets`` of each page template."""
    found = {}
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        match = re.search(r"\{%-? set " + kind + r" = \[([^\]]*)\]", template.read_text(encoding="utf-8"))
        if match:
            found[template.relative_to(ROOT).as_posix()] = re.findall(r'"([^"]+)"', match.group(1))
    return found


def test_every_page_loads_core_first_and_the_features_its_template_names() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    # core.js with every page; the others where a template names them.
    assert config["extra_javascript"] == ["javascripts/gids/core.js"]
    features = declared("gids_features")
    assert {"overrides/gids/dilemma.html", "overrides/gids/tension.html", "overrides/gids/session.html"} <= set(features)
    named = {name for names in features.values() for name in names}
    every = {p.relative_to(FOLDER).as_posix().removesuffix(".js") for p in FOLDER.glob("*.js")}
    page_scripts = {Path(name).stem for name in PAGE_SCRIPTS}
    assert named <= every, named - every
    assert every - named - page_scripts == {"core"}, "a script no page loads"
    for name, template in PAGE_SCRIPTS.items():
        assert f"'{name}' | url" in (ROOT / template).read_text(encoding="utf-8")
    # The parts of the session page add to what session.js makes.
    session = features["overrides/gids/session.html"]
    assert session.index("session") < session.index("session-picker") < session.index("session-cards")
    sheets = {name for names in declared("gids_sheets").values() for name in names}
    assert sheets and all((ROOT / "docs" / "stylesheets" / f"{name}.css").is_file() for name in sheets)


def schema_words() -> set[str]:
    return {s.anchor for s in schema.SECTIONS} | set(schema.DOMAINS) | set(schema.TENSION_IDS)


def test_the_schema_is_read_not_written_in_the_scripts() -> None:
    words = schema_words()
    assert {"situatie", "uitvoering", "professie-politiek"} <= words
    # As a literal of its own, or as part of an address ("?spanning=", "#situatie").
    in_address = re.compile(r"(?:^|[?&#/=])(" + "|".join(map(re.escape, sorted(words))) + r")(?:$|[?&#/=])")
    for path in scripts():
        for literal in string_literals(path.read_text(encoding="utf-8")):
            assert literal not in words, f"{path.name}: {literal!r} is the schema's; read it from the data"
            assert not in_address.search(literal), f"{path.name}: {literal!r} names the schema's {in_address.search(literal).group(1)!r}"
