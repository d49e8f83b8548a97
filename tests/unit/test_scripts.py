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


def test_mkdocs_loads_every_script_core_first() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    listed = config["extra_javascript"]
    assert listed[0] == "javascripts/gids/core.js"
    every = [p.relative_to(ROOT / "docs").as_posix() for p in scripts()]
    assert sorted(listed) == sorted(name for name in every if name not in PAGE_SCRIPTS)
    for name, template in PAGE_SCRIPTS.items():
        assert name in every and f"'{name}' | url" in (ROOT / template).read_text(encoding="utf-8")
    # The parts of the session page add to what session.js makes.
    assert listed.index("javascripts/gids/session.js") < listed.index("javascripts/gids/session-picker.js")
    assert listed.index("javascripts/gids/session.js") < listed.index("javascripts/gids/session-cards.js")


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
