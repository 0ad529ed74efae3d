"""What the screen looks like: the main screen at each size, focus mode, help and dialogs.

Regenerate after an intended change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label
from waiting import until as _until

from reader.ui.app import ReaderApp
from reader.ui.search_screen import SearchScreen

FIXTURES = Path(__file__).parent / "fixtures"
SIZE = (120, 40)


@pytest.fixture
def app(monkeypatch) -> ReaderApp:
    # Relative paths, so the sidebar and dialog look the same in any checkout.
    monkeypatch.chdir(FIXTURES)
    return ReaderApp(["library"])


async def wait_loaded(pilot) -> None:
    """Every file listed and the highlighted article previewed: the screen has settled."""
    app = pilot.app
    await app.wait_until_loaded()
    await _until(
        pilot,
        lambda: (
            app.main.open_entry is not None and app.main.open_entry is app.main.articles.current()
        ),
        "the highlighted article previewed",
    )
    await pilot.pause()


def test_main_screen_with_an_article_open(app, snap_compare):
    assert snap_compare(app, press=["j", "enter"], terminal_size=SIZE, run_before=wait_loaded)


@pytest.mark.parametrize("size", [(200, 50), (80, 24), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen_at_each_size(app, snap_compare, size):
    """Wide: three columns; 120: the sidebar under the list; narrower: the list above."""
    assert snap_compare(app, press=["j", "enter"], terminal_size=size, run_before=wait_loaded)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_focus_mode(app, snap_compare, size):
    assert snap_compare(app, press=["j", "enter", "f"], terminal_size=size, run_before=wait_loaded)


def test_help_screen(app, snap_compare):
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE, run_before=wait_loaded)


def test_open_dialog(app, snap_compare):
    assert snap_compare(app, press=["o"], terminal_size=SIZE, run_before=wait_loaded)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_light_theme_keeps_quotes_readable(app, snap_compare, size):
    async def light(pilot) -> None:
        await wait_loaded(pilot)
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(app, press=["j", "enter"], terminal_size=size, run_before=light)


def test_find_in_article_highlights_matches(app, snap_compare):
    assert snap_compare(
        app,
        press=["j", "enter", "slash", *"the", "enter"],
        terminal_size=SIZE,
        run_before=wait_loaded,
    )


def test_search_dialog(app, snap_compare):
    async def search(pilot) -> None:
        await wait_loaded(pilot)
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: isinstance(pilot.app.screen, SearchScreen))
        await pilot.press(*"ferries")
        count = pilot.app.screen.query_one("#search-count", Label)
        await _until(pilot, lambda: str(count.content).endswith("found"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=search)
