"""Every folder and file reader keeps outside the articles, in one place.

Each folder follows the platform convention (XDG on Linux, ~/Library on
macOS, %APPDATA% on Windows) through platformdirs, and each can be moved by
an environment variable so tests and benchmarks never touch a user's real
settings or reading history.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import platformdirs

APP_NAME: Final = "reader"

CONFIG_DIR_ENV: Final = "READER_CONFIG_DIR"
DATA_DIR_ENV: Final = "READER_DATA_DIR"
CACHE_DIR_ENV: Final = "READER_CACHE_DIR"

CONFIG_FILE_NAME: Final = "config.toml"
STATE_FILE_NAME: Final = "state.json"
WEB_DIR_NAME: Final = "web"
FEEDS_FILE_NAME: Final = "feeds.json"


def _override(name: str, environ: Mapping[str, str] | None) -> Path | None:
    value = (os.environ if environ is None else environ).get(name, "").strip()
    return Path(value).expanduser() if value else None


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where the user's hand-written settings live (`READER_CONFIG_DIR` overrides)."""
    return _override(CONFIG_DIR_ENV, environ) or Path(platformdirs.user_config_dir(APP_NAME))


def config_file(environ: Mapping[str, str] | None = None) -> Path:
    """The TOML config file; it may not exist, which means all defaults."""
    return config_dir(environ) / CONFIG_FILE_NAME


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where reading state lives: data the user would miss, unlike the cache."""
    return _override(DATA_DIR_ENV, environ) or Path(platformdirs.user_data_dir(APP_NAME))


def state_file(environ: Mapping[str, str] | None = None) -> Path:
    """Read marks, bookmarks, scroll positions and last-used settings."""
    return data_dir(environ) / STATE_FILE_NAME


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where anything that can be rebuilt from the articles goes; safe to delete."""
    return _override(CACHE_DIR_ENV, environ) or Path(platformdirs.user_cache_dir(APP_NAME))


def web_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Pages fetched from the web and articles saved from feeds: only articles, nothing else."""
    return data_dir(environ) / WEB_DIR_NAME


def feeds_file(environ: Mapping[str, str] | None = None) -> Path:
    """What each feed fetch remembers: validators for conditional requests, entries seen."""
    return data_dir(environ) / FEEDS_FILE_NAME
