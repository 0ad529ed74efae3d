"""`e`: save the open article as Markdown, where the user says, never beside their files unasked."""

from __future__ import annotations

import os
import re
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from reader.export import to_markdown
from reader.model import Article
from reader.store.paths import data_dir
from reader.store.storage import atomic_write


def export_folder() -> Path:
    """Reader's own folder for exports, inside its data folder, unless the user types another."""
    return data_dir() / "exports"


def file_name_for(article: Article) -> str:
    """A safe, readable file name from the title."""
    slug = re.sub(r"[^\w]+", "-", article.title.casefold()).strip("-")[:80] or "article"
    return slug + ".md"


class ExportDialog(ModalScreen[str | None]):
    """Returns the path written, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.confirm_overwrite: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Save this article as Markdown", id="export-title")
            yield Input(str(export_folder() / file_name_for(self.article)), id="export-path")
            yield Static("", id="export-error")
            yield Label("Enter saves, Esc cancels.", id="export-hint")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#export-error", Static)
        target = Path(os.path.expanduser(event.value.strip()))
        if not event.value.strip() or target.is_dir():
            error.update(Text("Give a file name to save to."))
            return
        if target.exists() and self.confirm_overwrite != str(target):
            self.confirm_overwrite = str(target)
            error.update(Text(f"{target} exists. Press Enter again to replace it."))
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, to_markdown(self.article).encode("utf-8"))
        except OSError as problem:
            error.update(Text(f"Could not save: {problem.strerror or problem}"))
            return
        self.dismiss(str(target))
