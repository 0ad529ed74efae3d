"""The list pane: a row per article, drawn line by line, filtered, sorted and grouped on demand."""

from __future__ import annotations

import contextlib
import os
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual

from reader.library import Entry
from reader.store.state import SORTS, VIEWS

UNREAD_MARK = "●"
LOADING_MARK = "◌"
"""An unread row listed by file name, not cleaned yet: "●" once it is."""
ROW_INDENT = 4
"""Cells before a title can start: the row's padding and the mark."""
BOOKMARK_MARK = "★"

SORT_NAMES = {
    "path": "folder",
    "newest": "newest first",
    "oldest": "oldest first",
    "title": "title",
    "publisher": "publisher",
    "read_time": "read time",
}


def _published(entry: Entry) -> str:
    return (entry.summary.published or "") if entry.summary else ""


def _sort_key(sort: str) -> Callable[[Entry], Any] | None:
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


@dataclass(frozen=True, slots=True)
class Row:
    """A line of the list: an article (its index into `entries`) or a group heading."""

    index: int = -1
    """Index into `entries`; -1 for a heading."""
    heading: str = ""

    @property
    def is_article(self) -> bool:
        return self.index >= 0


def _line_starts(rows: list[Row], tall: list[bool], first: int = 0) -> Iterable[int]:
    """The first line of each row from `first` on, then the line after the last: a heading
    is one line, an article two (title, details), three when its title takes two."""
    return accumulate(
        ((3 if tall[row.index] else 2) if row.index >= 0 else 1 for row in rows), initial=first
    )


def _title_parts(lines: list[str], style: str) -> list[str | tuple[str, str]]:
    """A title's lines for `Content.assemble`, the second indented under the first."""
    parts: list[str | tuple[str, str]] = [(lines[0], style)]
    for line in lines[1:]:
        parts += ["\n  ", (line, style)]
    return parts


def title_lines(title: str, width: int) -> list[str]:
    """The title in one line of `width` cells, or two broken between words, the second
    cut with an ellipsis if even two are not enough."""
    if cell_len(title) <= width or width < 8:
        return [title]
    words, first = title.split(" "), ""
    while words and cell_len(f"{first} {words[0]}".lstrip()) <= width:
        first = f"{first} {words.pop(0)}".lstrip()
    if not first:  # one word longer than the line: cut it
        first, rest = set_cell_size(title, width), title[len(set_cell_size(title, width)) :]
    else:
        rest = " ".join(words)
    if cell_len(rest) > width:
        rest = set_cell_size(rest, width - 1).rstrip() + "…"
    return [first, rest]


def _short_folder(folder: str) -> str:
    """The last two parts of a folder path: enough to tell folders apart in a narrow pane."""
    parts = [p for p in folder.replace(os.sep, "/").split("/") if p]
    return "/".join(parts[-2:]) + "/" if parts else folder


class ArticleList(ScrollView, can_focus=True):
    """Articles as rows of a list that draws only the lines on screen.

    `shown` holds the rows on the list: articles and group headings. Filtering, sorting
    and loading rebuild plain lists and nothing else, so they cost a pass over 10,000
    strings, not 10,000 options or widgets; drawing costs the rows in view.
    """

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .article-list--row {
            padding: 0 1;
        }
        & > .article-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .article-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .article-list--hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--row",
        "article-list--cursor",
        "article-list--hover",
    }

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "Top", show=False),
        Binding("end,G", "last", "Bottom", show=False),
        Binding("enter", "select", "Open", id="open_article"),
        Binding("l", "select", "Open", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """Position in `shown` of the row under the cursor (never a heading)."""

    _hover: reactive[int | None] = reactive(None)

    class Selected(Message):
        """Enter or a click on an article row."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class Highlighted(Message):
        """The cursor is on another article (or on none)."""

        def __init__(self, entry: Entry | None) -> None:
            super().__init__()
            self.entry = entry

    class RowsChanged(Message):
        """Which rows show changed: loading, the filter, the view or the sort."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self._rows: list[Row] = []
        """Each entry's row, made once."""
        self.shown: list[Row] = []
        """The rows on the list, in order."""
        self._starts: list[int] = [0]
        """The first line of each row, and after them the line count of the list."""
        self.filter_text = ""
        self.view = "all"
        self.sort = "path"
        self._prompts: dict[int, Content] = {}
        self._tall: list[bool] = []
        """For each entry, whether its title takes two lines at the current width."""
        self._title_width = 0
        """Cells a title line may take: the row's width less its padding and mark."""
        self._strips: dict[tuple[Row, Style, int], list[Strip]] = {}
        self._entry_index: dict[str, int] = {}
        self._folders: list[str] = []
        """Each entry's folder, computed once, for the folder headings."""
        self._keys: list[str] = []
        """Each entry's case-folded title, file name, authors and publisher, for the filter."""
        self._folder_set: set[str] = set()
        """The folders of every entry added so far."""
        self._regrouped = False
        """Whether entries arrived for a folder listed earlier (a rescan, a feed fetch)."""
        self.group_names: dict[str, str] = {}
        """Folders shown by a name with their unread count (a feed's articles), not a path."""
        self.loading_count = 0
        """Entries listed by file name, not cleaned yet."""

    # Building rows -----------------------------------------------------------

    def add_entries(self, entries: list[Entry]) -> None:
        """Append newly loaded entries; rows that pass the filter appear at once."""
        start = len(self.entries)
        self.entries.extend(entries)
        self.loading_count += sum(1 for entry in entries if entry.loading)
        for index, entry in enumerate(entries, start):
            self._rows.append(Row(index))
            self._tall.append(cell_len(entry.title) > self._title_width > 0)
            self._entry_index[entry.path] = index
            self._folders.append(os.path.dirname(entry.path) or ".")
            self._keys.append(entry.search_key)
        fresh = self._matching(range(start, len(self.entries)))
        if self._joins_earlier_folder(start):
            self._regrouped = True  # from now on the path order keeps each folder together
            self.rebuild()
        elif self.sort == "path" and not self._many_groups(fresh):
            if self._headed:
                self._append(self._with_headers(fresh, self._last_group()))
            else:
                self._append([self._rows[i] for i in fresh])
        else:
            self.rebuild()

    def fill_entries(self, cleaned: list[Entry]) -> None:
        """Entries listed by file name were cleaned: their rows show title, source and
        read time (or the failure) in place; the row under the cursor keeps it.

        In folder order the rows stay where they are and the top row of the view stays
        put even if rows above it grew; other orders, filters and views place them anew.
        """
        changed = []
        for new in cleaned:
            index = self._entry_index.get(new.path)
            if index is None or not self.entries[index].loading:
                continue
            entry = self.entries[index]
            entry.summary, entry.error, entry._search_key = new.summary, new.error, None
            self.loading_count -= 1
            self._keys[index] = entry.search_key
            self._tall[index] = cell_len(entry.title) > self._title_width > 0
            self._prompts.pop(index, None)
            changed.append(index)
        if not changed:
            return
        rows = {self._rows[index] for index in changed}
        self._strips = {key: strips for key, strips in self._strips.items() if key[0] not in rows}
        current = self.current_index()
        if self.sort != "path" or self.filter_text or self.view != "all":
            self.rebuild()
        else:
            self._restart_lines()
            for folder in {self._folders[index] for index in changed} & self.group_names.keys():
                self._refresh_heading(folder)  # its unread count leaves out failures
        if current is not None and current in changed:
            self.post_message(self.Highlighted(self.current()))

    def _restart_lines(self) -> None:
        """Rows changed height: recount their lines, keeping the view's top row in place."""
        top = self.scroll_offset.y
        position = bisect_right(self._starts, top) - 1
        offset = top - self._starts[position] if 0 <= position < len(self.shown) else 0
        self._starts = list(_line_starts(self.shown, self._tall))
        self.virtual_size = Size(self.scrollable_content_region.width, self._starts[-1])
        if 0 <= position < len(self.shown) and top:
            self.scroll_to(y=self._starts[position] + offset, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.RowsChanged())

    def _append(self, rows: list[Row]) -> None:
        """Loading delivers files in path order: add rows at the end, the rest untouched."""
        self.shown.extend(rows)
        self._starts.extend(_line_starts(rows, self._tall, first=self._starts.pop()))
        self.virtual_size = Size(self.scrollable_content_region.width, self._starts[-1])
        if self.highlighted is None:
            self._move(0, 1)
        self.refresh()
        self.post_message(self.RowsChanged())

    def rebuild(self, narrowing: bool = False) -> None:
        """Recompute which rows show and in what order, keeping the highlighted article.

        `narrowing`: the filter only got stricter, so only the rows shown now need testing,
        and they are already in order.
        """
        current = self.current_index()
        if narrowing:
            rows = self._matching([row.index for row in self.shown if row.is_article])
        else:
            rows = self._matching(range(len(self.entries)))
            key = _sort_key(self.sort)
            if key is not None:
                # Rows still loading go last, in folder order, until they are known.
                entries = self.entries
                rows.sort(key=lambda i: (entries[i].loading, key(entries[i])))
            elif self._regrouped:
                rows.sort(key=self._folder_order())
        self._show(self._with_headers(rows), current)

    def _joins_earlier_folder(self, start: int) -> bool:
        """Whether entries from `start` on belong to a folder listed before the last one."""
        earlier, fresh = self._folder_set, self._folders[start:]
        last = self._folders[start - 1] if start else None
        joins = any(f != last and f in earlier for f in fresh)
        earlier.update(fresh)
        return joins

    def _folder_order(self) -> Callable[[int], tuple[int, str]]:
        """Folders in the order they first arrived, each folder's files by path."""
        rank: dict[str, int] = {}
        for folder in self._folders:
            rank.setdefault(folder, len(rank))
        folders, entries = self._folders, self.entries
        return lambda i: (rank[folders[i]], entries[i].path)

    def _matching(self, candidates: Iterable[int]) -> list[int]:
        """The candidates that pass the view and the filter, in their order.

        Tests plain parallel lists rather than entries: at 10,000 rows this runs on
        every typed character.
        """
        wanted, keys, entries = self.filter_text.casefold(), self._keys, self.entries
        rows = [i for i in candidates if wanted in keys[i]] if wanted else list(candidates)
        if self.view == "unread":
            rows = [i for i in rows if not entries[i].read and not entries[i].error]
        elif self.view == "bookmarked":
            rows = [i for i in rows if entries[i].bookmarked]
        return rows

    def _show(self, rows: list[Row], current: int | None) -> None:
        """Make `rows` the list, with the cursor on `current` if it is among them."""
        self.shown = rows
        self._starts = list(_line_starts(rows, self._tall))
        self.virtual_size = Size(self.scrollable_content_region.width, self._starts[-1])
        position = None
        if current is not None:
            with contextlib.suppress(ValueError):
                position = rows.index(self._rows[current])
        self.highlighted = self._article_near(0, 1) if position is None else position
        self.refresh()
        self.post_message(self.RowsChanged())

    def _group(self, index: int) -> str:
        """The heading a row falls under: its folder, or its publisher."""
        if self.sort == "publisher":
            return self.entries[index].source or "Unknown publisher"
        return self._folders[index]

    def _with_headers(self, rows: list[int], previous: str | None = None) -> list[Row]:
        """The rows of these entries, with a heading before each group for the sorts that group."""
        article_rows = self._rows
        if self.sort not in ("path", "publisher") or not rows:
            return [article_rows[i] for i in rows]
        if self.sort == "path":
            folders = self._folders
            groups = [folders[i] for i in rows]
        else:
            groups = [self._group(i) for i in rows]
        if (
            self.sort == "path"
            and previous is None
            and len(set(groups)) == 1
            and groups[0] not in self.group_names
        ):
            return [article_rows[i] for i in rows]  # one folder needs no heading (a feed does)
        out: list[Row] = []
        for index, group in zip(rows, groups, strict=True):
            if group != previous:
                out.append(Row(heading=group))
                previous = group
            out.append(article_rows[index])
        return out

    @property
    def _headed(self) -> bool:
        return bool(self.shown) and not self.shown[0].is_article

    def _many_groups(self, fresh: list[int]) -> bool:
        """Whether appending `fresh` to a list without headings needs them (a folder, a feed)."""
        if self._headed or not (self.shown or fresh):
            return False
        if any(self._folders[i] in self.group_names for i in fresh):
            return True  # a feed's group is headed by its name and unread count
        first = self._folders[self.shown[0].index if self.shown else fresh[0]]
        return any(self._folders[i] != first for i in fresh)

    def _last_group(self) -> str | None:
        for row in reversed(self.shown):
            if row.is_article:
                return self._group(row.index)
        return None

    # Changing the view --------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only rows whose title, author or publisher contain `text`."""
        narrowing = bool(self.filter_text) and text.casefold().startswith(
            self.filter_text.casefold()
        )
        self.filter_text = text
        self.rebuild(narrowing)

    def set_view(self, view: str) -> None:
        self.view = view if view in VIEWS else "all"
        self.rebuild()

    def set_sort(self, sort: str) -> None:
        self.sort = sort if sort in SORTS else "path"
        self._prompts.clear()  # the publisher shows in rows unless it heads them
        self._strips.clear()
        self.rebuild()

    def lists(self, path: str) -> bool:
        """Whether the article at `path` is already in the list (shown or filtered out)."""
        return path in self._entry_index

    def reveal(self, path: str) -> bool:
        """Highlight the row of `path`, clearing the filter and view if they hide it."""
        index = self._entry_index.get(path)
        if index is None:
            return False
        row = self._rows[index]
        if row not in self.shown:
            self.filter_text, self.view = "", "all"
            self.rebuild()
        self.highlighted = self.shown.index(row)
        return True

    # Reading the selection ------------------------------------------------------

    def current_index(self) -> int | None:
        """Index into `entries` of the highlighted row."""
        if self.highlighted is None or self.highlighted >= len(self.shown):
            return None
        row = self.shown[self.highlighted]
        return row.index if row.is_article else None

    def first_line(self, position: int) -> int:
        """The line of the list the row at `position` starts on."""
        return self._starts[position]

    @property
    def shown_count(self) -> int:
        """How many articles the list shows (headings aside)."""
        return sum(1 for row in self.shown if row.is_article)

    def current(self) -> Entry | None:
        index = self.current_index()
        return None if index is None else self.entries[index]

    def step(self, step: int) -> Entry | None:
        """Highlight the next (`step` 1) or previous (-1) article and return it."""
        self._cursor(step)
        return self.current()

    # Moving the cursor ---------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_rows(old, new)
        self._keep_in_view(new)
        self.post_message(self.Highlighted(self.current()))

    def watch__hover(self, old: int | None, new: int | None) -> None:
        self._refresh_rows(old, new)

    def _refresh_rows(self, *positions: int | None) -> None:
        for position in positions:
            if position is not None and position < len(self.shown):
                top = self._starts[position]
                self.refresh_lines(top, self._starts[position + 1] - top)

    def _keep_in_view(self, position: int | None) -> None:
        if position is None or position >= len(self.shown) or not self.is_mounted:
            return
        top, bottom = self._starts[position], self._starts[position + 1]
        if position > 0 and not self.shown[position - 1].is_article:
            top -= 1  # keep the group's heading in view with its first article
        self.scroll_to_region(
            Region(0, top, self.scrollable_content_region.width, bottom - top),
            animate=False,
            force=True,
            immediate=True,
        )

    def _article_near(self, position: int, step: int) -> int | None:
        """The first article row from `position` on in direction `step`, if any."""
        while 0 <= position < len(self.shown):
            if self.shown[position].is_article:
                return position
            position += step
        return None

    def _move(self, position: int, step: int) -> None:
        found = self._article_near(position, step)
        if found is None:
            found = self._article_near(position - step, -step)
        if found is not None:
            self.highlighted = found

    def _cursor(self, step: int) -> None:
        """One article down (`step` 1) or up (-1), past headings; stays at either end."""
        if self.highlighted is None:
            self._move(0, 1)
        elif (found := self._article_near(self.highlighted + step, step)) is not None:
            self.highlighted = found

    def action_cursor_down(self) -> None:
        self._cursor(1)

    def action_cursor_up(self) -> None:
        self._cursor(-1)

    def action_first(self) -> None:
        self._move(0, 1)

    def action_last(self) -> None:
        self._move(len(self.shown) - 1, -1)

    def _page(self, step: int) -> None:
        if self.highlighted is None:
            self._move(0, 1)
            return
        line = self._starts[self.highlighted] + step * self.scrollable_content_region.height
        line = max(0, min(line, self._starts[-1] - 1))
        self._move(bisect_right(self._starts, line) - 1, step)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        entry = self.current()
        if entry is not None:
            self.post_message(self.Selected(entry))

    def _position_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        position = bisect_right(self._starts, offset.y + self.scroll_offset.y) - 1
        return position if 0 <= position < len(self.shown) else None

    def on_click(self, event: events.Click) -> None:
        position = self._position_at(event)
        if position is not None and self.shown[position].is_article:
            self.highlighted = position
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._position_at(event)

    def on_leave(self, event: events.Leave) -> None:
        self._hover = None

    # Drawing ------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._strips.clear()  # theme or focus changed the row styles
        super().notify_style_update()

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width - ROW_INDENT != self._title_width:
            self._rewrap(width - ROW_INDENT)
        self.virtual_size = Size(width, self._starts[-1])
        self._keep_in_view(self.highlighted)

    def _rewrap(self, title_width: int) -> None:
        """Titles wrap to the new width: rows may change height."""
        self._title_width = title_width
        self._tall = [cell_len(entry.title) > title_width > 0 for entry in self.entries]
        self._prompts.clear()
        self._strips.clear()
        self._starts = list(_line_starts(self.shown, self._tall))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        position = bisect_right(self._starts, line) - 1
        if 0 <= position < len(self.shown):
            strips = self._row_strips(position, width)
            offset = line - self._starts[position]
            if offset < len(strips):
                return strips[offset]
        return Strip.blank(width, self.get_visual_style("article-list--row").rich_style)

    def _row_strips(self, position: int, width: int) -> list[Strip]:
        row = self.shown[position]
        if position == self.highlighted:
            style = self.get_visual_style("article-list--row", "article-list--cursor")
        elif position == self._hover and row.is_article:
            style = self.get_visual_style("article-list--row", "article-list--hover")
        else:
            style = self.get_visual_style("article-list--row")
        key = (row, style, width)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) > 500:
                self._strips.clear()
            padding = self.get_component_styles("article-list--row").padding
            content = self._content(row.index) if row.is_article else self._heading(row.heading)
            strips = Visual.to_strips(self, Padding(content, padding), width, None, style)
            strips = self._strips[key] = [
                strip.extend_cell_length(width, style.rich_style) for strip in strips
            ]
        return strips

    def _heading(self, group: str) -> Content:
        name = self.group_names.get(group) if self.sort == "path" else None
        if name is not None:
            unread = self._unread_in(group)
            return Content.assemble(
                (name, "bold $secondary"), (f"  {unread} unread", "$text-muted")
            )
        label = _short_folder(group) if self.sort == "path" else group
        return Content.assemble((label, "bold $secondary"))

    def _unread_in(self, group: str) -> int:
        entries = self.entries
        return sum(
            1
            for index, folder in enumerate(self._folders)
            if folder == group and not entries[index].read and not entries[index].error
        )

    def _content(self, index: int) -> Content:
        prompt = self._prompts.get(index)
        if prompt is None:
            prompt = self._prompts[index] = self._prompt(self.entries[index])
        return prompt

    def prompt_at(self, position: int) -> Content:
        """What the row at `position` says (for tests and the help of screen readers)."""
        row = self.shown[position]
        return self._content(row.index) if row.is_article else self._heading(row.heading)

    # Marks ------------------------------------------------------------------------

    def mark_read(self, entry: Entry) -> None:
        """Drop the unread mark of a row in place."""
        if not entry.read:
            entry.read = True
            self._refresh_row(entry)
            index = self._entry_index.get(entry.path)
            if index is not None and self._folders[index] in self.group_names:
                self._refresh_heading(self._folders[index])

    def _refresh_heading(self, group: str) -> None:
        """Redraw a group's heading, whose unread count changed."""
        heading = Row(heading=group)
        self._strips = {key: strips for key, strips in self._strips.items() if key[0] != heading}
        with contextlib.suppress(ValueError):
            self._refresh_rows(self.shown.index(heading))

    def set_bookmark(self, entry: Entry, marked: bool) -> None:
        entry.bookmarked = marked
        self._refresh_row(entry)

    def _refresh_row(self, entry: Entry) -> None:
        index = self._entry_index.get(entry.path)
        if index is None:
            return
        self._prompts.pop(index, None)
        row = self._rows[index]
        self._strips = {key: strips for key, strips in self._strips.items() if key[0] != row}
        with contextlib.suppress(ValueError):
            self._refresh_rows(self.shown.index(row))

    def _prompt(self, entry: Entry) -> Content:
        """Marks and title (one line or two), then source and read time (or the failure).

        Under publisher headings the publisher is left out: the heading says it."""
        lines = title_lines(entry.title, self._title_width or len(entry.title))
        unread = not entry.read
        if entry.loading:
            mark = BOOKMARK_MARK if entry.bookmarked else (LOADING_MARK if unread else " ")
            return Content.assemble(
                (mark + " ", "$text-muted"),
                *_title_parts(lines, "italic $text-muted"),
                "\n",
                ("  loading…", "$text-muted"),
            )
        if entry.error is not None:
            return Content.assemble(
                ("✗ ", "bold $error"),
                *_title_parts(lines, "strike"),
                "\n",
                ("  failed: " + entry.error, "$error"),
            )
        mark = BOOKMARK_MARK if entry.bookmarked else (UNREAD_MARK if unread else " ")
        details = [entry.source] if entry.source and self.sort != "publisher" else []
        if entry.summary is not None:
            details.append(f"{entry.summary.read_time_minutes} min")
        return Content.assemble(
            (mark + " ", "bold $accent"),
            *_title_parts(lines, "bold" if unread else ""),
            "\n",
            ("  " + " · ".join(details), "$text-muted"),
        )
