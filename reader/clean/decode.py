"""Turn a file's bytes into text without ever failing on them.

Order of trust: a byte-order mark, then (for HTML) the page's own meta
charset, then strict UTF-8, then charset-normalizer's guess, then
UTF-8 with replacement characters so that nothing is lost but the bad bytes.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def decode(data: bytes, html: bool = False) -> str:
    """Decode article bytes, then strip control characters that could act on a terminal."""
    return strip_controls(_decode(data, html))


def strip_controls(text: str) -> str:
    """Remove C0/C1 controls (ESC, BEL, backspace, CR) and bidi overrides, keep tab and newline.

    Article text reaches the terminal; an ESC or OSC sequence left in it could
    move the cursor, set the clipboard or fake a link.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _decode(data: bytes, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            name = _known_encoding(match.group(1).decode("ascii", "ignore"))
            if name:
                if name in ("utf-16", "utf-16-le", "utf-16-be"):
                    name = "utf-8"  # a UTF-16 page without a BOM is mislabelled ASCII-compatible bytes
                return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def _known_encoding(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # Browsers read "latin-1" and "ascii" pages as Windows-1252; so should we.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
