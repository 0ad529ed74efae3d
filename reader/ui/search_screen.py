"""`ctrl+s`: full-text search over the whole library (titles, authors, bodies), ranked.

Queries run in a worker so typing never waits on SQLite; each keystroke
cancels the search before it. Choosing a hit returns the words it matched,
as the article writes them, with the snippet around them, so the article
opens at that very place with the words highlighted.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.store.cache import ArticleCache
from reader.store.search import SearchHit
from reader.ui.dialog import dialog_css

_SCOPE_WAIT = 10.0
"""Seconds a search waits for the scope; past that it searches what the cache holds."""


def hit_row(hit: SearchHit) -> Content:
    """Title, then the snippet with the matching words stressed."""
    parts: list[str | tuple[str, str]] = [(hit.title, "bold"), "\n  "]
    snippet, cursor = hit.snippet, 0
    for start, end in hit.marks:
        parts.append((snippet[cursor:start], "$text-muted"))
        parts.append((snippet[start:end], "bold $accent"))
        cursor = end
    parts.append((snippet[cursor:], "$text-muted"))
    return Content.assemble(*parts)


@dataclass(frozen=True, slots=True)
class SearchChoice:
    """The chosen hit: which article, and where in it."""

    path: str
    term: str
    """The first matched words in the snippet, as written; empty when the body has none."""
    before: str = ""
    """The snippet's text just before them, to tell this place from other matches."""
    after: str = ""
    """The snippet's text from them on."""


def choice_for(hit: SearchHit) -> SearchChoice:
    """Where to open `hit`: at the first words its snippet marks."""
    if not hit.marks:
        return SearchChoice(hit.path, "")
    start, end = hit.marks[0]
    snippet = hit.snippet
    return SearchChoice(
        hit.path, snippet[start:end], snippet[:start].lstrip("…"), snippet[start:].rstrip("…")
    )


class SearchScreen(ModalScreen[SearchChoice | None]):
    """Returns the chosen hit, or None."""

    DEFAULT_CSS = dialog_css(
        "SearchScreen",
        "search-box",
        """
        #search-box {
            max-width: 110;
            height: 85%;
        }
        #search-count {
            color: $text-muted;
            height: 1;
        }
        #search-results {
            height: 1fr;
            border: none;
        }
        #search-results > .option-list--option {
            padding: 0 0 1 0;
        }
        """,
    )
    BINDINGS = [
        Binding("escape", "cancel", "Close"),
        Binding("down", "focus_results", "Results", show=False),
    ]

    def __init__(self, cache: ArticleCache, scope: list[str]) -> None:
        super().__init__()
        self.cache = cache
        self.scope = scope
        self.hits: list[SearchHit] = []
        self._scoped = threading.Event()
        """Set once the cache searches only the opened library; a search waits for it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Label("Search the library: titles, authors and text", id="search-title")
            yield Input(placeholder='words or "a phrase"', id="search-input")
            yield Label("", id="search-count")
            yield OptionList(id="search-results", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._set_scope()

    @work(thread=True, exclusive=True, group="search-scope")
    def _set_scope(self) -> None:
        try:
            self.cache.set_scope(self.scope)
        finally:
            self._scoped.set()

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        self._scoped.wait(timeout=_SCOPE_WAIT)
        hits = self.cache.search(query, limit=50)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        self.hits = hits
        results = self.query_one("#search-results", OptionList)
        results.set_options([Option(hit_row(hit)) for hit in hits])
        if hits:
            results.highlighted = 0
        label = (
            ""
            if not query.strip()
            else (
                f"{len(hits)} found" + (" (best 50)" if len(hits) == 50 else "")
                if hits
                else "Nothing found"
            )
        )
        self.query_one("#search-count", Label).update(Content(label))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        if self.hits:
            self.dismiss(choice_for(self.hits[0]))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(choice_for(self.hits[event.option_index]))

    def action_focus_results(self) -> None:
        self.query_one("#search-results").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
