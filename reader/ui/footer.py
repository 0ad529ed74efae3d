"""The key hints along the bottom of the screen, drawn as one line by one widget."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget


class Hint(NamedTuple):
    key: str
    label: str
    description: str
    enabled: bool


class Footer(Widget, can_focus=False):
    """The keys that work where the focus is, like Textual's Footer, in one widget.

    Textual's Footer is a widget per hint, rebuilt whenever focus moves, and only after
    the next refresh, so its hints arrive after the rest of the first frame. One line of
    text is cheap to draw and is in the first frame.
    """

    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer--hover {
            background: $block-hover-background;
        }
        & > .footer--separator {
            color: $foreground 20%;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer--key",
        "footer--description",
        "footer--hover",
        "footer--separator",
    }

    _hover: reactive[int | None] = reactive(None)

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, Hint]] = []
        """Where each hint was drawn (first and last column), for the mouse."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def hints(self) -> tuple[list[Hint], Hint | None]:
        """The hints to show, one per action, and the command palette's, shown apart."""
        app, screen = self.app, self.screen
        shown: dict[str, Hint] = {}
        palette = None
        # The focused widget's keys first, then those that work anywhere, then the screen's.
        active = sorted(screen.active_bindings.items(), key=lambda item: item[1].node is screen)
        for key, (_node, binding, enabled, _tooltip) in active:
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = Hint(key, app.get_key_display(binding), "palette", enabled)
            elif binding.show and binding.action not in shown:
                shown[binding.action] = Hint(
                    key, app.get_key_display(binding), binding.description, enabled
                )
        return list(shown.values()), palette

    def render(self) -> Content:
        hints, palette = self.hints()
        width = self.size.width
        right = self._hint_parts(palette) if palette is not None else []
        right_width = sum(cell_len(text) for text, _ in right) + (1 if right else 0)
        parts: list[tuple[str, Style | str]] = []
        self._spans = []
        used = 0
        for hint in hints:
            hint_parts = self._hint_parts(hint, hovered=len(self._spans) == self._hover)
            hint_width = sum(cell_len(text) for text, _ in hint_parts)
            if used + hint_width + right_width > width:
                break
            self._spans.append((used, used + hint_width, hint))
            parts += hint_parts
            used += hint_width
        if palette is not None:
            parts.append((" " * max(0, width - used - right_width), ""))
            parts.append(("▏", self._style("footer--separator")))
            start = width - right_width + 1
            self._spans.append((start, width, palette))
            parts += right
        return Content.assemble(*parts)

    def _hint_parts(self, hint: Hint, hovered: bool = False) -> list[tuple[str, Style]]:
        key_style = self._style("footer--key", hovered)
        text_style = self._style("footer--description", hovered)
        if not hint.enabled:
            key_style, text_style = key_style + Style(dim=True), text_style + Style(dim=True)
        return [(f" {hint.label} ", key_style), (f"{hint.description} ", text_style)]

    def _style(self, component: str, hovered: bool = False) -> Style:
        classes = (component, "footer--hover") if hovered else (component,)
        return self.get_visual_style(*classes)

    def _hint_at(self, x: int) -> int | None:
        for index, (start, end, _hint) in enumerate(self._spans):
            if start <= x < end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._hint_at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self._hover = None

    def watch__hover(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._hint_at(event.x)
        if index is None:
            return
        hint = self._spans[index][2]
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()
