"""What reading state costs the UI: listing read marks for a library, and saving.

Peers, measured in the same run and reported as ratios:
- listing: `ReadingState.is_read` over every file, against hashing every
  file's bytes (what a content-keyed state costs without the stat shortcut);
- saving: `atomic_write` (temp file, fsync, rename, fsync folder) against a
  plain `open(path, "wb").write()` of the same bytes, which is not crash-safe;
- `save()` with nothing changed, against the same JSON encode a naive
  "save on every event" would do.

Each measurement is the best of `--repeat` rounds. Everything is written to a
temporary folder; the user's real state is never touched.

    python benchmarks/state.py /work/shared/extraction-bench/pages --repeat 5
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.store.state import ReadingState
from reader.store.storage import atomic_write


def best(repeat: int, action: Callable[[], object]) -> float:
    """Fastest of `repeat` runs, in seconds: the least disturbed by other load."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of article files")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(str(p) for p in args.folder.rglob("*") if p.is_file())
    if not files:
        print(f"no files in {args.folder}", file=sys.stderr)
        return 1
    megabytes = sum(Path(f).stat().st_size for f in files) / 2**20

    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "state.json"
        state = ReadingState(target, debounce=0)
        for path in files[::2]:  # half the library read, as after some weeks of use
            state.mark_read(path)
        state.flush()

        def list_marks() -> None:
            fresh, _ = ReadingState.load(target)  # a new start-up: no in-memory key cache
            for path in files:
                fresh.is_read(path)

        def hash_all() -> None:
            for path in files:
                hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()

        listing = best(args.repeat, list_marks)
        hashing = best(args.repeat, hash_all)

        data = target.read_bytes()
        plain_target = Path(scratch) / "plain.json"
        atomic = best(args.repeat, lambda: atomic_write(target, data))
        plain = best(args.repeat, lambda: plain_target.write_bytes(data))

        idle = best(args.repeat, lambda: [state.save() for _ in range(1000)]) / 1000
        payload = json.loads(data)
        encode = best(args.repeat, lambda: json.dumps(payload).encode()) or 1e-9

    print(f"library: {len(files)} files, {megabytes:.1f} MB, {len(files[::2])} marked read")
    print(
        f"list read marks after restart: {listing * 1e3:8.2f} ms   "
        f"hash every file: {hashing * 1e3:8.2f} ms   ratio {listing / hashing:.3f}"
    )
    print(
        f"atomic_write {len(data) / 1024:.0f} kB:   {atomic * 1e3:8.2f} ms   "
        f"plain write: {plain * 1e3:8.2f} ms   ratio {atomic / plain:.1f}"
    )
    print(
        f"save() with nothing changed: {idle * 1e6:8.3f} us   "
        f"JSON encode alone: {encode * 1e6:8.1f} us   ratio {idle / encode:.5f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
