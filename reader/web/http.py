"""Fetching over HTTP within limits, so one bad server costs a line of output and nothing more.

Every request names reader in its User-Agent, follows a few redirects and
no more, gives up after a connect, a read and a total timeout, stops
reading past a size limit, and refuses kinds of answer it cannot use
before downloading them. Every way a fetch can fail becomes a
`FetchError` whose reason is a short phrase for people.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

import httpx

from reader import __version__
from reader.web.address import is_web_address

USER_AGENT: Final = f"reader/{__version__} (terminal news reader; python-httpx)"

HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
"""What an article page may be served as."""

_KIND_NAMES: Final = {
    "application/pdf": "a PDF document",
    "application/zip": "a zip archive",
    "application/octet-stream": "binary data",
    "application/json": "JSON data",
    "text/plain": "plain text, not a web page",
    "text/css": "a style sheet",
    "text/javascript": "a script",
    "application/javascript": "a script",
}
_KIND_PREFIXES: Final = {"image/": "an image", "audio/": "audio", "video/": "a video"}
_NEVER_TEXT: Final = ("application/pdf", "application/zip")
"""Refused even when any text will do (feeds are served under many names, even octet-stream)."""
_STATUS_WORDS: Final = {
    401: "access denied",
    403: "access denied",
    404: "not found",
    410: "gone",
    429: "too many requests",
}
_TEMPORARY: Final = (408, 425, 429)
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")


@dataclass(frozen=True, slots=True)
class Limits:
    """How long to wait and how much to take; tests shrink them to stay quick."""

    connect_seconds: float = 10.0
    read_seconds: float = 20.0
    total_seconds: float = 60.0
    max_bytes: int = 16 * 1024 * 1024
    max_redirects: int = 5
    per_host: int = 2
    """Requests at once to one host: a few, so a fetch of many feeds is no burden on anyone."""


@dataclass(frozen=True, slots=True)
class Answer:
    """A successful answer: 200 with its body, or 304 (not modified) with none."""

    url: str
    """The address after redirects."""
    status: int
    media_type: str
    """`text/html`, `application/rss+xml`...: lower case, without parameters."""
    charset: str | None
    """The charset the Content-Type header declares, as written; not yet trusted."""
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that gave nothing usable; `reason` is for people.

    `temporary` marks failures worth trying again later (timeouts, lost
    connections, server errors), as against answers that will not change.
    """

    def __init__(self, url: str, reason: str, temporary: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.temporary = temporary


def kind_name(media_type: str) -> str:
    """A media type as a person would call it, for refusals."""
    for prefix, name in _KIND_PREFIXES.items():
        if media_type.startswith(prefix):
            return f"{name} ({media_type})"
    return f"{_KIND_NAMES.get(media_type, 'not a web page')} ({media_type})"


class Fetcher:
    """One connection pool for a run, safe to share between threads."""

    def __init__(self, limits: Limits | None = None, transport: httpx.BaseTransport | None = None):
        self.limits = limits or Limits()
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            max_redirects=self.limits.max_redirects,
            timeout=httpx.Timeout(
                self.limits.read_seconds,
                connect=self.limits.connect_seconds,
                pool=self.limits.total_seconds,
            ),
            transport=transport,
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        accept: tuple[str, ...] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Answer:
        """GET `url`; `accept` lists the media types to take (None: any that is not binary).

        `etag` and `last_modified` make the request conditional; a 304 comes back
        as an `Answer` with `not_modified` set. Raises only `FetchError`.
        """
        if not is_web_address(url):
            raise FetchError(url, "not a web address (http:// or https://)")
        headers = {"Accept": _accept_header(accept)}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self._turn(url):
                return self._get(url, headers, accept)
        except FetchError:
            raise
        except httpx.TimeoutException:
            raise FetchError(url, self._timed_out(), temporary=True) from None
        except httpx.TooManyRedirects:
            reason = f"too many redirects (more than {self.limits.max_redirects})"
            raise FetchError(url, reason) from None
        except httpx.UnsupportedProtocol:
            raise FetchError(url, "redirected to an address that is not http or https") from None
        except httpx.ConnectError as error:
            reason = f"could not connect ({_detail(error)})"
            raise FetchError(url, reason, temporary=True) from None
        except (httpx.InvalidURL, UnicodeError, ValueError):
            raise FetchError(url, "not a valid web address") from None
        except httpx.HTTPError as error:
            reason = f"connection failed ({_detail(error)})"
            raise FetchError(url, reason, temporary=True) from None

    def _get(self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None) -> Answer:
        deadline = time.monotonic() + self.limits.total_seconds
        with self._client.stream("GET", url, headers=headers) as response:
            final = str(response.url)
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            etag = response.headers.get("etag")
            last_modified = response.headers.get("last-modified")
            if response.status_code == 304:
                return Answer(final, 304, media_type, charset, b"", etag, last_modified)
            if response.status_code >= 300:
                status = response.status_code
                raise FetchError(url, _status_reason(status), status in _TEMPORARY or status >= 500)
            if media_type and _refused(media_type, accept):
                raise FetchError(url, f"not usable: {kind_name(media_type)}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.limits.max_bytes:
                raise FetchError(url, self._too_large())
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.limits.max_bytes:
                    raise FetchError(url, self._too_large())
                if time.monotonic() > deadline:
                    raise FetchError(url, self._timed_out(), temporary=True)
        status = response.status_code
        return Answer(final, status, media_type, charset, bytes(body), etag, last_modified)

    @contextmanager
    def _turn(self, url: str) -> Iterator[None]:
        """Wait for one of the few request slots of the URL's host."""
        host = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            slots = self._hosts.setdefault(host, threading.Semaphore(self.limits.per_host))
        with slots:
            yield

    def _timed_out(self) -> str:
        return f"timed out (no complete answer within {self.limits.total_seconds:g} s)"

    def _too_large(self) -> str:
        return f"too large (over {self.limits.max_bytes / 2**20:g} MB)"


def _accept_header(accept: tuple[str, ...] | None) -> str:
    if not accept:
        return "*/*"
    return ", ".join(accept) + ";q=1.0, */*;q=0.1"


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip("\"'"):
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _refused(media_type: str, accept: tuple[str, ...] | None) -> bool:
    if accept is not None:
        return media_type not in accept
    return media_type in _NEVER_TEXT or media_type.startswith(tuple(_KIND_PREFIXES))


def _status_reason(status: int) -> str:
    if status in _STATUS_WORDS:
        return f"{_STATUS_WORDS[status]} (HTTP {status})"
    if status >= 500:
        return f"server error (HTTP {status})"
    return f"the server refused (HTTP {status})"


def _detail(error: Exception) -> str:
    text = str(error).strip().splitlines()
    detail = _ERRNO.sub("", text[0]) if text else ""
    return detail[:120] or type(error).__name__
