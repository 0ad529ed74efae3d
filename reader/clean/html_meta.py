"""Article metadata from a page: title, authors, publisher, section, date, summary, URL.

Each field is read from the most deliberate source first: schema.org JSON-LD
(written for search engines, so usually exact), then Open Graph and other
`<meta>` tags, then the visible page (the `<h1>`, bylines, `<time>`,
breadcrumbs). Visible text is the last resort because it is the least tidy.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from reader.clean.common import squash, text_key
from reader.clean.html_authors import ArticleScope, find_authors, ld_names
from reader.clean.html_blocks import Block, blocks, element_text
from reader.clean.html_dates import find_published
from reader.clean.html_title import clean_title
from reader.clean.html_tree import HtmlElement, all_text
from reader.model import Article

_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "ac", "gov", "ne", "or", "go"))
KEY_POINTS_DEPTH = 5
"""How far above a list its "key points" wrapper may sit (templates nest lists deeply)."""

_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|WebPage|Posting", re.I)
_BREADCRUMB_NAME = re.compile(r"breadcrumb", re.I)
_KEY_POINTS_NAME = re.compile(
    r"key-?points|highlights|takeaways|summary-list|at-a-glance|"
    r"in-brief|tldr|bullets",
    re.I,
)
_STANDFIRST_NAME = re.compile(
    r"(?:^|[\s_-])(?:standfirst|dek|deck|subhead|sub-?title|strap"
    r"|strapline|lede|lead|excerpt|intro|summary|description)"
    r"(?:$|[\s_-])",
    re.I,
)
_HOME = re.compile(r"^(?:home|homepage|start|news|index|main)$", re.I)


def read_meta(
    root: HtmlElement,
    linked_data: list[dict[str, Any]],
    meta: Article,
    page_blocks: list[Block],
    named: list[HtmlElement],
) -> None:
    """Fill `meta`'s metadata fields from `<meta>` tags, JSON-LD objects and the visible page
    (`page_blocks`: the text blocks of its `<body>`; `named`: its elements with a class, id,
    role, itemprop or label, `html_tree.named_elements`)."""
    tags = _meta_tags(root)
    article = _article_object(linked_data)
    publisher = _first(
        ld_names(article.get("publisher")),
        tags.get("og:site_name", []),
        tags.get("application-name", []),
    )
    if publisher:  # "Autoracing | F1 | Indy" is a name followed by a menu
        meta.publisher = re.split(r"\s+[|·•]\s+", publisher)[0].lstrip("@") or None
    meta.url = _first([_ld_url(article)], _canonical(root), tags.get("og:url", []))
    meta.title = _title(root, article, tags, [meta.publisher or "", _site_from_url(meta.url)])
    sites = (meta.publisher or "", _site_from_url(meta.url), *tags.get("og:site_name", []))
    host = urlsplit(meta.url or "").hostname or ""
    scope = ArticleScope(root, meta.title)
    referred = _referred_authors(article, linked_data)
    meta.authors = find_authors(
        root, page_blocks, named, article, tags, scope, sites, host, referred
    )
    meta.published = find_published(root, named, article, tags, scope, meta.url)
    meta.section = _section(named, article, tags, linked_data, meta.title)
    meta.summary = _summary(root, article, tags)


def _meta_tags(root: HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value and value.strip():
            tags.setdefault(key.strip().lower(), []).append(squash(value))
    return tags


def _article_object(linked_data: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object that describes the article itself (not the site or an author)."""
    best: dict[str, Any] = {}
    for item in linked_data:
        kind = item.get("@type")
        kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
        if _ARTICLE_TYPES.search(kinds) and ("headline" in item or "articleBody" in item):
            return item
        if not best and "headline" in item:
            best = item
    if not best:  # a page described without a headline: its author and dates still hold
        best = next((i for i in linked_data if _described_page(i)), {})
    return best


def _described_page(item: dict[str, Any]) -> bool:
    """A WebPage object dated and signed, as graphs written by SEO plugins give an article
    they describe no further."""
    return str(item.get("@type")) == "WebPage" and "author" in item and "datePublished" in item


def _referred_authors(article: dict[str, Any], linked_data: list[dict[str, Any]]) -> list[str]:
    """Authors the article object names only by reference: JSON-LD written as a graph (as
    WordPress SEO plugins write it) gives `{"@id": ".../#/schema/person/1"}`, and the name
    is on the node with that id. Such a graph names the post's one account, so the page's
    own byline, which may add co-writers, is read first."""
    value = article.get("author") or article.get("creator")
    if not value or ld_names(value):
        return []
    nodes = {item["@id"]: item for item in linked_data if isinstance(item.get("@id"), str)}
    return ld_names(_resolve(value, nodes))


def _resolve(value: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD value with each bare reference replaced by the node it names."""
    if isinstance(value, list):
        return [_resolve(item, nodes) for item in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return nodes.get(value["@id"], value)
    return value


def _first(*sources: Iterable[str | None]) -> str | None:
    for source in sources:
        for value in source:
            if isinstance(value, str) and squash(value):
                return squash(html.unescape(value))  # some pages escape entities twice
    return None


def _ld_url(article: dict[str, Any]) -> str | None:
    for key in ("url", "mainEntityOfPage"):
        value = article.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None


def _canonical(root: HtmlElement) -> list[str]:
    return [
        el.get("href") or ""
        for el in root.iter("link")
        if "canonical" in (el.get("rel") or "").lower().split()
    ]


def _site_from_url(url: str | None) -> str:
    """ "elwinpost" from "https://www.elwinpost.co.uk/...": a site name when none is given."""
    labels = (urlsplit(url or "").hostname or "").split(".")[:-1]  # no top-level domain
    while labels and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else ""


def _title(
    root: HtmlElement, article: dict[str, Any], tags: dict[str, list[str]], sites: list[str]
) -> str:
    h1 = next(filter(None, (element_text(el) for el in root.iter("h1"))), "")
    page_title = next((squash(all_text(el)) for el in root.iter("title")), "")
    headline = article.get("headline")
    raw = _first(
        [headline if isinstance(headline, str) else None],
        tags.get("og:title", []),
        tags.get("twitter:title", []),
        [h1, page_title],
    )
    return clean_title(raw or "", [*sites, *tags.get("og:site_name", [])], h1, _headings(root))


def _headings(root: HtmlElement) -> Iterator[str]:
    """Texts of the page's h1-h3 headings, in page order, computed as they are asked for."""
    for el in root.iter("h1", "h2", "h3"):
        text = element_text(el)
        if text:
            yield text


def _section(
    named: list[HtmlElement],
    article: dict[str, Any],
    tags: dict[str, list[str]],
    linked_data: list[dict[str, Any]],
    title: str,
) -> str | None:
    ld_section = article.get("articleSection")
    if isinstance(ld_section, list):
        ld_section = next((s for s in ld_section if isinstance(s, str)), None)
    found = _first(
        [ld_section if isinstance(ld_section, str) else None],
        tags.get("article:section", []),
        tags.get("parsely-section", []),
    )
    if found:  # "game,news,slider": a tag list, its first entry the main one
        return found.split(",")[0].strip() or None
    return _breadcrumb_section(named, linked_data, title)


def _position(step: dict[str, Any]) -> int:
    position = step.get("position")
    return position if isinstance(position, int) else 0


def _breadcrumb_section(
    named: list[HtmlElement], linked_data: list[dict[str, Any]], title: str
) -> str | None:
    """The deepest breadcrumb that is neither the home page nor the article itself
    (`named`: the page's elements with a class, id or label, in page order)."""
    trail: list[str] = []
    for item in linked_data:
        if item.get("@type") == "BreadcrumbList" and isinstance(item.get("itemListElement"), list):
            steps = [s for s in item["itemListElement"] if isinstance(s, dict)]
            steps.sort(key=_position)
            for step in steps:
                name = step.get("name")
                inner = step.get("item")
                if not isinstance(name, str) and isinstance(inner, dict):
                    name = inner.get("name")
                if isinstance(name, str):
                    trail.append(squash(name))
            break
    if not trail:
        for el in _rumb_named(named):
            names = _names_of(el) + " " + (el.get("aria-label") or "")
            if "rumb" in names and _BREADCRUMB_NAME.search(names):
                trail = [element_text(a) for a in el.iter("a")] or [
                    block.text for block in blocks(el)
                ]
                break
    title_key = text_key(title)
    for crumb in reversed(trail):
        key = text_key(crumb)
        if key and key != title_key and not _HOME.match(crumb) and len(crumb) <= 40:
            return crumb
    return None


def _rumb_named(named: list[HtmlElement]) -> Iterator[HtmlElement]:
    """Elements whose class, id or label holds "rumb", in page order: the only ones that can
    name a breadcrumb trail."""
    for el in named:
        if (
            "rumb" in (el.get("class") or "")
            or "rumb" in (el.get("id") or "")
            or "rumb" in (el.get("aria-label") or "")
        ):
            yield el


def _names_of(el: HtmlElement) -> str:
    return (el.get("class") or "") + " " + (el.get("id") or "")


def _summary(root: HtmlElement, article: dict[str, Any], tags: dict[str, list[str]]) -> list[str]:
    for found_list in root.iter("ul", "ol"):
        holders = [found_list, *islice(found_list.iterancestors(), KEY_POINTS_DEPTH)]
        if any(_KEY_POINTS_NAME.search(_names_of(el)) for el in holders):
            points = [element_text(li) for li in found_list.iter("li")]
            points = [p for p in points if p]
            if 2 <= len(points) <= 10:
                return points
    description = article.get("description")
    found = _first(
        [description if isinstance(description, str) else None],
        tags.get("og:description", []),
        tags.get("description", []),
        tags.get("twitter:description", []),
    )
    if found:
        return [found]
    for el in root.iter("p", "div", "h2"):
        if _STANDFIRST_NAME.search(el.get("class") or ""):
            text = element_text(el)
            if 20 <= len(text) <= 400:
                return [text]
    return []
