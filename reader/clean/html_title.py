"""Headlines without the site name that pages append ("Rates rise | The Daily Post")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.clean.common import squash, text_key

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+|\s*\|\s*")
SITE_SLACK = 8
"""A segment containing a site name is that name only if little else is in it ("The Hill")."""
MAX_SITE_WORDS = 4
MIN_HEADING_KEY = 12
"""Letters a heading needs to be taken for the headline inside a title."""
_PART = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/)\s+|\s*\|\s*|:\s+")
"""A trailing segment this short after a separator reads as a site name, not headline."""


def clean_title(
    raw: str, site_names: Iterable[str], h1: str = "", headings: Iterable[str] = ()
) -> str:
    """`raw` with a leading or trailing site name removed.

    A page heading that is the title less a leading or trailing part is the
    headline ("Blog name: <h3>"). Otherwise a segment is a site name when it
    matches a known site name, or when the page's own `<h1>` is the rest of
    the title; failing both, a short last segment after " | " is dropped
    (pipes almost never occur inside headlines).
    """
    title = squash(raw)
    if not title:
        return squash(h1)
    heading = _heading_in_title(title, headings)
    if heading:
        return squash(heading)
    parts = _SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    sites = {text_key(name) for name in site_names if text_key(name)}
    h1_key = text_key(h1)
    if h1_key and h1_key != text_key(title) and h1_key in text_key(title):
        return squash(h1)
    while len(parts) > 1 and _is_site(parts[-1], sites):
        parts.pop()
    while len(parts) > 1 and _is_site(parts[0], sites):
        parts.pop(0)
    if (
        len(parts) > 1
        and " | " in title
        and len(parts[-1].split()) <= MAX_SITE_WORDS
        and len(" ".join(parts[:-1]).split()) > len(parts[-1].split())
    ):
        parts.pop()
    separators = _SEPARATOR.findall(title)
    kept = parts[0]
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    if start >= 0 and end > start and separators:
        kept = title[start:end]
    return squash(kept)


def _heading_in_title(title: str, headings: Iterable[str]) -> str | None:
    """The longest heading of the page that is the title less a leading or trailing part.

    A blog's post title is often an h2 or h3 below the site's own h1, and its
    page title reads "Site: Post" or "Post « Site".
    """
    parts = [key for part in _PART.split(title) if (key := text_key(part))]
    if len(parts) < 2:
        return None
    runs = {"".join(parts[:n]) for n in range(1, len(parts))}
    runs |= {"".join(parts[n:]) for n in range(1, len(parts))}
    found = [h for h in headings if len(text_key(h)) >= MIN_HEADING_KEY and text_key(h) in runs]
    return max(found, key=len, default=None)


def _is_site(part: str, sites: set[str]) -> bool:
    key = text_key(part)
    if not key:
        return True
    return any(
        key == site
        or (
            len(site) > 3
            and (
                (len(key) > 3 and key in site)
                or (site in key and len(key) <= len(site) + SITE_SLACK)
            )
        )
        for site in sites
    )
