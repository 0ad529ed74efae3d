"""The `reader` command without the UI: the --json contract, --plain, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import build_parser, main, parse_args

LIBRARY = Path(__file__).parent / "fixtures" / "library"
FIELDS = [
    "path",
    "format",
    "title",
    "authors",
    "publisher",
    "section",
    "published",
    "summary",
    "paragraphs",
    "headings",
    "url",
    "word_count",
    "read_time_minutes",
    "quotes",
    "attributions",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120
    )


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_json_prints_one_object_per_file_in_sorted_order_and_exits_1_on_failure():
    result = run("--json", str(LIBRARY))
    records = json_lines(result.stdout)
    assert [Path(r["path"]).name for r in records] == [
        "broken-download.txt",
        "harbour-ferry-timetable.md",
        "library-hours.md",
        "orchard-frost.md",
    ]
    assert records[0] == {
        "path": str(LIBRARY / "broken-download.txt"),
        "error": "not an article (binary data)",
    }
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "broken-download.txt" in result.stderr


def test_json_fields_follow_the_contract():
    result = run("--json", str(LIBRARY / "harbour-ferry-timetable.md"))
    assert result.returncode == 0
    (record,) = json_lines(result.stdout)
    assert list(record) == FIELDS
    assert record["format"] == "markdown"
    assert record["title"] == "Harbour ferries move to a winter timetable"
    assert record["authors"] == ["Ines Okafor"]
    assert record["publisher"] == "The Quayside Courier"
    assert record["section"] == "Transport"
    assert record["published"] == "2026-10-03"
    assert record["summary"][0].startswith("Crossings drop")
    assert record["paragraphs"][3] == "What changes"
    assert record["headings"] == [3]
    words = sum(1 for p in record["paragraphs"] for w in p.split() if any(c.isalnum() for c in w))
    assert record["word_count"] == words
    assert record["read_time_minutes"] == max(1, -(-words // 238))
    for quote in record["quotes"]:
        paragraph = record["paragraphs"][quote["paragraph"]]
        assert paragraph[quote["start"] : quote["end"]] == quote["text"]
        assert set(quote) == {"text", "speaker", "described_as", "cue", "paragraph", "start", "end"}
    texts = [q["text"] for q in record["quotes"]]
    assert any(t.startswith("We carried more people") for t in texts)
    for attribution in record["attributions"]:
        paragraph = record["paragraphs"][attribution["paragraph"]]
        assert paragraph[attribution["start"] : attribution["end"]] == attribution["text"]


def test_json_keeps_argument_order_and_reports_missing_paths():
    result = run(
        "--json",
        str(LIBRARY / "orchard-frost.md"),
        str(LIBRARY / "nope.md"),
        str(LIBRARY / "library-hours.md"),
    )
    records = json_lines(result.stdout)
    assert [Path(r["path"]).name for r in records] == [
        "orchard-frost.md",
        "nope.md",
        "library-hours.md",
    ]
    assert records[1]["error"] == "no such file or folder"
    assert result.returncode == 1


def test_globs_expand(tmp_path):
    for name in ["a.md", "b.md", "c.txt"]:
        (tmp_path / name).write_text(f"# Title {name}\n\nBody of {name}.\n")
    result = run("--json", str(tmp_path / "*.md"))
    assert [Path(r["path"]).name for r in json_lines(result.stdout)] == ["a.md", "b.md"]


def test_folders_skip_and_count_non_articles(tmp_path):
    (tmp_path / "story.md").write_text("# A story\n\nIt happened.\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "script.py").write_text("print('hello')\n")
    result = run("--json", str(tmp_path))
    assert [Path(r["path"]).name for r in json_lines(result.stdout)] == ["story.md"]
    assert result.returncode == 0


def test_plain_prints_clean_text_when_piped():
    result = run("--plain", str(LIBRARY / "harbour-ferry-timetable.md"))
    assert result.returncode == 0
    assert result.stdout.startswith("Harbour ferries move to a winter timetable\n")
    assert "By Ines Okafor · The Quayside Courier" in result.stdout
    assert "Transport · 2026-10-03 · 1 min read" in result.stdout
    assert "\x1b" not in result.stdout
    assert '"Thirty minutes is a long wait in the rain," said Tomasz Weir' in result.stdout


def test_plain_shows_markup_literally():
    result = run("--plain", str(LIBRARY / "library-hours.md"))
    assert "City library [bold red]extends[/] its hours" in result.stdout
    assert "[@click=app.quit]quit[/]" in result.stdout


def test_missing_path_is_one_clear_line_and_nonzero_exit():
    result = run("/no/such/folder")
    assert result.returncode == 2
    assert result.stderr.strip() == "reader: no such file or folder: /no/such/folder"


def test_no_articles_found(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    result = run("--json", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == f"reader: no articles found in {tmp_path}"
    assert result.stdout == ""


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reader {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--json" in out and "--plain" in out


@pytest.mark.parametrize(
    "argv", [[], ["articles"], ["a.html", "notes dir/", "", "*.md", "https://example.org/x"]]
)
def test_paths_alone_read_as_the_parser_reads_them(argv):
    assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_no_argument_reads_the_bundled_samples(capsys):
    assert main(["--json"]) in (0, 1)
    records = json_lines(capsys.readouterr().out)
    assert len(records) >= 12
    assert {r.get("format") for r in records} >= {"html", "text", "markdown"}


def test_markdown_prints_front_matter_and_body():
    result = run("--markdown", str(LIBRARY / "harbour-ferry-timetable.md"))
    assert result.returncode == 0
    assert result.stdout.startswith("---\n")
    assert 'title: "Harbour ferries move to a winter timetable"' in result.stdout
    body = result.stdout.split("\n---\n", 1)[1]
    assert body.startswith("\n# Harbour ferries move to a winter timetable\n\n")
    assert "## What changes" in result.stdout


def test_config_path_is_printed(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    result = run("--config-path")
    assert result.returncode == 0
    assert result.stdout.strip() == str(tmp_path / "config.toml")


def test_broken_config_is_a_clear_message_and_defaults_are_used(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "config.toml").write_text("width = [oops\n")
    result = run("--json", str(LIBRARY / "orchard-frost.md"))
    assert result.returncode == 0
    assert "config.toml" in result.stderr and "syntax error" in result.stderr
    assert "Traceback" not in result.stderr
    assert json_lines(result.stdout)[0]["title"].startswith("Late frost")


def test_json_speaker_is_who_said_it_and_described_as_how_the_article_put_it(
    tmp_path: Path,
) -> None:
    article = tmp_path / "council.md"
    article.write_text(
        "# Council votes on the harbour\n\n"
        "President Lena Hart opened the session on Tuesday.\n\n"
        "“We will not wait for the ferries,” the president said.\n\n"
        "Sven Okafor, 61, ran the mill for thirty years.\n\n"
        "“Nobody here wanted it to close,” the 61-year-old said.\n\n"
        "“The vote was rushed,” a senior official said.\n\n"
        "“We start on Monday,” Hart said.\n",
        encoding="utf-8",
    )
    result = run("--json", str(article))
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)["quotes"]
    assert [(q["text"], q["speaker"], q["described_as"]) for q in quotes] == [
        ("We will not wait for the ferries,", "Lena Hart", "the president"),
        ("Nobody here wanted it to close,", "Sven Okafor", "the 61-year-old"),
        ("The vote was rushed,", "a senior official", None),
        ("We start on Monday,", "Lena Hart", None),
    ]
