"""Copying to the system clipboard from a terminal app, over SSH too: OSC 52.

The terminal itself puts the text on the clipboard when it sees
`ESC ] 52 ; c ; <base64> BEL`, so copying works over SSH and needs no
xclip or pbcopy. Terminals cap how much they accept (xterm and tmux take
about 100 kB by default; some far less), and an oversized sequence is
usually dropped whole, so the payload is cut to a limit, at a character
boundary, and the UI can tell the user with `fits_osc52`.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
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

    Inside tmux or GNU screen the sequence must be wrapped in the
    multiplexer's pass-through so it reaches the real terminal; pass
    `detect_multiplexer()` to get that.
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
