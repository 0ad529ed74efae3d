"""The `reader` command: the app by default; `--json`, `--plain`, `--markdown` and `--people`
print without it."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from reader import __version__
from reader.library import (
    FIRST_ROWS,
    FIRST_ROWS_HEAD_START,
    FirstRows,
    Scan,
    bundled_samples,
    iter_scan,
    load_all,
    missing_paths,
    scan,
)
from reader.model import Article, LoadError, Quote
from reader.safe_text import escape_in_json, visible

if TYPE_CHECKING:
    import argparse

    from reader.config import Config
    from reader.people import Person, Source
    from reader.store.state import ReadingState


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read saved news articles (HTML, text scrapes, Markdown) in the terminal, "
        "cleaned of clutter, with quotes and who said them highlighted.",
        epilog="With no PATH, opens the library in the config file and the articles saved "
        "from the web; with neither, the bundled sample articles.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders (searched recursively), glob patterns or web addresses "
        "(fetched once, then kept)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--json",
        action="store_true",
        help="print each cleaned article as one JSON object per line, no UI",
    )
    mode.add_argument(
        "--plain", action="store_true", help="print the cleaned articles as text, no UI"
    )
    mode.add_argument(
        "--markdown",
        action="store_true",
        help="print the cleaned articles as Markdown with front matter, no UI",
    )
    mode.add_argument(
        "--people",
        action="store_true",
        help="print who is quoted across the articles as JSON Lines, no UI: one person or "
        'organisation a line ({"name", "kind", "forms", "quotes", "articles"}), most quoted '
        'first, then one line per article with unnamed sources ({"path", "title", '
        '"unnamed": [{"description", "quotes"}]})',
    )
    web = parser.add_argument_group("feeds")
    web.add_argument(
        "--subscribe",
        action="append",
        metavar="URL",
        help="add a feed (RSS, Atom or JSON Feed) to the config file; may be repeated",
    )
    web.add_argument(
        "--import-opml", metavar="FILE", help="subscribe to every feed in an OPML file"
    )
    web.add_argument("--export-opml", action="store_true", help="print the subscriptions as OPML")
    web.add_argument(
        "--fetch",
        action="store_true",
        help="fetch every feed, save new articles, print a line per feed, and exit",
    )
    parser.add_argument(
        "--config-path",
        action="store_true",
        help="print where the configuration file is read from, and exit",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


PATHS_ONLY: Mapping[str, object] = {
    "config_path": False,
    "json": False,
    "plain": False,
    "markdown": False,
    "people": False,
    "subscribe": None,
    "import_opml": None,
    "export_opml": False,
    "fetch": False,
}
"""What the parser gives every option when the command line holds only paths."""


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, read. Paths alone, the way `reader` is mostly run, need no parser:
    building one imports argparse and its translations before the first frame."""
    args = list(sys.argv[1:] if argv is None else argv)
    if any(arg.startswith("-") for arg in args):
        return build_parser().parse_args(args)
    return cast("argparse.Namespace", SimpleNamespace(paths=args, **PATHS_ONLY))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # Whoever read the output has gone (`reader --json DIR | head -1`): stop quietly, as
        # Unix tools do, and let nothing more be written to the closed pipe at exit. Status 1,
        # as Rich gives for --plain (its console handles the closed pipe itself).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: Sequence[str] | None) -> int:
    args = parse_args(argv)
    if args.config_path:
        from reader.store.paths import config_file

        print(config_file())
        return 0
    from reader.config import Config

    config, messages = Config.load()
    for message in messages:
        print(f"reader: {visible(message)}", file=sys.stderr)
    if args.subscribe or args.import_opml or args.export_opml or args.fetch:
        from reader.web.commands import feed_commands

        return feed_commands(args, config)
    paths, failed = _fetch_addresses(args.paths)
    paths = paths or _default_paths(config)
    if args.json or args.plain or args.markdown or args.people:
        found = scan(paths)
        _report_missing(found.missing, failed)
        if note := found.outside_message():
            print(f"reader: {note}", file=sys.stderr)
        if not found.files and not (args.json and failed):
            return _nothing_found(paths, found.missing)
        if args.people:
            return _print_people(found)
        if args.markdown:
            return _print_markdown(found)
        return _print_json(found, failed) if args.json else _print_plain(found)
    # The app walks folders itself, after its first frame; here only check there is something.
    missing = missing_paths(paths)
    _report_missing(missing, failed)
    if missing:
        return 2
    if next(iter_scan(paths), None) is None:
        return _nothing_found(paths, missing)
    # Paused until the first frame is on screen (ReaderApp turns it back on): start-up only
    # makes objects that live on, and a collection midway costs the first frame ~20 ms.
    gc.disable()
    # The first screenful is found and looked up in the cache so that the first frame can
    # list it, on a thread of its own but waited for before Textual is imported: alongside
    # the imports, each of its many short file and SQLite calls would pass the GIL back and
    # forth, slowing both threads more than the lookup takes alone. Past the head start (a
    # slow disk, a cache locked by another reader) the app starts anyway and lists the rows
    # when they come.
    first_rows = FirstRows(paths, FIRST_ROWS).start()
    first_rows.wait(FIRST_ROWS_HEAD_START)
    from reader.store.state import ReadingState
    from reader.ui.app import ReaderApp

    state, state_messages = ReadingState.load()
    shown = [visible(message) for message in messages + state_messages]
    app = ReaderApp(paths, config=config, state=state, messages=shown, first_rows=first_rows)
    app.run()
    return _report_unsaved(state)


def _report_unsaved(state: ReadingState) -> int:
    """The app saves the reading state as it quits; if that failed the user must hear it, here,
    once the screen is gone, and the exit status must say so."""
    if state.dirty:
        state.flush()
    if not state.dirty:
        return 0
    reason = state.save_problem or "Could not save reading state"
    print(f"reader: {visible(reason)}; the last changes are lost.", file=sys.stderr)
    return 1


def _default_paths(config: Config) -> list[str]:
    """The configured library and the articles saved from the web; else the samples."""
    from reader.store.paths import web_dir

    paths = list(config.library)
    web = web_dir()
    if web.is_dir() and next(iter_scan([str(web)]), None) is not None:
        paths.append(str(web))
    return paths or [str(bundled_samples())]


def _fetch_addresses(paths: list[str]) -> tuple[list[str], dict[str, str]]:
    """Web addresses among the arguments become their kept copies, fetched if need be.

    An address that cannot be fetched stays as it is, with its reason in the
    returned mapping, so it is reported in its place like a missing file.
    """
    from reader.web.address import is_web_address

    if not any(is_web_address(path) for path in paths):
        return paths, {}
    from reader.store.paths import web_dir
    from reader.web.http import Fetcher, FetchError
    from reader.web.pages import keep_page

    resolved: list[str] = []
    failed: dict[str, str] = {}
    with Fetcher() as fetcher:
        for path in paths:
            if not is_web_address(path):
                resolved.append(path)
                continue
            if sys.stderr.isatty():
                print(f"reader: fetching {visible(path)}", file=sys.stderr)
            try:
                resolved.append(str(keep_page(path, web_dir(), fetcher)))
            except FetchError as error:
                resolved.append(path)
                failed[path] = error.reason
    return resolved, failed


def _report_missing(missing: list[str], failed: dict[str, str] | None = None) -> None:
    for path in missing:
        if failed and path in failed:
            print(f"reader: {visible(path)}: {visible(failed[path])}", file=sys.stderr)
        else:
            print(f"reader: no such file or folder: {visible(path)}", file=sys.stderr)


def _nothing_found(paths: list[str], missing: list[str]) -> int:
    if missing:
        return 2
    print("reader: no articles found in " + ", ".join(visible(p) for p in paths), file=sys.stderr)
    return 1


def _print_json(found: Scan, failed: dict[str, str] | None = None) -> int:
    status = 1 if found.missing else 0
    out = sys.stdout
    pending = list(zip(found.missing_at, found.missing, strict=True))
    failed = failed or {}

    def write_missing(before: int) -> None:
        while pending and pending[0][0] <= before:
            path = pending.pop(0)[1]
            if path in failed:
                out.write(json_line({"path": path, "url": path, "error": failed[path]}))
            else:
                out.write(json_line({"path": path, "error": "no such file or folder"}))

    for position, item in enumerate(load_all(found.files)):
        write_missing(position)
        if isinstance(item, LoadError):
            status = 1
            record = {"path": item.path, "error": item.reason}
            _report(item)
        else:
            record = item.to_json()
        out.write(json_line(record))
    write_missing(len(found.files))
    out.flush()
    return status


def _print_people(found: Scan) -> int:
    """`--people`: failures first (as `--json` writes them), then one line per person or
    organisation, then one per article quoting unnamed sources."""
    from reader.people import build_people, sources_from_cache, unnamed_by_article
    from reader.store.cache import ArticleCache, ArticleSummary, list_cached

    status = 1 if found.missing else 0
    out = sys.stdout
    for path in found.missing:
        out.write(json_line({"path": path, "error": "no such file or folder"}))
    with ArticleCache.open() as cache:
        if cache.notice:
            print(f"reader: {visible(cache.notice)}", file=sys.stderr)
        summaries: list[ArticleSummary] = []
        for item in list_cached(found.files, cache):
            if isinstance(item, LoadError):
                status = 1
                out.write(json_line({"path": item.path, "error": item.reason}))
                _report(item)
            else:
                summaries.append(item)
        people = build_people(sources_from_cache(summaries, cache))
        quotes = cache.quotes([summary.path for summary in summaries])
    for person in people:
        if person.kind != "description":
            out.write(json_line(person_json(person, quotes)))
    for source, unnamed in unnamed_by_article(people):
        out.write(json_line(unnamed_json(source, unnamed, quotes)))
    out.flush()
    return status


def person_json(
    person: Person, quotes: Mapping[str, Sequence[tuple[int, Quote]]]
) -> dict[str, Any]:
    """One `--people` record: the person, and their quotes per article, newest first."""
    from reader.people import quotes_of

    return {
        "name": person.name,
        "kind": person.kind,
        "forms": list(person.forms),
        "quotes": person.quotes,
        "articles": [
            {
                "path": appearance.source.path,
                "title": appearance.source.title,
                "quotes": [_quote_json(q) for _, q in said],
            }
            for appearance, said in quotes_of(person, quotes)
        ],
    }


def unnamed_json(
    source: Source, unnamed: Sequence[Person], quotes: Mapping[str, Sequence[tuple[int, Quote]]]
) -> dict[str, Any]:
    """One `--people` record for an article's unnamed sources ("a senior official"): kept
    under the article, each description with its quotes, never merged into a person."""
    from reader.people import quotes_of

    return {
        "path": source.path,
        "title": source.title,
        "unnamed": [
            {"description": person.name, "quotes": [_quote_json(q) for _, q in said]}
            for person in unnamed
            for _, said in quotes_of(person, quotes)  # its one article
        ],
    }


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
    }


def json_line(record: dict[str, Any]) -> str:
    """One JSON Lines record, valid UTF-8 and inert on a terminal whatever the file name held
    (see `reader.safe_text.escape_in_json`)."""
    return escape_in_json(json.dumps(record, ensure_ascii=False)) + "\n"


def _report(error: LoadError) -> None:
    print(f"reader: {visible(error.path)}: {visible(error.reason)}", file=sys.stderr)


def _articles(found: Scan, failed: list[LoadError]) -> Iterator[Article]:
    """The articles that load, in order; each file that does not is reported and kept."""
    for item in load_all(found.files):
        if isinstance(item, LoadError):
            failed.append(item)
            _report(item)
        else:
            yield item


def _print_markdown(found: Scan) -> int:
    from reader.export import to_markdown

    failed: list[LoadError] = []
    for number, article in enumerate(_articles(found, failed)):
        sys.stdout.write(("\n" if number else "") + to_markdown(article))
    sys.stdout.flush()
    return 1 if found.missing or failed else 0


def _print_plain(found: Scan) -> int:
    from rich.console import Console
    from rich.rule import Rule

    from reader.render import PLAIN_PALETTE, Palette, article_block, article_text

    console = Console(highlight=False, emoji=False, markup=False)
    palette = Palette() if console.is_terminal else PLAIN_PALETTE
    failed: list[LoadError] = []
    for number, article in enumerate(_articles(found, failed)):
        if number:
            console.print(Rule(style="dim") if console.is_terminal else "\n" + "-" * 40 + "\n")
        if console.is_terminal:
            console.print(article_block(article, palette), width=min(console.width, 88))
        else:
            # Piped: one line per paragraph, for grep and other tools to take apart.
            console.print(article_text(article, palette), soft_wrap=True)
    return 1 if found.missing or failed else 0
