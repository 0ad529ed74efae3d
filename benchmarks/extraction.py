"""In-process speed of reader's HTML cleaner against trafilatura and readability-lxml.

All three get the same decoded pages in the same process, so start-up and
file reading are left out and the comparison is a ratio taken in one run on
one (noisy, shared) machine. Each extractor runs `--repeat` times over all
pages, interleaved with the others so that a burst of load elsewhere hits
everyone; the best round counts. Wall time is what the user waits for; CPU
time (`time.process_time`) is printed beside it because on a shared machine
other processes stretch wall time far more than they stretch CPU time.

    python benchmarks/extraction.py /work/shared/extraction-bench/pages --repeat 3

Needs the `bench` extra (trafilatura, readability-lxml) for the peers; without
them only reader is timed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.clean.decode import decode
from reader.clean.html import clean_html

Extractor = Callable[[str], object]


def extractors() -> dict[str, Extractor]:
    """reader plus whichever peers are installed, called the way their users call them."""
    found: dict[str, Extractor] = {"reader": lambda html: clean_html(html, "page.html")}
    try:
        import trafilatura

        found["trafilatura"] = lambda html: trafilatura.extract(html, include_comments=False)
    except ImportError:
        print("trafilatura not installed: skipped", file=sys.stderr)
    try:
        from readability import Document

        found["readability"] = lambda html: Document(html).summary(html_partial=True)
    except ImportError:
        print("readability-lxml not installed: skipped", file=sys.stderr)
    return found


def time_round(extract: Extractor, pages: list[str]) -> tuple[float, float]:
    """Seconds of wall time and of CPU time to run `extract` over every page once; a failure
    counts its time too."""
    wall, cpu = time.perf_counter(), time.process_time()
    for html in pages:
        with contextlib.suppress(Exception):  # a peer failing on a page must not end the run
            extract(html)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of saved .html pages")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best counts")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N pages")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.html"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"no .html pages in {args.folder}", file=sys.stderr)
        return 1
    pages = [decode(path.read_bytes(), html=True) for path in paths]
    runners = extractors()
    best = {name: float("inf") for name in runners}
    best_cpu = dict(best)
    for extract in runners.values():  # warm-up: imports, caches, regex compilation
        extract(pages[0])
    for _ in range(max(1, args.repeat)):
        for name, extract in runners.items():
            wall, cpu = time_round(extract, pages)
            best[name] = min(best[name], wall)
            best_cpu[name] = min(best_cpu[name], cpu)
    print(f"{len(pages)} pages, best of {args.repeat} rounds")
    for label, seconds in (("wall", best), ("cpu", best_cpu)):
        rate = {name: len(pages) / max(spent, 1e-9) for name, spent in seconds.items()}
        for name in runners:
            ms = 1000 / rate[name]
            line = f"{label:4} {name:12} {rate[name]:7.1f} pages/s  {ms:6.2f} ms/page"
            if name != "reader":
                line += f"  reader/{name} = {rate['reader'] / rate[name]:.2f}x"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
