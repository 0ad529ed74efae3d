"""Find the article body in a page tree and return it as paragraphs.

The method uses no rule for any one site:

1. Furniture regions are set aside (`html_furniture`).
2. Every remaining text block is weighed: prose (long enough, few links)
   counts for its length, link lines count against, scraps a little against.
   A block's weight goes to its element and, fading, to three ancestors, so
   the element holding the story's paragraphs side by side wins over a
   distant wrapper that also collects teaser blurbs from separate cards.
3. The winner's prose siblings (a lead set apart by the template) and its
   same-class cousins (a story cut into chunks around ads) join it; another
   `<article>` never does, being another story.
4. Inside, short furniture lines (`html_clutter`), link-only lines, the
   repeated headline and key points shown as the summary are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from reader.clean.common import text_key
from reader.clean.html_blocks import HEADING_TAGS, Block
from reader.clean.html_clutter import is_clutter
from reader.clean.html_furniture import (
    ancestor_totals,
    boilerplate_regions,
    names_caption,
    names_comments,
    names_small_furniture,
    reads_as_entry,
)
from reader.clean.html_topic import Topic
from reader.clean.html_tree import HtmlElement
from reader.model import BULLET

MIN_PROSE_CHARS = 25
MAX_PROSE_LINKS = 0.35
_SHORT_PENALTY = 8
LINKED_SENTENCE_OWN_CHARS = 20
"""Non-link characters that make a mostly linked line a sentence rather than a link."""
LINKED_ITEM_OWN_CHARS = 15
"""Non-link characters that make a linked list item an entry of the story (a deal, a
reference with its details) rather than a headline of another story."""
LINKED_SENTENCE_MAX_CHARS = 200
"""Longer lines that are mostly links are promotions, however well punctuated."""


@dataclass(slots=True)
class Body:
    """Body paragraphs and which of them are headings."""

    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)


def extract_body(
    root: HtmlElement,
    all_blocks: list[Block],
    named: list[HtmlElement],
    title: str = "",
    elsewhere: Iterable[str] = (),
    description: str = "",
    page_title: str = "",
) -> Body:
    """The article body under `root`, whose text blocks are `all_blocks`; `named` are the
    page's elements with a class, id or role (`html_tree.named_elements`).

    `title` and the `elsewhere` lines (key points already shown as the summary)
    are left out where the page repeats them inside the body. The `description`
    (the page's own summary of the story) and the heading that shows the title
    or the `page_title` (the raw `<title>`) are evidence of where the story is.
    """
    if not all_blocks:
        return Body()
    headline = _headline_block(all_blocks, title, page_title)
    topic = Topic(title, description, headline.owner if headline is not None else None)
    marked = boilerplate_regions(root, named, all_blocks, block_weight)
    kept = [b for b in all_blocks if not _under(b.owner, marked)]
    chosen = _body_elements(kept, topic)
    if not chosen and headline is not None:
        # No prose left outside the regions marked as furniture: one of them holds the
        # story (a blog's "widget" around the post). The story sits with its headline.
        marked = _lifted(marked, headline.owner)
        kept = [b for b in all_blocks if not _under(b.owner, marked)]
        chosen = _body_elements(kept, topic)
    elif (anchor := _stray_anchor(topic, all_blocks, chosen)) is not None:
        # The page's description opens a block marked as furniture, and the pick lies
        # elsewhere: the story's own wrapper was taken for furniture (a post whose class
        # lists its tags, "author-..."). Lifting those marks must bring the pick to it.
        retry = _lifted(marked, anchor.owner, only_small=True)
        if retry != marked:
            retry_kept = [b for b in all_blocks if not _under(b.owner, retry)]
            retry_chosen = _body_elements(retry_kept, topic)
            if _under(anchor.owner, retry_chosen):
                marked, kept, chosen = retry, retry_kept, retry_chosen
    inside = [b for b in kept if _under(b.owner, chosen)] if chosen else kept
    if chosen:
        inside = _with_captions(all_blocks, inside, marked, chosen)
        inside = _before_comments_heading(inside, marked, chosen)
        inside = _before_comments_title(inside)
    shown = {text_key(line) for line in (title, *elsewhere)} - {""}
    body = _tidy(inside or kept, shown)
    if not body.paragraphs:
        # Nothing looked like a story: a page of short lines or links. Show what there
        # is rather than nothing; the reader can judge it.
        body = _tidy(kept, shown) if kept else Body()
    if not body.paragraphs:
        body = Body([b.text for b in all_blocks if text_key(b.text) not in shown])
    return body


def _with_captions(
    all_blocks: list[Block], inside: list[Block], marked: set[HtmlElement], chosen: set[HtmlElement]
) -> list[Block]:
    """`inside` with the captions of the story's own pictures, in reading order.

    A caption is furniture when it sits in a rail or a teaser card; inside the
    story it describes what the story shows, and a reader wants it. Only a
    caption written as a sentence is taken, once: a gallery repeats one caption
    for every picture, and credit lines and labels are no sentences.
    """
    taken = {id(block) for block in inside}
    seen: set[str] = set()
    captions: set[int] = set()
    for block in all_blocks:
        if (
            id(block) not in taken
            and _is_caption_sentence(block)
            and block.text not in seen
            and _caption_in(block.owner, marked, chosen)
        ):
            seen.add(block.text)
            captions.add(id(block))
    story_chars = sum(len(block.text) for block in inside)
    together = [block for block in all_blocks if id(block) in taken or id(block) in captions]
    if sum(map(len, seen)) > CAPTION_SHARE * story_chars and _in_a_row(together, captions):
        return inside  # a gallery: its captions would bury the story
    return together


def _in_a_row(together: list[Block], captions: set[int]) -> bool:
    """Whether two captions follow each other with no line of the story between them.

    A gallery's captions come one after another; the pictures of a story told
    picture by picture each sit among its own lines, however many there are.
    """
    previous = False
    for block in together:
        caption = id(block) in captions
        if caption and previous:
            return True
        previous = caption
    return False


CAPTION_WORDS = 6
CAPTION_SHARE = 0.25
"""Captions longer in all than this share of the story are a gallery's, not the story's."""


def _is_caption_sentence(block: Block) -> bool:
    text = block.text
    return (
        not block.is_heading
        and block.link_density <= MAX_PROSE_LINKS
        and len(text.split()) >= CAPTION_WORDS
        and text.rstrip("”’\"')")[-1:] in ".!?。！？"
    )


def _caption_in(el: HtmlElement | None, marked: set[HtmlElement], chosen: set[HtmlElement]) -> bool:
    """Whether `el` is inside a caption inside `chosen`, set aside for being one and no more."""
    caption = False
    while el is not None and el not in chosen:
        if names_caption(el):
            caption = True
        elif el in marked:
            return False
        el = el.getparent()
    return caption and el is not None


def _before_comments_heading(
    inside: list[Block], marked: set[HtmlElement], chosen: set[HtmlElement]
) -> list[Block]:
    """`inside` without what follows a heading named for the readers' comments.

    Old blog templates put the post, "<h2 id=comments>" and every comment side by side
    in one container; the heading is all that marks where the story ends.
    """
    heads = [
        el
        for el in marked
        if el.tag in HEADING_TAGS and names_comments(el) and _under(el.getparent(), chosen)
    ]
    if not heads:
        return inside
    after = {sibling for head in heads for sibling in head.itersiblings()}
    return [b for b in inside if not _under(b.owner, after)]


_COMMENTS_TITLE = re.compile(
    r"(?:\d+\s+(?:reader\s+)?(?:comments?|responses?|replies)|(?:reader\s+)?"
    r"(?:comments|responses|replies))\b[^.!?]{0,40}:?",
    re.I,
)
"""A heading that says the readers' comments begin ("Comments", "1 Response to ..."); a
lone "Comment" can be a section of the story (an offer of comment, a columnist's)."""


def _before_comments_title(inside: list[Block]) -> list[Block]:
    """`inside` up to a heading whose words say the readers' comments begin.

    A template that gives each comment the same box as the post's text joins
    them to the story; the heading over them is all that marks where it ends.
    """
    for index, block in enumerate(inside):
        if index and block.is_heading and _COMMENTS_TITLE.fullmatch(block.text):
            return inside[:index]
    return inside


def _stray_anchor(topic: Topic, all_blocks: list[Block], chosen: set[HtmlElement]) -> Block | None:
    """The block opening like the page's description, when the pick holds no such block."""
    anchor = topic.anchor(all_blocks)
    if anchor is None or _under(anchor.owner, chosen):
        return None
    inside = [b for b in all_blocks if _under(b.owner, chosen)]
    return anchor if topic.anchor(inside) is None else None


def _lifted(
    marked: set[HtmlElement], el: HtmlElement, only_small: bool = False
) -> set[HtmlElement]:
    """The marks without those on `el` and its ancestors (`only_small`: those named for a
    small thing, a byline or a tag, not a header, a sidebar or comments)."""
    return {
        mark
        for mark in marked
        if not _under(el, {mark}) or (only_small and not names_small_furniture(mark))
    }


MIN_HEADLINE_KEY = 12
"""Letters a heading needs to be recognised as the headline rather than a word."""


def _headline_block(all_blocks: list[Block], *titles: str) -> Block | None:
    """The heading that shows one of the `titles` (which may add the site's name); the
    longest such heading, since a site's name shown as a heading is in its titles too."""
    wanted = [key for key in map(text_key, titles) if len(key) >= MIN_HEADLINE_KEY]
    found: Block | None = None
    longest = 0
    for block in all_blocks:
        if block.is_heading:
            key = text_key(block.text)
            if (
                len(key) > longest
                and len(key) >= MIN_HEADLINE_KEY
                and any(key in title or title in key for title in wanted)
            ):
                found, longest = block, len(key)
    return found


def block_weight(block: Block) -> float:
    """How much a block looks like article prose: + for prose, - for links and scraps."""
    length = len(block.text)
    if block.link_density > 0.5:
        return -length
    if block.is_heading:
        return 0.0
    if length < MIN_PROSE_CHARS:
        return -_SHORT_PENALTY
    if block.link_density > MAX_PROSE_LINKS:
        return -length * block.link_density
    return length * (1 - block.link_density)


LEVEL_SHARE = (1.0, 1.0, 0.5, 0.25)
"""How much of a block's weight reaches its owner, parent, grandparent and great-grandparent."""
_PARTS_OF_A_WHOLE = frozenset(
    ("table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "li", "blockquote", "p")
)
_SENTENCE_END = frozenset('.!?。！？"”’»')
SIBLING_SHARE = 0.2
"""Siblings of the best element scoring this share of it are the same story, split up."""


def element_scores(kept: list[Block]) -> dict[HtmlElement, float]:
    """Each element's share of the prose weight of the blocks it holds, fading with depth."""
    scores: dict[HtmlElement, float] = {}
    for block in kept:
        weight = block_weight(block)
        if not weight:
            continue
        el: HtmlElement | None = block.owner
        for share in LEVEL_SHARE:
            if el is None:
                break
            scores[el] = scores.get(el, 0.0) + weight * share
            el = el.getparent()
    stories = [el for el in scores if el.tag == "article"]
    if len(stories) > 1:
        # Several <article>s: a wrapper around more than one is a list of stories, and
        # the story is one of them.
        for el in _wrappers_of_several(stories) & scores.keys():
            scores[el] = min(scores[el], 0.0)
    return scores


def _body_elements(kept: list[Block], topic: Topic) -> set[HtmlElement]:
    """The best-scoring element plus siblings that carry the same story."""
    scores = element_scores(kept)
    if not scores:
        return set()
    best, top = max(scores.items(), key=lambda item: item[1])
    if top <= 0:
        return set()
    best = topic.recheck(best, scores, kept)
    top = scores[best]
    while best.tag in _PARTS_OF_A_WHOLE and (wrapper := best.getparent()) is not None:
        # A table, a list or a paragraph outscoring its surroundings is one part of the
        # story, not all of it (a post whose long paragraph after the fold outweighs its
        # opening, kept in another box).
        best = wrapper
        top = scores.get(best, top)
    best = _whole_story(best, kept)
    top = max(top, scores.get(best, top))
    chosen = {best}
    parent = best.getparent()
    if parent is not None:
        floor = max(MIN_PROSE_CHARS, SIBLING_SHARE * top)
        prose_owners = {block.owner for block in kept if _is_sentence(block)}
        prose_owners |= _lists_of_entries(kept)
        chosen.update(
            sibling
            for sibling in parent
            if sibling is not best
            and (scores.get(sibling, 0.0) >= floor or sibling in prose_owners)
            and not _holds_another_article(sibling)
        )
    chosen.update(_same_kind(best, scores))
    return chosen


CLUTTER_SHARE = 0.1
"""Link lines and scraps a wrapper may add, as a share of its prose, and still be the story."""
MIN_BOXES = 3
"""Boxes of one kind that make a run of steps or chunks; two are a template's pair of slots."""


def _whole_story(best: HtmlElement, kept: list[Block]) -> HtmlElement:
    """The wrapper around `best` whose pieces of prose are all boxes like the one holding it.

    A how-to puts each step in its own nested boxes ("step step-2"), a page cut
    around ads puts each chunk in one ("story-part-2"): the heaviest piece is
    one step, and the wrapper whose prose sits only in boxes of that kind is the
    story. A wrapper that also holds other prose, or link lines and scraps, is
    more than the story.
    """
    weights = [block_weight(block) for block in kept]
    prose = ancestor_totals(kept, [max(weight, 0.0) for weight in weights])
    clutter = ancestor_totals(kept, [max(-weight, 0.0) for weight in weights])
    el = found = best
    while (parent := el.getparent()) is not None and parent.tag != "html":
        others = [
            child
            for child in parent
            if child is not el and prose.get(child, 0.0) >= MIN_PROSE_CHARS
        ]
        if (
            clutter.get(parent, 0.0) > CLUTTER_SHARE * prose.get(parent, 0.0)
            or 0 < len(others) < MIN_BOXES - 1
            or not all(_same_box(child, el) for child in others)
        ):
            break
        if others:
            found = parent
        el = parent
    return found


def _same_box(el: HtmlElement, other: HtmlElement) -> bool:
    """Same tag and class but for numbers ("step step-2"): boxes of one template."""
    if el.tag != other.tag or _holds_another_article(el) or _holds_another_article(other):
        return False
    kind = _DIGITS.sub("", el.get("class") or "").split()
    return bool(kind) and kind == _DIGITS.sub("", other.get("class") or "").split()


_DIGITS = re.compile(r"\d+")


def _is_sentence(block: Block) -> bool:
    """A paragraph of prose on its own: a lead or a one-line paragraph beside the body."""
    text = block.text
    if block.is_heading or block.link_density > 0.25 or len(text) < MIN_PROSE_CHARS:
        return False
    return len(text) >= 80 or (block.link_chars == 0 and text[-1] in _SENTENCE_END)


MIN_ENTRIES = 3


def _lists_of_entries(kept: list[Block]) -> set[HtmlElement]:
    """Lists whose items are linked entries with words of their own (deals, references).

    A list of other stories' headlines has items that are links and little else.
    """
    items: dict[HtmlElement, list[bool]] = {}
    for block in kept:
        if block.owner.tag == "li" and (parent := block.owner.getparent()) is not None:
            entry = _own_chars(block) >= LINKED_ITEM_OWN_CHARS or reads_as_entry(block.text)
            items.setdefault(parent, []).append(entry)
    return {
        el
        for el, entries in items.items()
        if len(entries) >= MIN_ENTRIES and sum(entries) * 3 >= len(entries) * 2
    }


def _own_chars(block: Block) -> int:
    """Visible characters that are not link text."""
    return len(block.text) - block.text.count(" ") - block.link_chars


def _linked_sentence(block: Block) -> bool:
    """A sentence whose names are links ("<a>Jo Doe</a> has left <a>the show</a>.") is prose.

    Link lines (headlines, "Read more: <a>...</a>") have few words of their
    own and no full stop; a sentence has both.
    """
    text = block.text
    own_chars = _own_chars(block)
    if block.owner.tag == "li" and (own_chars >= LINKED_ITEM_OWN_CHARS or reads_as_entry(text)):
        return True
    ends_sentence = text.rstrip("”’\"')")[-1:] in ".!?。！？"
    return (
        len(text) <= LINKED_SENTENCE_MAX_CHARS
        and own_chars >= LINKED_SENTENCE_OWN_CHARS
        and ends_sentence
    )


def _same_kind(best: HtmlElement, scores: dict[HtmlElement, float]) -> list[HtmlElement]:
    """Other chunks of a story that a page cut into repeated containers around ads.

    Page templates give every chunk the same tag and class; a chunk that also
    scores as prose is part of the story, wherever it sits in the tree.
    """
    kind = best.get("class")
    if not kind or not kind.strip():
        return []
    story = _article_of(best)
    return [
        el
        for el, score in scores.items()
        if score >= MIN_PROSE_CHARS
        and el is not best
        and el.tag == best.tag
        and el.get("class") == kind
        and _article_of(el) is story
    ]


def _wrappers_of_several(stories: list[HtmlElement]) -> set[HtmlElement]:
    counts: dict[HtmlElement, int] = {}
    for story in stories:
        for el in story.iterancestors():
            counts[el] = counts.get(el, 0) + 1
    return {el for el, count in counts.items() if count > 1}


def _article_of(el: HtmlElement) -> HtmlElement | None:
    """The `<article>` an element belongs to: a saved page may hold the next story too."""
    return next(el.iterancestors("article"), None) if el.tag != "article" else el


def _holds_another_article(el: HtmlElement) -> bool:
    """An `<article>` beside the story is a different story (a teaser, the next post)."""
    return el.tag == "article" or next(el.iter("article"), None) is not None


def _under(el: HtmlElement | None, elements: set[HtmlElement]) -> bool:
    """Whether `el` is one of `elements` or inside one of them."""
    while el is not None:
        if el in elements:
            return True
        el = el.getparent()
    return False


def _tidy(candidates: list[Block], shown: set[str]) -> Body:
    """Drop clutter lines, lines `shown` elsewhere, bylines and datelines; mark headings."""
    lines: list[tuple[str, str | None]] = []  # text and heading tag (None for a paragraph)
    items: set[HtmlElement] = set()  # list items whose first line has its marker
    for block in candidates:
        text = block.text
        if (
            (block.link_density > 0.5 and not _linked_sentence(block))
            or is_clutter(text)
            or text_key(text) in shown
        ):
            continue
        if block.owner.tag == "h1" and not lines:
            continue  # the headline in another wording; the title already shows it
        if not block.is_heading:
            text = _list_marker(block, items) + text
        lines.append((text, block.owner.tag if block.is_heading else None))
    body = Body()
    for index in _without_empty_headings(lines):
        text, tag = lines[index]
        if tag is not None:
            body.headings.append(len(body.paragraphs))
        body.paragraphs.append(text)
    return body


_MARKED: Final = re.compile(r"^(?:[•·▪◦‣*+-]|\d{1,3}[.)])\s")


def _list_marker(block: Block, items: set[HtmlElement]) -> str:
    """A bullet for the first line of a list item, numbered or not; nothing for other lines,
    for later lines of the same item, or for an item that writes its own marker.

    A numbered list gets bullets too: its numbers would be words of the text ("2"), and
    between items they would cut the sentences a search or a score compares."""
    item = block.owner
    if item.tag != "li":
        parent = item.getparent()
        if parent is None or parent.tag != "li" or item.getprevious() is not None:
            return ""
        item = parent
    if item in items:
        return ""
    items.add(item)
    return "" if _MARKED.match(block.text) else BULLET


TITLED_ITEMS = 3
"""Headings of one rank in a row, each over a picture: the titles of a gallery's items."""


def _without_empty_headings(lines: list[tuple[str, str | None]]) -> list[int]:
    """Indexes of the lines to keep: a heading with nothing under it before the next one
    of its rank introduced something that was removed ("Related stories"), unless it is
    one of a run of titled items (a gallery whose pictures are gone)."""
    tags = [tag for _, tag in lines]
    run_length = [1] * len(tags)  # how many lines in a row share this line's tag
    for index in range(1, len(tags)):
        if tags[index] == tags[index - 1]:
            run_length[index] = run_length[index - 1] + 1
    for index in range(len(tags) - 2, -1, -1):
        if tags[index] == tags[index + 1]:
            run_length[index] = run_length[index + 1]
    keep: list[int] = []
    for index, tag in enumerate(tags):
        # heading tags compare by rank as strings: "h2" < "h3"; the end ranks as "h1"
        following = tags[index + 1] if index + 1 < len(tags) else "h1"
        empty = tag is not None and following is not None and following <= tag
        if not empty or run_length[index] >= TITLED_ITEMS:
            keep.append(index)
    return keep
