"""`e`: save the open article as Markdown, where the user says, never beside their files unasked.

The path box starts in reader's own exports folder, and the dialog says
so. A folder typed into it that does not exist yet is created only after
the user confirms, as a file that exists is replaced only after they confirm:
a typo in a path should cost a second Enter, not a stray folder tree.
"""

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
from reader.safe_text import visible
from reader.store.paths import data_dir
from reader.store.storage import atomic_write
from reader.ui.dialog import dialog_css


def export_folder() -> Path:
    """Reader's own folder for exports, inside its data folder, unless the user types another."""
    return data_dir() / "exports"


def file_name_for(article: Article) -> str:
    """A safe, readable file name from the title."""
    slug = re.sub(r"[^\w]+", "-", article.title.casefold()).strip("-")[:80] or "article"
    return slug + ".md"


def _missing_folders(folder: Path) -> Path | None:
    """The outermost folder on the way to `folder` that does not exist, if any."""
    missing = None
    for candidate in (folder, *folder.parents):
        if candidate.exists() or candidate.is_symlink():
            break
        missing = candidate
    return missing


class ExportDialog(ModalScreen[str | None]):
    """Returns the path written, or None when cancelled."""

    DEFAULT_CSS = dialog_css(
        "ExportDialog",
        "export-box",
        """
        #export-box {
            height: auto;
        }
        #export-error {
            color: $warning;
            height: auto;
        }
        #export-where,
        #export-hint {
            color: $text-muted;
        }
        """,
    )
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.confirmed: tuple[str, str] | None = None
        """What the user was last asked to confirm: ("replace" or "create", the path)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Save this article as Markdown", id="export-title")
            yield Input(str(export_folder() / file_name_for(self.article)), id="export-path")
            where = visible(str(export_folder()))
            yield Static(
                Text(f"Exports go to {where} unless you type another path."), id="export-where"
            )
            yield Static("", id="export-error")
            yield Label("Enter saves, Esc cancels.", id="export-hint")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _ask(self, kind: str, target: Path, question: str) -> bool:
        """Whether the user already confirmed `kind` for `target`; if not, ask once."""
        if self.confirmed == (kind, str(target)):
            return True
        self.confirmed = (kind, str(target))
        self.query_one("#export-error", Static).update(Text(question))
        return False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#export-error", Static)
        target = Path(os.path.expanduser(event.value.strip()))
        if not event.value.strip() or target.is_dir():
            error.update(Text("Give a file name to save to."))
            return
        shown = visible(str(target))
        if target.exists() and not self._ask(
            "replace", target, f"{shown} exists. Press Enter again to replace it."
        ):
            return
        missing = _missing_folders(target.parent)
        if (
            missing is not None
            and target.parent != export_folder()
            and not self._ask(
                "create",
                target,
                f"The folder {visible(str(missing))} does not exist. "
                "Press Enter again to create it and save, or change the path.",
            )
        ):
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, to_markdown(self.article).encode("utf-8"))
        except OSError as problem:
            error.update(Text(f"Could not save: {problem.strerror or problem}"))
            return
        self.dismiss(str(target))
