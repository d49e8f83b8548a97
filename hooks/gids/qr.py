"""QR codes of permanent addresses, for printed cards.

Made at build time as inline SVG with segno, so that no reader's browser
asks a service for them. One fixed mask pattern: every one of the eight is
a valid code that scans; letting segno score all eight took half of a build.

A code costs about 1.5 ms, which for a guide of thousands of dilemmas is
seconds. MkDocs renders pages on one core, and it converts the markdown of
every page before it renders any template; so `Codes` makes the codes of a
large guide in a second process (``python -m gids.qr``, see
`gids.second_process`) during that time, and a page only picks its code up.
Below `BACKGROUND_FROM` addresses a process costs more than it saves, and
the codes are made when asked for. If the second process fails for any
reason, the codes are made here.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Iterable
from functools import lru_cache

from . import second_process

log = logging.getLogger(__name__)

MASK = 0
ERROR_CORRECTION = "m"
#: From how many addresses the codes are made in a second process.
BACKGROUND_FROM = 200


@lru_cache(maxsize=None)
def svg(address: str) -> str:
    """The QR code of ``address`` as inline SVG, with a title for screen readers."""
    # Imported here: a large guide's build leaves all codes to the second
    # process, and so never needs segno (about 2.5 MB) itself.
    import segno

    # micro=False: always a regular code, which every phone camera reads
    # (many cannot read Micro QR). An address with the site's host never
    # fits a Micro QR code anyway, so skipping the try saves a quarter of
    # the cost of a code.
    return segno.make(address, error=ERROR_CORRECTION, mask=MASK, micro=False).svg_inline(
        scale=4, border=2, omitsize=True, title=f"QR-code: {address}"
    )


class Codes:
    """The codes of a known set of addresses, made ahead when there are many."""

    def __init__(self, addresses: Iterable[str], background_from: int = BACKGROUND_FROM) -> None:
        wanted = sorted(set(addresses))
        self._made: dict[str, str] = {}
        self._process: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        if len(wanted) < background_from:
            return
        self._process = second_process.start("gids.qr")
        if self._process is None:  # no second process here: make them when asked
            return
        # A thread feeds and reads the process, so that neither side blocks.
        self._thread = threading.Thread(target=self._talk, args=(self._process, wanted), daemon=True)
        self._thread.start()

    def _talk(self, process: subprocess.Popen[bytes], wanted: list[str]) -> None:
        # One code per line, in the order asked: read as they come, never
        # the whole output at once.
        assert process.stdin is not None and process.stdout is not None
        try:
            with process.stdin:
                process.stdin.write(json.dumps(wanted).encode())
            made = {address: line.decode().rstrip("\n") for address, line in zip(wanted, process.stdout)}
        except (OSError, ValueError) as error:
            log.debug("QR codes in this process: %s", error)
            made = {}
        process.stdout.close()
        if process.wait() == 0 and len(made) == len(wanted):
            self._made = made
        else:
            log.debug("QR codes in this process: the second process ended with %s", process.returncode)

    def get(self, address: str) -> str:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
            self._process = None
        # Each code is printed on one page: once taken, it is let go.
        return self._made.pop(address, None) or svg(address)

    def close(self) -> None:
        """Stop the second process (also when the build stops early)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        if self._thread is not None:
            self._thread.join()
        self._thread = None
        self._process = None
        self._made = {}


def main() -> None:
    """``python -m gids.qr``: addresses as a JSON list on stdin; their codes,
    one line each in the same order, on stdout."""
    for address in json.load(sys.stdin):
        code = svg(address)
        if "\n" in code:  # never: segno writes inline SVG on one line
            raise SystemExit(f"QR code of {address} spans lines")
        sys.stdout.write(code + "\n")


if __name__ == "__main__":
    main()
