"""Stage 4 of the quote finder: link each quote to a reporting phrase and its speaker.

See `reader.quotes` for the stages in order. This module pairs quotes with
cues, carries a speaker across a run of quotes and fills nested quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Final

from reader.model import Attribution, Quote
from reader.quotes.context import find_cues, mask, sentence_of, sentences
from reader.quotes.cues import (
    INVERTED_CUE,
    SUBJECT_THEN_VERB,
    VERB_THEN_SPEAKER,
    is_core,
    is_prepositional,
    takes_listener,
    unlisted_cue,
)
from reader.quotes.kinds import speaker_kind
from reader.quotes.marks import Span, scan_paragraph, starts_with_opener
from reader.quotes.names import FUNCTION_WORDS, NameIndex, given_name_gender, name_runs
from reader.quotes.resolution import SpeakerMemory, owned_words_before, resolve
from reader.quotes.speakers import merge_forms
from reader.quotes.speech import WORDS, is_speech, named_by_subject_at
from reader.quotes.subjects import (
    PERSONAL,
    Subject,
    is_title_word,
    leading_subject,
    phrase_subject,
    subject_after,
    subject_before,
)

_SPACE: Final = re.compile(r"\s+")
_COMMA_END: Final = re.compile(r",[”\"’']?\s*(?:[a-z]+ly\s+)?$")
_JOINERS: Final = frozenset({"and", "but", "then", "to"})
_SENTENCE_ADVERBS: Final = frozenset({"now", "also", "later", "still", "then", "again", "even"})
_FIRST: Final = itemgetter(0)
_WORD_CHAR: Final = re.compile(r"\w")
_ONLY_BETWEEN: Final = re.compile(r"[\s,”\"’'»]*(?:[Tt]he\s+)?")
"""What may stand between a quote and the phrase attributing it: spaces, commas, closing
marks, and the article of a name that keeps it ("“…,” The Hill reported")."""
MAX_PER_PARAGRAPH: Final = 120
"""A paragraph with more quote marks or reporting words than this is not prose (a pasted
log, a hostile file); linking each to each would cost the square of their number."""


def _joined(gap: str) -> bool:
    """Whether a cue follows "and", "but", "then" or "to" (adverbs may come between:
    "but now said")."""
    if not gap[-1:].isspace():
        return False
    words = gap.split()
    while words and (
        words[-1] in _SENTENCE_ADVERBS
        or words[-1].endswith("ly")
        and words[-1].isalpha()
        and words[-1].islower()
    ):
        words.pop()
    return bool(words) and words[-1] in _JOINERS


@dataclass(slots=True)
class _Said:
    """A reporting phrase in one paragraph: the cue, the speaker phrase, the resolved speaker."""

    cue_start: int
    cue_end: int
    cue: str
    subject: Subject | None
    speaker: str | None
    person: bool
    core: bool
    written: str | None = None
    """The description the speaker is named by, when it is tied to a name ("the actor")."""
    start: int = 0
    """Where the whole phrase starts: the cue or its subject, whichever comes first."""
    end: int = 0

    def __post_init__(self) -> None:
        subject = self.subject
        start, end = self.cue_start, self.cue_end
        if subject:  # comparisons, not min() and max(): this runs for every cue
            start = subject.start if subject.start < start else start
            end = subject.end if subject.end > end else end
        self.start, self.end = start, end


_ATTRIBUTED_END: Final = frozenset(",?!—–-")
"""How a quote ends when its attribution follows: "“…,” X fumed", not "“….” X left"."""
_WHOLE: Final = re.compile(".+", re.S)
_SUBJECT_REACH: Final = 80
"""How far after a quote a listed cue makes the unlisted-verb guess unnecessary."""


_VERB_COMMA_BEFORE: Final = re.compile(
    r"\b(?P<who>[A-Z][\w’'.-]*|[Hh]e|[Ss]he)\s+(?P<verb>[a-z]{3,}(?:ed|s)|[a-z]+\s+back)"
    r"(?:\s+[a-z]+ly)?,\s*$"
)
"""A name or he/she and a verb, then a comma, right before a quote: any verb names who
says it ("Hillary Clinton cracked, “…”"), as any verb right after a quote does."""
_MODAL_VERB_COMMA_BEFORE: Final = re.compile(
    r"\b(?P<who>[A-Z][\w.-]*|[Hh]e|[Ss]he)(?:[’']d|[’']ll|\s+would|\s+will)\s+"
    r"(?P<verb>[a-z]{3,})(?:\s+[a-z]+ly)?,\s*$"
)
"""The same with "would" or "will" before the verb ("he’d respond, “…”"): a habit or a
promise of saying, as often as a past tense."""
_PLURAL_NOUN: Final = re.compile(r"(?:er|or|ist|an|ant|ent|ship|ness|ment|tion|sion|ie|ee)s$")
_TWO_MARKS: Final = ("''", "’’")
"""Two single marks standing for one closing double mark."""


def _cue_matches(
    masked: str, quotes: list[Span], found: list[re.Match[str]]
) -> list[re.Match[str]]:
    """Reporting words outside quotes, and noun-like forms right after one ("“…,” comments X");
    right after a quote ending in a comma, any verb after its subject ("“…,” Kim fumed"), and
    right before a quote, a name or he/she, any verb and a comma ("Kim shot back, “…”")."""
    if not quotes:
        return found
    inverted = []
    for span in quotes:
        if span.close_mark is None:
            continue
        width = 2 if masked[span.close_mark : span.close_mark + 2] in _TWO_MARKS else 1
        gap = _SPACE.match(masked, span.close_mark + width)
        if gap is None:
            continue
        match = INVERTED_CUE.match(masked, gap.end())
        if match:
            inverted.append(match)
        elif masked[span.close_mark - 1 : span.close_mark] in _ATTRIBUTED_END and not any(
            gap.end() <= known.start() < gap.end() + _SUBJECT_REACH for known in found
        ):  # a listed cue right after wins: "the bespectacled, 71-year-old envoy said"
            subject_verb = SUBJECT_THEN_VERB.match(masked, gap.end())
            if subject_verb:
                verb = _WHOLE.match(masked, *unlisted_cue(subject_verb))
            else:
                verb = VERB_THEN_SPEAKER.match(masked, gap.end())
            if verb:
                inverted.append(verb)
    for span in quotes:
        at = span.open_mark
        while at > 0 and masked[at - 1] == " ":
            at -= 1
        if masked[at - 1 : at] in ("s", "d"):
            named = named_by_subject_at(masked, at)
            verb = _WHOLE.match(masked, *named.span("verb")) if named else None
            if verb and not any(verb.start() <= known.start() < at for known in found):
                inverted.append(verb)  # "which Ana Ruiz calls “…”"
            continue
        if masked[at - 1 : at] != ",":
            continue  # the usual case: no comma right before the quote
        lead = _VERB_COMMA_BEFORE.search(
            masked, max(0, at - 60), span.open_mark
        ) or _MODAL_VERB_COMMA_BEFORE.search(masked, max(0, at - 60), span.open_mark)
        if (
            lead is not None
            and not lead.group("who").endswith(("’s", "'s"))
            and not _PLURAL_NOUN.search(lead.group("verb"))
            and not any(lead.start() <= known.start() < at for known in found)
        ):  # "Hillary Clinton cracked, “…”", "Hillary shot back, “…”"
            verb = _WHOLE.match(masked, *lead.span("verb"))
            if verb:
                inverted.append(verb)
    if not inverted:
        return found  # the usual case: nothing to add, and `found` is in order already
    taken = {m.start() for m in found}
    found = found + [m for m in inverted if m.start() not in taken]
    return sorted(found, key=lambda m: m.start())


def _said_in(
    masked: str,
    number: int,
    bounds: list[tuple[int, int]],
    quotes: list[Span],
    index: NameIndex,
    memory: SpeakerMemory,
    cue_matches: list[re.Match[str]],
) -> list[_Said]:
    """Every reporting phrase in a paragraph, with its speaker resolved, in reading order."""
    found: list[_Said] = []
    closes = sorted(s.close_mark for s in quotes if s.close_mark is not None)
    matches = _cue_matches(masked, quotes, cue_matches)
    opens = sorted(s.open_mark for s in quotes)
    for number_of_cue, match in enumerate(matches):
        if _names_only(masked, match, matches[number_of_cue + 1 :], opens):
            continue
        start, end = match.span()
        if _negated(masked, start):
            continue  # "He didn't suggest retaliation", "did not immediately respond": no speech
        lo, hi = sentence_of(bounds, start)
        clause_lo = lo
        for close in closes:
            if clause_lo <= close < start:
                clause_lo = close + 1
        earlier = [s for s in found if lo <= s.cue_start and s.cue_end <= start]
        if earlier and earlier[-1].cue_end > clause_lo:
            clause_lo = earlier[-1].cue_end
        semicolon = masked.rfind(";", clause_lo, start)
        if semicolon >= clause_lo:
            clause_lo = semicolon + 1
        cue = match.group()
        if not cue.isalpha():
            cue = " ".join(cue.split())  # "according  to": spaces normalised
        participle = cue.endswith("ing")
        gap = masked[clause_lo:start]
        subject: Subject | None = None
        tail = gap[-30:]
        shared = (
            (participle and (_COMMA_END.search(tail) or not _WORD_CHAR.search(gap)))
            or _joined(tail)
            or (earlier and _after_participle_aside(masked, earlier[-1], gap))
        )
        own = (
            _joined_clause_subject(masked, clause_lo, start) if earlier and _joined(tail) else None
        )
        if own is not None:
            subject, shared = own, False  # "…, Tom Hale laughed and said": not the earlier one
        elif (
            earlier
            and gap.rstrip().endswith(",")
            and (relative := _relative_clause_start(masked, lo, earlier)) is not None
        ):
            subject = subject_before(masked, lo, relative)  # "X, who called Y, told them"
        elif (agent := _passive_agent(masked, start, end)) is not None:
            subject = subject_after(masked, agent, hi)
        elif is_prepositional(cue):
            subject = subject_after(masked, end, hi)
        elif not shared:
            subject = _relative_speaker(masked, clause_lo, start, end)
            if subject is None:
                subject = subject_before(masked, clause_lo, start)
            if subject is not None and participle:
                subject = _participle_subject(masked, lo, start, subject)
            if subject is None and (
                not _WORD_CHAR.search(gap)
                or (
                    gap.rstrip().endswith(",")
                    and not (earlier and earlier[-1].speaker)
                    and not takes_listener(cue)
                )
            ):
                subject = subject_after(masked, end, hi)
        speaker, person, written = None, False, None
        if subject is None and (shared or participle or earlier):
            if earlier and earlier[-1].speaker:
                speaker, person = earlier[-1].speaker, earlier[-1].person
                written = earlier[-1].written
            else:
                host = _participle_host(masked, lo, start) if participle else None
                subject = host or leading_subject(masked, lo, start)
        if subject is not None:
            kept = _still_speaking(subject, cue, index, number, memory)
            if kept:
                speaker, person, written = kept, True, None
            else:
                speaker, person, written = _resolved(subject, index, number, memory)
        core = is_core(cue)
        found.append(_Said(start, end, cue, subject, speaker, person, core, written))
        if (
            speaker
            and not _reported_inside(masked, earlier, subject, speaker)
            and not (is_prepositional(cue) and earlier and earlier[-1].speaker)
        ):  # "Trump tweeted, quoting Comey's statement. He added": the relay is no speaker
            memory.spoken.append((number, start, speaker, person))
    return found


def _reported_inside(
    masked: str, earlier: list[_Said], subject: Subject | None, speaker: str
) -> bool:
    """Whether a reporting phrase stands inside what an earlier one of its sentence reports
    ("Hale said he hoped that Ruiz would win, and noted that Ruiz had acknowledged …"): its
    speaker is someone the reported words are about, not the one speaking, so a later "he
    said" should not lean to them as to a recent speaker. No comma and no quote between the
    earlier cue and this subject: a comma may open a clause of its own ("X said, and Y cut
    in")."""
    if subject is None or not earlier or not earlier[-1].speaker:
        return False
    if speaker == earlier[-1].speaker:
        return False
    between = masked[earlier[-1].cue_end : subject.start]
    return "," not in between and not _QUOTE_MARKS.search(between)


_QUOTE_AFTER: Final = re.compile(r",?\s*[“\"]")
_QUOTE_MARKS: Final = re.compile(r"[“”\"«»]")
_NAMING_CUES: Final = frozenset(
    "call calls called term terms termed label labels labeled labelled brand brands branded "
    "dub dubs dubbed".split()
)
_NAME_AND_COMMA: Final = re.compile(r"\s+(?:[A-Z][\w'’&-]*\s+)*[A-Z][\w'’&-]*\s*,")


def _names_only(
    masked: str, match: re.Match[str], later: list[re.Match[str]], opens: list[int]
) -> bool:
    """Whether a naming verb only names something: "head of a new party called UDAR, said
    …": another cue follows the name and its comma before any quote opens, so the words
    quoted are that cue's. "Ruiz called Lind, “a menace”" still reports."""
    if match.group() not in _NAMING_CUES:
        return False
    named = _NAME_AND_COMMA.match(masked, match.end())
    if named is None or not later:
        return False
    next_quote = next((at for at in opens if at > match.end()), len(masked))
    return later[0].start() < next_quote and "." not in masked[named.end() : later[0].start()]


def _relative_speaker(masked: str, lo: int, cue_start: int, cue_end: int) -> Subject | None:
    """The name a relative clause hangs on when its verb introduces the quote right after it
    ("Bob Bowman, who has acknowledged, “…”"): "who" is that name, not the sentence's
    subject. A quote further on belongs to the main clause's verb, as usual."""
    who = _WHO_BEFORE.search(masked, lo, cue_start)
    if who is None or not _QUOTE_AFTER.match(masked, cue_end):
        return None
    found = subject_before(masked, lo, who.start())
    return found if found is not None and found.kind == "name" else None


_MEDIUM_BEFORE: Final = re.compile(r"\b(?:to|on|via)\s+$")
"""A preposition before a name that makes it where the words went ("took to Twitter")."""


def _participle_subject(masked: str, lo: int, cue_start: int, found: Subject) -> Subject:
    """Who a participle cue with no comma before it ("… broke ranks saying") is said by. The
    phrase before it may end the sentence's predicate rather than name anyone: "…, broke
    ranks saying" (a predicate alone), "Ruiz hit back saying" (a name and its verb), "Ruiz
    took to Twitter saying" (where the words went); the participle then shares the
    sentence's subject. A name right before it is kept ("footage shows Ruiz saying"), and
    so is a description ("Apple employees chanting")."""
    first = found.text.split(maxsplit=1)[0]
    if found.kind == "name":
        if not _MEDIUM_BEFORE.search(masked, max(lo, found.start - 6), found.start):
            return found
    elif found.kind != "descriptor" or _DETERMINER_OPENING.match(first) or _RELATIVE.match(first):
        return found
    elif first[:1].isupper():
        if first.lower() in PERSONAL:  # "He struggles with bragging conceding that …"
            return Subject(first, found.start, found.start + len(first), "pronoun")
        return _name_before_verb(found) or found
    sentence_subject = leading_subject(masked, lo, found.start)
    if sentence_subject is None or sentence_subject.kind == "descriptor":
        return found
    return sentence_subject


_DETERMINER_OPENING: Final = re.compile(
    r"(?:the|a|an|one|some|many|several|another|other|both|all|most|few|these|those|this|"
    r"that|his|her|their|its|our|my|your|\d.*)$",
    re.I,
)
_RELATIVE: Final = re.compile(r"(?:who|whom|whose|which|that)\b", re.I)
"""A relative clause before the cue ("X, who's thinking about running,") is no predicate."""
_VERB_AFTER_NAME: Final = re.compile(r" [a-z]+(?<!s)\b")
"""A lower-case word after a name that is no plural noun: "Ruiz hit back", not "Apple
employees"."""


def _name_before_verb(found: Subject) -> Subject | None:
    """The name opening a description that goes on with a verb ("Ana Ruiz broke ranks")."""
    runs = name_runs(found.text)
    if len(runs) != 1 or runs[0][0] != 0:
        return None
    rest = found.text[runs[0][1] :].split()
    if not _VERB_AFTER_NAME.match(found.text, runs[0][1]) or rest[0] in FUNCTION_WORDS:
        return None  # "Apple employees", "Trump and Ryan"
    if len(rest) > 3:
        return None
    return Subject(found.text[: runs[0][1]], found.start, found.start + runs[0][1], "name")


_CLAUSE_BEFORE_PARTICIPLE: Final = re.compile(
    r",\s*(?:(?:as|when|while|and|but)\s+)?([^,;:▒]{3,120}?)\s*,\s*$"
)
"""The clause a participle hangs from: ", as Mrs. Clinton echoed the criticism, saying"."""


def _participle_host(masked: str, lo: int, cue_start: int) -> Subject | None:
    """Whose participle a cue after a comma is when the clause right before it has its own
    subject ("It was a potent punch, as Ruiz echoed the criticism, saying “…”": Ruiz); None
    when that clause has no name or he/she opening it (then the sentence's subject is)."""
    clause = _CLAUSE_BEFORE_PARTICIPLE.search(masked, max(lo, cue_start - 124), cue_start)
    if clause is None:
        return None
    subject = leading_subject(masked, clause.start(1), clause.end(1))
    if subject is None or not all(
        is_title_word(word) for word in masked[clause.start(1) : subject.start].split()
    ):
        return None  # "Mrs. Clinton echoed …": only titles before the name
    if subject.kind == "pronoun" and subject.text.lower() not in PERSONAL:
        return None
    rest = masked[subject.end : clause.end(1)].split()
    return subject if rest and rest[0].islower() and subject.kind != "descriptor" else None


_GOING_ON: Final = frozenset({"continued", "continues", "added", "adds", "went on", "goes on"})
"""Verbs that say the speaker keeps talking: "she continued" is whoever spoke last."""


def _still_speaking(
    subject: Subject, cue: str, index: NameIndex, number: int, memory: SpeakerMemory
) -> str | None:
    """The person "he continued" or "she added" means: the latest speaker of that gender in
    this paragraph or the two before, over whoever the sentences between were about
    ("“…,” said Ruiz. Brandt nodded. She went on: “…”" is Ruiz). None when that speaker is
    no person (a description nobody was named for, an organisation) or is too far back: the
    pronoun is then resolved as any other."""
    gender = PERSONAL.get(subject.text.lower()) if cue in _GOING_ON else None
    if gender is None or subject.kind != "pronoun":
        return None
    for para, at, speaker, person in reversed(memory.spoken):
        if number - para > 2 or not person:
            return None
        if (para, at) < (number, subject.start) and index.gender(speaker) != -gender:
            index.learn_gender(speaker, gender)
            return speaker
    return None


_JOINED_CLAUSE: Final = re.compile(
    r",\s+(?:(?:so|and|but|yet|then)\s+)?(?P<who>[^,]+?)\s+[a-z]+\s+and\s+(?:[a-z]+ly\s+)?$"
)
"""A clause after a comma whose own subject and verb come before "and" and the cue: ", Tom
Hale laughed and said", ", so he smiled and added"."""


def _joined_clause_subject(masked: str, clause_lo: int, cue_start: int) -> Subject | None:
    """The subject of the verb "and said" is joined to, when a new clause after the earlier
    cue has one ("When Ruiz mentioned the fares, Hale laughed and said, “…”" is Hale's; "I
    laughed and said" is the writer's, no one named). None when the clause has no subject
    of its own ("…, then laughed and said"): the earlier speaker goes on."""
    clause = _JOINED_CLAUSE.search(masked, clause_lo, cue_start)
    if clause is None:
        return None
    found = phrase_subject(masked, clause.start("who"), clause.end("who"))
    if found is None or found.kind == "descriptor" or found.end != clause.end("who"):
        return None
    return found


_NEGATED: Final = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+(?:[a-z]+ly\s+)?$")
"""A negation right before a reporting word: the sentence says what was not said."""


def _negated(masked: str, start: int) -> bool:
    """Whether a negation stands right before a cue at `start`; the pattern, tried at every
    character, runs only where a piece of a negation is there at all."""
    lo = start - 24 if start > 24 else 0
    window = masked[lo:start]
    if not ("no" in window or "ne" in window or "n’" in window or "n'" in window):
        return False  # no piece of "not", "never" or "n't"
    return bool(_NEGATED.search(masked, lo, start))


_WHO_BEFORE: Final = re.compile(r",\s+who(?:\s+(?:had|has|have|also|later|then|[a-z]+ly))*\s+$")


def _relative_clause_start(masked: str, lo: int, earlier: list[_Said]) -> int | None:
    """Where ", who" opens the relative clause the reporting words before a cue sit in ("Ana
    Ruiz, who called Marsh after the result was declared, told …"): the subject of the
    clause's main verb is before it, not after the cue."""
    for item in reversed(earlier):
        who = _WHO_BEFORE.search(masked, max(lo, item.cue_start - 40), item.cue_start)
        if who:
            return who.start()
    return None


_PASSIVE_BEFORE: Final = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being)|[,—–])\s+(?:(?:[a-z]+ly|often|also|sometimes)\s+)?$"
)
_AGENT_AFTER: Final = re.compile(
    r"\s+(?:as\s+)?(?:(?:an?|the)\s+)?[“\"‘']?▒+[”\"’'.,!?]*\s+by\s+(?=[A-Za-z])"
)


def _passive_agent(masked: str, cue_start: int, cue_end: int) -> int | None:
    """Where the speaker of a passive cue begins: "The bridge was described as “a relic”
    by the engineer" (the engineer said it, not the bridge); None for an active cue."""
    if cue_end - cue_start < 2 or masked[cue_end - 2 : cue_end] != "ed":
        return None  # not a past participle (a slice: cheaper than endswith's arguments)
    found = _AGENT_AFTER.match(masked, cue_end)  # rare, and cheaper to rule out
    if found is None or not _PASSIVE_BEFORE.search(masked, max(0, cue_start - 24), cue_start):
        return None
    return found.end()


def _after_participle_aside(masked: str, aside: _Said, gap: str) -> bool:
    """Whether a cue follows a participle set off by commas, whose subject it shares:
    "Mayor Ruiz, noting the crowd, said" (not "the crowd said")."""
    return bool(
        aside.speaker
        and aside.cue.endswith("ing")
        and gap.rstrip().endswith(",")
        and masked[: aside.cue_start].rstrip().endswith(",")
    )


def _link(
    span: Span, masked: str, bounds: list[tuple[int, int]], said: list[_Said]
) -> _Said | None:
    """The reporting phrase a quote belongs to: right after it, else before it, in its sentence."""
    lo, hi = sentence_of(bounds, span.open_mark)
    in_sentence = [s for s in said if lo <= s.cue_start < hi and s.speaker]
    close = span.close_mark if span.close_mark is not None else span.end
    for item in in_sentence:
        if item.end <= span.open_mark and (
            _CUE_COMMA.fullmatch(masked, item.end, span.open_mark)
            or takes_listener(item.cue)
            and _LISTENER_COMMA.fullmatch(masked, item.end, span.open_mark)
        ):
            return item  # "someone shouted, “Cruz,” Beck joked"; "telling her, “…”"
    for item in in_sentence:
        if item.start > close and _ONLY_BETWEEN.fullmatch(masked, close + 1, item.start):
            return item
        if item.cue_end <= span.open_mark and item.subject and item.subject.start > close:
            return item  # a passive cue and its agent around the quote
    earlier = [s for s in in_sentence if s.end <= span.open_mark]
    if earlier:
        if _introduced_after(masked, earlier[-1], span):
            return None
        outer = _outer_report(masked, earlier)
        if outer is not None:
            return outer
        return _speaking_through(earlier[-1], said, lo) or earlier[-1]
    later = [s for s in in_sentence if s.start > close]
    return later[0] if later else _bare_cue_after(masked, bounds, said, close, hi)


_THAT_ONLY: Final = re.compile(r"\s*(?:that\s+)?")


def _outer_report(masked: str, earlier: list[_Said]) -> _Said | None:
    """The reporter of a two-level report ("Gizmodo wrote that McAfee acknowledged he had
    taken to “…”"): the words in marks are the outer reporter's, who quotes them while
    telling what the inner one said. Only when the inner speaker stands right after the
    outer cue or its "that" ("said as Ruiz yelled", "tweeted after Ruiz argued" are two
    speakers, each with their own words); None otherwise."""
    inner = earlier[-1]
    subject = inner.subject
    before = [item for item in earlier if item.end <= inner.cue_start]
    if subject is None or not before or not before[-1].speaker:
        return None
    outer = before[-1]
    if subject.start < outer.cue_end or not _THAT_ONLY.fullmatch(
        masked, outer.cue_end, subject.start
    ):
        return None
    return outer if inner.speaker != outer.speaker else None


_BARE_TAIL: Final = re.compile(
    r"(?:\s+(?:(?:on|in|at|to|during|after|later|earlier|last|this|again|[A-Z][a-z]+day"
    r"|[a-z]+ly)\b[^.;:▒]{0,40}?))?\s*[.!]?\s*"
)
"""What may follow a reporting phrase that says nothing of its own: "Trump said.",
"Trump said on Twitter on Monday.", "Clinton added Friday.", "Kim said quietly."."""


def _bare_cue_after(
    masked: str, bounds: list[tuple[int, int]], said: list[_Said], close: int, hi: int
) -> _Said | None:
    """The phrase of a sentence right after a quote that ends its own sentence ("“….” Trump
    said."): a reporting phrase with no words of its own can only report the quote before
    it, whatever stop the writer closed the quote with."""
    if masked[close + 1 : hi].strip(" \t”\"’'»"):
        return None  # the usual case: the quote's sentence goes on after it
    for item in said:
        if item.start < hi or not item.speaker:
            continue
        lo, end = sentence_of(bounds, item.cue_start)
        if lo != hi or not _ONLY_BETWEEN.fullmatch(masked, close + 1, item.start):
            return None
        return item if _BARE_TAIL.fullmatch(masked, item.end, end) else None
    return None


_CUE_COMMA: Final = re.compile(r",\s*")
"""Between a reporting phrase and the quote it introduces: "shouted, “…”"."""
_LISTENER_COMMA: Final = re.compile(
    r"\s+(?:him|her|them|me|us|reporters|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s*"
)
"""A listener and a comma between a cue that takes one and its quote: "telling her, “…”",
"told reporters, “…”"."""


_Resolved = tuple[str | None, bool, str | None]
"""A speaker's fullest name, whether that is a person, and the description it was named by."""


def _resolved(subject: Subject, index: NameIndex, number: int, memory: SpeakerMemory) -> _Resolved:
    """Who a speaker phrase stands for; a description tied to a name is kept beside it, as
    the words the article used ("the actor", "the president"), so that the quote says both
    who spoke and how the article put it."""
    speaker, person = resolve(subject, index, number, memory)
    if (
        subject.kind == "descriptor"
        and speaker
        and speaker != subject.text
        and speaker_kind(subject.text) == "description"
    ):
        return speaker, person, subject.text
    return speaker, person, None


def _introduced_after(masked: str, item: _Said, span: Span) -> bool:
    """Whether someone named after the reporting phrase introduces the quote with a verb and a
    colon ("She said the plan was strong, to which Brandt interjected: “…”")."""
    colon = masked.rfind(":", item.end, span.open_mark)
    if colon < 0 or masked[colon + 1 : span.open_mark].strip(" “\"‘'«"):
        return False
    verb = _VERB_BEFORE_COLON.search(masked, item.end, colon)
    if verb is None:
        return False
    subject = subject_before(masked, item.end, verb.start(1))
    return subject is not None and subject.kind in ("name", "pronoun")


def _sentence_subject(
    masked: str, lo: int, hi: int, index: NameIndex, number: int, memory: SpeakerMemory
) -> _Resolved:
    subject = leading_subject(masked, lo, hi)
    if subject is None:
        return None, False, None
    return _resolved(subject, index, number, memory)


def find_quotes(
    paragraphs: list[str],
) -> tuple[list[Quote], list[Attribution], list[Quote]]:
    """Find quotes and who said them, every attribution phrase, and the quotes inside quotes
    ("“I told him, ‘Leave now,’” she said": "Leave now"), paragraph by paragraph.

    The quotes are the speech the article reports; a quote inside one is part of it (the
    outer speaker recalling words), so it is given apart, for showing rather than counting.
    """
    index = NameIndex.build(paragraphs)
    memory = SpeakerMemory(paragraphs)
    quotes: list[Quote] = []
    inner: list[Quote] = []
    attributions: list[Attribution] = []
    chain: list[int] = []
    last: tuple[_Resolved, int] = ((None, False, None), -9)
    """The last speaker named, and in which paragraph."""
    about = -9
    """The last paragraph that quotes and reports nobody (see `_narrator`)."""
    for number, text in enumerate(paragraphs):
        signs_above = False
        if text[:3].lstrip()[:1] in _DASHES and number and quotes:
            signed = _signed(text, paragraphs[number - 1], index)
            if signed is not None:
                _sign(quotes, number - 1, signed)
                last = ((signed, True, None), number)
        elif quotes and quotes[-1].paragraph == number - 1 and quotes[-1].speaker is None:
            signed = _name_line(text, paragraphs[number - 1], index)
            if signed is not None:  # "Dana Whitlow, 34, Phoenix" under a quote of nobody's
                _sign(quotes, number - 1, signed)
                signs_above = True
        top, nested = scan_paragraph(paragraphs, number)
        masked_all = mask(text, top)
        cue_matches = find_cues(masked_all)
        if (
            not top
            and not cue_matches
            or (len(top) > MAX_PER_PARAGRAPH or len(cue_matches) > MAX_PER_PARAGRAPH)
        ):
            if chain:
                chain = _next_chain(quotes, chain, False, [], len(quotes))
            if not top and text.rstrip()[-1:] == ":":
                last = _introducer(text, index, number, memory) or last
            elif not top and not signs_above:
                about = number  # whom it is about is asked only if a quote needs it
            if (
                not top
                and last[1] == number - 1
                and _only_person_named(index, memory, number, last[0][0])
            ):
                last = last[0], number  # "… since Ruiz answered only in slogans.": still hers
            continue  # nothing quoted, nobody reported (or not prose): nothing to do here
        bounds = sentences(masked_all)
        continuing = bool(chain) and starts_with_opener(text)
        indent = len(text) - len(text.lstrip()) if continuing else 0
        cues = [m.span() for m in cue_matches]
        accepted = [
            span
            for n, span in enumerate(top)
            if (continuing and n == 0 and span.open_mark <= indent + 2)
            or is_speech(span, text, masked_all, bounds, cues)
        ]
        memory.quoted[number] = [(s.start, s.end) for s in top]
        masked = mask(text, accepted) if len(accepted) < len(top) else masked_all
        if masked is not masked_all:
            cue_matches = find_cues(masked)
        page = _Paragraph(number, text, masked, bounds, index, memory)
        said = _said_in(masked, number, bounds, accepted, index, memory, cue_matches)
        first_new = len(quotes)
        linked, resolved = _speakers_of(page, accepted, said, quotes, chain if continuing else [])
        narrator = None
        if about == number - 1 and not said and any(who[0] is None for who in resolved):
            narrator = _narrator(paragraphs[about], index, about, memory)
        quotes.extend(_quotes_here(page, accepted, resolved, last, said, narrator))
        signed = _signed_after(text, accepted, index)
        if signed is not None:  # "“…” — Neil Gaiman"
            _sign(quotes, number, signed)
        attributions.extend(_attributions(page, said, linked))
        last = _last_speaker(page, quotes[first_new:], said, last)
        if (
            not accepted
            and last[1] == number - 1
            and _only_person_named(index, memory, number, last[0][0])
        ):
            last = last[0], number  # a "term" or a reporting word alone: still the same run
        if nested:
            inner.extend(_nested_quotes(text, nested, quotes[first_new:], index))
        if chain or accepted:  # otherwise there is no quote to carry on
            chain = _next_chain(quotes, chain, continuing, accepted, first_new)
    _fill_chain(quotes, chain)
    shown = _one_form_each(quotes + inner, index.shared_surnames)
    return shown[: len(quotes)], attributions, shown[len(quotes) :]


@dataclass(slots=True)
class _Paragraph:
    """One paragraph being read: its text, the text with quotes masked, its sentences, and
    what is known of the article so far."""

    number: int
    text: str
    masked: str
    bounds: list[tuple[int, int]]
    index: NameIndex
    memory: SpeakerMemory


_Who = tuple[str | None, bool, str | None, str | None]
"""A quote's speaker, whether that is a person, the cue that names them, and the
description they are named by."""


def _speakers_of(
    page: _Paragraph, accepted: list[Span], said: list[_Said], quotes: list[Quote], chain: list[int]
) -> tuple[set[int], list[_Who]]:
    """Each accepted quote's speaker from its own reporting phrase, else from the quote it
    continues (`chain`), else from its sentence or paragraph; and which phrases were used."""
    linked: set[int] = set()
    resolved: list[_Who] = []
    for position, span in enumerate(accepted):
        speaker, person, cue, written = None, False, None, None
        item = _link(span, page.masked, page.bounds, said)
        label = _transcript_label(page, span)
        if label is not None:
            speaker, person = label
        elif item is not None:
            linked.add(id(item))
            speaker, person, cue, written = item.speaker, item.person, item.cue, item.written
        elif position == 0 and chain:
            speaker, person, written = _chain_speaker(quotes, chain)
        if speaker is None:
            speaker, person, written = _unlinked_speaker(
                span, page, said, accepted, resolved, linked
            )
        resolved.append((speaker, person, cue, written))
        if speaker:
            page.memory.spoken.append((page.number, span.start, speaker, person))
    return linked, resolved


_LABEL: Final = re.compile(r"([A-Z][A-Z’'.-]+(?:[ \t]+[A-Z][A-Z’'.-]+){0,2}):\s")
"""A transcript's speaker label in capitals: "WALLACE: …", "JAKE TAPPER: …"."""
_CAPITALS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_IN_LABEL: Final = _CAPITALS + "’'.-"
"""What `_LABEL`'s first two characters can be: tested before the pattern runs."""
_OPENING: Final = " \t\"“‘'«"


def _transcript_label(page: _Paragraph, span: Span) -> tuple[str, bool] | None:
    """Who a quote opening with a transcript label ("PENCE: Well, look, …") is from: the
    label, when it is a person the article names, or when it labels another paragraph too
    (a one-off "UPDATE:" or "VIDEO:" is a heading, not a speaker)."""
    text, start = page.text, span.start
    if text[start : start + 1] not in _CAPITALS or text[start + 1 : start + 2] not in _IN_LABEL:
        return None  # the usual case: `_LABEL` cannot match here
    label = _LABEL.match(text, start)
    if label is None:
        return None
    tokens = [token.capitalize() for token in label.group(1).split()]
    key, person = page.index.canonical(tokens)
    if not key:
        return None
    if person and " " in key:
        return key, True
    opening = label.group(0)
    again = sum(
        paragraph.lstrip(_OPENING).startswith(opening) for paragraph in page.memory.paragraphs
    )
    return (key, True) if again >= 2 else None


def _quotes_here(
    page: _Paragraph,
    accepted: list[Span],
    resolved: list[_Who],
    last: tuple[_Resolved, int],
    said: list[_Said],
    narrator: _Resolved | None = None,
) -> list[Quote]:
    """The paragraph's quotes; one still without a speaker takes the next quote's when it
    stands alone, else the person the paragraph before is about (`narrator`, asked only for
    a paragraph with no reporting word), else the last speaker of this or the previous
    paragraph."""
    found = []
    for position, (speaker, _person, cue, written) in enumerate(resolved):
        span = accepted[position]
        if speaker is None:
            later = [r for r in resolved[position + 1 :] if r[0]]
            if later and _stands_alone(span, page.masked, page.bounds):
                speaker, written = later[0][0], later[0][3]
            elif narrator is not None and not _names_someone_else(span, page.masked, page.bounds):
                speaker, _person, written = narrator
            elif (
                last[1] >= page.number - 1
                and not _names_someone_else(span, page.masked, page.bounds)
                and not _called_otherwise(span, page, said, last[0][0])
            ):
                speaker, _person, written = last[0]
        found.append(
            Quote(
                page.text[span.start : span.end],
                written or speaker,
                cue,
                page.number,
                span.start,
                span.end,
                speaker if written else None,
            )
        )
    return found


def _attributions(page: _Paragraph, said: list[_Said], linked: set[int]) -> list[Attribution]:
    """The reporting phrases that attribute a quote, or that report speech on their own."""
    return [
        Attribution(
            page.text[item.start : item.end],
            item.speaker,
            item.cue,
            page.number,
            item.start,
            item.end,
        )
        for item in said
        if item.speaker and (id(item) in linked or item.core and _reports_speech(page.masked, item))
    ]


def _last_speaker(
    page: _Paragraph, here: list[Quote], said: list[_Said], last: tuple[_Resolved, int]
) -> tuple[_Resolved, int]:
    """Who spoke last by the end of this paragraph (hearsay does not count), and where."""
    best: tuple[int, _Resolved] | None = None
    for quote in here:
        if quote.speaker and (best is None or quote.end > best[0]):
            best = quote.end, (quote.who, True, quote.described_as)
    for item in reversed(said):  # the latest phrase that is not hearsay, if after the quotes
        if best is not None and item.end <= best[0]:
            break
        if item.speaker and not _hearsay(page.masked, item):
            best = item.end, (item.speaker, item.person, item.written)
            break
    return last if best is None else (best[1], page.number)


def _only_person_named(
    index: NameIndex, memory: SpeakerMemory, number: int, speaker: str | None
) -> bool:
    """Whether a paragraph that quotes nobody names the last speaker and no other person: a
    quote standing alone after it still carries on that speaker's run ("Ruiz answered only
    in slogans." then "“We have to act now.”")."""
    if not speaker:
        return False
    named = False
    for mention in index.mentions_between(number, number):
        if memory.inside_quote(number, mention.start):
            continue
        if mention.key == speaker:
            named = True
        elif mention.person:
            return False
    return named


def _one_form_each(quotes: list[Quote], shared: set[str]) -> list[Quote]:
    """Every quote by one person under the same name ("Cook" -> "Tim Cook" once he is
    named in full), so that choosing a speaker finds all of their quotes; a surname that
    several people in the article share stays as written."""
    shown = merge_forms(name for quote in quotes for name in (quote.speaker, quote.person) if name)
    shown.update((form, form) for form in shown if form.lower().rstrip(".") in shared)
    return [
        replace(
            quote,
            speaker=shown[quote.speaker] if quote.speaker else None,
            person=shown[quote.person] if quote.person else None,
        )
        if quote.speaker
        and shown[quote.speaker] != quote.speaker
        or quote.person
        and shown[quote.person] != quote.person
        else quote
        for quote in quotes
    ]


_ALWAYS_SPEECH: Final = re.compile(r"^(?:said|says|say|told|tells|tell|according to|per)\b")
_COMPLEMENT: Final = re.compile(
    r"""^\s*(?:$|[,:;.!?—–\-"“”'‘]|that\b|how\b|why\b|what\b|whether\b|if\b|in\s+an?\s+
    |on\s+\w+day\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|today\b|yesterday\b
    |last\s+\w+|this\s+\w+|earlier\b|later\b|late\b|via\b|through\b)""",
    re.I | re.X,
)


_HEARSAY: Final = frozenset(
    {"reportedly", "allegedly", "purportedly", "supposedly", "previously", "had"}
)


def _hearsay(masked: str, item: _Said) -> bool:
    """Whether a reporting phrase only relays or recalls speech ("X has reportedly told
    aides", "the paper had previously reported"): its speaker is not the one the next
    paragraph's unattributed quote carries on from."""
    lo = item.cue_start - 30 if item.cue_start > 30 else 0
    words = masked[lo : item.cue_start].split()
    if words and words[-1].endswith("ly") and words[-1] not in _HEARSAY:
        words.pop()  # "had previously reported", "reportedly also told"
    return bool(words) and words[-1] in _HEARSAY


def _reports_speech(masked: str, item: _Said) -> bool:
    """Whether a reporting word not tied to a quote reports speech: "The Times reported
    Friday that…", "she added", but not "the line will add five stops"."""
    if item.cue[:1] in "stap" and _ALWAYS_SPEECH.match(item.cue):  # the words' first letters
        return True
    if item.subject is not None and item.subject.start >= item.cue_end:
        return True  # inverted: "added the minister"
    return bool(_COMPLEMENT.match(masked[item.cue_end : item.cue_end + 40]))


def _unlinked_speaker(
    span: Span,
    page: _Paragraph,
    said: list[_Said],
    accepted: list[Span],
    resolved: list[_Who],
    linked: set[int],
) -> _Resolved:
    """A speaker for a quote with no cue of its own in its sentence.

    After a colon, the sentence's subject (`X had a similar view: “…”`);
    otherwise whoever spoke last in this paragraph (`“…,” X said. “…”`).
    """
    masked, bounds, index, number, memory = (
        page.masked,
        page.bounds,
        page.index,
        page.number,
        page.memory,
    )
    lo, _hi = sentence_of(bounds, span.open_mark)
    before = masked[lo : span.open_mark].rstrip(" “\"‘'«")
    if before.endswith(":"):
        subject = _colon_subject(masked, lo, lo + len(before) - 1)
        if subject is not None:
            return _resolved(subject, index, number, memory)
    if before.endswith(":") or before.strip() and not before.rstrip().endswith((".", "!", "?")):
        found = _sentence_subject(masked, lo, span.open_mark, index, number, memory)
        if found[0]:
            return found
    if not before.strip():
        named = _named_after(span, page)
        if named is not None:
            return named
        narrated = _narrator_before(page, lo, accepted, said)
        if narrated is not None:
            return narrated
    spoken: list[tuple[int, _Resolved]] = [
        (quote.end, (who[0], who[1], who[3]))
        for quote, who in zip(accepted, resolved, strict=False)
        if who[0]
    ]
    spoken += [
        (s.end, (s.speaker, s.person, s.written))
        for s in said
        if s.end <= span.open_mark
        and s.speaker
        and not _subordinate(masked, s, said, linked, bounds)
    ]
    if spoken:
        return max(spoken, key=_FIRST)[1]
    return None, False, None


_QUOTE_FROM: Final = re.compile(
    r"[\s”\"’'.!?]*(?:That|This|The)\s+(?:(?:famous|oft-quoted|old|memorable)\s+)?"
    r"(?:quote|line|remark|comment|quip|words|saying|observation)\s+(?:from|by|of)\s+"
)
"""The sentence after a quote naming whose it is: "“…” That quote from Thomas Krebs …"."""


def _named_after(span: Span, page: _Paragraph) -> _Resolved | None:
    """Who the sentence right after a quote that is a sentence of its own names as its
    speaker ("“I'd rather …” That quote from Alabama's securities commissioner, Thomas
    Krebs, …"), or None."""
    if span.close_mark is None:
        return None
    masked = page.masked
    named = _QUOTE_FROM.match(masked, span.close_mark + 1)
    if named is None:
        return None
    _lo, hi = sentence_of(page.bounds, named.end())
    subject = subject_after(masked, named.end(), hi)
    if subject is None:
        return None
    return _resolved(subject, page.index, page.number, page.memory)


def _narrator_before(
    page: _Paragraph, lo: int, accepted: list[Span], said: list[_Said]
) -> _Resolved | None:
    """The person the sentence before a quote is about, when that sentence neither quotes nor
    reports anyone: "Ruiz defended her record. “…”" is Ruiz speaking, whoever spoke before."""
    earlier = [bound for bound in page.bounds if bound[1] <= lo]
    indent = len(page.text) - len(page.text.lstrip())
    if not earlier or starts_with_opener(page.text) and accepted[0].open_mark > indent:
        return None  # no sentence before, or it may lie inside a quote not taken as one
    start, end = earlier[-1]
    if any(span.start < end and span.end > start for span in accepted) or any(
        start <= item.cue_start < end for item in said
    ):
        return None
    subject = leading_subject(page.masked, start, end)
    if subject is None or not (
        subject.kind == "name" or subject.kind == "pronoun" and subject.text.lower() in PERSONAL
    ):
        return None
    found = _resolved(subject, page.index, page.number, page.memory)
    return found if found[0] else None


def _speaking_through(item: _Said, said: list[_Said], lo: int) -> _Said | None:
    """The speaker's own phrase when "according to" only names the medium their words came
    through ("Lavrov said in the interview, according to a transcript: “…”" is Lavrov's)."""
    if not is_prepositional(item.cue):
        return None
    before = [other for other in said if lo <= other.cue_start < item.cue_start]
    if before and before[-1].speaker and not is_prepositional(before[-1].cue):
        return before[-1]
    return None


def _subordinate(
    masked: str, item: _Said, said: list[_Said], linked: set[int], bounds: list[tuple[int, int]]
) -> bool:
    """Whether a reporting phrase follows a quote's own attribution in its sentence ("X
    said, with a passion that suggested …"): the next quote is still X's. A medium named
    after it ("X said, according to the Post") is left as it was: the relay."""
    if is_prepositional(item.cue):
        return False
    lo, _hi = sentence_of(bounds, item.cue_start)
    return any(
        id(other) in linked
        and lo <= other.cue_start < item.cue_start
        and not _coordinated(masked, other, item)
        for other in said
    )


_AND_A_SUBJECT: Final = re.compile(r",?\s+(?:and|but)\s+$")


def _coordinated(masked: str, first: _Said, then: _Said) -> bool:
    """Whether a second phrase is a clause of its own with its own subject after "and" or
    "but" ("X said, and her brother cut in"): the quote after it is the second speaker's.
    A pronoun there mostly means the first speaker again."""
    subject = then.subject
    return (
        subject is not None
        and subject.kind != "pronoun"
        and subject.end <= then.cue_start
        and then.speaker != first.speaker
        and bool(_AND_A_SUBJECT.search(masked, first.end, subject.start))
    )


def _introducer(
    text: str, index: NameIndex, number: int, memory: SpeakerMemory
) -> tuple[_Resolved, int] | None:
    """Who a paragraph ending in a colon introduces ("Stated Ana Ruiz:", "Ruiz, on the
    vote:"): the speaker of the quote paragraph that follows."""
    colon = len(text.rstrip()) - 1
    bounds = sentences(text)
    lo, _hi = sentence_of(bounds, colon)
    subject = _colon_subject(text, lo, colon)
    if subject is None:  # "Ruiz issued the following statement:", "He then listed them:"
        subject = leading_subject(text, lo, colon)
        if subject is None or not (subject.kind == "name" or subject.text.lower() in PERSONAL):
            return None
    found = _resolved(subject, index, number, memory)
    return (found, number) if found[0] else None


_DASH_CHARACTERS: Final = "-\u2010\u2012\u2013\u2014\u2015\u2212"
"""Every dash a writer may sign a quote with: hyphen, figure dash, en and em dash, the
quotation dash (horizontal bar, "” ― Ana Ruiz") and the minus sign."""
_DASHES: Final = frozenset(_DASH_CHARACTERS)
_SIGN_OFF: Final = re.compile(
    rf"\s*[{_DASH_CHARACTERS}]{{1,2}}\s*((?:[A-Z]\.\s|[^,.;\n]){{2,60}}?)\s*(?:[,;].{{0,80}})?\.?\s*"
)
"""A line that signs the quote above it: "- Bernie Sanders.", "-Ana Ruiz, tweeting",
"— Julie A. Diaz" (an initial's stop is no end)."""
_NAME_LINE: Final = re.compile(r"\s*((?:[A-Z]\.\s|[^,.;:\n]){2,40}?)\s*(?:,.{0,60})?\.?\s*")
"""A name alone on its line, perhaps with a few words about them ("Omar Bel, retired")."""
_LONGEST_NAME_LINE: Final = 100
_CLOSING_MARKS: Final = ('"', "”", "’’", "''")


def _signed(text: str, before: str, index: NameIndex) -> str | None:
    """Who a dash-led line right under a quote paragraph names ("- Bernie Sanders."): a
    run of capitalised words and nothing else before the first comma, naming a person; a
    wire credit closing the story ("- Reuters.") signs nothing."""
    if not before.rstrip().endswith(_CLOSING_MARKS):
        return None
    return _signature(text, index, person_only=True)


def _name_line(text: str, before: str, index: NameIndex) -> str | None:
    """Who a line of a person's name alone, perhaps with a few words about them, signs when
    it stands right under a paragraph whose quotes no one was given ("Dana Whitlow, 34,
    Phoenix"): the quote above is theirs, not the one below. An organisation, a place or
    a credit line ("Getty Images") signs nothing."""
    if len(text) > _LONGEST_NAME_LINE or not before.rstrip().endswith(_CLOSING_MARKS):
        return None
    name = _signature(text, index, _NAME_LINE, person_only=True)
    if name is None or not ("," in text or index.confirmed_person(name)):
        return None  # a bare "Getty Images" may be a credit: a known person, or words on them
    return name


def _signature(
    text: str, index: NameIndex, form: re.Pattern[str] = _SIGN_OFF, person_only: bool = False
) -> str | None:
    """The name a dash-led signature gives ("— Neil Gaiman", "-Ana Ruiz, in the debate.")."""
    line = form.fullmatch(text)
    if line is None:
        return None
    name = line.group(1)
    runs = name_runs(name)
    if len(runs) != 1 or runs[0][0] > 0 or runs[0][1] < len(name.rstrip(". ")):
        return None
    key, person = index.canonical(runs[0][2])
    return key if person or not person_only else None


def _signed_after(text: str, accepted: list[Span], index: NameIndex) -> str | None:
    """Who signs a paragraph's last quote on the same line ("“…” — Neil Gaiman")."""
    if not accepted or accepted[-1].close_mark is None:
        return None
    # after the paragraph's last closing mark, even when the writer's marks are amiss
    last_close = max(text.rfind("”"), text.rfind('"'), accepted[-1].close_mark)
    tail = text[last_close + 1 :]
    if tail[:3].lstrip()[:1] not in _DASHES:
        return None
    return _signature(tail, index)


def _sign(quotes: list[Quote], paragraph: int, speaker: str) -> None:
    """Give the quotes of a paragraph that have no reporting word of their own to the name
    signing it (whoever the run of quotes was carrying them to)."""
    for position in range(len(quotes) - 1, -1, -1):
        quote = quotes[position]
        if quote.paragraph < paragraph:
            break
        if quote.paragraph == paragraph and quote.cue is None:
            quotes[position] = replace(quote, speaker=speaker, person=None)


def _narrator(text: str, index: NameIndex, number: int, memory: SpeakerMemory) -> _Resolved | None:
    """The person a paragraph that quotes and reports nobody ends on ("Ruiz has led the
    board since 2019."): a quote paragraph after it with no cue of its own is theirs."""
    bounds = sentences(text)
    lo, hi = bounds[-1]
    subject = leading_subject(text, lo, hi)
    if subject is None or not (
        subject.kind == "name" or subject.kind == "pronoun" and subject.text.lower() in PERSONAL
    ):
        return None
    if not _WORD_CHAR.search(text, subject.end, hi):
        return None  # a name alone ("Getty Images", a caption or a credit) is about no one
    found = _resolved(subject, index, number, memory)
    return found if found[0] and found[1] else None


_MOST_WORDS_BEFORE_NAME: Final = 4
_VERB_BEFORE_COLON: Final = re.compile(
    r"\s([a-z]{3,}(?:ed|s))(?:\s+(?:back|out|up|on|in|this|[a-z]+ly)){0,2}\s*$"
)
"""A verb right before a colon, perhaps with a particle or an adverb ("fired back
forcefully:", "tweeted this:")."""


def _colon_subject(masked: str, lo: int, colon: int) -> Subject | None:
    """Who introduces a quote with a colon: a name right before it ("Former mayor Ana Ruiz:
    “…”"), or the subject of a verb right before it ("the Ruiz supporter retorted: “…”")."""
    owned = owned_words_before(masked, lo, colon)
    if owned is not None:
        return owned
    dash = max(masked.rfind(" - ", lo, colon), masked.rfind(" — ", lo, colon))
    lo = dash + 3 if dash >= 0 else lo  # "HEADLINE - Jeffrey Jones:" names the speaker
    found = phrase_subject(masked, lo, colon)
    if (
        found is not None
        and found.kind == "name"
        and found.end >= colon - 1
        and len(masked[lo : found.start].split()) <= _MOST_WORDS_BEFORE_NAME
    ):  # a heading of a name, not "X found one fault with Smith and York:"
        return found
    verb = _VERB_BEFORE_COLON.search(masked, lo, colon)
    if verb is not None:
        subject = subject_before(masked, lo, verb.start(1))
        if verb.group(1).endswith("ed") or subject is not None and subject.kind != "descriptor":
            return subject  # "Williamson concludes:", not "the key findings:"
    return None


def _stands_alone(span: Span, masked: str, bounds: list[tuple[int, int]]) -> bool:
    """Whether the quote is its whole sentence (`“A.” “B,” she said.`: A is hers too)."""
    lo, hi = sentence_of(bounds, span.open_mark)
    close = span.close_mark if span.close_mark is not None else span.end
    outside = masked[lo : span.open_mark] + masked[close + 1 : hi]
    return not _WORD_CHAR.search(outside)


_TWO_NAMES: Final = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+[A-Z][a-z]+")


def _called_otherwise(span: Span, page: _Paragraph, said: list[_Said], who: str | None) -> bool:
    """Whether the quote's sentence says "he" or "she" spoke, and the last speaker's given
    name says the other ("“…,” he interjected" after Hillary Clinton spoke): not a run of
    hers. Only the given name counts here: pronoun votes can be misled by a quote's "he"."""
    if who is None:
        return False
    lo, hi = sentence_of(page.bounds, span.open_mark)
    for item in said:
        subject = item.subject
        if lo <= item.cue_start < hi and subject is not None and subject.kind == "pronoun":
            gender = PERSONAL.get(subject.text.lower())
            if gender is not None and given_name_gender(who) == -gender:
                return True
    return False


def _names_someone_else(span: Span, masked: str, bounds: list[tuple[int, int]]) -> bool:
    """Whether the quote's sentence names a person outside the quote (then it is not a
    continuation of the previous paragraph's speaker)."""
    lo, hi = sentence_of(bounds, span.open_mark)
    outside = masked[lo : span.open_mark] + " " + masked[(span.close_mark or span.end) + 1 : hi]
    return bool(_TWO_NAMES.search(outside))


def _next_chain(
    quotes: list[Quote], chain: list[int], continuing: bool, accepted: list[Span], first_new: int
) -> list[int]:
    """Track the paragraphs of a quote that runs on, filling in its speaker when it ends."""
    if continuing and accepted:
        chain = [*chain, first_new]
    elif chain:
        _fill_chain(quotes, chain)
        chain = []
    if accepted and accepted[-1].runs_on:
        tail = first_new + len(accepted) - 1
        return chain if chain and chain[-1] == tail else [tail]
    _fill_chain(quotes, chain)
    return []


def _chain_speaker(quotes: list[Quote], chain: list[int]) -> _Resolved:
    """The latest speaker of a quote running over paragraphs (a transcript's labels can
    change it on the way)."""
    for position in reversed(chain):
        quote = quotes[position]
        if quote.speaker:
            return quote.who, True, quote.described_as
    return None, False, None


def _fill_chain(quotes: list[Quote], chain: list[int]) -> None:
    """Give every paragraph of a multi-paragraph quote the speaker named in any of them."""
    for position in chain:  # a loop, not next() over a generator: asked every paragraph
        if quotes[position].speaker:
            named = quotes[position]
            break
    else:
        return
    for position in chain:
        quote = quotes[position]
        if quote.speaker is None:
            quotes[position] = replace(quote, speaker=named.speaker, person=named.person)


_INNER_CUE: Final = re.compile(
    r"(?:[,:]|\b(?:said|says|say|asked|told\s+\w+|thought|go|goes|"
    r"went|like|wrote|writes))\s*$"
)
_INNER_VERB: Final = re.compile(
    r"\b(?:said|says|say|asked|asks|told|tells|thought|think|go|goes|"
    r"went|wrote|writes|was\s+like|is\s+like)\b"
)


def _nested_quotes(
    text: str, nested: list[Span], outer_quotes: list[Quote], index: NameIndex
) -> list[Quote]:
    """Quotes inside quotes, kept only when the outer speaker reports someone's words.

    `“I told him: ‘Leave now,’” she said` has speech in the inner marks;
    `“the so-called ‘reform’ plan”` does not. The inner speaker is whoever
    the outer speaker says spoke: themselves for "I said", a named person
    ("Dad always said"), else unknown.
    """
    found: list[Quote] = []
    for span in nested:
        holder = next(
            (q for q in outer_quotes if q.start <= span.start and span.end <= q.end), None
        )
        if holder is None:
            continue
        content = text[span.start : span.end]
        before = text[holder.start : span.open_mark]
        words = WORDS.findall(content)
        if len(words) < 2 or not content.lstrip()[:1].isupper() or not _INNER_CUE.search(before):
            continue
        found.append(
            Quote(
                content,
                _inner_speaker(text, holder, before, index),
                None,
                span.paragraph,
                span.start,
                span.end,
            )
        )
    return found


def _inner_speaker(text: str, holder: Quote, before: str, index: NameIndex) -> str | None:
    verbs = list(_INNER_VERB.finditer(before))
    if not verbs:
        return holder.speaker
    clause_end = holder.start + verbs[-1].start()
    stop = max(before.rfind(mark, 0, verbs[-1].start()) for mark in ".!?;")
    clause_start = holder.start + stop + 1
    subject = subject_before(text, clause_start, clause_end) or leading_subject(
        text, clause_start, clause_end
    )
    if subject is None:
        return None
    if subject.kind == "pronoun":
        return holder.speaker if subject.text.lower() in ("i", "we") else None
    if subject.kind == "name" and not is_title_word(subject.text):
        return index.canonical(subject.text.split())[0] or subject.text
    return subject.text if subject.kind == "descriptor" else None
