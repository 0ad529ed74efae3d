"""Loading articles off the UI thread and handing them to the list in batches."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from textual.widget import Widget
from textual.worker import get_current_worker

from reader.library import Entry, Scan, iter_scan
from reader.store.state import ReadingState
from reader.ui.article_list import ArticleList
from reader.ui.wording import plural

if TYPE_CHECKING:  # SQLite is imported by the loading worker, off the start-up path
    from reader.store.cache import ArticleCache

BATCH_SECONDS: Final = 0.05
"""How often the loading worker hands finished articles to the list."""
FIRST_ROWS: Final = 50
"""A screenful of rows at any terminal size: listed before the rest of a folder is walked."""
FIRST_WAIT_SECONDS: Final = 0.02
"""The first rows go to the list once there is a screenful or this long has passed: from
the cache a screenful takes a few milliseconds, cleaning files one by one far longer."""


@dataclass(slots=True)
class LoadCounts:
    """What the loads so far found: files to read, read, failed, and skipped as not articles."""

    total: int = 0
    loaded: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def done(self) -> bool:
        return self.loaded >= self.total


class Loader:
    """Finds and cleans files in a thread worker; the list receives them as they finish.

    `on_progress` is called on the UI thread whenever the counts change.
    """

    def __init__(
        self,
        node: Widget,
        articles: ArticleList,
        state: ReadingState,
        cache: ArticleCache | None,
        on_progress: Callable[[], None],
    ) -> None:
        self.node = node
        """Where the workers run: they end with it."""
        self.articles = articles
        self.state = state
        self.cache = cache
        self.counts = LoadCounts()
        self.on_progress = on_progress
        self.pending = 0
        """Loads asked for and not yet finished; see `wait_until_loaded`."""
        self._cache_lock = threading.Lock()

    def load(self, paths: list[str], only_new: bool = False) -> None:
        """Start loading `paths`; `only_new`: a rescan, skipping files already listed."""
        self.pending += 1
        self.node.run_worker(
            lambda: self._run(paths, only_new), thread=True, group="load", exit_on_error=True
        )

    def expect(self) -> None:
        """Count a load that is about to start, so `wait_until_loaded` waits for it."""
        self.pending += 1

    def start_expected(self, paths: list[str]) -> None:
        """Start the load counted by `expect`."""
        self.pending -= 1
        self.load(paths)

    async def wait_until_loaded(self) -> None:
        """For tests and benchmarks: return once every requested load has reached the list."""
        while self.pending:
            await asyncio.sleep(0.01)
        await self.node.workers.wait_for_complete()

    def _run(self, paths: list[str], only_new: bool) -> None:
        app = self.node.app
        try:
            self._load(paths, only_new)
        finally:
            app.call_from_thread(self._finished)

    def _finished(self) -> None:
        self.pending -= 1
        self.on_progress()

    def _load(self, paths: list[str], only_new: bool) -> None:
        app = self.node.app
        found = Scan()
        walk = iter_scan(paths, found)
        first: list[str] = []
        if not only_new:
            # The first screenful is listed before the rest of the folder is walked: the
            # first rows are what the user waits for, and walking 10,000 files takes longer.
            first = list(itertools.islice(walk, FIRST_ROWS))
            if not self._list(first, first_rows=True):
                return
        found.files = first + list(walk)
        if (note := found.outside_message()) and not only_new:
            app.call_from_thread(app.notify, note, severity="warning", markup=False)
        if only_new:
            # Files deleted since they were cleaned leave the cache, and with them their
            # quotes in the People view and their text in library search.
            self.open_cache().forget_missing(found.files)
            found.files = [name for name in found.files if not self.articles.lists(name)]
            found.skipped = 0
            app.call_from_thread(self._report_rescan, len(found.files))
        app.call_from_thread(self.begin, len(found.files), found.skipped)
        self._list(found.files[len(first) :])

    def _list(self, files: list[str], first_rows: bool = False) -> bool:
        """Hand `files` to the list in batches; False if the load was cancelled.

        `first_rows`: the first batch goes after `FIRST_WAIT_SECONDS` (or at the end of
        these few files), not after `BATCH_SECONDS`, and is on screen before this returns.
        """
        from reader.store.cache import list_cached

        worker = get_current_worker()
        cache = self.open_cache()
        batch: list[Entry] = []
        first = first_rows
        last = time.monotonic()
        results = list_cached(files, cache, FIRST_ROWS) if first_rows else list_cached(files, cache)
        for result in results:
            if worker.is_cancelled:
                return False
            entry = Entry.from_result(result)
            if entry.summary is not None:
                entry.read, entry.bookmarked = self.state.marks(entry.path)
            batch.append(entry)
            if time.monotonic() - last >= (FIRST_WAIT_SECONDS if first else BATCH_SECONDS):
                self._hand_over(batch, wait_for_paint=first)
                batch, last, first = [], time.monotonic(), False
        if batch or not first_rows:  # the last call reports the load complete
            self._hand_over(batch, wait_for_paint=first)
        return True

    def _hand_over(self, batch: list[Entry], wait_for_paint: bool) -> None:
        """Give `batch` to the list; `wait_for_paint`: and hold this thread until the screen
        shows it, so the first rows are not drawn while this thread holds the GIL walking on."""
        app = self.node.app
        if not wait_for_paint:
            app.call_from_thread(self.add, batch)
            return
        painted = threading.Event()

        def add_and_signal() -> None:
            self.add(batch)
            self.node.call_after_refresh(painted.set)

        app.call_from_thread(add_and_signal)
        painted.wait(timeout=1.0)

    def _report_rescan(self, count: int) -> None:
        self.node.notify(
            f"{plural(count, 'new article file')} found" if count else "No new files.",
            timeout=2,
            markup=False,
        )

    def open_cache(self) -> ArticleCache:
        """The article cache, opened once, off the UI thread, by the first load."""
        from reader.store.cache import ArticleCache

        with self._cache_lock:
            if self.cache is None:
                self.cache = ArticleCache.open()
                if self.cache.notice:
                    self._notify_from_any_thread(self.cache.notice)
            return self.cache

    def _notify_from_any_thread(self, message: str) -> None:
        if threading.current_thread() is threading.main_thread():
            self.node.notify(message, severity="warning", markup=False)
        else:
            self.node.app.call_from_thread(
                self.node.notify, message, severity="warning", markup=False
            )

    def begin(self, count: int, skipped: int) -> None:
        """A load found `count` files to read and `skipped` that are not articles."""
        self.counts.total += count
        self.counts.skipped += skipped
        self.on_progress()

    def add(self, entries: list[Entry]) -> None:
        """Entries finished loading: list those not listed yet."""
        fresh = [entry for entry in entries if not self.articles.lists(entry.path)]
        self.counts.loaded += len(entries)
        self.counts.failed += sum(1 for entry in fresh if entry.error)
        if fresh:
            self.articles.add_entries(fresh)
        self.on_progress()
