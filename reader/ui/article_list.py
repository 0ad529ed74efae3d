"""The list pane: one line-rendered row per article, filtered, sorted and grouped on demand."""

from __future__ import annotations

import os
from collections.abc import Callable

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library import Entry

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"

VIEWS = ("all", "unread", "bookmarked")
SORTS = ("path", "newest", "oldest", "title", "publisher", "read_time")
SORT_NAMES = {"path": "folder", "newest": "newest first", "oldest": "oldest first",
              "title": "title", "publisher": "publisher", "read_time": "read time"}


class RowContent(Content):
    """A list row whose height is its line count: rows never wrap (see the stylesheet).

    Textual asks every option its height whenever the options change; answering
    from the text alone keeps filtering 10,000 rows within a frame.
    """

    __slots__ = ()

    def get_height(self, rules, width: int) -> int:
        return self.plain.count("\n") + 1


def _published(entry: Entry) -> str:
    return (entry.summary.published or "") if entry.summary else ""


def _sort_key(sort: str) -> Callable[[Entry], object] | None:
    if sort == "newest":
        return lambda e: (not _published(e), [-ord(c) for c in _published(e)])
    if sort == "oldest":
        return lambda e: (not _published(e), _published(e))
    if sort == "title":
        return lambda e: e.title.casefold()
    if sort == "publisher":
        return lambda e: (not e.source, e.source.casefold(), e.title.casefold())
    if sort == "read_time":
        return lambda e: e.summary.read_time_minutes if e.summary else 0
    return None


def _short_folder(folder: str) -> str:
    """The last two parts of a folder path: enough to tell folders apart in a narrow pane."""
    parts = [p for p in folder.replace(os.sep, "/").split("/") if p]
    return "/".join(parts[-2:]) + "/" if parts else folder


class ArticleList(OptionList):
    """Articles as options; each row's option is built once and reused when the view changes."""

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
        self.shown: list[int | str] = []
        """For each option, its index into `entries`, or the text of a group heading."""
        self.read: set[str] = set()
        self.bookmarked: set[str] = set()
        self.needle = ""
        self.view = "all"
        self.sort = "path"
        self._row_cache: dict[int, Option] = {}
        self._entry_index: dict[str, int] = {}
        self._folders: list[str] = []
        """Each entry's folder, computed once, for the folder headings."""

    # Building rows -----------------------------------------------------------

    def add_entries(self, entries: list[Entry]) -> None:
        """Append newly loaded entries; rows that pass the filter appear at once."""
        start = len(self.entries)
        self.entries.extend(entries)
        for index, entry in enumerate(entries, start):
            self._entry_index[entry.path] = index
            self._folders.append(os.path.dirname(entry.path) or ".")
            if entry.read:
                self.read.add(entry.path)
            if entry.bookmarked:
                self.bookmarked.add(entry.path)
        fresh = [i for i in range(start, len(self.entries)) if self._passes(self.entries[i])]
        if self.sort == "path" and not self._many_groups(fresh):
            # Loading appends in path order: extend in place instead of rebuilding.
            headed = any(isinstance(i, str) for i in self.shown)
            rows = self._with_headers(fresh, self._last_group()) if headed else fresh
            keep = self.highlighted
            self.shown.extend(rows)
            self.add_options([self._row(i) for i in rows])
            if keep is None:
                self._highlight_first()
        else:
            self.rebuild()

    def rebuild(self, narrowing: bool = False) -> None:
        """Recompute which rows show and in what order, keeping the highlighted article.

        `narrowing`: the filter only got stricter, so only the rows shown now need testing,
        and they are already in order.
        """
        current = self.current_index()
        if narrowing:
            rows = [i for i in self.shown if isinstance(i, int) and self._passes(self.entries[i])]
        else:
            rows = [i for i, entry in enumerate(self.entries) if self._passes(entry)]
            key = _sort_key(self.sort)
            if key is not None:
                rows.sort(key=lambda i: key(self.entries[i]))
        self.shown = self._with_headers(rows)
        self.set_options([self._row(i) for i in self.shown])
        if current in self.shown:
            self.highlighted = self.shown.index(current)
        else:
            self._highlight_first()

    def _group(self, index: int) -> str:
        """The heading a row falls under: its folder, or its publisher."""
        if self.sort == "publisher":
            return self.entries[index].source or "Unknown publisher"
        return self._folders[index]

    def _with_headers(self, rows: list[int], previous: str | None = None) -> list[int | str]:
        """Put a heading row before each group, for the sorts that group."""
        if self.sort not in ("path", "publisher") or not rows:
            return list(rows)
        groups = [self._group(i) for i in rows]
        if self.sort == "path" and previous is None and len(set(groups)) == 1:
            return list(rows)  # one folder needs no heading
        out: list[int | str] = []
        for index, group in zip(rows, groups, strict=True):
            if group != previous:
                out.append(group)
                previous = group
            out.append(index)
        return out

    def _many_groups(self, fresh: list[int]) -> bool:
        """Whether appending `fresh` brings a second folder to a list without headings yet."""
        if any(isinstance(i, str) for i in self.shown):
            return False
        folders = {self._folders[i] for i in self.shown if isinstance(i, int)}
        folders |= {self._folders[i] for i in fresh}
        return len(folders) > 1

    def _last_group(self) -> str | None:
        for index in reversed(self.shown):
            if isinstance(index, int):
                return self._group(index)
        return None

    def _row(self, index: int | str) -> Option:
        if isinstance(index, str):
            label = _short_folder(index) if self.sort == "path" else index
            return Option(RowContent.assemble((label, "bold $secondary")), disabled=True)
        option = self._row_cache.get(index)
        if option is None:
            option = self._row_cache[index] = Option(self._prompt(self.entries[index]))
        return option

    def _passes(self, entry: Entry) -> bool:
        if self.view == "unread" and (entry.path in self.read or entry.error):
            return False
        if self.view == "bookmarked" and entry.path not in self.bookmarked:
            return False
        return not self.needle or self.needle.casefold() in entry.search_key

    def _highlight_first(self) -> None:
        for position, index in enumerate(self.shown):
            if isinstance(index, int):
                self.highlighted = position
                return

    # Changing the view --------------------------------------------------------

    def set_filter(self, needle: str) -> None:
        """Show only rows whose title, author or publisher contain `needle`."""
        narrowing = bool(self.needle) and needle.casefold().startswith(self.needle.casefold())
        self.needle = needle
        self.rebuild(narrowing)

    def set_view(self, view: str) -> None:
        self.view = view if view in VIEWS else "all"
        self.rebuild()

    def set_sort(self, sort: str) -> None:
        self.sort = sort if sort in SORTS else "path"
        self.rebuild()

    def lists(self, path: str) -> bool:
        """Whether the article at `path` is already in the list (shown or filtered out)."""
        return path in self._entry_index

    def reveal(self, path: str) -> bool:
        """Highlight the row of `path`, clearing the filter and view if they hide it."""
        index = self._entry_index.get(path)
        if index is None:
            return False
        if index not in self.shown:
            self.needle, self.view = "", "all"
            self.rebuild()
        self.highlighted = self.shown.index(index)
        return True

    # Reading the selection ------------------------------------------------------

    def current_index(self) -> int | None:
        """Index into `entries` of the highlighted row."""
        if self.highlighted is None or self.highlighted >= len(self.shown):
            return None
        index = self.shown[self.highlighted]
        return index if isinstance(index, int) else None

    def current(self) -> Entry | None:
        index = self.current_index()
        return None if index is None else self.entries[index]

    def step(self, step: int) -> Entry | None:
        """Highlight the next (`step` 1) or previous (-1) article and return it."""
        if not any(isinstance(i, int) for i in self.shown):
            return None
        position = self.highlighted if self.highlighted is not None else -step
        while True:
            position += step
            if not 0 <= position < len(self.shown):
                return self.current()
            if isinstance(self.shown[position], int):
                self.highlighted = position
                return self.current()

    # Marks ------------------------------------------------------------------------

    def mark_read(self, entry: Entry) -> None:
        """Drop the unread mark of a row in place."""
        if entry.path not in self.read:
            self.read.add(entry.path)
            self._refresh_row(entry)

    def set_bookmark(self, entry: Entry, marked: bool) -> None:
        (self.bookmarked.add if marked else self.bookmarked.discard)(entry.path)
        self._refresh_row(entry)

    def _refresh_row(self, entry: Entry) -> None:
        index = self._entry_index.get(entry.path)
        if index is None:
            return
        prompt = self._prompt(entry)
        if index in self._row_cache:
            self._row_cache[index] = Option(prompt)
        if index in self.shown:
            self.replace_option_prompt_at_index(self.shown.index(index), prompt)

    def _prompt(self, entry: Entry) -> Content:
        """Two lines: marks and title, then source and read time (or the failure)."""
        if entry.error is not None:
            return RowContent.assemble(("✗ ", "bold $error"), (entry.title, "strike"), "\n",
                                       ("  failed: " + entry.error, "$error"))
        unread = entry.path not in self.read
        mark = BOOKMARK_MARK if entry.path in self.bookmarked else (
            UNREAD_MARK if unread else " ")
        details = [entry.source] if entry.source else []
        details.append(f"{entry.summary.read_time_minutes} min")
        return RowContent.assemble(
            (mark + " ", "bold $accent"),
            (entry.title, "bold" if unread else ""),
            "\n",
            ("  " + " · ".join(details), "$text-muted"),
        )
