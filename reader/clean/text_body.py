"""Find the story in a page's text: the densest run of prose, minus the clutter inside it.

Every line gets a value: prose (long, lower-case words, sentences) earns in
proportion to its length, short menu-like lines cost a little, known clutter
(ads, share prompts, sign-ups, credits) costs more, and the markers that end
a story ("Related articles", "Comments") cost so much that the story is never
carried across them unless a lot of prose follows. The story is then the run
of lines with the largest total (the maximum-sum subarray), which bridges an
ad or a caption inside it but not the menus and footers around it. Inside that
run, clutter lines are dropped and short lines are kept only when they read as
story: a one-line quote, a subheading between paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.clean.common import normalise_date
from reader.clean.text_kinds import (
    BARRIER,
    CLUTTER,
    NEAR,
    PROSE,
    SHORT,
    Kind,
    glued_teaser,
    is_credit_line,
    is_share_bar,
    kind_of,
    quoted,
)
from reader.clean.text_lines import Line
from reader.clean.text_meta import is_byline, is_dateline

CAPTION_CHARS = 200
ALT_WORDS = 20
MIN_ROWS = 3
TABLE_ROWS = 5
ROW_CHARS = 15
DATELINE_VALUE = 10.0
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}(?:, [A-Z][A-Za-z.]+)?(?: \([A-Za-z ]{1,30}\))? ?"
    r"[-–—] ?[A-Z\"“‘']"
)
MAX_ITEMS = 15
"""Longest run of short lines inside a story still read as a list rather than a menu."""
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_URL_STARTS = ("http", "www.")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
"""A figure: "32,000" is one, a score "70-44" holds two."""
ROW_WORDS = 40
LEAD_IN_WORDS = 3
LABEL_CHARS = 40
LABEL_WORDS = 8
_LABELLED = re.compile(r"^[^:]{2,40}: \S")
"""A labelled row: "Path A: Iceland, Bulgaria", "England (Group A): 10th appearance"."""


@dataclass(slots=True)
class Body:
    """The story lines chosen from a scrape."""

    lines: list[Line]
    headings: list[int]
    start: int
    """Index (in the scrape's lines) of the first line of the story region."""
    end: int
    """Index one past the last line of the story region."""


STORY_SEEN = 30.0
"""Prose value (about 300 characters) after which an end marker is taken to end a story."""
DAMPING = 0.2
ISOLATED = 0.4
SERIES_GAP = 5
"""Most lines between two lone paragraphs of one list of teaser cards."""
HEADER_REACH = 3
"""Lines above a paragraph in which a date or byline marks it as a story's first."""
HEADER_VALUE = 10.0
TEASER_CHARS = 400
"""Teaser blurbs are shorter than this; a longer lone paragraph may be a one-paragraph story."""
LOOKAHEAD = 7
"""Lines after an end marker in which prose means the story goes on."""
DATE_WORDS = 6
SHORT_VALUE = -2.0
CLUTTER_VALUE = -6.0
BARRIER_VALUE = -15.0
"""What a line that is not prose costs the run search: an end marker most of all."""


def find_body(lines: list[Line], second_look: bool = True) -> Body:
    """Choose the story region and the lines in it that belong to the story.

    With `second_look`, a first pick that reads as blurbs above an end marker
    is checked against the story below the marker (once: the search below
    takes no second look of its own, so the work stays linear).
    """
    if not lines:
        return Body([], [], 0, 0)
    kinds = [kind_of(line) for line in lines]
    repeats = Counter([line.key for line in lines if line.key])
    values = [
        _value(line, kind, repeats)
        if kind is PROSE or kind is NEAR
        else (SHORT_VALUE if kind is SHORT else CLUTTER_VALUE if kind is CLUTTER else BARRIER_VALUE)
        for line, kind in zip(lines, kinds, strict=True)
    ]
    _credit_tables(lines, kinds, values)
    _credit_datelines(lines, kinds, values)
    headed = _credit_story_header(lines, kinds, values)
    _drop_blurbs(lines, kinds, values)
    values = _damp_isolated(lines, values, kinds)
    marker = _end_marker(lines, values, kinds, headed)
    if marker is not None:
        values = values[:marker] + [v * DAMPING if v > 0 else v for v in values[marker:]]
    thread = _thread_start(lines, kinds, headed)
    if marker is not None:
        named = _named_thread(lines, kinds, marker)
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
    end = _trim_stray_tail(lines, kinds, start, end)
    start, end = _extend_over_lists(lines, kinds, start, end)
    end = _before_writers_box(lines, kinds, start, end)
    kept, headings = _keep(lines, kinds, start, end)
    return Body(kept, headings, start, end)


def _value(line: Line, kind: Kind, repeats: Counter[str]) -> float:
    """What a prose or near-prose line earns; repeated across the page, it is a teaser."""
    if kind is PROSE:
        value = min(line.chars, 1200) / 10 if not line.uncased else min(line.chars, 600) / 5
    else:
        value = line.chars / 25 if not line.uncased else line.chars / 12
    if repeats.get(line.key, 0) > 1:
        value = min(value, 0.0) - 2.0
    return value


def _credit_tables(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
    """Give the rows of a long table or numbered list a little value of their own.

    A results table or a list of dates can be the story itself; its rows
    are short, so without this the run search would prefer any teaser block.
    A single short line between rows (a sub-heading, a line with one
    figure) does not break the table. A stamp (a date with a clock time, a
    numeric date) is no row: it heads a dated teaser or a comment.
    """
    rows = [
        kind is not CLUTTER
        and (3 <= line.words <= ROW_WORDS or line.text.startswith(_URL_STARTS))
        and _row_like(line, True)
        and not _stamped(line)
        for line, kind in zip(lines, kinds, strict=True)
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


def _credit_datelines(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
    """A paragraph opening with a dateline ("LOS ANGELES (AP) —") starts a story."""
    for i in [i for i, kind in enumerate(kinds) if kind is PROSE or kind is NEAR]:
        if _DATELINE.match(lines[i].text):
            values[i] = max(values[i], 0.0) + DATELINE_VALUE


def _damp_isolated(lines: list[Line], values: list[float], kinds: list[Kind]) -> list[float]:
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


def _credit_story_header(lines: list[Line], kinds: list[Kind], values: list[float]) -> int | None:
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


_BLURB = re.compile(
    r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?:is|was|has|joined|writes|works|lives)\b"
)
"""A paragraph opening with a name and what it is: "Jane Doe is a reporter", "Acme has"."""
_ABOUT = re.compile(r"^(?:about|author|(?:written |posted )?by)\b")
"""The label over a blurb: "About Jane Doe", "Author: Jane Doe", "by Jane Doe"."""
BLURBS = 2
"""Most blurbs on a page: more paragraphs of that shape under their names make a list."""


def _drop_blurbs(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
    """An author's or a site's blurb under its name is clutter, not the story.

    The writer's box ("Jane Doe" or "About Jane Doe", then "Jane is a
    reporter who ...") and the site's ("About Acme", then "Acme is a ...")
    repeat a name shown on a short line just above. Three or more such
    paragraphs are a list of people or things, each under its own heading,
    which is the story.
    """
    blurbs = []
    for i, kind in enumerate(kinds):
        if kind is not PROSE and kind is not NEAR:
            continue
        opening = _BLURB.match(lines[i].text)
        if opening is None:
            continue
        name = " " + " ".join(_WORD.findall(opening.group(1).lower())) + " "
        for k in range(i - 1, max(-1, i - 1 - HEADER_REACH), -1):
            if kinds[k] is PROSE or kinds[k] is NEAR:
                break
            if (
                lines[k].words <= LABEL_WORDS
                and _ABOUT.match(lines[k].lower)
                and (" " + lines[k].key + " ").endswith(name)
            ):
                blurbs.append(i)
                break
    if len(blurbs) <= BLURBS:
        for i in blurbs:
            kinds[i] = CLUTTER
            values[i] = CLUTTER_VALUE


def _before_writers_box(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
    """Where the story ends when its region closes on the writer's box.

    Under many stories the writer's name stands on a line of its own with a
    paragraph about them below ("Jane Doe", then "Jane joined the paper in
    2017 ..."). When the region's last paragraph opens with the name (or the
    first name) on a short line just above it, the story ends before that line.
    """
    last = next((i for i in range(end - 1, start - 1, -1) if kinds[i] in (PROSE, NEAR)), None)
    if last is None:
        return end
    opening = _BLURB.match(lines[last].text)
    if opening is None:
        return end
    name = " ".join(_WORD.findall(opening.group(1).lower()))
    for k in range(last - 1, max(start - 1, last - 1 - HEADER_REACH), -1):
        if kinds[k] is PROSE or kinds[k] is NEAR:
            return end
        if _name_line(lines[k]) and (lines[k].key + " ").startswith(name + " "):
            story = any(kinds[j] is PROSE for j in range(start, k))
            return k if story else end
    return end


def _name_line(line: Line) -> bool:
    """A person's name alone on a line: two to four capitalised words, no digits."""
    return (
        2 <= line.words <= 4
        and not line.digits
        and all(word[:1].isupper() for word in line.text.split())
    )


def _end_marker(
    lines: list[Line], values: list[float], kinds: list[Kind], headed: int | None
) -> int | None:
    """The end-of-story marker after which prose counts for less, once a story has been seen.

    Below "Comments" or "Most read" come teasers that read like prose; a
    story continues past such a marker only if far more prose follows. A
    marker with two paragraphs right after it is a box inside the story and
    ends nothing. A bare date line counts as a marker too (below a story it
    starts a list of dated teasers), and so does a share bar.
    """
    seen = 0.0
    for i, (value, kind) in enumerate(zip(values, kinds, strict=True)):
        if (
            (seen >= STORY_SEEN or (headed is not None and headed < i))
            and (
                kind is BARRIER
                or (kind is SHORT and _bare_date(lines[i]))
                or (kind is CLUTTER and is_share_bar(lines[i]))
            )
            and not _prose_follows(kinds, i)
        ):
            return i
        if value > 0:
            seen += value
    return None


PAIRED_BELOW = 2
"""Paragraphs followed by another that a story found below an end marker must hold."""
SHARE_BELOW = 2.0
"""How many times the first pick's prose the story below an end marker must hold."""


def _paired(kinds: list[Kind], start: int, end: int) -> int:
    """How many paragraphs in a run are followed directly by another: a story's are."""
    return sum(1 for i in range(start, end - 1) if kinds[i] is PROSE and kinds[i + 1] is PROSE)


def _prose_chars(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
    return sum(lines[i].chars for i in range(start, end) if kinds[i] is PROSE)


def _headed(lines: list[Line], kinds: list[Kind], start: int, end: int) -> bool:
    """Is there a date line or byline in the `HEADER_REACH` lines above a run's first paragraph?"""
    first = next((i for i in range(start, end) if kinds[i] is PROSE), start)
    return any(
        is_dateline(lines[k]) or is_byline(lines[k])
        for k in range(max(0, first - HEADER_REACH), first)
    )


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
        or _headed(lines, kinds, start, end)
        or not _headed(lines, kinds, low, high)
    ):
        return None
    return Body(below.lines, below.headings, low, high)


THREAD_STAMPS = 3
"""Stamped headers in a row that make a thread of comments or dated teasers."""
THREAD_GAP = 12
"""Most lines from one stamped header to the next in a thread."""
STAMP_WORDS = 16
_DASHES = ("—", "–", "-", "―")
_STAMP = re.compile(
    r"\b\d{1,2}:\d{2}(?:[AaPp][Mm])?\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b((?:19|20)\d\d)\b"
)
"""A clock time (with or without a space before "am"/"pm"), a numeric date or a year (group
1), the marks of a comment's or a post's header; a year counts only inside a date, which the
costlier date reader then confirms."""


_SAID = re.compile(r"\b(says|said|wrote|writes|commented|replied)\W*$")


def _stamped(line: Line) -> bool:
    """A short line holding a date or a time: the header of a comment or of a dated teaser.

    A line led by a dash is the signature under an embedded post or quote
    ("— Jane Doe (@jane) May 2, 2019"), which belongs to the story.
    """
    if line.words > STAMP_WORDS or line.text.startswith(_DASHES):
        return False
    year = False
    for mark in _STAMP.finditer(line.text):
        if mark.group(1) is None:
            return True
        year = True
    return year and normalise_date(line.text) is not None


def _comment_header(line: Line) -> str | None:
    """The verb closing a commenter's header ("Jane Doe says:", "Tom said,"), if it is one."""
    if line.words > STAMP_WORDS or not line.text.endswith((":", ",")):
        return None
    said = _SAID.search(line.lower)
    return said.group(1) if said else None


def _thread_start(lines: list[Line], kinds: list[Kind], headed: int | None) -> int | None:
    """Where a thread of comments (or a list of dated posts) begins below the story.

    A thread is a chain of headers of one shape, each followed by prose, the
    next no more than `THREAD_GAP` lines on: stamped headers ("Jane July 3,
    2012 at 4:01 pm") or commenters' names with one verb of saying ("Jane
    says:"). Each shape and verb is chained apart, so a story's "Doe writes:"
    before a quotation joins neither the stamps nor the "says:" of the
    comments below. It counts only once a story's worth of prose has come
    before it, so a live report whose entries open with times is not cut at
    its first entry, or once the paragraph under the story's byline or date
    (`headed`) has.
    """
    seen, after = 0, len(lines) if headed is None else headed + 1
    for i, line in enumerate(lines[:after]):
        if kinds[i] is PROSE:
            seen += line.chars
            if seen >= STORY_SEEN * 10:
                after = i + 1
                break
    stamps = [
        i
        for i in range(after, len(lines))
        if lines[i].digits and _stamped(lines[i]) and not _lone_dash(lines[i - 1])
    ]
    headers: dict[str, list[int]] = {}
    for i in range(after, len(lines)):
        verb = _comment_header(lines[i])
        if verb:
            headers.setdefault(verb, []).append(i)
    starts = [_chain_start(stamps, kinds), *(_chain_start(h, kinds) for h in headers.values())]
    return min([start for start in starts if start is not None], default=None)


def _chain_start(headers: list[int], kinds: list[Kind]) -> int | None:
    """The first of `THREAD_STAMPS` headers in a row, each with prose under it."""
    for n, first in enumerate(headers):
        chain = 1
        last = first
        for i in headers[n + 1 :]:
            if i - last > THREAD_GAP:
                break
            if any(kinds[k] is PROSE or kinds[k] is NEAR for k in range(last + 1, i)):
                chain, last = chain + 1, i
        if chain >= THREAD_STAMPS:
            return first
    return None


def _lone_dash(line: Line) -> bool:
    """A dash on a line of its own: an embedded post's signature follows on the next line."""
    return line.text.startswith(_DASHES) and line.words == 0


NAMED_STAMPS = 4
"""Name lines each over a comment, in a row, that make a thread without dates."""
NAME_WORDS = 5


def _named_thread(lines: list[Line], kinds: list[Kind], marker: int) -> int | None:
    """Where a thread of comments headed by their writers' names alone begins below an end marker.

    Some threads carry no dates: each comment is a short name line ("Jane
    said,", "jdoe") over its text. Right below a marker that ends the story,
    a chain of `NAMED_STAMPS` such headers, each followed by prose and the
    next within `THREAD_GAP` lines, is a thread, and none of it is story,
    when more than one person writes and someone writes twice (a reply):
    sections' subheadings and the kickers of teasers do not repeat, and a
    column of one writer's teasers has one name.
    """
    heads = [
        i
        for i in range(marker + 1, len(lines) - 1)
        if kinds[i] is SHORT
        and lines[i].words <= NAME_WORDS
        and not lines[i].ends_sentence
        and (kinds[i + 1] is PROSE or kinds[i + 1] is NEAR)
    ]
    if not heads or heads[0] - marker > LOOKAHEAD:
        return None
    chain = [heads[0]]
    for head in heads[1:]:
        if head - chain[-1] > THREAD_GAP:
            break
        chain.append(head)
    names = Counter(lines[i].key for i in chain)
    if len(chain) >= NAMED_STAMPS and len(names) > 1 and max(names.values()) > 1:
        return heads[0]
    return None


def _prose_follows(kinds: list[Kind], i: int) -> bool:
    """Does the story resume right after this marker (an inline "Related" box)?

    It does when the next paragraph is followed by another, or by an end
    marker (it was the story's last); a paragraph followed by a link line
    is a teaser.
    """
    for k in range(i + 1, min(len(kinds), i + 1 + LOOKAHEAD)):
        if kinds[k] is PROSE:
            following = kinds[k + 1] if k + 1 < len(kinds) else BARRIER
            return following in (PROSE, BARRIER)
    return False


def _bare_date(line: Line) -> bool:
    """A line that is only a date ("Tuesday November 19, 2019", "2019-11-19 10:02")."""
    return line.words <= DATE_WORDS and line.digits and bool(normalise_date(line.text))


GAP_LINES = 8
"""Lines without a paragraph that part a story from a blurb the run search bridged to."""
LISTED_SHARE = 3
"""A stretch with one line in this many an item, a row or a short sentence is story, not a menu."""


def _trim_stray_tail(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
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
                if kinds[k] is NEAR or line.item or _row_like(line, bullets=True)
            )
            followed = any(
                kinds[k] is PROSE and kinds[k + 1] in (PROSE, NEAR) for k in range(i + 1, end - 1)
            )
            if followed or listed * LISTED_SHARE >= len(gap):
                return end
            return i + 1
        last_prose = i
    return end


def _extend_over_lists(
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
        and _row_like(lines[start], True)
        and kinds[start - 1] is SHORT
        and _label(lines[start - 1])
    ):
        start -= 1
    if start > 0 and kinds[start] is not SHORT and _lead_in(lines[start - 1]):
        start -= 1
    return start, end


def _last_row(lines: list[Line], kinds: list[Kind], i: int, step: int, bullets: bool) -> int | None:
    """Walking from `i` by `step`, the farthest line of a run of rows, if there are enough."""
    rows, gap, last = 0, False, None
    while 0 <= i < len(lines) and kinds[i] in (SHORT, NEAR, PROSE):
        if _row_like(lines[i], bullets):
            rows, gap, last = rows + 1, False, i
        elif not gap and lines[i].words <= 6:
            gap = True
        else:
            break
        i += step
    return last if rows >= MIN_ROWS else None


def _row_like(line: Line, bullets: bool) -> bool:
    """An item of a list or a row of a table, as opposed to a menu entry or a headline.

    Rows are numbered or bulleted, links, labelled ("Label: value") or hold
    two or more figures.
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
    if not line.digits:
        return False
    # Two figures: a digit after the end of the first (a figure runs as far as it can).
    first = _FIGURE.search(text)
    return (
        first is not None
        and _DIGIT.search(text, first.end()) is not None
        and not (_bare_date(line))
    )


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


def _keep(
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
        run = lines[i:run_end]
        after_prose = run_end < end and kinds[run_end] in (PROSE, NEAR)
        if sum(1 for line in run if _row_like(line, bullets=True)) >= MIN_ROWS:
            for line in run:
                if _label(line):
                    headings.append(len(kept))
                kept.append(line)
            i = run_end
            continue
        boxed = i > start and kinds[i - 1] is BARRIER
        listed = (
            not boxed
            and after_prose
            and MIN_ROWS <= len(run) <= MAX_ITEMS
            and all(_item_like(line) for line in run)
        )
        for n, line in enumerate(run):
            if (
                _story_short(line, len(run))
                or (listed and n > 0)
                or (n == len(run) - 1 and after_prose and not boxed and _lead_in(line))
                or (not line.item and _row_like(line, bullets=False))
            ):
                kept.append(line)
            elif (
                (len(run) <= 2 or listed)
                and after_prose
                and not boxed
                and _heading_like(line)
                and (line.item or not _row_like(line, bullets=True))
            ):
                headings.append(len(kept))
                kept.append(line)
        i = run_end
    return kept, headings


def _after_box(kinds: list[Kind], i: int, end: int) -> int:
    """Past a box inside the story: its marker ("Most read") and the teasers under it.

    The story resumes at the next paragraph; the headlines, kickers and
    near-sentences between are the box's.
    """
    i += 1
    while i < end and kinds[i] is not PROSE:
        i += 1
    return i


def _lead_in(line: Line) -> bool:
    """A line leading into the paragraph under it: "Here is how it worked out:"."""
    return (
        LEAD_IN_WORDS <= line.words <= ROW_WORDS
        and line.text.endswith(":")
        and not line.text.isupper()
    )


def _label(line: Line) -> bool:
    """A label heading a part of a table or list: "BOYS SOCCER", "Results:"."""
    return (
        1 <= line.words <= LABEL_WORDS
        and not line.ends_sentence
        and (line.text.isupper() or line.text.endswith(":"))
    )


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
