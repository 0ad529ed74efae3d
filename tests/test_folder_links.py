"""Links inside an opened folder that lead out of it are skipped and counted.

Someone else's folder (an archive, a download) may hold `story.txt -> /etc/passwd`
or a link to a private folder. Reader lists only what lies inside the paths
the user named; a link to anything else is counted and reported, and opened
only if the user names its target too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import scan

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks")


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    opened, private = tmp_path / "opened", tmp_path / "private"
    (opened / "inner").mkdir(parents=True)
    private.mkdir()
    (opened / "story.md").write_text("# A story\n\nWords of the story in a paragraph.\n")
    (opened / "inner" / "kept.md").write_text("# Kept\n\nA note that lives inside.\n")
    (private / "diary.md").write_text("# Diary\n\nPrivate words in a paragraph.\n")
    (opened / "passwd.txt").symlink_to("/etc/passwd")
    (opened / "diary.md").symlink_to(private / "diary.md")
    (opened / "private-folder").symlink_to(private)
    (opened / "inner-again.md").symlink_to(opened / "inner" / "kept.md")  # stays inside
    (opened / "inner-link").symlink_to(opened / "inner")  # a folder link inside
    return opened, private


def test_links_leaving_the_folder_are_skipped_and_counted(folders):
    opened, _ = folders
    found = scan([str(opened)])
    names = [Path(name).relative_to(opened).as_posix() for name in found.files]
    assert names == ["inner/kept.md", "inner-again.md", "story.md"]
    assert found.outside == 3
    assert found.outside_message() == (
        "Skipped 3 links leading outside the opened folders (open the target itself)."
    )


def test_a_link_target_the_user_named_is_opened(folders):
    opened, private = folders
    found = scan([str(opened), str(private)])
    names = {Path(name).name for name in found.files}
    assert {"diary.md", "story.md", "kept.md"} <= names
    assert found.outside == 1  # only /etc/passwd
    assert str(opened / "diary.md") in found.files  # the link leads into a named folder


def test_the_command_says_what_it_skipped(folders):
    opened, _ = folders
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--json", str(opened)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0
    assert "root:" not in result.stdout and "Private words" not in result.stdout
    assert "Skipped 3 links leading outside the opened folders" in result.stderr


async def test_the_app_lists_none_of_them_and_says_so(folders):
    from reader.ui.app import ReaderApp

    opened, _ = folders
    app = ReaderApp([str(opened)])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_until_loaded()
        await pilot.pause()
        paths = [entry.path for entry in app.main.articles.entries]
        assert len(paths) == 3 and not any("passwd" in p or "diary" in p for p in paths)
        shown = [str(n.message) for n in app._notifications]
        assert any("Skipped 3 links leading outside" in message for message in shown)
