"""Article pages fetched from the web and kept as files in reader's data folder.

A page is kept as fetched, behind a short preamble naming its address and
encoding (`reader.web.charset`), so it loads, cleans and keeps read marks
like any saved page, and reads offline. Once kept, a page opens from its
copy: a saved article is never replaced or lost by a later failed fetch.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from reader.clean import clean_bytes
from reader.clean.sniff import is_binary
from reader.files import SNIFF_BYTES
from reader.model import LoadError
from reader.store.storage import atomic_write
from reader.web.charset import saved_page
from reader.web.http import HTML_TYPES, Fetcher, FetchError

PAGES_DIR_NAME = "pages"


def slug(text: str, limit: int = 60, fallback: str = "page") -> str:
    """A file-name-safe, readable form of a title or address part: `bank-holds-rates`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    name = "-".join(words)[:limit].strip("-")
    return name or fallback


def short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def page_file(web: Path, url: str) -> Path:
    """Where the page at `url` is kept: `pages/<host>/<last part of the path>-<hash>.html`."""
    parts = urlsplit(url)
    host = slug(parts.hostname or "", limit=80, fallback="site").replace("-", ".")
    last = [p for p in parts.path.split("/") if p]
    name = slug(re.sub(r"\.[a-z0-9]{1,5}$", "", last[-1]) if last else "", fallback="index")
    return web / PAGES_DIR_NAME / host / f"{name}-{short_hash(url)}.html"


def fetch_page(
    url: str, fetcher: Fetcher, publisher: str | None = None, published: str | None = None
) -> bytes:
    """The bytes to keep for an article page; raises `FetchError` if it holds no article.

    `publisher` (a feed's name) and `published` (its entry's date) are declared in
    the copy when the page gives none.
    """
    answer = fetcher.get(url, accept=HTML_TYPES)
    if is_binary(answer.body[:SNIFF_BYTES]):
        raise FetchError(url, "not usable: binary data, not a web page")
    data = saved_page(answer.body, answer.url, answer.charset)
    try:
        article = clean_bytes(data, url, "html")
    except LoadError as error:
        raise FetchError(url, error.reason) from None
    publisher = None if article.publisher else publisher
    published = None if article.published else published
    if publisher or published:
        data = saved_page(answer.body, answer.url, answer.charset, publisher, published)
    return data


def keep_page(url: str, web: Path, fetcher: Fetcher) -> Path:
    """The kept copy of the page at `url`, fetched and saved first if there is none."""
    target = page_file(web, url.strip())
    if target.is_file():
        return target
    data = fetch_page(url.strip(), fetcher)
    try:
        atomic_write(target, data)
    except OSError as error:
        raise FetchError(url, f"fetched, but could not be saved ({error.strerror})") from None
    return target
