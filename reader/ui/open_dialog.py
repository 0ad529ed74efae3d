"""`o`: open a file or folder by path (with completion) or by browsing, or a web address."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import DirectoryTree, Input, Label, Static

from reader.ui.dialog import dialog_css
from reader.web.address import is_web_address


class PathSuggester(Suggester):
    """Completes the last part of a path from what is on disk, like a shell's Tab.

    Only a part the user has started typing is completed: an empty box or a
    path ending in a separator gets no suggestion, since picking the first
    name in a folder is a guess, and grey text the user never asked for reads
    as a value already filled in.
    """

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        expanded = os.path.expanduser(value)
        folder, prefix = os.path.split(expanded)
        if not prefix:
            return None
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            return None
        for name in names:
            if name.startswith(prefix) and name != prefix and not name.startswith("."):
                completed = value + name[len(prefix) :]
                if os.path.isdir(os.path.join(folder or ".", name)):
                    completed += os.sep
                return completed
        return None


class BrowseTree(DirectoryTree):
    """A directory tree without hidden files, which are rarely articles and crowd the view."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]


class OpenDialog(ModalScreen[str | None]):
    """Returns the chosen path, or None when cancelled."""

    DEFAULT_CSS = dialog_css(
        "OpenDialog",
        "open-box",
        """
        #open-box {
            height: 80%;
        }
        #open-error {
            color: $error;
            height: auto;
        }
        #open-hint {
            width: 100%;
            color: $text-muted;
            margin-top: 1;
        }
        #open-tree {
            height: 1fr;
        }
        """,
    )
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("tab", "complete", "Complete", show=False, priority=True),
    ]

    def __init__(self, start: str | None = None) -> None:
        super().__init__()
        self.start = Path(start or ".")

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box"):
            yield Label("Open a file, folder or web address", id="open-title")
            yield Input(
                placeholder="path or address, e.g. ~/Downloads/articles or https://…",
                suggester=PathSuggester(),
                id="open-path",
            )
            yield Static("", id="open-error")
            yield Label(
                "Or browse (Enter opens a file; type the folder above to open it all):",
                id="open-hint",
            )
            yield BrowseTree(self.start, id="open-tree")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        tree = self.query_one(BrowseTree)
        tree.root.set_label(os.path.join(str(self.start), ""))

    def action_complete(self) -> None:
        """Tab accepts the completion in the path box, and moves focus elsewhere."""
        path_input = self.query_one(Input)
        if path_input.has_focus and path_input.cursor_at_end and path_input._suggestion:
            path_input.action_cursor_right()
        else:
            self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._try_open(event.value.strip())

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._try_open(str(event.path))

    def on_directory_tree_directory_selected(self, event: DirectoryTree.DirectorySelected) -> None:
        path_input = self.query_one(Input)
        path_input.value = str(event.path) + os.sep

    def _try_open(self, value: str) -> None:
        error = self.query_one("#open-error", Static)
        if not value:
            error.update(Text("Type a path first."))
            return
        if is_web_address(value):
            self.dismiss(value)
            return
        path = os.path.expanduser(value)
        if not os.path.exists(path) and not any(c in path for c in "*?["):
            error.update(Text(f"No such file or folder: {value}"))
            return
        self.dismiss(path)
