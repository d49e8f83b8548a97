"""Reading a content file: text, front matter with line numbers, and body.


The file is read only when it is a regular file inside the repository (see
``read_text``); its front matter is parsed by ``plainyaml``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .plainyaml import CONTROL, Located, character_name, parse_yaml
from .problems import HEADER, Problem, problem

BOM = b"\xef\xbb\xbf"

#: A content file larger than this is refused unread (the largest dilemma is
#: about 6 KB).
MAX_FILE_BYTES = 1_000_000

# The same front-matter fences as MkDocs' own meta parser
# (mkdocs.utils.meta.YAML_RE), so both always agree on where the body starts.
_OPEN_FENCE = re.compile(r"^-{3}[ \t]*$")
_CLOSE_FENCE_LINE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


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
    data, refusal = _read_regular_file(abs_path)
    if refusal:
        code, values = refusal
        return None, [problem(rel_path, 1, "bestand", code, **values)]
    assert data is not None
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [problem(rel_path, line, "bestand", "niet-utf8")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = [
        problem(rel_path, text.count("\n", 0, match.start()) + 1, "tekst", "stuurteken", teken=character_name(match.group()))
        for match in CONTROL.finditer(text)
    ]
    return (None, problems) if problems else (text, [])



#: Why a file cannot be read: a message code and its values.
Refusal = tuple[str, dict[str, str]]
LINK: Refusal = ("snelkoppeling", {})
NOT_REGULAR: Refusal = ("geen-gewoon-bestand", {})
FOLDER: Refusal = ("map-met-md", {})
TOO_LARGE: Refusal = ("bestand-te-groot", {"grens": str(MAX_FILE_BYTES // 1_000_000)})


def _read_regular_file(path: Path) -> tuple[bytes | None, Refusal | None]:
    """The bytes of ``path``, or why it cannot be a content file.

    Opened without following a link and without waiting (O_NONBLOCK: opening
    a pipe for reading would block until something writes to it), then
    checked on the open file itself, so nothing can be swapped in between."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)  # a link of any kind: ELOOP, said as LINK
    except OSError as error:
        return None, _os_error(error)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None, FOLDER
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


def _os_error(error: OSError) -> Refusal:
    if error.errno == errno.ELOOP:
        return LINK
    if error.errno in (errno.EACCES, errno.EPERM):
        return ("geen-leesrecht", {})
    if error.errno == errno.EISDIR:
        return FOLDER
    return ("niet-leesbaar", {"reden": error.strerror or error.__class__.__name__})


def split(text: str, rel_path: str) -> tuple[SourceFile | None, list[Problem]]:
    """Split text into front matter (parsed, with lines) and body."""
    fences = _fences(text)
    if fences is None:
        return None, [problem(rel_path, 1, HEADER, "geen-sleutels-bovenaan")]
    first_end, close = fences
    if close is None:
        return None, [problem(rel_path, 1, HEADER, "sleutels-niet-afgesloten")]
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


def load(abs_path: Path, rel_path: str) -> tuple[SourceFile | None, list[Problem]]:
    """Read and split one content file."""
    text, problems = read_text(abs_path, rel_path)
    if text is None:
        return None, problems
    return split(text, rel_path)
