"""Speed of the plain-text scrape cleaner, in process, and how to score its accuracy.

Loads every dump of the extraction bench into memory, then times
`clean_text` over all of them (best of several rounds, so a busy machine
shows less), and prints dumps per second by wall clock and by CPU time,
with the load average. As a peer in the same run it times the naive
"every non-empty line is a paragraph" cleaner, so the figure can be
compared as a ratio across machines.

Accuracy is measured by the bench's own scorer, which runs `reader --json`;
this script prints the command rather than re-implementing the metric.

    /work/venv/bin/python benchmarks/text_cleaner.py [BENCH_DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.clean.text import clean_text
from reader.model import Article

DEFAULT_BENCH = Path("/work/shared/extraction-bench")
SCORE_COMMAND = (
    "cd /work && /work/venv/bin/python shared/extraction-bench/score.py shared/extraction-bench "
    "--inputs dumps --extractor \"cmd:/work/venv/bin/reader --json\""
)


def every_line(text: str, path: str) -> Article:
    """The naive peer: every non-empty line is a paragraph."""
    lines = [line.strip() for line in text.splitlines()]
    return Article(path=path, format="text", paragraphs=[line for line in lines if line])


def best_rates(clean: Callable[[str, str], Article], dumps: list[tuple[str, str]],
               rounds: int) -> tuple[float, float]:
    """Dumps per second, by wall clock and by this process's CPU time, best of `rounds` passes.

    On a shared machine the wall-clock rate falls with the other processes'
    load; the CPU-time rate shows what the cleaner itself costs.
    """
    best_wall = best_cpu = float("inf")
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for path, text in dumps:
            clean(text, path)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return len(dumps) / best_wall, len(dumps) / max(best_cpu, 1e-9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    files = sorted((args.bench / "dumps").glob("*.txt"))
    if not files:
        print(f"no dumps in {args.bench / 'dumps'}", file=sys.stderr)
        return 1
    dumps = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    size = sum(len(text) for _, text in dumps)
    empty = sum(1 for path, text in dumps if not clean_text(text, path).paragraphs)
    wall, cpu = best_rates(clean_text, dumps, args.rounds)
    peer_wall, peer_cpu = best_rates(every_line, dumps, args.rounds)
    print(f"{len(dumps)} dumps, {size / 1e6:.1f} MB of text, best of {args.rounds} rounds, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"clean_text:        {wall:8.0f} dumps/s wall   {cpu:8.0f} dumps/s CPU")
    print(f"every-line (peer): {peer_wall:8.0f} dumps/s wall   {peer_cpu:8.0f} dumps/s CPU   "
          f"ratio clean_text/peer (CPU) = {cpu / peer_cpu:.4f}")
    print(f"dumps with an empty body: {empty}")
    print("accuracy (F1, P, R, fail) with the bench's scorer:")
    print(f"  {SCORE_COMMAND}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
