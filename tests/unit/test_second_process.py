"""Processes beside the build (hooks/gids/second_process.py): input and
output go through temporary files, so nothing in the build has to keep a
pipe moving, and no thread competes with the build for the interpreter."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from gids import second_process

# Far more than a pipe holds (64 KB on Linux): a process writing this much
# to a pipe nobody reads would wait forever.
BIG = 2_000_000


def test_input_and_a_large_output_arrive_whole_without_a_thread() -> None:
    script = f"import sys; data = sys.stdin.buffer.read(); sys.stdout.write('x' * {BIG}); sys.stdout.write(str(len(data)))"
    threads = threading.active_count()
    job = second_process.start([sys.executable, "-c", script], b"a" * BIG)
    assert threading.active_count() == threads
    code, output, errors = job.finish()
    assert code == 0 and errors == b""
    assert output == b"x" * BIG + str(BIG).encode()


def test_exit_code_and_error_output_are_reported() -> None:
    job = second_process.start([sys.executable, "-c", "import sys; sys.stderr.write('kapot'); sys.exit(3)"])
    assert job.finish() == (3, b"", b"kapot")


def test_a_command_that_cannot_start_raises() -> None:
    with pytest.raises(OSError):
        second_process.start(["/nonexistent/command"])


def test_without_an_interpreter_there_is_no_second_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(second_process.sys, "executable", "/nonexistent/python")
    assert second_process.start_python("gids.qr", b"[]") is None


def test_a_second_python_imports_this_package() -> None:
    job = second_process.start_python("gids.qr", b'["https://gids.example/dilemmas/a/"]')
    assert job is not None
    code, output, errors = job.finish()
    assert code == 0, errors
    assert output.startswith(b"<svg") and output.count(b"\n") == 1
    # Run once, not a second time as __main__ (python -m would warn about that).
    assert errors == b""


def test_stop_ends_a_running_process() -> None:
    job = second_process.start([sys.executable, "-c", "import time; time.sleep(60)"])
    job.stop()
    assert job.process.poll() is not None


def test_the_files_are_in_memory_where_the_system_allows(monkeypatch: pytest.MonkeyPatch) -> None:
    with second_process._scratch_file() as file:
        if sys.platform.startswith("linux"):
            assert os.readlink(f"/proc/self/fd/{file.fileno()}").startswith("/memfd:gids")
    # Without memory files: a temporary file on disk does the same job.
    monkeypatch.delattr(second_process.os, "memfd_create", raising=False)
    job = second_process.start([sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.read())"], b"heen en terug")
    assert job.finish() == (0, b"heen en terug", b"")
