"""MkDocs hooks: translate MkDocs events into calls on the ``gids`` core.

Nothing here knows the content contract: it loads the guide through the core,
adds its items as pages, and hands the guide to the templates in
``overrides/gids/``. Replacing MkDocs means rewriting only this file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# The hook's folder is on sys.path only while MkDocs first runs this file, so
# the core is imported here, at the top, and not inside the event functions.
import gids
from gids import contributor_docs

log = logging.getLogger("mkdocs.hooks.gids")

TEMPLATES = {
    "principle": "gids/principle.html",
    "dilemma": "gids/dilemma.html",
    "tension": "gids/tension.html",
    "triangle": "gids/triangle.html",
    "principle-list": "gids/principle-list.html",
    "dilemma-list": "gids/dilemma-list.html",
}


class _Build:
    """What one build knows; MkDocs re-runs this file for every config load."""

    root: Path
    guide: gids.Guide


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build.root = Path(config.config_file_path).resolve().parent
    return config


# Runs before MkDocs empties the output folder (that happens right after
# on_pre_build), so a content error leaves the last good site untouched.
def on_pre_build(config: MkDocsConfig) -> None:
    guide, problems = gids.load_guide(_build.root, Path(config.docs_dir))
    if problems:
        raise PluginError(gids.report(problems))
    assert guide is not None
    _build.guide = guide


# Before plugins (default priority 0): plugins that take stock of the pages in
# on_files, such as mkdocs-redirects, must see the principles and dilemmas.
@event_priority(50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    guide = _build.guide
    for item in [*guide.principles.values(), *guide.dilemmas.values()]:
        files.append(
            File(
                item.path,
                src_dir=str(_build.root),
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
                dest_uri=_dest_uri(item.url, config.use_directory_urls),
                # Reached from the list pages, not the navigation: a navigation
                # listing every item makes the build grow quadratically.
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    return files


def _dest_uri(url: str, use_directory_urls: bool) -> str:
    return f"{url}index.html" if use_directory_urls else f"{url.rstrip('/')}.html"


def _source_path(page: Page) -> str:
    abs_path = page.file.abs_src_path
    if abs_path is None:
        return page.file.src_uri
    return Path(abs_path).resolve().relative_to(_build.root).as_posix()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = _source_path(page)
    kind = _build.guide.page_kind(path)
    if kind is not None:
        # MkDocs picks the template before on_page_context, so it is set here.
        page.meta["template"] = TEMPLATES[kind]
    item = _build.guide.by_path(path)
    if isinstance(item, (gids.Principle, gids.Dilemma)):
        # The description opens the page as its lead; being part of the
        # markdown, it is also in the search index.
        return f"{item.description}\n{{: .gids-lead }}\n\n{markdown}"
    try:
        return contributor_docs.expand_markers(markdown)
    except contributor_docs.UnknownMarker as error:
        raise PluginError(f"{page.file.src_uri}: onbekende markering {error}") from None


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["gids"] = _build.guide
    context["item"] = _build.guide.by_path(_source_path(page))
    return context
