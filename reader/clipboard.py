"""Copying to the system clipboard from a terminal app, over SSH too: OSC 52.

The terminal itself puts the text on the clipboard when it sees
`ESC ] 52 ; c ; <base64> BEL`, so copying works over SSH and needs no
xclip or pbcopy. Terminals cap how much they accept (xterm and tmux take
about 100 kB by default; some far less), and an oversized sequence is
usually dropped whole, so the payload is cut to a limit, at a character
boundary, and the UI can tell the user with `fits_osc52`.

Inside tmux the sequence only gets through in the ways tmux allows, which
depend on its settings, so `copy_text` asks tmux for them first:

- `set-clipboard on`: tmux takes a plain OSC 52 from the program, keeps it
  as a paste buffer and passes it on to the terminal.
- `set-clipboard external` (the default): tmux ignores OSC 52 from programs
  but `tmux load-buffer -w` (tmux 3.2 and later) does the same: a paste
  buffer, passed on to the terminal.
- `set-clipboard off`: tmux passes nothing on. A DCS pass-through still
  reaches the terminal when `allow-passthrough` is on (always before tmux
  3.3); otherwise only a paste buffer can be filled, and the user is told
  what to set.

tmux passes the text on only when it knows the outer terminal takes it
(its `clipboard` terminal feature), so "copied to the clipboard" is said
only then; otherwise the result names the setting that is missing.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

OSC52_LIMIT: Final = 100_000
"""Most bytes of base64 payload to send; 100 kB is what xterm and tmux accept by default."""

Multiplexer = Literal["tmux", "screen"] | None


def _room(limit: int) -> int:
    """Most raw bytes whose base64 fits in `limit`: one rule for cutting and for `fits_osc52`."""
    return limit // 4 * 3


def _payload_bytes(text: str, limit: int) -> bytes:
    """The longest UTF-8 prefix of `text` whose base64 fits in `limit` bytes."""
    data = text.encode("utf-8")
    room = _room(limit)
    if len(data) <= room:
        return data
    cut = room
    while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never split a multi-byte character
        cut -= 1
    return data[:cut]


def fits_osc52(text: str, limit: int = OSC52_LIMIT) -> bool:
    """Whether `text` can be copied whole, so the UI can say when it was cut."""
    return len(text.encode("utf-8")) <= _room(limit)


def osc52(text: str, limit: int = OSC52_LIMIT, multiplexer: Multiplexer = None) -> str:
    """The escape sequence that copies `text` (cut to `limit` base64 bytes) to the clipboard.

    `multiplexer` wraps it in tmux's or GNU screen's pass-through, for the
    real terminal behind them; tmux drops that unless `allow-passthrough` is on,
    so inside tmux `copy_text` chooses the way in.
    """
    payload = base64.b64encode(_payload_bytes(text, limit)).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if multiplexer == "tmux":
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    if multiplexer == "screen":
        # screen limits one DCS string, so the sequence goes in short chunks (as hterm's
        # osc52.sh does), each in its own pass-through.
        chunks = [sequence[i : i + 76] for i in range(0, len(sequence), 76)]
        return "".join(f"\x1bP{chunk}\x1b\\" for chunk in chunks)
    return sequence


def detect_multiplexer(environ: Mapping[str, str] | None = None) -> Multiplexer:
    """tmux or screen, if reader runs inside one (their pass-through differs)."""
    env = os.environ if environ is None else environ
    if env.get("TMUX"):
        return "tmux"
    if env.get("STY") or env.get("TERM", "").startswith("screen"):
        return "screen"
    return None


@dataclass(frozen=True, slots=True)
class TmuxSettings:
    """What decides how a copy gets out of tmux, as `tmux display-message` reports it."""

    version: tuple[int, int]
    set_clipboard: str
    """on, external or off."""
    passthrough: bool
    """Whether a DCS pass-through reaches the terminal (`allow-passthrough`, tmux 3.3 on)."""
    terminal_takes_clipboard: bool
    """tmux's `clipboard` feature for the attached terminal: whether tmux passes copies on."""
    terminal_name: str


_TMUX_FORMAT: Final = (
    "#{version}\t#{set-clipboard}\t#{allow-passthrough}\t#{client_termfeatures}\t#{client_termname}"
)

Run = Callable[..., "subprocess.CompletedProcess[bytes]"]


def parse_tmux_settings(report: str) -> TmuxSettings | None:
    """Read the answer to `_TMUX_FORMAT`; None when it is not one."""
    fields = report.rstrip("\n").split("\t")
    if len(fields) != 5:
        return None
    version, set_clipboard, passthrough, features, terminal = fields
    numbers = re.search(r"(\d+)\.(\d+)", version)
    # A build named "master" has no number and is newer than any release.
    parsed = (int(numbers.group(1)), int(numbers.group(2))) if numbers else (99, 0)
    return TmuxSettings(
        version=parsed,
        set_clipboard=set_clipboard,
        # The option is new in 3.3 (a flag, shown as 0/1; later on/off/all); before it,
        # tmux always passed DCS through.
        passthrough=passthrough in ("1", "on", "all") or (not passthrough and parsed < (3, 3)),
        terminal_takes_clipboard="clipboard" in features.split(","),
        terminal_name=re.sub(r"[^\w.+-]", "", terminal),  # shown to the user: a name, no controls
    )


def read_tmux_settings(
    environ: Mapping[str, str] | None = None, run: Run = subprocess.run
) -> TmuxSettings | None:
    """Ask the tmux server reader runs under; None if it cannot be asked."""
    env = os.environ if environ is None else environ
    command = ["tmux", "display-message", "-p"]
    if env.get("TMUX_PANE"):
        command += ["-t", env["TMUX_PANE"]]
    try:
        done = run(command + [_TMUX_FORMAT], capture_output=True, timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return parse_tmux_settings(done.stdout.decode("utf-8", "replace"))


Route = Literal["osc52", "load-buffer-w", "passthrough", "load-buffer"]


def tmux_route(settings: TmuxSettings) -> Route:
    """The way into tmux that reaches the terminal with these settings, else a paste buffer."""
    if settings.set_clipboard == "on":
        return "osc52"
    if settings.set_clipboard == "external" and settings.version >= (3, 2):
        return "load-buffer-w"
    if settings.passthrough:
        return "passthrough"
    return "load-buffer"


@dataclass(frozen=True, slots=True)
class CopyResult:
    """Where a copy went, so the UI says "copied" only when it reached the clipboard."""

    clipboard: bool
    """Handed to the terminal in a way it accepts, so it is on the system clipboard."""
    tmux_buffer: bool = False
    """Kept as a tmux paste buffer (prefix ] pastes it)."""
    sent: bool = True
    """Something went out at all; False when tmux refused it."""
    advice: str = ""
    """What to set so that copies reach the clipboard, when they do not."""


SET_CLIPBOARD_ADVICE: Final = "add `set -g set-clipboard on` to ~/.tmux.conf"


def _tmux_result(route: Route, settings: TmuxSettings) -> CopyResult:
    if route == "passthrough":
        return CopyResult(clipboard=True)
    if route == "load-buffer":
        return CopyResult(clipboard=False, tmux_buffer=True, advice=SET_CLIPBOARD_ADVICE)
    if settings.terminal_takes_clipboard:
        return CopyResult(clipboard=True, tmux_buffer=True)
    name = settings.terminal_name or "YOUR-TERM"
    return CopyResult(
        clipboard=False,
        tmux_buffer=True,
        advice=f"tmux must know your terminal ({name}) takes clipboard writes: add "
        f"`set -as terminal-features ',{name}:clipboard'` to ~/.tmux.conf",
    )


def _load_buffer(payload: bytes, forward: bool, run: Run) -> bool:
    command = ["tmux", "load-buffer"] + (["-w"] if forward else []) + ["-"]
    try:
        done = run(command, input=payload, capture_output=True, timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def copy_text(
    text: str,
    write: Callable[[str], None],
    environ: Mapping[str, str] | None = None,
    run: Run = subprocess.run,
    limit: int = OSC52_LIMIT,
) -> CopyResult:
    """Copy `text` (cut to `limit`) by whichever way reaches the clipboard from here.

    `write` sends a sequence to the terminal; `run` runs a tmux command.
    """
    multiplexer = detect_multiplexer(environ)
    if multiplexer != "tmux":
        write(osc52(text, limit, multiplexer))
        return CopyResult(clipboard=True)
    settings = read_tmux_settings(environ, run)
    if settings is None:  # tmux could not be asked: offer both ways in
        write(osc52(text, limit) + osc52(text, limit, "tmux"))
        return CopyResult(clipboard=False, advice=SET_CLIPBOARD_ADVICE)
    route = tmux_route(settings)
    if route == "osc52":
        write(osc52(text, limit))
    elif route == "passthrough":
        write(osc52(text, limit, "tmux"))
    elif not _load_buffer(_payload_bytes(text, limit), route == "load-buffer-w", run):
        return CopyResult(clipboard=False, sent=False, advice=SET_CLIPBOARD_ADVICE)
    return _tmux_result(route, settings)


def copy_notice(result: CopyResult, what: str, characters: int, whole: bool) -> str:
    """The one line the UI shows after a copy: "Copied" only when it reached the clipboard."""
    cut = "" if whole else " (cut to the first 75 kB the terminal accepts)"
    if result.clipboard:
        return f"Copied the {what} ({characters:,} characters) to the clipboard{cut}"
    if result.tmux_buffer:
        return (
            f"Copied the {what} to a tmux paste buffer only (prefix ] pastes it){cut}. "
            f"For the system clipboard, {result.advice}."
        )
    if result.sent:
        return (
            f"Sent the {what} to the terminal{cut}, but tmux did not say whether it lets "
            f"it through. If it is not on the clipboard, {result.advice}."
        )
    return f"Could not copy the {what}: tmux refused it. {result.advice.capitalize()}."
