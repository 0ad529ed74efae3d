"""From a path on disk to a cleaned `Article`: read safely, sniff, decode, clean, find quotes."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from operator import attrgetter
from pathlib import Path
from typing import Final

from reader.clean.common import squash, title_from_path
from reader.clean.decode import decode
from reader.clean.sniff import is_binary, sniff_format
from reader.files import SNIFF_BYTES, open_quietly
from reader.model import Article, Format, LoadError
from reader.safe_text import escape_name_bytes, strip_controls, visible

MAX_BYTES: Final = 32 * 1024 * 1024
"""Larger files are refused: no saved article is this big, and parsing one would stall.

Saved pages can be large (inline images as data: URLs, megabytes of scripts), so
the limit for them is generous; it also bounds memory, since no more is ever read.
"""
MAX_TEXT_BYTES: Final = 8 * 1024 * 1024
"""Text and Markdown articles are words only: a whole novel is 2-3 MB. A bigger file is a
log or a dump, and the line-based cleaners would spend minutes on it for nothing."""

MAX_PARAGRAPH_CHARS: Final = 20_000
"""Longer paragraphs (a whole page in one text node, a log) are split into pieces of at most
this many characters, at sentence ends where there are any: quotes are found and the reading
pane lays text out a paragraph at a time, and one unbroken 8 MB paragraph stalls both.
No written paragraph comes near it (3,000 words)."""

_FORMAT_NAMES: Final = {"html": "HTML", "text": "plain-text", "markdown": "Markdown"}


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """Read a regular file, refusing FIFOs, devices and oversized files with a clear reason."""
    name = os.fsdecode(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise LoadError(name, os_reason(error)) from None
    except ValueError:  # a NUL in the name: no file can have it
        raise LoadError(name, "not a valid file name (it holds a NUL character)") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(name, "not a regular file (pipe, socket or device)")
    if info.st_size > limit:
        raise LoadError(name, f"too large ({_megabytes(info.st_size)}; limit {_megabytes(limit)})")
    try:
        fd = open_quietly(path)
    except OSError as error:
        raise LoadError(name, os_reason(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LoadError(name, "not a regular file (pipe, socket or device)")
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(limit + 1)
    except OSError as error:
        raise LoadError(name, os_reason(error)) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise LoadError(name, f"too large (over {_megabytes(limit)})")
    return data


def os_reason(error: OSError) -> str:
    """What went wrong, in words, without the errno number or a repeated path."""
    if isinstance(error, FileNotFoundError):
        return "file not found (moved or deleted?)"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot read: {visible(error.strerror or type(error).__name__).lower()}"


_PLACE: Final = attrgetter("paragraph", "start")
"""Reading order: a quote inside a quote comes right after the one that holds it."""


def clean_bytes(data: bytes, path: str, fmt: Format | None = None) -> Article:
    """Clean already-read bytes; `path` is kept on the article as given. Raises only `LoadError`."""
    from reader.quotes import find_quotes

    if not data.strip():
        raise LoadError(path, "empty file")
    if is_binary(data[:SNIFF_BYTES]):
        raise LoadError(path, "not an article (binary data)")
    fmt = fmt or sniff_format(data[:SNIFF_BYTES], path)
    if fmt != "html" and len(data) > MAX_TEXT_BYTES:
        raise LoadError(
            path,
            f"too large for a {_FORMAT_NAMES[fmt]} article "
            f"({_megabytes(len(data))}; limit {_megabytes(MAX_TEXT_BYTES)})",
        )
    try:
        text = decode(data, html=fmt == "html")
        article = _cleaner(fmt)(text, path)
        _scrub(article)
        quotes, article.attributions, inner = find_quotes(article.paragraphs)
        article.quotes = sorted(quotes + inner, key=_PLACE) if inner else quotes
    except LoadError as error:
        raise LoadError(path, visible(error.reason)) from None
    except RecursionError:
        raise LoadError(path, "too deeply nested to clean") from None
    except MemoryError:
        raise LoadError(path, "too large to clean") from None
    except Exception as error:  # noqa: BLE001 - one bad file must never stop the others
        raise LoadError(path, f"could not clean this file ({_describe(error)})") from None
    if (
        not article.paragraphs
        and not article.summary
        and article.title in ("", "Untitled", title_from_path(path))
    ):
        raise LoadError(path, "no article text found")
    return article


def _scrub(article: Article) -> None:
    """Strip terminal controls again after cleaning, before quotes index the paragraphs.

    Decoding strips them from the bytes, but cleaners create text too: an HTML
    entity such as `&#27;` or `&#x202e;` becomes ESC or a bidi override only
    once the page is parsed, and a title may come from a file name. A
    paragraph that was nothing but controls goes, and heading indices follow.
    """
    from_name = escape_name_bytes(title_from_path(article.path))
    if squash(article.title) == squash(strip_controls(title_from_path(article.path))):
        article.title = from_name  # made from the file name: its undecodable bytes shown
    article.title = (
        strip_controls(article.title).strip() or strip_controls(from_name).strip() or "Untitled"
    )
    article.authors = [a for a in (strip_controls(a).strip() for a in article.authors) if a]
    for name in ("publisher", "section", "published", "url"):
        value = getattr(article, name)
        if value is not None:
            setattr(article, name, strip_controls(value).strip() or None)
    article.summary = [p for p in (strip_controls(point) for point in article.summary) if p.strip()]
    headings = set(article.headings)
    paragraphs: list[str] = []
    article.headings = []
    for index, paragraph in enumerate(article.paragraphs):
        paragraph = strip_controls(paragraph)
        if paragraph.strip():
            if index in headings:
                article.headings.append(len(paragraphs))
            paragraphs.extend(split_long(paragraph))
    article.paragraphs = paragraphs


def split_long(paragraph: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """`paragraph` as pieces of at most `limit` characters, all its text kept (only the spaces
    at the cuts go): each cut falls after the last sentence end before the limit, else after
    the last space, else at the limit."""
    pieces: list[str] = []
    start = 0
    while len(paragraph) - start > limit:
        end = start + limit
        cut = max(paragraph.rfind(mark, start, end) for mark in (". ", "? ", "! ", "\n"))
        if cut <= start:
            cut = paragraph.rfind(" ", start, end)
        cut = cut + 1 if cut > start else end
        pieces.append(paragraph[start:cut].strip())
        start = cut
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def _describe(error: Exception) -> str:
    """An exception as a short readable phrase: its kind and first line, never a traceback.

    Messages such as "'NoneType' object is not subscriptable" mean nothing to a
    reader; the kind alone still tells a developer where to look.
    """
    kind = type(error).__name__
    lines = str(error).strip().splitlines()
    message = visible(lines[0])[:200] if lines else ""
    if not message or "None" in message:
        return kind
    return f"{kind}: {message}"


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def load(path: str | Path) -> Article:
    """Read and clean one file; raises only `LoadError`."""
    name = os.fsdecode(path)
    return clean_bytes(read_bytes(path), name)


def _cleaner(fmt: Format) -> Callable[[str, str], Article]:
    if fmt == "html":
        from reader.clean.html import clean_html

        return clean_html
    if fmt == "markdown":
        from reader.clean.markdown import clean_markdown

        return clean_markdown
    from reader.clean.text import clean_text

    return clean_text
