"""From what the user typed to articles: expand paths, skip non-articles, load each safely."""

from __future__ import annotations

import glob
import itertools
import os
import stat
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from reader.files import ARTICLE_SUFFIXES, SNIFF_BYTES, open_quietly
from reader.model import Article, LoadError
from reader.safe_text import visible

if TYPE_CHECKING:  # the cache (SQLite) is imported by the loading worker, not at start-up
    from reader.store.cache import ArticleCache, ArticleSummary

_GLOB_CHARS = set("*?[")
FIRST_ROWS: Final = 50
"""A screenful of list rows at any terminal size: listed before the rest is walked."""
FIRST_ROWS_HEAD_START: Final = 0.2
"""Seconds the command waits for `FirstRows` before importing the app (see `cli`)."""


@dataclass(slots=True)
class Scan:
    """What a set of paths expanded to."""

    files: list[str] = field(default_factory=list)
    skipped: int = 0
    """Files inside folders that were not articles (binaries, code, data)."""
    missing: list[str] = field(default_factory=list)
    """Paths the user gave that do not exist."""
    missing_at: list[int] = field(default_factory=list)
    """For each missing path, how many files came before it, to report it in argument order."""
    outside: int = 0
    """Links inside the opened folders that lead out of every path the user named: skipped,
    so that a folder from elsewhere cannot make reader show /etc/passwd or a private file."""

    def outside_message(self) -> str | None:
        """What to tell the user about links that were skipped, if any were."""
        if not self.outside:
            return None
        links = "1 link" if self.outside == 1 else f"{self.outside:,} links"
        return f"Skipped {links} leading outside the opened folders (open the target itself)."


def bundled_samples() -> Path:
    """The sample articles shipped inside the package."""
    return Path(__file__).resolve().parent / "sample_articles"


def scan(paths: Iterable[str | os.PathLike[str]]) -> Scan:
    """Expand files, folders (recursively, sorted) and globs, in argument order."""
    result = Scan()
    result.files.extend(iter_scan(paths, result))
    return result


def iter_scan(paths: Iterable[str | os.PathLike[str]], result: Scan | None = None) -> Iterator[str]:
    """Yield article files as they are found, counting skipped and missing ones in `result`.

    Lazy, so the app can paint before a big folder has been walked, and the
    command can tell "no articles found" after finding just one.
    """
    result = result if result is not None else Scan()
    seen: set[str] = set()
    found = 0
    given_paths = [os.fsdecode(raw) for raw in paths]
    roots = [os.path.realpath(os.path.expanduser(given)) for given in given_paths]
    for given in given_paths:
        if os.path.lexists(given):
            targets = [given]
        elif _GLOB_CHARS & set(given):
            targets = sorted(glob.glob(os.path.expanduser(given), recursive=True))
        elif os.path.lexists(os.path.expanduser(given)):
            targets = [os.path.expanduser(given)]
        else:
            targets = []
        if not targets:
            result.missing.append(given)
            result.missing_at.append(found)
            continue
        for target in targets:
            walked = _walk(target, roots) if os.path.isdir(target) else [(target, "article")]
            for name, kind in walked:
                if kind == "outside":
                    result.outside += 1
                elif kind != "article":
                    result.skipped += 1
                elif name not in seen:
                    seen.add(name)
                    found += 1
                    yield name


def missing_paths(paths: Iterable[str]) -> list[str]:
    """The given paths that exist neither as written nor as a glob with matches."""
    missing = []
    for given in paths:
        if os.path.lexists(given) or os.path.lexists(os.path.expanduser(given)):
            continue
        if _GLOB_CHARS & set(given) and glob.glob(os.path.expanduser(given), recursive=True):
            continue
        missing.append(given)
    return missing


def _walk(top: str, roots: list[str]) -> Iterator[tuple[str, str]]:
    """Files under `top` in sorted path order, each with its kind: "article", "skipped" or
    "outside" (a link leading out of every one of `roots`, the real paths the user named).
    Links to folders inside them are followed, never in a loop."""
    visited: set[tuple[int, int]] = set()

    def visit(folder: str) -> Iterator[tuple[str, str]]:
        try:
            info = os.stat(folder)
        except OSError:
            return
        key = (info.st_dev, info.st_ino)
        if key in visited:
            return
        visited.add(key)
        try:
            # Listed through a descriptor opened with O_NOATIME: scanning leaves no trace.
            fd = open_quietly(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            return
        try:
            # Kinds are read while the descriptor is open: for links they need a stat via it.
            with os.scandir(fd) as entries:
                children = sorted(
                    (entry.name, _kind(entry), _is_link(entry))
                    for entry in entries
                    if not entry.name.startswith(".")
                )
        except OSError:
            return
        finally:
            os.close(fd)
        for name, kind, link in children:
            path = os.path.join(folder, name)
            if link and kind != "other" and not _inside(os.path.realpath(path), roots):
                yield path, "outside"
            elif kind == "folder":
                yield from visit(path)
            else:
                # A pipe, socket, device or dangling link is skipped, never opened.
                yield path, "article" if kind == "file" and _is_article_file(path) else "skipped"

    yield from visit(top)


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _inside(real: str, roots: list[str]) -> bool:
    """Whether a resolved path is one of `roots` or lies under one of them."""
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _kind(entry: os.DirEntry[str]) -> str:
    try:
        if entry.is_dir():
            return "folder"
        return "file" if entry.is_file() else "other"
    except OSError:
        return "other"


def _is_article_file(path: str) -> bool:
    """Cheap for the usual case: a known extension is trusted until it is loaded."""
    if os.path.splitext(path)[1].lower() in ARTICLE_SUFFIXES:
        return True
    try:
        fd = open_quietly(path)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, SNIFF_BYTES)
    except OSError:
        return False
    finally:
        os.close(fd)
    from reader.clean.sniff import looks_like_article  # the cleaners: not before the app is up

    return looks_like_article(head, path)


def load_all(files: Iterable[str]) -> Iterator[Article | LoadError]:
    """Load each file in order; a failure is yielded, never raised, so the rest still load."""
    from reader.clean import load

    for name in files:
        try:
            yield load(name)
        except LoadError as error:
            yield error


@dataclass(slots=True)
class Entry:
    """One row of the library: what the list shows, or the reason the file failed.

    The body is not kept here: `article` holds the cleaned article only while it
    is open, so a library of thousands costs only its list rows in memory.
    """

    path: str
    summary: ArticleSummary | None = None
    error: str | None = None
    read: bool = False
    """Opened before, in this run or an earlier one."""
    bookmarked: bool = False
    article: Article | None = None
    _search_key: str | None = field(default=None, repr=False, compare=False)
    _name: str | None = field(default=None, repr=False, compare=False)
    """The file name as shown while the entry is loading, made once."""

    @classmethod
    def from_result(cls, result: ArticleSummary | Article | LoadError) -> Entry:
        if isinstance(result, LoadError):
            return cls(result.path, error=result.reason)
        if isinstance(result, Article):
            from reader.store.cache import ArticleSummary

            return cls(result.path, summary=ArticleSummary.of(result), article=result)
        return cls(result.path, summary=result)

    @property
    def loading(self) -> bool:
        """Listed by its file name, not cleaned yet: no title, source or failure known."""
        return self.summary is None and self.error is None

    @property
    def title(self) -> str:
        if self.summary is not None:
            return self.summary.title
        if self._name is None:
            self._name = visible(os.path.basename(self.path) or self.path)
        return self._name

    @property
    def source(self) -> str:
        """The publisher, else the authors: what a reader recognises a story by."""
        if self.summary is None:
            return ""
        return self.summary.publisher or ", ".join(self.summary.authors)

    @property
    def search_key(self) -> str:
        """Title, file name, authors and publisher, case-folded once, for the list filter."""
        if self._search_key is None:
            parts = [self.title, os.path.basename(self.path)]
            if self.summary is not None:
                parts += self.summary.authors
                parts.append(self.summary.publisher or "")
            self._search_key = "\n".join(parts).casefold()
        return self._search_key


class FirstRows:
    """The first screenful of a library, found and looked up in the cache on a thread of its
    own as the command starts, so the app's first frame can list it.

    The command waits for it, up to a point, before importing the app (see `cli`): a disk
    or a cache that is slow to answer delays the rows, not the app. Files the cache cannot
    answer for are not cleaned here: the app lists them by name and its loading worker
    cleans them.
    """

    def __init__(self, paths: list[str], count: int, cache: ArticleCache | None = None) -> None:
        self.found = Scan()
        self.walk = iter_scan(paths, self.found)
        """The rest of the walk, for whoever takes these rows over."""
        self.files: list[str] = []
        self.known: list[ArticleSummary | LoadError | None] = []
        """Per file in `files`, its list entry from the cache, or None if it must be cleaned."""
        self.cache = cache
        """The cache given, else the one opened here (`ArticleCache.open`)."""
        self.error: BaseException | None = None
        self.listed = False
        """Whether the app has listed these rows."""
        self._count = count
        self._done = threading.Event()

    def start(self) -> FirstRows:
        """Run on a thread of its own; `wait` tells when it is done."""
        threading.Thread(target=self.run, name="reader-first-rows", daemon=True).start()
        return self

    def run(self) -> None:
        try:
            from reader.store.cache import ArticleCache, look_up

            self.files = list(itertools.islice(self.walk, self._count))
            if self.cache is None:
                self.cache = ArticleCache.open()
            self.known = look_up(self.files, self.cache)
        except BaseException as error:  # handed to whoever takes the rows over
            self.error = error
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the rows are ready, after waiting up to `timeout` seconds for them."""
        return self._done.wait(timeout)


def fetch_article(path: str, cache: ArticleCache) -> Article | LoadError:
    """The whole article for a row being opened: from the cache, else cleaned now and stored."""
    from reader.store.cache import load_cached

    for item in load_cached([path], cache):
        return item
    return LoadError(path, "could not be read")
