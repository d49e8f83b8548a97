"""Checking a body on the HTML the site renders for it: safe, not empty, no
title heading, and (for a dilemma) its four sections in order, each with text."""

from __future__ import annotations

from . import body as body_parser
from . import render, safety, schema
from .problems import Problem
from .source import SourceFile
from .suggestions import suggest


def check_body(
    source: SourceFile, spec: schema.Schema, problems: list[Problem], renderer: render.Renderer
) -> body_parser.Body:
    """Check the body of an item: what it renders to, not empty, no title
    heading, the sections."""
    parsed = render_and_check(source.body, source.body_line, source.path, problems, renderer)
    path = source.path
    for heading in parsed.unspaced_headings:
        problems.append(
            Problem(
                path,
                heading.line,
                "kopje",
                f"zet een spatie na de hekjes: '{'#' * heading.level} {heading.text}'",
            )
        )
    if spec.body_required and parsed.is_empty:
        problems.append(
            Problem(path, source.body_line, "tekst", f"de tekst onder de sleutels is leeg; een {spec.name} heeft tekst nodig")
        )
        return parsed
    for heading in parsed.headings:
        if heading.level == 1:
            problems.append(
                Problem(
                    path,
                    heading.line,
                    "kopje",
                    f"'# {heading.text}' is een titel, en de titel staat al bij 'title'; "
                    "gebruik ## voor kopjes in de tekst",
                )
            )
    if spec.sections:
        _check_sections(parsed, spec.sections, source, problems)
    return parsed


def render_and_check(
    markdown: str, first_line: int, path: str, problems: list[Problem], renderer: render.Renderer
) -> body_parser.Body:
    """Render the body as the site does; the safety verdict on that HTML,
    and its structure (headings, text, links) for the other checks."""
    rendered = renderer(markdown)
    parsed = body_parser.read(markdown, first_line, rendered)
    sections = {h.text: h.line for h in reversed(parsed.headings) if h.level == 2}
    problems.extend(safety.check_rendered(rendered, markdown, first_line, path, sections))
    return parsed


def _check_sections(
    parsed: body_parser.Body, sections: tuple[schema.Section, ...], source: SourceFile, problems: list[Problem]
) -> None:
    path = source.path
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
                Problem(
                    path,
                    heading.line,
                    f"## {heading.text}",
                    f"dit kopje staat twee keer in het dilemma (ook op regel {found[heading.text].line}); laat er één staan",
                )
            )
            continue
        found[heading.text] = heading
        sequence.append(heading)

    end_line = source.body_line + source.body.count("\n")
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
        after = f"na '## {names[index - 1]}'" if index else "bovenaan de tekst"
        problems.append(
            Problem(path, min(following, end_line), f"## {name}", f"dit kopje ontbreekt; zet '## {name}' {after}")
        )
    sequence.sort(key=lambda h: h.line)
    for heading, meant in unknown:
        message = (
            f"dit kopje is niet goed geschreven. Bedoel je '## {meant}'? De kopjes van een dilemma zijn: {order}"
            if meant
            else f"dit kopje hoort niet in een dilemma; een dilemma heeft precies deze kopjes: {order}. "
            "Gebruik ### voor een kopje binnen een deel."
        )
        problems.append(Problem(path, heading.line, f"## {heading.text}", message))

    expected_order = [n for n in names if n in found]
    for heading, expected in zip(sequence, expected_order):
        if heading.text != expected:
            problems.append(
                Problem(
                    path,
                    heading.line,
                    f"## {heading.text}",
                    f"dit kopje staat niet op zijn plaats; de volgorde is: {order}",
                )
            )
            break

    first_heading = level2[0].line if level2 else end_line + 1
    if parsed.blocks and parsed.blocks[0].line < first_heading:
        problems.append(
            Problem(
                path,
                parsed.blocks[0].line,
                "tekst",
                f"hier staat tekst vóór '## {names[0]}'; begin de tekst met '## {names[0]}' "
                "(de korte samenvatting hoort bij description:)",
            )
        )

    boundaries = sorted(h.line for h in level2) + [end_line + 1]
    for heading in sequence:
        next_line = next(b for b in boundaries if b > heading.line)
        has_text = any(heading.line < b.line < next_line for b in parsed.blocks) or any(
            heading.line < h.line < next_line for h in parsed.headings if h.level > 2
        )
        if not has_text:
            problems.append(
                Problem(path, heading.line, f"## {heading.text}", "dit deel is leeg; schrijf er tekst onder")
            )
