"""Rendering a body to HTML exactly as the site renders it.

The safety verdict (``safety.py``) is taken on this HTML: the same
Python-Markdown with the same extensions and configuration as the site, so
whatever the renderer makes of a body is what is judged, and no second
reading of the markdown can disagree with it.

The settings come from the engine's configuration: the MkDocs adapter passes
its live ``markdown_extensions`` and ``mdx_configs``; commands without MkDocs
(``make check``, the release tool) read them from ``mkdocs.yml`` with
``Settings.from_config_file``. A test requires both to give the same.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml

CONFIG_FILE = "mkdocs.yml"
#: What MkDocs always adds to the listed extensions (mkdocs.config.defaults:
#: ``MarkdownExtensions(builtins=['toc', 'tables', 'fenced_code'])``).
ENGINE_BUILTINS = ("toc", "tables", "fenced_code")


class ConfigError(Exception):
    """The markdown settings in the configuration file cannot be read."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name} kan niet worden gelezen: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True)
class Settings:
    """Python-Markdown's extensions (names) and their configuration."""

    extensions: tuple[str, ...] = ENGINE_BUILTINS
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_engine(cls, extensions: list[Any], configs: dict[str, dict[str, Any]]) -> Settings:
        """From the engine's validated configuration (names and configs)."""
        return cls(tuple(str(e) for e in extensions), {k: dict(v) for k, v in configs.items()})

    @classmethod
    def from_config_file(cls, path: Path) -> Settings:
        """From ``mkdocs.yml``: the listed extensions after the engine's
        built-in ones, as MkDocs orders them."""
        if not path.is_file():
            raise ConfigError(path.name, f"het bestand ontbreekt in {path.parent}; is dit wel de map van de gids?")
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - own loader
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ImportError, AttributeError) as error:
            # ImportError, AttributeError: a !!python/name: that names nothing.
            raise ConfigError(path.name, str(error).splitlines()[0] if str(error) else type(error).__name__) from None
        listed = (data.get("markdown_extensions") if isinstance(data, dict) else None) or []
        if not isinstance(listed, list):
            raise ConfigError(path.name, "markdown_extensions moet een lijst van extensies zijn")
        names = list(ENGINE_BUILTINS)
        configs: dict[str, dict[str, Any]] = {}
        for entry in listed:
            if isinstance(entry, dict) and len(entry) == 1:
                (name, config), = entry.items()
            else:
                name, config = entry, None
            if not isinstance(name, str) or not isinstance(config, (dict, type(None))):
                raise ConfigError(path.name, f"dit deel van markdown_extensions is geen extensie: {str(entry)[:60]}")
            if name not in names:
                names.append(name)
            if config:
                configs[name] = dict(config)
        return cls(tuple(names), configs)


class _ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` as MkDocs does for the tags it uses: ``!ENV``
    gives the variable or its default, ``!!python/name:`` the named object
    (extension configs such as superfences' custom fences use it)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)  # type: ignore[arg-type]
        names, default = [str(v) for v in values[:-1]], values[-1]
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
# Any other tag of a plugin's configuration: not needed for markdown.
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class Renderer:
    """One Python-Markdown instance, reset between bodies (building one
    costs as much as rendering many bodies)."""

    def __init__(self, settings: Settings, config_name: str = CONFIG_FILE) -> None:
        try:
            self._markdown = markdown.Markdown(
                extensions=list(settings.extensions), extension_configs=settings.configs
            )
        except (ImportError, AttributeError, TypeError, ValueError, KeyError) as error:
            # An extension that is not installed, or a setting it does not
            # know: Python-Markdown says which.
            raise ConfigError(config_name, f"een markdown-extensie kan niet worden geladen ({error})") from None

    def __call__(self, text: str) -> str:
        self._markdown.reset()
        return self._markdown.convert(text)
