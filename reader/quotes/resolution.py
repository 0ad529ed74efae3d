"""From a speaker phrase to a speaker: pronouns, descriptions and short names.

"he said" is matched against the people named so far, preferring recent
speakers and sentence subjects of the right gender over whatever name is
nearest; "the official" points back to "a senior official at the
ministry", "the company" to the organisation named last; a surname becomes
the fullest name the article uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Final, NamedTuple

from reader.quotes.context import sentences
from reader.quotes.cues import ANY_CUE
from reader.quotes.names import (
    FEMALE_HEADS,
    FUNCTION_WORDS,
    MALE_HEADS,
    ORG_HEADS,
    Mention,
    NameIndex,
    adverbial_clause,
    is_org,
    is_place,
    name_runs,
)
from reader.quotes.names import clear_caches as clear_name_caches
from reader.quotes.roles import described_person, parse_description, person_of_place
from reader.quotes.subjects import PERSONAL, Subject


@dataclass(slots=True)
class SpeakerMemory:
    """People attributed so far, most recent last, for pronouns and continuations."""

    paragraphs: list[str]
    spoken: list[tuple[int, int, str, bool]] = field(default_factory=list)
    """(paragraph, offset, speaker, is a person)."""
    quoted: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    """Quoted ranges per paragraph: names inside quotes are not antecedents."""
    saliences: dict[tuple[int, int], float | None] = field(default_factory=dict)

    def inside_quote(self, paragraph: int, offset: int) -> bool:
        """Whether an offset lies in quoted words (asked per mention: a loop, not any())."""
        for lo, hi in self.quoted.get(paragraph, ()):  # noqa: SIM110
            if lo <= offset < hi:
                return True
        return False

    def salience(self, index: NameIndex, mention: Mention) -> float | None:
        """How likely a mention is to be what a later pronoun means (None: never).

        A name opening its sentence counts most; one inside a quote not at all;
        a capitalised pair that may not be a person ("Music City") counts less.
        """
        key = (mention.paragraph, mention.start)
        if key in self.saliences:
            return self.saliences[key]
        value: float | None = None
        if not self.inside_quote(mention.paragraph, mention.start):
            value = 2.0 if index.is_subject(mention) else 0.5
            if not index.confirmed_person(mention.key):
                value -= 0.75
        self.saliences[key] = value
        return value


class Resolved(NamedTuple):
    """Who a speaker phrase stands for: a name (or the phrase itself when nobody fits),
    and whether that is a person rather than an organisation or a document."""

    speaker: str | None
    person: bool


NOBODY: Final = Resolved(None, False)


def resolve(subject: Subject, index: NameIndex, paragraph: int, memory: SpeakerMemory) -> Resolved:
    """The fullest name behind a speaker phrase, and whether it is a person."""
    if subject.kind == "name":
        key, person = index.canonical(subject.text.split())
        return Resolved(key or subject.text, person)
    if subject.kind == "descriptor":
        return _resolve_description(subject, index, paragraph, memory)
    word = subject.text.lower()
    if word in PERSONAL:
        gender = PERSONAL[word]
        number, start = _pronoun_chain_start(gender, paragraph, subject.start, memory)
        described = _described_before(gender, index, number, start, memory)
        if described is not None:
            return described
        name = _named_before(gender, index, number, start, memory)
        if name is None:
            name = resolve_pronoun(gender, index, number, start, memory)
        if name:
            index.learn_gender(name, PERSONAL[word])
        return Resolved(name, True)
    if word in ("it", "they"):
        for _para, _offset, speaker, person in reversed(memory.spoken):
            if paragraph - _para > 3:
                break
            if not person or word == "they" and index.gender(speaker) == 0:
                return Resolved(speaker, person)
        for mention in reversed(index.mentions_between(paragraph - 1, paragraph)):
            if (mention.paragraph, mention.start) < (paragraph, subject.start) and (
                not mention.person
            ):
                return Resolved(mention.key, False)
    return NOBODY


_DESCRIBED_OPENING: Final = re.compile(
    r"(?:[Aa]n?|[Tt]he|[A-Z][\w’'-]*['’]s)\s+(?:[\w’'/-]+\s+){0,4}?([a-z]+)\s+(?!of\b|at\b|for\b)[a-z]"
)
"""A sentence opening with a description and its verb: "A Veltrix spokeswoman declined",
"The admiral chuckled"."""
_SENTENCE_END: Final = re.compile(r"[.?!][”\"’']*\s+(?=\S)")


def _sentence_before(paragraph: int, offset: int, memory: SpeakerMemory) -> tuple[int, int, str]:
    """(paragraph, start, text) of the sentence before the quote that a pronoun at `offset`
    attributes, or of the pronoun's own sentence up to a quote it introduces; the previous
    paragraph's last sentence when the quote opens its paragraph."""
    text = memory.paragraphs[paragraph]
    end = offset
    for lo, hi in memory.quoted.get(paragraph, ()):
        if hi <= offset and not _SENTENCE_END.search(text, hi + 1, offset + 1):
            end = lo - 1  # the quote's opening mark
    before = text[: max(end, 0)].rstrip()
    if not before and paragraph > 0:
        paragraph -= 1
        before = memory.paragraphs[paragraph].rstrip()
    cut = 0
    for stop in _SENTENCE_END.finditer(before):
        cut = stop.end()
    return paragraph, cut, before[cut:]


_OPENING_PRONOUN: Final = {"He ": 1, "She ": -1}
_CHAIN_LIMIT: Final = 6
"""Sentences a run of "She …. She …." is followed back through, at most."""


def _pronoun_chain_start(
    gender: int, paragraph: int, offset: int, memory: SpeakerMemory
) -> tuple[int, int]:
    """Where "he" or "she" is to be read from: before the run of sentences right before it
    that open with the same pronoun, which all mean one person ("Ann Ruiz runs the shop. She
    sent me to her aunt, Bea Ortiz. “…,” she said." is Ruiz: a name inside such a sentence
    is not whom the pronoun continues)."""
    for _ in range(_CHAIN_LIMIT):
        number, start, sentence = _sentence_before(paragraph, offset, memory)
        if _OPENING_PRONOUN.get(sentence[: 4 - (gender > 0)]) != gender:
            break
        if (number, start) >= (paragraph, offset):
            break
        paragraph, offset = number, start
    return paragraph, offset


_THIRD_PERSON: Final = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
_PREPOSITIONS: Final = frozenset(
    "in at from of to with for on by about than against into over toward towards like".split()
)
_SUBORDINATORS: Final = frozenset(
    "when while after as because if although though since before until once whereas unless".split()
)
_AUXILIARIES: Final = re.compile(r"(?:has|have|had|also|later|then|would|will)\s+")


def _speaks(text: str, end: int) -> bool:
    """Whether a reporting word follows the name ending at `end` ("…, Stovall said", "Ryan
    has said")."""
    at = end + 1
    auxiliary = _AUXILIARIES.match(text, at)
    return ANY_CUE.match(text, auxiliary.end() if auxiliary else at) is not None


def _owned_or_subordinate(text: str, start: int, mention: Mention) -> bool:
    """Whether a name that opens its sentence is not what the sentence is about: it owns the
    subject ("Ruiz’s plan failed") or opens a subordinate clause ("When Ruiz left, …")."""
    if text[mention.end : mention.end + 2] in ("’s", "'s"):
        return True
    first = text[start : mention.start].split(None, 1)
    return bool(first) and first[0].lower() in _SUBORDINATORS


def _named_before(
    gender: int, index: NameIndex, paragraph: int, offset: int, memory: SpeakerMemory
) -> str | None:
    """Who "he" or "she" is when the sentence right before is about a person of that gender
    named as its subject ("Bo Lind warned that the plan would fail. “…,” he said."): the
    subject, over anyone named after it in that sentence or spoken before it. None when
    the sentence opens otherwise or its subject's gender is not known to fit."""
    number, start, sentence = _sentence_before(paragraph, offset, memory)
    text = memory.paragraphs[number]
    head = text[: start + len(sentence)].rstrip(" '\"“‘")
    if not head and number > 0:  # a quote opened with '' opens the paragraph
        number -= 1
        text = head = memory.paragraphs[number].rstrip()
    start, end = sentences(head)[-1]  # not cut after "Mr." or an initial
    people: list[Mention] = []
    for mention in index.mentions_between(number, number):
        if mention.end <= start or memory.inside_quote(number, mention.start):
            continue  # a name may hold the sentence's first stop ("Gov. Ana Ruiz")
        if mention.start >= end:
            break
        if is_place(mention.key):
            continue
        if not (mention.person or index.lone_name_person(mention.key)):
            continue  # "Obama" once called "he" is a person; "Bringing …" is not
        people.append(mention)
    if not people or _THIRD_PERSON.search(text, start, people[0].start):
        return None  # "she was more nervous than Ann Ruiz": the pronoun is someone else
    subject = people[0]
    keys = {mention.key for mention in people}
    if len(keys) == 1 and not index.is_subject(subject):
        words = text[start : subject.start].split()
        if words and words[-1].lower() in _PREPOSITIONS:
            return None  # "the crowd booed in Anaheim": a place or an object, not the topic
    elif len(keys) > 1:  # the subject, unless a second person is reported ("…, Stovall said")
        if not index.is_subject(subject) or _owned_or_subordinate(text, start, subject):
            return None
        if any(_speaks(text, m.end) for m in people if m.key != subject.key):
            return None
    known = index.titled_gender(subject) or index.gender(subject.key)
    return subject.key if known == gender else None


def _described_before(
    gender: int, index: NameIndex, paragraph: int, offset: int, memory: SpeakerMemory
) -> Resolved | None:
    """Who "he" or "she" is when the sentence right before opens with a description ("A
    Veltrix spokeswoman declined to give a figure. “…,” she said."): the person the
    description is tied to, if their gender fits, or the description itself when its noun
    says the pronoun's gender. Only a title or a job or age set beside a name ties it here
    (see `roles`). None when the sentence opens otherwise."""
    number, start, sentence = _sentence_before(paragraph, offset, memory)
    opening = _DESCRIBED_OPENING.match(sentence)
    if opening is None:
        clause, comma, rest = sentence.rpartition(", ")
        if not comma or not adverbial_clause(clause.split()):
            return None
        start, sentence = start + len(clause) + 2, rest  # "Asked later, the admiral chuckled."
        opening = _DESCRIBED_OPENING.match(sentence)
        if opening is None:
            return None
    phrase = sentence[: opening.end(1)]
    if not FUNCTION_WORDS.isdisjoint(phrase.lower().split()[1:]):
        return None  # "The leader of the league, Jo Marsh, warned": a name is the subject
    tied = index.titled(phrase)
    description = parse_description(phrase) if tied is None else None
    if description is not None:
        tied = described_person(description, index, number, start)
    if tied and index.gender(tied) != -gender:
        return Resolved(tied, True)
    if opening.group(1) in (FEMALE_HEADS if gender < 0 else MALE_HEADS):
        return Resolved(phrase, False)
    return None


def _resolve_description(
    subject: Subject, index: NameIndex, paragraph: int, memory: SpeakerMemory
) -> Resolved:
    """A description as the person it points back to, or as itself when nobody fits.

    In order: a surname written alone ("Cuban" after "Mark Cuban"); a title
    the article gives one person ("the president"); the job, title or age set
    beside a name ("the actor", "the 56-year-old", see `roles`); the fuller
    phrase or organisation it shortens ("the agency").
    """
    if subject.text.istitle():
        key, person = index.canonical(subject.text.split())
        if key:
            return Resolved(key, person)
    owner = _owner_of_words(subject.text, index)
    if owner is not None:
        return owner
    titled = index.titled(subject.text)
    if titled:
        return Resolved(titled, True)
    words = subject.text.split()
    if len(words) == 2 and words[0] == "the" and words[1][:1].isupper():
        placed = person_of_place(words[1], index, paragraph, subject.start)
        return Resolved(placed, True) if placed else Resolved(subject.text, False)
    description = parse_description(subject.text)
    if description is not None:
        described = described_person(description, index, paragraph, subject.start)
        if described:
            return Resolved(described, True)
    earlier = _antecedent(subject, index, paragraph, memory)
    if earlier:
        return Resolved(*earlier)
    return Resolved(subject.text, False)


_OWNED_WORDS: Final = re.compile(
    r"(?:[Tt]he\s+)?((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)['’]s?\s+(?:[\w-]+\s+){0,2}([a-z]+)"
)
"""A possessive name before what it wrote or said: "Bush's Facebook post", "Ruiz’s reply"."""
_OWNED_BEFORE_COLON: Final = re.compile(
    r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s?\s+(?:[\w-]+\s+){0,2}?([a-z]+)"
    r"(?:\s+(?:was|is|read|reads|said|says))?\s*$"
)
"""The same right before a colon: "From Bush's Facebook post:", "Ruiz’s reply was:"."""
CARRIERS: Final = frozenset(
    """
statement email letter memo transcript tweet post message note release announcement remarks
words response reply answer comment comments speech
""".split()
)
"""Nouns for someone's own words, spoken or written: whoever owns them is the speaker."""


_WORDS_FROM: Final = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?([a-z]+)\s+(?:from|by)\s+"
    r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)"
)
"""The same with the owner after the noun: "a post from Arianna Huffington"."""


def _owner_of_words(text: str, index: NameIndex) -> Resolved | None:
    """The named person or organisation whose statement, post or reply a description is
    ("Bush's statement said", "according to a post from Arianna Huffington"): the words
    are theirs, the document only carries them."""
    found = _OWNED_WORDS.fullmatch(text)
    if found is None or found.group(2) not in CARRIERS:
        found = _WORDS_FROM.fullmatch(text)
        if found is None or found.group(1) not in CARRIERS:
            return None
        owner = found.group(2)
    else:
        owner = found.group(1)
    key, person = index.canonical(owner.split())
    return Resolved(key, person) if key else None


def owned_words_before(text: str, lo: int, colon: int) -> Subject | None:
    """Whose words a colon introduces when what stands before it is someone's statement,
    post or reply ("In Ruiz’s words:", "Clinton’s response was:")."""
    if "s " not in text[max(lo, colon - 40) : colon]:
        return None  # no possessive: the usual case, and cheaper than the pattern
    found = _OWNED_BEFORE_COLON.search(text, max(lo, colon - 80), colon)
    if found is None or found.group(2) not in CARRIERS:
        return None
    runs = name_runs(found.group(1))  # "From Bush": the name is "Bush"
    if not runs:
        return None
    start = found.start(1) + runs[-1][0]
    return Subject(text[start : found.end(2)], start, found.end(2), "descriptor")


_DEFINITE: Final = re.compile(
    r"^(?:the|its|their|this|that)\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)$", re.I
)


_HEAD_END: Final = re.compile(r"\s+(?:at|of|for|in|from|with|on|to)\s+")


def _head(descriptor: str) -> str:
    """The head noun of a descriptor: "a senior official at the ministry" -> "official"."""
    words = _HEAD_END.split(descriptor, maxsplit=1)[0].split()
    return words[-1].lower().rstrip(".,") if words else ""


_RUN: Final = r"((?:[A-Z][\w’'&.-]*|of|for|the)(?:\s+(?:[A-Z][\w’'&.-]*|of|for|the))*?)"


def clear_caches() -> None:
    """Forget cached name lookups (benchmarks time unseen articles)."""
    clear_name_caches()


# The phrases around a head noun ("the group, Workers United (", ", the group that", "a civil
# rights group") are found with fixed patterns and the head compared as plain text: a pattern
# per head noun cost an article 0.1-0.3 ms to compile for every noun it had not met before.
_THE: Final = re.compile(r"[Tt]he\s+")
_COMMA_THE: Final = re.compile(r",\s+(?:the|an?)\s+")
_ARTICLE: Final = re.compile(r"[ta](?<!\w.)(?:(?<=t)he|(?<=a)n?)\s+")
r"""`\b(?:the|a|an)\s+`, opening with its first letters so that `re` looks for them in C
instead of trying the pattern at every character."""
_MODIFIER: Final = re.compile(r"[a-z][\w-]*\s+")
_COMMA: Final = re.compile(r",\s+")
_WORD_END: Final = re.compile(r"\b")
_RUN_THEN_BREAK: Final = re.compile(rf"{_RUN}\s*[,(]")
_RUN_BEFORE_COMMA: Final = re.compile(rf"(?<![\w’'-]){_RUN}$")


def _head_end(
    text: str, at: int, head: str, fewest: int, most: int, after: re.Pattern[str]
) -> int | None:
    """Where `after` ends, if text[at:] is `fewest` to `most` lower-case words, then `head`,
    then `after`; the most words are tried first, as a `{fewest,most}` repeat would."""
    starts = [at]
    while len(starts) <= most and (word := _MODIFIER.match(text, starts[-1])) is not None:
        starts.append(word.end())
    for start in reversed(starts[fewest:]):
        if text.startswith(head, start):
            tail = after.match(text, start + len(head))
            if tail is not None:
                return tail.end()
    return None


def _names_after(head: str, text: str) -> list[tuple[int, str]]:
    """(where, name) for each "the group, Workers United (" in text, leftmost first and
    none overlapping (as `finditer` would give them)."""
    found: list[tuple[int, str]] = []
    if head + "," not in text:
        return found
    at = 0
    for opening in _THE.finditer(text):
        if opening.start() < at:
            continue
        end = _head_end(text, opening.end(), head, 0, 1, _COMMA)
        name = _RUN_THEN_BREAK.match(text, end) if end is not None else None
        if name is not None:
            found.append((opening.start(), name.group(1)))
            at = name.end()
    return found


def _commas_before(head: str, text: str) -> list[int]:
    """Where each ", the group" (", a new group", up to two words before the head) starts."""
    return [
        comma.start()
        for comma in _COMMA_THE.finditer(text)
        if _head_end(text, comma.end(), head, 0, 2, _WORD_END) is not None
    ]


def _fuller_phrases(head: str, text: str) -> list[str]:
    """Each "civil rights group" of "a civil rights group" (one or two words before the
    head), leftmost first and none overlapping, as `findall` would give them."""
    found: list[str] = []
    at = 0
    for article in _ARTICLE.finditer(text):
        if article.start() < at:
            continue
        end = _head_end(text, article.end(), head, 1, 2, _WORD_END)
        if end is not None:
            found.append(text[article.end() : end])
            at = end
    return found


def _apposed_name(head: str, paragraph: int, before: int, memory: SpeakerMemory) -> str | None:
    """A name the article set beside this head noun: "the group, Workers United," or
    "Workers United, the group that …"; the latest such pairing before `before`."""
    for para in range(paragraph, max(-1, paragraph - 4), -1):
        text = memory.paragraphs[para]
        if para == paragraph:
            text = text[:before]
        if head not in text:
            continue
        found = [
            (at, name)
            for at, name in _names_after(head, text)
            if at == 0 or not text[at - 1].isalnum()
        ]
        for comma in _commas_before(head, text):
            run = _RUN_BEFORE_COMMA.search(text, max(0, comma - 80), comma)
            if run:
                found.append((run.start(), run.group(1)))
        names = [
            (at, name)
            for at, name in found
            if name[:1].isupper() and name.split()[0].lower() not in FUNCTION_WORDS
        ]
        if names:
            return max(names)[1]
    return None


_APPOSED_JOB_AT: Final = re.compile(
    r",\s+(?:an?|the|its)\s+(?:[\w’'-]+\s+){0,4}(?:at|of|with|for|from)\s+(?:the\s+)?$"
)


def _employer(text: str, mention: Mention) -> bool:
    """Whether an organisation is named in an apposition that says where someone works
    ("Carsten Fritsch, an analyst at Deutsche Bank"): a later description ("the works council
    said") is that employer only when its noun fits the name (see `_named_as`)."""
    before = text[max(0, mention.start - 80) : mention.start]
    return "," in before and _APPOSED_JOB_AT.search(before) is not None


_ANY_ORGANISATION: Final = frozenset(
    "company firm group business organisation organization corporation".split()
)


def _named_as(head: str, organisation: str) -> bool:
    """Whether an organisation's name says it is what the head noun names: any of them is
    "the company"; "the bank" is "Deutsche Bank" or "Commerzbank", not "Lindholm Motors"."""
    return head in _ANY_ORGANISATION or any(
        word.lower().rstrip(".,").endswith(head) for word in organisation.split()
    )


def _antecedent(
    subject: Subject, index: NameIndex, paragraph: int, memory: SpeakerMemory
) -> tuple[str, bool] | None:
    """The fuller earlier phrase a short definite one points back to.

    "the official" after "a senior official at the ministry", "the agency"
    after "the Aurora Space Agency": same head noun, most recent first.
    """
    match = _DEFINITE.match(subject.text.strip())
    if not match:
        return None
    head = match.group(1).lower()
    named = _apposed_name(head, paragraph, subject.start, memory)
    if named:
        key, person = index.canonical(named.split())
        return key or named, person
    for para, _at, speaker, person in reversed(memory.spoken):
        if paragraph - para > 12:
            break
        if (
            len(speaker) > len(subject.text)
            and speaker != subject.text
            and (_head(speaker) == head)
        ):  # the head last: it is the costly test
            return speaker, person
    recent = [
        m
        for m in index.mentions_between(paragraph - 6, paragraph)
        if (m.paragraph, m.start) < (paragraph, subject.start)
        and not memory.inside_quote(m.paragraph, m.start)
    ]
    for mention in reversed(recent):
        words = mention.key.lower().split()
        if head in words and " of the " in mention.key:  # "Members of the Nurses' Union"
            named = mention.key.split(" of the ", 1)[1]
            if head in named.lower().split():
                return named, False
        if words[-1] == head:
            return mention.key, mention.person
    if head in ORG_HEADS:  # "the production company": the organisation named last
        for mention in reversed(recent):
            if (
                paragraph - mention.paragraph <= 2
                and is_org(mention.key.split())
                and (
                    _named_as(head, mention.key)
                    or not _employer(memory.paragraphs[mention.paragraph], mention)
                )
            ):
                return mention.key, False
    for para in range(paragraph, max(-1, paragraph - 4), -1):
        text = (
            memory.paragraphs[para][: subject.start]
            if para == paragraph
            else (memory.paragraphs[para])
        )
        found = _fuller_phrases(head, text) if head in text else []
        if found:
            return "the " + found[-1], False
    return None


_PLACE: Final = 2
"""Neither gender: a place or a day ("New Hampshire", "Election Day") is never "he" or "she"."""
_POSITION: Final = itemgetter(0, 1)
"""(paragraph, offset) of a candidate: newest first once sorted in reverse."""
_NEWEST_SUBJECT_BONUS: Final = 0.3
"""A pronoun subject most often continues the latest sentence subject that fits it: added
to that person's best score when it is within this much of the best."""


def _newest_subject(
    gender: int,
    index: NameIndex,
    paragraph: int,
    offset: int,
    memory: SpeakerMemory,
    voiced: set[str],
) -> tuple[int, int, str] | None:
    """Where the latest sentence whose subject is a person who may be "he" (or "she") names
    them, as `NameIndex.is_subject` judges it: a name after an opening quote in the middle of
    a sentence ("Vale argued that “voters” wanted more, but suggested Marsh …") is no
    sentence subject."""
    for mention in reversed(index.mentions_between(paragraph - 1, paragraph)):
        if (mention.paragraph, mention.start) >= (paragraph, offset):
            continue
        if not (mention.person or mention.key in voiced) or index.gender(mention.key) == -gender:
            continue
        if memory.inside_quote(mention.paragraph, mention.start):
            continue
        if index.is_subject(mention):
            return mention.paragraph, mention.start, mention.key
    return None


def resolve_pronoun(
    gender: int, index: NameIndex, paragraph: int, offset: int, memory: SpeakerMemory
) -> str | None:
    """The person "he" or "she" most likely means at this point of the article.

    Scores every person named or quoted in the last few paragraphs: recent
    speakers and names opening a sentence beat a name merely mentioned in
    passing or inside someone's quote, and a known gender that does not fit
    rules a person out.
    """
    candidates: list[tuple[int, int, str, float, int]] = []
    voiced: set[str] = set()
    """One-word names ("Obama") that speak and are called he or she: people too."""
    for para, at, speaker, person in reversed(memory.spoken):
        if paragraph - para > 6:
            break
        if (para, at) >= (paragraph, offset):
            continue
        if not person:
            if speaker not in voiced and not index.lone_name_person(speaker):
                continue
            voiced.add(speaker)
        candidates.append((para, at, speaker, 2.5, 0))
    for mention in index.mentions_between(paragraph - 4, paragraph):  # none after `paragraph`
        if mention.paragraph == paragraph and mention.start >= offset:
            continue
        if not mention.person and mention.key not in voiced:
            continue
        salience = memory.salience(index, mention)
        if salience is not None:
            own = index.titled_gender(mention) if mention.person else 0
            candidates.append((mention.paragraph, mention.start, mention.key, salience, own))
    candidates.sort(key=_POSITION, reverse=True)
    scores: dict[str, float] = {}
    by_place: dict[tuple[int, int], float] = {}
    genders: dict[str, int] = {}
    newer: set[str] = set()
    for para, _at, key, salience, own in candidates:
        known = genders.get(key)
        if known is None:
            known = genders[key] = _PLACE if is_place(key) else index.gender(key)
        if own and known != _PLACE:
            known = own  # "Mrs. Clinton" beside "Mr. Clinton": the mention's own title
        if known == -gender:
            continue
        if known == _PLACE:  # someone named in between, never the one meant
            newer.add(key)
            continue
        score = salience - 0.35 * (len(newer) - (key in newer)) - 0.5 * (paragraph - para)
        if known == gender:
            score += 0.5
        by_place[para, _at] = score
        previous = scores.get(key, -99.0)
        scores[key] = score if score > previous else previous
        newer.add(key)
    if not scores:
        return None
    ranked = sorted(scores.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] - ranked[1] < _NEWEST_SUBJECT_BONUS:
        newest = _newest_subject(gender, index, paragraph, offset, memory, voiced)
        if newest is not None and newest[:2] in by_place:  # "Okafor was quieter. “…,” she said."
            key = newest[2]
            scores[key] = max(scores[key], by_place[newest[:2]]) + _NEWEST_SUBJECT_BONUS
    return max(scores, key=scores.__getitem__)
