"""The user's config file: a small TOML file read once at start-up.

A mistake in a hand-edited file must never stop the reader from opening:
each bad value is reported in a message that names the setting and what
was expected, and that one setting falls back to its default. A file that
is not valid TOML at all gives one message with the line and all defaults.
Settings changed inside the app are reading state (`reader.store.state`), not
config: this file is only ever written by the user.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Protocol

MIN_WIDTH: Final = 40
MAX_WIDTH: Final = 200
DEFAULT_WIDTH: Final = 80
DEFAULT_THEME: Final = "textual-dark"
DEFAULT_KEEP: Final = 200
"""Articles kept per feed unless its `keep` says otherwise; older ones make room."""
MAX_KEEP: Final = 10_000
MAX_CONFIG_BYTES: Final = 1024 * 1024
"""A hand-written settings file is a few hundred bytes; anything past this is not one."""
MAX_NAMED: Final = 3
"""Past this many unknown names, one message gives their number and the first few."""
MAX_MESSAGES: Final = 8
"""Past this many problems, the rest are counted in one last message: each becomes a
notification in the app, and thousands of them would keep it from drawing."""

_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_KEY = (
    r"^(?:(?:" + "|".join(_MODIFIERS) + r")\+)*(?:[a-z][a-z0-9_]*|[^\sA-Za-z0-9])$"
    r"|^[A-Za-z0-9]$"
)
"""One key as Textual names it: `q`, `G`, `]`, `ctrl+q`, `shift+tab`, `question_mark`, `f5`
(compiled by `re` on first use: most people have no `[keys]`)."""

EXAMPLE_CONFIG: Final = """\
# reader configuration. Copy to the path `reader --help` mentions, or to
# $READER_CONFIG_DIR/config.toml, and change what you like. Every setting is
# optional; a setting that is missing or wrong uses its default, and reader
# tells you what it could not use.

# Folders (or files) to open when `reader` is run without a PATH.
# `~` and $VARIABLES are expanded; relative paths are relative to this file.
# Leave empty to open the bundled sample articles.
library = ["~/Documents/Articles", "~/Notes/reading"]

# Reading width in columns, 40 to 200.
width = 80

# A Textual theme name, e.g. "textual-dark", "textual-light", "nord",
# "gruvbox", "tokyo-night", "solarized-light".
theme = "textual-dark"

# Feeds to fetch with `reader --fetch` (or `reader --subscribe URL`). `name`
# is optional (the feed's own title is used), and so is `keep`: how many of
# its articles to keep (200 unless set).
[[feeds]]
url = "https://example.org/news/feed.xml"
name = "Example News"
keep = 100

# Remap keys by binding id (press ? in reader to see the ids and keys).
# A value is one key or several separated by commas; a list works too.
[keys]
quit = "ctrl+q"
next_article = "n,right"
previous_article = ["p", "left"]
"""


@dataclass(frozen=True, slots=True)
class Feed:
    """One subscription: where the feed is, what to call it, how many articles to keep."""

    url: str
    name: str | None = None
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from the config file, each already checked and defaulted."""

    library: tuple[str, ...] = ()
    """Folders or files to open when no PATH is given; empty means the bundled samples."""
    width: int = DEFAULT_WIDTH
    theme: str = DEFAULT_THEME
    """A Textual theme name; the UI checks it against the themes it has."""
    keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Binding id to Textual key list (`"n,right"`), ready for `App.set_keymap`."""
    feeds: tuple[Feed, ...] = ()
    """Subscriptions, in the order written; `reader --fetch` updates them."""

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> tuple[Config, list[str]]:
        """Read the config file; returns the config and one message per problem found.

        A missing file is normal (all defaults, no message). Never raises.
        """
        if path is None:
            from reader.store.paths import config_file

            path = config_file()
        from reader.store.storage import read_regular_file

        source = Path(path)
        try:
            raw = read_regular_file(source, MAX_CONFIG_BYTES)
        except FileNotFoundError:
            return cls(), []
        except OSError as error:
            return cls(), [
                f"{source}: cannot read it ({error.strerror or error}); using all defaults."
            ]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            return cls(), [f"{source}: line {line}: not UTF-8 text; using all defaults."]
        return cls.parse(text, source)

    @classmethod
    def parse(
        cls, text: str, source: str | os.PathLike[str] = "config.toml"
    ) -> tuple[Config, list[str]]:
        """Check TOML text as if read from `source` (which anchors relative library paths)."""
        name = Path(source)
        try:
            import tomllib  # here, not at the top: most people have no config file

            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            return cls(), [f"{name}: syntax error: {error}; using all defaults."]
        except RecursionError:
            return cls(), [f"{name}: nested too deeply; using all defaults."]
        messages: list[str] = []

        def problem(setting: str, text: str, item: str | None = None) -> None:
            where = f"{setting}.{item}" if item else setting
            messages.append(f"{name}: {where}: {text}")

        values: dict[str, Any] = {}
        unknown = [key for key in data if key not in _READERS]
        messages += _unknown(f"{name}: ", "", unknown, "setting", _READERS)
        for key, value in data.items():
            reader = _READERS.get(key)
            if reader is None:
                continue
            parsed = reader(
                value, name.parent, lambda text, item=None, key=key: problem(key, text, item)
            )
            if parsed is not None:
                values[key] = parsed
        if len(messages) > MAX_MESSAGES:
            rest = len(messages) - MAX_MESSAGES + 1
            messages[MAX_MESSAGES - 1 :] = [f"{name}: {rest:,} more problems, each ignored."]
        return cls(**values), messages

    def unknown_bindings(self, known: Iterable[str]) -> list[str]:
        """Messages for `[keys]` entries naming no binding the UI has; the UI passes its ids."""
        ids = set(known)
        return _unknown("", "keys.", [b for b in self.keys if b not in ids], "binding", ids)

    def keymap(
        self, known: Iterable[str], is_key: Callable[[str], bool]
    ) -> tuple[dict[str, str], list[str]]:
        """The `[keys]` table as the UI can apply it, and a message for each entry it cannot.

        An entry is dropped, and its binding keeps its default keys, when it names no
        binding the UI has or a key that can never be pressed (`nonexistentkey`). The
        UI passes its binding ids and Textual's test for a key name.
        """
        ids = set(known)
        keymap: dict[str, str] = {}
        messages = self.unknown_bindings(ids)
        for binding, keys in self.keys.items():
            bad = [key for key in keys.split(",") if not is_key(key)]
            if binding in ids and bad:
                shown = ", ".join(repr(key[:40]) for key in bad[:MAX_NAMED])
                messages.append(
                    f"keys.{binding}: {shown} is not a key reader can receive; keeping its default."
                )
            elif binding in ids:
                keymap[binding] = keys
        return keymap, messages[:MAX_MESSAGES]


def _unknown(
    prefix: str, where: str, names: list[str], kind: str, choices: Iterable[str]
) -> list[str]:
    """One message per unknown name (with a "did you mean"), or one for them all when many."""
    if len(names) <= MAX_NAMED:
        return [
            f"{prefix}{where}{name}: unknown {kind}, ignored{_did_you_mean(name, choices)}."
            for name in names
        ]
    listed = ", ".join(name[:40] for name in names[:MAX_NAMED])
    return [f"{prefix}{len(names):,} unknown {kind}s ignored: {listed}, ..."]


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    hint = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{hint[0]}'?)" if hint else ""


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.date | datetime.time):
        return "a date or time"
    return type(value).__name__


class Problem(Protocol):
    """Reports one wrong value of a setting; `item` names the entry inside it, if any."""

    def __call__(self, text: str, item: str | None = None) -> None: ...


def _read_library(value: Any, base: Path, problem: Problem) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problem(f"expected a list of folders, got {_type_name(value)}; using the default.")
        return None
    folders: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problem(
                f"item {index + 1} should be a folder path in quotes, got "
                f"{_type_name(item)}; skipped it."
            )
            continue
        folder = Path(os.path.expandvars(os.path.expanduser(item.strip())))
        folders.append(str(folder if folder.is_absolute() else base / folder))
    return tuple(folders)


def _read_width(value: Any, base: Path, problem: Problem) -> int | None:
    if type(value) is float and value.is_integer():
        value = int(value)
    if type(value) is not int:
        problem(
            f"expected a whole number of columns, got {_type_name(value)}; using {DEFAULT_WIDTH}."
        )
        return None
    if not MIN_WIDTH <= value <= MAX_WIDTH:
        problem(f"{value} is outside {MIN_WIDTH}-{MAX_WIDTH}; using {DEFAULT_WIDTH}.")
        return None
    return value


def _read_theme(value: Any, base: Path, problem: Problem) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problem(f"expected a theme name in quotes, got {_type_name(value)}; using {DEFAULT_THEME}.")
        return None
    return value.strip()


def _read_keys(value: Any, base: Path, problem: Problem) -> Mapping[str, str] | None:
    if not isinstance(value, dict):
        problem(
            f'expected a [keys] table of binding = "key" lines, got {_type_name(value)}; '
            "using the default keys."
        )
        return None
    keys: dict[str, str] = {}
    for binding, spec in value.items():
        if isinstance(spec, str):
            spec = spec.split(",")
        if not isinstance(spec, list) or not all(isinstance(key, str) for key in spec):
            problem(
                f'expected a key like "ctrl+q" or a list of keys, got '
                f"{_type_name(spec)}; keeping its default.",
                binding,
            )
            continue
        names = [key.strip() for key in spec]
        bad = [key for key in names if not re.match(_KEY, key)]
        if bad or not names:
            shown = ", ".join(repr(key) for key in bad) or "nothing"
            problem(
                f'{shown} is not a key name (write keys like "q", "ctrl+q", '
                '"shift+tab", "f5", "question_mark"); keeping its default.',
                binding,
            )
            continue
        keys[binding] = ",".join(names)
    return MappingProxyType(keys)


def _read_feeds(value: Any, base: Path, problem: Problem) -> tuple[Feed, ...] | None:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        problem(
            f'expected [[feeds]] tables with url = "...", got {_type_name(value)}; '
            "no feeds from this file."
        )
        return None
    feeds: dict[str, Feed] = {}
    for index, item in enumerate(value):
        feed = _read_feed(item, functools.partial(problem, item=str(index + 1)))
        if feed is not None and feed.url not in feeds:
            feeds[feed.url] = feed
    return tuple(feeds.values())


def _read_feed(item: Any, problem: Callable[..., None]) -> Feed | None:
    if not isinstance(item, dict):
        problem(f'expected a table with url = "...", got {_type_name(item)}; skipped it.')
        return None
    url = item.get("url")
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url.strip(), re.I):
        problem("url should be a web address starting with http:// or https://; skipped it.")
        return None
    for key in item:
        if key not in ("url", "name", "keep"):
            problem(f"unknown key {key!r} ignored (a feed has url, name and keep).")
    name = item.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        problem(f"name should be text in quotes, got {_type_name(name)}; using the feed's title.")
        name = None
    keep = item.get("keep", DEFAULT_KEEP)
    if type(keep) is not int or not 1 <= keep <= MAX_KEEP:
        problem(f"keep should be a whole number from 1 to {MAX_KEEP}; using {DEFAULT_KEEP}.")
        keep = DEFAULT_KEEP
    return Feed(url.strip(), name.strip() if name else None, keep)


_READERS = {
    "library": _read_library,
    "width": _read_width,
    "theme": _read_theme,
    "keys": _read_keys,
    "feeds": _read_feeds,
}
