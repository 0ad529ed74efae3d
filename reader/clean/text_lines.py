"""Turn a raw text scrape into measured lines: line endings, odd spaces, hard wraps.

A select-all copy puts every block of the page on its own line, while a text
saved from an e-mail or a terminal is hard-wrapped at about 70 columns. Both
become a list of `Line`s, one per paragraph-sized block, with the features the
body and metadata finders look at computed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.model import count_words

_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_RUNS = re.compile(r" {2,}")
_UNCASED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_EDGE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)$")
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’»)]*(?:\s|$)")
_BULLET = re.compile(r"^(?:[•●◦▪▫■□‣⁃∙·]\s*|[*\-–—]\s+)(?=\S)")
_ITEM = re.compile(r"^(?:[•●◦▪▫■□‣⁃∙·*\-–—]|\d{1,2}[.)])\s+")

_STARTS_BLOCK = re.compile(
    r"^(?:by\s|published\b|updated\b|posted\b|photo\b|image\b|credit\b|"
    r"(?-i:[A-Z][a-z'’-]+(?: [A-Z][a-z'’.-]*[a-z])){1,3}$|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? \d|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|"
    r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE)
"""Lines that start a block of their own (a byline, a date, a bare name), never a wrapped tail."""
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 100
WRAP_BAND = 15
"""Wrapped lines end within this many columns of the wrap width."""
"""Hard wraps are looked for only at widths people and tools actually use."""


@dataclass(slots=True)
class Line:
    """One paragraph-sized block of the scrape and what it looks like."""

    text: str
    index: int
    blank_before: bool = False
    words: int = 0
    chars: int = 0
    uncased: bool = False
    lower_ratio: float = 0.0
    """Share of words starting in lower case: high in prose, low in menus and headlines."""
    ends_sentence: bool = False
    sentences: int = 0
    bullet: bool = False
    """Starts with a bullet symbol ("•", "-", "*"), not a number."""
    item: bool = False
    """Starts with a bullet or a list number ("1.", "2)")."""
    key: str = field(default="", repr=False)
    """Case- and punctuation-free form, to spot the same line repeated across the page."""


def split_lines(text: str) -> list[Line]:
    """Normalise white space, join hard-wrapped lines and measure every non-empty line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = [_RUNS.sub(" ", _ODD_SPACE.sub(" ", _INVISIBLE.sub("", line))).strip()
           for line in text.split("\n")]
    width = _wrap_width(raw)
    blocks: list[tuple[str, bool]] = []
    blank = False
    last = ""
    for line in raw:
        if not line:
            blank = True
            continue
        if width and blocks and not blank and _continues(last, line, width):
            previous, had_blank = blocks[-1]
            blocks[-1] = (_join(previous, line), had_blank)
        else:
            blocks.append((line, blank))
        blank = False
        last = line
    return [measure(text, i, blank) for i, (text, blank) in enumerate(blocks)]


def measure(text: str, index: int = 0, blank_before: bool = False) -> Line:
    """Compute the features of one line."""
    uncased_chars = len(_UNCASED.findall(text))
    words = _WORD.findall(text)
    cased = [w for w in words if w[0].upper() != w[0].lower()]
    lower = sum(1 for w in cased if w[0].islower())
    return Line(
        text=text,
        index=index,
        blank_before=blank_before,
        words=count_words(text),
        chars=len(text),
        uncased=uncased_chars * 3 >= len(text.replace(" ", "")) > 0,
        lower_ratio=lower / len(cased) if cased else 0.0,
        ends_sentence=bool(_SENTENCE_END.search(text)),
        sentences=len(_SENTENCE_BREAK.findall(text)),
        bullet=bool(_BULLET.match(text)),
        item=bool(_ITEM.match(text)),
        key=" ".join(w.lower() for w in re.findall(r"\w+", text)),
    )


def strip_bullet(text: str) -> str:
    """The text of a list item without its bullet."""
    return _BULLET.sub("", text, count=1).strip()


def _wrap_width(lines: list[str]) -> int:
    """The column a hard-wrapped text was wrapped at, or 0 when it was not wrapped.

    A wrapped text has many lines ending in a narrow band just short of one
    width and almost none beyond it (a footer or a URL may stick out); a
    browser copy has paragraphs of every length.
    """
    lengths = [len(line) for line in lines if len(line) >= 20]
    if len(lengths) < 4:
        return 0
    allowed_over = max(2, len(lengths) // 10)
    best_count, best_width = 0, 0
    for width in range(MIN_WRAP_WIDTH, MAX_WRAP_WIDTH + 1):
        over = sum(1 for n in lengths if n > width)
        if over > allowed_over:
            continue
        count = sum(1 for n in lengths if width - WRAP_BAND < n <= width)
        if count > best_count:
            best_count, best_width = count, width
    return best_width if best_count >= max(3, len(lengths) * 0.4) else 0


def _continues(previous: str, line: str, width: int) -> bool:
    """Was `line` pushed onto a new line by the wrap, rather than starting a block?

    The wrap moved the next word down only if it did not fit after
    `previous`; a short line therefore ends its paragraph.
    """
    if _ITEM.match(line) or len(previous) > width + 5 or _STARTS_BLOCK.match(line):
        return False
    if _CJK_EDGE.search(previous[-1:]):
        return len(previous) >= width * 0.8
    first = line.split(" ", 1)[0]
    return len(previous) + 1 + len(first) > width - 1 and len(previous) >= width * 0.6


def _join(previous: str, line: str) -> str:
    if _CJK_EDGE.search(previous[-1:]) and _CJK_EDGE.search(line[:1]):
        return previous + line
    if previous.endswith("-") and not previous.endswith(" -") and line[:1].islower():
        return previous + line
    return previous + " " + line
