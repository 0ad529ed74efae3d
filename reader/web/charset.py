"""A fetched page's encoding, from its headers and its bytes, written where a saved file keeps it.

A file on disk has no HTTP headers, so the charset the server sent would be
lost with them. The saved copy therefore starts with two lines in ASCII,
the way browsers save pages: a comment naming the address and a meta
charset naming the encoding chosen here; the page's own bytes follow
untouched (UTF-16 pages aside, which are re-encoded as UTF-8 since an
ASCII preamble cannot come before them).

Order of trust: a byte-order mark; then bytes that are valid UTF-8 and use
it (a page in a single-byte code page almost never forms valid multi-byte
sequences, while servers and templates that say Latin-1 about UTF-8 pages
are common); then the header's charset, then the page's meta charset, each
only if the bytes decode with it; otherwise the cleaner's own detection,
declared so that a wrong meta charset in the page cannot override it.
"""

from __future__ import annotations

import codecs
from html import escape
from typing import Final
from urllib.parse import quote

from reader.clean.decode import META_CHARSET, detect_encoding, known_encoding

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_URL_SAFE: Final = ":/?#[]@!$&'()*+,;=%~"
"""Characters left as they are in a saved address; others (spaces, `<>"`) are %-escaped."""


def page_charset(body: bytes, declared: str | None) -> str:
    """The encoding to read `body` with."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if _uses_utf8(body):
        return "utf-8"
    meta = META_CHARSET.search(body[:4096])
    labels = [declared, meta.group(1).decode("ascii", "ignore") if meta else None]
    for label in labels:
        known = known_encoding(label) if label else None
        if known and not known.startswith(("utf-16", "utf-32")) and _decodes(body, known):
            return known
    return detect_encoding(body)


def saved_page(
    body: bytes,
    url: str,
    declared: str | None,
    publisher: str | None = None,
    published: str | None = None,
) -> bytes:
    """The bytes to keep for a fetched page: an ASCII preamble, then the page as fetched.

    `publisher` (a feed's name) and `published` (the feed entry's date) are declared
    only for pages that give none themselves.
    """
    charset = page_charset(body, declared)
    for bom, _ in _BOMS:
        if body.startswith(bom):
            body = body[len(bom) :]
            break
    if charset.startswith(("utf-16", "utf-32")):
        body = body.decode(charset, errors="replace").encode("utf-8")
        charset = "utf-8"
    address = quote(url, safe=_URL_SAFE)
    lines = [f"<!-- saved from url=({len(address):04d}){address} -->"] if address else []
    lines.append(f'<meta charset="{charset}">')
    if publisher:
        lines.append(f'<meta property="og:site_name" content="{_ascii_attribute(publisher)}">')
    if published:
        date = _ascii_attribute(published)
        lines.append(f'<meta property="article:published_time" content="{date}">')
    return ("\n".join(lines) + "\n").encode("ascii") + body


def _uses_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decodes(body: bytes, name: str) -> bool:
    try:
        body.decode(name)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _ascii_attribute(text: str) -> str:
    """An attribute value in ASCII whatever the page's encoding: non-ASCII as references."""
    return escape(text, quote=True).encode("ascii", "xmlcharrefreplace").decode("ascii")
