"""The config file: good values are used, each mistake is named and defaulted, nothing raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from waiting import record_notifications, until

from reader.config import DEFAULT_THEME, DEFAULT_WIDTH, EXAMPLE_CONFIG, Config

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_is_used_as_written(tmp_path: Path):
    path = _write(
        tmp_path,
        """
        library = ["~/Articles", "clippings", "/srv/news"]
        width = 96
        theme = "nord"

        [keys]
        quit = "ctrl+q"
        next_article = "n, right"
        previous_article = ["p", "left"]
        help = "question_mark"
    """.replace("\n        ", "\n"),
    )
    config, messages = Config.load(path)
    assert messages == []
    assert config.library == (
        str(Path.home() / "Articles"),
        str(tmp_path / "clippings"),
        "/srv/news",
    )
    assert config.width == 96 and config.theme == "nord"
    assert dict(config.keys) == {
        "quit": "ctrl+q",
        "next_article": "n,right",
        "previous_article": "p,left",
        "help": "question_mark",
    }


def test_a_missing_file_means_defaults_and_no_complaint(tmp_path: Path):
    config, messages = Config.load(tmp_path / "nowhere" / "config.toml")
    assert messages == []
    assert config == Config()
    assert (config.library, config.width, config.theme) == ((), DEFAULT_WIDTH, DEFAULT_THEME)
    assert dict(config.keys) == {}


def test_the_default_location_follows_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    _write(tmp_path, "width = 60\n")
    config, messages = Config.load()
    assert config.width == 60 and messages == []


def test_unknown_settings_are_named_with_a_suggestion_and_ignored(tmp_path: Path):
    config, messages = Config.load(_write(tmp_path, 'widht = 70\ncolour = "red"\ntheme = "nord"\n'))
    assert config.width == DEFAULT_WIDTH and config.theme == "nord"
    assert len(messages) == 2
    assert "widht" in messages[0] and "did you mean 'width'" in messages[0]
    assert "colour" in messages[1] and "unknown setting" in messages[1]


@pytest.mark.parametrize(
    ("line", "setting", "expected"),
    [
        ('width = "wide"', "width", "whole number"),
        ("width = 12", "width", "outside 40-200"),
        ("width = 500", "width", "outside 40-200"),
        ("width = true", "width", "whole number"),
        ("theme = 3", "theme", "theme name"),
        ('theme = ""', "theme", "theme name"),
        ("library = 5", "library", "list of folders"),
        ('keys = "q"', "keys", "[keys] table"),
    ],
)
def test_a_wrong_type_is_named_and_that_setting_defaults(tmp_path: Path, line, setting, expected):
    config, messages = Config.load(_write(tmp_path, line + "\n"))
    assert len(messages) == 1
    assert f": {setting}:" in messages[0] and expected in messages[0]
    assert config == Config()


def test_each_bad_value_costs_only_itself(tmp_path: Path):
    config, messages = Config.load(
        _write(
            tmp_path,
            """
width = 3.5
theme = "gruvbox"
library = ["~/ok", 7, ""]
[keys]
quit = "Enter"
next_article = 5
help = "f1"
""",
        )
    )
    assert config.theme == "gruvbox" and config.width == DEFAULT_WIDTH
    assert config.library == (str(Path.home() / "ok"),)
    assert dict(config.keys) == {"help": "f1"}
    assert len(messages) == 5
    assert any("keys.quit" in m and "'Enter' is not a key name" in m for m in messages)
    assert any("keys.next_article" in m for m in messages)
    assert sum("library: item" in m for m in messages) == 2


def test_a_syntax_error_gives_one_message_with_the_line_and_all_defaults(tmp_path: Path):
    path = _write(tmp_path, 'width = 90\ntheme = "nord"\n\n[keys\nquit = "q"\n')
    config, messages = Config.load(path)
    assert config == Config()
    assert len(messages) == 1
    assert "syntax error" in messages[0] and "line 4" in messages[0]
    assert str(path) in messages[0]


def test_text_that_is_not_utf8_is_reported_not_raised(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'width = 90\ntheme = "caf\xe9"\n')
    config, messages = Config.load(path)
    assert config == Config() and len(messages) == 1
    assert "line 2" in messages[0] and "UTF-8" in messages[0]


def test_a_folder_where_the_file_should_be_is_reported(tmp_path: Path):
    (tmp_path / "config.toml").mkdir()
    config, messages = Config.load(tmp_path / "config.toml")
    assert config == Config() and len(messages) == 1 and "cannot read" in messages[0]


def test_bindings_the_ui_does_not_have_are_named(tmp_path: Path):
    config, _ = Config.load(_write(tmp_path, '[keys]\nquit = "ctrl+q"\nnext_artcle = "n"\n'))
    messages = config.unknown_bindings(["quit", "next_article", "help"])
    assert len(messages) == 1
    assert "next_artcle" in messages[0] and "did you mean 'next_article'" in messages[0]


def test_the_documented_example_is_valid_and_matches_the_docs_copy(tmp_path: Path):
    config, messages = Config.parse(EXAMPLE_CONFIG, tmp_path / "config.toml")
    assert messages == []
    assert config.keys["next_article"] == "n,right" and config.width == 80
    assert (DOCS / "config.example.toml").read_text(encoding="utf-8") == EXAMPLE_CONFIG


# Hostile config files: bounded messages, keys that can be pressed


@pytest.mark.parametrize("count", [1_000, 5_000])
def test_thousands_of_unknown_settings_give_one_message(tmp_path: Path, count: int):
    text = "width = 90\n" + "".join(f"setting_{i} = {i}\n" for i in range(count))
    config, messages = Config.load(_write(tmp_path, text))
    assert config.width == 90
    assert messages == [
        f"{tmp_path / 'config.toml'}: {count:,} unknown settings ignored: "
        "setting_0, setting_1, setting_2, ..."
    ]


def test_a_few_unknown_settings_are_each_named_with_a_hint(tmp_path: Path):
    _, messages = Config.load(_write(tmp_path, "widht = 90\ncolour = 'red'\n"))
    assert len(messages) == 2 and "did you mean 'width'" in messages[0]


def test_thousands_of_bad_bindings_are_counted_not_listed(tmp_path: Path):
    text = "[keys]\n" + "".join(f"binding_{i} = 7\n" for i in range(2_000))
    config, messages = Config.load(_write(tmp_path, text))
    assert config.keys == {}
    assert len(messages) == 8 and messages[-1].endswith("1,993 more problems, each ignored.")
    config, _ = Config.parse("[keys]\n" + "".join(f'b{i} = "x"\n' for i in range(2_000)))
    assert config.unknown_bindings(["quit"]) == ["2,000 unknown bindings ignored: b0, b1, b2, ..."]


def test_keys_that_can_never_be_pressed_keep_the_default():
    from reader.ui.keys import is_key_name

    config, messages = Config.parse(
        '[keys]\nquit = "nonexistentkey"\nhelp = "f5, question_mark"\n'
        'next_article = "ctrl+q,bogus"\nprevious_article = "G"\n'
    )
    assert messages == []  # well-formed names; only Textual can tell which exist
    keymap, messages = config.keymap(
        ["quit", "help", "next_article", "previous_article"], is_key_name
    )
    assert keymap == {"help": "f5,question_mark", "previous_article": "G"}
    assert messages == [
        "keys.quit: 'nonexistentkey' is not a key reader can receive; keeping its default.",
        "keys.next_article: 'bogus' is not a key reader can receive; keeping its default.",
    ]


@pytest.mark.parametrize(
    "key",
    [
        "q",
        "G",
        "5",
        "ctrl+q",
        "shift+tab",
        "f5",
        "f24",
        "question_mark",
        "slash",
        "space",
        "enter",
        "escape",
        "pageup",
        "left_square_bracket",
        "full_stop",
        "pound_sign",
        "plus",
        "alt+shift+left",
        "é",
    ],
)
def test_every_key_textual_reports_is_accepted(key: str):
    from reader.ui.keys import is_key_name

    assert is_key_name(key)


@pytest.mark.parametrize("key", ["nonexistentkey", "ctrl+", "hyper+bogus", "contrl+q", "f99", ""])
def test_names_no_key_has_are_refused(key: str):
    from reader.ui.keys import is_key_name

    assert not is_key_name(key)


async def test_the_app_keeps_q_when_the_config_names_no_real_key(tmp_path: Path):
    from reader.library import bundled_samples
    from reader.ui.app import ReaderApp

    config, messages = Config.parse('[keys]\nquit = "nonexistentkey"\n')
    app = ReaderApp([str(bundled_samples())], config=config, messages=messages)
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(
            pilot,
            lambda: any("'nonexistentkey' is not a key" in message for message in shown),
            "the notice about the key",
        )
        await app.wait_until_loaded()
        await pilot.press("q")
        # quitting flushes the reading state first
        await until(pilot, lambda: not app.is_running, "the app to quit")


async def test_a_config_full_of_unknown_settings_gives_the_app_one_notification(tmp_path: Path):
    from reader.library import bundled_samples
    from reader.ui.app import ReaderApp

    text = "".join(f"setting_{i} = {i}\n" for i in range(5_000))
    text += "[keys]\n" + "".join(f'binding_{i} = "q"\n' for i in range(5_000))
    config, messages = Config.load(_write(tmp_path, text))
    app = ReaderApp([str(bundled_samples())], config=config, messages=messages)
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_until_loaded()
        await until(pilot, lambda: len(shown) >= 2, "the notifications")
        assert len(shown) == 2, shown
        assert any("5,000 unknown settings ignored" in message for message in shown)
        assert any("5,000 unknown bindings ignored" in message for message in shown)
