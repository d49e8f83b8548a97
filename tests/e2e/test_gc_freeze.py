"""The hooks freeze the build's long-lived objects for Python's cycle
collector (mkdocs_adapter.on_nav) and thaw them when the build ends, also
when it fails: mkdocs serve rebuilds in one process, and must free a
previous build's objects."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from jinja2.exceptions import UndefinedError
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import copy_project


def _build(project: Path, site: Path) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_builds_in_one_process_leave_nothing_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("DISABLE_MKDOCS_2_WARNING", "true")
    assert gc.get_freeze_count() == 0

    _build(project, tmp_path / "site")
    assert (tmp_path / "site" / "dilemmas" / "index.html").is_file()
    assert gc.get_freeze_count() == 0

    # A build that fails after the navigation was made (a template error) thaws too.
    (project / "overrides" / "gids" / "dilemma.html").write_text(
        "{% extends 'main.html' %}{% block content %}{{ nothing.at.all() }}{% endblock %}"
    )
    with pytest.raises(UndefinedError):
        _build(project, tmp_path / "site-2")
    assert gc.get_freeze_count() == 0
