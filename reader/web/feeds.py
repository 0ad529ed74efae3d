"""RSS, Atom and JSON Feed documents into plain entries, and entries into saved pages.

feedparser reads RSS and Atom (broken XML included, as far as it can be
read); JSON Feed, which it does not read, gets the small reader below. An
entry's own content is kept as the article when it is the whole story (long
enough to be one); otherwise the entry's page is fetched and cleaned.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any, Final
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]

from reader.model import count_words
from reader.safe_text import strip_controls
from reader.web.charset import saved_page

FULL_CONTENT_WORDS: Final = 150
"""An entry whose own text is shorter is a teaser: its page is fetched instead."""

_TAGS = re.compile(r"<[^>]*>")
_JSON_FEED = "https://jsonfeed.org/version/"
_JSON_TYPES = ("application/feed+json", "application/json")


class FeedError(Exception):
    """A document that is not a feed reader can read; `reason` is for people."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, whatever the format."""

    id: str | None
    link: str | None
    title: str
    authors: tuple[str, ...] = ()
    published: str | None = None
    """ISO 8601 (UTC) when the feed gave a date that could be read."""
    content: str = ""
    """The longest HTML the entry carries (full content or summary); may be empty."""

    @property
    def key(self) -> str:
        """What identifies the entry across fetches: its id, else its link, else its text."""
        if self.id or self.link:
            return self.id or self.link or ""
        text = f"{self.title}\n{self.published}\n{self.content}"
        return "sha:" + hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=12).hexdigest()

    @property
    def words(self) -> int:
        return count_words(_TAGS.sub(" ", self.content))

    @property
    def is_full(self) -> bool:
        """Whether the entry's own content is the whole article."""
        return self.words >= FULL_CONTENT_WORDS


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]


def parse_feed(
    body: bytes, url: str, media_type: str = "", charset: str | None = None
) -> ParsedFeed:
    """Read a feed document; raises `FeedError` when it holds no feed."""
    if media_type in ("application/feed+json", "application/json") or body.lstrip()[:1] == b"{":
        return _parse_json_feed(body)
    content_type = media_type + (f"; charset={charset}" if charset else "")
    headers = {"content-type": content_type, "content-location": url}
    try:
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    except Exception as error:  # noqa: BLE001 - a hostile document must not stop the others
        raise FeedError(f"could not read the feed ({type(error).__name__})") from None
    entries = [e for e in map(_entry, parsed.get("entries", [])) if e.link or e.content.strip()]
    if entries or (parsed.get("version") and not parsed.get("bozo")):
        title = _text(parsed.get("feed", {}).get("title"))
        return ParsedFeed(title or None, entries)
    advertised = advertised_feed(body, url)
    if advertised:
        raise FeedError(f"a web page, not a feed; its feed is at {advertised}")
    if parsed.get("bozo") and not body.lstrip().lower().startswith((b"<!doctype", b"<html")):
        raise FeedError(f"broken XML ({_xml_problem(parsed.get('bozo_exception'))})")
    raise FeedError("not a feed (no RSS, Atom or JSON Feed found at this address)")


_ALTERNATE = re.compile(rb"<link\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_FEED_TYPES = (b"application/rss+xml", b"application/atom+xml", b"application/feed+json")


def advertised_feed(page: bytes, url: str) -> str | None:
    """The feed a web page names in its head (`<link rel="alternate" type=...rss+xml>`)."""
    for tag in _ALTERNATE.findall(page[:200_000]):
        values = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTRIBUTE.findall(tag)}
        rel = values.get(b"rel", b"").lower().split()
        if b"alternate" in rel and values.get(b"type", b"").lower() in _FEED_TYPES:
            href = values.get(b"href", b"").decode("utf-8", "replace").strip()
            return _text(urljoin(url, href)) if href else None
    return None


def _xml_problem(error: Any) -> str:
    """Where and what, without the parser's internal names."""
    if hasattr(error, "getLineNumber") and hasattr(error, "getMessage"):
        return f"line {error.getLineNumber()}: {error.getMessage()}"
    lines = str(error or "").strip().splitlines()
    return lines[0][:120] if lines else "unreadable"


def _entry(item: Any) -> FeedEntry:
    bodies = [part.get("value", "") for part in item.get("content") or []]
    bodies.append(item.get("summary") or "")
    content = max(bodies, key=lambda html: len(_TAGS.sub("", html)))
    authors = [_text(a.get("name")) for a in item.get("authors") or [] if isinstance(a, dict)]
    if not any(authors) and item.get("author"):
        authors = [_text(item.get("author"))]
    when = item.get("published_parsed") or item.get("updated_parsed")
    published = _iso(calendar.timegm(when)) if when else None
    return FeedEntry(
        id=_text(item.get("id")) or None,
        link=_text(item.get("link")) or None,
        title=_text(item.get("title")),
        authors=tuple(a for a in authors if a),
        published=published,
        content=content if isinstance(content, str) else "",
    )


def _parse_json_feed(body: bytes) -> ParsedFeed:
    """JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise FeedError("broken JSON (not a JSON Feed)") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(_JSON_FEED):
        raise FeedError("not a feed (JSON, but not a JSON Feed)")
    items = data.get("items")
    entries = (
        [_json_entry(item) for item in items if isinstance(item, dict)]
        if isinstance(items, list)
        else []
    )
    return ParsedFeed(_text(data.get("title")) or None, entries)


def _json_entry(item: dict[str, Any]) -> FeedEntry:
    text = item.get("content_text")
    content = item.get("content_html") or (_paragraphs(text) if isinstance(text, str) else "")
    if not content and isinstance(item.get("summary"), str):
        content = _paragraphs(item["summary"])
    people = item.get("authors")
    if not isinstance(people, list):
        people = [item.get("author")]
    authors = [_text(p.get("name")) for p in people if isinstance(p, dict)]
    return FeedEntry(
        id=_text(item.get("id")) or None,
        link=_text(item.get("url")) or _text(item.get("external_url")) or None,
        title=_text(item.get("title")),
        authors=tuple(a for a in authors if a),
        published=_json_date(item.get("date_published") or item.get("date_modified")),
        content=content if isinstance(content, str) else "",
    )


def entry_page(entry: FeedEntry, feed_name: str) -> bytes:
    """A saved page for an entry whose content is the article, in the form cleaners read."""
    title = escape(entry.title, quote=True)
    head = [f"<title>{title}</title>", f'<meta property="og:title" content="{title}">']
    head += [f'<meta name="author" content="{escape(a, quote=True)}">' for a in entry.authors]
    if entry.published:
        head.append(f'<meta property="article:published_time" content="{entry.published}">')
    if entry.link:
        head.append(f'<link rel="canonical" href="{escape(entry.link, quote=True)}">')
    page = (
        "<!DOCTYPE html>\n<html><head>\n"
        + "\n".join(head)
        + f"\n</head><body><article>\n<h1>{title}</h1>\n{entry.content}\n</article></body></html>\n"
    )
    return saved_page(page.encode("utf-8"), entry.link or "", "utf-8", publisher=feed_name)


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return "\n".join(f"<p>{escape(block)}</p>" for block in blocks)


def _text(value: Any) -> str:
    """One line of feed text with no control or bidi character: titles, names, ids, links."""
    return " ".join(strip_controls(value).split()) if isinstance(value, str) else ""


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return _iso(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())
    except (ValueError, OverflowError, OSError):
        return None


def published_day(entry: FeedEntry) -> str:
    """The entry's date as YYYY-MM-DD, else today's: file names sort in date order."""
    return (entry.published or time.strftime("%Y-%m-%d", time.gmtime()))[:10]
