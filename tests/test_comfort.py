"""Reading comfort, as a daily reader uses it: marks and bookmarks that survive a restart,
views, sorting, searching inside an article, remembered scroll, export, copy, the original."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Input, Label

from reader.config import Config
from reader.store.state import ReadingState
from reader.ui.app import ReaderApp
from reader.ui.article_list import BOOKMARK_MARK, UNREAD_MARK, ArticleList
from reader.ui.reading_pane import ReadingPane
from tests.waiting import until

LIBRARY = Path(__file__).parent / "fixtures" / "library"
SIZE = (120, 40)


def library_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(LIBRARY, folder)
    return folder


def make_app(folder: Path, state_file: Path, config: Config | None = None) -> ReaderApp:
    state, _ = ReadingState.load(state_file)
    return ReaderApp([str(folder)], state=state, config=config)


async def loaded(pilot) -> None:
    await pilot.app.wait_until_loaded()
    await pilot.pause()


def titles(app: ReaderApp) -> list[str]:
    articles = app.query_one(ArticleList)
    return [articles.entries[row.index].title for row in articles.shown if row.is_article]


def row_marks(app: ReaderApp) -> dict[str, str]:
    """Title -> the mark its row starts with."""
    articles = app.query_one(ArticleList)
    marks = {}
    for position, row in enumerate(articles.shown):
        if row.is_article:
            prompt = str(articles.prompt_at(position))
            marks[articles.entries[row.index].title] = prompt[0]
    return marks


def long_article(folder: Path) -> Path:
    body = "\n\n".join(
        f"Paragraph {i} of the long story goes on for a while so that the pane "
        f"has to scroll to show it all."
        for i in range(120)
    )
    path = folder / "long.md"
    path.write_text("# A long story\n\n" + body + "\n\nThe final needle paragraph.\n")
    return path


async def test_read_marks_and_bookmarks_survive_a_restart_and_a_moved_folder(tmp_path):
    folder = library_copy(tmp_path)
    state_file = tmp_path / "state.json"
    app = make_app(folder, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")  # read the ferry story
        await pilot.press("shift+tab", "j", "b")  # bookmark the library story from the list
    moved = tmp_path / "moved"
    folder.rename(moved)
    app = make_app(moved, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        marks = row_marks(app)
        assert marks["Harbour ferries move to a winter timetable"] == " "
        assert marks["City library [bold red]extends[/] its hours"] == BOOKMARK_MARK
        assert marks["Late frost nips the valley's apple blossom"] == UNREAD_MARK


async def test_views_show_only_unread_then_only_bookmarked(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "shift+tab", "j", "j", "b")
        await pilot.press("u")
        assert titles(app) == [
            "City library [bold red]extends[/] its hours",
            "Late frost nips the valley's apple blossom",
        ]
        await pilot.press("u")
        assert titles(app) == ["Late frost nips the valley's apple blossom"]
        await pilot.press("u")
        assert len(titles(app)) == 4


async def test_sorting_by_date_title_and_publisher(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("S")  # newest first; undated last
        assert titles(app)[:2] == [
            "Harbour ferries move to a winter timetable",
            "City library [bold red]extends[/] its hours",
        ]
        await pilot.press("S", "S")  # oldest, then title
        assert titles(app) == sorted(titles(app), key=str.casefold)
        await pilot.press("S")  # publisher, grouped under headings
        articles = app.query_one(ArticleList)
        headings = [row.heading for row in articles.shown if not row.is_article]
        assert headings[:2] == ["Northgate Weekly", "The Quayside Courier"]
        await pilot.press("j", "enter")
        assert app.main.open_entry is not None  # headings are skipped by the cursor


async def test_sort_and_view_are_remembered(tmp_path):
    folder = library_copy(tmp_path)
    state_file = tmp_path / "state.json"
    app = make_app(folder, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("S", "S", "S")
    app = make_app(folder, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.query_one(ArticleList).sort == "title"


async def test_find_in_article_highlights_and_n_moves_between_matches(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "slash")
        assert isinstance(app.focused, Input) and app.focused.id == "find"
        await pilot.press(*"the")
        pane = app.query_one(ReadingPane)
        count = len(pane.matches)
        assert count >= 5
        assert pane.match_index == 0
        await pilot.press("enter")
        assert app.focused is pane
        await pilot.press("n", "n")
        assert pane.match_index == 2
        await pilot.press("N")
        assert pane.match_index == 1
        await pilot.press("escape")
        assert pane.matches == []
        await pilot.press("n")  # with no search, n is the next article again
        assert app.main.open_entry.title.startswith("City library")


async def test_ctrl_f_finds_and_escape_closes(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "ctrl+f", *"QUAYSIDE")
        assert app.query_one(ReadingPane).matches == []  # the byline is not body text
        app.query_one("#find", Input).value = "halloran"
        await pilot.pause()
        assert len(app.query_one(ReadingPane).matches) == 2
        await pilot.press("escape")
        assert not app.query_one("#find").display


async def test_scroll_position_is_remembered_across_runs(tmp_path):
    folder = library_copy(tmp_path)
    long_article(folder)
    state_file = tmp_path / "state.json"
    app = make_app(folder, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"long story", "enter", "enter")
        pane = app.query_one(ReadingPane)
        await pilot.press("space", "space", "space")
        await pilot.pause()
        left_at = pane.position
        assert 0.1 < left_at < 0.9
        await pilot.press("q")
    app = make_app(folder, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"long story", "enter", "enter")
        pane = app.query_one(ReadingPane)
        await until(pilot, lambda: abs(pane.position - left_at) < 0.05, "the place left off")


async def test_width_and_theme_are_remembered(tmp_path):
    folder = library_copy(tmp_path)
    state_file = tmp_path / "state.json"
    app = make_app(folder, state_file)
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "minus", "minus")
        assert app.query_one(ReadingPane).reading_width == 72
        app.theme = "textual-light"
        await pilot.pause()
    app = make_app(folder, state_file)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.query_one(ReadingPane).reading_width == 72
        assert app.theme == "textual-light"


async def test_config_sets_width_theme_and_remaps_keys(tmp_path):
    folder = library_copy(tmp_path)
    config, messages = Config.parse('width = 60\ntheme = "nord"\n[keys]\nnext_article = "right"\n')
    assert messages == []
    app = make_app(folder, tmp_path / "state.json", config)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "nord"
        assert app.query_one(ReadingPane).reading_width == 60
        await pilot.press("j", "enter", "right")
        assert app.main.open_entry.title.startswith("City library")


async def test_export_writes_markdown_where_asked_and_nowhere_else(tmp_path):
    folder = library_copy(tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    app = make_app(folder, tmp_path / "state.json")
    target = tmp_path / "exports" / "ferries.md"
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "e")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter", "enter")  # the second Enter confirms creating "exports"
        await pilot.pause()
    text = target.read_text()
    assert text.startswith("---\n")
    assert 'title: "Harbour ferries move to a winter timetable"' in text
    assert "“We carried more people" in text or '"We carried more people' in text
    assert sorted(p.name for p in folder.iterdir()) == before


async def test_copy_puts_the_current_quote_or_the_article_on_the_clipboard(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "y")
        assert "Harbour ferries move to a winter timetable" in app.clipboard
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard.startswith("“We carried more people")


async def test_open_original_without_editor_or_url_explains_itself(tmp_path, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "O")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Set $EDITOR" in m for m in messages)


async def test_ctrl_s_searches_bodies_of_the_whole_library_and_opens_a_hit(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+s", *"blackened")
        from reader.ui.search_screen import SearchScreen

        assert isinstance(app.screen, SearchScreen)
        await until(pilot, lambda: app.screen.hits, "search hits")
        assert [hit.title for hit in app.screen.hits] == [
            "Late frost nips the valley's apple blossom"
        ]
        assert "blackened" in app.screen.hits[0].snippet
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.open_entry.title.startswith("Late frost")


async def test_search_input_is_never_syntax(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+s", *'"AND NEAR( * ')
        count = app.screen.query_one("#search-count", Label)
        await until(pilot, lambda: str(count.render()), "the search to answer")
        assert str(count.render()) == "Nothing found"
        assert app.is_running
        await pilot.press("escape")


async def test_r_rescans_and_lists_new_files(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        (folder / "fresh.md").write_text("# A fresh arrival\n\nSaved while reader was open.\n")
        await pilot.press("r")
        await loaded(pilot)
        assert "A fresh arrival" in titles(app)
        assert len(titles(app)) == 5


async def test_r_forgets_files_deleted_since_they_were_cleaned(tmp_path):
    folder = library_copy(tmp_path)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        cache = app.main.loader.open_cache()
        held = len(cache)
        gone = sorted(folder.iterdir())[0]
        gone.unlink()
        await pilot.press("r")
        await loaded(pilot)
        await app.workers.wait_for_complete()
        assert len(cache) == held - 1
        assert str(gone) not in cache.quotes([str(gone)])


async def test_a_corrupt_state_file_is_set_aside_with_a_message_at_start(tmp_path):
    folder = library_copy(tmp_path)
    state_file = tmp_path / "state.json"
    state_file.write_text('{"version": 1, "articles": [broken')
    state, messages = ReadingState.load(state_file)
    assert messages and "state.json" in messages[0]
    app = ReaderApp([str(folder)], state=state, messages=messages)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert any("state.json" in n.message for n in app._notifications)
        assert len(titles(app)) == 4
    assert list(tmp_path.glob("state.json.corrupt-*"))


async def test_a_corrupt_cache_is_set_aside_with_a_message_at_start(tmp_path, monkeypatch):
    folder = library_copy(tmp_path)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    monkeypatch.setenv("READER_CACHE_DIR", str(cache_dir))
    from reader.store.cache import CACHE_FILE

    (cache_dir / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    app = make_app(folder, tmp_path / "state.json")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert any("cache" in n.message.lower() for n in app._notifications)
        assert len(titles(app)) == 4
