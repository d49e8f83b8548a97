"""The benchmark's browser part: what a reader's browser fetches and waits for.

``visit`` serves a built site on 127.0.0.1 and opens one dilemma page in
headless Chromium (Debian's, launched as the browser tests do), ``ROUNDS``
times, each in a fresh context (empty cache): the page view, until the
network is quiet and the page's search is ready; then a first query: open
the search as a reader does, type ``WORD`` key by key, until the results
have settled. Bytes: counted by the HTTP server, what it wrote per request,
headers included (uncompressed: what went over the wire), web workers'
requests too, which Playwright's response events do not all report with a
size. Milliseconds: measured inside the page (``_STAMPS``). Nothing here
imports the other benchmark modules; the tests load this file by path.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

#: A word of the generated filler (generate.NOUNS), in most generated
#: dilemmas and in most of the real ones.
WORD = "beleid"
ROUNDS = 3
#: Between keystrokes: a quick typist, and less than Pagefind's debounce
#: (300 ms by default), so that it searches once, for the whole word.
KEY_DELAY_MS = 60
#: Quiet: this many seconds without a request (the network) or a change (the page).
QUIET_S = 0.5
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
#: Search data: Pagefind's bundle; Material's index, worker and lunr languages.
SEARCH_DATA = ("pagefind/", "search/search_index.json",
               "assets/javascripts/workers/search", "assets/javascripts/lunr/")  # fmt: skip


@dataclass(frozen=True)
class Search:
    """How a reader opens one kind of search, and where its results show."""

    opener: str  # what the reader clicks on the dilemma page
    box: str  # the field to type in
    result: str  # one result a reader can read (its title, a link)
    loads: str | None = None  # a file the page view is not complete without
    #: An element whose text changes once the search can answer (Material: its
    #: worker has built the index); the page view lasts until then.
    ready: str | None = None


OURS = Search("a.gids-search-button", "#gids-search .pagefind-ui__search-input",
              "#gids-search .pagefind-ui__result-link")  # fmt: skip
MATERIAL = Search("input.md-search__input", "input.md-search__input", ".md-search-result__item",
                  "search/search_index.json", ".md-search-result__meta")  # fmt: skip


def is_search_data(path: str) -> bool:
    return path.lstrip("/").startswith(SEARCH_DATA)


@dataclass
class Visit:
    """One site in the browser. Files and bytes are those of the first round
    (every round starts with an empty cache); the times are of every round."""

    page_view_files: dict[str, int]  # path on the site: bytes
    query_files: dict[str, int]  # from the click that opens the search until the results settled
    typed_bytes: int  # of the query's bytes, those fetched after the first keystroke
    first_result_ms: list[float] = field(default_factory=list)  # from the last keystroke, per round
    results: int = 0  # on screen once settled
    ready_ms: list[float] = field(default_factory=list)  # Search.ready: from the page view's start, per round

    @property
    def page_view_bytes(self) -> int:
        return sum(self.page_view_files.values())

    @property
    def page_view_search_bytes(self) -> int:
        return sum(n for path, n in self.page_view_files.items() if is_search_data(path))

    @property
    def query_bytes(self) -> int:
        return sum(self.query_files.values())

    @property
    def ms(self) -> float:
        return statistics.median(self.first_result_ms)


class _Counted:
    """A handler's output stream that counts the bytes written to it."""

    def __init__(self, stream) -> None:
        self.stream, self.count = stream, 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


class ServerLog:
    """The requests served, as (path, bytes) in the order they finished."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.served: list[tuple[str, int]] = []
        self.busy, self.last = 0, time.monotonic()

    def begin(self) -> None:
        with self.lock:
            self.busy += 1

    def end(self, path: str, count: int) -> None:
        with self.lock:
            self.served.append((path, count))
            self.busy, self.last = self.busy - 1, time.monotonic()

    def since(self, mark: int) -> dict[str, int]:
        """Bytes per path of the requests served after the first ``mark``."""
        files: dict[str, int] = {}
        with self.lock:
            for path, count in self.served[mark:]:
                files[path] = files.get(path, 0) + count
        return files

    def wait_quiet(self, must_have: str | None = None, mark: int = 0) -> None:
        """Until nothing was served for QUIET_S, and ``must_have`` was (after ``mark``)."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with self.lock:
                quiet = self.busy == 0 and time.monotonic() - self.last >= QUIET_S
            if quiet and (must_have is None or any(must_have in path for path in self.since(mark))):
                return
            time.sleep(0.05)
        raise TimeoutError("the network never went quiet" + (f" after fetching {must_have}" if must_have else ""))


class _Handler(SimpleHTTPRequestHandler):
    """Serves the folder, and logs each request's path and bytes in the server's ``log``."""

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counted(self.wfile)  # the status line, headers and body are written to it
        self.server.log.begin()

    def end_headers(self) -> None:
        # As GitHub Pages does; without it, whether Chromium asks again for a
        # file it has depends on the file's age (Last-Modified): on the build.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def finish(self) -> None:
        super().finish()
        self.server.log.end(getattr(self, "path", "?").split("?")[0], self.wfile.count)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[tuple[str, ServerLog]]:
    """Serve ``site`` on 127.0.0.1 (a free port); yields its address and log."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    server.log = ServerLog()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server.log
    finally:
        server.shutdown()
        server.server_close()


# In every page, before its scripts: stamps (performance.now(), ms since the
# page view started) the last keydown, when the ``ready`` element's text first
# changes, and every drawing of results: results appear where there were none,
# or results were removed and others drawn. Material draws anew for every key,
# and the list of an earlier key may come after the last key: the whole word's
# results are the last drawing once the page has settled.
_STAMPS = """([selector, ready]) => {
  const s = (window.__bench = { lastKey: null, drawn: [], changed: 0, shown: 0, readyAt: null });
  addEventListener("keydown", () => { s.lastKey = performance.now(); }, true);
  let before = null;
  const text = () => (document.querySelector(ready) || {}).textContent;
  if (ready) addEventListener("DOMContentLoaded", () => { before = text(); });
  const holds = (node) => node.nodeType === 1 && (node.matches(selector) || node.querySelector(selector));
  new MutationObserver((records) => {
    const now = performance.now();
    const shown = document.querySelectorAll(selector).length;
    const removed = records.some((r) => [...r.removedNodes].some(holds));
    if (shown > 0 && (s.shown === 0 || removed)) s.drawn.push(now);
    if (before !== null && s.readyAt === null && text() !== before) s.readyAt = now;
    s.shown = shown;
    s.changed = now;
  }).observe(document, { childList: true, subtree: true, characterData: true });
}"""

# Settled: results shown, the page unchanged for ``quiet`` ms, and results
# drawn after the last key (or, to fail with a reason, unchanged for 3 s).
_SETTLED = """(quiet) => {
  const s = window.__bench, still = performance.now() - s.changed;
  return s.lastKey !== null && s.shown > 0 && still >= quiet
    && (s.drawn.some((t) => t > s.lastKey) || still > 3000);
}"""


def _settle(page, word: str) -> dict:
    """The page's stamps once the results of ``word`` have settled."""
    try:
        page.wait_for_function(_SETTLED, arg=QUIET_S * 1000, timeout=30_000)
    except Exception as error:
        state = page.evaluate("window.__bench")
        raise TimeoutError(f"no results settled for {word!r} on {page.url} ({state})") from error
    stamps = page.evaluate("window.__bench")
    if max(stamps["drawn"]) < stamps["lastKey"]:
        raise RuntimeError(f"the results on {page.url} were not drawn anew after the last key ({stamps})")
    return stamps


def _round(browser, url: str, log: ServerLog, page_path: str, search: Search, word: str) -> Visit:
    """One round in a fresh context."""
    context = browser.new_context(locale="nl-NL")
    try:
        context.add_init_script(script=f"({_STAMPS})({json.dumps([search.result, search.ready])})")
        page = context.new_page()
        mark = len(log.served)
        page.goto(url + page_path, wait_until="load")
        log.wait_quiet(search.loads, mark)
        if search.ready:
            page.wait_for_function("window.__bench.readyAt !== null", timeout=60_000)
        viewed = log.since(mark)

        mark = len(log.served)
        page.locator(search.opener).first.click()
        box = page.locator(search.box).first
        box.wait_for(state="visible")
        log.wait_quiet()
        typed = len(log.served)
        box.focus()
        page.keyboard.type(word, delay=KEY_DELAY_MS)  # keydown, keypress, input, keyup per letter
        stamps = _settle(page, word)
        log.wait_quiet()
        ms = max(stamps["drawn"]) - stamps["lastKey"]
        ready = [] if stamps["readyAt"] is None else [stamps["readyAt"]]
        return Visit(viewed, log.since(mark), sum(log.since(typed).values()), [ms], stamps["shown"], ready)
    finally:
        context.close()


def visit(browser, site: Path, page_path: str, search: Search, word: str = WORD, rounds: int = ROUNDS) -> Visit:
    """``rounds`` rounds on ``site``, served here; ``browser``: Playwright's Chromium."""
    with serve(site) as (url, log):
        first = _round(browser, url, log, page_path, search, word)
        for _ in range(rounds - 1):
            again = _round(browser, url, log, page_path, search, word)
            first.first_result_ms += again.first_result_ms
            first.ready_ms += again.ready_ms
        return first


class Missing(RuntimeError):
    """The browser part cannot run: args are what is missing ("no Chromium") and where it looked."""


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Playwright's headless Chromium on Debian's (or $CHROMIUM); ``Missing`` when either is missing."""
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).is_file():
        raise Missing("no Chromium", f"none at {executable}: apt-get install chromium, or set CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise Missing("no Playwright", f"not installed in {sys.executable}") from error
    with sync_playwright() as playwright:  # closes the browser at the end
        yield playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)


@dataclass
class Browsed:
    """The browser part of a run: ours and the floor per size, the real guide, what failed."""

    sizes: dict[int, dict[str, Visit]] = field(default_factory=dict)
    real: Visit | None = None
    real_dilemmas: int = 0
    real_page: str = ""
    #: Why nothing was measured: "no Chromium" or "no Playwright".
    missing: str | None = None
    #: A part that failed (a size, or "real") and why, in one line.
    failed: dict[int | str, str] = field(default_factory=dict)

