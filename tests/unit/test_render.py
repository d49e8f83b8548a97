"""The safety check renders bodies exactly as the site does: the settings it
reads from mkdocs.yml are those MkDocs itself builds with, and its HTML is the
HTML MkDocs makes of the same body."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from gids import render
from tests.helpers import ROOT

BODY = (
    "## Situatie\n\n!!! note \"Let op\"\n    Een *opmerking*.\n\n| a | b |\n| :-: | --: |\n| 1 | 2 |\n\n"
    "Term\n:   Uitleg.\n\n```python\nx = 1\n```\n\n[r]: https://example.org\n\n[link][r] en `code`.\n"
)


@pytest.fixture(scope="module")
def mkdocs_config():  # -> MkDocsConfig
    return load_config(str(ROOT / "mkdocs.yml"))


def test_settings_from_the_file_are_the_engines(mkdocs_config) -> None:
    from_file = render.Settings.from_config_file(ROOT / "mkdocs.yml")
    from_engine = render.Settings.from_engine(mkdocs_config.markdown_extensions, mkdocs_config.mdx_configs)
    assert from_file == from_engine


def test_the_check_renders_what_mkdocs_renders(mkdocs_config) -> None:
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    page = Page(None, File("x.md", str(ROOT / "docs"), "/tmp/site", use_directory_urls=True), mkdocs_config)
    page.markdown = BODY
    page.render(mkdocs_config, files=None)  # type: ignore[arg-type]
    ours = render.Renderer(render.Settings.from_config_file(ROOT / "mkdocs.yml"))(BODY)
    assert ours == page.content


def test_an_unreadable_configuration_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("markdown_extensions: [\n", encoding="utf-8")
    with pytest.raises(render.ConfigError, match="mkdocs.yml kan niet worden gelezen"):
        render.Settings.from_config_file(tmp_path / "mkdocs.yml")


@pytest.mark.parametrize(
    "text, says",
    [
        ("markdown_extensions: 5\n", "markdown_extensions moet een lijst van extensies zijn"),
        ("markdown_extensions: [{a: 1, b: 2}]\n", "is geen extensie"),
        ("markdown_extensions: [toc: 5]\n", "is geen extensie"),
        ("markdown_extensions: [bestaat.niet]\n", "een markdown-extensie kan niet worden geladen"),
        ("markdown_extensions: [{toc: {bestaat: 1}}]\n", "een markdown-extensie kan niet worden geladen"),
        ("x: !!python/name:bestaat.niet\n", "kan niet worden gelezen"),
    ],
)
def test_a_broken_markdown_setting_is_one_sentence(tmp_path: Path, text: str, says: str) -> None:
    from gids import load_guide

    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    guide, problems = load_guide(tmp_path)
    assert guide is None
    assert [(p.path, p.code) for p in problems] == [("mkdocs.yml", "instellingen-onleesbaar")]
    assert says in problems[0].message


def test_a_missing_configuration_is_named_in_dutch(tmp_path: Path) -> None:
    from gids import load_guide

    _, problems = load_guide(tmp_path / "elders")
    assert [p.code for p in problems] == ["instellingen-onleesbaar"]
    assert "het bestand ontbreekt in" in problems[0].message and "Errno" not in problems[0].message
