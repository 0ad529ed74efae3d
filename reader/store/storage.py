"""Crash-safe file writes and forgiving JSON loads for reader's own files.

A reader is closed by a terminal window vanishing, a laptop lid, a
`kill -9`. State written in place would be cut short at those moments and
the user would lose every read mark. Writing a new file beside the old one
and renaming it over means a reader of the path always sees either the
whole old file or the whole new one.

Reader's files are only ever written inside its own folders: a name there
that is a link (to a user's file, to /dev/zero, to nowhere) is replaced by a
real file, never written through. They are only read when they are regular
files of a bounded size: a FIFO would hang the read, /dev/zero would fill memory.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import stat
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TypeVar

T = TypeVar("T")

TEMP_SUFFIX: Final = ".tmp"
STALE_TEMP_SECONDS: Final = 3600
"""Temporary files older than this were left by a killed writer, never by a live one."""
MAX_STATE_BYTES: Final = 32 * 1024 * 1024
"""Far above the largest state reader writes (20,000 entries are about 3 MB)."""
LOCK_WAIT_SECONDS: Final = 5.0
"""How long a save waits for another reader's save before going ahead without the lock:
a save holds it for milliseconds, so only a stopped (Ctrl-Z) reader holds it this long."""
_NOFOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)


class UnusableFile(OSError):
    """One of reader's files is not a regular file of a sane size; the message says which."""


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, read without blocking.

    Raises FileNotFoundError for a missing file, `UnusableFile` for a FIFO, socket or
    device (or a link to one) and for a file over `limit`, OSError for the rest.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnusableFile("not a regular file (a pipe, device or link to one)")
        if info.st_size > limit:
            raise UnusableFile(f"larger than {limit // 2**20} MB")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise UnusableFile(f"larger than {limit // 2**20} MB")
    return b"".join(chunks)


def read_head(path: str | os.PathLike[str], size: int) -> bytes:
    """The first `size` bytes of a regular file, read without blocking (else `UnusableFile`)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnusableFile("not a regular file (a pipe, device or link to one)")
        return os.read(fd, size)
    finally:
        os.close(fd)


@contextlib.contextmanager
def exclusive_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold `path.lock` (beside `path`) exclusively, so concurrent read-merge-writes of `path`
    by several readers happen one after another.

    An flock is released by the kernel when its holder dies, so a crash never leaves the
    lock taken. Where no lock can be had (no fcntl, a read-only folder) the body runs
    anyway: the write that follows reports the real problem.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    target = Path(path)
    lock = target.with_name(target.name + ".lock")
    fd = _open_lock(lock)
    if fd is None:
        yield
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.002)
        yield
    finally:
        os.close(fd)


def _open_lock(lock: Path) -> int | None:
    flags = os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0)
    for _attempt in range(2):
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, flags, 0o600)
        except OSError:
            if not lock.is_symlink():
                return None
            with contextlib.suppress(OSError):
                lock.unlink()  # a link in reader's folder is replaced, never followed
            continue
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return fd
        os.close(fd)
        return None
    return None


def atomic_write(path: str | os.PathLike[str], data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` so that a crash at any moment leaves old or new, never a mix.

    The bytes go to a temporary file in the same folder (a rename is only
    atomic within one file system), are flushed and fsynced, the file is
    renamed over the target, and the folder is fsynced so the rename itself
    survives a power cut. A target that is a link (or a FIFO, a device) is
    replaced by the new file, never written through: reader writes only
    inside its own folders. `mode` defaults to the existing regular file's
    permissions, or to 0o666 less the umask for a new file.
    """
    target = Path(path)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    if mode is None:
        with contextlib.suppress(OSError):
            info = os.lstat(target)
            if stat.S_ISREG(info.st_mode):
                mode = info.st_mode & 0o7777
    temp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666 if mode is None else mode)
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # the umask must not narrow an existing file's mode
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; platforms that cannot open folders (Windows) skip it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the data itself is already synced
    finally:
        os.close(fd)


def remove_stale_temps(path: str | os.PathLike[str], older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete temporary files a killed writer left beside `path`; returns how many.

    Only files old enough that no live writer can still own them are
    removed, so two running readers never delete each other's work.
    """
    target = Path(path)
    cutoff = time.time() - older_than
    removed = 0
    try:
        candidates = list(target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"))
    except OSError:
        return 0
    for candidate in candidates:
        with contextlib.suppress(OSError):
            if candidate.stat().st_mtime < cutoff:
                candidate.unlink()
                removed += 1
    return removed


def load_json_state(path: str | os.PathLike[str], default: T) -> tuple[T, str | None]:
    """Load JSON from `path`, or return `default` and a message saying what went wrong.

    Never raises on bad content: a missing file is the normal first run (no
    message); a file that is not valid JSON, or not the same kind of value
    as `default` (say a list where a dict belongs), is moved aside as
    `name.corrupt-<timestamp>` so the user can still inspect it, and the
    default is used. A file that cannot be read, or is no regular file of at most
    `MAX_STATE_BYTES`, is left where it is (the next write replaces it).
    """
    source = Path(path)
    remove_stale_temps(source)
    try:
        raw = read_regular_file(source, MAX_STATE_BYTES)
    except FileNotFoundError:
        return copy.deepcopy(default), None
    except OSError as error:
        reason = error.strerror or str(error)
        return copy.deepcopy(default), f"Could not read {source} ({reason}); using defaults."
    try:
        value = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        problem = "it is not UTF-8 text"
    except json.JSONDecodeError as error:
        problem = f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
    except RecursionError:
        problem = "it is nested too deeply"
    else:
        if default is None or isinstance(value, type(default)):
            return value, None
        problem = f"expected a JSON {_kind(default)}, found a {_kind(value)}"
    moved = move_aside(source)
    where = f"moved to {moved.name}" if moved else "could not be moved aside"
    message = f"{source.name} was damaged ({problem}); {where}; starting fresh."
    return copy.deepcopy(default), message


def move_aside(path: Path) -> Path | None:
    """Rename a damaged file to `name.corrupt-<timestamp>` beside it; None if that fails."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f".corrupt-{stamp}" + (f"-{attempt}" if attempt else "")
        aside = path.with_name(path.name + suffix)
        if aside.exists():
            continue
        try:
            os.replace(path, aside)
        except OSError:
            return None
        return aside
    return None


def _kind(value: Any) -> str:
    names = {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)
