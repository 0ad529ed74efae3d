"""Who is quoted across the listed articles, kept up as files load, off the UI thread.

The People view paints from the rows at hand: merging every speaker of a large library
takes seconds, so it is done in a thread worker while the list fills, a batch of newly
listed articles at a time, never on `P`. What each article quotes is read from the
cache, where it was stored when the file was cleaned; nothing is cleaned again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from textual.widget import Widget
from textual.worker import get_current_worker

from reader.library import Entry
from reader.people import PeopleIndex, Person, people_by_form, sources_from_cache

MERGE_SECONDS: Final = 1.0
"""While files load, rows are merged again at most this often: each merge takes the whole
library, and the loader needs the time. Once loading ends they are merged at once."""
POLL_SECONDS: Final = 0.05

if TYPE_CHECKING:
    from reader.store.cache import ArticleCache, ArticleSummary


class PeopleFeed:
    """The people index of the article list: `people` is replaced whole as entries arrive.

    The index itself belongs to the worker; the UI thread only reads `people`, `taken`
    and `generation`, set together on the UI thread.
    """

    def __init__(
        self,
        node: Widget,
        entries: Callable[[], Sequence[Entry]],
        cache: Callable[[], ArticleCache],
        loading: Callable[[], bool] = lambda: False,
    ) -> None:
        """`loading`: whether files are still being listed (asked from the worker)."""
        self.node = node
        """Where the worker runs: it ends with it."""
        self._loading = loading
        self._entries = entries
        self._cache = cache
        self._index = PeopleIndex()
        self.people: list[Person] = []
        """Every row, most quoted first, for the first `taken` entries of the list."""
        self.taken = 0
        self.generation = 0
        """Counts the times `people` was replaced, so a view knows when to redraw."""
        self.on_publish: Callable[[], None] | None = None
        """Called on the UI thread each time `people` is replaced (by an open People view)."""
        self._busy = False
        self._by_form: dict[tuple[str, str], Person] | None = None
        self._waiting: list[Entry] = []
        """Entries taken while listed by name, still being cleaned: merged once they are.
        The worker's own, like the index."""

    @property
    def behind(self) -> int:
        """Entries listed but not yet in `people` (those being cleaned aside)."""
        return max(0, len(self._entries()) - self.taken)

    def _cleaned_since(self) -> bool:
        """Whether an entry taken while it was being cleaned is cleaned now."""
        return any(not entry.loading for entry in self._waiting)

    def poke(self) -> None:
        """More entries may be listed: take them in, unless the worker is at it already
        (it looks again before it stops, and `_stopped` pokes once more)."""
        if self._busy or not (self.behind or self._cleaned_since()):
            return
        self._busy = True
        self.node.run_worker(self._work, thread=True, group="people", exit_on_error=True)

    def _work(self) -> None:
        worker = get_current_worker()
        app = self.node.app
        taken = self.taken
        try:
            merged = float("-inf")
            while not worker.is_cancelled:
                entries = self._entries()
                end = len(entries)
                arrived = end > taken or self._cleaned_since()
                if arrived:
                    fresh, self._waiting = _split([*self._waiting, *entries[taken:end]])
                    taken = end
                    if fresh:
                        self._index.add(sources_from_cache(fresh, self._cache()))
                if not self._index.stale and taken == self.taken:
                    if not arrived:
                        break
                    continue
                if self._loading() and time.monotonic() - merged < MERGE_SECONDS:
                    time.sleep(POLL_SECONDS)  # while files load, merge only now and then
                    continue
                people = self._index.people()
                merged = time.monotonic()
                app.call_from_thread(self._publish, people, taken)
        finally:
            app.call_from_thread(self._stopped)

    def _publish(self, people: list[Person], taken: int) -> None:
        self.people, self.taken = people, taken
        self.generation += 1
        self._by_form = None
        if self.on_publish is not None:
            self.on_publish()

    def _stopped(self) -> None:
        self._busy = False
        self.poke()

    def person_for(self, path: str, speaker: str) -> Person | None:
        """The row holding `speaker` as named in the article at `path`."""
        if self._by_form is None:  # only when asked: one entry per article and form
            self._by_form = people_by_form(self.people)
        return self._by_form.get((path, speaker))


def _split(entries: list[Entry]) -> tuple[list[ArticleSummary], list[Entry]]:
    """The summaries of the cleaned entries, and the entries still being cleaned; each entry
    read once, as the UI thread may fill it in meanwhile."""
    cleaned, waiting = [], []
    for entry in entries:
        summary = entry.summary
        if summary is not None:
            cleaned.append(summary)
        elif entry.error is None:
            waiting.append(entry)
    return cleaned, waiting
