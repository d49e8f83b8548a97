"""Processes that run beside the build.

MkDocs builds on one core. Two pieces of the guide's own work can use the
other one: asking git when files changed (`gids.gitrepo`) and making the QR
codes of its printed cards (`gids.qr`).

A process gets its input from, and writes its output to, anonymous files
(in memory on Linux): nothing in the build has to feed or drain a pipe while the process
runs. A thread that did so would take the interpreter lock from the build at
every chunk it read (thousands of times for the QR codes of a large guide),
and every switch slows the build down.

Why not multiprocessing: its workers must import this package by name,
which only works while MkDocs has the hooks folder on sys.path, and a pool
whose worker dies at start loses its task and waits forever. A plain new
Python that runs ``gids.<module>.main()`` with this package on its path has
neither problem, and whoever starts it does the work itself when it fails.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

#: The folder that holds this package, for the second process's path.
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


class Background:
    """A started process; `finish` waits for it and gives what it wrote."""

    def __init__(self, process: subprocess.Popen[bytes], stdout: IO[bytes], stderr: IO[bytes]) -> None:
        self.process = process
        self._stdout = stdout
        self._stderr = stderr

    def finish(self) -> tuple[int, bytes, bytes]:
        """Wait for the process: its exit code, its output and its error output."""
        code = self.process.wait()
        output, errors = _read_and_close(self._stdout), _read_and_close(self._stderr)
        return code, output, errors

    def stop(self) -> None:
        """End the process if it still runs (a build that stops early)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._stdout.close()
        self._stderr.close()


def _read_and_close(file: IO[bytes]) -> bytes:
    try:
        file.seek(0)
        return file.read()
    finally:
        file.close()


def _scratch_file() -> IO[bytes]:
    """An anonymous file in memory where the system has them (Linux), else
    a temporary file on disk. In memory, because a disk may make creating
    and deleting even a small file slow (the QR codes of a large guide are
    megabytes)."""
    if hasattr(os, "memfd_create"):
        try:
            return open(os.memfd_create("gids"), "w+b")
        except OSError:
            pass
    return tempfile.TemporaryFile()


def start(command: list[str], request: bytes = b"", cwd: Path | None = None, env: dict[str, str] | None = None) -> Background:
    """Start ``command`` with ``request`` as its input; raises OSError when
    it cannot start."""
    stdout, stderr = _scratch_file(), _scratch_file()
    try:
        with _scratch_file() as stdin:
            stdin.write(request)
            stdin.seek(0)
            # The process has its own copy of each file; ours of the input
            # closes here, the output files stay open to be read back.
            process = subprocess.Popen(command, stdin=stdin, stdout=stdout, stderr=stderr, cwd=cwd, env=env)
    except OSError:
        stdout.close()
        stderr.close()
        raise
    return Background(process, stdout, stderr)


def start_python(module: str, request: bytes) -> Background | None:
    """Start ``<module>.main()`` in a new Python, or ``None`` when no process
    can be started here."""
    path = os.pathsep.join(filter(None, [str(_PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))
    # Not "python -m": that runs the module a second time as __main__ when
    # the package has imported it already.
    command = [sys.executable, "-c", f"import {module}; {module}.main()"]
    try:
        return start(command, request, env={**os.environ, "PYTHONPATH": path})
    except OSError as error:
        log.debug("no second process for %s: %s", module, error)
        return None
