"""Co-editing: "Verbeter deze pagina" opens the real source file, the lists
offer a way to propose a new item, and `make check` speaks to people."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import ROOT, TwoReleases, copy_project, mkdocs_build

REPOSITORY = "https://gitlab.com/voorbeeld/gids-ambtelijk-vakmanschap"


def edit_link(site: Path, address: str) -> str | None:
    soup = BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("article a.gids-edit")
    if link is None:
        return None
    assert link.get_text(strip=True) == "Verbeter deze pagina"
    return link["href"]


@pytest.mark.parametrize(
    "address, source",
    [
        ("principes/loyale-tegenspraak/", "principles/loyale-tegenspraak.md"),
        ("dilemmas/op-tijd-opschalen/", "dilemmas/op-tijd-opschalen.md"),
        ("spanningen/professie-politiek/", "docs/spanningen/professie-politiek.md"),
        ("spanningen/", "docs/spanningen/index.md"),
        ("", "docs/index.md"),
        ("bijdragen/", "docs/bijdragen/index.md"),
        ("bijdragen/naslag/", "docs/bijdragen/naslag.md"),
        ("bijdragen/redactie/", "docs/bijdragen/redactie.md"),
        ("over/", "docs/over.md"),
        ("sessie/", "docs/sessie.md"),
    ],
)
def test_edit_this_page_opens_the_source_file(built_site: Path, address: str, source: str) -> None:
    assert edit_link(built_site, address) == f"{REPOSITORY}/-/edit/main/{source}"
    assert (ROOT / source).is_file()


@pytest.mark.parametrize("address", ["principes/", "dilemmas/", "versies/"])
def test_generated_pages_have_no_edit_link(built_site: Path, address: str) -> None:
    assert edit_link(built_site, address) is None


def test_a_tombstone_has_no_edit_link(two_releases: TwoReleases) -> None:
    gone, _ = two_releases.removed
    assert edit_link(two_releases.public, f"dilemmas/{gone}/") is None


@pytest.mark.parametrize("address, noun, folder", [("dilemmas/", "dilemma", "dilemmas"), ("principes/", "principe", "principles")])
def test_lists_offer_to_propose_a_new_item_with_the_template(built_site: Path, address: str, noun: str, folder: str) -> None:
    soup = BeautifulSoup((built_site / address / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.select_one(".gids-propose")
    assert section.h2.get_text(strip=True) == f"Nieuw {noun} voorstellen"
    button = section.find("a", string=f"Nieuw {noun} voorstellen")
    assert button["href"] == f"{REPOSITORY}/-/new/main/{folder}?file_name=nieuw-{noun}.md"
    template = (ROOT / "sjablonen" / f"{noun}.md").read_text(encoding="utf-8")
    assert section.select_one("pre code").get_text() == template


def test_where_the_form_is_set_up_a_new_item_starts_in_the_form(tmp_path: Path) -> None:
    """Reported: "Nieuw dilemma voorstellen" opened GitLab's new-file
    editor, which ignores the template it is given, so a contributor began
    with an empty file. With the form set up, the button opens the form on
    a new item (Decap's route); the web editor stays one link away."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert re.search(r'(?m)^    app_id: ""', text)
    config.write_text(re.sub(r'(?m)^    app_id: ""', '    app_id: "abc123"', text, count=1), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    for address, noun, collection, folder in (("dilemmas/", "dilemma", "dilemmas", "dilemmas"), ("principes/", "principe", "principes", "principles")):
        section = BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".gids-propose")
        button = section.find("a", string=f"Nieuw {noun} voorstellen")
        assert button["href"] == f"../bewerken/#/collections/{collection}/new"
        assert "md-button--primary" in button["class"]
        web_editor = section.find("a", string="Open daar een nieuw bestand")
        assert web_editor["href"] == f"{REPOSITORY}/-/new/main/{folder}?file_name=nieuw-{noun}.md"
    # The collection names of the route are the form's own.
    form_config = yaml.safe_load((site / "bewerken" / "config.yml").read_text(encoding="utf-8"))
    assert {c["name"] for c in form_config["collections"]} == {"dilemmas", "principes"}


def test_on_github_the_editor_opens_with_the_template_filled_in(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, GIDS_REPOSITORY_URL="https://github.com/voorbeeld/gids", GIDS_REPOSITORY_BRANCH="hoofd")
    assert result.returncode == 0, result.stderr
    assert edit_link(site, "dilemmas/op-tijd-opschalen/") == "https://github.com/voorbeeld/gids/edit/hoofd/dilemmas/op-tijd-opschalen.md"
    soup = BeautifulSoup((site / "dilemmas" / "index.html").read_text(encoding="utf-8"), "html.parser")
    url = urlsplit(soup.find("a", string="Nieuw dilemma voorstellen")["href"])
    assert url.path == "/voorbeeld/gids/new/hoofd/dilemmas"
    query = parse_qs(url.query)
    assert query["filename"] == ["nieuw-dilemma.md"]
    assert query["value"] == [(ROOT / "sjablonen" / "dilemma.md").read_text(encoding="utf-8")]


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gids.check", "--root", str(root)],
        cwd=root,
        capture_output=True,
        text=True,
    )


def test_make_check_passes_the_real_guide() -> None:
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(
        r"Controle klaar: alles in orde\. Gecontroleerd: \d+ principes, \d+ dilemma's, 3 spanningen en \d+ uitgaven?\.\n",
        result.stdout,
    )


def test_make_check_names_every_problem_in_dutch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    dilemma.write_text(dilemma.read_text(encoding="utf-8").replace("tensions:", "tensons:"), encoding="utf-8")
    principle = project / "principles" / "menselijke-maat.md"
    principle.write_text(principle.read_text(encoding="utf-8").replace("title:", "title: \"\"\nx:", 1), encoding="utf-8")

    result = check(project)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "De gids kan niet worden gebouwd: 3 problemen in de inhoud. Los ze op en probeer het opnieuw."
    assert lines[1].startswith("dilemmas/op-tijd-opschalen.md:") and ": tensons: 'tensons' is geen sleutel" in lines[1]
    assert all(re.match(r"^principles/menselijke-maat\.md:\d+: (title|x): ", line) for line in lines[2:4])
    assert lines[-1] == "Controle klaar: 3 problemen in 2 bestanden. De uitleg bij elke melding staat in de gids onder Bijdragen, Naslag."


def test_a_failing_make_check_ends_with_its_own_dutch_summary(tmp_path: Path) -> None:
    # Reported: make added "make: *** [Makefile:57: check] Error 1" after
    # the summary. It still fails (for the pipeline and pre-commit).
    project = copy_project(tmp_path / "project")
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    dilemma.write_text(dilemma.read_text(encoding="utf-8").replace("tensions:", "tensons:"), encoding="utf-8")
    result = subprocess.run(
        ["make", "--no-print-directory", "check", f"VENV={ROOT / '.venv'}"],
        cwd=project, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "make" not in result.stderr and "***" not in result.stdout + result.stderr, result.stderr
    assert result.stdout.splitlines()[-1] == "Controle klaar: 1 probleem in 1 bestand. De uitleg bij elke melding staat in de gids onder Bijdragen, Naslag."


def test_the_check_and_the_build_say_the_same(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    dilemma.write_text(dilemma.read_text(encoding="utf-8").replace("domains: [", "domains: [handhaving, "), encoding="utf-8")
    checked = check(project).stdout.splitlines()[:-1]
    built = mkdocs_build(project, tmp_path / "site")
    build_lines = [line.removeprefix("ERROR   -  ") for line in (built.stdout + built.stderr).splitlines()]
    assert checked and all(line in build_lines for line in checked)


def test_pre_commit_runs_the_same_check() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(repo for repo in config["repos"] if repo["repo"] == "local")
    hook = local["hooks"][0]
    assert hook["entry"] == "make check" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "dilemmas/nieuw.md") and re.search(hook["files"], "principles/x.md")
    hygiene = {h["id"] for repo in config["repos"] if repo["repo"] != "local" for h in repo["hooks"]}
    assert {"check-yaml", "end-of-file-fixer", "trailing-whitespace"} <= hygiene


def test_the_merge_request_preview_has_no_broken_links(tmp_path: Path) -> None:
    # Built as the preview job builds it: pages as .html files.
    site = tmp_path / "preview"
    result = mkdocs_build(ROOT, site, DIRECTORY_URLS="false")
    assert result.returncode == 0, result.stderr
    assert (site / "dilemmas" / "op-tijd-opschalen.html").is_file()
    checked = 0
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link"], href=True):
            href = element["href"].split("#")[0].split("?")[0]
            if not href or re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            # The 404 page is served at any depth, so it links from the root.
            target = (site / href.lstrip("/")).resolve() if href.startswith("/") else (page.parent / href).resolve()
            assert target.is_file() or (target / "index.html").is_file(), f"{page.relative_to(site)} -> {href}"
            checked += 1
    assert checked > 1000
