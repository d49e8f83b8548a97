"""QR codes of permanent addresses, for printed cards.

Made at build time as inline SVG with segno, so that no reader's browser
asks a service for them. One fixed mask pattern: every one of the eight is
a valid code that scans; letting segno score all eight took half of a build.
A code costs about 1 ms: made when a page asks for it, 0.3 s for a guide of
300 dilemmas.
"""

from __future__ import annotations

from functools import lru_cache

MASK = 0
ERROR_CORRECTION = "m"


@lru_cache(maxsize=None)
def svg(address: str) -> str:
    """The QR code of ``address`` as inline SVG, with a title for screen readers."""
    # micro=False: always a regular code, which every phone camera reads
    # (many cannot read Micro QR). An address with the site's host never
    # fits a Micro QR code anyway, so skipping the try saves a quarter of
    # the cost of a code.
    # Imported here: the build's second core makes the codes, and segno's
    # import (with what it imports) cost the build's own process 0.02 s.
    import segno

    return segno.make(address, error=ERROR_CORRECTION, mask=MASK, micro=False).svg_inline(
        scale=4, border=2, omitsize=True, title=f"QR-code: {address}"
    )
