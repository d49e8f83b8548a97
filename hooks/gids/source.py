"""Reading a content file: text, front matter with line numbers, and body.

Messages must name the line of every key and list item, which PyYAML's
``safe_load`` forgets. So the front matter is *composed* into YAML nodes
(which carry their position) and every node is turned into a ``Located``
value that keeps its line next to its plain Python value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

BOM = b"\xef\xbb\xbf"

# The same front-matter fences as MkDocs' own meta parser
# (mkdocs.utils.meta.YAML_RE), so both always agree on where the body starts.
_OPEN_FENCE = re.compile(r"^-{3}[ \t]*$")
_CLOSE_FENCE_LINE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


@dataclass
class Located:
    """A YAML value with the 1-based line it starts on in the file."""

    value: Any
    line: int
    #: 0-based column where the value starts (for tools that edit the file).
    column: int = 0
    #: For a list: its items.
    items: list[Located] = field(default_factory=list)
    #: For a mapping: key -> (line of the key, value).
    entries: dict[str, tuple[int, Located]] = field(default_factory=dict)


@dataclass
class SourceFile:
    """A content file split into its parts."""

    #: Path relative to the project root, with forward slashes (for messages).
    path: str
    text: str
    front_matter: Located | None
    body: str
    #: The file line on which the body starts (1-based).
    body_line: int


def read_text(abs_path: Path, rel_path: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8, dropping a BOM and normalising line endings."""
    data = abs_path.read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                rel_path,
                line,
                "bestand",
                "dit bestand is niet als UTF-8 opgeslagen; sla het op als UTF-8 "
                "(in de meeste editors: 'Opslaan als' en dan codering UTF-8)",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split(text: str, rel_path: str) -> tuple[SourceFile | None, list[Problem]]:
    """Split text into front matter (parsed, with lines) and body."""
    fences = _fences(text)
    if fences is None:
        return None, [
            Problem(
                rel_path,
                1,
                "front matter",
                "het bestand moet beginnen met een regel '---', dan de sleutels "
                "(zoals title:), en dan weer een regel '---'",
            )
        ]
    first_end, close = fences
    if close is None:
        return None, [
            Problem(
                rel_path,
                1,
                "front matter",
                "de sleutels bovenaan worden niet afgesloten; zet een regel '---' onder de laatste sleutel",
            )
        ]
    # The lines between the fences, each with its newline.
    yaml_text = text[first_end + 1 : close.start()] or "\n"
    front, problems = parse_yaml(yaml_text, rel_path, first_line=2)
    body_line = text.count("\n", 0, close.start()) + 2
    return SourceFile(rel_path, text, front, text[close.end() + 1 :], body_line), problems


def body_of(text: str) -> str | None:
    """The markdown under the front matter, without reading the front
    matter (``None`` without one): for a file that passed validation."""
    fences = _fences(text)
    if fences is None or fences[1] is None:
        return None
    return text[fences[1].end() + 1 :]


def _fences(text: str) -> tuple[int, re.Match[str] | None] | None:
    """Where the first line ends and the line that closes the front matter
    (``None`` if it is never closed); ``None`` without front matter.

    Found by searching the text, not by splitting it into lines: every
    build reads every file this way, some twice."""
    first_end = text.find("\n")
    if first_end < 0:
        first_end = len(text)
    if not _OPEN_FENCE.match(text, 0, first_end):
        return None
    return first_end, _CLOSE_FENCE_LINE.search(text, first_end + 1)


def parse_yaml(yaml_text: str, rel_path: str, first_line: int) -> tuple[Located | None, list[Problem]]:
    """Parse YAML into ``Located`` values; syntax errors become problems."""
    try:
        node = yaml.compose(yaml_text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        return None, [
            Problem(
                rel_path,
                line,
                "front matter",
                "de sleutels bovenaan zijn hier niet goed opgeschreven; schrijf elke sleutel als "
                "'sleutel: waarde', en zet tekst met een dubbele punt of een [ tussen aanhalingstekens",
            )
        ]
    if node is None:
        return Located({}, first_line), []
    problems: list[Problem] = []
    try:
        located = _locate(node, rel_path, first_line, problems)
    finally:
        # PyYAML's constructor remembers every node it built until a document
        # ends, which for this shared one is never: without this, memory
        # grows with every file (and every rebuild of mkdocs serve).
        _constructor.constructed_objects.clear()
    if not isinstance(located.value, dict):
        problems.append(
            Problem(
                rel_path,
                first_line,
                "front matter",
                "hier horen sleutels met een waarde, zoals 'title: Mijn titel'",
            )
        )
        return None, problems
    return located, problems


_constructor = yaml.SafeLoader("")
# libyaml (PyYAML's C parser) is many times faster and keeps the positions
# the messages need; pure Python where PyYAML was built without it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _locate(node: yaml.Node, rel_path: str, first_line: int, problems: list[Problem]) -> Located:
    line = first_line + node.start_mark.line
    column = node.start_mark.column
    if isinstance(node, yaml.SequenceNode):
        items = [_locate(child, rel_path, first_line, problems) for child in node.value]
        return Located([item.value for item in items], line, column, items=items)
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, tuple[int, Located]] = {}
        for key_node, value_node in node.value:
            key_line = first_line + key_node.start_mark.line
            key = _scalar(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in entries:
                problems.append(
                    Problem(
                        rel_path,
                        key_line,
                        key,
                        f"deze sleutel staat twee keer in het bestand (ook op regel {entries[key][0]}); laat er één staan",
                    )
                )
                continue
            entries[key] = (key_line, _locate(value_node, rel_path, first_line, problems))
        return Located({k: v.value for k, (_, v) in entries.items()}, line, column, entries=entries)
    return Located(_scalar(node), line, column)


_STR = "tag:yaml.org,2002:str"


def _scalar(node: yaml.Node) -> Any:
    # Most values are text: PyYAML's constructor would only hand back
    # node.value for those, at many times the cost.
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    return _constructor.construct_object(node, deep=True)


def load(abs_path: Path, rel_path: str) -> tuple[SourceFile | None, list[Problem]]:
    """Read and split one content file."""
    text, problems = read_text(abs_path, rel_path)
    if text is None:
        return None, problems
    return split(text, rel_path)
