"""When an article was published, from the page's metadata, its address or its post line.

Sources in order of care: JSON-LD and `<meta>` dates, `<time>` elements,
elements named for a date ("date", "timestamp", "dateStamp"), a date in the
address ("/2012/07/24/"), then the post's meta line ("post-meta",
"entryInfo", "submitted") where blogs print "Posted on July 24, 2012",
then the article's first "By" line if it is dated ("by Jane on July 24, 2012").
Dates in comments, menus and sidebars are not the article's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast
from urllib.parse import urlsplit

from lxml import etree

from reader.clean.common import normalise_date, numeric_date, squash
from reader.clean.html_authors import BYLINE_CHARS, ArticleScope, names_match
from reader.clean.html_blocks import BLOCK_TAGS, element_text
from reader.clean.html_tree import HtmlElement, all_text

META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
DATE_LINE_CHARS = 80
"""A date line is short; a longer text is a paragraph that mentions a date."""
_DATE_NAME = re.compile(
    r"(?:^|[\s_-])(?:date|dateline|time|timestamp|published|posted|pubdate|datestamp|"
    r"created|submitted)(?:$|[\s_-])|\w(?:date|stamp)(?:$|\s)",
    re.I,
)
"""Names of elements that hold a date: "date", "post-date", "dateStamp", "postdate"."""
_POST_LINE_NAME = re.compile(
    r"(?:^|[\s_-])(?:meta|metadata|info|byline|subhead|foot|footer|footers|details)(?:$|[\s_-])|"
    r"\w(?:meta|metadata|info|foot)(?:$|\s)",
    re.I,
)
"""Names of a post's meta line, which holds its date among other things."""
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")


def find_published(
    root: HtmlElement,
    named: list[HtmlElement],
    article: dict[str, Any],
    tags: dict[str, list[str]],
    scope: ArticleScope,
    url: str | None,
) -> str | None:
    """The publication date (ISO 8601) from the most deliberate source that gives one
    (`named`: the page's elements with a class, id or itemprop, `html_tree.named_elements`)."""
    for value in _declared(root, named, article, tags, scope):
        date = normalise_date(value)
        if date:
            return date
    return (
        _named_date(named, scope, _DATE_NAME)
        or _url_date(url)
        or _named_date(named, scope, _POST_LINE_NAME)
        or _by_line_date(root, scope)
    )


def _declared(
    root: HtmlElement,
    named: list[HtmlElement],
    article: dict[str, Any],
    tags: dict[str, list[str]],
    scope: ArticleScope,
) -> Iterator[str | None]:
    """Dates the page states for machines: JSON-LD, `<meta>` tags, microdata, `<time>`."""
    ld_date = article.get("datePublished") or article.get("dateCreated")
    yield ld_date if isinstance(ld_date, str) else None
    for key in META_DATE_KEYS:
        yield from tags.get(key, [])
    yield from _microdata_dates(named, scope)
    for el in root.iter("time"):
        yield el.get("datetime")
        yield squash(all_text(el))


def _microdata_dates(named: list[HtmlElement], scope: ArticleScope) -> Iterator[str | None]:
    """`itemprop="datePublished"` on any element, the article's own, not a comment's or a
    teaser's: its `content`, `datetime` or `title` (an `<abbr>`), else its text."""
    for el in named:
        if el.get("itemprop") != "datePublished":
            continue
        if el.tag == "meta" or not scope.in_article(el, itself=True):
            continue  # a <meta> one is read with the page's other meta tags
        yield el.get("content") or el.get("datetime") or el.get("title") or squash(all_text(el))


def _named_date(
    named: list[HtmlElement], scope: ArticleScope, names: re.Pattern[str]
) -> str | None:
    """The date in the first short element so named, outside comments and the site's chrome."""
    for el in named:
        if el.tag in ("html", "body"):
            continue
        if not names_match(names, el.get("class") or "", el.get("id") or ""):
            continue
        if not scope.in_article(el, itself=True):
            continue
        text = element_text(el)
        date = (
            (normalise_date(text) or numeric_date(text)) if len(text) <= DATE_LINE_CHARS else None
        )
        if date:
            return date
    return None


_BY_LINE = re.compile(r"^\s*(?:(?:posted |written )?by|(?:posted|published)(?: on|:))\s", re.I)
"""A post's signature or stamp: "By Jane", "Written by Jane", "Posted on", "Published:";
not "Posted in Travel", a category."""


def _by_line_date(root: HtmlElement, scope: ArticleScope) -> str | None:
    """The date of the article's first "By" or "Posted on" line, when it carries one ("by
    Jane Doe on March 3, 2012", "Written by Jane Doe, March 3, 2012", "POSTED ON March 3rd,
    2012"), in an element named for nothing in particular. Only the first: a later one is
    another post's or a comment's.

    The line is found from its text nodes (a search lxml runs in C), then read whole
    from the block that holds it: walking every block of the page cost as much as
    all the other date sources together.
    """
    texts = cast("list[etree._ElementUnicodeResult]", root.xpath("//body//text()"))
    for text in texts:
        if not _BY_LINE.match(text):
            continue
        owner = text.getparent()
        if owner is not None and text.is_tail:
            owner = owner.getparent()
        found = _by_line(owner)
        if found is not None and scope.in_article(found[0], itself=True):
            return normalise_date(found[1])
    return None


def _by_line(owner: HtmlElement | None) -> tuple[HtmlElement, str] | None:
    """The widest element round a "By" text node that still reads as a short "By" line,
    up to the block that holds it ("<p>by <a>Jane</a> on May 2</p>")."""
    found = None
    while owner is not None and owner.tag != "body":
        line = element_text(owner)
        if len(line) > BYLINE_CHARS or not _BY_LINE.match(line):
            break
        found = owner, line
        if owner.tag in BLOCK_TAGS:
            break
        owner = owner.getparent()
    return found


def _url_date(url: str | None) -> str | None:
    """ "/2012/07/24/slug": the day most blogs and papers file a story under."""
    match = _URL_DATE.search(urlsplit(url or "").path)
    if not match:
        return None
    return normalise_date("-".join(f"{int(part):02d}" for part in match.groups()))
