"""QR codes of permanent addresses, for printed cards.

Made at build time as inline SVG with segno, so that no reader's browser
asks a service for them. One fixed mask pattern: every one of the eight is
a valid code that scans; letting segno score all eight took half of a build.

A code costs about 1 ms, which for a guide of thousands of dilemmas is
seconds. MkDocs renders pages on one core, and it converts the markdown of
every page before it renders any template; so `Codes` makes the codes of a
large guide in a second process (`main`, see `gids.second_process`) during
that time, and the first page that needs a code picks them all up.
Below `BACKGROUND_FROM` addresses a process costs more than it saves, and
the codes are made when asked for. If the second process fails for any
reason, the codes are made here.
"""

from __future__ import annotations

import json
import logging
import sys
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
        self._wanted = sorted(set(addresses))
        self._made: dict[str, str] = {}
        self._process: second_process.Background | None = None
        if len(self._wanted) >= background_from:
            # None when no process can start here: then made when asked.
            self._process = second_process.start_python("gids.qr", json.dumps(self._wanted).encode())

    def _collect(self, process: second_process.Background) -> None:
        code, output, _ = process.finish()
        try:
            lines = output.decode().split("\n")
        except UnicodeDecodeError:
            lines = []
        # One code per line, in the order asked, and a last newline.
        if code == 0 and len(lines) == len(self._wanted) + 1:
            self._made = dict(zip(self._wanted, lines))
        else:
            log.debug("QR codes in this process: no usable answer (exit code %s)", code)
        self._wanted = []

    def get(self, address: str) -> str:
        if self._process is not None:
            process, self._process = self._process, None
            self._collect(process)
        # Each code is printed on one page: once taken, it is let go.
        return self._made.pop(address, None) or svg(address)

    def close(self) -> None:
        """Stop the second process (also when the build stops early)."""
        if self._process is not None:
            self._process.stop()
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
