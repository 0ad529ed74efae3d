"""The list pane: one line-rendered row per article, filterable as you type."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library import Entry

UNREAD_MARK = "●"


class ArticleList(OptionList):
    """Articles as options; rows are built once per entry and reused when filtering."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("l", "select", "Open", show=False),
        Binding("enter", "select", "Open", id="open_article"),
        Binding("g", "first", "Top", show=False),
        Binding("G", "last", "Bottom", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.entries: list[Entry] = []
        self.shown: list[int] = []
        """Indices into `entries` of the rows currently shown, in order."""
        self.read: set[str] = set()
        self.needle = ""

    def add_entries(self, entries: list[Entry]) -> None:
        """Append newly loaded entries; rows matching the filter appear at once."""
        start = len(self.entries)
        self.entries.extend(entries)
        self.read.update(entry.path for entry in entries if entry.read)
        shown = [i for i in range(start, len(self.entries)) if self.entries[i].matches(self.needle)]
        self.shown.extend(shown)
        keep = self.highlighted
        self.add_options([self._option(i) for i in shown])
        if keep is None and self.option_count:
            self.highlighted = 0

    def set_filter(self, needle: str) -> None:
        """Show only rows whose title, author or publisher contain `needle`."""
        self.needle = needle
        current = self.current_index()
        self.shown = [i for i, entry in enumerate(self.entries) if entry.matches(needle)]
        self.set_options([self._option(i) for i in self.shown])
        if self.shown:
            self.highlighted = self.shown.index(current) if current in self.shown else 0

    def current_index(self) -> int | None:
        """Index into `entries` of the highlighted row."""
        if self.highlighted is None or self.highlighted >= len(self.shown):
            return None
        return self.shown[self.highlighted]

    def current(self) -> Entry | None:
        index = self.current_index()
        return None if index is None else self.entries[index]

    def mark_read(self, entry: Entry) -> None:
        """Drop the unread mark of a row in place."""
        if entry.path in self.read:
            return
        self.read.add(entry.path)
        index = self.entries.index(entry)
        if index in self.shown:
            self.replace_option_prompt_at_index(self.shown.index(index), self._prompt(entry))

    def step(self, step: int) -> Entry | None:
        """Highlight the next (`step` 1) or previous (-1) row and return its entry."""
        if not self.shown:
            return None
        if self.highlighted is None:
            self.highlighted = 0
        else:
            self.highlighted = max(0, min(len(self.shown) - 1, self.highlighted + step))
        return self.current()

    def _option(self, index: int) -> Option:
        return Option(self._prompt(self.entries[index]))

    def _prompt(self, entry: Entry) -> Content:
        """Two lines: mark and title, then source and read time (or the failure)."""
        if entry.error is not None:
            return Content.assemble(("✗ ", "bold $error"), (entry.title, "strike"), "\n",
                                    ("  failed: " + entry.error, "$error"))
        unread = entry.path not in self.read
        details = [entry.source] if entry.source else []
        details.append(f"{entry.summary.read_time_minutes} min")
        return Content.assemble(
            (UNREAD_MARK + " " if unread else "  ", "bold $accent"),
            (entry.title, "bold" if unread else ""),
            "\n",
            ("  " + " · ".join(details), "$text-muted"),
        )
