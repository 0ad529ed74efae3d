"""Hostile article text through the real app in a real pseudo-terminal.

What counts is what reaches the terminal. The app is run twice under a pty
with the same keys: once on harmless articles and once on articles full of
markup and escape sequences (`tests/hostile.py`). Every kind of escape
sequence the hostile run writes must be one Textual also writes for the
harmless run; no OSC sequence, bell or C1 control may appear at all; and the
markup must be on screen as the literal text it is.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import struct
import sys
import termios
import time
from pathlib import Path

import pytest
from hostile import LITERAL_MARKUP, write_hostile_articles

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

_SEQUENCE = re.compile(
    r"\x1b\[([\x30-\x3f]*)[\x20-\x2f]*([\x40-\x7e])"  # CSI: parameters, final byte
    r"|\x1b\](\d*)[^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: its number
    r"|\x1b(.)"  # other escapes
    r"|([\x07\x80-\x9f])",  # a bell or a C1 control on its own
    re.S,
)
_KEYS = [b"\r", b"b", b"j", b"\r", b"\t", b"\t", b"]", b"j", b"\r", b"?", b"\x1b", b"q"]


def run_app(folder: Path, home: Path) -> bytes:
    """Run `reader folder` at 120x40, type the keys, return every byte it wrote."""
    env = dict(
        os.environ,
        TERM="xterm-256color",
        COLORTERM="truecolor",
        READER_CONFIG_DIR=str(home / "config"),
        READER_DATA_DIR=str(home / "data"),
        READER_CACHE_DIR=str(home / "cache"),
    )
    env.pop("EDITOR", None)
    pid, fd = os.forkpty()
    if pid == 0:
        os.execvpe(sys.executable, [sys.executable, "-m", "reader", str(folder)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()

    def read_until_quiet(quiet: float = 0.15, longest: float = 10.0) -> None:
        """Read until the app has written nothing for `quiet` seconds: the screen settled."""
        end = time.monotonic() + longest
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], quiet)
            if not ready:
                return
            try:
                out.extend(os.read(fd, 65536))
            except OSError:
                return

    try:
        deadline = time.monotonic() + 60
        while b"Quit" not in out and time.monotonic() < deadline:
            read_until_quiet()
        while b" article" not in out and time.monotonic() < deadline:
            read_until_quiet()  # the list title counts what loaded
        read_until_quiet()
        for key in _KEYS:
            os.write(fd, key)
            read_until_quiet()
        read_until_quiet(quiet=0.5)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return bytes(out)


def kinds(raw: bytes) -> set[str]:
    """Escape sequences by kind: CSI by private marker and final byte, OSC by number."""
    found = set()
    for match in _SEQUENCE.finditer(raw.decode("utf-8", "replace")):
        params, final, osc, single, control = match.groups()
        if final is not None:
            found.add(f"CSI {params[:1].strip('0123456789;:')} {final}")
        elif osc is not None:
            found.add(f"OSC {osc}")
        elif single is not None:
            found.add(f"ESC {single!r}")
        else:
            found.add(f"control {control!r}")
    return found


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[bytes, bytes]:
    base = tmp_path_factory.mktemp("ui-injection")
    harmless = base / "harmless"
    harmless.mkdir()
    for name, text in [
        ("a.md", '# A harmless note\n\nIt says "hello there," she said.\n'),
        ("b.txt", "A harmless scrape\n\nJust words in a paragraph here.\n"),
        (
            "c.html",
            "<html><head><title>Harmless page</title></head><body>"
            "<article><h1>Harmless page</h1><p>Plain words only, "
            "nothing else in this paragraph.</p></article></body></html>",
        ),
    ]:
        (harmless / name).write_text(text)
    hostile = base / "hostile"
    write_hostile_articles(hostile)
    return run_app(harmless, base / "home1"), run_app(hostile, base / "home2")


def test_the_app_painted_and_took_keys(runs):
    harmless, hostile = runs
    for raw in runs:
        assert b"Quit" in raw and b"\x1b[" in raw
    assert b"Hostile" in hostile


def test_no_link_clipboard_title_bell_or_c1_reaches_the_terminal(runs):
    _, hostile = runs
    found = kinds(hostile)
    for dangerous in ["OSC 0", "OSC 1", "OSC 2", "OSC 8", "OSC 52", "control '\\x07'"]:
        assert dangerous not in found
    assert not any(
        kind.startswith("control '\\x") and kind != "control '\\x07'" for kind in found
    ), found


def test_hostile_run_writes_no_kind_of_sequence_textual_does_not(runs):
    harmless, hostile = runs
    extra = kinds(hostile) - kinds(harmless)
    assert not extra, f"sequences only the hostile articles produced: {sorted(extra)}"


def test_markup_is_shown_as_text(runs):
    _, hostile = runs
    screen = hostile.decode("utf-8", "replace")
    shown = [m for m in LITERAL_MARKUP if m.split("]")[0] + "]" in screen]
    assert shown, "the literal markup should be visible somewhere on screen"
    assert "[bold red]" in screen
