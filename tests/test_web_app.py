"""The web in the app, through Pilot: `F` fetches feeds in the background, `o` takes an address.

Every request goes to a local HTTP server (pytest-httpserver on 127.0.0.1), never the internet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.widgets import Input
from werkzeug import Request, Response

from reader.config import Config, Feed
from reader.ui.app import ReaderApp
from reader.ui.article_list import ArticleList
from tests.test_web import LONG_CONTENT, rss, serve_feed, story
from tests.waiting import until

LIBRARY = Path(__file__).parent / "fixtures" / "library"
SIZE = (120, 40)


async def wait_for(pilot, condition: Callable[[], bool], seconds: float = 15) -> None:
    """Let the app run until `condition` holds; fail if it never does."""
    await until(pilot, condition, timeout=seconds)


def list_lines(app: ReaderApp) -> list[str]:
    """Each row of the list as text: headings, and the first line of each article."""
    articles = app.query_one(ArticleList)
    return [
        str(articles.prompt_at(position).plain).split("\n")[0].strip()
        for position in range(len(articles.shown))
    ]


def feed_app(httpserver: HTTPServer) -> ReaderApp:
    config = Config(feeds=(Feed(httpserver.url_for("/feed.xml"), "City Desk"),))
    return ReaderApp([str(LIBRARY)], config=config)


async def test_refresh_fetches_feeds_in_the_background_into_their_group(httpserver: HTTPServer):
    items = [
        {"title": "Council votes on transit", "slug": "transit.html", "guid": "t"},
        {"title": "Harbour in winter", "guid": "h", "content": LONG_CONTENT},
    ]
    serve_feed(httpserver, rss(httpserver, items), etag='"v1"')
    release = threading.Event()

    def held_page(request: Request) -> Response:
        release.wait(10)
        return Response(story(), content_type="text/html")

    httpserver.expect_request("/transit.html").respond_with_handler(held_page)
    app = feed_app(httpserver)
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_loaded()
        before = len(app.query_one(ArticleList).entries)
        await pilot.press("F")
        refresher = app.main.feeds
        # While a page is still on its way: progress shows and the UI answers keys.
        await wait_for(pilot, lambda: "Harbour in winter" in "\n".join(list_lines(app)))
        assert refresher.running and app.query_one("#feed-progress").display
        await pilot.press("j")
        release.set()
        await wait_for(pilot, lambda: not refresher.running)
        await app.wait_until_loaded()
        await pilot.pause()
        lines = list_lines(app)
        assert "City Desk  2 unread" in lines
        group = lines.index("City Desk  2 unread")
        assert sorted(lines[group + 1 :]) == ["● Council votes on transit", "● Harbour in winter"]
        assert len(app.query_one(ArticleList).entries) == before + 2
        assert not app.query_one("#feed-progress").display

        # Reading one lowers its group's unread count; the page's quotes are highlighted.
        articles = app.query_one(ArticleList)
        articles.reveal(
            next(e.path for e in articles.entries if e.title == "Council votes on transit")
        )
        await pilot.press("enter")
        await pilot.pause()
        assert "City Desk  1 unread" in list_lines(app)
        assert app.main.open_entry.article.quotes[0].speaker == "Maria Gomez"
        assert app.main.open_entry.article.publisher == "City Desk"

        # A second refresh: the feed answers 304 and nothing is added twice.
        await pilot.press("F")
        await pilot.pause()
        await wait_for(pilot, lambda: not refresher.running)
        assert len(app.query_one(ArticleList).entries) == before + 2
        assert httpserver.log[-1][1].status_code == 304


async def test_new_articles_join_their_feed_group_even_when_another_group_follows(
    httpserver: HTTPServer,
):
    first = [{"title": "Harbour in winter", "guid": "h", "content": LONG_CONTENT}]
    serve_feed(httpserver, rss(httpserver, first), etag='"v1"')
    httpserver.expect_request("/story.html").respond_with_data(
        story("A page opened by address"), content_type="text/html"
    )
    app = feed_app(httpserver)
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_loaded()
        await pilot.press("F")
        await pilot.pause()
        await wait_for(pilot, lambda: not app.main.feeds.running)
        await app.wait_until_loaded()

        # `o` takes a web address: the page is fetched, kept, and listed after the feed.
        await pilot.press("o")
        app.screen.query_one(Input).value = httpserver.url_for("/story.html")
        await pilot.press("enter")
        await pilot.pause()
        await app.wait_until_loaded()
        await wait_for(pilot, lambda: "● A page opened by address" in list_lines(app))

        httpserver.clear()
        second = [{"title": "Ferry strike ends", "guid": "f", "content": LONG_CONTENT}, *first]
        serve_feed(httpserver, rss(httpserver, second), etag='"v2"')
        await pilot.press("F")
        await pilot.pause()
        await wait_for(pilot, lambda: not app.main.feeds.running)
        await app.wait_until_loaded()
        await pilot.pause()
        lines = list_lines(app)
        assert lines.count("City Desk  2 unread") == 1
        group = lines.index("City Desk  2 unread")
        assert sorted(lines[group + 1 : group + 3]) == [
            "● Ferry strike ends",
            "● Harbour in winter",
        ]
        assert lines.index("● A page opened by address") > group + 2


async def test_an_address_that_fails_is_a_row_with_its_reason(httpserver: HTTPServer):
    httpserver.expect_request("/gone.html").respond_with_data("nope", status=404)
    app = ReaderApp([str(LIBRARY)])
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_loaded()
        await pilot.press("o")
        app.screen.query_one(Input).value = httpserver.url_for("/gone.html")
        await pilot.press("enter")
        articles = app.query_one(ArticleList)
        await wait_for(pilot, lambda: any(e.error for e in articles.entries if "gone" in e.path))
        failed = next(e for e in articles.entries if "gone" in e.path)
        assert failed.error == "not found (HTTP 404)"
        assert "failed: not found (HTTP 404)" in articles.prompt_at(articles.highlighted).plain
        await app.wait_until_loaded()  # nothing left waiting for a load that never comes


async def test_reader_after_fetch_heads_a_single_feed_with_its_name_and_unread_count(
    httpserver: HTTPServer, capsys
):
    from reader.cli import main
    from reader.store.paths import config_file, web_dir

    items = [
        {"title": "Harbour in winter", "guid": "h", "content": LONG_CONTENT},
        {"title": "Ferry strike ends", "guid": "f", "content": LONG_CONTENT},
    ]
    serve_feed(httpserver, rss(httpserver, items))
    assert main(["--subscribe", httpserver.url_for("/feed.xml"), "--fetch"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "The Gazette: 2 new"
    config, _ = Config.load(config_file())
    app = ReaderApp([str(web_dir())], config=config)
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_loaded()
        await pilot.pause()
        assert list_lines(app) == [
            "The Gazette  2 unread",
            "● Ferry strike ends",
            "● Harbour in winter",
        ]


async def test_articles_arriving_one_by_one_never_crash_the_load_progress(httpserver: HTTPServer):
    items = [{"title": f"Story {n}", "slug": f"s{n}.html", "guid": f"s{n}"} for n in range(4)]
    serve_feed(httpserver, rss(httpserver, items))

    def slow_page(request: Request) -> Response:
        time.sleep(0.3)
        return Response(story(f"Story {request.path[2]}"), content_type="text/html")

    for n in range(4):
        httpserver.expect_request(f"/s{n}.html").respond_with_handler(slow_page)
    app = feed_app(httpserver)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.wait_until_loaded()
        await pilot.press("F")
        await wait_for(pilot, lambda: not app.main.feeds.running)
        await app.wait_until_loaded()
        await pilot.pause()
        assert "City Desk  4 unread" in list_lines(app)
