"""Which lines of the story region are story: paragraphs, and short lines that read as story.

Inside the region, clutter and boxes ("Most read" and its teasers) are
dropped, as are photo captions above their credits; short lines are kept
when they are a one-line quote or paragraph, a subheading between
paragraphs, a lead-in or an item of a list or table.
"""

from __future__ import annotations

from reader.clean.text_kinds import (
    BARRIER,
    NEAR,
    PROSE,
    SHORT,
    Kind,
    glued_teaser,
    is_credit_line,
    quoted,
)
from reader.clean.text_lines import Line
from reader.clean.text_rows import MIN_ROWS, is_label, is_lead_in, row_like

CAPTION_CHARS = 200
ALT_WORDS = 20


LEADING_STACK = 4
"""Lines with no sentence end stacked right over the first paragraph that are a teaser column."""

MAX_ITEMS = 15
"""Longest run of short lines inside a story still read as a list rather than a menu."""


def keep_story_lines(
    lines: list[Line], kinds: list[Kind], start: int, end: int
) -> tuple[list[Line], list[int]]:
    """Drop clutter and boxes ("Most read" and its teasers) inside the region; keep short
    lines that read as story."""
    kept: list[Line] = []
    headings: list[int] = []
    captions = _captions(lines, start, end)
    i = start
    while i < end:
        kind = kinds[i]
        if i in captions:
            i += 1
            continue
        if kind is BARRIER and i > start:
            i = _after_box(kinds, i, end)
            continue
        if kind in (PROSE, NEAR):
            kept.append(lines[i])
            i += 1
            continue
        if kind is not SHORT:
            i += 1
            continue
        run_end = i
        while run_end < end and kinds[run_end] is SHORT:
            run_end += 1
        boxed = i > start and kinds[i - 1] is BARRIER
        after_prose = run_end < end and kinds[run_end] in (PROSE, NEAR)
        _keep_short_run(lines[i:run_end], boxed, after_prose, kept, headings)
        i = run_end
    kept, headings = _drop_trailing_fragments(kept, headings)
    return _drop_leading_fragments(kept, headings)


def _drop_leading_fragments(kept: list[Line], headings: list[int]) -> tuple[list[Line], list[int]]:
    """Leave out the short lines above the story's first paragraph, past a line left out.

    The first paragraph is the first that ends a sentence: a story opens
    with one, while a teaser's or a sidebar's blurb is often cut off or
    ends on a bare headline. Above it, a short line or a line of prose with
    no full stop that a left-out line (a share bar, a credit, an ad) parts
    from the paragraph is the page's: a breadcrumb, a date and byline
    already read, a section label, a teaser or a sidebar's links. What sits
    right above the paragraph, with nothing left out between, is kept as
    before, unless it is a column of teasers (`_teaser_stack`).
    """
    first = next(
        (n for n, line in enumerate(kept) if line.kind is PROSE and line.ends_sentence), None
    )
    if not first:
        return kept, headings
    parted = [n for n in range(first) if kept[n + 1].index > kept[n].index + 1]
    if not parted:
        if not _teaser_stack(kept[:first]):
            return kept, headings
        parted = [first - 1]
    dropped = {
        n
        for n in range(parted[-1] + 1)
        if kept[n].kind is SHORT or (kept[n].kind in (NEAR, PROSE) and not kept[n].ends_sentence)
    }
    return _without(kept, headings, dropped)


def _teaser_stack(above: list[Line]) -> bool:
    """Are the lines stacked right over the first paragraph a column of teasers?

    A story's own lines over its first paragraph are few (a kicker, a
    subheading); `LEADING_STACK` or more lines none of which ends a
    sentence, opens a list (a lead-in ending in a colon) or is an item of
    one are headlines, names and stamps of other stories.
    """
    return len(above) >= LEADING_STACK and not any(
        line.ends_sentence or line.item or line.text.endswith(":") for line in above
    )


def _drop_trailing_fragments(kept: list[Line], headings: list[int]) -> tuple[list[Line], list[int]]:
    """Leave out the near-sentences without a full stop below the story, past a line left out.

    Under the story's last paragraph, once a line of the region has been
    left out (a rule, a share bar, a credit), a line that reads almost as
    prose but ends no sentence is the page's: a contact line ("Reach the
    reporters on Twitter at ..."), a run of tags, an embed's code, a lead-in
    to a video. Lines right under the last paragraph, with nothing left out
    between, are the story's own (the list it closes on).
    """
    last = max((n for n, line in enumerate(kept) if line.kind is PROSE), default=None)
    if last is None:
        return kept, headings
    dropped: set[int] = set()
    gap = False
    for n in range(last + 1, len(kept)):
        line = kept[n]
        gap = gap or line.index > kept[n - 1].index + 1
        if gap and line.kind is NEAR and not line.ends_sentence:
            dropped.add(n)
    return _without(kept, headings, dropped)


def _without(
    kept: list[Line], headings: list[int], dropped: set[int]
) -> tuple[list[Line], list[int]]:
    """The kept lines but those at the positions `dropped`, with the headings' positions
    moved to match."""
    if not dropped:
        return kept, headings
    out: list[Line] = []
    out_headings: list[int] = []
    heading_set = set(headings)
    for n, line in enumerate(kept):
        if n in dropped:
            continue
        if n in heading_set:
            out_headings.append(len(out))
        out.append(line)
    return out, out_headings


def _keep_short_run(
    run: list[Line], boxed: bool, after_prose: bool, kept: list[Line], headings: list[int]
) -> None:
    """Add to `kept` the lines of a run of short lines that read as story.

    A run with enough rows is a table or list and is kept whole, its labels
    as headings. Otherwise a line is kept when it is a sentence, an item of a
    list whose bullets the copy lost, a lead-in to the paragraph below or a
    row, and as a heading when it is a subheading over a paragraph. A run
    between paragraphs that opens with a lead-in ("The five chosen are:") is
    the list it announces, whatever its items look like (names in title
    case). Nothing right under a box's marker (`boxed`) is a heading or item
    of the story.
    """
    if sum(1 for line in run if row_like(line, bullets=True)) >= MIN_ROWS:
        for line in run:
            if is_label(line):
                headings.append(len(kept))
            kept.append(line)
        return
    announced = is_lead_in(run[0]) and len(run) > MIN_ROWS and not run[0].item
    listed = (
        not boxed
        and after_prose
        and MIN_ROWS <= len(run) <= MAX_ITEMS
        and (announced or all(_item_like(line) for line in run))
    )
    for n, line in enumerate(run):
        if (
            _story_short(line, len(run))
            or (listed and (n > 0 or announced))
            or (n == len(run) - 1 and after_prose and not boxed and is_lead_in(line))
            or (not line.item and row_like(line, bullets=False))
        ):
            kept.append(line)
        elif (
            (len(run) <= 2 or listed)
            and after_prose
            and not boxed
            and _heading_like(line)
            and (line.item or not row_like(line, bullets=True))
        ):
            headings.append(len(kept))
            kept.append(line)


def _after_box(kinds: list[Kind], i: int, end: int) -> int:
    """Past a box inside the story: its marker ("Most read") and the teasers under it.

    The story resumes at the next paragraph; the headlines, kickers and
    near-sentences between are the box's.
    """
    i += 1
    while i < end and kinds[i] is not PROSE:
        i += 1
    return i


def _captions(lines: list[Line], start: int, end: int) -> set[int]:
    """Indices of photo captions and alt texts above the credit lines in a region."""
    captions: set[int] = set()
    for i in range(max(start, 1), end):
        if is_credit_line(lines[i]):
            captions.update(caption_above(lines, i))
    return captions


def caption_above(lines: list[Line], i: int) -> list[int]:
    """The caption, and the alt text above it, of the photo whose credit is line `i`.

    A copied photo is its alt text, its caption and its credit on lines of
    their own. The two lines above a credit go with it when they look the
    part: short, the alt text without a full stop. A full sentence right
    above a credit with no alt text above it is kept, since it is as likely
    the last paragraph before the photo.
    """
    if i < 1:
        return []
    above = lines[i - 1]
    if above.chars >= CAPTION_CHARS or is_credit_line(above):
        return []
    alt = lines[i - 2] if i >= 2 else None
    has_alt = (
        alt is not None
        and alt.chars < CAPTION_CHARS
        and not alt.ends_sentence
        and (alt.words <= ALT_WORDS)
    )
    if has_alt:
        return [i - 2, i - 1]
    return [] if above.ends_sentence else [i - 1]


def _story_short(line: Line, run: int) -> bool:
    """A short line that is a sentence of the story (a one-line quote or paragraph)."""
    if line.uncased:
        return line.chars >= 5 and (line.ends_sentence or run <= 3)
    if not line.ends_sentence:
        return False
    if quoted(line.text[:2]) and line.words >= 2:
        return True
    return line.words >= 3 and line.lower_ratio >= 0.3 and run <= 3


def _item_like(line: Line) -> bool:
    """An item of a list whose bullets the copy lost, not a related-story headline."""
    return not glued_teaser(line.text) and (line.words <= 4 or line.lower_ratio >= 0.3)


def _heading_like(line: Line) -> bool:
    """A subheading: a few words, no full stop, not a bare link or label."""
    return 1 <= line.words <= 14 and not line.text.endswith((".", ":", "|")) and line.chars >= 4
