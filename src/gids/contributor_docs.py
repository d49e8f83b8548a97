"""Contributor documentation derived from the schema and the configuration.

The pages of Bijdragen (``docs/bijdragen/``) hold marker comments such as
``<!-- gids:sleutels dilemma -->``; each is replaced by markdown generated
here from the schema, so the key tables, the templates for new content and
the list of rules can never drift from what validation checks. The marker
``<!-- gids:redactie -->`` becomes how to reach the redactie, from the
address in ``mkdocs.yml`` (``extra.redactie.email``), which the caller
passes: these functions read no configuration. Output is markdown (not
HTML): it is rendered by the same markdown pipeline as the rest of the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import messages, schema

_KINDS: dict[str, schema.Schema] = {
    "principe": schema.PRINCIPLE,
    "dilemma": schema.DILEMMA,
    "geschiedenis": schema.HISTORY_ENTRY,
    "verwijdering": schema.REMOVAL,
    "uitgave": schema.RELEASE,
}
_FOLDERS = {"principe": schema.PRINCIPLES, "dilemma": schema.DILEMMAS}

MARKER = re.compile(r"^<!--\s*gids:(sleutels|sjabloon|regels|meldingen|redactie)(?:\s+(\w+))?\s*-->[ \t]*$", re.MULTILINE)


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


#: The templates for new content are files in the repository, so that a
#: contributor can also copy them from there; tests check they validate.
TEMPLATES_FOLDER = "sjablonen"
_TEMPLATE_FILES = {"principe": "principe.md", "dilemma": "dilemma.md"}


def template_path(kind: str) -> str:
    """The template file of a kind, relative to the project root."""
    return f"{TEMPLATES_FOLDER}/{_TEMPLATE_FILES[kind]}"


def template(root: Path, kind: str) -> str:
    """The text of the template for a new principle or dilemma."""
    return (root / template_path(kind)).read_text(encoding="utf-8")


def template_block(root: Path, kind: str) -> str:
    """The template as a copyable code block, with where it comes from."""
    folder = _FOLDERS[kind].folder
    return (
        f"Het sjabloon staat ook in de map `{TEMPLATES_FOLDER}/` van de repository. "
        f"Sla je bestand op in de map `{folder}/`; de bestandsnaam wordt het adres.\n\n"
        f'```yaml title="{template_path(kind)}"\n{template(root, kind)}```'
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
        "Een bestand is opgeslagen als UTF-8 (dat doen vrijwel alle editors vanzelf). Het is een gewoon bestand "
        "in de repository: geen snelkoppeling (link) naar een bestand ergens anders, en kleiner dan 1 MB.",
        "De sleutels zijn gewone YAML: geen ankers (`&naam`), verwijzingen (`*naam`), labels (`!tekst`) of `<<:`.",
        "Nergens staan onzichtbare stuurtekens; tabs en gewone regeleinden mogen wel.",
        "Bij de sleutels staat gewone tekst: geen HTML-code zoals `<b>` en geen codes voor tekens zoals `&amp;`.",
        "De tekst mag geen code bevatten die iets laat draaien of van buiten insluit: geen script, iframe, "
        "formulier of tekening (svg), geen attribuut dat met `on` begint en geen eigen opmaak (`style`), ook niet "
        "tussen `{ }`. Een link of afbeelding wijst naar een gewoon webadres (`https://...`), een e-mailadres "
        "(`mailto:...`) of een bestand van de gids, nooit naar `javascript:`, `data:` of iets dergelijks. "
        "De controle kijkt naar de pagina zoals de website hem maakt, dus ook naar HTML in een kader (`!!! note`) "
        "of in een lijst.",
    ]
    return "\n".join(f"1. {item}" for item in items)


def redactie_contact(email: str | None) -> str:
    """How to reach the redactie, as a paragraph: a mail link to ``email``.
    Without an address (none configured, or none passed) it points to the
    footer of the page, which shows the configured one."""
    if not isinstance(email, str) or not _EMAIL.fullmatch(email.strip()):
        # None, or not an address that a mail link may carry as it is
        # (markdown in it would become a link of its own).
        return "Het e-mailadres van de redactie staat onderaan elke pagina van de gids."
    return f"Mail de redactie: [{email.strip()}](mailto:{email.strip()})."


#: An address as it may stand in a markdown link.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,}")


def expand_markers(markdown: str, root: Path, redactie_email: str | None = None) -> str:
    """Replace every ``<!-- gids:... -->`` marker with generated markdown.
    ``redactie_email`` is the redactie's address from the configuration."""

    def replace(match: re.Match[str]) -> str:
        what, kind = match.group(1), match.group(2)
        if what == "redactie" and kind is None:
            return redactie_contact(redactie_email)
        if what == "regels":
            return rules()
        if what == "meldingen":
            return messages.markdown()
        if what == "sleutels" and kind in _KINDS:
            return key_table(kind)
        if what == "sjabloon" and kind in _FOLDERS:
            return template_block(root, kind)
        raise UnknownMarker(match.group(0))

    return MARKER.sub(replace, markdown)
