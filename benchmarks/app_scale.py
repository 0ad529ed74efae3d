"""The app at scale, measured side by side in one run (never as timed tests).

1. Key press cost in the list at 10,000 rows against 100 rows (Pilot).
2. Filtering with `/` at 10,000 rows: time per typed character, through Pilot (which
   waits for the screen to settle) and in process (filter plus drawing the list pane).
3. Time to a full list for a folder of articles, cold (empty cache) and warm.
4. Peak RSS of the app with 100 and with 10,000 articles loaded, each in a fresh process.

    python benchmarks/make_library.py /tmp/lib10k --count 10000
    python benchmarks/make_library.py /tmp/lib100 --count 100
    python benchmarks/app_scale.py /tmp/lib10k /tmp/lib100
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def fake_entries(count: int):
    from reader.library import Entry
    from reader.store.cache import ArticleSummary

    return [
        Entry(
            f"/library/{i // 500:03d}/article-{i:05d}.html",
            summary=ArticleSummary(
                f"/library/{i // 500:03d}/article-{i:05d}.html",
                "html",
                f"Headline number {i} about council budgets",
                ("Author Name",),
                "The Daily Example",
                f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                600,
                3,
            ),
        )
        for i in range(count)
    ]


async def key_and_filter_costs(count: int, presses: int = 60) -> dict[str, float]:
    from reader.ui.app import ReaderApp
    from reader.ui.article_list import ArticleList

    app = ReaderApp([])
    async with app.run_test(size=(120, 40)) as pilot:
        app.main.loader.begin(count, 0)
        app.main.loader.add(fake_entries(count))
        await pilot.pause()
        times = []
        for index in range(presses):
            start = time.perf_counter()
            await pilot.press("down" if index % 2 == 0 else "j")
            times.append(time.perf_counter() - start)
        filter_times = []
        await pilot.press("slash")
        for char in "number 12":
            start = time.perf_counter()
            await pilot.press(char if char != " " else "space")
            filter_times.append(time.perf_counter() - start)
        articles = app.query_one(ArticleList)
        shown = len([row for row in articles.shown if row.is_article])
        frame_times = filter_frame_costs(articles, "number 12")
    return {
        "key_ms": statistics.median(times) * 1000,
        "filter_ms": statistics.median(filter_times) * 1000,
        "filter_max_ms": max(filter_times) * 1000,
        "shown_after_filter": shown,
        "filter_frame_ms": statistics.median(frame_times) * 1000,
        "filter_frame_max_ms": max(frame_times) * 1000,
    }


def filter_frame_costs(articles, typed: str, rounds: int = 5) -> list[float]:
    """Seconds per typed character for what one frame must do: filter the rows and draw
    every line of the list pane anew, without Pilot's wait for the screen to settle."""
    from textual.geometry import Region

    times = []
    for _ in range(rounds):
        articles.set_filter("")
        for end in range(1, len(typed) + 1):
            start = time.perf_counter()
            articles.set_filter(typed[:end])
            articles.render_lines(Region(0, 0, articles.size.width, articles.size.height))
            times.append(time.perf_counter() - start)
    return times


def full_list(folder: str, home: str) -> tuple[float, float]:
    """Seconds from app start until every file of `folder` is listed, and peak RSS in MB."""
    code = f"""
import asyncio, resource, time
from reader.ui.app import ReaderApp
async def main():
    app = ReaderApp([{folder!r}])
    start = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_until_loaded()
        await pilot.pause()
        print(time.perf_counter() - start, len(app.query_one('#articles').entries))
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    env = dict(
        os.environ,
        READER_CACHE_DIR=f"{home}/cache",
        READER_DATA_DIR=f"{home}/data",
        READER_CONFIG_DIR=f"{home}/config",
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", help="folder of 10,000 articles (make_library.py)")
    parser.add_argument("small", help="folder of 100 articles, for the memory comparison")
    parser.add_argument(
        "--skip-full-list",
        action="store_true",
        help="only the key press and filter figures (seconds, not minutes)",
    )
    args = parser.parse_args()
    small = asyncio.run(key_and_filter_costs(100))
    big = asyncio.run(key_and_filter_costs(10_000))
    result = {
        "key_ms_100": small["key_ms"],
        "key_ms_10000": big["key_ms"],
        "key_ratio": big["key_ms"] / small["key_ms"],
        "filter_ms_per_char_10000": big["filter_ms"],
        "filter_max_ms_10000": big["filter_max_ms"],
        "filter_ms_per_char_100": small["filter_ms"],
        "filter_frame_ms_10000": big["filter_frame_ms"],
        "filter_frame_max_ms_10000": big["filter_frame_max_ms"],
        "filter_frame_ms_100": small["filter_frame_ms"],
    }
    if args.skip_full_list:
        print(json.dumps({k: round(v, 3) for k, v in result.items()}, indent=2))
        return
    home = tempfile.mkdtemp(prefix="reader-scale-")
    cold, rss_cold = full_list(args.library, home)
    warm, rss_warm = full_list(args.library, home)
    small_cold, rss_small = full_list(args.small, tempfile.mkdtemp(prefix="reader-scale-"))
    result.update(
        full_list_cold_s=cold,
        full_list_warm_s=warm,
        warm_over_cold=warm / cold,
        full_list_100_cold_s=small_cold,
        rss_mb_100=rss_small,
        rss_mb_10000_cold=rss_cold,
        rss_mb_10000_warm=rss_warm,
        rss_ratio_cold=rss_cold / rss_small,
        rss_ratio_warm=rss_warm / rss_small,
    )
    print(
        json.dumps(
            {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}, indent=2
        )
    )


if __name__ == "__main__":
    main()
