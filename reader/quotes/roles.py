"""What a description says about its speaker, and who in the article fits it.

"the 56-year-old", "the actor", "the former president": news writing names
a person once, with their age, job or title ("actor Tomas Brenner", "Ana
Ruiz, 56,", "Former president Olga Varen"), then refers back with a
description. Each person mentioned before the quote gets the words the
article sets beside their name; the description is tied to the person
whose words fit it (an age must match exactly, otherwise the head noun),
and only when one person fits best. When nobody fits, or two fit equally,
the description stays a description: a wrong name is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from reader.quotes.names import FUNCTION_WORDS, ORG_HEADS, TITLE_WORDS, Mention, NameIndex

_AGE: Final = re.compile(r"\b(\d{1,3})-year-old\b")
_WORD: Final = re.compile(r"[\w’'-]+")
_DEFINITE: Final = re.compile(r"^(?:the|this|that)\s+", re.I)
_HEAD_END: Final = re.compile(r"\s+(?:at|of|for|in|from|with|on|to|who|whose)\s+.*$", re.S)
_CLAUSE_BREAK: Final = re.compile(r"[.;:!?()\"“”]|,\s|\s[-—–]+\s")
_APPOSITION: Final = re.compile(
    r",\s+(?:(?:the|a|an|now)\s+([^,.;:()“”\"]{1,60})|(\d{1,3}))\s*[,.;]"
)
"""", the actor," / ", a retired engineer from Dover." / ", 56,": a noun phrase or an age
between commas right after the name."""
NOT_PEOPLE: Final = ORG_HEADS | frozenset(
    """
statement report lawsuit suit email letter memo poll survey study document transcript book
article piece editorial tweet post video ad advert website site newspaper paper magazine
campaign show programme program interview release filing complaint record records note
message announcement page account blog column headline story
""".split()
)
"""Heads of descriptions that never stand for one person."""
_REACH_BEFORE: Final = 40
_REACH_AFTER: Final = 90
"""Characters after a name an apposition may take (", a retired engineer from Dover,")."""
_REACH_PARAGRAPHS: Final = 8
_STRONG: Final = 1.5
"""Characters before a name searched for its job or title ("Pose actor James …")."""

FEMALE_HEADS: Final = frozenset(
    """
woman actress mother wife daughter sister girl lady queen grandmother widow chairwoman
congresswoman spokeswoman businesswoman sportswoman councilwoman aunt niece princess
""".split()
)
MALE_HEADS: Final = frozenset(
    """
man father husband son brother boy king grandfather widower chairman congressman spokesman
businessman sportsman councilman uncle nephew prince
""".split()
)


@dataclass(frozen=True, slots=True)
class Description:
    """A definite description of a speaker: its head noun, other words, and an age."""

    head: str
    modifiers: frozenset[str]
    proper: frozenset[str]
    """Capitalised modifiers ("Senate", "Pose"), lower-cased: each one the person's words
    lack counts against them."""
    age: str | None
    gender: int
    """+1 when the head says "he" (father, spokesman), -1 for "she", 0 otherwise."""


@dataclass(frozen=True, slots=True)
class Fit:
    """How well one person fits a description; higher is better."""

    person: str
    score: float
    last_seen: tuple[int, int]


def parse_description(text: str) -> Description | None:
    """A definite description ("the former president", "the 56-year-old"), else None."""
    opening = _DEFINITE.match(text)
    if opening is None:
        return None
    body = _HEAD_END.sub("", text[opening.end() :])
    written = _WORD.findall(body)
    words = [word.lower() for word in written]
    if not words:
        return None
    proper = frozenset(word.lower() for word in written[:-1] if word[:1].isupper())
    age_match = _AGE.search(body)
    head = words[-1]
    if head in NOT_PEOPLE or head.endswith("s") and not head.endswith("ss"):
        return None  # a document, an organisation or a group: never one person
    gender = -1 if head in FEMALE_HEADS else 1 if head in MALE_HEADS else 0
    age = age_match.group(1) if age_match else None
    return Description(head, frozenset(words[:-1]), proper, age, gender)


def role_words(paragraph: str, mention: Mention) -> frozenset[str]:
    """The words the article sets beside one mention of a name: the job or title just
    before it ("actor", "former president") and an apposition after it (", 56,",
    ", the actor,"); ages as plain numbers."""
    start = max(0, mention.start - _REACH_BEFORE)
    before = paragraph[start : mention.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    named = set(mention.key.lower().split())
    found = [  # a title inside the run: "Former president Olga Varen", "Actor Tomas Brenner"
        word.lower()
        for word in paragraph[mention.start : mention.end].split()
        if word.lower() not in named
    ]
    for word in reversed(before.split()):
        plain = word.lower().rstrip(",")
        if (
            plain in FUNCTION_WORDS
            or not plain[:1].isalnum()
            or word[:1].isupper()
            and plain not in TITLE_WORDS
            or plain.endswith(("'s", "’s"))
        ):
            break  # only the job or title written right before the name
        found.append(plain)
    apposed = _APPOSITION.match(paragraph, mention.end)
    if apposed:
        phrase = _HEAD_END.sub("", apposed.group(1) or apposed.group(2))
        found.extend(word.lower() for word in _WORD.findall(phrase))
    ages = [age.group(1) for word in found if (age := _AGE.search(word))]
    return frozenset(found + ages)


def described_person(
    description: Description, index: NameIndex, paragraph: int, offset: int
) -> str | None:
    """The one person mentioned before (paragraph, offset) whom the description fits best."""
    fits: dict[str, Fit] = {}
    needle = description.age or description.head
    written: dict[int, bool] = {}
    """Per paragraph: whether the job or age may be written in it at all, so that the
    paragraphs without it are skipped whole (the mentions go back to the article's start)."""
    for position, mention in enumerate(index.mentions_between(0, paragraph)):
        if not mention.person or (mention.paragraph, mention.start) >= (paragraph, offset):
            continue
        text = index.paragraphs[mention.paragraph]
        if mention.paragraph == paragraph and not text[mention.end : offset].strip(" ,"):
            continue  # "As Ruiz met Brandt, the crowd chanted": the description's own place
        in_paragraph = written.get(mention.paragraph)
        if in_paragraph is None:  # lower() maps each character alone, but for a capital sigma
            in_paragraph = "Σ" in text or needle in index.lower_paragraph(mention.paragraph)
            written[mention.paragraph] = in_paragraph
        if not in_paragraph:
            continue
        near = text[max(0, mention.start - _REACH_BEFORE) : mention.end + _REACH_AFTER]
        if needle not in near.lower():
            continue  # the cheap test first: the job or age is not even written nearby
        words = index.role_words.get(position)
        if words is None:
            words = index.role_words[position] = role_words(text, mention)
        score = _score(description, words)
        if score < _STRONG and paragraph - mention.paragraph > _REACH_PARAGRAPHS:
            continue  # a job alone points back a few paragraphs at most; an age, further
        if score <= 0 or description.gender and index.gender(mention.key) == -description.gender:
            continue
        seen = (mention.paragraph, mention.start)
        known = fits.get(mention.key)
        if known is None or score > known.score:
            fits[mention.key] = Fit(mention.key, score, seen)
        else:
            fits[mention.key] = Fit(mention.key, known.score, seen)
    if not fits:
        return None
    ranked = sorted(fits.values(), key=lambda fit: (fit.score, fit.last_seen), reverse=True)
    if len(ranked) > 1 and ranked[1].score == ranked[0].score:
        return None  # two people fit as well: keep the description
    return ranked[0].person


def _score(description: Description, words: frozenset[str]) -> float:
    if description.age is not None:
        return 2.0 if description.age in words else 0.0
    if description.head not in words:
        return 0.0
    return 1.0 + 0.5 * len(description.modifiers & words) - 0.5 * len(description.proper - words)
