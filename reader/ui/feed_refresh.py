"""Fetching feeds and web addresses from inside the app, off the UI thread.

`F` fetches every subscribed feed in a thread worker (`reader.web.update`):
a progress line under the list counts feeds done, each article joins the
list as soon as it is saved, and a feed that fails says why. An address
typed in the open dialog is fetched the same way; if it fails, its row in
the list says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from reader.library import Entry
from reader.safe_text import visible
from reader.store.paths import feeds_file, web_dir

if TYPE_CHECKING:  # the HTTP client and feed parser are imported on the first fetch, the rest
    # with the first feed: none of it is needed for the first frame
    from textual.widgets import ProgressBar

    from reader.ui.main_screen import MainScreen
    from reader.web.update import FeedReport


def feed_group_names(screen: MainScreen) -> dict[str, str]:
    """Each feed's folder of saved articles, as the list groups it, to the feed's name."""
    from reader.web.feed_state import FEEDS_DIR_NAME, FeedStates, feed_name

    states = FeedStates.load(feeds_file())
    root = web_dir() / FEEDS_DIR_NAME
    by_url = {feed.url: feed for feed in screen.config.feeds}
    names: dict[str, str] = {}
    for folder, url in states.folders().items():
        feed = by_url.get(url)
        memory = states.get(url)
        name = feed_name(feed, states) if feed else (memory.title if memory else None)
        names[str(root / folder)] = name or folder
    return names


class FeedRefresher:
    """One feed update at a time, reporting to the list pane as it goes."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.running = False
        self.done = 0
        self.new = 0
        self.failed: list[str] = []
        self.progress: Vertical | None = None
        self.label: Static | None = None
        self.bar: ProgressBar | None = None

    def refresh(self) -> None:
        """Start fetching every feed, unless a fetch is already running."""
        feeds = self.screen.config.feeds
        if not feeds:
            self.screen.notify(
                "No feeds yet: subscribe with `reader --subscribe URL`.", markup=False
            )
            return
        if self.running:
            self.screen.notify("Already fetching feeds.", markup=False, timeout=2)
            return
        self.running, self.done, self.new, self.failed = True, 0, 0, []
        self._show_progress()
        self.screen.run_worker(self._fetch, thread=True, group="feeds", exit_on_error=False)

    def _fetch(self) -> None:
        from reader.web.update import FeedsBusy, update_feeds

        app = self.screen.app
        try:
            update_feeds(
                self.screen.config.feeds,
                web_dir(),
                feeds_file(),
                on_article=lambda report, path: app.call_from_thread(self._article, report, path),
                on_done=lambda report: app.call_from_thread(self._feed_done, report),
                bookmarked=lambda path: self.screen.state.is_bookmarked(str(path)),
            )
        except FeedsBusy as error:
            app.call_from_thread(self.failed.append, str(error))
        except OSError as error:
            app.call_from_thread(self.failed.append, f"cannot save ({error.strerror})")
        finally:
            app.call_from_thread(self._finished)

    def _article(self, report: FeedReport, path: Path) -> None:
        self.new += 1
        self.screen.articles.group_names.setdefault(str(path.parent), report.name)
        self.screen.loader.load([str(path)])
        self._show_progress()

    def _feed_done(self, report: FeedReport) -> None:
        self.done += 1
        if report.error:
            self.failed.append(report.line)
        self._show_progress()

    def _finished(self) -> None:
        self.running = False
        if self.progress is not None:
            self.progress.display = False  # kept for the next fetch, as the load progress is
        summary = f"Feeds fetched: {self.new} new article{'s' if self.new != 1 else ''}"
        if self.failed:
            summary += "\n" + "\n".join(self.failed[:5])
        self.screen.notify(
            summary, severity="warning" if self.failed else "information", markup=False
        )

    def _show_progress(self) -> None:
        total = len(self.screen.config.feeds)
        label = Text(f"Feeds {self.done}/{total} · {self.new} new")
        if self.progress is None or self.label is None or self.bar is None:
            from textual.widgets import ProgressBar

            self.label = Static(label, classes="feed-progress-label")
            self.bar = ProgressBar(total=total, show_eta=False, show_percentage=False)
            self.progress = Vertical(self.label, self.bar, id="feed-progress")
            self.screen.list_pane.mount(self.progress)
        else:
            # Held, not queried: a second update may come before they are mounted.
            self.progress.display = True
            self.label.update(label)
            self.bar.update(total=total, progress=self.done)

    # A web address from the open dialog --------------------------------------------

    def open_address(self, url: str) -> None:
        """Fetch and keep the page at `url`, then list it; a failure is a row saying why."""
        self.screen.notify(f"Fetching {visible(url)}", markup=False, timeout=2)
        self.screen.loader.expect()
        self.screen.run_worker(
            lambda: self._fetch_address(url), thread=True, group="address", exit_on_error=False
        )

    def _fetch_address(self, url: str) -> None:
        from reader.web.http import Fetcher, FetchError
        from reader.web.pages import keep_page

        app = self.screen.app
        try:
            with Fetcher() as fetcher:
                path = keep_page(url, web_dir(), fetcher)
        except FetchError as error:
            app.call_from_thread(self._address_failed, url, error.reason)
            return
        app.call_from_thread(self._address_kept, str(path))

    def _address_kept(self, path: str) -> None:
        self.screen.opened_paths.append(path)
        self.screen.loader.start_expected([path])

    def _address_failed(self, url: str, reason: str) -> None:
        loader = self.screen.loader
        loader.pending -= 1  # the load `open_address` expected will not happen
        if not self.screen.articles.lists(url):
            self.screen.articles.add_entries([Entry(url, error=reason)])
        self.screen.articles.reveal(url)
        self.screen.notify(
            f"Could not fetch {visible(url)}: {visible(reason)}", severity="error", markup=False
        )
