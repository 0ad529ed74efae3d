"""Is it speech? Telling someone's words from titles, names, labels and scare quotes.

Words tied to a reporting verb are speech whatever their length; a whole
sentence in quotes is speech even without one; short phrases without a
cue, capitalised names and titles in mid-sentence, and terms introduced as
terms ("the so-called …", "its slogan, …") are not.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from reader.quotes.context import sentence_of
from reader.quotes.marks import Span
from reader.quotes.names import FUNCTION_WORDS

_MODIFIER_BEFORE: Final = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|[Tt]hat|"
    r"[Tt]hese|[Tt]hose)|\b[A-Z][\w’'-]+)\s+$"
)
"""A determiner right before the marks: `a “skinny” deal`, `his “tough on China” stance`."""
_NOUN_AFTER: Final = re.compile(
    r"\s+(?!(?:and|or|but|as|to|of|in|on|at|for|with|by|from|that|"
    r"which|who|is|was|are|were|has|had|have|before|after|during|when|while|since|until|"
    r"because|if|so|than|over|about|into|onto|through|amid|despite|without|against|"
    r"toward|towards|under|upon|via|then|yet|nor)\b)[a-z][a-z-]+\b"
    r"(?<!ly)"
)
"""A common noun right after the marks: the quote is used as a label, not as speech (not a
preposition or a conjunction: "called Loughner “cold-blooded” before leaving")."""
_END_PUNCT: Final = ".!?,…—–-:;"
WORDS: Final = re.compile(r"[^\W\d_][\w’'-]*")


def _title_like(words: list[str]) -> bool:
    """Capitalised like a title or a name ("Dancing with the Stars", "DWTS")."""
    if not words:
        return True
    if len(words) == 1:
        word = words[0]
        camel = any(char.isupper() for char in word[1:]) and not word.isupper()
        return len(word) > 1 and (word.isupper() and word not in ("OK", "I") or camel)
    if len(words) > 12:
        return False  # titles are short; a long run of capitals is a sentence in capitals
    capitals = 0
    for word in words:
        if word[0].isupper():
            capitals += 1
        elif word.lower() not in FUNCTION_WORDS:
            return False
    return capitals >= 2


Cue = tuple[int, int]
"""A reporting word as (start, end), relative to the text it was found in."""


def _cues_in(cues: list[Cue], lo: int, hi: int) -> list[Cue]:
    """The paragraph's cues inside [lo, hi), shifted to start at lo (`cues` is sorted)."""
    first = bisect_left(cues, (lo, lo))
    found = []
    for start, end in cues[first:]:
        if end > hi:
            break
        found.append((start - lo, end - lo))
    return found


def _cue_follows(after: str, cues: list[Cue]) -> bool:
    """`“…,” the minister said` / `“…,” said Lavrov`: a cue within a short phrase."""
    for first in cues:  # the first cue ending within 90 characters
        if first[1] <= 90:
            break
    else:
        return False
    between = after[: first[0]]
    if _STOP_BETWEEN.search(between) or len(between.split()) > 7:
        return False
    return not _JOIN_BETWEEN.search(between)


_STOP_BETWEEN: Final = re.compile(r"[.;:!?▒\"“”]")
_JOIN_BETWEEN: Final = re.compile(r"\b(?:and|but|or|because|if|when|while|that)\b")


def _cue_precedes(before: str, cues: list[Cue]) -> bool:
    """`Lavrov said: “…”`, `he told reporters, “…”`, `she said “…”`."""
    tail = before.rstrip(" \t“\"‘'«")
    if tail[-1:] == ":":
        return True
    if not cues or cues[-1][1] > len(tail):
        return False
    gap = tail[cues[-1][1] :]
    if not gap.strip():
        return True
    return gap.rstrip().endswith(",") and len(gap.split()) <= 6 and "▒" not in gap


_LABEL_BEFORE: Final = re.compile(
    r"(?:\bso-called|\b(?:known|referred\s+to|billed)\s+as|\bcalled|\b(?:dubbed|nicknamed|"
    r"titled|entitled|labell?ed|branded|named|termed)|\b(?:call(?:s|ed|ing)?|nam(?:e|es|ed|ing))"
    r"\s+(?:[\w’']+\s+){1,4}the|\b(?:slogan|motto|caption|title|hashtag|headline|nickname|"
    r"term|phrase|label|banner|sign|catchphrase|byword|mantra|word|words)(?:\s+\w+){0,4}?,?|"
    r"\b(?:not|n[’']t|never)\s+(?:to\s+)?(?:call|label|describe|term|name)\s+(?:[\w’']+\s+)"
    r"{0,3}(?:an?|the))\s*$",
    re.I,
)
"""Words that introduce a term, not speech: “the so-called ‘rate path’”, “its slogan,
‘Away for the day’”, “decided not to call it an ‘amnesty’”."""
_LABEL_HINTS: Final = (
    "call",
    "nam",
    "known",
    "dub",
    "titl",
    "label",
    "brand",
    "term",
    "slogan",
    "motto",
    "caption",
    "hashtag",
    "headline",
    "banner",
    "sign",
    "phrase",
    "word",
    "catch",
    "byword",
    "mantra",
    "referred",
    "billed",
    "describe",
)


_LABEL_HINT: Final = re.compile("|".join(_LABEL_HINTS))
"""Any of the hints, in one search (half the cost of testing them one by one)."""


NAMED_BY_SUBJECT: Final = re.compile(
    r"\b(?:which|what|that|whom)\s+(?P<who>[Tt]he\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
    r"|(?:[A-Z][\w’'.-]*\s+){0,4}(?:[a-z]+\s+){0,2}[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+"
    r"(?:(?:has|have|had|once|often|later|also|now)\s+)?"
    r"(?P<verb>call(?:s|ed)|term(?:s|ed)|dub(?:s|bed)|label(?:s|l?ed)|brand(?:s|ed))\s*[“\"]?$"
)
"""A relative clause whose own subject names the quoted words: "the tax, which Ana Ruiz
calls “…”", "which Yale historian Ana Ruiz calls “…”", "what she termed “…”": that
subject's words, not a term."""


def _has_naming_word(tail: str) -> bool:
    """Whether one of `NAMED_BY_SUBJECT`'s verbs stands in `tail` at all (`in` five times:
    cheaper than `any` over a generator)."""
    return "call" in tail or "term" in tail or "dub" in tail or "label" in tail or "brand" in tail


def named_by_subject_at(text: str, end: int) -> re.Match[str] | None:
    """`NAMED_BY_SUBJECT` ending at `end` in `text`, searched only when a naming verb stands
    in the 80 characters before it (a substring test is far cheaper than the pattern)."""
    lo = max(0, end - 80)
    tail = text[lo:end]
    if not _has_naming_word(tail):
        return None
    return NAMED_BY_SUBJECT.search(text, lo, end)


def names_by_subject(before: str) -> bool:
    """`NAMED_BY_SUBJECT` at the end of `before`, tried only when a naming verb is there at
    all (a substring test is far cheaper than the pattern)."""
    tail = before[-80:]
    return _has_naming_word(tail) and bool(NAMED_BY_SUBJECT.search(tail.rstrip(' “"\t')))


def _labelled(tail: str) -> bool:
    """`_LABEL_BEFORE`, tried only when one of its words is there at all (a cheap test), and
    not after a subject of its own (`NAMED_BY_SUBJECT`)."""
    return (
        bool(_LABEL_HINT.search(tail.lower()))
        and bool(_LABEL_BEFORE.search(tail))
        and not names_by_subject(tail)
    )


_LABEL_AFTER: Final = re.compile(
    r"\s*,?\s*(?:(?:an?|the)\s+(?:label|nickname|term|phrase|slogan|"
    r"name|motto|catchphrase|euphemism)\b|which\s+(?!(?:is|was|are|"
    r"were)\s+(?:what|how|why)\b))",
    re.I,
)
"""After the marks: ", a nickname the club hates"; ", which the union regards as …" (the
quoted words are a thing being talked about)."""
_CLAUSE_BREAK: Final = re.compile(r";|,\s+(?:(?:and|but)(?!\s+that\b)|while|whereas|which|who)\b")
_ADJECTIVE_BEFORE: Final = re.compile(r"\b(?:[Tt]he|an?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+$")
_PASSIVE_BEFORE: Final = re.compile(r"\b(?:is|are|was|were|be|been)\s+$")


def _reports(text: str, cue: Cue) -> bool:
    """Whether a cue word reports anyone's words: not "the observed volume" (a participle
    used as an adjective; "a lament", "her warning" are nouns that still report), nor
    "what is predicted to happen" (a passive with nobody speaking)."""
    head = text[: cue[0]]
    if text.endswith("ed", cue[0], cue[1]) and _ADJECTIVE_BEFORE.search(head):
        return False
    return not (_PASSIVE_BEFORE.search(head) and text.startswith(" to ", cue[1]))


def _governing_cue(
    before: str, after: str, words: int, cues_before: list[Cue], cues_after: list[Cue]
) -> bool:
    """A reporting verb in the same clause as the quote, on either side of it.

    "The report says nothing new, and the three signed as “observers”": the
    cue belongs to another clause, so a word or two in marks is a term, not
    the report's words. Longer quoted phrases are speech either way.
    """
    if words <= 2:
        cues_before = [cue for cue in cues_before if _reports(before, cue)]
        cues_after = [cue for cue in cues_after if _reports(after, cue)]
    if cues_before and (words > 2 or not _CLAUSE_BREAK.search(before[cues_before[-1][1] :])):
        return True
    return bool(cues_after) and (words > 2 or not _CLAUSE_BREAK.search(after[: cues_after[0][0]]))


_THAT_CLAUSE: Final = re.compile(r"\s+(?:[^▒;:.]{0,30}?\s)?that\s")
"""A "that" clause opening right after a cue, or a few words on ("said in a statement that",
"told reporters on Monday that")."""


def _reported_with_that(before: str, cues_before: list[Cue]) -> bool:
    """Whether the quote stands in the "that" clause of the last cue before it ("the agency
    said that it stopped because of the “short-term” stays"): the words are the speaker's
    even between a determiner and a noun, where they would otherwise be read as a label
    ("a “skinny” deal")."""
    return bool(cues_before) and bool(_THAT_CLAUSE.match(before, cues_before[-1][1]))


_AS_BEFORE_CUE: Final = re.compile(r"[^▒;:.]{0,40}?\bas\s+(?:[\w’'.-]+\s+){1,4}$")
"""From the closing mark to a cue: a few words, then "as" and the cue's subject."""


def _as_cue_after(after: str, cues_after: list[Cue]) -> bool:
    """Whether a cue after the quote is opened by "as" ("a “severely conservative”
    candidate, as he once described himself"): that clause says whose words they are, even
    between a determiner and a noun, where they would otherwise be read as a label."""
    return bool(cues_after) and bool(_AS_BEFORE_CUE.fullmatch(after, 0, cues_after[0][0]))


_GLOSS_BEFORE: Final = re.compile(r"[^\W\d_]\s*(?:\(|\s[-–—]\s?)\s*$")
"""A word, then an opening bracket or a spaced dash, right before the marks."""
_GLOSS_AFTER: Final = re.compile(r"\s*(?:\)|\s?[-–—]\s)")
"""The closing bracket or dash right after them."""


def _glossed(before: str, after: str, cues_before: list[Cue]) -> bool:
    """A word or two set off by brackets or dashes right after a noun: another name for it
    ("hydraulic fracturing - “fracking” - which", "the deal (“phase one”)"), not speech;
    unless a cue stands right before ("he said — “never” — and left")."""
    if not (_GLOSS_BEFORE.search(before) and _GLOSS_AFTER.match(after)):
        return False
    return not cues_before or len(before[cues_before[-1][1] :].strip(" (-–—")) > 0


def is_speech(
    span: Span, text: str, masked: str, bounds: list[tuple[int, int]], cues: list[Cue]
) -> bool:
    """Whether the words in a span are someone's words rather than a title or scare quote.

    Words tied to a reporting verb are speech whatever their length; a whole
    sentence in quotes is speech even without one; short phrases without a
    cue, and capitalised names and titles in mid-sentence, are not. `cues` are
    the paragraph's reporting words, found once for all its spans.
    """
    content = text[span.start : span.end]
    words = WORDS.findall(content, 0, 90)  # enough words for every threshold below
    if not words:
        return False
    lo, hi = sentence_of(bounds, span.open_mark)
    before = masked[lo : span.open_mark]
    close = span.close_mark if span.close_mark is not None else span.end
    after = masked[close + 1 : hi] if span.close_mark is not None else ""
    cues_before = _cues_in(cues, lo, span.open_mark)
    cues_after = _cues_in(cues, close + 1, hi) if after else []
    stripped = content.strip(" …'\"‘’[(.")
    capital = stripped[:1].isupper()
    opens_sentence = not before.strip(" \t\"“‘'«(—–-")
    after_mark = before.rstrip()[-1:] in (",", ":")
    inner_punct = content.rstrip()[-1:] in _END_PUNCT
    ends_in_punct = inner_punct or after.startswith(",")
    if _title_like(words) and not (
        ends_in_punct and len(words) >= 4 and _cue_follows(after, cues_after)
    ):
        return False
    if (
        capital
        and not opens_sentence
        and not after_mark
        and len(words) <= 4
        and not (inner_punct and _cue_follows(after, cues_after))
        and not _cue_precedes(before, cues_before)
    ):
        return False  # “Wild Rose,” in mid-sentence is a title; “We won,” he said is speech
    if (
        len(words) <= 4
        and not ends_in_punct
        and _MODIFIER_BEFORE.search(before[-40:])
        and (_NOUN_AFTER.match(after))
        and not _reported_with_that(before, cues_before)
        and not _as_cue_after(after, cues_after)
    ):
        return False
    if _labelled(before[-80:]) or len(words) <= 3 and _LABEL_AFTER.match(after):
        return False
    if len(words) <= 3 and not inner_punct and _glossed(before, after, cues_before):
        return False
    if (ends_in_punct and _cue_follows(after, cues_after)) or _cue_precedes(before, cues_before):
        return True
    if names_by_subject(before[-80:]):
        return True  # "which Ana Ruiz calls “a burden”": her words
    if _governing_cue(before, after, len(words), cues_before, cues_after):
        return True
    if opens_sentence and capital and len(words) >= 2 and (ends_in_punct or not after.strip()):
        return True
    return len(words) >= 6
