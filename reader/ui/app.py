"""The reader app: settings, keys, theme and reading state around the main screen."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from reader.config import Config
from reader.store.state import ReadingState
from reader.ui.article_list import ArticleList
from reader.ui.keys import (
    TEXTUAL_KEYS,
    KeyRow,
    binding_ids,
    bindings_of,
    effective_keys,
    help_rows,
    is_key_name,
    key_display,
)
from reader.ui.main_screen import MainScreen
from reader.ui.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.library import FirstRows
    from reader.store.cache import ArticleCache


class ReaderApp(App[None]):
    """Holds what outlives a screen: config, reading state, the cache, theme and keymap."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave reader"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Show every key"),
    ]

    def __init__(
        self,
        paths: Iterable[str] = (),
        *,
        config: Config | None = None,
        state: ReadingState | None = None,
        cache: ArticleCache | None = None,
        messages: Iterable[str] = (),
        first_rows: FirstRows | None = None,
    ) -> None:
        super().__init__()
        self.config = config or Config()
        self.state = state if state is not None else ReadingState(_scratch_state_path())
        self.messages = list(messages)
        self.main = MainScreen(list(paths), self.config, self.state, cache, first_rows)
        self.keymap: dict[str, str] = {}
        """The user's `[keys]` as applied (entries it could not use left out)."""
        self._settings_restored = False
        """Until the saved theme is applied, a theme change is not the user's choice."""

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def on_mount(self) -> None:
        self._restore_settings()
        self.set_interval(2.0, self._save_state)
        for message in self.messages:
            self.notify(message, severity="warning", timeout=8, markup=False)

    async def wait_until_loaded(self) -> None:
        """For tests and benchmarks: return once every requested load has reached the list."""
        await self.main.loader.wait_until_loaded()

    # Theme and keys ----------------------------------------------------------------

    def _restore_settings(self) -> None:
        """Config file first, then what the user last chose inside the app."""
        theme = self.state.settings.theme or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(
                f"Unknown theme {theme!r}; using {self.theme}.", severity="warning", markup=False
            )
        self._settings_restored = True
        if self.config.keys:
            ids = binding_ids(self._binding_groups())
            keymap, messages = self.config.keymap(ids, is_key_name)
            for message in messages:
                self.notify(message, severity="warning", markup=False)
            self.keymap = keymap
            self.set_keymap(keymap)

    def watch_theme(self, theme: str) -> None:
        if self._settings_restored:
            self.state.update_settings(theme=theme)

    def _binding_groups(self) -> list[list[Binding]]:
        """Every binding, by where it applies: anywhere, the main screen, list, reading pane,
        the People view."""
        from reader.ui.people_screen import PEOPLE_BINDINGS

        return [
            bindings_of(self.BINDINGS),
            bindings_of(MainScreen.BINDINGS),
            bindings_of(ArticleList.BINDINGS),
            bindings_of(ReadingPane.BINDINGS),
            PEOPLE_BINDINGS,
        ]

    def help_sections(self) -> list[tuple[str, list[KeyRow]]]:
        """What `?` lists: every key, after the user's keymap, where it applies."""
        keymap = self.keymap
        app, main, articles, reading, people = self._binding_groups()
        return [
            ("Anywhere", help_rows(self, app + main, keymap)),
            ("Article list", help_rows(self, articles, keymap)),
            ("Reading pane", help_rows(self, reading, keymap)),
            ("People view", help_rows(self, people, keymap)),
            ("Moving between panes", help_rows(self, list(TEXTUAL_KEYS), keymap)),
        ]

    def action_help(self) -> None:
        from reader.ui.help_screen import HelpScreen

        self.push_screen(HelpScreen(self.help_sections()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: every binding with a tooltip, then Textual's own (theme, screenshot)."""
        ours: list[SystemCommand] = []
        for node, bindings in (
            (self.main, bindings_of(MainScreen.BINDINGS)),
            (self.main.reading, bindings_of(ReadingPane.BINDINGS)),
            (self, bindings_of(self.BINDINGS)),
        ):
            ours += [self._command(node, binding) for binding in bindings if binding.tooltip]
        titles = {command.title for command in ours} | {"Keys"}
        yield from ours
        for command in super().get_system_commands(screen):
            if command.title not in titles:
                yield command

    def _command(self, node: DOMNode, binding: Binding) -> SystemCommand:
        keys = key_display(self, effective_keys(binding, self.keymap))
        return SystemCommand(
            binding.description,
            f"{binding.tooltip} ({keys})",
            partial(self.run_action, binding.action, node),
        )

    # Reading state -----------------------------------------------------------------

    def _save_state(self) -> None:
        self.main.remember_position()
        self.state.save()
        if self.state.last_error:
            self.notify(
                self.state.last_error,
                severity="error",
                markup=False,
            )
            self.state.last_error = None

    async def action_quit(self) -> None:
        self.main.remember_position()
        await super().action_quit()

    def on_unmount(self) -> None:
        self.state.flush()
        cache = self.main.loader.cache
        if cache is not None:
            cache.flush()

    def copy_to_clipboard(self, text: str) -> None:
        """Textual's copy (text boxes use it too), by the way that reaches the clipboard here."""
        from reader.ui.article_actions import send_to_clipboard

        send_to_clipboard(self, text)


def _scratch_state_path() -> str:
    """State for an app made without one (tests, embedding): kept apart from the user's."""
    import tempfile

    return os.path.join(tempfile.mkdtemp(prefix="reader-state-"), "state.json")
