"""Near-duplicates: a new item that is a copy of an existing one.

A contributor who copies a dilemma to start a new one, and forgets to make
it different, makes a file that passes every rule of the contract. The
check (``make check``, and ``make check-history`` for what a merge request
adds) then warns and names the item it looks like. A warning, not an error:
two items may share a title on purpose for a while; a person decides.

Written here rather than taken from a library: the standard library's
``difflib`` compares two titles; for the bodies, shared runs of five words
(shingles) are counted through an index of the rare ones, so that a guide
of hundreds of items is compared in milliseconds without comparing every
pair. A near-duplicate library (MinHash, datasketch) would be a dependency
for some thirty lines.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from .model import Dilemma, Guide, Principle
from .problems import Problem, problem
from .source import body_of

#: Titles this alike (difflib's ratio, after ignoring case and punctuation).
TITLE_RATIO = 0.9
#: Bodies whose runs of five words are shared this much (Jaccard).
BODY_RATIO = 0.6
#: Words per run.
RUN = 5
#: A run found in more items than this is common phrasing (the headings of
#: the sections, a stock sentence), no sign of a copy.
COMMON = 8
#: A body needs this many runs to be compared (a line or two says little).
MIN_RUNS = 12

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Text:
    """What is compared of one item."""

    item: Principle | Dilemma
    title: str
    runs: frozenset[tuple[str, ...]]
    #: Where the title and the body are in the file.
    title_line: int = 1
    body_line: int = 1


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


_TITLE_LINE = re.compile(r"^title\s*:", re.MULTILINE)


def text_of(item: Principle | Dilemma, text: str) -> Text:
    """What is compared of ``item``, whose file holds ``text``."""
    body = body_of(text) or ""
    words = _words(body)
    runs = frozenset(tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    title = _TITLE_LINE.search(text)
    title_line = text.count("\n", 0, title.start()) + 1 if title else 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return Text(item, " ".join(_words(item.title)), runs, title_line, body_line)


def read(root: Path, guide: Guide) -> list[Text]:
    """The principles and dilemmas of ``guide`` with their bodies, as read
    from their files (the guide was validated: each file has its keys)."""
    return [
        text_of(item, (root / item.path).read_text(encoding="utf-8"))
        for item in [*guide.principles.values(), *guide.dilemmas.values()]
    ]


def near_duplicates(texts: list[Text], new: Collection[str] | None = None) -> list[Problem]:
    """A warning for each item that looks like another of its kind; only
    for items whose path is in ``new`` if given (what a merge request adds).
    Each warning is on the newer item of a pair (with ``new``: the new one;
    otherwise both, since neither is known to be the copy)."""
    problems: list[Problem] = []
    for kind in (Principle, Dilemma):
        group = [t for t in texts if isinstance(t.item, kind)]
        for a, b, what, ratio in _alike(group):
            for this, other in ((a, b), (b, a)):
                if new is not None and this.item.path not in new:
                    continue
                line = this.title_line if what == "title" else this.body_line
                problems.append(
                    problem(
                        this.item.path, line, what, "lijkt-op-titel" if what == "title" else "lijkt-op-tekst",
                        ander=other.item.path, titel=other.item.title, procent=round(ratio * 100),
                    )  # fmt: skip
                )
    return sorted(problems)


def _alike(group: list[Text]) -> Iterable[tuple[Text, Text, str, float]]:
    """Pairs of ``group`` that look alike: by title, else by body."""
    by_body = dict(_bodies_alike(group))
    for i, a in enumerate(group):
        for j in range(i + 1, len(group)):
            b = group[j]
            title = difflib.SequenceMatcher(None, a.title, b.title).ratio() if _close_lengths(a.title, b.title) else 0
            if title >= TITLE_RATIO:
                yield a, b, "title", title
            elif (i, j) in by_body:
                yield a, b, "tekst", by_body[(i, j)]


def _close_lengths(a: str, b: str) -> bool:
    # Titles of very different lengths cannot reach the ratio; skipping them
    # keeps the pairwise comparison of titles cheap.
    return min(len(a), len(b)) >= TITLE_RATIO * max(len(a), len(b)) - 2


def _bodies_alike(group: list[Text]) -> Iterable[tuple[tuple[int, int], float]]:
    """Index pairs ``(i, j)``, ``i < j``, whose bodies share most runs
    (Jaccard), found through the runs few items have."""
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, text in enumerate(group):
        for run in text.runs:
            holders[run].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for indexes in holders.values():
        if 1 < len(indexes) <= COMMON:
            for n, i in enumerate(indexes):
                for j in indexes[n + 1 :]:
                    shared[(i, j)] += 1
    for (i, j), rare in shared.items():
        a, b = group[i].runs, group[j].runs
        if min(len(a), len(b)) < MIN_RUNS or rare < BODY_RATIO * MIN_RUNS:
            continue
        ratio = len(a & b) / len(a | b)
        if ratio >= BODY_RATIO:
            yield (i, j), ratio
