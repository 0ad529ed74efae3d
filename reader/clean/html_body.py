"""Find the article body in a page tree and return it as paragraphs.

The method, in three steps, uses no rule for any one site:

1. Boilerplate regions are marked from structure and naming: `<nav>`,
   `<aside>`, `<footer>`, `<header>`, `<figure>`, and elements whose class or
   id names them (share bars, related links, comments, cookie and newsletter
   prompts, captions, bylines). A marked region that holds a large share of
   the page's prose is left alone: sites name wrappers carelessly
   ("content-with-sidebar").
2. Every text block is weighed: prose (long enough, few links) counts for its
   length, link lists count against, short fragments count a little against.
   Weights add up the tree; the element with the highest total is the body.
   Prose in the body outweighs menus, teasers and footers around it, so the
   winner is the smallest element that holds the story and little else.
3. Inside the body, blocks left over from boilerplate (link-only lines,
   "Advertisement", "Read more", bylines and datelines) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.clean.html_blocks import Block, blocks
from reader.clean.html_clutter import is_clutter
from reader.clean.html_tree import HtmlElement

BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "header", "figure", "figcaption"})
BOILERPLATE_WORDS = frozenset((
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "header",
    "masthead", "sidebar", "rail", "share", "sharing", "shares", "social", "sharebar", "comment",
    "comments", "disqus", "respond", "replies", "related", "recirc", "more-stories", "read-more",
    "readmore", "also-read", "newsletter", "subscribe", "subscription", "signup", "cookie",
    "cookies", "consent", "gdpr", "paywall", "login", "promo", "promotion", "ad", "ads", "adslot",
    "adunit", "dfp", "outbrain", "taboola", "popup", "modal", "overlay", "caption", "credit",
    "credits", "byline", "author", "authors", "bio", "dateline", "date", "timestamp", "meta",
    "tags", "keywords", "widget", "trending", "popular", "most-read", "mostread", "print",
    "toolbar", "disclaimer", "copyright", "skip", "pagination", "pager",
    "dek", "deck", "standfirst", "strapline", "excerpt",
))
"""Words in a class, id or role (split at spaces, "-" and "_") that name page furniture.

Standfirsts ("dek") are here too: the cleaner shows them as the summary.
"""
BOILERPLATE_PREFIXES = ("advert", "sponsor", "recommend")
_SEPARATORS = str.maketrans("-_", "  ")
_LISTS = frozenset(("ul", "ol"))
_EMBED_NAME = re.compile(r"embed|tweet|instagram-media|tiktok")
"""Posts the writer embedded ("social-media-embed") are quoted in the story, not furniture."""
PROTECTED_SHARE = 0.4
"""A marked region holding this share of the page's prose is a misnamed wrapper, kept."""

MIN_PROSE_CHARS = 25
MAX_PROSE_LINKS = 0.35
_SHORT_PENALTY = 8

@dataclass(slots=True)
class Body:
    """Body paragraphs and which of them are headings."""

    paragraphs: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)


def extract_body(root: HtmlElement, title: str = "", elsewhere: Iterable[str] = ()) -> Body:
    """The article body under `root`.

    `title` and the `elsewhere` lines (key points already shown as the summary)
    are left out where the page repeats them inside the body.
    """
    all_blocks = blocks(root)
    if not all_blocks:
        return Body()
    marked = _boilerplate_regions(root, all_blocks)
    kept = [b for b in all_blocks if not _inside(b.owner, marked)]
    chosen = _body_elements(kept)
    inside = [b for b in kept if _within_any(b.owner, chosen)] if chosen else kept
    shown = {_key(line) for line in (title, *elsewhere)} - {""}
    body = _tidy(inside or kept, shown)
    if not body.paragraphs:
        # Nothing looked like a story: a page of short lines or links. Show what there
        # is rather than nothing; the reader can judge it.
        body = _tidy(kept, shown) if kept else Body()
    if not body.paragraphs:
        body = Body([b.text for b in all_blocks if _key(b.text) not in shown])
    return body


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


def _boilerplate_regions(root: HtmlElement, all_blocks: list[Block]) -> set[HtmlElement]:
    """Elements that are boilerplate by tag or name, unless they hold most of the prose."""
    prose = _totals(all_blocks, lambda b: max(block_weight(b), 0.0))
    limit = PROTECTED_SHARE * prose.get(root, 0.0)
    marked: set[HtmlElement] = set()
    if not limit:
        return marked
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        boilerplate = (el.tag in BOILERPLATE_TAGS or _named_boilerplate(el)
                       or (el.tag in _LISTS and _is_link_list(el)))
        if boilerplate and prose.get(el, 0.0) <= limit:
            marked.add(el)
    return marked


def _is_link_list(el: HtmlElement) -> bool:
    """A list whose every item carries a link: headlines of other stories, not story text."""
    items = [child for child in el if child.tag == "li"]
    if len(items) < 3 or any(next(item.iter("a"), None) is None for item in items):
        return False
    text = sum(len(t.strip()) for t in el.itertext())
    links = sum(len(t.strip()) for a in el.iter("a") for t in a.itertext())
    return text < 150 * len(items) and links >= 0.3 * text


def _named_boilerplate(el: HtmlElement) -> bool:
    attrib = el.attrib
    names = " ".join(filter(None, (attrib.get("class"), attrib.get("id"), attrib.get("role"))))
    if not names:
        return False
    names = names.lower()
    if _EMBED_NAME.search(names):
        return False
    words = names.translate(_SEPARATORS).split()
    if not BOILERPLATE_WORDS.isdisjoint(words):
        return True
    pairs = [f"{first}-{second}" for first, second in zip(words, words[1:], strict=False)]
    if not BOILERPLATE_WORDS.isdisjoint(pairs):
        return True
    return any(word.startswith(BOILERPLATE_PREFIXES) for word in words)


def _totals(all_blocks: list[Block], weigh) -> dict[HtmlElement, float]:
    """Sum a per-block weight over every ancestor of each block."""
    totals: dict[HtmlElement, float] = {}
    for block in all_blocks:
        weight = weigh(block)
        if not weight:
            continue
        el = block.owner
        while el is not None:
            totals[el] = totals.get(el, 0.0) + weight
            el = el.getparent()
    return totals


LEVEL_SHARE = (1.0, 1.0, 0.5, 0.25)
"""How much of a block's weight reaches its owner, parent, grandparent and great-grandparent.

Credit fades with distance so that the element holding the story's
paragraphs side by side outscores a distant ancestor that also collects
teaser blurbs, each of which sits in its own small card.
"""
_PARTS_OF_A_WHOLE = frozenset(("table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "li"))
_SENTENCE_END = frozenset(".!?。！？\"”’»")
SIBLING_SHARE = 0.2
"""Siblings of the best element scoring this share of it are the same story, split up."""


def _body_elements(kept: list[Block]) -> set[HtmlElement]:
    """The best-scoring element plus siblings that carry the same story."""
    scores: dict[HtmlElement, float] = {}
    for block in kept:
        weight = block_weight(block)
        if not weight:
            continue
        el = block.owner
        for share in LEVEL_SHARE:
            if el is None:
                break
            scores[el] = scores.get(el, 0.0) + weight * share
            el = el.getparent()
    if not scores:
        return set()
    stories = [el for el in scores if el.tag == "article"]
    if len(stories) > 1:
        # Several <article>s: a wrapper around more than one is a list of stories, and
        # the story is one of them.
        for el in _wrappers_of_several(stories) & scores.keys():
            scores[el] = min(scores[el], 0.0)
    best, top = max(scores.items(), key=lambda item: item[1])
    if top <= 0:
        return set()
    while best.tag in _PARTS_OF_A_WHOLE and best.getparent() is not None:
        # A table or list outscoring its surroundings is one item of the story, not all of it.
        best = best.getparent()
        top = scores.get(best, top)
    chosen = {best}
    parent = best.getparent()
    if parent is not None:
        floor = max(MIN_PROSE_CHARS, SIBLING_SHARE * top)
        prose_owners = {block.owner for block in kept if _is_sentence(block)}
        chosen.update(sibling for sibling in parent if sibling is not best
                      and (scores.get(sibling, 0.0) >= floor or sibling in prose_owners)
                      and not _holds_another_article(sibling))
    chosen.update(_same_kind(best, scores))
    return chosen


def _is_sentence(block: Block) -> bool:
    """A paragraph of prose on its own: a lead or a one-line paragraph beside the body."""
    text = block.text
    if block.is_heading or block.link_density > 0.25 or len(text) < MIN_PROSE_CHARS:
        return False
    return len(text) >= 80 or (block.link_chars == 0 and text[-1] in _SENTENCE_END)


def _same_kind(best: HtmlElement, scores: dict[HtmlElement, float]) -> list[HtmlElement]:
    """Other chunks of a story that a page cut into repeated containers around ads.

    Page templates give every chunk the same tag and class; a chunk that also
    scores as prose is part of the story, wherever it sits in the tree.
    """
    kind = best.get("class")
    if not kind or not kind.strip():
        return []
    story = _article_of(best)
    return [el for el, score in scores.items()
            if score >= MIN_PROSE_CHARS and el is not best and el.tag == best.tag
            and el.get("class") == kind and _article_of(el) is story]


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


def _inside(el: HtmlElement, marked: set[HtmlElement]) -> bool:
    while el is not None:
        if el in marked:
            return True
        el = el.getparent()
    return False


def _within_any(el: HtmlElement, chosen: set[HtmlElement]) -> bool:
    while el is not None:
        if el in chosen:
            return True
        el = el.getparent()
    return False


def _tidy(candidates: list[Block], shown: set[str]) -> Body:
    """Drop clutter lines, lines `shown` elsewhere, bylines and datelines; mark headings."""
    body = Body()
    for block in candidates:
        text = block.text
        if block.link_density > 0.5 or is_clutter(text) or _key(text) in shown:
            continue
        if block.owner.tag == "h1" and not body.paragraphs:
            continue  # the headline in another wording; the title already shows it
        if block.is_heading:
            if body.headings and body.headings[-1] == len(body.paragraphs) - 1:
                body.paragraphs.pop()
                body.headings.pop()
            body.headings.append(len(body.paragraphs))
        body.paragraphs.append(text)
    if body.headings and body.headings[-1] == len(body.paragraphs) - 1:
        body.paragraphs.pop()
        body.headings.pop()
    return body


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()
