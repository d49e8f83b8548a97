"""The MkDocs adapter's answers to Material's templates: front matter that
Material asks for on every page must give the same HTML as a plain dict."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from jinja2 import Environment, FileSystemLoader

from helpers import ROOT


@pytest.fixture(scope="module")
def adapter():  # -> the module hooks/mkdocs_adapter.py
    spec = importlib.util.spec_from_file_location("gids_mkdocs_adapter", ROOT / "hooks" / "mkdocs_adapter.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_missing_key_reads_as_none_and_a_present_one_as_its_value(adapter) -> None:
    meta = adapter._Meta({"title": "Loyaal tegenspreken", "hide": ["toc"]})
    assert meta == {"title": "Loyaal tegenspreken", "hide": ["toc"]}
    assert meta.title == "Loyaal tegenspreken"
    assert meta.hide == ["toc"]
    assert meta.icon is None
    assert meta.get("icon") is None
    with pytest.raises(KeyError):
        meta["icon"]


@pytest.mark.parametrize(
    "front_matter",
    [
        {"title": "Dilemma's", "description": "Alle dilemma's"},
        {"title": "Met ondertitel", "subtitle": "Een ondertitel"},
        {},
    ],
)
def test_materials_navigation_item_is_the_same_as_with_a_plain_dict(adapter, front_matter: dict) -> None:
    templates = Path(material.__file__).parent / "templates"
    env = Environment(loader=FileSystemLoader(templates))
    render_content = env.get_template("partials/nav-item.html").module.render_content

    def page(meta: dict) -> SimpleNamespace:
        return SimpleNamespace(title="Dilemma's", meta=meta)

    plain = str(render_content(page(dict(front_matter))))
    prepared = page(dict(front_matter))
    adapter._prepare_for_material(prepared)
    assert isinstance(prepared.meta, adapter._Meta)
    assert str(render_content(prepared)) == plain
    assert "Dilemma's" in plain
    assert ("<small>Een ondertitel</small>" in plain) == ("subtitle" in front_matter)
