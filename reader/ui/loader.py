"""Loading articles off the UI thread and handing them to the list in batches."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from textual.widget import Widget
from textual.worker import get_current_worker

from reader.library import Entry, scan
from reader.store.state import ReadingState
from reader.ui.article_list import ArticleList
from reader.ui.wording import plural

if TYPE_CHECKING:  # SQLite is imported by the loading worker, off the start-up path
    from reader.store.cache import ArticleCache

BATCH_SECONDS: Final = 0.05
"""How often the loading worker hands finished articles to the list."""


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
        app, worker = self.node.app, get_current_worker()
        found = scan(paths)
        if (note := found.outside_message()) and not only_new:
            app.call_from_thread(app.notify, note, severity="warning", markup=False)
        if only_new:
            found.files = [name for name in found.files if not self.articles.lists(name)]
            found.skipped = 0
            app.call_from_thread(self._report_rescan, len(found.files))
        app.call_from_thread(self.begin, len(found.files), found.skipped)
        from reader.store.cache import list_cached

        cache = self.open_cache()
        batch: list[Entry] = []
        last = time.monotonic()
        for result in list_cached(found.files, cache):
            if worker.is_cancelled:
                return
            entry = Entry.from_result(result)
            if entry.summary is not None:
                entry.read, entry.bookmarked = self.state.marks(entry.path)
            batch.append(entry)
            if time.monotonic() - last >= BATCH_SECONDS:
                app.call_from_thread(self.add, batch)
                batch, last = [], time.monotonic()
        app.call_from_thread(self.add, batch)

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
