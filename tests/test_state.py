"""Reading state survives crashes, damage, moved folders and two readers at once."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.model import Article
from reader.store import paths
from reader.store.state import ReadingState
from reader.store.storage import atomic_write, load_json_state, remove_stale_temps


def _article(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def note(tmp_path: Path) -> Path:
    return _article(
        tmp_path / "inbox",
        "harbour.md",
        "# Harbour reopens\n\nThe ferry ran again on Monday, the mayor said.\n",
    )


# Round trips


def test_marks_bookmarks_scroll_and_settings_survive_a_restart(tmp_path: Path, note: Path):
    other = _article(tmp_path / "inbox", "budget.txt", "Budget passes\n\nThe vote was close.\n")
    state, messages = ReadingState.load(tmp_path / "state.json")
    assert messages == []
    state.mark_read(note)
    assert state.toggle_bookmark(note) is True
    state.set_scroll(note, 0.25)
    state.set_scroll(other, 42)
    state.update_settings(theme="nord", width=72, sidebar=False, sort="newest", view="unread")
    assert state.flush()

    again, messages = ReadingState.load(tmp_path / "state.json")
    assert messages == []
    assert again.is_read(note) and again.is_bookmarked(note)
    assert not again.is_read(other) and not again.is_bookmarked(other)
    assert again.scroll_for(note) == 0.25 and isinstance(again.scroll_for(note), float)
    assert again.scroll_for(other) == 42 and isinstance(again.scroll_for(other), int)
    assert again.settings.theme == "nord" and again.settings.width == 72
    assert again.settings.sidebar is False
    assert (again.settings.sort, again.settings.view) == ("newest", "unread")
    assert again.bookmarks() == [str(note)]


def test_an_article_object_names_the_same_entry_as_its_path(tmp_path: Path, note: Path):
    state = ReadingState(tmp_path / "state.json")
    state.mark_read(Article(path=str(note), format="markdown", title="Harbour reopens"))
    assert state.is_read(note)


def test_unmarking_and_unbookmarking_stick(tmp_path: Path, note: Path):
    state = ReadingState(tmp_path / "state.json")
    state.mark_read(note)
    state.toggle_bookmark(note)
    state.flush()
    state.mark_read(note, read=False)
    assert state.toggle_bookmark(note) is False
    state.set_scroll(note, 0)
    state.flush()
    again, _ = ReadingState.load(tmp_path / "state.json")
    assert not again.is_read(note) and not again.is_bookmarked(note)
    assert again.scroll_for(note) is None


def test_invalid_scroll_and_settings_are_refused(tmp_path: Path, note: Path):
    state = ReadingState(tmp_path / "state.json")
    with pytest.raises(ValueError):
        state.set_scroll(note, -3)
    with pytest.raises(ValueError):
        state.update_settings(width=500)
    with pytest.raises(ValueError):
        state.update_settings(sort="by mood")
    with pytest.raises(ValueError):
        state.update_settings(colour="red")
    state.set_scroll(note, 1.7)
    assert state.scroll_for(note) == 1.0
    assert state.settings.width is None


def test_every_sort_and_view_the_app_offers_can_be_saved(tmp_path: Path):
    from reader.store.state import SORTS, VIEWS

    state = ReadingState(tmp_path / "state.json")
    for sort in SORTS:
        state.update_settings(sort=sort)
    for view in VIEWS:
        state.update_settings(view=view)
    state.flush()
    again, messages = ReadingState.load(tmp_path / "state.json")
    assert messages == [] and (again.settings.sort, again.settings.view) == (
        SORTS[-1],
        VIEWS[-1],
    )


def test_a_deleted_article_simply_has_no_state(tmp_path: Path, note: Path):
    state = ReadingState(tmp_path / "state.json")
    note.unlink()
    assert not state.is_read(note)
    assert state.scroll_for(note) is None


# Moving and editing articles


def test_moving_the_folder_keeps_read_mark_bookmark_and_scroll(tmp_path: Path, note: Path):
    state = ReadingState(tmp_path / "state.json")
    state.mark_read(note)
    state.toggle_bookmark(note)
    state.set_scroll(note, 12)
    state.flush()

    moved = tmp_path / "archive" / "2026" / "renamed.md"
    moved.parent.mkdir(parents=True)
    note.parent.rename(tmp_path / "old-inbox")
    (tmp_path / "old-inbox" / note.name).rename(moved)

    again, _ = ReadingState.load(tmp_path / "state.json")
    assert again.is_read(moved) and again.is_bookmarked(moved)
    assert again.scroll_for(moved) == 12
    again.set_scroll(moved, 13)  # the next change records the new path as the hint
    assert again.bookmarks() == [str(moved)]


def test_a_note_edited_in_place_keeps_its_state(tmp_path: Path, note: Path):
    state = ReadingState(tmp_path / "state.json")
    state.mark_read(note)
    state.toggle_bookmark(note)
    state.flush()
    note.write_text(note.read_text() + "\nA correction was added later.\n", encoding="utf-8")
    os.utime(note, ns=(time.time_ns(), time.time_ns() + 10**9))

    again, _ = ReadingState.load(tmp_path / "state.json")
    assert again.is_read(note) and again.is_bookmarked(note)
    again.set_scroll(note, 0.5)
    again.flush()
    third, _ = ReadingState.load(tmp_path / "state.json")
    assert third.is_read(note) and third.scroll_for(note) == 0.5


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_is_remembered(tmp_path: Path):
    name = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9-menu.md")
    Path(name).write_text("# Menu\n\nSoup of the day.\n", encoding="utf-8")
    state = ReadingState(tmp_path / "state.json")
    state.toggle_bookmark(name)
    assert state.flush()
    again, messages = ReadingState.load(tmp_path / "state.json")
    assert messages == [] and again.is_bookmarked(name) and again.bookmarks() == [name]


def test_different_articles_in_the_same_place_do_not_share_state(tmp_path: Path):
    first = _article(tmp_path / "a", "story.md", "# Storm warning\n\nWinds of 90 km/h.\n")
    second = _article(tmp_path / "b", "story.md", "# Rail strike ends\n\nTrains run today.\n")
    state = ReadingState(tmp_path / "state.json")
    state.mark_read(first)
    assert state.is_read(first) and not state.is_read(second)


def test_files_of_the_same_size_are_told_apart_by_content(tmp_path: Path):
    first = _article(tmp_path / "a", "one.md", "# Storm warning\n\nWinds of 90 km/h.\n")
    second = _article(tmp_path / "b", "two.md", "# Storm warnings\n\nWinds of 9 km/h.\n")
    assert first.stat().st_size == second.stat().st_size
    state = ReadingState(tmp_path / "state.json")
    state.mark_read(first)
    state.flush()
    again, _ = ReadingState.load(tmp_path / "state.json")
    assert again.is_read(first) and not again.is_read(second)
    twin = tmp_path / "c" / "copy.md"
    twin.parent.mkdir()
    twin.write_bytes(first.read_bytes())
    assert again.is_read(twin)  # same bytes, same article


def test_listing_a_library_reads_no_file_that_a_stat_can_settle(tmp_path: Path, monkeypatch):
    """Start-up cost: unchanged remembered files and files of unknown sizes are not read."""
    library = [
        _article(tmp_path / "lib", f"story-{n:02d}.md", f"# Story {n}\n\n" + "w " * n)
        for n in range(40)
    ]
    state = ReadingState(tmp_path / "state.json")
    for path in library[:10]:
        state.mark_read(path)
    state.flush()
    again, _ = ReadingState.load(tmp_path / "state.json")
    import reader.clean

    reads: list[str] = []
    real = reader.clean.read_bytes
    monkeypatch.setattr(reader.clean, "read_bytes", lambda p, *a: reads.append(p) or real(p, *a))
    assert [again.is_read(path) for path in library] == [True] * 10 + [False] * 30
    assert reads == []
    moved = tmp_path / "elsewhere" / "story-03.md"
    moved.parent.mkdir()
    library[3].rename(moved)
    assert again.is_read(moved) and len(reads) == 1  # a moved file is hashed to find it


# Saving: debounce, cost when unchanged, failures


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_save_is_debounced_and_flush_is_not(tmp_path: Path, note: Path):
    clock = FakeClock()
    target = tmp_path / "state.json"
    state = ReadingState(target, debounce=5.0, clock=clock)
    state.set_scroll(note, 1)
    assert state.save() is True
    state.set_scroll(note, 2)
    clock.now += 1
    assert state.save() is False and state.dirty
    assert ReadingState.load(target)[0].scroll_for(note) == 1
    clock.now += 5
    assert state.save() is True and not state.dirty
    assert ReadingState.load(target)[0].scroll_for(note) == 2
    state.set_scroll(note, 3)
    assert state.flush() is True
    assert ReadingState.load(target)[0].scroll_for(note) == 3


def test_saving_without_changes_does_not_touch_the_file(tmp_path: Path, note: Path):
    target = tmp_path / "state.json"
    state = ReadingState(target, debounce=0)
    state.mark_read(note)
    state.flush()
    before = target.stat()
    state.mark_read(note)  # already read: not a change
    state.set_scroll(note, 0)  # already at the top
    state.update_settings(sort="path")  # already the value
    assert not state.dirty
    assert state.save() is False and state.flush() is False
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_failed_save_is_reported_and_kept_pending(tmp_path: Path, note: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be")
    state = ReadingState(blocker / "state.json", debounce=0)
    state.mark_read(note)
    assert state.flush() is False
    assert state.last_error and "state.json" in state.last_error
    assert state.dirty
    blocker.unlink()
    assert state.flush() is True and state.last_error is None


def test_two_running_readers_keep_each_others_marks(tmp_path: Path, note: Path):
    other = _article(tmp_path / "inbox", "budget.txt", "Budget passes\n\nThe vote was close.\n")
    target = tmp_path / "state.json"
    left, _ = ReadingState.load(target, debounce=0)
    right, _ = ReadingState.load(target, debounce=0)
    left.mark_read(note)
    left.flush()
    right.toggle_bookmark(other)
    right.flush()
    merged, _ = ReadingState.load(target)
    assert merged.is_read(note) and merged.is_bookmarked(other)


# Damage


def test_a_corrupt_state_file_is_moved_aside_and_rebuilt(tmp_path: Path, note: Path):
    target = tmp_path / "state.json"
    target.write_bytes(b'{"version": 1, "articles": {"abc": {"path": "/x", "re')
    state, messages = ReadingState.load(target)
    assert len(messages) == 1
    assert "damaged" in messages[0] and "line 1" in messages[0]
    aside = list(tmp_path.glob("state.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].name in messages[0]
    assert aside[0].read_bytes().startswith(b'{"version": 1')
    assert not target.exists()
    assert not state.is_read(note) and state.settings.sort == "path"
    state.mark_read(note)
    assert state.flush()
    assert ReadingState.load(target)[0].is_read(note)


@pytest.mark.parametrize("content", [b"[1, 2, 3]", b"\xff\xfe\x00garbage", b"", b"null"])
def test_state_of_the_wrong_shape_is_moved_aside(tmp_path: Path, content: bytes):
    target = tmp_path / "state.json"
    target.write_bytes(content)
    _, messages = ReadingState.load(target)
    assert len(messages) == 1 and "starting fresh" in messages[0]
    assert list(tmp_path.glob("state.json.corrupt-*"))


def test_damaged_entries_are_dropped_and_the_rest_kept(tmp_path: Path, note: Path):
    target = tmp_path / "state.json"
    state = ReadingState(target)
    state.mark_read(note)
    state.flush()
    data = json.loads(target.read_text())
    data["articles"]["0" * 32] = {"path": 7, "read": "yes"}
    data["articles"]["1" * 32] = {"path": "/x.md", "scroll": -4}
    data["settings"]["width"] = "wide"
    target.write_text(json.dumps(data))
    again, messages = ReadingState.load(target)
    assert again.is_read(note)
    assert messages == ["state.json: ignored 3 damaged entries."]
    assert again.settings.width is None


# The storage layer


def test_atomic_write_replaces_whole_file_and_leaves_no_temporaries(tmp_path: Path):
    target = tmp_path / "deep" / "folder" / "file.json"
    atomic_write(target, b"first")
    atomic_write(target, b"second, longer")
    assert target.read_bytes() == b"second, longer"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.json"]


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_atomic_write_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path):
    target = tmp_path / "notes.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_the_state_file_is_private_to_the_user(tmp_path: Path, note: Path):
    state = ReadingState(tmp_path / "state.json")
    state.mark_read(note)
    state.flush()
    assert stat.S_IMODE((tmp_path / "state.json").stat().st_mode) == 0o600


def test_load_json_state_missing_file_is_silent_and_default_is_a_copy(tmp_path: Path):
    default = {"articles": {}}
    value, message = load_json_state(tmp_path / "none.json", default)
    assert value == default and message is None
    value["articles"]["x"] = 1
    assert default == {"articles": {}}


def test_stale_temporaries_from_killed_writers_are_swept(tmp_path: Path):
    target = tmp_path / "state.json"
    old = tmp_path / ".state.json.123.abcd.tmp"
    fresh = tmp_path / ".state.json.456.ef01.tmp"
    for leftover in (old, fresh):
        leftover.write_bytes(b'{"half": ')
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_temps(target) == 1
    assert not old.exists() and fresh.exists()


def test_every_folder_can_be_moved_by_environment_variables(tmp_path: Path):
    env = {
        "READER_CONFIG_DIR": str(tmp_path / "c"),
        "READER_DATA_DIR": str(tmp_path / "d"),
        "READER_CACHE_DIR": str(tmp_path / "k"),
    }
    assert paths.config_file(env) == tmp_path / "c" / "config.toml"
    assert paths.state_file(env) == tmp_path / "d" / "state.json"
    assert paths.cache_dir(env) == tmp_path / "k"
    assert paths.config_dir({}).name.lower() == "reader"
    assert paths.data_dir({}) != tmp_path / "d"


# Crash safety: SIGKILL at random moments

KILLS = int(os.environ.get("READER_KILLS", "40"))
"""40 in the suite; `READER_KILLS=200 pytest tests/test_state.py -k mid_write` for a long run."""

_WRITER = textwrap.dedent("""
    import sys
    from reader.store.state import ReadingState

    state, messages = ReadingState.load(sys.argv[1], debounce=0)
    if messages:
        raise SystemExit("writer found damage: " + " ".join(messages))
    article = sys.argv[2]
    generation = state.scroll_for(article) or 0
    print(generation, flush=True)
    while True:
        generation += 1
        state.set_scroll(article, generation)
        state.mark_read(article, generation % 2 == 0)
        if not state.flush():
            raise SystemExit(state.last_error)
        print(generation, flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_state_killed_mid_write_is_always_the_old_or_the_new_version(tmp_path: Path):
    """A writer saving in a loop is killed at random moments; every survivor file is whole."""
    target = tmp_path / "state.json"
    counter = _article(tmp_path / "articles", "counter.md", "# Counter\n\nIt counts.\n")
    ballast = ReadingState(target)
    for number in range(400):  # a few hundred entries make each write take a while
        path = _article(
            tmp_path / "articles" / "a-fairly-long-folder-name-for-realism",
            f"article-{number:04d}.md",
            f"# Article {number}\n\nBody {number}.\n",
        )
        ballast.mark_read(path)
        ballast.toggle_bookmark(path)
    ballast.flush()
    rng = random.Random(8)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for _ in range(KILLS):
        # Unbuffered, so readline takes no lines that communicate() would then miss.
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target), str(counter)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
            env=env,
        )
        assert writer.stdout is not None
        first = writer.stdout.readline()  # loaded and started writing
        assert first.strip().isdigit(), writer.stderr.read() if writer.stderr else first
        time.sleep(rng.uniform(0.0, 0.05))
        writer.send_signal(signal.SIGKILL)
        rest, errors = writer.communicate()
        assert writer.returncode == -signal.SIGKILL, errors
        acknowledged = [int(line) for line in [first, *rest.splitlines()] if line.strip()]
        last = acknowledged[-1]

        survivor, messages = ReadingState.load(target)
        assert messages == []
        generation = survivor.scroll_for(counter) or 0
        assert generation in (last, last + 1)  # old, or new if killed after rename
        assert survivor.is_read(counter) == (generation > 0 and generation % 2 == 0)
        assert len(survivor.bookmarks()) == 400
