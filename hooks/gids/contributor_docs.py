"""Contributor documentation derived from the schema.

The Bijdragen page holds marker comments such as ``<!-- gids:sleutels
dilemma -->``; each is replaced by markdown generated here from the schema, so
the key tables, the templates for new content and the list of rules can never
drift from what validation checks. Output is markdown (not HTML): it is
rendered by the same markdown pipeline as the rest of the page.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from . import schema

_KINDS: dict[str, schema.Schema] = {
    "principe": schema.PRINCIPLE,
    "dilemma": schema.DILEMMA,
    "geschiedenis": schema.HISTORY_ENTRY,
    "verwijdering": schema.REMOVAL,
    "uitgave": schema.RELEASE,
}
_FOLDERS = {"principe": schema.PRINCIPLES, "dilemma": schema.DILEMMAS}

MARKER = re.compile(r"^<!--\s*gids:(sleutels|sjabloon|regels)(?:\s+(\w+))?\s*-->\s*$", re.MULTILINE)


class UnknownMarker(ValueError):
    """A marker comment names something the schema does not have."""


def key_table(kind: str) -> str:
    """A markdown table of the front-matter keys of a kind."""
    spec = _KINDS[kind]
    rows = ["| sleutel | verplicht | wat je invult | betekenis |", "| --- | --- | --- | --- |"]
    for field in spec.fields:
        required = "ja" if field.required else "nee"
        rows.append(f"| `{field.key}` | {required} | {field.type.label} | {field.meaning} |")
    return "\n".join(rows)


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    # safe_dump quotes exactly when YAML needs it; it ends a lone scalar with "...".
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1000)
    return dumped.removesuffix("\n...\n").strip()


def _yaml_line(key: str, value: Any) -> str:
    if isinstance(value, list):
        return f"{key}: [{', '.join(_yaml_scalar(v) for v in value)}]"
    return f"{key}: {_yaml_scalar(value)}"


def template(kind: str) -> str:
    """The text of a new file of this kind, valid once its placeholders are filled."""
    spec = _KINDS[kind]
    lines = ["---"]
    for field in spec.fields:
        if field.example is None:
            continue
        lines.append(_yaml_line(field.key, field.example))
    lines.append("---")
    lines.append("")
    if spec.sections:
        for section in spec.sections:
            lines += [f"## {section.heading}", "", f"Schrijf hier {section.holds}.", ""]
    else:
        lines += [f"Leg hier in een paar korte alinea's uit wat dit {spec.name} betekent en wat het van je vraagt.", ""]
    return "\n".join(lines)


def template_block(kind: str) -> str:
    """The template as a copyable code block, with where to save it."""
    folder = _FOLDERS[kind].folder
    return (
        f"Sla dit op als `{folder}/naam-van-het-{kind}.md`. De bestandsnaam wordt het adres.\n\n"
        f'```yaml title="{folder}/naam-van-het-{kind}.md"\n{template(kind)}```'
    )


def rules() -> str:
    """The rules the check applies, in contributors' words, as a list."""
    tensions = ", ".join(f"`{t}`" for t in schema.TENSION_IDS)
    domains = ", ".join(f"`{d}`" for d in schema.DOMAINS)
    sections = ", ".join(f"`## {s.heading}`" for s in schema.SECTIONS)
    items = [
        f"De bestandsnaam is de naam (id) van een principe of dilemma: {schema.ID_RULE}. "
        "Die naam wordt het adres, dus kies hem met zorg.",
        "Principes staan direct in de map `principles/`, dilemma's direct in de map `dilemmas/`.",
        "Elk bestand begint met sleutels tussen twee regels `---`. Tekst met een dubbele punt zet je tussen aanhalingstekens.",
        "Alleen de sleutels uit de tabellen hierboven mogen er staan. Een tikfout in een sleutel wordt gemeld, met de sleutel die je waarschijnlijk bedoelde.",
        "Verplichte sleutels mogen niet ontbreken en niet leeg zijn.",
        f"`description` is één zin van hoogstens {schema.DESCRIPTION_MAX_LENGTH} tekens.",
        "`principles` noemt minstens één principe, met de bestandsnaam zonder `.md`.",
        f"`tensions` noemt minstens één spanning: {tensions}.",
        f"`domains` mag alleen {domains} bevatten.",
        "Een naam mag in een lijst maar één keer voorkomen.",
        f"Een dilemma heeft precies deze kopjes, in deze volgorde: {sections}. "
        "Onder elk kopje staat tekst. Vóór het eerste kopje staat geen tekst; "
        "gebruik `###` voor een kopje binnen een deel.",
        "Een principe heeft tekst onder de sleutels. Gebruik geen kopje met één `#`: de titel staat al bij `title`.",
        "Een link naar een ander principe of dilemma wijst naar een bestand dat bestaat, "
        "zoals `[tekst](../principles/naam.md)` of `[tekst](naam-van-dilemma.md)`.",
        "Een oude naam in `aliases` hoort bij één bestand, en is niet de huidige naam.",
        "Elke wijziging in `history` heeft een `note`. Een `version` is een bestaande uitgave van de gids, "
        'tussen aanhalingstekens (`"1.0"`); laat `version` weg voor een wijziging die nog niet is uitgebracht.',
        "Een verwijdering in `docs/versies.md` noemt precies één `principle:` of `dilemma:`, met een `reason`. "
        "Het bestand is dan echt weg, en `replaced_by` noemt een principe of dilemma dat bestaat.",
        "Elke uitgave in `docs/versies.md` heeft een eigen versienummer, een datum, een titel en een korte samenvatting.",
        "Een bestand is opgeslagen als UTF-8 (dat doen vrijwel alle editors vanzelf).",
    ]
    return "\n".join(f"1. {item}" for item in items)


def expand_markers(markdown: str) -> str:
    """Replace every ``<!-- gids:... -->`` marker with generated markdown."""

    def replace(match: re.Match[str]) -> str:
        what, kind = match.group(1), match.group(2)
        if what == "regels":
            return rules()
        if what == "sleutels" and kind in _KINDS:
            return key_table(kind)
        if what == "sjabloon" and kind in _FOLDERS:
            return template_block(kind)
        raise UnknownMarker(match.group(0))

    return MARKER.sub(replace, markdown)
