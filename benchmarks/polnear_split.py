"""Split the PolNeAR attribution corpus into LOOK and CHECK parts by a fixed rule on ids.

Misses are read on the LOOK parts only; a change counts when the CHECK parts,
never read miss by miss, hold or gain too. Each part is a file in the
corpus's own format, so its `score.py` scores it as it is:

    python benchmarks/polnear_split.py /work/shared/quotes-corpus/polnear.jsonl.gz /tmp/qsplit
    python /work/shared/quotes-corpus/score.py --data /tmp/qsplit/trainB.jsonl.gz --split train

The rule, on the MD5 of an article's id read as an integer: train articles
with an even value are trainA (LOOK), odd ones trainB (CHECK); dev articles
with an even value are devA (LOOK), 3 modulo 4 devB2 (LOOK), 1 modulo 4
devB1 (CHECK). devB holds both odd dev parts.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from pathlib import Path


def parts_of(article_id: str, split: str) -> list[str]:
    """The parts an article belongs to, fixed by its id and its corpus split."""
    value = int(hashlib.md5(article_id.encode()).hexdigest(), 16)
    if split == "train":
        return ["trainA" if value % 2 == 0 else "trainB"]
    if value % 2 == 0:
        return ["devA"]
    return ["devB", "devB1" if value % 4 == 1 else "devB2"]


def write_parts(corpus: Path, out: Path) -> dict[str, int]:
    """Write `<part>.jsonl.gz` files under `out`; return how many articles each holds."""
    lines: dict[str, list[str]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as source:
        for line in source:
            article = json.loads(line)
            for part in parts_of(article["id"], article["split"]):
                lines.setdefault(part, []).append(line.rstrip("\n"))
    out.mkdir(parents=True, exist_ok=True)
    for part, chosen in lines.items():
        with gzip.open(out / f"{part}.jsonl.gz", "wt", encoding="utf-8") as target:
            target.write("\n".join(chosen) + "\n")
    return {part: len(chosen) for part, chosen in sorted(lines.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="polnear.jsonl.gz")
    parser.add_argument("out", type=Path, help="folder for the part files")
    args = parser.parse_args()
    for part, count in write_parts(args.corpus, args.out).items():
        print(f"{part}: {count} articles")


if __name__ == "__main__":
    main()
