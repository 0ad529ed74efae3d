"""Cut a page tree into text blocks, the way a browser lays text out in lines.

Every block-level element ends the current line; inline elements run on
without a space, as they render ("<b>Wo</b>rd" is one word). A block that
holds both its own text and child blocks is split into one `Block` per run of
its own text, so blocks come out in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from reader.clean.common import preformatted
from reader.clean.html_tree import HtmlElement

BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    )
)
_LINE_BREAK = "\x00"
"""Stands for `<br>` in collected text; the parser has already removed real NULs."""
_PARAGRAPH_BREAK = re.compile("\x00(?:\\s*\x00)+")
"""Two or more `<br>` in a row end a paragraph; a single one is only a line break."""
CELL_TAGS = frozenset(("td", "th"))
"""Data cells run on in their row, so a row reads as one line; layout cells are blocks."""
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass(slots=True)
class Block:
    """One run of text with the element it belongs to and how much of it is link text."""

    owner: HtmlElement
    text: str
    link_chars: int
    link_density: float
    """Share of the visible (non-space) characters that are link text, 0 to 1."""

    @property
    def is_heading(self) -> bool:
        return self.owner.tag in HEADING_TAGS


class _Run:
    __slots__ = ("owner", "parts", "link_chars")

    def __init__(self, owner: HtmlElement) -> None:
        self.owner = owner
        self.parts: list[str] = []
        self.link_chars = 0


def blocks(root: HtmlElement) -> list[Block]:
    """All text blocks under `root`, in document order; `<br>` also ends a line."""
    out: list[Block] = []
    stack: list[_Run] = [_Run(root)]
    links = 0

    def add(text: str | None) -> None:
        if text:
            run = stack[-1]
            run.parts.append(text)
            if links:
                run.link_chars += _visible_chars(text)

    def flush(run: _Run) -> None:
        parts = run.parts
        if not parts:
            return
        raw = parts[0] if len(parts) == 1 else "".join(parts)
        owner = run.owner
        link_chars = run.link_chars
        run.parts = []
        run.link_chars = 0
        if owner.tag != "pre" and _LINE_BREAK not in raw:  # the common case: one line
            text = _squash(raw)
            if not text:
                return
            if not link_chars:
                out.append(Block(owner, text, 0, 0.0))
                return
            visible = _visible_chars(raw)
            link_share = link_chars / visible if visible else 0.0
            links = round(_visible_chars(text) * link_share)
            out.append(Block(owner, text, links, min(1.0, link_share)))
            return
        visible = _visible_chars(raw)
        link_share = link_chars / visible if visible else 0.0
        if owner.tag == "pre":  # one paragraph, its lines kept
            pieces = [(preformatted(raw.replace(_LINE_BREAK, "\n")), link_chars)]
        else:
            squashed = (
                _squash(line.replace(_LINE_BREAK, " ")) for line in _PARAGRAPH_BREAK.split(raw)
            )
            pieces = [(text, round(_visible_chars(text) * link_share)) for text in squashed]
        for text, links in pieces:
            if text:
                out.append(Block(owner, text, links, min(1.0, link_share)))

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if tag in BLOCK_TAGS or (tag in CELL_TAGS and _lays_out_blocks(el)):
                if el is not root:
                    flush(stack[-1])
                    stack.append(_Run(el))
            elif tag == "br":
                add(_LINE_BREAK)
            elif tag in CELL_TAGS:
                add(" ")
            elif tag == "a":
                links += 1
            text = el.text
            if text:  # `add`, inlined: this runs for nearly every element
                run = stack[-1]
                run.parts.append(text)
                if links:
                    run.link_chars += _visible_chars(text)
        else:
            if el is root:
                break
            if stack[-1].owner is el:
                flush(stack.pop())
            elif tag == "a":
                links -= 1
            text = el.tail
            if text:
                run = stack[-1]
                run.parts.append(text)
                if links:
                    run.link_chars += _visible_chars(text)
    flush(stack[0])
    return out


def element_text(el: HtmlElement) -> str:
    """Visible text of an element, block boundaries kept as spaces."""
    return " ".join(block.text for block in blocks(el))


def _lays_out_blocks(cell: HtmlElement) -> bool:
    """A table cell holding paragraphs or line breaks is page layout (old sites), not data."""
    return any(child.tag in BLOCK_TAGS or child.tag == "br" for child in cell)


def _visible_chars(text: str) -> int:
    """Characters a reader sees: indentation and line breaks in the markup don't count."""
    return len(text) - text.count(" ") - text.count("\n") - text.count(_LINE_BREAK)


def _squash(text: str) -> str:
    """`common.squash`, faster for the common case: `str.split` knows Unicode spaces."""
    text = " ".join(text.split())
    return " ".join(text.replace("\u200b", " ").split()) if "\u200b" in text else text
