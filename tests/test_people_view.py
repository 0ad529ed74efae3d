"""The People view driven with keys (Pilot): who is quoted, their quotes, and back again."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from waiting import until

from reader.ui import people_screen
from reader.ui.app import ReaderApp
from reader.ui.article_list import ArticleList
from reader.ui.people_screen import PeopleList, PeopleScreen, QuoteList
from reader.ui.reading_pane import ReadingPane
from reader.ui.sidebar import SpeakerList

SIZE = (120, 40)

FIXTURE = Path(__file__).parent / "fixtures" / "people"
GENEVA = (FIXTURE / "geneva.md").read_text()
HOME = (FIXTURE / "home.md").read_text()


@pytest.fixture
def library() -> Path:
    return FIXTURE


def rows(screen: PeopleScreen) -> list[str]:
    people = screen.query_one(PeopleList)
    return [people.prompt_at(i) for i in range(len(people.rows))]


def chosen(screen: PeopleScreen) -> str | None:
    """The name of the person whose quotes the view shows."""
    return screen.person.name if screen.person is not None else None


def quote_texts(screen: PeopleScreen) -> list[str]:
    options = screen.query_one("#person-quotes", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def people_shown(app: ReaderApp) -> bool:
    screen = app.screen
    return isinstance(screen, PeopleScreen) and isinstance(app.focused, PeopleList)


async def open_people(pilot) -> PeopleScreen:
    await pilot.app.wait_until_loaded()
    await until(pilot, lambda: len(pilot.app.main.articles.entries) >= 1)
    await pilot.press("P")
    await until(pilot, lambda: people_shown(pilot.app))
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    await until(pilot, lambda: "to come" not in title(screen))  # every listed article in
    return screen


def title(screen: PeopleScreen) -> str:
    return str(screen.query_one("#people-title").render())


async def test_p_lists_everyone_quoted_most_quoted_first_with_unnamed_sources_by_article(
    library: Path,
):
    app = ReaderApp([str(library)])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert rows(screen) == [
            "Sergei Lavrov  3 quotes · 2 articles",
            "David Miliband  1 quote · 1 article",
            "Ed Miliband  1 quote · 1 article",
            "Pentagon  organisation  1 quote · 1 article",
            "Unnamed, in “Talks stall in Geneva”",
            "a senior official  1 quote",
        ]
        # The first person's quotes, newest article first, with title, publisher and date.
        texts = quote_texts(screen)
        assert texts[0].startswith("“There is no deadline,”")
        assert "Ministers return home · The Paper · 2026-03-03" in texts[0]
        assert texts[2].startswith("“We will respond firmly")
        assert "Also: Lavrov" in str(screen.query_one("#person-title").render())

        await pilot.press("S")  # by articles: Lavrov still first, the rest by name
        assert rows(screen)[0].startswith("Sergei Lavrov")
        assert "most articles" in str(screen.query_one("#people-title").render())

        await pilot.press("slash", *"mili")
        await pilot.pause()
        assert rows(screen) == [
            "David Miliband  1 quote · 1 article",
            "Ed Miliband  1 quote · 1 article",
        ]
        await pilot.press("escape")  # clears the filter, back in the list
        assert isinstance(app.focused, PeopleList)
        assert len(rows(screen)) == 6
        await pilot.press("escape")  # back to the articles
        await until(pilot, lambda: not isinstance(app.screen, PeopleScreen))
        assert isinstance(app.focused, ArticleList)


async def test_enter_on_a_quote_opens_its_article_there_and_esc_comes_back(library: Path):
    app = ReaderApp([str(library)])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await pilot.press("enter")  # into Lavrov's quotes
        assert app.focused is screen.query_one("#person-quotes")
        await pilot.press("down", "down", "enter")  # the third: from the Geneva article
        await until(pilot, lambda: not isinstance(app.screen, PeopleScreen))
        pane = app.query_one(ReadingPane)
        assert pane.article is not None and pane.article.title == "Talks stall in Geneva"
        picked = pane.article.quotes[pane.quote_index]
        assert picked.text.startswith("We will respond firmly")
        assert app.focused is pane
        await pilot.press("]")  # the pick is the one [ and ] move from
        assert pane.article.quotes[pane.quote_index].speaker == "Ed Miliband"

        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert screen.person is not None and screen.person.name == "Sergei Lavrov"
        assert screen.query_one("#person-quotes", OptionList).highlighted == 2
        await pilot.press("escape", "escape")  # quotes -> people -> articles
        await until(pilot, lambda: not isinstance(app.screen, PeopleScreen))
        await pilot.press("escape")  # no way back once returned
        await pilot.pause()
        assert not isinstance(app.screen, PeopleScreen)


async def test_a_quote_far_down_its_article_is_scrolled_into_view():
    samples = Path(__file__).parent.parent / "reader" / "sample_articles"
    app = ReaderApp([str(samples)])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await until(pilot, lambda: chosen(screen) == "Mele Tupou", "the most quoted person")
        await pilot.press("enter", "j", "j", "j", "enter")  # her last quote
        await until(pilot, lambda: not isinstance(app.screen, PeopleScreen))
        pane = app.query_one(ReadingPane)
        assert pane.article is not None and pane.quote_index is not None
        paragraph = pane.paragraph_widgets[pane.article.quotes[pane.quote_index].paragraph]

        def in_view() -> bool:
            top, bottom = paragraph.region.y, paragraph.region.bottom
            return pane.scroll_y > 0 and pane.region.y <= top and bottom <= pane.region.bottom

        # The pane scrolls once the paragraph is laid out; wait for where it lands.
        await until(pilot, in_view)


async def test_p_on_a_name_in_the_quoted_list_jumps_to_that_person(library: Path):
    app = ReaderApp([str(library)])
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_loaded()
        await pilot.press("j", "enter")  # home.md: Lavrov, David Miliband, Pentagon
        await pilot.pause()
        speakers = app.query_one(SpeakerList)
        speakers.focus()
        speakers.highlighted = speakers.speakers.index("David Miliband")
        await pilot.press("P")
        await until(pilot, lambda: people_shown(app))
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert screen.person is not None and screen.person.name == "David Miliband"
        assert quote_texts(screen)[0].startswith("“I have not changed my mind,”")


async def test_the_view_takes_in_articles_loaded_after_it_opened(tmp_path: Path):
    (tmp_path / "home.md").write_text(HOME)
    later = tmp_path / "later"
    later.mkdir()
    (later / "geneva.md").write_text(GENEVA)
    app = ReaderApp([str(tmp_path / "home.md")])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert rows(screen)[0] == "Lavrov  2 quotes · 1 article"  # no full name known yet
        app.main.loader.load([str(later)])
        await app.wait_until_loaded()
        await until(pilot, lambda: rows(screen)[0] == "Sergei Lavrov  3 quotes · 2 articles")
        assert isinstance(app.screen, PeopleScreen)


def _quay_story(name: str, speaker: str, count: int) -> str:
    said = "".join(f"\u201cPoint {n} on the quay,\u201d {speaker} said.\n\n" for n in range(count))
    return f"---\ntitle: {name}\n---\n\n{said}"


async def test_rows_arriving_keep_a_cursor_at_the_top_on_top_and_a_moved_one_on_its_person(
    tmp_path: Path,
):
    (tmp_path / "first.md").write_text(
        _quay_story("First", "Ann Lee", 2) + "\u201cOne more,\u201d Bo Tran said.\n"
    )
    later = tmp_path / "later"
    later.mkdir()
    (later / "second.md").write_text(_quay_story("Second", "Cy Marr", 4))
    (tmp_path / "third.md").write_text(_quay_story("Third", "Dee Holt", 6))
    app = ReaderApp([str(tmp_path / "first.md")])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await until(pilot, lambda: chosen(screen) == "Ann Lee", "the most quoted person")
        app.main.loader.load([str(later)])
        await until(pilot, lambda: rows(screen)[0].startswith("Cy Marr"), "the new top row")
        await until(pilot, lambda: chosen(screen) == "Cy Marr", "the cursor to stay on top")
        await pilot.press("down", "down")  # Ann Lee, then Bo Tran
        assert screen.person is not None and screen.person.name == "Bo Tran"
        app.main.loader.load([str(tmp_path / "third.md")])
        await until(pilot, lambda: rows(screen)[0].startswith("Dee Holt"), "the new top row")
        people = screen.query_one(PeopleList)
        assert people.highlighted is not None and rows(screen)[people.highlighted].startswith("Bo")
        await pilot.pause()  # the highlight's message reaches the screen
        assert chosen(screen) == "Bo Tran"


async def test_a_person_with_many_quotes_gets_them_a_page_at_a_time_all_reachable(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(people_screen, "QUOTE_PAGE", 3)
    for day in range(1, 7):
        (tmp_path / f"day{day}.md").write_text(
            f"---\ntitle: Day {day}\ndate: 2026-03-{day:02}\n---\n\n"
            f"\u201cFirst word on day {day},\u201d Ann Lee said.\n\n"
            f"\u201cSecond word on day {day},\u201d Ann Lee added.\n"
        )
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 12)) as pilot:
        screen = await open_people(pilot)
        await pilot.press("enter")
        quotes = screen.query_one("#person-quotes", OptionList)
        assert 4 <= quotes.option_count < 12  # a page: whole articles, newest first
        await pilot.press("end")
        await until(pilot, lambda: quotes.option_count == 12)
        await pilot.press("end")
        assert quote_texts(screen)[-1].startswith("\u201cSecond word on day 1,\u201d")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, PeopleScreen))
        pane = app.query_one(ReadingPane)
        assert pane.article is not None and pane.article.title == "Day 1"


async def test_an_empty_library_says_nobody_is_quoted(tmp_path: Path):
    (tmp_path / "quiet.md").write_text("# Quiet\n\nNobody says anything here.\n")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert rows(screen) == []
        assert "Nobody quoted yet." in str(screen.query_one("#person-title").render())
        await pilot.press("enter", "j", "k", "G", "g", "S", "escape")
        assert not isinstance(app.screen, PeopleScreen)


def test_snapshot_of_a_persons_quotes(snap_compare, monkeypatch):
    monkeypatch.chdir(FIXTURE.parent)  # relative paths: the same picture in any checkout

    async def into_quotes(pilot) -> None:
        # Both articles listed first: this runs before the app has asked for them.
        await until(pilot, lambda: len(pilot.app.main.articles.entries) == 2)
        await open_people(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.focused, QuoteList))

    app = ReaderApp(["people"])
    assert snap_compare(app, terminal_size=SIZE, run_before=into_quotes)
