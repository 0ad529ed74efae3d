"""Find the story in a page's text: the densest run of prose, minus the clutter inside it.

Every line gets a value (`text_evidence`): prose earns in proportion to its
length, short menu-like lines cost a little, known clutter (ads, share
prompts, sign-ups, credits) costs more, and the markers that end a story
("Related articles", "Comments", `text_ends`) cost so much that the story is
never carried across them unless a lot of prose follows. The story is then
the run of lines with the largest total (the maximum-sum subarray), which
bridges an ad or a caption inside it but not the menus and footers around
it. The run is then trimmed and widened (`text_rows`, `text_writers`), and
inside it clutter lines are dropped and short lines kept only when they read
as story (`text_keep`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.clean.text_ends import before_post_footer, end_marker, named_thread, thread_start
from reader.clean.text_evidence import (
    credit_datelines,
    credit_story_header,
    damp_isolated,
    has_header,
    line_values,
    read_lone_excerpts,
)
from reader.clean.text_keep import keep_story_lines
from reader.clean.text_kinds import BARRIER, CLUTTER, NEAR, PROSE, SHORT, Kind, kind_of
from reader.clean.text_lines import Line
from reader.clean.text_rows import credit_tables, extend_over_lists, trim_stray_tail
from reader.clean.text_writers import before_writers_bio, before_writers_box, drop_blurbs


@dataclass(slots=True)
class Body:
    """The story lines chosen from a scrape."""

    lines: list[Line]
    headings: list[int]
    start: int
    """Index (in the scrape's lines) of the first line of the story region."""
    end: int
    """Index one past the last line of the story region."""


DAMPING = 0.2
"""What prose below an end marker counts for: a fifth of its value."""

PAIRED_BELOW = 2
"""Paragraphs followed by another that a story found below an end marker must hold."""

SHARE_BELOW = 2.0
"""How many times the first pick's prose the story below an end marker must hold."""


def find_body(lines: list[Line], second_look: bool = True) -> Body:
    """Choose the story region and the lines in it that belong to the story.

    With `second_look`, a first pick that reads as blurbs above an end marker
    is checked against the story below the marker (once: the search below
    takes no second look of its own, so the work stays linear).
    """
    if not lines:
        return Body([], [], 0, 0)
    kinds = [kind_of(line) for line in lines]
    read_lone_excerpts(lines, kinds)
    values = line_values(lines, kinds)
    credit_tables(lines, kinds, values)
    credit_datelines(lines, kinds, values)
    headed = credit_story_header(lines, kinds, values)
    drop_blurbs(lines, kinds, values)
    values = damp_isolated(lines, values, kinds)
    marker = end_marker(lines, values, kinds, headed)
    if marker is not None:
        values = values[:marker] + [v * DAMPING if v > 0 else v for v in values[marker:]]
    thread = thread_start(lines, kinds, headed)
    if marker is not None:
        named = named_thread(lines, kinds, marker)
        if named is not None and (thread is None or named < thread):
            thread = named
    if thread is not None:
        values = values[:thread] + [min(v, 0.0) for v in values[thread:]]
    start, end = _best_run(values)
    if start == end:
        return Body([], [], 0, 0)
    if second_look and marker is not None and end <= marker and not _paired(kinds, start, end):
        below = _story_below(lines, kinds, marker, start, end)
        if below is not None:
            return below
    end = trim_stray_tail(lines, kinds, start, end)
    start, end = extend_over_lists(lines, kinds, start, end)
    start = _before_inline_box(kinds, start)
    end = before_writers_box(lines, kinds, start, end)
    end = before_writers_bio(lines, kinds, start, end)
    end = before_post_footer(lines, kinds, start, end)
    kept, headings = keep_story_lines(lines, kinds, start, end)
    return Body(kept, headings, start, end)


BOX_LINES = 5
"""Most lines, marker and teasers, of an inline box ("Related") under a story's first paragraph."""


def _before_inline_box(kinds: list[Kind], start: int) -> int:
    """Take in the story's first paragraph when an inline box parts it from the rest.

    A "Related" box right under the opening paragraph costs more than that
    paragraph earns, so the run search starts the story below the box. When
    the run opens a few lines under a marker that has a paragraph directly
    above it, that paragraph is the story's first; the box inside is left
    out as any box in a story is.
    """
    k = start - 1
    while k >= 0 and start - k <= BOX_LINES and kinds[k] in (SHORT, NEAR, CLUTTER):
        k -= 1
    if k < 1 or kinds[k] is not BARRIER or start - k > BOX_LINES:
        return start
    return k - 1 if kinds[k - 1] is PROSE else start


def _paired(kinds: list[Kind], start: int, end: int) -> int:
    """How many paragraphs in a run are followed directly by another: a story's are."""
    return sum(1 for i in range(start, end - 1) if kinds[i] is PROSE and kinds[i + 1] is PROSE)


def _prose_chars(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
    return sum(lines[i].chars for i in range(start, end) if kinds[i] is PROSE)


def _story_below(
    lines: list[Line], kinds: list[Kind], marker: int, start: int, end: int
) -> Body | None:
    """The story below an end marker, when the first pick above it was only lone paragraphs.

    A marker in a page's header ("Newsletters", "Add a comment") after a few
    teaser blurbs is taken for the end of a story that has not begun, and the
    real story below it counts for a fifth. The first pick is then blurbs:
    no paragraph followed by another, no date or byline above them. The run
    found below the marker replaces it when it reads as a story: a date or
    byline right above its first paragraph, paragraphs in sequence, and far
    more prose than the pick. A short post above its comments keeps its
    header, so its comments never replace it this way.
    """
    offset = marker + 1
    below = find_body(lines[offset:], second_look=False)
    if not below.lines:
        return None
    low, high = below.start + offset, below.end + offset
    if (
        _paired(kinds, low, high) < PAIRED_BELOW
        or _prose_chars(lines, kinds, low, high)
        < SHARE_BELOW * _prose_chars(lines, kinds, start, end)
        or has_header(lines, kinds, start, end)
        or not has_header(lines, kinds, low, high)
    ):
        return None
    return Body(below.lines, below.headings, low, high)


def _best_run(values: list[float]) -> tuple[int, int]:
    """The start and end (exclusive) of the run with the largest sum (Kadane)."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = value, i
        else:
            total += value
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end
