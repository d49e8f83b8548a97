"""The second core (``gids/second_core.py``) does the judge's work and
makes the QR codes in another process, with the same results as this one."""

from __future__ import annotations

import os

from gids import load_for_engine, render, second_core
from tests.helpers import GuideTree
from tests.unit.test_judge import DILEMMA, _break_bodies


def _pid() -> int:
    return os.getpid()


def test_the_second_core_finds_what_this_process_finds(guide_tree: GuideTree) -> None:
    _break_bodies(guide_tree)
    guide, _, judge = load_for_engine(guide_tree.root, guide_tree.root / "docs")
    renderer = render.Renderer(render.Settings.from_config_file(guide_tree.root / "mkdocs.yml"))
    body = guide_tree.read(DILEMMA).split("\n---\n", 1)[1].lstrip("\n")
    pages = [
        (DILEMMA, body, renderer(body), "dilemmas/minister-of-samenleving/", DILEMMA, True),
        # A help page: judged, but the search index does not want its text.
        ("docs/over.md", "Over de gids.", "<p>Over de gids.</p>", "over/", "over.md", False),
    ]

    inline = second_core.start(judge, {}, allowed=False)
    assert inline is None
    here = second_core.run(inline, second_core.judge_pages, pages).result()
    problems, texts = here
    assert problems and all(p.path == DILEMMA for p in problems)
    # The page's text, for the search index: what a reader sees.
    assert "Een casus" in texts[DILEMMA] and "<img" not in texts[DILEMMA]
    assert "docs/over.md" not in texts

    worker = second_core.start(judge, {})
    if second_core.cores() < 2:
        assert worker is None  # one core: the work stays in this process
        return
    assert worker is not None
    try:
        assert second_core.run(worker, _pid).result() != os.getpid()
        # It watches this process, named by this process, not by asking
        # for its parent once it runs (by then a killed build is gone).
        assert second_core.run(worker, second_core.watched).result() == os.getpid()
        assert second_core.run(worker, second_core.judge_pages, pages).result() == here
        codes = second_core.run(worker, second_core.qr_codes, ["https://example.org/dilemmas/x/"]).result()
        assert codes["https://example.org/dilemmas/x/"].startswith("<svg")
    finally:
        worker.shutdown()


def test_a_worker_whose_build_is_gone_leaves_at_once() -> None:
    """Killed before the worker started, the build is no longer its parent:
    the worker is told which process to watch, and leaves."""
    import multiprocessing

    gone = multiprocessing.get_context("fork").Process(target=second_core._leave_with, args=(os.getpid() + 10_000_000,))
    gone.start()
    gone.join(timeout=10)
    assert gone.exitcode == 1
    # While its build lives, it stays.
    staying = multiprocessing.get_context("fork").Process(target=second_core._leave_with, args=(os.getpid(),))
    staying.start()
    staying.join(timeout=1.5)
    assert staying.is_alive()
    staying.terminate()
    staying.join(timeout=10)
