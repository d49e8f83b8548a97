"""A second Python process for work that can run beside the build.

MkDocs builds on one core. Two pieces of the guide's own work can use the
other one: reading half of a large guide's files (`gids.loader`) and making
the QR codes of its printed cards (`gids.qr`).

Why not multiprocessing: its workers must import this package by name,
which only works while MkDocs has the hooks folder on sys.path, and a pool
whose worker dies at start loses its task and waits forever. A plain
new Python that runs ``gids.<module>.main()`` with this package on its path has neither
problem, and whoever starts it does the work itself when it fails.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

#: The folder that holds this package, for the second process's path.
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


def start(module: str) -> subprocess.Popen[bytes] | None:
    """Start ``<module>.main()`` in a new Python with pipes for stdin and
    stdout, or ``None`` when no process can be started here."""
    path = os.pathsep.join(filter(None, [str(_PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))
    try:
        return subprocess.Popen(
            # Not "python -m": that runs the module a second time as
            # __main__ when the package has imported it already.
            [sys.executable, "-c", f"import {module}; {module}.main()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path},
        )
    except OSError as error:
        log.debug("no second process for %s: %s", module, error)
        return None
