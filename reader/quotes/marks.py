"""Pair quotation marks into spans, before anyone decides whether a span is speech.

Real articles mix straight and curly marks, close double quotes with two
apostrophes (`’’`), forget closing marks and run one quote over several
paragraphs. This module only answers "which characters stand between which
marks", paragraph by paragraph, so that a stray mark can never make a span
run past the end of its paragraph (and so swallow the rest of the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

DOUBLE_OPEN: Final = frozenset("“„«‟")
DOUBLE_CLOSE: Final = frozenset("”»")
DOUBLE_EITHER: Final = frozenset('"＂')
SINGLE_OPEN: Final = frozenset("‘‚‹")
SINGLE_CLOSE: Final = frozenset("’›")
_BEFORE_OPENER: Final = frozenset(" \t\n([{—–-/:;,…") | DOUBLE_OPEN | SINGLE_OPEN
_AFTER_CLOSER: Final = frozenset(" \t\n)]}—–-/:;,.!?…") | DOUBLE_CLOSE | SINGLE_CLOSE


@dataclass(slots=True)
class Span:
    """Text between two marks: `start`/`end` index the text, marks excluded.

    `open_mark` and `close_mark` are the offsets of the marks themselves;
    `close_mark` is None when a multi-paragraph quote runs on past the end.
    """

    paragraph: int
    start: int
    end: int
    open_mark: int
    close_mark: int | None
    runs_on: bool = False
    """The quote has no closing mark because it continues in the next paragraph."""


def _is_opener(text: str, pos: int, width: int) -> bool:
    """A mark after a space or bracket, followed by a word (or by one space, then a word)."""
    before = text[pos - 1] if pos > 0 else " "
    if before not in _BEFORE_OPENER:
        return False
    after = text[pos + width : pos + width + 2]
    return bool(after) and (not after[0].isspace() or after[1:].isalnum())


def _is_closer(text: str, pos: int, width: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + width] if pos + width < len(text) else " "
    return not before.isspace() and (after in _AFTER_CLOSER or after in DOUBLE_EITHER)


def _typed_for_a_closer(text: str, pos: int, width: int) -> bool:
    """An opening mark right after a comma or a stop and before a space ("work,“ he said"):
    it stands where a quote ends, so it closes the one open (an opening mark there would
    touch the word it opens)."""
    after = text[pos + width : pos + width + 1]
    return pos > 0 and text[pos - 1] in ",.!?" and (not after or after.isspace())


_DOUBLE_MARKS: Final = '“”"„«‟»＂'
_DOUBLE_PAIR: Final = re.compile(r"’’|''|‘‘|``")
"""Two single marks used as one double mark (AP's closing ’’), searched only where present."""
_SINGLE_MARK: Final = re.compile(r"[‘‚‹’›']")


def _has_double_mark(text: str) -> bool:
    """Whether a double mark (or a backtick, half of ``) is in text: plain substring tests,
    each a C scan, cost a third of one search for a class of these characters."""
    return (
        "“" in text
        or '"' in text
        or "”" in text
        or "„" in text
        or "«" in text
        or "‟" in text
        or "»" in text
        or "＂" in text
        or "`" in text
    )


_SINGLE_BREAK_MARKS: Final = "'’›"


def _single_after_break(text: str) -> bool:
    """Whether a ' or ’ (or ›) stands where a quote could open, after a space, a bracket or a
    dash: without one (or a ‘), no single marks can pair. Found with `str.find`, mark by
    mark: most paragraphs hold few, and a class search would test every character."""
    for mark in _SINGLE_BREAK_MARKS:
        if mark not in text:
            continue
        at = text.find(mark, 1)
        while at > 0:
            if text[at - 1] in _BEFORE_OPENER:
                return True
            at = text.find(mark, at + 1)
    return False


_OPENING_SINGLE: Final = re.compile(r"[‘‚‹]")
_LOOSE_SINGLE: Final = re.compile(r"['’›](?:(?<!\w['’›])|(?!\w))")
"""A ’ or ' that is not inside a word (an apostrophe in "don't" cannot quote)."""


def _double_marks(text: str) -> list[tuple[int, int, str]]:
    """Every double mark as (offset, width, role) with role "open", "close" or "either".

    Each mark is found with `str.find`, one kind after another, then put in order: a
    search for a class of characters would test every character of the paragraph.
    """
    found: list[tuple[int, str]] = []
    for mark in _DOUBLE_MARKS:
        if mark not in text:
            continue  # most kinds are absent: `in` is cheaper than a first `find`
        at = text.find(mark)
        while at >= 0:
            found.append((at, mark))
            at = text.find(mark, at + 1)
    if "’’" in text or "''" in text or "‘‘" in text or "``" in text:
        found += [(match.start(), match.group()) for match in _DOUBLE_PAIR.finditer(text)]
    found.sort()  # no two marks start at one offset: a pair is made of single marks
    marks: list[tuple[int, int, str]] = []
    for pos, mark in found:
        if mark == "''" and not (_is_closer(text, pos, 2) or _is_opener(text, pos, 2)):
            continue
        marks.append((pos, len(mark), _ROLES.get(mark, "either")))
    return marks


_ROLES: Final = {
    **dict.fromkeys(DOUBLE_OPEN, "open"),
    **dict.fromkeys(DOUBLE_CLOSE, "close"),
    "’’": "close",
    "‘‘": "open",
    "``": "open",
}
"""What a double mark does, when it says; the rest ('"', "''") can open or close."""


def _pair(
    text: str, marks: list[tuple[int, int, str]]
) -> tuple[list[tuple[int, int, int, int]], tuple[int, int] | None]:
    """Pair marks left to right; returns closed spans and the still-open mark, if any.

    A second opening mark while one is open abandons the first (a title's
    forgotten closing mark, as in `“Song (“Subtitle”)`), which keeps a
    missing mark from pairing with the wrong partner far away.
    """
    spans: list[tuple[int, int, int, int]] = []
    open_at: tuple[int, int] | None = None
    for pos, width, role in marks:
        if role == "either":
            if open_at is None:
                role = (
                    "open"
                    if _is_opener(text, pos, width) or not _is_closer(text, pos, width)
                    else "stray"
                )
            else:
                role = "close"
        if (
            role == "open"
            and open_at is not None
            and text[open_at[0]] == "„"
            and (text[pos] == "“")
        ):
            role = "close"  # German style: „so“
        if role == "open" and open_at is not None and _typed_for_a_closer(text, pos, width):
            role = "close"  # an opening mark typed where the quote closes: “…,“ he said
        if role == "open":
            if open_at is not None and text[open_at[0]] == "«" and text[pos] != "«":
                continue
            open_at = (pos, width)
        elif role == "close" and open_at is not None:
            spans.append((open_at[0] + open_at[1], pos, open_at[0], pos))
            open_at = None
    return spans, open_at


def _single_marks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Single marks in text[lo:hi] that can open or close a quote (not apostrophes)."""
    marks: list[tuple[int, int, str]] = []
    for match in _SINGLE_MARK.finditer(text, lo, hi):
        i = match.start()
        ch = text[i]
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        if before.isalnum() and after.isalnum():
            continue  # don't, Rudolph’s
        if ch in SINGLE_OPEN or (before in _BEFORE_OPENER or i == lo) and after.isalnum():
            if ch in SINGLE_CLOSE and after.isdigit():
                continue  # ’90s
            marks.append((i, 1, "open"))
        elif not before.isspace() and (after in _AFTER_CLOSER or i + 1 == hi):
            marks.append((i, 1, "close"))
    return marks


def _pair_singles(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    if not _OPENING_SINGLE.search(text, lo, hi) and not _LOOSE_SINGLE.search(text, lo, hi):
        return []  # only apostrophes inside words: nothing can pair
    spans: list[tuple[int, int, int, int]] = []
    open_at: int | None = None
    for pos, _width, role in _single_marks(text, lo, hi):
        if role == "open":
            open_at = pos
        elif open_at is not None:
            spans.append((open_at + 1, pos, open_at, pos))
            open_at = None
    return spans


def starts_with_opener(text: str) -> bool:
    """Whether a paragraph opens with a quotation mark (a quote continuing or starting)."""
    stripped = text.lstrip()
    return bool(stripped) and (
        stripped[0] in DOUBLE_OPEN or stripped[0] in DOUBLE_EITHER or stripped[:2] in ("‘‘", "''")
    )


_COMMA_OR_COLON_BEFORE: Final = re.compile(r"[a-z][,:]\s*$")
_WORDS_LEFT: Final = 8


def _left_open_after_a_cue(text: str, mark: int, start: int) -> bool:
    """Whether a quote opened after "said," or "said:" and never closed runs to the end of
    its paragraph: the writer forgot the closing mark, the words are still someone's. Only
    when no mark at all comes after it and enough words follow to be a statement."""
    rest = text[start:]
    return (
        _COMMA_OR_COLON_BEFORE.search(text, max(0, mark - 3), mark) is not None
        and len(rest.split()) >= _WORDS_LEFT
        and not _has_double_mark(rest)
    )


def scan_paragraph(paragraphs: list[str], index: int) -> tuple[list[Span], list[Span]]:
    """Top-level spans and nested spans of one paragraph.

    An opening mark left open at the end of the paragraph becomes a quote
    running to the paragraph's end when the next paragraph opens with a
    mark (the convention for quotes spanning paragraphs); otherwise it is
    dropped.
    """
    text = paragraphs[index]
    singles = bool(
        "‘" in text
        or "‚" in text
        or "‹" in text
        or text[:1] in ("'", "’", "›")
        or ("’" in text or "'" in text or "›" in text)  # half the paragraphs have none
        and _single_after_break(text)
    )
    if not singles and not _has_double_mark(text):  # ‘, ‚ and ‹ would have made `singles`
        return [], []
    pairs, still_open = _pair(text, _double_marks(text))
    top = [Span(index, s, e, om, cm) for s, e, om, cm in pairs]
    if still_open is not None:
        follows = index + 1 < len(paragraphs) and starts_with_opener(paragraphs[index + 1])
        end = len(text.rstrip())
        if follows and end > still_open[0] + still_open[1]:
            top.append(
                Span(index, still_open[0] + still_open[1], end, still_open[0], None, runs_on=True)
            )
        elif _left_open_after_a_cue(text, still_open[0], still_open[0] + still_open[1]):
            top.append(Span(index, still_open[0] + still_open[1], end, still_open[0], None))
    if not singles:  # only apostrophes inside words: no single mark can pair
        return top, []
    covered = [(span.open_mark, (span.close_mark or len(text)) + 1) for span in top]
    for lo, hi in _gaps(covered, len(text)):
        top.extend(Span(index, s, e, om, cm) for s, e, om, cm in _pair_singles(text, lo, hi))
    top.sort(key=lambda span: span.start)
    nested = [
        Span(index, s, e, om, cm)
        for span in top
        for s, e, om, cm in _pair_singles(text, span.start, span.end)
    ]
    return [_trim(text, span) for span in top], [_trim(text, span) for span in nested]


def _gaps(covered: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    gaps, at = [], 0
    for lo, hi in sorted(covered):
        if lo > at:
            gaps.append((at, lo))
        at = max(at, hi)
    if at < length:
        gaps.append((at, length))
    return gaps


def _trim(text: str, span: Span) -> Span:
    """Drop an unclosed single mark left dangling at the end of a span."""
    end = span.end
    while end > span.start and text[end - 1] in "‘":
        end -= 1
    if end == span.end:
        return span
    return Span(span.paragraph, span.start, end, span.open_mark, span.close_mark, span.runs_on)
