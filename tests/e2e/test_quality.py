"""Quality gates on real builds: no script sneaks in, every internal link and
anchor resolves, two builds of one commit are byte-identical, and ProperDocs
builds the same guide as MkDocs."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from tests.helpers import ROOT, TwoReleases, copy_project, init_repo, mkdocs_build

QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def test_sneaking_script_into_a_dilemma_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    dilemma = project / "dilemmas" / "op-tijd-opschalen.md"
    text = dilemma.read_text(encoding="utf-8")
    dilemma.write_text(text.replace("## Spanning\n", "## Spanning\n\nZie <img src=x onerror=alert(1)> hier.\n", 1), encoding="utf-8")
    line = dilemma.read_text(encoding="utf-8").splitlines().index("Zie <img src=x onerror=alert(1)> hier.") + 1

    result = mkdocs_build(project, tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert (
        f"dilemmas/op-tijd-opschalen.md:{line}: ## Spanning: het HTML-attribuut 'onerror' is niet toegestaan: "
        "het laat code draaien; haal het weg"
    ) in output
    assert not (tmp_path / "site").exists()


# --- links -------------------------------------------------------------------


def crawl(site: Path) -> tuple[int, list[str], set[str]]:
    """Check every internal href and src of a built site, #anchors included.

    Returns the number of internal links checked, the broken ones, and the
    external addresses (listed, never fetched)."""
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            ids[page] = {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all(attrs={"name": True})}
        return ids[page]

    checked, broken, external = 0, [], set()
    for page in sorted(site.rglob("*.html")):
        address = "http://site/" + page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img", "source"]):
            target = element.get("href") or element.get("src")
            if not target or (element.name == "link" and "canonical" in element.get("rel", [])):
                continue
            parts = urlsplit(target)
            if parts.scheme in ("http", "https") or target.startswith("//"):
                external.add(target)
                continue
            if parts.scheme:  # mailto: and the like
                continue
            resolved = urlsplit(urljoin(address, target))
            path = site / unquote(resolved.path).removeprefix("/")
            if path.is_dir():
                path = path / "index.html"
            checked += 1
            if not path.is_file():
                broken.append(f"{page.relative_to(site)} -> {target}")
            elif resolved.fragment and path.suffix == ".html" and unquote(resolved.fragment) not in anchors(path):
                broken.append(f"{page.relative_to(site)} -> {target} (anker ontbreekt)")
    return checked, broken, external


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    checked, broken, external = crawl(built_site)
    assert checked > 1500
    assert broken == []
    # External links are listed for a person to look at, never fetched.
    print("\nExterne links:\n" + "\n".join(sorted(external)))
    assert all(url.startswith(("https://", "http://127.0.0.1:8000/")) for url in external), sorted(external)


def test_every_link_resolves_in_a_site_with_all_versions(two_releases: TwoReleases) -> None:
    # versions.json only exists in the published folder; the 404 page links
    # from the root of the host, which is this folder.
    checked, broken, _ = crawl(two_releases.public)
    assert checked > 3000
    assert broken == []


# --- reproducible builds -----------------------------------------------------------


# Pagefind's filter and metadata indexes (and the entry file naming them)
# differ from run to run for the same input: Pagefind issue #638 made its
# fragments and word indexes stable (1.3), not these. They are compared by
# how many there are; everything else of the index byte for byte.
UNSTABLE_SEARCH_FILES = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$")


def tree_hashes(folder: Path) -> dict[str, str]:
    hashes: dict[str, str] = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        name = p.relative_to(folder).as_posix()
        unstable = UNSTABLE_SEARCH_FILES.match(name)
        if unstable:
            group = f"pagefind/{unstable.group(1).split('.')[0].split('/')[0]} (count)"
            hashes[group] = str(int(hashes.get(group, "0")) + 1)
        else:
            hashes[name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return hashes


def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    origin = copy_project(tmp_path / "origin")
    # A commit from another day than today: dates must come from git.
    os.environ["GIT_COMMITTER_DATE"] = os.environ["GIT_AUTHOR_DATE"] = "2025-03-14T12:00:00+00:00"
    try:
        init_repo(origin, "Een commit")
    finally:
        del os.environ["GIT_COMMITTER_DATE"], os.environ["GIT_AUTHOR_DATE"]
    first, second = tmp_path / "eerste", tmp_path / "tweede"
    for clone in (first, second):
        subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}

    sites = []
    for clone in (first, second):
        site = tmp_path / f"site-{clone.name}"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
            cwd=clone,
            capture_output=True,
            text=True,
            env={**env, **QUIET},
        )
        assert result.returncode == 0, result.stderr
        sites.append(site)
        time.sleep(1.1)  # a later second: the clock must not show

    one, two = (tree_hashes(site) for site in sites)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    # The sitemap's dates come from git, not from the clock.
    sitemap = (sites[0] / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2025-03-14</lastmod>" in sitemap
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2025-03-14"}


# --- engine portability -------------------------------------------------------------


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_guide(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "properdocs"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **QUIET},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ours, theirs = tree_hashes(built_site), tree_hashes(site)
    assert ours.keys() == theirs.keys(), "the same pages at the same addresses"
    differ = [
        name
        for name in ours
        if ours[name] != theirs[name]
        and GENERATOR.sub(b"", (built_site / name).read_bytes()) != GENERATOR.sub(b"", (site / name).read_bytes())
    ]
    # Only the generator line differs (and the compressed sitemap, which
    # holds the same sitemap).
    assert [name for name in differ if name != "sitemap.xml.gz"] == []
