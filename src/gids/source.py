"""Reading a content file: text, front matter with line numbers, and body.

Messages must name the line of every key and list item, which PyYAML's
``safe_load`` forgets. So the front matter is *composed* into YAML nodes
(which carry their position) and every node is turned into a ``Located``
value that keeps its line next to its plain Python value.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

BOM = b"\xef\xbb\xbf"

# --- limits: reading never hangs and never floods -----------------------------------
#: A content file larger than this is refused unread (the largest dilemma is
#: about 6 KB).
MAX_FILE_BYTES = 1_000_000
#: The front matter: characters and nesting.
MAX_FRONT_MATTER_CHARS = 100_000
MAX_DEPTH = 8
#: Control characters other than tab and newline, lone surrogates (which a
#: YAML escape can make) and the two non-characters: none of them has a
#: place in a text, and XML (the feed) cannot hold them.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

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
    """Read a content file as UTF-8, dropping a BOM and normalising line
    endings. Only a regular file is read: a link, a pipe or a folder is
    refused without being followed or opened for reading (a pipe would wait
    for ever), and so is a file too large to be a page of the guide."""
    data, problem = _read_regular_file(abs_path)
    if problem:
        return None, [Problem(rel_path, 1, "bestand", problem)]
    assert data is not None
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = [
        Problem(rel_path, text.count("\n", 0, match.start()) + 1, "tekst", control_message(match.group()))
        for match in CONTROL.finditer(text)
    ]
    return (None, problems) if problems else (text, [])


def control_message(character: str) -> str:
    return (
        f"hier staat een onzichtbaar stuurteken (U+{ord(character):04X}); "
        "haal het weg, bijvoorbeeld door de regel opnieuw te typen"
    )


def _read_regular_file(path: Path) -> tuple[bytes | None, str | None]:
    """The bytes of ``path``, or why it cannot be a content file.

    Opened without following a link and without waiting (O_NONBLOCK: opening
    a pipe for reading would block until something writes to it), then
    checked on the open file itself, so nothing can be swapped in between."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if path.is_symlink():
            return None, LINK
        fd = os.open(path, flags)
    except OSError as error:
        return None, _os_error(error)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None, "dit is een map, geen bestand; geef de map een naam zonder .md"
        if not stat.S_ISREG(info.st_mode):
            return None, NOT_REGULAR
        if info.st_size > MAX_FILE_BYTES:
            return None, TOO_LARGE
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 16):
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                return None, TOO_LARGE
            chunks.append(chunk)
        return b"".join(chunks), None
    except OSError as error:
        return None, _os_error(error)
    finally:
        os.close(fd)


LINK = (
    "dit is een snelkoppeling (symbolische link) naar een ander bestand; de gids leest alleen gewone "
    "bestanden in de repository: zet de tekst zelf hier neer"
)
NOT_REGULAR = "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); zet hier een gewoon tekstbestand neer"
TOO_LARGE = f"dit bestand is groter dan {MAX_FILE_BYTES // 1_000_000} MB; een pagina van de gids is veel korter"


def _os_error(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return LINK
    if error.errno in (errno.EACCES, errno.EPERM):
        return "dit bestand kan niet worden gelezen: er is geen toestemming; geef iedereen leesrechten op het bestand"
    if error.errno == errno.EISDIR:
        return "dit is een map, geen bestand; geef de map een naam zonder .md"
    return f"dit bestand kan niet worden gelezen ({error.strerror or error.__class__.__name__})"


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
    """Parse YAML into ``Located`` values; every mistake becomes a problem.

    Plain YAML only (the content contract): no anchors or aliases, which let
    a few hundred bytes expand to gigabytes; no explicit tags (``!x``,
    ``!!int``), no merge keys (``<<:``); limited in size and depth. The
    events are read first, so nothing is built of front matter that breaks
    these rules."""
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        return None, [
            Problem(
                rel_path,
                first_line,
                "front matter",
                f"de sleutels bovenaan zijn samen langer dan {MAX_FRONT_MATTER_CHARS:,} tekens".replace(",", ".")
                + "; zet lange tekst onder de sleutels, in de tekst van de pagina",
            )
        ]
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


def _syntax_problem(error: yaml.YAMLError, rel_path: str, first_line: int) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = first_line + (mark.line if mark else 0)
    return Problem(
        rel_path,
        line,
        "front matter",
        "de sleutels bovenaan zijn hier niet goed opgeschreven; schrijf elke sleutel als "
        "'sleutel: waarde', en zet tekst met een dubbele punt of een [ tussen aanhalingstekens",
    )


_ANCHOR = "gebruik geen ankers (&naam) in de sleutels; schrijf de waarde gewoon uit"
_ALIAS = "gebruik geen verwijzingen (*naam) in de sleutels; schrijf de waarde gewoon uit"
_TAG = "gebruik geen YAML-labels (zoals !tekst of !!int) in de sleutels; schrijf alleen de waarde"
_MERGE = "gebruik geen '<<:' in de sleutels; schrijf elke sleutel zelf uit"
_DEPTH = f"de sleutels zijn hier te diep genest (meer dan {MAX_DEPTH} niveaus); een sleutel van de gids is nooit zo diep"


def _plain_yaml_problems(yaml_text: str, rel_path: str, first_line: int) -> list[Problem]:
    """What makes the front matter more than plain YAML, from its events."""
    problems: list[Problem] = []
    # Per open collection: whether it is a mapping, and how many nodes it
    # has had (in a mapping, an even count means the next node is a key).
    stack: list[list[Any]] = []

    def add(mark: Any, message: str) -> None:
        problems.append(Problem(rel_path, first_line + mark.line, "front matter", message))

    try:
        for event in yaml.parse(yaml_text, Loader=_LOADER):
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                is_key = bool(stack) and stack[-1][0] and stack[-1][1] % 2 == 0
                if stack:
                    stack[-1][1] += 1
                if isinstance(event, yaml.AliasEvent):
                    add(event.start_mark, _ALIAS)
                    continue
                if event.anchor is not None:
                    add(event.start_mark, _ANCHOR)
                if event.tag is not None and not (isinstance(event, yaml.ScalarEvent) and event.tag == "!"):
                    # A plain value has no tag; "!" alone is YAML's "no tag,
                    # just text" for a quoted one in some emitters.
                    add(event.start_mark, _TAG)
                if is_key and isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
                    add(event.start_mark, _MERGE)
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append([isinstance(event, yaml.MappingStartEvent), 0])
                    if len(stack) > MAX_DEPTH:
                        add(event.start_mark, _DEPTH)
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
                    Problem(
                        rel_path,
                        key_line,
                        path,
                        f"deze sleutel staat twee keer in het bestand (ook op regel {entries[name][0]}); laat er één staan",
                    )
                )
                continue
            entries[name] = (key_line, _locate(value_node, rel_path, first_line, problems, path))
        return Located({k: v.value for k, (_, v) in entries.items()}, line, column, entries=entries)
    value = _scalar(node)
    if isinstance(value, str):
        _check_controls(value, rel_path, line, key or "front matter", problems)
    return Located(value, line, column)


def _check_controls(text: str, rel_path: str, line: int, key: str, problems: list[Problem]) -> None:
    # The file's own characters were checked when it was read; these come
    # from escapes in quoted text, such as "\a".
    match = CONTROL.search(text)
    if match:
        problems.append(Problem(rel_path, line, key, control_message(match.group())))


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


def load(abs_path: Path, rel_path: str) -> tuple[SourceFile | None, list[Problem]]:
    """Read and split one content file."""
    text, problems = read_text(abs_path, rel_path)
    if text is None:
        return None, problems
    return split(text, rel_path)
