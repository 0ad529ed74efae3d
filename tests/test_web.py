"""Reading the web: fetching pages within limits, feeds, OPML and the feed options of `reader`.

Every request goes to a local HTTP server (pytest-httpserver on 127.0.0.1), never the internet.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.config import Config, Feed
from reader.store.paths import config_file, web_dir
from reader.web.feeds import FeedError, parse_feed
from reader.web.http import Fetcher, FetchError, Limits
from reader.web.opml import OpmlError, read_opml, write_opml
from reader.web.subscriptions import SubscribeError, subscribe
from reader.web.update import update_feeds

QUICK = Limits(connect_seconds=2, read_seconds=0.5, total_seconds=3, max_bytes=200_000)

STORY = """<!DOCTYPE html><html><head><title>{title} | The Gazette</title>
<meta name="author" content="Sam Lee"></head><body><nav>Home News Sport Weather</nav>
<article><h1>{title}</h1>
<p>The city council voted 7-2 on Tuesday to fund a new light rail line across the river,
ending two years of debate about its cost.</p>
<p>"This is the most important vote we have taken in a decade," said councillor Maria Gomez
after the meeting.</p>
<p>Opponents said the plan would raise property taxes for every household in the city.</p>
<p>Construction is expected to begin next spring and take four years to finish.</p>
</article><footer>Copyright The Gazette</footer></body></html>"""

LONG_CONTENT = "".join(
    f"<p>Paragraph {n} tells the rest of the story about the harbour, the ferries and the "
    "people who work on them through the winter.</p>"
    for n in range(14)
)


def story(title: str = "Council votes on transit") -> str:
    return STORY.format(title=title)


def rss(server: HTTPServer, items: list[dict[str, str]], title: str = "The Gazette") -> str:
    """An RSS 2.0 feed; each item has a title, and a slug (its link), guid or content."""
    parts = []
    for item in items:
        fields = [f"<title>{item['title']}</title>"]
        if "slug" in item:
            fields.append(f"<link>{server.url_for('/' + item['slug'])}</link>")
        if "guid" in item:
            fields.append(f'<guid isPermaLink="false">{item["guid"]}</guid>')
        fields.append(f"<description>{item.get('teaser', 'A short teaser.')}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title>" + "".join(parts) + "</channel></rss>"
    )


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(QUICK) as client:
        yield client


def saved_files() -> list[Path]:
    return sorted(web_dir().rglob("*.html"))


def fetch_lines(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["--fetch"])
    return status, capsys.readouterr().out.splitlines()


# HTTP: limits and reasons ------------------------------------------------------------


def test_a_page_is_fetched_with_a_user_agent_naming_reader(httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/story.html").respond_with_data(story(), content_type="text/html")
    answer = fetcher.get(httpserver.url_for("/story.html"))
    assert answer.status == 200 and b"light rail" in answer.body
    request, _ = httpserver.log[-1]
    assert request.headers["User-Agent"].startswith("reader/")


def test_a_slow_server_times_out_with_a_reason(httpserver: HTTPServer, fetcher):
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(5)
        return Response(story(), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    try:
        with pytest.raises(FetchError) as failure:
            fetcher.get(httpserver.url_for("/slow"))
    finally:
        release.set()
    assert failure.value.reason.startswith("timed out")
    assert failure.value.temporary


def test_a_huge_page_is_refused_whether_or_not_its_length_is_declared(
    httpserver: HTTPServer, fetcher
):
    huge = b"<html><body>" + b"<p>word</p>" * 50_000 + b"</body></html>"
    httpserver.expect_request("/declared").respond_with_data(huge, content_type="text/html")

    def streamed(request: Request) -> Response:
        return Response(iter([huge[i : i + 8192] for i in range(0, len(huge), 8192)]),
                        content_type="text/html")  # fmt: skip

    httpserver.expect_request("/streamed").respond_with_handler(streamed)
    for path in ("/declared", "/streamed"):
        with pytest.raises(FetchError, match="too large"):
            fetcher.get(httpserver.url_for(path))


def test_a_redirect_loop_stops_with_a_reason(httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/a").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/b")}
    )
    httpserver.expect_request("/b").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/a")}
    )
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get(httpserver.url_for("/a"))


def test_a_redirect_is_followed_to_the_page(httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/new")}
    )
    httpserver.expect_request("/new").respond_with_data(story(), content_type="text/html")
    answer = fetcher.get(httpserver.url_for("/old"))
    assert answer.url == httpserver.url_for("/new")


def test_a_404_and_a_pdf_are_refused_with_their_reasons(httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    httpserver.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.7 ...", content_type="application/pdf"
    )
    with pytest.raises(FetchError) as missing:
        fetcher.get(httpserver.url_for("/gone"))
    assert missing.value.reason == "not found (HTTP 404)" and not missing.value.temporary
    with pytest.raises(FetchError) as pdf:
        fetcher.get(httpserver.url_for("/paper.pdf"), accept=("text/html",))
    assert "PDF" in pdf.value.reason


def test_nothing_listens_is_a_reason_not_a_traceback(fetcher):
    with pytest.raises(FetchError, match="could not connect"):
        fetcher.get("http://127.0.0.1:9/story.html")


# Pages: `reader URL`, the --json contract, charsets --------------------------------


def test_json_for_a_url_is_the_file_contract_with_url_set_and_the_copy_reads_offline(
    httpserver: HTTPServer, capsys
):
    httpserver.expect_request("/news/story.html").respond_with_data(
        story(), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/news/story.html")
    assert main(["--json", url]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["url"] == url
    assert record["title"] == "Council votes on transit"
    assert record["authors"] == ["Sam Lee"]
    assert record["quotes"][0]["speaker"] == "Maria Gomez"
    saved = Path(record["path"])
    assert saved.is_relative_to(web_dir()) and saved.is_file()
    httpserver.clear()  # offline from here: the server answers nothing useful
    assert main(["--json", url]) == 0
    assert json.loads(capsys.readouterr().out) == record
    assert len(httpserver.log) == 0


def test_json_for_a_failed_url_is_an_error_record_in_its_place(httpserver: HTTPServer, capsys):
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    url = httpserver.url_for("/gone")
    assert main(["--json", url]) != 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"path": url, "url": url, "error": "not found (HTTP 404)"}
    assert "Traceback" not in captured.err and "not found (HTTP 404)" in captured.err
    assert saved_files() == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        # The header says UTF-8; the bytes are Windows-1252.
        ("text/html; charset=utf-8", "<p>Le café était fermé, a dit Renée.</p>".encode("cp1252")),
        # The page says Latin-1; the bytes are UTF-8.
        (
            "text/html",
            '<meta charset="iso-8859-1"><p>Le café était fermé, a dit Renée.</p>'.encode(),
        ),
        # The header says Latin-1 and the page says nothing; the bytes are UTF-8.
        ("text/html; charset=iso-8859-1", "<p>Le café était fermé, a dit Renée.</p>".encode()),
    ],
)
def test_a_wrong_declared_charset_still_reads_right(
    httpserver: HTTPServer, capsys, content_type, body
):
    page = b"<html><head><title>Caf\xc3\xa9</title></head><body>" + body * 3 + b"</body></html>"
    httpserver.expect_request("/cafe").respond_with_data(page, content_type=content_type)
    assert main(["--json", httpserver.url_for("/cafe")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "Le café était fermé, a dit Renée." in record["paragraphs"][0]


# Feeds ------------------------------------------------------------------------------


def test_rss_atom_and_json_feed_read_into_entries():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Atom Times</title><entry><id>urn:1</id><title>First</title>
    <link href="http://example.test/1"/><updated>2026-11-30T08:00:00Z</updated>
    <author><name>Ann Wu</name></author><summary>Short.</summary></entry></feed>"""
    parsed = parse_feed(atom, "http://example.test/atom", "application/atom+xml")
    assert parsed.title == "Atom Times"
    (entry,) = parsed.entries
    assert (entry.id, entry.link, entry.authors) == ("urn:1", "http://example.test/1", ("Ann Wu",))
    assert entry.published == "2026-11-30T08:00:00Z" and not entry.is_full

    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Daily",
        "items": [
            {
                "id": "7",
                "url": "http://example.test/7",
                "title": "Seventh",
                "content_html": LONG_CONTENT,
                "authors": [{"name": "Bo Li"}],
                "date_published": "2026-11-29T10:00:00+01:00",
            }
        ],
    }
    parsed = parse_feed(json.dumps(json_feed).encode(), "http://example.test/feed.json")
    assert parsed.title == "JSON Daily"
    (entry,) = parsed.entries
    assert entry.is_full and entry.authors == ("Bo Li",)
    assert entry.published == "2026-11-29T09:00:00Z"


def test_a_broken_feed_fails_with_a_reason():
    with pytest.raises(FeedError, match="broken XML"):
        parse_feed(b'<rss version="2.0"><channel><item><title>Oops</titl>', "http://x/f")
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"<html><body><p>A page</p></body></html>", "http://x/f", "text/html")
    page = b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head>'
    with pytest.raises(FeedError, match="its feed is at http://x/rss"):
        parse_feed(page + b"<body><p>A page</p></body></html>", "http://x/news/", "text/html")


def serve_feed(httpserver: HTTPServer, body: str, etag: str = '"v1"') -> None:
    """A feed that answers 304 to a request naming its current ETag."""

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="application/rss+xml", headers={"ETag": etag})

    httpserver.expect_request("/feed.xml").respond_with_handler(answer)


def subscribe_to(url: str, **fields: object) -> None:
    lines = ["[[feeds]]", f'url = "{url}"'] + [f"{k} = {json.dumps(v)}" for k, v in fields.items()]
    config_file().parent.mkdir(parents=True, exist_ok=True)
    with config_file().open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def test_fetch_twice_saves_each_article_once_and_honours_304(httpserver: HTTPServer, capsys):
    items = [
        {"title": "Council votes on transit", "slug": "transit.html"},
        {"title": "Harbour in winter", "slug": "harbour.html", "content": LONG_CONTENT},
    ]
    serve_feed(httpserver, rss(httpserver, items))
    httpserver.expect_request("/transit.html").respond_with_data(story(), content_type="text/html")
    subscribe_to(httpserver.url_for("/feed.xml"))

    assert fetch_lines(capsys) == (0, ["The Gazette: 2 new"])
    first = saved_files()
    assert len(first) == 2
    paths = [r.path for r, _ in httpserver.log]
    assert "/harbour.html" not in paths  # the feed carried the whole article

    assert fetch_lines(capsys) == (0, ["The Gazette: unchanged"])
    request, response = httpserver.log[-1]
    assert request.headers.get("If-None-Match") == '"v1"' and response.status_code == 304
    assert saved_files() == first


def test_a_changed_feed_adds_only_new_entries_even_when_an_id_changes(
    httpserver: HTTPServer, capsys
):
    old = [{"title": "Council votes on transit", "slug": "transit.html", "guid": "a1"}]
    serve_feed(httpserver, rss(httpserver, old), etag='"v1"')
    httpserver.expect_request("/transit.html").respond_with_data(story(), content_type="text/html")
    subscribe_to(httpserver.url_for("/feed.xml"))
    fetch_lines(capsys)

    httpserver.clear()
    new = [
        {"title": "Ferry strike ends", "slug": "ferry.html", "guid": "b2"},
        {"title": "Council votes on transit", "slug": "transit.html", "guid": "a1-renamed"},
    ]
    serve_feed(httpserver, rss(httpserver, new), etag='"v2"')
    httpserver.expect_request("/ferry.html").respond_with_data(
        story("Ferry strike ends"), content_type="text/html"
    )
    assert fetch_lines(capsys) == (0, ["The Gazette: 1 new"])
    assert len(saved_files()) == 2


def test_a_failed_feed_is_a_line_with_its_reason_and_loses_nothing(httpserver: HTTPServer, capsys):
    items = [{"title": "Harbour in winter", "guid": "h", "content": LONG_CONTENT}]
    serve_feed(httpserver, rss(httpserver, items))
    subscribe_to(httpserver.url_for("/feed.xml"), name="Harbour News")
    subscribe_to(httpserver.url_for("/missing.xml"), name="Gone Daily")
    httpserver.expect_request("/missing.xml").respond_with_data("nope", status=404)
    status, lines = fetch_lines(capsys)
    assert status == 1
    assert sorted(lines) == ["Gone Daily: failed: not found (HTTP 404)", "Harbour News: 1 new"]
    kept = saved_files()

    httpserver.clear()
    httpserver.expect_request("/feed.xml").respond_with_data("<rss><channel><item><title>x")
    httpserver.expect_request("/missing.xml").respond_with_data("nope", status=404)
    status, lines = fetch_lines(capsys)
    assert status == 1
    assert any(line.startswith("Harbour News: failed: broken XML") for line in lines)
    assert saved_files() == kept


def test_an_entry_whose_page_fails_for_good_keeps_its_teaser_and_a_temporary_failure_retries(
    httpserver: HTTPServer, capsys
):
    items = [
        {"title": "Gone story", "slug": "gone.html", "teaser": "What the feed said."},
        {"title": "Flaky story", "slug": "flaky.html"},
    ]
    serve_feed(httpserver, rss(httpserver, items))
    httpserver.expect_request("/gone.html").respond_with_data("nope", status=404)
    httpserver.expect_request("/flaky.html").respond_with_data("busy", status=503)
    subscribe_to(httpserver.url_for("/feed.xml"))
    status, lines = fetch_lines(capsys)
    assert lines == ["The Gazette: 1 new, 1 failed (Flaky story: server error (HTTP 503))"]
    assert len(saved_files()) == 1

    httpserver.clear()
    serve_feed(httpserver, rss(httpserver, items))
    httpserver.expect_request("/flaky.html").respond_with_data(
        story("Flaky story"), content_type="text/html"
    )
    status, lines = fetch_lines(capsys)
    # Not "unchanged": the validators were not kept while an article still had to be retried.
    assert lines == ["The Gazette: 1 new"]
    assert len(saved_files()) == 2


def test_a_feed_keeps_only_its_newest_articles(httpserver: HTTPServer, tmp_path):
    items = [{"title": f"Story {n}", "guid": f"s{n}", "content": LONG_CONTENT} for n in range(5)]
    serve_feed(httpserver, rss(httpserver, items))
    feed = Feed(httpserver.url_for("/feed.xml"), "Gazette", keep=3)
    with Fetcher(QUICK) as client:
        (report,) = update_feeds([feed], tmp_path / "web", tmp_path / "feeds.json", client)
    assert len(report.new) == 3
    assert len(list((tmp_path / "web").rglob("*.html"))) == 3


def test_feed_articles_name_the_feed_as_publisher_when_the_page_names_none(
    httpserver: HTTPServer, capsys
):
    items = [{"title": "Council votes on transit", "slug": "transit.html"}]
    serve_feed(httpserver, rss(httpserver, items))
    httpserver.expect_request("/transit.html").respond_with_data(story(), content_type="text/html")
    subscribe_to(httpserver.url_for("/feed.xml"), name="City Desk")
    fetch_lines(capsys)
    assert main(["--json"]) == 0  # no PATH: the saved articles, not the samples
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["publisher"] == "City Desk"
    assert record["url"] == httpserver.url_for("/transit.html")
    assert record["quotes"]


def test_without_feeds_or_saved_articles_reader_still_opens_the_samples(capsys):
    assert main(["--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) > 5 and all("sample_articles" in r["path"] for r in records)


# Subscriptions and OPML -------------------------------------------------------------


def test_subscribe_appends_to_the_config_and_keeps_what_the_user_wrote(capsys):
    config_file().parent.mkdir(parents=True, exist_ok=True)
    mine = '# my settings\nwidth = 72\n\n[keys]\nquit = "ctrl+q"\n'
    config_file().write_text(mine, encoding="utf-8")
    assert main(["--subscribe", "https://example.test/feed.xml"]) == 0
    assert main(["--subscribe", "https://example.test/feed.xml"]) == 0  # already there
    assert main(["--subscribe", "not a url"]) == 1
    text = config_file().read_text(encoding="utf-8")
    assert text.startswith(mine) and text.count("[[feeds]]") == 1
    config, messages = Config.load()
    assert messages == [] and config.width == 72
    assert [f.url for f in config.feeds] == ["https://example.test/feed.xml"]


def test_subscribe_refuses_to_touch_a_config_with_a_syntax_error(tmp_path):
    target = tmp_path / "config.toml"
    target.write_text("width = = 3\n", encoding="utf-8")
    with pytest.raises(SubscribeError, match="syntax error"):
        subscribe([("https://example.test/feed.xml", None)], target)
    assert target.read_text(encoding="utf-8") == "width = = 3\n"


def test_opml_round_trip_through_the_config(tmp_path, capsys):
    opml = tmp_path / "newsboat.opml"
    opml.write_text(
        """<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>
        <outline text="News"><outline type="rss" text="World &amp; More"
          xmlUrl="https://example.test/world.xml"/>
        <outline type="rss" title="Tech" text="ignored" xmlUrl="https://example.test/tech.xml"/>
        </outline><outline text="no feed here"/></body></opml>""",
        encoding="utf-8",
    )
    assert main(["--import-opml", str(opml)]) == 0
    capsys.readouterr()
    assert main(["--export-opml"]) == 0
    exported = capsys.readouterr().out.encode()
    assert read_opml(exported) == [
        ("https://example.test/world.xml", "World & More"),
        ("https://example.test/tech.xml", "Tech"),
    ]


def test_hostile_opml_is_refused_or_read_without_entities(tmp_path):
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<opml><body><outline text="&x;" xmlUrl="https://example.test/f"/></body></opml>'
    )
    with pytest.raises(OpmlError, match="external entity"):
        read_opml(evil)
    assert read_opml(write_opml([("https://e.test/f", "A\x1b[31m <b>")])) == [
        ("https://e.test/f", "A[31m <b>")
    ]


def test_feeds_in_the_config_are_checked_one_by_one():
    config, messages = Config.parse(
        """
[[feeds]]
url = "https://example.test/a.xml"
name = "A"
keep = 20

[[feeds]]
url = "ftp://example.test/b.xml"

[[feeds]]
url = "https://example.test/c.xml"
keep = 0
colour = "red"
"""
    )
    assert config.feeds == (
        Feed("https://example.test/a.xml", "A", 20),
        Feed("https://example.test/c.xml", None, 200),
    )
    assert len(messages) == 3
    assert all("feeds." in message for message in messages)


def test_feed_text_reaches_files_and_lines_without_terminal_controls(
    httpserver: HTTPServer, capsys
):
    items = [{"title": "Evil\x1b]52;c;aGk=\x07 title\u202e", "guid": "e", "content": LONG_CONTENT}]
    serve_feed(httpserver, rss(httpserver, items, title="Bad\x1b[2J Feed\u202e"))
    subscribe_to(httpserver.url_for("/feed.xml"))
    status, lines = fetch_lines(capsys)
    assert lines == ["Bad[2J Feed: 1 new"]
    (saved,) = saved_files()
    assert "\x1b" not in saved.name and "\u202e" not in saved.read_text(encoding="utf-8")


def test_no_more_than_a_few_requests_at_once_go_to_one_host(tmp_path):
    """Six article pages of one feed, four fetch threads: at most `per_host` at once."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    lock = threading.Condition()
    busy = [0, 0]  # now, most at once

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            with lock:
                busy[0] += 1
                busy[1] = max(busy)
                lock.notify_all()
            try:
                if self.path == "/feed.xml":
                    items = "".join(
                        f"<item><title>Story {n}</title><link>{base}/s{n}.html</link></item>"
                        for n in range(6)
                    )
                    body, kind = f"<rss version='2.0'><channel>{items}</channel></rss>", "text/xml"
                else:
                    with lock:  # a slow server: the first answer waits for a second request
                        lock.wait_for(lambda: busy[1] >= 2, timeout=5)
                    body, kind = story(f"Story {self.path}"), "text/html"
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            finally:
                with lock:
                    busy[0] -= 1

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with Fetcher(Limits(per_host=2)) as client:
            (report,) = update_feeds(
                [Feed(base + "/feed.xml", "Gazette")], tmp_path / "web", tmp_path / "f.json", client
            )
    finally:
        server.shutdown()
    assert len(report.new) == 6
    assert busy[1] == 2
