"""Turning what a user types into a safe FTS5 query, and FTS5 snippets into plain text.

Search input comes straight from a text box, so it must never reach FTS5 as
syntax: a stray `"`, `*`, `AND` or `NEAR(` would raise or silently change the
meaning. Every word is therefore quoted; only the shapes we choose (phrases,
a prefix on the word still being typed) are ever produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MARK_START: Final = "\ue000"
MARK_END: Final = "\ue001"
"""Private-use characters that bracket matches in FTS5 snippets; never in real text."""

MAX_TERMS: Final = 32
"""More words than this add nothing to a search and only slow FTS5 down."""

_WORD = re.compile(r"[^\W_]+")
"""What FTS5's unicode61 tokenizer keeps as a token: letters and digits, not `_`."""
_CHUNK = re.compile(r'"([^"]*)"?|([^\s"]+)')
_MARKED = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a search, best first.

    `snippet` is plain text around the best match; `marks` are the
    `(start, end)` spans in it that matched, for the UI to highlight.
    `rank` is higher for better matches (BM25 with the title weighted up).
    """

    path: str
    title: str
    snippet: str
    rank: float
    marks: tuple[tuple[int, int], ...] = ()


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for user input, or None when nothing is searchable.

    Text in double quotes is one phrase. Outside quotes, each space-separated
    chunk is a phrase of its words, so `U.S.` finds "U.S." and `don't` finds
    "don't". The last chunk is a prefix match while the user is still typing it.
    """
    phrases: list[list[str]] = []
    for match in _CHUNK.finditer(text):
        words = _WORD.findall(match.group(1) if match.group(1) is not None else match.group(2))
        if words:
            phrases.append(words)
    if not phrases:
        return None
    terms = 0
    kept: list[list[str]] = []
    for words in phrases:
        if terms + len(words) > MAX_TERMS:
            break
        kept.append(words)
        terms += len(words)
    if not kept:
        kept = [phrases[0][:MAX_TERMS]]
    parts = ['"' + " ".join(words) + '"' for words in kept]
    still_typing = text[-1:].isalnum() and len(kept) == len(phrases)
    if still_typing and len(kept[-1][-1]) > 1:
        parts[-1] += "*"
    return " ".join(parts)


def unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip the match markers out of an FTS5 snippet, keeping where they were."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    last = 0
    for match in _MARKED.finditer(snippet):
        before = snippet[last:match.start()]
        plain.append(before)
        length += len(before)
        plain.append(match.group(1))
        marks.append((length, length + len(match.group(1))))
        length += len(match.group(1))
        last = match.end()
    plain.append(snippet[last:])
    # Paragraphs are joined by newlines in the index; a snippet is shown on one line.
    text = "".join(plain).replace(MARK_START, "").replace(MARK_END, "").replace("\n", " ")
    return text, tuple(marks)
