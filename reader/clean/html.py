"""Saved HTML pages: metadata from the page's head and markup, the body without clutter.

The steps live in their own modules: `html_tree` parses and strips what is
never text, `html_meta` (with `html_title`) reads metadata, `html_blocks`
lays text out in blocks, `html_furniture` marks page furniture, `html_body`
picks the article out of the rest and `html_clutter` drops furniture lines.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from reader.clean.common import preformatted, squash, title_from_path
from reader.clean.html_blocks import blocks
from reader.clean.html_body import extract_body
from reader.clean.html_math import formulas_as_text
from reader.clean.html_meta import read_meta
from reader.clean.html_tree import all_text, json_ld, named_elements, parse, strip_invisible
from reader.model import Article, is_preformatted
from reader.safe_text import strip_controls


def clean_html(text: str, path: str) -> Article:
    """Clean a saved page into an article; odd or empty markup gives a sparse article."""
    article = Article(path=path, format="html")
    root = parse(text)
    if root is None:
        article.title = title_from_path(path)
        return article
    linked_data = json_ld(root)
    formulas_as_text(root)
    strip_invisible(root)
    page = root.find("body")
    story_root = page if page is not None else root
    page_blocks = blocks(story_root)  # laid out once for the byline search and the body
    named = named_elements(root)  # listed once for the metadata and furniture searches
    read_meta(root, linked_data, article, page_blocks, named)
    page_title = next((squash(all_text(el)) for el in root.iter("title")), "")
    misplaced = next(story_root.iter("title"), None) is not None  # in <body>, by some pages
    etree.strip_elements(root, "title", with_tail=False)
    if misplaced:
        page_blocks = blocks(story_root)
    key_points = article.summary if len(article.summary) > 1 else []
    description = article.summary[0] if len(article.summary) == 1 else ""
    body = extract_body(
        story_root, page_blocks, named, article.title, key_points, description, page_title
    )
    if not body.paragraphs:
        body.paragraphs = _linked_body(linked_data)
    article.title = article.title or title_from_path(path)
    if len(article.summary) == 1 and not _worth_showing(
        article.summary[0], article.title, body.paragraphs
    ):
        article.summary = []
    article.url = article.url or _saved_from(text)
    article.paragraphs = body.paragraphs
    article.headings = body.headings
    return _without_controls(article)


def _without_controls(article: Article) -> Article:
    """Character references ("&#x1b;") decode to controls after the file was screened.

    `load` drops such references before parsing; this keeps `clean_html` safe
    when it is handed text that did not come through `load`.
    """
    fields = [
        article.title,
        article.publisher or "",
        article.section or "",
        article.url or "",
        *article.authors,
        *article.summary,
        *article.paragraphs,
    ]
    if strip_controls("\n".join(fields)) == "\n".join(fields):
        return article
    article.title = squash(strip_controls(article.title)) or title_from_path(article.path)
    article.authors = [a for a in (squash(strip_controls(a)) for a in article.authors) if a]
    article.summary = [s for s in (squash(strip_controls(s)) for s in article.summary) if s]
    for name in ("publisher", "section", "url"):
        value = getattr(article, name)
        setattr(article, name, squash(strip_controls(value)) or None if value else None)
    paragraphs: list[str] = []
    headings: list[int] = []
    for index, paragraph in enumerate(article.paragraphs):
        if is_preformatted(paragraph):
            cleaned = preformatted(strip_controls(paragraph))
        else:
            cleaned = squash(strip_controls(paragraph))
        if cleaned:
            if index in article.headings:
                headings.append(len(paragraphs))
            paragraphs.append(cleaned)
    article.paragraphs, article.headings = paragraphs, headings
    return article


_SAVED_FROM = re.compile(
    r"<!--\s*(?:saved from url=\(\d+\)|[^>]{0,200}?\burl:\s*)(https?://[^\s>]+?)\s", re.I
)
"""Browsers and SingleFile note the page's address in a comment at the top of a saved page."""


def _saved_from(text: str) -> str | None:
    match = _SAVED_FROM.search(text[:4096])
    return match.group(1) if match else None


def _linked_body(linked_data: list[dict[str, Any]]) -> list[str]:
    """The JSON-LD `articleBody`, for pages whose markup holds no text (built by scripts)."""
    for item in linked_data:
        text = item.get("articleBody")
        if isinstance(text, str) and text.strip():
            return [squashed for line in text.splitlines() if (squashed := squash(line))]
    return []


_WORD = re.compile(r"\w+")
SHINGLE = 4
REPEATS_SHARE = 0.5
"""A description whose runs of words are this often in the body repeats the body."""
ON_TOPIC_SHARE = 0.25
"""A description using fewer of the story's words than this is about the site, not the story."""
STEM = 5
"""Letters that stand for a word when comparing ("footbridges" and "footbridge")."""
_FUNCTION_WORDS = frozenset(
    "the and for with from that this are was were has have had not but its his her their our "
    "your you who what when where how why into over after before about than will all more "
    "can new one just also".split()
)


def _worth_showing(description: str, title: str, paragraphs: list[str]) -> bool:
    """Whether a one-line description tells the reader something the body does not.

    On the development pages, a third of the descriptions repeat the story's
    opening (often cut off with "..."), and one in six describes the site ("The
    official blog for news and tips on ...") or is a stray label; neither is a
    summary of the story.
    """
    words = [word.lower() for word in _WORD.findall(description)]
    body_words = [word.lower() for paragraph in paragraphs for word in _WORD.findall(paragraph)]
    runs = _shingles(words)
    if runs and _runs_in(runs, body_words) >= REPEATS_SHARE * len(runs):
        return False
    content = {word[:STEM] for word in words if len(word) > 2 and word not in _FUNCTION_WORDS}
    story = {word[:STEM] for word in body_words} | {w.lower()[:STEM] for w in _WORD.findall(title)}
    return not content or len(content & story) >= ON_TOPIC_SHARE * len(content)


def _runs_in(runs: set[tuple[str, ...]], words: list[str]) -> int:
    """How many of the `runs` (from `_shingles`) are runs of `words` too.

    Each run is looked for in the words joined by spaces (a search in C) rather
    than against every run of the body, which cost a few percent of the cleaner.
    """
    if len(words) < SHINGLE:
        return len(runs & _shingles(words))
    text = f" {' '.join(words)} "
    return sum(len(run) == SHINGLE and f" {' '.join(run)} " in text for run in runs)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
