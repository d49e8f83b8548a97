"""The guide as open data: ``/gids.json`` and the JSON Schema that documents it.

Everything in it comes from the validated ``Guide``; the JSON Schema is built
from the same declarations in ``schema.py`` (ids, tensions, domains), so the
published description cannot drift from what the guide accepts. The filters
on /dilemmas/ and the session page read this file too.
"""

from __future__ import annotations

import json
from typing import Any

from . import schema
from .model import Guide, Removal

DATA_PATH = "gids.json"
SCHEMA_PATH = "gids.schema.json"


def guide_data(guide: Guide, site_url: str, site_name: str) -> dict[str, Any]:
    """All principles, dilemmas, tensions and releases with their addresses
    (``address`` relative to the site root, ``url`` absolute)."""
    base = site_url.rstrip("/") + "/" if site_url else ""

    def where(address: str) -> dict[str, str]:
        return {"address": address, "url": base + address}

    return {
        "$schema": base + SCHEMA_PATH,
        "name": site_name,
        **where(""),
        "version": guide.latest_release.version if guide.latest_release else None,
        "corners": [{"id": c.id, "name": c.name} for c in guide.corners.values()],
        "tensions": [
            {
                "id": t.id,
                "title": t.title,
                "description": t.description,
                "corners": [c.id for c in t.corners],
                **where(t.url),
                "dilemmas": [d.id for d in guide.dilemmas_of_tension(t)],
            }
            for t in guide.tensions.values()
        ],
        "principles": [
            {
                "id": p.id,
                "title": p.title,
                "description": p.description,
                "order": p.order,
                "tags": list(p.tags),
                "aliases": list(p.aliases),
                **where(p.url),
                "dilemmas": [d.id for d in guide.dilemmas_of_principle(p)],
            }
            for p in guide.sorted_principles()
        ],
        "dilemmas": [
            {
                "id": d.id,
                "title": d.title,
                "description": d.description,
                "principles": list(d.principle_ids),
                "tensions": [t.id for t in guide.tensions_of(d)],
                "domains": list(d.domains),
                "tags": list(d.tags),
                "source": d.source,
                "aliases": list(d.aliases),
                **where(d.url),
                "sections": {s.anchor: base + d.url + "#" + s.anchor for s in schema.SECTIONS},
            }
            for d in guide.sorted_dilemmas()
        ],
        "releases": [
            {
                "version": r.version,
                "date": r.date.isoformat(),
                "title": r.title,
                "summary": r.summary,
                **where(f"{schema.CHANGELOG_ADDRESS}#{r.anchor}"),
                "removed": [_removal(removal, where) for removal in r.removed],
            }
            for r in guide.releases
        ],
    }


def _removal(removal: Removal, where: Any) -> dict[str, Any]:
    return {
        "kind": removal.kind,
        "id": removal.id,
        "title": removal.title,
        "reason": removal.reason,
        "replaced_by": removal.replaced_by,
        **where(removal.url),
    }


def json_schema(site_url: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``gids.json``."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    item_id = {
        "type": "string",
        "pattern": schema.ID_PATTERN.pattern,
        "minLength": schema.ID_MIN_LENGTH,
        "maxLength": schema.ID_MAX_LENGTH,
    }
    tension_id = {"enum": list(schema.TENSION_IDS)}
    text = {"type": "string", "minLength": 1}
    description = {**text, "maxLength": schema.DESCRIPTION_MAX_LENGTH}
    address = {
        "address": {"type": "string", "description": "Adres ten opzichte van de basis van de site."},
        "url": {"type": "string", "description": "Volledig adres."},
    }

    def obj(properties: dict[str, Any], description_nl: str) -> dict[str, Any]:
        return {
            "type": "object",
            "description": description_nl,
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": base + SCHEMA_PATH,
        "title": "Gids Ambtelijk vakmanschap als open data",
        **obj(
            {
                "$schema": {"type": "string"},
                "name": text,
                **address,
                "version": {"type": ["string", "null"], "description": "De nieuwste uitgave."},
                "corners": {
                    "type": "array",
                    "items": obj({"id": {"enum": list(schema.CORNER_IDS)}, "name": text}, "Een hoek van de driehoek."),
                },
                "tensions": {
                    "type": "array",
                    "items": obj(
                        {
                            "id": tension_id,
                            "title": text,
                            "description": description,
                            "corners": {"type": "array", "items": {"enum": list(schema.CORNER_IDS)}, "minItems": 2, "maxItems": 2},
                            **address,
                            "dilemmas": {"type": "array", "items": item_id},
                        },
                        "Een spanning: een zijde van de driehoek.",
                    ),
                },
                "principles": {
                    "type": "array",
                    "items": obj(
                        {
                            "id": item_id,
                            "title": text,
                            "description": description,
                            "order": {"type": ["integer", "null"]},
                            "tags": {"type": "array", "items": text},
                            "aliases": {"type": "array", "items": item_id, "description": "Eerdere namen; hun adressen sturen door."},
                            **address,
                            "dilemmas": {"type": "array", "items": item_id},
                        },
                        "Een basisprincipe, met de dilemma's waarin het speelt.",
                    ),
                },
                "dilemmas": {
                    "type": "array",
                    "items": obj(
                        {
                            "id": item_id,
                            "title": text,
                            "description": description,
                            "principles": {"type": "array", "items": item_id, "minItems": 1},
                            "tensions": {"type": "array", "items": tension_id, "minItems": 1},
                            "domains": {"type": "array", "items": {"enum": list(schema.DOMAINS)}},
                            "tags": {"type": "array", "items": text},
                            "source": {"type": ["string", "null"]},
                            "aliases": {"type": "array", "items": item_id, "description": "Eerdere namen; hun adressen sturen door."},
                            **address,
                            "sections": obj(
                                {s.anchor: {"type": "string"} for s in schema.SECTIONS},
                                "Het volledige adres van elk van de vier delen.",
                            ),
                        },
                        "Een dilemma uit de praktijk.",
                    ),
                },
                "releases": {
                    "type": "array",
                    "items": obj(
                        {
                            "version": {"type": "string", "pattern": r"^\d+(\.\d+)*$"},
                            "date": {"type": "string", "format": "date"},
                            "title": text,
                            "summary": description,
                            **address,
                            "removed": {
                                "type": "array",
                                "items": obj(
                                    {
                                        "kind": {"enum": list(schema.REMOVAL_KINDS)},
                                        "id": item_id,
                                        "title": {"type": ["string", "null"]},
                                        "reason": text,
                                        "replaced_by": {"type": ["string", "null"]},
                                        **address,
                                    },
                                    "Een principe of dilemma dat in deze uitgave verdween.",
                                ),
                            },
                        },
                        "Een uitgave van de gids, de nieuwste eerst.",
                    ),
                },
            },
            "De hele gids: principes, dilemma's, spanningen en uitgaven.",
        ),
    }


def dumps(data: dict[str, Any], *, readable: bool = True) -> str:
    """Stable JSON (sorted keys would scramble the reading order). Readable:
    indented, which makes Python's json module take its slow, pure-Python
    path; the guide's data, megabytes in a large guide, is written compact."""
    if readable:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
