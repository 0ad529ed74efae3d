"""He, she and who keeps speaking across a run of quotes. Every sentence here is written
for these tests; each asserts the name a reader would see beside the quote.
"""

from __future__ import annotations

from reader.quotes import find_quotes


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quote text, whom it is from) pairs, the way a reader sees them."""
    return [(q.text, q.who) for q in find_quotes(list(paragraphs))[0]]


def test_a_name_after_the_cue_may_follow_a_modifier_written_with_a_slash():
    assert said("“The rationales do not hold weight,” said 9/11 widow Terry Strada.") == [
        ("The rationales do not hold weight,", "Terry Strada")
    ]
