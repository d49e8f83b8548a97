"""The guide's search index: Pagefind, fed from the content model.

Pagefind (its Python package ships the binary) splits the index into small
chunks that the search page fetches only for the words a reader types; no
other page loads any of it. It stems Dutch, and shows filters.

Each principle, dilemma and tension is one record, made here from the model
and from its page's text as rendered: its title, description, the text of
its sections, its tags, and the names (and tags) of its principles and its
tensions, so
that a dilemma tagged ``loyaliteit`` or linked to the principle on
tegenspraak is found by those words too. The help pages (Bijdragen with its
reference of messages, Over, Versies...) are not in the index: the search is
for what the guide says, and those pages are one click away in the menu.

Records rather than Pagefind's own crawl of the site's pages: indexing 2,250
pages of HTML took about 7 s (issue 15), and the model already knows what
each page is, and which words a reader may search it by.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .model import Dilemma, Guide, Principle, Tension

#: The folder of the index in the site (Pagefind's default name).
FOLDER = "pagefind"
LANGUAGE = "nl"
#: Filter names as the search page shows them.
KIND, TENSION, PRINCIPLE, DOMAIN = "Soort", "Spanning", "Principe", "Domein"


@dataclass(frozen=True)
class Record:
    """One search result: its address, its text, what it is filtered by."""

    url: str
    title: str
    content: str
    filters: dict[str, list[str]] = field(default_factory=dict)


def page_paths(guide: Guide) -> dict[str, Principle | Dilemma | Tension]:
    """The items with a record, by their source path."""
    items: list[Principle | Dilemma | Tension] = [
        *guide.sorted_principles(),
        *guide.sorted_dilemmas(),
        *guide.tensions.values(),
    ]
    return {item.path: item for item in items}


def records(guide: Guide, texts: dict[str, str], urls: dict[str, str]) -> list[Record]:
    """A record for each principle, dilemma and tension. ``texts``: each
    page's text as rendered, by source path; ``urls``: each public address
    (``dilemmas/x/``) as the site was built (``dilemmas/x.html`` offline)."""
    found = []
    for path, item in page_paths(guide).items():
        url = urls.get(item.url, item.url)
        text = texts.get(path, "")
        if isinstance(item, Dilemma):
            principles = [p.title for p in guide.principles_of(item)]
            tensions = [t.title for t in guide.tensions_of(item)]
            # Its principles' tags too: a dilemma on the principle of loyal
            # dissent is found by "tegenspraak" even where its text says
            # "tegenspreken" or nothing of the kind.
            principle_tags = [tag for p in guide.principles_of(item) for tag in p.tags]
            extra = [*item.tags, *principles, *principle_tags, *tensions, *item.domains]
            filters = {KIND: ["Dilemma"], TENSION: tensions, PRINCIPLE: principles, DOMAIN: list(item.domains)}
        elif isinstance(item, Principle):
            extra = list(item.tags)
            filters = {KIND: ["Principe"], PRINCIPLE: [item.title]}
        else:
            extra = [c.name for c in item.corners]
            filters = {KIND: ["Spanning"], TENSION: [item.title]}
        content = "\n".join([item.title, item.description, text, *extra])
        found.append(Record(url, item.title, content, {k: v for k, v in filters.items() if v}))
    return found


def write_index(found: list[Record], folder: Path) -> None:
    """Write the index of ``found`` into ``folder`` (the site's ``pagefind/``).

    Each record becomes a small HTML document, at its address, in a
    temporary folder that is removed afterwards, and Pagefind's binary
    indexes those. Pagefind's Python API takes records directly, but it
    waits 0.1 s for each answer of the binary: 20 s for 200 dilemmas,
    against 0.3 s this way."""
    # Imported here: only a build that makes the index needs Pagefind.
    from pagefind_bin import get_executable

    source = Path(tempfile.mkdtemp(prefix="gids-search-records-"))
    try:
        for record in found:
            path = source / (record.url + "index.html" if record.url.endswith("/") else record.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_document(record), encoding="utf-8")
        command = [str(get_executable()), "--site", str(source), "--output-path", str(folder)]
        # One thread: the build's own process uses the other core meanwhile.
        environment = {**os.environ, "RAYON_NUM_THREADS": "1"}
        result = subprocess.run(
            [*command, "--force-language", LANGUAGE, "--silent"],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
        )
        if result.returncode != 0:
            raise SearchIndexError(f"Pagefind stopte met code {result.returncode}: {(result.stderr or result.stdout).strip()[:500]}")
    finally:
        shutil.rmtree(source, ignore_errors=True)


class SearchIndexError(Exception):
    """Pagefind could not write the index."""


def _document(record: Record) -> str:
    """A record as the HTML Pagefind reads: the title as its heading, the
    text, and the filters (captured, not indexed as text: the text already
    names them)."""
    filters = "".join(
        f'<span data-pagefind-filter="{html.escape(name)}">{html.escape(value)}</span>'
        for name, values in record.filters.items()
        for value in values
    )
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{html.escape(record.title)}</title></head><body>"
        f"<main data-pagefind-body><h1>{html.escape(record.title)}</h1>"
        f"<p>{html.escape(record.content)}</p>"
        f"<div data-pagefind-ignore>{filters}</div></main></body></html>"
    )


class Indexing:
    """``write_index`` in a thread: Pagefind's binary does the work in its
    own process, on the core the build's process does not use, while the
    build writes its pages."""

    def __init__(self, found: list[Record], folder: Path) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(found, folder), name="gids-search-index")
        self._thread.start()

    def _run(self, found: list[Record], folder: Path) -> None:
        try:
            write_index(found, folder)
        except BaseException as error:  # handed to the build's thread by wait()
            self._error = error

    def wait(self) -> None:
        """Until the index is written; raises what went wrong."""
        self._thread.join()
        if self._error is not None:
            raise self._error
