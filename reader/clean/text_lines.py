"""Turn a raw text scrape into measured lines: line endings, odd spaces, hard wraps.

A select-all copy puts every block of the page on its own line, while a text
saved from an e-mail or a terminal is hard-wrapped at about 70 columns. Both
become a list of `Line`s, one per paragraph-sized block, with the features the
body and metadata finders look at computed once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from reader.clean.common import normalise_date
from reader.model import count_words

_ODD_SPACES = "\t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
"""Tabs and the Unicode spaces a browser copies from `&nbsp;` and typographic spacing."""
_INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width characters and soft hyphens, which only break up words."""
_DIGIT = re.compile(r"\d")
_UNCASED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_EDGE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_TOKEN = re.compile(r"\w+")
"""A word for a line's key: letters and digits of any script, punctuation dropped."""
_WORD_BREAKS = re.compile("[\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00ab\u00bb\u00b7]")
"""Marks outside ASCII that stand between words (curly quotes, dashes, an ellipsis, a bullet,
guillemets, a middle dot): blanked, they leave many a non-ASCII line plain ASCII."""
_ASCII_PUNCTUATION = bytes.maketrans(b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", b" " * 32)
"""ASCII punctuation to blank out for an ASCII line's key: translating bytes is faster."""
_INITIAL = re.compile(r"\s[\"'“‘«„(\[¿¡*•\-–—]*(\w)")
"""The first letter of each word, after any opening quote or bracket."""
_OPENERS = "\"'([*-"
"""The ASCII marks `_INITIAL` skips before a word's first letter."""


def _case_table() -> bytes:
    """Bytes to case signs: "l" lower case, "U" upper case, "m" an opening mark, " " a space,
    "d" a digit.

    Any other byte is "x", except the line break, which stays. In these signs a
    word's first letter in an ASCII line is a sign after a space and any marks,
    so with the marks dropped `str.count` finds what `_INITIAL` would, without a
    regex scan per line.
    """
    signs = bytearray(b"x" * 256)
    for code in range(128):
        char = chr(code)
        if "a" <= char <= "z":
            signs[code] = ord("l")
        elif "A" <= char <= "Z":
            signs[code] = ord("U")
        elif char in _OPENERS:
            signs[code] = ord("m")
        elif char.isdigit():
            signs[code] = ord("d")
        elif char.isspace():
            signs[code] = ord(" ")
    signs[ord("\n")] = ord("\n")
    return bytes(signs)


_CASE_SIGNS = _case_table()
_CLOSERS = "\"'”’»)] \u00a0"
_ENDS = ".!?…。！？"
CASE_MIN_WORDS = 3
"""Shorter lines are never told apart by case, so their share is not worked out."""
CASE_SAMPLE_CHARS = 120
"""Characters looked at for the share of words in lower case: enough to tell prose from a
headline."""
WHOLE_LINE_BELOW = 0.55
"""Below this share in the sample, a longer line is judged by all its words: a sentence
opening with names ("Jane Doe of Acme Corp. said ...") reads as prose further on."""
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’»)]*(?:\s|$)")
_BULLET = re.compile(r"^(?:[•●◦▪▫■□‣⁃∙·]\s*|[*\-–—]\s+)(?=\S)")
_ITEM = re.compile(r"^(?:[•●◦▪▫■□‣⁃∙·*\-–—]|\d{1,2}[.)])\s+")

_STARTS_BLOCK = re.compile(
    r"^(?:by\s|published\b|updated\b|posted\b|photo\b|image\b|credit\b|"
    r"(?-i:[A-Z][a-z'’-]+(?: [A-Z][a-z'’.-]*[a-z])){1,3}$|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? \d|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|"
    r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
"""Lines that start a block of their own (a byline, a date, a bare name), never a wrapped tail."""
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 100
"""Hard wraps are looked for only at widths people and tools actually use."""
WRAP_BAND = 15
"""Wrapped lines end within this many columns of the wrap width."""
OPEN_ENDED = 0.6
"""Share of the lines in the wrap band that must stop in mid-sentence."""


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
    bullet: bool = False
    """Starts with a bullet symbol ("•", "-", "*"), not a number."""
    item: bool = False
    """Starts with a bullet or a list number ("1.", "2)")."""
    digits: bool = False
    """Holds a digit: dates, figures and table rows need one, so most lines are passed over."""
    lower: str = field(default="", repr=False)
    """The text in lower case, for the clutter patterns, which are written in lower case."""
    key: str = field(default="", repr=False)
    """Case- and punctuation-free form, to spot the same line repeated across the page."""
    kind: object = field(default=None, repr=False, compare=False)
    """What the body finder made of the line, kept so it is worked out once."""
    byline: bool | None = field(default=None, repr=False, compare=False)
    """Whether the line names the writers, once the metadata finder has asked."""
    dateline: bool | None = field(default=None, repr=False, compare=False)
    """Whether the line carries the publication date, once the metadata finder has asked."""
    clutter: bool | None = field(default=None, repr=False, compare=False)
    """Whether the line is page clutter, once the line classifier has asked."""
    date: str | None = field(default=None, repr=False, compare=False)
    """The line read whole as a date (`normalise_date`), "" when it is none, once asked: the
    story finder and the metadata finder ask about the same short lines."""
    stamp: bool | None = field(default=None, repr=False, compare=False)
    """Whether the line is a stamped header (`text_ends.stamped`), once asked."""
    table_row: bool | None = field(default=None, repr=False, compare=False)
    """Whether the line is shaped as a row of a table or list, once the table finder has asked
    (it asks again each time the story is looked for)."""
    bare_names: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    """The writers' names the line holds with no "By" before them, once the byline finder
    has asked (the headline search asks again about the same lines)."""
    _sentences: int = field(default=-1, repr=False, compare=False)
    twin: Line | None = field(default=None, repr=False, compare=False)
    """An earlier line of the page with the same text (menus repeat in the footer), whose
    answers this one can share."""

    @property
    def sentences(self) -> int:
        """Sentence ends in the line, counted when first asked: only long lines ever are."""
        if self._sentences < 0:
            text = self.text
            if text.isascii():
                breaks = text.count(". ") + text.count("? ") + text.count("! ") + text.count('." ')
            else:
                breaks = len(_SENTENCE_BREAK.findall(text))
            self._sentences = breaks + self.ends_sentence
        return self._sentences


def date_of(line: Line) -> str | None:
    """`normalise_date` of the whole line, read once per line (a repeated line takes its first
    showing's answer)."""
    known = line.date
    if known is None:
        twin = line.twin
        known = line.date = (date_of(twin) if twin is not None else normalise_date(line.text)) or ""
    return known or None


def split_lines(text: str) -> list[Line]:
    """Normalise white space, join hard-wrapped lines and measure every non-empty line."""
    text = _normalise_spaces(text.replace("\r\n", "\n").replace("\r", "\n"))
    raw = [line.strip() for line in text.split("\n")]
    width = _wrap_width(raw)
    if width:
        return [measure(block, i, blank) for i, (block, blank) in enumerate(_unwrap(raw, width))]
    # Not wrapped, so every non-empty line is a block: lower-case and blank out punctuation
    # in the whole text at once (a few C calls) instead of once per line.
    lowered = text.lower()
    lower_lines = lowered.split("\n")
    folded_lines = (
        lowered.encode("utf-8", "surrogatepass")
        .translate(_ASCII_PUNCTUATION)
        .decode("utf-8", "surrogatepass")
        .split("\n")
    )
    sign_lines = (
        text.encode("utf-8", "surrogatepass").translate(_CASE_SIGNS).decode("ascii").split("\n")
    )
    lines: list[Line] = []
    seen: dict[str, Line] = {}
    blank = False
    for line, lower, folded, signs in zip(raw, lower_lines, folded_lines, sign_lines, strict=True):
        if not line:
            blank = True
            continue
        twin = seen.get(line)
        if twin is None:
            seen[line] = _measure(line, len(lines), blank, lower.strip(), folded, signs)
            lines.append(seen[line])
        else:
            lines.append(_repeat(twin, len(lines), blank))
        blank = False
    return lines


def _repeat(twin: Line, index: int, blank_before: bool) -> Line:
    """A line whose text appeared before: the same measurements, its own place."""
    return Line(
        twin.text,
        index,
        blank_before,
        twin.words,
        twin.chars,
        twin.uncased,
        twin.lower_ratio,
        twin.ends_sentence,
        twin.bullet,
        twin.item,
        twin.digits,
        twin.lower,
        twin.key,
        twin=twin,
    )


def _normalise_spaces(text: str) -> str:
    """Drop invisible characters, make odd spaces plain and runs of spaces one.

    Plain `str.replace` per character present runs in C over the whole page,
    several times faster than a regular expression substitution.
    """
    if "\t" in text:
        text = text.replace("\t", " ")
    if not text.isascii():
        for char in _INVISIBLES:
            if char in text:
                text = text.replace(char, "")
        for char in _ODD_SPACES:
            if char in text:
                text = text.replace(char, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _unwrap(raw: list[str], width: int) -> list[tuple[str, bool]]:
    """Join the lines a hard wrap split, each block with whether a blank line came before it."""
    blocks: list[tuple[str, bool]] = []
    blank = False
    last = ""
    for line in raw:
        if not line:
            blank = True
            continue
        if blocks and not blank and _continues(last, line, width):
            previous, had_blank = blocks[-1]
            blocks[-1] = (_join(previous, line), had_blank)
        else:
            blocks.append((line, blank))
        blank = False
        last = line
    return blocks


def measure(text: str, index: int = 0, blank_before: bool = False) -> Line:
    """Compute the features of one line."""
    lower = text.lower()
    folded = (
        lower.encode("utf-8", "surrogatepass")
        .translate(_ASCII_PUNCTUATION)
        .decode("utf-8", "surrogatepass")
    )
    return _measure(text, index, blank_before, lower, folded, None)


def _measure(
    text: str, index: int, blank_before: bool, lower_text: str, folded: str, signs: str | None
) -> Line:
    """The features of one line, given it in lower case, with ASCII punctuation blanked
    and (if the page was cut into lines at once) in case signs (`_case_table`).

    This runs on every line of every page, so it sticks to string methods
    (which run in C) and leaves regular expressions to the rare lines that
    need them: non-ASCII text, bullets.
    """
    ascii_line = text.isascii()
    if ascii_line:
        uncased = False
        key = " ".join(folded.split())
        words = key.count(" ") + 1 if key else 0
        digits = "d" in signs if signs is not None else _DIGIT.search(text) is not None
    else:
        # An ASCII digit shows in the signs; only a line without one is searched for others.
        digits = (signs is not None and "d" in signs) or _DIGIT.search(text) is not None
        uncased_chars = len(_UNCASED.findall(text)) if _UNCASED.search(text) else 0
        uncased = bool(uncased_chars) and uncased_chars * 3 >= len(text.replace(" ", ""))
        plain = _WORD_BREAKS.sub(" ", folded)
        if plain.isascii() and plain.isprintable() and "_" not in lower_text:
            # Only printable ASCII is left once the common marks are blanked: the words are
            # the runs that neither ASCII punctuation nor those marks break, as `_TOKEN` finds.
            key = " ".join(plain.split())
        else:
            key = " ".join(_TOKEN.findall(lower_text))
        words = (
            count_words(text)
            if uncased_chars or _CJK_EDGE.search(text)
            else (key.count(" ") + 1 if key else 0)
        )
    lower_ratio = 0.0
    if words >= CASE_MIN_WORDS:
        if (
            signs is not None
            and not uncased
            and (ascii_line or _signs_fit(text, signs.lstrip(" ")))
        ):
            # Opening marks dropped, a word's first letter is a sign right after a space.
            sample = (" " + signs.lstrip(" ")[:CASE_SAMPLE_CHARS]).replace("m", "")
            lower = sample.count(" l")
            cased = lower + sample.count(" U")
            lower_ratio = lower / cased if cased else 0.0
        else:
            lower_ratio = _lower_share(text[:CASE_SAMPLE_CHARS])
        if lower_ratio < WHOLE_LINE_BELOW and len(text) > CASE_SAMPLE_CHARS:
            lower_ratio = _lower_share(text)
    ending = text.rstrip(_CLOSERS)[-1:]
    ends_sentence = bool(ending) and ending in _ENDS
    first = text[:1]
    plain_start = first.isalnum()
    return Line(
        text,
        index,
        blank_before,
        words,
        len(text),
        uncased,
        lower_ratio,
        ends_sentence,
        not plain_start and bool(_BULLET.match(text)),
        (not plain_start or first.isdigit()) and bool(_ITEM.match(text)),
        digits,
        lower_text,
        key,
    )


def _lower_share(text: str) -> float:
    """The share of the cased words in `text` that start in lower case."""
    initials = _INITIAL.findall(" " + text)
    lower = sum(map(str.islower, initials))
    cased = lower + sum(map(str.isupper, initials))
    return lower / cased if cased else 0.0


def _signs_fit(text: str, signs: str) -> bool:
    """Do the page's case signs for this line (one per UTF-8 byte) cover its sample one to one?

    They do for an ASCII line. A line whose sample is ASCII but which has other
    characters further on fits too, as long as the signs start where the text
    does (a non-ASCII space stripped off its start would shift them).
    """
    if text.isascii():
        return True
    return (
        text[:CASE_SAMPLE_CHARS].isascii()
        and signs[:1] == chr(_CASE_SIGNS[ord(text[0])])
        and (signs[:1] != "x")
    )


def strip_bullet(text: str) -> str:
    """The text of a list item without its bullet."""
    return _BULLET.sub("", text, count=1).strip()


def _wrap_width(lines: list[str]) -> int:
    """The column a hard-wrapped text was wrapped at, or 0 when it was not wrapped.

    A wrapped text has many lines ending in a narrow band just short of one
    width and almost none beyond it (a footer or a URL may stick out), and
    most of those lines stop in mid-sentence; a browser copy has paragraphs
    of every length, and a list of similar lines ends each one complete.
    """
    lengths = sorted(map(len, lines))
    lengths = lengths[bisect_left(lengths, 20) :]
    if len(lengths) < 4 or lengths[len(lengths) // 2] > MAX_WRAP_WIDTH:
        return 0
    allowed_over = max(2, len(lengths) // 10)
    best_count, best_width = 0, 0
    for width in range(MIN_WRAP_WIDTH, MAX_WRAP_WIDTH + 1):
        upto = bisect_right(lengths, width)
        if len(lengths) - upto > allowed_over:
            continue
        count = upto - bisect_right(lengths, width - WRAP_BAND)
        if count > best_count:
            best_count, best_width = count, width
    if best_count < max(3, len(lengths) * 0.4):
        return 0
    band = [line for line in lines if best_width - WRAP_BAND < len(line) <= best_width]
    open_ended = sum(1 for line in band if line[-1].islower() or line[-1] in ",;-")
    return best_width if open_ended >= len(band) * OPEN_ENDED else 0


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
