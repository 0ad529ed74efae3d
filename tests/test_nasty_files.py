"""A folder of the worst files a user could point reader at.

Each file is generated in `tmp_path` (nothing big is committed). For each we
check what `scan` and `load_all` make of it, and that `reader --json` on the
whole folder prints one line per file, exits 1 and never shows a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader import clean
from reader.library import load_all, scan
from reader.model import Article, LoadError

READER = [sys.executable, "-m", "reader"]
BIG_HTML = 200 * 2**20
LONG_LINE = 10 * 2**20

PROSE = (
    "Late on Tuesday the harbour board agreed to dredge the eastern channel, "
    "ending a dispute that had run for most of the year. "
)
WESTERN = "Le café était fermé. Señor Muñoz: «très bien», dit-il. Straße, Größe, Øresund."
SMART = "He said \u201cit\u2019s over\u201d \u2014 and left; the bill was \u20ac5 \u2026 or so."


def _write_sparse(path: Path, head: bytes, size: int) -> None:
    """A file of `size` bytes that costs no memory or disk: the head, then a hole."""
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)


def _write_streamed(path: Path, chunk: bytes, size: int) -> None:
    """A real (not sparse) file written chunk by chunk, never held whole in memory."""
    with open(path, "wb") as handle:
        written = 0
        while written < size:
            handle.write(chunk)
            written += len(chunk)


def _build_corpus(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def put(key: str, name: str | bytes, data: bytes) -> None:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        path.write_bytes(data)
        files[key] = path

    put("empty", "empty.txt", b"")
    put("blank", "blank.md", b"  \n\n\t \n")
    put("png", "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    put("elf", "program", b"\x7fELF\x02\x01\x01" + bytes(200))
    archive = folder / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("story.txt", PROSE * 5)
    files["zip"] = archive
    put("zip_as_text", "not-really-text.txt", archive.read_bytes())
    put("png_as_html", "not-really-a-page.html", b"\x89PNG\r\n\x1a\n" + bytes(512))
    files["huge_html"] = folder / "huge.html"
    _write_sparse(files["huge_html"], b"<!doctype html><html><body><p>" + PROSE.encode(), BIG_HTML)
    files["long_line"] = folder / "one-line.txt"
    _write_streamed(files["long_line"], PROSE.encode() * 512, LONG_LINE)
    put(
        "deep",
        "deep.html",
        b"<html><head><title>Deep page</title></head><body>"
        + b"<div>" * 100_000
        + PROSE.encode()
        + b"</div>" * 100_000
        + b"</body></html>",
    )
    put(
        "utf16",
        "utf16.txt",
        ("Harbour dredging approved\n\n" + PROSE + SMART + "\n").encode("utf-16"),
    )
    put("latin1", "latin1.txt", f"Western headline\n\n{PROSE}{WESTERN}\n".encode("latin-1"))
    put("cp1252", "cp1252.txt", f"Smart quotes headline\n\n{PROSE}{SMART}\n".encode("cp1252"))
    put(
        "bad_utf8",
        "broken-utf8.txt",
        f"Broken bytes headline\n\n{PROSE}{SMART}\n".encode()
        + b"\xff\xfe\xc3 and the end of the sentence.\n",
    )
    put("nul", "nul-bytes.txt", f"Nul headline\n\n{PROSE}\x00{PROSE}\n".encode() + b"\x00" * 3)
    put("newline_name", "two\nlines.txt", f"Newline name\n\n{PROSE}\n".encode())
    put("bad_name", b"bad-\xff-name.txt", f"Undecodable name\n\n{PROSE}\n".encode())
    put("unreadable", "no-permission.txt", f"Locked\n\n{PROSE}\n".encode())
    files["unreadable"].chmod(0)
    loop = folder / "loop"
    loop.mkdir()
    (loop / "inside.md").write_text(f"# Inside the loop\n\n{PROSE}\n", encoding="utf-8")
    (loop / "again").symlink_to("..", target_is_directory=True)
    files["loop_article"] = loop / "inside.md"
    files["fifo"] = folder / "pipe.txt"
    os.mkfifo(files["fifo"])
    return files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("nasty")
    return folder, _build_corpus(folder)


class Timeout(Exception):
    pass


def _within(seconds: int):
    """Fail instead of hanging forever (a FIFO read, a symlink loop)."""
    import contextlib
    import signal

    @contextlib.contextmanager
    def guard():
        def alarm(signum, frame):
            raise Timeout(f"still running after {seconds} s")

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.alarm(seconds)
        try:
            yield
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    return guard()


def _load(path: Path) -> Article | LoadError:
    with _within(60):
        return next(load_all([os.fspath(path)]))


def _words(article: Article) -> str:
    return " ".join([article.title, *article.summary, *article.paragraphs])


def test_scan_terminates_and_keeps_only_article_candidates(corpus):
    folder, files = corpus
    with _within(30):
        found = scan([folder])
    listed = set(found.files)
    for key in ("png", "elf", "zip", "fifo"):
        assert os.fspath(files[key]) not in listed, key
    for key in (
        "empty",
        "zip_as_text",
        "png_as_html",
        "huge_html",
        "long_line",
        "deep",
        "utf16",
        "latin1",
        "cp1252",
        "bad_utf8",
        "nul",
        "newline_name",
        "bad_name",
        "unreadable",
        "loop_article",
    ):
        assert os.fspath(files[key]) in listed, key
    assert found.skipped >= 4
    assert len(found.files) == len(listed), "a file was listed twice through the symlink loop"
    assert not any("again" in name for name in found.files)


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("empty", "empty file"),
        ("blank", "empty file"),
        ("zip_as_text", "not an article (binary data)"),
        ("png_as_html", "not an article (binary data)"),
        ("huge_html", "too large (200 MB; limit 32 MB)"),
        ("long_line", "too large for a plain-text article (10 MB; limit 8 MB)"),
    ],
)
def test_files_that_are_not_articles_get_a_clear_reason(corpus, key, reason):
    _, files = corpus
    result = _load(files[key])
    assert isinstance(result, LoadError)
    assert result.reason == reason
    assert result.path == os.fspath(files[key])


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("utf16", SMART),
        ("latin1", WESTERN),
        ("cp1252", SMART),
        ("bad_utf8", SMART),
        ("nul", PROSE.strip()),
        ("newline_name", PROSE.strip()),
        ("bad_name", PROSE.strip()),
        ("loop_article", PROSE.strip()),
    ],
)
def test_awkward_but_real_articles_load_with_the_right_characters(corpus, key, expected):
    _, files = corpus
    article = _load(files[key])
    assert isinstance(article, Article), article
    assert expected in _words(article)
    assert "\x00" not in _words(article)
    assert article.path == os.fspath(files[key])


def test_invalid_utf8_loses_only_the_bad_bytes(corpus):
    _, files = corpus
    article = _load(files["bad_utf8"])
    text = _words(article)
    assert SMART in text and "and the end of the sentence." in text
    assert "\ufffd" in text


def test_hundred_thousand_nested_tags_do_not_crash(corpus):
    _, files = corpus
    result = _load(files["deep"])
    if isinstance(result, LoadError):
        assert result.reason and "Traceback" not in result.reason
    else:
        assert result.title == "Deep page"


def test_file_removed_between_scan_and_read(tmp_path):
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(f"Soon gone\n\n{PROSE}\n", encoding="utf-8")
    found = scan([tmp_path])
    doomed.unlink()
    [result] = list(load_all(found.files))
    assert isinstance(result, LoadError)
    assert result.reason == "file not found (moved or deleted?)"


def test_names_no_file_can_have_give_a_load_error(tmp_path):
    results = list(load_all([os.fspath(tmp_path / "nul\x00name.txt"), "x" * 5000]))
    assert [r.reason for r in results] == [
        "not a valid file name (it holds a NUL character)",
        "cannot read: file name too long",
    ]


def test_file_without_read_permission(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(f"Locked away\n\n{PROSE}\n", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        # Running as root: permission bits do not stop us, so the kernel's answer is faked.
        real_open = os.open

        def deny(path, flags, *args, **kwargs):
            if os.fspath(path) == os.fspath(locked):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", deny)
    [result] = list(load_all([os.fspath(locked)]))
    assert isinstance(result, LoadError)
    assert result.reason == "permission denied"


def test_fifo_is_refused_without_blocking(corpus):
    _, files = corpus
    result = _load(files["fifo"])
    assert isinstance(result, LoadError)
    assert result.reason == "not a regular file (pipe, socket or device)"


def test_fifo_swapped_in_after_the_size_check_does_not_block(tmp_path, monkeypatch):
    """stat said regular file, then the name became a FIFO: open must not wait for a writer."""
    pipe = tmp_path / "swapped.txt"
    os.mkfifo(pipe)
    regular = os.stat(__file__)
    real_stat = os.stat
    monkeypatch.setattr(
        clean.os,
        "stat",
        lambda p, *a, **k: regular if os.fspath(p) == os.fspath(pipe) else real_stat(p, *a, **k),
    )
    result = _load(pipe)
    assert isinstance(result, LoadError)
    assert result.reason == "not a regular file (pipe, socket or device)"


def test_memory_stays_bounded_for_a_200_mb_page(corpus):
    """Peak RSS of a process loading the 200 MB page stays far below the file's size."""
    _, files = corpus
    probe = (
        "import resource, sys\n"
        "from reader.library import load_all\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "result = list(load_all([sys.argv[1]]))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(after - before, type(result[0]).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, os.fspath(files["huge_html"])],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    growth_kib, kind = done.stdout.split()
    assert kind == "LoadError"
    assert int(growth_kib) * 1024 < BIG_HTML / 20


def _run(args: list[str], timeout: int = 180) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        READER + args, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL
    )


def test_json_prints_one_valid_line_per_file_and_exits_1(corpus):
    folder, files = corpus
    found = scan([folder])
    done = _run(["--json", os.fspath(folder)])
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    lines = done.stdout.decode("utf-8").splitlines()  # strict: output is valid UTF-8
    assert len(lines) == len(found.files)
    records = [json.loads(line) for line in lines]
    assert [r["path"] for r in records] == found.files
    errors = {r["path"] for r in records if "error" in r}
    for key in ("empty", "zip_as_text", "png_as_html", "huge_html", "long_line"):
        assert os.fspath(files[key]) in errors, key
    for key in ("utf16", "latin1", "cp1252", "bad_name", "newline_name"):
        assert os.fspath(files[key]) not in errors, key
    bad_name = next(r["path"] for r in records if r["path"].startswith(os.fspath(folder) + "/bad-"))
    assert os.fsencode(bad_name).endswith(b"bad-\xff-name.txt")
    stderr = done.stderr.decode("utf-8", "replace").splitlines()
    assert len(stderr) == len(errors), "one error line per failed file, even with odd names"


def test_plain_never_shows_a_traceback(corpus):
    folder, _ = corpus
    done = _run(["--plain", os.fspath(folder)])
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout
    assert b"harbour board agreed" in done.stdout
    assert b"Le caf\xc3\xa9 \xc3\xa9tait ferm\xc3\xa9." in done.stdout
    stderr = done.stderr.splitlines()
    assert len(stderr) >= 6 and all(line.startswith(b"reader: ") for line in stderr), (
        "one line per failed file"
    )


def test_json_on_a_fifo_named_directly_does_not_block(corpus):
    _, files = corpus
    done = _run(["--json", os.fspath(files["fifo"])], timeout=60)
    assert done.returncode == 1
    [line] = done.stdout.decode().splitlines()
    assert json.loads(line)["error"] == "not a regular file (pipe, socket or device)"
