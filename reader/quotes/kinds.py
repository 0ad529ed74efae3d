"""What a speaker is, judged from how it is written: a person, an organisation, or a
description nobody could be named for ("a European diplomat", "the ministry").

The one rule for it: the sidebar's Quoted list (`reader.quotes.speakers`) and the
People view (`reader.people`) both ask `classify`, so they never disagree. A
description stays a description: no word of it is taken for a name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from reader.quotes.names import (
    DEMONYMS,
    FEMALE_NAMES,
    FUNCTION_WORDS,
    MALE_NAMES,
    TITLE_WORDS,
    is_org,
    strip_titles,
)

SpeakerKind = Literal["person", "organisation", "description"]

_CONNECTIVES: Final = frozenset({"of", "for", "and", "&", "on", "the"})
"""Lower-case words an organisation's name holds between capitalised ones."""
_PARTICLES: Final = frozenset(
    {"de", "del", "der", "den", "van", "von", "da", "das", "dos", "du", "la", "le", "bin", "al"}
)
"""Lower-case words inside people's names ("Ursula von der Leyen")."""
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
_DETERMINERS: Final = frozenset(
    """a an the one two three some several another his her their its this that these those
    our my your any each""".split()
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """What one speaker string stands for: its kind and the tokens it is matched by."""

    kind: SpeakerKind
    tokens: tuple[str, ...]
    """Normalised (case-folded, accents dropped): a person's name from first to last."""
    shown: str
    """The name without titles, as written ("Sergei Lavrov")."""


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.strip(".,;:'\"()")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


@lru_cache(maxsize=65536)
def classify(speaker: str) -> Speaker:
    """Person, organisation or description, judged from the speaker's words alone."""
    words = speaker.split()
    folded = [_fold(word) for word in words]
    description = Speaker("description", tuple(folded), " ".join(words))
    if not words or not any(folded):
        return description
    if folded[0] in _DETERMINERS:
        rest = words[1:]
        if folded[0] == "the" and rest and rest[0][:1].isupper() and _proper(rest):
            if words[0] == "the" and kind_of_person(rest):
                return description  # "the Pole", "the Texan"
            return _organisation(words)  # "The Pentagon", not "the 56-year-old"
        return description
    if len(words) == 1 and words[0].islower():
        return description if folded[0] in FUNCTION_WORDS else _person(words)  # a handle
    if _names_a_group(folded):
        return description
    titled = _after_title(words, folded)
    if titled:
        return _person(titled)
    if not _proper(words):
        return description
    if is_org(words) or _named_with_connective(words, folded) or all(map(_is_acronym, words)):
        return _organisation(words)
    named = words[:-1] if len(words) > 1 and folded[-1] in _SUFFIXES else words
    core = strip_titles(named)
    while len(core) > 1 and all(part in TITLE_WORDS for part in _fold(core[0]).split("-")):
        core = core[1:]  # hyphenated titles: "Secretary-General Antonio Guterres"
    if any(_is_acronym(word) for word in core):
        return _organisation(words)
    if core:
        return _person(core)
    if len(named) > 1 and folded[0] not in TITLE_WORDS:
        return _person(named)  # a surname that is also a title word: "Martin Luther King"
    return description


def kind_of_person(words: Sequence[str]) -> bool:
    """Whether one capitalised word after a lower-case "the" says what kind of person
    someone is ("the Pole", "the Texan"), not which organisation ("the Pentagon") or group
    ("the Yankees")."""
    return len(words) == 1 and not words[0].endswith("s") and not is_org(tuple(words))


def _names_a_group(folded: Sequence[str]) -> bool:
    """A plural of a nationality, party or faith ("Democrats", "Senate Republicans", "Saudis"):
    a group of people, described, not named."""
    last = folded[-1]
    if len(last) < 4 or not last.endswith("s"):
        return False
    return last[:-1] in DEMONYMS


def _after_title(words: Sequence[str], folded: Sequence[str]) -> list[str]:
    """The name after the last title word when two or more capitalised words follow it and
    are not an organisation's: whatever precedes is the person's title, even if it holds
    an organisation or a place ("Atlantic City Mayor Don Guardian", "Army Capt. Christian
    Pardo", "State Department spokesman Ned Price"); a known first name makes them a
    person's even if a word of theirs can name an organisation ("Don Guardian")."""
    for position in range(len(words) - 3, -1, -1):
        if all(part in TITLE_WORDS for part in folded[position].split("-")):
            rest = list(words[position + 1 :])
            first = folded[position + 1]
            known = first in MALE_NAMES or first in FEMALE_NAMES
            if all(map(_capitalised, rest)) and (known or not is_org(rest)):
                return rest
            return []
    return []


def _proper(words: Sequence[str]) -> bool:
    """Capitalised words, with only connectives and name particles in lower case."""
    if not any(_capitalised(word) for word in words):
        return False
    return all(
        _capitalised(word) or _fold(word) in _CONNECTIVES or _fold(word) in _PARTICLES
        for word in words
    )


def _named_with_connective(words: Sequence[str], folded: Sequence[str]) -> bool:
    """ "Transport for London", "Friends of the Earth": a connective after a word that is
    not a title ("Secretary of State Antony Blinken" is a person)."""
    for position, word in enumerate(folded[1:], start=1):
        if word in {"of", "for", "and", "&"}:
            before = folded[:position]
            return not all(token in TITLE_WORDS for token in before)
    return False


def _is_acronym(word: str) -> bool:
    bare = word.rstrip(".")
    return len(bare) > 1 and bare.isupper() and bare.isalpha()


def _organisation(words: Sequence[str]) -> Speaker:
    return Speaker("organisation", tuple(_fold(word) for word in words), " ".join(words))


def _person(core: Sequence[str]) -> Speaker:
    tokens = [_fold(word) for word in core]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens.pop()
    return Speaker("person", tuple(token for token in tokens if token), " ".join(core))


def speaker_kind(form: str) -> SpeakerKind:
    """Person, organisation or description (see `classify`)."""
    return classify(form).kind
