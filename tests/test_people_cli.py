"""`reader --people`: the JSON Lines contract, errors as in --json, and quotes kept in the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.store.cache import ArticleCache, list_cached

GENEVA = """# Talks stall in Geneva

Russian Foreign Minister Sergei Lavrov met his counterparts on Monday.

"We will respond firmly to any provocation," Lavrov said after the meeting.

"The talks will continue," Ed Miliband told reporters.
"""

HOME = """# Ministers return home

"There is no deadline," Lavrov said on Tuesday.

"We expect progress," Lavrov added.

"I have not changed my mind," David Miliband said.

"We will publish the minutes," said the Pentagon.
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    (tmp_path / "geneva.md").write_text(GENEVA)
    (tmp_path / "home.md").write_text(HOME)
    return tmp_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_people_prints_one_person_a_line_most_quoted_first_with_their_quotes(library: Path):
    result = run("--people", str(library))
    assert result.returncode == 0, result.stderr
    people = records(result.stdout)
    assert [(p["name"], p["kind"], p["quotes"]) for p in people] == [
        ("Sergei Lavrov", "person", 3),
        ("David Miliband", "person", 1),
        ("Ed Miliband", "person", 1),
        ("Pentagon", "organisation", 1),
    ]
    lavrov = people[0]
    assert list(lavrov) == ["name", "kind", "forms", "quotes", "articles"]
    assert sorted(lavrov["forms"]) == ["Lavrov", "Sergei Lavrov"]
    assert [Path(a["path"]).name for a in lavrov["articles"]] == ["geneva.md", "home.md"]
    geneva, home = lavrov["articles"]
    assert geneva["title"] == "Talks stall in Geneva"
    assert [list(q) for q in home["quotes"]] == [["text", "paragraph", "start", "end"]] * 2
    assert [q["text"].rstrip(",") for q in home["quotes"]] == [
        "There is no deadline",
        "We expect progress",
    ]
    paragraphs = records(run("--json", str(library / "home.md")).stdout)[0]["paragraphs"]
    for quote in home["quotes"]:
        # The offsets locate the quote in the article's paragraphs, as --json numbers them.
        assert paragraphs[quote["paragraph"]][quote["start"] : quote["end"]] == quote["text"]


def test_unnamed_sources_follow_the_people_one_line_per_article_never_as_a_name(
    tmp_path: Path,
):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Talks\ndate: 2026-03-02\n---\n\n"
        '"There is no deal yet," a European diplomat said.\n\n'
        '"We are close," Ann Lee said.\n\n'
        '"It will not happen this week," a European diplomat added.\n'
    )
    (tmp_path / "b.md").write_text(
        "---\ntitle: More talks\ndate: 2026-03-05\n---\n\n"
        '"We may sign it on Friday," a European diplomat said.\n'
    )
    result = run("--people", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = records(result.stdout)
    assert [(line["name"], line["kind"]) for line in lines if "name" in line] == [
        ("Ann Lee", "person")
    ]
    unnamed = [line for line in lines if "unnamed" in line]
    assert lines[-len(unnamed) :] == unnamed  # after every person
    assert [(line["title"], list(line)) for line in unnamed] == [
        ("More talks", ["path", "title", "unnamed"]),  # newest article first
        ("Talks", ["path", "title", "unnamed"]),
    ]
    [diplomat] = unnamed[1]["unnamed"]
    assert diplomat["description"] == "a European diplomat"
    assert [q["text"].rstrip(",") for q in diplomat["quotes"]] == [
        "There is no deal yet",
        "It will not happen this week",
    ]


def test_people_reports_failures_as_json_does_and_still_lists_the_rest(library: Path):
    (library / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    missing = str(library / "nowhere")
    result = run("--people", str(library), missing)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nowhere" in result.stderr and "broken.txt" in result.stderr
    lines = records(result.stdout)
    errors = [line for line in lines if "error" in line]
    assert sorted(Path(e["path"]).name for e in errors) == ["broken.txt", "nowhere"]
    assert all(set(e) == {"path", "error"} for e in errors)
    assert [line["name"] for line in lines if "name" in line][0] == "Sergei Lavrov"


def test_people_with_nothing_found_is_a_clear_message(tmp_path: Path):
    result = run("--people", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "no articles found" in result.stderr


def test_a_second_run_reads_the_quotes_from_the_cache_without_cleaning(
    library: Path, capsys, monkeypatch
):
    assert main(["--people", str(library)]) == 0
    first = capsys.readouterr().out

    def no_cleaning(*_args, **_kwargs):
        raise AssertionError("cleaned again")

    monkeypatch.setattr("reader.clean.clean_bytes", no_cleaning)
    assert main(["--people", str(library)]) == 0
    assert capsys.readouterr().out == first


def test_the_cache_keeps_each_articles_quotes_and_replaces_them_when_the_file_changes(
    library: Path, tmp_path: Path
):
    files = [str(library / "geneva.md"), str(library / "home.md")]
    with ArticleCache.open(tmp_path / "cache.sqlite3") as cache:
        list(list_cached(files, cache))
        assert dict(cache.speakers(files)[files[1]]) == {
            "Lavrov": 2,
            "David Miliband": 1,
            "Pentagon": 1,
        }
        numbered = cache.quotes(files)[files[1]]
        assert [number for number, _ in numbered] == [0, 1, 2, 3]
        assert numbered[2][1].speaker == "David Miliband"

        (library / "home.md").write_text('# Short\n\n"Fine," said Ann Lee.\n')
        os.utime(library / "home.md", ns=(1, 1))
        list(list_cached(files, cache))
        assert cache.speakers(files)[files[1]] == [("Ann Lee", 1)]

        (library / "home.md").unlink()
        cache.forget_missing(files[:1])
        assert files[1] not in cache.quotes(files)
        assert files[0] in cache.quotes(files)
