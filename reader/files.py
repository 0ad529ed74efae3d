"""Opening a user's files without a trace, and the names that mark an article.

Kept apart from `reader.clean` so that walking a library, which needs only these,
does not import the cleaners (their patterns take tens of milliseconds to compile)
before the app's first frame.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

SNIFF_BYTES: Final = 8192
"""How much of a file's start is read to tell what it is."""

ARTICLE_SUFFIXES: Final = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
}
"""Extensions trusted to be articles, with the format each usually holds."""


def open_quietly(path: str | bytes | Path, flags: int = os.O_RDONLY) -> int:
    """Open without updating the access time where the kernel allows it, never blocking.

    Reading an article must leave no trace on it (backups and "recently used"
    lists go by atime). O_NOATIME is only allowed on files we own, so others
    are opened plainly. O_NONBLOCK: a name swapped for a FIFO must not hang open().
    """
    flags |= getattr(os, "O_NONBLOCK", 0)
    noatime = getattr(os, "O_NOATIME", 0)
    if noatime:
        try:
            return os.open(path, flags | noatime)
        except PermissionError:
            pass
    return os.open(path, flags)
