"""Checking a body on the HTML the site renders for it: safe, not empty, no
title heading, and (for a dilemma) its four sections in order, each with text.

The HTML is either the engine's own (the site's build judges each page on
what MkDocs rendered for it, see ``judge.py``) or, for the commands without
an engine (``make check``), what ``render.py`` makes with the same settings."""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from . import body as body_parser
from . import safety, schema
from .problems import Problem, problem
from .suggestions import suggest


def check_body(
    markdown: str,
    first_line: int,
    path: str,
    rendered: str,
    spec: schema.Schema,
    problems: list[Problem],
    written: Callable[[str], str] | None = None,
) -> body_parser.Body:
    """Check the body of an item on ``rendered``, the HTML of ``markdown``
    (which starts on ``first_line`` of ``path``): safe, not empty, no title
    heading, the sections."""
    parsed = check_rendered(markdown, first_line, path, rendered, problems, written)
    for heading in parsed.unspaced_headings:
        problems.append(
            problem(path, heading.line, "kopje", "spatie-na-hekjes", kopje=f"{'#' * heading.level} {heading.text}")
        )
    if spec.body_required and parsed.is_empty:
        problems.append(problem(path, first_line, "tekst", "tekst-ontbreekt", soort=spec.name))
        return parsed
    for heading in parsed.headings:
        if heading.level == 1:
            problems.append(
                problem(path, heading.line, "kopje", "titel-als-kopje", kopje=heading.text)
            )
    if spec.sections:
        end_line = first_line + markdown.count("\n")
        _check_sections(parsed, spec.sections, path, first_line, end_line, problems)
    return parsed


def check_rendered(
    markdown: str,
    first_line: int,
    path: str,
    rendered: str,
    problems: list[Problem],
    written: Callable[[str], str] | None = None,
) -> body_parser.Body:
    """The safety verdict on ``rendered``, the HTML of a body, and its
    structure (headings, text, links) for the other checks. ``written``
    gives a link as its author wrote it, where the engine rewrote it."""
    tree = LexborHTMLParser(rendered)  # read once, by both
    parsed = body_parser.read(markdown, first_line, rendered, tree, written)
    sections = {h.text: h.line for h in reversed(parsed.headings) if h.level == 2}
    problems.extend(safety.check_rendered(rendered, markdown, first_line, path, sections, tree))
    return parsed


def _check_sections(
    parsed: body_parser.Body,
    sections: tuple[schema.Section, ...],
    path: str,
    first_line: int,
    end_line: int,
    problems: list[Problem],
) -> None:
    names = [s.heading for s in sections]
    order = " - ".join(f"## {n}" for n in names)
    level2 = [h for h in parsed.headings if h.level == 2]
    found: dict[str, body_parser.Heading] = {}
    sequence: list[body_parser.Heading] = []
    unknown: list[tuple[body_parser.Heading, str | None]] = []
    for heading in level2:
        if heading.text not in names:
            meant = suggest(heading.text, names)
            if meant and meant not in found:
                # A misspelled section counts as that section, so it is
                # reported once, as misspelled, and not again as missing.
                found[meant] = heading
                sequence.append(body_parser.Heading(heading.level, meant, heading.line))
            unknown.append((heading, meant))
            continue
        if heading.text in found:
            problems.append(
                problem(path, heading.line, f"## {heading.text}", "kopje-dubbel", regel=found[heading.text].line)
            )
            continue
        found[heading.text] = heading
        sequence.append(heading)

    for index, name in enumerate(names):
        if name in found:
            continue
        previous = max((found[n].line for n in names[:index] if n in found), default=0)
        following = min((found[n].line for n in names[index + 1 :] if n in found), default=end_line + 1)
        # An unknown heading exactly where a missing section belongs is that
        # section renamed: say so once instead of "unknown" and "missing".
        renamed = next((i for i, (h, meant) in enumerate(unknown) if meant is None and previous < h.line < following), None)
        if renamed is not None:
            heading = unknown[renamed][0]
            unknown[renamed] = (heading, name)
            found[name] = heading
            sequence.append(body_parser.Heading(heading.level, name, heading.line))
            continue
        line = min(following, end_line)
        if index:
            problems.append(
                problem(path, line, f"## {name}", "kopje-ontbreekt-na", kopje=f"## {name}", vorige=f"## {names[index - 1]}")
            )
        else:
            problems.append(problem(path, line, f"## {name}", "kopje-ontbreekt-bovenaan", kopje=f"## {name}"))
    sequence.sort(key=lambda h: h.line)
    for heading, meant in unknown:
        if meant:
            problems.append(
                problem(path, heading.line, f"## {heading.text}", "kopje-bedoel", bedoeld=f"## {meant}", kopjes=order)
            )
        else:
            problems.append(problem(path, heading.line, f"## {heading.text}", "kopje-onbekend", kopjes=order))

    expected_order = [n for n in names if n in found]
    for heading, expected in zip(sequence, expected_order):
        if heading.text != expected:
            problems.append(
                problem(path, heading.line, f"## {heading.text}", "kopje-volgorde", kopjes=order)
            )
            break

    first_heading = level2[0].line if level2 else end_line + 1
    if parsed.blocks and parsed.blocks[0].line < first_heading:
        problems.append(
            problem(path, parsed.blocks[0].line, "tekst", "tekst-voor-eerste-kopje", kopje=f"## {names[0]}")
        )

    boundaries = sorted(h.line for h in level2) + [end_line + 1]
    for heading in sequence:
        next_line = next(b for b in boundaries if b > heading.line)
        has_text = any(heading.line < b.line < next_line for b in parsed.blocks) or any(
            heading.line < h.line < next_line for h in parsed.headings if h.level > 2
        )
        if not has_text:
            problems.append(
                problem(path, heading.line, f"## {heading.text}", "deel-leeg")
            )
