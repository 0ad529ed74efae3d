"""Page furniture marked by structure and naming, before any text is weighed.

`<nav>`, `<aside>`, `<footer>`, `<header>` and `<figure>` are furniture by
definition; other elements are when their class, id or role names them
("share-bar", "related-stories", "cookie-consent") or when they are a list
of links to other stories. Sites name wrappers carelessly
("content-with-sidebar"), so a marked region that holds a large share of the
page's prose is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import chain
from typing import cast

from lxml import etree

from reader.clean.html_blocks import Block
from reader.clean.html_tree import HtmlElement

BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "header", "figure", "figcaption"})
BOILERPLATE_WORDS = frozenset(
    (
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "footer",
        "header",
        "masthead",
        "sidebar",
        "rail",
        "share",
        "sharing",
        "shares",
        "social",
        "sharebar",
        "comment",
        "comments",
        "disqus",
        "respond",
        "replies",
        "related",
        "recirc",
        "more-stories",
        "read-more",
        "readmore",
        "also-read",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "paywall",
        "login",
        "promo",
        "promotion",
        "ad",
        "ads",
        "adslot",
        "adunit",
        "dfp",
        "outbrain",
        "taboola",
        "popup",
        "modal",
        "overlay",
        "caption",
        "credit",
        "credits",
        "byline",
        "author",
        "authors",
        "bio",
        "dateline",
        "date",
        "timestamp",
        "meta",
        "tags",
        "keywords",
        "widget",
        "trending",
        "popular",
        "most-read",
        "mostread",
        "print",
        "toolbar",
        "disclaimer",
        "copyright",
        "skip",
        "pagination",
        "pager",
        "dek",
        "deck",
        "standfirst",
        "strapline",
        "excerpt",
        # ARIA landmark roles of page chrome (the role attribute is read with class and id):
        "banner",
        "complementary",
        "contentinfo",
        "search",
        "dialog",
        "alertdialog",
        "menubar",
    )
)
"""Words in a class, id or role (split at spaces, "-" and "_") that name page furniture.

Standfirsts ("dek") are here too: the cleaner shows them as the summary.
"""
REGION_WORDS = frozenset(
    (
        "nav",
        "navbar",
        "navigation",
        "menu",
        "footer",
        "header",
        "masthead",
        "sidebar",
        "rail",
        "comment",
        "comments",
        "disqus",
        "respond",
        "replies",
        "related",
        "recirc",
        "more-stories",
        "read-more",
        "readmore",
        "also-read",
        "trending",
        "popular",
        "most-read",
        "mostread",
        "widget",
        "outbrain",
        "taboola",
        "banner",
        "complementary",
        "contentinfo",
    )
)
"""Furniture words for regions that may hold plenty of prose (comments, teasers, sidebars).

The other words name small things (a byline, a date, a caption, a share bar).
Templates also use them as modifiers of the story's own wrapper ("entry-author-jo",
"post-meta", "caption-image"), so a region they name that holds several paragraphs
of prose is taken for the story, not for the small thing.
"""
BOILERPLATE_PREFIXES = ("advert", "sponsor", "recommend")
_SEPARATORS = str.maketrans("-_", "  ")
_GLUED_COMMENTS = re.compile(r"comment(?!ar|at|ing|s?$)")
"""Templates glue words to "comment" ("commentbody", "commentlist") for the readers' comments;
"commentary" and "commentator" name the story, "commenting" a note on the rules for comments."""
_LISTS = frozenset(("ul", "ol"))
LARGE, SMALL = "large", "small"
MIN_PARAGRAPH = 80
"""Prose weight of a block that is a paragraph rather than a line."""
_EMBED_NAME = re.compile(r"embed|tweet|instagram-media|tiktok")
"""Posts the writer embedded ("social-media-embed") are quoted in the story, not furniture."""
PROTECTED_SHARE = 0.4
"""A marked region holding this share of the page's prose is a misnamed wrapper, kept."""
STORY_PARAGRAPHS = 2
STORY_CHARS = 300
"""Prose paragraphs and characters no byline, date line or caption holds: a story."""


def boilerplate_regions(
    root: HtmlElement,
    named_in_page: list[HtmlElement],
    all_blocks: list[Block],
    prose_weight: Callable[[Block], float],
) -> set[HtmlElement]:
    """Elements under `root` that are boilerplate by tag or name, unless they hold most of
    the prose.

    `named_in_page` are the elements of the whole page with a class, id or role
    (`html_tree.named_elements`, listed once for all the searches by name). Those
    outside `root` (in `<head>`, or a misplaced `<title>` stripped since) may be
    marked too: they hold no block, so their marks change nothing.
    """
    prose, paragraphs = _prose_totals(all_blocks, prose_weight)
    limit = PROTECTED_SHARE * prose.get(root, 0.0)
    marked: set[HtmlElement] = set()
    if not limit:
        return marked
    named: dict[HtmlElement, str] = {}
    for el in named_in_page:
        kind = _kind_of(el.get("class"), el.get("id"), el.get("role"))
        if kind is not None:
            named[el] = kind
    story_kinds = {
        (el.tag, el.get("class"))
        for el, kind in named.items()
        if kind == SMALL
        and el.get("class")
        and paragraphs.get(el, 0.0) >= STORY_PARAGRAPHS
        and prose.get(el, 0.0) >= STORY_CHARS
    }
    # Only elements with a furniture tag, a furniture name or a list's tag can be marked;
    # lxml finds the tags in C rather than a Python loop over every element.
    by_tag = (el for el in root.iter(*BOILERPLATE_TAGS, *_LISTS) if el not in named)
    for el, kind in chain(named.items(), ((el, None) for el in by_tag)):
        if kind == SMALL and (el.tag, el.get("class")) in story_kinds:
            # A story cut into sections that share one template ("caption-image" around
            # each photo and its paragraphs): one section holding a story vouches for all.
            kind = None
        boilerplate = (
            el.tag in BOILERPLATE_TAGS
            or kind is not None
            or (el.tag in _LISTS and _is_link_list(el))
        )
        if boilerplate and prose.get(el, 0.0) <= limit:
            marked.add(el)
    return marked


def _prose_totals(
    all_blocks: list[Block], prose_weight: Callable[[Block], float]
) -> tuple[dict[HtmlElement, float], dict[HtmlElement, float]]:
    """For every ancestor of the blocks, the prose weight and the paragraphs it holds.

    One walk up from each block for both sums; only blocks of prose add to either.
    """
    prose: dict[HtmlElement, float] = {}
    paragraphs: dict[HtmlElement, float] = {}
    for block in all_blocks:
        weight = prose_weight(block)
        if weight <= 0:
            continue
        paragraph = weight >= MIN_PARAGRAPH
        el: HtmlElement | None = block.owner
        while el is not None:
            prose[el] = prose.get(el, 0.0) + weight
            if paragraph:
                paragraphs[el] = paragraphs.get(el, 0.0) + 1.0
            el = el.getparent()
    return prose, paragraphs


def _is_link_list(el: HtmlElement) -> bool:
    """A list whose every item carries a link: headlines of other stories, not story text."""
    items = el.findall("li")
    if len(items) < 3 or _ITEMS_WITHOUT_LINK(el):
        return False
    text = sum(map(len, map(str.strip, cast(list[str], _TEXTS(el)))))
    links = sum(map(len, map(str.strip, cast(list[str], _LINK_TEXTS(el)))))
    if text >= 150 * len(items) or links < 0.3 * text:
        return False
    entries = 0
    for item in items:
        words = cast(str, _STRING(item))
        own_chars = _visible(words) - sum(_visible(cast(str, _STRING(a))) for a in item.iter("a"))
        if own_chars >= ENTRY_OWN_CHARS or reads_as_entry(" ".join(words.split())):
            entries += 1
            if entries * 3 >= len(items) * 2:
                return False
    return True


_ITEMS_WITHOUT_LINK = etree.XPath("li[not(.//a)]")
_TEXTS = etree.XPath(".//text()", smart_strings=False)
_LINK_TEXTS = etree.XPath(".//a//text()", smart_strings=False)
_STRING = etree.XPath("string(.)", smart_strings=False)
"""The text nodes are fetched in C: a Python walk cost a fifth of finding the furniture."""


ENTRY_OWN_CHARS = 15
"""Characters outside the links that make a linked item an entry of the story (a deal with
its price and shop, a reference with its details) rather than another story's headline."""
ENTRY_WORDS = 6
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def reads_as_entry(text: str) -> bool:
    """Whether a list item, links and all, is a sentence or a citation rather than a headline.

    Headlines of other stories carry no full stop; a reference ("Doe, J. A study of
    tides. Marine Journal, 2001.") or a point made in a sentence ends with one.
    """
    words = text.split()
    if len(words) < ENTRY_WORDS:
        return False
    ends_sentence = text.rstrip("”’\"')]")[-1:] in ".!?。！？"
    return ends_sentence and (text.count(".") + text.count(",") >= 2 or bool(_YEAR.search(text)))


def _visible(text: str) -> int:
    """Characters of `text` without spaces and line breaks."""
    return len(text) - text.count(" ") - text.count("\n")


def _named_boilerplate(el: HtmlElement) -> str | None:
    """`LARGE` or `SMALL` if the class, id or role names furniture of that kind, else None."""
    if not isinstance(el.tag, str):
        return None
    return _kind_of(el.get("class"), el.get("id"), el.get("role"))


@lru_cache(maxsize=8192)
def _kind_of(class_: str | None, id_: str | None, role: str | None) -> str | None:
    """`_kind_named` of the three names, joined only when a page shows them first."""
    names = " ".join(filter(None, (class_, id_, role)))
    return _kind_named(names) if names else None


@lru_cache(maxsize=8192)
def _kind_named(names: str) -> str | None:
    """What `names` marks; cached, as a template repeats the same few classes many times."""
    names = names.lower()
    if _EMBED_NAME.search(names):
        return None
    words = names.translate(_SEPARATORS).split()
    pairs = [f"{first}-{second}" for first, second in zip(words, words[1:], strict=False)]
    found = BOILERPLATE_WORDS.intersection(words + pairs)
    if not found.isdisjoint(REGION_WORDS) or any(map(_GLUED_COMMENTS.match, words)):
        return LARGE
    if found or any(word.startswith(BOILERPLATE_PREFIXES) for word in words):
        return SMALL
    return None


COMMENT_WORDS = frozenset(("comment", "comments", "disqus", "respond", "replies"))


def names_comments(el: HtmlElement) -> bool:
    """Whether the class or id names the readers' comments."""
    names = " ".join(filter(None, (el.get("class"), el.get("id")))).lower()
    return not COMMENT_WORDS.isdisjoint(names.translate(_SEPARATORS).split())


def names_caption(el: HtmlElement) -> bool:
    """A picture with its caption, or an element whose class or id names a caption."""
    if el.tag in ("figure", "figcaption"):
        return True
    names = " ".join(filter(None, (el.get("class"), el.get("id")))).lower()
    return "caption" in names.translate(_SEPARATORS).split()


def names_small_furniture(el: HtmlElement) -> bool:
    """Marked only for a class, id or role word naming a small thing (a byline, a tag)."""
    return el.tag not in BOILERPLATE_TAGS and _named_boilerplate(el) == SMALL


def ancestor_totals(all_blocks: list[Block], weights: list[float]) -> dict[HtmlElement, float]:
    """Sum each block's weight (`weights`, in the blocks' order) over every ancestor of it."""
    totals: dict[HtmlElement, float] = {}
    for block, weight in zip(all_blocks, weights, strict=True):
        if not weight:
            continue
        el: HtmlElement | None = block.owner
        while el is not None:
            totals[el] = totals.get(el, 0.0) + weight
            el = el.getparent()
    return totals
