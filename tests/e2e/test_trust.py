"""Tried as an attacker and as a clumsy contributor would, on copies of the
real project: no script reaches a page, nothing hangs, no traceback, nothing
from outside the repository is published, the last good site stays as it
was, and every mistake gets one Dutch sentence, in `make check`, the build
and `mkdocs serve` alike."""

from __future__ import annotations

import http.client

import os
import re
import time
from pathlib import Path

import pytest

from tests.e2e.test_build import snapshot
from tests.e2e.test_editing import check as _check
from tests.helpers import copy_project, mkdocs_build, mkdocs_serve



@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _add_to_section(path: Path, section: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    heading = f"## {section}\n\n"
    assert heading in content, path
    path.write_text(content.replace(heading, heading + text + "\n\n", 1), encoding="utf-8")


# The vectors of issue 13, each in its own dilemma of the real guide.
VECTORS = {
    "admonition": "!!! note\n    <img src=x onerror=alert(1)>",
    "collapsible": "??? note\n    <img src=x onerror=alert(1)>",
    "definition-list": "Term\n:   Uitleg.\n\n    <img src=x onerror=alert(1)>",
    "reference-definition": "[klik][r]\n\n[r]: javascript:alert(1)",
    "attribute-list": '[klik](https://example.org){: href="javascript:alert(1)" }',
    "svg": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>klik</text></a></svg>',
}


def test_no_vector_reaches_a_page_and_each_gets_a_sentence(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    dilemmas = sorted((project / "dilemmas").glob("*.md"))
    placed = {}
    for (name, text), dilemma in zip(VECTORS.items(), dilemmas):
        _add_to_section(dilemma, "Situatie", text)
        placed[name] = f"dilemmas/{dilemma.name}"

    built = mkdocs_build(project, site)
    checked = _check(project)

    for result in (built, checked):
        output = result.stdout + result.stderr
        assert result.returncode != 0
        assert "Traceback" not in output
        assert f"De gids kan niet worden gebouwd: {len(VECTORS)} problemen in de inhoud" in output
        for name, path in placed.items():
            assert re.search(rf"^(ERROR   -  )?{re.escape(path)}:\d+: ## Situatie: ", output, re.M), (name, output)
    assert snapshot(site) == before


def test_nothing_hangs_and_nothing_from_outside_is_published(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "geheim.md"
    outside.write_text((project / "dilemmas" / "op-tijd-opschalen.md").read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(outside, project / "dilemmas" / "van-buiten.md")
    os.symlink("/", project / "dilemmas" / "wortel.md")
    os.symlink(outside, project / "docs" / "geheim.md")
    os.mkfifo(project / "dilemmas" / "pijp.md")
    laughs = "\n".join(
        [f"l0: &l0 [{', '.join(['x'] * 9)}]"]
        + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    )
    (project / "principles" / "lachen.md").write_text(f"---\n{laughs}\n---\n\nTekst.\n", encoding="utf-8")

    started = time.monotonic()
    built = mkdocs_build(project, tmp_path / "site")
    checked = _check(project)
    assert time.monotonic() - started < 120

    for result in (built, checked):
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in output
        for path in ("dilemmas/van-buiten.md", "dilemmas/wortel.md", "docs/geheim.md"):
            assert f"{path}:1: bestand: dit is een snelkoppeling" in output, output
        assert "dilemmas/pijp.md:1: bestand: dit is geen gewoon bestand" in output
        assert "principles/lachen.md:2: gegevens bovenaan: gebruik geen ankers" in output
    assert not (tmp_path / "site").exists()


def test_serve_shows_the_sentence_and_never_the_script(project: Path) -> None:
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    address = "/dilemmas/op-tijd-opschalen/"
    with mkdocs_serve(project) as served:
        served.wait_for(address)
        _add_to_section(dilemma, "Situatie", "!!! note\n    <img src=x onerror=alert(1)>")
        deadline = time.monotonic() + 60
        while "De gids kan niet worden gebouwd" not in served.log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, served.log.read_text(encoding="utf-8")
            time.sleep(0.5)
        log = served.log.read_text(encoding="utf-8")
        assert re.search(r"dilemmas/op-tijd-opschalen\.md:\d+: ## Situatie: het HTML-attribuut 'onerror'", log), log
        assert "Traceback" not in log
        assert "onerror" not in (served.get(address) or "")
        # The browser gets the sentence too, as text (served.get only
        # returns pages that exist; the error page is the 404 page).
        connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
        connection.request("GET", address)
        response = connection.getresponse()
        shown = response.read().decode("utf-8")
        assert response.status == 404
        assert "het HTML-attribuut &#x27;onerror&#x27;" in shown or "het HTML-attribuut 'onerror'" in shown
        assert "<img" not in shown
