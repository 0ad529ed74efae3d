"""Adding feeds to the config file: `reader --subscribe URL` and `reader --import-opml FILE`.

Subscriptions live where the user can read and edit them, as `[[feeds]]`
tables in the config file. Adding one only appends a table: everything the
user wrote stays byte for byte, and the result is checked to be valid TOML
holding the new feeds before it replaces the file (atomically).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.config import Config
from reader.safe_text import strip_controls
from reader.store.storage import atomic_write
from reader.web.address import is_web_address


@dataclass(slots=True)
class Added:
    """What a subscribe did: feeds added, and why others were not."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Feeds already subscribed."""
    invalid: list[str] = field(default_factory=list)
    """Addresses that are not web addresses, with the reason."""


class SubscribeError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def subscribe(feeds: Sequence[tuple[str, str | None]], config_path: Path) -> Added:
    """Append a `[[feeds]]` table for each new (address, name) to the config file.

    Raises `SubscribeError` when the file cannot be read, is not valid TOML
    (the user's mistake is theirs to fix; nothing is written) or cannot be
    written.
    """
    try:
        text = config_path.read_bytes().decode("utf-8-sig") if config_path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise SubscribeError(f"cannot read {config_path}: {error}") from None
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SubscribeError(f"{config_path} has a syntax error ({error}); fix it first") from None
    config, _ = Config.parse(text, config_path)
    known = {feed.url for feed in config.feeds}
    result = Added()
    blocks: list[str] = []
    for raw_url, name in feeds:
        url = raw_url.strip()
        if not is_web_address(url) or any(c.isspace() for c in url):
            result.invalid.append(f"{url}: not a web address (http:// or https://)")
        elif url in known:
            result.skipped.append(f"{url}: already subscribed")
        else:
            known.add(url)
            result.added.append(url)
            blocks.append(_table(url, name))
    if not blocks:
        return result
    new_text = text + ("\n" if text and not text.endswith("\n") else "") + "".join(blocks)
    _check(new_text, config_path, known)
    try:
        atomic_write(config_path, new_text.encode("utf-8"))
    except OSError as error:
        raise SubscribeError(f"cannot write {config_path} ({error.strerror})") from None
    return result


def _table(url: str, name: str | None) -> str:
    lines = ["", "[[feeds]]", f"url = {_toml_string(url)}"]
    name = " ".join(strip_controls(name or "").split())
    if name:
        lines.append(f"name = {_toml_string(name)}")
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, DEL aside, which TOML wants escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _check(new_text: str, config_path: Path, urls: set[str]) -> None:
    """Refuse to write a file that would not read back with every feed in it."""
    try:
        tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        raise SubscribeError(
            f"{config_path} sets feeds in a form reader cannot add to; "
            'add [[feeds]] tables with url = "..." by hand'
        ) from None
    config, _ = Config.parse(new_text, config_path)
    if {feed.url for feed in config.feeds} != urls:
        raise SubscribeError(f"{config_path}: the new feeds would not read back; nothing written")
