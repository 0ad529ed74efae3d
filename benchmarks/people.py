"""The People view's first paint at scale, against the article list's own, in a real terminal.

`reader DIR` runs under a pseudo-terminal of 120x40 with a warm cache (the first,
untimed run fills it). From one spawn, three moments are taken from what the app
writes to the terminal:

- first frame: the panes are on screen (the sidebar's "Library");
- list painted: the list's first rows are on screen (the first file's title);
- all listed: the list's title counts every file;
- People painted: then `P` is sent, and the time runs until the People view's title
  and its most quoted person are on screen (rows may still be coming: the title
  then says how many articles are still to come);
- People complete: until the title names every person, with nothing still to come.

The People view's first paint (from the key) is set against the list's first paint
(from the spawn, what a user waits for when opening the library), as a ratio; the
list's share after its first frame is printed too. The ratio of medians counts.

    python benchmarks/make_library.py /tmp/lib10k --count 10000
    python benchmarks/people.py /tmp/lib10k --runs 7
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
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

SIZE = (40, 120)


class Terminal:
    """A program under a pseudo-terminal, and everything it has written so far."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.start = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", *SIZE, 0, 0))
        os.set_blocking(self.fd, False)
        self.seen = b""

    def wait_for(
        self, markers: list[bytes], since: int = 0, timeout: float = 120.0, unless_next: bytes = b""
    ) -> float:
        """Seconds from the spawn until every marker has appeared after offset `since`
        (not followed by `unless_next`, if given)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if all(self._shows(marker, since, unless_next) for marker in markers):
                return time.perf_counter() - self.start
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                with contextlib.suppress(BlockingIOError):
                    self.seen += os.read(self.fd, 1 << 20)
        raise RuntimeError(f"never painted {markers}; last output {self.seen[-300:]!r}")

    def _shows(self, marker: bytes, since: int, unless_next: bytes) -> bool:
        found = self.seen.find(marker, since)
        while found >= 0 and unless_next:
            after = found + len(marker)
            if len(self.seen) > after + len(unless_next) and not self.seen.startswith(
                unless_next, after
            ):
                return True
            found = self.seen.find(marker, after)
        return found >= 0

    def send(self, keys: bytes) -> tuple[float, int]:
        """Type `keys`; returns when (seconds from the spawn) and the output offset then."""
        while True:  # take in what is pending, so older output cannot match
            ready, _, _ = select.select([self.fd], [], [], 0)
            if not ready:
                break
            with contextlib.suppress(BlockingIOError):
                self.seen += os.read(self.fd, 1 << 20)
        os.write(self.fd, keys)
        return time.perf_counter() - self.start, len(self.seen)

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def expectations(library: str, env: dict[str, str]) -> tuple[bytes, bytes, bytes, bytes]:
    """What proves each paint: the first listed title, the list title once every file is
    in, the most quoted person, and the People view's title once every person is in.
    `reader --people` also fills the cache."""
    from reader.library import scan

    found = scan([library])
    out = subprocess.run(
        [sys.executable, "-m", "reader", "--people", library],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    records = [json.loads(line) for line in out.splitlines()]
    failed = sum(1 for record in records if "error" in record)
    top = next(record["name"] for record in records if "name" in record)
    named = sum(1 for record in records if "name" in record)
    complete = f"People · {named:,} named · most quoted"  # and no "· N more articles"
    first = subprocess.run(
        [sys.executable, "-m", "reader", "--json", found.files[0]],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    title = json.loads(first)["title"] if '"title"' in first else os.path.basename(found.files[0])
    listed = f"{len(found.files) - failed:,} articles, {failed:,} failed"
    return title[:20].encode(), listed.encode(), top.encode(), complete.encode()


def one_run(argv: list[str], env: dict[str, str], marks: tuple[bytes, bytes, bytes, bytes]) -> dict:
    first_title, listed, top, complete = marks
    terminal = Terminal(argv, env)
    try:
        frame = terminal.wait_for([b"Library"])
        rows = terminal.wait_for([first_title])
        every = terminal.wait_for([listed])
        sent, offset = terminal.send(b"P")
        people = terminal.wait_for([b"People \xc2\xb7", top], since=offset)
        whole = terminal.wait_for([complete], since=offset, unless_next=" ·".encode())
    finally:
        terminal.close()
    return {
        "frame": frame,
        "list": rows,
        "listed": every,
        "people": people - sent,
        "complete": whole - sent,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", help="folder of articles (make_library.py makes one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="reader-people-")
    env = dict(
        os.environ,
        TERM="xterm-256color",
        READER_CONFIG_DIR=f"{home}/config",
        READER_DATA_DIR=f"{home}/data",
        READER_CACHE_DIR=os.environ.get("READER_CACHE_DIR", f"{home}/cache"),
    )
    marks = expectations(args.library, env)
    argv = [sys.executable, "-m", "reader", args.library]
    one_run(argv, env, marks)  # warm: bytecode, OS file cache
    runs = [one_run(argv, env, marks) for _ in range(args.runs)]
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    for key, label in [
        ("frame", "first frame (from spawn)"),
        ("list", "article list painted (from spawn)"),
        ("listed", "every file listed (from spawn)"),
        ("people", "People view painted (from P)"),
        ("complete", "People view complete (from P)"),
    ]:
        times = [round(run[key] * 1000) for run in runs]
        print(f"{label}: median {median[key] * 1000:.0f} ms  {times}")
    print(f"list after its first frame: {(median['list'] - median['frame']) * 1000:.0f} ms")
    print(f"ratio People / list first paint: {median['people'] / median['list']:.2f} (target 1.3)")


if __name__ == "__main__":
    main()
