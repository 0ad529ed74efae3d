"""Tables and lists in a story: rows that are short lines but story all the same.

Items and rows cost in the run search like menus do, so a results table, a
numbered list or a story ending in bullets would be lost. Rows are told from
menu entries by their shape (numbered or bulleted, labelled, two figures, a
bare link) and by coming in runs.
"""

from __future__ import annotations

import re

from reader.clean.text_ends import bare_date, stamped
from reader.clean.text_kinds import CLUTTER, NEAR, PROSE, SHORT, Kind
from reader.clean.text_lines import Line
from reader.clean.text_meta import is_byline

MIN_ROWS = 3
TABLE_ROWS = 5


ROW_CHARS = 15
ROW_WORDS = 40


LEAD_IN_WORDS = 3
LABEL_CHARS = 40


LABEL_WORDS = 8
_LABELLED = re.compile(r"^[^:]{2,40}: \S")
"""A labelled row: "Path A: Iceland, Bulgaria", "England (Group A): 10th appearance"."""

_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_URL_STARTS = ("http", "www.")


_DIGIT = re.compile(r"\d")
_COUNTER = re.compile(r"\b\d+ of \d+$")
"""A slide counter closing a carousel's card: "4 of 9"."""
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
"""A figure: "32,000" is one, a score "70-44" holds two."""


def credit_tables(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
    """Give the rows of a long table or numbered list a little value of their own.

    A results table or a list of dates can be the story itself; its rows
    are short, so without this the run search would prefer any teaser block.
    A single short line between rows (a sub-heading, a line with one
    figure) does not break the table. A stamp (a date with a clock time, a
    numeric date) is no row: it heads a dated teaser or a comment. Nor is a
    byline ("By: Jane Doe (Diary)"), which signs a teaser in a list of
    other posts.
    """
    rows = [
        kind is not CLUTTER and _table_row(line) for line, kind in zip(lines, kinds, strict=True)
    ]
    if rows.count(True) < TABLE_ROWS:
        return
    i = 0
    while True:
        # A table starts at a row; jumping to the next one skips the prose in between in C.
        try:
            i = rows.index(True, i)
        except ValueError:
            return
        j, count = i, 0
        while j < len(lines):
            if rows[j]:
                count += 1
            elif not (
                j + 1 < len(lines)
                and rows[j + 1]
                and j > i
                and rows[j - 1]
                and lines[j].words <= LABEL_WORDS
                and kinds[j] is not CLUTTER
            ):
                break
            j += 1
        if count >= TABLE_ROWS:
            for k in range(i, j):
                values[k] = max(values[k], lines[k].chars / ROW_CHARS)
        i = j


def _table_row(line: Line) -> bool:
    """A row as `credit_tables` counts one, kept on the line (a repeated line takes its first
    showing's answer): the story is looked for more than once on some pages."""
    known = line.table_row
    if known is None:
        if line.twin is not None:
            known = _table_row(line.twin)
        else:
            known = (
                (3 <= line.words <= ROW_WORDS or line.text.startswith(_URL_STARTS))
                and row_like(line, True)
                and not stamped(line)
                and not is_byline(line)
            )
        line.table_row = known
    return known


def row_like(line: Line, bullets: bool) -> bool:
    """An item of a list or a row of a table, as opposed to a menu entry or a headline.

    Rows are numbered or bulleted, links, labelled ("Label: value") or hold
    two or more figures. A line closed by a slide counter ("Phelps wins 4 of
    9") is a carousel's card, whatever its figures.
    """
    text = line.text
    if text.startswith(_URL_STARTS) and _URL_LINE.match(text):
        return True
    if not 3 <= line.words <= ROW_WORDS:
        return False
    if line.item:
        return bullets or not line.bullet
    if ": " in text[:LABEL_CHARS] and _LABELLED.match(text):
        return True
    if not line.digits or (" of " in text and _COUNTER.search(text)):
        return False
    # Two figures: a digit after the end of the first (a figure runs as far as it can).
    first = _FIGURE.search(text)
    return (
        first is not None and _DIGIT.search(text, first.end()) is not None and not (bare_date(line))
    )


def extend_over_lists(
    lines: list[Line], kinds: list[Kind], start: int, end: int
) -> tuple[int, int]:
    """Take in a list or table that begins or ends the story.

    Items and rows are short lines, which cost in the run search, so a story
    ending in a numbered list or opening with a results table loses it. Runs
    of at least `MIN_ROWS` row-shaped lines (numbered or bulleted items,
    links, rows of figures) next to the story are part of it; a lone label
    line between rows ("BOYS SOCCER") is carried along, and so is a line
    leading into the story's first paragraph ("Seneca says this of tides:").
    """
    last = _last_row(lines, kinds, end, 1, bullets=True)
    if last is not None:
        end = last + 1
    first = _last_row(lines, kinds, start - 1, -1, bullets=False)
    if first is not None:
        start = first
    if (
        start > 0
        and row_like(lines[start], True)
        and kinds[start - 1] is SHORT
        and is_label(lines[start - 1])
    ):
        start -= 1
    if start > 0 and kinds[start] is not SHORT and is_lead_in(lines[start - 1]):
        start -= 1
    return start, end


def _last_row(lines: list[Line], kinds: list[Kind], i: int, step: int, bullets: bool) -> int | None:
    """Walking from `i` by `step`, the farthest line of a run of rows, if there are enough."""
    rows, gap, last = 0, False, None
    while 0 <= i < len(lines) and kinds[i] in (SHORT, NEAR, PROSE):
        if row_like(lines[i], bullets):
            rows, gap, last = rows + 1, False, i
        elif not gap and lines[i].words <= 6:
            gap = True
        else:
            break
        i += step
    return last if rows >= MIN_ROWS else None


GAP_LINES = 8
"""Lines without a paragraph that part a story from a blurb the run search bridged to."""

LISTED_SHARE = 3
"""A stretch with one line in this many an item, a row or a short sentence is story, not a menu."""


def trim_stray_tail(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
    """Where the story ends when the run bridged a long stretch of menus to a lone blurb.

    A heavy paragraph far below the story (a site's "About" text, a legal
    notice) pays for the menus and teasers between them, so the run search
    carries the story down to it. Below the last stretch of `GAP_LINES`
    lines with no paragraph, a part where no paragraph is followed by
    another (or by a short one) is such a blurb, and the story ends before
    the stretch, unless the stretch is the story's own list or questions
    (a third of its lines items, rows or short sentences).
    """
    last_prose = None
    for i in range(end - 1, start - 1, -1):
        if kinds[i] is not PROSE:
            continue
        if last_prose is not None and last_prose - i > GAP_LINES:
            gap = lines[i + 1 : last_prose]
            listed = sum(
                1
                for k, line in enumerate(gap, i + 1)
                if kinds[k] is NEAR or line.item or row_like(line, bullets=True)
            )
            followed = any(
                kinds[k] is PROSE and kinds[k + 1] in (PROSE, NEAR) for k in range(i + 1, end - 1)
            )
            if followed or listed * LISTED_SHARE >= len(gap):
                return end
            return i + 1
        last_prose = i
    return end


def is_lead_in(line: Line) -> bool:
    """A line leading into the paragraph under it: "Here is how it worked out:"."""
    return (
        LEAD_IN_WORDS <= line.words <= ROW_WORDS
        and line.text.endswith(":")
        and not line.text.isupper()
    )


def is_label(line: Line) -> bool:
    """A label heading a part of a table or list: "BOYS SOCCER", "Results:"."""
    return (
        1 <= line.words <= LABEL_WORDS
        and not line.ends_sentence
        and (line.text.isupper() or line.text.endswith(":"))
    )
