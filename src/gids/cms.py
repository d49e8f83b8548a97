"""The form-based editor at /bewerken/: Decap CMS, served from the site.

Its configuration is made here at build time, never written by hand: the
collections and fields come from the schema (keys, meanings, types, the id
rule, a dilemma's sections), the choices from the guide itself (its
principles, the names of its tensions, the domains). Every save becomes a
merge request (Decap's editorial workflow) through the GitLab backend
(PKCE: no secret), or goes to Decap's local backend on this computer.

The page (``cms_page.py``) explains itself where the form cannot run.
``cms.js`` (served as ``bewerken.js``) starts Decap and keeps what it
writes within the content contract.

Plain Python: nothing of MkDocs is imported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from . import cms_page, contributor_docs, schema, vendor
from .model import Guide

FOLDER = "bewerken"
BUNDLE = vendor.DECAP_CMS
DEFAULT_GITLAB = "https://gitlab.com"
DEFAULT_LOCAL_PORT = 8081
LOCAL_HOSTS = ("127.0.0.1", "localhost")
#: The form's field for a new item's file name. Never written to the file
#: (bewerken.js takes it out), so it may not be a key of the contract.
ID_FIELD = "id"

#: The Dutch label of each key of the schema that the form shows.
LABELS = {
    "title": "Titel", "description": "Korte beschrijving", "order": "Plaats in de lijst",
    "principles": "Principes", "tensions": "Spanningen", "domains": "Soort werk", "tags": "Trefwoorden",
    "source": "Bron", "history": "Wijzigingen", "version": "Versie", "date": "Datum", "note": "Wat er veranderde",
}  # fmt: skip
#: Keys the form leaves alone: earlier names only matter when a file is
#: renamed, which the form cannot do. Decap keeps their values as they are.
NOT_IN_FORM = frozenset({"aliases"})
#: Per kind: the collection's plural label (its singular is the schema's name).
KINDS = ((schema.PRINCIPLES, "principe", "Principes"), (schema.DILEMMAS, "dilemma", "Dilemma's"))


class SettingsError(ValueError):
    """A setting of the form in mkdocs.yml that cannot be used; in Dutch."""


#: What a setting may be: it ends up in the page's Content-Security-Policy
#: and in the form's configuration, so nothing else may slip in.
_APP_ID = re.compile(r"[A-Za-z0-9_-]{0,200}")
_GITLAB_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)*")


@dataclass(frozen=True)
class Editor:
    """The settings of the form, from mkdocs.yml (``extra``)."""

    root: Path
    site_url: str
    repository: str
    branch: str
    app_id: str
    gitlab_url: str
    local_port: int
    #: A release's snapshot (/<version>/): no form there.
    snapshot: bool
    #: The guide's name (mkdocs.yml: site_name), in the page's title.
    site_name: str = "Gids Ambtelijk vakmanschap"

    @classmethod
    def from_extra(cls, extra: dict[str, Any], site_url: str, root: Path, site_name: str | None = None) -> Editor:
        """The settings from ``extra``; ``SettingsError`` (one Dutch
        sentence) for a value the page's policy or config may not carry."""
        cms = extra.get("cms") or {}
        if not isinstance(cms, dict):
            raise SettingsError("mkdocs.yml: extra: cms: hier horen de sleutels app_id, gitlab_url en local_port.")
        repository = extra.get("repository") or {}
        app_id = str(cms.get("app_id") or "").strip()
        gitlab_url = str(cms.get("gitlab_url") or DEFAULT_GITLAB).rstrip("/")
        port = str(cms.get("local_port") or DEFAULT_LOCAL_PORT).strip()
        if not _APP_ID.fullmatch(app_id):
            raise SettingsError(
                f"mkdocs.yml: extra: cms: app_id: '{app_id[:80]}' is geen Application ID van GitLab; "
                "neem het over uit GitLab (letters en cijfers), of laat het leeg."
            )
        if not _GITLAB_URL.fullmatch(gitlab_url):
            raise SettingsError(
                f"mkdocs.yml: extra: cms: gitlab_url: '{gitlab_url[:80]}' is geen adres van een GitLab; "
                "schrijf het als https://gitlab.example.org."
            )
        if not (port.isdigit() and port.isascii() and 0 < int(port) < 65536):
            raise SettingsError(
                f"mkdocs.yml: extra: cms: local_port: '{port[:80]}' is geen poort; kies een getal van 1 tot 65535 "
                "(of zet GIDS_CMS_LOCAL_PORT op zo'n getal)."
            )
        return cls(
            root=root,
            site_url=site_url,
            repository=str(repository.get("url") or ""),
            branch=str(repository.get("branch") or "main"),
            app_id=app_id,
            gitlab_url=gitlab_url,
            local_port=int(port),
            snapshot=str(extra.get("snapshot", "")).lower() == "true",
            **({"site_name": site_name} if site_name else {}),
        )

    @property
    def repo(self) -> str:
        """The repository's path on the GitLab (``group/project``), or ``""``
        when it lives elsewhere."""
        prefix = self.gitlab_url + "/"
        return self.repository.rstrip("/").removeprefix(prefix) if self.repository.startswith(prefix) else ""

    @property
    def ready(self) -> bool:
        """Whether the redactie set the form up for the guide's GitLab."""
        return bool(self.app_id and self.repo)

    @property
    def local_url(self) -> str:
        return f"http://127.0.0.1:{self.local_port}/api/v1"

    def new_item_address(self, kind: schema.ContentType) -> str | None:
        """Where the form starts a new item of ``kind`` (a public address
        with Decap's route), or ``None`` where this site has no form."""
        if not (self.ready and not self.snapshot and BUNDLE.present(self.root)):
            return None
        return f"{FOLDER}/#/collections/{kind.list_address.strip('/')}/new"

    def script_settings(self) -> dict[str, Any]:
        """What bewerken.js needs to know (a data block in the page)."""
        return {
            "ready": self.ready,
            "localHosts": list(LOCAL_HOSTS),
            "localUrl": self.local_url,
            "idField": ID_FIELD,
            "idPattern": id_rule(),
            "idMax": schema.ID_MAX_LENGTH,
            "idMissing": f"Van deze titel kan het formulier geen naam maken. Vul zelf een naam in: {schema.ID_RULE}.",
            "title": f"De gids bewerken · {self.site_name}",
        }

    def files(self, guide: Guide, directory_urls: bool, offline: bool, policy: bool) -> list[tuple[str, dict[str, str]]]:
        """The files of /bewerken/, each as its path in the site and either
        its ``content`` or the ``abs_src_path`` to copy."""
        if offline or self.snapshot:
            state = "elsewhere"
        elif not BUNDLE.present(self.root):
            state = "missing"
        else:
            state = "ready" if self.ready else "unconfigured"
        page = cms_page.page(self, state, directory_urls, policy)
        files = [(f"{FOLDER}/index.html", {"content": page})]
        if state in ("ready", "unconfigured"):
            files += [
                (f"{FOLDER}/config.yml", {"content": dump(self.config(guide))}),
                (f"{FOLDER}/bewerken.js", {"content": (Path(__file__).with_name("cms.js")).read_text(encoding="utf-8")}),
                (f"{FOLDER}/decap-cms.js", {"abs_src_path": str(BUNDLE.path(self.root, "decap-cms.js"))}),
                (f"{FOLDER}/decap-cms.js.LICENSE.txt", {"abs_src_path": str(BUNDLE.path(self.root, "decap-cms.js.LICENSE.txt"))}),
            ]
        return files

    # --- the configuration ----------------------------------------------------

    def config(self, guide: Guide) -> dict[str, Any]:
        """Decap's configuration (its config.yml)."""
        return {
            "backend": {
                "name": "gitlab",
                "repo": self.repo or urlsplit(self.repository).path.strip("/"),
                "branch": self.branch,
                "auth_type": "pkce",
                "app_id": self.app_id,
                "base_url": self.gitlab_url,
                "auth_endpoint": "oauth/authorize",
                "api_root": f"{self.gitlab_url}/api/v4",
                "squash_merges": True,
                "commit_messages": {
                    "create": "Nieuw {{collection}}: {{slug}}",
                    "update": "{{collection}} {{slug}} verbeterd",
                    "delete": "{{collection}} {{slug}} weggehaald",
                    "uploadMedia": "Bestand {{path}} toegevoegd",
                    "deleteMedia": "Bestand {{path}} weggehaald",
                },
            },
            # Every save becomes a merge request: the check, the preview and
            # the redactie's review come with it.
            "publish_mode": "editorial_workflow",
            "local_backend": {"url": self.local_url, "allowed_hosts": list(LOCAL_HOSTS)},
            "locale": "nl",
            "site_url": self.site_url,
            "display_url": self.site_url,
            "show_preview_links": True,
            # Decap requires a media folder; the form offers no way to add
            # images to a text (no image button in the text field).
            "media_folder": "docs/afbeeldingen",
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "editor": {"preview": False},
            "collections": [self.collection(guide, kind, noun, plural) for kind, noun, plural in KINDS],
        }

    def collection(self, guide: Guide, kind: schema.ContentType, noun: str, plural: str) -> dict[str, Any]:
        fields = [_id_field(kind, noun)]
        for field in kind.schema.fields:
            if field.key not in NOT_IN_FORM:
                fields.append(_field(field, guide))
            if field.key == "history":
                # A new item starts with the template's note ("Nieuw dilemma.").
                fields[-1]["default"] = new_history(self.root, noun)
        fields.append(_body_field(self.root, kind, noun))
        return {
            "name": kind.list_address.strip("/"),
            "label": plural,
            "label_singular": noun,
            "folder": kind.folder,
            "extension": "md",
            "format": "yaml-frontmatter",
            "create": True,
            # Taking an item away needs a note in docs/versies.md: not here.
            "delete": False,
            "identifier_field": "title",
            "slug": "{{fields.%s}}" % ID_FIELD,
            "preview_path": kind.address.format(id="{{slug}}"),
            "sortable_fields": ["title"],
            "fields": fields,
        }


def _sentence(text: str) -> str:
    """The schema's meaning as a sentence: without what it says about files."""
    text = re.sub(r"\s*\(zie [^)]*\)", "", text.split(":")[0]).strip()
    return text[:1].upper() + text[1:] + "."


def id_rule() -> str:
    """The contract's id rule as one regular expression (JavaScript's too)."""
    return (
        rf"^(?=.{{{schema.ID_MIN_LENGTH},{schema.ID_MAX_LENGTH}}}$)"
        + "".join(rf"(?!{re.escape(r)}$)" for r in sorted(schema.RESERVED_IDS))
        + schema.ID_PATTERN.pattern.removeprefix("^")
    )


def _id_field(kind: schema.ContentType, noun: str) -> dict[str, Any]:
    address = "/" + kind.address.format(id="naam")
    return {
        "name": ID_FIELD,
        "label": "Naam van het bestand",
        "widget": "string",
        # Left empty, the name is made from the title; shown for a new item
        # only (bewerken.js).
        "required": False,
        "pattern": [id_rule(), f"Gebruik {schema.ID_RULE}."],
        "hint": (
            f"De naam wordt het adres, zoals {address}. Laat je het vak leeg, dan wordt de naam gemaakt "
            f"uit de titel. Zelf kiezen? Gebruik {schema.ID_RULE}. Na het opslaan verandert de naam niet meer."
        ),
    }


def _field(field: schema.Field, guide: Guide) -> dict[str, Any]:
    """One key of the schema as a field of the form."""
    kind = field.type
    spec: dict[str, Any] = {"name": field.key, "label": LABELS[field.key], "required": field.required}
    hint = _sentence(field.meaning)
    if isinstance(kind, schema.ListOf) and (kind.refers_to == "principle" or kind.choices):
        if kind.refers_to == "principle":
            options = [{"label": p.title, "value": p.id} for p in guide.sorted_principles()]
        elif set(kind.choices or ()) == set(guide.tensions):
            options = [{"label": guide.tensions[t].title, "value": t} for t in kind.choices or ()]
        else:
            options = [{"label": c, "value": c} for c in kind.choices or ()]
        spec.update(widget="select", multiple=True, options=options)
        if kind.required_items:
            spec["min"] = 1
            hint += " Kies er minstens één."
    elif isinstance(kind, schema.ListOf):
        spec["widget"] = "list"
        hint += " Zet een komma tussen de woorden."
    elif isinstance(kind, schema.Nested):
        assert kind.schema is not None
        spec.update(
            widget="list",
            label_singular=kind.schema.name,
            add_to_top=True,
            collapsed=True,
            summary="{{fields.note}}",
            fields=[_field(f, guide) for f in kind.schema.fields],
        )
        hint += (
            " Schrijf bij elke wijziging een nieuwe regel: wat er veranderde en waarom, in één zin."
            " Een tikfout verbeteren mag zonder. De versie vult de redactie in bij een nieuwe uitgave."
        )
    elif isinstance(kind, schema.Version):
        spec["widget"] = "hidden"
    elif isinstance(kind, schema.Date):
        spec.update(widget="datetime", format="YYYY-MM-DD", date_format="D-M-YYYY", time_format=False, picker_utc=True)
    elif isinstance(kind, schema.WholeNumber):
        spec.update(widget="number", value_type="int")
    else:
        spec["widget"] = "string"
        if isinstance(kind, schema.Text) and kind.max_length:
            spec["pattern"] = [rf"^[\s\S]{{0,{kind.max_length}}}$", f"Hoogstens {kind.max_length} tekens."]
            hint += f" Hoogstens {kind.max_length} tekens."
    spec["hint"] = hint
    return spec


def _body_field(root: Path, kind: schema.ContentType, noun: str) -> dict[str, Any]:
    """The text under the keys; a new one starts as the contract wants it."""
    if kind.schema.sections:
        default = "".join(f"## {s.heading}\n\n\n\n" for s in kind.schema.sections).rstrip() + "\n"
        parts = "; ".join(f"{s.heading}: {s.holds}" for s in kind.schema.sections)
        hint = f"De tekst heeft {len(kind.schema.sections)} delen, elk onder zijn kopje, in deze volgorde. {parts}."
    else:
        default = contributor_docs.template(root, noun).split("\n---\n", 1)[1].lstrip("\n")
        hint = "Vervang de voorbeeldtekst door je eigen tekst."
    hint += " Met ## begin je een kopje, met - een opsomming; **zo** wordt tekst vet."
    return {
        "name": "body",
        "label": "Tekst",
        "widget": "markdown",
        "default": default,
        "hint": hint,
        # Markdown as written. The rich-text mode would rewrite the whole
        # text in its own style (every list, every emphasis), which reviewers
        # would then read as changes, and the webeditor would write back.
        "modes": ["raw"],
        # Their buttons work in the rich-text mode only.
        "buttons": [],
        "editor_components": [],
    }


def new_history(root: Path, noun: str) -> list[dict[str, Any]]:
    """The history a new item starts with: the template's."""
    front = contributor_docs.template(root, noun).split("\n---\n", 1)[0].removeprefix("---\n")
    return list(yaml.safe_load(front).get("history") or [])


def dump(config: dict[str, Any]) -> str:
    return "# Gemaakt door de gids bij het bouwen (src/gids/cms.py): niet met de hand veranderen.\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False, width=100
    )
