"""Fetch every subscribed feed and save its new articles as files: `reader --fetch` and the app.

Feeds are fetched a few at a time (and at most a few requests at once to
any one host, `reader.web.http`), each with a conditional request when it
was fetched before. A new entry is saved from its own content when that is
the whole article, else from its page; a page that fails for good falls
back to the entry's own text. Entries already saved are recognised by id
or link and never saved again. A failure is a line in the report, and
whatever was saved before stays.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from reader.config import Feed
from reader.safe_text import visible
from reader.store.storage import atomic_write
from reader.web.feed_state import FEEDS_DIR_NAME, FeedMemory, FeedStates, feed_name
from reader.web.feeds import FeedEntry, FeedError, entry_page, parse_feed, published_day
from reader.web.http import Fetcher, FetchError
from reader.web.pages import fetch_page, short_hash, slug

WORKERS: Final = 4
"""Feeds fetched at once, and article pages fetched at once."""


@dataclass(slots=True)
class FeedReport:
    """How one feed's update went: what `reader --fetch` prints a line for."""

    url: str
    name: str
    new: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    """Why articles could not be saved, one reason per article."""
    error: str | None = None
    """Why the feed itself could not be read."""
    unchanged: bool = False
    """The server said nothing changed since the last fetch (HTTP 304)."""

    @property
    def line(self) -> str:
        name = visible(self.name)
        if self.error:
            return f"{name}: failed: {visible(self.error)}"
        if self.unchanged:
            return f"{name}: unchanged"
        text = f"{len(self.new)} new" if self.new else "no new articles"
        if self.failures:
            text += f", {len(self.failures)} failed ({visible(self.failures[0])})"
        return f"{name}: {text}"


ArticleSaved = Callable[[FeedReport, Path], None]
FeedDone = Callable[[FeedReport], None]


class FeedsBusy(Exception):
    """Another reader is fetching feeds right now."""


@dataclass(slots=True)
class _Run:
    web: Path
    states: FeedStates
    fetcher: Fetcher
    pages: ThreadPoolExecutor
    on_article: ArticleSaved | None
    bookmarked: Callable[[Path], bool]


def update_feeds(
    feeds: Sequence[Feed],
    web: Path,
    states_path: Path,
    fetcher: Fetcher | None = None,
    on_article: ArticleSaved | None = None,
    on_done: FeedDone | None = None,
    bookmarked: Callable[[Path], bool] | None = None,
) -> list[FeedReport]:
    """Update every feed; reports in the order given. Raises only `FeedsBusy`.

    `on_article` and `on_done` are called from worker threads as articles
    are saved and feeds finish; `bookmarked` says which files never to
    remove when a feed's `keep` is reached.
    """
    with _only_fetch(states_path), contextlib.ExitStack() as stack:
        if fetcher is None:
            fetcher = stack.enter_context(Fetcher())
        states = FeedStates.load(states_path)
        pages = stack.enter_context(ThreadPoolExecutor(WORKERS, thread_name_prefix="page"))
        feed_pool = stack.enter_context(ThreadPoolExecutor(WORKERS, thread_name_prefix="feed"))
        run = _Run(web, states, fetcher, pages, on_article, bookmarked or (lambda _: False))
        futures = {feed_pool.submit(_update_feed, feed, run): feed for feed in feeds}
        reports: dict[str, FeedReport] = {}
        for future in as_completed(futures):
            report = future.result()
            reports[futures[future].url] = report
            if on_done is not None:
                on_done(report)
        return [reports[feed.url] for feed in feeds]


def _update_feed(feed: Feed, run: _Run) -> FeedReport:
    known = run.states.get(feed.url)
    report = FeedReport(feed.url, feed_name(feed, run.states))
    try:
        answer = run.fetcher.get(
            feed.url,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
        )
        if answer.not_modified:
            report.unchanged = True
            return report
        parsed = parse_feed(answer.body, answer.url, answer.media_type, answer.charset)
    except (FetchError, FeedError) as error:
        report.error = error.reason
        return report
    report.name = feed_name(feed) if feed.name else parsed.title or report.name
    memory = run.states.memory(feed.url, slug(report.name, limit=40, fallback="feed"))
    memory.title = parsed.title or memory.title
    temporary = _save_new(_unseen(parsed.entries[: feed.keep], memory), memory, report, run)
    if not temporary:  # else the next fetch must not be told "not modified" before a retry
        memory.etag, memory.last_modified = answer.etag, answer.last_modified
    _make_room(memory, feed.keep, run)
    try:
        run.states.save()
    except OSError as error:
        report.error = f"articles saved, but not the feed's state ({error.strerror})"
    return report


def _unseen(entries: list[FeedEntry], memory: FeedMemory) -> list[FeedEntry]:
    fresh: list[FeedEntry] = []
    ids: set[str] = set()
    links: set[str] = set()
    for entry in entries:
        if (
            memory.has_seen(entry.id or entry.key, entry.link)
            or entry.key in ids
            or entry.link in links
        ):
            continue
        ids.add(entry.key)
        if entry.link:
            links.add(entry.link)
        fresh.append(entry)
    return fresh


def _save_new(entries: list[FeedEntry], memory: FeedMemory, report: FeedReport, run: _Run) -> bool:
    """Save each entry as its page arrives; returns whether any failed only for now."""
    folder = run.web / FEEDS_DIR_NAME / memory.folder
    futures: dict[Future[bytes], FeedEntry] = {
        run.pages.submit(_entry_bytes, entry, report.name, run.fetcher): entry for entry in entries
    }
    temporary = False
    for future in as_completed(futures):
        entry = futures[future]
        try:
            data = future.result()
        except FetchError as error:
            report.failures.append(f"{entry.title or entry.link}: {error.reason}")
            temporary = temporary or error.temporary
            if not error.temporary:
                with run.states.lock:
                    memory.remember(entry.id or entry.key, entry.link)
            continue
        name = f"{published_day(entry)}-{slug(entry.title, 50, 'article')}-{short_hash(entry.key)}"
        path = folder / f"{name}.html"
        try:
            atomic_write(path, data)
        except OSError as error:
            report.failures.append(f"{entry.title}: could not be saved ({error.strerror})")
            temporary = True
            continue
        with run.states.lock:
            memory.remember(entry.id or entry.key, entry.link)
            if path.name not in memory.files:
                memory.files.append(path.name)
        report.new.append(path)
        if run.on_article is not None:
            run.on_article(report, path)
    return temporary


def _entry_bytes(entry: FeedEntry, feed_name: str, fetcher: Fetcher) -> bytes:
    """The page to keep for an entry: its own content if whole, else its fetched page."""
    if entry.is_full or not entry.link:
        if not entry.content.strip():
            raise FetchError(entry.link or "", "the entry has no text and no link")
        return entry_page(entry, feed_name)
    try:
        return fetch_page(entry.link, fetcher, feed_name, entry.published)
    except FetchError as error:
        if error.temporary or not entry.content.strip():
            raise
        return entry_page(entry, feed_name)


def _make_room(memory: FeedMemory, keep: int, run: _Run) -> None:
    """Remove the feed's oldest saved articles beyond `keep`, bookmarked ones excepted."""
    folder = run.web / FEEDS_DIR_NAME / memory.folder
    with run.states.lock:
        _remove_oldest(memory, folder, len(memory.files) - keep, run.bookmarked)


def _remove_oldest(
    memory: FeedMemory, folder: Path, excess: int, bookmarked: Callable[[Path], bool]
) -> None:
    for name in list(memory.files):
        if excess <= 0:
            break
        path = folder / name
        if path.is_file() and bookmarked(path):
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        memory.files.remove(name)
        excess -= 1


@contextlib.contextmanager
def _only_fetch(states_path: Path) -> Iterator[None]:
    """One feed update at a time across processes (cron and the app may overlap)."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform: run unguarded
        yield
        return
    states_path.parent.mkdir(parents=True, exist_ok=True)
    lock = states_path.with_name("." + states_path.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise FeedsBusy("another reader is fetching feeds right now") from None
        yield
    finally:
        os.close(fd)
