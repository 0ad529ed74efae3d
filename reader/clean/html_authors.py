"""Who wrote an article, from the sources a page offers, and never the whole staff.

Sources are tried in order of care: JSON-LD `author`, `<meta name=author>`
and friends, `rel=author` links, then elements named as bylines. Links in
menus, sidebars and footers are skipped (that is where "Our writers" lists
live), and a source naming more than `MAX_AUTHORS` people is a staff list,
so the next source is tried. Byline text is cut into names: "By A, Harbour
Reporter and B" gives A and B.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from reader.clean.common import squash
from reader.clean.html_blocks import element_text
from reader.clean.html_tree import HtmlElement

MAX_AUTHORS = 6
"""More names than this from one source is a staff list, not the article's writers."""
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|(?<=\w\w)\.\s+(?=\w\w))\s*", re.I)
_BY = re.compile(r"^\s*(?:(?:\w+\s+)?by|von|par|por|text|texte|текст|автор)\s*[:\-]?\s+", re.I)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\d|/|\.(?:com|net|org|co|uk)\b|\bfor\b", re.I)
_DAY_OR_MONTH = re.compile(
    r"\s+(?:(?:on|at)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$|"
    r"\s+(?:(?:on|at)\s+)?(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december)\b.*$",
    re.I,
)
_JOB_TITLE = re.compile(
    r"\b(?:reporter|editor|correspondent|writer|columnist|contributor|producer|staff|analyst|"
    r"chief|bureau|desk|photographer|journalist|critic|newsroom|team|updated|published|posted|"
    r"publisher|founder|president|director)s?\b",
    re.I,
)
"""Words that make a byline part a role ("Education Reporter"), not a person."""
_BYLINE_NAME = re.compile(
    r"(?:^|[\s_-])(?:byline|author|authors|author-name|writer)(?:$|[\s_-])", re.I
)
_COMMENT_NAME = re.compile(
    r"(?:^|[\s_-])(?:comments?|commentlist|respond|reply|replies)(?:$|[\s_-])", re.I
)
BYLINE_CHARS = 100
"""A byline element's text is short; longer is the writer's biography."""
_POST_NAME = re.compile(r"(?:^|[\s_-])(?:post|entry|article|story)(?:$|[\s_-])", re.I)
"""A region named for the post itself: its own footer or meta line, not the site's."""
_CHROME_NAME = re.compile(r"(?:^|[\s_-])(?:nav|menu|footer|sidebar|dropdown)(?:$|[\s_-])", re.I)


def ld_names(value: Any) -> list[str]:
    """Names from a JSON-LD person/organisation value: string, object or list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [name for item in value for name in ld_names(item)]
    return []


def find_authors(
    root: HtmlElement, article: dict[str, Any], tags: dict[str, list[str]]
) -> list[str]:
    """The article's writers from JSON-LD, `<meta>`, `rel=author` links or a byline."""
    sources: tuple[Callable[[], list[str]], ...] = (
        lambda: ld_names(article.get("author")) or ld_names(article.get("creator")),
        lambda: [
            v
            for key in (
                "author",
                "article:author",
                "dc.creator",
                "parsely-author",
                "sailthru.author",
                "byl",
            )
            for v in tags.get(key, [])
        ],
        lambda: [
            element_text(a)
            for a in root.iter("a")
            if "author" in (a.get("rel") or "").lower().split() and not _in_page_chrome(a)
        ],
        lambda: [
            text
            for el in root.iter()
            if isinstance(el.tag, str)
            and (el.get("itemprop") == "author" or _BYLINE_NAME.search(el.get("class") or ""))
            and not _in_page_chrome(el)
            and not _in_comments(el)
            and len(text := element_text(el)) <= BYLINE_CHARS
        ][:3],
    )
    for source in sources:
        names = _names(source())
        if 0 < len(names) <= MAX_AUTHORS:
            return names
    return []


def _names(values: list[str]) -> list[str]:
    """Person names out of raw author strings: "By A and B" gives A, B; URLs and handles go."""
    names: list[str] = []
    seen: set[str] = set()
    for value in values:
        for part in _NAME_SPLIT.split(_BY.sub("", squash(html.unescape(value)))):
            name = _DAY_OR_MONTH.sub("", _BY.sub("", part)).strip(" .:-–—")
            if not (2 <= len(name) <= 60) or len(name.split()) > 5 or _NOT_A_NAME.search(name):
                continue
            if _JOB_TITLE.search(name):
                continue
            if name.isupper() and len(name) > 4:  # "MEG KINNARD" as wire bylines shout it
                name = name.title()
            if name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
    if any(" " in name for name in names):
        # "Jane Doe, CNN" or "Jane Doe, MS, RD": lone words beside a full name are
        # outlets and credentials, not co-authors.
        names = [name for name in names if " " in name]
    return names


def _in_comments(el: HtmlElement) -> bool:
    """In the readers' comments or a form, whose "author" fields name commenters or ask a name."""
    node: HtmlElement | None = el
    while node is not None and node.tag not in ("body", "html"):
        if node.tag == "form" or _COMMENT_NAME.search(
            (node.get("class") or "") + " " + (node.get("id") or "")
        ):
            return True
        node = node.getparent()
    return False


def _in_page_chrome(el: HtmlElement) -> bool:
    """Inside the site's menus, sidebars or footer, where staff lists live.

    Not `<header>`: the article's own header is where its byline sits. Nor
    a footer or aside named for the post itself ("entry-footer", "post-meta"),
    which is where blogs put "Posted by"; nor the page's body, whose class
    lists the page's features ("has-sidebar").
    """
    parent = el.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        names = (parent.get("class") or "") + " " + (parent.get("id") or "")
        if (parent.tag in ("nav", "footer", "aside", "select") or _CHROME_NAME.search(names)) and (
            parent.tag in ("nav", "select") or not _POST_NAME.search(names)
        ):
            return True
        parent = parent.getparent()
    return False
