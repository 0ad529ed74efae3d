"""Evidence of where the story is that does not come from weighing text: the page's summary.

The page's description (meta or JSON-LD) is written for the story, and is
very often its first sentence or two. When the heaviest block of prose does
not hold it but another block does, the heavy block is something else (an
"about the author" box, a customer-service note, a column of teasers) and the
story is the block that holds the description.
"""

from __future__ import annotations

import re
from itertools import islice

from reader.clean.html_blocks import Block
from reader.clean.html_tree import HtmlElement

_WORD = re.compile(r"\w+")
PHRASE_WORDS = 8
"""Words of the description that must appear in a row: enough to be no accident."""
ON_TOPIC_SHARE = 0.5
"""Prose using this share of the headline's words is about the story: no second guess."""
HOLDER_LEVELS = 2
"""How far above the description's block its story's container may sit; higher is the page."""


class Topic:
    """What the page says the story is about, and where that text sits."""

    __slots__ = ("_phrase", "_description", "_headline")

    def __init__(self, headline: str, description: str) -> None:
        self._headline = _content_words(headline)
        words = _WORD.findall(description.lower())
        self._phrase = " ".join(words[:PHRASE_WORDS]) if len(words) >= PHRASE_WORDS else ""
        self._description = " ".join(words)

    def anchor(self, kept: list[Block]) -> Block | None:
        """The first block that opens like the description, or that the description opens with."""
        if not self._phrase:
            return None
        for block in kept:
            if block.is_heading or block.link_density > 0.5:
                continue
            words = _WORD.findall(block.text.lower())
            if len(words) < PHRASE_WORDS:
                continue
            if (
                self._phrase in " ".join(words)
                or " ".join(words[:PHRASE_WORDS]) in self._description
            ):
                return block
        return None

    def recheck(
        self, best: HtmlElement, scores: dict[HtmlElement, float], kept: list[Block]
    ) -> HtmlElement:
        """`best`, or the best-scoring holder of the description when `best` does not hold it."""
        anchor = self.anchor(kept)
        if anchor is None or _within(anchor.owner, best):
            return best
        near = (anchor.owner, *islice(anchor.owner.iterancestors(), HOLDER_LEVELS))
        holders = [el for el in near if el in scores]
        if not holders:
            return best
        found = max(holders, key=lambda el: scores[el])
        on_topic = self._on_topic(best, kept)
        if (
            scores[found] <= 0
            or on_topic >= ON_TOPIC_SHARE * len(self._headline)
            or self._on_topic(found, kept) <= on_topic
        ):
            # A site's own description ("News and views from ...") matches its "about" box,
            # a teaser of the story matches a sidebar: the headline decides.
            return best
        return found

    def _on_topic(self, el: HtmlElement, kept: list[Block]) -> int:
        """How many of the headline's words the text under `el` uses."""
        if not self._headline:
            return 0
        words: set[str] = set()
        for block in kept:
            if _within(block.owner, el):
                words.update(_WORD.findall(block.text.lower()))
        return len(self._headline & words)


_FUNCTION_WORDS = frozenset(
    "the and for with from that this are was were has have had not but its his her their "
    "our your you who what when where how why into onto over after before about than".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _FUNCTION_WORDS}


def _within(el: HtmlElement, container: HtmlElement) -> bool:
    return el is container or any(parent is container for parent in el.iterancestors())
