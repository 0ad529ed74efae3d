"""Headline, byline, date, section and publisher from the lines around a story.

A scrape has no markup saying which line is the headline, so each is
recognised by shape and place: the headline is a headline-length line close
above the story, often repeated (breadcrumb, share text) and usually followed
by a byline or date; a byline starts with "By" or is a bare name under the
headline; the section is a breadcrumb, a kicker above the headline or the
"Politics 2 min read" label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache, partial
from itertools import accumulate

from reader.clean.byline_names import (
    AGENCIES,
    GENERIC_NAMES,
    byline_names,
    newsroom,
    reads_as_role,
)
from reader.clean.common import NUMERIC_DATE, normalise_date, numeric_date
from reader.clean.text_kinds import (
    BARRIER,
    CLUTTER,
    NEAR,
    PROSE,
    SHORT,
    is_clutter,
    is_credit_line,
    kind_of,
)
from reader.clean.text_lines import Line, date_of, measure

TITLE_WINDOW = 40
"""How many lines above the story the headline is looked for."""
RIGHT_ABOVE_BYLINE = 2.0
"""Extra for the line right above the byline or date: a tagline above it is further up.

Not for a name line, nor for the line under one: those are the writer's
name and role ("Jane Doe / Science editor / 3 May 2026"); nor for a line
of the story, whose short last line may sit above a stray "A | B" line."""
TAG_LIST_PENALTY = 4.0
"""Taken from a line that reads as a list of tags ("gun laws guns crime"), printed over
the date where headlines sit: a lowered score, not a refusal, since a blog may write its
own headline so, and then it still wins when no other headline is near."""
TITLE_MIN_SCORE = 3.0
"""Below this no line is taken for a headline (a lone menu word, a far-off teaser)."""

_I = re.IGNORECASE
_LOWER_LEAD = re.compile(r"^[a-z][a-z'’-]*\s")
_PUNCTUATION = re.compile(r"[,.;:!?()]")
_BY = re.compile(
    r"^[-–—+\s]*(?:by|written by|words by|story by|posted by|reporting by|text by|von|por|"
    r"par|di)"
    r"\s*[:\-]?\s+(.+)$",
    _I,
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|del|della|der|van|von|la|le|bin|al|dos|du|ter)"
_NAME = re.compile(rf"^[A-Z][\w'’.-]*(?: {_NAME_WORD}){{1,3}}$")
_STAMP_BY = re.compile(
    r"^\W*(?:\d[\d./:-]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+['’]\d{2})?,?)\s+(?:[\w:]+\s+){0,3}by\s",
    _I,
)
"""A stamp, a word or two, then "by": "11.05.12 Written by", "23 mins ago by", or a day
and month with no year, or a short one ("Aug 09 1:44p by", "Nov 6th '12 by")."""
_DATED_BY = re.compile(r"\b[Bb]y:?\s+([A-Z].*)$")
_DATE_LEAD = re.compile(r"\s+(?:on|at)\s*$", _I)
_GIVEN_NAME = re.compile(r"^[A-Z][a-z'’-]+$")
_ROLES = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|staff|contributor|columnist|producer|"
    r"journalist|analyst|senior|chief|deputy|associate|contributing|special to|for the|"
    r"bureau|desk|team|news service|updated|published|posted|min read)\b",
    _I,
)
_CUT = re.compile(
    r"\s+(?:[-–—|•·]|on|at|updated|published|posted)\s+|\s*[|•·]\s*|\s+\(|"
    r"\s+(?:@\s*)?(?=\d)|\s+(?=(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)",
    _I,
)
_SEPARATOR = re.compile(r"\s+[-–—|•·]\s+|\s*[|•·]\s*|\s+\(")
"""Where the names of a bare name line end: at a mark, never at a word or a number
("Colorado Suspect Is Silent at His Hearing", "President Obama Welcomes 2012 ...")."""
_FUNCTION_WORDS = frozenset(
    "the of in on at for to with from and or is are was our your my this that how what why".split()
)
"""Words that never stand in a name, capitalised in menus and headlines ("In The News").

Only "The" may lead one: a newsroom signing ("The Canadian Press")."""
_IN = re.compile(r"\s+in\s+|\s+(?=\w+:\s)")
_SPLIT_NAMES = re.compile(
    r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|\s*,\s*|\s+und\s+|\s+y\s+|"
    r"\s+et\s+|\s+e\s+)\s*"
)
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d{2}-\d{2}|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}/\d{1,2}/\d{1,2}|"
    r"\d{1,2}:\d{2}\b|\b(?:published|updated|posted)\b",
    _I,
)
DATELINE_WORDS = 16
"""A date line is short; longer lines are story that happens to mention a date."""
BARE_NAME_WORDS = 8
"""A name line without "By" is short before any date: names, perhaps a role."""
DATE_REACH = 6
DATE_REACH_ABOVE = 20
"""How far above the headline a date line is taken when none is found near it (a
site's header may print the date over the section's name and the headline)."""
"""How many lines below the headline (or the story's start) a date line is looked for."""
_PUBLISHED = re.compile(r"\b(?:published|posted|publicado|publié|veröffentlicht)\b", _I)
_PUBLISHED_HINT = re.compile(r"publ|ted|veröffentl")
"""Parts of each `_PUBLISHED` word without an "i" or "s", letters that match exotic
characters when case is ignored ("ı", "ſ"): every line `_PUBLISHED` finds has one."""
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", _I)
_READ_TIME = re.compile(
    r"^(.*?)\s*[·|•\-–—,]?\s*(\d+)\s*(?:min|mins|minute|minutes)\.?\s*read\b", _I
)
_CRUMB_MARKS = frozenset("›»>/|→")
_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(r"\w")
_CRUMB_SPLIT = re.compile(r"\s*(?:[›»>/|]|\s→\s)\s*")
MENU_WORDS = {
    "home",
    "news",
    "menu",
    "search",
    "skip to main content",
    "skip to content",
    "main menu",
    "sections",
    "more",
    "close",
    "open",
    "log in",
    "sign in",
    "subscribe",
    "latest",
    "top stories",
    "navigation",
}
_AGO = re.compile(r"\b(?:ago|just now|yesterday|today)\b", _I)
MENU_LINE_WORDS = 12
KEY_POINT_CHARS = 250
"""A key point is a sentence; a line this long is the story's first paragraph."""
STORY_SENTENCE_CHARS = 100
"""A line of prose this long, not a bullet, is no photo credit or label: with no "Key
points" label above them, bullets below it belong to the story."""
_NOT_CRUMBS = re.compile(
    r"\(|://|www\.|\.html?\b|\.php\b|\b(?:photo|image|picture|photograph|"
    r"illustration|credit|getty|shutterstock)\b",
    _I,
)
"""Lines split by slashes that are addresses or photo credits, not breadcrumbs."""
_CRUMB_ITEM = re.compile(r"^\d{1,2}\.\s+\S")
_NOT_HEADLINE = re.compile(
    r"^(?:home\b|you are here|welcome to\b|sign up|subscribe|log ?in\b|"
    r"skip to|breaking news (?:alerts|emails)|menu\b)"
)
"""Breadcrumbs, consent and sign-up banners, which sit where headlines do."""
_CAMEL_RUN = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")
"""Menu entries run together in a copy ("HomeNewsBusiness")."""
_SUMMARY_LABEL = re.compile(
    r"^(?:key points?|highlights|in brief|summary|at a glance|"
    r"the big picture|what you need to know|key takeaways|tl;dr|"
    r"the story so far|quick read)\s*:?$",
    _I,
)


def find_title(lines: list[Line], body_start: int, body_end: int | None = None) -> int | None:
    """Index of the headline, looked for above the story (or a little into it).

    Of a headline and a standfirst stacked above the byline, both headline
    shaped, the upper and shorter one is the headline, unless the upper one
    is a trail of sections ("Towns / Transport News & Views"), whose crumbs
    may be too long to read as a breadcrumb, or stands between two copies
    of the headline (the byline some scrapes print there: "Jane Doe and Ali
    Khan"). A line below the story is never its headline.
    """
    low = max(0, body_start - TITLE_WINDOW)
    high = min(len(lines), body_start + 3, body_end if body_end is not None else len(lines))
    keys = Counter([line.key for line in lines])
    joined = _JoinedKeys(lines, low, high)
    best, best_score = None, TITLE_MIN_SCORE
    for j in range(low, high):
        score = _title_score(lines, j, body_start, keys, joined)
        if score > best_score:
            best, best_score = j, score
    if (
        best is not None
        and best > 0
        and _headline_shaped(lines[best - 1])
        and _CRUMB_SPLIT.search(lines[best - 1].text) is None
        and (lines[best - 1].words >= 4 and lines[best - 1].chars < lines[best].chars)
        and not _between_copies(lines, best - 1, best)
    ):
        return best - 1
    return best


def _title_score(
    lines: list[Line], j: int, body_start: int, keys: Counter[str], joined: _JoinedKeys
) -> float:
    line = lines[j]
    if not _headline_shaped(line):
        return 0.0
    score = 1.0 + min(line.words, 14) / 4
    if _tag_list(line):
        score -= TAG_LIST_PENALTY
    if keys[line.key] > 1 or (line.key and joined.seen_before(line.key, j)):
        score += 2.5
    nearby = lines[j + 1 : j + 5]
    if any(is_byline(n) or is_dateline(n) for n in nearby):
        score += 3.0
        if (
            j < body_start
            and (is_byline(nearby[0]) or is_dateline(nearby[0]))
            and not _bare_names(line)
            and not (j > 0 and _bare_names(lines[j - 1]))
        ):
            score += RIGHT_ABOVE_BYLINE
    elif j == body_start - 1 and j > 0 and _date_header(lines[j - 1]):
        score += RIGHT_ABOVE_BYLINE  # a blog's date header, its headline, then the post
    distance = abs(body_start - j)
    score += 3.0 * max(0.0, 1 - distance / TITLE_WINDOW)
    if line.ends_sentence and line.text.endswith("."):
        score -= 2.0
    if j + 1 < len(lines) and lines[j + 1].key == line.key:
        score += 1.0
    return score


def _tag_list(line: Line) -> bool:
    """A line of topic tags run together: it starts in lower case, as headlines rarely
    do, and has neither punctuation nor a word that would join a sentence ("the", "of")."""
    return (
        _LOWER_LEAD.match(line.text) is not None
        and not _PUNCTUATION.search(line.text)
        and _FUNCTION_WORDS.isdisjoint(line.lower.split())
    )


def _date_header(line: Line) -> bool:
    """A line that is a date alone, as blogs print over each post's headline."""
    return is_dateline(line) or (line.text.isupper() and _line_date(line) is not None)


class _JoinedKeys:
    """The keys of the lines a headline search from `low` to `high` looks back on, in one
    string, to ask "is this line part of one of the lines above?".

    Only the `TITLE_WINDOW` lines above `low` and those searched are joined, not the page.
    """

    def __init__(self, lines: list[Line], low: int, high: int) -> None:
        self.first = max(0, low - TITLE_WINDOW)
        keys = [line.key for line in lines[self.first : high]]
        self.text = "\n".join(keys)
        self.starts = [0, *accumulate(len(key) + 1 for key in keys)]

    def seen_before(self, key: str, j: int) -> bool:
        """Is `key` inside one of the `TITLE_WINDOW` lines above line `j` (a breadcrumb)?"""
        start = self.starts[max(0, j - TITLE_WINDOW) - self.first]
        return self.text.find(key, start, self.starts[j - self.first]) >= 0


def _headline_shaped(line: Line) -> bool:
    ok = 6 <= line.chars <= 120 if line.uncased else 3 <= line.words <= 30 and line.chars <= 250
    if (
        not ok
        or line.item
        or line.text.endswith((":", "…", "..", "»", "›", ">", "→"))
        or line.text.startswith(("«", "‹", "<", "←"))
    ):
        return False
    if kind_of(line) in (PROSE, CLUTTER, BARRIER) or is_byline(line) or (is_dateline(line)):
        return False
    if line.words <= 12 and (by := _BY.match(line.text)) and _by_names(by.group(1)):
        return False  # "Posted by Jacob in Blogging"
    lower = line.lower
    if lower in MENU_WORDS or _NOT_HEADLINE.match(lower) or _CAMEL_RUN.search(line.text):
        return False
    if not _CRUMB_MARKS.isdisjoint(line.text) and _is_breadcrumb(line):
        return False
    if (
        _read_time(line)
        or (line.words <= 6 and _SUMMARY_LABEL.match(line.text))
        or _AGO.search(lower)
    ):
        return False
    if line.uncased or not line.digits:
        return True
    tokens = line.text.split()
    return sum(1 for t in tokens if _DIGIT.search(t)) * 3 < len(tokens)


def _read_time(line: Line) -> re.Match[str] | None:
    """The "Politics 2 min read" label; the costly pattern runs only on lines saying "read"."""
    return _READ_TIME.match(line.text) if "read" in line.lower else None


def _is_breadcrumb(line: Line) -> bool:
    """ "Home > World > Europe": a trail of short crumbs, not a headline."""
    crumbs = [c for c in _CRUMB_SPLIT.split(line.text) if c]
    limit = 8 if line.uncased else 3
    return len(crumbs) >= 2 and all(
        len(c) <= limit * 3 if line.uncased else len(c.split()) <= limit for c in crumbs
    )


def is_byline(line: Line) -> bool:
    """A line naming the writers: "By A and B", "By A, Reporter", "A | Publisher".

    The answer is kept on the line: the headline search asks about the same lines often.
    A repeated line takes its first showing's answer (it depends on the text alone).
    """
    known = line.byline
    if known is None:
        known = line.byline = _is_byline(line) if line.twin is None else is_byline(line.twin)
    return known


def _is_byline(line: Line) -> bool:
    if line.words > 25:
        return False
    match = _BY.match(line.text)
    if match:
        # Names in plain form only: what the story finder counts as a byline.
        text = match.group(1)
        return bool(_names(text) or _given_name(text, dated=False))
    if is_clutter(line):
        return False
    if "|" in line.text:
        head = line.text.split("|", 1)[0].strip()
        return (bool(_NAME.match(head)) and not _ROLES.search(head)) or bool(newsroom(head))
    return False


def is_dateline(line: Line) -> bool:
    """A short line that carries the publication date (kept on the line once known)."""
    known = line.dateline
    if known is None:
        twin = line.twin
        known = line.dateline = _is_dateline(line) if twin is None else is_dateline(twin)
    return known


def _is_dateline(line: Line) -> bool:
    # Every date `normalise_date` reads has digits; most lines have none, found at C speed.
    return (
        line.words <= DATELINE_WORDS
        and line.digits
        and bool(_DATE_WORDS.search(line.text))
        and bool(date_of(line))
    )


Byline = tuple[list[str], str | None, list[int]]
"""Authors, a publisher named beside them, and the indices of the byline lines."""


def find_byline(lines: list[Line], title: int | None, body_start: int) -> Byline:
    """The story's byline: under the headline first, then just over it.

    A byline sits under its headline; a name over the headline is a
    column's or a section's name ("Space Station | 23 July 2012") unless
    nothing under it names anyone. In each place a line that says "By"
    counts before a bare name line, which may be a menu entry.
    """
    low = title + 1 if title is not None else max(0, body_start - 12)
    high = min(len(lines), max(body_start, low) + 2)
    for window in (range(low, high), range(low - 1, max(-1, low - 4), -1)):
        found = _signed_byline(lines, window) or _name_line(lines, window, title, body_start)
        if found:
            return found
    return _signed_by_story(lines, body_start) or ([], None, [])


_SIGNED_COLON = re.compile(r"\bby:", _I)
"""A comment's signature ("Posted by: Jane | May 2, 2012"), never the story's byline."""
STORY_BYLINE_REACH = 16
"""How far above the story, and into its first short lines, a "By" line is looked for
when none is found by the headline: a list of ten teasers may sit between them."""


def _signed_by_story(lines: list[Line], body_start: int) -> Byline | None:
    """A "By Jane Doe" line, or a date line ending in one ("May 2, 2012 · By Jane
    Doe"), just over the story or among its first short lines.

    Found when the line taken for the headline is not the story's (a teaser,
    a breadcrumb) and so nothing under it names anyone: a line that says
    "By" says itself what it is. Not below the story's first full paragraph,
    nor a comment's signature ("Posted by: Jane"), nor one of a thread of
    lines signed alike. The line is left where it is: the story was found
    without it.
    """
    low = max(0, body_start - STORY_BYLINE_REACH)
    for j in range(low, min(len(lines), body_start + STORY_BYLINE_REACH)):
        line = lines[j]
        if j >= body_start and line.chars >= KEY_POINT_CHARS:
            return None
        if _CREDITISH.search(line.text):
            continue
        match = _BY.match(line.text)
        if not match or line.words > 25 or ":" in line.text[: match.start(1)]:
            dated = _dated_by(line) if line.words <= DATELINE_WORDS else []
            if dated and not _SIGNED_COLON.search(line.text):
                return dated, None, []
            continue
        names = _by_names(match.group(1), lone_word=False)
        around = [*lines[max(0, j - THREAD_REACH) : j], *lines[j + 1 : j + 1 + THREAD_REACH]]
        if names and not any(_another_signed(other, match, names) for other in around):
            return names, _publisher_after(match.group(1)), []
    return None


def _signed_byline(lines: list[Line], window: range) -> Byline | None:
    """A "By Jane Doe" line, or a date line that ends in one."""
    for j in window:
        line = lines[j]
        if _CREDITISH.search(line.text):
            continue
        match = _BY.match(line.text)
        names = _by_names(match.group(1)) if match and line.words <= 25 else []
        if names and match:
            return names, _publisher_after(match.group(1)), [j]
        dated = _dated_by(line) or _author_field(line)
        if dated:
            return dated, None, [j]
    return None


_AUTHOR_FIELD = re.compile(r"^(?:author|written by|posted by|by)\s*:\s*(\S.*)$", _I)
_FIELD_SPLIT = re.compile(r"\s*[|·•]\s*")


def _author_field(line: Line) -> list[str]:
    """The writer in a line of fields: "Date: May 2, 2012 | Author: Jane Doe", or one
    field a dated byline ("TECHNOLOGY | 8 Hours Ago By Jane Doe")."""
    if line.words > DATELINE_WORDS:
        return []
    fields = _FIELD_SPLIT.split(line.text)
    for field in fields:
        match = _AUTHOR_FIELD.match(field) if ":" in field else None
        if match:
            return _by_names(match.group(1), lone_word=False)
        if len(fields) > 1 and " by" in field.lower() and (dated := _dated_by(measure(field))):
            return dated
    return []


def _name_line(
    lines: list[Line], window: range, title: int | None, body_start: int
) -> Byline | None:
    """ "Jane Doe | The Courier", or a bare name line placed as a byline is.

    A bare name counts right under the headline, beside a date line, or
    between two copies of the headline, unless the page's prose, or the
    story under it, writes its words as common words.
    """
    near = range(0)
    if title is not None:
        near = range(title + 1, min(len(lines), title + 4, max(body_start, title + 1) + 1))
    for j in window:
        line = lines[j]
        if "|" in line.text and is_byline(line) and not _CREDITISH.search(line.text):
            head, rest = (part.strip() for part in line.text.split("|", 1))
            publisher = rest if rest and not normalise_date(rest) and len(rest) < 60 else None
            return [head], publisher, [j]
        if title is None or j == title:
            continue
        names = _bare_names(line)
        if (
            names
            and (
                (j in near and not _in_column(lines, j, title))
                or (j > title and not line.digits and _beside_date(lines, j))
                or _between_copies(lines, j, title)
            )
            and not _page_words(lines, names)
            and not _story_writes_lower(lines, j, names)
        ):
            return names, None, [j]
    return None


STORY_LOOK = 40
"""How many lines under a bare name line are read for its last word in lower case."""


def _story_writes_lower(lines: list[Line], j: int, names: list[str]) -> bool:
    """Does the prose under a bare name line write its last word in lower case?

    A post's headline under its date ("Damson Chutney", then "I never liked
    chutney") or a label ("Business Conference") is made of the story's own
    words; a writer's surname rarely is one. Only the last word is asked for,
    since a headline's first words are often proper names ("Abreva Conceal
    Patch"); wire agencies and "The ..." signings are left alone.
    """
    name = names[-1]
    last = name.split()[-1].lower()
    if len(last) < 3 or name.lower() in AGENCIES or name.startswith("The "):
        return False
    word = re.compile(rf"\b{re.escape(last)}\b")
    return any(
        last in line.text and kind_of(line) is PROSE and word.search(line.text) is not None
        for line in lines[j + 1 : j + 1 + STORY_LOOK]
    )


COLUMN_WORDS = 8
"""A line of a column of teasers or menu entries is a headline or a label: a few words."""


def _in_column(lines: list[Line], j: int, title: int) -> bool:
    """Is the line one of a column of short lines (teasers, a menu) rather than a byline?

    A writer's name under the headline stands beside the headline, a date, a
    role or the story; one between two other short lines is another entry."""
    around = [k for k in (j - 1, j + 1) if 0 <= k < len(lines) and k != title]
    return len(around) == 2 and all(
        lines[k].words <= COLUMN_WORDS
        and lines[k].text[:1].isupper()
        and kind_of(lines[k]) is SHORT
        and not is_byline(lines[k])
        and not is_dateline(lines[k])
        for k in around
    )


def _page_words(lines: list[Line], names: list[str]) -> bool:
    """Does the page's prose write every word of these would-be names in lower case?

    Menus and teasers are made of the page's words ("Potato Chips",
    "Contact Info", "Central Banks"); a writer's name rarely is all words
    the page uses ("Jane Rose" keeps "Jane").
    """
    words = {word.lower() for name in names for word in name.split() if word.isalpha()}
    if not words:
        return False
    text = "\n".join(line.text for line in lines if line.ends_sentence and kind_of(line) is PROSE)
    # The pattern opens with a look-behind, so the engine would try it at every character of
    # the page's prose: the plain substring test settles most words first, in C.
    return all(
        word in text and re.search(rf"(?<![^\s(]){word}(?=[\s,.;:!?)]|$)", text) for word in words
    )


FOOTER_REACH = 12
"""How far below the story's last line a blog's "Posted by" footer or a writer's box is
looked for: past the share buttons, the post's tags and a list of related posts."""
FOOTER_IN_STORY = 4
"""How many of the story's last lines are looked at too: the story finder keeps a footer
with a note under it ("Update: ...") inside the story."""
THREAD_REACH = 15
"""Lines around a footer byline in which another byline makes it a comment thread."""


def find_footer_byline(lines: list[Line], body_end: int) -> list[str]:
    """Names from a "Posted by Jane Doe at 8:18 AM" line right under the story.

    Blog templates print the byline below the post, led by any word when the
    line is dated ("Penned by Jane Doe at 8/08/2012 1:00 PM"). A comment
    thread prints such a line under every comment, so a line with another
    byline written the same way soon before or after is a commenter's, not
    the writer's, as is any line signed with the same label ("Posted by:
    2.el", however the name is written); a thread printed another way
    ("Posted by: ...") under the post's own "Posted by ..." leaves it the
    writer's. With no such line, the name over a writer's box below the story.
    """
    low = max(0, body_end - FOOTER_IN_STORY)
    high = min(len(lines), body_end + FOOTER_REACH)
    for j in range(low, high):
        names = _footer_byline(lines, j)
        if names is not None:
            return names
    return _boxed_name(lines, low, high)


def _footer_byline(lines: list[Line], j: int) -> list[str] | None:
    """The writers a footer line names, [] for a commenter's line, None for no byline."""
    line = lines[j]
    around = [*lines[max(0, j - THREAD_REACH) : j], *lines[j + 1 : j + 1 + THREAD_REACH]]
    match = _BY.match(line.text) or _WRITTEN_BY.match(line.text)
    if match:
        names = _footer_names(line, match.group(1))
        if not names:
            return None
        return [] if any(_another_signed(other, match, names) for other in around) else names
    names = _dated_by(line) if line.words <= DATELINE_WORDS else []
    if not names:
        return None
    return [] if any(_another_dated(other, names) for other in around) else names


def _another_dated(line: Line, names: list[str]) -> bool:
    """Is this line a dated byline naming someone else ("Dec 3, 2026 by Ana Lopes")?"""
    if line.words > DATELINE_WORDS or _names_in(line.text, names):
        return False
    return bool(_dated_by(line))


def _boxed_name(lines: list[Line], low: int, high: int) -> list[str]:
    """The name over a writer's box under the story: a bare name line, then a bio that
    opens with the same name ("Jane Doe", then "Jane Doe is a reporter who ...").

    A name line under a story is as often a teaser's writer or a commenter's,
    but a bio right under it naming the same person makes it a box about the
    page's own writer.
    """
    for j in range(low, high - 1):
        names = _bare_names(lines[j])
        if len(names) == 1 and " " in names[0] and _box_bio(lines[j + 1], names[0]):
            return names
    return []


_BOX_BIO = re.compile(r"\s+(?:is|was|has|joined|writes|works|lives|reports|covers|teaches)\b")
"""What a writer's bio says after the name it opens with: "... is a", "... joined"."""


def _box_bio(line: Line, name: str) -> bool:
    """Does the line open as a bio of this person: the name, or the first name alone
    ("Jane joined the paper in 2017"), then what they are or do?"""
    lower = name.lower()
    given = lower.split()[0]
    for lead in (lower, given):
        if line.lower.startswith(lead) and _BOX_BIO.match(line.lower, len(lead)):
            return True
    return False


VOUCHED_REACH = 16
"""How far above the story's start a name line its writer's bio vouches for is looked for."""


def find_vouched_name(lines: list[Line], title: int | None, body_start: int) -> list[str]:
    """A bare name line by the story whose bio the page prints ("Jane Doe is a reporter").

    Read last, when no line by the headline or the story names anyone (the
    headline found was a teaser, so the byline window missed): a bare name
    above the story is as likely a menu entry or a teaser's writer, but a
    page prints a bio only for its own writer. A name nothing else on the
    page describes is left alone, as are names whose every word the story
    writes in lower case ("Pickled Peaches").
    """
    low = max(0, body_start - VOUCHED_REACH)
    for j in range(min(len(lines) - 1, body_start + 2), low - 1, -1):
        if j == title:
            continue
        names = _bare_names(lines[j])
        if (
            len(names) == 1
            and " " in names[0]
            and _has_bio(lines, j, names[0])
            and not _page_words(lines, names)
        ):
            return names
    return []


_BIO_AFTER_NAME = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\s", _I)
"""What follows the writer's name where a bio opens: " is a ", " was the "."""


def _has_bio(lines: list[Line], j: int, name: str) -> bool:
    """Does a line other than line `j` open as a writer's bio does: "Jane Doe is a ..."?"""
    return any(k != j and _opens_bio(line, name) for k, line in enumerate(lines))


def _opens_bio(line: Line, name: str) -> bool:
    """Does the line open as this person's bio does: "Jane Doe is a ..."?"""
    lower = name.lower()
    if not line.lower.startswith(lower):
        return False
    return _BIO_AFTER_NAME.match(line.lower, len(lower)) is not None


_WRITTEN_BY = re.compile(r"^this (?:entry|post|article) was (?:written|posted) by:?\s+(.+)$", _I)
"""The footer blog templates print under each post: "This entry was written by Jane Doe"."""


def _footer_names(line: Line, signed: str) -> list[str]:
    """The names of a footer byline, which may run on past its date into the post's
    categories ("Posted by Jane Doe on May 2, 2012 at 4:11 PM in Courts, Politics, ...")."""
    if line.words <= 25:
        return _by_names(signed)
    before_date = _strip_date(signed)
    if before_date == signed or len(before_date.split()) > BARE_NAME_WORDS:
        return []
    return _by_names(before_date)


def _another_signed(line: Line, byline: re.Match[str], names: list[str]) -> bool:
    """Is this line a byline written as the footer's is, naming someone else (a comment)?

    The writer's own name signed again the same way ("Written by Jane Doe" over
    her bio) is no thread. Under a label ("Posted by:") any other line signed so
    is a comment's, even one whose name does not read as one ("2.el", "jo m")."""
    if not _same_lead(line, byline) or _names_in(line.text, names):
        return False
    return is_byline(line) or ":" in byline.string[: byline.start(1)]


def _names_in(text: str, names: list[str]) -> bool:
    return all(name.lower() in text.lower() for name in names)


def _same_lead(line: Line, byline: re.Match[str]) -> bool:
    """Does the line start as the byline does, up to its names ("Posted by", "Posted by:")?"""
    match = _BY.match(line.text)
    lead = byline.string[: byline.start(1)]
    return match is not None and line.text[: match.start(1)].lower() == lead.lower()


def names_after_by(text: str) -> list[str]:
    """The names of a "By Jane Doe" line (of a scrape or a page), or none if it is not one."""
    if len(text.split()) > DATELINE_WORDS:
        return []
    match = _BY.match(text)
    return _by_names(match.group(1), lone_word=False) if match else []


def names_after_dated_by(text: str) -> list[str]:
    """The names of a date line that ends in a byline ("Posted on May 2, 2012 by Jane Doe")."""
    if len(text.split()) > DATELINE_WORDS:
        return []
    return _dated_by(measure(text))


def _dated_by(line: Line) -> list[str]:
    """Names after "by" on a date line: "Posted on May 2, 2012 by Jane Doe · 3 comments".

    Or after a stamp that `normalise_date` cannot read: "11.05.12 Written by Jane Doe",
    or beside a numeric date whose order no number settles ("by Jane Doe at 8/08/2012"):
    which day it is does not matter to the byline.
    """
    if " by" not in line.lower or not (
        _line_date(line) or _STAMP_BY.match(line.text) or NUMERIC_DATE.search(line.text)
    ):
        return []
    match = _DATED_BY.search(line.text)
    return _by_names(match.group(1), dated=True) if match else []


def _beside_date(lines: list[Line], j: int) -> bool:
    """A name line right above or below a date line: the two halves of a byline."""
    return any(0 <= k < len(lines) and is_dateline(lines[k]) for k in (j - 1, j + 1))


def _between_copies(lines: list[Line], j: int, title: int) -> bool:
    """A name line between two copies of the headline, as some scrapes print it."""
    key = lines[title].key
    return any(0 <= k < len(lines) and k != title and lines[k].key == key for k in (j - 1, j + 1))


_CREDITISH = re.compile(
    r"\b(?:photo|image|picture|photograph|illustration|credit|getty|"
    r"shutterstock)\b",
    _I,
)


def _bare_names(line: Line) -> list[str]:
    """A name line under the headline ("Jane Doe", "Jane Doe and Ali Khan, Reuters").

    The answer is kept on the line (and a repeated line takes its first showing's), since
    the headline and byline searches ask about the same lines; each caller gets its own list.
    """
    known = line.bare_names
    if known is None:
        twin = line.twin
        known = line.bare_names = tuple(
            _read_bare_names(line) if twin is None else _bare_names(twin)
        )
    return list(known)


def _read_bare_names(line: Line) -> list[str]:
    if (
        line.words > DATELINE_WORDS
        or is_clutter(line)
        or line.text.isupper()
        or (line.ends_sentence and not line.text.endswith("."))
        or line.text.endswith(":")  # a label awaiting its value: "Get Alerts:"
        or _BY.match(line.text)  # a "By" line whose names were refused: "By Guest Author"
    ):
        return []
    names = _strip_date(line.text)
    if names.count(" ") >= BARE_NAME_WORDS:
        return []
    return _names(names, strict=True)


_BUTTONS = re.compile(
    r"(?:\s+|(?<=[a-z])(?=[A-Z]))"
    r"(?:(?:[Ll]eave|[Aa]dd|[Pp]ost|[Ww]rite)\s+(?:(?:a|the|first|your)\s+)?)?"
    r"(?:[Cc]omments?|[Rr]eply|[Dd]iscuss|[Vv]iew [Pp]rofile|[Tt]weet|[Ss]hare|[Pp]rint|"
    r"[Ff]ollow|[Ee]-?mail(?: [Aa]uthor)?)(?:\s*\(\d+\))?\s*$"
)
"""A button printed after the writer's name on the byline's line: "Jane Doe Leave a
Comment", "Jane Doe Discuss (0)", "Jane DoeEmail Author" (run into the name)."""


def _by_names(text: str, dated: bool = False, lone_word: bool = True) -> list[str]:
    """The names after "By", tidied as the page's markup would give them.

    One given name will do when the line is dated ("by Jane on May 2",
    "May 2, 2012 by Jane"). Names written as pages write them for their
    markup ("Jane Doe/Metro Desk", "JANE DOE AND ALI KHAN", "LordZB") are
    read as the HTML cleaner reads them; a `lone_word` such as "LordZB"
    only where the line's place says it is a byline, since a page's menus
    say "By Month" too.
    """
    bare = _BUTTONS.sub("", text)
    dated = dated or bare != text  # a comment button beside a first name places it as a date does
    text = bare
    names = _names(text) or _given_name(text, dated)
    if not names:
        names = byline_names([_IN.split(_CUT.split(text.strip(), maxsplit=1)[0])[0]], strict=True)
        if len(names) == 1 and " " not in names[0] and not lone_word:
            return []  # "By Month", "BY WEEK": a menu's sort order
    return [_tidy(name) for name in names if name.lower() not in GENERIC_NAMES]


def _given_name(text: str, dated: bool) -> list[str]:
    """ "Jane" of "by Jane on May 2": a blog's writer, named by a first name beside a date."""
    if not dated and (not _DATE_WORDS.search(text) or _DATE_WORDS.match(text.strip())):
        return []
    first = _CUT.split(text.strip(), maxsplit=1)[0]
    first = _IN.split(first, maxsplit=1)[0].strip(" ,;:")
    if _GIVEN_NAME.match(first) and first.lower() not in MENU_WORDS and not _ROLES.search(first):
        return [first]
    return []


def _tidy(name: str) -> str:
    """ "Jane Doe" for "JANE DOE" or "NBC News' Jane Doe", as the page's markup gives it."""
    tidied = byline_names([name], strict=True)
    return tidied[0] if len(tidied) == 1 else name


def _strip_date(text: str) -> str:
    """The text before its first date, without the word that led to it ("Jane Doe on")."""
    match = _DATE_WORDS.search(text)
    return _DATE_LEAD.sub("", text[: match.start()]).strip(" ,-–—|·•") if match else text


def _names(text: str, strict: bool = False) -> list[str]:
    """Split a byline into names, dropping roles, dates and publishers after the names.

    A wire agency is an author only when nobody else is named ("By Reuters");
    after people's names it is their employer ("By Meg Kinnard, Associated Press").
    Past "by", " in " or a label ends the names ("by Jane Doe in Features",
    "by Jane Doe Topics: ..."), as does a job after a name, read as the HTML
    cleaner reads one ("Jane Doe, Product Manager, Acme": her employer follows,
    not a second writer), and an outlet's staff may sign; a bare name
    line (`strict`) may be a headline, which neither ends nor signs.
    """
    if strict:
        text = _SEPARATOR.split(text.strip(), maxsplit=1)[0]
    else:
        text = _IN.split(_CUT.split(text.strip(), maxsplit=1)[0], maxsplit=1)[0]
    text = text.strip(" ,;:-–—/")
    names: list[str] = []
    for part in _SPLIT_NAMES.split(text):
        part = part.strip(" .,;:")
        if not part:
            continue
        if names and not strict and reads_as_role(part):
            break  # "Jane Doe, Product Manager, Acme": her role, then her employer
        if part.lower() in AGENCIES and not strict:
            names.append(part if part.isupper() or len(part) > 3 else part.upper())
        elif not strict and (signed := newsroom(part)):
            names.append(signed)
        elif (
            _NAME.match(part)
            and not _ROLES.search(part)
            and part.lower() not in MENU_WORDS
            and not (strict and _has_function_word(part))
        ):
            names.append(part)
        elif strict and names and _role(part):
            break  # "Jane Doe, Staff Writer": her role ends the names
        elif strict:
            return []
    names = [name for name in names if name.lower() not in GENERIC_NAMES]  # "Admin", "Guest"
    people = [name for name in names if name.lower() not in AGENCIES]
    return people or names


_ROLE_NOUN = re.compile(
    r"(?:reporter|correspondent|editor|writer|staff|contributor|columnist|producer|"
    r"journalist|analyst)$",
    _I,
)


def _role(part: str) -> bool:
    """A job title as a byline prints it after the name: a few capitalised words ending
    in what the writer is ("Staff Writer", "Senior Editor", "Contributor")."""
    words = part.split()
    return (
        len(words) <= 3
        and all(word[:1].isupper() for word in words)
        and bool(_ROLE_NOUN.search(part))
    )


def _has_function_word(name: str) -> bool:
    """Does a would-be name hold a word no name holds ("In The News", "Take Our Poll")?"""
    first, *rest = name.lower().split()
    return (first != "the" and first in _FUNCTION_WORDS) or not _FUNCTION_WORDS.isdisjoint(rest)


def _publisher_after(byline: str) -> str | None:
    """ "Jane Doe | The Courier" or "Jane Doe - The Courier": the part after the names."""
    parts = re.split(r"\s+[-–—|]\s+|\s*\|\s*", byline, maxsplit=1)
    if len(parts) < 2:
        return None
    rest = _strip_date(parts[1]).strip(" ,")
    if not rest or _ROLES.search(rest) or len(rest.split()) > 5 or not rest[:1].isupper():
        return None
    return rest


def _no_order() -> bool | None:
    """No page to read the numeric order from: `numeric_date` decides alone."""
    return None


def find_date(lines: list[Line], title: int | None, body_start: int) -> str | None:
    """The publication date: a date line around the headline, else one labelled "Published",
    else a date line in the site's header further above the headline.

    An "Updated" date is used only when no other date is given.
    """
    anchor = title if title is not None else body_start
    low = max(0, anchor - 4)
    high = min(len(lines), max(body_start, anchor) + DATE_REACH)
    fallback = None
    month_first = cache(partial(_numeric_order, lines))  # worked out once a date needs it
    for j in range(low, high):
        line = lines[j]
        date = _line_date(line, month_first)
        if not date:
            continue
        if _UPDATED.search(line.text) and not _PUBLISHED.search(line.text):
            fallback = fallback or date
            continue
        return date
    for line in lines:
        if line.digits and _PUBLISHED_HINT.search(line.lower) and _PUBLISHED.search(line.text):
            date = _posted_date(line, month_first)
            if date:
                return date
    for j in range(low - 1, max(-1, anchor - DATE_REACH_ABOVE), -1):
        if is_dateline(lines[j]):
            return normalise_date(_date_text(lines[j].text))
    return fallback


_POSTED_ON = re.compile(r"\b(?:posted|published)(?:\s+on)?:?\s+", _I)


def _posted_date(line: Line, month_first: Callable[[], bool | None] = _no_order) -> str | None:
    """The date of a line that says "Published" or "Posted", wherever it stands.

    A long one counts when the date follows the word ("This entry was
    posted on March 3, 2008 at 7:14 pm and is filed under ...").
    """
    if line.words <= DATELINE_WORDS and is_dateline(line):
        return normalise_date(_date_text(line.text))
    match = _POSTED_ON.search(line.text)
    if not match:
        return None
    rest = line.text[match.end() :]
    if not (_DATE_WORDS.match(rest) or NUMERIC_DATE.match(rest) or rest[:3].lower() in _DAYS):
        return None
    return normalise_date(rest[:60]) or numeric_date(rest[:12], month_first())


_DAYS = frozenset("mon tue wed thu fri sat sun".split())


_DATE_LABEL_WORDS = frozenset("on at by posted published updated".split())


_ANY_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b")


def _numeric_order(lines: list[Line]) -> bool | None:
    """Does the page write its numeric dates month first ("10/18/12"), or day first
    ("18/10/12")? None when no date on it settles the order, or its dates disagree."""
    month_first = day_first = False
    for line in lines:
        if not line.digits or "/" not in line.text:
            continue
        for match in _ANY_NUMERIC_DATE.finditer(line.text):
            first, second = int(match.group(1)), int(match.group(2))
            month_first = month_first or second > 12 >= first >= 1
            day_first = day_first or first > 12 >= second >= 1
    return None if month_first == day_first else month_first


def _line_date(line: Line, month_first: Callable[[], bool | None] = _no_order) -> str | None:
    """The date of a date line by the headline, also one the story finder does not count.

    Those are written in capitals ("SATURDAY, OCTOBER 20, 2012"), or run on
    past the date ("Published on May 2, 2012 in Tools. Tags: ...") with at
    most a label or a name before it.
    """
    if is_dateline(line):
        text = _date_text(line.text)
        # With no label to cut, the date is the whole line's, already read by `is_dateline`.
        return date_of(line) if text is line.text else normalise_date(text)
    if not line.digits:
        return None
    if line.words <= DATELINE_WORDS and NUMERIC_DATE.search(line.text):
        return numeric_date(line.text, month_first())
    if line.text.isupper() and line.words <= DATELINE_WORDS:
        return normalise_date(_date_text(line.text.title()))
    match = _DATE_WORDS.search(line.text) if line.words > DATELINE_WORDS else None
    if not match:
        return None
    lead = line.text[: match.start()].split()
    if len(lead) > 4 or any(w.islower() and w.lower() not in _DATE_LABEL_WORDS for w in lead):
        return None
    return normalise_date(_date_text(line.text))


def _date_text(text: str) -> str:
    """The part of a line that holds the first date, so a second date does not leak in."""
    match = _DATE_LABEL.search(text)
    return text[match.end() :] if match else text


_DATE_LABEL = re.compile(r"\b(?:published|posted)\b[:\s]*", _I)


def find_section(
    lines: list[Line], title: int | None, body_start: int
) -> tuple[str | None, str | None]:
    """The section, and a headline found at the end of a breadcrumb if any."""
    anchor = title if title is not None else body_start
    for j in range(max(0, anchor - 6), min(len(lines), anchor + 6)):
        match = _read_time(lines[j])
        label = match.group(1).strip(" ·|•-–—,") if match else ""
        if label and not normalise_date(label) and len(label.split()) <= 4:
            return label, None
    numbered = _numbered_crumbs(lines, anchor)
    if numbered:
        title_key = lines[title].key if title is not None else ""
        sections = [
            c.text.split(None, 1)[1] for c in numbered if c.key.split(None, 1)[1] != title_key
        ]
        sections = [c for c in sections if c.lower() not in MENU_WORDS]
        if sections:
            return sections[-1], None
    for j in range(anchor - 1, max(-1, anchor - 12), -1):
        if is_dateline(lines[j]) or _NOT_CRUMBS.search(lines[j].text):
            continue
        crumbs = [c for c in _CRUMB_SPLIT.split(lines[j].text) if c]
        if (
            len(crumbs) >= 2
            and len(lines[j].text) < 200
            and all(len(c.split()) <= 20 for c in crumbs)
            and sum(1 for c in crumbs if len(c.split()) <= 4) >= len(crumbs) - 1
        ):
            tail = crumbs[-1]
            headline = tail if len(tail.split()) >= 4 else None
            sections = [
                c
                for c in (crumbs[:-1] if headline else crumbs)
                if c.lower() not in MENU_WORDS and not normalise_date(c)
            ]
            if sections:
                return sections[-1], headline
    if title is not None and title > 0 and _kicker(lines, title - 1):
        return lines[title - 1].text, None
    return None, None


def _kicker(lines: list[Line], j: int) -> bool:
    """Is the line above the headline its section label rather than the menu's last entry?

    Both are a word or two. A section is one the page names again, in its
    menu (even a menu copied as one line) or a topic list.
    """
    above = lines[j]
    if not (
        1 <= above.words <= 3
        and not above.ends_sentence
        and above.text[:1].isupper()
        and kind_of(above) is SHORT
        and above.text.lower() not in MENU_WORDS
        and not is_dateline(above)
        and not any(ch.isdigit() for ch in above.text)
    ):
        return False
    if above.text.endswith(":"):
        return False
    label = above.key
    mentions = [line.key for line in lines if line.words <= MENU_LINE_WORDS and label in line.key]
    return len(mentions) >= 2 and sum(1 for key in mentions if _has_word(key, label)) >= 2


def _has_word(text: str, word: str) -> bool:
    """Does `word` stand in `text` as a whole word, as `\bword\b` would find it?

    Checked by hand because the label differs on every page: compiling a pattern
    for it costs more than cleaning the rest of the page's metadata.
    """
    if not word:
        return _WORD_CHAR.search(text) is not None
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if _is_word_char(word[0]) != (start > 0 and _is_word_char(text[start - 1])) and (
            _is_word_char(word[-1]) != (end < len(text) and _is_word_char(text[end]))
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _numbered_crumbs(lines: list[Line], anchor: int) -> list[Line]:
    """A breadcrumb copied as a numbered list ("1. Home", "2. Sport") just above the headline."""
    crumbs: list[Line] = []
    for j in range(anchor - 1, max(-1, anchor - 8), -1):
        if _CRUMB_ITEM.match(lines[j].text) and lines[j].words <= 20:
            crumbs.insert(0, lines[j])
        elif crumbs:
            break
    return crumbs if len(crumbs) >= 2 else []


def _story_line(line: Line) -> bool:
    """A line that can only be the story: a long one, or a sentence of prose ("The closures
    are:" comes after it, and the bullets below are the story's list, not key points)."""
    return line.chars >= KEY_POINT_CHARS or (
        line.chars >= STORY_SENTENCE_CHARS and kind_of(line) is PROSE
    )


def summary_lines(lines: list[Line], low: int, high: int, bullets_only: bool = False) -> list[int]:
    """Key points or a standfirst between the headline area and the story.

    After a "Key points" label the points follow, bulleted or not, up to a
    photo (a line above a credit) or the first long paragraph. Unlabelled
    bullets count only above the story's first full paragraph: below it a
    dash-led line is the writer's signature or an item of the story's list.
    """
    picked = []
    labelled = in_story = False
    for j in range(low, high):
        line = lines[j]
        if _SUMMARY_LABEL.match(line.text):
            labelled = True
            continue
        if bullets_only and not labelled and not line.bullet and _story_line(line):
            in_story = True
        if is_byline(line) or is_dateline(line) or _read_time(line):
            continue
        kind = kind_of(line)
        if kind in (CLUTTER, BARRIER):
            continue
        if labelled and (
            line.chars >= KEY_POINT_CHARS or (j + 1 < len(lines) and is_credit_line(lines[j + 1]))
        ):
            labelled = False
        bulleted = line.bullet and not in_story
        if bulleted or labelled or (kind in (PROSE, NEAR) and not bullets_only):
            picked.append(j)
    return picked
