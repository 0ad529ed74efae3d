"""Who a reporting verb points at: the subject before "said", the name after "according to".

Works on a paragraph whose quoted words are masked (see `reader.quotes.context`),
so nothing inside a quote is mistaken for the speaker. The phrase found here
("Lavrov", "he", "the official") is turned into a speaker by
`reader.quotes.resolution`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from reader.quotes.kinds import kind_of_person
from reader.quotes.names import (
    FUNCTION_WORDS,
    PAST_PARTICIPLES,
    SURNAMES_TOO,
    TITLE_WORDS,
    is_org,
    name_runs,
    strip_titles,
)

PERSONAL: Final = {"he": 1, "she": -1, "him": 1, "her": -1}
PRONOUNS: Final = frozenset({"he", "she", "they", "it", "i", "we", "you"})
_TRAILING_FILLER: Final = frozenset(
    """
has have had also further previously later then again once now still would will could did
does do is was were are always never often even too already both all first just himself
herself themselves however not since turn in today yesterday tonight Monday Tuesday Wednesday
Thursday Friday Saturday Sunday
""".split()
)
"""Words between a subject and its verb: "Lavrov has also previously said"."""
_NOT_ADVERBS: Final = frozenset(
    """
family assembly supply rally ally reply anomaly monopoly fly belly bully jelly folly lily
""".split()
)
_LEADING_FILLER: Final = re.compile(
    r"[\s,;:—–-]*(?:(?:and|but|or|nor|so|yet|as|while|though|although|then|meanwhile|however|with|"
    r"also|still|instead|later|earlier|now|indeed|critically|notably|separately|even|"
    r"what|(?:(?:to|in|at|after|upon|on)\s+)?which|where|when|that)\b[\s,]*)+",
    re.I,
)
_DATELINE: Final = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3} \([A-Z][\w .&/-]{0,30}\)"
    r"|[A-Z]{2,}(?:,? [A-Z]{2,}\.?){0,3}(?: \([A-Z][\w .&/-]{0,30}\))?) ?[-–—]+ "
)
"""A dateline opening a story: "Denver (CNN) – ", "WASHINGTON (AP) — ", "PARIS — "; the
place and the agency are not the subject of the sentence after them."""
_COLON_DATELINE: Final = re.compile(
    r"\s*(?:[A-Z][\w.'’-]* ){0,2}([A-Z][\w.'’-]*)(?: \([A-Z][\w .&/-]{0,30}\))?: "
    r"(?=[A-Z])(?!(?:I|We|He|She|They|It|You)\b)"
)
"""The colon some wires write after the place: "New Delhi: ", "Kolkata (PTI): ". Not before
a quote or a pronoun, where a name and a colon label someone's words, nor when the last
word before the colon comes again in the sentence ("Ana Ruiz: Credit scores. Senator Ana
Ruiz calls …", a subheading naming the person the text is about)."""


def _after_dateline(text: str, lo: int, hi: int) -> int:
    """Where the first sentence of a story starts once its dateline, if any, is skipped."""
    dateline = _DATELINE.match(text, lo, hi)
    if dateline:
        return dateline.end()
    colon = _COLON_DATELINE.match(text, lo, hi)
    if colon and not re.search(rf"\b{re.escape(colon.group(1))}\b", text[colon.end() : hi]):
        return colon.end()
    return lo


_CLAUSE_OPENER: Final = re.compile(
    r"^\s*(?:in|on|at|after|before|during|while|when|if|because|since|although|though|"
    r"despite|with|without|for|from|by|under|over|as|to|once|until|unlike|like|asked|"
    r"alongside|amid|among|amongst|across|against|beyond|throughout|within|toward|towards|"
    r"following|besides|beside|around|behind|inside|outside|near|upon|into|onto|"
    r"speaking|writing|likewise|otherwise|moreover|furthermore|nonetheless|nevertheless|"
    r"[a-z]+ly|(?:(?:almost|nearly|ever|even|just|right|long|soon|well|[a-z]+ly)\s+){1,2}"
    r"(?:since|after|before|as|when|while|until|though|if)|back\s+(?:in|at|on|then|when|during)|"
    r"back\s+home)\b",
    re.I,
)
_DAY: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_TIME_BEFORE: Final = re.compile(
    rf"""\s*(?:(?:\w+\s+){{1,2}}(?:later|earlier|ago)
    |(?:(?:earlier|later)\s+)?(?:(?:this|last|next|that|early|late|earlier|later)\s+)?
    (?:{_DAY}|day|week|month|year|morning|afternoon|evening|night|weekend|today|yesterday|tonight)
    (?:\s+(?:morning|afternoon|evening|night))?
    |(?:here|there|back|elsewhere|nearby|abroad|overseas)(?:\s+home)?(?:\s+(?:in|at|on|then)\b[^,]*)?
    )\s*""",
    re.I | re.X,
)
"""A segment that only says when or where: "Hours later," "This week," "Later that day,"
"Monday night," "Here in Columbia,"."""
_DETERMINER: Final = re.compile(
    r"^(?:the|a|an|one|two|three|some|many|several|another|other|both|all|most|two|few|"
    r"these|those|this|that|his|her|their|its|our|my|your)\s+",
    re.I,
)
_DESCRIPTOR_CUT: Final = re.compile(
    r"\s\s*(?:who|which|that|whose|published|based|speaking|writing|quoted|cited|"
    r"(?:familiar|close)(?=\s+(?:with|to)\b|\s*$)|with|in\s+a\s+statement)\b.*$",
    re.S,
)
r"""Where the words after a description's noun begin ("a source familiar with the talks",
"an aide close to Ruiz"); "familiar" and "close" only so, as "a familiar voice" and "a close
aide" keep theirs. Written `\s\s*`, not `\s+`, so that `re` jumps from space to space in C."""
_PREPOSITION_BEFORE: Final = re.compile(
    r"\b(?:of|for|at|in|from|with|to|on|by|about|behind|inside|near)\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+)*$"
)
_PREPOSITION_START: Final = re.compile(
    r"(?:about|of|for|to|in|on|at|from|by|into|over|against|than|toward|towards)\s", re.I
)
"""Not "with": in "with the minister warning of …" the name is the participle's subject."""
_PREPOSITION_FIRSTS: Final = "aoftibAOFTIBıİ"
"""The characters `_PREPOSITION_START` can open with (its words' first letters, in either
case, and the two that `re.I` takes for i): tested before the pattern runs."""
_POSSESSIVE_END: Final = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+)*$")
_VERB_AFTER_NOUN: Final = re.compile(
    r"\s(?<=[a-z]\s)(?<!\b[Tt]he\s)(?<!\b[Aa]n\s)(?<!\b[Aa]\s)(?<!\b[Oo]ne\s)(?<!\b[Tt]heir\s)"
    r"(?<!\b[Ii]ts\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bby\s)(?<!\bamong\s)"
    r"\s*(?:read|reads|put\s+it|summed\s+up|[a-z]+ed)(?:\s|[:,]|$).*$",
    re.S,
)
"""Where a description turns into its verb: "The statement from Apple read: …", "The
statement released on Friday". Only after a word of the description, so "a retired
teacher", "one unaligned strategist" and "a share of registered voters" keep their
adjective. The space comes first and the word before it is looked back at, so that `re`
jumps from space to space."""
_NOT_APPOSITION: Final = re.compile(
    r"\b(?:by|of|for|in|at|from|on|with|to|who|which|that)\b|^\s*[a-z]+ed\b"
)
"""Words before a name that make the phrase a clause, not a second name for the subject:
"The report, published by the Institute, warned" (the Institute did not warn)."""
_COMMA: Final = re.compile(r"\s*,\s*")
_SPACES: Final = re.compile(r"\s+")
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
_DOUBLE_HYPHEN: Final = " -- "
"""Two hyphens between spaces stand for a dash ("X -- who lost -- said")."""


def _segments(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of text[lo:hi] (brackets and dashes separate too)."""
    chunk = text[lo:hi]
    # Most clauses hold no separator: one piece, found without running the pattern.
    if not ("," in chunk or "(" in chunk or ")" in chunk or "—" in chunk or "–" in chunk):
        if _DOUBLE_HYPHEN not in chunk:
            return [(lo, hi)]
        return _split_at(text, lo, hi, _DOUBLE_HYPHEN)
    parts, at = [], lo
    for match in _SEPARATOR.finditer(text, lo, hi):
        parts.append((at, match.start()))
        at = match.end()
    parts.append((at, hi))
    if text.find(_DOUBLE_HYPHEN, lo, hi) >= 0:
        parts = [
            piece for start, end in parts for piece in _split_at(text, start, end, _DOUBLE_HYPHEN)
        ]
    return parts


def _split_at(text: str, lo: int, hi: int, separator: str) -> list[tuple[int, int]]:
    pieces, at = [], lo
    found = text.find(separator, lo, hi)
    while found >= 0:
        pieces.append((at, found))
        at = found + len(separator)
        found = text.find(separator, at, hi)
    pieces.append((at, hi))
    return pieces


def _drop_trailing_filler(text: str, lo: int, hi: int) -> int:
    """Where text[lo:hi] ends once auxiliaries and adverbs after the subject are dropped."""
    end = hi
    while True:
        word_end = end
        while word_end > lo and text[word_end - 1] in " \t,":
            word_end -= 1
        space = text.rfind(" ", lo, word_end)
        word = text[space + 1 : word_end]
        if space >= lo and word.isalpha():  # the usual case: a word after a space
            word_start = space + 1
        else:
            word_start = word_end
            while word_start > lo and text[word_start - 1].isalpha():
                word_start -= 1
            if word_start <= lo or text[word_start - 1] not in " \t,":
                return end  # the first word of the clause is never filler
            word = text[word_start:word_end]
        if word in _TRAILING_FILLER or (
            word.endswith("ly") and word.islower() and word not in _NOT_ADVERBS
        ):
            end = word_start
            continue
        return end


_SEPARATORS: Final = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f,;:—–-"
"""What `_LEADING_FILLER` skips before its first word, for the ASCII whitespace among it."""
_FILLER_OPENINGS: Final = tuple(
    "and but or nor so yet as while though although then meanwhile however with also still "
    "instead later earlier now indeed critically notably separately even what which where when "
    "that to in at after upon on".split()
)
"""The first words `_LEADING_FILLER` can match ("in which" opens with "in")."""


def _leading_filler_end(text: str, lo: int, hi: int) -> int | None:
    """Where `_LEADING_FILLER` ends at `lo`, if it matches there. Most clauses open with a
    name or "the": one look at the first letters (when they are plain ASCII, which case
    folding cannot surprise) rules that out without running the pattern."""
    probe = text[lo:hi].lstrip(_SEPARATORS)[:12]  # longer than the longest word
    if probe.isascii() and not probe.lower().startswith(_FILLER_OPENINGS):
        return None
    lead = _LEADING_FILLER.match(text, lo, hi)
    return lead.end() if lead else None


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    """text[lo:hi] without leading conjunctions and trailing auxiliaries, as offsets."""
    lead = _leading_filler_end(text, lo, hi)
    if lead is not None:
        lo = lead
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
    if len(words) >= 3 and words[-1].rstrip(",.").lower() in _REFLEXIVES:
        words.pop()  # "I find myself", when "myself" was not stripped as filler
        hi = lo + chunk.rfind(" ")
        chunk = text[lo:hi]
    if len(words) >= 2 and words[-1] in _FINDS_ONESELF and _REFLEXIVE_AFTER.match(text, hi):
        return phrase_subject(text, lo, lo + chunk.rfind(" "))  # "I find myself thinking": I
    if "▒" in chunk or len(words) > 16:
        return _clause_tail_subject(text, lo, hi)
    link = _SUBORDINATE_LINK.match(chunk) if _SUBORDINATE_WORD.search(chunk) else None
    if link and len(chunk[link.end() :].split()) >= 2:
        return phrase_subject(text, lo + link.end(), hi)  # "so odd that a spokesman quipped"
    if chunk[0].isdigit() or words[0].lower() in _COUNT_WORDS:
        if _COUNTED.match(chunk):
            return _counted(text, lo, hi)
        if _INDEFINITE.match(chunk):
            return _indefinite(text, lo, hi)
    if chunk[:1] in _PREPOSITION_FIRSTS and _PREPOSITION_START.match(chunk):
        return None
    if words[-1].lower() in PRONOUNS and words[-1] != "I" or words[-1] == "I" and len(words) == 1:
        start = hi - len(words[-1])
        return Subject(words[-1], start, hi, "pronoun")
    contracted = (
        _CONTRACTED_PRONOUN.fullmatch(words[-1])
        if "’" in words[-1] or "'" in words[-1]  # the pattern needs an apostrophe
        else None
    )
    if contracted:  # "he’d respond", "she'll tell you": the pronoun without its auxiliary
        start = hi - len(words[-1])
        return Subject(contracted.group(1), start, start + contracted.end(1), "pronoun")
    # A run that ends the chunk needs a capital in its last word: none, no run to look for.
    runs = [] if words[-1].islower() else name_runs(chunk)
    last = runs[-1] if runs else None
    if (
        len(words) == 1
        and last
        and last[1] + 2 == len(chunk)
        and chunk.endswith(("’s", "'s"))
        and text[max(0, lo - 2) : lo].strip() in ("", ",", "”", '"')
    ):  # "In addition, Moody’s noted": a firm named for its founder, not a possessive
        return _name(text, lo + last[0], hi)
    if last and lo + last[1] >= hi - 1:
        first = len(runs) - 1
        while first and _OF_PLACE.fullmatch(chunk, runs[first - 1][1], runs[first][0]):
            first -= 1  # "Aris Shirvanian of the Armenian Patriarchate of Jerusalem"
        if first < len(runs) - 1 and not _PREPOSITION_BEFORE.search(chunk[: runs[first][0]]):
            person = strip_titles(runs[first][2])
            if len(person) >= 2 and not is_org(person):  # "Ana Ruiz of Dunmore": Ana Ruiz
                return _name(text, lo + runs[first][0], lo + runs[first][1])
        before = chunk[: last[0]]
        if last[2] == [last[2][0]] and last[2][0] in SURNAMES_TOO:
            return _name(text, lo + last[0], lo + last[1])  # "Will wrote", after "George Will"
        if not strip_titles(last[2]):
            return _descriptor(text, lo, hi)
        determiner = _DETERMINER.match(chunk)
        descriptor = determiner and not chunk[determiner.end()][:1].isupper()
        if descriptor and _PREPOSITION_BEFORE.search(before[-60:]):
            return _descriptor(text, lo, hi)
        if _POSSESSIVE_END.search(before[-60:]) and not _looks_personal(last[2]):
            return _descriptor(text, lo, hi)
        if (
            determiner
            and chunk.startswith("the ")
            and last[0] == determiner.end()
            and kind_of_person(last[2])
        ):  # "the Texan said": a kind of person, not a name
            return _descriptor(text, lo, hi)
        start = lo + last[0]
        return _name(text, start, lo + last[1])
    if (
        not words[-1][:1].isupper()
        and not _CLAUSE_OPENER.match(chunk)
        and (
            words[0][:1].isupper()
            or _DETERMINER.match(chunk)
            or len(words) <= 2
            and words[-1].endswith("s")
        )
    ):  # "forecasters", "senior officials"
        return _descriptor(text, lo, hi)
    return None


_REFLEXIVES: Final = frozenset("myself himself herself themselves ourselves".split())
_FINDS_ONESELF: Final = frozenset(
    "find finds found catch catches caught keep keeps kept hear hears heard".split()
)
_REFLEXIVE_AFTER: Final = re.compile(r"\s+(?:my|him|her|them|our)sel(?:f|ves)\b[,.]?")
"""The object of "finds himself saying", "caught herself thinking" (`_FINDS_ONESELF`): the
subject again, so the word before it is a verb, not part of a name or description."""
_SUBORDINATE_LINK: Final = re.compile(
    r".*\b(?:(?:so|such)\s+(?:[\w-]+\s+){1,3}that|when|while|because|although|though|whereas)"
    r"\s+(?=[A-Za-z])",
    re.S,
)
"""The last conjunction that opens a clause of its own inside the stretch before a cue
("The scheduling was so odd that a spokesman quipped", "… when a teacher said"): the cue's
subject is in that clause. Not a bare "that", which also opens relative clauses."""
_SUBORDINATE_WORD: Final = re.compile(
    r"[tbw](?<!\w.)(?:(?<=t)(?:hat|hough)|(?<=w)(?:hen|hile|hereas)|(?<=b)ecause)\b"
)
r"""Whether `_SUBORDINATE_LINK` can match at all: one scan, no backtracking over `.*`.
`\b(?:that|when|while|because|though|whereas)\b`, written to open with the words' first
letters and look back for the word's start, so that `re` jumps between those letters in C
instead of trying the pattern at every character."""
_LAST_LINK: Final = re.compile(
    r".*[\s,](?:that|when|as|while|because|after|before|since|until|where|and|but)\s+", re.S
)
_TAIL_WORDS: Final = 8


def _clause_tail_subject(text: str, lo: int, hi: int) -> Subject | None:
    """The subject of the last clause in a long stretch before a cue ("The debate grew so
    heated over the bill that New Jersey Gov. Chris Christie said"): a name, or nothing."""
    link = _LAST_LINK.match(text, lo, hi)
    if link is None or "▒" in text[link.end() : hi]:
        return None
    if len(text[link.end() : hi].split()) > _TAIL_WORDS:
        return None
    found = phrase_subject(text, link.end(), hi)
    if found is not None and found.kind == "descriptor" and _SOMEONE.fullmatch(found.text):
        return found  # "… after a fight began and a guest yelled"
    if found is None or found.kind != "name":
        return None
    before = text[link.end() : found.start].split()
    if any(word[:1].islower() and word.lower() not in TITLE_WORDS for word in before):
        return None  # "the hall of mirrors that is Trump World": not a subject
    return found


_SOMEONE: Final = re.compile(r"(?:an?|one)\s+[a-z]+(?:\s+[a-z]+)?")
"""Someone unnamed brought in by "a" or "one" and a noun or two: "a guest", "one young fan"."""
_CONTRACTED_PRONOUN: Final = re.compile(r"((?i:he|she|they|it|we|you))[’'](?:d|ll|s|ve|re)")
"""A pronoun written with its auxiliary: "he’d", "she'll", "they’ve"."""
_OF_PLACE: Final = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")
"""Between a person's name and where they are from or work: "Larry Sabato of the"."""
_COUNTED: Final = re.compile(
    r"(?:(?i:about|around|nearly|almost|roughly|some|only|just|over|under|at\s+least|"
    r"(?:more|fewer|less)\s+than)\s+)?\d[\d,.]*\s*(?:%|percent\b|[a-z][\w-]*\b)"
)
"""A subject that counts people: "21 percent", "about 50 protesters", "more than 200 nurses"."""
_INDEFINITE: Final = re.compile(
    r"(?:someone|somebody|anyone|anybody|everyone|everybody|nobody|no\s+one|another|others|"
    r"one|many|some|several|few|most)(?:\s+(?:in|at|from|on|of)\s+(?:the|an?|this|that)\s|$)",
    re.I,
)
"""A subject with no noun of its own, alone or placed ("someone in the crowd", "Another")."""


_COUNT_WORDS: Final = frozenset(
    """about around nearly almost roughly some only just over under at more fewer less someone
    somebody anyone anybody everyone everybody nobody no another others one many several few
    most""".split()
)
"""The words a counted or an indefinite subject can open with."""
_RELATIVE_BEFORE: Final = re.compile(r"\b(?:which|that|whom)\s+$")


def _counted(text: str, lo: int, hi: int) -> Subject | None:
    """A counted subject, unless it ends on a function word or holds a verb."""
    words = text[lo:hi].split()
    if words[-1].lower() in FUNCTION_WORDS or not _VERBS.isdisjoint(map(str.lower, words)):
        return None
    return Subject(text[lo:hi], lo, hi, "descriptor")


def _indefinite(text: str, lo: int, hi: int) -> Subject | None:
    """An indefinite subject: one word ("Others"), or one placed by a short phrase; not
    the subject of a relative clause ("the plan, which some have called …")."""
    words = text[lo:hi].split()
    if len(words) > 6 or not _VERBS.isdisjoint(map(str.lower, words)):
        return None
    if _RELATIVE_BEFORE.search(text, max(0, lo - 10), lo):
        return None
    if len(words) > 1 and words[-1].lower() in FUNCTION_WORDS:
        return None
    return Subject(text[lo:hi], lo, hi, "descriptor")


_KEEPS_STOP: Final = re.compile(r"(?:\b[A-Z]|\b(?:Jr|Sr|St|Inc|Co|Ltd))\.$")
"""An initial or an abbreviation whose full stop belongs to the name."""


def _name(text: str, start: int, end: int) -> Subject:
    """A name subject, without a sentence's full stop ("said Lavrov.")."""
    while end > start and text[end - 1] in ".," and not _KEEPS_STOP.search(text[start:end]):
        end -= 1
    return Subject(text[start:end], start, end, "name")


def _looks_personal(tokens: list[str]) -> bool:
    return len(tokens) >= 2


_HANDLE: Final = re.compile(
    r"\b(?:posts|goes|writes|tweets|known)\s+(?:as|by|under)\s+"
    r"(?:the\s+(?:name|handle)\s+)?(@?[\w.-]*\w)"
)
_HANDLE_VERB: Final = re.compile("posts|goes|writes|tweets|known")
"""The verbs of `_HANDLE` anywhere, found in C (the pattern itself is tried at every
character): most descriptions have none, and skip it."""
_INNER_DETERMINER: Final = re.compile(r"^(?:an?|the)\s+[a-z][\w-]*\s+(?=(?:the|a|an)\s)")


_ADVERB: Final = re.compile(r"[a-z]+ly")


def _before_verb(text: str, lo: int, hi: int) -> int:
    """Where a description text[lo:hi] ends once the verb after it is cut ("The statement
    from Apple read"), with an adverb before the verb ("T-shirts quickly appeared"); an
    adverb right after the determiner makes an adjective ("a newly elected mayor")."""
    chunk = text[lo:hi]
    if "ed" not in chunk and "read" not in chunk and "put" not in chunk:
        return hi  # no verb `_VERB_AFTER_NOUN` knows ("summed" ends in "ed"): most descriptions
    cut = _VERB_AFTER_NOUN.search(text, lo, hi)
    while cut is not None:
        adverb = text.rfind(" ", lo, cut.start()) + 1
        if adverb <= lo or not _ADVERB.fullmatch(text, adverb, cut.start()):
            return cut.start()
        if not _DETERMINER.fullmatch(text[lo:adverb]):
            return adverb - 1
        cut = _VERB_AFTER_NOUN.search(text, cut.start() + 1, hi)
    return hi


_VERBS: Final = frozenset({"is", "was", "are", "were", "be", "has", "have", "had"})
"""A description holding one of these is a clause ("the plan was"), not a speaker."""


def _descriptor(text: str, lo: int, hi: int) -> Subject | None:
    """A speaker described, not named: "a senior official at the ministry"."""
    chunk = text[lo:hi]
    handle = _HANDLE.search(chunk) if _HANDLE_VERB.search(chunk) else None
    if handle:  # "a user who posts as quietwren": the handle is the name to show
        return Subject(handle.group(1), lo + handle.start(1), lo + handle.end(1), "name")
    inner = _INNER_DETERMINER.match(chunk)
    if inner:  # "a figure the auditor (described as …)": the second noun phrase speaks
        lo += inner.end()
        chunk = text[lo:hi]
    cut = _DESCRIPTOR_CUT.search(chunk)
    if cut:
        hi = lo + cut.start()
        chunk = text[lo:hi]
    hi = _before_verb(text, lo, hi)  # after the cut above too: "His aide protested that"
    chunk = text[lo:hi]
    while chunk and not chunk[-1].isalnum():
        chunk, hi = chunk[:-1], hi - 1
    words = chunk.split()
    if not words or len(words) > 14 or words[-1].lower() in FUNCTION_WORDS and not _counts(words):
        return None
    if not _VERBS.isdisjoint(map(str.lower, words)):
        return None
    return Subject(chunk, lo, hi, "descriptor")


_NUMBER_WORDS: Final = frozenset("two three four five six seven eight nine ten".split())


def _counts(words: list[str]) -> bool:
    """Whether a description ends by counting what its noun has ("the mother of three"): a
    number word there is no function word left dangling."""
    return len(words) > 2 and words[-2] == "of" and words[-1].lower() in _NUMBER_WORDS


_LONE_ADJECTIVE: Final = re.compile(r"\s*(?:[Tt]he|[Aa]n?)\s+[a-z][\w-]*\s*")
"""A determiner and one word before a comma: the first of two adjectives, not a phrase."""


def subject_before(text: str, lo: int, hi: int) -> Subject | None:
    """The subject of a reporting verb at `hi`, looking back no further than `lo`.

    Appositives are skipped ("Lavrov, the foreign minister, said" gives
    Lavrov), and so are leading adverbials ("On Friday, Lavrov said"); a parenthesis still
    open before the verb holds a sentence of its own.
    """
    hi = _before_parenthesis(text, lo, hi)
    opening = text.rfind("(", lo, hi)
    if opening >= 0 and ")" not in text[opening:hi]:
        lo = opening + 1  # "… for what it is (Raphael Lemkin, who …, once said, “…”)"
    parts = _segments(text, lo, hi)
    if len(parts) > 1 and _LONE_ADJECTIVE.fullmatch(text, *parts[-2]):
        parts[-2:] = [(parts[-2][0], parts[-1][1])]  # "the bespectacled, 71-year-old envoy"
    last_lo, last_hi = _strip(text, *parts[-1])
    if last_hi > last_lo:
        found = phrase_subject(text, last_lo, last_hi, stripped=True)
        if found and (found.kind != "descriptor" or len(parts) == 1):
            return found
        if found:  # a descriptor, after an earlier segment
            head = _first_subject(text, parts[:-1])
            if head and head.kind == "name" and _apposition_runs_on(text, parts):
                return head
            return found
        return None
    return _first_subject(text, parts[:-1])


def _before_parenthesis(text: str, lo: int, hi: int) -> int:
    """Where a clause ends without the parenthesis closing it: "Sen. Ana Ruiz (D-Ore.),
    said" is Ruiz's, whatever the sentence named before her."""
    end = hi
    while end > lo and text[end - 1] in " \t,":
        end -= 1
    if end <= lo or text[end - 1] != ")":
        return hi
    opening = text.rfind("(", lo, end - 1)
    if opening < 0 or ")" in text[opening + 1 : end - 1]:
        return hi
    return opening


def _is_appositive(text: str, part: tuple[int, int]) -> bool:
    return bool(_DETERMINER.match(text[part[0] : part[1]].lstrip()))


def _apposition_runs_on(text: str, parts: list[tuple[int, int]]) -> bool:
    """Whether the clause's last piece belongs to an apposition after the name: it opens one
    ("Ruiz, a lawyer at the firm said"), or it goes on with a list of names inside one opened
    earlier that the writer never closed ("Ruiz, a lawyer at the Council on Roads, Rail and
    Ports think tank told CBS": the comma splits "Roads, Rail", not the clause)."""
    if _is_appositive(text, parts[-1]):
        return True
    if len(parts) < 3 or not _is_appositive(text, parts[1]):
        return False
    before = text[parts[-2][0] : parts[-2][1]].split()
    last = text[parts[-1][0] : parts[-1][1]].split()
    return bool(before and last) and before[-1][:1].isupper() and last[0][:1].isupper()


_AS_NAME: Final = re.compile(r"\s*(?:[Aa]s|[Ww]hile|[Ww]hereas)\s+[A-Z]")
"""A segment "As Ana Ruiz" or ", while Ana Ruiz": the subject of the cue after it, not a
clause of its own."""


_NEXT_WORD: Final = re.compile(r"\s+([a-z][\w-]*)\b")
_NOT_NOUNS: Final = FUNCTION_WORDS | {"said", "says", "told", "added"}


def _noun_after(text: str, pos: int, hi: int) -> bool:
    """Whether a lowercase content word follows at `pos`: after a determiner and a capitalised
    word, that word is an adjective of a description ("a European diplomat"), not a name."""
    word = _NEXT_WORD.match(text, pos, hi)
    return word is not None and word[1] not in _NOT_NOUNS


_OPENS_CLAUSE: Final = re.compile(r",\s*(?:while|whereas|but|and)\s")
"""A comma and a conjunction: what came before is a clause of its own, not the subject."""


_STATE_ABBREVIATION: Final = re.compile(
    r"\s*(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|"
    r"Mo|Mont|Neb|Nev|N\.[HJMYCD]|Okla|Ore|Pa|R\.I|S\.[CD]|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo|"
    r"D\.C)\.\s*"
)
"""A US state as news agencies abbreviate it after a town ("In Homestead, Pa., …"): the end
of a place, never a speaker."""


def _first_subject(text: str, parts: list[tuple[int, int]]) -> Subject | None:
    for number, part in enumerate(parts):
        chunk = text[part[0] : part[1]]
        if not chunk.strip() or _STATE_ABBREVIATION.fullmatch(chunk):
            continue
        if _CLAUSE_OPENER.match(chunk) or (
            (filler := _LEADING_FILLER.match(chunk)) and _CLAUSE_OPENER.match(chunk[filler.end() :])
        ):
            named = _AS_NAME.match(chunk) and phrase_subject(text, *part)
            if (
                named
                and named.kind == "name"
                and all(is_title_word(word) for word in text[part[0] : named.start].split()[1:])
            ):
                return named  # "As Ana Ruiz, a professor of law, put it"; not "As X met Y"
            continue
        found = phrase_subject(text, *part)
        if found and found.kind == "descriptor" and number + 1 < len(parts):
            following = parts[number + 1]
            apposed = phrase_subject(text, *following)
            if (
                apposed
                and apposed.kind == "name"
                and not _NOT_APPOSITION.search(text[following[0] : apposed.start])
            ):
                return apposed  # "The authority's chair, Imran Siddiqui, said"
        if found:
            return found
        lo, _hi = _strip(text, *part)
        if lo < part[1] and not _OPENS_CLAUSE.match(text, part[1]):
            return None
    return None


_AGE_BEFORE_NAME: Final = re.compile(r"(?:[Tt]he\s+)?\d{1,3}-year-old\s+")
"""An age written onto the name it opens: "76-year-old Morton Blackwell, founder of …"."""


def _opens_a_pronoun_clause(text: str, parts: list[tuple[int, int]], hi: int) -> bool:
    """Whether the sentence's second piece opens with he, she, it, they, we or I and a word
    after it: the one word before the comma is an opener ("Wait,", "Plus,"), not a subject."""
    if len(parts) < 2 or text[parts[0][1] : parts[0][1] + 1] != ",":
        return False
    words = text[parts[1][0] : hi].split()
    return (
        len(words) > 1
        and words[0].lower() in PRONOUNS
        and words[0].lower() != "you"
        and words[1].strip(",") not in _ASIDE_VERBS  # "Ruiz, she said, was right"
    )


_ASIDE_VERBS: Final = frozenset({"said", "says", "added", "adds", "told", "argued", "wrote"})


def leading_subject(text: str, lo: int, hi: int) -> Subject | None:
    """The subject a sentence opens with, skipping adverbials ("After the hearing, X ...").

    For cues that have no subject of their own: ", saying", "and noted",
    "had a similar experience: “…”". A descriptor followed by a name in
    apposition gives the name ("The group, the Workers Coalition, ...").
    """
    if not text[:lo].strip():
        lo = _after_dateline(text, lo, hi)
    parts = _segments(text, lo, hi)
    for number, (start, end) in enumerate(parts):
        chunk = text[start:end]
        if (
            not chunk.strip()
            or _STATE_ABBREVIATION.fullmatch(chunk)
            or _CLAUSE_OPENER.match(chunk)
            or _LEADING_FILLER.fullmatch(chunk)
            or _TIME_BEFORE.fullmatch(chunk)
        ):
            continue
        lead, _ = _strip(text, start, end)
        words = text[lead:end].split()
        if not words:
            continue
        if words[0].lower() in PRONOUNS:
            return Subject(words[0], lead, lead + len(words[0]), "pronoun")
        if number == 0 and len(words) == 1 and _opens_a_pronoun_clause(text, parts, hi):
            continue  # "Wait, it gets better:": an interjection, no name
        runs = name_runs(text[lead:end])
        opening = runs and (
            text[lead : lead + runs[0][0]].strip().lower() in ("", "the", "said", "says")
            or _AGE_BEFORE_NAME.fullmatch(text, lead, lead + runs[0][0]) is not None
        )
        if (
            opening
            and _POSSESSIVE_S.match(text, lead + runs[0][1], lead + runs[0][1] + 3)
            and (len(runs) > 1 and runs[1][0] == runs[0][1] + 3)
        ):
            runs = runs[1:]  # "Delhi’s Chief Minister Arvind Kejriwal"
        if (
            runs
            and len(runs[0][2]) == 1
            and (
                runs[0][2][0].endswith(("ing", "ed", "ly"))
                or runs[0][2][0].lower() in PAST_PARTICIPLES
            )
        ):
            runs = []  # a sentence opening "Offering …" or "Asked …" is not a name
        if (
            len(runs) > 1
            and not strip_titles(runs[0][2])
            and text[lead + runs[0][1] : lead + runs[1][0]].strip().replace(" ", "").isalpha()
            and text[lead + runs[0][1] : lead + runs[1][0]].islower()
        ):
            runs = runs[1:]  # "Democratic presidential candidate Ana Ruiz": the name after
        if runs and opening and strip_titles(runs[0][2]):
            run_start, run_end, _tokens = runs[0]
            if text[lead + run_end : lead + run_end + 2] not in ("'s", "’s"):
                return _name(text, lead + run_start, lead + run_end)
        if _DETERMINER.match(text[lead:end]):
            if number + 1 < len(parts):
                following = text[parts[number + 1][0] : parts[number + 1][1]]
                runs = name_runs(following)
                if runs and not following[: runs[0][0]].strip():
                    first = parts[number + 1][0]
                    return _name(text, first + runs[0][0], first + runs[0][1])
            verb = _AUXILIARY.search(text, lead, end) or _past_verb(text, lead, end)
            if verb is not None and len(text[lead : verb.start()].split()) <= _HEAD_WORDS:
                return _descriptor(text, lead, verb.start())  # "The union was quick to …"
            if number + 1 < len(parts) or len(words) <= 10:
                return _descriptor(text, lead, end)
        return None
    return None


_AUXILIARY: Final = re.compile(r"\s(?:has|have|had|is|was|are|were|will|would|can|could)\s")
"""Where a sentence's subject ends and its verb begins: "The union was quick to respond"."""
_HEAD_WORDS: Final = 6
_PAST: Final = re.compile(r"\s([a-z]+ed)\s")
_BEFORE_ADJECTIVE: Final = frozenset({"the", "a", "an", "one", "its", "their", "his", "her"})


def _past_verb(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """Where a description's verb in the past tense begins ("A spokesman for Platte River
    declined to …, but said"): the first "-ed" word after the head that no determiner or
    adverb makes an adjective ("the embattled firm", "a newly elected senator")."""
    for found in _PAST.finditer(text, lo, hi):
        before = text[lo : found.start()].split()
        if (
            len(before) >= 2
            and before[-1].lower() not in _BEFORE_ADJECTIVE
            and not before[-1].endswith("ly")
        ):
            return found
    return None


_WHEN_AFTER_CUE: Final = re.compile(
    r"(?:(?:(?:late|early)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|yesterday|today|tonight|(?:last|this)\s+(?:week|month|year|night|morning)|"
    r"earlier|later)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|in\s+an?\s+(?:written\s+)?(?:statement|interview|email|e-mail|letter|speech))"
    r"\s*,?\s+(?=[A-Z]|(?:the|an?)\s)"
)
"""When or how the words were said, between the cue and its speaker: "said on Tuesday Ana
Ruiz", "said in a statement the ministry"."""


_POSSESSIVE_S: Final = re.compile(r"['’]s\s")
_PUNCTUATION: Final = re.compile(r"[^\w\s/-]")
_AFTER_DESCRIPTION: Final = re.compile(
    r"[,.;:!?▒()—–]|\s(?:in|on|at|during|after|who|which|that|when|"
    r"while|as|about|to|last|this|earlier)\s"
)
"""Where a description after its cue ends: punctuation, or a clause or time after it."""


_ONE_ADJECTIVE: Final = re.compile(r"(?:the|a|an)\s+[a-z][\w-]*", re.I)
_MORE_ADJECTIVES: Final = re.compile(
    r",\s+((?:[a-z0-9][\w/-]*\s+){0,2}[a-z][\w-]*)(?=[.;:!?▒]|\s+(?:on|in|at|after|as|who|when|while)\s|,\s)"
)


def _adjectives_go_on(text: str, comma: int, hi: int) -> int:
    """Where a description cut at a comma ends when the comma only separates its adjectives
    ("said the bespectacled, 71-year-old diplomat"): the words after it, up to where the
    phrase ends, are lower case and hold no function word or participle; else the comma."""
    found = _MORE_ADJECTIVES.match(text, comma, hi)
    if found is None:
        return comma
    words = found.group(1).split()
    if any(word in FUNCTION_WORDS or word.endswith("ing") for word in words):
        return comma
    return found.end()


_JOB_THEN_NAME: Final = re.compile(
    r"(?:\s+(?!(?:and|or|of|in|on|at|for|to|by|with|from|who|about|over|against|after|before|"
    r"during|than|as|into|onto|toward|towards|regarding|like|via|under|when|while|"
    r"citing|saying|adding|noting|calling|accusing|arguing|telling|writing|claiming|asking|"
    r"referring|pointing)\b)[a-z][\w-]*){1,3}\s+"
)
"""Lower-case words between a name and the next one ("Commerzbank analyst", "White House
press secretary"): the first name only says whose, the second is the speaker's. Not a
reporting participle: in "said Hale citing Brandt" Hale speaks ("ranking" is a job word);
not a preposition: in "said Hale about Brandt" Hale speaks of Brandt."""


def _code_letters(text: str, run_end: int) -> bool:
    """Whether a run of capitals ends where digits go on ("L2", "G4S"): a code, not a name."""
    return text[run_end : run_end + 1].isdigit()


def subject_after(text: str, pos: int, hi: int) -> Subject | None:
    """The speaker right after an inverted or prepositional cue: "said Lavrov", "according to X"."""
    match = _SPACES.match(text, pos, hi)
    lo = match.end() if match else pos
    when = _WHEN_AFTER_CUE.match(text, lo, hi)
    if when:
        lo = when.end()
    words = _WORD.findall(text[lo : min(hi, lo + 80)])
    if not words:
        return None
    if words[0].lower() in PRONOUNS:
        return Subject(words[0], lo, lo + len(words[0]), "pronoun")
    if text[lo : lo + 1] in _PREPOSITION_FIRSTS and _PREPOSITION_START.match(text, lo):
        return None  # "said, asked about the delay": a clause, not a speaker
    runs = name_runs(text[lo : min(hi, lo + 120)])
    if runs and _code_letters(text, lo + runs[0][1]):
        runs = runs[1:]
    adjective_end = 0  # where a capitalised adjective of a description ends ("a U.S. official")
    if runs and runs[0][0] <= 30:
        start, end, _tokens = runs[0]
        lead = text[lo : lo + start].strip()
        if lead in SURNAMES_TOO and start == len(lead) + 1:
            return _name(text, lo, lo + end)  # "said Will Osei": a given name, not "will"
        if lead == "the" and kind_of_person(_tokens) and not _noun_after(text, lo + end, hi):
            return _descriptor(text, lo, lo + end)  # "said the Pole"
        modifiers = lead.split()
        if (
            not _PUNCTUATION.search(lead)
            and len(modifiers) <= 2
            and (
                lead == lead.lower()
                or all(word.islower() or any(c.isdigit() for c in word) for word in modifiers)
            )  # lower-case words, or a code ("L2 president")
            and (all(w in ("the", "a", "an") or w not in FUNCTION_WORDS for w in modifiers))
        ):
            if not (modifiers and _noun_after(text, lo + end, hi)):
                job = _JOB_THEN_NAME.match(text, lo + end)
                if job is not None and len(runs) > 1 and lo + runs[1][0] == job.end():
                    start, end = runs[1][0], runs[1][1]  # "said Commerzbank analyst Ana Ruiz"
                return _name(text, lo + start, lo + end)
            adjective_end = end
    end_match = _AFTER_DESCRIPTION.search(text, lo + adjective_end, hi)
    end = end_match.start() if end_match else hi
    if end < hi and text[end] == "," and _ONE_ADJECTIVE.fullmatch(text, lo, end):
        end = _adjectives_go_on(text, end, hi)
    chunk = text[lo:end].strip()
    if not chunk or not _DETERMINER.match(chunk + " ") and not chunk[:1].islower():
        return None
    runs = name_runs(chunk)
    if len(chunk.split()) > 8:
        return _descriptor(text, lo, end) if adjective_end else None
    if (
        runs
        and runs[-1][1] >= len(chunk) - 1
        and not _PREPOSITION_BEFORE.search(chunk[: runs[-1][0]])
    ):
        return _name(text, lo + runs[-1][0], lo + runs[-1][1])
    after = lo + len(chunk)
    comma = _COMMA.match(text, after)
    if comma:  # "said the mayor, Jonas Weber": the name in apposition
        apposed = name_runs(text[comma.end() : min(hi, comma.end() + 80)])
        if (
            apposed
            and apposed[0][0] == 0
            and strip_titles(apposed[0][2])
            and not _code_letters(text, comma.end() + apposed[0][1])
        ):
            return _name(text, comma.end(), comma.end() + apposed[0][1])
    return _descriptor(text, lo, after)


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS
