"""Contributed markdown may not carry active content: each kind, also in
mixed case and entity-encoded, is a validation error naming file, line and
what was found; ordinary markdown stays allowed."""

from __future__ import annotations

import pytest

from gids import load_guide
from helpers import GuideTree

DILEMMA = "dilemmas/minister-of-samenleving.md"
# The fixture dilemma's Situatie text stands on line 12.
LINE = 12


def _situation(tree: GuideTree, text: str) -> None:
    tree.replace(DILEMMA, "Een casus.\n", text + "\n")


ACTIVE = [
    ("script", "<script>alert(1)</script>", "html", "'<script>' is niet toegestaan"),
    ("script-mixed-case", "<ScRiPt src=x></sCrIpT>", "html", "'<script>' is niet toegestaan"),
    ("script-inline", "Tekst <script>alert(1)</script> en meer.", "html", "'<script>' is niet toegestaan"),
    ("iframe", '<iframe src="https://example.org"></iframe>', "html", "'<iframe>' is niet toegestaan"),
    ("object", '<object data="x.swf"></object>', "html", "'<object>' is niet toegestaan"),
    ("embed", '<embed src="x.swf">', "html", "'<embed>' is niet toegestaan"),
    ("style-tag", "<style>body { display: none }</style>", "html", "'<style>' is niet toegestaan"),
    ("style-attribute", '<span style="color: red">rood</span>', "html", "'style' is niet toegestaan"),
    ("event-attribute", "Tekst <img src=x onerror=alert(1)> erna.", "html", "'onerror' is niet toegestaan"),
    ("event-attribute-mixed-case", '<a href="#" OnClick="alert(1)">klik</a>', "html", "'onclick' is niet toegestaan"),
    ("javascript-link", "[klik](javascript:alert(1))", "link", "begint met 'javascript:'"),
    ("javascript-link-mixed-case", "[klik](JaVaScRiPt:alert(1))", "link", "begint met 'javascript:'"),
    ("javascript-link-entity", "[klik](jav&#x61;script:alert(1))", "link", "begint met 'javascript:'"),
    ("javascript-link-tab", "[klik](java%09script:alert(1))", "link", "begint met 'javascript:'"),
    ("javascript-html-link-entity", '<a href="&#106;avascript:alert(1)">klik</a>', "html", "begint met 'javascript:'"),
    ("vbscript-link", "[klik](vbscript:msgbox(1))", "link", "begint met 'vbscript:'"),
    ("data-image", "![plaatje](data:image/svg+xml;base64,PHN2Zz4=)", "link", "begint met 'data:'"),
    ("data-link", "[open](DATA:text/html,<script>alert(1)</script>)", "link", "begint met 'data:'"),
    ("reference-link", "[klik][x]\n\n[x]: javascript:alert(1)", "link", "begint met 'javascript:'"),
    ("attribute-list-event", "Een alinea.\n{: onclick=\"alert(1)\" }", "tekst", "'onclick=' is niet toegestaan"),
    ("attribute-list-style", "Een alinea.\n{: style=\"display:none\" }", "tekst", "'style=' is niet toegestaan"),
]


@pytest.mark.parametrize("text, key, says", [a[1:] for a in ACTIVE], ids=[a[0] for a in ACTIVE])
def test_active_content_is_refused(guide_tree: GuideTree, text: str, key: str, says: str) -> None:
    _situation(guide_tree, text)
    guide, problems = load_guide(guide_tree.root)
    assert guide is None
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.path == DILEMMA and problem.key == key and says in problem.message, str(problem)
    assert LINE <= problem.line <= LINE + text.count("\n")


def test_the_line_is_the_line_of_the_finding(guide_tree: GuideTree) -> None:
    _situation(guide_tree, "Eerste regel.\nTweede regel met <img src=x onerror=alert(1)> erin.")
    _, problems = load_guide(guide_tree.root)
    assert [(p.line, p.key) for p in problems] == [(LINE + 1, "html")]


def test_every_finding_is_reported(guide_tree: GuideTree) -> None:
    _situation(guide_tree, '<div onclick="x()" style="y">tekst</div>\n\n[a](javascript:b)')
    _, problems = load_guide(guide_tree.root)
    assert sorted((p.line, p.key) for p in problems) == [(LINE, "html"), (LINE, "html"), (LINE + 2, "link")]
    messages = " ".join(p.message for p in problems)
    assert "'onclick'" in messages and "'style'" in messages and "'javascript:'" in messages


def test_html_in_front_matter_text_is_refused(guide_tree: GuideTree) -> None:
    guide_tree.replace(DILEMMA, "description: Een koers", "description: <img src=x onerror=alert(1)> Een koers")
    _, problems = load_guide(guide_tree.root)
    assert [(p.line, p.key) for p in problems] == [(3, "description")]
    assert "zonder HTML-code" in problems[0].message


ALLOWED = [
    ("emphasis", "Dit is *belangrijk* en **heel belangrijk**."),
    ("list", "- een\n- twee\n  1. genest"),
    ("table", "| a | b |\n| --- | --- |\n| 1 | 2 |"),
    ("admonition", '!!! note "Let op"\n    Een opmerking.'),
    ("links", "[gids](https://www.rijksoverheid.nl/) en [mail](mailto:redactie@example.org) en [principe](../principles/luister-echt.md)"),
    ("image", "![uitleg](https://www.example.org/plaatje.png)"),
    ("code-block", "```html\n<script>alert(1)</script>\n```"),
    ("inline-code", "Schrijf nooit `<script>` in de tekst."),
    ("attribute-list-class", "Een alinea.\n{: .belangrijk }"),
    ("word-javascript", "Dit gaat over javascript: niet over links."),
    ("harmless-html", "Een <abbr title=\"Rijksoverheid\">RO</abbr>-medewerker.<br>"),
]


@pytest.mark.parametrize("text", [a[1] for a in ALLOWED], ids=[a[0] for a in ALLOWED])
def test_ordinary_markdown_stays_allowed(guide_tree: GuideTree, text: str) -> None:
    _situation(guide_tree, text)
    guide, problems = load_guide(guide_tree.root)
    assert problems == []
    assert guide is not None
