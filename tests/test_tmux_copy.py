"""`y` inside a real tmux: the copy lands in a tmux paste buffer, and reaches the terminal's
clipboard when tmux's settings allow it, with words that say which happened.

The "terminal" is an outer tmux server with `set-clipboard on`: it keeps whatever OSC 52
reaches it as a paste buffer of its own, so `show-buffer` on it shows what a real
terminal would have put on the system clipboard. Each test runs its own servers on
sockets in its own folder, never the tmux the tests may be run from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = Path(__file__).parent / "fixtures" / "library" / "harbour-ferry-timetable.md"
TITLE = "Harbour ferries move to a winter timetable"
BODY_WORDS = "We carried more people"

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="needs tmux (apt-get install -y tmux)"
)


class Tmux:
    """One tmux server on its own socket."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, check=False
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {done.stderr}")
        return done.stdout

    def buffer(self) -> str:
        return self("show-buffer", check=False)

    def screen(self, target: str) -> str:
        return self("capture-pane", "-p", "-J", "-t", target, check=False)


def notice_text(screen: str) -> str:
    """The words of the notification, which Textual draws to the right of a "▌" edge."""
    parts = [line.rsplit("▌", 1)[1].strip() for line in screen.splitlines() if "▌" in line]
    return " ".join(part for part in parts if part)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.fixture
def servers(tmp_path, monkeypatch) -> Iterator[tuple[Tmux, Tmux]]:
    """(terminal, inner): the outer server stands in for the terminal reader's tmux runs in."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # this checkout's reader, in every pane
    terminal, inner = Tmux(tmp_path / "terminal.sock"), Tmux(tmp_path / "inner.sock")
    yield terminal, inner
    for server in (inner, terminal):
        server("kill-server", check=False)


def start(terminal: Tmux, inner: Tmux, tmp_path: Path, set_clipboard: str) -> None:
    """reader in the inner tmux, with `set-clipboard` as given, attached inside the terminal."""
    config = tmp_path / "tmux.conf"
    config.write_text(f"set -g set-clipboard {set_clipboard}\n")
    command = f"{sys.executable} -m reader {ARTICLE}"
    inner("-f", str(config), "new-session", "-d", "-s", "r", "-x", "110", "-y", "38", command)
    terminal("-f", os.devnull, "new-session", "-d", "-s", "t", "-x", "120", "-y", "40")
    terminal("set", "-g", "set-clipboard", "on")
    terminal("send-keys", "-t", "t", f"env -u TMUX tmux -S {inner.socket} attach -t r", "Enter")
    wait_for(lambda: TITLE[:20] in inner.screen("r"), "reader's list")
    wait_for(lambda: "attached" in inner("list-sessions"), "the client to attach")
    if BODY_WORDS not in inner.screen("r"):
        inner("send-keys", "-t", "r", "Enter")
    wait_for(lambda: BODY_WORDS in inner.screen("r"), "the article to open")


@pytest.mark.parametrize("set_clipboard", ["on", "external"])
def test_y_fills_a_tmux_buffer_and_reaches_the_terminal(servers, tmp_path, set_clipboard):
    terminal, inner = servers
    start(terminal, inner, tmp_path, set_clipboard)
    inner("send-keys", "-t", "r", "y")
    wait_for(lambda: TITLE in inner.buffer(), "a tmux paste buffer")
    assert inner.buffer().startswith("---\ntitle: ")
    assert BODY_WORDS in inner.buffer()
    wait_for(lambda: TITLE in terminal.buffer(), "the copy to reach the terminal")
    assert terminal.buffer() == inner.buffer()
    wait_for(lambda: "clipboard" in notice_text(inner.screen("r")), "the notice")
    assert notice_text(inner.screen("r")).startswith("Copied the article (")
    assert notice_text(inner.screen("r")).endswith("characters) to the clipboard")


def test_with_set_clipboard_off_y_says_what_to_set_and_claims_no_clipboard(servers, tmp_path):
    terminal, inner = servers
    start(terminal, inner, tmp_path, "off")
    inner("send-keys", "-t", "r", "y")
    wait_for(lambda: TITLE in inner.buffer(), "a tmux paste buffer")
    wait_for(lambda: "tmux.conf" in notice_text(inner.screen("r")), "the advice")
    notice = notice_text(inner.screen("r"))
    assert notice.startswith("Copied the article to a tmux paste buffer only")
    assert "add `set -g set-clipboard on` to ~/.tmux.conf" in notice
    time.sleep(0.5)  # nothing is on its way to the terminal; give a stray one time to land
    assert TITLE not in terminal.buffer()
