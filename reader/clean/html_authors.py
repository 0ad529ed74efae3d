"""Who wrote an article, from the sources a page offers, and never the whole staff.

Sources are tried in order of care: JSON-LD `author`, `<meta name=author>`
and friends, `rel=author` links, elements named as bylines (or marked
`itemprop=author`), links to an author's page (`/author/jane`), then a
"By Jane Doe" line. Links in menus, sidebars and footers are skipped (that
is where "Our writers" lists live), and so are comments and quotations; a
source naming more than `MAX_AUTHORS` people is a staff list, so the next
source is tried. A source that names only the site itself ("FilmDrunk" on
filmdrunk.com) is kept as a last resort, in case a later one names the
writer. Byline text is cut into names by `byline_names`.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from reader.clean.byline_names import byline_names
from reader.clean.common import text_key
from reader.clean.html_blocks import Block, element_text
from reader.clean.html_tree import HtmlElement
from reader.clean.text_meta import names_after_by, names_after_dated_by

MAX_AUTHORS = 6
"""More names than this from one source is a staff list, not the article's writers."""
BYLINE_CHARS = 100
"""A byline element's text is short; longer is the writer's biography."""
BYLINE_ELEMENTS = 3
"""How many byline elements are read: the article's own come first."""
SITE_KEY_CHARS = 4
"""A site's name shorter than this is not compared with authors' names."""
META_AUTHOR_KEYS = (
    "author",
    "article:author",
    "og:author",
    "article_author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
)
_BYLINE_NAME = re.compile(
    r"(?:^|[\s_-])(?:by-?line|author|authors|author-?name|writer|by-author)(?:$|[\s_-])|"
    r"\w(?:author|byline)(?:$|\s)|(?:^|\s)(?:author|byline)name\b",
    re.I,
)
"""Class names of bylines: "byline", "post-author", "postauthor", "authorName"."""
_QUOTE_NAME = re.compile(r"quote|testimonial|cite", re.I)
_COMMENT_NAME = re.compile(
    r"(?:^|[\s_-])(?:comments?|commentlist|respond|reply|replies|dsq|disqus)(?:$|[\s_-])", re.I
)
_POST_NAME = re.compile(r"(?:^|[\s_-])(?:post|entry|article|story)(?:$|[\s_-])", re.I)
"""A region named for the post itself: its own footer or meta line, not the site's."""
_CHROME_NAME = re.compile(r"(?:^|[\s_-])(?:nav|menu|footer|sidebar|dropdown)(?:$|[\s_-])", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_AUTHOR_PATH = re.compile(
    r"/(?:author|authors|people|staff|contributors?|writers?|columnists?|profiles?|byline)/"
    r"[^/?#]+/?(?:$|[?#])",
    re.I,
)
"""An address of an author's own page: "/author/jane-doe/", "/people/JaneDoe"."""
_LISTS = ("ul", "ol", "nav", "select", "menu")


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
    root: HtmlElement,
    page_blocks: list[Block],
    named: list[HtmlElement],
    article: dict[str, Any],
    tags: dict[str, list[str]],
    scope: ArticleScope,
    sites: tuple[str, ...] = (),
    host: str = "",
    referred: list[str] | None = None,
) -> list[str]:
    """The article's writers from JSON-LD, `<meta>`, links and bylines in the page.

    `page_blocks` are the text blocks of the page's body, `named` its elements with a
    class, id or itemprop (`html_tree.named_elements`); `scope` says where on the page
    the article is; `sites` are the site's
    own names and `host` its address, where its writers' pages are;
    `referred` are the names JSON-LD gives by reference, read last.
    """
    sites = (*sites, host.removeprefix("www."))
    sources: tuple[tuple[Callable[[], list[str]], bool], ...] = (
        (lambda: ld_names(article.get("author")) or ld_names(article.get("creator")), False),
        (lambda: _meta_authors(tags), False),
        (lambda: [element_text(a) for a in root.iter("a") if _rel_author(a, scope)], False),
        (lambda: list(_byline_texts(named, scope)), False),
        (lambda: _author_links(root, scope, host), True),
        (lambda: _by_lines(page_blocks, scope), True),
        (lambda: referred or [], False),
    )
    fallback: list[str] = []
    for source, strict in sources:
        names = byline_names(source(), strict=strict)
        if not 0 < len(names) <= MAX_AUTHORS:
            continue
        people = [name for name in names if not _names_site(name, sites)]
        if not people:
            fallback = fallback or names
            continue
        return people  # "By Jane Doe, Coast Courier": the site employs her
    return fallback


def _meta_authors(tags: dict[str, list[str]]) -> list[str]:
    """Authors from `<meta>` tags of several vocabularies, Parse.ly's JSON among them."""
    found = [value for key in META_AUTHOR_KEYS for value in tags.get(key, [])]
    if found:
        return found
    for value in tags.get("parsely-page", []):
        try:
            page = json.loads(value)
        except ValueError:
            continue
        if isinstance(page, dict):
            found.extend(ld_names(page.get("author")) or ld_names(page.get("authors")))
    return found


def _names_site(name: str, sites: tuple[str, ...]) -> bool:
    """Is `name` the site's own name ("FilmDrunk", "Servicing Stop" on servicingstopvw.co.uk)?"""
    key = text_key(name)
    return len(key) >= SITE_KEY_CHARS and any(text_key(site).startswith(key) for site in sites)


def _rel_author(link: HtmlElement, scope: ArticleScope) -> bool:
    return "author" in (link.get("rel") or "").lower().split() and scope.in_article(link)


def _byline_texts(named: list[HtmlElement], scope: ArticleScope) -> Iterator[str]:
    """Texts of the first few elements named as bylines, menus inside them left out."""
    found = 0
    for el in named:
        if found >= BYLINE_ELEMENTS:
            return
        if el.tag in _LISTS:
            continue
        if el.get("itemprop") != "author" and not _names_byline(el.get("class"), el.get("id")):
            continue
        if not scope.in_article(el, itself=True):
            continue
        text = _text_without_lists(el) if el.get("itemprop") != "author" else _item_name(el)
        if text and len(text) <= BYLINE_CHARS:
            found += 1
            yield text


def _names_byline(class_: str | None, id_: str | None) -> bool:
    """Whether the class or id names a byline; most elements have neither, and templates repeat
    the same few, so the pattern runs once per distinct pair."""
    return bool(class_ or id_) and names_match(_BYLINE_NAME, class_ or "", id_ or "")


@lru_cache(maxsize=8192)
def names_match(pattern: re.Pattern[str], class_: str, id_: str) -> bool:
    """Whether `pattern` finds an element's class and id, camel case split ("articleAuthor"
    reads "article-Author"); cached, as pages repeat the same few classes."""
    return bool(pattern.search(_CAMEL.sub("-", class_ + " " + id_)))


def _item_name(el: HtmlElement) -> str:
    """A microdata author's name: its `itemprop=name` when it has one, else its text."""
    for inner in el.iter():
        if inner is not el and inner.get("itemprop") == "name":
            return inner.get("content") or element_text(inner)
    return el.get("content") or _text_without_lists(el)


def _text_without_lists(el: HtmlElement) -> str:
    """The text of a byline without the menu of the writer's links some put inside it."""
    if not any(True for _ in el.iter(*_LISTS)):
        return element_text(el)
    bare = copy.deepcopy(el)
    bare.tail = None
    for inner in list(bare.iter(*_LISTS)):
        holder = inner.getparent()
        if inner is not bare and holder is not None:
            holder.remove(inner)
    return element_text(bare)


def _author_links(root: HtmlElement, scope: ArticleScope, host: str) -> list[str]:
    """The text of the first link to an author's page on this site, in a short line."""
    for link in root.iter("a"):
        href = link.get("href") or ""
        if not _AUTHOR_PATH.search(href):
            continue
        link_host = urlsplit(href).hostname or ""
        if link_host and host and link_host.removeprefix("www.") != host.removeprefix("www."):
            continue
        if not scope.in_article(link):
            continue
        parent = link.getparent()
        line = element_text(parent) if parent is not None else ""
        if len(line) <= BYLINE_CHARS:
            text = element_text(link)
            if text:
                return [text]
    return []


def _by_lines(page_blocks: list[Block], scope: ArticleScope) -> list[str]:
    """Names from the first "By Jane Doe" or "Posted on <date> by Jane Doe" line outside the
    page's chrome."""
    for block in page_blocks:
        if len(block.text) > BYLINE_CHARS:
            continue
        names = names_after_by(block.text) if block.text[:1] in "BbPpWw" else []
        if not names and " by" in block.text:
            names = names_after_dated_by(block.text)
        if names and scope.in_article(block.owner, itself=True):
            return names
    return []


class ArticleScope:
    """Where on a page an article's byline and date may sit: not in menus, sidebars,
    comments or quotations.

    Not `<header>`: the article's own header is where its byline sits. Nor
    a footer or aside named for the post itself ("entry-footer", "post-meta"),
    which is where blogs put "Posted by"; nor the page's body, whose class
    lists the page's features ("has-sidebar"); nor anything that holds the
    headline, which is the article's wrapper whatever its class says.
    """

    def __init__(self, root: HtmlElement, title: str) -> None:
        """`title` finds the headline, whose wrappers are the article whatever their class."""
        self.holders: set[HtmlElement] = set()
        self._chrome: dict[HtmlElement, bool] = {}
        """Each node's answer, asked again for every candidate below it."""
        key = text_key(title)
        if not key:
            return
        for heading in root.iter("h1", "h2", "h3"):
            if text_key(element_text(heading)) == key:
                self.holders.update(heading.iterancestors())
                return

    def in_article(self, el: HtmlElement, itself: bool = False) -> bool:
        """Is `el` outside the site's chrome, the readers' comments and quotations?"""
        node: HtmlElement | None = el if itself else el.getparent()
        while node is not None and node.tag not in ("body", "html"):
            if node.tag in ("blockquote", "q") or self._is_chrome(node):
                return False
            node = node.getparent()
        return True

    def _is_chrome(self, node: HtmlElement) -> bool:
        known = self._chrome.get(node)
        if known is None:
            known = self._chrome[node] = self._judge_chrome(node)
        return known

    def _judge_chrome(self, node: HtmlElement) -> bool:
        names = (node.get("class") or "") + " " + (node.get("id") or "")
        if _COMMENT_NAME.search(names) or _QUOTE_NAME.search(names):
            return True
        if node.tag in ("nav", "select"):
            return True
        if node in self.holders:
            return False
        if node.tag == "form":  # a comment form; some sites wrap the whole page in a form
            return node.find(".//h1") is None
        return (node.tag in ("footer", "aside") or bool(_CHROME_NAME.search(names))) and not (
            _POST_NAME.search(names)
        )
