"""What can be done with the open article beyond reading it: export, copy, open the original."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from textual.app import App, SuspendNotSupported

from reader.library import Entry
from reader.model import Article
from reader.safe_text import visible

if TYPE_CHECKING:
    from reader.clipboard import CopyResult


def export(app: App[Any], article: Article) -> None:
    """`e`: ask where, then save the article as Markdown."""
    from reader.ui.export_dialog import ExportDialog

    def exported(path: str | None) -> None:
        if path:
            app.notify(f"Saved as Markdown: {visible(path)}", markup=False)

    app.push_screen(ExportDialog(article), exported)


def copy(app: App[Any], article: Article, quote_index: int | None) -> None:
    """`y`: the quote picked with [ ] if there is one, else the article; says where it went."""
    if quote_index is not None and quote_index < len(article.quotes):
        quote = article.quotes[quote_index]
        text = f"“{quote.text}”" + (f" — {quote.who}" if quote.who else "")
        what = "quote"
    else:
        from reader.export import to_markdown

        text, what = to_markdown(article), "article"
    from reader.clipboard import copy_notice, fits_osc52

    result = send_to_clipboard(app, text)
    app.notify(
        copy_notice(result, what, len(text), fits_osc52(text)),
        markup=False,
        timeout=2 if result.clipboard else 10,
        severity="information" if result.clipboard else "warning",
    )


def send_to_clipboard(app: App[Any], text: str) -> CopyResult:
    """Copy by whichever way reaches the clipboard from this terminal (tmux asked first)."""
    from reader.clipboard import copy_text

    app._clipboard = text  # what Textual's own paste and `app.clipboard` read
    driver = app._driver
    return copy_text(text, driver.write if driver is not None else lambda _: None)


def open_original(app: App[Any], entry: Entry) -> None:
    """`O`: the file in $VISUAL/$EDITOR (the app steps aside), else its web address."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor:
        _edit(app, editor, entry.path)
        return
    url = entry.article.url if entry.article else None
    if url:
        app.open_url(url)
        app.notify(f"Opening {url}", markup=False)
    else:
        app.notify(
            "Set $EDITOR to open the file; this article has no web address.",
            severity="warning",
            markup=False,
        )


def _edit(app: App[Any], editor: str, path: str) -> None:
    import shlex
    import subprocess

    try:
        with app.suspend():
            subprocess.run([*shlex.split(editor), path], check=False)
    except SuspendNotSupported:
        app.notify("This terminal cannot hand over to an editor.", severity="error", markup=False)
    except (OSError, ValueError) as error:
        app.notify(f"Could not start {editor}: {error}", severity="error", markup=False)
