"""First list row: `reader DIR` against a minimal Textual app's first frame, under a real pty.

What a user waits for after typing `reader ~/Articles` is the first row of
the list, so that is the moment timed: from spawning the process until the
terminal has been sent a list row (its mark: "●" for an unread article, "◌"
for a file listed by name while it is cleaned, as on a cold cache). reader's
own first frame (its key hints) and its first title (the first "●": a row
showing an article, not a file name) are reported beside it. The peer is a
minimal Textual app (Header, Static, Footer); its moment is its first frame.

Two caches, each run with a throw-away reading state:

- warm: the article cache a full load of the library left (made once, or
  reused with --warm-cache), so the list comes from SQLite;
- cold: an empty cache, so the first rows are cleaned from the files.

"Cold" is reader's cache, not the OS page cache: every file has been read
once before timing. The peer, reader warm and reader cold are spawned in
turn, round after round, so load on the machine falls on all of them; the
ratio of medians counts.

    python benchmarks/make_library.py /tmp/lib10k --count 10000
    python benchmarks/startup.py /tmp/lib10k --runs 9 --warm-cache /tmp/lib10k-cache
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import select
import shutil
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


def cpu_seconds(pid: int) -> float:
    """CPU time the process has used so far, all its threads, user and system."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_to_screen(
    argv: list[str],
    moments: list[list[bytes]],
    env: dict[str, str],
    folder: str,
    timeout: float = 30.0,
) -> list[tuple[float, float]]:
    """Seconds until each moment has appeared in what the program wrote to the terminal
    (any one of its markers), from one spawn in `folder`, and the CPU seconds it had used
    by then (which a loaded machine inflates far less than the wall clock)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(folder)
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    times: list[tuple[float, float] | None] = [None] * len(moments)
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
                    if times[index] is None and any(marker in seen for marker in markers):
                        times[index] = (now, cpu_seconds(pid))
                done = [t for t in times if t is not None]
                if len(done) == len(times):
                    return done
        raise RuntimeError(f"{argv} never painted {moments}; got {seen[-400:]!r}")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


FILL_CACHE = """
import sys
from reader.library import scan
from reader.store.cache import ArticleCache, list_cached
found = scan([sys.argv[1]])
cache = ArticleCache.open()
print(sum(1 for _ in list_cached(found.files, cache)), "files in the cache")
cache.close()
"""


def warm_cache(library: str, folder: str | None, env: dict[str, str]) -> str:
    """A cache folder holding the whole library: `folder` if it has one, else made (minutes)."""
    target = Path(folder or tempfile.mkdtemp(prefix="reader-bench-cache-"))
    if not any(target.glob("*")):
        print(f"filling the cache in {target} (once; pass --warm-cache {target} to reuse it)")
        subprocess.run(
            [sys.executable, "-c", FILL_CACHE, library],
            check=True,
            env=dict(env, READER_CACHE_DIR=str(target)),
            cwd=tempfile.gettempdir(),
        )
    # A cache filled by other cleaning code is emptied by the first run that opens it:
    # "warm" would be cold.
    stored = (
        f"import sqlite3; db = sqlite3.connect({str(target / 'articles.sqlite3')!r}); "
        "print(db.execute(\"SELECT value FROM meta WHERE key = 'version'\").fetchone()[0], "
        "db.execute('SELECT count(*) > 0 FROM articles').fetchone()[0])"
    )
    current = "from reader.store.cache import cleaner_version; print(cleaner_version(), 1)"
    if python_output(stored, env) != python_output(current, env):
        sys.exit(f"{target} is empty or was filled by other cleaning code: empty it, to fill it")
    return str(target)


def python_output(code: str, env: dict[str, str]) -> str:
    """What `python -c code` prints, run outside the current folder (which may hold a checkout
    that `python -c` would import before the one PYTHONPATH names)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env=env,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
    ).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", help="folder of articles (make_library.py makes one)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm-cache", help="cache folder to fill once and reuse")
    parser.add_argument(
        "--baseline", help="another checkout of reader timed in the same rounds (before/after)"
    )
    parser.add_argument(
        "--baseline-warm-cache",
        help="the baseline's own warm cache folder, filled once by it (needed when it cleans "
        "differently: a cache is keyed by the cleaning code)",
    )
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="reader-bench-")
    env = dict(os.environ, TERM="xterm-256color", READER_CONFIG_DIR=f"{home}/config")
    # Every spawn runs in this folder, which holds only the peer's script. `python -m reader`
    # imports from its folder first (so not the caller's, which may hold a checkout) and
    # the peer from its script's: the same small folder for both. A crowded one such as
    # /tmp (17,000 entries here) costs whoever searches it ~10 ms a listing, and Python lists
    # it again whenever it changes.
    run_folder = Path(home) / "run"
    run_folder.mkdir()
    peer_file = run_folder / "minimal_app.py"
    peer_file.write_text(MINIMAL_APP)
    # Warm the OS cache and write the bytecode of every reader module, as any earlier run
    # (or pip) does on a user's machine; Textual's came with its install. Without this,
    # PYTHONDONTWRITEBYTECODE=1 in the environment makes reader compile its source at every
    # start, and Textual not: the cache and search modules the loader imports, and on a cold
    # cache every cleaning module.
    warm_env = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    for checkout in [args.baseline] if args.baseline else []:
        subprocess.run([sys.executable, "-m", "compileall", "-q", f"{checkout}/reader"], check=True)
    reader_package = python_output(
        "import reader, os; print(os.path.dirname(reader.__file__))", warm_env
    )
    subprocess.run([sys.executable, "-m", "compileall", "-q", reader_package], check=True)
    python_output("import textual.app, reader.cli, reader.ui.app", warm_env)
    warm = warm_cache(args.library, args.warm_cache, env)
    baseline_warm = warm
    if args.baseline and args.baseline_warm_cache:
        baseline_env = dict(env, PYTHONPATH=args.baseline)
        baseline_warm = warm_cache(args.library, args.baseline_warm_cache, baseline_env)
    elif args.baseline:
        # One warm cache serves both only if both clean alike: else the first to open it
        # would empty it for the other.
        fingerprint = "from reader.store.cache import cleaner_version; print(cleaner_version())"
        baseline_env = dict(warm_env, PYTHONPATH=args.baseline)
        if python_output(fingerprint, warm_env) != python_output(fingerprint, baseline_env):
            sys.exit("the baseline cleans differently: give it --baseline-warm-cache")
    for path in Path(args.library).rglob("*"):  # every file read once: the OS cache is warm
        if path.is_file():
            path.read_bytes()
    reader_cmd = [sys.executable, "-m", "reader", args.library]
    peer_cmd = [sys.executable, str(peer_file)]
    peer_moments = [[b"ready"]]
    unread, loading = "\u25cf ".encode(), "\u25cc ".encode()
    # Key hints; a row's mark, for an article or for a file listed by name while it is
    # cleaned; an article's unread mark.
    reader_moments = [[b"Quit"], [unread, loading], [unread]]
    moment_names = ["first frame", "first row", "first title"]
    contenders: list[tuple[str, list[str], list[list[bytes]], str, str | None]] = [
        ("minimal app", peer_cmd, peer_moments, "", None)
    ]
    checkouts = [(args.baseline, "baseline ")] if args.baseline else []
    for checkout, label in [*checkouts, (None, "")]:
        for cache in ("warm", "cold"):
            name = f"{label}reader {cache}"
            contenders.append((name, reader_cmd, reader_moments, cache, checkout))
    times: dict[str, list[tuple[float, float]]] = {}
    for run in range(args.runs):
        for name, argv, moments, cache, checkout in contenders:
            cold = f"{home}/cold-{run}-{len(times)}"
            spawn_env = dict(
                env,
                READER_DATA_DIR=f"{home}/data-{run}-{len(times)}",
                READER_CACHE_DIR=(baseline_warm if checkout else warm) if cache == "warm" else cold,
            )
            if checkout:
                spawn_env["PYTHONPATH"] = checkout
            result = time_to_screen(argv, moments, spawn_env, str(run_folder))
            for moment, seconds in zip(moment_names, result, strict=False):
                times.setdefault(f"{name}, {moment}", []).append(seconds)
            shutil.rmtree(cold, ignore_errors=True)
    peer = times["minimal app, first frame"]
    peer_wall = statistics.median(wall for wall, _ in peer)
    peer_cpu = statistics.median(cpu for _, cpu in peer)
    print(f"{args.runs} rounds, load average at the end {os.getloadavg()[0]:.1f}")
    print(f"{'median of the rounds':34} {'wall':>7} ratio {'CPU':>7} ratio  (wall, each round)")
    for name, measured in times.items():
        wall = statistics.median(seconds for seconds, _ in measured)
        cpu = statistics.median(cpu for _, cpu in measured)
        print(
            f"{name:34} {wall * 1000:4.0f} ms {wall / peer_wall:5.2f} {cpu * 1000:4.0f} ms "
            f"{cpu / peer_cpu:5.2f}  {[round(seconds * 1000) for seconds, _ in measured]}"
        )
    print("target: reader's first row within 1.3x the minimal app's first frame, warm and cold")
    print("(first title: the first row that shows an article, not a file name being cleaned)")


if __name__ == "__main__":
    main()
