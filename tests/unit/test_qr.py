"""QR codes of the printed cards (hooks/gids/qr.py), made here or ahead in a
second process: the same codes either way, and a failing second process
costs time, never a code."""

from __future__ import annotations

import sys

import pytest
import segno
from gids import qr, second_process

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


def test_a_small_guide_starts_no_second_process() -> None:
    codes = qr.Codes(ADDRESSES)
    assert codes._process is None
    assert codes.get(ADDRESSES[3]) == _expected(ADDRESSES[3])


def test_codes_made_ahead_in_a_second_process_are_the_same() -> None:
    codes = qr.Codes(ADDRESSES, background_from=1)
    assert codes._process is not None
    qr.svg.cache_clear()
    assert [codes.get(a) for a in ADDRESSES] == [_expected(a) for a in ADDRESSES]
    # They came from the second process, not from this one.
    assert qr.svg.cache_info().currsize == 0
    # Taken once, a code is let go; asked again, it is made here.
    assert codes._made == {}
    assert codes.get(ADDRESSES[0]) == _expected(ADDRESSES[0])
    codes.close()


@pytest.mark.parametrize("executable", ["/bin/false", "/nonexistent/python"])
def test_a_failing_second_process_means_codes_made_here(monkeypatch: pytest.MonkeyPatch, executable: str) -> None:
    monkeypatch.setattr(qr.sys, "executable", executable)
    codes = qr.Codes(ADDRESSES, background_from=1)
    assert [codes.get(a) for a in ADDRESSES[:5]] == [_expected(a) for a in ADDRESSES[:5]]


def test_closing_stops_the_second_process() -> None:
    codes = qr.Codes([f"https://gids.example/{n}/" for n in range(20_000)], background_from=1)
    process = codes._process
    codes.close()
    assert process is not None and process.process.poll() is not None
    # A build that goes on after all still gets its codes.
    assert codes.get(ADDRESSES[0]) == _expected(ADDRESSES[0])


def test_the_second_process_reads_and_writes_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import json

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(ADDRESSES[:2])))
    qr.main()
    assert capsys.readouterr().out.split("\n") == [_expected(a) for a in ADDRESSES[:2]] + [""]


@pytest.mark.parametrize("output", [b"\xff\xfe not UTF-8\n", b"<svg>only one line</svg>\n"])
def test_an_unusable_answer_means_codes_made_here(monkeypatch: pytest.MonkeyPatch, output: bytes) -> None:
    def answer(module: str, request: bytes) -> second_process.Background:
        script = f"import sys; sys.stdin.read(); sys.stdout.buffer.write({output!r})"
        return second_process.start([sys.executable, "-c", script], request)

    monkeypatch.setattr(qr.second_process, "start_python", answer)
    codes = qr.Codes(ADDRESSES, background_from=1)
    assert [codes.get(a) for a in ADDRESSES[:3]] == [_expected(a) for a in ADDRESSES[:3]]
