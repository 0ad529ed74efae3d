"""What a gigantic one-paragraph article costs the app: opening it, toggling the sidebar.

A text file of `--mb` megabytes in one line (random words, sentences of 8-30)
is opened in the app at 120x40 through Pilot; the peer, in the same run, is a
bundled sample article of ordinary length. Reported: seconds to show the
article (Enter until the screen has settled), to toggle the sidebar (`s`),
and to jump to the end (`end`); the ratio to the sample; and the peak RSS of
the process. Cleaning happens first, in the loading worker, and is timed apart.
Everything is written to a temporary folder.

    python benchmarks/big_article.py --mb 7.9
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

_WORDS = "the council said that the rail budget vote would follow later in the year".split()


def _write_text(path: Path, megabytes: float) -> None:
    rng, size, sentences = random.Random(1), int(megabytes * 1_000_000), []
    total = 0
    while total < size:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 30))).capitalize()
        sentences.append(sentence + ".")
        total += len(sentence) + 2
    path.write_text("A gigantic story\n\n" + " ".join(sentences) + "\n", encoding="utf-8")


async def _time_article(path: Path, state_dir: Path) -> dict[str, float]:
    from reader.store.state import ReadingState
    from reader.ui.app import ReaderApp

    app = ReaderApp([str(path)], state=ReadingState(state_dir / "state.json"))
    times: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        started = time.perf_counter()
        await app.wait_until_loaded()
        await pilot.pause()
        times["load"] = time.perf_counter() - started
        for name, key in (("show", "enter"), ("sidebar", "s"), ("end", "end")):
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            times[name] = time.perf_counter() - started
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=7.9, help="size of the one paragraph")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reader-big-"))
    try:
        os.environ["READER_CACHE_DIR"] = str(folder / "cache")
        big, sample = folder / "big" / "gigantic.txt", folder / "sample"
        big.parent.mkdir()
        _write_text(big, args.mb)
        from reader.library import bundled_samples

        sample.mkdir()
        shutil.copy(bundled_samples() / "city-council-transit-vote.txt", sample)
        peer = asyncio.run(_time_article(sample / "city-council-transit-vote.txt", sample))
        timed = asyncio.run(_time_article(big, folder / "big"))
        for name in ("load", "show", "sidebar", "end"):
            ratio = timed[name] / peer[name] if peer[name] else float("inf")
            print(
                f"{name:8} {timed[name]:8.2f} s   sample {peer[name]:6.3f} s   ratio {ratio:7.1f}"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"peak RSS {peak} MB ({args.mb} MB in one paragraph)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
