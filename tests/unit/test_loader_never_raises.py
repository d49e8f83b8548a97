"""Whatever a contributor types, the loader answers with problems or a guide:
it never raises and never hangs. Hypothesis writes arbitrary front matter
(YAML-ish text, built from the pieces that trip parsers: anchors, tags,
merge keys, dates, huge numbers, nesting, control characters, HTML) and
arbitrary bodies over one dilemma of the fixture guide, with a fixed budget
so that `make test` stays quick and repeatable."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gids import Guide, Problem, load_guide
from tests.helpers import copy_fixture_guide

DILEMMA = "dilemmas/minister-of-samenleving.md"

# Pieces that have broken YAML loaders and markdown checks before.
YAML_PIECES = [
    "title: ", "description: ", "principles: ", "tensions: ", "history:\n  - ", "date: ", "note: ",
    "version: ", "order: ", "tags: ", "aliases: ", "<<: ", "&a ", "*a ", "!x ", "!!int ", "!!timestamp ",
    "!!binary ", "!!python/object:os.system ", "2026-02-30", "2022-13-45", "9" * 5000, "[", "]", "{", "}",
    ", ", ": ", "- ", "\n", "  ", '"', "'", "\\x07", "\\ud800", "\x07", "\x00", "\u0085", "&amp;",
    "<b>", "? ", "|\n  ", ">\n  ", "~", "=", "%YAML 1.1\n", "---\n", "...\n", "#",
]
BODY_PIECES = [
    "## Situatie\n", "## Spanning\n", "## Gespreksvragen\n", "## Handelingsperspectief\n", "# ", "##",
    "!!! note\n    ", "??? note\n    ", "Term\n:   ", "```\n", "~~~\n", "    ", "<img src=x onerror=alert(1)>",
    "<script>", "</script>", "<svg>", "<!--", "-->", "[r]: javascript:x\n", "[x](javascript:x)", "[x][r]",
    "{: onclick=x }", "{: #__x }", "{: .c }", "&#106;", "\\<", "<a href='", "'>", "| a |\n|:-:|\n",
    "\x07", "\x00", "\ufeff", "\r", "\n", "\n\n", "tekst ", "[l](../principles/luister-echt.md)",
]


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=12)), max_size=40).map("".join)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(front=_text(YAML_PIECES), body=_text(BODY_PIECES))
def test_the_loader_returns_problems_or_a_guide(tmp_path_factory, front: str, body: str) -> None:
    root = tmp_path_factory.mktemp("guide")
    shutil.rmtree(root)
    copy_fixture_guide(root)
    (root / DILEMMA).write_bytes(f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))

    guide, problems = load_guide(root)

    assert (guide is None) == bool(problems)
    assert isinstance(guide, (Guide, type(None)))
    for problem in problems:
        assert isinstance(problem, Problem) and problem.message and problem.line >= 1
        # One line each, for people: no traceback text, no raw control characters.
        assert "\n" not in str(problem) and "Traceback" not in str(problem)
    assert len([p for p in problems if p.path == DILEMMA]) <= 21


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_in_a_principle_never_raise(tmp_path_factory, data: bytes) -> None:
    root = tmp_path_factory.mktemp("guide")
    shutil.rmtree(root)
    copy_fixture_guide(root)
    Path(root / "principles" / "luister-echt.md").write_bytes(data)

    guide, problems = load_guide(root)

    assert guide is None and problems
