"""What a user types into the search box: a safe FTS5 query, and the snippet shown per hit.

Search input comes straight from a text box, so it must never reach FTS5 as
syntax: a stray `"`, `*`, `AND` or `NEAR(` would raise or silently change the
meaning. Every word is therefore quoted; only the shapes we choose (phrases,
a prefix on the word still being typed) are ever produced.

Snippets are cut here rather than by FTS5's `snippet()`: that scores every
window around every hit, which for a common word in a long article costs more
than the whole ranked query. Finding the hits again with a regular expression
over the stored text costs the same whatever the word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

MAX_TERMS: Final = 32
"""More words than this add nothing to a search and only slow FTS5 down."""
SNIPPET_CHARS: Final = 160
EARLY_CHARS: Final = 1500
"""Snippets look for hits in this much of the opening before scanning the whole text."""

_WORD = re.compile(r"[^\W_]+")
"""What FTS5's unicode61 tokenizer keeps as a token: letters and digits, not `_`."""
_CHUNK = re.compile(r'"([^"]*)"?|([^\s"]+)')


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a search, best first.

    `snippet` is plain text around the best match; `marks` are the
    `(start, end)` spans in it that matched, for the UI to highlight.
    `rank` is higher for better matches (BM25 with the title weighted up); it is
    0.0 when so many articles matched that ranking them all would be too slow
    (then title matches come first, then the rest in the order they were cached).
    """

    path: str
    title: str
    snippet: str
    rank: float
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Query:
    """User input as phrases of words; the last word may be a prefix still being typed."""

    phrases: tuple[tuple[str, ...], ...]
    prefix: bool

    def fts(self) -> str:
        """The FTS5 MATCH expression: every phrase quoted, so nothing is syntax."""
        parts = ['"' + " ".join(words) + '"' for words in self.phrases]
        if self.prefix:
            parts[-1] += "*"
        return " ".join(parts)

    def pattern(self) -> re.Pattern[str]:
        """A regular expression finding candidates for these phrases in `fold`ed text."""
        return _pattern(self.phrases)


def parse_query(text: str) -> Query | None:
    """Read search input; None when there is nothing searchable in it.

    Text in double quotes is one phrase. Outside quotes, each space-separated
    chunk is a phrase of its words, so `U.S.` finds "U.S." and `don't` finds
    "don't". The last chunk is a prefix match while the user is still typing it.
    """
    phrases: list[tuple[str, ...]] = []
    for match in _CHUNK.finditer(text):
        words = _WORD.findall(match.group(1) if match.group(1) is not None else match.group(2))
        if words:
            phrases.append(tuple(words))
    if not phrases:
        return None
    kept: list[tuple[str, ...]] = []
    terms = 0
    for phrase in phrases:
        if terms + len(phrase) > MAX_TERMS:
            break
        kept.append(phrase)
        terms += len(phrase)
    if not kept:
        kept = [phrases[0][:MAX_TERMS]]
    still_typing = text[-1:].isalnum() and len(kept) == len(phrases)
    return Query(tuple(kept), still_typing and len(kept[-1][-1]) > 1)


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets stay valid.

    Mirrors what the index does (`remove_diacritics`), so the snippet finds
    "Lépine" for `lepine` just as the search did.
    """
    if text.isascii():
        return text.lower()
    # Only the (few) non-ASCII characters need the slow path; ASCII just lower-cases.
    return _NON_ASCII.sub(_fold_match, text.replace("\u0130", "i").lower())


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(match: re.Match[str]) -> str:
    return _fold_char(match.group())


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    lowered = base[:1].lower()[:1]
    return lowered or char.lower()[:1] or char


@lru_cache(maxsize=256)
def _pattern(phrases: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """Phrases as plain alternatives: a literal start lets `re` scan fast; word
    boundaries are checked on the few candidates instead (see `find_hits`)."""
    return re.compile(
        "|".join(r"[\W_]+".join(re.escape(fold(word)) for word in words) for words in phrases)
    )


def find_hits(folded: str, query: Query, most: int = 400) -> list[tuple[int, int]]:
    """Where the query's phrases occur as whole words (the last one may be a prefix)."""
    last = query.phrases[-1]
    open_ended = query.prefix
    hits: list[tuple[int, int]] = []
    for match in query.pattern().finditer(folded):
        start, end = match.span()
        if start and folded[start - 1].isalnum():
            continue
        if end < len(folded) and folded[end].isalnum():
            if not (open_ended and _is_phrase(folded[start:end], last)):
                continue
            while end < len(folded) and folded[end].isalnum():  # mark the whole word typed
                end += 1
        hits.append((start, end))
        if len(hits) >= most:
            break
    return hits


def _is_phrase(found: str, words: tuple[str, ...]) -> bool:
    return _WORD.findall(found) == [fold(word) for word in words]


def snippet(
    text: str, query: Query, width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The part of `text` with the most different query words in `width` characters.

    Returns one line of plain text (ellipses where cut) and the matched spans in it.
    """
    # Common words turn up early: look in the opening first, the whole text only if needed.
    cut = text.find(" ", EARLY_CHARS)
    folded = fold(text[:cut] if cut > 0 else text)
    spans = find_hits(folded, query)
    if not spans and cut > 0:
        folded = folded + fold(text[cut:])
        spans = find_hits(folded, query)
    if not spans:
        start, end = 0, _word_end(text, min(len(text), width))
    else:
        first = spans[_richest_window(spans, [folded[s:e] for s, e in spans], width)][0]
        start = _word_start(text, max(0, first - width // 4))
        end = _word_end(text, min(len(text), start + width))
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shown = lead + text[start:end].replace("\n", " ") + tail
    marks = tuple(
        (s - start + len(lead), min(e, end) - start + len(lead))
        for s, e in spans
        if s >= start and s < end
    )
    return shown, marks


def _richest_window(spans: list[tuple[int, int]], words: list[str], width: int) -> int:
    """Index of the hit that starts the window holding the most different matched words.

    A sliding window over the hits (which come in text order): linear, however
    many times a common word occurs.
    """
    counts: dict[str, int] = {}
    best, best_distinct, end = 0, 0, 0
    for index, (first, _) in enumerate(spans):
        while end < len(spans) and spans[end][0] < first + width:
            counts[words[end]] = counts.get(words[end], 0) + 1
            end += 1
        if len(counts) > best_distinct:
            best, best_distinct = index, len(counts)
        counts[words[index]] -= 1
        if not counts[words[index]]:
            del counts[words[index]]
    return best


def _word_start(text: str, index: int, reach: int = 24) -> int:
    """Move back to the start of the word `index` falls in, so no word is cut in half
    (but never far: a 2,000-character URL is cut anyway)."""
    stop = max(0, index - reach)
    while index > stop and index < len(text) and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int, reach: int = 24) -> int:
    stop = min(len(text), index + reach)
    while 0 < index < stop and not text[index].isspace():
        index += 1
    return index
