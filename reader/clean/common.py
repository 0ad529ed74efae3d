"""Small helpers every cleaner shares: dates, titles from file names, whitespace."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTH_FIRST = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})")
_SLASHED = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s*([AaPp]\.?[Mm]\.?)?")
_NOT_WORD = re.compile(r"\W+")
_YEAR_DIGITS = re.compile(r"\d{4}")
"""Four digits in a row: every form below has them (the year), and most lines with a number
have none ("3 comments", "4:01 pm"), so one quick search turns them away."""


def normalise_date(value: str | None) -> str | None:
    """Any common date form to ISO 8601 (date, or date and time when given), else None."""
    if not value or _YEAR_DIGITS.search(value) is None:
        return None
    value = value.strip()
    match = _ISO.search(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        if not _valid(int(year), int(month), int(day)):
            return None
        if hour is None:
            return f"{year}-{month}-{day}"
        stamp = f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}"
        if zone:
            if zone == "Z":
                zone = "+00:00"
            stamp += zone if ":" in zone else zone[:3] + ":" + zone[3:]
        return stamp
    year = month = day = None
    if m := _MONTH_FIRST.search(value):
        month, day, year = _MONTHS.get(m.group(1)[:3].lower()), int(m.group(2)), int(m.group(3))
    elif m := _DAY_FIRST.search(value):
        day, month, year = int(m.group(1)), _MONTHS.get(m.group(2)[:3].lower()), int(m.group(3))
    elif m := _SLASHED.search(value):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (year and month and day and _valid(year, month, day)):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    clock = _TIME.search(value[m.end() :]) if m else None
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        meridiem = (clock.group(3) or "").lower().replace(".", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return f"{date}T{hour:02d}:{minute:02d}:00"
    return date


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2200


def title_from_path(path: str) -> str:
    """A readable title from a file name, for articles that have no headline."""
    stem = Path(path).stem
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def squash(text: str) -> str:
    """Collapse runs of white space (including non-breaking spaces) to one space."""
    return re.sub(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ", text).strip()


def text_key(text: str) -> str:
    """Word characters only, lower-cased: the same line however a page punctuates or spaces it."""
    return _NOT_WORD.sub("", text).lower()


def preformatted(text: str) -> str:
    """The text of a `<pre>` block (code, a poem, a table drawn in characters) with its line
    breaks and indentation kept, as one paragraph: squashing it into one line would make code
    unreadable. Tabs become spaces, the indentation every line shares goes, blank lines at
    either end go, and so does white space at line ends."""
    lines = [line.rstrip() for line in text.expandtabs(4).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
"""A date written in numbers: "10/18/2012", month and day in either order."""


def numeric_date(text: str, month_first: bool | None = None) -> str | None:
    """ "10/18/2012" or "18/10/2012": a numeric date whose order its numbers settle.

    "10/07/2012" reads either way: it is read in the order the page's other
    numeric dates settle (`month_first`), and left unread when none does.
    """
    match = NUMERIC_DATE.search(text)
    if not match:
        return None
    first, second, year = (int(part) for part in match.groups())
    if first > 12 >= second or (month_first is False and max(first, second) <= 12):
        first, second = second, first
    elif not second > 12 >= first and month_first is not True:
        return None
    return normalise_date(f"{year:04d}-{first:02d}-{second:02d}")
