"""Parse a saved page into an lxml tree and drop what can never be article text.

Beautiful Soup on lxml costs about 11 ms for an average news page, more than a
whole extraction should take, so the heavy work runs on lxml's own tree (under
1 ms to parse). Beautiful Soup's forgiving `html.parser` is the fallback for
the rare input lxml refuses outright, so odd markup still yields an article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree

HtmlElement = etree._Element
"""Plain lxml elements: `lxml.html`'s element classes cost a Python call per node visited."""

_PARSER = etree.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
)
"""`huge_tree`: without it libxml2 drops a text node over 10 MB and the rest of the page."""

NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "button",
    "select",
    "textarea",
    "input",
    "option",
    "map",
    "dialog",
)
"""Elements whose content a reader never sees as article prose (`<math>` is made text first)."""

NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""What lxml refuses in text set on an element: controls, lone surrogates, U+FFFE and U+FFFF.

The parser itself lets them through from character references ("&#1;", "&#xFFFE;").
"""
_NOT_XML_BYTES = (
    *(bytes((code,)) for code in (*range(9), 11, 12, *range(14, 32), 127)),
    "\ufffe".encode(),
    "\uffff".encode(),
)
"""`NOT_XML`'s characters but the surrogates (which fail to encode) in UTF-8: finding byte
strings runs at memory speed, so a page without them skips the slower character-class scan."""
CARD_LINKS = 2
HIDDEN_TEXT_SHARE = 0.3
"""Hidden elements holding at least this share of the page's text are kept (see below)."""
_STRING = etree.XPath("string(.)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = frozenset(
    (
        "hidden",
        "hide",
        "is-hidden",
        "d-none",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "offscreen",
        "u-hidden",
        "element-invisible",
    )
)


def parse(text: str) -> HtmlElement | None:
    """The page's root element, or None when nothing parseable is in it.

    The text is handed to lxml as UTF-8 bytes so that an XML encoding
    declaration left in a saved page cannot make lxml refuse a str. Control
    characters go first: lxml keeps them in text it parses but refuses them in
    text set back on an element, and no page shows them.
    """
    try:
        data = text.encode("utf-8")
        refused = any(mark in data for mark in _NOT_XML_BYTES)
    except UnicodeEncodeError:  # a lone surrogate
        refused = True
    if refused:  # rare: `decode` has removed all of them but U+FFFE and U+FFFF
        text = NOT_XML.sub("", text)
        data = text.encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        root = None
    if root is None or not isinstance(root.tag, str):
        return _parse_with_soup(text)
    return root


def _parse_with_soup(text: str) -> HtmlElement | None:
    """Re-serialise through Beautiful Soup's pure-Python parser, which accepts anything."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    markup = str(soup).strip()
    if not markup:
        return None
    try:
        page = f"<html><body>{markup}</body></html>".encode("utf-8", "replace")
        root = etree.fromstring(page, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


def json_ld(root: HtmlElement) -> list[dict[str, Any]]:
    """Every schema.org object in the page's JSON-LD, flattened out of lists and @graph."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip().removeprefix("<!--").removesuffix("-->").strip()
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):  # broken or absurdly nested: ignore, not fail
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return found


_NAMED = etree.XPath("descendant-or-self::*[@class or @id or @role or @itemprop or @aria-label]")


def named_elements(root: HtmlElement) -> list[HtmlElement]:
    """Elements with a class, id, role, itemprop or label, in page order.

    The searches for a byline, a date or a breadcrumb by name can only find
    these; listing them once spares each search a walk over every element.
    """
    return cast("list[HtmlElement]", _NAMED(root))


def all_text(el: HtmlElement) -> str:
    """Every text node under `el`, joined as it stands (no block spacing)."""
    return "".join(cast("Iterator[str]", el.itertext()))


def strip_invisible(root: HtmlElement) -> None:
    """Remove scripts, media, form controls and hidden elements, keeping their tails.

    Whole kinds of element go in C (`strip_elements`); the attribute checks run
    in one plain loop, which profiling found cheaper than the equivalent XPath.
    """
    doomed = _inline_cards(root)
    etree.strip_elements(root, *NEVER_TEXT, with_tail=False)
    for el in root.iter(etree.Element):
        attrib = el.attrib
        if not attrib:
            continue
        if "hidden" in attrib or attrib.get("aria-hidden") == "true":
            doomed.append(el)
            continue
        style = attrib.get("style")
        if style and _HIDDEN_STYLE.search(style):
            doomed.append(el)
            continue
        classes = attrib.get("class")
        if classes and not _HIDDEN_CLASSES.isdisjoint(classes.lower().split()):
            doomed.append(el)
    if not doomed:
        return
    page_text = _text_length(root)
    for el in doomed:
        # A page saved while a pop-up was open marks the whole story aria-hidden, and
        # some templates hide the body until a script reveals it: hidden text that is
        # most of the page is the page.
        if _text_length(el) < HIDDEN_TEXT_SHARE * page_text:
            drop(el)


def _inline_cards(root: HtmlElement) -> list[HtmlElement]:
    """Hover cards: a picture and several links tucked inside a paragraph's inline span.

    They pop up over a name on the live page; in the saved markup they sit in the
    middle of the sentence and would glue a profile into it.
    """
    cards = {
        span
        for paragraph in root.iter("p")
        for span in paragraph.iter("span")
        if next(span.iter("img"), None) is not None and sum(1 for _ in span.iter("a")) >= CARD_LINKS
    }
    # The innermost such span is the card; the ones around it hold the name it pops from.
    return [
        span for span in cards if not any(inner in cards for inner in span.iterdescendants("span"))
    ]


def _text_length(el: HtmlElement) -> int:
    return len(cast(str, _STRING(el)))


def drop(el: HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = NOT_XML.sub("", (previous.tail or "") + tail)
        else:
            parent.text = NOT_XML.sub("", (parent.text or "") + tail)
    parent.remove(el)
