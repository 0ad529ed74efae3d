"""reader only ever reads articles: nothing under the folder is created, changed or touched.

Access times are first set well before modification times, because with the
usual `relatime` mount option the kernel refreshes atime on a read exactly
then: any read (or folder listing) without O_NOATIME would show up. The test
itself reads with O_NOATIME and lists folders only after the final snapshot.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import write_hostile_articles

from reader.library import bundled_samples

READER = [sys.executable, "-m", "reader"]
LONG_AGO_NS = 1_500_000_000 * 10**9  # 2017: older than any mtime, so relatime would refresh it
NOATIME = getattr(os, "O_NOATIME", 0)


def _build(folder: Path) -> list[Path]:
    """Write a small library of articles and non-articles; return every path made."""
    for sample in sorted(Path(bundled_samples()).glob("*")):
        if sample.is_file():
            (folder / sample.name).write_bytes(sample.read_bytes())
    write_hostile_articles(folder / "nested" / "hostile")
    (folder / "no-extension").write_text(
        "A headline without a file extension\n\nThe story is plain text, sniffed before "
        "it is offered, which means scan reads its first bytes.\n",
        encoding="utf-8",
    )
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden.txt").write_text("Hidden\n\nNot listed.\n", encoding="utf-8")
    return sorted([folder, *folder.rglob("*")])


def _read_without_touching(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | NOATIME)
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def _snapshot(paths: list[Path]) -> dict[Path, tuple]:
    """Type, size, times and contents of each path, read without moving access times."""
    state: dict[Path, tuple] = {}
    for path in paths:
        info = path.lstat()
        content = _read_without_touching(path) if path.is_file() else None
        state[path] = (
            info.st_mode,
            info.st_size,
            info.st_mtime_ns,
            info.st_atime_ns,
            info.st_ctime_ns,
            content,
        )
    return state


def _changes(before: dict[Path, tuple], after: dict[Path, tuple]) -> list[str]:
    fields = ("mode", "size", "mtime", "atime", "ctime", "contents")
    return sorted(
        f"{field} of {path}"
        for path in before
        for field, old, new in zip(fields, before[path], after[path], strict=True)
        if old != new
    )


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "library"
    folder.mkdir()
    paths = _build(folder)
    for path in paths:
        os.utime(path, ns=(LONG_AGO_NS, path.lstat().st_mtime_ns))
    return folder, paths


@pytest.mark.parametrize("mode", ["--json", "--plain"])
def test_reader_leaves_the_folder_exactly_as_it_was(library, mode, tmp_path):
    folder, paths = library
    before = _snapshot(paths)
    assert all(state[3] == LONG_AGO_NS for state in before.values())
    env = dict(
        os.environ,
        **{
            name: os.fspath(tmp_path / name.lower())
            for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")
        },
    )
    done = subprocess.run(
        READER + [mode, os.fspath(folder)],
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert done.returncode == 1, done.stderr  # empty.txt fails; everything else loads
    assert b"Traceback" not in done.stderr
    assert b"The story is plain text" in done.stdout
    after = _snapshot(paths)
    assert _changes(before, after) == []
    assert sorted([folder, *folder.rglob("*")]) == paths, "reader created or removed files"
