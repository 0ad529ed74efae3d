"""An article as Rich `Text`, shared by `reader --plain` and the reading pane.

Article text is only ever appended as plain strings and styled by span, so
brackets, `[bold]` or `[@click=...]` in an article stay words on the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reader.model import BULLET, Article


@dataclass(frozen=True, slots=True)
class Palette:
    """Styles for the parts of an article: Rich style names, or the UI's styles from its theme."""

    title: str | Style = "bold"
    byline: str | Style = "italic"
    meta: str | Style = "dim"
    heading: str | Style = "bold"
    summary: str | Style = ""
    quote: str | Style = "green"
    attribution: str | Style = "cyan"
    speaker: str | Style = "bold cyan"
    current_quote: str | Style = "reverse green"
    chosen_quote: str | Style = "bold green underline"
    match: str | Style = "black on yellow"
    current_match: str | Style = "bold black on bright_yellow underline"


PLAIN_PALETTE = Palette(*[""] * 12)


def find_in_article(article: Article, term: str) -> list[tuple[int, int, int]]:
    """Every case-insensitive occurrence of `term` in the body, as (paragraph, start, end)."""
    if not term.strip():
        return []
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return [
        (index, match.start(), match.end())
        for index, paragraph in enumerate(article.paragraphs)
        for match in pattern.finditer(paragraph)
    ]


def match_in_context(
    article: Article, matches: list[tuple[int, int, int]], before: str, after: str
) -> int:
    """Which of `matches` (from `find_in_article`) sits between `before` and `after`.

    A search snippet shows one place in the text; the same words may occur
    earlier. The place whose surroundings agree with the snippet's for the most
    characters wins (the first, on a tie). The snippet joins paragraphs with a
    space, so the agreement simply stops at a paragraph's edge.
    """
    best, best_score = 0, -1
    for number, (where, start, _) in enumerate(matches):
        paragraph = article.paragraphs[where]
        score = _common_prefix(paragraph[start:], after) + _common_prefix(
            paragraph[:start][::-1], before[::-1]
        )
        if score > best_score:
            best, best_score = number, score
    return best


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a.casefold(), b.casefold(), strict=False):
        if x != y:
            break
        count += 1
    return count


def header_text(article: Article, palette: Palette = Palette()) -> Text:
    """Title, byline, date and key points, as one text (for piped output)."""
    text = _title_lines(article, palette)
    for point in article.summary:
        text.append("\n\n• " if point is article.summary[0] else "\n• ", palette.summary)
        text.append(point, palette.summary)
    return text


_LIST_MARKER = re.compile(rf"^(?:{BULLET}|\d{{1,3}}\. )")


def laid_out(text: Text) -> RenderableType:
    """A paragraph for a screen: a list item's later lines hang under its text, not under
    its bullet or number, so each item reads as one; other paragraphs as they are."""
    marker = _LIST_MARKER.match(text.plain)
    if not marker or len(text.plain) == marker.end():
        return text
    item = Table.grid()
    item.add_column(no_wrap=True)
    item.add_column(ratio=1)
    item.add_row(text[: marker.end()], text[marker.end() :])
    return item


def header_block(article: Article, palette: Palette = Palette()) -> RenderableType:
    """Title, byline, date and key points, each point wrapping under its own first word.

    For a screen: a point that wraps reads as one item when its later lines
    hang under its text rather than under the bullet.
    """
    title = _title_lines(article, palette)
    if not article.summary:
        return title
    points = Table.grid()
    points.add_column(no_wrap=True)
    points.add_column(ratio=1)
    for point in article.summary:
        points.add_row(Text("• ", palette.summary), Text(point, palette.summary))
    return Group(title, Text(""), points)


def _title_lines(article: Article, palette: Palette) -> Text:
    text = Text()
    text.append(article.title or "Untitled", palette.title)
    if article.byline:
        text.append("\n")
        text.append("By " + article.byline if article.authors else article.byline, palette.byline)
    details = [d for d in (article.section, article.published and article.published[:10]) if d]
    details.append(f"{article.read_time_minutes} min read")
    text.append("\n")
    text.append(" · ".join(details), palette.meta)
    return text


def paragraph_text(
    article: Article,
    index: int,
    palette: Palette = Palette(),
    current_quote: int | None = None,
    chosen_speaker: str | None = None,
    matches: Sequence[tuple[int, int, bool]] = (),
) -> Text:
    """One body paragraph with its quotes, attributions, speakers and search matches styled.

    `matches` are (start, end, is_current) spans of a search inside the article.
    """
    paragraph = article.paragraphs[index]
    text = Text(paragraph, palette.heading if index in article.headings else "")
    for attribution in article.attributions:
        if attribution.paragraph == index:
            text.stylize(palette.attribution, attribution.start, attribution.end)
            if attribution.source:
                at = paragraph.find(attribution.source, attribution.start, attribution.end)
                if at >= 0:
                    text.stylize(palette.speaker, at, at + len(attribution.source))
    for number, quote in enumerate(article.quotes):
        if quote.paragraph != index:
            continue
        style = palette.quote
        if number == current_quote:
            style = palette.current_quote
        elif chosen_speaker and quote.who == chosen_speaker:
            style = palette.chosen_quote
        text.stylize(style, *_with_marks(paragraph, quote.start, quote.end))
    for start, end, current in matches:
        text.stylize(palette.current_match if current else palette.match, start, end)
    return text


_MARKS = "\"'“”‘’«»„‚‹›「」『』"


def _with_marks(paragraph: str, start: int, end: int) -> tuple[int, int]:
    """Widen a quote's span to take in its quotation marks, so they are styled too."""
    if start > 0 and paragraph[start - 1] in _MARKS:
        start -= 1
    if end < len(paragraph) and paragraph[end] in _MARKS:
        end += 1
    return start, end


def article_text(article: Article, palette: Palette = Palette()) -> Text:
    """The whole article as one text, for piped output."""
    text = header_text(article, palette)
    for index in range(len(article.paragraphs)):
        text.append("\n\n")
        text.append_text(paragraph_text(article, index, palette))
    return text


def article_block(article: Article, palette: Palette = Palette()) -> RenderableType:
    """The whole article, for printing on a terminal."""
    blocks: list[RenderableType] = [header_block(article, palette)]
    for index in range(len(article.paragraphs)):
        blocks += [Text(""), laid_out(paragraph_text(article, index, palette))]
    return Group(*blocks)
