"""Plain-text scrapes copied out of a browser. (First version: blocks as paragraphs.)"""

from __future__ import annotations

from reader.clean.common import squash, title_from_path
from reader.model import Article


def clean_text(text: str, path: str) -> Article:
    """Clean a text scrape into an article."""
    blocks = [squash(b) for b in text.split("\n\n")]
    blocks = [b for b in blocks if b]
    title = blocks.pop(0) if blocks and len(blocks[0]) < 150 else title_from_path(path)
    return Article(path=path, format="text", title=title, paragraphs=blocks)
