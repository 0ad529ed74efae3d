"""The reading pane: the article in a centred, readable measure, one widget per paragraph.

A widget per paragraph (not one big block) lets the pane scroll straight to a
quote or a search match by scrolling its paragraph into view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Final

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from reader.config import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH
from reader.library import Entry
from reader.model import Article, is_preformatted
from reader.safe_text import visible

if TYPE_CHECKING:  # imported with the first article shown: not needed for the first frame
    from reader.render import Palette

MAX_SHOWN_CHARS: Final = 300_000
"""The pane lays out an article's paragraphs up to about this many characters (a long book
chapter) and says what it left out: every paragraph is laid out again on each resize, and
a text of megabytes would stall the app for minutes."""


def shown_paragraphs(paragraphs: list[str]) -> int:
    """How many leading paragraphs fit in `MAX_SHOWN_CHARS` (always at least one)."""
    total = 0
    for index, paragraph in enumerate(paragraphs):
        total += len(paragraph)
        if total > MAX_SHOWN_CHARS and index:
            return index
    return len(paragraphs)


def _left_out(paragraphs: list[str], shown: int) -> Text:
    rest = paragraphs[shown:]
    return Text(
        f"[{len(rest):,} more paragraphs, {sum(map(len, rest)):,} characters, are not shown: "
        "the article is too long to lay out here. reader --plain FILE prints all of it.]",
        "dim italic",
    )


def _kind(article: Article, index: int) -> str:
    """The style class of paragraph `index`: a heading, preformatted text (code, verse: the
    paragraphs with line breaks) set off on a tinted ground, or a paragraph."""
    if index in article.headings:
        return "heading"
    return "preformatted" if is_preformatted(article.paragraphs[index]) else "paragraph"


def _welcome() -> Text:
    text = Text("Nothing open yet.\n\n", "bold")
    text.append(
        "Choose an article in the list with ↑/↓ or j/k and press Enter.\n"
        "o opens more files, / filters the list, ? lists every key.",
        "",
    )
    return text


_PARTS = (
    "title",
    "byline",
    "meta",
    "heading",
    "summary",
    "quote",
    "attribution",
    "speaker",
    "current-quote",
    "chosen-quote",
    "match",
    "current-match",
)


class ReadingPane(VerticalScroll):
    """Scrollable article view; keys scroll like a pager."""

    class QuotePicked(Message):
        """`[` or `]` picked a quote: the sidebar follows its speaker."""

        def __init__(self, speaker: str | None) -> None:
            super().__init__()
            self.speaker = speaker

    class ReadingWidthChanged(Message):
        """The reading width changed, so the screen can remember it."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    BINDINGS = [
        Binding("space", "page_down", "Page down", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
        Binding("]", "next_quote", "Next quote", id="next_quote", tooltip="Jump to the next quote"),
        Binding(
            "[",
            "previous_quote",
            "Prev quote",
            id="previous_quote",
            tooltip="Jump to the previous quote",
        ),
        Binding(
            "plus,equals_sign",
            "wider",
            "Wider",
            show=False,
            id="wider",
            tooltip="Widen the reading column",
        ),
        Binding(
            "minus",
            "narrower",
            "Narrower",
            show=False,
            id="narrower",
            tooltip="Narrow the reading column",
        ),
        Binding(
            "slash,ctrl+f", "screen.find", "Find", id="find", tooltip="Find in the open article"
        ),
        Binding("n", "next_match", "Next match", show=False, id="next_match"),
        Binding("N", "previous_match", "Prev match", show=False, id="previous_match"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"reading--{name}" for name in _PARTS}
    """One per part of an article; styled in reader.tcss, dark and light."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.palette: Palette | None = None
        """The styles of the article's parts, read from the theme when an article is shown."""
        self.reading_width = DEFAULT_WIDTH
        """The widest the text may be, in columns (the page narrows with the pane)."""
        self._header: Static | None = None
        self.quote_index: int | None = None
        self.chosen_speaker: str | None = None
        self.paragraph_widgets: list[Static] = []
        """The body paragraphs on screen, by paragraph index."""
        self.matches: list[tuple[int, int, int]] = []
        """Search matches in the body: (paragraph, start, end)."""
        self.match_index: int | None = None

    def compose(self) -> ComposeResult:
        # The welcome is composed, not mounted later, so it is in the very first frame.
        with Vertical(id="page"):
            yield Static(_welcome(), classes="welcome")

    @property
    def page(self) -> Vertical:
        return self.query_one("#page", Vertical)

    def show_entry(self, entry: Entry) -> None:
        """Show an article, or why its file could not be read."""
        if entry.article is None:
            self.article = None
            text = Text("Could not read this file\n\n", "bold red")
            text.append(visible(entry.path) + "\n\n", "dim")
            text.append(entry.error or "unknown error")
            self.paragraph_widgets = []
            self._fill([Static(text, classes="failure")])
            return
        self.article = entry.article
        self.palette = self._palette()
        self.quote_index = None
        self.chosen_speaker = None
        self.matches, self.match_index = [], None
        self._render_article()
        self.scroll_home(animate=False)

    def _palette(self) -> Palette:
        """The styles of the article's parts, from the component classes."""
        from reader.render import Palette

        base = self.background_colors[1]
        styles: dict[str, Style] = {}
        for name in _PARTS:
            rules = self.get_component_styles(f"reading--{name}")
            style = rules.text_style if rules.has_rule("text_style") else Style()
            if rules.has_rule("color"):
                style += Style(color=rules.color.rich_color)
            if rules.has_rule("background"):
                style += Style(bgcolor=(base + rules.background).rich_color)
            styles[name.replace("-", "_")] = style
        return Palette(**styles)

    def notify_style_update(self) -> None:
        """A theme change: restyle the open article's widgets in place."""
        super().notify_style_update()
        if self.article is None or self._header is None:
            return
        palette = self._palette()
        if palette != self.palette:
            from reader.render import header_block

            self.palette = palette
            self._header.update(header_block(self.article, palette))
            self._refresh_paragraphs(set(range(len(self.paragraph_widgets))))

    def _render_article(self) -> None:
        from reader.render import header_block

        article = self.article
        assert article is not None
        shown = shown_paragraphs(article.paragraphs)
        self.paragraph_widgets = [
            Static(
                self._laid_out(index),
                classes=_kind(article, index),
            )
            for index in range(shown)
        ]
        self._header = Static(header_block(article, self._styles), classes="header")
        blocks = [self._header]
        blocks += self.paragraph_widgets or [
            Static(Text("(no body text found)", "dim"), classes="paragraph")
        ]
        if shown < len(article.paragraphs):
            blocks.append(Static(_left_out(article.paragraphs, shown), classes="paragraph"))
        self._fill(blocks)

    def _paragraph(self, index: int) -> Text:
        assert self.article is not None
        spans = [
            (start, end, number == self.match_index)
            for number, (where, start, end) in enumerate(self.matches)
            if where == index
        ]
        from reader.render import paragraph_text

        return paragraph_text(
            self.article, index, self._styles, self.quote_index, self.chosen_speaker, spans
        )

    def _laid_out(self, index: int) -> RenderableType:
        from reader.render import laid_out

        return laid_out(self._paragraph(index))

    @property
    def _styles(self) -> Palette:
        if self.palette is None:
            self.palette = self._palette()
        return self.palette

    def _fill(self, widgets: list[Static]) -> None:
        page = self.page
        page.remove_children()
        page.mount_all(widgets)
        page.styles.max_width = self.reading_width

    def _refresh_paragraphs(self, indices: set[int]) -> None:
        for index in indices:
            if index < len(self.paragraph_widgets):
                self.paragraph_widgets[index].update(self._laid_out(index))

    def jump_to_quote(self, number: int) -> None:
        """Highlight quote `number` and scroll its paragraph into view."""
        if self.article is None or not self.article.quotes:
            return
        number %= len(self.article.quotes)
        touched = {self.article.quotes[number].paragraph}
        if self.quote_index is not None and self.quote_index < len(self.article.quotes):
            touched.add(self.article.quotes[self.quote_index].paragraph)
        self.quote_index = number
        self._refresh_paragraphs(touched)
        quote = self.article.quotes[number]
        self._scroll_with_context(quote.paragraph)
        self.post_message(self.QuotePicked(quote.who))

    def open_at_quote(self, number: int) -> None:
        """Pick quote `number` of the article just shown, and scroll to it once it is laid
        out (a paragraph not yet placed cannot be scrolled to)."""
        self.jump_to_quote(number)
        if self.article is not None:
            self._when_placed(self.article, number)

    def _when_placed(self, article: Article, number: int, attempts: int = 100) -> None:
        """Scroll to quote `number` once its paragraph has a place on screen."""
        if self.article is not article or not article.quotes:
            return  # another article was opened meanwhile
        paragraph = self.article.quotes[number % len(self.article.quotes)].paragraph
        widgets = self.paragraph_widgets
        if paragraph < len(widgets) and not widgets[paragraph].region and attempts > 0:
            self.set_timer(0.02, lambda: self._when_placed(article, number, attempts - 1))
            return
        self._scroll_with_context(paragraph)

    def _scroll_with_context(self, index: int) -> None:
        """Bring paragraph `index` to the middle of the view, with what leads up to it above;
        one past the part the pane lays out (of a gigantic article) is only mentioned."""
        if index < len(self.paragraph_widgets):
            self.scroll_to_center(self.paragraph_widgets[index], animate=False)
        else:
            self.notify("That is past the part of the article shown here.", markup=False)

    def choose_speaker(self, speaker: str | None) -> None:
        """Mark every quote by `speaker` and jump to the first."""
        if self.article is None:
            return
        self.chosen_speaker = speaker
        self.quote_index = None
        self._refresh_paragraphs({q.paragraph for q in self.article.quotes})
        for number, quote in enumerate(self.article.quotes):
            if quote.who == speaker:
                self.jump_to_quote(number)
                break

    # Search inside the article ---------------------------------------------------

    def find(self, term: str) -> int:
        """Highlight every match of `term` and jump to the first; returns how many."""
        if self.article is None:
            return 0
        from reader.render import find_in_article

        touched = {where for where, _, _ in self.matches}
        self.matches = find_in_article(self.article, term)
        self.match_index = 0 if self.matches else None
        self._refresh_paragraphs(touched | {where for where, _, _ in self.matches})
        self._scroll_to_match()
        return len(self.matches)

    def show_found(self, term: str, before: str, after: str) -> int:
        """Highlight `term` like find, starting at the match between `before` and `after`
        (where a library search found it), scrolled into view once the article is laid out."""
        count = self.find(term)
        if count and self.article is not None:
            from reader.render import match_in_context

            self._move_to(match_in_context(self.article, self.matches, before, after))
            self._after_layout(self._scroll_to_match)
        return count

    def _move_to(self, number: int) -> None:
        old = self.matches[self.match_index or 0][0]
        self.match_index = number
        self._refresh_paragraphs({old, self.matches[number][0]})

    async def action_next_match(self) -> None:
        """n: the next match while searching, else the next article."""
        if not self.matches:
            await self.app.run_action("screen.next_article")
            return
        self._move_match(1)

    def action_previous_match(self) -> None:
        if self.matches:
            self._move_match(-1)

    def _move_match(self, step: int) -> None:
        number = ((self.match_index or 0) + step) % len(self.matches)
        self._move_to(number)
        self._scroll_to_match()
        self.notify(f"Match {number + 1} of {len(self.matches)}", timeout=1.5)

    def _scroll_to_match(self) -> None:
        if self.match_index is not None:
            self._scroll_with_context(self.matches[self.match_index][0])

    # Scroll position -----------------------------------------------------------------

    @property
    def position(self) -> float:
        """How far down the article the view is, from 0.0 (top) to 1.0 (end)."""
        return self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0

    def restore_position(self, fraction: float) -> None:
        """Scroll to where the reader left off, once the article has been laid out,
        unless a match is being shown (a library search opens the article at its hit)."""

        def restore() -> None:
            if not self.matches:
                self.scroll_to(y=round(fraction * self.max_scroll_y), animate=False)

        self._after_layout(restore)

    def _after_layout(self, then: Callable[[], None], attempts: int = 20) -> None:
        """Run `then` once the article just shown has been laid out (it has room to scroll)."""
        if self.max_scroll_y == 0 and attempts > 0:
            self.set_timer(0.02, lambda: self._after_layout(then, attempts - 1))
            return
        then()

    # Quotes ------------------------------------------------------------------------------

    def action_next_quote(self) -> None:
        if self.article and self.article.quotes:
            self.jump_to_quote(0 if self.quote_index is None else self.quote_index + 1)
        else:
            self.notify("No quotes in this article.", severity="information")

    def action_previous_quote(self) -> None:
        if self.article and self.article.quotes:
            self.jump_to_quote(-1 if self.quote_index is None else self.quote_index - 1)
        else:
            self.notify("No quotes in this article.", severity="information")

    @property
    def room(self) -> int:
        """The widest the text can be here: the pane less its padding and scroll bar."""
        return self.scrollable_content_region.width

    def action_wider(self) -> None:
        """+: a wider column, or why not."""
        if self.reading_width >= MAX_WIDTH:
            self.notify(f"The reading width is at its widest ({MAX_WIDTH} columns).")
        elif self.reading_width >= self.room:
            self.notify(
                f"The text already fills the pane ({self.room} columns); "
                "f hides the list and sidebar, s the sidebar."
            )
        else:
            self._change_width(self.reading_width + 4)

    def action_narrower(self) -> None:
        """-: a narrower column, or why not."""
        shown = min(self.reading_width, self.room)
        if shown <= MIN_WIDTH:
            self.notify(f"The reading width is at its narrowest ({MIN_WIDTH} columns).")
        else:
            self._change_width(shown - 4)

    def _change_width(self, width: int) -> None:
        self.set_reading_width(width)
        self.post_message(self.ReadingWidthChanged(self.reading_width))
        self.notify(f"Reading width: {self.reading_width} columns", timeout=1.5)

    def set_reading_width(self, width: int) -> None:
        """Set the reading width in columns, within sensible bounds."""
        self.reading_width = max(MIN_WIDTH, min(MAX_WIDTH, width))
        self.page.styles.max_width = self.reading_width
