"""The feed options of the `reader` command: --subscribe, --import-opml, --export-opml, --fetch.

They run in that order when given together (`reader --subscribe URL --fetch`
subscribes, then fetches), print what they did, and exit without the app.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from reader.config import Config
from reader.safe_text import visible


def feed_commands(args: argparse.Namespace, config: Config) -> int:
    """Run the feed options in `args`; returns the exit status."""
    from reader.store.paths import config_file

    status = 0
    if args.subscribe or args.import_opml:
        status = max(status, _subscribe(args.subscribe or [], args.import_opml, config_file()))
        config, _ = Config.load()
    if args.export_opml:
        from reader.store.paths import feeds_file
        from reader.web.feed_state import FeedStates, feed_name
        from reader.web.opml import write_opml

        states = FeedStates.load(feeds_file())
        sys.stdout.buffer.write(write_opml([(f.url, feed_name(f, states)) for f in config.feeds]))
        sys.stdout.flush()
    if args.fetch:
        status = max(status, fetch_all(config))
    return status


def _subscribe(urls: list[str], opml: str | None, target: Path) -> int:
    from reader.web.opml import OpmlError, read_opml
    from reader.web.subscriptions import SubscribeError, subscribe

    feeds: list[tuple[str, str | None]] = [(url, None) for url in urls]
    status = 0
    if opml:
        try:
            feeds += read_opml(Path(opml).read_bytes())
        except OSError as error:
            _say(f"{opml}: cannot read it ({error.strerror or error})")
            status = 1
        except OpmlError as error:
            _say(f"{opml}: {error.reason}")
            status = 1
    if not feeds:
        if opml and not status:
            _say(f"{opml}: no feeds in it")
        return status or 1
    try:
        result = subscribe(feeds, target)
    except SubscribeError as error:
        _say(error.reason)
        return 1
    for url in result.added:
        print(f"subscribed: {visible(url)}")
    for reason in result.skipped:
        _say(reason)
    for reason in result.invalid:
        _say(reason)
    if result.added:
        print(
            f"({len(result.added)} added to {visible(str(target))}; `reader --fetch` fetches them)"
        )
    return 1 if result.invalid else status


def fetch_all(config: Config) -> int:
    """`reader --fetch`: update every feed, a line per feed as each finishes."""
    from reader.store.paths import feeds_file, web_dir
    from reader.web.update import FeedReport, FeedsBusy, update_feeds

    if not config.feeds:
        _say("no feeds to fetch; add one with `reader --subscribe URL`")
        return 1

    def done(report: FeedReport) -> None:
        print(report.line, flush=True)

    try:
        reports = update_feeds(
            config.feeds, web_dir(), feeds_file(), on_done=done, bookmarked=bookmark_check()
        )
    except FeedsBusy as error:
        _say(str(error))
        return 1
    return 1 if any(report.error for report in reports) else 0


def bookmark_check() -> Callable[[Path], bool]:
    """Whether a saved file is bookmarked, reading the state file only when first asked."""
    from reader.store.state import ReadingState

    lock = threading.Lock()
    loaded: list[ReadingState] = []

    def bookmarked(path: Path) -> bool:
        with lock:
            if not loaded:
                loaded.append(ReadingState.load()[0])
        return loaded[0].is_bookmarked(str(path))

    return bookmarked


def _say(message: str) -> None:
    print(f"reader: {visible(message)}", file=sys.stderr)
