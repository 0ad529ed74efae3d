"""The middle column: the reading pane, with the find box under it when wanted."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from reader.ui.reading_pane import ReadingPane
from reader.ui.wording import plural

FIND_HINT = "find in article · Enter: done · n/N: next/previous"


class ReadingColumn(Vertical):
    """The open article and the search inside it."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reading = ReadingPane(id="reading")
        self.find_box: Input | None = None
        """Mounted the first time find is asked for: every widget costs start-up time."""
        self.find_status = Static("", id="find-status")
        """After Enter: one quiet line saying what was found and which keys move."""

    def compose(self) -> ComposeResult:
        yield self.reading
        self.find_status.display = False
        yield self.find_status

    async def open_find(self) -> None:
        if self.reading.article is None:
            self.notify("Open an article first.", markup=False)
            return
        if self.find_box is None:
            self.find_box = Input(placeholder=FIND_HINT, id="find")
            await self.mount(self.find_box, before=self.find_status)
        self.find_status.display = False
        self.find_box.display = True
        self.find_box.focus()

    async def show_found(self, term: str, before: str, after: str) -> None:
        """Open at a library search's hit: its words highlighted as a find for them would,
        in the find box so Esc clears them and n/N step through the others."""
        count = self.reading.show_found(term, before, after)
        if not count:
            return
        await self.open_find()
        box = self.find_box
        assert box is not None
        with box.prevent(Input.Changed):  # a fresh find would start again at the first match
            box.value = term
        self.reading.focus()
        self._show_status(term)

    @property
    def find_shown(self) -> bool:
        return self.find_status.display or (self.find_box is not None and self.find_box.display)

    def close_find(self) -> None:
        """Hide the find box and its highlights."""
        box = self.find_box
        self.find_status.display = False
        if box is not None and (box.display or box.value):
            box.value = ""
            box.display = False
            self.reading.find("")

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        count = self.reading.find(event.value)
        event.input.border_subtitle = f"{count} found" if event.value else ""

    @on(Input.Submitted, "#find")
    def _find_done(self, event: Input.Submitted) -> None:
        self.reading.focus()
        if not event.value:
            self.close_find()
            return
        if not self.reading.matches:
            self.notify(f"Not found: {event.value}", severity="warning", markup=False)
        self._show_status(event.value)

    def _show_status(self, term: str) -> None:
        """The find box gives way to one line: what was found and the keys that move."""
        if self.find_box is not None:
            self.find_box.display = False
        found = plural(len(self.reading.matches), "match", "matches")
        self.find_status.update(
            Text.assemble(
                ("Find ", "bold"),
                repr(term),
                f": {found} · n/N next/previous · / change · Esc close",
            )
        )
        self.find_status.display = True
