"""How long `reader --fetch` makes the user wait, against fetching one request at a time.

A local server (127.0.0.1 only) answers every request after a fixed delay, as a
distant server would. FEEDS feeds spread over HOSTS loopback addresses (127.0.0.2,
127.0.0.3, ... are all this machine, and count as separate hosts for the per-host
limit) each list ENTRIES teasers, so every article's page is fetched too. The same
update runs with reader's concurrency (a few feeds and pages at once, at most a few
requests per host) and with one request at a time; a second run shows the cost of
a fetch where every feed answers 304.

    PYTHONPATH=. python benchmarks/fetch_feeds.py [--feeds 8] [--hosts 4] [--entries 10]
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from reader.config import Feed
from reader.web import update
from reader.web.http import Fetcher, Limits

PAGE = (
    "<!DOCTYPE html><html><head><title>Story {n}</title></head><body><article>"
    "<h1>Story {n}</h1>"
    + "<p>The council met on Tuesday and agreed the plan, said the mayor.</p>" * 8
    + "</article></body></html>"
)


def make_handler(delay: float, entries: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            time.sleep(delay)
            host = self.headers.get("Host", "")
            if self.path.startswith("/feed"):
                if self.headers.get("If-None-Match") == '"1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                items = "".join(
                    f"<item><title>Story {n}</title><link>http://{host}{self.path}/{n}.html</link>"
                    f"<description>Teaser {n}.</description></item>"
                    for n in range(entries)
                )
                body = f"<rss version='2.0'><channel><title>{self.path}</title>{items}"
                body += "</channel></rss>"
                kind = "application/rss+xml"
            else:
                body, kind = PAGE.format(n=self.path), "text/html"
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", '"1"')
            self.end_headers()
            self.wfile.write(data)

    return Handler


def timed_update(feeds: list[Feed], workers: int, per_host: int) -> tuple[float, float, int]:
    """Seconds for a first fetch and for a second (all 304), and articles saved."""
    update.WORKERS = workers
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with Fetcher(Limits(per_host=per_host)) as fetcher:
            start = time.perf_counter()
            reports = update.update_feeds(feeds, root / "web", root / "feeds.json", fetcher)
            first = time.perf_counter() - start
            start = time.perf_counter()
            update.update_feeds(feeds, root / "web", root / "feeds.json", fetcher)
            second = time.perf_counter() - start
    return first, second, sum(len(r.new) for r in reports)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=8)
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--entries", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds per answer")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("0.0.0.0", 0), make_handler(args.delay, args.entries))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    feeds = [Feed(f"http://127.0.0.{2 + n % args.hosts}:{port}/feed{n}") for n in range(args.feeds)]
    requests = args.feeds * (1 + args.entries)
    print(f"{args.feeds} feeds on {args.hosts} hosts, {args.entries} pages each: "
          f"{requests} requests, {args.delay * 1000:.0f} ms per answer")  # fmt: skip
    concurrent = timed_update(feeds, update.WORKERS, Limits().per_host)
    serial = timed_update(feeds, 1, 1)
    for name, (first, second, saved) in (("reader", concurrent), ("one at a time", serial)):
        print(
            f"{name:>14}: first fetch {first:6.2f} s ({saved} saved), all-304 fetch {second:5.2f} s"
        )
    print(f"first fetch: reader takes {concurrent[0] / serial[0]:.2f}x the time of one at a time")
    server.shutdown()


if __name__ == "__main__":
    main()
