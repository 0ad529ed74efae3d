"""Who is quoted in one article: every form of one speaker counted as one.

`quoted_speakers(quotes)` is the one place that says, for one article, which
speaker forms are one person and which rows are organisations or
descriptions nobody could be named for; the sidebar's "Quoted" list shows
its rows, and `find_quotes` writes each quote's speaker in the form it
merges to. (Across articles, `reader.people` merges again.)

The finder already writes most speakers in their fullest form ("Tim Cook"
for "Cook"), and a description beside the name it is tied to (`Quote.person`:
"the actor" with "James Van Der Beek"); what is left to
merge here are the forms it could not join while reading ("Cook" quoted
before "Tim Cook" is named). A short form joins a longer one only when
exactly one longer form holds it: "Clinton" beside both "Hillary Clinton"
and "Bill Clinton" stays on its own. A speaker written as a description
("a senior official", "the company") is never merged into a name; it is
kept, and labelled, as a description.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.model import Quote
from reader.quotes.kinds import SpeakerKind, speaker_kind


@dataclass(frozen=True, slots=True)
class QuotedSpeaker:
    """One row of "who is quoted": the name to show, how many quotes, what kind of speaker,
    and every form the article's quotes use for it (the name first)."""

    name: str
    count: int
    kind: SpeakerKind
    forms: tuple[str, ...]


def _tokens(form: str) -> tuple[str, ...]:
    return tuple(word.strip(".,").lower() for word in form.split())


def merge_forms(speakers: Iterable[str]) -> dict[str, str]:
    """Each speaker form -> the name it is shown under (itself when nothing holds it).

    A form is held by a longer name that ends with the same words ("Cook" by "Tim
    Cook"); names are grouped by their last word first, so each form is compared
    only with the names that could hold it.
    """
    forms = list(dict.fromkeys(speakers))
    merged = {form: form for form in forms}
    if len(forms) < 2:
        return merged
    by_last: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for form in forms:
        if speaker_kind(form) != "description":
            words = _tokens(form)
            if words:
                by_last.setdefault(words[-1], []).append((form, words))
    for group in by_last.values():
        for form, short in group:
            holders = [
                name
                for name, long in group
                if len(long) > len(short) and long[-len(short) :] == short
            ]
            if len(holders) == 1:
                merged[form] = holders[0]
    for form, target in merged.items():  # "Cook" -> "Tim Cook" -> "Timothy D. Cook"
        seen = {form}
        while merged[target] != target and target not in seen:
            seen.add(target)
            target = merged[target]
        merged[form] = target
    return merged


def quoted_speakers(quotes: Iterable[Quote]) -> list[QuotedSpeaker]:
    """Who an article quotes, one row per speaker: people and organisations most quoted
    first, then descriptions nobody could be named for ("a senior official"), which are
    never shown as names. Every form of a speaker ("Tim Cook", "Cook", "the actor" once
    tied to his name) is one row, its forms in `QuotedSpeaker.forms`; a short form two
    people could own ("Clinton" beside "Hillary" and "Bill Clinton") stays apart."""
    said = [(quote.who, quote.speaker) for quote in quotes if quote.who and quote.speaker]
    merged = merge_forms(who for who, _speaker in said)
    counts: dict[str, int] = {}
    forms: dict[str, list[str]] = {}
    for who, speaker in said:
        name = merged[who]
        counts[name] = counts.get(name, 0) + 1
        shown = forms.setdefault(name, [name])
        for form in (who, speaker):
            if form not in shown:
                shown.append(form)
    rows = [
        QuotedSpeaker(name, count, speaker_kind(name), tuple(forms[name]))
        for name, count in counts.items()
    ]
    return sorted(rows, key=lambda row: (row.kind == "description", -row.count, row.name))
