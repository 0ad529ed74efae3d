"""The main screen: the list, the reading pane and the sidebar, and the keys between them."""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING, Final

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer

from reader.config import Config
from reader.library import Entry, FirstRows, fetch_article, iter_scan, missing_paths
from reader.model import Article, LoadError
from reader.safe_text import visible
from reader.store.state import SORTS, VIEWS, ReadingState
from reader.ui import article_actions
from reader.ui.article_list import SORT_NAMES, ArticleList
from reader.ui.feed_refresh import FeedRefresher, feed_group_names
from reader.ui.footer import Footer
from reader.ui.list_pane import ListPane
from reader.ui.loader import Loader
from reader.ui.reading_column import ReadingColumn
from reader.ui.reading_pane import ReadingPane
from reader.ui.sidebar import Sidebar, SpeakerList
from reader.web.address import is_web_address

if TYPE_CHECKING:
    from reader.store.cache import ArticleCache
    from reader.ui.people_feed import PeopleFeed
    from reader.ui.search_screen import SearchChoice


PREVIEW_DELAY: Final = 0.12
"""Seconds the list cursor rests on an article before the reading pane previews it."""
WIDE: Final = 140
"""From this many columns the list, reading pane and sidebar sit side by side."""
MEDIUM: Final = 112
"""From this many the sidebar folds under the list; below it the list goes above the article."""


def layout_for(width: int) -> str:
    """The layout for a terminal `width` columns wide: "wide", "medium" or "stacked"."""
    return "wide" if width >= WIDE else "medium" if width >= MEDIUM else "stacked"


class MainScreen(Screen[None]):
    """Three panes: articles, the open article, and its metadata."""

    BINDINGS = [
        Binding(
            "o",
            "open",
            "Open file",
            id="open",
            tooltip="Add articles from a file, folder or web address",
        ),
        Binding("slash", "filter", "Filter", id="filter", tooltip="Filter the list as you type"),
        Binding("n", "next_article", "Next", id="next_article", tooltip="Open the next article"),
        Binding(
            "p",
            "previous_article",
            "Previous",
            show=False,
            id="previous_article",
            tooltip="Open the previous article",
        ),
        Binding(
            "s",
            "toggle_sidebar",
            "Sidebar",
            id="toggle_sidebar",
            tooltip="Show or hide the metadata sidebar",
        ),
        Binding(
            "f",
            "toggle_focus",
            "Focus",
            id="toggle_focus",
            tooltip="Hide the list and sidebar to read; again to bring them back",
        ),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
        Binding(
            "b",
            "toggle_bookmark",
            "Bookmark",
            show=False,
            id="toggle_bookmark",
            tooltip="Bookmark or unbookmark the article",
        ),
        Binding(
            "u",
            "cycle_view",
            "All/unread/★",
            show=False,
            id="cycle_view",
            tooltip="List all, only unread, or only bookmarked articles",
        ),
        Binding(
            "S",
            "cycle_sort",
            "Sort",
            show=False,
            id="cycle_sort",
            tooltip="Folder, newest, oldest, title, publisher, read time",
        ),
        Binding(
            "e", "export", "Export", show=False, id="export", tooltip="Save the article as Markdown"
        ),
        Binding(
            "y,ctrl+c",
            "copy",
            "Copy",
            show=False,
            id="copy",
            tooltip="Copy the picked quote, else the article",
        ),
        Binding(
            "O",
            "open_original",
            "Open original",
            show=False,
            id="open_original",
            tooltip="The file in $EDITOR, or its web address",
        ),
        Binding(
            "ctrl+s",
            "search",
            "Search all",
            id="search",
            tooltip="Search the text of every article",
        ),
        Binding(
            "F",
            "refresh_feeds",
            "Fetch feeds",
            show=False,
            id="refresh_feeds",
            tooltip="Fetch every subscribed feed; new articles join the list",
        ),
        Binding(
            "P",
            "people",
            "People",
            id="people",
            tooltip="Everyone quoted across the library; on a name in Quoted, that person",
        ),
        Binding(
            "r",
            "rescan",
            "Rescan",
            show=False,
            id="rescan",
            tooltip="Pick up files added to the opened folders",
        ),
    ]

    def __init__(
        self,
        paths: list[str],
        config: Config,
        state: ReadingState,
        cache: ArticleCache | None,
        first_rows: FirstRows | None = None,
    ) -> None:
        super().__init__()
        self.initial_paths = paths
        self.first_rows = first_rows
        """The first screenful of `paths`, looked up since the command started."""
        self.config = config
        self.state = state
        self.list_pane = ListPane(id="list-pane")
        self.articles = self.list_pane.articles
        self.reading_column = ReadingColumn(id="reading-column")
        self.reading = self.reading_column.reading
        self.sidebar = Sidebar(id="sidebar")
        self.loader = Loader(self, self.articles, state, cache, self._show_progress)
        self._people: PeopleFeed | None = None
        self.feeds = FeedRefresher(self)
        self.opened_paths: list[str] = []
        """Files and folders opened from inside the app, rescanned by `r` too."""
        self.open_entry: Entry | None = None
        self.sidebar_wanted = state.settings.sidebar
        """The sidebar setting, for layouts with room for it (remembered)."""
        self.sidebar_stacked = False
        """Whether `s` asked for the sidebar while the terminal is too narrow for it."""
        self.focus_mode = False
        """The reading pane alone: `f`."""
        self._preview_timer: Timer | None = None
        self._opened_one = False
        """Whether a library of one article was opened for the reader."""
        self.back_to_people = False
        """The open article came from the People view: Esc goes back there."""

    def compose(self) -> ComposeResult:
        # Only what the first frame shows: the filter and find boxes and the progress bar are
        # mounted when first needed, since every widget costs start-up time. The layout's
        # classes are set before the panes mount: set after, they restyle every pane.
        self._apply_layout(self.app.size.width)
        with Horizontal(id="main"):
            yield self.list_pane
            yield self.reading_column
            yield self.sidebar
        yield Footer()

    def on_mount(self) -> None:
        self._restore_settings()
        if self.config.feeds:
            self.articles.group_names.update(feed_group_names(self))
        self._apply_layout()
        self.articles.focus()
        if self.initial_paths:
            self.loader.expect()
            if self.first_rows is not None:
                self.loader.list_first_rows(self.first_rows)
        self.call_after_refresh(self._first_frame_painted)

    def _first_frame_painted(self) -> None:
        if not gc.isenabled():
            # `reader` paused the garbage collector for its start (see cli.main): what was
            # made so far lives on, so freeze it rather than have every later collection
            # walk it again.
            gc.freeze()
            gc.enable()
        if self.initial_paths:
            # Only now: the loading worker competes with the first frame for the GIL.
            self.loader.start_expected(self.initial_paths, self.first_rows)

    def _restore_settings(self) -> None:
        """The reading width, sidebar, sort and view the user last chose, else the config's."""
        settings = self.state.settings
        self.reading.set_reading_width(settings.width or self.config.width)
        self.articles.view = settings.view if settings.view in VIEWS else "all"
        self.articles.sort = settings.sort if settings.sort in SORTS else "path"

    def _show_progress(self) -> None:
        counts = self.loader.counts
        # After the next paint: the first rows are not held up by merging who they quote.
        self.call_after_refresh(lambda: self.people.poke())
        self.list_pane.show_progress(counts)
        if not self.loader.pending and len(self.articles.entries) == 1 and not self._opened_one:
            self._opened_one = True
            self._open(self.articles.entries[0])  # `reader FILE`: straight to the article
        if self.open_entry is None:
            articles = len(self.articles.entries) - counts.failed - self.articles.loading_count
            self.sidebar.show_library(articles, counts.failed, counts.skipped)

    # Opening articles -------------------------------------------------------

    @on(ArticleList.Selected)
    def _open_selected(self, event: ArticleList.Selected) -> None:
        self._open(event.entry)

    def _open(self, entry: Entry) -> None:
        self.show_entry(entry)
        self.reading.focus()

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        """Moving through the list previews the article under the cursor, once it rests."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        entry = event.entry
        if entry is not None and entry.loading:
            self.loader.want(entry.path)
        if entry is not None and entry is not self.open_entry:
            self._preview_timer = self.set_timer(
                PREVIEW_DELAY, lambda: self._preview(entry), name="preview"
            )

    def _preview(self, entry: Entry) -> None:
        """Show the entry under the cursor; one still loading is shown once it is cleaned
        (the list says so again), not cleaned here, where it would hold up the keys."""
        self._preview_timer = None
        if entry.loading:
            return
        if entry is self.articles.current() and entry is not self.open_entry:
            self.show_entry(entry, mark_read=False)

    def show_entry(self, entry: Entry, mark_read: bool = True) -> None:
        """Show an entry in the panes and return to where it was left; opening it (not a
        preview) marks it read."""
        if self.open_entry is entry:
            if mark_read:
                self._mark_read(entry)
            return
        if self.open_entry is not None:
            self.remember_position()
            self.open_entry.article = None  # only the open article's body stays in memory
        self.reading_column.close_find()
        if entry.article is None and entry.error is None:
            result = fetch_article(entry.path, self.loader.open_cache())
            if entry.loading:  # opened before the loading worker reached it
                self.articles.fill_entries([Entry.from_result(result)])
            if isinstance(result, LoadError):
                entry.error = result.reason
            else:
                entry.article = result
        self.open_entry = entry
        self.reading.show_entry(entry)
        self.sidebar.show_entry(entry)
        if entry.article is not None:
            # A file that vanished since it was loaded simply keeps no place.
            with contextlib.suppress(LoadError):
                position = self.state.scroll_for(entry.path)
                if isinstance(position, float) and position > 0:
                    self.reading.restore_position(position)
            if mark_read:
                self._mark_read(entry)

    def _mark_read(self, entry: Entry) -> None:
        if entry.article is None:
            return
        self.articles.mark_read(entry)
        with contextlib.suppress(LoadError):  # a vanished file simply keeps no mark
            self.state.mark_read(entry.path)

    def remember_position(self) -> None:
        """Keep how far down the open article the reader is."""
        entry = self.open_entry
        if entry is not None and entry.article is not None:
            with contextlib.suppress(LoadError, ValueError):
                self.state.set_scroll(entry.path, self.reading.position)

    def action_next_article(self) -> None:
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        # Step from the open article; if the highlight has moved elsewhere, open that row first.
        reading_highlighted = (
            self.open_entry is not None and self.articles.current() is self.open_entry
        )
        entry = self.articles.step(step) if reading_highlighted else self.articles.current()
        if entry is not None:
            self.show_entry(entry)

    @on(ReadingPane.QuotePicked)
    def _quote_picked(self, event: ReadingPane.QuotePicked) -> None:
        self.sidebar.follow(event.speaker)

    @on(SpeakerList.Chosen)
    def _choose_speaker(self, event: SpeakerList.Chosen) -> None:
        self.reading.choose_speaker(event.speaker)

    # Filter and find ----------------------------------------------------------

    async def action_filter(self) -> None:
        await self.list_pane.open_filter()

    async def action_find(self) -> None:
        await self.reading_column.open_find()

    def action_clear_filter(self) -> None:
        """Esc: close the find box if it is open, else the filter."""
        if self.reading_column.find_shown:
            self.reading_column.close_find()
            self.reading.focus()
        elif self.list_pane.filter_shown:
            self.list_pane.close_filter()
        elif self.back_to_people:
            self.action_people()

    # Marks, views, sorting ------------------------------------------------------

    def _target(self) -> Entry | None:
        """The article a key acts on: the open one when reading, else the highlighted row."""
        if self.focused is self.reading and self.open_entry is not None:
            return self.open_entry
        return self.articles.current()

    def action_toggle_bookmark(self) -> None:
        entry = self._target()
        if entry is None or entry.summary is None:
            self.notify("Nothing to bookmark here.", markup=False)
            return
        try:
            marked = self.state.toggle_bookmark(entry.path)
        except LoadError as error:
            self.notify(f"Cannot bookmark: {error.reason}", severity="error", markup=False)
            return
        self.articles.set_bookmark(entry, marked)
        self.notify(
            ("Bookmarked: " if marked else "Bookmark removed: ") + entry.title,
            markup=False,
            timeout=2,
        )

    def action_cycle_view(self) -> None:
        view = VIEWS[(VIEWS.index(self.articles.view) + 1) % len(VIEWS)]
        self.articles.set_view(view)
        self.state.update_settings(view=view)
        self.notify(f"Showing {view} articles", timeout=1.5, markup=False)

    def action_cycle_sort(self) -> None:
        sort = SORTS[(SORTS.index(self.articles.sort) + 1) % len(SORTS)]
        self.articles.set_sort(sort)
        self.state.update_settings(sort=sort)
        self.notify(f"Sorted by {SORT_NAMES[sort]}", timeout=1.5, markup=False)

    # Export, copy, open the original ---------------------------------------------------

    def _open_article(self) -> Article | None:
        entry = self.open_entry
        if entry is None or entry.article is None:
            self.notify("Open an article first.", markup=False)
            return None
        return entry.article

    def action_export(self) -> None:
        article = self._open_article()
        if article is not None:
            article_actions.export(self.app, article)

    def action_copy(self) -> None:
        article = self._open_article()
        if article is not None:
            article_actions.copy(self.app, article, self.reading.quote_index)

    def action_open_original(self) -> None:
        entry = self.open_entry or self.articles.current()
        if entry is not None:
            article_actions.open_original(self.app, entry)

    # Open, search the library, rescan -------------------------------------------------

    def action_open(self) -> None:
        from reader.ui.open_dialog import OpenDialog

        self.app.push_screen(OpenDialog(), self._opened)

    def _opened(self, path: str | None) -> None:
        if not path:
            return
        if is_web_address(path):
            self.feeds.open_address(path)
            return
        if missing_paths([path]):
            self.notify(f"No such file or folder: {visible(path)}", severity="error", markup=False)
            return
        if next(iter_scan([path]), None) is None:
            self.notify(f"No articles found in {visible(path)}", severity="warning", markup=False)
            return
        self.notify(f"Opening {visible(path)}", markup=False)
        self.opened_paths.append(path)
        self.loader.load([path])

    def action_search(self) -> None:
        from reader.ui.search_screen import SearchScreen

        scope = [entry.path for entry in self.articles.entries if entry.summary is not None]
        if not scope:
            self.notify("Nothing loaded to search yet.", markup=False)
            return
        self.app.push_screen(SearchScreen(self.loader.open_cache(), scope), self._search_chosen)

    async def _search_chosen(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self.action_clear_filter()
        if self.articles.reveal(choice.path) and (entry := self.articles.current()) is not None:
            self.show_entry(entry)
            self.reading.focus()
            await self.reading_column.show_found(choice.term, choice.before, choice.after)

    def action_refresh_feeds(self) -> None:
        self.feeds.refresh()

    @property
    def people(self) -> PeopleFeed:
        """Who is quoted across the list, merged off the UI thread as entries arrive."""
        if self._people is None:
            from reader.ui.people_feed import PeopleFeed

            articles = self.articles
            loader = self.loader
            self._people = PeopleFeed(
                self, lambda: articles.entries, loader.open_cache, lambda: loader.pending > 0
            )
        return self._people

    def action_people(self) -> None:
        """P: everyone quoted in the library; on a name in the Quoted list, that person."""
        from reader.ui.people_screen import PeopleScreen

        if not self.app.is_screen_installed("people"):
            counts = self.loader.counts
            screen = PeopleScreen(
                self.people, self.loader.open_cache, lambda: max(0, counts.total - counts.loaded)
            )
            self.app.install_screen(screen, "people")
        people = self.app.get_screen("people", PeopleScreen)
        speakers, entry = self.focused, self.open_entry
        if isinstance(speakers, SpeakerList) and speakers.highlighted is not None and entry:
            people.wanted_speaker = (entry.path, speakers.speakers[speakers.highlighted])
        self.back_to_people = False
        self.app.push_screen("people", self._quote_chosen)

    def _quote_chosen(self, chosen: tuple[str, int] | None) -> None:
        """Enter on a quote in the People view: its article, at that quote; Esc goes back."""
        from reader.ui.people_screen import PeopleScreen

        if chosen is None:
            return
        path, number = chosen
        self.action_clear_filter()
        if self.articles.reveal(path) and (entry := self.articles.current()) is not None:
            self.show_entry(entry)
            self.reading.open_at_quote(number)
            self.reading.focus()
            self.back_to_people = True
            self.app.get_screen("people", PeopleScreen).wanted_quote = chosen

    def action_rescan(self) -> None:
        """r: pick up files added to the opened folders since they were loaded."""
        paths = self.initial_paths + self.opened_paths
        if paths:
            self.loader.load(paths, only_new=True)

    # Layout -------------------------------------------------------------------------

    def action_toggle_sidebar(self) -> None:
        """s: show or hide the sidebar; in focus mode, come back out with it shown."""
        if self.focus_mode:
            self.focus_mode = False
            self.sidebar_stacked = True
            if not self.sidebar_wanted:
                self.sidebar_wanted = True
                self.state.update_settings(sidebar=True)
        elif layout_for(self.size.width) == "stacked":
            self.sidebar_stacked = not self.sidebar_stacked
        else:
            self.sidebar_wanted = not self.sidebar_wanted
            self.state.update_settings(sidebar=self.sidebar_wanted)
        self._apply_layout()

    def action_toggle_focus(self) -> None:
        """f: the reading pane alone, or the list and sidebar back."""
        self.focus_mode = not self.focus_mode
        self._apply_layout()
        if self.focus_mode:
            self.reading.focus()

    def _apply_layout(self, width: int | None = None) -> None:
        """Classes and sidebar for the layout of `width` columns (the screen's width)."""
        layout = layout_for(self.size.width if width is None else width)
        for name in ("wide", "medium", "stacked"):
            self.set_class(name == layout, f"-{name}")
        self.set_class(self.focus_mode, "-focus")
        wanted = self.sidebar_stacked if layout == "stacked" else self.sidebar_wanted
        shown = wanted and not self.focus_mode
        self.sidebar.display = shown
        self.set_class(not shown, "-no-sidebar")

    @on(ReadingPane.ReadingWidthChanged)
    def _reading_width_changed(self, event: ReadingPane.ReadingWidthChanged) -> None:
        self.state.update_settings(width=event.width)

    def on_resize(self) -> None:
        self._apply_layout()
