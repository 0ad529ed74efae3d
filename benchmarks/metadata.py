"""Titles and bylines: reader (on the HTML and on the text dump) against trafilatura.

For each page of an extraction set (a folder with `truth.json`, `pages/`
and `dumps/`, such as a part written by `extraction_split.py`):

- title: exact match (spaces folded) with one of the first three lines of
  the truth, which hold the headline on most Dragnet pages;
- byline: of the pages where trafilatura finds an author, the share where
  reader finds one too.

trafilatura's answers are kept in `--cache` (JSON, by page id), since it is
the slow part and does not change between runs of reader:

    python benchmarks/metadata.py /tmp/split/corpus-look --cache /tmp/split/look-meta.json
    python benchmarks/metadata.py /tmp/split/corpus-look --misses title-dump

`--misses` lists the pages of one class of miss (title-html, title-dump,
byline-html, byline-dump) with what each side found, for the look part only.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from reader.clean.decode import decode
from reader.clean.html import clean_html
from reader.clean.text import clean_text

HEAD_LINES = 3
_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Spaces folded and ends trimmed, so that only the words and their marks count."""
    return _SPACES.sub(" ", text or "").strip()


def heads(body: str) -> set[str]:
    """The first few non-empty lines of a truth text."""
    lines = [fold(line) for line in body.splitlines() if line.strip()]
    return set(lines[:HEAD_LINES])


def trafilatura_meta(page: Path) -> dict[str, str | None]:
    """trafilatura's title and author for a page, as its users get them."""
    import trafilatura

    meta = trafilatura.extract_metadata(page.read_bytes())
    if meta is None:
        return {"title": None, "author": None}
    return {"title": meta.title, "author": meta.author}


def reader_meta(folder: Path, page_id: str) -> dict[str, dict[str, object]]:
    """reader's title and authors from the page and from its dump."""
    html = decode((folder / "pages" / f"{page_id}.html").read_bytes())
    dump = (folder / "dumps" / f"{page_id}.txt").read_text("utf-8")
    found = {}
    for name, article in (
        ("html", clean_html(html, f"{page_id}.html")),
        ("dump", clean_text(dump, f"{page_id}.txt")),
    ):
        found[name] = {"title": article.title, "authors": article.authors}
    return found


def measure(folder: Path, cache: Path | None) -> dict[str, dict[str, object]]:
    """Every page's truth heads, trafilatura's answer and reader's two answers."""
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    peer: dict[str, dict[str, str | None]] = {}
    if cache is not None and cache.exists():
        peer = json.loads(cache.read_text("utf-8"))
    rows = {}
    for page_id, entry in sorted(truth.items()):
        if page_id not in peer:
            peer[page_id] = trafilatura_meta(folder / "pages" / f"{page_id}.html")
        rows[page_id] = {
            "heads": heads(entry["articleBody"]),
            "peer": peer[page_id],
            **reader_meta(folder, page_id),
        }
    if cache is not None:
        cache.write_text(json.dumps(peer), "utf-8")
    return rows


def report(rows: dict[str, dict[str, object]]) -> dict[str, str]:
    """Title match rates and byline-found counts, as printable figures."""
    pages = len(rows)

    def title_hits(side: str) -> int:
        return sum(1 for r in rows.values() if fold(_title(r, side)) in r["heads"])  # type: ignore[operator]

    with_author = [r for r in rows.values() if r["peer"]["author"]]  # type: ignore[index]
    figures = {
        "pages": str(pages),
        "title, trafilatura": f"{title_hits('peer') / pages:.3f}",
        "title, reader html": f"{title_hits('html') / pages:.3f}",
        "title, reader dump": f"{title_hits('dump') / pages:.3f}",
        "pages with a trafilatura author": str(len(with_author)),
    }
    for side in ("html", "dump"):
        found = sum(1 for r in with_author if r[side]["authors"])  # type: ignore[index]
        figures[f"byline found, reader {side}"] = (
            f"{found} ({found / max(1, len(with_author)):.3f})"
        )
    return figures


def _title(row: dict[str, object], side: str) -> str | None:
    return row[side]["title"]  # type: ignore[index,no-any-return]


def misses(rows: dict[str, dict[str, object]], kind: str) -> list[str]:
    """One line per page of a class of miss: id, reader's answer, trafilatura's, the truth."""
    what, side = kind.split("-")
    out = []
    for page_id, r in rows.items():
        peer = r["peer"]
        mine = r[side]
        if what == "title" and fold(mine["title"]) not in r["heads"]:  # type: ignore[index]
            out.append(f"{page_id}\t{mine['title']!r}\t{peer['title']!r}\t{sorted(r['heads'])!r}")  # type: ignore[index]
        if what == "byline" and peer["author"] and not mine["authors"]:  # type: ignore[index]
            out.append(f"{page_id}\t{peer['author']!r}")  # type: ignore[index]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a set or part: truth.json, pages/, dumps/")
    parser.add_argument("--cache", type=Path, help="JSON file keeping trafilatura's answers")
    parser.add_argument(
        "--misses",
        choices=("title-html", "title-dump", "byline-html", "byline-dump"),
        help="list the pages of one class of miss",
    )
    args = parser.parse_args(argv)
    rows = measure(args.folder, args.cache)
    if args.misses:
        print("\n".join(misses(rows, args.misses)))
        return 0
    for name, value in report(rows).items():
        print(f"{name:34} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
