"""What a build does to the files around it: contributors' mistakes and
additions, tried on copies of the real project."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.helpers import ROOT, copy_project, mkdocs_build, mkdocs_serve


def snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file below ``folder`` with a hash of its bytes."""
    result = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not rel.startswith(skip):
            result[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_build_modifies_no_source_file(tmp_path: Path) -> None:
    skip = (".venv/", ".git/", "site/", ".pytest_cache/")
    before = snapshot(ROOT, skip)
    before = {k: v for k, v in before.items() if "__pycache__" not in k}
    result = mkdocs_build(ROOT, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    after = {k: v for k, v in snapshot(ROOT, skip).items() if "__pycache__" not in k}
    assert after == before


def test_a_content_error_stops_the_build_and_leaves_the_site_as_it_was(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    (site / "kept-by-the-failed-build.txt").write_text("the last good site")
    before = snapshot(site)

    dilemma = next((project / "dilemmas").glob("*.md"))
    text = dilemma.read_text(encoding="utf-8")
    text = re.sub(r"^tensions: .*$", "tensions: [politiek-samenleving]", text, count=1, flags=re.M)
    dilemma.write_text(text.replace("## Gespreksvragen", "## Vragen"), encoding="utf-8")
    principle = next((project / "principles").glob("*.md"))
    principle.write_text(principle.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")

    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr

    assert result.returncode != 0
    assert "Traceback" not in output
    assert "De gids kan niet worden gebouwd: 3 problemen in de inhoud" in output
    # "## Vragen" stands where "## Gespreksvragen" belongs: one line, not "unknown" and "missing".
    rel_d = f"dilemmas/{dilemma.name}"
    rel_p = f"principles/{principle.name}"
    assert re.search(rf"^{re.escape(rel_d)}:\d+: tensions: 'politiek-samenleving' kan hier niet; kies uit: ", output, re.M)
    assert re.search(rf"^{re.escape(rel_d)}:\d+: ## Vragen: dit kopje is niet goed geschreven\. Bedoel je '## Gespreksvragen'\?", output, re.M)
    assert re.search(rf"^{re.escape(rel_p)}:2: titel: 'titel' is geen sleutel van een principe. Bedoel je 'title'\?", output, re.M)
    assert snapshot(site) == before


def test_a_failed_first_build_writes_no_output_folder(project: Path, tmp_path: Path) -> None:
    dilemma = next((project / "dilemmas").glob("*.md"))
    dilemma.write_text("Geen front matter.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert not (tmp_path / "site").exists()


def test_a_new_dilemma_appears_on_its_principle_and_tension_pages(project: Path, tmp_path: Path) -> None:
    principle = sorted((project / "principles").glob("*.md"))[0].stem
    (project / "dilemmas" / "een-nieuw-dilemma-uit-de-praktijk.md").write_text(
        f"""---
title: Een nieuw dilemma uit de praktijk
description: Een collega voegt een dilemma toe, en het verschijnt overal waar het hoort.
principles: [{principle}]
tensions: [politiek-maatschappij]
domains: [toezicht]
---

## Situatie

Een casus.

## Spanning

Wat trekt.

## Gespreksvragen

- Een vraag?

## Handelingsperspectief

- Een mogelijkheid.
""",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    link = "een-nieuw-dilemma-uit-de-praktijk/"
    assert (site / "dilemmas" / link / "index.html").is_file()
    for address in (f"principes/{principle}/", "spanningen/politiek-maatschappij/", "dilemmas/"):
        html = (site / address / "index.html").read_text(encoding="utf-8")
        assert link in html and "Een nieuw dilemma uit de praktijk" in html, address
    for address in ("spanningen/professie-politiek/",):
        assert link not in (site / address / "index.html").read_text(encoding="utf-8")


def test_serve_rebuilds_when_a_dilemma_changes(project: Path) -> None:
    dilemma = sorted((project / "dilemmas").glob("*.md"))[0]
    address = f"/dilemmas/{dilemma.stem}/"
    with mkdocs_serve(project) as served:
        served.wait_for(address)
        text = dilemma.read_text(encoding="utf-8")
        dilemma.write_text(re.sub(r"^title: .*$", "title: Titel gewijzigd tijdens serve", text, count=1, flags=re.M), encoding="utf-8")
        served.wait_for(address, "Titel gewijzigd tijdens serve")
