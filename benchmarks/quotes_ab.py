"""Time the quote finder of two source trees in one process, alternating, on quotes-bench.

On a loaded machine the best of ten runs moves by a quarter from one process to the
next, more than most changes gain; run in one process, old and new take turns, so
both see the same load:

    git archive main | tar -x -C /tmp/old    # and the tree to compare in /tmp/new
    python benchmarks/quotes_ab.py /tmp/old /tmp/new /work/shared/quotes-bench --rounds 40

Each tree's `reader` package is imported in turn under its own name; the figures are CPU
milliseconds per 1,000 words, caches emptied before each run.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from quotes import read_bench_text

from reader.model import count_words

Finder = Callable[[list[str]], object]


def _load(tree: Path) -> tuple[Finder, Callable[[], None]]:
    """`find_quotes` and `clear_caches` of the `reader` package in `tree`."""
    for name in [name for name in sys.modules if name.split(".")[0] == "reader"]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        find = importlib.import_module("reader.quotes").find_quotes
        clear = importlib.import_module("reader.quotes.resolution").clear_caches
    finally:
        sys.path.remove(str(tree))
    return find, clear


def _run(find: Finder, clear: Callable[[], None], articles: list[list[str]], words: int) -> float:
    clear()
    started = time.process_time()
    for paragraphs in articles:
        find(paragraphs)
    return (time.process_time() - started) * 1_000_000 / words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="source tree of the code before")
    parser.add_argument("new", type=Path, help="source tree of the code after")
    parser.add_argument("bench", type=Path, help="folder with texts/*.txt")
    parser.add_argument("--rounds", type=int, default=40, help="turns of old, new, new, old")
    args = parser.parse_args(argv)
    articles = [read_bench_text(path) for path in sorted((args.bench / "texts").glob("*.txt"))]
    words = sum(count_words(p) for paragraphs in articles for p in paragraphs)
    old, new = _load(args.old), _load(args.new)
    times: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(args.rounds):
        for label, (find, clear) in (("old", old), ("new", new), ("new", new), ("old", old)):
            times[label].append(_run(find, clear, articles, words))
    for label, runs in times.items():
        best, median = min(runs), statistics.median(runs)
        print(f"{label}: best {best:.3f}, median {median:.3f} ms CPU per 1,000 words")
    print(
        f"new / old: best {min(times['new']) / min(times['old']):.3f}, "
        f"median {statistics.median(times['new']) / statistics.median(times['old']):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
