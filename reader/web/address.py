"""Whether text names a web page: a module of its own, so the app can ask at start-up
without importing the HTTP client."""

from __future__ import annotations

from urllib.parse import urlsplit


def is_web_address(text: str) -> bool:
    """Whether a command-line argument or typed path means a page on the web."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
