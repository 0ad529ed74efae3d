"""What a description says about its speaker, and who in the article fits it.

"the 56-year-old", "the actor", "the former president": news writing names
a person once, with their age, job or title ("actor Tomas Brenner", "Ana
Ruiz, 56,", "Former president Olga Varen"), then refers back with a
description. Each person mentioned before the quote gets the words the
article sets beside their name; the description is tied to the person
whose words fit it (an age must match exactly, otherwise the head noun;
an age the article never wrote before leaves the head noun to decide),
and only when one person fits best. When nobody fits, or two fit equally,
the description stays a description: a wrong name is worse than none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Final

from reader.quotes.names import (
    FEMALE_HEADS,
    FUNCTION_WORDS,
    MALE_HEADS,
    ORG_HEADS,
    TITLE_WORDS,
    Mention,
    NameIndex,
    opens_sentence,
)

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
_PREDICATE: Final = re.compile(
    r"\s+(?:(?:is|was|has\s+been|had\s+been|remains|became)\s+(?:a|an|the)"
    r"|(?:is|was|had\s+been|became)\s+(?:elected|named|appointed)(?:\s+as)?(?:\s+(?:a|an|the))?"
    r"|became)\s+((?![a-z]+ing\b)[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}?)"
    r"(?=\s+(?:who|from|since|for|and|in|at|of|on|to|with|after|before|when|until)\b|[,.;:])"
)
"""What the sentence says the name is, as a noun phrase of up to four words: "Ana Ruiz is
a veteran actor from Ohio", "Ruiz was elected governor in 2010", "Ruiz became mayor"."""
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
_AGE_SPANS: Final = {
    "teenager": range(13, 20),
    "teen": range(13, 20),
    "sexagenarian": range(60, 70),
    "septuagenarian": range(70, 80),
    "octogenarian": range(80, 90),
    "nonagenarian": range(90, 100),
    "centenarian": range(100, 120),
}
"""Nouns that say a person's age: "the teenager" is someone the article says is 13 to 19."""
_REACH_PARAGRAPHS: Final = 8
_STRONG: Final = 1.5
"""Characters before a name searched for its job or title ("Pose actor James …")."""


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
    age_unwritten: bool = False
    """The article wrote the age nowhere before: a person given no age may fit by the noun."""


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
    if apposed is None and opens_sentence(paragraph, mention.start):
        apposed = _PREDICATE.match(paragraph, mention.end)  # what the subject is said to be
    if apposed:
        phrase = _HEAD_END.sub("", apposed.group(1) or apposed.group(2))
        found.extend(word.lower() for word in _WORD.findall(phrase))
    ages = [age.group(1) for word in found if (age := _AGE.search(word))]
    return frozenset(found + ages)


def described_person(
    description: Description, index: NameIndex, paragraph: int, offset: int
) -> str | None:
    """The one person mentioned before (paragraph, offset) whom the description fits best.

    An age the article never wrote before is no evidence either way: "the 71-year-old
    diplomat" then fits by its noun, as "the diplomat" would."""
    span = _AGE_SPANS.get(description.head)
    if span is not None and description.age is None:
        return _one_of_age(description, span, index, paragraph, offset)
    found = _best_fit(description, index, paragraph, offset)
    age = description.age
    if found is None and age and not description.head.endswith("-old"):
        written = _written_in(index, age)
        if not written or written[0] >= paragraph:  # only in the description's paragraph
            return _best_fit(replace(description, age_unwritten=True), index, paragraph, offset)
    return found


_CAPITALISED: Final = re.compile(r"[A-Z][\w-]+")


def person_of_place(noun: str, index: NameIndex, paragraph: int, offset: int) -> str | None:
    """The one person named near a word for the place that a capitalised noun says they are
    from ("the Pole" for "Poland's Tomasz Nowak" or "Nowak of Poland", "the Texan" for
    "Texas Gov. Rick Perry"): the words share their first letters, at least half the noun's.
    Two such people, or none, leave the description as written."""
    stem = noun[: max(3, len(noun) // 2 + 1)].lower()
    people: set[str] = set()
    for position in index.positions_between(paragraph - _REACH_PARAGRAPHS, paragraph):
        mention = index.mentions[position]
        if not mention.person or (mention.paragraph, mention.start) >= (paragraph, offset):
            continue
        text = index.paragraphs[mention.paragraph]
        before = text[max(0, mention.start - _REACH_BEFORE) : mention.start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
        near = before + " " + text[mention.start : mention.end + 25]
        if any(
            word.lower().startswith(stem) and word != noun for word in _CAPITALISED.findall(near)
        ):
            people.add(mention.key)
    return people.pop() if len(people) == 1 else None


def _one_of_age(
    description: Description, span: range, index: NameIndex, paragraph: int, offset: int
) -> str | None:
    """The one person whose age the noun says ("the teenager" for "Ana Ruiz, 19,"): each age
    it covers is tried as if written ("the 19-year-old"); two people of those ages, or
    none, leave the description as it is."""
    people = {
        person
        for age in span
        if (person := _best_fit(replace(description, age=str(age)), index, paragraph, offset))
    }
    return people.pop() if len(people) == 1 else None


def _best_fit(
    description: Description, index: NameIndex, paragraph: int, offset: int
) -> str | None:
    """The person whose words fit best, if no other fits as well."""
    fits: dict[str, Fit] = {}
    needle = description.head if description.age_unwritten else description.age or description.head
    for number in _written_in(index, needle):
        if number > paragraph:
            break
        text = index.paragraphs[number]
        for position in index.positions_between(number, number):
            mention = index.mentions[position]
            if not mention.person or (number, mention.start) >= (paragraph, offset):
                continue
            if number == paragraph and not text[mention.end : offset].strip(" ,"):
                continue  # "As Ruiz met Brandt, the crowd chanted": the description's own place
            score = _mention_score(description, index, position, needle)
            if score < _STRONG and paragraph - number > _REACH_PARAGRAPHS:
                continue  # a job alone points back a few paragraphs at most; an age, further
            if (
                score <= 0
                or description.gender
                and index.gender(mention.key) == -description.gender
            ):
                continue
            seen = (number, mention.start)
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


def _written_in(index: NameIndex, needle: str) -> list[int]:
    """The paragraphs in which a job or an age may be written, found once per article and
    word, by one search over the article in lower case: every description looks back to
    the article's start, and only these paragraphs can hold a mention it fits. lower()
    maps each character alone, but for a capital sigma, so a paragraph with one is always
    looked at."""
    found = index.written_in.get(needle)
    if found is None:
        text, starts = index.lowered_article()
        numbers: set[int] = set()
        if "σ" in text or "ς" in text:  # what a capital sigma lowers to: rare, looked for first
            numbers.update(number for number, line in enumerate(index.paragraphs) if "Σ" in line)
        at = text.find(needle)
        while at >= 0:
            number = bisect_right(starts, at) - 1
            numbers.add(number)
            at = text.find(needle, starts[number + 1] if number + 1 < len(starts) else len(text))
        found = index.written_in[needle] = sorted(numbers)
    return found


def _mention_score(description: Description, index: NameIndex, position: int, needle: str) -> float:
    """How well the words beside one mention fit the description (0 when the job or age is
    not even written near it, the cheap test first)."""
    mention = index.mentions[position]
    text = index.paragraphs[mention.paragraph]
    near = text[max(0, mention.start - _REACH_BEFORE) : mention.end + _REACH_AFTER]
    if needle not in near.lower():
        return 0.0
    words = index.role_words.get(position)
    if words is None:
        words = index.role_words[position] = role_words(text, mention)
    return _score(description, words)


def _score(description: Description, words: frozenset[str]) -> float:
    if description.age is not None:
        if description.age in words:
            return 2.0
        if not description.age_unwritten or any(word.isdigit() for word in words):
            return 0.0  # an age that does not match, or none to go by
    if description.head not in words:
        return 0.0
    return 1.0 + 0.5 * len(description.modifiers & words) - 0.5 * len(description.proper - words)
