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
OFF_TOPIC_SHARE = 0.25
"""Prose using less than this share of the headline's words is about something else."""
RIVAL_SHARE = 0.3
"""A rival must weigh this share of the heaviest block to replace it."""
MIN_HEADLINE_WORDS = 3
"""Headlines shorter than this (a site's name given as the title) say too little."""
HEADING_SHARE = 0.15
"""The prose under the headline must weigh this share of the pick to replace it."""
HOLDER_LEVELS = 2
"""How far above the description's block its story's container may sit; higher is the page."""


class Topic:
    """What the page says the story is about, and where that text sits."""

    __slots__ = ("_phrase", "_description", "_headline", "_heading")

    def __init__(self, headline: str, description: str, heading: HtmlElement | None = None) -> None:
        self._headline = _content_words(headline)
        self._heading = heading
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
        """`best`, or a rival holding the description or the headline's topic when it does not."""
        found = self._description_holder(best, scores, kept)
        if found is best:
            found = self._headline_rival(best, scores, kept)
        return found if found is not best else self._heading_holder(best, scores, kept)

    def _heading_holder(
        self, best: HtmlElement, scores: dict[HtmlElement, float], kept: list[Block]
    ) -> HtmlElement:
        """The prose beside the heading that shows the title, when the pick lies elsewhere.

        A blog's short post under its own heading loses on weight to a long "about me"
        box or a column of event listings; the headline says which text is the post.
        """
        heading = self._heading
        if heading is None or _within(heading, best):
            return best
        holder = next((el for el in heading.iterancestors() if scores.get(el, 0.0) > 0), None)
        if holder is None or holder.getparent() is None or _within(best, holder):
            return best
        if self.anchor([b for b in kept if _within(b.owner, best)]) is not None:
            return best
        inside = [el for el in scores if _within(el, holder)]
        found = max(inside, key=lambda el: scores[el])
        return found if scores[found] >= HEADING_SHARE * scores[best] else best

    def _description_holder(
        self, best: HtmlElement, scores: dict[HtmlElement, float], kept: list[Block]
    ) -> HtmlElement:
        anchor = self.anchor(kept)
        if anchor is None or _within(anchor.owner, best):
            return best
        near = (anchor.owner, *islice(anchor.owner.iterancestors(), HOLDER_LEVELS))
        holders = [el for el in near if el in scores]
        if not holders:
            return best
        found = max(holders, key=lambda el: scores[el])
        used = self._headline_words_under([best, found], kept)
        if (
            scores[found] <= 0
            or len(used[best]) >= ON_TOPIC_SHARE * len(self._headline)
            or len(used[found]) < len(used[best])
        ):
            # A site's own description ("News and views from ...") matches its "about" box,
            # a teaser of the story matches a sidebar: the headline decides when it can.
            return best
        return found

    def _headline_rival(
        self, best: HtmlElement, scores: dict[HtmlElement, float], kept: list[Block]
    ) -> HtmlElement:
        """A block of prose about the headline's topic, when the heaviest one is about another.

        A privacy notice or an "about us" text can outweigh a short story; it then
        uses none of the headline's words while the story uses most of them.
        """
        wanted = len(self._headline)
        if wanted < MIN_HEADLINE_WORDS:
            return best
        floor = RIVAL_SHARE * scores[best]
        rivals = [el for el, score in scores.items() if score >= floor and el is not best]
        if not rivals:
            return best
        used = self._headline_words_under([best, *rivals], kept)
        if len(used[best]) >= OFF_TOPIC_SHARE * wanted:
            return best
        on_topic = [
            el
            for el in rivals
            if len(used[el]) >= ON_TOPIC_SHARE * wanted
            and not _within(best, el)
            and not _within(el, best)
        ]
        return max(on_topic, key=lambda el: scores[el], default=best)

    def _headline_words_under(
        self, elements: list[HtmlElement], kept: list[Block]
    ) -> dict[HtmlElement, set[str]]:
        """The headline's words used by the prose (not the headings) under each element."""
        used: dict[HtmlElement, set[str]] = {el: set() for el in elements}
        if not self._headline:
            return used
        for block in kept:
            if block.is_heading:
                continue
            words = self._headline.intersection(_WORD.findall(block.text.lower()))
            if not words:
                continue
            el: HtmlElement | None = block.owner
            while el is not None:
                if el in used:
                    used[el] |= words
                el = el.getparent()
        return used


_FUNCTION_WORDS = frozenset(
    "the and for with from that this are was were has have had not but its his her their "
    "our your you who what when where how why into onto over after before about than".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _FUNCTION_WORDS}


def _within(el: HtmlElement, container: HtmlElement) -> bool:
    return el is container or any(parent is container for parent in el.iterancestors())
