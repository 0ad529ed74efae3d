"""The one rule for putting untrusted text on a terminal, used by every output.

Article text and file names come from files anyone can write. An ESC or OSC
sequence left in them could move the cursor, set the clipboard or fake a
link; a bidi override could make a line read backwards. The app, `--plain`,
`--markdown` and `--json` all pass text through here: `strip_controls` for
article text (the cleaners call it once), `visible` for file names and
messages, which must stay recognisable.
"""

from __future__ import annotations

import re
from typing import Final

_CONTROL_CHARS: Final = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
)
CONTROL: Final = re.compile(f"[{_CONTROL_CHARS}]")
"""C0/C1 controls but tab and newline, bidi marks and overrides, lone surrogates."""
_UNSAFE_IN_JSON: Final = re.compile(f"[{_CONTROL_CHARS}\u2028\u2029]")


def strip_controls(text: str) -> str:
    """Remove C0/C1 controls (ESC, BEL, backspace, CR) and bidi overrides, keep tab and newline.

    Article text reaches the terminal; an ESC or OSC sequence left in it could
    move the cursor, set the clipboard or fake a link. A bidi override could
    make a line read backwards. Lone surrogates cannot be printed or encoded.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", text)


_NAME_BYTE: Final = re.compile("[\udc80-\udcff]")


def escape_name_bytes(text: str) -> str:
    """Undecodable bytes of a file name (os.fsdecode's lone surrogates) written as `\\xNN`,
    the rest unchanged: for text made from a file name, such as a title, so that the byte is
    shown rather than silently dropped by `strip_controls`."""
    return _NAME_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def visible(text: str) -> str:
    """Text safe to print as one line: controls shown as escapes, undecodable name bytes as \\xNN.

    For file names and error messages, which must stay recognisable (a path
    with a newline or an invalid byte in it is still that path) but must not
    act on the terminal or break one-line-per-error output.
    """
    out: list[str] = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif CONTROL.match(char) or char in "\t\n\u2028\u2029":
            out.append(
                char.encode("unicode_escape").decode("ascii")
                if code < 0x10000
                else f"\\U{code:08x}"
            )
        else:
            out.append(char)
    return "".join(out)


def escape_in_json(line: str) -> str:
    """A `json.dumps(..., ensure_ascii=False)` line with every control `CONTROL` names written as
    a `\\uXXXX` escape: still the same JSON value, but inert on a terminal.

    Lone surrogates (undecodable file-name bytes from os.fsdecode) become `\\udcXX`, which
    `json.loads` and `os.fsencode` turn back into the exact bytes; U+2028/U+2029 are escaped
    too, since some JSON readers take them for line ends.
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", line)
