"""The two body parsers read every body the same (hooks/gids/body.py).

The fast path (markdown-it-pyrs) is only an optimisation: for every body it
takes, it must give exactly what the reference parser (markdown-it-py)
gives; every body that could carry active content must go to the reference.
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
import yaml
from gids import body
from gids.source import body_of, split
import helpers
from helpers import ROOT

TRICKY = {
    "empty": "",
    "only blank lines": "\n\n\n",
    "closing hashes": "## Situatie ##\n\ntekst\n",
    "closing hashes without space": "## Situatie##\n\ntekst\n",
    "only a hash": "## #\n\ntekst\n",
    "empty heading": "##\n\ntekst\n",
    "indented heading": "   ## Spanning\n\ntekst\n",
    "trailing spaces": "## Gespreksvragen   \n\ntekst\n",
    "emphasis in a heading": "## Het *echte* probleem\n\ntekst\n",
    "a link in a heading": "## Zie [dit](../principles/x.md)\n",
    "levels": "# Titel\n\n### Drie\n\n#### Vier\n\n###### Zes\n\n####### Zeven\n",
    "unspaced": "##Situatie\n\ntekst\n",
    "links on several lines": "Eerst [een](../principles/a.md) en\ndan [twee](https://example.org/b)\nen ![beeld](plaatje.png)\n",
    "hard break": "regel  \n[link](a.md)\n",
    "link text over two lines": "[een\nlange link](x.md) en [nog een](y.md)\n",
    "a title": '[titel](x.md "De titel") en [ander](y.md \'titel\')\n',
    "reference links": "Zie [de wet][wet] en [wet].\n\n[wet]: https://wetten.overheid.nl/\n",
    "reference in a list": "- zie [dit][a]\n- en [dat](b.md)\n\n[a]: a.md\n",
    "a quote": "> Een citaat met [een link](c.md)\n> op twee regels.\n\nNa het citaat.\n",
    "lists": "1. een\n2. twee [x](x.md)\n   - genest [y](y.md)\n\n* ster\n",
    "code span": "Dit is `[geen](link.md)` maar [dit](wel.md).\n",
    "fenced code": "```\n## geen kop\n[geen](link.md)\n```\n\n## Wel een kop\n",
    "tilde fence": "~~~text\n# geen\n~~~\n",
    "indented code": "tekst\n\n    [geen](link.md)\n    ## geen kop\n\nnog tekst\n",
    "rules": "tekst\n\n***\n\n___\n\nmeer\n",
    "non-ASCII link": "[één](../principles/één.md#ä) en [café](https://example.org/café?q=ü)\n",
    "spaces in the address": "[x](a b.md)\n",
    "anchors": "[deel](#situatie) en [ander deel](../dilemmas/x.md#spanning)\n",
    "broken link syntax": "[geen link] en [ook niet](\nen ](x.md)\n",
    "images in links": "[![beeld](a.png)](b.md)\n",
    "windows-1252 quotes": "De \u201cminister\u201d zegt \u2018nee\u2019 \u2013 [zie](z.md)\n",
    "emoji": "\U0001f600 [x](y.md)\n\n## Kop \U0001f600\n",
}

#: Bodies that must go to the reference parser.
REFERENCE_ONLY = {
    "setext heading": "Kop\n===\n\ntekst\n",
    "setext heading 2": "Kop\n---\n",
    "a heading in a list": "- ## kop\n",
    "a heading in a quote": "> ## kop\n",
    "html": "<img src=x onerror=alert(1)>\n",
    "inline html": "tekst <b>vet</b>\n",
    "javascript link": "[x](javascript:alert(1))\n",
    "mixed case": "[x](JaVaScRiPt:alert(1))\n",
    "vbscript": "[x](vbscript:msgbox(1))\n",
    "data image": "![x](data:image/png;base64,AAAA)\n",
    "data, upper case": "[x](DATA:text/html,x)\n",
    "file": "[x](file:///etc/passwd)\n",
    "a reference definition": "[x]\n\n[x]: javascript:alert(1)\n",
    "entity": "[x](&#106;avascript:alert(1))\n",
    "percent": "[x](%6Aavascript:alert(1))\n",
    "escape": "[x](java\\script:alert(1))\n",
    "attribute list": "tekst\n{: onclick=\"alert(1)\" }\n",
    "control character": "[x](java\x01script:alert(1))\n",
    "autolink": "<https://example.org>\n",
}


def _bodies(folder: str) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).glob("*.md")):
        source, _ = split(path.read_text(encoding="utf-8"), path.name)
        found.append(source.body if source else path.read_text(encoding="utf-8"))
    return found


def _generated() -> list[str]:
    # The benchmark's generator writes the long synthetic dilemmas.
    bench = helpers.bench()
    ids = [bench.principle_id(i) for i in range(1, 41)]
    return [bench.make_dilemma(i, ids).body for i in range(1, 41)] + [bench.make_principle(i).body for i in range(1, 11)]


def _same(markdown: str, first_line: int = 7) -> bool:
    """Whether the fast path took the body (and then gave the same)."""
    fast = body._parse_fast(markdown, first_line)
    if fast is None:
        return False
    reference = body.parse_reference(markdown, first_line)
    assert fast == dataclasses.replace(reference, texts=()), markdown
    assert reference.html == ()
    return True


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_the_fast_path_reads_a_tricky_body_as_the_reference(name: str) -> None:
    assert _same(TRICKY[name]), f"{name}: expected the fast path to take this body"


@pytest.mark.parametrize("name", sorted(REFERENCE_ONLY))
def test_a_body_that_could_hide_active_content_goes_to_the_reference(name: str) -> None:
    assert body._parse_fast(REFERENCE_ONLY[name], 1) is None
    # And the reference parser is what parse() then returns.
    assert body.parse(REFERENCE_ONLY[name], 1) == body.parse_reference(REFERENCE_ONLY[name], 1)


def test_the_guide_and_the_benchmark_bodies_read_the_same_with_both() -> None:
    bodies = _bodies("principles") + _bodies("dilemmas") + _bodies("docs") + _generated()
    taken = sum(_same(text) for text in bodies)
    # The point of the fast path: nearly every real body takes it.
    assert taken >= 0.8 * len(bodies), f"only {taken} of {len(bodies)} bodies took the fast path"


def test_shuffled_bodies_read_the_same_with_both() -> None:
    # Lines of all tricky bodies and real bodies, recombined at random:
    # structures nobody wrote down on purpose.
    lines = [line for text in list(TRICKY.values()) + _bodies("dilemmas") for line in text.split("\n")]
    rng = random.Random(20261122)
    taken = 0
    for _ in range(400):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 30)))
        taken += _same(text)
    assert taken > 100


FENCE_CASES = [
    "---\ntitle: x\n---\n\nTekst\n",
    "---\ntitle: x\n...\nTekst",
    "---  \ntitle: x\n---\t\n## Kop\n---\nnog een regel\n",
    "---\ntitle: x\n---",
    "---\n---\n",
    "---",
    "---\ntitle: x\n",
    "geen front matter\n---\n",
    "",
    "----\ntitle: x\n---\nb",
    "--- x\ntitle: x\n---\nb",
    "---\n----\n ---\n....\n---\nb\n",
    "---\ntitle: x\n---\n---\nb",
    "\n---\ntitle: x\n---\nb",
]


@pytest.mark.parametrize("text", FENCE_CASES)
def test_the_build_cuts_the_body_where_validation_does(text: str) -> None:
    # The build reads an item's body with body_of, without its front matter.
    source, _ = split(text, "x.md")
    assert body_of(text) == (source.body if source else None)


def _split_by_lines(text: str) -> tuple[str, str, int] | None:
    """How source.split cut a file when it still split it into lines: the
    YAML text, the body and the line the body starts on."""
    lines = text.split("\n")
    if not re.match(r"^-{3}[ \t]*$", lines[0]):
        return None
    close = next((i for i in range(1, len(lines)) if re.match(r"^(?:-{3}|\.{3})[ \t]*$", lines[i])), None)
    if close is None:
        return None
    return "\n".join(lines[1:close]) + "\n", "\n".join(lines[close + 1 :]), close + 2


@pytest.mark.parametrize("text", FENCE_CASES)
def test_split_cuts_as_reading_line_by_line_did(text: str) -> None:
    expected = _split_by_lines(text)
    source, _ = split(text, "x.md")
    if expected is None:
        assert source is None
        return
    yaml_text, body, body_line = expected
    assert source is not None and (source.body, source.body_line) == (body, body_line)
    try:
        front = yaml.safe_load(yaml_text) or {}
    except yaml.YAMLError:
        front = None
    if isinstance(front, dict):
        assert source.front_matter is not None and source.front_matter.value == front
    else:  # not keys with values: a problem, no front matter
        assert source.front_matter is None


def test_every_real_file_has_the_same_body_both_ways() -> None:
    for path in [*ROOT.glob("principles/*.md"), *ROOT.glob("dilemmas/*.md"), *ROOT.glob("docs/**/*.md")]:
        text = path.read_text(encoding="utf-8")
        source, _ = split(text, path.name)
        assert body_of(text) == (source.body if source else None), path
