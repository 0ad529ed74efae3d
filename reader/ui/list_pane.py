"""The left column: a title line, the filter box when wanted, the article list, load progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from reader.ui.article_list import ArticleList
from reader.ui.loader import LoadCounts
from reader.ui.wording import plural

if TYPE_CHECKING:  # imported with the first progress bar: not needed for the first frame
    from textual.widgets import ProgressBar


class ListPane(Vertical):
    """The article list with what is said about it: how many, how loading goes, the filter."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_line = Static(Text("reader", "bold"), id="list-title")
        self.articles = ArticleList(id="articles")
        self.filter_box: Input | None = None
        """Mounted the first time `/` is pressed: every widget costs start-up time."""
        self.progress: Vertical | None = None
        self._progress_parts: tuple[Static, ProgressBar] | None = None
        """Made with the first load that shows progress, with `progress`."""
        self.counts = LoadCounts()

    def compose(self) -> ComposeResult:
        yield self.title_line
        yield self.articles

    # The filter box -------------------------------------------------------------

    async def open_filter(self) -> None:
        if self.filter_box is None:
            self.filter_box = Input(placeholder="filter by title or author", id="filter")
            await self.mount(self.filter_box, before=self.articles)
        self.filter_box.display = True
        self.filter_box.focus()

    @property
    def filter_shown(self) -> bool:
        return self.filter_box is not None and self.filter_box.display

    def close_filter(self) -> None:
        """Hide the filter box and show every article again."""
        if self.filter_box is None:
            return
        self.filter_box.value = ""
        self.filter_box.display = False
        self.articles.set_filter("")
        self.articles.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.articles.set_filter(event.value.strip())

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.articles.focus()

    # Progress and the title line ------------------------------------------------------

    def show_progress(self, counts: LoadCounts) -> None:
        """A progress bar while files load, and the counts in the title line."""
        if counts.done:
            if self.progress is not None:
                self.progress.display = False
        else:
            label = Text(f"Loading {counts.loaded:,} / {counts.total:,}")
            if self.progress is None or self._progress_parts is None:
                from textual.widgets import ProgressBar

                bar = ProgressBar(
                    total=counts.total, show_eta=False, show_percentage=False, id="progress-bar"
                )
                bar.progress = counts.loaded
                self._progress_parts = (Static(label, id="progress-label"), bar)
                self.progress = Vertical(*self._progress_parts, id="progress")
                self.mount(self.progress)
            else:
                # Kept once mounted, only hidden between loads: loads can follow each other
                # faster than a removal completes (a feed fetch loads each article alone).
                self.progress.display = True
                text, bar = self._progress_parts
                text.update(label)
                bar.update(total=counts.total, progress=counts.loaded)
        self.counts = counts
        self._update_title()

    @on(ArticleList.RowsChanged)
    def _update_title(self) -> None:
        self.title_line.update(Text(list_title(self.articles, self.counts), "bold"))


def list_title(articles: ArticleList, counts: LoadCounts) -> str:
    """What the list holds: "12 articles, 2 failed" ("40 loading" while files listed by name
    are cleaned); under a filter or view, "2 of 14
    unread" or "No article matches 'xyz'"."""
    listed = len(articles.entries)
    narrowed = bool(articles.filter_text) or articles.view != "all"
    if not narrowed or not listed:
        loading = articles.loading_count
        parts = [plural(listed - counts.failed - loading, "article")]
        if loading:
            parts.append(f"{loading:,} loading")
        if counts.failed:
            parts.append(f"{counts.failed:,} failed")
        if counts.skipped:
            parts.append(
                plural(counts.skipped, "file")
                + (
                    " skipped (not an article)"
                    if counts.skipped == 1
                    else " skipped (not articles)"
                )
            )
        return ", ".join(parts)
    kind = "" if articles.view == "all" else f"{articles.view} "
    matching = f" matching {articles.filter_text!r}" if articles.filter_text else ""
    shown = articles.shown_count
    if shown:
        return f"{shown:,} of {listed:,} {kind}{matching}".replace("  ", " ").strip()
    if articles.filter_text:
        return f"No {kind}article matches {articles.filter_text!r}"
    return f"No {kind}articles"
