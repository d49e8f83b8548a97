"""The Python code passes Pyflakes' checks (through ruff): no undefined
names, no unused variables or imports. An undefined name in a path that
the other tests do not take would otherwise only show on a user's machine."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT


def test_python_code_has_no_undefined_or_unused_names() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "F", "--no-cache", "src", "hooks", "tests", "benchmark"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
