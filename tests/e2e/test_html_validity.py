"""Every page is valid HTML: the W3C Nu HTML checker (vnu.jar, the checker
behind validator.w3.org/nu, from the npm package vnu-jar pinned in
package.json) reports no error on any page of the built guide, nor on any
page of a guide published with all its versions (version folders, tombstones,
redirect pages). Nothing is filtered: a finding is fixed in the templates
(overrides/) or the content.

Some fixes need Material's markup changed where no block reaches; those
templates are copies of Material's, and the last test here checks that each
copy is Material's file with exactly the changes named below, so that an
upgrade of Material cannot leave a stale copy behind."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers import ROOT, TwoReleases

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.fail(
            "No java on the PATH. The HTML check runs the W3C Nu HTML checker (vnu.jar), which needs "
            "Java 17 or newer: apt-get install default-jre-headless",
            pytrace=False,
        )
    return found


def vnu_jar() -> Path:
    if not VNU_JAR.is_file():
        pytest.fail(
            f"No {VNU_JAR.relative_to(ROOT)}. It comes from npm (vnu-jar in package.json): "
            "run `make test`, or `npm ci --ignore-scripts` in the project folder.",
            pytrace=False,
        )
    return VNU_JAR


def check(folders: dict[str, Path]) -> list[str]:
    """Run the checker once over every HTML page in the folders (one JVM
    start for all: it takes a few seconds). Returns its errors, one line
    each: ``name/path/index.html:12: message``."""
    command = [
        java(), "-jar", str(vnu_jar()),
        "--format", "json", "--errors-only", "--skip-non-html", "--stdout",
        *(str(folder) for folder in folders.values()),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"vnu.jar gave no report (exit code {result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    assert result.returncode in (0, 1), result.stderr
    names = {folder.resolve(): name for name, folder in folders.items()}
    errors = []
    for message in messages:
        where = message.get("url", "?")
        if where.startswith("file:"):
            path = Path(unquote(urlsplit(where).path)).resolve()
            for folder, name in names.items():
                if path.is_relative_to(folder):
                    where = f"{name}/{path.relative_to(folder).as_posix()}"
                    break
        line = message.get("lastLine") or message.get("firstLine")
        extract = " ".join(message.get("extract", "").split())
        errors.append(f"{where}:{line}: {message['message']}" + (f"\n    {extract}" if extract else ""))
    return errors


def html_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_every_page_is_valid_html(built_site: Path, two_releases: TwoReleases) -> None:
    folders = {"site": built_site, "public": two_releases.public}
    # The checker must have had pages to check: every page type, in both.
    for name, folder in folders.items():
        pages = {p.relative_to(folder).as_posix() for p in html_pages(folder)}
        assert {"index.html", "404.html", "dilemmas/op-tijd-opschalen/index.html"} <= pages, name
    gone, _ = two_releases.removed
    assert (two_releases.public / "dilemmas" / gone / "index.html").is_file(), "a tombstone"
    assert (two_releases.public / "1.0" / "dilemmas" / gone / "index.html").is_file(), "an older version"

    errors = check(folders)
    count = sum(len(html_pages(folder)) for folder in folders.values())
    summary = f"The W3C Nu HTML checker found {len(errors)} errors in {count} pages:"
    assert not errors, "\n".join([summary, *errors])


def test_the_checker_reports_an_error_with_file_and_line(tmp_path: Path) -> None:
    """The check above can fail: a page with a known error is reported."""
    page = tmp_path / "kapot" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<!doctype html><html lang="nl"><title>Kapot</title>\n<input type="checkbox" autocomplete="off">\n',
        encoding="utf-8",
    )
    errors = check({"site": tmp_path})
    assert len(errors) == 1, errors
    assert errors[0].startswith("site/kapot/index.html:2: Attribute “autocomplete”"), errors


# --- copies of Material's templates ---------------------------------------------------

# Each template in overrides/ that is a copy of Material's, with what was
# changed: (Material's text, ours). Each change is made exactly once; the
# rest, below each file's own comment, is Material's file as installed.
COPIES: dict[str, list[tuple[str, str]]] = {
    "base.html": [
        (
            '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n',
            '    <form id="gids-toggles" autocomplete="off"></form>\n'
            '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="gids-toggles">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="gids-toggles">\n',
        ),
        ('"select.version": lang.t("select.version")', '"select.version": ""'),
    ],
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        ),
        (
            '<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>',
            '<div class="md-search__scrollwrap" tabindex="0" role="region" aria-label="Zoekresultaten" '
            "data-md-scrollfix>",
        ),
    ],
    "partials/header.html": [
        (
            '        {% include "partials/search.html" %}\n      {% endif %}\n',
            '        {% include "partials/search.html" %}\n      {% else %}\n'
            '        {% include "gids/partials/search-button.html" %}\n      {% endif %}\n',
        ),
    ],
    "partials/javascripts/outdated.html": [
        ('base=new URL("{{ base_url }}")', 'base=new URL("{{ base_url }}",location)'),
    ],
    "partials/nav-item.html": [
        (
            '                <span class="md-nav__icon md-icon"></span>\n'
            "              </label>\n"
            "            {% endif %}\n"
            "          </div>\n",
            '                <span class="md-nav__icon md-icon"></span>\n'
            '                <span class="gids-sr-only">{{ render_title(nav_item) }}</span>\n'
            "              </label>\n"
            "            {% endif %}\n"
            "          </div>\n",
        ),
    ],
    "partials/toc.html": [
        (
            '    <label class="md-nav__title" for="__toc">\n',
            '    {% set title_tag = "label" if nav_item is defined and nav_item == page else "div" %}\n'
            '    <{{ title_tag }} class="md-nav__title"{% if title_tag == "label" %} for="__toc"{% endif %}>\n',
        ),
        ("    </label>\n", "    </{{ title_tag }}>\n"),
    ],
}


def _without_leading_comment(text: str) -> str:
    """A template without the Jinja comment it starts with."""
    assert text.startswith("{#-"), text[:80]
    return text[text.index("-#}\n") + len("-#}\n") :]


def test_copies_of_material_templates_differ_only_by_the_named_changes() -> None:
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.origin is not None
    material = Path(spec.origin).parent / "templates"
    for name, changes in COPIES.items():
        expected = _without_leading_comment((material / name).read_text(encoding="utf-8"))
        for old, new in changes:
            assert expected.count(old) == 1, (
                f"Material's {name} has changed ({old!r} is not there once): "
                f"copy it again into overrides/{name} and make the changes listed in COPIES"
            )
            expected = expected.replace(old, new)
        ours = _without_leading_comment((ROOT / "overrides" / name).read_text(encoding="utf-8"))
        assert ours == expected, (
            f"overrides/{name} differs from Material's {name} beyond the changes listed in COPIES: "
            "copy Material's file again and make those changes"
        )
