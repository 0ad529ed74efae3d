"""File names the OS hands over as they are: bytes that are not UTF-8, bidi and other controls.

A name with an undecodable byte reaches Python as a lone surrogate (os.fsdecode).
It must survive the cache, the reading state, the list, search and export, and
be shown with the byte escaped (`\\xe9`). A name with bidi controls must be shown
escaped by every output, `--markdown` included.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from reader.safe_text import CONTROL
from reader.store.cache import ArticleCache, list_cached, load_cached
from reader.store.state import ReadingState
from tests.waiting import until

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs byte file names")

SAMPLE = Path(__file__).resolve().parent.parent / "reader" / "sample_articles"
UNDECODABLE = b"caf\xe9.txt"
SHOWN = "caf\\xe9.txt"
BIDI_NAME = "evil\u202etxt.\u2066exe\u2069\u2067x\u2068y\x1b[31m.txt"


def _story(word: str) -> bytes:
    text = (SAMPLE / "city-council-transit-vote.txt").read_bytes()
    return text.replace(b"council voted", f"{word} council voted".encode(), 1)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "a-first.txt").write_bytes(_story("harbour"))
    with open(os.path.join(os.fsencode(folder), UNDECODABLE), "wb") as handle:
        handle.write(_story("zanzibarish"))
    (folder / "z-last.md").write_bytes((SAMPLE / "climate-summit-sea-walls.md").read_bytes())
    return folder


def _undecodable_path(folder: Path) -> str:
    return os.fsdecode(os.path.join(os.fsencode(folder), UNDECODABLE))


def test_the_cache_lists_fetches_searches_and_forgets_an_undecodable_name(library, tmp_path):
    name = _undecodable_path(library)
    files = sorted(
        os.fsdecode(os.path.join(os.fsencode(library), n)) for n in os.listdir(os.fsencode(library))
    )
    with ArticleCache.open(tmp_path / "cache.sqlite3") as cache:
        first = list(list_cached(files, cache))
        again = list(list_cached(files, cache))  # from the stored rows this time
        assert [item.path for item in again] == files
        assert all(not hasattr(item, "reason") for item in first + again)
        (article,) = load_cached([name], cache)
        assert article.path == name and "zanzibarish" in " ".join(article.paragraphs)
        assert [hit.path for hit in cache.search("zanzibarish")] == [name]
        cache.set_scope(files)
        assert [hit.path for hit in cache.search("zanzibarish")] == [name]
        os.unlink(os.fsencode(name))
        assert cache.forget_missing([]) == 1
        assert [hit.path for hit in cache.search("zanzibarish")] == []


def test_reading_state_keeps_marks_for_an_undecodable_name(library, tmp_path):
    name = _undecodable_path(library)
    state = ReadingState(tmp_path / "state.json")
    state.toggle_bookmark(name)
    state.mark_read(name)
    assert state.flush() and state.last_error is None
    again, messages = ReadingState.load(tmp_path / "state.json")
    assert messages == []
    assert again.is_bookmarked(name) and again.is_read(name)
    assert again.bookmarks() == [name]


async def test_an_undecodable_name_through_the_app(library, tmp_path):
    from textual.widgets import Static

    from reader.ui.app import ReaderApp
    from reader.ui.article_list import ArticleList
    from reader.ui.sidebar import Sidebar

    name = _undecodable_path(library)
    state = ReadingState(tmp_path / "state.json")
    app = ReaderApp([str(library)], state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_until_loaded()
        await pilot.pause()
        entries = app.query_one(ArticleList).entries
        assert [entry.error for entry in entries] == [None, None, None]
        assert name in [entry.path for entry in entries]
        # Search the library for the word only the undecodable file holds, open the hit.
        await pilot.press("ctrl+s")
        await pilot.press(*"zanzibarish")
        await until(pilot, lambda: getattr(app.screen, "hits", None), "the search hit")
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.open_entry is not None and app.main.open_entry.path == name
        await pilot.press("b")
        await pilot.pause()
        assert SHOWN in str(app.query_one(Sidebar).query_one("#meta", Static).render())
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        exported = list((Path(os.environ["READER_DATA_DIR"]) / "exports").glob("*.md"))
        assert len(exported) == 1
        assert f"source: '{library}/{SHOWN}'" in exported[0].read_text(encoding="utf-8")
    again, _ = ReadingState.load(tmp_path / "state.json")
    assert again.bookmarks() == [name] and again.is_read(name)


def _run_app_in_pty(folder: Path, home: Path, keys: list[bytes]) -> tuple[int, bytes]:
    env = dict(
        os.environ,
        TERM="xterm-256color",
        READER_CONFIG_DIR=str(home / "config"),
        READER_DATA_DIR=str(home / "data"),
        READER_CACHE_DIR=str(home / "cache"),
    )
    pid, fd = os.forkpty()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe(sys.executable, [sys.executable, "-m", "reader", str(folder)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()

    def read_until(wanted: bytes, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and wanted not in out:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                out.extend(chunk)

    status = -1
    try:
        read_until(b"3 articles", 60)
        for key in keys:
            os.write(fd, key)
            read_until(b"\0never", 0.5)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            read_until(b"\0never", 0.2)
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
    finally:
        if status == -1:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)
    return status, bytes(out)


def test_an_undecodable_name_in_a_real_terminal(library, tmp_path):
    status, raw = _run_app_in_pty(library, tmp_path / "home", [b"j", b"\r", b"b", b"q"])
    screen = raw.decode("utf-8", "replace")
    assert "Traceback" not in screen and "Error" not in screen
    assert "3 articles" in screen
    assert SHOWN in screen  # the sidebar's File line, the byte escaped
    assert os.waitstatus_to_exitcode(status) == 0
    state, _ = ReadingState.load(tmp_path / "home" / "data" / "state.json")
    assert state.bookmarks() == [_undecodable_path(library)]


@pytest.mark.parametrize("mode", ["--json", "--plain", "--markdown"])
def test_controls_in_a_file_name_are_escaped_in_every_output(tmp_path, mode):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / BIDI_NAME).write_bytes(_story("harbour"))
    with open(os.path.join(os.fsencode(folder), UNDECODABLE), "wb") as handle:
        handle.write(_story("zanzibarish"))
    (folder / "broken\u202e.md").write_bytes(b"")  # fails to load: its name is in an error line
    result = subprocess.run(
        [sys.executable, "-m", "reader", mode, str(folder)], capture_output=True, timeout=120
    )
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")  # valid UTF-8
    assert "Traceback" not in err
    for text in (out, err):
        found = {f"U+{ord(c):04X}" for c in CONTROL.findall(text)}
        assert not found, f"{mode} passed raw controls: {sorted(found)}"
    assert "broken\\u202e.md" in err
    if mode == "--markdown":
        assert "evil\\u202etxt.\\u2066exe\\u2069\\u2067x\\u2068y\\x1b[31m.txt" in out
        assert SHOWN in out
    if mode == "--json":
        paths = [json.loads(line)["path"] for line in out.splitlines()]
        assert str(folder / BIDI_NAME) in paths and _undecodable_path(folder) in paths


def test_a_title_made_from_an_undecodable_name_shows_the_byte(tmp_path):
    page = b"<html><body><p>A page with no headline, only this paragraph.</p></body></html>"
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9-notes.html")
    with open(name, "wb") as handle:
        handle.write(page)
    with ArticleCache.open(tmp_path / "cache.sqlite3") as cache:
        (summary,) = list_cached([os.fsdecode(name)], cache)
    assert summary.title == "Caf\\xe9 notes"
