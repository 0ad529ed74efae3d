"""Lines that sit inside a story's container but are not the story.

Templates put these between and after paragraphs with no markup that tells
them apart: ad labels, photo credits, newsletter pitches, "follow us" lines,
agency credits, timestamps. They are recognised by what they say, and only
when short, so a paragraph that merely mentions a newsletter survives.
"""

from __future__ import annotations

import re

from reader.clean.common import normalise_date

SHORT = 250
"""Clutter is brief; longer lines are kept whatever words they contain."""

_WHOLE_LINE = re.compile(
    r"^(?:advertisements?|advert|ad|anzeige|publicidade|publicité|sponsored(?: content)?|"
    r"story continues below.*|continue reading.*|read more|read next|read also|also read|"
    r"related(?: stories| articles| news| content)?|see also|more from .{0,40}|more stories|"
    r"you may also like|you might also like|recommended(?: for you)?|don'?t miss|topics|tags|"
    r"share(?: this)?(?: article| story| post| page)?|share on \w+|copy link|tweet|email|print|"
    r"sign up.{0,80}|subscribe.{0,80}|click here.{0,60}|"
    r"listen to (?:this|the) (?:article|story).*|loading.{0,20}|comments?|\d+ comments?|"
    r"caption|close|image \d+ of \d+|\d+ of \d+|(?:photo|image|picture)s? ?(?:credit|courtesy)?:.*|"
    r"getty images|(?:last )?(?:updated|published|posted|modified)\b.{0,60}|"
    r"(?:reading time|tempo de leitura|lesezeit|temps de lecture)\b.{0,30}|\d+ min(?:ute)?s? read)"
    r"[.:!…]*$",
    re.I,
)
_CREDIT = re.compile(
    r"^©|\(\s*(?:image|photo|picture|foto|bild|credit|source|pic)s?\s*:[^)]*\)\s*$"
    r"|^\(?(?:additional )?(?:reporting|writing|editing) by\b|contributed to this report",
    re.I,
)
_RIGHTS = re.compile(
    r"\ball rights reserved\b|^(?:copyright|\(c\))\s*(?:©\s*)?(?:\d{4}|\(c\))", re.I
)
"""A publisher's rights notice ("Copyright 2024 The Agency. All rights reserved.")."""
_ADDRESS_STARTS = ("http://", "https://", "www.")
_POINTER_LABEL = re.compile(r"^(?:[^\s.!?:]+\s+){0,3}[^\s.!?:]+$")
"""A label and bare addresses: "More science: https://..." points elsewhere, it tells nothing."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MAX_CONTACT_WORDS = 6
"""Words besides the address in a contact line ("Contact us: desk@example.com")."""
_PITCH_SUBJECT = re.compile(r"newsletter|inbox|podcast|\bapp\b|subscription", re.I)
_PITCH_VERB = re.compile(r"sign up|subscribe|deliver|get |receive|listen|download", re.I)
_FOLLOW = re.compile(r"\bfollow (?:us|him|her|them|me)\b|may be reached at|can be reached at", re.I)
_POST_LABEL = re.compile(
    r"\b(?:posted|published|publicado|publié|veröffentlicht|filed under|categor(?:y|ies|ia)|"
    r"catégorie|kategorie|tags|tagged|autor|author)\b",
    re.I,
)
"""Labels of a blog post's info line ("Posted by A - Category: B - Tags: c")."""
_DATE_WORD = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*$|"
    r"(?:updated|published|posted|last|modified|on|at|am|pm|a|p|m|gmt|utc|bst|cet|cest|"
    r"est|edt|cst|cdt|pst|pdt|ist|st|nd|rd|th|of|de|et|um|le|am|el)$",
    re.I,
)
"""Words a timestamp line is made of, besides the numbers."""
MAX_DATELINE_OTHER_WORDS = 2
"""A date line may name a place or a zone ("London, 12 May 2024"); a tweet credit names more."""
_BYLINE = re.compile(r"^(?:by|from|written by|words by|posted by)\s+\S", re.I)


def is_clutter(text: str) -> bool:
    """Whether a short line is page furniture rather than story text."""
    if len(text) > SHORT:
        return False
    if _WHOLE_LINE.match(text) or _CREDIT.search(text) or _FOLLOW.search(text):
        return True
    if not any(char.isalnum() for char in text):
        return True  # a separator ("___", "* * *")
    if _RIGHTS.search(text) or _is_pointer(text) or _is_contact(text):
        return True
    if _PITCH_SUBJECT.search(text) and _PITCH_VERB.search(text):
        return True
    if len(_POST_LABEL.findall(text)) >= 2:
        return True
    return len(text) < 80 and (bool(_BYLINE.match(text)) or _is_dateline(text))


def _is_pointer(text: str) -> bool:
    """A short label, a colon and nothing but addresses."""
    label, colon, rest = text.partition(":")
    if not colon or not _POINTER_LABEL.match(label):
        return False
    words = [word.strip(",") for word in rest.split() if word not in ("and", "&", ",")]
    return bool(words) and all(word.lower().startswith(_ADDRESS_STARTS) for word in words)


def _is_contact(text: str) -> bool:
    """A line that gives an e-mail address and little else."""
    address = _EMAIL.search(text)
    if address is None:
        return False
    rest = (text[: address.start()] + " " + text[address.end() :]).split()
    return len(rest) <= MAX_CONTACT_WORDS


def _is_dateline(text: str) -> bool:
    """A line that is only a date and time ("Updated 12 March 2024, 10:15 GMT")."""
    if not normalise_date(text):
        return False
    words = re.sub(r"\d+|[^\w\s]", " ", text).split()
    return sum(1 for word in words if not _DATE_WORD.match(word)) <= MAX_DATELINE_OTHER_WORDS
