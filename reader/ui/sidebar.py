"""The sidebar: the open article's metadata and who it quotes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.library import Entry
from reader.safe_text import visible


class SpeakerList(OptionList):
    """Speakers with their quote counts; choosing one highlights their quotes."""

    class Chosen(Message):
        def __init__(self, speaker: str) -> None:
            super().__init__()
            self.speaker = speaker

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.speakers: list[str] = []

    def show(self, speakers: list[tuple[str, int]]) -> None:
        self.speakers = [name for name, _ in speakers]
        self.set_options([Option(_speaker_row(name, count)) for name, count in speakers])
        if speakers:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.speakers[event.option_index]))


def _speaker_row(name: str, count: int) -> Content:
    return Content.assemble((name, "bold"), (f"  {count}", "$text-muted"))


class Sidebar(VerticalScroll, can_focus=False):
    """Metadata of the open article."""

    def compose(self) -> ComposeResult:
        # Only the metadata is composed, so it is in the very first frame; the "Quoted" list
        # is mounted with the first article that quotes anyone.
        self.set_class(True, "-no-quotes")
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
        meta = self.query_one("#meta", Static)
        if entry is None or entry.article is None:
            text = Text()
            if entry is not None:
                _field(text, "File", visible(entry.path))
                _field(text, "Error", entry.error or "")
            meta.update(text)
            self.set_class(True, "-no-quotes")
            return
        article = entry.article
        text = Text()
        _field(text, "Title", article.title)
        _field(
            text,
            "Authors" if len(article.authors) > 1 else "Author",
            ", ".join(article.authors) or "unknown",
        )
        _field(text, "Publisher", article.publisher or "unknown")
        if article.section:
            _field(text, "Section", article.section)
        _field(text, "Published", _readable_date(article.published))
        _field(text, "Words", f"{article.word_count:,}")
        _field(text, "Read time", f"{article.read_time_minutes} min")
        _field(text, "Quotes", str(len(article.quotes)))
        _field(text, "File", visible(entry.path))
        meta.update(text)
        who = article.speakers()
        if who or self.query(SpeakerList):
            self._speakers().show(who)
        self.set_class(not who, "-no-quotes")


def library_text(articles: int, failed: int, skipped: int) -> Text:
    """The sidebar before an article is opened: what the library holds."""
    text = Text()
    count = articles_phrase(articles) if articles else "loading…"
    _field(text, "Library", count)
    if failed:
        _field(text, "Could not read", f"{failed:,} (marked ✗ in the list)")
    if skipped:
        _field(text, "Skipped", f"{skipped:,} files that are not articles")
    return text


def articles_phrase(count: int) -> str:
    """ "1 article", "10,000 articles": for the list title and the sidebar alike."""
    return f"{count:,} article" + ("" if count == 1 else "s")


def _field(text: Text, label: str, value: str) -> None:
    if text:
        text.append("\n")
    text.append(label + "\n", "bold")
    text.append(value + "\n")


def _readable_date(iso: str | None) -> str:
    if not iso:
        return "unknown"
    date, _, clock = iso.partition("T")
    return f"{date} {clock[:5]}" if clock else date
