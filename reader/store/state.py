"""What the user did while reading: read marks, bookmarks, scroll positions, last-used settings.

Articles are keyed by a BLAKE2b hash of the file's bytes, with the last
path seen kept as a hint. Why the raw bytes and not the cleaned title and
body: the key must not change when the cleaners improve (they will), it
needs no cleaning to compute, and it survives moving or renaming the file
or the folder. The path hint covers the other common case, a note edited
in place: its bytes change, its path does not, so the entry follows it.
Only a file both moved and edited at once starts fresh.

Saving is debounced and cheap: `save()` is a flag check when nothing
changed, so the UI can call it after every key press or on a timer, and
`flush()` once on exit. Writes are atomic (`reader.store.storage.atomic_write`).

Two readers may run on one library at once. Each remembers which fields of
which entries it changed since it last wrote; a write takes an exclusive
lock (`reader.store.storage.exclusive_lock`), re-reads the file, applies
only its own changes on top of what is there, and writes the result. So no
process erases another's read mark or bookmark, and a crash at any moment
still leaves the last complete file. SQLite would do the same job, but the
state is small, one JSON file is easy to inspect and repair by hand, and its
crash behaviour is already tested. Each write stamps the file with a random
generation, so a save re-reads the file only when another reader has written
since; alone, a save costs what it did before.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Final

from reader.config import MAX_WIDTH, MIN_WIDTH
from reader.model import Article, LoadError
from reader.store.storage import atomic_write, exclusive_lock, load_json_state, read_head

SCHEMA_VERSION: Final = 1
DEBOUNCE_SECONDS: Final = 2.0
MAX_ENTRIES: Final = 20_000
"""Beyond this many remembered articles, the least recently touched unbookmarked ones go."""
FORGET_EMPTY_AFTER: Final = 30 * 24 * 3600
"""A cleared entry is kept this long so a second running reader cannot resurrect it."""

SORTS: Final = ("path", "newest", "oldest", "title", "publisher", "read_time")
"""The orders the list can be sorted in."""
VIEWS: Final = ("all", "unread", "bookmarked")
"""Which articles the list shows."""

ArticleRef = Article | str | os.PathLike[str]
"""Anything naming an article file: the loaded `Article` or its path."""
Scroll = float | int
"""A float is a fraction of the article (0.0-1.0); an int is a line number."""


def content_key(data: bytes) -> str:
    """The state key for an article file's bytes: 128 bits of BLAKE2b, as hex."""
    import hashlib  # here: OpenSSL's start-up is not needed before the app's first frame

    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class Settings:
    """Choices the user made inside the app; None means "as the config file says"."""

    theme: str | None = None
    width: int | None = None
    sidebar: bool = True
    sort: str = "path"
    view: str = "all"

    def problems(self) -> list[str]:
        """What is invalid about these values, one message each."""
        found = []
        if self.theme is not None and (not isinstance(self.theme, str) or not self.theme):
            found.append("theme must be a non-empty name")
        if self.width is not None and (
            type(self.width) is not int or not MIN_WIDTH <= self.width <= MAX_WIDTH
        ):
            found.append(f"width must be a whole number from {MIN_WIDTH} to {MAX_WIDTH}")
        if type(self.sidebar) is not bool:
            found.append("sidebar must be true or false")
        if self.sort not in SORTS:
            found.append(f"sort must be one of {', '.join(SORTS)}")
        if self.view not in VIEWS:
            found.append(f"view must be one of {', '.join(VIEWS)}")
        return found

    @classmethod
    def from_json(cls, data: Any) -> tuple[Settings, int]:
        """Valid values from saved JSON, defaults for the rest; also how many were dropped."""
        settings, dropped = cls(), 0
        if not isinstance(data, dict):
            return settings, 0
        if "list_filter" in data and "view" not in data:
            data = {**data, "view": data["list_filter"]}  # the name state files used to have
        for item in fields(cls):
            if item.name in data:
                candidate = replace(settings, **{item.name: data[item.name]})
                if candidate.problems():
                    dropped += 1
                else:
                    settings = candidate
        return settings, dropped


@dataclass(slots=True)
class _Entry:
    path: str
    read: bool = False
    bookmarked: bool = False
    scroll: Scroll | None = None
    touched: float = field(default_factory=time.time)
    size: int | None = None
    """The file's size and mtime when last changed: an unchanged file needs no re-hashing."""
    mtime_ns: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.read or self.bookmarked or self.scroll)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "touched": round(self.touched, 3)}
        if self.read:
            data["read"] = True
        if self.bookmarked:
            data["bookmarked"] = True
        if self.scroll:
            data["scroll"] = self.scroll
        if self.size is not None:
            data["size"], data["mtime_ns"] = self.size, self.mtime_ns
        return data

    @classmethod
    def from_json(cls, data: Any) -> _Entry | None:
        if not isinstance(data, dict) or not isinstance(data.get("path"), str):
            return None
        read, bookmarked = data.get("read", False), data.get("bookmarked", False)
        scroll, touched = data.get("scroll"), data.get("touched", 0.0)
        if type(read) is not bool or type(bookmarked) is not bool:
            return None
        if scroll is not None and _valid_scroll(scroll) is None:
            return None
        if type(touched) not in (int, float):
            return None
        size, mtime_ns = data.get("size"), data.get("mtime_ns")
        if type(size) is not int or type(mtime_ns) is not int:
            size = mtime_ns = None  # only costs a re-hash
        return cls(data["path"], read, bookmarked, scroll, float(touched), size, mtime_ns)


_ENTRY_FIELDS: Final = ("path", "read", "bookmarked", "scroll", "size", "mtime_ns")
"""What a write copies from an entry this process created or moved."""


def _valid_scroll(position: Any) -> Scroll | None:
    if type(position) is float and 0.0 <= position <= 1.0:
        return position
    if type(position) is int and position >= 0:
        return position
    return None


class ReadingState:
    """Read marks, bookmarks, scroll positions and settings, persisted to one JSON file.

    Thread-safe: the UI may save from a worker while the main thread marks
    articles. Use `ReadingState.load()` to open the user's file.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        debounce: float = DEBOUNCE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if path is None:
            from reader.store.paths import state_file

            path = state_file()
        self.path = Path(path)
        self.debounce = debounce
        self.settings = Settings()
        self.last_error: str | None = None
        """Why a save failed (disk full, read-only folder), for the UI to show and clear; set
        again only when a later save fails for another reason, so it is shown once."""
        self.save_problem: str | None = None
        """Why the last save failed, None once one succeeds: what to tell the user at exit."""
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._by_path: dict[str, str] = {}
        self._sizes: set[int | None] = set()
        """Sizes of remembered files: a file of another size cannot have an entry."""
        self._keys: dict[str, tuple[tuple[int, int, int], str]] = {}
        self._dirty = False
        self._changes: dict[str, set[str]] = {}
        """Key to the names of the fields changed here since the last write: what a
        write applies on top of the file, which other readers may have changed."""
        self._moved: set[str] = set()
        """Keys this process moved an entry away from (a file edited in place)."""
        self._settings_changed = False
        self._generation: str | None = None
        """The stamp of the file as this process last read or wrote it."""
        self._last_write = float("-inf")
        self._lock = threading.RLock()

    # Loading and saving

    @classmethod
    def load(
        cls, path: str | os.PathLike[str] | None = None, **options: Any
    ) -> tuple[ReadingState, list[str]]:
        """Open the state file; damage is moved aside and reported, never raised."""
        state = cls(path, **options)
        messages = state._read_disk(merge=False)
        return state, messages

    def _read_disk(self, merge: bool) -> list[str]:
        """Load the file; with `merge`, keep this process's unsaved changes on top of it."""
        data, message = load_json_state(self.path, dict[str, Any]())
        messages = [message] if message else []
        generation = data.get("generation")
        self._generation = generation if isinstance(generation, str) else None
        raw_entries = data.get("articles", {})
        dropped = 0 if isinstance(raw_entries, dict) else 1
        entries: dict[str, _Entry] = {}
        for key, raw in raw_entries.items() if isinstance(raw_entries, dict) else ():
            entry = _Entry.from_json(raw)
            if entry is None or not isinstance(key, str):
                dropped += 1
            else:
                entries[key] = entry
        settings, bad = Settings.from_json(data.get("settings", {}))
        if merge:
            self._apply_changes(entries)
        else:
            dropped += bad
        if not (merge and self._settings_changed):
            self.settings = settings
        self._entries = entries
        self._reindex()
        if dropped:
            messages.append(
                f"{self.path.name}: ignored {dropped} damaged entr{'y' if dropped == 1 else 'ies'}."
            )
        return messages

    def _apply_changes(self, entries: dict[str, _Entry]) -> None:
        """Put the fields this process changed onto `entries`, as read from the file."""
        for key in self._moved - self._changes.keys():
            entries.pop(key, None)
        for key, names in self._changes.items():
            mine, theirs = self._entries.get(key), entries.get(key)
            if mine is None:  # pruned here since
                continue
            if theirs is None:
                entries[key] = replace(mine)
                continue
            for name in names:
                setattr(theirs, name, getattr(mine, name))
            theirs.touched = max(theirs.touched, mine.touched)

    def _reindex(self) -> None:
        self._by_path = {}
        for key, entry in sorted(self._entries.items(), key=lambda item: item[1].touched):
            self._by_path[entry.path] = key
        self._sizes = {entry.size for entry in self._entries.values()}

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet on disk."""
        return self._dirty

    def save(self) -> bool:
        """Write pending changes unless the last write was under `debounce` seconds ago.

        Returns whether it wrote. Costs one flag check when nothing changed.
        A debounced change stays pending: call `save()` again later (a timer
        does) and `flush()` on exit. Failures land in `last_error`.
        """
        if not self._dirty:
            return False
        with self._lock:
            if self._clock() - self._last_write < self.debounce:
                return False
            return self._write()

    def flush(self) -> bool:
        """Write pending changes now, ignoring the debounce (on exit, on suspend)."""
        if not self._dirty:
            return False
        with self._lock:
            return self._write()

    def _write(self) -> bool:
        if not self._dirty:
            return False
        try:
            with exclusive_lock(self.path):
                if _generation_on_disk(self.path) != self._generation:
                    # Another running reader saved since: re-read, keep its changes.
                    self._read_disk(merge=True)
                self._prune()
                generation = os.urandom(8).hex()
                payload = {
                    "version": SCHEMA_VERSION,
                    "generation": generation,  # first, so that a peek at the head finds it
                    "settings": asdict(self.settings),
                    "articles": {
                        key: entry.to_json() for key, entry in sorted(self._entries.items())
                    },
                }
                # ASCII escapes keep a name that is not UTF-8 (lone surrogates) round-tripping.
                data = json.dumps(payload, ensure_ascii=True, separators=(",", ":"))
                atomic_write(self.path, data.encode("ascii"), mode=0o600)  # history is private
        except OSError as error:
            problem = f"Could not save reading state to {self.path}: {error.strerror or error}"
            if problem != self.save_problem:
                self.last_error = self.save_problem = problem
            self._last_write = self._clock()
            return False
        self.last_error = self.save_problem = None
        self._generation = generation
        self._last_write = self._clock()
        self._dirty = self._settings_changed = False
        self._changes, self._moved = {}, set()
        return True

    def _prune(self) -> None:
        now = time.time()
        for key in [
            k for k, e in self._entries.items() if e.empty and now - e.touched > FORGET_EMPTY_AFTER
        ]:
            del self._entries[key]
        excess = len(self._entries) - MAX_ENTRIES
        if excess > 0:
            oldest = sorted((e.touched, k) for k, e in self._entries.items() if not e.bookmarked)
            for _, key in oldest[:excess]:
                del self._entries[key]
        self._reindex()

    # Keys

    def _key_for(self, name: str, signature: tuple[int, int, int] | None) -> str:
        """The content key of an article file; re-hashed only when the file changed on disk."""
        cached = self._keys.get(name)
        if cached and signature is not None and cached[0] == signature:
            return cached[1]
        from reader.clean import read_bytes

        key = content_key(read_bytes(name))
        if signature is not None:
            self._keys[name] = (signature, key)
        return key

    def _find(
        self, article: ArticleRef, need_key: bool = False
    ) -> tuple[str | None, _Entry | None, os.stat_result | None]:
        """The entry for an article: by content, else by path (a file edited in place).

        Hashing is skipped when a stat settles it: the file is unchanged
        since its entry was written, or no remembered file has its size.
        So listing a large library costs one stat per article.
        """
        name = _path_of(article)
        try:
            info = os.stat(name)
        except OSError:
            info = None
        path_key = self._by_path.get(name)
        path_entry = self._entries.get(path_key) if path_key else None
        if (
            info is not None
            and path_entry is not None
            and path_key is not None
            and (path_entry.size, path_entry.mtime_ns) == (info.st_size, info.st_mtime_ns)
        ):
            return path_key, path_entry, info
        if (
            not need_key
            and path_entry is None
            and info is not None
            and None not in self._sizes
            and info.st_size not in self._sizes
        ):
            return None, None, info
        key = self._key_for(name, _stat_signature(info))
        entry = self._entries.get(key)
        return key, (entry if entry is not None else path_entry), info

    def _entry_for_change(self, article: ArticleRef) -> tuple[str, _Entry]:
        """The entry to change and its key, moved to the current key and path, created if new."""
        name = _path_of(article)
        key, entry, info = self._find(article, need_key=True)
        assert key is not None  # need_key hashes or raises LoadError
        if entry is None:
            entry = _Entry(name)  # a write adds it whole, or only the changed field if
            # another reader added it meanwhile
        elif self._entries.get(key) is not entry:
            old_key = self._by_path.get(name, "")
            self._entries.pop(old_key, None)
            self._moved.add(old_key)
            self._changes.setdefault(key, set()).update(_ENTRY_FIELDS)
        self._entries[key] = entry
        if entry.path != name:
            self._by_path.pop(entry.path, None)
            entry.path = name
        self._by_path[name] = key
        if info is not None:
            entry.size, entry.mtime_ns = info.st_size, info.st_mtime_ns
            self._sizes.add(info.st_size)
        return key, entry

    def _changed(self, key: str, entry: _Entry, name: str) -> None:
        entry.touched = max(time.time(), entry.touched + 0.001)
        self._changes.setdefault(key, set()).update((name, "path", "size", "mtime_ns"))
        self._dirty = True

    # Read marks, bookmarks, scroll

    def is_read(self, article: ArticleRef) -> bool:
        return bool(self._query(article, "read", False))

    def mark_read(self, article: ArticleRef, read: bool = True) -> None:
        """Mark an article read (or unread with `read=False`)."""
        with self._lock:
            key, entry = self._entry_for_change(article)
            if entry.read != read:
                entry.read = read
                self._changed(key, entry, "read")

    def marks(self, article: ArticleRef) -> tuple[bool, bool]:
        """(read, bookmarked) with one lookup, for filling a list of thousands."""
        try:
            _, entry, _ = self._find(article)
        except LoadError:
            return False, False
        return (entry.read, entry.bookmarked) if entry else (False, False)

    def is_bookmarked(self, article: ArticleRef) -> bool:
        return bool(self._query(article, "bookmarked", False))

    def toggle_bookmark(self, article: ArticleRef) -> bool:
        """Flip the bookmark; returns whether the article is bookmarked now."""
        with self._lock:
            key, entry = self._entry_for_change(article)
            entry.bookmarked = not entry.bookmarked
            self._changed(key, entry, "bookmarked")
            return entry.bookmarked

    def scroll_for(self, article: ArticleRef) -> Scroll | None:
        """Where the user left off: a fraction (float) or line (int); None for the top."""
        scroll: Scroll | None = self._query(article, "scroll", None)
        return scroll

    def set_scroll(self, article: ArticleRef, position: Scroll) -> None:
        """Remember where the user is; the top (0) forgets it. Repeats cost nothing."""
        if type(position) is float:
            position = min(1.0, max(0.0, position))
        if _valid_scroll(position) is None:
            raise ValueError(f"scroll position must be a fraction 0-1 or a line >= 0: {position!r}")
        wanted = position or None
        with self._lock:
            _, entry, _ = self._find(article)
            stored = entry.scroll if entry else None
            if stored == wanted and type(stored) is type(wanted):
                return
            key, entry = self._entry_for_change(article)
            entry.scroll = wanted
            self._changed(key, entry, "scroll")

    def _query(self, article: ArticleRef, name: str, default: Any) -> Any:
        try:
            _, entry, _ = self._find(article)
        except LoadError:  # a vanished or unreadable file simply has no state
            return default
        return getattr(entry, name) if entry else default

    def bookmarks(self) -> list[str]:
        """Last known paths of bookmarked articles, most recently touched first."""
        with self._lock:
            marked = [e for e in self._entries.values() if e.bookmarked]
        return [e.path for e in sorted(marked, key=lambda e: e.touched, reverse=True)]

    # Settings

    def update_settings(self, **changes: Any) -> Settings:
        """Change settings by name; invalid values raise ValueError and change nothing."""
        unknown = set(changes) - {f.name for f in fields(Settings)}
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        with self._lock:
            updated = replace(self.settings, **changes)
            problems = updated.problems()
            if problems:
                raise ValueError("; ".join(problems))
            if updated != self.settings:
                self.settings = updated
                self._dirty = self._settings_changed = True
            return updated


_GENERATION = re.compile(rb'^\{"version":\d+,"generation":"([0-9a-f]+)"')


def _generation_on_disk(path: Path) -> str | None:
    """The stamp at the head of the state file; None if it has none or cannot be read."""
    try:
        head = read_head(path, 128)
    except OSError:
        return None
    found = _GENERATION.match(head)
    return found.group(1).decode("ascii") if found else None


def _path_of(article: ArticleRef) -> str:
    name = article.path if isinstance(article, Article) else os.fspath(article)
    return os.path.abspath(name)


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        return _stat_signature(path.stat())
    except OSError:
        return None


def _stat_signature(info: os.stat_result | None) -> tuple[int, int, int] | None:
    return None if info is None else (info.st_ino, info.st_size, info.st_mtime_ns)
