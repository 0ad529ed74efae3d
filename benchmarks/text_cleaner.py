"""Speed of the plain-text scrape cleaner, in process, and how to score its accuracy.

Loads every dump of the extraction bench into memory, then times
`clean_text` over all of them (best of several rounds, so a busy machine
shows less), and prints dumps per second by wall clock and by CPU time,
with the load average. As a peer in the same run it times the naive
"every non-empty line is a paragraph" cleaner, so the figure can be
compared as a ratio across machines.

With `--baseline REV` it also times the text cleaner as it was at git
revision REV (its `reader/clean/text*.py` modules, imported from a temporary
copy), round for round alternating with the current one so that both see the
same load, and counts the dumps on which the two disagree.

Accuracy is measured by the bench's own scorer, which runs `reader --json`;
this script prints the command rather than re-implementing the metric.

    /work/venv/bin/python benchmarks/text_cleaner.py [BENCH_DIR] [--rounds N] [--baseline REV]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.clean.text import clean_text
from reader.model import Article

DEFAULT_BENCH = Path("/work/shared/extraction-bench")
REPO = Path(__file__).resolve().parent.parent
SCORE_COMMAND = (
    "cd /work && /work/venv/bin/python shared/extraction-bench/score.py shared/extraction-bench "
    '--inputs dumps --extractor "cmd:/work/venv/bin/reader --json"'
)
Cleaner = Callable[[str, str], Article]


def every_line(text: str, path: str) -> Article:
    """The naive peer: every non-empty line is a paragraph."""
    lines = [line.strip() for line in text.splitlines()]
    return Article(path=path, format="text", paragraphs=[line for line in lines if line])


def baseline_cleaner(rev: str) -> Cleaner:
    """`clean_text` as it was at git revision `rev`, imported from a temporary package.

    Only the text cleaner's own modules are taken from `rev`; what they import
    from elsewhere in `reader` (dates, the model) is today's.
    """
    listing = subprocess.run(
        ["git", "-C", str(REPO), "ls-tree", "--name-only", rev, "reader/clean/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    modules = [path for path in listing if Path(path).name.startswith("text")]
    package = "baseline_" + "".join(ch for ch in rev if ch.isalnum())
    root = Path(tempfile.mkdtemp(prefix="text_cleaner_baseline_"))
    (root / package).mkdir()
    (root / package / "__init__.py").write_text("")
    for path in modules:
        source = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{rev}:{path}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        source = source.replace("reader.clean.text", f"{package}.text")
        (root / package / Path(path).name).write_text(source)
    sys.path.insert(0, str(root))
    return importlib.import_module(f"{package}.text").clean_text


def best_rates(
    cleaners: dict[str, Cleaner], dumps: list[tuple[str, str]], rounds: int
) -> dict[str, tuple[float, float]]:
    """Dumps per second of each cleaner, by wall clock and by CPU time, best of `rounds`.

    The cleaners take turns within every round, so a burst of load elsewhere
    on a shared machine hits them alike; the CPU-time rate shows what the
    cleaner itself costs.
    """
    best = {name: [float("inf"), float("inf")] for name in cleaners}
    for _ in range(rounds):
        for name, clean in cleaners.items():
            wall, cpu = time.perf_counter(), time.process_time()
            for path, text in dumps:
                clean(text, path)
            best[name][0] = min(best[name][0], time.perf_counter() - wall)
            best[name][1] = min(best[name][1], time.process_time() - cpu)
    return {
        name: (len(dumps) / wall, len(dumps) / max(cpu, 1e-9)) for name, (wall, cpu) in best.items()
    }


def disagreements(first: Cleaner, second: Cleaner, dumps: list[tuple[str, str]]) -> int:
    """On how many dumps the two cleaners give different articles."""
    return sum(
        1
        for path, text in dumps
        if dataclasses.asdict(first(text, path)) != dataclasses.asdict(second(text, path))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--baseline", metavar="REV", help="also time the text cleaner of this git revision"
    )
    args = parser.parse_args(argv)
    files = sorted((args.bench / "dumps").glob("*.txt"))
    if not files:
        print(f"no dumps in {args.bench / 'dumps'}", file=sys.stderr)
        return 1
    dumps = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    size = sum(len(text) for _, text in dumps)
    empty = sum(1 for path, text in dumps if not clean_text(text, path).paragraphs)
    cleaners: dict[str, Cleaner] = {"clean_text": clean_text}
    if args.baseline:
        cleaners[f"at {args.baseline}"] = baseline_cleaner(args.baseline)
    cleaners["every-line (peer)"] = every_line
    rates = best_rates(cleaners, dumps, args.rounds)
    print(
        f"{len(dumps)} dumps, {size / 1e6:.1f} MB of text, best of {args.rounds} rounds, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    peer_cpu = rates["every-line (peer)"][1]
    for name, (wall, cpu) in rates.items():
        print(
            f"{name + ':':<22}{wall:8.0f} dumps/s wall   {cpu:8.0f} dumps/s CPU   "
            f"ratio to peer (CPU) = {cpu / peer_cpu:.4f}"
        )
    if args.baseline:
        before = rates[f"at {args.baseline}"][1]
        print(
            f"speed-up over {args.baseline} (CPU): {rates['clean_text'][1] / before:.2f}x; "
            f"dumps cleaned differently: "
            f"{disagreements(clean_text, cleaners[f'at {args.baseline}'], dumps)}"
        )
    print(f"dumps with an empty body: {empty}")
    print("accuracy (F1, P, R, fail) with the bench's scorer:")
    print(f"  {SCORE_COMMAND}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
