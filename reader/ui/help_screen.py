"""`?`: every key, as the app gathers it from the bindings after the user's keymap."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.dialog import dialog_css
from reader.ui.keys import KeyRow


class HelpScreen(ModalScreen[None]):
    """A modal table of keys per place in the app."""

    DEFAULT_CSS = dialog_css(
        "HelpScreen",
        "help-box",
        """
        #help-box {
            width: 70;
            max-height: 90%;
            height: auto;
        }
        #help-title {
            margin-bottom: 1;
        }
        """,
    )
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, sections: list[tuple[str, list[KeyRow]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, rows in self.sections:
            table.add_row(Text(title, "bold underline"), "")
            for row in rows:
                table.add_row(Text(row.keys), Text(row.description))
            table.add_row("", "")
        table.add_row(Text("Esc, q or ? closes this help.", "dim"), "")
        with VerticalScroll(id="help-box"):
            yield Static(Text("reader — keys", "bold"), id="help-title")
            yield Static(table, id="help-table")
