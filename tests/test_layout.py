"""The app at the sizes people use: room to read, titles that can be read, feedback for keys.

Each test drives the app with Pilot at real terminal sizes and checks what a reader would
see: the words on screen, the width of the reading column, what the title line says.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from drawn import static_text
from waiting import until

from reader.ui.app import ReaderApp
from reader.ui.article_list import ArticleList
from reader.ui.reading_pane import ReadingPane
from reader.ui.sidebar import Sidebar, SpeakerList

LIBRARY = Path(__file__).parent / "fixtures" / "library"
SIZES = [(200, 50), (120, 40), (80, 24), (60, 20)]
LONG_TITLE = "Coastal nations agree on a shared plan for sea walls and new wetlands."
assert len(LONG_TITLE) == 70


async def loaded(pilot) -> None:
    await pilot.app.wait_until_loaded()
    await pilot.pause()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def story(title: str, body: str = "A short paragraph of the story.") -> str:
    return f"# {title}\n\n{body}\n"


def list_text(app: ReaderApp) -> str:
    """The list pane's lines as drawn, joined into one line of words."""
    articles = app.query_one(ArticleList)
    lines = articles.render_lines(articles.size.region)
    return " ".join(" ".join(strip.text.split()) for strip in lines)


def page_width(app: ReaderApp) -> int:
    return app.query_one("#page").size.width


def title_line(app: ReaderApp) -> str:
    return str(app.query_one("#list-title").content)


def sidebar_text(app: ReaderApp) -> str:
    return str(app.query_one("#meta").render())


@pytest.mark.parametrize("size", SIZES)
async def test_a_70_character_title_is_readable_in_the_list(tmp_path, size):
    write(tmp_path, "a.md", story(LONG_TITLE))
    write(tmp_path, "b.md", story("A short one"))
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        assert LONG_TITLE in list_text(app)


@pytest.mark.parametrize("size", [(200, 50), (120, 40), (80, 24), (70, 20)])
@pytest.mark.parametrize("keys", [[], ["s"], ["f"]], ids=["default", "sidebar", "focus"])
async def test_the_reading_column_is_at_least_60_wide_from_70_columns(size, keys):
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", *keys)
        await until(pilot, lambda: page_width(app) >= 60)


async def test_focus_mode_hides_list_and_sidebar_and_the_same_key_brings_them_back():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")
        await until(pilot, lambda: page_width(app) > 0)
        before = page_width(app)
        await pilot.press("f")
        await until(pilot, lambda: page_width(app) == 80 > before)  # the whole width fits now
        assert not app.query_one("#list-pane").display and not app.query_one(Sidebar).display
        await pilot.press("f")
        await until(pilot, lambda: page_width(app) == before)
        assert app.query_one("#list-pane").display and app.query_one(Sidebar).display


async def test_the_sidebar_folds_under_the_list_then_away_as_the_terminal_narrows():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        sidebar, articles = app.query_one(Sidebar), app.query_one(ArticleList)
        assert sidebar.region.x > app.query_one(ReadingPane).region.x  # beside the article
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: sidebar.region.x == 0)
        assert sidebar.region.y > articles.region.y  # under the list
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: not sidebar.display)
        await until(pilot, lambda: app.query_one(ReadingPane).region.y > articles.region.y)


@pytest.mark.parametrize("size", SIZES)
async def test_one_file_opens_straight_away(tmp_path, size):
    path = write(tmp_path, "only.md", story("The only story", "Its one paragraph."))
    app = ReaderApp([str(path)])
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: app.main.open_entry is not None)
        assert app.main.open_entry.title == "The only story"
        assert app.focused is app.query_one(ReadingPane)
        assert app.main.open_entry.read


async def test_moving_through_the_list_previews_without_marking_read():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "j")
        articles = app.query_one(ArticleList)
        await until(pilot, lambda: app.main.open_entry is articles.current())
        assert app.main.open_entry.title.startswith("City library")
        assert "Evenings are when students need us" in page_text(app)
        assert not app.main.open_entry.read and app.focused is articles
        await pilot.press("enter")
        assert app.main.open_entry.read and app.focused is app.query_one(ReadingPane)


def page_text(app: ReaderApp) -> str:
    return "\n".join(static_text(w) for w in app.query_one("#page").children)


async def test_a_picked_quote_lands_with_context_above_and_the_quoted_list_follows(tmp_path):
    filler = "\n\n".join(
        f"Paragraph {i} of the background, long enough to wrap." for i in range(40)
    )
    body = (
        f'{filler}\n\n"The first quote is here," said Ada Grey.\n\n'
        f'{filler}\n\n"The second quote is later," said Ben Hall.\n\n{filler}\n'
    )
    path = write(tmp_path, "quotes.md", story("Two speakers", body))
    app = ReaderApp([str(path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: app.main.open_entry is not None)
        pane, speakers = app.query_one(ReadingPane), app.query_one(SpeakerList)
        for number, speaker in [(0, "Ada Grey"), (1, "Ben Hall")]:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            paragraph = pane.paragraph_widgets[pane.article.quotes[number].paragraph]
            top = paragraph.region.y - pane.region.y
            assert 5 <= top <= pane.region.height // 2, "context above, not the bottom edge"
            assert speakers.speakers[speakers.highlighted] == speaker


async def test_publisher_order_does_not_repeat_the_publisher_in_each_row():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("S", "S", "S", "S")  # newest, oldest, title, publisher
        articles = app.query_one(ArticleList)
        assert articles.sort == "publisher"
        text = list_text(app)
        assert text.count("The Quayside Courier") == 1  # the heading only
        assert text.count("Northgate Weekly") == 1


async def test_fields_an_article_lacks_are_left_out_and_paths_break_between_names(tmp_path):
    folder = tmp_path / "a-folder-with-a-rather-long-name" / "and-another-long-one"
    write(folder, "plain-note-without-metadata.md", story("A bare note"))
    app = ReaderApp([str(folder)])
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: app.main.open_entry is not None)
        meta = sidebar_text(app)
        assert "unknown" not in meta and "Author" not in meta and "Publisher" not in meta
        shown_path = meta.split("File\n", 1)[1].strip().split("\n")
        assert "".join(shown_path) == str(folder / "plain-note-without-metadata.md")
        assert all(line.endswith("/") for line in shown_path[:-1]), shown_path


async def test_the_title_line_counts_what_a_filter_or_view_shows():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert title_line(app) == "3 articles, 1 failed"
        await pilot.press("slash", *"frost")
        assert title_line(app) == "1 of 4 matching 'frost'"
        await pilot.press(*"xyz")
        assert title_line(app) == "No article matches 'frostxyz'"
        await pilot.press("escape")
        await pilot.press("u", "u")  # bookmarked
        assert title_line(app) == "No bookmarked articles"


async def test_counts_and_plurals_when_one_article_loads_among_failures(tmp_path):
    write(tmp_path, "good.md", story("The one good story"))
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(b"\x00\x01binary" * 20)
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert title_line(app) == "1 article, 3 failed, 1 file skipped (not an article)"


async def test_the_find_box_hint_fits_at_80_columns_and_enter_leaves_a_clean_status():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter", "slash")
        box = app.screen.query_one("#find")
        assert len(box.placeholder) <= box.content_region.width
        await pilot.press(*"the", "enter")
        await pilot.pause()
        assert not box.display
        status = str(app.screen.query_one("#find-status").render())
        assert "'the'" in status and "matches" in status and "n/N" in status
        await pilot.press("escape")
        assert not app.screen.query_one("#find-status").display


async def test_plus_and_minus_change_the_column_or_say_why_not():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "enter")
        await until(pilot, lambda: page_width(app) > 0)
        before = page_width(app)
        await pilot.press("plus")  # the pane is narrower than the 80 asked for
        await until(pilot, lambda: "already fills the pane" in last_notice(app))
        assert page_width(app) == before
        await pilot.press("minus")
        await until(pilot, lambda: page_width(app) == before - 4)
        await until(pilot, lambda: f"{before - 4} columns" in last_notice(app))
        await pilot.press("plus")
        await until(pilot, lambda: page_width(app) == before)


def last_notice(app: ReaderApp) -> str:
    notices = list(app._notifications)
    return str(notices[-1].message) if notices else ""


async def test_help_lists_every_key_of_the_reading_pane():
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sections = dict(app.help_sections())
        reading = {row.description: row.keys for row in sections["Reading pane"]}
        assert reading["Top"] == "home, g" and reading["Bottom"] == "end, G"
        assert reading["Page down"] == "space, pgdn"
        listing = {row.description: row.keys for row in sections["Article list"]}
        assert listing["Open"] == "⏎, l"


def header_lines(app: ReaderApp) -> list[str]:
    header = app.query_one("#page .header")
    return [strip.text.rstrip() for strip in header.render_lines(header.size.region)]


async def test_a_key_point_that_wraps_hangs_under_its_own_text(tmp_path):
    point = "The council voted to fund the line after a debate that ran past midnight"
    front = f"---\ntitle: Rail line funded\nkey_points:\n  - {point}\n  - A second point\n---\n"
    write(tmp_path, "a.md", front + "\nThe story.\n")
    app = ReaderApp([str(tmp_path / "a.md")])
    async with app.run_test(size=(60, 20)) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: any("•" in line for line in header_lines(app)))
        lines = header_lines(app)
        first = next(n for n, line in enumerate(lines) if point[:20] in line)
        bullet_at = lines[first].index("•")
        continuation = lines[first + 1]
        assert continuation[: bullet_at + 2].strip() == ""
        assert continuation[bullet_at + 2] != " "
        assert " ".join(" ".join(lines[first : first + 3]).replace("•", "").split()).startswith(
            point
        )
