"""The dialogs as a person uses them: export (where it saves, asking before making folders),
open (no suggestion until something is typed) and library search (opening at the hit)."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Input, Label, Static
from waiting import until as wait_until

from reader.store.state import ReadingState
from reader.ui.app import ReaderApp
from reader.ui.export_dialog import ExportDialog, export_folder

LIBRARY = Path(__file__).parent / "fixtures" / "library"
SIZE = (120, 40)
FERRIES = "Harbour ferries move to a winter timetable"


def make_app(tmp_path: Path) -> ReaderApp:
    folder = tmp_path / "library"
    shutil.copytree(LIBRARY, folder)
    state, _ = ReadingState.load(tmp_path / "state.json")
    return ReaderApp([str(folder)], state=state)


async def loaded(pilot) -> None:
    await pilot.app.wait_until_loaded()
    await pilot.pause()


async def suggestions_settled(pilot, box: Input) -> None:
    """Let every suggestion asked for so far arrive (the suggester answers in a worker)."""
    await wait_until(
        pilot,
        lambda: (
            not any(worker.node is box and not worker.is_finished for worker in pilot.app.workers)
        ),
        "the suggester to answer",
    )
    await pilot.pause()


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def on_screen(widget) -> str:
    """The text a widget draws, line by line, as the terminal would show it."""
    lines = (widget.render_line(y) for y in range(widget.size.height))
    return "\n".join("".join(segment.text for segment in line) for line in lines)


async def open_export(pilot) -> ExportDialog:
    await loaded(pilot)
    await pilot.press("j", "enter", "e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportDialog)
    return pilot.app.screen


async def test_export_says_where_exports_go_and_saves_there_without_asking(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        folder = export_folder()
        assert not folder.exists()
        assert f"Exports go to {folder}" in shown(dialog, "#export-where")
        assert dialog.query_one(Input).value.startswith(str(folder))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog
    saved = list(folder.iterdir())
    assert [path.name for path in saved] == ["harbour-ferries-move-to-a-winter-timetable.md"]
    assert f"\n# {FERRIES}\n" in saved[0].read_text()


async def test_export_asks_before_creating_a_typed_folder(tmp_path):
    app = make_app(tmp_path)
    target = tmp_path / "notes" / "news" / "ferries.md"
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        question = shown(dialog, "#export-error")
        assert f"The folder {tmp_path / 'notes'} does not exist" in question
        assert "Enter again to create it" in question
        assert not (tmp_path / "notes").exists()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog
    assert target.read_text().startswith("---\n")


async def test_export_creates_nothing_when_the_path_changes_or_it_is_cancelled(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        path_box = dialog.query_one(Input)
        path_box.value = str(tmp_path / "typo" / "ferries.md")
        await pilot.press("enter")
        path_box.value = str(tmp_path / "other" / "ferries.md")
        await pilot.press("enter")  # a different folder: asked again, not created
        await pilot.pause()
        assert app.screen is dialog
        assert "other does not exist" in shown(dialog, "#export-error")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not dialog
    assert not (tmp_path / "typo").exists() and not (tmp_path / "other").exists()


async def test_export_asks_before_replacing_a_file(tmp_path):
    app = make_app(tmp_path)
    target = tmp_path / "ferries.md"
    target.write_text("my own notes")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "exists. Press Enter again to replace it" in shown(dialog, "#export-error")
        assert target.read_text() == "my own notes"
        await pilot.press("enter")
        await pilot.pause()
    assert target.read_text().startswith("---\n")


# Open


async def test_open_dialog_hint_is_whole_on_a_small_terminal(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: app.screen.query("#open-hint"), "the open dialog")
        hint = app.screen.query_one("#open-hint", Label)
        await wait_until(pilot, lambda: hint.size.width > 0, "the hint to be laid out")
        box = app.screen.query_one("#open-box")
        assert box.content_region.contains_region(hint.region)  # nothing cut at the frame
        assert " ".join(on_screen(hint).split()).endswith("to open it all):")


async def test_open_dialog_starts_empty_and_suggests_only_what_is_being_typed(
    tmp_path, monkeypatch
):
    from reader.ui.open_dialog import OpenDialog

    app = make_app(tmp_path)
    (tmp_path / "articles-folder").mkdir()
    (tmp_path / "articles-folder" / "README.md").write_text("# Not suggested unasked\n")
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)
        path_box = app.screen.query_one(Input)
        await suggestions_settled(pilot, path_box)
        assert path_box.value == "" and path_box._suggestion == ""
        assert "e.g. ~/Downloads/articles" in on_screen(path_box)
        await pilot.press("a", "r")
        await wait_until(pilot, lambda: path_box._suggestion, "a suggestion")
        assert path_box._suggestion == "articles-folder/"
        assert "articles-folder/" in on_screen(path_box)
        await pilot.press("tab")
        assert path_box.value == "articles-folder/"
        await suggestions_settled(pilot, path_box)
        assert path_box._suggestion == ""  # no guess at a name inside the folder
        await pilot.press("R")
        await wait_until(pilot, lambda: path_box._suggestion, "a suggestion inside the folder")
        assert path_box._suggestion == "articles-folder/README.md"


# Library search


def long_story(folder: Path) -> None:
    """An article where "lighthouse" comes first alone, and later beside "keeper" (both past
    the opening a snippet looks in first, so a search for both shows the later place)."""
    paragraphs = [f"Paragraph {i} of the long story goes on for a while." for i in range(120)]
    paragraphs[30] = "A lighthouse stood on the point long before the town."
    paragraphs[90] = "The lighthouse keeper retired in spring, after forty winters."
    (folder / "long.md").write_text("# A long story\n\n" + "\n\n".join(paragraphs) + "\n")


async def search_and_open(pilot, query: str) -> None:
    from reader.ui.search_screen import SearchScreen

    await pilot.press("ctrl+s", *query)
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await wait_until(pilot, lambda: screen.hits, "search hits")
    await screen.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")


def in_view(pane, paragraph: int) -> bool:
    return pane.region.contains_region(pane.paragraph_widgets[paragraph].region)


async def test_a_library_search_opens_the_article_at_the_hit_shown_highlighted(tmp_path):
    from reader.ui.reading_pane import ReadingPane

    app = make_app(tmp_path)
    long_story(tmp_path / "library")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await search_and_open(pilot, "keeper lighthouse")
        pane = app.screen.query_one(ReadingPane)
        await wait_until(pilot, lambda: pane.article is not None, "the article")
        assert pane.article.title == "A long story"
        # Both places are highlighted; the current one is where the snippet was, not the first.
        assert [where for where, _, _ in pane.matches] == [30, 90]
        await wait_until(pilot, lambda: in_view(pane, 90), "the hit to be in view")
        assert pane.matches[pane.match_index][0] == 90
        assert not in_view(pane, 30)
        find_box = app.screen.query_one("#find", Input)
        status = app.screen.query_one("#find-status")  # the box, after Enter, is one line
        assert status.display and "'lighthouse'" in str(status.render())
        assert find_box.value == "lighthouse"
        assert app.focused is pane
        await pilot.press("n")  # steps through the other matches, as find does
        await wait_until(pilot, lambda: in_view(pane, 30), "the other match")
        await pilot.press("escape")  # and Esc clears the highlight
        assert pane.matches == [] and not find_box.display and not status.display


async def test_a_search_hit_wins_over_the_remembered_reading_position(tmp_path):
    from reader.ui.reading_pane import ReadingPane

    app = make_app(tmp_path)
    long_story(tmp_path / "library")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"long story", "enter", "enter")
        pane = app.screen.query_one(ReadingPane)
        await pilot.press("G")  # read to the end, then leave it
        await wait_until(pilot, lambda: pane.position > 0.9, "the end")
        await pilot.press("escape", "p")
        await wait_until(pilot, lambda: pane.article.title != "A long story", "another article")
        await search_and_open(pilot, "lighthouse")
        await wait_until(pilot, lambda: pane.article.title == "A long story", "the article")
        await pilot.pause(0.5)  # time for a remembered position to be restored, wrongly
        assert in_view(pane, 30) and pane.matches[pane.match_index][0] == 30


async def test_a_hit_only_in_the_title_opens_the_article_at_its_top(tmp_path):
    from reader.ui.reading_pane import ReadingPane

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await search_and_open(pilot, "timetable")
        pane = app.screen.query_one(ReadingPane)
        await wait_until(pilot, lambda: pane.article is not None, "the article")
        assert pane.article.title == FERRIES
        assert pane.scroll_y == 0


# Help


async def test_help_lists_home_and_end_in_the_reading_pane_and_they_work(tmp_path):
    from reader.ui.help_screen import HelpScreen
    from reader.ui.reading_pane import ReadingPane

    app = make_app(tmp_path)
    long_story(tmp_path / "library")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        reading = dict(app.screen.sections)["Reading pane"]
        keys = {row.description: row.keys for row in reading}
        assert set(keys["Top"].split(", ")) == {"g", "home"}
        assert set(keys["Bottom"].split(", ")) == {"G", "end"}
        assert "pgdn" in keys["Page down"]
        await pilot.press("escape", "slash", *"long story", "enter", "enter")
        pane = app.screen.query_one(ReadingPane)
        await wait_until(pilot, lambda: pane.max_scroll_y > 0, "the article")
        await pilot.press("end")
        await wait_until(pilot, lambda: pane.scroll_y == pane.max_scroll_y, "the end")
        await pilot.press("home")
        await wait_until(pilot, lambda: pane.scroll_y == 0, "the top")
