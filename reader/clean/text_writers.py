"""Writers' boxes: a paragraph about the writer (or the site) under their name.

"Jane Doe" or "About Jane Doe" on a short line, then "Jane is a reporter
who ..." reads as prose, so the run search would take it for story. The name
repeated between the label and the paragraph is the evidence that it is not.
"""

from __future__ import annotations

import re

from reader.clean.text_evidence import CLUTTER_VALUE, HEADER_REACH
from reader.clean.text_kinds import CLUTTER, NEAR, PROSE, SHORT, Kind
from reader.clean.text_lines import Line
from reader.clean.text_rows import LABEL_WORDS

_WORD = re.compile(r"\w+")
_BLURB = re.compile(
    r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?:is|was|has|joined|writes|works|lives)\b"
)
"""A paragraph opening with a name and what it is: "Jane Doe is a reporter", "Acme has"."""

_ABOUT = re.compile(r"^(?:about|author|(?:written |posted )?by)\b")
"""The label over a blurb: "About Jane Doe", "Author: Jane Doe", "by Jane Doe"."""

BLURBS = 2
_BIO = re.compile(
    r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?: \([^)]{1,60}\))?,? "
    r"(?:is|was|has|joined|writes|works|lives|reports|covers|teaches)\b"
)
"""A paragraph opening with a name (perhaps with an address in brackets) and what they do."""
BIO_CHARS = 500
"""Longest paragraph read as a writer's bio: two or three sentences."""
BIO_REACH = 3
"""How many of the region's closing paragraphs are looked at for the writer's bio."""
STORY_PARAGRAPHS = 2
"""Paragraphs of story above a closing bio: with fewer, the bio may be the post."""
"""Most blurbs on a page: more paragraphs of that shape under their names make a list."""


def drop_blurbs(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
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


def before_writers_box(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
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


def before_writers_bio(lines: list[Line], kinds: list[Kind], start: int, end: int) -> int:
    """Where the story ends when it closes on its writer's bio with no label.

    "David Roe reports from war zones and writes comic books." closes many
    stories. What tells it from the story's own last paragraph is that its
    subject is new: no word of the name appears in the story above, in any
    case (so "He is" or "The firm has" never qualify), since writers are not
    in their own stories. A short line right above naming them ("by David
    Roe", "About the author") goes with it. The bio may be one of the
    region's last `BIO_REACH` paragraphs, with the page's notes and pitches
    below it, but never with two paragraphs in a row below (the story's own),
    and its name must be new to the paragraphs below it too (sections, each
    about what it names, share their words).
    """
    closing = [i for i in range(end - 1, start - 1, -1) if kinds[i] in (PROSE, NEAR)]
    for last in closing[:BIO_REACH]:
        if _paragraphs_in_a_row(kinds, last + 1, end):
            return end
        cut = _bio_cut(lines, kinds, (start, last, end))
        if cut is not None:
            return cut
    return end


def _paragraphs_in_a_row(kinds: list[Kind], start: int, end: int) -> bool:
    """Do two paragraphs follow each other between `start` and `end`, as a story's do?"""
    return any(
        kinds[k] in (PROSE, NEAR) and kinds[k + 1] in (PROSE, NEAR) for k in range(start, end - 1)
    )


def _named_elsewhere(
    lines: list[Line], kinds: list[Kind], region: tuple[int, int, int], names: set[str]
) -> bool:
    """Does another paragraph of the region hold a word of `names`?

    Read paragraph by paragraph, stopping at the first that does: a story
    usually names its subject near the top, so most of it is never split into words.
    """
    start, last, end = region
    return any(
        not names.isdisjoint(_WORD.findall(lines[i].lower))
        for i in [*range(start, last), *range(last + 1, end)]
        if kinds[i] is PROSE or kinds[i] is NEAR
    )


def _bio_cut(lines: list[Line], kinds: list[Kind], region: tuple[int, int, int]) -> int | None:
    """Where the story ends if paragraph `last` of the region from `start` to `end` is its
    writer's bio (see `before_writers_bio`)."""
    start, last, end = region
    if lines[last].chars > BIO_CHARS:
        return None
    opening = _BIO.match(lines[last].text)
    if opening is None:
        return None
    story = [i for i in range(start, last) if kinds[i] is PROSE]
    if len(story) < STORY_PARAGRAPHS:
        return None
    names = _WORD.findall(opening.group(1).lower())
    if len(names) < 2 or _named_elsewhere(lines, kinds, region, set(names)):
        return None
    above = last - 1
    if kinds[above] is SHORT and (
        _ABOUT.match(lines[above].lower) or names[0] in lines[above].key.split()
    ):
        return above
    return last
