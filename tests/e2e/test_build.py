"""What a build does to the files around it: contributors' mistakes and
additions, tried on copies of the real project."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, copy_project, mkdocs_build, mkdocs_serve

GIDS = Path(sys.executable).parent / "gids"


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
    skip = (".venv/", ".git/", "site/", ".pytest_cache/", ".gitlab-ci-local/")
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


def _message_lines(output: str) -> list[str]:
    """The lines of a report that name a file and a line."""
    return sorted(line for line in output.splitlines() if re.match(r"^(dilemmas|principles|docs)/[^:]+:\d+: ", line))


def test_mistakes_in_bodies_alone_stop_the_build_and_leave_the_site_as_it_was(project: Path, tmp_path: Path) -> None:
    """The bodies are judged on the HTML MkDocs rendered for them, after it
    emptied its output folder: the build writes beside it, so the last site
    stays, and the report is the one make check gives, in Dutch only."""
    site = tmp_path / "out" / "site"
    assert mkdocs_build(project, site).returncode == 0
    (site / "kept-by-the-failed-build.txt").write_text("the last good site")
    before = snapshot(site)

    dilemma, other = sorted((project / "dilemmas").glob("*.md"))[:2]
    text = dilemma.read_text(encoding="utf-8")
    principle = sorted((project / "principles").glob("*.md"))[0].stem
    dilemma.write_text(
        text.replace("## Gespreksvragen", "## Vragen")
        .replace("\n## Spanning\n", f"\n## Spanning\n\nZie [het principe](../principles/{principle}x.md).\n", 1)
        .replace("\n## Situatie\n", "\n\n\n## Situatie\n", 1),
        encoding="utf-8",
    )
    other_text = other.read_text(encoding="utf-8")
    other.write_text(other_text.replace("## Spanning\n", '## Spanning\n\nKlik <a href="#" onclick="alert(1)">hier</a>.\n', 1), encoding="utf-8")
    about = project / "docs" / "over.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[Nergens](nergens.md)\n", encoding="utf-8")

    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    check = subprocess.run([str(GIDS), "check"], cwd=project, capture_output=True, text=True, timeout=120)

    assert result.returncode != 0
    assert "Traceback" not in output
    # MkDocs' own English warning about the same broken links is held back.
    assert "Doc file" not in output and "WARNING" not in output
    lines = _message_lines(output)
    assert len(lines) == 4
    assert lines == _message_lines(check.stdout + check.stderr)
    vragen = next(line for line in lines if "## Vragen" in line)
    number = int(vragen.split(":")[1])
    assert dilemma.read_text(encoding="utf-8").split("\n")[number - 1] == "## Vragen"
    assert snapshot(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # nothing left beside it


def test_other_warnings_of_mkdocs_come_with_the_report(project: Path, tmp_path: Path) -> None:
    """A broken link to a page is said once, in Dutch; what only MkDocs
    checks (a missing image) still comes along in the same run."""
    about = project / "docs" / "over.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[Nergens](nergens.md)\n\n![Een plaatje](plaatje-dat-ontbreekt.png)\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"^docs/over\.md:\d+: link: de link 'nergens\.md' werkt niet", output, re.M)
    assert "'nergens.md'" not in "\n".join(line for line in output.splitlines() if "Doc file" in line)
    assert "plaatje-dat-ontbreekt.png" in output
    assert not (tmp_path / "site").exists()


def test_a_warning_in_strict_mode_leaves_the_site_as_it_was(project: Path, tmp_path: Path) -> None:
    """MkDocs fails a strict build after the last plugin ran: the new site
    is not put in place then."""
    site = tmp_path / "out" / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    about = project / "docs" / "over.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n![Een plaatje](plaatje-dat-ontbreekt.png)\n", encoding="utf-8")

    result = mkdocs_build(project, site)

    assert result.returncode != 0
    assert "plaatje-dat-ontbreekt.png" in result.stdout + result.stderr
    assert snapshot(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]


def test_a_good_build_takes_the_place_of_the_last_one(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    assert mkdocs_build(project, site).returncode == 0
    (site / "left-from-before.txt").write_text("old")
    about = project / "docs" / "over.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nEen nieuwe zin voor de lezer.\n", encoding="utf-8")

    assert mkdocs_build(project, site).returncode == 0

    assert "Een nieuwe zin voor de lezer." in (site / "over" / "index.html").read_text(encoding="utf-8")
    assert not (site / "left-from-before.txt").exists()
    assert [p.name for p in site.parent.iterdir()] == ["site"]


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


def test_an_interrupted_build_leaves_the_site_and_nothing_beside_it(project: Path, tmp_path: Path) -> None:
    """Ctrl-C during a build: the last site stays, the half-built one goes."""
    site = tmp_path / "out" / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    staging = site.with_name("site.new-build")
    process = _start_build(
        project,
        site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as a terminal sends it, also where the tests run in the
        # background: a shell starts a background job with SIGINT ignored,
        # which its children inherit, and Python then never raises
        # KeyboardInterrupt.
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 60
    while not staging.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert staging.exists(), "the build writes beside the site"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode != 0, (
        f"SIGINT in this process: {signal.getsignal(signal.SIGINT)}\n" + (out + err).decode(errors="replace")[-2000:]
    )
    assert snapshot(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]


def _start_build(project: Path, site: Path, **options: Any) -> subprocess.Popen[bytes]:
    """``mkdocs build`` of ``project`` into ``site``, running while the test goes on."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        **options,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _processes_naming(text: str) -> list[int]:
    """The processes whose command line names ``text`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if text in command:
                found.append(int(entry.name))
    return found


def test_a_killed_build_leaves_no_process_behind(project: Path, tmp_path: Path) -> None:
    """A cancelled pipeline kills the build: its worker on the second core
    goes with it instead of waiting for work for ever."""
    site = tmp_path / "out" / "killed-site"
    # The worker lives from on_files to on_env, about a second here; on a
    # busy machine a try may miss it, so up to five tries.
    for _ in range(5):
        process = _start_build(project, site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The worker is a fork of the build: the same command line.
        while len(_processes_naming(str(site))) < 2 and process.poll() is None:
            time.sleep(0.005)
        if process.poll() is None:
            break
    assert process.poll() is None and len(_processes_naming(str(site))) >= 2, "the build and its worker run"
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _processes_naming(str(site)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_naming(str(site)) == []


def test_compiled_templates_are_kept_for_the_next_build(project: Path, tmp_path: Path) -> None:
    """Jinja's cache of compiled templates (the hook's speed device): after
    a build, the dilemma page's template is in it, and a template that
    changed is compiled again, not taken from the cache."""
    from jinja2 import FileSystemBytecodeCache

    cache = FileSystemBytecodeCache()
    template = project / "overrides" / "gids" / "dilemma.html"
    key = hashlib.sha1(b"gids/dilemma.html")
    key.update(("|" + str(template)).encode("utf-8"))
    cached = Path(cache.directory) / (cache.pattern % key.hexdigest())
    assert mkdocs_build(project, tmp_path / "one").returncode == 0
    assert cached.is_file()
    template.write_text(
        template.read_text(encoding="utf-8").replace("{% block content %}", "{% block content %}<!-- gewijzigd -->", 1),
        encoding="utf-8",
    )
    assert mkdocs_build(project, tmp_path / "two").returncode == 0
    page = (tmp_path / "two" / "dilemmas" / "minister-of-samenleving" / "index.html").read_text(encoding="utf-8")
    assert "<!-- gewijzigd -->" in page
