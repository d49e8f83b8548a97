"""The content model is plain Python: importing it pulls in nothing of MkDocs."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT


def test_core_does_not_import_mkdocs() -> None:
    code = (
        "import sys, gids, gids.contributor_docs;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'material', 'jinja2'});"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
