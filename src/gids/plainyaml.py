"""Front matter as plain YAML, with limits, and with the line of every value.

Messages must name the line of every key and list item, which PyYAML's
``safe_load`` forgets. So the front matter is *composed* into YAML nodes
(which carry their position) and every node is turned into a ``Located``
value that keeps its line next to its plain Python value. Only plain YAML is
composed at all: the events are read first (see ``parse_yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import HEADER, Problem, problem

#: The front matter: characters and nesting.
MAX_FRONT_MATTER_CHARS = 100_000
MAX_DEPTH = 8
#: Control characters other than tab and newline, lone surrogates (which a
#: YAML escape can make) and the two non-characters: none of them has a
#: place in a text, and XML (the feed) cannot hold them.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


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


def character_name(character: str) -> str:
    """How a message names an invisible character: ``U+0007``."""
    return f"U+{ord(character):04X}"


def parse_yaml(yaml_text: str, rel_path: str, first_line: int) -> tuple[Located | None, list[Problem]]:
    """Parse YAML into ``Located`` values; every mistake becomes a problem.

    Plain YAML only (the content contract): no anchors or aliases, which let
    a few hundred bytes expand to gigabytes; no explicit tags (``!x``,
    ``!!int``), no merge keys (``<<:``); limited in size and depth. The
    events are read first, so nothing is built of front matter that breaks
    these rules."""
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        limit = f"{MAX_FRONT_MATTER_CHARS:,}".replace(",", ".")
        return None, [problem(rel_path, first_line, HEADER, "sleutels-te-lang", grens=limit)]
    problems = _plain_yaml_problems(yaml_text, rel_path, first_line)
    if problems:
        return None, problems
    try:
        node = yaml.compose(yaml_text, Loader=_LOADER)
    except yaml.YAMLError as error:
        return None, [_syntax_problem(error, rel_path, first_line)]
    if node is None:
        return Located({}, first_line), []
    try:
        located = _locate(node, rel_path, first_line, problems, "")
    finally:
        # PyYAML's constructor remembers every node it built until a document
        # ends, which for this shared one is never: without this, memory
        # grows with every file (and every rebuild of mkdocs serve).
        _constructor.constructed_objects.clear()
    if not isinstance(located.value, dict):
        problems.append(problem(rel_path, first_line, HEADER, "geen-sleutels"))
        return None, problems
    return located, problems


def _syntax_problem(error: yaml.YAMLError, rel_path: str, first_line: int) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = first_line + (mark.line if mark else 0)
    return problem(rel_path, line, HEADER, "yaml-fout")




def _plain_yaml_problems(yaml_text: str, rel_path: str, first_line: int) -> list[Problem]:
    """What makes the front matter more than plain YAML, from its events."""
    problems: list[Problem] = []
    # Per open collection: whether it is a mapping, and how many nodes it
    # has had (in a mapping, an even count means the next node is a key).
    stack: list[list[Any]] = []

    def add(mark: Any, code: str, **values: Any) -> None:
        problems.append(problem(rel_path, first_line + mark.line, HEADER, code, **values))

    try:
        for event in yaml.parse(yaml_text, Loader=_LOADER):
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                is_key = bool(stack) and stack[-1][0] and stack[-1][1] % 2 == 0
                if stack:
                    stack[-1][1] += 1
                if isinstance(event, yaml.AliasEvent):
                    add(event.start_mark, "yaml-verwijzing")
                    continue
                if event.anchor is not None:
                    add(event.start_mark, "yaml-anker")
                if event.tag is not None and not (isinstance(event, yaml.ScalarEvent) and event.tag == "!"):
                    # A plain value has no tag; "!" alone is YAML's "no tag,
                    # just text" for a quoted one in some emitters.
                    add(event.start_mark, "yaml-label")
                if is_key and isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
                    add(event.start_mark, "yaml-samenvoegen")
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append([isinstance(event, yaml.MappingStartEvent), 0])
                    if len(stack) > MAX_DEPTH:
                        add(event.start_mark, "yaml-te-diep", grens=MAX_DEPTH)
                        break
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(error, rel_path, first_line))
    return problems


_constructor = yaml.SafeLoader("")
# libyaml (PyYAML's C parser) is many times faster and keeps the positions
# the messages need; pure Python where PyYAML was built without it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _locate(node: yaml.Node, rel_path: str, first_line: int, problems: list[Problem], key: str) -> Located:
    line = first_line + node.start_mark.line
    column = node.start_mark.column
    if isinstance(node, yaml.SequenceNode):
        items = [_locate(child, rel_path, first_line, problems, key) for child in node.value]
        return Located([item.value for item in items], line, column, items=items)
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, tuple[int, Located]] = {}
        for key_node, value_node in node.value:
            key_line = first_line + key_node.start_mark.line
            name = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(name, str):
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            path = f"{key}.{name}" if key else name
            _check_controls(name, rel_path, key_line, path, problems)
            if name in entries:
                problems.append(
                    problem(rel_path, key_line, path, "dubbele-sleutel", regel=entries[name][0])
                )
                continue
            entries[name] = (key_line, _locate(value_node, rel_path, first_line, problems, path))
        return Located({k: v.value for k, (_, v) in entries.items()}, line, column, entries=entries)
    value = _scalar(node)
    if isinstance(value, str):
        _check_controls(value, rel_path, line, key or HEADER, problems)
    return Located(value, line, column)


def _check_controls(text: str, rel_path: str, line: int, key: str, problems: list[Problem]) -> None:
    # The file's own characters were checked when it was read; these come
    # from escapes in quoted text, such as "\a".
    match = CONTROL.search(text)
    if match:
        problems.append(problem(rel_path, line, key, "stuurteken", teken=character_name(match.group())))


_STR = "tag:yaml.org,2002:str"


def _scalar(node: yaml.Node) -> Any:
    # Most values are text: PyYAML's constructor would only hand back
    # node.value for those, at many times the cost.
    if node.tag == _STR:
        return node.value
    try:
        return _constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError, ArithmeticError, yaml.YAMLError):
        # A value that looks like a date or number but is none (2026-02-30,
        # a number of thousands of digits): the text as written, which the
        # key's type then names in its message.
        return node.value
