"""What each line is worth to the run search, and what the lines around a paragraph say of it.

Prose earns in proportion to its length, short menu-like lines cost a
little, clutter more, end markers most. The neighbours then adjust a
paragraph's worth: a dateline or a date or byline just above it marks the
story's first paragraph; a lone paragraph among headlines, one of a series,
is a teaser card.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.clean.text_kinds import CLUTTER, NEAR, PROSE, SHORT, Kind, cut_short
from reader.clean.text_lines import Line
from reader.clean.text_meta import is_byline, is_dateline

SHORT_VALUE = -2.0
CLUTTER_VALUE = -6.0


BARRIER_VALUE = -15.0
"""What a line that is not prose costs the run search: an end marker most of all."""


def line_values(lines: list[Line], kinds: list[Kind]) -> list[float]:
    """What each line is worth on its own, before its neighbours are looked at."""
    repeats = Counter([line.key for line in lines if line.key])
    return [
        _value(line, kind, repeats)
        if kind is PROSE or kind is NEAR
        else (SHORT_VALUE if kind is SHORT else CLUTTER_VALUE if kind is CLUTTER else BARRIER_VALUE)
        for line, kind in zip(lines, kinds, strict=True)
    ]


def _value(line: Line, kind: Kind, repeats: Counter[str]) -> float:
    """What a prose or near-prose line earns; repeated across the page, it is a teaser."""
    if kind is PROSE:
        value = min(line.chars, 1200) / 10 if not line.uncased else min(line.chars, 600) / 5
    else:
        value = line.chars / 25 if not line.uncased else line.chars / 12
    if repeats.get(line.key, 0) > 1:
        value = min(value, 0.0) - 2.0
    return value


DATELINE_VALUE = 10.0
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}(?:, [A-Z][A-Za-z.]+)?(?: \([A-Za-z ]{1,30}\))? ?"
    r"[-–—] ?[A-Z\"“‘']"
)


HEADER_REACH = 3
"""Lines above a paragraph in which a date or byline marks it as a story's first."""

HEADER_VALUE = 10.0
ISOLATED = 0.4


SERIES_GAP = 5
"""Most lines between two lone paragraphs of one list of teaser cards."""

TEASER_CHARS = 400
"""Teaser blurbs are shorter than this; a longer lone paragraph may be a one-paragraph story."""


def credit_datelines(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
    """A paragraph opening with a dateline ("LOS ANGELES (AP) —") starts a story."""
    for i in [i for i, kind in enumerate(kinds) if kind is PROSE or kind is NEAR]:
        if _DATELINE.match(lines[i].text):
            values[i] = max(values[i], 0.0) + DATELINE_VALUE


def credit_story_header(lines: list[Line], kinds: list[Kind], values: list[float]) -> int | None:
    """A paragraph right under a date line or a "By ..." byline opens a story.

    The headline block (headline, byline, date) sits directly above a
    story's first paragraph; an author's box, comment guidelines or a
    site's blurb have none. This lets a one-paragraph post outweigh the
    longer furniture below it. The "Name | Publisher" form of byline is left
    out: section labels and promotions ("APPS | SPONSORED") share its shape.
    Returns the first full paragraph so credited: the story has begun there.
    """
    first = None
    for i, kind in enumerate(kinds):
        if kind is not PROSE and kind is not NEAR:
            continue
        for k in range(i - 1, max(-1, i - 1 - HEADER_REACH), -1):
            if kinds[k] is PROSE or kinds[k] is NEAR:
                break
            line = lines[k]
            if is_dateline(line) or (is_byline(line) and "|" not in line.text):
                values[i] = max(values[i], 0.0) + HEADER_VALUE
                if first is None and kind is PROSE:
                    first = i
                break
    return first


EXCERPT_CHARS = 200
EXCERPT_SENTENCES = 2
EXCERPT_LOWER = 0.45
"""Share of lower-case words from which a long line reads as prose, not a headline."""
CUT_REACH = 10
"""Lines either side of an excerpt in which another cut line makes it one of a list."""
CUT_CHARS = 100


def read_lone_excerpts(lines: list[Line], kinds: list[Kind]) -> None:
    """A long line cut with an ellipsis right under the story's header is its excerpt.

    Lines cut short read as teasers, links to other stories. But a page
    that shows only the start of its story (the rest behind "Read more")
    cuts its one paragraph the same way, right under the headline's date
    line or byline. Such a line of two or more sentences is prose when no
    other long cut line lies within `CUT_REACH` lines: teasers come in lists.
    """
    cut = [i for i, line in enumerate(lines) if line.chars >= CUT_CHARS and cut_short(line.text)]
    for n, i in enumerate(cut):
        line = lines[i]
        if (
            kinds[i] is not SHORT
            or line.chars < EXCERPT_CHARS
            or line.sentences < EXCERPT_SENTENCES
            or line.lower_ratio < EXCERPT_LOWER
            or (n > 0 and i - cut[n - 1] <= CUT_REACH)
            or (n + 1 < len(cut) and cut[n + 1] - i <= CUT_REACH)
        ):
            continue
        if any(_header_line(lines[k]) for k in range(max(0, i - HEADER_REACH), i)):
            kinds[i] = PROSE


def _header_line(line: Line) -> bool:
    return is_dateline(line) or is_byline(line)


def has_header(lines: list[Line], kinds: list[Kind], start: int, end: int) -> bool:
    """Is there a date line or byline in the `HEADER_REACH` lines above a run's first paragraph?"""
    first = next((i for i in range(start, end) if kinds[i] is PROSE), start)
    return any(_header_line(lines[k]) for k in range(max(0, first - HEADER_REACH), first))


def damp_isolated(lines: list[Line], values: list[float], kinds: list[Kind]) -> list[float]:
    """Count a paragraph with no prose on either side for less, when it is one of a series.

    A story's paragraphs come in runs; a lone paragraph between headlines,
    dates and author names is a teaser card, and cards come in lists, so
    another lone paragraph lies within `SERIES_GAP` lines. A lone paragraph
    with no other near it may be a whole short post and keeps its value, as
    does a long one. Clutter (an ad label) between two paragraphs does not
    separate them.
    """
    story = [i for i, kind in enumerate(kinds) if kind is not CLUTTER]
    lone = []
    for n in [n for n, i in enumerate(story) if kinds[i] is PROSE]:
        i = story[n]
        before = kinds[story[n - 1]] if n > 0 else SHORT
        after = kinds[story[n + 1]] if n + 1 < len(story) else SHORT
        if before is SHORT and after is SHORT and lines[i].chars < TEASER_CHARS:
            lone.append(i)
    out = list(values)
    for n, i in enumerate(lone):
        if (n > 0 and i - lone[n - 1] <= SERIES_GAP) or (
            n + 1 < len(lone) and lone[n + 1] - i <= SERIES_GAP
        ):
            out[i] *= ISOLATED
    return out
