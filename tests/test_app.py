"""The app driven as a person would: keys and clicks through Pilot, checking what is shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandList
from textual.widgets import Input

from reader.ui.app import ReaderApp
from reader.ui.article_list import ArticleList
from reader.ui.footer import Footer
from reader.ui.reading_pane import ReadingPane
from reader.ui.sidebar import Sidebar
from tests.drawn import static_text
from tests.waiting import until

LIBRARY = Path(__file__).parent / "fixtures" / "library"
SIZE = (120, 40)


def make_app(*paths: Path | str) -> ReaderApp:
    return ReaderApp([str(p) for p in (paths or [LIBRARY])])


async def loaded(pilot) -> None:
    await pilot.app.wait_until_loaded()
    await pilot.pause()


def page_text(app: ReaderApp) -> str:
    """Everything the reading pane shows, as plain text."""
    return "\n".join(static_text(w) for w in app.query_one("#page").children)


def rendered(renderable) -> str:
    """What a Rich renderable looks like as plain text."""
    console = Console(width=100, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def sidebar_text(app: ReaderApp) -> str:
    return str(app.query_one("#meta").render())


def row_titles(app: ReaderApp) -> list[str]:
    articles = app.query_one(ArticleList)
    return [articles.entries[row.index].title for row in articles.shown if row.is_article]


def highlighted_title(app: ReaderApp) -> str:
    return app.query_one(ArticleList).current().title


def long_article(tmp_path: Path) -> Path:
    body = "\n\n".join(
        f"Paragraph {i} of the long story, with enough words to wrap once or "
        f"twice in the reading pane so that scrolling has something to do."
        for i in range(80)
    )
    path = tmp_path / "long.md"
    path.write_text("# A very long story\n\n" + body + "\n\nThe very last line.\n")
    return path


async def test_list_fills_in_sorted_order_and_shows_failures():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        titles = row_titles(app)
        assert titles == [
            "broken-download.txt",
            "Harbour ferries move to a winter timetable",
            "City library [bold red]extends[/] its hours",
            "Late frost nips the valley's apple blossom",
        ]
        assert "3 articles, 1 failed" in str(app.query_one("#list-title").content)


async def test_failed_file_shows_its_reason_when_opened():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        assert "Could not read this file" in page_text(app)
        assert "binary" in page_text(app)


@pytest.mark.parametrize("down,up", [("j", "k"), ("down", "up")])
async def test_moving_in_the_list(down, up):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press(down, down)
        assert highlighted_title(app).startswith("City library")
        await pilot.press(up)
        assert highlighted_title(app).startswith("Harbour ferries")


def many_articles(tmp_path: Path, folders: int = 3, per_folder: int = 20) -> Path:
    for f in range(folders):
        folder = tmp_path / f"desk-{f}"
        folder.mkdir()
        for n in range(per_folder):
            (folder / f"story-{n:02d}.md").write_text(
                f"# Story {f}-{n:02d} from desk {f}\n\nA short paragraph of the story.\n"
            )
    return tmp_path


def cursor_row_on_screen(app: ReaderApp) -> str:
    """The text of the list pane's lines that carry the cursor's background."""
    articles = app.query_one(ArticleList)
    cursor = articles.get_visual_style("article-list--row", "article-list--cursor")
    lines = articles.render_lines(articles.size.region)
    return " ".join(
        strip.text.strip()
        for strip in lines
        if any(
            segment.style
            and segment.style.bgcolor
            and segment.style.bgcolor.triplet
            and segment.style.bgcolor == cursor.rich_style.bgcolor
            for segment in strip
        )
    )


async def test_a_long_list_scrolls_with_the_cursor_and_skips_headings(tmp_path):
    app = make_app(many_articles(tmp_path))
    async with app.run_test(size=(120, 24)) as pilot:
        await loaded(pilot)
        articles = app.query_one(ArticleList)
        assert articles.shown[0].heading == str(tmp_path / "desk-0")  # a heading per folder
        assert highlighted_title(app) == "Story 0-00 from desk 0"
        await pilot.press(*["j"] * 25)
        assert highlighted_title(app) == "Story 1-05 from desk 1"  # passed a heading
        assert articles.scroll_offset.y > 0
        assert "Story 1-05 from desk 1" in cursor_row_on_screen(app)
        await pilot.press("G")
        assert highlighted_title(app) == "Story 2-19 from desk 2"
        assert "Story 2-19 from desk 2" in cursor_row_on_screen(app)
        await pilot.press("g")
        assert highlighted_title(app) == "Story 0-00 from desk 0"
        assert articles.scroll_offset.y == 0  # the first heading is back in view
        await pilot.press("pagedown")
        paged = highlighted_title(app)
        assert paged > "Story 0-05"
        assert paged in cursor_row_on_screen(app)
        await pilot.press("pageup")
        assert highlighted_title(app) == "Story 0-00 from desk 0"
        await pilot.press("end", "enter")
        assert app.main.open_entry.title == "Story 2-19 from desk 2"


async def test_a_list_filled_in_batches_matches_one_built_at_once(tmp_path):
    app = make_app(many_articles(tmp_path))
    async with app.run_test(size=(120, 24)) as pilot:
        await loaded(pilot)
        articles = app.query_one(ArticleList)
        entries, at_once = list(articles.entries), list(articles.shown)
        assert len([row for row in at_once if not row.is_article]) == 3
        for batches in ([5, 10, 60], [25, 60], [1, 2, 3, 60]):
            articles.entries, articles.shown, articles._starts = [], [], [0]
            articles._rows = []
            articles._entry_index, articles._folders, articles._keys = {}, [], []
            articles.highlighted = None
            start = 0
            for end in batches:
                articles.add_entries(entries[start:end])
                start = end
            await pilot.pause()
            assert articles.shown == at_once
            assert articles._starts[-1] == 3 + 2 * 60  # three headings, two lines a row
            assert highlighted_title(app) == "Story 0-00 from desk 0"


async def test_filtering_a_scrolled_list_keeps_the_cursor_on_a_shown_article(tmp_path):
    app = make_app(many_articles(tmp_path))
    async with app.run_test(size=(120, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("G", "slash", *"desk 1")
        await pilot.pause()
        assert row_titles(app) == [f"Story 1-{n:02d} from desk 1" for n in range(20)]
        assert highlighted_title(app) == "Story 1-00 from desk 1"
        assert "Story 1-00 from desk 1" in cursor_row_on_screen(app)
        await pilot.press("enter", "j", "j")
        assert highlighted_title(app) == "Story 1-02 from desk 1"


@pytest.mark.parametrize("key", ["enter", "l"])
async def test_opening_shows_article_sidebar_and_clears_unread_mark(key):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", key)
        text = page_text(app)
        assert "Harbour ferries move to a winter timetable" in text
        assert "By Ines Okafor · The Quayside Courier" in text
        assert "Crossings drop from every 20 minutes" in text  # key points
        assert "What changes" in text
        meta = sidebar_text(app)
        for expected in [
            "Ines Okafor",
            "The Quayside Courier",
            "Transport",
            "2026-10-03",
            "harbour-ferry-timetable.md",
        ]:
            assert expected in meta
        assert app.focused is app.query_one(ReadingPane)
        prompt = app.query_one(ArticleList).prompt_at(1)
        assert not str(prompt).startswith("●")
        other = app.query_one(ArticleList).prompt_at(2)
        assert str(other).startswith("●")


async def test_markup_in_article_text_is_shown_literally():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "j", "enter")
        text = page_text(app)
        assert "City library [bold red]extends[/] its hours" in text
        assert "[@click=app.quit]quit[/]" in text
        assert "[bold red]" in sidebar_text(app)
        assert app.is_running


async def test_tab_moves_between_panes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")
        assert app.focused is app.query_one(ReadingPane)
        await pilot.press("shift+tab")
        assert app.focused is app.query_one(ArticleList)
        await pilot.press("tab")
        assert app.focused is app.query_one(ReadingPane)


def footer_hints(app: ReaderApp) -> list[str]:
    """The key hints as drawn along the bottom: "q Quit", "/ Filter", ..."""
    drawn = app.query_one(Footer).render().plain
    return [hint.strip() for hint in drawn.split("  ") if hint.strip()]


async def test_footer_hints_follow_the_focused_pane():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        hints = footer_hints(app)
        assert "⏎ Open" in hints and "q Quit" in hints and "/ Filter" in hints
        assert "] Next quote" not in hints
        assert hints[-1] == "▏ ^p palette"
        await pilot.press("j", "enter")
        await pilot.pause()
        hints = footer_hints(app)
        assert "] Next quote" in hints and "/ Find" in hints and "/ Filter" not in hints
        await pilot.press("shift+tab", "tab", "shift+tab")
        await pilot.pause()
        hints = footer_hints(app)
        assert "] Next quote" not in hints and "⏎ Open" in hints
        assert len(hints) == len(set(hints)), "each hint once, however often focus moved"


async def test_clicking_a_footer_hint_runs_its_key():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        footer = app.query_one(Footer)
        drawn = footer.render().plain
        await pilot.click(Footer, offset=(drawn.index("Help"), 0))
        await pilot.pause()
        assert "reader — keys" in rendered(app.screen.query_one("#help-title").render())


async def test_footer_drops_hints_that_do_not_fit_but_keeps_the_palette():
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await loaded(pilot)
        drawn = app.query_one(Footer).render().plain
        assert len(drawn) <= 60
        assert drawn.startswith(" ⏎ Open  q Quit")
        assert drawn.rstrip().endswith("^p palette")
        assert "Search all" not in drawn


@pytest.mark.parametrize("key", ["space", "pagedown"])
async def test_paging_the_reading_pane(tmp_path, key):
    app = make_app(long_article(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        pane = app.query_one(ReadingPane)
        await pilot.press(key)
        await pilot.pause()
        first = pane.scroll_y
        assert first > 10
        await pilot.press("pageup")
        await pilot.pause()
        assert pane.scroll_y < first
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert pane.scroll_y == 0


async def test_next_and_previous_article_from_anywhere():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")
        assert app.main.open_entry.title.startswith("Harbour ferries")
        await pilot.press("n")  # focus is in the reading pane
        assert app.main.open_entry.title.startswith("City library")
        assert "City library" in page_text(app)
        await pilot.press("p")
        assert app.main.open_entry.title.startswith("Harbour ferries")


async def test_filter_as_you_type_and_escape_clears():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"okafor")
        assert row_titles(app) == ["Harbour ferries move to a winter timetable"]
        await pilot.press("escape")
        assert len(row_titles(app)) == 4
        assert app.focused is app.query_one(ArticleList)


async def test_filter_matches_titles_case_insensitively():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"FROST", "enter")
        assert row_titles(app) == ["Late frost nips the valley's apple blossom"]
        await pilot.press("enter")
        assert "blackened blossom" in page_text(app)


async def test_sidebar_toggles():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.query_one(Sidebar).display
        await pilot.press("s")
        assert not app.query_one(Sidebar).display
        await pilot.press("s")
        assert app.query_one(Sidebar).display


async def test_help_lists_every_binding_and_closes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        from reader.ui.help_screen import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        shown = rendered(app.screen.query_one("#help-table").content)
        for words in [
            "Quit",
            "Open file",
            "Filter",
            "Next",
            "Previous",
            "Sidebar",
            "Next quote",
            "Page down",
            "Next pane",
        ]:
            assert words in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_open_dialog_rejects_a_bad_path_then_opens_a_folder(tmp_path):
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "note.md").write_text("# Extra note\n\nA short extra article.\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        from reader.ui.open_dialog import OpenDialog

        assert isinstance(app.screen, OpenDialog)
        path_input = app.screen.query_one(Input)
        path_input.value = str(tmp_path / "nowhere")
        await pilot.press("enter")
        assert isinstance(app.screen, OpenDialog)
        assert "No such file or folder" in str(app.screen.query_one("#open-error").render())
        path_input.value = str(extra)
        await pilot.press("enter")
        await loaded(pilot)
        assert not isinstance(app.screen, OpenDialog)
        assert "Extra note" in row_titles(app)


async def test_open_dialog_completes_paths_with_tab(tmp_path):
    (tmp_path / "articles-folder").mkdir()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        path_input = app.screen.query_one(Input)
        path_input.value = str(tmp_path / "arti")
        path_input.cursor_position = len(path_input.value)
        await until(pilot, lambda: path_input._suggestion, "a completion to be suggested")
        await pilot.press("tab")
        assert path_input.value == str(tmp_path / "articles-folder") + "/"
        await pilot.press("escape")
        assert not hasattr(app.screen, "start")


async def test_quote_keys_jump_between_quotes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")
        pane = app.query_one(ReadingPane)
        assert pane.article.quotes, "the sample has quotes"
        await pilot.press("right_square_bracket")
        assert pane.quote_index == 0
        await pilot.press("right_square_bracket")
        assert pane.quote_index == 1
        await pilot.press("left_square_bracket")
        assert pane.quote_index == 0


async def test_clicking_a_row_opens_it():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        articles = app.query_one(ArticleList)
        row_y = articles.region.y + articles.first_line(3)  # the fourth row
        await pilot.click(offset=(articles.region.x + 5, row_y))
        await pilot.pause()
        assert app.main.open_entry is not None
        assert app.main.open_entry.title.startswith("Late frost")


async def test_command_palette_offers_the_app_actions():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ["Open file", "Filter", "Next", "Previous", "Sidebar", "Next quote", "Help"]:
            assert title in titles
        assert len(titles) == len(set(titles)), "each command once (no second Keys or Quit)"
        assert "Keys" not in titles  # Textual's key panel: `?` lists every key instead
        await pilot.press("ctrl+p")
        await pilot.press(*"sidebar")
        palette = app.screen.query_one(CommandList)
        await until(pilot, lambda: palette.highlighted is not None, "a command to be offered")
        await pilot.press("enter")
        await pilot.pause()
        assert not app.query_one(Sidebar).display


async def test_q_quits():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_narrow_terminal_hides_sidebar_but_s_shows_it():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert not app.query_one(Sidebar).display
        await pilot.press("s")
        assert app.query_one(Sidebar).display
        assert app.query_one(ReadingPane).room >= 60  # the sidebar folds under, not beside


async def test_choosing_a_speaker_in_the_sidebar_marks_their_quotes_and_jumps():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")
        from reader.ui.sidebar import SpeakerList

        speakers = app.query_one(SpeakerList)
        assert speakers.speakers[0] == "Margit Halloran"  # most quoted first
        speakers.focus()
        await pilot.press("down", "enter")  # the second: Tomasz Weir
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.chosen_speaker == "Tomasz Weir"
        chosen = pane.article.quotes[pane.quote_index]
        assert chosen.speaker == "Tomasz Weir"
        assert chosen.text.startswith("Thirty minutes")


async def test_plain_and_pane_highlight_the_same_quote_spans():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")
        pane = app.query_one(ReadingPane)
        styled = pane.paragraph_widgets[1].content
        spans = [styled.plain[s.start : s.end] for s in styled.spans if s.style]
        assert any(text.startswith('"We carried more people') for text in spans)
        assert "said Margit Halloran" in spans  # the attribution phrase
        assert "Margit Halloran" in spans  # the speaker, stressed within it
