"""Article text never drives the terminal: markup and escapes show as harmless characters.

`reader --plain` runs under a pseudo-terminal so Rich believes it talks to a
real one and uses colour; every byte it writes is captured. The only escape
sequences allowed are Rich's own SGR styling (`ESC [ ... m`).
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import (
    ESCAPES,
    LITERAL_MARKUP,
    SGR,
    VISIBLE_WORDS,
    terminal_problems,
    write_hostile_articles,
)

READER = [sys.executable, "-m", "reader"]
HOSTILE_NAME = "\x1b[31mred\x1b]0;title\x07 \u202ename.txt"
EMPTY_HOSTILE_NAME = "\x1b[2Jempty\x08.md"


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    write_hostile_articles(folder)
    (folder / HOSTILE_NAME).write_text(
        "The council met again on Thursday and agreed to the plan in full.\n", encoding="utf-8"
    )
    (folder / EMPTY_HOSTILE_NAME).write_bytes(b"")
    return folder


def _run_in_pty(args: list[str], timeout: float = 120) -> tuple[int, bytes]:
    """Run reader with stdout and stderr on a pseudo-terminal; return status and raw bytes."""
    main, secondary = os.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS="100", LINES="40")
    process = subprocess.Popen(
        READER + args,
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        env=env,
        close_fds=True,
    )
    os.close(secondary)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # EIO: the child closed its end
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif process.poll() is not None:
                break
        status = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)
    return status, b"".join(chunks)


def _flatten(text: str) -> str:
    """Undo line wrapping so a phrase split across lines can still be found."""
    return re.sub(r"\s+", " ", text)


def test_plain_on_a_terminal_writes_no_escapes_but_styling(hostile_folder):
    status, raw = _run_in_pty(["--plain", os.fspath(hostile_folder)])
    assert status == 1  # the empty file with the hostile name failed
    assert SGR.search(raw), "Rich should style output on a terminal; is this a real pty?"
    assert terminal_problems(raw) == []
    assert b"\x1b]" not in raw  # no OSC: no links, clipboard writes or window titles
    text = SGR.sub(b"", raw).decode("utf-8")
    flat = _flatten(text)
    for markup in LITERAL_MARKUP:
        assert _flatten(markup) in flat, markup
    for word in VISIBLE_WORDS:
        assert word in flat, word
    assert "Traceback" not in text
    assert "The council met again on Thursday" in flat
    assert "reader: " in text and "\\x1b[2Jempty\\x08.md: empty file" in text


def test_json_output_is_valid_and_inert(hostile_folder):
    done = subprocess.run(
        READER + ["--json", os.fspath(hostile_folder)],
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    for stream in (done.stdout, done.stderr):
        assert not re.search(rb"[\x00-\x09\x0b-\x1f\x7f]", stream)
        assert not re.search(rb"\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", stream)
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(records) == 5
    by_name = {Path(r["path"]).name: r for r in records}
    assert by_name[EMPTY_HOSTILE_NAME]["error"] == "empty file"
    assert HOSTILE_NAME in by_name, "the real file name survives, escaped only in JSON"
    articles = [r for r in records if "error" not in r]
    for record in articles:
        values = [
            record["title"],
            *record["authors"],
            *record["summary"],
            *record["paragraphs"],
            record["publisher"] or "",
            record["section"] or "",
        ]
        for value in values:
            assert not re.search(
                "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", value
            ), value
    for name in ("hostile-scrape.txt", "hostile-note.md", "hostile-page.html"):
        body = " ".join(by_name[name]["paragraphs"])
        for markup in LITERAL_MARKUP:
            assert markup in body, (name, markup)
        for word in VISIBLE_WORDS:
            assert word in body, (name, word)


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_each_escape_is_removed_wherever_it_comes_from(tmp_path, name):
    """Raw in a text file, raw in Markdown, and as an HTML character reference."""
    from reader.clean import load

    sequence = ESCAPES[name]
    refs = "".join(f"&#{ord(c)};" for c in sequence)
    files = {
        "a.txt": f"Headline here\n\nThe story says {sequence} and goes on for a while.\n",
        "a.md": f"# Headline here\n\nThe story says {sequence} and goes on for a while.\n",
        "a.html": f"<html><body><h1>Headline</h1><p>The story says {refs} and goes on for a "
        "while, long enough to count as a paragraph of the article.</p></body></html>",
    }
    for file_name, content in files.items():
        path = tmp_path / file_name
        path.write_text(content, encoding="utf-8")
        article = load(path)
        text = " ".join([article.title, *article.paragraphs])
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), (
            file_name,
            text,
        )
        assert "goes on for a while" in text
