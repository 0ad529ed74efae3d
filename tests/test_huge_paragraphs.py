"""Paragraphs of megabytes: kept whole in the article, shown in bounded time.

A page can hold its whole text in one node, a scrape can be one line. The
HTML parser must not drop a text node over 10 MB (libxml2 does by default,
silently, with the rest of the page); very long paragraphs are split at
sentence ends into pieces the quote finder and the reading pane can handle;
and the pane lays out only a bounded part of a gigantic article, saying what
it left out.
"""

from __future__ import annotations

import random
from pathlib import Path

from reader.clean import MAX_PARAGRAPH_CHARS, clean_bytes, split_long
from reader.library import Entry
from reader.model import Article
from reader.store.cache import ArticleSummary

_WORDS = "the council said that the rail budget vote would follow later in the year".split()


def _prose(size: int, seed: int = 1) -> str:
    """One paragraph of about `size` characters: sentences of plain words."""
    rng = random.Random(seed)
    sentences, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 30))).capitalize()
        sentences.append(sentence + ".")
        total += len(sentence) + 2
    return " ".join(sentences)


def test_a_text_node_over_10_mb_keeps_the_body_and_what_follows():
    huge = _prose(10_600_000)
    page = (
        "<html><head><title>Huge node</title></head><body><article><h1>Huge node</h1>"
        "<p>The first short paragraph of the story is here.</p>"
        f"<p>{huge}</p><p>The paragraph after the huge one.</p></article></body></html>"
    )
    article = clean_bytes(page.encode(), "huge.html")
    assert article.paragraphs[0] == "The first short paragraph of the story is here."
    assert article.paragraphs[-1] == "The paragraph after the huge one."
    middle = article.paragraphs[1:-1]
    assert " ".join(middle) == huge  # nothing dropped
    assert max(map(len, middle)) <= MAX_PARAGRAPH_CHARS


def test_a_one_paragraph_text_of_8_mb_is_split_and_kept():
    body = _prose(7_900_000, seed=2)
    article = clean_bytes(f"A very long story\n\n{body}\n".encode(), "long.txt")
    assert " ".join(article.paragraphs) == body
    assert max(map(len, article.paragraphs)) <= MAX_PARAGRAPH_CHARS
    assert all(piece.endswith(".") for piece in article.paragraphs)  # cut at sentence ends


def test_splitting_keeps_every_word_whatever_the_text():
    for text in ["x" * 50_000, "word " * 20_000, _prose(90_000), "a.b " * 30_000]:
        pieces = split_long(text, 1_000)
        assert max(map(len, pieces)) <= 1_000
        assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


async def test_the_pane_shows_a_bounded_part_of_a_gigantic_article_and_says_so(tmp_path: Path):
    from textual.widgets import Static

    from reader.ui.app import ReaderApp
    from reader.ui.reading_pane import MAX_SHOWN_CHARS, ReadingPane

    paragraphs = split_long(_prose(3 * MAX_SHOWN_CHARS, seed=3))
    article = Article(
        path=str(tmp_path / "gigantic.txt"), format="text", title="Gigantic", paragraphs=paragraphs
    )
    app = ReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        entry = Entry(article.path, summary=ArticleSummary.of(article), article=article)
        app.main.reading.show_entry(entry)
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        shown = pane.paragraph_widgets
        assert 0 < len(shown) < len(paragraphs)
        assert sum(len(p) for p in paragraphs[: len(shown)]) <= MAX_SHOWN_CHARS
        note = str(pane.page.query(Static).last().render())
        left = len(paragraphs) - len(shown)
        assert f"{left:,} more paragraphs" in note and "are not shown" in note
        pane.find(paragraphs[-1][:40])  # a match past what is shown: said, not a crash
        await pilot.pause()
        assert any("past the part" in str(n.message) for n in app._notifications)
