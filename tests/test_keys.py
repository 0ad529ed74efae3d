"""Keys are written once: footer, help, palette and the README agree with the bindings,
after the user's keymap; and settings from the config file are not mistaken for choices."""

from __future__ import annotations

import re
from pathlib import Path

from reader.config import Config
from reader.store.state import ReadingState
from reader.ui.app import ReaderApp
from reader.ui.article_list import ArticleList
from reader.ui.footer import Footer
from reader.ui.keys import TEXTUAL_KEYS
from reader.ui.main_screen import MainScreen
from reader.ui.reading_pane import ReadingPane

LIBRARY = Path(__file__).parent / "fixtures" / "library"
README = Path(__file__).parent.parent / "README.md"
SIZE = (120, 40)

README_NAMES = {
    "up": "↑",
    "down": "↓",
    "enter": "Enter",
    "escape": "Esc",
    "home": "Home",
    "end": "End",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "slash": "/",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
}
"""How the README writes a key Textual names otherwise."""


async def test_a_remapped_key_shows_the_same_in_footer_help_and_palette(tmp_path):
    config, messages = Config.parse('[keys]\nquit = "ctrl+q"\n')
    assert messages == []
    app = ReaderApp([str(LIBRARY)], config=config)
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_loaded()
        await pilot.pause()
        footer = app.query_one(Footer).render().plain
        assert "^q Quit" in footer and " q Quit" not in footer
        help_rows = {row.description: row.keys for _, rows in app.help_sections() for row in rows}
        assert help_rows["Quit"] == "^q"
        palette = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert palette["Quit"].endswith("(^q)")
        await pilot.press("q")
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_help_lists_every_key_of_an_action():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = {row.description: row.keys for _, rows in app.help_sections() for row in rows}
        assert rows["Open"] == "⏎, l"
        assert rows["Page down"] in ("pgdn", "space, pgdn")
        assert "^f" in rows["Find"] and "/" in rows["Find"]


def _readme_keys() -> set[str]:
    text = README.read_text()
    table = text[text.index("| key | where |") :].split("\n\n")[0]
    keys = set()
    for line in table.splitlines()[2:]:
        first_column = line.split("|")[1]
        keys |= set(re.findall(r"`([^`]+)`", first_column))
    return keys


def test_the_readme_keys_table_lists_exactly_the_bindings():
    bindings = [
        *ReaderApp.BINDINGS,
        *MainScreen.BINDINGS,
        *ArticleList.BINDINGS,
        *ReadingPane.BINDINGS,
        *TEXTUAL_KEYS,
    ]
    bound = {
        README_NAMES.get(key.strip(), key.strip())
        for binding in bindings
        for key in binding.key.split(",")  # type: ignore[union-attr]
    }
    assert _readme_keys() == bound


async def test_the_config_theme_is_not_saved_as_the_users_choice(tmp_path):
    state_file = tmp_path / "state.json"
    for theme in ("nord", "dracula"):
        config, _ = Config.parse(f'theme = "{theme}"\n')
        state, _ = ReadingState.load(state_file)
        app = ReaderApp([str(LIBRARY)], config=config, state=state)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.theme == theme
    state, _ = ReadingState.load(state_file)
    assert state.settings.theme is None


async def test_a_theme_chosen_in_the_app_is_remembered_over_the_config(tmp_path):
    state_file = tmp_path / "state.json"
    config, _ = Config.parse('theme = "nord"\n')
    state, _ = ReadingState.load(state_file)
    app = ReaderApp([str(LIBRARY)], config=config, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "gruvbox"
    state, _ = ReadingState.load(state_file)
    app = ReaderApp([str(LIBRARY)], config=config, state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"


async def test_help_shows_the_default_key_when_a_remap_is_refused():
    config, _ = Config.parse('[keys]\nquit = "nonexistentkey"\n')
    app = ReaderApp([str(LIBRARY)], config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        help_rows = {row.description: row.keys for _, rows in app.help_sections() for row in rows}
        assert help_rows["Quit"] == "q"
        assert "q Quit" in app.query_one(Footer).render().plain
