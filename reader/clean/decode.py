"""Turn a file's bytes into text without ever failing on them, and keep that text inert.

Order of trust: a byte-order mark, then (for HTML) the page's own meta
charset unless the bytes are valid UTF-8 beyond ASCII, then UTF-16
recognised by its NUL pattern, then UTF-8 (strict, or with replacement
characters when only a few bytes are bad), then the best-scoring of a few
single-byte guesses. Browsers read undeclared pages as Windows-1252;
charset-normalizer alone guesses Central European or DOS code pages for
short Western texts, so its guess has to win on the text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Final

from reader.safe_text import strip_controls

META_CHARSET = re.compile(rb"""<meta[^<>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WORD = re.compile(r"[^\W\d_]+", re.U)
_SAMPLE: Final = 200_000
"""Bytes looked at to choose an encoding; enough for any article, fast on huge files."""
_WESTERN: Final = ("cp1252", "cp1250")
_NOT_CHARSETS: Final = {
    "utf-7",
    "idna",
    "punycode",
    "unicode-escape",
    "raw-unicode-escape",
    "rot-13",
    "undefined",
}
"""Python codec names a page might declare that no browser reads it with (UTF-7 smuggles
markup; the rest transform text rather than encode it)."""
_EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "HANGUL", "IDEOGRAPHIC"}
_MIDWORD_SYMBOLS = {"No", "Sm", "Sc", "So", "Sk", "Cc", "Co", "Cn"}


_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")
_NOT_XML_CHARS: Final = frozenset([*range(0, 9), 11, 12, *range(14, 32), 127])


def decode(data: bytes, html: bool = False) -> str:
    """Decode article bytes, then strip control characters that could act on a terminal.

    In HTML, character references to the same controls (`&#27;`, `&#x1;`) go too:
    they would become ESC only after parsing, and lxml refuses to store them.
    """
    text = strip_controls(_decode(data, html))
    return _CONTROL_REFERENCE.sub(_drop_control_reference, text) if html else text


def _drop_control_reference(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return "" if code in _NOT_XML_CHARS else match.group(0)


def _decode(data: bytes, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if html:
        match = META_CHARSET.search(data[:4096])
        if match:
            name = known_encoding(match.group(1).decode("ascii", "ignore"))
            if name:
                if name.startswith(("utf-16", "utf-32")) or _is_utf8(data[:_SAMPLE]):
                    # Declared in ASCII bytes, so not UTF-16; and text that is valid UTF-8
                    # beyond ASCII is UTF-8 whatever a copied template's <meta> says.
                    name = "utf-8"
                try:
                    return data.decode(name, errors="replace")
                except (UnicodeError, LookupError, ValueError):
                    pass  # a codec that cannot replace bad bytes: detect instead
    return data.decode(detect_encoding(data), errors="replace")


def detect_encoding(data: bytes) -> str:
    """The encoding for bytes that declare none: UTF-16 by its NULs, UTF-8, else a guess."""
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data[:_SAMPLE]):
        return "utf-8"
    return _single_byte_encoding(data[:_SAMPLE])


def _is_utf8(data: bytes) -> bool:
    """Valid UTF-8 with some non-ASCII in it: no other encoding's text passes this by chance.

    The sample may end inside a character; an incomplete last sequence is allowed.
    """
    if data.isascii():
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has a NUL in every other byte."""
    if len(head) < 4 or head.count(0) < len(head) // 4:
        return None
    half = len(head) / 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes (a truncated download, a bad paste) is still UTF-8.

    Text in a single-byte encoding almost never forms valid multi-byte UTF-8
    sequences, so valid ones outnumbering the bad bytes is a strong sign.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    return good > 0 and bad <= good


def _single_byte_encoding(data: bytes) -> str:
    """Choose the encoding whose text looks most like words in one script."""
    # Imported here: only files that are not UTF-8 need it, and it slows every start.
    from charset_normalizer import from_bytes

    guess = None
    match = from_bytes(data).best()
    if match is not None and match.encoding:
        guess = known_encoding(match.encoding)
    candidates = list(dict.fromkeys(c for c in (_WESTERN[0], guess, _WESTERN[1]) if c))
    scored: list[tuple[int, int, str]] = []
    for order, name in enumerate(candidates):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        # Cyrillic, Greek, Hebrew... : every Western code page also "decodes" these
        # bytes into Latin letters, so the guess wins unless its words are mixed.
        if (
            name == guess
            and name not in _WESTERN
            and _mainly_non_latin(text)
            and _oddness(text) * 20 <= max(1, _non_ascii_words(text))
        ):
            return name
        scored.append((_oddness(text), order, name))
    if scored:
        return min(scored)[2]
    return guess or _WESTERN[0]


def _oddness(text: str) -> int:
    """How many words a wrong code page would have produced: symbols inside, mixed scripts."""
    odd = 0
    for word_match in re.finditer(r"\S+", text):
        word = word_match.group()
        if word.isascii():
            continue
        letters = _WORD.findall(word)
        inner = word.strip(".,;:!?()[]{}\"'«»“”‘’„‚‹›-–—…*")
        symbol_inside = any(
            unicodedata.category(c) in _MIDWORD_SYMBOLS or c in "¿¡§¶¦" for c in inner[1:-1]
        )
        mixed = len({_script(c) for run in letters for c in run}) > 1
        odd += symbol_inside or mixed
    return odd


def _non_ascii_words(text: str) -> int:
    return sum(1 for word in text.split() if not word.isascii())


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "?")
    first = name.split(" ", 1)[0]
    # Japanese mixes kanji and kana inside a word; Korean may mix hanja and hangul.
    return "CJK" if first in _EAST_ASIAN else first


def _mainly_non_latin(text: str) -> bool:
    letters = [c for c in text if not c.isascii() and c.isalpha()]
    return bool(letters) and sum(_script(c) != "LATIN" for c in letters) > len(letters) / 2


def known_encoding(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _NOT_CHARSETS or not _is_text_codec(name):
        return None
    # Browsers read "latin-1" and "ascii" pages as Windows-1252; so should we.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _is_text_codec(name: str) -> bool:
    """Python also names bytes-to-bytes codecs (base64, zlib); a page cannot declare those."""
    try:
        "a".encode(name)
        return True
    except (LookupError, TypeError, ValueError, UnicodeError):
        return False
