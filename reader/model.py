"""The article as every part of reader sees it.

Cleaners build an `Article`, the quote finder adds its spans, the UI and
`reader --json` only read it. Field names here are the `--json` contract.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final, Literal

Format = Literal["html", "text", "markdown"]

BULLET: Final = "• "
"""Opens a paragraph that is an item of a bulleted list; an item of a numbered list opens
with its number ("2. "). Lists read as lists in every output, and the markers are text, so
search, quotes and the cache need nothing more. A paragraph with line breaks in it is
preformatted text (code, a poem laid out by its author): its lines are kept as they are."""


def is_preformatted(paragraph: str) -> bool:
    """Whether a paragraph is preformatted text, its line breaks to be kept (see `BULLET`)."""
    return "\n" in paragraph


WORDS_PER_MINUTE: Final = 238
"""Average adult silent reading speed for non-fiction (Brysbaert, 2019)."""

_WORD = re.compile(r"\w+")
_CJK_CLASS: Final = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"


@cache
def _cjk() -> re.Pattern[str]:
    """Compiled on first use: the class is large, and most runs never count CJK words."""
    return re.compile(_CJK_CLASS)


def count_words(text: str) -> int:
    """Count words as a reader would: whitespace-separated runs holding a letter or digit.

    Japanese and Chinese have no spaces between words, so a run of kana or
    kanji would count as one word; about two such characters count as a word
    instead, which keeps the read time honest for those articles.
    """
    cjk = len(_cjk().findall(text))
    rest = _cjk().sub(" ", text) if cjk else text
    return sum(1 for token in rest.split() if _WORD.search(token)) + math.ceil(cjk / 2)


def read_time(words: int) -> int:
    """Minutes to read `words` at `WORDS_PER_MINUTE`, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


@dataclass(frozen=True, slots=True)
class Quote:
    """Words inside quotation marks that someone said or wrote.

    `start`/`end` index `text` (marks excluded) in `paragraphs[paragraph]`.
    """

    text: str
    speaker: str | None
    """Who said it as the attribution names them: a name in its fullest form, or a
    description as written ("the actor", "a senior official")."""
    cue: str | None
    paragraph: int
    start: int
    end: int
    person: str | None = None
    """Whom a description speaker stands for, when the article ties it to exactly one: a
    name ("the actor" -> "James Van Der Beek") or a fuller description ("the official" ->
    "a senior official at the ministry"); None when `speaker` is a name or nobody fits."""

    @property
    def who(self) -> str | None:
        """Whom the quote is from, for grouping and choosing: the person a description is
        tied to, else the speaker."""
        return self.person or self.speaker

    @property
    def described_as(self) -> str | None:
        """The description as written, when it is tied to a person; else None."""
        return self.speaker if self.person else None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A phrase naming who said something: "Lavrov said", "according to X"."""

    text: str
    source: str | None
    cue: str | None
    paragraph: int
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """A cleaned article: metadata, key points and body paragraphs."""

    path: str
    format: Format
    title: str = ""
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    section: str | None = None
    published: str | None = None
    summary: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    """Indices of `paragraphs` that are headings, so the UI can set them apart."""
    url: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(count_words(p) for p in self.paragraphs)

    @property
    def read_time_minutes(self) -> int:
        return read_time(self.word_count)

    @property
    def byline(self) -> str:
        """Who wrote it and where, as one line for headers."""
        parts = [", ".join(self.authors)] if self.authors else []
        if self.publisher and self.publisher not in self.authors:
            parts.append(self.publisher)
        return " · ".join(parts)

    def to_json(self) -> dict[str, Any]:
        """The `reader --json` object, in the documented field order."""
        words = self.word_count  # walks every paragraph: once
        return {
            "path": self.path,
            "format": self.format,
            "title": self.title,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "section": self.section,
            "published": self.published,
            "summary": list(self.summary),
            "paragraphs": list(self.paragraphs),
            "headings": list(self.headings),
            "url": self.url,
            "word_count": words,
            "read_time_minutes": read_time(words),
            "quotes": [_quote_json(q) for q in self.quotes],
            "attributions": [_attribution_json(a) for a in self.attributions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from `to_json()` output, e.g. from the article cache.

        The derived fields (`word_count`, `read_time_minutes`) are ignored:
        they are always recomputed from the paragraphs, so they cannot disagree.
        """
        return cls(
            path=data["path"],
            format=data["format"],
            title=data.get("title") or "",
            authors=list(data.get("authors") or []),
            publisher=data.get("publisher"),
            section=data.get("section"),
            published=data.get("published"),
            summary=list(data.get("summary") or []),
            paragraphs=list(data.get("paragraphs") or []),
            headings=list(data.get("headings") or []),
            url=data.get("url"),
            quotes=[_quote_from_json(span) for span in data.get("quotes") or []],
            attributions=[Attribution(**span) for span in data.get("attributions") or []],
        )


def _quote_json(quote: Quote) -> dict[str, Any]:
    """A quote as `reader --json` writes it: `speaker` is who said it (the name a description
    is tied to, else the attribution as written), `described_as` the description as written
    when it was tied to someone, else null."""
    return {
        "text": quote.text,
        "speaker": quote.who,
        "described_as": quote.described_as,
        "cue": quote.cue,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
    }


def _quote_from_json(span: dict[str, Any]) -> Quote:
    """The `Quote` that `_quote_json` wrote. A record with `person` has the earlier shape
    (`speaker` as written, `person` the name), which is read as it was written."""
    if "person" in span:
        return Quote(**span)
    described = span.get("described_as")
    return Quote(
        text=span["text"],
        speaker=described or span["speaker"],
        cue=span["cue"],
        paragraph=span["paragraph"],
        start=span["start"],
        end=span["end"],
        person=span["speaker"] if described else None,
    )


def _attribution_json(span: Attribution) -> dict[str, Any]:
    return {name: getattr(span, name) for name in span.__slots__}


class LoadError(Exception):
    """A file reader could not turn into an article; the message is for people."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
