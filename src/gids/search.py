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

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .model import Dilemma, Guide, Principle, Tension

#: The folder of the index in the site (Pagefind's default name).
FOLDER = "pagefind"
LANGUAGE = "nl"
#: Seconds Pagefind may take; at 2,000 dilemmas it takes about 3.
TIMEOUT = 300
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

    The records go to Pagefind's binary in its service mode, the protocol
    of its own Python API (``pagefind.service``): requests and answers are
    JSON, base64-encoded, each followed by a comma. That API itself is not
    used: its loop sleeps 0.1 s before reading each answer, 20 s for 200
    dilemmas. Writing each record as an HTML file for the binary to crawl
    costs about 0.6 ms a file on this kind of disk, 0.7 s at 1,000 dilemmas
    (benchmark), against about 0.04 s to encode them all here."""
    requests = [_request(0, {"type": "NewIndex", "config": {"force_language": LANGUAGE}})]
    for number, record in enumerate(found, start=1):
        requests.append(
            _request(
                number,
                {
                    "type": "AddRecord",
                    # The first index of a fresh service is number 0.
                    "index_id": 0,
                    "url": "/" + record.url,
                    # As Pagefind reads a page: white space collapsed.
                    "content": " ".join(record.content.split()),
                    "language": LANGUAGE,
                    "meta": {"title": record.title},
                    "filters": record.filters,
                    "sort": None,
                },
            )
        )
    last = len(found) + 1
    requests.append(_request(last, {"type": "WriteFiles", "index_id": 0, "output_path": str(folder)}))
    # Its complaints go to a file: a full pipe would stop it.
    with tempfile.TemporaryFile() as complaints:
        _serve(requests, last, complaints)


def _serve(requests: list[bytes], last: int, complaints: IO[bytes]) -> None:
    """Run Pagefind's service on ``requests`` until it answers ``last``."""
    # Imported here: only a build that makes the index needs Pagefind.
    from pagefind_bin import get_executable

    # One thread: the build's own process uses the other core meanwhile.
    environment = {**os.environ, "RAYON_NUM_THREADS": "1"}
    service = subprocess.Popen(
        [str(get_executable()), "--service"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=complaints,
        env=environment,
    )
    # Never a hang: a service that has not finished in time is stopped.
    timer = threading.Timer(TIMEOUT, service.kill)
    timer.daemon = True
    timer.start()
    # Written from a thread while this one reads the answers: neither pipe
    # may fill up. The service stops at the end of its input, even with
    # work in hand, so its input stays open until the files are written.
    writer = threading.Thread(target=_send, args=(service, b"".join(requests)), daemon=True)
    writer.start()
    try:
        _answers_until(service, last, complaints)
    except SearchIndexError:
        if not timer.is_alive():
            raise SearchIndexError(f"Pagefind was na {TIMEOUT} seconden nog niet klaar.") from None
        raise
    finally:
        timer.cancel()
        if service.stdin:
            with contextlib.suppress(OSError):
                service.stdin.close()
        try:
            service.wait(timeout=10)
        except subprocess.TimeoutExpired:
            service.kill()
            service.wait()
        writer.join()


def _request(number: int, payload: dict[str, object]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode("utf-8")) + b","


def _send(service: subprocess.Popen[bytes], data: bytes) -> None:
    try:
        assert service.stdin is not None
        service.stdin.write(data)
        service.stdin.flush()
    except (OSError, ValueError):
        pass  # the service stopped; its reader says why


def _answers_until(service: subprocess.Popen[bytes], last: int, complaints: IO[bytes]) -> None:
    """Read the service's answers until the one to request ``last``."""
    assert service.stdout is not None
    pending = b""
    while True:
        chunk = service.stdout.read1(1 << 16)
        if not chunk:
            code = service.wait()
            complaints.seek(0)
            stderr = complaints.read(2000).decode("utf-8", "replace")
            raise SearchIndexError(f"Pagefind stopte met code {code}: {stderr.strip()[:500]}")
        pending += chunk
        *answers, pending = pending.split(b",")
        for answer in answers:
            try:
                message = json.loads(base64.b64decode(answer, validate=True))
                payload = message.get("payload") or {}
            except (ValueError, AttributeError):  # not base64, not JSON, not an object
                raise SearchIndexError(f"Pagefind gaf een antwoord dat niet te lezen is: {answer[:80]!r}") from None
            if payload.get("type") == "Error":
                raise SearchIndexError(f"Pagefind: {str(payload.get('message', '')).strip()[:500]}")
            if message.get("message_id") == last:
                return


class SearchIndexError(Exception):
    """Pagefind could not write the index."""


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
