"""Counts in words, the same in the list title, the sidebar and notices."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 article", "3 articles", "10,000 articles"; `words` for irregular plurals."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"
