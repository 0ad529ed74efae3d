"""Decide what a file is from its bytes, because extensions lie.

Saved pages come as .html, .htm, .php or no extension at all; scrapes as
.txt or nothing; some "articles" in a downloads folder are images or zips.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from reader.files import ARTICLE_SUFFIXES
from reader.model import Format

_BINARY_MAGIC: Final = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x7fELF",
    b"MZ",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"RIFF",
    b"OggS",
    b"fLaC",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"SQLite format 3",
    b"\xca\xfe\xba\xbe",
    b"wOFF",
    b"wOF2",
)
_BOMS: Final = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_HTML_OPENING = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title)\b", re.I)
_HTML_TAG = re.compile(rb"<(p|div|br|span|a|h[1-6]|article|section|body|li|table)\b[^<>]*>", re.I)
_FRONT_MATTER = re.compile(rb"^(\xef\xbb\xbf)?---\s*\r?\n")
_MD_MARKS = re.compile(
    rb"^(#{1,6} \S|[ \t]*[-*+] \S|[ \t]*\d+\. \S|> \S)|\[[^\[\]\n]+\]\([^()\n]+\)|\*\*\S", re.M
)
"""Markdown marks; no run may cross a newline or the next bracket, so 8 kB of them stay fast."""


def is_binary(head: bytes) -> bool:
    """True for images, archives, executables and other non-text bytes."""
    if head.startswith(_BOMS):
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    if not head:
        return False
    nuls = head.count(0)
    if nuls:
        # UTF-16 without a BOM has a NUL in every other byte; real binaries are denser.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        half = len(head) / 2
        if max(even, odd) > 0.3 * half and min(even, odd) < 0.05 * half:
            return False
        if nuls > max(16, len(head) // 100):
            return True
        # A few stray NULs (padding from a crashed editor or a broken copy) in otherwise
        # plain text: decoding drops them and the words survive.
    # ESC is left out: text saved from a terminal carries colour codes and is still text.
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return controls > max(16, len(head) * 0.05)


def sniff_format(head: bytes, path: str | Path = "") -> Format:
    """Which cleaner fits: the content decides, the extension breaks ties."""
    sample = _ascii_view(head)
    suffix = ARTICLE_SUFFIXES.get(Path(str(path)).suffix.lower())
    if _starts_like_html(sample):
        return "html"
    tags = len(_HTML_TAG.findall(sample))
    if suffix == "html" and tags:
        return "html"
    if tags >= 5:
        return "html"
    if suffix == "markdown":
        return "markdown"
    if _FRONT_MATTER.match(sample):
        return "markdown"
    if suffix == "text":
        return "text"
    if len(_MD_MARKS.findall(sample)) >= 3 and re.search(rb"^#{1,6} \S", sample, re.M):
        return "markdown"
    return "text"


def looks_like_article(head: bytes, path: str | Path) -> bool:
    """Whether a file found in a folder is worth offering as an article."""
    if is_binary(head):
        return False
    suffix = Path(str(path)).suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        return True
    if suffix:
        # Source code, data and config files are text but not articles.
        return bool(_starts_like_html(_ascii_view(head)))
    return bool(head.strip())


def _starts_like_html(sample: bytes) -> bool:
    """Whether the bytes open like a page: a doctype or head tag after any comments.

    Comments are skipped by hand: a regex with a repeated lazy comment group
    backtracks exponentially when a file opens with many comments and no tag
    (25 comments took seconds, 30 would take hours).
    """
    at = _skip_space(sample, 0)
    for bom in _BOMS:
        if sample.startswith(bom, at):
            at = _skip_space(sample, at + len(bom))
            break
    while sample.startswith(b"<!--", at):
        end = sample.find(b"-->", at + 4)
        if end < 0:
            return False
        at = _skip_space(sample, end + 3)
    return _HTML_OPENING.match(sample, at) is not None


def _skip_space(data: bytes, at: int) -> int:
    while at < len(data) and data[at] in b" \t\r\n\f\v":
        at += 1
    return at


def _ascii_view(head: bytes) -> bytes:
    """Drop UTF-16 NULs so byte patterns match whatever the encoding."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head.count(0) > len(head) // 4:
        return head.replace(b"\x00", b"")
    return head
