"""The reader app: list, reading pane and sidebar, driven by the keyboard."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, ProgressBar, Static
from textual.worker import get_current_worker

from reader.config import Config
from reader.library import Entry, fetch_article, iter_scan, missing_paths, scan
from reader.model import Article, LoadError
from reader.safe_text import visible
from reader.store.state import ReadingState
from reader.ui.article_list import SORT_NAMES, SORTS, VIEWS, ArticleList
from reader.ui.footer import Footer
from reader.ui.reading_pane import ReadingPane
from reader.ui.sidebar import Sidebar, SpeakerList, articles_phrase
from reader.ui.theme import palette_for

if TYPE_CHECKING:  # SQLite is imported by the loading worker, off the start-up path
    from reader.store.cache import ArticleCache

BATCH_SECONDS = 0.05
"""How often the loading worker hands finished articles to the list."""


class ReaderApp(App[None]):
    """Three panes: articles, the open article, and its metadata."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("o", "open", "Open file", id="open"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("n", "next_article", "Next", id="next_article"),
        Binding("p", "previous_article", "Previous", show=False, id="previous_article"),
        Binding("s", "toggle_sidebar", "Sidebar", id="toggle_sidebar"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="clear_filter"),
        Binding("b", "toggle_bookmark", "Bookmark", show=False, id="toggle_bookmark"),
        Binding("u", "cycle_view", "All/unread/★", show=False, id="cycle_view"),
        Binding("S", "cycle_sort", "Sort", show=False, id="cycle_sort"),
        Binding("e", "export", "Export", show=False, id="export"),
        Binding("y,ctrl+c", "copy", "Copy", show=False, id="copy"),
        Binding("O", "open_original", "Open original", show=False, id="open_original"),
        Binding("ctrl+s", "search", "Search all", id="search"),
        Binding("r", "rescan", "Rescan", show=False, id="rescan"),
    ]

    def __init__(
        self,
        paths: Iterable[str] = (),
        *,
        config: Config | None = None,
        state: ReadingState | None = None,
        cache: ArticleCache | None = None,
        messages: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.initial_paths = list(paths)
        self.skipped = 0
        self.config = config or Config()
        self.state = state if state is not None else ReadingState(_scratch_state_path())
        self.messages = list(messages)
        self.cache: ArticleCache | None = cache
        self.opened_paths: list[str] = []
        """Files and folders opened from inside the app, rescanned by `r` too."""
        self.pending_loads = 0
        """Loads asked for and not yet finished; see `wait_until_loaded`."""
        self._cache_lock = threading.Lock()
        self.total = 0
        self.loaded = 0
        self.failed = 0
        self.open_entry: Entry | None = None
        self.sidebar_wanted = True

    def compose(self) -> ComposeResult:
        # Only what the first frame shows: the filter and find boxes and the progress bar are
        # mounted when first needed, since every widget costs start-up time.
        with Horizontal(id="main"):
            with Vertical(id="list-pane"):
                yield Static(Text("reader", "bold"), id="list-title")
                yield ArticleList(id="articles")
            with Vertical(id="reading-column"):
                yield ReadingPane(id="reading")
            yield Sidebar(id="sidebar")
        yield Footer()

    def on_mount(self) -> None:
        self._restore_settings()
        self._apply_theme()
        self.query_one(ArticleList).focus()
        self.set_interval(2.0, self._save_state)
        for message in self.messages:
            self.notify(message, severity="warning", timeout=8, markup=False)
        if self.initial_paths:
            self.pending_loads += 1
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
            self.load_paths(self.initial_paths)

    # Loading ---------------------------------------------------------------

    async def wait_until_loaded(self) -> None:
        """For tests and benchmarks: return once every requested load has reached the list."""
        while self.pending_loads:
            await asyncio.sleep(0.01)
        await self.workers.wait_for_complete()

    @work(thread=True, group="load")
    def load_paths(self, paths: list[str], only_new: bool = False) -> None:
        """Find and clean files off the UI thread, handing them over in batches as they finish.

        `only_new`: a rescan; files already listed are skipped before they are read.
        """
        try:
            self._load(paths, only_new)
        finally:
            self.call_from_thread(self._load_finished)

    def _report_rescan(self, count: int) -> None:
        self.notify(
            f"{count} new article file(s) found" if count else "No new files.",
            timeout=2,
            markup=False,
        )

    def _load_finished(self) -> None:
        self.pending_loads -= 1

    def _load(self, paths: list[str], only_new: bool = False) -> None:
        worker = get_current_worker()
        found = scan(paths)
        if only_new:
            articles = self.call_from_thread(self.query_one, ArticleList)
            found.files = [name for name in found.files if not articles.lists(name)]
            found.skipped = 0
            self.call_from_thread(self._report_rescan, len(found.files))
        self.call_from_thread(self._begin_load, len(found.files), found.skipped)
        from reader.store.cache import list_cached

        cache = self._open_cache()
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
                self.call_from_thread(self._add_entries, batch)
                batch, last = [], time.monotonic()
        self.call_from_thread(self._add_entries, batch)

    def _open_cache(self) -> ArticleCache:
        """The article cache, opened once, off the UI thread, by the first load."""
        from reader.store.cache import ArticleCache

        with self._cache_lock:
            if self.cache is None:
                self.cache = ArticleCache.open()
                if self.cache.notice:
                    self.call_from_thread(
                        self.notify, self.cache.notice, severity="warning", markup=False
                    )
            return self.cache

    def _begin_load(self, count: int, skipped: int) -> None:
        self.total += count
        self.skipped += skipped
        self._show_progress()

    def _add_entries(self, entries: list[Entry]) -> None:
        articles = self.query_one(ArticleList)
        fresh = [entry for entry in entries if not articles.lists(entry.path)]
        self.loaded += len(entries)
        self.failed += sum(1 for entry in fresh if entry.error)
        if fresh:
            articles.add_entries(fresh)
        self._show_progress()

    def _show_progress(self) -> None:
        done = self.loaded >= self.total
        boxes = self.query("#progress")
        if done:
            boxes.remove()
        else:
            label = Text(f"Loading {self.loaded:,} / {self.total:,}")
            if boxes:
                self.query_one("#progress-label", Static).update(label)
                self.query_one(ProgressBar).update(total=self.total, progress=self.loaded)
            else:
                bar = ProgressBar(
                    total=self.total, show_eta=False, show_percentage=False, id="progress-bar"
                )
                bar.progress = self.loaded
                self.query_one("#list-pane").mount(
                    Vertical(Static(label, id="progress-label"), bar, id="progress")
                )
        count, failed = len(self.query_one(ArticleList).entries), self.failed
        parts = [articles_phrase(count)]
        if failed:
            parts.append(f"{failed} failed")
        if self.skipped:
            parts.append(f"{self.skipped} skipped (not articles)")
        self.query_one("#list-title", Static).update(Text(", ".join(parts), "bold"))
        if self.open_entry is None:
            self.query_one(Sidebar).show_library(count, failed, self.skipped)

    # Opening articles -------------------------------------------------------

    @on(ArticleList.Selected)
    def _open_selected(self, event: ArticleList.Selected) -> None:
        self.show_entry(event.entry)
        self.query_one(ReadingPane).focus()

    def show_entry(self, entry: Entry) -> None:
        """Show an entry in the panes, mark it read, and return to where it was left."""
        if self.open_entry is not None and self.open_entry is not entry:
            self._remember_position()
            self.open_entry.article = None  # only the open article's body stays in memory
        self._close_find()
        if entry.article is None and entry.error is None:
            result = fetch_article(entry.path, self._open_cache())
            if isinstance(result, LoadError):
                entry.error = result.reason
            else:
                entry.article = result
        self.open_entry = entry
        self.query_one(ReadingPane).show_entry(entry)
        self.query_one(Sidebar).show_entry(entry)
        if entry.article is not None:
            self.query_one(ArticleList).mark_read(entry)
            # A file that vanished since it was loaded simply keeps no mark.
            with contextlib.suppress(LoadError):
                self.state.mark_read(entry.path)
                position = self.state.scroll_for(entry.path)
                if isinstance(position, float) and position > 0:
                    self.query_one(ReadingPane).restore_position(position)

    def action_next_article(self) -> None:
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        # Step from the open article; if the highlight has moved elsewhere, open that row first.
        articles = self.query_one(ArticleList)
        reading_highlighted = self.open_entry is not None and articles.current() is self.open_entry
        entry = articles.step(step) if reading_highlighted else articles.current()
        if entry is not None:
            self.show_entry(entry)

    @on(SpeakerList.Chosen)
    def _choose_speaker(self, event: SpeakerList.Chosen) -> None:
        self.query_one(ReadingPane).choose_speaker(event.speaker)

    # Filter ------------------------------------------------------------------

    async def _box(self, box_id: str, placeholder: str, container: str) -> Input:
        """The filter or find box, mounted the first time it is wanted."""
        box = self._mounted_box(box_id)
        if box is None:
            box = Input(placeholder=placeholder, id=box_id)
            parent = self.query_one(container)
            await parent.mount(box, before=1 if box_id == "filter" else None)
        box.display = True
        box.focus()
        return box

    def _mounted_box(self, box_id: str) -> Input | None:
        found = self.query(f"#{box_id}")
        return found.first(Input) if found else None

    def _box_shown(self, box_id: str) -> Input | None:
        box = self._mounted_box(box_id)
        return box if box is not None and box.display else None

    async def action_filter(self) -> None:
        await self._box("filter", "filter by title or author", "#list-pane")

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_one(ArticleList).set_filter(event.value.strip())

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(ArticleList).focus()

    def action_clear_filter(self) -> None:
        if self._box_shown("find"):
            self._close_find()
            self.query_one(ReadingPane).focus()
            return
        box = self._box_shown("filter")
        if box is None:
            return
        box.value = ""
        box.display = False
        self.query_one(ArticleList).set_filter("")
        self.query_one(ArticleList).focus()

    # Find in the article ------------------------------------------------------

    async def action_find(self) -> None:
        if self.query_one(ReadingPane).article is None:
            self.notify("Open an article first.", markup=False)
            return
        await self._box(
            "find", "find in this article (Enter: done, n/N: next/previous)", "#reading-column"
        )

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        count = self.query_one(ReadingPane).find(event.value)
        event.input.border_subtitle = f"{count} found" if event.value else ""

    @on(Input.Submitted, "#find")
    def _find_done(self, event: Input.Submitted) -> None:
        self.query_one(ReadingPane).focus()
        if event.value and not self.query_one(ReadingPane).matches:
            self.notify(f"Not found: {event.value}", severity="warning", markup=False)

    def _close_find(self) -> None:
        box = self._mounted_box("find")
        if box is not None and (box.display or box.value):
            box.value = ""
            box.display = False
            self.query_one(ReadingPane).find("")

    # Marks, views, sorting ------------------------------------------------------

    def _target(self) -> Entry | None:
        """The article a key acts on: the open one when reading, else the highlighted row."""
        if self.focused is self.query_one(ReadingPane) and self.open_entry is not None:
            return self.open_entry
        return self.query_one(ArticleList).current()

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
        self.query_one(ArticleList).set_bookmark(entry, marked)
        self.notify(
            ("Bookmarked: " if marked else "Bookmark removed: ") + entry.title,
            markup=False,
            timeout=2,
        )

    def action_cycle_view(self) -> None:
        articles = self.query_one(ArticleList)
        view = VIEWS[(VIEWS.index(articles.view) + 1) % len(VIEWS)]
        articles.set_view(view)
        self.state.update_settings(list_filter=view)
        self.notify(f"Showing {view} articles", timeout=1.5, markup=False)

    def action_cycle_sort(self) -> None:
        articles = self.query_one(ArticleList)
        sort = SORTS[(SORTS.index(articles.sort) + 1) % len(SORTS)]
        articles.set_sort(sort)
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
        if article is None:
            return
        from reader.ui.export_dialog import ExportDialog

        self.push_screen(ExportDialog(article), self._exported)

    def _exported(self, path: str | None) -> None:
        if path:
            self.notify(f"Saved as Markdown: {visible(path)}", markup=False)

    def action_copy(self) -> None:
        """Copy the quote picked with [ ] if there is one, else the whole article (OSC 52)."""
        article = self._open_article()
        if article is None:
            return
        pane = self.query_one(ReadingPane)
        if pane.quote_index is not None and pane.quote_index < len(article.quotes):
            quote = article.quotes[pane.quote_index]
            text = f"“{quote.text}”" + (f" — {quote.speaker}" if quote.speaker else "")
            what = "quote"
        else:
            from reader.export import to_markdown

            text, what = to_markdown(article), "article"
        from reader.clipboard import fits_osc52

        self.copy_to_clipboard(text)
        cut = "" if fits_osc52(text) else " (cut to the first 75 kB the terminal accepts)"
        self.notify(
            f"Copied the {what} ({len(text):,} characters) to the clipboard{cut}",
            markup=False,
            timeout=2,
        )

    def copy_to_clipboard(self, text: str) -> None:
        """Textual's OSC 52 copy, with the size terminals accept and the pass-through that
        tmux and GNU screen need to hand it on to the real terminal."""
        from reader.clipboard import detect_multiplexer, osc52

        self._clipboard = text
        if self._driver is not None:
            self._driver.write(osc52(text, multiplexer=detect_multiplexer()))

    def action_open_original(self) -> None:
        """O: the file in $VISUAL/$EDITOR (the app steps aside), else its web address."""
        entry = self.open_entry or self.query_one(ArticleList).current()
        if entry is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if editor:
            import shlex
            import subprocess

            try:
                with self.suspend():
                    subprocess.run([*shlex.split(editor), entry.path], check=False)
            except SuspendNotSupported:
                self.notify(
                    "This terminal cannot hand over to an editor.", severity="error", markup=False
                )
            except (OSError, ValueError) as error:
                self.notify(f"Could not start {editor}: {error}", severity="error", markup=False)
            return
        url = entry.article.url if entry.article else None
        if url:
            self.open_url(url)
            self.notify(f"Opening {url}", markup=False)
        else:
            self.notify(
                "Set $EDITOR to open the file; this article has no web address.",
                severity="warning",
                markup=False,
            )

    # Search the library and rescan -------------------------------------------------

    def action_search(self) -> None:
        from reader.ui.search_screen import SearchScreen

        entries = self.query_one(ArticleList).entries
        scope = [entry.path for entry in entries if entry.summary is not None]
        if not scope:
            self.notify("Nothing loaded to search yet.", markup=False)
            return
        self.push_screen(SearchScreen(self._open_cache(), scope), self._search_chosen)

    def _search_chosen(self, path: str | None) -> None:
        if not path:
            return
        articles = self.query_one(ArticleList)
        self.action_clear_filter()
        if articles.reveal(path):
            self.show_entry(articles.current())
            self.query_one(ReadingPane).focus()

    def action_rescan(self) -> None:
        """r: pick up files added to the opened folders since they were loaded."""
        paths = self.initial_paths + self.opened_paths
        if not paths:
            return
        self.pending_loads += 1
        self.load_paths(paths, only_new=True)

    # Other actions -----------------------------------------------------------

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        sidebar.display = not sidebar.display
        self.sidebar_wanted = sidebar.display
        self.state.update_settings(sidebar=sidebar.display)

    def action_help(self) -> None:
        from reader.ui.help_screen import HelpScreen

        sections = [
            ("Anywhere", [b for b in self.BINDINGS if isinstance(b, Binding)]),
            ("Article list", ArticleList.BINDINGS),
            ("Reading pane", ReadingPane.BINDINGS),
            (
                "Moving between panes",
                [
                    Binding("tab", "", "Next pane"),
                    Binding("shift+tab", "", "Previous pane"),
                    Binding("ctrl+p", "", "Command palette"),
                ],
            ),
        ]
        self.push_screen(HelpScreen(sections))

    def action_open(self) -> None:
        from reader.ui.open_dialog import OpenDialog

        self.push_screen(OpenDialog(), self._opened)

    def _opened(self, path: str | None) -> None:
        if not path:
            return
        if missing_paths([path]):
            self.notify(f"No such file or folder: {visible(path)}", severity="error", markup=False)
            return
        if next(iter_scan([path]), None) is None:
            self.notify(f"No articles found in {visible(path)}", severity="warning", markup=False)
            return
        self.notify(f"Opening {visible(path)}", markup=False)
        self.opened_paths.append(path)
        self.pending_loads += 1
        self.load_paths([path])

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Open file or folder", "Add articles from disk (o)", self.action_open)
        yield SystemCommand(
            "Filter articles", "Filter the list by title or author (/)", self.action_filter
        )
        yield SystemCommand("Next article", "Open the next article (n)", self.action_next_article)
        yield SystemCommand(
            "Previous article", "Open the previous article (p)", self.action_previous_article
        )
        yield SystemCommand(
            "Toggle sidebar", "Show or hide the metadata sidebar (s)", self.action_toggle_sidebar
        )
        yield SystemCommand(
            "Next quote",
            "Jump to the next quote (])",
            self.query_one(ReadingPane).action_next_quote,
        )
        yield SystemCommand(
            "Previous quote",
            "Jump to the previous quote ([)",
            self.query_one(ReadingPane).action_previous_quote,
        )
        yield SystemCommand(
            "Bookmark", "Bookmark or unbookmark the article (b)", self.action_toggle_bookmark
        )
        yield SystemCommand(
            "Show all / unread / bookmarked",
            "Change which articles are listed (u)",
            self.action_cycle_view,
        )
        yield SystemCommand(
            "Sort the list",
            "Folder, newest, oldest, title, publisher, read time (S)",
            self.action_cycle_sort,
        )
        yield SystemCommand(
            "Find in article", "Search the open article (/ or ctrl+f)", self.action_find
        )
        yield SystemCommand(
            "Export as Markdown", "Save the open article as Markdown (e)", self.action_export
        )
        yield SystemCommand("Copy", "Copy the current quote or the article (y)", self.action_copy)
        yield SystemCommand(
            "Open the original", "In $EDITOR, or its web address (O)", self.action_open_original
        )
        yield SystemCommand("Keys", "Show every key binding (?)", self.action_help)

    # Theme and size -------------------------------------------------------------

    def watch_theme(self, theme: str) -> None:
        if self.is_mounted:
            self._apply_theme()
            self.state.update_settings(theme=theme)

    def _restore_settings(self) -> None:
        """Config file first, then what the user last chose inside the app."""
        settings = self.state.settings
        theme = settings.theme or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(
                f"Unknown theme {theme!r}; using {self.theme}.", severity="warning", markup=False
            )
        self.query_one(ReadingPane).set_measure(settings.width or self.config.width)
        self.sidebar_wanted = settings.sidebar
        self.query_one(Sidebar).display = settings.sidebar
        articles = self.query_one(ArticleList)
        articles.view = settings.list_filter if settings.list_filter in VIEWS else "all"
        articles.sort = settings.sort if settings.sort in SORTS else "path"
        if self.config.keys:
            for message in self.config.unknown_bindings(self._binding_ids()):
                self.notify(message, severity="warning", markup=False)
            self.set_keymap(dict(self.config.keys))

    def _binding_ids(self) -> set[str]:
        ids = set()
        for bindings in (self.BINDINGS, ArticleList.BINDINGS, ReadingPane.BINDINGS):
            ids |= {b.id for b in bindings if isinstance(b, Binding) and b.id}
        return ids

    def _save_state(self) -> None:
        self._remember_position()
        self.state.save()
        if self.state.last_error:
            self.notify(
                f"Could not save reading state: {self.state.last_error}",
                severity="error",
                markup=False,
            )
            self.state.last_error = None

    def _remember_position(self) -> None:
        entry = self.open_entry
        if entry is not None and entry.article is not None:
            with contextlib.suppress(LoadError, ValueError):
                self.state.set_scroll(entry.path, self.query_one(ReadingPane).position)

    async def action_quit(self) -> None:
        self._remember_position()
        await super().action_quit()

    def on_unmount(self) -> None:
        self.state.flush()
        if self.cache is not None:
            self.cache.flush()

    @on(ReadingPane.MeasureChanged)
    def _measure_changed(self, event: ReadingPane.MeasureChanged) -> None:
        self.state.update_settings(width=event.width)

    def _apply_theme(self) -> None:
        palette = palette_for(self.current_theme)
        self.query_one(ReadingPane).restyle(palette)

    def on_resize(self) -> None:
        narrow = self.size.width < 100
        self.set_class(narrow, "-narrow")
        sidebar = self.query_one(Sidebar)
        sidebar.display = self.sidebar_wanted and self.size.width >= 90


def _scratch_state_path() -> str:
    """State for an app made without one (tests, embedding): kept apart from the user's."""
    import tempfile

    return os.path.join(tempfile.mkdtemp(prefix="reader-state-"), "state.json")
