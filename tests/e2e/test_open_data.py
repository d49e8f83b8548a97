"""/gids.json: the whole guide as open data, valid against the JSON Schema
published beside it, with addresses that lead to the pages."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from tests.helpers import ROOT


def load(site: Path, name: str) -> dict:
    return json.loads((site / name).read_text(encoding="utf-8"))


def test_gids_json_validates_against_its_schema(built_site: Path) -> None:
    data = load(built_site, "gids.json")
    schema = load(built_site, "gids.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["$schema"].endswith("/gids.schema.json")


def test_the_schema_rejects_what_the_guide_does_not_accept(built_site: Path) -> None:
    data = load(built_site, "gids.json")
    schema = load(built_site, "gids.schema.json")
    data["dilemmas"][0]["tensions"] = ["politiek-samenleving"]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors and "politiek-samenleving" in errors[0].message


def test_every_item_is_there_with_its_relations_and_address(built_site: Path) -> None:
    data = load(built_site, "gids.json")
    dilemmas = {d["id"]: d for d in data["dilemmas"]}
    assert set(dilemmas) == {p.stem for p in (ROOT / "dilemmas").glob("*.md")}
    for path in (ROOT / "dilemmas").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        entry = dilemmas[path.stem]
        assert entry["principles"] == meta["principles"]
        assert sorted(entry["tensions"]) == sorted(meta["tensions"])
        assert entry["title"] == meta["title"]
    for group in ("principles", "dilemmas", "tensions"):
        for entry in data[group]:
            assert (built_site / entry["address"] / "index.html").is_file(), entry["address"]
            assert entry["url"] == "http://127.0.0.1:8000/" + entry["address"]
    for principle in data["principles"]:
        assert principle["dilemmas"] == [d for d in dilemmas if principle["id"] in dilemmas[d]["principles"]] or set(
            principle["dilemmas"]
        ) == {d for d in dilemmas if principle["id"] in dilemmas[d]["principles"]}
    assert [r["version"] for r in data["releases"]][-1] == "1.0"
