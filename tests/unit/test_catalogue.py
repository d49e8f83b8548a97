"""The catalogue of messages (gids/catalogue.py, read from messages.yml):
every entry is a whole message with its explanation, and a mistake in the
data file the redactie edits is one sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gids.catalogue import GROUPS, Message, catalogue

CATALOGUE = catalogue()


@pytest.mark.parametrize("entry", CATALOGUE.values(), ids=list(CATALOGUE))
def test_each_entry_is_a_whole_message_with_its_explanation(entry: Message) -> None:
    assert entry.group in GROUPS
    assert entry.meaning.strip() and entry.fix.strip()
    # The example line is what the check prints: file, line, key, message.
    values = entry.example_values
    line = f"{values['bestand']}:{values['regel']}: {values['sleutel']}: {entry.text(values)}"
    assert entry.example.endswith(line)
    # A key that stands for any key explains any; a fixed key only itself.
    if "(" not in entry.key:
        assert values["sleutel"] == entry.key


ENTRY = "- code: {code}\n  groep: {group}\n  sleutel: bestand\n  melding: Iets {{naam}}.\n  voorbeeld: {example}\n  betekenis: b\n  wat-doe-je: w\n"
GOOD_EXAMPLE = "{bestand: a.md, regel: 1, sleutel: bestand, naam: x}"


@pytest.mark.parametrize(
    "text, says",
    [
        ("- code: x\n  sleutel: [\n", "messages.yml kan niet worden gelezen"),
        ("code: x\n", "moet een lijst van meldingen zijn"),
        ("- code: x\n  groep: Het bestand\n  sleutel: bestand\n", "melding 1 mist tekst bij melding, betekenis, wat-doe-je"),
        (ENTRY.format(code="x", group="Iets anders", example=GOOD_EXAMPLE), "melding 1 heeft een onbekende groep 'Iets anders'"),
        (ENTRY.format(code="x", group="Het bestand", example="{bestand: a.md, regel: 1, sleutel: bestand}"), "mist een waarde voor: naam"),
        (
            ENTRY.format(code="x", group="Het bestand", example=GOOD_EXAMPLE) * 2,
            "de code 'x' staat twee keer in de lijst (melding 2)",
        ),
    ],
)
def test_a_mistake_in_the_catalogue_file_gets_a_sentence(tmp_path: Path, text: str, says: str) -> None:
    from gids.catalogue import CatalogueError, load_catalogue

    path = tmp_path / "messages.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape(says)):
        load_catalogue(path)


def test_the_catalogue_is_a_data_file_the_redactie_can_edit(tmp_path: Path) -> None:
    from gids.catalogue import CATALOGUE_FILE, load_catalogue

    assert CATALOGUE_FILE.name == "messages.yml" and len(CATALOGUE) > 80
    # Reworded in the file, a message reads differently, with its values.
    path = tmp_path / "messages.yml"
    path.write_text(ENTRY.format(code="x", group="Het bestand", example=GOOD_EXAMPLE), encoding="utf-8")
    assert load_catalogue(path)["x"].text({"naam": "hier"}) == "Iets hier."
