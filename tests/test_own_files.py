"""Reader's own files (state, its lock, config, cache) when they are not what they should be.

A state or config file that is a FIFO would hang a plain read; one linked to
/dev/zero would fill memory. Only regular files of a bounded size are read;
anything else gets one clear message and the defaults. A state file that is a
link (to a user's file, or dangling) is replaced by a real file in reader's
folder, never written through. Every test that could hang runs in a
subprocess with a timeout.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.config import Config
from reader.store.cache import ArticleCache
from reader.store.state import ReadingState

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and symlinks")

HANG_LIMIT = 30.0


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run Python code in a fresh process; a hang fails the test instead of stopping it."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "library" / "note.md"
    path.parent.mkdir()
    path.write_text("# A note\n\nSome words in a paragraph here.\n")
    return path


def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_state_file_that_is_no_regular_file_gives_defaults_and_a_message(
    tmp_path: Path, note: Path, kind: str
):
    target = tmp_path / "data" / "state.json"
    target.parent.mkdir()
    _special(kind, target)
    result = _run(
        "import sys; from reader.store.state import ReadingState\n"
        f"state, messages = ReadingState.load({str(target)!r})\n"
        "print(len(messages)); print(messages[0]); print(state.settings.sort)\n"
        f"state.mark_read({str(note)!r}); print(state.flush(), state.last_error)\n"
    )
    assert result.returncode == 0, result.stderr
    count, message, sort, saved = result.stdout.splitlines()
    assert count == "1" and "not a regular file" in message and "using defaults" in message
    assert sort == "path"
    assert saved == "True None"
    # The pipe or the link was replaced by a real state file holding the mark.
    assert target.is_file() and not target.is_symlink()
    assert ReadingState.load(target)[0].is_read(note)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_config_file_that_is_no_regular_file_gives_defaults_and_a_message(
    tmp_path: Path, kind: str
):
    target = tmp_path / "config.toml"
    _special(kind, target)
    result = _run(
        "from reader.config import Config\n"
        f"config, messages = Config.load({str(target)!r})\n"
        "print(len(messages)); print(messages[0]); print(config.width)\n"
    )
    assert result.returncode == 0, result.stderr
    count, message, width = result.stdout.splitlines()
    assert count == "1" and "not a regular file" in message and "defaults" in message
    assert width == "80"


def test_reader_starts_with_a_fifo_for_both_state_and_config(tmp_path: Path, note: Path):
    """The whole command, as a user meets it: one message each, then the articles."""
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    data.mkdir()
    os.mkfifo(config / "config.toml")
    (data / "state.json").symlink_to("/dev/zero")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--json", str(note)],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        env={**os.environ, "READER_CONFIG_DIR": str(config), "READER_DATA_DIR": str(data)},
    )
    assert result.returncode == 0 and '"title": "A note"' in result.stdout
    assert result.stderr.count("not a regular file") == 1  # --json never reads the state
    assert "Traceback" not in result.stderr


def test_a_huge_config_file_is_refused_without_reading_it(tmp_path: Path):
    target = tmp_path / "config.toml"
    with open(target, "wb") as handle:
        handle.truncate(4 * 2**30)  # sparse: 4 GB that cost nothing on disk
    config, messages = Config.load(target)
    assert config == Config()
    assert len(messages) == 1 and "larger than" in messages[0]


def test_state_written_through_a_link_replaces_the_link_not_its_target(tmp_path: Path, note: Path):
    victim = tmp_path / "precious.json"  # another program's settings, valid JSON
    victim.write_text('{"editor": "vim"}\n')
    victim.chmod(0o644)
    target = tmp_path / "data" / "state.json"
    target.parent.mkdir()
    target.symlink_to(victim)
    state, _ = ReadingState.load(target)
    state.toggle_bookmark(note)
    assert state.flush() and state.last_error is None
    assert victim.read_text() == '{"editor": "vim"}\n'
    assert oct(victim.stat().st_mode & 0o777) == oct(0o644)
    assert target.is_file() and not target.is_symlink()
    assert ReadingState.load(target)[0].is_bookmarked(note)


def test_a_dangling_state_link_creates_nothing_where_it_points(tmp_path: Path, note: Path):
    elsewhere = tmp_path / "elsewhere" / "made-by-reader.json"
    elsewhere.parent.mkdir()
    target = tmp_path / "data" / "state.json"
    target.parent.mkdir()
    target.symlink_to(elsewhere)
    lock = target.with_name("state.json.lock")
    lock.symlink_to(tmp_path / "elsewhere" / "lock")
    state, _ = ReadingState.load(target)
    state.mark_read(note)
    assert state.flush()
    assert list(elsewhere.parent.iterdir()) == []
    assert target.is_file() and not target.is_symlink()
    assert not lock.is_symlink()


def test_a_cache_file_that_is_a_link_is_replaced(tmp_path: Path):
    victim = tmp_path / "precious.db"
    victim.write_bytes(b"")  # SQLite would take an empty file for an empty database
    location = tmp_path / "cache" / "articles.sqlite3"
    location.parent.mkdir()
    location.symlink_to(victim)
    with ArticleCache.open(location) as cache:
        assert cache.location == location
    assert victim.read_bytes() == b""
    assert location.is_file() and not location.is_symlink()


def test_a_killed_writer_never_leaves_the_state_locked(tmp_path: Path, note: Path):
    from reader.store.storage import exclusive_lock

    target = tmp_path / "state.json"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child holds the lock until it is killed
        with exclusive_lock(target):
            (tmp_path / "locked").touch()
            time.sleep(60)
        os._exit(0)
    deadline = time.monotonic() + HANG_LIMIT
    while not (tmp_path / "locked").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    state = ReadingState(target)
    state.mark_read(note)
    started = time.monotonic()
    assert state.flush()
    assert time.monotonic() - started < 1.0  # the kernel dropped the dead writer's lock
