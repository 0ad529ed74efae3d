"""How reader ends when the world around it fails: a closed pipe, a folder it cannot write.

`reader --json DIR | head -1` must stop quietly, as Unix tools do. Quitting
with reading state that cannot be saved must say so once and exit non-zero;
a bookmark made just before `q` must be kept when it can be.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from reader.library import bundled_samples
from reader.store.state import ReadingState

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pipes and ptys")


@pytest.fixture(scope="module")
def big_library(tmp_path_factory) -> Path:
    """Enough articles that the output overflows a pipe's buffer several times."""
    folder = tmp_path_factory.mktemp("big")
    for copy in range(6):
        for sample in bundled_samples().iterdir():
            shutil.copy(sample, folder / f"{copy}-{sample.name}")
    return folder


@pytest.mark.parametrize("mode", ["--json", "--plain", "--markdown"])
def test_a_closed_pipe_ends_reader_quietly(big_library: Path, tmp_path: Path, mode: str):
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", mode, str(big_library)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()  # `head -1`
    process.stdout.close()
    try:
        errors = process.stderr.read().decode("utf-8", "replace")
        status = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in errors and "BrokenPipe" not in errors and "Exception" not in errors
    assert errors == ""
    assert status == 1


def _run_app(note: Path, data: Path, keys: list[bytes]) -> tuple[int, str]:
    """`reader NOTE` in a real terminal; type `keys` once it is drawn; status and output."""
    env = dict(os.environ, TERM="xterm-256color", READER_DATA_DIR=str(data))
    pid, fd = os.forkpty()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe(sys.executable, [sys.executable, "-m", "reader", str(note)], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()
    status = None

    def read_for(seconds: float, until: bytes = b"\0never") -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and until not in out:
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                out.extend(chunk)

    try:
        read_for(60, until=b"1 article")
        for key in keys:
            os.write(fd, key)
            read_for(0.3)
        end = time.monotonic() + 30
        while status is None and time.monotonic() < end:
            read_for(0.2)
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
    finally:
        if status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 9)
            os.waitpid(pid, 0)
        read_for(0.2)
        os.close(fd)
    return (-1 if status is None else status), out.decode("utf-8", "replace")


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "library" / "note.md"
    path.parent.mkdir()
    path.write_text("# A note\n\nSome words in a paragraph here.\n")
    return path


def test_a_bookmark_made_just_before_quitting_is_kept(tmp_path: Path, note: Path):
    status, output = _run_app(note, tmp_path / "data", [b"\r", b"b", b"q"])
    assert status == 0, output[-2000:]
    state, _ = ReadingState.load(tmp_path / "data" / "state.json")
    assert state.is_bookmarked(note) and state.is_read(note)


def test_quitting_when_state_cannot_be_saved_says_so_and_fails(tmp_path: Path, note: Path):
    blocker = tmp_path / "not-a-folder"  # stands in for a read-only folder (tests run as root)
    blocker.write_text("a file where the data folder should be")
    status, output = _run_app(note, blocker / "data", [b"\r", b"b", b"q"])
    assert status == 1, output[-2000:]
    assert "Traceback" not in output
    assert "Could not save reading state: Could not save" not in output
    said = output.count("reader: Could not save reading state to")
    assert said == 1, output[-2000:]
    assert "the last changes are lost" in output


async def test_a_failing_save_is_shown_once_without_a_doubled_prefix(tmp_path: Path, note: Path):
    from reader.ui.app import ReaderApp

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    state = ReadingState(blocker / "data" / "state.json", debounce=0)
    app = ReaderApp([str(note)], state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_until_loaded()
        await pilot.press("b")
        for _ in range(3):  # the timer saves every 2 s; each save fails the same way
            app._save_state()
            await pilot.pause()
        await pilot.press("b")
        app._save_state()
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications if "save" in str(n.message)]
        assert len(shown) == 1, shown
        assert shown[0].startswith("Could not save reading state to ")
        assert "state.json" in shown[0]
