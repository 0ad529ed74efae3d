"""What reader remembers about each feed between fetches, in one JSON file in its data folder.

Per feed address: the folder its articles are saved in, its title, the
validators for a conditional request (ETag, Last-Modified), the ids and
links of entries already saved (so none is saved twice, even when a feed
changes an entry's id or link but not both) and the files saved, oldest
first (so the oldest make room when the feed's `keep` is reached).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from reader.config import Feed
from reader.safe_text import strip_controls
from reader.store.storage import atomic_write, load_json_state

FEEDS_DIR_NAME: Final = "feeds"
"""The folder, in reader's web folder, that holds a folder of saved articles per feed."""
SCHEMA_VERSION: Final = 1
MAX_SEEN: Final = 5000
"""Ids and links remembered per feed; an entry this old is long gone from any feed."""


@dataclass(slots=True)
class FeedMemory:
    folder: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Saved files, by name inside `folder`, oldest first."""

    def has_seen(self, entry_id: str | None, link: str | None) -> bool:
        return bool(entry_id and entry_id in self.ids) or bool(link and link in self.links)

    def remember(self, entry_id: str | None, link: str | None) -> None:
        if entry_id and entry_id not in self.ids:
            self.ids.append(entry_id)
            del self.ids[:-MAX_SEEN]
        if link and link not in self.links:
            self.links.append(link)
            del self.links[:-MAX_SEEN]

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "title": self.title,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "ids": self.ids,
            "links": self.links,
            "files": self.files,
        }

    @classmethod
    def from_json(cls, data: Any) -> FeedMemory | None:
        if not isinstance(data, dict) or not isinstance(data.get("folder"), str):
            return None

        def text(name: str) -> str | None:
            value = data.get(name)
            return value if isinstance(value, str) else None

        def texts(name: str) -> list[str]:
            value = data.get(name)
            return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

        folder = data["folder"]
        if not folder or "/" in folder or "\\" in folder or folder.startswith("."):
            return None
        return cls(
            folder,
            text("title"),
            text("etag"),
            text("last_modified"),
            texts("ids"),
            texts("links"),
            [f for f in texts("files") if "/" not in f and "\\" not in f and f[:1] != "."],
        )


class FeedStates:
    """Every feed's memory; thread-safe, and each change is written at once, atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._feeds: dict[str, FeedMemory] = {}
        self.lock = threading.RLock()
        """Held to change any feed's memory while another thread may be saving."""
        self.message: str | None = None

    @classmethod
    def load(cls, path: Path) -> FeedStates:
        states = cls(path)
        empty: dict[str, Any] = {}
        data, states.message = load_json_state(path, empty)
        feeds = data.get("feeds")
        for url, raw in feeds.items() if isinstance(feeds, dict) else ():
            memory = FeedMemory.from_json(raw)
            if memory is not None:
                states._feeds[url] = memory
        return states

    def get(self, url: str) -> FeedMemory | None:
        with self.lock:
            return self._feeds.get(url)

    def memory(self, url: str, folder_hint: str) -> FeedMemory:
        """The feed's memory, made with a folder of its own (from `folder_hint`) if new."""
        with self.lock:
            known = self._feeds.get(url)
            if known is not None:
                return known
            taken = {m.folder for m in self._feeds.values()}
            folder, number = folder_hint, 1
            while folder in taken:
                number += 1
                folder = f"{folder_hint}-{number}"
            self._feeds[url] = FeedMemory(folder)
            return self._feeds[url]

    def folders(self) -> dict[str, str]:
        """Folder name to feed address, for showing a folder of articles as its feed."""
        with self.lock:
            return {m.folder: url for url, m in self._feeds.items()}

    def save(self) -> None:
        with self.lock:
            data = {
                "version": SCHEMA_VERSION,
                "feeds": {url: m.to_json() for url, m in self._feeds.items()},
            }
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())


def feed_name(feed: Feed, states: FeedStates | None = None) -> str:
    """What to call a feed: its name in the config, its title, else its host."""
    memory = states.get(feed.url) if states else None
    title = memory.title if memory else None
    name = feed.name or title or urlsplit(feed.url).hostname or feed.url
    return " ".join(strip_controls(name).split())
