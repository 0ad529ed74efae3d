"""Named speakers: which person or organisation a quote is from, by the role of each name.

Hand-written sentences only; each test is a class of error seen on articles nobody tuned to.
"""

from __future__ import annotations

from reader.model import Quote
from reader.quotes import find_quotes


def quotes_of(*paragraphs: str) -> list[Quote]:
    return find_quotes(list(paragraphs))[0]


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quote text, whom it is from) pairs, the way a reader sees them."""
    return [(q.text, q.who) for q in quotes_of(*paragraphs)]


def test_a_publication_right_after_a_quote_wins_over_a_cue_before_it():
    assert said(
        "Mayor Luis Ortega unveiled his housing plan on Monday.",
        "The three changes he cited are “a cap on rents, a tax on empty homes and more "
        "inspectors,” The Ledger reported.",
    ) == [("a cap on rents, a tax on empty homes and more inspectors,", "Ledger")]
