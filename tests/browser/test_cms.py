"""The form-based editor /bewerken/ (Decap CMS, gids/cms.py) in Chromium.

Decap's local backend (decap-server, from package.json) works on a git
repository made from a copy of the guide, as GitLab would: every save is a
branch (the editorial workflow), publishing merges it. Through the form a
new dilemma is written and a principle is changed; what lands in the
repository passes `gids check`, and the next build shows both where they
belong. Nothing is skipped when a tool is missing: `make test` fetches the
bundle (make decap-cms) and decap-server (npm ci)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from gids import schema, vendor
from tests.helpers import ROOT, copy_project, git, init_repo, mkdocs_build, serve

pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
GIDS = Path(sys.executable).with_name("gids")

# Records the policy violations a page reports, from before its first script.
WATCH_VIOLATIONS = """
window.gidsViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.gidsViolations.push({directive: event.effectiveDirective, blocked: event.blockedURI});
});
"""
# Where a text in Decap's text field ends on the screen: clicking there puts
# the caret right after it, as a person would.
END_OF = """(text) => {
  const walker = document.createTreeWalker(document.querySelector("[data-slate-editor]"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(walker.currentNode, at + text.length - 1);
      range.setEnd(walker.currentNode, at + text.length);
      const box = range.getBoundingClientRect();
      return {x: box.right - 1, y: box.top + box.height / 2};
    }
  }
  return null;
}"""


def click_after(page: Page, text: str) -> None:
    """Put the caret right after ``text`` in the text field."""
    page.locator("[data-slate-editor]").get_by_text(text).scroll_into_view_if_needed()
    end = page.evaluate(END_OF, text)
    assert end is not None, text
    page.mouse.click(end["x"], end["y"])
    # Slate takes the browser's caret over from its "selectionchange"
    # events, at most every 100 ms: a key pressed sooner goes to where the
    # caret was before.
    page.wait_for_timeout(300)


TITLE = "Meld je het als een collega door drukte fouten maakt?"
#: Left empty in the form: the name is made from the title.
NEW_ID = "meld-je-het-als-een-collega-door-drukte-fouten-maakt"
DESCRIPTION = "Je ziet dat een collega fouten maakt omdat het te druk is, en je twijfelt of je dat bespreekt."
PRINCIPLES = {"loyale-tegenspraak": "Spreek loyaal tegen, en op tijd", "bespreek-dilemmas-open": "Bespreek dilemma's open met elkaar"}
TENSION = ("professie-politiek", "Professie en politiek")
SECTIONS = {
    "Situatie": "Een collega in je team maakt de laatste weken fouten in besluiten over uitkeringen.",
    "Spanning": "Je wilt je collega niet afvallen, maar burgers hebben recht op goede besluiten.",
    "Gespreksvragen": "- Wanneer bespreek je fouten van een ander?\n- Met wie eerst?",
    "Handelingsperspectief": "- Praat eerst met je collega.\n- Bespreek de werkdruk in het team.",
}
PRINCIPLE = "bespreek-dilemmas-open"
OLD_SENTENCE = "Begin klein, bijvoorbeeld in je eigen team"
ADDED = " of je afdeling"
NOTE = "Ook de afdeling genoemd als plek om klein te beginnen."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide in a git repository of its own, as decap-server wants it."""
    if not vendor.DECAP_CMS.present(ROOT):
        pytest.fail("Decap CMS is not in vendor/decap-cms: run make decap-cms (make test does).", pytrace=False)
    repo = copy_project(tmp_path_factory.mktemp("cms") / "repo")
    init_repo(repo, "De gids")
    return repo


@pytest.fixture(scope="module")
def local_backend(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """decap-server in git mode on 127.0.0.1, a free port; stopped after."""
    if not DECAP_SERVER.exists():
        pytest.fail(f"No {DECAP_SERVER.relative_to(ROOT)}: run npm ci (make test does).", pytrace=False)
    port = free_port()
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "BIND_HOST": "127.0.0.1"}
    log = tmp_path_factory.mktemp("decap-server") / "log.txt"
    with log.open("w") as output:
        server = subprocess.Popen([str(DECAP_SERVER)], env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        info = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1", data=b'{"action": "info"}', headers={"Content-Type": "application/json"}
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(info, timeout=2) as response:
                    assert json.load(response)["type"] == "local_git"
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"decap-server did not start:\n{log.read_text(encoding='utf-8')}", pytrace=False)
                time.sleep(0.2)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def editor_url(repo: Path, local_backend: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's guide, built and served, with the form pointed at
    decap-server. Its policy is the published one."""
    site = tmp_path_factory.mktemp("cms-site") / "site"
    result = mkdocs_build(repo, site, GIDS_CMS_LOCAL_PORT=str(local_backend))
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url + "bewerken/"


@pytest.fixture
def form(page: Page, editor_url: str) -> Iterator[Page]:
    """The form, logged in to the local backend; no policy violation allowed."""
    page.context.add_init_script(WATCH_VIOLATIONS)
    page.set_default_timeout(20_000)
    page.on("dialog", lambda dialog: dialog.accept())  # "publish this item?"
    page.goto(editor_url)
    expect(page).to_have_title("De gids bewerken · Gids Ambtelijk vakmanschap")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Dilemma's", exact=True)).to_be_visible()
    yield page
    assert page.evaluate("window.gidsViolations") == []


def save(page: Page) -> None:
    """Save: a branch with a merge request, on GitLab."""
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Item opgeslagen")).to_be_visible()


def save_and_publish(page: Page) -> None:
    """Save, mark it ready and publish it (merged into main)."""
    save(page)
    page.get_by_role("button", name="Status: Concept").click()
    page.get_by_role("menuitem", name="Klaar").click()
    expect(page.get_by_role("button", name="Status: Klaar")).to_be_visible()
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    expect(page.get_by_text("Item gepubliceerd")).to_be_visible()


def fill_in_a_new_dilemma(page: Page, editor_url: str) -> None:
    """A new dilemma in the form, as a person fills it in; not yet saved."""
    page.goto(editor_url + "#/collections/dilemmas/new")
    name = page.get_by_label("Naam van het bestand")
    expect(name).to_be_visible()  # only for a new item; left empty here
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Korte beschrijving").fill(DESCRIPTION)
    for label in PRINCIPLES.values():
        page.get_by_label("Principes").click()
        page.get_by_text(label, exact=True).click()
    page.get_by_label("Spanningen").click()
    page.get_by_text(TENSION[1], exact=True).click()
    page.get_by_label("Soort werk").click()
    page.get_by_text(schema.DOMAINS[1], exact=True).click()
    # The text starts with the four headings, in their order.
    editor = page.locator("[data-slate-editor]")
    expect(editor).to_contain_text("Situatie")
    lines = [line.strip("\ufeff \n") for line in editor.inner_text().splitlines()]
    assert [line for line in lines if line] == [f"## {s.heading}" for s in schema.SECTIONS]
    for heading, text in SECTIONS.items():
        click_after(page, f"## {heading}")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        page.keyboard.type(text)


def test_a_new_dilemma_through_the_form(form: Page, editor_url: str, repo: Path) -> None:
    fill_in_a_new_dilemma(form, editor_url)
    save_and_publish(form)

    path = repo / "dilemmas" / f"{NEW_ID}.md"
    assert path.is_file(), sorted(p.name for p in (repo / "dilemmas").iterdir())
    meta = front_matter(path)
    assert meta == {
        "title": TITLE,
        "description": DESCRIPTION,
        "principles": list(PRINCIPLES),
        "tensions": [TENSION[0]],
        "domains": [schema.DOMAINS[1]],
        "history": [{"note": "Nieuw dilemma."}],
    }
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    for heading, text in SECTIONS.items():
        assert f"## {heading}\n\n{text}\n" in body


def test_a_principle_changed_through_the_form(form: Page, editor_url: str, repo: Path) -> None:
    page = form
    before = (repo / "principles" / f"{PRINCIPLE}.md").read_text(encoding="utf-8")
    page.goto(editor_url + f"#/collections/principes/entries/{PRINCIPLE}")
    expect(page.get_by_label("Titel")).to_have_value(front_matter(repo / "principles" / f"{PRINCIPLE}.md")["title"])
    expect(page.get_by_label("Naam van het bestand")).to_be_hidden()  # it keeps its name
    click_after(page, OLD_SENTENCE)
    page.keyboard.type(ADDED)
    page.get_by_role("button", name="Voeg wijziging toe").click()
    page.get_by_label("Wat er veranderde").first.fill(NOTE)
    save_and_publish(page)

    after = (repo / "principles" / f"{PRINCIPLE}.md").read_text(encoding="utf-8")
    # The text is as it was but for the sentence; the keys keep their values.
    assert after.split("---\n", 2)[2] == before.split("---\n", 2)[2].replace(OLD_SENTENCE, OLD_SENTENCE + ADDED)
    old, new = yaml.safe_load(before.split("---\n")[1]), front_matter(repo / "principles" / f"{PRINCIPLE}.md")
    assert new == {**old, "history": [{"note": NOTE}, *old["history"]]}


def test_what_the_form_wrote_passes_the_check_and_reaches_the_guide(repo: Path, tmp_path: Path) -> None:
    # After the two tests above: both changes are merged, nothing is left.
    assert git(repo, "branch", "--format=%(refname:short)").split() == ["main"]
    assert git(repo, "status", "--porcelain") == ""
    assert f"dilemmas/{NEW_ID}.md" in git(repo, "log", "--name-only", "--format=")
    check = subprocess.run([str(GIDS), "check"], cwd=repo, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    site = tmp_path / "site"
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr

    def page(address: str) -> str:
        return (site / address / "index.html").read_text(encoding="utf-8")

    link = f"dilemmas/{NEW_ID}/"
    assert TITLE in page(link) and "Een collega in je team maakt" in page(link)
    assert link in page("dilemmas")
    assert link in page(f"spanningen/{TENSION[0]}")
    for principle in PRINCIPLES:
        assert link in page(f"principes/{principle}"), principle
    changed = page(f"principes/{PRINCIPLE}")
    assert OLD_SENTENCE + ADDED in changed and NOTE in changed
