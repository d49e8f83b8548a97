"""MkDocs hooks: translate MkDocs events into calls on the ``gids`` core.

Nothing here knows the content contract: it loads the guide through the core,
adds its items as pages, and hands the guide to the templates in
``overrides/gids/``. Replacing MkDocs means rewriting only this file.
"""

from __future__ import annotations

import contextlib
import functools
import html
import logging
import os
import posixpath
import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from concurrent.futures import Future, ProcessPoolExecutor

from jinja2 import Environment, FileSystemBytecodeCache, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# The core: the package in src/gids, installed by the Makefile's set-up.
import gids
from gids import (
    browser_data,
    cms,
    contributor_docs,
    csp,
    error_page,
    forge,
    gitrepo,
    messages,
    opendata,
    printed,
    qr,
    redirect_page,
    release,
    render,
    schema,
    search,
    second_core,
    site_folder,
)

log = logging.getLogger("mkdocs.hooks.gids")

TEMPLATES = {
    "principle": "gids/principle.html",
    "dilemma": "gids/dilemma.html",
    "tension": "gids/tension.html",
    "triangle": "gids/triangle.html",
    "principle-list": "gids/principle-list.html",
    "dilemma-list": "gids/dilemma-list.html",
    "changelog": "gids/changelog.html",
    "tombstone": "gids/tombstone.html",
    "session": "gids/session.html",
    "booklet": "gids/booklet.html",
}
FEED_TEMPLATE = "gids/feed-atom.html"
SEARCH_TEMPLATE = "gids/search.html"
FEED_PATH = "versies.xml"
# Pages made from the guide's structure rather than written: no edit link.
NOT_EDITABLE = {"principle-list", "dilemma-list", "changelog", "tombstone", "booklet"}
# The list pages offer a way to propose a new item of their kind.
PROPOSE = {"principle-list": ("principe", schema.PRINCIPLES), "dilemma-list": ("dilemma", schema.DILEMMAS)}
# Folders whose files get a "last changed" date from git.
DATED_FOLDERS = ["principles", "dilemmas", "docs"]
# The offline guide's search runs its worker through this shim (from the npm
# package iframe-worker, installed by make offline), served from the site
# itself rather than from the CDN Material's offline plugin would name.
WORKER_SHIM_SOURCE = "node_modules/iframe-worker/shim/index.js"
WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"


class _Build:
    """What one build knows; MkDocs re-runs this file for every config load."""

    root: Path
    guide: gids.Guide
    dates: gitrepo.GitDates
    env: Environment
    #: Tombstone pages, by the source URI of their generated file.
    tombstones: dict[str, gids.Removal]
    #: Whether this is the offline build (Material's offline plugin).
    offline: bool
    #: In the offline build: each dilemma's card as its page was written.
    offline_cards: dict[str, str]
    #: In the builds of gids publish: the HTML of each page's body by its
    #: source path, for the booklet (``None`` otherwise).
    rendered: dict[str, str] | None = None
    repository: forge.Repository
    #: Public address (``dilemmas/x/``) -> the URL MkDocs built the page at
    #: (the same, or ``dilemmas/x.html`` in the offline build).
    built_urls: dict[str, str]
    #: Judges each page's body on the HTML MkDocs rendered for it.
    judge: gids.BodyJudge
    #: What the judge found, reported together before anything is written.
    judged: list[Future[tuple[list[gids.Problem], dict[str, str]]]]
    #: The source paths of the pages the search index is made of.
    indexed: set[str]
    #: The search index being written (``gids/search.py``), if this build makes one.
    indexing: search.Indexing | None = None
    #: Pages rendered, not yet handed to the judge (``second_core.BATCH``).
    waiting: list[second_core.PageToJudge]
    #: The second core's worker (``gids/second_core.py``), if any.
    worker: ProcessPoolExecutor | None = None
    #: QR codes by address, made on the second core.
    qr_codes: list[Future[dict[str, str]]]
    #: The output folder, and the folder beside it the build writes into;
    #: the new site takes the old one's place only when the build succeeded.
    target: Path | None = None
    staging: Path | None = None
    warnings: _Counter | None = None
    held: _HeldWarnings | None = None
    #: The form-based editor /bewerken/ (``gids/cms.py``).
    editor: cms.Editor
    #: While serving: the content problems the browser shows instead of the guide.
    shown: list[gids.Problem] | None = None


class _Counter(logging.Handler):
    """Counts MkDocs' warnings: in strict mode, the build fails after
    on_post_build on any warning, so the new site is not swapped in then."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_PAGE_LINK = re.compile(r"contains a link '([^'#?]*)")


def _about_a_page_link(record: logging.LogRecord) -> bool:
    """Whether MkDocs' warning is about a link to a ``.md`` file: the
    guide's check reports each of those in Dutch (``gids/links.py``)."""
    match = _PAGE_LINK.search(record.getMessage())
    return match is not None and match.group(1).endswith(".md")


class _HeldWarnings(logging.Filter):
    """Holds MkDocs' warnings about the pages' links while the pages are
    rendered. When the guide's own check finds problems, its Dutch report
    names every broken link to a page; MkDocs' English warnings about the
    same links are dropped then, the others let through with the report."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        self.records.append(record)
        return False


_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


_build = _Build()


# Before Material's offline plugin configures itself: it adds the CDN address
# of the worker shim only when no polyfill for it is listed yet.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build.root = Path(config.config_file_path).resolve().parent
    repository = config.extra.get("repository") or {}
    _build.repository = forge.Repository(str(repository.get("url", "")), str(repository.get("branch") or "main"))
    _build.offline = _offline_enabled(config)
    _build.offline_cards = {}
    # Material's version selector reads versions.json, which only the
    # published site with all versions has: gids publish sets
    # GIDS_VERSIONS=true for each of its builds. Elsewhere the selector
    # would only log a failed request on every page.
    if os.environ.get("GIDS_VERSIONS", "").strip().lower() != "true":
        config.extra.pop("version", None)
    if _build.offline:
        if not (_build.root / WORKER_SHIM_SOURCE).is_file():
            raise PluginError(
                f"Voor de offline versie ontbreekt {WORKER_SHIM_SOURCE}. "
                "Installeer het met 'npm ci' (make offline doet dat zelf)."
            )
        config.extra["polyfills"] = [WORKER_SHIM]
        # From a USB stick there is no versions.json to read.
        config.extra.pop("version", None)
    _stage(config)
    return config


def _stage(config: MkDocsConfig) -> None:
    """Build beside the output folder: MkDocs empties its output folder
    before the pages are rendered, and the bodies are judged on what it
    renders. A mistake then leaves the last site as it was."""
    _build.target = _build.staging = None
    _build.warnings = _build.held = _build.worker = _build.shown = None
    if os.environ.get(DIRTY) == "true":
        return  # mkdocs serve --dirty: rebuilds only what changed, in place
    _build.target = Path(config.site_dir)
    _build.staging = site_folder.staging_folder(_build.target)
    config.site_dir = str(_build.staging)
    if config.strict:
        _build.warnings = _Counter()
        logging.getLogger("mkdocs").addHandler(_build.warnings)


def _offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


# Runs before MkDocs empties the output folder (that happens right after
# on_pre_build), so a content error leaves the last good site untouched.
def on_pre_build(config: MkDocsConfig) -> None:
    # A release that was interrupted (make release killed between its
    # files) is put right before the guide is read.
    try:
        recovered = release.recover(_build.root)
    except release.Refused as refusal:
        raise PluginError(str(refusal)) from None
    if recovered:
        log.info(recovered)
    guide, problems, _build.judge = gids.load_for_engine(_build.root, Path(config.docs_dir))
    _build.shown = None
    if problems:
        # The bodies too, rendered as MkDocs would: all mistakes at once.
        markdown = render.Settings.from_engine(config.markdown_extensions, config.mdx_configs)
        _, problems = gids.load_guide(_build.root, Path(config.docs_dir), markdown)
        _stop_on(problems)
        # Serving: nothing of the guide can be drawn; MkDocs renders no page.
        config.nav = None
        config.theme.static_templates.clear()
        return
    _build.judged, _build.waiting = [], []
    try:
        messages.catalogue()  # the Bijdragen page's explanations, edited by the redactie
    except messages.CatalogueError as error:
        raise PluginError(str(error)) from None
    assert guide is not None
    _build.guide = guide
    _build.tombstones = {_tombstone_uri(r): r for r in guide.removals()}
    _build.dates = gitrepo.last_changed(_build.root, DATED_FOLDERS)
    # Reproducible builds: MkDocs dates the sitemap with SOURCE_DATE_EPOCH
    # when set; otherwise with the clock. Without a value of its own, a
    # build takes the time of the newest change in git.
    if "SOURCE_DATE_EPOCH" not in os.environ and _build.dates.latest is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(_build.dates.latest)
    if _build.dates.warning:
        # Info, not a warning: a build without history must still pass in
        # strict mode; it just shows no dates.
        log.info(f"Let op: de pagina's tonen geen datum van laatste wijziging: {_build.dates.warning}.")
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        redirects.config["redirect_maps"] = {
            _page_uri(old): _target_uri(target) for old, target in guide.redirects()
        }


def _stop_on(problems: list[gids.Problem]) -> None:
    """Content problems stop the build with their report. While ``mkdocs
    serve`` runs, they are shown in the browser instead: the build then
    writes the error page as the whole site (``gids/error_page.py``), and
    the server, which waits for ever after a failed build, goes on."""
    report = gids.report(problems)
    if os.environ.get(SERVING) != "true" or _build.staging is None:
        raise PluginError(report)
    # Not through MkDocs' log: in strict mode an error there ends mkdocs serve.
    print(f"{report}\nDe browser toont deze meldingen tot ze zijn opgelost.", file=sys.stderr, flush=True)
    _build.shown = problems


def _permalink(config: MkDocsConfig, address: str) -> str:
    """The absolute address of a public address (``dilemmas/x/#y``), as
    this site is built: in the merge request's preview, whose pages are
    files, the ``.html`` file (a folder address is a 404 there). The offline
    zip's permanent addresses are the online guide's."""
    if not config.use_directory_urls and not _build.offline:
        path, mark, rest = address.partition("#")
        built = _build.built_urls.get(path) or (path[:-1] + ".html" if path.endswith("/") else path)
        address = built + mark + rest
    return (config.site_url or "").rstrip("/") + "/" + address


def _page_uri(address: str) -> str:
    # mkdocs-redirects names pages as markdown paths: principes/x/ is principes/x.md.
    return address.rstrip("/") + ".md"


def _tombstone_uri(removal: gids.Removal) -> str:
    return _page_uri(removal.url)


def _target_uri(target: gids.Principle | gids.Dilemma | gids.Removal) -> str:
    return _tombstone_uri(target) if isinstance(target, gids.Removal) else target.path


# Before plugins (default priority 0): plugins that take stock of the pages in
# on_files, such as mkdocs-redirects, must see the principles and dilemmas.
@event_priority(50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _build.shown is not None:
        return Files([])
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
    for uri in _build.tombstones:
        # The page is drawn by its template; the file only gives it an address.
        files.append(File.generated(config, uri, content="", inclusion=InclusionLevel.NOT_IN_NAV))
    _build.rendered = {} if os.environ.get(BOOKLET, "").strip().lower() == "true" else None
    if _build.rendered is not None:
        content = f"---\ntitle: {printed.BOOKLET_TITLE}\n---\n"
        files.append(File.generated(config, printed.BOOKLET_SOURCE, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    data = opendata.guide_data(guide, config.site_url or "", config.site_name)
    files.append(File.generated(config, opendata.DATA_PATH, content=opendata.dumps(data, readable=False)))
    schema_text = opendata.dumps(opendata.json_schema(config.site_url or ""))
    files.append(File.generated(config, opendata.SCHEMA_PATH, content=schema_text))
    # The form-based editor /bewerken/ (gids/cms.py), with Decap's bundle when fetched (make decap-cms).
    try:
        editor = _build.editor = cms.Editor.from_extra(config.extra, config.site_url or "", _build.root, config.site_name)
    except cms.SettingsError as error:
        raise PluginError(str(error)) from None
    for uri, source in editor.files(guide, config.use_directory_urls, offline=_build.offline, policy=_with_policy()):
        files.append(File.generated(config, uri, **source))
    if _build.offline:
        shim = (_build.root / WORKER_SHIM_SOURCE).read_text(encoding="utf-8")
        files.append(File.generated(config, WORKER_SHIM, content=shim))
    _build.built_urls = {_public_address(f.url): f.url for f in files.documentation_pages()}
    _build.indexed = set(search.page_paths(guide)) if _makes_search_index(config) else set()
    sources = {posixpath.normpath(f.url): f.src_uri for f in files}
    # mkdocs serve has threads: no forked worker there.
    _build.worker = second_core.start(_build.judge, sources, allowed=os.environ.get(SERVING) != "true")
    addresses = [_permalink(config, d.url) for d in guide.dilemmas.values()]
    _build.qr_codes = [
        second_core.run(_build.worker, second_core.qr_codes, addresses[i : i + QR_BATCH])
        for i in range(0, len(addresses), QR_BATCH)
    ]
    return files


# QR codes per task for the worker: a few hundred milliseconds of work each.
QR_BATCH = 200


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> None:
    # The pages are rendered next; see _HeldWarnings.
    _build.held = _HeldWarnings()
    _PAGES_LOG.addFilter(_build.held)


def _public_address(url: str) -> str:
    # "dilemmas/x.html" and "dilemmas/x/" are both the page /dilemmas/x/.
    if url.endswith("index.html"):
        return url.removesuffix("index.html")
    return url.removesuffix(".html") + "/" if url.endswith(".html") else url


def _dest_uri(url: str, use_directory_urls: bool) -> str:
    return f"{url}index.html" if use_directory_urls else f"{url.rstrip('/')}.html"


def _source_path(page: Page) -> str:
    abs_path = page.file.abs_src_path
    if abs_path is None:
        return page.file.src_uri
    return _relative(abs_path, _build.root)


# Several events ask for the same page's path.
@functools.lru_cache(maxsize=None)
def _relative(abs_path: str, root: Path) -> str:
    prefix = os.path.join(root, "")
    if abs_path.startswith(prefix) and ".." not in abs_path:
        # MkDocs gives normalised absolute paths: no file system call needed.
        return abs_path[len(prefix) :].replace(os.sep, "/")
    return Path(abs_path).resolve().relative_to(root).as_posix()


def _kind(page: Page, path: str) -> str | None:
    if page.file.generated_by and page.file.src_uri in _build.tombstones:
        return "tombstone"
    if page.file.generated_by and page.file.src_uri == printed.BOOKLET_SOURCE:
        return "booklet"
    return _build.guide.page_kind(path)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # An item's file was read and its front matter checked by the core, with
    # its limits (no aliases, tags, depth); MkDocs renders the body read
    # then, and the page gets its meta from the guide (on_page_markdown). An
    # empty front matter keeps MkDocs from taking the body's first lines for
    # MultiMarkdown metadata.
    body = _build.judge.body(_source_path(page))
    return None if body is None else f"---\n{{}}\n---\n{body}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = _source_path(page)
    kind = _kind(page, path)
    if kind is not None:
        # MkDocs picks the template before on_page_context, so it is set here.
        page.meta["template"] = TEMPLATES[kind]
    if kind == "tombstone":
        removal = _build.tombstones[page.file.src_uri]
        page.meta["title"] = f"Verwijderd: {removal.title or removal.id}"
        page.meta["search"] = {"exclude": True}
        return markdown
    item = _build.guide.by_path(path)
    if isinstance(item, (gids.Principle, gids.Dilemma)):
        # The templates read the item from the guide; of its front matter
        # (history, notes, tags...), Material needs only what it shows in
        # <head>. Kept whole, those are megabytes in a large guide.
        page.meta = {"title": item.title, "description": item.description, **page.meta}
        return markdown
    try:
        redactie = config.extra.get("redactie")
        email = redactie.get("email") if isinstance(redactie, dict) else None
        return contributor_docs.expand_markers(markdown, _build.root, email)
    except contributor_docs.UnknownMarker as error:
        raise PluginError(f"{page.file.src_uri}: onbekende markering {error}") from None


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Judge the body on the HTML MkDocs made of it, the HTML that is
    published (``gids/judge.py``); the problems are reported in on_env."""
    path = _source_path(page)
    indexed = path in _build.indexed
    _build.waiting.append((path, page.markdown or "", content, page.url, page.file.src_uri, indexed))
    if len(_build.waiting) >= second_core.BATCH:
        _judge_waiting()
    if _build.rendered is not None:
        _build.rendered[path] = content
    item = _build.guide.by_path(path)
    if isinstance(item, (gids.Principle, gids.Dilemma)):
        # The description opens the page as its lead, and being part of the
        # content it is in the search index. Escaped: it is plain text.
        return f'<p class="gids-lead">{html.escape(item.description, quote=False)}</p>\n{content}'
    return content


def _judge_waiting() -> None:
    _build.judged.append(second_core.run(_build.worker, second_core.judge_pages, _build.waiting))
    _build.waiting = []


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    path = _source_path(page)
    kind = _kind(page, path)
    # "Verbeter deze pagina" opens the real source file, not a generated
    # page; the offline zip, read in a room without internet, has no
    # editing links at all.
    online = _build.repository.url and not _build.offline
    editable = online and not page.file.generated_by and kind not in NOT_EDITABLE
    page.edit_url = _build.repository.edit_url(path) if editable else None
    if kind in PROPOSE and online:
        noun, content_type = PROPOSE[kind]
        template = contributor_docs.template(_build.root, noun)
        context["propose"] = {
            "noun": noun,
            "folder": content_type.folder,
            "template": template,
            "template_path": contributor_docs.template_path(noun),
            "url": _build.repository.new_file_url(content_type.folder, f"nieuw-{noun}.md", template),
            "github": _build.repository.is_github,
            # Reported: GitLab's new-file editor ignores the template it is
            # given. Where the form is set up, a new item starts there.
            "form": _build.editor.new_item_address(content_type),
        }
    context["gids"] = _build.guide
    context["item"] = _build.tombstones.get(page.file.src_uri) if page.file.generated_by else _build.guide.by_path(path)
    context["last_changed"] = None if page.file.generated_by else _build.dates.get(path)
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if _build.shown is not None:
        return env
    held, _build.held = _build.held, None
    if held is not None:
        _PAGES_LOG.removeFilter(held)
    _judge_waiting()
    problems, texts = second_core.results(_build.judged)
    for record in held.records if held is not None else ():
        if not (problems and _about_a_page_link(record)):
            logging.getLogger(record.name).handle(record)
    if problems:
        # Every page is rendered, none written yet. (Serving, they are
        # written, then replaced by the error page in on_post_build.)
        _stop_on(sorted(set(problems)))
    # The guide for every template, also those MkDocs renders without a
    # page (the 404 page's footer names the version too).
    env.globals["gids"] = _build.guide
    # Jinja's own cache of compiled templates (a folder in the temporary
    # directory that only this user may write, made by Jinja), kept between
    # builds as Python keeps its .pyc files; a template whose source changed
    # is compiled again. Compiling the theme's and the guide's templates
    # took 0.18 s of a 2.0 s build of 200 dilemmas (paired rounds: 1.26x ->
    # 1.13x the floor); a fixed cost, about 1% at 2,000.
    env.bytecode_cache = FileSystemBytecodeCache()
    env.globals["gids_rendered"] = _build.rendered or {}
    env.filters["booklet_links"] = printed.booklet_links
    env.filters["unique_ids"] = printed.unique_ids
    # The PDFs gids publish writes beside the site (gids/printed.py).
    env.globals["gids_printed"] = None if _build.rendered is None else {
        "booklet": printed.BOOKLET_PDF,
        "deck": printed.deck_file,
        "all": printed.ALL_DECK,
        "releases": [v for v in os.environ.get("GIDS_BOOKLETS", "").split(",") if v],
    }
    env.globals["gids_scripts"] = browser_data.settings(
        config.site_url or "", _build.built_urls, directory_urls=config.use_directory_urls, offline=_build.offline
    )
    env.filters["datum"] = _dutch_date
    env.filters["link"] = _link
    codes: dict[str, str] = {}
    for batch in _build.qr_codes:
        codes.update(batch.result())
    # Done with the worker: while it lives, every page of memory it shares
    # with this process is copied on this process's next write to it.
    _stop_worker()
    if _makes_search_index(config) and _build.shown is None:
        found = search.records(_build.guide, texts, _build.built_urls)
        _build.indexing = search.Indexing(found, Path(config.site_dir) / search.FOLDER)
    env.filters["qr"] = lambda address: codes.get(address) or qr.svg(address)
    # The permanent, absolute address of a page (for links to copy and print).
    env.filters["permalink"] = lambda address: _permalink(config, address)
    _build.env = env
    return env


@pass_context
def _link(context: Context, address: str) -> str:
    """A link from the current page to a public address (``dilemmas/x/#y``),
    to the page as built: with directory URLs or, offline, ``.html`` files.

    Made from the page's ``base_url`` (``../..``), as MkDocs makes a link
    without a page, not with its ``url`` filter: that one works out the
    shortest relative path, at about twice the cost, for some 25,000 links
    in a build of 2,000 dilemmas."""
    path, hash_mark, anchor = address.partition("#")
    return posixpath.join(context["base_url"], _build.built_urls.get(path, path)) + hash_mark + anchor


# The twelve Dutch month names, written out: the one date format of the
# site ("22 november 2026") does not need Babel's locale data, which cost
# about 5 MB of memory in every build.
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def _dutch_date(value: Any) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


def _makes_search_index(config: MkDocsConfig) -> bool:
    """The guide's search (Pagefind) replaces Material's, except where
    Material's is switched on: the offline guide, opened from file://,
    where Pagefind cannot fetch its index (mkdocs.yml)."""
    plugin = config.plugins.get("material/search")
    return not (plugin is not None and plugin.config.enabled)


# Last: the plugins write their files (search index, redirects) first.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    if _build.shown is not None:
        _show_problems(config, _build.shown)
        return
    indexing, _build.indexing = _build.indexing, None
    if indexing is not None:
        try:
            indexing.wait()
        except (search.SearchIndexError, OSError) as error:
            raise PluginError(f"De zoekindex kon niet worden gemaakt: {error}") from None
    # mkdocs-redirects wrote its pages (in English) in its own on_post_build,
    # which runs before this one: they become Dutch.
    redirect_page.rewrite(
        Path(config.site_dir),
        {
            _dest_uri(old, config.use_directory_urls): target.title or target.id
            for old, target in _build.guide.redirects()
        },
        site_name=config.site_name,
        with_policy=_with_policy(),
    )
    # The feed is written after a successful build only; it needs absolute
    # addresses, so it is rendered from a template with the site's address.
    feed = _build.env.get_template(FEED_TEMPLATE).render(
        gids=_build.guide, site_url=config.site_url or "", site_name=config.site_name
    )
    target = Path(config.site_dir) / FEED_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(feed, encoding="utf-8")
    if _build.offline:
        latest = _build.guide.latest_release
        browser_data.write_offline(
            Path(config.site_dir),
            [opendata.DATA_PATH, opendata.SCHEMA_PATH],
            _build.offline_cards,
            browser_data.readme(
                config.site_name,
                latest.version if latest else None,
                _dutch_date(latest.date) if latest else "",
                config.site_url or "",
            ),
        )
    _finish(config, succeeded=_build.warnings is None or _build.warnings.count == 0)


def _show_problems(config: MkDocsConfig, problems: list[gids.Problem]) -> None:
    """The site while serving with content problems: the error page at
    every address, in place of the pages MkDocs wrote (gids/error_page.py)."""
    site = Path(config.site_dir)
    shutil.rmtree(site, ignore_errors=True)
    root = urlsplit(config.site_url or "/").path or "/"
    for path, text in error_page.error_site(problems, config.site_name, root, config.use_directory_urls).items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _finish(config, succeeded=True)


def on_build_error(error: Exception) -> None:
    held, _build.held = _build.held, None
    if held is not None:
        # Another failure, before the guide's report: MkDocs' warnings count.
        _PAGES_LOG.removeFilter(held)
        for record in held.records:
            logging.getLogger(record.name).handle(record)
    _finish(None, succeeded=False)


def on_shutdown() -> None:
    # After Ctrl-C MkDocs runs neither on_post_build nor on_build_error.
    _finish(None, succeeded=False)


def _stop_worker() -> None:
    worker, _build.worker = _build.worker, None
    if worker is not None:
        worker.shutdown(cancel_futures=True)


def _finish(config: MkDocsConfig | None, succeeded: bool) -> None:
    """Put the new site in the old one's place, or remove it (a warning in
    strict mode fails the build after on_post_build: no swap then)."""
    indexing, _build.indexing = _build.indexing, None
    if indexing is not None:
        with contextlib.suppress(Exception):
            indexing.wait()  # before its folder is removed
    _stop_worker()
    if _build.warnings is not None:
        logging.getLogger("mkdocs").removeHandler(_build.warnings)
        _build.warnings = None
    staging, target = _build.staging, _build.target
    _build.staging = _build.target = None
    if staging is None or target is None:
        return
    if succeeded and staging.is_dir():
        site_folder.put_in_place(staging, target)
        if config is not None:
            config.site_dir = str(target)
        # MkDocs named the folder it wrote into, beside this one.
        log.info(f"De site staat in {target}")
    else:
        shutil.rmtree(staging, ignore_errors=True)



# mkdocs serve adds an inline script to every page it serves (its live
# reload, with a new number each time), which no hash made at build time can
# allow. It runs this file again for every rebuild, so what it runs for is
# kept in the process's environment, set once at its start.
SERVING = "GIDS_MKDOCS_SERVE"
#: Set by gids publish: the build makes the booklet page (gids/printed.py).
BOOKLET = "GIDS_BOOKLET"
DIRTY = "GIDS_MKDOCS_DIRTY"


def on_startup(command: str, dirty: bool) -> None:
    os.environ[SERVING] = "true" if command == "serve" else "false"
    os.environ[DIRTY] = "true" if dirty else "false"


def _with_policy() -> bool:
    """Whether pages get the Content-Security-Policy: not in the offline
    guide (its search runs through the worker shim, which writes an inline
    script, made in the browser, into a frame that inherits the page's
    policy: Chromium refuses it and search fails), and not in the local
    preview of mkdocs serve (see SERVING). Every published build has it."""
    return not _build.offline and os.environ.get(SERVING) != "true"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Give the finished page its Content-Security-Policy (``gids/csp.py``):
    its inline scripts are allowed by their hashes, unless its content
    brought one (then none)."""
    if _build.offline and page.meta.get("template") == TEMPLATES["dilemma"]:
        card = browser_data.card_html(output)
        if card is not None:
            _build.offline_cards[card[0]] = card[1]
    if not _with_policy():
        return output
    # The search page runs Pagefind, which searches in WebAssembly.
    wasm = page.meta.get("template") == SEARCH_TEMPLATE
    return csp.add_policy(output, untrusted=[page.content or ""], wasm=wasm)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The pages drawn from a theme template alone (the 404 page) get the
    same policy as the others."""
    if not _with_policy() or not template_name.endswith(".html"):
        return output_content
    return csp.add_policy(output_content)
