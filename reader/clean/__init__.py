"""From a path on disk to a cleaned `Article`: read safely, sniff, decode, clean, find quotes."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

from reader.clean.decode import decode
from reader.clean.sniff import SNIFF_BYTES, is_binary, sniff_format
from reader.model import Article, Format, LoadError

MAX_BYTES: Final = 32 * 1024 * 1024
"""Larger files are refused: no saved article is this big, and parsing one would stall."""


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """Read a regular file, refusing FIFOs, devices and oversized files with a clear reason."""
    name = os.fsdecode(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise LoadError(name, "file not found (moved or deleted?)") from None
    except PermissionError:
        raise LoadError(name, "permission denied") from None
    except OSError as error:
        raise LoadError(name, f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(name, "not a regular file (pipe, socket or device)")
    if info.st_size > limit:
        raise LoadError(name, f"too large ({info.st_size / 2**20:.0f} MB; limit "
                              f"{limit / 2**20:.0f} MB)")
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO after stat, open must not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOATIME", 0))
    except PermissionError:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except PermissionError:
            raise LoadError(name, "permission denied") from None
        except OSError as error:
            raise LoadError(name, f"cannot read: {error.strerror or error}") from None
    except FileNotFoundError:
        raise LoadError(name, "file not found (moved or deleted?)") from None
    except OSError as error:
        raise LoadError(name, f"cannot read: {error.strerror or error}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LoadError(name, "not a regular file (pipe, socket or device)")
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(limit + 1)
    except OSError as error:
        raise LoadError(name, f"cannot read: {error.strerror or error}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise LoadError(name, f"too large (over {limit / 2**20:.0f} MB)")
    return data


def clean_bytes(data: bytes, path: str, fmt: Format | None = None) -> Article:
    """Clean already-read bytes; `path` is kept on the article as given."""
    from reader.quotes import find_quotes

    if not data.strip():
        raise LoadError(path, "empty file")
    if is_binary(data[:SNIFF_BYTES]):
        raise LoadError(path, "not an article (binary data)")
    fmt = fmt or sniff_format(data[:SNIFF_BYTES], path)
    try:
        text = decode(data, html=fmt == "html")
        article = _cleaner(fmt)(text, path)
        article.quotes, article.attributions = find_quotes(article.paragraphs)
    except LoadError:
        raise
    except RecursionError:
        raise LoadError(path, "too deeply nested to clean") from None
    except MemoryError:
        raise LoadError(path, "too large to clean") from None
    except Exception as error:  # noqa: BLE001 - one bad file must never stop the others
        raise LoadError(path, f"could not clean this file ({type(error).__name__}: {error})") from None
    if not article.paragraphs and not article.title:
        raise LoadError(path, "no article text found")
    return article


def load(path: str | Path) -> Article:
    """Read and clean one file; raises only `LoadError`."""
    name = os.fsdecode(path)
    return clean_bytes(read_bytes(path), name)


def _cleaner(fmt: Format):
    if fmt == "html":
        from reader.clean.html import clean_html

        return clean_html
    if fmt == "markdown":
        from reader.clean.markdown import clean_markdown

        return clean_markdown
    from reader.clean.text import clean_text

    return clean_text
