"""Split an extraction set into a "look" part and a "check" part by a fixed rule on page ids.

Failures are studied on the look part only; a change counts when the check
part, never read page by page, gains too. Each part is a folder of links to
the set's pages and dumps with its own `truth.json`, so the set's `score.py`
scores it as it is:

    python benchmarks/extraction_split.py /work/shared/extraction-bench /tmp/split/bench
    python /work/shared/extraction-bench/score.py /tmp/split/bench-check \\
        --extractor "cmd:python -m reader --json" --extractor trafilatura

The rule: a page is in the look part when the first byte of the MD5 of its
id is even.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

FOLDERS = {"pages": ".html", "dumps": ".txt"}


def part_of(page_id: str) -> str:
    """ "look" or "check", fixed for a page id whatever else is in the set."""
    return "look" if hashlib.md5(page_id.encode()).digest()[0] % 2 == 0 else "check"


def split(source: Path, prefix: Path) -> dict[str, int]:
    """Write `<prefix>-look` and `<prefix>-check`; return how many pages each holds."""
    truth = json.loads((source / "truth.json").read_text("utf-8"))
    counts: dict[str, int] = {}
    for part in ("look", "check"):
        folder = prefix.with_name(f"{prefix.name}-{part}")
        chosen = {key: value for key, value in truth.items() if part_of(key) == part}
        for name, suffix in FOLDERS.items():
            if not (source / name).is_dir():
                continue
            (folder / name).mkdir(parents=True, exist_ok=True)
            for key in chosen:
                link = folder / name / f"{key}{suffix}"
                if not link.is_symlink():
                    link.symlink_to((source / name / f"{key}{suffix}").resolve())
        (folder / "truth.json").write_text(json.dumps(chosen), "utf-8")
        counts[part] = len(chosen)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a set folder holding truth.json and pages/")
    parser.add_argument("prefix", type=Path, help="the parts go to PREFIX-look and PREFIX-check")
    args = parser.parse_args(argv)
    for part, count in split(args.source, args.prefix).items():
        print(f"{args.prefix}-{part}: {count} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
