"""`?`: every key, gathered from the bindings themselves so the list never drifts."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "space": "space",
    "enter": "Enter",
    "escape": "Esc",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
}


def key_label(keys: str) -> str:
    """A binding's keys as a person types them: "j, down"."""
    return ", ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


class HelpScreen(ModalScreen[None]):
    """A modal table of keys per place in the app."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self.sections:
            table.add_row(Text(title, "bold underline"), "")
            seen: set[str] = set()
            for binding in bindings:
                if binding.description in seen or not binding.description:
                    continue
                seen.add(binding.description)
                table.add_row(key_label(binding.key), binding.description)
            table.add_row("", "")
        table.add_row(Text("Esc, q or ? closes this help.", "dim"), "")
        with VerticalScroll(id="help-box"):
            yield Static(Text("reader — keys", "bold"), id="help-title")
            yield Static(table, id="help-table")
