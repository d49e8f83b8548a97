"""Reading part of a large guide's files in a second process.

Each file is read and checked on its own before the checks across files,
so the files can be split: `gids.validate` reads the first part while
``python -m gids.loader`` reads the rest on the other core (see
`gids.second_process`). Whatever the second process does not deliver, the
caller reads itself, so a failing process costs time, never a result.
"""

from __future__ import annotations

import gc
import json
import logging
import pickle
import sys
import threading
from pathlib import Path
from typing import Any

from . import second_process

log = logging.getLogger(__name__)

#: A file to read: its absolute path, its path for messages, its folder
#: (which says which content type it is).
Entry = tuple[Path, str, str]


class Helper:
    """Reads ``entries`` in a second process; `results` waits for them."""

    def __init__(self, entries: list[Entry]) -> None:
        self._count = len(entries)
        self._output: bytes | None = None
        self._process = second_process.start("gids.loader")
        self._thread: threading.Thread | None = None
        if self._process is None:
            return
        request = json.dumps([[str(path), rel, folder] for path, rel, folder in entries]).encode()
        # A thread writes the request and reads the answer, so that neither
        # side waits on a full pipe while this process reads its own part.
        self._thread = threading.Thread(target=self._talk, args=(self._process, request), daemon=True)
        self._thread.start()

    def _talk(self, process: Any, request: bytes) -> None:
        try:
            output, _ = process.communicate(request)
        except (OSError, ValueError) as error:
            log.debug("files read in this process: %s", error)
            return
        if process.returncode == 0:
            self._output = output
        else:
            log.debug("files read in this process: the second process ended with %s", process.returncode)

    def results(self) -> list[tuple[Any, list[Any]]] | None:
        """Per file, what `gids.validate` makes of it and its problems; ``None``
        when the second process did not deliver (the caller reads them)."""
        if self._thread is not None:
            self._thread.join()
        if self._output is None:
            return None
        try:
            # Trusted: the output of this package's own child process.
            results = pickle.loads(self._output)
        except Exception as error:  # noqa: BLE001 - any broken answer means: read them here
            log.debug("files read in this process: unreadable answer (%s)", error)
            return None
        return results if isinstance(results, list) and len(results) == self._count else None


def main() -> None:
    """``python -m gids.loader``: entries as JSON on stdin; a pickled list of
    (result, problems), one per entry in the same order, on stdout."""
    from .validate import load_file

    gc.disable()  # as in gids.validate.load_guide: many small objects, no cycles
    results = []
    for path, rel, folder in json.load(sys.stdin):
        problems: list[Any] = []
        results.append((load_file(Path(path), rel, folder, problems), problems))
    sys.stdout.buffer.write(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    main()
