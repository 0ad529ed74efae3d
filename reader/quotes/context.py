"""A paragraph as the quote finder reads it: quoted words masked, split into sentences.

Masking replaces the words between quotation marks with a neutral
character of the same length, so reporting verbs, names and full stops
inside a quote are never taken for the text around it, and every offset
still points into the original paragraph.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Final

from reader.quotes.cues import ANY_CUE, CUE_WORDS, SUBJECT_THEN_VERB
from reader.quotes.marks import Span

_START: Final = attrgetter("start")
MASK: Final = "▒"
"""Stands in for quoted words, so cue words and names inside a quote are never read as
the attribution, while offsets stay the same."""
_ABBREVIATION: Final = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Rev|No|vs|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|[A-Z])|[A-Za-z]\.[A-Za-z])\.$"
)
_SENTENCE_END: Final = re.compile(r"[.!?…][.!?…]*[\"'”’»)]*\s+(?=[\"“‘'«(]{0,2}[A-Z0-9▒])")
"""Written `[.!?…][.!?…]*`, not `[.!?…]+`, so that `re` can skip ahead to punctuation."""
_QUOTE_OWN_END: Final = re.compile(r"[?!][\"”’'»]+\s*$")
"""A "?" or "!" right before a closing mark (or two apostrophes standing for one): the
quote's own, maybe not the sentence's."""
_ATTRIBUTION_NEXT: Final = re.compile(
    rf"(?:(?:[A-Z][\w.’'-]*\s+){{1,4}}|(?:He|She|They|It|We|I)\s+)(?:[a-z]+ly\s+)?"
    rf"(?:{ANY_CUE.pattern})"
)


def mask(text: str, spans: list[Span]) -> str:
    """Replace quoted words with MASK, keeping the quote's final punctuation."""
    if not spans:
        return text  # most paragraphs quote nobody
    pieces, at = [], 0
    for span in sorted(spans, key=_START):
        keep = span.end
        while keep > span.start and text[keep - 1] in ".!?,;:…":
            keep -= 1
        if span.start < at:
            continue
        pieces.append(text[at : span.start])
        pieces.append(MASK * (keep - span.start))
        at = keep
    pieces.append(text[at:])
    return "".join(pieces)


_LETTERS_ONLY: Final = bytes(
    byte if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256)
)
"""A table for `bytes.translate`: ASCII letters stay, every other byte becomes a space."""


_CUE_FIRST_WORDS: Final = frozenset(CUE_WORDS)


def find_cues(masked: str) -> list[re.Match[str]]:
    """Reporting words (`ANY_CUE`) in a masked paragraph, in order, as `finditer` finds them.

    `ANY_CUE` opens with `\\b`, so `re` would try it at every character. Instead the
    paragraph's words are found in C: encoded one byte a character (anything not ASCII
    becomes "?"), every byte but an ASCII letter turned into a space (offsets stay the
    same), split. `ANY_CUE` is tried only where the first word of a cue stands (see
    `CUE_WORDS`) and the cue's other words are in the paragraph too. No MASK is a letter:
    no cue is found in quoted words.
    """
    letters = masked.encode("ascii", "replace").translate(_LETTERS_ONLY)
    firsts = _CUE_FIRST_WORDS.intersection(letters.split())
    if not firsts:
        return []  # most paragraphs: no cue word at all
    padded = b" " + letters + b" "
    starts: list[int] = []
    for first in firsts:
        needed = CUE_WORDS[first]
        if needed is not None and needed not in padded:
            continue  # "in" without "words", "according" without "to"
        needle = b" " + first + b" "
        at = padded.find(needle)
        while at >= 0:
            starts.append(at)  # where the word starts in `masked`: `padded` has one more
            at = padded.find(needle, at + 1)
    starts.sort()
    found: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at >= end and (match := ANY_CUE.match(masked, at)) is not None:
            found.append(match)
            end = match.end()
    return found


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence bounds in a masked paragraph.

    Periods after abbreviations do not end a sentence, and neither does a
    quote's own "?" or "!" when the attribution follows (`“Why?” Lavrov asked.`).
    """
    bounds, at = [], 0
    for match in _sentence_ends(masked):
        start, stop = match.span()
        end = match.group()
        if end[0] == "." and after_abbreviation(masked, at, start):
            continue
        if (
            ("?" in end or "!" in end)
            and _QUOTE_OWN_END.search(end)
            and (_ATTRIBUTION_NEXT.match(masked, stop) or SUBJECT_THEN_VERB.match(masked, stop))
        ):
            continue
        bounds.append((at, stop))
        at = stop
    bounds.append((at, len(masked)))
    return bounds


def after_abbreviation(masked: str, lo: int, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation or an initial (`_ABBREVIATION`,
    looking back no further than `lo`). Every form the pattern knows has a capital in the
    four characters before the stop, or is "vs", or has a full stop two characters back
    ("U.S."); a stop after a lower-case word ("said.", most of them) has none of these and
    is ruled out without running the pattern."""
    window = masked[stop - 4 if stop > 4 else 0 : stop]
    if window.lower() == window and "vs" not in window and masked[stop - 2 : stop - 1] != ".":
        return False
    return _ABBREVIATION.search(masked[stop - 6 if stop - 6 > lo else lo : stop + 1]) is not None


_STOPS: Final = ".!?…"


def _sentence_ends(masked: str) -> list[re.Match[str]]:
    """`_SENTENCE_END.finditer(masked)`, tried only where a stop stands: the stops are found
    with `str.find`, which is much cheaper than `re` testing every character for one."""
    stops: list[int] = []
    for stop in _STOPS:
        if stop not in masked:
            continue  # "!", "?" and "…" are rare: `in` is cheaper than a first `find`
        at = masked.find(stop)
        while at >= 0:
            stops.append(at)
            at = masked.find(stop, at + 1)
    stops.sort()
    found: list[re.Match[str]] = []
    end = 0
    for at in stops:
        if at >= end and (match := _SENTENCE_END.match(masked, at)) is not None:
            found.append(match)
            end = match.end()
    return found


def sentence_of(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for lo, hi in bounds:
        if lo <= offset < hi:
            return lo, hi
    return bounds[-1]
