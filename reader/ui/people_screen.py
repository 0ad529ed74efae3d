"""`P`: the People view, everyone quoted across the library and what they said.

It paints from the rows `PeopleFeed` has merged so far (from the cache, off the UI
thread, as files load), says when articles are still to come, and redraws as they
arrive. A person's quotes are listed a page at a time, more as the cursor nears the
end: one person may have thousands. Enter on a quote opens its article there; Esc in
the article comes back here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Quote
from reader.people import (
    Appearance,
    Person,
    SortKey,
    quotes_of,
    sort_people,
    unnamed_by_article,
)
from reader.ui.footer import Footer
from reader.ui.keys import bindings_of
from reader.ui.wording import plural

if TYPE_CHECKING:
    from reader.store.cache import ArticleCache
    from reader.ui.people_feed import PeopleFeed

CATCH_UP_SECONDS = 0.5
"""How often the People view looks at the loader's progress (new rows redraw it at once)."""
QUOTE_PAGE = 100
"""Quotes listed at once for a person; the next page comes as the cursor nears the end."""
SORT_LABELS: dict[SortKey, str] = {"quotes": "most quoted", "articles": "most articles"}

Row = Person | str
"""A row of the people list: a person, or the heading of an article's unnamed sources."""


def person_row(person: Person) -> Content:
    """One line: the name (organisations marked), then quotes and articles."""
    parts: list[str | tuple[str, str]] = [
        (person.name, "bold" if person.kind != "description" else "italic")
    ]
    if person.kind == "organisation":
        parts.append(("  organisation", "$accent"))
    counts = f"{person.quotes} quote{'s' * (person.quotes != 1)}"
    if person.kind != "description":
        counts += f" · {person.articles} article{'s' * (person.articles != 1)}"
    parts.append((f"  {counts}", "$text-muted"))
    return Content.assemble(*parts)


def quote_row(quote: Quote, entry_title: str, publisher: str | None, date: str | None) -> Content:
    """The quote, then where it was said: title, publisher, date."""
    where = [entry_title or "Untitled"]
    if publisher:
        where.append(publisher)
    if date:
        where.append(date.partition("T")[0])
    return Content.assemble(
        f"“{quote.text.strip()}”", "\n", ("  " + " · ".join(where), "$text-muted")
    )


class PeopleList(ScrollView, can_focus=True):
    """People as one line each, drawing only the lines on screen, so thousands cost nothing."""

    DEFAULT_CSS = """
    PeopleList {
        background: $surface;
        overflow-x: hidden;
        & > .people-list--row { padding: 0 1; }
        & > .people-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .people-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "people-list--row",
        "people-list--cursor",
    }

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "end(-1)", "Top", show=False),
        Binding("end,G", "end(1)", "Bottom", show=False),
        Binding("enter", "select", "Their quotes", id="people_quotes"),
        Binding("l,right", "select", "Their quotes", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)

    class Highlighted(Message):
        def __init__(self, person: Person | None) -> None:
            super().__init__()
            self.person = person

    class Selected(Message):
        def __init__(self, person: Person) -> None:
            super().__init__()
            self.person = person

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows: list[Row] = []
        self._strips: dict[tuple[int, Style, int], Strip] = {}

    def show(self, rows: list[Row], keep: str | None) -> None:
        """Make `rows` the list, the cursor on the person whose key is `keep` if listed."""
        self.rows = rows
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        position = next(
            (i for i, row in enumerate(rows) if isinstance(row, Person) and row.key == keep),
            None,
        )
        self.highlighted = position if position is not None else self._person_near(0, 1)
        self.refresh()

    def at_top(self) -> bool:
        """Whether the cursor is on the first person, or on nobody yet."""
        return self.highlighted in (None, self._person_near(0, 1))

    def current(self) -> Person | None:
        if self.highlighted is None or self.highlighted >= len(self.rows):
            return None
        row = self.rows[self.highlighted]
        return row if isinstance(row, Person) else None

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for position in (old, new):
            if position is not None:
                self.refresh_lines(position, 1)
        if new is not None and self.is_mounted:
            top = new - 1 if new > 0 and isinstance(self.rows[new - 1], str) else new
            width = self.scrollable_content_region.width
            self.scroll_to_region(
                Region(0, top, width, new + 1 - top), animate=False, force=True, immediate=True
            )
        self.post_message(self.Highlighted(self.current()))

    def _person_near(self, position: int, step: int) -> int | None:
        while 0 <= position < len(self.rows):
            if isinstance(self.rows[position], Person):
                return position
            position += step
        return None

    def action_cursor(self, step: int) -> None:
        start = (self.highlighted if self.highlighted is not None else -step) + step
        found = self._person_near(start, step)
        if found is not None:
            self.highlighted = found

    def action_page(self, step: int) -> None:
        start = (self.highlighted or 0) + step * max(1, self.scrollable_content_region.height - 1)
        start = max(0, min(start, len(self.rows) - 1))
        found = self._person_near(start, step)
        if found is None:
            found = self._person_near(start, -step)
        if found is not None:
            self.highlighted = found

    def action_end(self, step: int) -> None:
        found = self._person_near(len(self.rows) - 1 if step > 0 else 0, -step)
        if found is not None:
            self.highlighted = found

    def action_select(self) -> None:
        person = self.current()
        if person is not None:
            self.post_message(self.Selected(person))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = offset.y + self.scroll_offset.y
        if 0 <= position < len(self.rows) and isinstance(self.rows[position], Person):
            self.highlighted = position
            self.action_select()

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def _on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        position = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.get_visual_style("people-list--row")
        if not 0 <= position < len(self.rows):
            return Strip.blank(width, base.rich_style)
        style = (
            self.get_visual_style("people-list--row", "people-list--cursor")
            if position == self.highlighted
            else base
        )
        key = (position, style, width)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 500:
                self._strips.clear()
            row = self.rows[position]
            content = (
                person_row(row)
                if isinstance(row, Person)
                else Content.assemble((row, "bold $secondary"))
            )
            padding = self.get_component_styles("people-list--row").padding
            lines = Visual.to_strips(self, Padding(content, padding), width, 1, style)
            strip = self._strips[key] = lines[0].crop_extend(0, width, style.rich_style)
        return strip

    def prompt_at(self, position: int) -> str:
        """The text of a row (for tests)."""
        row = self.rows[position]
        return person_row(row).plain if isinstance(row, Person) else row


class QuoteList(OptionList):
    """The chosen person's quotes; Enter opens the article at the highlighted one.

    Listed a page at a time (each option is measured as it is added, and one person
    may have thousands): `NearEnd` asks for more when the cursor comes within a
    screenful of the last one listed."""

    class NearEnd(Message):
        pass

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= self.option_count - self.size.height:
            self.post_message(self.NearEnd())

    BINDINGS = [
        Binding("enter", "select", "Open the article at this quote", id="people_open"),
        Binding("j", "cursor_down", "", show=False),
        Binding("k", "cursor_up", "", show=False),
    ]


class PeopleScreen(Screen[tuple[str, int] | None]):
    """Returns the article path and quote number chosen with Enter, or None on Esc."""

    DEFAULT_CSS = """
    PeopleScreen {
        #people-pane {
            width: 2fr;
            min-width: 24;
            border-right: solid $panel-lighten-2;
        }
        #people-title {
            height: 1;
            padding: 0 1;
            background: $panel;
            color: $text-muted;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        #people-filter { height: 3; }
        #people-list { height: 1fr; }
        #people-list:focus { background-tint: $foreground 3%; }
        #person-pane { width: 3fr; }
        #person-title {
            height: auto;
            max-height: 5;
            padding: 0 1;
            background: $panel;
        }
        #person-quotes {
            height: 1fr;
            border: none;
            padding: 0 1;
            background: $surface;
        }
        #person-quotes:focus { background-tint: $foreground 2%; }
    }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="people_back"),
        Binding("P", "dismiss(None)", "Articles", show=False, id="people_close"),
        Binding("slash", "filter", "Filter", id="people_filter"),
        Binding("S", "cycle_sort", "Sort", id="people_sort"),
    ]

    def __init__(
        self,
        feed: PeopleFeed,
        cache: Callable[[], ArticleCache],
        loading: Callable[[], int] = lambda: 0,
    ) -> None:
        """`loading`: how many files the loader has still to list."""
        super().__init__(id="people-screen")
        self.feed = feed
        self._cache = cache
        self._loading = loading
        self._drawn: tuple[int, int] | None = None
        """The feed's generation and the files still to come when the list was last drawn."""
        self._more: list[Appearance] = []
        """The chosen person's articles whose quotes are not listed yet, newest first."""
        self.sort: SortKey = "quotes"
        self.needle = ""
        self.person: Person | None = None
        self.quotes: list[tuple[str, int]] = []
        """The quote list's rows: (article path, quote number in the article)."""
        self._shown_for: tuple[str, int] | None = None
        self.wanted_speaker: tuple[str, str] | None = None
        """(article path, speaker as the article names them): the person to show next time."""
        self.wanted_quote: tuple[str, int] | None = None
        """(article path, quote number): the quote to come back to next time."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="people-main"):
            with Vertical(id="people-pane"):
                yield Static("", id="people-title")
                yield PeopleList(id="people-list")
            with Vertical(id="person-pane"):
                yield Static("", id="person-title")
                yield QuoteList(id="person-quotes", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PeopleList).focus()
        self.feed.on_publish = self.catch_up
        self.set_interval(CATCH_UP_SECONDS, self.catch_up)

    def on_screen_resume(self) -> None:
        self.catch_up()
        if self.wanted_speaker is not None:
            person = self.feed.person_for(*self.wanted_speaker)
            self.show_person(person.key if person is not None else None)
        elif self.wanted_quote is not None:
            self.show_person(self.person.key if self.person else None, self.wanted_quote)
        self.wanted_speaker = self.wanted_quote = None

    # Building -----------------------------------------------------------------

    def coming(self) -> int:
        """Articles listed or still loading that the rows do not hold yet."""
        return self._loading() + self.feed.behind

    def catch_up(self) -> None:
        """Redraw if the feed merged more rows since the last look, or loading moved on."""
        self.feed.poke()
        if self._drawn != (self.feed.generation, self.coming()):
            self.refill()

    def refill(self) -> None:
        """Rows for the current sort and filter, the highlighted person kept."""
        self._drawn = (self.feed.generation, self.coming())
        people = sort_people(self.feed.people, self.sort)
        needle = self.needle.casefold()
        if needle:
            people = [p for p in people if _matches(p, needle)]
        rows: list[Row] = [person for person in people if person.kind != "description"]
        named = len(rows)
        for source, unnamed in unnamed_by_article(people[named:]):
            rows.append(f"Unnamed, in “{source.title or 'Untitled'}”")
            rows.extend(unnamed)
        listed = self.query_one(PeopleList)
        # A cursor on the first person stays on the first row as rows arrive or the sort
        # changes: the top is the most quoted so far. Elsewhere, it stays with its person.
        keep = self.person.key if self.person is not None and not listed.at_top() else None
        listed.show(rows, keep)
        title = f"People · {named:,} named · {SORT_LABELS[self.sort]}"
        if self.needle:
            title += f" · matching “{self.needle}”"
        if coming := self._drawn[1]:
            title += f" · {plural(coming, 'more article')} to come"
        self.query_one("#people-title", Static).update(Content(title))

    def show_person(self, key: str | None, quote: tuple[str, int] | None = None) -> None:
        """Highlight the person with this key (the view's filter cleared if it hides them)."""
        rows = self.query_one(PeopleList).rows
        if key is not None and not any(isinstance(r, Person) and r.key == key for r in rows):
            self._set_filter("")
        people = self.query_one(PeopleList)
        people.show(people.rows, key)
        self.person = people.current()
        self._show_quotes(self.person)
        while quote is not None and quote not in self.quotes and self._more:
            self._list_more_quotes()
        if quote is not None and quote in self.quotes:
            quotes = self.query_one("#person-quotes", OptionList)
            quotes.highlighted = self.quotes.index(quote)
            quotes.focus()

    # The person's quotes ----------------------------------------------------------

    @on(PeopleList.Highlighted)
    def _highlighted(self, event: PeopleList.Highlighted) -> None:
        self.person = event.person
        self._show_quotes(event.person)

    def _show_quotes(self, person: Person | None) -> None:
        shown = (person.key, person.quotes) if person is not None else None
        if shown == self._shown_for and shown is not None:
            return  # the same quotes: keep the place in them (the list was only refilled)
        self._shown_for = shown
        title = self.query_one("#person-title", Static)
        options = self.query_one("#person-quotes", OptionList)
        self.quotes = []
        options.clear_options()
        self._more = []
        if person is None:
            nobody = "Nobody matches." if self.needle else "Nobody quoted yet."
            title.update(Content(nobody if not self.coming() else "Reading who is quoted…"))
            return
        title.update(_person_heading(person))
        self._more = list(person.appearances)
        self._list_more_quotes()
        if self.quotes:
            options.highlighted = 0

    @on(QuoteList.NearEnd)
    def _list_more_quotes(self) -> None:
        """The next page of the person's quotes, read from the cache for its articles only."""
        page: list[Appearance] = []
        while self._more and sum(appearance.quotes for appearance in page) < QUOTE_PAGE:
            page.append(self._more.pop(0))
        if not page or self.person is None:
            return
        stored = self._cache().quotes([appearance.source.path for appearance in page])
        rows = []
        for appearance, said in quotes_of(self.person, stored, page):
            source = appearance.source
            for number, quote in said:
                self.quotes.append((source.path, number))
                rows.append(
                    Option(quote_row(quote, source.title, source.publisher, source.published))
                )
        self.query_one("#person-quotes", OptionList).add_options(rows)

    @on(PeopleList.Selected)
    def _selected(self, event: PeopleList.Selected) -> None:
        self.person = event.person
        self._show_quotes(event.person)
        if self.quotes:
            self.query_one("#person-quotes").focus()

    @on(OptionList.OptionSelected, "#person-quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.quotes[event.option_index])

    # Keys -----------------------------------------------------------------------

    async def action_filter(self) -> None:
        boxes = self.query("#people-filter")
        if boxes:
            box = boxes.first(Input)
        else:
            box = Input(placeholder="filter people by name", id="people-filter")
            await self.query_one("#people-pane").mount(box, before=1)
        box.display = True
        box.focus()

    @on(Input.Changed, "#people-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip()
        self.refill()

    @on(Input.Submitted, "#people-filter")
    def _filter_done(self) -> None:
        self.query_one(PeopleList).focus()

    def _set_filter(self, value: str) -> None:
        boxes = self.query("#people-filter")
        if boxes:
            box = boxes.first(Input)
            box.value = value
            box.display = bool(value)
        self.needle = value
        self.refill()

    def action_cycle_sort(self) -> None:
        self.sort = "articles" if self.sort == "quotes" else "quotes"
        self.refill()

    def action_back(self) -> None:
        """Esc: out of the filter, then from the quotes to the people, then back to reading."""
        focused = self.focused
        if isinstance(focused, Input):
            self._set_filter("")
            self.query_one(PeopleList).focus()
        elif focused is not None and focused.id == "person-quotes":
            self.query_one(PeopleList).focus()
        else:
            self.dismiss(None)


def _matches(person: Person, needle: str) -> bool:
    if needle in person.name.casefold():
        return True
    return any(needle in form.casefold() for form in person.forms)


def _person_heading(person: Person) -> Content:
    parts: list[str | tuple[str, str]] = [(person.name, "bold")]
    if person.kind == "organisation":
        parts.append(("  organisation", "$accent"))
    elif person.kind == "description":
        parts.append(("  unnamed source", "$text-muted"))
    others = [form for form in person.forms if form != person.name]
    quotes = f"{person.quotes} quote{'s' * (person.quotes != 1)}"
    articles = f"{person.articles} article{'s' * (person.articles != 1)}"
    parts.append((f"\n{quotes} in {articles}", "$text-muted"))
    if others:
        parts.append(("\nAlso: " + "; ".join(others), "$text-muted"))
    return Content.assemble(*parts)


PEOPLE_BINDINGS: list[Binding] = [
    *bindings_of(PeopleScreen.BINDINGS),
    *bindings_of(PeopleList.BINDINGS),
    *bindings_of(QuoteList.BINDINGS),
]
"""The People view's keys, for help and the `[keys]` table."""
