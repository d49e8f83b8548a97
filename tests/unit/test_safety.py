"""Contributed markdown may not carry active content. The verdict is taken on
the HTML the site renders (the same Python-Markdown with the same extensions),
so every way of writing it is caught: raw HTML, inside an admonition, a
collapsible block or a definition list, after an unclosed code fence, in a
reference definition or an attribute list, in SVG, mixed case or
entity-encoded. Each finding names the file, the section and the line;
ordinary markdown stays allowed."""

from __future__ import annotations

import pytest

from gids import load_guide, safety
from tests.helpers import GuideTree

DILEMMA = "dilemmas/minister-of-samenleving.md"
# The fixture dilemma's Situatie heading stands on line 10, its text on line 12.
SECTION_LINE = 10
LINE = 12
KEY = "## Situatie"


def _situation(tree: GuideTree, text: str) -> None:
    tree.replace(DILEMMA, "Een casus.\n", text + "\n")


# (name, text put in the Situatie section, line of the finding within the
# text or None for "the section's line", what the message says)
ACTIVE = [
    # The vectors of issue 13: what the old check (another parser) missed.
    ("admonition", "!!! note\n    <img src=x onerror=alert(1)>", 1, "'onerror' is niet toegestaan"),
    ("collapsible", "??? note\n    <img src=x onerror=alert(1)>", 1, "'onerror' is niet toegestaan"),
    (
        "definition-list-continuation",
        "Term\n:   Uitleg.\n\n    <img src=x onerror=alert(1)>",
        3,
        "'onerror' is niet toegestaan",
    ),
    ("reference-definition", "[klik][r]\n\n[r]: javascript:alert(1)", 2, "begint met 'javascript:'"),
    ("attribute-list-href", '[klik](https://example.org){: href="javascript:alert(1)" }', 0, "begint met 'javascript:'"),
    (
        "svg-animate",
        '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">klik</text></a></svg>',
        0,
        "'<svg>' is niet toegestaan",
    ),
    # Python-Markdown does not escape "<" with a backslash: this is an image.
    ("backslash-before-tag", "Tekst \\<img src=x onerror=alert(1)> erna.", 0, "'onerror' is niet toegestaan"),
    # Raw HTML, as before.
    ("script", "<script>alert(1)</script>", 0, "'<script>' is niet toegestaan"),
    ("script-mixed-case", "<ScRiPt src=x></sCrIpT>", 0, "'<script>' is niet toegestaan"),
    ("script-inline", "Tekst <script>alert(1)</script> en meer.", 0, "'<script>' is niet toegestaan"),
    ("iframe", '<iframe src="https://example.org"></iframe>', 0, "'<iframe>' is niet toegestaan"),
    ("iframe-srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", 0, "'<iframe>' is niet toegestaan"),
    ("object", '<object data="x.swf"></object>', 0, "'<object>' is niet toegestaan"),
    ("embed", '<embed src="x.swf">', 0, "'<embed>' is niet toegestaan"),
    ("style-tag", "<style>body { display: none }</style>", 0, "'<style>' is niet toegestaan"),
    ("style-attribute", '<span style="color: red">rood</span>', 0, "'style' is niet toegestaan"),
    ("table-cell-style", '<table><tr><td style="position: fixed">x</td></tr></table>', 0, "'style' is niet toegestaan"),
    ("event-attribute", "Tekst <img src=x onerror=alert(1)> erna.", 0, "'onerror' is niet toegestaan"),
    ("event-attribute-mixed-case", '<a href="#" OnClick="alert(1)">klik</a>', 0, "'onclick' is niet toegestaan"),
    ("event-on-details", "<details open ontoggle=alert(1)>\n<summary>x</summary>\n</details>", 0, "'ontoggle'"),
    ("comment-trick", "<!--><img src=x onerror=alert(1)>-->", 0, "'onerror' is niet toegestaan"),
    ("custom-element", "<x-knop onclick=alert(1)>klik</x-knop>", 0, "'<x-knop>' is niet toegestaan"),
    ("form", "<form action=https://example.org><button>Stuur</button></form>", 0, "'<form>' is niet toegestaan"),
    ("input-autofocus", "<input autofocus onfocus=alert(1)>", 0, "'<input>' is niet toegestaan"),
    ("base", '<base href="https://example.org/">', 0, "'<base>' is niet toegestaan"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://example.org">', 0, "'<meta>' is niet toegestaan"),
    ("math", "<math><mi>x</mi></math>", 0, "'<math>' is niet toegestaan"),
    ("noscript", "<noscript><img src=x onerror=alert(1)></noscript>", 0, "'<noscript>'"),
    # Addresses that run code, however they are written.
    ("javascript-link", "[klik](javascript:alert(1))", 0, "begint met 'javascript:'"),
    ("javascript-link-mixed-case", "[klik](JaVaScRiPt:alert(1))", 0, "begint met 'javascript:'"),
    ("javascript-link-angle-brackets", "[klik](<javascript:alert(1)>)", 0, "begint met 'javascript:'"),
    ("javascript-link-entity", "[klik](jav&#x61;script:alert(1))", None, "begint met 'javascript:'"),
    ("javascript-html-link-entity", '<a href="&#106;avascript:alert(1)">klik</a>', None, "begint met 'javascript:'"),
    ("javascript-leading-space", '<a href=" javascript:alert(1)">klik</a>', 0, "begint met 'javascript:'"),
    ("javascript-newline-in-scheme", '<a href="java&#10;script:alert(1)">klik</a>', None, "begint met 'javascript:'"),
    ("javascript-cite", '<blockquote cite="javascript:alert(1)">Citaat</blockquote>', 0, "begint met 'javascript:'"),
    ("vbscript-link", "[klik](vbscript:msgbox(1))", 0, "begint met 'vbscript:'"),
    ("data-image", "![plaatje](data:image/svg+xml;base64,PHN2Zz4=)", 0, "begint met 'data:'"),
    ("data-link", "[open](DATA:text/html,<script>alert(1)</script>)", 0, "begint met 'data:'"),
    ("file-link", "[open](file:///etc/passwd)", 0, "begint met 'file:'"),
    # Attribute lists.
    ("attribute-list-event", 'Een alinea.\n{: onclick="alert(1)" }', 1, "'onclick' is niet toegestaan"),
    ("attribute-list-style", 'Een alinea.\n{: style="display:none" }', 1, "'style' is niet toegestaan"),
    ("attribute-list-unknown", "[klik](https://example.org){: target=_blank }", 0, "'target' is niet toegestaan bij <a>"),
    ("attribute-list-theme-id", "Een alinea.\n{: #__search }", 1, "(id) is van de gids zelf"),
]


@pytest.mark.parametrize("text, offset, says", [a[1:] for a in ACTIVE], ids=[a[0] for a in ACTIVE])
def test_active_content_is_refused(guide_tree: GuideTree, text: str, offset: int | None, says: str) -> None:
    _situation(guide_tree, text)
    guide, problems = load_guide(guide_tree.root)
    assert guide is None
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.path == DILEMMA and problem.key == KEY and says in problem.message, str(problem)
    assert problem.line == (SECTION_LINE if offset is None else LINE + offset), str(problem)


def test_html_after_an_unclosed_code_fence_is_judged(guide_tree: GuideTree) -> None:
    # At the end of the text, where an unclosed fence swallows nothing else:
    # Python-Markdown reads no code block here, and renders the image.
    guide_tree.replace(DILEMMA, "- Een mogelijkheid.\n", "- Een mogelijkheid.\n\n```\nGeen einde.\n<img src=x onerror=alert(1)>\n")
    _, problems = load_guide(guide_tree.root)
    text = guide_tree.read(DILEMMA).splitlines()
    assert [(p.key, text[p.line - 1]) for p in problems] == [("## Handelingsperspectief", "<img src=x onerror=alert(1)>")]
    assert "'onerror'" in problems[0].message


def test_a_raw_html_block_that_swallows_the_sections_is_said_as_it_is(guide_tree: GuideTree) -> None:
    # Python-Markdown takes everything up to the first </noscript> as one
    # block of HTML: the page really has no sections after it, and says so.
    _situation(guide_tree, '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>')
    _, problems = load_guide(guide_tree.root)
    assert any("'<noscript>' is niet toegestaan" in p.message and p.key == KEY for p in problems)
    assert any(p.key == "## Spanning" and "ontbreekt" in p.message for p in problems)


def test_every_finding_is_reported(guide_tree: GuideTree) -> None:
    _situation(guide_tree, '<div onclick="x()" style="y">tekst</div>\n\n[a](javascript:b)')
    _, problems = load_guide(guide_tree.root)
    assert sorted((p.line, p.key) for p in problems) == [(LINE, KEY), (LINE, KEY), (LINE + 2, KEY)]
    messages = " ".join(p.message for p in problems)
    assert "'onclick'" in messages and "'style'" in messages and "'javascript:'" in messages


def test_the_section_is_named_and_its_own_line_found(guide_tree: GuideTree) -> None:
    # The same text in two sections: each finding points into its own.
    payload = "<img src=x onerror=alert(1)>"
    guide_tree.replace(DILEMMA, "Een casus.\n", payload + "\n")
    guide_tree.replace(DILEMMA, "- Een vraag?\n", f"- Een vraag?\n\n{payload}\n")
    _, problems = load_guide(guide_tree.root)
    text = guide_tree.read(DILEMMA).splitlines()
    assert [(p.key, text[p.line - 1]) for p in problems] == [("## Situatie", payload), ("## Gespreksvragen", payload)]


def test_a_principle_and_a_docs_page_are_judged_too(guide_tree: GuideTree) -> None:
    guide_tree.replace("principles/luister-echt.md", "\n---\n", "\n---\n\n<iframe src=x></iframe>\n", )
    guide_tree.replace("docs/index.md", "Welkom.", "<img src=x onerror=alert(1)>\n\nWelkom.")
    _, problems = load_guide(guide_tree.root)
    assert {(p.path, p.key) for p in problems} == {("principles/luister-echt.md", "tekst"), ("docs/index.md", "tekst")}


def test_html_in_front_matter_text_is_refused(guide_tree: GuideTree) -> None:
    guide_tree.replace(DILEMMA, "description: Een koers", "description: <img src=x onerror=alert(1)> Een koers")
    _, problems = load_guide(guide_tree.root)
    assert [(p.line, p.key) for p in problems] == [(3, "description")]
    assert "zonder HTML-code" in problems[0].message


def test_a_character_reference_in_a_title_is_refused(guide_tree: GuideTree) -> None:
    # "&amp;" would show as "&" in the page title and as written in the heading.
    guide_tree.replace(DILEMMA, "title: Dien je", "title: Beleid &amp; uitvoering. Dien je")
    _, problems = load_guide(guide_tree.root)
    assert [(p.line, p.key) for p in problems] == [(2, "title")]
    assert "schrijf het teken zelf" in problems[0].message


ALLOWED = [
    ("emphasis", "Dit is *belangrijk* en **heel belangrijk**."),
    ("list", "- een\n- twee\n  1. genest"),
    ("table", "| a | b |\n| --- | --- |\n| 1 | 2 |"),
    ("table-aligned", "| a | b |\n| :-: | --: |\n| 1 | 2 |"),
    ("admonition", '!!! note "Let op"\n    Een opmerking.'),
    ("collapsible", '??? tip "Meer"\n    Een uitleg.'),
    ("definition-list", "Term\n:   Uitleg."),
    ("links", "[gids](https://www.rijksoverheid.nl/) en [mail](mailto:redactie@example.org) en [principe](../principles/luister-echt.md)"),
    ("image", "![uitleg](https://www.example.org/plaatje.png)"),
    ("code-block", "```html\n<script>alert(1)</script>\n```"),
    ("inline-code", "Schrijf nooit `<script>` in de tekst."),
    ("attribute-list-class", "Een alinea.\n{: .belangrijk }"),
    ("attribute-list-id", "Een alinea.\n{: #een-anker }"),
    ("word-javascript", "Dit gaat over javascript: niet over links."),
    ("harmless-html", "Een <abbr title=\"Rijksoverheid\">RO</abbr>-medewerker.<br>"),
    # A browser reads these as relative addresses: they never run.
    ("percent-encoded-scheme", "[klik](java%09script:alert(1))"),
    ("slash-separated-attributes", "Tekst <img/src=x/onerror=alert(1)> erna."),
]


@pytest.mark.parametrize("text", [a[1] for a in ALLOWED], ids=[a[0] for a in ALLOWED])
def test_ordinary_markdown_stays_allowed(guide_tree: GuideTree, text: str) -> None:
    _situation(guide_tree, text)
    guide, problems = load_guide(guide_tree.root)
    assert problems == []
    assert guide is not None


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("https://example.org", "https"),
        ("  JavaScript:x", "javascript"),
        ("\x01javascript:x", "javascript"),
        ("java\tscr\nipt:x", "javascript"),
        ("../principles/x.md", None),
        ("#situatie", None),
        ("java%09script:x", None),
        ("/pad:met-dubbele-punt", None),
    ],
)
def test_a_scheme_is_read_as_a_browser_reads_it(url: str, scheme: str | None) -> None:
    assert safety.scheme_of(url) == scheme


def test_nh3_is_the_second_judge(monkeypatch: pytest.MonkeyPatch) -> None:
    # Were the walk ever to miss something that ammonia, with the same
    # allow-list, removes, the text is still refused.
    monkeypatch.setattr(safety, "ALLOWED_TAGS", safety.ALLOWED_TAGS | {"svg"})
    monkeypatch.setattr(safety, "_removed_by_nh3", lambda rendered, tree: "svg" in rendered)
    findings = safety.walk("<p><svg></svg></p>")
    assert [f.code for f in findings] == ["html-onbekend"]
    assert safety.walk("<p>Gewone tekst</p>") == []


def test_nh3_agrees_on_what_the_site_renders() -> None:
    # Real output of the renderer, with everything the allow-list allows:
    # ammonia takes nothing away from it.
    rendered = (
        '<h2 id="situatie">Situatie<a class="headerlink" href="#situatie" title="Link">&para;</a></h2>\n'
        '<div class="admonition note"><p class="admonition-title">Let op</p><p>Tekst</p></div>\n'
        '<table><thead><tr><th style="text-align: center;">a</th></tr></thead></table>\n'
        '<details class="tip" open="open"><summary>Meer</summary><p>x</p></details>\n'
        '<p><img alt="x" src="https://example.org/p.png"> <a href="mailto:a@b.nl">m</a></p>'
    )
    tree = safety.LexborHTMLParser(rendered)
    assert safety.walk(rendered) == [] and not safety._removed_by_nh3(rendered, tree)
