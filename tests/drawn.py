"""What a widget shows, as plain text, whatever Rich renderable it holds."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text
from textual.widgets import Static


def static_text(widget: Static) -> str:
    """The words of a Static's content, one line per line of text, unwrapped."""
    content = widget.content
    if isinstance(content, str | Text):
        return str(content)
    console = Console(width=10_000, file=io.StringIO(), color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(content)
    return "\n".join(line.rstrip() for line in capture.get().splitlines())
