"""QR codes of the printed cards (src/gids/qr.py): segno's regular code of
the address, with a title for screen readers."""

from __future__ import annotations

import segno

from gids import qr

ADDRESSES = [f"https://gids.example/dilemmas/casus-{n:03d}/" for n in range(40)]


def _expected(address: str) -> str:
    return segno.make(address, error="m", mask=0).svg_inline(
        scale=4, border=2, omitsize=True, title=f"QR-code: {address}"
    )


def test_a_code_is_segnos_code_of_the_address_with_a_title() -> None:
    code = qr.svg(ADDRESSES[0])
    assert code == _expected(ADDRESSES[0])
    assert code.startswith("<svg") and f"<title>QR-code: {ADDRESSES[0]}</title>" in code


def test_a_short_address_still_gets_a_regular_code() -> None:
    # Phone cameras read regular QR codes; many cannot read Micro QR, which
    # segno would pick by default for an address this short.
    address = "/dilemmas/ab/"
    assert segno.make(address, error="m", mask=0).is_micro
    assert qr.svg(address) == segno.make(address, error="m", mask=0, micro=False).svg_inline(
        scale=4, border=2, omitsize=True, title=f"QR-code: {address}"
    )
