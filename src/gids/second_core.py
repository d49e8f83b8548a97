"""Work a build hands to a second core: the QR codes of the cards, and
judging each body on the HTML the engine rendered (``judge.py``), with the
text of each page for the search index (``search.py``).

Both are pure functions of text, each page on its own, so they run in one
worker process of the standard library's ``ProcessPoolExecutor`` while the
engine goes on rendering pages. Measured on 2 cores (``make bench``'s
guides): 1,000 dilemmas built in 8.6 s with both in the engine's process
and in 6.3 s with the worker (QR codes 1.5 s, judging 1.0 s); 200 in 2.25 s
and 2.05 s. The worker is stopped as soon as its work is in: while it lives,
each page of memory it shares with the engine's process is copied when the
engine writes to it, which cost 0.5 s of the 1,000 dilemmas' build. On one
core, or while ``mkdocs serve`` runs (its web server has threads, which a
forked process must not inherit), the same functions run in the engine's
process.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from . import qr
from .body import text_of
from .judge import BodyJudge, written_link
from .problems import Problem

T = TypeVar("T")

# Set in the worker, once, by its initializer.
_judge: BodyJudge | None = None
_sources: dict[str, str] = {}
#: The build's process, which the worker leaves with.
_watched: int | None = None


def cores() -> int:
    """The cores this process may run on (not all of the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start(judge: BodyJudge, sources: dict[str, str], *, allowed: bool = True) -> ProcessPoolExecutor | None:
    """A worker on the second core; ``None`` where there is none or it is
    not ``allowed`` (then ``run`` runs the work in this process)."""
    _set(judge, sources)
    if not allowed or cores() < 2:
        return None
    # The standard library's advice before a fork (see gc.freeze): what
    # exists now (modules, the guide) is left out of every later garbage
    # collection, which then neither copies the worker's shared pages nor
    # walks them in this process. Collections took 0.095 s of a build of
    # 200 dilemmas, 0.078 s with this; at 2,000, 0.69 s and 0.60 s.
    gc.freeze()
    # fork: the worker starts in milliseconds, without importing anything
    # again; callers only start one where the process has no other threads.
    return ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(judge, sources, os.getpid()),
    )


def _set(judge: BodyJudge, sources: dict[str, str]) -> None:
    global _judge, _sources
    _judge, _sources = judge, sources


def _start_worker(judge: BodyJudge, sources: dict[str, str], parent: int) -> None:
    _set(judge, sources)
    # A worker waits for work for ever; should the build's process be
    # killed (a cancelled pipeline, an interrupted gids publish), nothing
    # would tell it to stop. It watches its parent and leaves with it.
    # ``parent`` comes from the build's process: killed before this ran,
    # it is no longer this process's parent (which os.getppid() would be).
    global _watched
    _watched = parent
    threading.Thread(target=_leave_with, args=(parent,), daemon=True, name="gids-watch-parent").start()


def watched() -> int | None:
    """The process a worker leaves with (in a worker)."""
    return _watched


def _leave_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


#: How often the worker looks whether the build's process is still there.
PARENT_CHECK_SECONDS = 0.5


#: One page for ``judge_pages``: its project path, markdown, HTML, URL,
#: source path in the engine's namespace, and whether the search index
#: wants its text (items do; help pages such as Bijdragen do not).
PageToJudge = tuple[str, str, str, str, str, bool]
#: Pages per task: handing each page over on its own cost the engine's
#: process 1 s of 9 in a build of 1,000 dilemmas (a wake-up of the worker's
#: feeder thread per page); in batches of 20, about 0.05 s. The last batch
#: is judged while the build waits: a larger one makes that wait longer.
BATCH = 20


def judge_pages(pages: list[PageToJudge]) -> tuple[list[Problem], dict[str, str]]:
    """The problems of the bodies of ``pages``, and the text of each page
    the search index wants, by its path."""
    assert _judge is not None
    problems = []
    texts = {}
    for path, markdown, html, page_url, page_source, indexed in pages:
        written = functools.partial(written_link, _sources, page_url, page_source)
        problems += _judge.judge(path, markdown, html, written)
        if indexed:
            texts[path] = text_of(html)
    return problems, texts


def qr_codes(addresses: list[str]) -> dict[str, str]:
    """The QR codes of ``addresses``, as inline SVG by address."""
    return {address: qr.svg(address) for address in addresses}


def run(worker: ProcessPoolExecutor | None, function: Callable[..., T], *args: Any) -> Future[T]:
    """``function(*args)`` on the worker, or here and now without one."""
    if worker is not None:
        return worker.submit(function, *args)
    future: Future[T] = Future()
    future.set_result(function(*args))
    return future


def results(futures: list[Future[tuple[list[Problem], dict[str, str]]]]) -> tuple[list[Problem], dict[str, str]]:
    """What ``judge_pages`` found in every batch."""
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for future in futures:
        found, found_texts = future.result()
        problems += found
        texts.update(found_texts)
    return problems, texts
