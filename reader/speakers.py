"""Who a reporting verb points at: the subject before "said", the name after "according to".

Works on a paragraph whose quoted words are masked (see `reader.quotes`),
so nothing inside a quote is mistaken for the speaker. Pronouns are
resolved against the people the article has named so far, preferring
recent speakers and sentence subjects of the right gender over whatever
name happens to be nearest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from reader.speaker_names import (
    FUNCTION_WORDS,
    ORG_HEADS,
    TITLE_WORDS,
    Mention,
    NameIndex,
    is_org,
    name_runs,
    opens_sentence,
    strip_titles,
)
from reader.speaker_names import clear_caches as clear_name_caches

PERSONAL: Final = {"he": 1, "she": -1, "him": 1, "her": -1}
PRONOUNS: Final = frozenset({"he", "she", "they", "it", "i", "we", "you"})
_TRAILING_FILLER: Final = frozenset("""
has have had also further previously later then again once now still would will could did
does do is was were are always never often even too already both all first just himself
herself themselves however not since turn in
""".split())
"""Words between a subject and its verb: "Lavrov has also previously said"."""
_NOT_ADVERBS: Final = frozenset("""
family assembly supply rally ally reply anomaly monopoly fly belly bully jelly folly lily
""".split())
_LEADING_FILLER: Final = re.compile(
    r"^[\s,;:—–-]*(?:(?:and|but|so|yet|as|while|though|although|then|meanwhile|however|with|"
    r"also|still|instead|later|earlier|now|indeed|critically|notably|separately|"
    r"what|which|where|when|that)\b[\s,]*)+", re.I)
_CLAUSE_OPENER: Final = re.compile(
    r"^\s*(?:in|on|at|after|before|during|while|when|if|because|since|although|though|"
    r"despite|with|without|for|from|by|under|over|as|to|once|until|unlike|like|asked|"
    r"speaking|writing|[a-z]+ly)\b", re.I)
_DETERMINER: Final = re.compile(
    r"^(?:the|a|an|one|two|three|some|many|several|another|other|both|all|most|two|few|"
    r"these|those|this|that|his|her|their|its|our)\s+", re.I)
_DESCRIPTOR_CUT: Final = re.compile(
    r"\s+(?:who|which|that|whose|published|based|speaking|writing|quoted|cited|familiar|"
    r"close|with|in\s+a\s+statement)\b.*$", re.S)
_PREPOSITION_BEFORE: Final = re.compile(
    r"\b(?:of|for|at|in|from|with|to|on|by|about|behind|inside|near)\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+)*$")
_PREPOSITION_START: Final = re.compile(
    r"(?:about|of|for|to|in|on|at|from|by|into|over|against|than|toward|towards)\s", re.I)
"""Not "with": in "with the minister warning of …" the name is the participle's subject."""
_POSSESSIVE_END: Final = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+)*$")
_VERB_AFTER_NOUN: Final = re.compile(
    r"(?<=[a-z])\s+(?:read|reads|put\s+it|summed\s+up|[a-z]+ed)(?:\s|[:,]|$).*$", re.S)
"""Where a description turns into its verb: "The statement from Apple read: …", "The
statement released on Friday". Only after a word of the description, so "a retired
teacher" keeps its adjective."""
_NOT_APPOSITION: Final = re.compile(
    r"\b(?:by|of|for|in|at|from|on|with|to|who|which|that)\b|^\s*[a-z]+ed\b")
"""Words before a name that make the phrase a clause, not a second name for the subject:
"The report, published by the Institute, warned" (the Institute did not warn)."""
_WORD: Final = re.compile(r"[\w’'.-]+")


@dataclass(slots=True)
class Subject:
    """A phrase naming a speaker, where it stands, and what kind of phrase it is."""

    text: str
    start: int
    end: int
    kind: str
    """"name", "pronoun" or "descriptor"."""


_SEPARATOR: Final = re.compile(r"[,(—–)]")


def _segments(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of text[lo:hi] (brackets and dashes separate too)."""
    parts, at = [], lo
    for match in _SEPARATOR.finditer(text, lo, hi):
        parts.append((at, match.start()))
        at = match.end()
    parts.append((at, hi))
    return parts


def _drop_trailing_filler(text: str, lo: int, hi: int) -> int:
    """Where text[lo:hi] ends once auxiliaries and adverbs after the subject are dropped."""
    end = hi
    while True:
        word_end = end
        while word_end > lo and text[word_end - 1] in " \t,":
            word_end -= 1
        word_start = word_end
        while word_start > lo and text[word_start - 1].isalpha():
            word_start -= 1
        if word_start <= lo or text[word_start - 1] not in " \t,":
            return end  # the first word of the clause is never filler
        word = text[word_start:word_end]
        if word in _TRAILING_FILLER or (
                word.endswith("ly") and word.islower() and word not in _NOT_ADVERBS):
            end = word_start
            continue
        return end


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    chunk = text[lo:hi]
    lead = _LEADING_FILLER.match(chunk)
    if lead:
        lo += lead.end()
        chunk = text[lo:hi]
    hi = _drop_trailing_filler(text, lo, hi)
    while lo < hi and not text[lo].isalnum():
        lo += 1
    while hi > lo and not (text[hi - 1].isalnum() or text[hi - 1] == "."):
        hi -= 1
    return lo, hi


def phrase_subject(text: str, lo: int, hi: int, stripped: bool = False) -> Subject | None:
    """The speaker phrase that a clause text[lo:hi] ends with, if it is one."""
    if not stripped:
        lo, hi = _strip(text, lo, hi)
    if hi <= lo:
        return None
    chunk = text[lo:hi]
    words = chunk.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Subject(words[0], lo, hi, "pronoun")
    if "▒" in chunk or len(words) > 16 or _PREPOSITION_START.match(chunk):
        return None
    if words[-1].lower() in PRONOUNS and words[-1] != "I" or words[-1] == "I" and len(words) == 1:
        start = hi - len(words[-1])
        return Subject(words[-1], start, hi, "pronoun")
    runs = name_runs(chunk)
    last = runs[-1] if runs else None
    if last and lo + last[1] >= hi - 1:
        before = chunk[:last[0]]
        if not strip_titles(last[2]):
            return _descriptor(text, lo, hi)
        descriptor = _DETERMINER.match(chunk) and not chunk[len(_DETERMINER.match(chunk)
                                                                .group())][:1].isupper()
        if descriptor and _PREPOSITION_BEFORE.search(before[-60:]):
            return _descriptor(text, lo, hi)
        if _POSSESSIVE_END.search(before[-60:]) and not _looks_personal(last[2]):
            return _descriptor(text, lo, hi)
        start = lo + last[0]
        return _name(text, start, lo + last[1])
    if words[-1][:1].islower() and not _CLAUSE_OPENER.match(chunk) and (
            words[0][:1].isupper() or _DETERMINER.match(chunk)
            or len(words) <= 2 and words[-1].endswith("s")):  # "forecasters", "senior officials"
        return _descriptor(text, lo, hi)
    return None


def _name(text: str, start: int, end: int) -> Subject:
    """A name subject, without a sentence's full stop ("said Lavrov.")."""
    while end > start and text[end - 1] in ".," and not re.search(
            r"(?:\b[A-Z]|\b(?:Jr|Sr|St|Inc|Co|Ltd))\.$", text[start:end]):
        end -= 1
    return Subject(text[start:end], start, end, "name")


def _looks_personal(tokens: list[str]) -> bool:
    return len(tokens) >= 2


_HANDLE: Final = re.compile(r"\b(?:posts|goes|writes|tweets|known)\s+(?:as|by|under)\s+"
                           r"(?:the\s+(?:name|handle)\s+)?(@?[\w.-]*\w)")
_INNER_DETERMINER: Final = re.compile(r"^(?:an?|the)\s+[a-z][\w-]*\s+(?=(?:the|a|an)\s)")


def _descriptor(text: str, lo: int, hi: int) -> Subject | None:
    """A speaker described, not named: "a senior official at the ministry"."""
    chunk = text[lo:hi]
    handle = _HANDLE.search(chunk)
    if handle:  # "a user who posts as quietwren": the handle is the name to show
        return Subject(handle.group(1), lo + handle.start(1), lo + handle.end(1), "name")
    inner = _INNER_DETERMINER.match(chunk)
    if inner:  # "a figure the auditor (described as …)": the second noun phrase speaks
        lo += inner.end()
        chunk = text[lo:hi]
    cut = _DESCRIPTOR_CUT.search(chunk) or _VERB_AFTER_NOUN.search(chunk)
    if cut:
        hi = lo + cut.start()
        chunk = text[lo:hi]
    while chunk and not chunk[-1].isalnum():
        chunk, hi = chunk[:-1], hi - 1
    words = chunk.split()
    if not words or len(words) > 14 or words[-1].lower() in FUNCTION_WORDS:
        return None
    if any(word.lower() in {"is", "was", "are", "were", "be", "has", "have", "had"}
           for word in words):
        return None
    return Subject(chunk, lo, hi, "descriptor")


def subject_before(text: str, lo: int, hi: int) -> Subject | None:
    """The subject of a reporting verb at `hi`, looking back no further than `lo`.

    Appositives are skipped ("Lavrov, the foreign minister, said" gives
    Lavrov), and so are leading adverbials ("On Friday, Lavrov said").
    """
    parts = _segments(text, lo, hi)
    last_lo, last_hi = _strip(text, *parts[-1])
    if last_hi > last_lo:
        found = phrase_subject(text, last_lo, last_hi, stripped=True)
        if found and (found.kind != "descriptor" or len(parts) == 1):
            return found
        if found and found.kind == "descriptor":
            head = _first_subject(text, parts[:-1])
            if head and head.kind == "name" and _is_appositive(text, parts[-1]):
                return head
            return found
        return None
    return _first_subject(text, parts[:-1])


def _is_appositive(text: str, part: tuple[int, int]) -> bool:
    return bool(_DETERMINER.match(text[part[0]:part[1]].lstrip()))


def _first_subject(text: str, parts: list[tuple[int, int]]) -> Subject | None:
    for part in parts:
        chunk = text[part[0]:part[1]]
        if not chunk.strip() or _CLAUSE_OPENER.match(chunk):
            continue
        found = phrase_subject(text, *part)
        if found and found.kind == "descriptor" and part is not parts[-1]:
            following = parts[parts.index(part) + 1]
            apposed = phrase_subject(text, *following)
            if apposed and apposed.kind == "name" and not _NOT_APPOSITION.search(
                    text[following[0]:apposed.start]):
                return apposed  # "The authority's chair, Imran Siddiqui, said"
        if found:
            return found
        lo, _hi = _strip(text, *part)
        if lo < part[1]:
            return None
    return None


def leading_subject(text: str, lo: int, hi: int) -> Subject | None:
    """The subject a sentence opens with, skipping adverbials ("After the hearing, X ...").

    For cues that have no subject of their own: ", saying", "and noted",
    "had a similar experience: “…”". A descriptor followed by a name in
    apposition gives the name ("The group, the Workers Coalition, ...").
    """
    parts = _segments(text, lo, hi)
    for number, (start, end) in enumerate(parts):
        chunk = text[start:end]
        if not chunk.strip() or _CLAUSE_OPENER.match(chunk) or _LEADING_FILLER.fullmatch(chunk):
            continue
        lead, _ = _strip(text, start, end)
        words = text[lead:end].split()
        if not words:
            continue
        if words[0].lower() in PRONOUNS:
            return Subject(words[0], lead, lead + len(words[0]), "pronoun")
        runs = name_runs(text[lead:end])
        opening = runs and text[lead:lead + runs[0][0]].strip().lower() in ("", "the")
        if opening and re.match(r"['’]s\s", text[lead + runs[0][1]:lead + runs[0][1] + 3]) and (
                len(runs) > 1 and runs[1][0] == runs[0][1] + 3):
            runs = runs[1:]  # "Delhi’s Chief Minister Arvind Kejriwal"
        if runs and len(runs[0][2]) == 1 and re.search(r"(?:ing|ed|ly)$", runs[0][2][0]):
            runs = []  # a sentence opening "Offering …" or "Asked …" is not a name
        if runs and opening and strip_titles(runs[0][2]):
            run_start, run_end, _tokens = runs[0]
            if text[lead + run_end:lead + run_end + 2] not in ("'s", "’s"):
                return _name(text, lead + run_start, lead + run_end)
        if _DETERMINER.match(text[lead:end]):
            if number + 1 < len(parts):
                following = text[parts[number + 1][0]:parts[number + 1][1]]
                runs = name_runs(following)
                if runs and not following[:runs[0][0]].strip():
                    first = parts[number + 1][0]
                    return _name(text, first + runs[0][0], first + runs[0][1])
            if number + 1 < len(parts) or len(words) <= 10:
                return _descriptor(text, lead, end)
        return None
    return None


def subject_after(text: str, pos: int, hi: int) -> Subject | None:
    """The speaker right after an inverted or prepositional cue: "said Lavrov", "according to X"."""
    rest = text[pos:hi]
    match = re.match(r"\s+", rest)
    lo = pos + (match.end() if match else 0)
    words = _WORD.findall(text[lo:min(hi, lo + 80)])
    if not words:
        return None
    if words[0].lower() in PRONOUNS:
        return Subject(words[0], lo, lo + len(words[0]), "pronoun")
    runs = name_runs(text[lo:min(hi, lo + 120)])
    if runs and runs[0][0] <= 30:
        start, end, _tokens = runs[0]
        lead = text[lo:lo + start].strip()
        modifiers = lead.split()
        if not re.search(r"[^\w\s-]", lead) and len(modifiers) <= 2 and lead == lead.lower() and (
                all(w in ("the", "a", "an") or w not in FUNCTION_WORDS for w in modifiers)):
            return _name(text, lo + start, lo + end)
    end_match = re.search(r"[,.;:!?▒()—–]|\s(?:in|on|at|during|after|who|which|that|when|"
                          r"while|as|about|to|last|this|earlier)\s", text[lo:hi])
    end = lo + end_match.start() if end_match else hi
    chunk = text[lo:end].strip()
    if not chunk or not _DETERMINER.match(chunk + " ") and not chunk[:1].islower():
        return None
    runs = name_runs(chunk)
    if len(chunk.split()) > 8:
        return None
    if runs and runs[-1][1] >= len(chunk) - 1 and not _PREPOSITION_BEFORE.search(
            chunk[:runs[-1][0]]):
        return _name(text, lo + runs[-1][0], lo + runs[-1][1])
    return _descriptor(text, lo, lo + len(chunk))


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
        return any(lo <= offset < hi for lo, hi in self.quoted.get(paragraph, ()))

    def is_subject(self, paragraph: int, offset: int) -> bool:
        return opens_sentence(self.paragraphs[paragraph], offset)

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
            value = 2.0 if self.is_subject(mention.paragraph, mention.start) else 0.5
            if not index.confirmed_person(mention.key):
                value -= 0.75
        self.saliences[key] = value
        return value


def resolve(subject: Subject, index: NameIndex, paragraph: int, memory: SpeakerMemory,
            outer_speaker: str | None = None) -> tuple[str | None, bool]:
    """The fullest name behind a speaker phrase, and whether it is a person."""
    if subject.kind == "name":
        key, person = index.canonical(subject.text.split())
        return key or subject.text, person
    if subject.kind == "descriptor":
        person = index.titled(subject.text)
        if person:
            return person, True
        earlier = _antecedent(subject, index, paragraph, memory)
        if earlier:
            return earlier
        return subject.text, False
    word = subject.text.lower()
    if word in ("i", "we") and outer_speaker:
        return outer_speaker, True
    if word in PERSONAL:
        person = resolve_pronoun(PERSONAL[word], index, paragraph, subject.start, memory)
        if person:
            index.learn_gender(person, PERSONAL[word])
        return person, True
    if word in ("it", "they"):
        for _para, _offset, speaker, person in reversed(memory.spoken):
            if paragraph - _para > 3:
                break
            if not person or word == "they" and index.gender(speaker) == 0:
                return speaker, person
        for mention in reversed(index.mentions_between(paragraph - 1, paragraph)):
            if (mention.paragraph, mention.start) < (paragraph, subject.start) and (
                    not mention.person):
                return mention.key, False
    return None, False


_DEFINITE: Final = re.compile(r"^(?:the|its|their|this|that)\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)$",
                              re.I)


def _head(descriptor: str) -> str:
    """The head noun of a descriptor: "a senior official at the ministry" -> "official"."""
    core = re.split(r"\s+(?:at|of|for|in|from|with|on|to)\s+", descriptor, maxsplit=1)[0]
    return core.split()[-1].lower().rstrip(".,") if core.split() else ""


_RUN: Final = r"((?:[A-Z][\w’'&.-]*|of|for|the)(?:\s+(?:[A-Z][\w’'&.-]*|of|for|the))*?)"


def clear_caches() -> None:
    """Forget cached patterns and name lookups (benchmarks time unseen articles)."""
    _apposition_patterns.cache_clear()
    _fuller_pattern.cache_clear()
    clear_name_caches()


@lru_cache(maxsize=256)
def _apposition_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    word = re.escape(head)
    return (
        re.compile(rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+)?{word},\s+{_RUN}\s*[,(]"),
        re.compile(rf"(?<![\w’'-]){_RUN},\s+(?:the|an?)\s+(?:[a-z][\w-]*\s+){{0,2}}{word}\b"),
    )


@lru_cache(maxsize=256)
def _fuller_pattern(head: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:the|a|an)\s+((?:[a-z][\w-]*\s+){{1,2}}{re.escape(head)})\b")


def _apposed_name(head: str, paragraph: int, before: int, memory: SpeakerMemory) -> str | None:
    """A name the article set beside this head noun: "the group, Workers United," or
    "Workers United, the group that …"; the latest such pairing before `before`."""
    patterns = _apposition_patterns(head)
    for para in range(paragraph, max(-1, paragraph - 4), -1):
        text = memory.paragraphs[para]
        if para == paragraph:
            text = text[:before]
        if head not in text:
            continue
        found = [m for pattern in patterns for m in pattern.finditer(text)]
        names = [m for m in found if m.group(1)[:1].isupper()
                 and m.group(1).split()[0].lower() not in FUNCTION_WORDS]
        if names:
            return max(names, key=lambda m: m.start()).group(1)
    return None


def _antecedent(subject: Subject, index: NameIndex, paragraph: int,
                memory: SpeakerMemory) -> tuple[str, bool] | None:
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
        return index.canonical(named.split())[0] or named, index.canonical(named.split())[1]
    for para, _at, speaker, person in reversed(memory.spoken):
        if paragraph - para > 6:
            break
        if speaker != subject.text and _head(speaker) == head and len(speaker) > len(
                subject.text):
            return speaker, person
    recent = [m for m in index.mentions_between(paragraph - 6, paragraph)
              if (m.paragraph, m.start) < (paragraph, subject.start)
              and not memory.inside_quote(m.paragraph, m.start)]
    for mention in reversed(recent):
        if mention.key.split()[-1].lower() == head:
            return mention.key, mention.person
    if head in ORG_HEADS:  # "the production company": the organisation named last
        for mention in reversed(recent):
            if paragraph - mention.paragraph <= 2 and is_org(mention.key.split()):
                return mention.key, False
    pattern = _fuller_pattern(head)
    for para in range(paragraph, max(-1, paragraph - 4), -1):
        text = memory.paragraphs[para][:subject.start] if para == paragraph else (
            memory.paragraphs[para])
        found = pattern.findall(text) if head in text else []
        if found:
            return "the " + found[-1], False
    return None


def resolve_pronoun(gender: int, index: NameIndex, paragraph: int, offset: int,
                    memory: SpeakerMemory) -> str | None:
    """The person "he" or "she" most likely means at this point of the article.

    Scores every person named or quoted in the last few paragraphs: recent
    speakers and names opening a sentence beat a name merely mentioned in
    passing or inside someone's quote, and a known gender that does not fit
    rules a person out.
    """
    candidates: list[tuple[int, int, str, float]] = []
    for mention in index.mentions_between(paragraph - 4, paragraph):
        if not mention.person or (mention.paragraph, mention.start) >= (paragraph, offset):
            continue
        salience = memory.salience(index, mention)
        if salience is not None:
            candidates.append((mention.paragraph, mention.start, mention.key, salience))
    for para, at, speaker, person in reversed(memory.spoken):
        if paragraph - para > 6:
            break
        if person and (para, at) < (paragraph, offset):
            candidates.append((para, at, speaker, 2.5))
    candidates.sort(key=lambda item: (item[0], item[1]), reverse=True)
    scores: dict[str, float] = {}
    genders: dict[str, int] = {}
    newer: set[str] = set()
    for para, _at, key, salience in candidates:
        known = genders.get(key)
        if known is None:
            known = genders[key] = index.gender(key)
        if known == -gender:
            continue
        score = salience - 0.35 * (len(newer) - (key in newer)) - 0.5 * (paragraph - para)
        if known == gender:
            score += 0.5
        scores[key] = max(scores.get(key, -99.0), score)
        newer.add(key)
    if not scores:
        return None
    return max(scores.items(), key=lambda item: item[1])[0]


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS
