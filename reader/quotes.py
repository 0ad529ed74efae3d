"""Direct quotes and attributions in cleaned paragraphs: who said what.

Three steps, each in its own module: `reader.quote_marks` pairs quotation
marks into spans; this module decides which spans are someone's words
(speech) rather than titles, names or scare quotes, and links each to a
reporting phrase; `reader.speakers` turns that phrase into a speaker,
resolving pronouns and short names. Everything is plain regular
expressions over one article, so it runs in well under a millisecond per
thousand words and needs no language model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from reader.model import Attribution, Quote
from reader.quote_marks import Span, scan_paragraph, starts_with_opener
from reader.speaker_names import FUNCTION_WORDS, NameIndex
from reader.speakers import (
    SpeakerMemory,
    Subject,
    _first_subject,
    _segments,
    is_title_word,
    resolve,
    subject_after,
    subject_before,
)
from reader.speech_cues import ANY_CUE, CORE_CUE, is_prepositional

MASK: Final = "▒"
"""Stands in for quoted words, so cue words and names inside a quote are never read as
the attribution, while offsets stay the same."""
_ABBREVIATION: Final = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Rev|No|vs|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|[A-Z])|[A-Za-z]\.[A-Za-z])\.$")
_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"'”’»)]*\s+(?=[\"“‘'«(]?[A-Z0-9▒])")
_END_PUNCT: Final = ".!?,…—–-:;"
_WORDS: Final = re.compile(r"[^\W\d_][\w’'-]*")


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

    @property
    def start(self) -> int:
        return min(self.cue_start, self.subject.start) if self.subject else self.cue_start

    @property
    def end(self) -> int:
        return max(self.cue_end, self.subject.end) if self.subject else self.cue_end


def mask(text: str, spans: list[Span]) -> str:
    """Replace quoted words with MASK, keeping the quote's final punctuation."""
    pieces, at = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        keep = span.end
        while keep > span.start and text[keep - 1] in ".!?,;:…":
            keep -= 1
        if span.start < at:
            continue
        pieces.append(text[at:span.start])
        pieces.append(MASK * (keep - span.start))
        at = keep
    pieces.append(text[at:])
    return "".join(pieces)


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence bounds in a masked paragraph; periods after abbreviations do not count."""
    bounds, at = [], 0
    for match in _SENTENCE_END.finditer(masked):
        head = masked[max(at, match.start() - 6):match.start() + 1]
        if match.group()[0] == "." and _ABBREVIATION.search(head):
            continue
        bounds.append((at, match.end()))
        at = match.end()
    bounds.append((at, len(masked)))
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for lo, hi in bounds:
        if lo <= offset < hi:
            return lo, hi
    return bounds[-1]


def _title_like(content: str) -> bool:
    """Capitalised like a title or a name ("Dancing with the Stars", "DWTS")."""
    words = _WORDS.findall(content)
    if not words:
        return True
    if len(words) == 1:
        return len(words[0]) > 1 and words[0].isupper() and words[0] not in ("OK", "I")
    significant = [w for w in words if w.lower() not in FUNCTION_WORDS or w[0].isupper()]
    capitals = [w for w in significant if w[0].isupper()]
    return len(capitals) >= 2 and len(capitals) == len(significant)


def _cue_follows(after: str) -> bool:
    """`“…,” the minister said` / `“…,” said Lavrov`: a cue within a short phrase."""
    match = ANY_CUE.search(after[:90])
    if not match:
        return False
    between = after[:match.start()]
    if re.search(r"[.;:!?▒\"“”]", between) or len(between.split()) > 7:
        return False
    return not re.search(r"\b(?:and|but|or|because|if|when|while|that)\b", between)


def _cue_precedes(before: str) -> bool:
    """`Lavrov said: “…”`, `he told reporters, “…”`, `she said “…”`."""
    tail = before.rstrip(" \t“\"‘'«")
    if tail.endswith(":"):
        return True
    cues = list(ANY_CUE.finditer(tail))
    if not cues:
        return False
    gap = tail[cues[-1].end():]
    if not gap.strip():
        return True
    return gap.rstrip().endswith(",") and len(gap.split()) <= 6 and "▒" not in gap


def is_speech(span: Span, text: str, masked: str, bounds: list[tuple[int, int]]) -> bool:
    """Whether the words in a span are someone's words rather than a title or scare quote.

    Words tied to a reporting verb are speech whatever their length; a whole
    sentence in quotes is speech even without one; short phrases without a
    cue, and capitalised names and titles in mid-sentence, are not.
    """
    content = text[span.start:span.end]
    words = _WORDS.findall(content)
    if not words:
        return False
    lo, hi = _sentence_of(bounds, span.open_mark)
    before = masked[lo:span.open_mark]
    close = span.close_mark if span.close_mark is not None else span.end
    after = masked[close + 1:hi] if span.close_mark is not None else ""
    stripped = content.strip(" …'\"‘’[(.")
    capital = stripped[:1].isupper()
    opens_sentence = not before.strip(" \t\"“‘'«(—–-")
    after_mark = before.rstrip().endswith((",", ":"))
    ends_in_punct = content.rstrip()[-1:] in _END_PUNCT or after.startswith(",")
    if _title_like(content) and not (ends_in_punct and len(words) >= 4 and _cue_follows(after)):
        return False
    if capital and not opens_sentence and not after_mark and len(words) <= 4:
        return False
    if (ends_in_punct and _cue_follows(after)) or _cue_precedes(before):
        return True
    if ANY_CUE.search(before) or ANY_CUE.search(after):
        return True
    if opens_sentence and capital and len(words) >= 2 and (ends_in_punct or not after.strip()):
        return True
    return len(words) >= 6


def _said_in(masked: str, text: str, number: int, bounds: list[tuple[int, int]],
             quotes: list[Span], index: NameIndex, memory: SpeakerMemory) -> list[_Said]:
    """Every reporting phrase in a paragraph, with its speaker resolved."""
    found: list[_Said] = []
    closes = sorted(s.close_mark for s in quotes if s.close_mark is not None)
    for match in ANY_CUE.finditer(masked):
        lo, hi = _sentence_of(bounds, match.start())
        clause_lo = lo
        for close in closes:
            if clause_lo <= close < match.start():
                clause_lo = close + 1
        for previous in found:
            if clause_lo <= previous.cue_end <= match.start():
                clause_lo = previous.cue_end
        semicolon = masked.rfind(";", clause_lo, match.start())
        clause_lo = max(clause_lo, semicolon + 1)
        cue = " ".join(match.group().split())
        subject: Subject | None
        if is_prepositional(cue):
            subject = subject_after(masked, match.end(), hi)
        else:
            subject = subject_before(masked, clause_lo, match.start())
            gap = masked[clause_lo:match.start()]
            if subject is None and not re.search(r"\w", gap):
                subject = subject_after(masked, match.end(), hi)
        speaker, person = None, False
        if subject is None and cue.endswith("ing") and found and found[-1].cue_end >= lo:
            speaker, person = found[-1].speaker, found[-1].person
        elif subject is not None:
            speaker, person = resolve(subject, index, number, memory)
        core = bool(CORE_CUE.fullmatch(match.group()))
        found.append(_Said(match.start(), match.end(), cue, subject, speaker, person, core))
    return found


def _link(span: Span, masked: str, bounds: list[tuple[int, int]],
          said: list[_Said]) -> _Said | None:
    """The reporting phrase a quote belongs to: right after it, else before it, in its sentence."""
    lo, hi = _sentence_of(bounds, span.open_mark)
    in_sentence = [s for s in said if lo <= s.cue_start < hi and s.speaker]
    close = span.close_mark if span.close_mark is not None else span.end
    for item in in_sentence:
        if item.start > close and not re.search(r"[^\s,”\"’'»]", masked[close + 1:item.start]):
            return item
    earlier = [s for s in in_sentence if s.end <= span.open_mark]
    if earlier:
        return earlier[-1]
    later = [s for s in in_sentence if s.start > close]
    return later[0] if later else None


def _sentence_subject(masked: str, lo: int, hi: int, index: NameIndex, number: int,
                      memory: SpeakerMemory) -> tuple[str | None, bool]:
    subject = _first_subject(masked, _segments(masked, lo, hi))
    if subject is None or subject.kind == "descriptor" and " " not in subject.text:
        return None, False
    return resolve(subject, index, number, memory)


def find_quotes(paragraphs: list[str]) -> tuple[list[Quote], list[Attribution]]:
    """Find quotes and who said them, and every attribution phrase, paragraph by paragraph."""
    index = NameIndex.build(paragraphs)
    memory = SpeakerMemory([])
    quotes: list[Quote] = []
    attributions: list[Attribution] = []
    chain: list[int] = []
    chain_speaker: tuple[str | None, bool] = (None, False)
    previous_speaker: tuple[str | None, bool, int] = (None, False, -9)
    for number, text in enumerate(paragraphs):
        top, nested = scan_paragraph(paragraphs, number)
        masked_all = mask(text, top)
        bounds = sentences(masked_all)
        continuing = bool(chain) and starts_with_opener(text)
        accepted = [span for n, span in enumerate(top)
                    if (continuing and n == 0 and span.open_mark <= len(text) - len(text.lstrip())
                        + 2) or is_speech(span, text, masked_all, bounds)]
        masked = mask(text, accepted)
        said = _said_in(masked, text, number, bounds, accepted, index, memory)
        linked: set[int] = set()
        first_new = len(quotes)
        resolved: list[tuple[str | None, bool, str | None]] = []
        for position, span in enumerate(accepted):
            item = _link(span, masked, bounds, said)
            if item is not None:
                linked.add(id(item))
                resolved.append((item.speaker, item.person, item.cue))
            else:
                resolved.append((None, False, None))
            speaker, person, cue = resolved[-1]
            if speaker is None and continuing and position == 0:
                speaker, person = chain_speaker
            if speaker is None:
                lo, _hi = _sentence_of(bounds, span.open_mark)
                if masked[lo:span.open_mark].rstrip(" “\"‘'").endswith(":"):
                    speaker, person = _sentence_subject(masked, lo, span.open_mark, index,
                                                        number, memory)
            if speaker is None:
                earlier = [s for s in said if s.end <= span.open_mark and s.speaker]
                earlier_quotes = [r for r in resolved[:-1] if r[0]]
                if earlier_quotes:
                    speaker, person = earlier_quotes[-1][0], earlier_quotes[-1][1]
                elif earlier:
                    speaker, person = earlier[-1].speaker, earlier[-1].person
            resolved[-1] = (speaker, person, cue)
            if speaker:
                memory.spoken.append((number, span.start, speaker, person))
        for position, (speaker, person, cue) in enumerate(resolved):
            if speaker is None:
                later = [r for r in resolved[position + 1:] if r[0]]
                if later:
                    speaker, person = later[0][0], later[0][1]
                elif accepted[position].open_mark <= 2 and previous_speaker[2] >= number - 1:
                    speaker, person = previous_speaker[0], previous_speaker[1]
            span = accepted[position]
            quotes.append(Quote(text[span.start:span.end], speaker, cue, number, span.start,
                                span.end))
            if speaker:
                previous_speaker = (speaker, person, number)
        quotes.extend(_nested_quotes(text, nested, accepted, quotes[first_new:], masked))
        attributions.extend(Attribution(text[s.start:s.end], s.speaker, s.cue, number, s.start,
                                        s.end)
                            for s in said if s.speaker and (s.core or id(s) in linked))
        if continuing:
            chain.extend(range(first_new, first_new + (1 if accepted else 0)))
        else:
            chain = []
        if accepted and accepted[-1].runs_on:
            if not chain:
                chain = [first_new + len(accepted) - 1]
            chain_speaker = _chain_speaker(quotes, chain)
        else:
            _fill_chain(quotes, chain)
            chain = []
    _fill_chain(quotes, chain)
    return quotes, attributions


def _chain_speaker(quotes: list[Quote], chain: list[int]) -> tuple[str | None, bool]:
    for position in chain:
        if quotes[position].speaker:
            return quotes[position].speaker, True
    return None, False


def _fill_chain(quotes: list[Quote], chain: list[int]) -> None:
    """Give every paragraph of a multi-paragraph quote the speaker named in any of them."""
    speaker = next((quotes[p].speaker for p in chain if quotes[p].speaker), None)
    if not speaker:
        return
    for position in chain:
        quote = quotes[position]
        if quote.speaker is None:
            quotes[position] = Quote(quote.text, speaker, quote.cue, quote.paragraph,
                                     quote.start, quote.end)


_INNER_CUE: Final = re.compile(r"(?:[,:]|\b(?:said|says|say|asked|told\s+\w+|thought|go|goes|"
                               r"went|like|wrote|writes))\s*$")


def _nested_quotes(text: str, nested: list[Span], outer: list[Span], outer_quotes: list[Quote],
                   masked: str) -> list[Quote]:
    """Quotes inside quotes, kept only when the outer speaker reports someone's words.

    `“I told him: ‘Leave now,’” she said` has speech in the inner marks;
    `“the so-called ‘reform’ plan”` does not.
    """
    found: list[Quote] = []
    for span in nested:
        holder = next((q for q in outer_quotes if q.start <= span.start and span.end <= q.end),
                      None)
        if holder is None:
            continue
        content = text[span.start:span.end]
        before = text[holder.start:span.open_mark]
        words = _WORDS.findall(content)
        if len(words) < 2 or not content.lstrip()[:1].isupper() or not _INNER_CUE.search(
                before):
            continue
        inner_subject = re.search(r"\b([A-Z][\w’'-]+|I|he|she|we|they)\s+\w*\s*$",
                                  before.rstrip(" ,:"))
        speaker = holder.speaker
        if inner_subject and inner_subject.group(1) not in ("I", "we"):
            speaker = None
            if inner_subject.group(1)[0].isupper() and not is_title_word(inner_subject.group(1)):
                speaker = inner_subject.group(1)
        found.append(Quote(content, speaker, None, span.paragraph, span.start, span.end))
    return found
