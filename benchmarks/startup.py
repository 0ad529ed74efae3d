"""First frame: `reader DIR` against a minimal Textual app, both under a real pseudo-terminal.

The time is from spawning the process to the moment the terminal has been
sent the text that proves a frame was painted. Two moments are measured:

- first frame: the panes are on screen (reader: the reading pane's welcome
  and the sidebar's "Library", beside the list pane; the peer: its Static);
- with footer: the footer's key hints are there too (Textual fills the
  footer after the first frame, once focus and bindings are known).

Both apps run in the same session, alternately, each moment timed in the same spawn;
the ratio of medians counts.

    python benchmarks/make_library.py /tmp/lib10k --count 10000
    python benchmarks/startup.py /tmp/lib10k --runs 7
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Header()
        yield Static("minimal app ready")
        yield Footer()

Minimal().run()
"""


def time_to_screen(
    argv: list[str], moments: list[list[bytes]], env: dict[str, str], timeout: float = 30.0
) -> list[float]:
    """Seconds until each moment's markers have all appeared in what the program wrote to
    the terminal, from one spawn."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    times: list[float | None] = [None] * len(moments)
    try:
        os.set_blocking(fd, False)
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 1 << 16)
                except OSError:
                    break
                now = time.perf_counter() - start
                for index, markers in enumerate(moments):
                    if times[index] is None and all(marker in seen for marker in markers):
                        times[index] = now
                if all(t is not None for t in times):
                    return times
        raise RuntimeError(f"{argv} never painted {moments}; got {seen[-400:]!r}")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", help="folder of articles (make_library.py makes one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="reader-bench-")
    env = dict(
        os.environ,
        TERM="xterm-256color",
        READER_CONFIG_DIR=f"{home}/config",
        READER_DATA_DIR=f"{home}/data",
        READER_CACHE_DIR=f"{home}/cache",
    )
    peer_file = Path(home) / "minimal_app.py"
    peer_file.write_text(MINIMAL_APP)
    reader_cmd = [sys.executable, "-m", "reader", args.library]
    peer_cmd = [sys.executable, str(peer_file)]
    # Warm the OS cache and write reader's bytecode, as any earlier run would on a user's
    # machine (Textual's came with its install). Without this, PYTHONDONTWRITEBYTECODE=1
    # in the environment makes reader compile its source at every start and Textual not.
    warm_env = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-c", "import textual.app, reader.cli, reader.ui.app"],
        check=True,
        env=warm_env,
    )
    names = ["first frame", "with footer"]
    peer_moments = [[b"ready"], [b"ready", b"Quit"]]
    reader_moments = [[b"Library", b"Nothing open"], [b"Library", b"Nothing open", b"Quit"]]
    peer_times: list[list[float]] = [[] for _ in names]
    reader_times: list[list[float]] = [[] for _ in names]
    for _ in range(args.runs):
        for times, result in (
            (peer_times, time_to_screen(peer_cmd, peer_moments, env)),
            (reader_times, time_to_screen(reader_cmd, reader_moments, env)),
        ):
            for index, seconds in enumerate(result):
                times[index].append(seconds)
    for index, moment in enumerate(names):
        peer, ours = statistics.median(peer_times[index]), statistics.median(reader_times[index])
        print(f"{moment}:")
        for name, median, times in [
            ("  minimal Textual app", peer, peer_times[index]),
            (f"  reader {args.library}", ours, reader_times[index]),
        ]:
            print(f"{name}: median {median * 1000:.0f} ms  {[round(t * 1000) for t in times]}")
        print(f"  ratio reader / minimal: {ours / peer:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
