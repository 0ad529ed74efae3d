"""The key hints at the bottom of the screen."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer, rebuilt once per refresh however often the bindings change before it.

    Textual schedules a rebuild of every key hint for each change; at start-up focus and
    the screen stack change three times in a row, and each rebuild of our eight hints
    costs about 12 ms of the first full frame. Moving between panes does the same.
    """

    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
