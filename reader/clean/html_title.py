"""Headlines without the site name that pages append ("Rates rise | The Daily Post")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.clean.common import squash, text_key

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+|\s*\|\s*")
SITE_SLACK = 8
"""A segment containing a site name is that name only if little else is in it ("The Hill")."""
MAX_SITE_WORDS = 4
"""A trailing segment this short after a separator reads as a site name, not headline."""


def clean_title(raw: str, site_names: Iterable[str], h1: str = "") -> str:
    """`raw` with a leading or trailing site name removed.

    A segment is a site name when it matches a known site name, or when the
    page's own `<h1>` is the rest of the title. Failing both, a short last
    segment after " | " is dropped (pipes almost never occur inside headlines).
    """
    title = squash(raw)
    if not title:
        return squash(h1)
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
