"""Issue 17, end to end: a civil servant who has never used git logs in on
/bewerken/, fills in a new dilemma with the form and saves it; a merge
request appears whose pipeline passes and whose preview shows the dilemma
everywhere it belongs, with working filters and session links.

The project is a repository as GitLab holds it (its whole history, the work
tree as the last commit on `main`), and the form's local backend
(decap-server, as in test_cms.py) works on it. Saving without publishing is
the editorial workflow: decap-server commits the dilemma to a branch of its
own, `cms/dilemmas/<id>`, and leaves `main` alone; on GitLab that branch is
a merge request's source. `make pipeline` runs that branch as a merge
request (and as `main`: the target has no switch for one half), as
test_pipeline.py runs it. The preview job's artifact is then served under
its job's artifact path by test_preview.py's server, which does not map a
folder to its index.html, and read in Chromium as a reviewer would.

gitlab-ci-local makes a project's address (CI_PROJECT_URL, from which the
preview job sets SITE_URL) from the clone's remote: here a folder, so it
would fall back to https://gitlab.com/fallback.group/fallback.project. As on
GitLab, where the project's address is the host that serves its artifacts,
the server's address is given to gitlab-ci-local as CI_SERVER_URL, the way
a user of gitlab-ci-local sets it: in its variables file in GCL_HOME."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect
from selectolax.lexbor import LexborHTMLParser

from gids import vendor
from tests.browser import searching
from tests.browser.test_cms import (  # noqa: F401 (editor_url, form, local_backend: fixtures, on this module's repo)
    NEW_ID,
    PRINCIPLES,
    SECTIONS,
    TENSION,
    TITLE,
    editor_url,
    fill_in_a_new_dilemma,
    form,
    local_backend,
    save,
)
from tests.browser.test_preview import COUNT_FETCHES, Links, Preview, artifact_server, open_page, settle
from tests.e2e.test_pipeline import artifacts, clone_with_work_tree, make_pipeline, report
from tests.helpers import ROOT, git

pytestmark = pytest.mark.browser

#: Where decap-server keeps an unpublished entry: the merge request's branch.
BRANCH = f"cms/dilemmas/{NEW_ID}"
#: A word of the title, given as the dilemma's keyword in the form.
TAG = "drukte"
#: The preview's folder in the clone make pipeline runs the merge request in.
PREVIEW = ("merge-request", "preview")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project as GitLab holds it: its whole history (the pipeline's
    job `pages` publishes release 1.0 from its own commit), the work tree as
    the last commit on `main`; and beside it the form's bundle, which is
    fetched, not committed (vendor/ is git-ignored). test_cms.py's fixtures
    (decap-server, the built form) work on this repository."""
    if not vendor.DECAP_CMS.present(ROOT):
        pytest.fail("Decap CMS is not in vendor/decap-cms: run make decap-cms (make test does).", pytrace=False)
    repo = clone_with_work_tree(tmp_path_factory.mktemp("form-to-preview") / "repo")
    shutil.copytree(ROOT / vendor.DECAP_CMS.folder, repo / vendor.DECAP_CMS.folder)
    assert git(repo, "status", "--porcelain") == ""
    return repo


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def links_to(public: Path, page: str, target: str) -> bool:
    """Whether the built page ``page`` (a path in ``public``) links to the
    page ``target`` (another such path)."""
    base = "http://preview.invalid/"
    tree = LexborHTMLParser((public / page).read_text(encoding="utf-8"))
    found = {urljoin(base + page, a.attributes.get("href") or "").split("#")[0] for a in tree.css("a[href]")}
    return base + target in found


def published(public: Path, page: str) -> str:
    """The address a built page says the guide is published at (its settings block)."""
    html = (public / page).read_text(encoding="utf-8")
    block = re.search(r'<script id="gids-config" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert block, f"no settings block in {page}"
    return json.loads(block.group(1))["published"]


def test_a_dilemma_from_the_form_to_the_preview_of_its_merge_request(
    form: Page,  # noqa: F811
    editor_url: str,  # noqa: F811
    repo: Path,
    tmp_path: Path,
) -> None:
    # 1. The form: a new dilemma filled in and saved, not published.
    fill_in_a_new_dilemma(form, editor_url)
    form.get_by_label("Trefwoorden").fill(TAG)
    save(form)
    # A branch of its own, one commit on `main` with one new file; `main`
    # itself is as it was, and decap-server left it checked out.
    assert git(repo, "branch", "--format=%(refname:short)").split() == [BRANCH, "main"]
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD") == "main\n"
    assert git(repo, "rev-list", "--count", f"main..{BRANCH}") == "1\n"
    assert git(repo, "diff", "--name-status", "main", BRANCH) == f"A\tdilemmas/{NEW_ID}.md\n"
    saved = front_matter(git(repo, "show", f"{BRANCH}:dilemmas/{NEW_ID}.md"))
    assert saved["title"] == TITLE and saved["tags"] == [TAG]
    assert saved["history"] == [{"note": "Nieuw dilemma."}]

    # 2. The merge request's pipeline, on a clone at its branch (as a
    # runner clones it), with `main` to merge into.
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "--quiet", "--branch", BRANCH, str(repo), str(checkout)], check=True, capture_output=True)
    git(checkout, "branch", "--quiet", "main", "origin/main")
    public = artifacts(checkout, *PREVIEW) / "public"
    # The server first, for its address: the preview is built for it.
    with artifact_server(public) as server:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        home = tmp_path / "gitlab-ci-local-home"
        (home / ".gitlab-ci-local").mkdir(parents=True)
        (home / ".gitlab-ci-local" / "variables.yml").write_text(f"global:\n  CI_SERVER_URL: {origin}\n", encoding="utf-8")
        output = make_pipeline(checkout, GCL_HOME=str(home))

        assert "Pijplijn als merge-request: check check-history preview" in output
        # check-history passes without a warning: the new dilemma's history
        # has its note ("Nieuw dilemma.", which the form writes), and it is
        # no copy of another dilemma (no near-duplicate warning either).
        assert report(output) == {"check": "PASS", "check-history": "PASS", "preview": "PASS", "pages": "PASS"}, output
        logs = checkout / ".gitlab-ci-local" / "merge-request" / ".gitlab-ci-local" / "output"
        history = (logs / "check-history.log").read_text(encoding="utf-8")
        assert re.search(r"^Geschiedenis nagekeken tegen \w+: 0 waarschuwingen, 0 fouten\.$", history, re.MULTILINE), history
        assert not re.search(r"^(waarschuwing|fout):", history, re.MULTILINE), history
        # The check found nothing to say, and counted it with the others.
        check = (logs / "check.log").read_text(encoding="utf-8")
        counted = re.search(r"^Controle klaar: alles in orde\. Gecontroleerd: \d+ principes, (\d+) dilemma's", check, re.MULTILINE)
        assert counted and int(counted.group(1)) == len(list((repo / "dilemmas").glob("*.md"))) + 1, check

        # 3. The preview: the dilemma's page, and links to it where it belongs.
        page = f"dilemmas/{NEW_ID}.html"
        html = (public / page).read_text(encoding="utf-8")
        assert TITLE in html and SECTIONS["Situatie"] in html
        assert links_to(public, "dilemmas/index.html", page)
        assert links_to(public, f"spanningen/{TENSION[0]}.html", page)
        for principle in PRINCIPLES:
            assert links_to(public, f"principes/{principle}.html", page), principle
        # Built for the address it is served at: the job's artifact path on
        # the project's host, as GitLab serves it.
        address = published(public, page)
        assert re.fullmatch(re.escape(origin) + r"/fallback\.group/fallback\.project/-/jobs/\d+/artifacts/file/public/", address)
        server.prefix = urlsplit(address).path
        preview = Preview(address, public, server.answers)

        # 4. The preview in the browser, as a reviewer reads it.
        reader = form.context.new_page()
        reader.set_default_timeout(20_000)
        reader.add_init_script(COUNT_FETCHES)
        links = Links(preview)
        links.watch(reader)
        read_the_preview(reader, preview, links)
        reader.close()
        assert links.broken() == []
        assert links.errors == []
        assert preview.failed() == []


def read_the_preview(page: Page, preview: Preview, links: Links) -> None:
    """The filters find the dilemma and lead to its page; the search knows
    it; a session with it is composed, opens from the composer and from the
    address it shares, and its card's links work. Only the links this test
    follows are collected: the project's own pages (edit, issues) are on the
    same host, and are GitLab's, not the preview's."""
    dilemma = preview.url + f"dilemmas/{NEW_ID}.html"
    found = page.locator("#gids-filter-results .gids-card")
    card = page.locator(f'#gids-filter-results .gids-card[data-gids-id="{NEW_ID}"]')

    # The filters of the list, chosen as a reader does: its tension ...
    open_page(page, preview.url + "dilemmas/index.html")
    page.locator("#gids-filter-spanning").select_option(TENSION[0])
    expect(card).to_be_visible()
    assert page.url == preview.url + f"dilemmas/index.html?spanning={TENSION[0]}"
    assert dilemma in links.collect(page, "#gids-filter-results a[href]")
    # ... and instead its keyword, a word of its title: it alone.
    page.locator("#gids-filter-spanning").select_option("")
    page.locator("#gids-filter-tag").select_option(TAG)
    expect(found).to_have_count(1)
    expect(card).to_be_visible()
    assert links.collect(page, "#gids-filter-results a[href]") == [dilemma]
    with page.expect_navigation() as navigation:
        card.locator(".gids-card__title").click()
    assert navigation.value is not None and navigation.value.status == 200 and page.url == dilemma
    settle(page)
    expect(page.locator("article h1")).to_have_text(TITLE)
    # Into a session from its own page.
    page.get_by_role("button", name="Voeg toe aan sessie").click()
    expect(page.get_by_role("button", name="In je sessie: haal weg")).to_be_visible()

    # The search finds it by that word.
    page.goto(preview.url + f"zoeken.html?q={TAG}")
    assert f"dilemmas/{NEW_ID}.html" in searching.shown(page, preview.url, TAG)
    links.collect(page, searching.RESULT_LINK)

    # The composer, the way a trainer goes: from the home page. The set
    # holds it; narrowed by its tension and a word of its title, the list
    # to choose from shows it alone, chosen.
    open_page(page, preview.url + "index.html")
    page.get_by_role("link", name="Stel een sessie samen").click()
    page.wait_for_load_state()
    settle(page)
    expect(page.locator("#gids-session-selected li")).to_have_count(1)
    expect(page.locator("#gids-session-selected")).to_contain_text(TITLE)
    page.locator("#gids-session-tension").select_option(TENSION[0])
    page.locator("#gids-session-search").fill(TAG)
    option = page.locator("#gids-session-options li:not([hidden])")
    expect(option).to_have_count(1)
    expect(option.get_by_role("checkbox")).to_be_checked()
    expect(option).to_contain_text(TITLE)
    # Its address to share is the preview's, and so is "Bekijk de set".
    shared = page.locator("#gids-session-link").input_value()
    assert shared == preview.url + f"sessie.html?d={NEW_ID}"
    assert links.collect(page, "#gids-session-open, #gids-session-link") == [shared, shared]

    # The set as participants see it: opened from the composer, and from
    # its shared address. Its one card is the dilemma's, and links to its
    # tension and principles in the preview.
    page.locator("#gids-session-open").click()
    for opened in ("from the composer", "from the shared address"):
        if opened == "from the shared address":
            open_page(page, shared)
        else:
            page.wait_for_load_state()
            settle(page)
        assert page.url == shared, opened
        cards = page.locator(".gids-session-card")
        expect(cards).to_have_count(1)
        expect(cards).to_have_attribute("aria-label", TITLE)
        expect(cards.locator(".gids-dilemma__title")).to_have_text(TITLE)
        expect(cards).to_contain_text(SECTIONS["Situatie"])
        targets = links.collect(page, ".gids-session-card a[href], #gids-session-edit")
        wanted = [preview.url + f"spanningen/{TENSION[0]}.html", *(preview.url + f"principes/{p}.html" for p in PRINCIPLES)]
        assert set(wanted) <= set(targets), (opened, targets)
    # A card's link followed: its tension's page, which lists it.
    with page.expect_navigation() as navigation:
        page.locator(".gids-session-card").get_by_role("link", name=TENSION[1]).click()
    assert navigation.value is not None and navigation.value.status == 200
    assert page.url == preview.url + f"spanningen/{TENSION[0]}.html"
    settle(page)
    expect(page.get_by_role("link", name=TITLE).first).to_be_visible()
