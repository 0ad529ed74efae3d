"""Which publication an article is from, as the page itself names it.

A scrape has no metadata, so the publisher is read from what the page
prints: an "Originally published on X" line, the masthead at the top when
the footer or the copyright line repeats it, the copyright holder, a wire
agency in the dateline, or the site name after the headline ("Headline |
Site").
"""

from __future__ import annotations

import re

from reader.clean.text_lines import Line
from reader.clean.text_meta import MENU_WORDS

_I = re.IGNORECASE
MASTHEAD_LINES = 3
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright|ⓒ)(?:\s*(?:ⓒ|©|copyright))*\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.,|;()]{2,60})",
    _I,
)
_SOURCE = re.compile(
    r"^(?:originally published (?:on|by|in|at)|this (?:article|story) "
    r"(?:first )?(?:appeared|was (?:first )?published) (?:on|in|at|by)|"
    r"first published (?:on|in|by))\s+(?:the website of\s+)?(.+?)[.!]?$",
    _I,
)
_SOURCE_INITIALS = "oOtTfF"
"""The letters a source line opens with: the costly pattern runs only on such lines."""
_COPYRIGHT_MARK = re.compile(r"©|ⓒ|\(c\)|copyr")
"""One of these is in the lower-cased text of any line `_COPYRIGHT` finds; it is far
cheaper to look for than the whole pattern."""
_DATELINE_AGENCY = re.compile(
    r"^[A-ZÀ-Ý .,'’-]{0,40}\((Reuters|AP|AFP|Bloomberg|dpa|UPI|"
    r"Xinhua|EFE|ANSA)\)\s*[-–—:]",
    re.UNICODE,
)
_NOT_A_NAME = re.compile(
    r"^(?:skip|support|find|follow|subscribe|sign|join|get|read|log|donate|"
    r"contribute|become|download|watch|listen|search|menu|welcome|share|"
    r"advertis|cookie|privacy|home\b)|.*@"
)
"""Top lines that are buttons and banners, not the publication's name."""
_SITE_SUFFIX = re.compile(r"^(.{10,}?)\s+[|–—-]\s+([^|–—]{2,50})$")


def find_publisher(lines: list[Line], body_end: int, first_paragraph: str | None) -> str | None:
    """The publication the page names.

    In order of trust: "Originally published on X"; the masthead (a name at
    the very top that the footer or the copyright line repeats); the
    copyright holder; a wire agency in the dateline ("LONDON (Reuters) -").
    """
    for line in lines[max(0, body_end - 1) :] if body_end else lines:
        match = _SOURCE.match(line.text) if line.text[:1] in _SOURCE_INITIALS else None
        if match and len(match.group(1).split()) <= 6:
            return match.group(1).strip()
    holder = _copyright_holder(lines[body_end:] if body_end else lines)
    masthead = _masthead(lines, body_end, holder)
    if masthead:
        return masthead
    if holder:
        return holder
    if first_paragraph:
        match = _DATELINE_AGENCY.match(first_paragraph)
        if match:
            return match.group(1)
    return None


def _copyright_holder(lines: list[Line]) -> str | None:
    for line in lines:
        if not _COPYRIGHT_MARK.search(line.lower):
            continue
        match = _COPYRIGHT.search(line.text)
        if match:
            name = re.sub(
                r"\s*(?:all rights reserved|inc|ltd|llc|plc|gmbh|\d{4})\b.*$",
                "",
                match.group(1),
                flags=_I,
            ).strip(" -–—,")
            if (
                name
                and len(name.split()) <= 6
                and name[:1].isalpha()
                and not _NOT_A_NAME.match(name.lower())
            ):
                return name
    return None


def _masthead(lines: list[Line], body_end: int, holder: str | None) -> str | None:
    """The site's name as the page's first line, confirmed by the footer or the copyright line.

    Skip links ("Skip to content") come before it in a copy and are passed over.
    """
    holder_words = holder.split() if holder else []
    holder_key = " ".join(w.lower() for w in holder_words)
    tops = [line for line in lines[:MASTHEAD_LINES] if not line.lower.startswith("skip")][:1]
    for line in tops:
        if (
            not 1 <= line.words <= 5
            or line.lower in MENU_WORDS
            or line.chars > 40
            or any(ch.isdigit() for ch in line.text)
            or _NOT_A_NAME.match(line.lower)
        ):
            continue
        repeats = [
            other for other in lines[max(body_end, MASTHEAD_LINES) :] if other.key == line.key
        ]
        if repeats:
            return _best_casing([line, *repeats])
        bare = re.sub(r"^the ", "", line.key)
        if holder_key and (
            holder_key == line.key or holder_key.startswith(bare + " ") or holder_key == bare
        ):
            n = len(bare.split())
            if holder_key.startswith("the ") and not line.key.startswith("the "):
                n += 1
            return " ".join(holder_words[:n]) if line.text.isupper() else line.text
    return None


def _best_casing(candidates: list[Line]) -> str:
    mixed = [c.text for c in candidates if not c.text.isupper()]
    return mixed[0] if mixed else candidates[0].text


def split_site_name(headline: str, lines: list[Line]) -> tuple[str, str | None]:
    """ "Headline | Site Name" to the headline and the site, when the page names that site."""
    match = _SITE_SUFFIX.match(headline)
    if not match:
        return headline, None
    head, site = match.group(1).strip(), match.group(2).strip()
    key = " ".join(re.findall(r"\w+", site.lower()))
    if len(site.split()) <= 5 and any(line.key == key for line in lines):
        return head, site
    return headline, None
