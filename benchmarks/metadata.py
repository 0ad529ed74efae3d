"""Titles and bylines: reader (on the HTML and on the text dump) against trafilatura.

For each page of an extraction set (a folder with `truth.json`, `pages/`
and `dumps/`, such as a part written by `extraction_split.py`):

- title: exact match (spaces folded) with one of the first three lines of
  the truth, which hold the headline on most Dragnet pages;
- byline: of the pages where trafilatura finds an author, the share where
  reader finds one too;
- date: of the pages where trafilatura finds a date, the share where reader
  finds one, and the share where it is the same day.

trafilatura's answers are kept in `--cache` (JSON, by page id), since it is
the slow part and does not change between runs of reader:

    python benchmarks/metadata.py /tmp/split/corpus-look --cache /tmp/split/look-meta.json
    python benchmarks/metadata.py /tmp/split/corpus-look --misses title-dump

`--misses` lists the pages of one class of miss (title-html, title-dump,
byline-html, byline-dump, date-html, date-dump) with what each side found,
for the look part only; `--misses other-html` (or `-dump`) lists the pages
where reader names someone trafilatura does not, to judge which is right;
`--misses html-dump` lists the pages where the dump's byline is not the
one reader finds in the page's HTML (none, or another name).
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
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
        return {"title": None, "author": None, "date": None}
    return {"title": meta.title, "author": meta.author, "date": meta.date}


@dataclass
class Row:
    """One page: the truth's first lines, trafilatura's answer and reader's two answers."""

    heads: set[str]
    peer_title: str | None
    peer_author: str
    peer_date: str
    titles: dict[str, str]
    """reader's title by input: "html" or "dump"."""
    authors: dict[str, list[str]]
    dates: dict[str, str]
    """reader's publication day (YYYY-MM-DD) by input, "" when none."""


def reader_answers(
    folder: Path, page_id: str
) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """reader's title, authors and day of publication from the page and from its dump."""
    html = decode((folder / "pages" / f"{page_id}.html").read_bytes())
    dump = (folder / "dumps" / f"{page_id}.txt").read_text("utf-8")
    titles, authors, dates = {}, {}, {}
    for side, article in (
        ("html", clean_html(html, f"{page_id}.html")),
        ("dump", clean_text(dump, f"{page_id}.txt")),
    ):
        titles[side], authors[side] = article.title, article.authors
        dates[side] = (article.published or "")[:10]
    return titles, authors, dates


def measure(folder: Path, cache: Path | None) -> dict[str, Row]:
    """Every page's row, trafilatura's answers taken from the cache when there."""
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    peer: dict[str, dict[str, str | None]] = {}
    if cache is not None and cache.exists():
        peer = json.loads(cache.read_text("utf-8"))
    rows = {}
    for page_id, entry in sorted(truth.items()):
        if "date" not in peer.get(page_id, {}):
            peer[page_id] = trafilatura_meta(folder / "pages" / f"{page_id}.html")
        titles, authors, dates = reader_answers(folder, page_id)
        rows[page_id] = Row(
            heads(entry["articleBody"]),
            peer[page_id]["title"],
            peer[page_id]["author"] or "",
            (peer[page_id]["date"] or "")[:10],
            titles,
            authors,
            dates,
        )
    if cache is not None:
        cache.write_text(json.dumps(peer), "utf-8")
    return rows


def report(rows: dict[str, Row]) -> dict[str, str]:
    """Title match rates and byline-found counts, as printable figures."""
    pages = len(rows)
    peer_hits = sum(fold(r.peer_title) in r.heads for r in rows.values())
    figures = {"pages": str(pages), "title, trafilatura": f"{peer_hits / pages:.3f}"}
    for side in ("html", "dump"):
        hits = sum(fold(r.titles[side]) in r.heads for r in rows.values())
        figures[f"title, reader {side}"] = f"{hits / pages:.3f}"
    with_author = [r for r in rows.values() if r.peer_author]
    figures["pages with a trafilatura author"] = str(len(with_author))
    for side in ("html", "dump"):
        found = sum(1 for r in with_author if r.authors[side])
        share = found / max(1, len(with_author))
        agree = sum(1 for r in with_author if _agrees(r.authors[side], r.peer_author))
        extra = sum(1 for r in rows.values() if r.authors[side] and not r.peer_author)
        figures[f"byline found, reader {side}"] = f"{found} ({share:.3f})"
        figures[f"  same name as trafilatura's, {side}"] = str(agree)
        figures[f"  byline where trafilatura has none, {side}"] = str(extra)
    figures.update(_dump_against_html(rows))
    with_date = [r for r in rows.values() if r.peer_date]
    figures["pages with a trafilatura date"] = str(len(with_date))
    for side in ("html", "dump"):
        found = sum(1 for r in with_date if r.dates[side])
        same = sum(1 for r in with_date if r.dates[side] == r.peer_date)
        extra = sum(1 for r in rows.values() if r.dates[side] and not r.peer_date)
        figures[f"date found, reader {side}"] = f"{found} ({found / max(1, len(with_date)):.3f})"
        figures[f"  same day as trafilatura's, {side}"] = str(same)
        figures[f"  date where trafilatura has none, {side}"] = str(extra)
    return figures


def _dump_against_html(rows: dict[str, Row]) -> dict[str, str]:
    """The dump's byline and date against reader's own answer on the page's HTML.

    The HTML's answer is the better one (markup names the writer), so a dump
    byline that differs from it is usually a wrong name (a menu, a teaser's
    writer), which a reader sees in the sidebar: worse than none.
    """
    with_author = [r for r in rows.values() if r.authors["html"]]
    same = sum(1 for r in with_author if _same_names(r.authors["dump"], r.authors["html"]))
    none = sum(1 for r in with_author if not r.authors["dump"])
    with_date = [r for r in rows.values() if r.dates["html"]]
    return {
        "pages with a reader html byline": str(len(with_author)),
        "  dump names the same writer": str(same),
        "  dump names someone else": str(len(with_author) - same - none),
        "  dump byline where html has none": str(
            sum(1 for r in rows.values() if r.authors["dump"] and not r.authors["html"])
        ),
        "pages with a reader html date": str(len(with_date)),
        "  dump gives the same day": str(
            sum(1 for r in with_date if r.dates["dump"] == r.dates["html"])
        ),
        "  dump gives another day": str(
            sum(1 for r in with_date if r.dates["dump"] not in ("", r.dates["html"]))
        ),
    }


def _same_names(dump: list[str], html: list[str]) -> bool:
    """Does the dump's first writer have the same name as the HTML's, case aside?"""
    return bool(dump) and fold(dump[0]).lower() == fold(html[0]).lower()


def _agrees(authors: list[str], peer: str) -> bool:
    """Does reader's first author share a word with trafilatura's author string?"""
    if not authors:
        return False
    peer_words = set(re.findall(r"\w+", peer.lower()))
    return any(word in peer_words for word in re.findall(r"\w+", authors[0].lower()))


def misses(rows: dict[str, Row], kind: str) -> list[str]:
    """One line per page of a class of miss: id, reader's answer, trafilatura's, the truth."""
    what, side = kind.split("-")
    out = []
    for page_id, r in rows.items():
        if what == "title" and fold(r.titles[side]) not in r.heads:
            out.append(f"{page_id}\t{r.titles[side]!r}\t{r.peer_title!r}\t{sorted(r.heads)!r}")
        if what == "byline" and r.peer_author and not r.authors[side]:
            out.append(f"{page_id}\t{r.peer_author!r}\t{r.authors['html']!r}")
        if (
            what == "html"
            and r.authors["html"]
            and not _same_names(r.authors[side], r.authors["html"])
        ):
            out.append(f"{page_id}\t{r.authors[side]!r}\t{r.authors['html']!r}")
        if what == "other" and r.authors[side] and not _agrees(r.authors[side], r.peer_author):
            out.append(f"{page_id}\t{r.authors[side]!r}\t{r.peer_author!r}")
        if what == "date" and r.peer_date and r.dates[side] != r.peer_date:
            out.append(f"{page_id}\t{r.dates[side]!r}\t{r.peer_date!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a set or part: truth.json, pages/, dumps/")
    parser.add_argument("--cache", type=Path, help="JSON file keeping trafilatura's answers")
    parser.add_argument(
        "--misses",
        choices=[
            f"{what}-{side}"
            for what in ("title", "byline", "other", "date")
            for side in ("html", "dump")
        ]
        + ["html-dump"],
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
