"""Plain-text scrapes: a page copied out of a browser (select-all), cleaned into an article.

The work is split four ways: `text_lines` turns the raw text into measured
lines (line endings, odd spaces, hard wraps), `text_kinds` says what each
line is on its own (prose, clutter, an end marker), `text_body` picks the
story out of the page (with `text_evidence`, `text_ends`, `text_rows`,
`text_writers` and `text_keep`), and `text_meta` reads the headline, byline, date,
section and publisher from the lines around it. This module puts them
together and settles where the headline area ends and the story begins.
"""

from __future__ import annotations

import re

from reader.clean.common import title_from_path
from reader.clean.text_body import Body, find_body
from reader.clean.text_evidence import HEADER_REACH
from reader.clean.text_keep import caption_above
from reader.clean.text_kinds import PROSE, is_credit_line, kind_of
from reader.clean.text_lines import Line, split_lines, strip_bullet
from reader.clean.text_meta import (
    find_byline,
    find_date,
    find_footer_byline,
    find_section,
    find_title,
    find_vouched_name,
    is_byline,
    is_dateline,
    summary_lines,
)
from reader.clean.text_publisher import find_publisher, split_site_name
from reader.model import BULLET, Article

_FIRST_SENTENCE = re.compile(r"^(.{10,200}?[.!?。！？])(?:\s|$)")
_SYMBOL_BULLET = re.compile(r"^[•●◦▪▫■□‣⁃∙·]\s*")
LEAD_LINES = 4
"""How far into the story a lead photo's caption and credit are looked for."""
LEAD_PARAGRAPH_CHARS = 250
"""A line this long is story, so the lead photo lines end before it."""
HEADER_CHECK_LINES = 4
"""How far into the story a byline or date line is taken for the story's header."""


def clean_text(text: str, path: str) -> Article:
    """Clean a text scrape into an article (format "text")."""
    lines = split_lines(text)
    body = find_body(lines)
    start = body.start if body.lines else len(lines)
    title = find_title(lines, start, body.end if body.lines else None)
    in_story = False
    if title is not None and body.start <= title < body.end:
        in_story = _story_above(body, title, lines)
        if not in_story:
            body = _body_after(lines, title + 1)
            start = body.start if body.lines else len(lines)
    found = body
    section, crumb_title = find_section(lines, title, start)
    authors, publisher, byline = find_byline(lines, title, start)
    if not authors and body.lines:
        authors = find_footer_byline(lines, body.end)
    if not authors:
        authors = find_vouched_name(lines, title, start)
    published = find_date(lines, title, start)
    if not in_story:
        header_end = max([title if title is not None else -1, *byline]) + 1
        body = _drop_header_lines(body, header_end, lines)
    summary = [lines[j] for j in _summary(lines, None if in_story else title, body)]
    if summary:
        body = _drop_header_lines(body, summary[-1].index + 1, lines)
    body, key_points = _drop_lead_furniture(body, lines, [*authors, publisher or ""])
    summary = summary or key_points
    if not body.lines:
        body = found
    paragraphs = [_SYMBOL_BULLET.sub(BULLET, line.text) for line in body.lines]
    if title is not None:
        headline = lines[title].text
    else:
        headline = crumb_title or _first_sentence(paragraphs) or title_from_path(path)
    headline, site = split_site_name(headline, lines)
    publisher = (
        publisher or site or find_publisher(lines, body.end, paragraphs[0] if paragraphs else None)
    )
    return Article(
        path=path,
        format="text",
        title=headline,
        authors=authors,
        publisher=publisher,
        section=section,
        published=published,
        summary=[strip_bullet(line.text) for line in summary],
        paragraphs=paragraphs,
        headings=body.headings,
    )


def _story_above(body: Body, title: int, lines: list[Line]) -> bool:
    """Does a full paragraph of the story come before this headline-shaped line?

    A headline found a little into the story region usually means the region
    began with furniture above the headline; below a full paragraph it is a
    line of the story that looks like one (a subheading, a "Read more at"
    link), and the story is not cut there. So it is below a first paragraph
    that has a byline or date line right above it: the story's own header.
    """
    if any(line.index < title and line.chars >= LEAD_PARAGRAPH_CHARS for line in body.lines):
        return True
    first = body.lines[0].index
    return first < title and any(
        is_byline(line) or is_dateline(line) for line in lines[max(0, first - HEADER_REACH) : first]
    )


def _body_after(lines: list[Line], offset: int) -> Body:
    """The story searched for only below the headline, in the scrape's own indices."""
    body = find_body(lines[offset:])
    if not body.lines:
        return Body([], [], len(lines), len(lines))
    return Body(body.lines, body.headings, body.start + offset, body.end + offset)


def _summary(lines: list[Line], title: int | None, body: Body) -> list[int]:
    """Key points or standfirst between the headline and the story's first line.

    Prose right under the headline, above the byline or date, is the
    standfirst; lines further down (usually photo captions) count only when
    they are bullets or follow a "Key points" label.
    """
    if title is None or not body.lines:
        return []
    first = body.lines[min(len(body.lines) - 1, LEAD_LINES)].index
    low = title + 1
    byline_at = next(
        (
            j
            for j in range(low, min(first, low + 6))
            if (is_byline(lines[j]) or is_dateline(lines[j])) and _heads_story(lines, body, j)
        ),
        None,
    )
    standfirst = summary_lines(lines, low, byline_at) if byline_at is not None else []
    rest = summary_lines(
        lines, byline_at if byline_at is not None else low, first, bullets_only=True
    )
    return standfirst + [j for j in rest if j not in standfirst]


def _drop_header_lines(body: Body, header_end: int, lines: list[Line]) -> Body:
    """Keep the headline, byline and standfirst out of the story paragraphs.

    Lines above the byline are the standfirst; a byline or date inside the
    first few story lines means the story only starts after it, unless two
    paragraphs come first, or no prose follows it within `HEADER_REACH`
    lines (then it is the post's footer under a short story). When the
    story's first paragraph sits right under a byline or date line, the story
    has begun there, and a date further down is its own (a press release's
    dateline, a podcast's second part "Hour 2 – October 30, 2012").
    """
    cut = header_end
    paragraphs = 0
    first = body.lines[0].index if body.lines else 0
    begun = first > 0 and kind_of(lines[first]) is PROSE and _header_line(lines[first - 1])
    reach = 0 if begun else HEADER_CHECK_LINES
    for line in body.lines[:reach]:
        if _header_line(line) and _prose_within(lines, line.index):
            cut = max(cut, line.index + 1)
        elif line.chars >= LEAD_PARAGRAPH_CHARS:
            paragraphs += 1
            if paragraphs == 2:
                break
    if not body.lines or body.lines[0].index >= cut:
        return body
    kept = [line for line in body.lines if line.index >= cut]
    removed = len(body.lines) - len(kept)
    headings = [h - removed for h in body.headings if h >= removed]
    return Body(kept, headings, max(body.start, cut), body.end)


def _header_line(line: Line) -> bool:
    return is_byline(line) or is_dateline(line)


def _prose_within(lines: list[Line], i: int) -> bool:
    """Does a paragraph start within `HEADER_REACH` lines below line `i`, as under a byline?"""
    return any(kind_of(line) is PROSE for line in lines[i + 1 : i + 1 + HEADER_REACH])


def _heads_story(lines: list[Line], body: Body, i: int) -> bool:
    """Is the byline or date line `i` the story's header rather than a short post's footer?

    A header has the story's first paragraph right under it, or at least
    two paragraphs of the story further down (past a photo or tags).
    """
    below = sum(1 for line in body.lines if line.index > i and kind_of(line) is PROSE)
    return below >= 2 or _prose_within(lines, i)


def _drop_lead_furniture(
    body: Body, lines: list[Line], names: list[str]
) -> tuple[Body, list[Line]]:
    """Take key-point bullets and the lead photo's alt text, caption and credit off the story.

    Under the byline many pages print key points, then a photo with its
    alt text, caption and credit, then the story. The credit is a credit
    line ("Getty Images") or one of the names in the byline ("Atlas Wire").
    """
    bullets = []
    for line in body.lines:
        if not line.bullet:
            break
        bullets.append(line)
    last = bullets[-1].index if bullets else -1
    for line in body.lines[: LEAD_LINES + len(bullets)]:
        if line.chars >= LEAD_PARAGRAPH_CHARS:
            break
        credit = line.index + 1
        if (
            credit < len(lines)
            and (is_credit_line(lines[credit]) or lines[credit].text in names)
            and (line.index in caption_above(lines, credit))
        ):
            last = credit
    cut = sum(1 for line in body.lines if line.index <= last)
    if not cut or cut >= len(body.lines):
        return body, []
    headings = [h - cut for h in body.headings if h >= cut]
    return Body(body.lines[cut:], headings, body.start, body.end), bullets


def _first_sentence(paragraphs: list[str]) -> str | None:
    if not paragraphs:
        return None
    match = _FIRST_SENTENCE.match(paragraphs[0])
    if match:
        return match.group(1)
    return paragraphs[0] if len(paragraphs[0]) <= 120 else None
