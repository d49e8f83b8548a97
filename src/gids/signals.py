"""Holding off Ctrl-C and a polite kill for the few moments in which files
take each other's place. Anything harder (SIGKILL, a power cut) cannot be
held off; the journal (``journal.py``) is for that."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def signals_ignored() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP wait until the block is done."""
    saved = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError):  # not the main thread: signals go elsewhere anyway
                saved[number] = signal.signal(number, signal.SIG_IGN)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
