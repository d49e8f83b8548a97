"""The Content-Security-Policy of a page (gids/csp.py): which inline scripts
it allows, and where the <meta> goes."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys

import pytest

from gids import csp
from tests.helpers import ROOT

PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <title>Pagina</title>
    <script>__md_scope=new URL("..",location)</script>
  </head>
  <body>
    <!-- <script>commented()</script> -->
    <script id="__config" type="application/json">{"base": ".."}</script>
    <script src="assets/javascripts/bundle.js"></script>
    <script type="module">second()</script>
    <SCRIPT TYPE='text/javascript' data-x="a>b">third()</SCRIPT >
    <script type="text/plain">not run</script>
    <script>__md_scope=new URL("..",location)</script>
  </body>
</html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_of(html: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert match, html
    return match.group(1)


def directives(policy: str) -> dict[str, list[str]]:
    parts = [d.split() for d in policy.split(";")]
    return {d[0]: d[1:] for d in parts}


def test_inline_javascript_is_hashed_once_each_and_nothing_else() -> None:
    assert csp.inline_script_hashes(PAGE) == [
        sha('__md_scope=new URL("..",location)'),
        sha("second()"),
        sha("third()"),
    ]


def test_the_hash_is_of_the_text_as_the_browser_reads_it() -> None:
    # (The browser tests check that Chromium runs the scripts so allowed.)
    script = '__md_scope=new URL(".",location)'
    assert csp.script_hash(script) == sha(script)
    # The browser's parser turns CR LF into LF before it hashes.
    assert csp.script_hash("a()\r\nb()\rc()") == sha("a()\nb()\nc()")
    assert csp.script_hash("é") == sha("é")


def test_the_policy_forbids_inline_handlers_foreign_scripts_and_plugins() -> None:
    policy = directives(csp.policy([sha("x()")]))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", sha("x()")]
    for source in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"):
        assert source not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert "frame-ancestors" not in policy  # ignored in a <meta>
    assert directives(csp.policy([]))["script-src"] == ["'self'"]


def test_the_meta_comes_first_in_head_after_the_charset() -> None:
    result = csp.add_policy(PAGE)
    head = result.split("<head>", 1)[1]
    assert re.match(r'\s*<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" ', head)
    assert result.count("Content-Security-Policy") == 1
    assert result.replace(re.search(r"<meta http-equiv[^>]*>", result).group(0), "") == PAGE
    assert directives(content_of(result))["script-src"][1:] == csp.inline_script_hashes(PAGE)


def test_without_a_charset_the_meta_is_the_first_element() -> None:
    page = '<html><head class="x"><title>t</title><script>a()</script></head><body></body></html>'
    assert csp.add_policy(page).startswith('<html><head class="x"><meta http-equiv="Content-Security-Policy" ')


@pytest.mark.parametrize(
    "content",
    [
        "<p>Tekst</p><script>steal()</script>",
        "<p>Tekst</p><SCRIPT type=module>steal()</SCRIPT>",
        # Opened in the content, closed by the template's next </script>.
        "<p>Tekst</p><script>steal();/*",
        "<p>Tekst</p><script",
    ],
    ids=["script", "upper case", "unclosed", "cut off"],
)
def test_a_page_whose_content_has_a_script_allows_no_inline_script(content: str) -> None:
    page = PAGE.replace("<!-- <script>commented()</script> -->", content)
    assert directives(content_of(csp.add_policy(page, untrusted=[content])))["script-src"] == ["'self'"]
    # Without being told what the content is, the function cannot know.
    assert len(directives(content_of(csp.add_policy(page)))["script-src"]) > 1


def test_content_without_a_script_changes_nothing() -> None:
    content = "<p>Over <code>&lt;script&gt;</code> en <a href='x'>scripts</a>.</p>"
    page = PAGE.replace("<!-- <script>commented()</script> -->", content)
    assert csp.add_policy(page, untrusted=[content]) == csp.add_policy(page)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>geen head</body></html>",
        '<html><head><meta http-equiv="content-security-policy" content="default-src *"></head></html>',
    ],
    ids=["no head", "a policy already"],
)
def test_a_page_that_cannot_get_its_policy_is_an_error(page: str) -> None:
    with pytest.raises(csp.PolicyError):
        csp.add_policy(page)


def test_the_module_imports_nothing_of_mkdocs() -> None:
    code = (
        "import sys, gids.csp;"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'material', 'jinja2'})))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_only_the_search_page_may_compile_webassembly() -> None:
    """Pagefind searches in WebAssembly; no other page needs to compile any."""
    page = "<html><head><meta charset='utf-8'></head><body></body></html>"
    searching = csp.add_policy(page, wasm=True)
    reading = csp.add_policy(page)
    assert "script-src 'self' 'wasm-unsafe-eval'" in searching
    assert "wasm-unsafe-eval" not in reading
    assert "'unsafe-eval'" not in searching.replace("'wasm-unsafe-eval'", "")
