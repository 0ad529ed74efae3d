"""Copy inside tmux takes the way in that tmux's settings let through, and the words shown
say "copied to the clipboard" only when it got there (tmux itself is faked here; the real
one is driven in test_tmux_copy.py)."""

from __future__ import annotations

import base64
import re
import subprocess

import pytest

from reader.clipboard import (
    CopyResult,
    copy_notice,
    copy_text,
    parse_tmux_settings,
)

IN_TMUX = {"TMUX": "/tmp/tmux-1000/default,4242,0", "TMUX_PANE": "%3", "TERM": "tmux-256color"}
FEATURES = "256,bpaste,ccolour,clipboard,cstyle,focus,title"


class FakeTmux:
    """Answers `display-message` with the given settings and records `load-buffer` calls."""

    def __init__(self, report: str | None, load_buffer_works: bool = True) -> None:
        self.report = report
        self.load_buffer_works = load_buffer_works
        self.loaded: list[tuple[list[str], bytes]] = []

    def __call__(self, command: list[str], **kwargs) -> subprocess.CompletedProcess[bytes]:
        assert command[0] == "tmux"
        if command[1] == "display-message":
            assert command[2:5] == ["-p", "-t", "%3"]
            if self.report is None:
                raise FileNotFoundError("tmux")
            return subprocess.CompletedProcess(command, 0, self.report.encode(), b"")
        assert command[1] == "load-buffer"
        self.loaded.append((command, kwargs["input"]))
        return subprocess.CompletedProcess(command, 0 if self.load_buffer_works else 1)


def report(version="3.3a", clipboard="external", passthrough="0", features=FEATURES) -> str:
    return f"{version}\t{clipboard}\t{passthrough}\t{features}\txterm-256color\n"


def copy_in_tmux(tmux: FakeTmux, text: str = "Harbour “ferries” — 東京") -> tuple[CopyResult, str]:
    written: list[str] = []
    result = copy_text(text, written.append, environ=IN_TMUX, run=tmux)
    return result, "".join(written)


def plain_osc52(sequence: str) -> str:
    match = re.fullmatch(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", sequence)
    assert match, repr(sequence[:40])
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_tmux_settings_are_read_from_its_report():
    settings = parse_tmux_settings(report("3.3a", "on", "0"))
    assert settings is not None
    assert settings.version == (3, 3) and settings.set_clipboard == "on"
    assert not settings.passthrough and settings.terminal_takes_clipboard
    assert settings.terminal_name == "xterm-256color"
    assert parse_tmux_settings(report("3.4", passthrough="all")).passthrough
    assert parse_tmux_settings(report("3.2a", passthrough="")).passthrough  # before the option
    assert parse_tmux_settings(report("next-3.5", features="256,RGB")).version >= (3, 5)
    assert not parse_tmux_settings(report(features="256,RGB")).terminal_takes_clipboard
    assert parse_tmux_settings("no server running\n") is None
    odd_name = parse_tmux_settings(report().replace("xterm-256color", "x\x1b]0;hi\x07term"))
    assert odd_name.terminal_name == "x0hiterm"


def test_set_clipboard_on_gets_plain_osc52_which_tmux_keeps_and_passes_on():
    tmux = FakeTmux(report(clipboard="on"))
    result, written = copy_in_tmux(tmux)
    assert plain_osc52(written) == "Harbour “ferries” — 東京"  # no DCS wrapper tmux would drop
    assert tmux.loaded == []
    assert result.clipboard and result.tmux_buffer


def test_the_default_external_uses_load_buffer_w_since_tmux_ignores_osc52_from_programs():
    tmux = FakeTmux(report(clipboard="external"))
    result, written = copy_in_tmux(tmux)
    assert written == ""
    assert tmux.loaded == [
        (["tmux", "load-buffer", "-w", "-"], "Harbour “ferries” — 東京".encode())
    ]
    assert result.clipboard and result.tmux_buffer


def test_off_with_passthrough_allowed_wraps_the_sequence_for_the_terminal():
    tmux = FakeTmux(report(clipboard="off", passthrough="1"))
    result, written = copy_in_tmux(tmux)
    assert written.startswith("\x1bPtmux;\x1b\x1b]52;c;") and written.endswith("\x1b\\")
    assert result.clipboard and tmux.loaded == []


def test_off_without_passthrough_fills_only_a_paste_buffer_and_says_what_to_set():
    tmux = FakeTmux(report(clipboard="off", passthrough="0"))
    result, written = copy_in_tmux(tmux)
    assert written == ""
    assert [command for command, _ in tmux.loaded] == [["tmux", "load-buffer", "-"]]
    assert not result.clipboard and result.tmux_buffer
    notice = copy_notice(result, "article", 120, whole=True)
    assert not notice.startswith("Copied the article (")
    assert "tmux paste buffer only" in notice and "set -g set-clipboard on" in notice


def test_a_terminal_tmux_does_not_pass_copies_to_is_named_with_the_feature_to_add():
    tmux = FakeTmux(report(clipboard="on", features="256,RGB,title"))
    result, _ = copy_in_tmux(tmux)
    assert not result.clipboard and result.tmux_buffer
    notice = copy_notice(result, "quote", 40, whole=True)
    assert "set -as terminal-features ',xterm-256color:clipboard'" in notice


def test_old_tmux_without_load_buffer_w_passes_through_as_it_always_allowed():
    tmux = FakeTmux(report(version="3.1c", clipboard="external", passthrough=""))
    result, written = copy_in_tmux(tmux)
    assert written.startswith("\x1bPtmux;") and result.clipboard


def test_when_tmux_cannot_be_asked_both_ways_in_are_sent_and_success_is_not_claimed():
    result, written = copy_in_tmux(FakeTmux(None))
    assert "\x1b]52;c;" in written and "\x1bPtmux;" in written
    assert not result.clipboard
    notice = copy_notice(result, "article", 10, whole=True)
    assert notice.startswith("Sent the article to the terminal, but tmux did not say")
    assert "Copied" not in notice and "set -g set-clipboard on" in notice


def test_a_refused_load_buffer_is_not_reported_as_copied():
    result, _ = copy_in_tmux(FakeTmux(report(), load_buffer_works=False))
    assert not result.clipboard and not result.tmux_buffer
    notice = copy_notice(result, "quote", 10, whole=True)
    assert notice.startswith("Could not copy the quote: tmux refused it. Add `set -g")


@pytest.mark.parametrize(
    ("environ", "wrapped"),
    [({"TERM": "xterm-256color"}, False), ({"STY": "1.pts-0", "TERM": "screen"}, True)],
)
def test_outside_tmux_the_sequence_goes_straight_out_and_is_called_copied(environ, wrapped):
    written: list[str] = []

    def no_tmux(*args, **kwargs):
        raise AssertionError("tmux asked outside tmux")

    result = copy_text("hello", written.append, environ=environ, run=no_tmux)
    assert written[0].startswith("\x1bP") == wrapped
    assert result.clipboard
    assert copy_notice(result, "quote", 5, whole=True) == (
        "Copied the quote (5 characters) to the clipboard"
    )


def test_the_cut_is_the_same_whichever_way_it_goes():
    tmux = FakeTmux(report(clipboard="external"))
    written: list[str] = []
    copy_text("é" * 10, written.append, environ=IN_TMUX, run=tmux, limit=8)
    assert tmux.loaded[0][1] == ("é" * 3).encode()  # 6 bytes: 8 base64 bytes hold 6
