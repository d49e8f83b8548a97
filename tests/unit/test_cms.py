"""The configuration of the form at /bewerken/ (gids/cms.py): made from the
schema and from the guide itself, never written by hand."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from gids import cms, contributor_docs, schema, vendor
from gids.validate import load_guide
from tests.helpers import ROOT, GuideTree

EXTRA = {
    "repository": {"url": "https://gitlab.example.org/redactie/gids", "branch": "hoofd"},
    "cms": {"app_id": "abc123", "gitlab_url": "https://gitlab.example.org/"},
}
SITE = "https://gids.example.org/"


@pytest.fixture
def tree(guide_tree: GuideTree) -> GuideTree:
    """The fixture guide with the project's templates (sjablonen/)."""
    shutil.copytree(ROOT / contributor_docs.TEMPLATES_FOLDER, guide_tree.root / contributor_docs.TEMPLATES_FOLDER)
    return guide_tree


def config_of(tree: GuideTree, extra: dict = EXTRA) -> dict:
    guide, problems = load_guide(tree.root)
    assert problems == [] and guide is not None
    return cms.Editor.from_extra(extra, SITE, tree.root).config(guide)


def collection(config: dict, kind: schema.ContentType) -> dict:
    (found,) = [c for c in config["collections"] if c["folder"] == kind.folder]
    return found


def field(collection: dict, name: str) -> dict:
    (found,) = [f for f in collection["fields"] if f["name"] == name]
    return found


def test_the_backend_is_the_guides_gitlab_with_pkce_and_every_save_a_merge_request(tree: GuideTree) -> None:
    config = config_of(tree)
    assert config["backend"] == {
        **config["backend"],
        "name": "gitlab",
        "repo": "redactie/gids",
        "branch": "hoofd",
        "auth_type": "pkce",
        "app_id": "abc123",
        "base_url": "https://gitlab.example.org",
        "api_root": "https://gitlab.example.org/api/v4",
    }
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "nl"
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]}


@pytest.mark.parametrize(
    "extra",
    [
        {**EXTRA, "cms": {"app_id": ""}},
        {**EXTRA, "cms": {"app_id": "  "}},
        # The repository is not on the configured GitLab.
        {**EXTRA, "cms": {"app_id": "abc123"}},
        {"repository": {"url": "https://github.com/redactie/gids"}, "cms": {"app_id": "abc123"}},
    ],
)
def test_without_an_application_on_the_guides_gitlab_the_form_is_not_ready(extra: dict) -> None:
    assert not cms.Editor.from_extra(extra, SITE, ROOT).ready


def test_the_collections_are_the_contracts_folders_with_the_id_as_file_name(tree: GuideTree) -> None:
    config = config_of(tree)
    assert [c["folder"] for c in config["collections"]] == [t.folder for t in schema.CONTENT_TYPES]
    for kind in schema.CONTENT_TYPES:
        found = collection(config, kind)
        assert found["name"] == kind.list_address.strip("/")
        assert found["label_singular"] == kind.schema.name
        assert (found["extension"], found["format"], found["create"], found["delete"]) == ("md", "yaml-frontmatter", True, False)
        assert found["slug"] == "{{fields.id}}"
        assert found["preview_path"] == kind.address.format(id="{{slug}}")


def test_every_key_of_the_schema_is_a_field_in_order_with_a_dutch_label(tree: GuideTree) -> None:
    config = config_of(tree)
    for kind in schema.CONTENT_TYPES:
        fields = collection(config, kind)["fields"]
        keys = [f.key for f in kind.schema.fields if f.key not in cms.NOT_IN_FORM]
        assert [f["name"] for f in fields] == [cms.ID_FIELD, *keys, "body"]
        for spec in kind.schema.fields:
            if spec.key in cms.NOT_IN_FORM:
                continue
            shown = field(collection(config, kind), spec.key)
            assert shown["required"] is spec.required, spec.key
            assert shown["label"] != spec.key and shown["label"][0].isupper(), spec.key
            # The hint is the schema's meaning, as a sentence.
            assert shown["hint"].lower().startswith(spec.meaning.split(":")[0].split(" (zie")[0].lower()[:20]), spec.key
    assert cms.ID_FIELD not in {f.key for t in schema.CONTENT_TYPES for f in t.schema.fields}


def test_the_choices_are_the_guides_own_and_follow_it(tree: GuideTree) -> None:
    guide, _ = load_guide(tree.root)
    config = config_of(tree)
    dilemmas = collection(config, schema.DILEMMAS)
    principles = field(dilemmas, "principles")
    assert principles["options"] == [{"label": p.title, "value": p.id} for p in guide.sorted_principles()]
    assert (principles["widget"], principles["multiple"], principles["min"]) == ("select", True, 1)
    tensions = field(dilemmas, "tensions")
    assert tensions["options"] == [{"label": guide.tensions[t].title, "value": t} for t in schema.TENSION_IDS]
    assert tensions["min"] == 1
    domains = field(dilemmas, "domains")
    assert [o["value"] for o in domains["options"]] == list(schema.DOMAINS) and "min" not in domains

    # A new principle and a renamed tension are in the next configuration.
    tree.write("principles/nieuw-principe.md", "---\ntitle: Een nieuw principe\ndescription: Kort.\n---\n\nTekst.\n")
    tree.replace("docs/spanningen/professie-politiek.md", "title: ", "title: Andere naam, ")
    config = config_of(tree)
    dilemmas = collection(config, schema.DILEMMAS)
    assert {"label": "Een nieuw principe", "value": "nieuw-principe"} in field(dilemmas, "principles")["options"]
    assert field(dilemmas, "tensions")["options"][0]["label"].startswith("Andere naam, ")


def test_the_description_has_the_schemas_maximum(tree: GuideTree) -> None:
    description = field(collection(config_of(tree), schema.DILEMMAS), "description")
    rule, message = description["pattern"]
    assert str(schema.DESCRIPTION_MAX_LENGTH) in message
    assert re.fullmatch(rule.strip("^$"), "x" * schema.DESCRIPTION_MAX_LENGTH)
    assert not re.fullmatch(rule.strip("^$"), "x" * (schema.DESCRIPTION_MAX_LENGTH + 1))


@pytest.mark.parametrize(
    "name", ["loyale-tegenspraak", "abc", "a" * 60, "ab", "a" * 61, "index", "Hoofdletter", "dubbel--streepje", "-voor", "met_liggend"]
)
def test_the_name_field_follows_the_contracts_id_rule(name: str) -> None:
    # The same expression goes to Decap (its pattern) and to bewerken.js.
    assert bool(re.match(cms.id_rule(), name)) is (schema.id_problem(name) is None)


def test_history_asks_for_a_note_and_leaves_the_version_to_a_release(tree: GuideTree) -> None:
    for kind, noun in ((schema.PRINCIPLES, "principe"), (schema.DILEMMAS, "dilemma")):
        history = field(collection(config_of(tree), kind), "history")
        sub = {f["name"]: f for f in history["fields"]}
        assert list(sub) == [f.key for f in schema.HISTORY_ENTRY.fields]
        assert sub["note"]["required"] is True and sub["version"]["widget"] == "hidden"
        assert sub["date"]["format"] == "YYYY-MM-DD" and sub["date"]["required"] is False
        assert "elke wijziging" in history["hint"]
        # A new item starts with the template's note.
        assert history["default"] == cms.new_history(tree.root, noun) == [{"note": f"Nieuw {noun}."}]


def test_a_new_text_starts_as_the_contract_wants_it(tree: GuideTree) -> None:
    config = config_of(tree)
    dilemma = field(collection(config, schema.DILEMMAS), "body")
    headings = re.findall(r"^## (.+)$", dilemma["default"], re.MULTILINE)
    assert headings == [s.heading for s in schema.SECTIONS]
    assert all(s.holds in dilemma["hint"] for s in schema.SECTIONS)
    principle = field(collection(config, schema.PRINCIPLES), "body")
    template = contributor_docs.template(tree.root, "principe")
    assert principle["default"].strip() == template.split("\n---\n", 1)[1].strip()
    # Markdown as written: no rich-text mode that rewrites a whole text.
    assert dilemma["modes"] == principle["modes"] == ["raw"]


def test_the_configuration_file_says_it_is_made_and_reads_back(tree: GuideTree) -> None:
    config = config_of(tree)
    text = cms.dump(config)
    assert text.startswith("# Gemaakt door de gids")
    assert yaml.safe_load(text) == config


def test_the_files_of_the_form_depend_on_the_bundle_and_the_build(tree: GuideTree) -> None:
    guide, _ = load_guide(tree.root)
    editor = cms.Editor.from_extra(EXTRA, SITE, tree.root)
    names = lambda files: sorted(path for path, _ in files)  # noqa: E731
    # Not fetched: the page alone, which explains.
    assert names(editor.files(guide, True, offline=False, policy=True)) == ["bewerken/index.html"]
    bundle = tree.root / vendor.DECAP_CMS.folder
    bundle.mkdir(parents=True)
    for name in [*vendor.DECAP_CMS.files.values()]:
        (bundle / name).write_text("// bundel\n", encoding="utf-8")
    (bundle / vendor.VERSION_FILE).write_text(vendor.DECAP_CMS.version + "\n", encoding="utf-8")
    files = dict(editor.files(guide, True, offline=False, policy=True))
    assert sorted(files) == [
        "bewerken/bewerken.js",
        "bewerken/config.yml",
        "bewerken/decap-cms.js",
        "bewerken/decap-cms.js.LICENSE.txt",
        "bewerken/index.html",
    ]
    assert files["bewerken/decap-cms.js"] == {"abs_src_path": str(bundle / "decap-cms.js")}
    assert yaml.safe_load(files["bewerken/config.yml"]["content"]) == editor.config(guide)
    # The offline copy and a release's snapshot have no form.
    assert names(editor.files(guide, True, offline=True, policy=False)) == ["bewerken/index.html"]
    snapshot = cms.Editor.from_extra({**EXTRA, "snapshot": True}, SITE, tree.root)
    assert names(snapshot.files(guide, True, offline=False, policy=True)) == ["bewerken/index.html"]
    # Another version of the bundle is as good as none.
    (bundle / vendor.VERSION_FILE).write_text("0.0.1\n", encoding="utf-8")
    assert names(editor.files(guide, True, offline=False, policy=True)) == ["bewerken/index.html"]


def test_the_script_is_a_classic_script_without_eval() -> None:
    source = (Path(cms.__file__).with_name("cms.js")).read_text(encoding="utf-8")
    body = source.split("*/", 1)[1].strip()
    assert body.startswith('(function () {\n  "use strict";') and body.endswith("})();")
    assert not re.search(r"\beval\s*\(|\bnew Function\b|\.innerHTML\b", source)


@pytest.mark.parametrize(
    "cms_settings, says",
    [
        ({"gitlab_url": "https://gitlab.com; script-src *"}, "gitlab_url: 'https://gitlab.com; script-src *' is geen adres van een GitLab"),
        ({"gitlab_url": "javascript:alert(1)"}, "is geen adres van een GitLab"),
        ({"gitlab_url": "http://gitlab.example.org"}, "is geen adres van een GitLab"),
        ({"local_port": "abc"}, "local_port: 'abc' is geen poort"),
        ({"local_port": 70000}, "local_port: '70000' is geen poort"),
        ({"local_port": "８０８１"}, "is geen poort"),
        ({"app_id": "abc\"><script>"}, "is geen Application ID van GitLab"),
        ({"app_id": "x" * 5000}, "is geen Application ID van GitLab"),
    ],
)
def test_a_setting_the_page_cannot_carry_is_one_dutch_sentence(cms_settings: dict, says: str) -> None:
    with pytest.raises(cms.SettingsError) as raised:
        cms.Editor.from_extra({**EXTRA, "cms": {**EXTRA.get("cms", {}), **cms_settings}}, SITE, ROOT)
    message = str(raised.value)
    assert message.startswith("mkdocs.yml: extra: cms: ") and says in message and "\n" not in message
    assert len(message) < 300


def test_settings_that_are_not_keys_are_refused() -> None:
    with pytest.raises(cms.SettingsError, match="hier horen de sleutels"):
        cms.Editor.from_extra({**EXTRA, "cms": ["app_id"]}, SITE, ROOT)


def test_a_self_managed_gitlab_and_a_port_of_its_own_are_kept() -> None:
    editor = cms.Editor.from_extra({**EXTRA, "cms": {"app_id": "a1", "gitlab_url": "https://git.example.org:8443/", "local_port": "9090"}}, SITE, ROOT)
    assert (editor.gitlab_url, editor.local_port) == ("https://git.example.org:8443", 9090)
