"""Reading part of a large guide's files in a second process.

Each file is read and checked on its own before the checks across files,
so the files can be split: `gids.validate` reads the first part while
a second process (`main`) reads the rest on the other core (see
`gids.second_process`). Whatever the second process does not deliver, the
caller reads itself, so a failing process costs time, never a result.
"""

from __future__ import annotations

import gc
import json
import logging
import pickle
import sys
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
        request = json.dumps([[str(path), rel, folder] for path, rel, folder in entries]).encode()
        self._process = second_process.start_python("gids.loader", request)

    def results(self) -> list[tuple[Any, list[Any]]] | None:
        """Per file, what `gids.validate` makes of it and its problems; ``None``
        when the second process did not deliver (the caller reads them)."""
        if self._process is None:
            return None
        code, output, _ = self._process.finish()
        if code != 0:
            log.debug("files read in this process: the second process ended with %s", code)
            return None
        try:
            # Trusted: the output of this package's own child process.
            results = pickle.loads(output)
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
