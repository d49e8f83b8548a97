"""The benchmark's browser part (benchmark/browser.py) on the real guide:
a page view loads no search data, a first query typed on the search page
fetches Pagefind's files and shows results, and the numbers it reports are
the bytes the server sent and times measured in the page."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.helpers import ROOT, benchmark_module

pytestmark = pytest.mark.browser


def bench_browser():  # -> the module benchmark/browser.py
    return benchmark_module("browser")


#: The page the benchmark opens in the real guide: its first dilemma.
PAGE = f"dilemmas/{sorted(p.stem for p in (ROOT / 'dilemmas').glob('*.md'))[0]}/"


@pytest.fixture(scope="module")
def visit(browser: Browser, built_site: Path):
    module = bench_browser()
    return module.visit(browser, built_site, PAGE, module.OURS, rounds=2)


def test_a_page_view_loads_the_page_and_no_search_data(visit, built_site: Path) -> None:
    files = visit.page_view_files
    # The page itself, with its headers: more than the file on disk.
    assert files[f"/{PAGE}"] > (built_site / PAGE / "index.html").stat().st_size
    assert any(path.endswith(".css") for path in files) and any(path.endswith(".js") for path in files)
    assert [p for p in files if p.startswith("/pagefind/") or "search_index" in p] == []
    # Nor the sitemap: Material fetches one beside every link[rel=alternate],
    # which the feed's link therefore is not (overrides/main.html).
    assert [p for p in files if p.endswith("sitemap.xml")] == []
    assert visit.page_view_search_bytes == 0
    assert visit.page_view_bytes == sum(files.values()) > 0


def test_a_first_query_fetches_pagefind_and_shows_results(visit) -> None:
    files = visit.query_files
    assert "/zoeken/" in files, files  # reached through the header's link
    assert {"/pagefind/pagefind-ui.js", "/pagefind/pagefind.js"} <= set(files), files
    for part in (".pf_meta", ".pf_index", ".pf_fragment"):
        assert any(p.startswith("/pagefind/") and p.endswith(part) for p in files), (part, files)
    assert any(p.startswith("/pagefind/wasm.") for p in files), files
    # Typing fetched a part of it: at least the index chunk and the fragments.
    assert 0 < visit.typed_bytes < visit.query_bytes
    assert visit.results > 0
    assert len(visit.first_result_ms) == 2 and all(ms > 0 for ms in visit.first_result_ms)


def test_the_server_counts_the_bytes_it_sends(built_site: Path) -> None:
    module = bench_browser()
    with module.serve(built_site) as (url, log):
        with urllib.request.urlopen(url + "gids.json") as response:
            body = response.read()
            headers = sum(len(f"{k}: {v}\r\n") for k, v in response.getheaders())
        log.wait_quiet()
        sent = log.since(0)["/gids.json"]
    assert body == (built_site / "gids.json").read_bytes()
    # The body, the headers, the status line and the blank line after the headers.
    assert len(body) + headers < sent < len(body) + headers + 64
