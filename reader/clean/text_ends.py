"""Where a story ends: the markers that close it and the threads of comments below it.

A story is not carried across "Related articles" or "Comments" unless a
lot of prose follows, and a thread of comments (or a list of dated posts)
is never story, however much it reads like prose. Both are found from the
shape of the lines: stamped headers in a chain, names over comments, a
marker with teasers rather than paragraphs under it.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.clean.text_kinds import BARRIER, CLUTTER, NEAR, PROSE, SHORT, Kind, is_share_bar
from reader.clean.text_lines import Line, date_of

STORY_SEEN = 30.0
"""Prose value (about 300 characters) after which an end marker is taken to end a story."""

LOOKAHEAD = 7
"""Lines after an end marker in which prose means the story goes on."""

DATE_WORDS = 6


def end_marker(
    lines: list[Line], values: list[float], kinds: list[Kind], headed: int | None
) -> int | None:
    """The end-of-story marker after which prose counts for less, once a story has been seen.

    Below "Comments" or "Most read" come teasers that read like prose; a
    story continues past such a marker only if far more prose follows. A
    marker with two paragraphs right after it is a box inside the story and
    ends nothing. A bare date line counts as a marker too (below a story it
    starts a list of dated teasers), and so do a share bar and the post's
    own footer ("Posted by Jane at 8:18 AM").
    """
    seen = 0.0
    for i, (value, kind) in enumerate(zip(values, kinds, strict=True)):
        if (
            (seen >= STORY_SEEN or (headed is not None and headed < i))
            and (
                kind is BARRIER
                or (kind is SHORT and (bare_date(lines[i]) or _post_footer(lines[i])))
                or (kind is CLUTTER and is_share_bar(lines[i]))
            )
            and (_counts_comments(lines[i]) or not _prose_follows(kinds, i))
        ):
            return i
        if value > 0:
            seen += value
    return None


_COMMENT_COUNT = re.compile(
    r"^(?:\d+ (?:comments?|responses?|replies|reactions)|(?:comments?|responses?) ?\(\d+\))\W*$|"
    r"^[{(\[] ?\d+ (?:comments?|responses?)\W{0,3} (?:read|add|leave|post|join) "
)
"""A count over a thread: "19 comments", "Comments (3)", "{ 4 comments… read them below or add
one }"."""


def _counts_comments(line: Line) -> bool:
    """A marker that counts the comments under it: what follows is the thread, not more story."""
    return line.digits and _COMMENT_COUNT.match(line.lower) is not None


_POSTED = re.compile(r"^(?:posted|written|published|filed) (?:by|on|in|at)\b")
"""How a post's footer opens: "Posted by Jane at 8:18 AM", "Published on 3/4/2012"."""


def _post_footer(line: Line) -> bool:
    """The stamp under a post: who posted it and when, with a clock time or numeric date."""
    return line.digits and _POSTED.match(line.lower) is not None and stamped(line)


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


def bare_date(line: Line) -> bool:
    """A line that is only a date ("Tuesday November 19, 2019", "2019-11-19 10:02")."""
    return line.words <= DATE_WORDS and line.digits and bool(date_of(line))


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


def stamped(line: Line) -> bool:
    """A short line holding a date or a time: the header of a comment or of a dated teaser.

    A line led by a dash is the signature under an embedded post or quote
    ("— Jane Doe (@jane) May 2, 2019"), which belongs to the story. The
    answer is kept on the line (the thread and table finders ask on every
    look for the story), and a repeated line takes its first showing's.
    """
    known = line.stamp
    if known is None:
        known = line.stamp = _stamped(line) if line.twin is None else stamped(line.twin)
    return known


def _stamped(line: Line) -> bool:
    if line.words > STAMP_WORDS or line.text.startswith(_DASHES):
        return False
    year = False
    for mark in _STAMP.finditer(line.text):
        if mark.group(1) is None:
            return True
        year = True
    return year and date_of(line) is not None


def _comment_header(line: Line) -> str | None:
    """The verb closing a commenter's header ("Jane Doe says:", "Tom said,"), if it is one."""
    if line.words > STAMP_WORDS or not line.text.endswith((":", ",")):
        return None
    said = _SAID.search(line.lower)
    return said.group(1) if said else None


def thread_start(lines: list[Line], kinds: list[Kind], headed: int | None) -> int | None:
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
        if lines[i].digits and stamped(lines[i]) and not _lone_dash(lines[i - 1])
    ]
    headers: dict[str, list[int]] = {}
    for i in range(after, len(lines)):
        # Most lines end otherwise: the ending is tested here before the call.
        verb = lines[i].text.endswith((":", ",")) and _comment_header(lines[i])
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


def named_thread(lines: list[Line], kinds: list[Kind], marker: int) -> int | None:
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


_ABOUT_ITSELF = re.compile(
    r"\b(?:this|the) (?:article|entry|post|story|column|review)\b.{0,80}?"
    r"\b(?:appeared|posted|filed|written|published|revised|updated|corrected)\b"
    r"|\bresponses to this (?:entry|post|article)\b"
)
"""A line about the article itself: where it appeared, when it was posted, where it is filed."""
_ABOUT_WORDS = (
    *("appeared", "posted", "filed", "written", "published", "revised", "updated", "corrected"),
    "responses to this",
)
"""Words every line `_ABOUT_ITSELF` finds holds: the plain `in` tests pass over most paragraphs
at C speed, where the pattern would stop at every "the"."""
FOOTER_CHARS = 400
FOOTER_AFTER = 1
"""Paragraphs of story that must come before a footer about the article."""


def before_post_footer(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
    """Where the story ends when a line about the article itself follows it.

    "A version of this article appeared in print on ...", "This entry was
    posted on ... and is filed under ...": a paragraph that speaks of the
    article in the third person is the page's footer, not the story, when
    the story stops there (no two paragraphs in a row follow it).
    """
    seen = 0
    for i in range(start, end):
        if kinds[i] is not PROSE and kinds[i] is not NEAR:
            continue
        if (
            seen >= FOOTER_AFTER
            and lines[i].chars <= FOOTER_CHARS
            and _about_itself(lines[i].lower)
            and not any(kinds[k] is PROSE and kinds[k + 1] is PROSE for k in range(i + 1, end - 1))
        ):
            return i
        seen += kinds[i] is PROSE
    return end


def _about_itself(lowered: str) -> bool:
    """`_ABOUT_ITSELF` on a lower-cased line, run only when one of its words is there."""
    return any(word in lowered for word in _ABOUT_WORDS) and bool(_ABOUT_ITSELF.search(lowered))
