"""Opening a library the cache does not know yet: every file is listed by name at once,
marked as loading, and the rows take their titles as the files are cleaned; a cached
library lists its titles straight away, in the first frame."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from waiting import until

from reader.library import FIRST_ROWS, FirstRows
from reader.store import cache as cache_module
from reader.ui.app import ReaderApp
from reader.ui.article_list import LOADING_MARK, UNREAD_MARK, ArticleList

SIZE = (120, 40)


class Gate:
    """Holds cleaning on the loading worker until the test opens it; records the order."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.held: list[str] = []  # files the worker has started on, held at the gate
        self.cleaned: list[str] = []


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    original = cache_module._clean_and_store

    def waiting(name, info, cache):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            held.held.append(name)
            held.open.wait(10)
            held.cleaned.append(name)
        return original(name, info, cache)

    monkeypatch.setattr(cache_module, "_clean_and_store", waiting)
    yield held
    held.open.set()  # never leave a worker waiting


def library(tmp_path: Path, count: int = 6) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(count):
        (folder / f"story-{number:02}.md").write_text(
            f"# Harbour story number {number} about the winter ferries\n\n"
            f'"We will keep the ferries running," said Ines Moreau, the harbour master.\n',
            encoding="utf-8",
        )
    (folder / "zz-broken.txt").write_bytes(b"   \n")
    return folder


def rows(app: ReaderApp) -> list[str]:
    """Each article row as it reads on screen, its lines joined by " | "."""
    articles = app.query_one(ArticleList)
    return [
        " | ".join(line.strip() for line in articles.prompt_at(position).plain.split("\n"))
        for position, row in enumerate(articles.shown)
        if row.is_article
    ]


def title_line(app: ReaderApp) -> str:
    return str(app.query_one("#list-title").content)


async def test_cold_library_is_listed_by_name_then_filled_in_keeping_the_cursor(
    tmp_path: Path, gate: Gate
) -> None:
    folder = library(tmp_path)
    app = ReaderApp([str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(rows(app)) == 7)
        listed = rows(app)
        assert listed[0] == f"{LOADING_MARK} story-00.md | loading…"
        assert listed[-1] == f"{LOADING_MARK} zz-broken.txt | loading…"
        assert title_line(app) == "0 articles, 7 loading"
        await pilot.press("j", "j")  # the keys work while nothing is cleaned yet
        articles = app.query_one(ArticleList)
        assert articles.current().path.endswith("story-02.md")
        assert "Nothing open yet" in str(app.query_one("#page").children[0].render())

        gate.open.set()
        await app.wait_until_loaded()
        await pilot.pause()
        filled = rows(app)
        assert filled[2].startswith(f"{UNREAD_MARK} Harbour story number 2 about the winter")
        assert filled[-1].startswith("✗ zz-broken.txt | failed: ")
        assert title_line(app) == "6 articles, 1 failed"
        assert articles.current().path.endswith("story-02.md")  # the cursor stayed put
        # Cleaned, the row under the cursor is previewed.
        await until(pilot, lambda: app.main.open_entry is articles.current())


async def test_the_row_under_the_cursor_is_cleaned_next(tmp_path: Path, gate: Gate) -> None:
    folder = library(tmp_path)
    app = ReaderApp([str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(rows(app)) == 7)
        await until(pilot, lambda: gate.held, "the worker to start on the first file")
        await pilot.press("end", "up")
        articles = app.query_one(ArticleList)
        assert articles.current().path.endswith("story-05.md")
        gate.open.set()
        await until(pilot, lambda: not articles.current().loading)
        assert [Path(name).name for name in gate.cleaned[:2]] == ["story-00.md", "story-05.md"]
        await until(pilot, lambda: app.main.open_entry is articles.current())
        await app.wait_until_loaded()


async def test_a_row_opened_before_it_is_cleaned_opens_at_once(tmp_path: Path, gate: Gate) -> None:
    folder = library(tmp_path)
    app = ReaderApp([str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(rows(app)) == 7)
        await pilot.press("j", "enter")
        assert "Harbour story number 1" in str(app.query_one("#page").children[0].render())
        assert rows(app)[1].startswith("Harbour story number 1")  # read: no mark
        gate.open.set()
        await app.wait_until_loaded()
        assert title_line(app) == "6 articles, 1 failed"


async def test_rows_still_loading_go_last_under_another_sort(tmp_path: Path, gate: Gate) -> None:
    folder = library(tmp_path)
    app = ReaderApp([str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(rows(app)) == 7)
        articles = app.query_one(ArticleList)
        articles.set_sort("title")
        await pilot.press("j", "j", "j")
        chosen = articles.current()
        gate.open.set()
        await app.wait_until_loaded()
        await pilot.pause()
        assert articles.current() is chosen
        titles = [row for row in rows(app) if not row.startswith("✗")]
        assert titles == sorted(titles, key=str.casefold)


async def test_a_cached_library_is_listed_with_titles_in_the_first_frame(
    tmp_path: Path,
) -> None:
    folder = library(tmp_path)
    first = ReaderApp([str(folder)])
    async with first.run_test(size=SIZE):
        await first.wait_until_loaded()
    listed: list[bool] = []
    original = ArticleList.add_entries

    def recording(self, entries):  # type: ignore[no-untyped-def]
        listed.extend(entry.loading for entry in entries)
        original(self, entries)

    first_rows = FirstRows([str(folder)], FIRST_ROWS).start()
    app = ReaderApp([str(folder)], first_rows=first_rows)
    ArticleList.add_entries = recording  # type: ignore[method-assign]
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert first_rows.listed  # by the screen's mount, before any frame was drawn
            await app.wait_until_loaded()
            await pilot.pause()
            assert rows(app)[0].startswith(f"{UNREAD_MARK} Harbour story number 0")
    finally:
        ArticleList.add_entries = original  # type: ignore[method-assign]
    assert listed and not any(listed)  # never a file name in place of a known title


async def test_the_people_view_counts_articles_cleaned_after_they_were_listed(
    tmp_path: Path, gate: Gate
) -> None:
    from reader.ui.people_screen import PeopleList, PeopleScreen

    folder = library(tmp_path)
    app = ReaderApp([str(folder)])
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(rows(app)) == 7)
        feed = app.main.people
        await until(pilot, lambda: feed.taken == 7, "the rows listed by name to be taken in")
        gate.open.set()
        await app.wait_until_loaded()
        await pilot.press("P")
        await until(pilot, lambda: isinstance(app.screen, PeopleScreen))
        people = app.screen.query_one(PeopleList)

        def first_row() -> str:
            return str(people.prompt_at(0)) if people.rows else ""

        await until(pilot, lambda: first_row() == "Ines Moreau  6 quotes · 6 articles")
