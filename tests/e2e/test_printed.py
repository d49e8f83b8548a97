"""The printed guide that gids publish writes beside the site: the decks of
cards (all dilemmas, each tension) and the booklet of the guide and of each
release, opened with pypdf; and the pages that link to them."""

from __future__ import annotations

import io
import re
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from gids import printed
from tests.helpers import copy_project, init_repo

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
PUBLISHED = "http://127.0.0.1:8000/"


def run_publish(repo: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gids.publish", str(out), "--site-url", PUBLISHED],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**ENV, **env},
        timeout=900,
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_project(tmp_path_factory.mktemp("printed") / "repo")
    init_repo(repo, "Release 1.0")
    return repo


@pytest.fixture(scope="module")
def public(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    result = run_publish(repo, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages]


def guide(site: Path) -> dict:
    return json.loads((site / "gids.json").read_text(encoding="utf-8"))


def test_each_deck_is_a4_sheets_of_cards_with_every_title_on_both_sides(public: Path) -> None:
    data = guide(public)
    # All dilemmas in the order of /dilemmas/: by tension, each once.
    every = list(dict.fromkeys(d for t in data["tensions"] for d in t["dilemmas"]))
    decks = {printed.ALL_DECK: every}
    decks.update({t["id"]: t["dilemmas"] for t in data["tensions"] if t["dilemmas"]})
    titles = {d["id"]: d["title"] for d in data["dilemmas"]}
    for name, ids in decks.items():
        pdf = public / printed.deck_file(name)
        pages = texts(pdf)
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        # A4 portrait, in points.
        assert all(round(float(p.mediabox.width)) in (595, 596) and round(float(p.mediabox.height)) in (842, 843) for p in reader.pages)
        # Four cards a sheet: a sheet of fronts, then the sheet of their backs.
        assert len(pages) == 2 * -(-len(ids) // 4), name
        for index, dilemma in enumerate(ids):
            sheet = index // 4
            front, back = pages[2 * sheet], pages[2 * sheet + 1]
            assert titles[dilemma] in front and titles[dilemma] in back, (name, dilemma)
            assert dilemma in front and dilemma in back, (name, dilemma)
            # The back carries the permanent address (the QR code's).
            assert f"{PUBLISHED}dilemmas/{dilemma}/" in back.replace(" ", ""), (name, dilemma)
            assert sum(titles[dilemma] in page for page in pages) == 2, (name, dilemma)


@pytest.mark.parametrize("folder", ["", "1.0"])
def test_the_booklet_is_the_whole_guide_with_its_release_on_the_cover(public: Path, folder: str) -> None:
    site = public / folder if folder else public
    data = guide(site)
    pages = texts(site / printed.BOOKLET_PDF)
    assert "Gids Ambtelijk vakmanschap" in pages[0]
    assert "Versie 1.0 van" in pages[0]
    whole = "\n".join(pages)
    # Each part starts on a page of its own, in this order.
    parts = ("Inleiding", "De driehoek van bewust vakmanschap", "Principes", "Dilemma's")
    starts = [next(i for i, page in enumerate(pages) if page.startswith(part)) for part in parts]
    assert starts == sorted(starts) and starts[0] == 1, starts
    for item in data["principles"] + data["dilemmas"] + data["tensions"]:
        assert item["title"] in whole, item["id"]
    # Every dilemma starts on a page of its own.
    for dilemma in data["dilemmas"]:
        assert any(page.startswith(dilemma["title"][:30]) for page in pages), dilemma["id"]


def links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select("a[href$='.pdf']")]


def resolve(public: Path, page: Path, href: str) -> Path:
    base = "http://x/" + page.parent.relative_to(public).as_posix() + "/"
    return public / urljoin(base, href).removeprefix("http://x/")


def test_the_pages_link_to_their_pdfs(public: Path) -> None:
    data = guide(public)
    for tension in data["tensions"]:
        page = public / "spanningen" / tension["id"] / "index.html"
        found = links(page)
        assert len(found) == (1 if tension["dilemmas"] else 0), tension["id"]
        assert all(resolve(public, page, href).is_file() for href in found)
    page = public / "dilemmas" / "index.html"
    assert [resolve(public, page, h) for h in links(page)] == [public / printed.deck_file(printed.ALL_DECK)]
    # /versies/: the guide as it is now, and each release's booklet.
    page = public / "versies" / "index.html"
    assert [resolve(public, page, h) for h in links(page)] == [
        public / printed.BOOKLET_PDF,
        public / "1.0" / printed.BOOKLET_PDF,
    ]
    page = public / "1.0" / "versies" / "index.html"
    assert [resolve(public, page, h) for h in links(page)] == [public / "1.0" / printed.BOOKLET_PDF]


def test_without_chromium_nothing_is_built_and_it_says_what_to_install(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = run_publish(repo, out, CHROMIUM=str(tmp_path / "geen-chromium"))
    assert result.returncode == 1
    assert "Voor de PDF's van de kaarten en het boekje is Chromium nodig" in result.stdout + result.stderr
    assert "sudo apt-get install chromium" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not out.exists()


def test_a_release_from_before_the_booklet_gets_one_from_its_own_pages(built_site: Path, tmp_path: Path) -> None:
    """A release built from an older commit has no booklet page (its
    snapshot is built with its own templates): its booklet is printed from
    its pages as published."""
    import shutil

    site = tmp_path / "1.0"
    shutil.copytree(built_site, site)
    assert not (site / printed.BOOKLET_ADDRESS).exists()
    # In a process of its own, as gids publish runs it: Playwright's
    # synchronous API cannot start inside the browser tests' running one.
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; from gids import printed; "
         "print(*printed.write_pdfs(Path(sys.argv[1])), sep=chr(10))", str(site)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(site / printed.BOOKLET_PDF) in result.stdout.splitlines()
    pages = texts(site / printed.BOOKLET_PDF)
    assert pages[0].startswith("Gids Ambtelijk vakmanschap Versie 1.0:")
    assert re.search(r"\d+ \w+ 2026", pages[0])
    whole = "\n".join(pages)
    data = guide(site)
    for item in data["principles"] + data["dilemmas"] + data["tensions"]:
        assert item["title"] in whole, item["id"]
    # What is only for the screen is left out.
    for words in ("Verbeter deze pagina", "Reageer op deze pagina"):
        assert words not in whole
