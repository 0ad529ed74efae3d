"""The sidebar: the open article's metadata and who it quotes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.library import Entry
from reader.model import read_time
from reader.safe_text import visible
from reader.ui.wording import plural

if TYPE_CHECKING:
    from reader.quotes.speakers import QuotedSpeaker


class SpeakerList(OptionList):
    """Speakers with their quote counts; choosing one highlights their quotes.

    One row per speaker as `reader.quotes.speakers.quoted_speakers` merges them; descriptions that
    name nobody ("a senior official") come last, under their own dimmed heading,
    so they are never read as names.
    """

    class Chosen(Message):
        def __init__(self, speaker: str) -> None:
            super().__init__()
            self.speaker = speaker

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.speakers: list[str] = []
        """The speaker of each option ("" for the heading, which cannot be highlighted)."""

    def show(self, speakers: list[QuotedSpeaker]) -> None:
        options: list[Option] = []
        self.speakers = []
        for row in speakers:
            if row.kind == "description" and "" not in self.speakers:
                options.append(
                    Option(Content.styled(UNNAMED_HEADING, "$text-muted"), disabled=True)
                )
                self.speakers.append("")
            options.append(Option(_speaker_row(row)))
            self.speakers.append(row.name)
        self.set_options(options)
        if speakers:
            self.highlighted = 0

    def follow(self, speaker: str) -> None:
        """Move the cursor to `speaker` without choosing them."""
        if speaker in self.speakers:
            self.highlighted = self.speakers.index(speaker)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        speaker = self.speakers[event.option_index]
        if speaker:
            self.post_message(self.Chosen(speaker))


UNNAMED_HEADING = "Described, not named"


def _speaker_row(row: QuotedSpeaker) -> Content:
    count = (f"  {row.count}", "$text-muted")
    if row.kind == "description":
        return Content.assemble((row.name, "italic $text-muted"), count)
    return Content.assemble((row.name, "bold"), count)


class Sidebar(VerticalScroll, can_focus=False):
    """Metadata of the open article."""

    entry: Entry | None = None
    """What the sidebar shows, to lay out again when its width changes."""

    def on_resize(self) -> None:
        if self.entry is not None:
            self.show_entry(self.entry)

    def follow(self, speaker: str | None) -> None:
        """Put the Quoted list's cursor on `speaker`, whose quote was just picked."""
        found = self.query(SpeakerList)
        if found and speaker:
            found.first(SpeakerList).follow(speaker)

    def compose(self) -> ComposeResult:
        # Only the metadata is composed, so it is in the very first frame; the "Quoted" list
        # is mounted with the first article that quotes anyone. The class styles only what
        # is mounted after it, so the sidebar itself need not be styled again.
        self.add_class("-no-quotes", update=False)
        yield Static(library_text(0, 0, 0), id="meta")

    def _speakers(self) -> SpeakerList:
        found = self.query(SpeakerList)
        if found:
            return found.first(SpeakerList)
        speakers = SpeakerList(id="speakers")
        self.mount_all([Static(Text("Quoted", "bold"), id="quoted-title"), speakers])
        return speakers

    def show_library(self, articles: int, failed: int, skipped: int) -> None:
        """Before an article is opened: what the library holds."""
        self.query_one("#meta", Static).update(library_text(articles, failed, skipped))

    def show_entry(self, entry: Entry | None) -> None:
        """The entry's metadata: only the fields it has."""
        self.entry = entry
        meta = self.query_one("#meta", Static)
        width = self.scrollable_content_region.width
        if entry is None or entry.article is None:
            text = Text()
            if entry is not None:
                _field(text, "File", path_lines(visible(entry.path), width))
                _field(text, "Error", entry.error or "")
            meta.update(text)
            self.set_class(True, "-no-quotes")
            return
        article = entry.article
        text = Text()
        _field(text, "Title", article.title)
        if article.authors:
            label = "Authors" if len(article.authors) > 1 else "Author"
            _field(text, label, ", ".join(article.authors), inline=True)
        if article.publisher:
            _field(text, "Publisher", article.publisher, inline=True)
        if article.section:
            _field(text, "Section", article.section, inline=True)
        if article.published:
            _field(text, "Published", _readable_date(article.published), inline=True)
        words = article.word_count  # walks every paragraph: once
        _field(text, "Words", f"{words:,}", inline=True)
        _field(text, "Read time", f"{read_time(words)} min", inline=True)
        _field(text, "Quotes", str(len(article.quotes)), inline=True)
        _field(text, "File", path_lines(visible(entry.path), width))
        meta.update(text)
        # Imported with the first article shown, not at start-up: its name lists take a while.
        from reader.quotes.speakers import quoted_speakers

        who = quoted_speakers(article.quotes)
        if who or self.query(SpeakerList):
            self._speakers().show(who)
        self.set_class(not who, "-no-quotes")


def path_lines(path: str, width: int) -> str:
    """A path broken into lines of `width` after a `/`, never inside a name that fits."""
    if width <= 0 or cell_len(path) <= width:
        return path
    lines = [""]
    for part in re.findall(r"[^/]*/|[^/]+$", path):
        if lines[-1] and cell_len(lines[-1] + part) > width:
            lines.append("")
        lines[-1] += part
    return "\n".join(lines)


def library_text(articles: int, failed: int, skipped: int) -> Text:
    """The sidebar before an article is opened: what the library holds."""
    text = Text()
    count = plural(articles, "article") if articles or failed else "loading…"
    _field(text, "Library", count, inline=True)
    if failed:
        _field(text, "Could not read", f"{failed:,} (marked ✗ in the list)")
    if skipped:
        _field(
            text,
            "Skipped",
            plural(skipped, "file")
            + (" that is not an article" if skipped == 1 else " that are not articles"),
        )
    return text


def _field(text: Text, label: str, value: str, *, inline: bool = False) -> None:
    """A label and its value: on one line when short (`inline`), so the whole of the
    metadata fits when the sidebar folds under the list."""
    text.append(label, "bold")
    text.append(("  " if inline else "\n") + value + "\n")


def _readable_date(iso: str) -> str:
    date, _, clock = iso.partition("T")
    return f"{date} {clock[:5]}" if clock else date
