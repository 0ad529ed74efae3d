"""Loading articles off the UI thread and handing them to the list in batches."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from textual.widget import Widget
from textual.worker import get_current_worker

from reader.library import FIRST_ROWS, Entry, FirstRows
from reader.model import LoadError
from reader.store.state import ReadingState
from reader.ui.article_list import ArticleList
from reader.ui.wording import plural

if TYPE_CHECKING:  # SQLite is imported by the loading worker, off the start-up path
    from reader.store.cache import ArticleCache, ArticleSummary

BATCH_SECONDS: Final = 0.05
"""How often the loading worker hands finished articles to the list."""
FIRST_WAIT_SECONDS: Final = 0.02
"""Where a file is cleaned before it is listed, the first rows go to the list once there is
a screenful or this long has passed."""
FIRST_FRAME_WAIT_SECONDS: Final = 0.05
"""How long the first frame may wait for the first screenful, which is looked up from
the moment the command starts (`FirstRows`); past it the loading worker lists them."""
LOOK_UP_CHUNK: Final = 500
"""Files looked up in the cache per query while listing."""


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
        self.wanted: str | None = None
        """A file listed by name that the user is waiting for (see `want`)."""
        self._cache_lock = threading.RLock()

    def load(
        self, paths: list[str], only_new: bool = False, first_rows: FirstRows | None = None
    ) -> None:
        """Start loading `paths`; `only_new`: a rescan, skipping files already listed;
        `first_rows`: their first screenful, already being looked up (see `list_first_rows`)."""
        self.pending += 1
        self.node.run_worker(
            lambda: self._run(paths, only_new, first_rows),
            thread=True,
            group="load",
            exit_on_error=True,
        )

    def expect(self) -> None:
        """Count a load that is about to start, so `wait_until_loaded` waits for it."""
        self.pending += 1

    def start_expected(self, paths: list[str], first_rows: FirstRows | None = None) -> None:
        """Start the load counted by `expect`."""
        self.pending -= 1
        self.load(paths, first_rows=first_rows)

    def list_first_rows(self, first_rows: FirstRows) -> None:
        """List the first screenful now, in the frame being drawn, if it is ready in time;
        otherwise the load of `first_rows` lists it."""
        if not first_rows.wait(FIRST_FRAME_WAIT_SECONDS) or first_rows.error is not None:
            return
        self._adopt_cache(first_rows.cache)
        self.add(self._entries(first_rows.files, first_rows.known))
        first_rows.listed = True

    async def wait_until_loaded(self) -> None:
        """For tests and benchmarks: return once every requested load has reached the list."""
        while self.pending:
            await asyncio.sleep(0.01)
        await self.node.workers.wait_for_complete()

    def _run(self, paths: list[str], only_new: bool, first_rows: FirstRows | None) -> None:
        app = self.node.app
        try:
            self._load(paths, only_new, first_rows)
        finally:
            app.call_from_thread(self._finished)

    def _finished(self) -> None:
        self.pending -= 1
        self.on_progress()

    def _load(self, paths: list[str], only_new: bool, first_rows: FirstRows | None) -> None:
        app = self.node.app
        if first_rows is None:
            first_rows = FirstRows(paths, 0 if only_new else FIRST_ROWS, self.open_cache())
            first_rows.run()
        else:
            first_rows.wait()
        if first_rows.error is not None:
            raise first_rows.error
        self._adopt_cache(first_rows.cache)
        found, first = first_rows.found, first_rows.files
        # A lone file is cleaned before it is listed: listed by name, it would only flash.
        by_name = first_rows.listed or len(first) > 1
        if first and not first_rows.listed:
            # The first rows are what the user waits for, so they go before the rest of
            # the folder is walked, and this thread waits until they are on screen.
            if by_name:
                self._hand_over(self._entries(first, first_rows.known), wait_for_paint=True)
            elif not self._list(first, first_rows=True):
                return
        found.files = first + list(first_rows.walk)
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
        rest = found.files[len(first) :]
        if not (by_name or len(rest) > 1):
            self._list(rest)
            return
        unknown = [
            name for name, known in zip(first, first_rows.known, strict=True) if known is None
        ]
        if self._list_by_name(rest, unknown):
            self._fill(unknown)

    def _entries(
        self, files: list[str], known: list[ArticleSummary | LoadError | None]
    ) -> list[Entry]:
        """List entries for `files`: what the cache knew, else the file listed by name."""
        entries = []
        for name, item in zip(files, known, strict=True):
            entry = Entry(name) if item is None else Entry.from_result(item)
            if entry.error is None:
                entry.read, entry.bookmarked = self.state.marks(entry.path)
            entries.append(entry)
        return entries

    def _list_by_name(self, files: list[str], unknown: list[str]) -> bool:
        """List `files` at once, those the cache cannot answer for by name (added to
        `unknown`, to be cleaned); False if the load was cancelled."""
        from reader.store.cache import look_up

        worker = get_current_worker()
        cache = self.open_cache()
        batch: list[Entry] = []
        last = time.monotonic()
        for start in range(0, len(files), LOOK_UP_CHUNK):
            if worker.is_cancelled:
                return False
            chunk = files[start : start + LOOK_UP_CHUNK]
            known = look_up(chunk, cache)
            unknown += [name for name, item in zip(chunk, known, strict=True) if item is None]
            batch += self._entries(chunk, known)
            if time.monotonic() - last >= BATCH_SECONDS:
                self.node.app.call_from_thread(self.add, batch)
                batch, last = [], time.monotonic()
        self.node.app.call_from_thread(self.add, batch)
        return True

    def _fill(self, files: list[str]) -> None:
        """Clean the files listed by name, in list order except that the one under the
        cursor (`want`) goes next, and give the list their rows."""
        from reader.store.cache import list_one

        worker = get_current_worker()
        cache = self.open_cache()
        queue, left = deque(files), set(files)
        batch: list[Entry] = []
        last = time.monotonic()
        try:
            while left:
                if worker.is_cancelled:
                    return
                name = self.wanted if self.wanted in left else queue.popleft()
                if name not in left:
                    continue  # cleaned earlier, when it was wanted
                left.discard(name)
                batch.append(Entry.from_result(list_one(name, cache)))
                if time.monotonic() - last >= BATCH_SECONDS or name == self.wanted:
                    self.node.app.call_from_thread(self.fill, batch)
                    batch, last = [], time.monotonic()
        finally:
            cache.flush()
        if batch:
            self.node.app.call_from_thread(self.fill, batch)

    def want(self, path: str) -> None:
        """The user rests on this row, listed by name: clean it before the others."""
        self.wanted = path

    def _list(self, files: list[str], first_rows: bool = False) -> bool:
        """Clean what the cache cannot answer for, then hand `files` to the list in batches;
        False if the load was cancelled.

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
                self._adopt_cache(ArticleCache.open())
            assert self.cache is not None
            return self.cache

    def _adopt_cache(self, cache: ArticleCache | None) -> None:
        """Use `cache` (opened for the first rows) unless one is open already."""
        with self._cache_lock:
            if self.cache is None and cache is not None:
                self.cache = cache
                if cache.notice:
                    self._notify_from_any_thread(cache.notice)

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
        """Entries found: list those not listed yet (those being cleaned, by name)."""
        fresh = [entry for entry in entries if not self.articles.lists(entry.path)]
        self.counts.loaded += sum(1 for entry in entries if not entry.loading)
        self.counts.failed += sum(1 for entry in fresh if entry.error)
        if fresh:
            self.articles.add_entries(fresh)
        self.on_progress()

    def fill(self, entries: list[Entry]) -> None:
        """Files listed by name have been cleaned: their rows show what they hold."""
        self.counts.loaded += len(entries)
        self.counts.failed += sum(1 for entry in entries if entry.error)
        self.articles.fill_entries(entries)
        self.on_progress()
