"""Markdown export keeps every word as text, front matter valid, and loads back the same;
the OSC 52 copy sequence carries the text intact and within terminal limits."""

from __future__ import annotations

import base64
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.clean.markdown import clean_markdown
from reader.clipboard import OSC52_LIMIT, detect_multiplexer, fits_osc52, osc52
from reader.export import to_markdown
from reader.model import Article
from reader.quotes import find_quotes

TRICKY_TITLES = [
    'Update: Council says "no" to the tower',
    'Biden\'s "red line": what it means',
    "Yes",
    "2024",
    "- Breaking",
    "#1 in the charts",
    "[Live] Election night",
    "Path C:\\Users\\news",
    "It's 50% off & more: {deal}",
]

PARAGRAPHS = [
    "“We will rebuild the harbour before winter,” the mayor said on Tuesday.",
    'Residents were less sure. "I have heard that before," said Ana Ruiz, 54, a baker.',
    "Costs rose 5% * 2 years, to $4m; see [the report] and the file budget_final_v2.pdf.",
    "# Not a heading, just a hash at the start of a sentence",
    "> Not a quote block either",
    "- Not a list item",
    "1984. That was the year the old pier burned.",
    "---",
    "Use `backticks`, <b>tags</b>, &amp; entities and ~~tildes~~ literally.",
    "What happens next",
    "The council meets again in March \\ April, officials said.",
]
HEADING_INDEX = 9


def _article(title: str = "Harbour to reopen before winter", **changes) -> Article:
    fields = dict(
        path="/home/ana/Articles/2026/harbour.html",
        format="html",
        title=title,
        authors=["Jane O'Neil", 'Omar "Oz" Ali'],
        publisher="The Coast Gazette: Evening Edition",
        section="Local",
        published="2026-11-28T10:30:00",
        summary=["Repairs: finished by December", "Cost 'within budget', council says"],
        paragraphs=list(PARAGRAPHS),
        headings=[HEADING_INDEX],
        url="https://gazette.example/local/harbour?id=12#top",
    )
    fields.update(changes)
    return Article(**fields)


# A strict reader for the YAML subset the exporter writes: it accepts only
# valid YAML quoting, so anything it parses is valid YAML with these values.

_DOUBLE = re.compile(r'"((?:[^"\\\x00-\x1f]|\\["\\/nt])*)"')
_SINGLE = re.compile(r"'((?:[^'\x00-\x1f]|'')*)'")


def _yaml_scalar(text: str) -> str:
    if match := _DOUBLE.fullmatch(text):
        escapes = {"n": "\n", "t": "\t"}
        return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), match.group(1))
    if match := _SINGLE.fullmatch(text):
        return match.group(1).replace("''", "'")
    raise AssertionError(f"not a quoted YAML string: {text!r}")


def _front_matter(markdown: str) -> tuple[dict[str, str | list[str]], str]:
    assert markdown.startswith("---\n")
    head, _, body = markdown[4:].partition("\n---\n")
    data: dict[str, str | list[str]] = {}
    key = None
    for line in head.splitlines():
        if item := re.fullmatch(r"  - (.*)", line):
            assert isinstance(data.get(key), list), f"list item outside a list: {line!r}"
            data[key].append(_yaml_scalar(item.group(1)))
        elif pair := re.fullmatch(r"([a-z_]+): (.+)", line):
            key = pair.group(1)
            data[key] = _yaml_scalar(pair.group(2))
        elif start := re.fullmatch(r"([a-z_]+):", line):
            key = start.group(1)
            data[key] = []
        else:
            raise AssertionError(f"not a YAML line: {line!r}")
    return data, body


@pytest.mark.parametrize("title", TRICKY_TITLES)
def test_front_matter_is_valid_yaml_holding_the_exact_metadata(title: str):
    article = _article(title)
    data, _ = _front_matter(to_markdown(article))
    assert data == {
        "title": title,
        "authors": article.authors,
        "publisher": article.publisher,
        "section": "Local",
        "published": "2026-11-28T10:30:00",
        "url": article.url,
        "source": article.path,
        "key_points": article.summary,
    }


def test_missing_metadata_is_left_out_not_written_as_none():
    article = Article(
        path="notes/x.md", format="markdown", title="Short note", paragraphs=["Only a line."]
    )
    data, body = _front_matter(to_markdown(article))
    assert data == {"title": "Short note", "source": "notes/x.md"}
    assert "None" not in to_markdown(article)
    assert body.strip() == "# Short note\n\nOnly a line."


@pytest.mark.parametrize("title", TRICKY_TITLES)
def test_the_body_starts_with_the_title_as_a_heading(title: str):
    """A viewer that hides front matter still shows the title, as its own first heading."""
    markdown_it = pytest.importorskip("markdown_it")
    _, body = _front_matter(to_markdown(_article(title)))
    rendered = markdown_it.MarkdownIt("commonmark").render(body)
    first = re.match(r"<h1>(.*?)</h1>\n<p>", rendered, re.S)
    assert first, rendered[:200]
    assert html.unescape(first.group(1)) == title
    assert rendered.count("<h1>") == 1


def test_a_title_with_line_breaks_and_controls_is_one_clean_heading_line():
    _, body = _front_matter(to_markdown(_article("Storm\nwarning:\t\x1b[31mgales")))
    assert body.startswith("\n# Storm warning: \\[31mgales\n\n")


def test_line_breaks_and_control_characters_cannot_break_the_front_matter():
    article = _article("Storm\nwarning:\tgales \x07tonight\r\n---\nextra: 1")
    data, _ = _front_matter(to_markdown(article))
    assert data["title"] == "Storm warning: gales tonight --- extra: 1"
    assert "extra" not in data


def test_characters_yaml_forbids_are_dropped_and_lone_surrogates_replaced():
    article = _article(
        "Odd\ufffe title\x85 here\x9b", paragraphs=["Broken \udc80 byte"], headings=[]
    )
    markdown = to_markdown(article)
    data, body = _front_matter(markdown)
    assert data["title"] == "Odd title here"
    assert body.strip() == "# Odd title here\n\nBroken \ufffd byte"
    markdown.encode("utf-8")  # savable


@given(
    st.text(st.sampled_from(list("ab 1.#*_-+>[]()!`\\<&;~|=:'\"é“”")), min_size=1, max_size=30)
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
def test_any_paragraph_renders_as_exactly_its_own_text(paragraph: str):
    """Property: whatever Markdown characters a paragraph holds, a renderer shows them as text."""
    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("commonmark").enable(["strikethrough", "table"])
    article = Article(
        path="x.md", format="markdown", title="T", paragraphs=[paragraph, "x"], headings=[0]
    )
    _, body = _front_matter(to_markdown(article))
    blocks = re.findall(r"<(p|h2)>(.*?)</\1>", renderer.render(body), re.S)
    assert [(tag, html.unescape(text)) for tag, text in blocks] == [("h2", paragraph), ("p", "x")]
    article.headings = []
    again = clean_markdown(to_markdown(article), "x.md")
    assert again.paragraphs == [paragraph, "x"] and again.headings == []


@pytest.mark.parametrize("title", TRICKY_TITLES)
def test_loading_the_export_gives_back_the_same_article(title: str):
    article = _article(title)
    again = clean_markdown(to_markdown(article), "harbour.md")
    assert again.title == article.title
    assert again.authors == article.authors
    assert again.paragraphs == article.paragraphs
    assert again.headings == article.headings
    assert (again.publisher, again.section, again.published, again.url) == (
        article.publisher,
        article.section,
        article.published,
        article.url,
    )
    assert again.summary == article.summary


def test_quotes_are_kept_as_quotes():
    article = _article()
    markdown = to_markdown(article)
    assert "“We will rebuild the harbour before winter,” the mayor said" in markdown
    assert '"I have heard that before," said Ana Ruiz' in markdown
    again = clean_markdown(markdown, "harbour.md")
    before, *_ = find_quotes(article.paragraphs)
    after, *_ = find_quotes(again.paragraphs)
    assert [(q.text, q.speaker) for q in after] == [(q.text, q.speaker) for q in before]
    assert any("rebuild the harbour" in q.text for q in after)


def test_a_markdown_renderer_shows_the_text_and_no_accidental_formatting():
    """Checked with an independent CommonMark renderer, not only with our own reader."""
    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("commonmark").enable(["strikethrough", "table"])
    _, body = _front_matter(to_markdown(_article()))
    rendered = renderer.render(body)
    tags = set(re.findall(r"<([a-z0-9]+)", rendered))
    assert tags == {"h1", "p", "h2"}, rendered
    assert rendered.startswith("<h1>Harbour to reopen before winter</h1>\n")
    blocks = re.findall(r"<(p|h2)>(.*?)</\1>", rendered, re.S)
    assert [html.unescape(text) for _, text in blocks] == PARAGRAPHS
    assert [i for i, (tag, _) in enumerate(blocks) if tag == "h2"] == [HEADING_INDEX]


def test_special_characters_are_escaped_in_the_body():
    markdown = to_markdown(_article())
    assert r"5% \* 2 years" in markdown and r"\[the report\]" in markdown
    assert r"budget\_final\_v2.pdf" in markdown
    assert "\n\\# Not a heading" in markdown and "\n1984\\. That" in markdown
    assert "\n## What happens next\n" in markdown


# Copying with OSC 52


def _decode(sequence: str) -> str:
    match = re.fullmatch(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", sequence)
    assert match, repr(sequence[:40])
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_osc52_carries_the_text_exactly():
    text = "“Quoted,” she said — 東京\n\tsecond line \x1b[31m not an escape"
    assert _decode(osc52(text)) == text
    assert fits_osc52(text)


def test_osc52_cuts_long_text_at_a_character_boundary_within_the_limit():
    text = "é" * 200_000  # two bytes each, so a byte cut could split one
    sequence = osc52(text)
    assert not fits_osc52(text)
    assert len(sequence) - len("\x1b]52;c;\x07") <= OSC52_LIMIT
    copied = _decode(sequence)
    assert text.startswith(copied) and len(copied) > 30_000
    assert _decode(osc52("abcdef", limit=8)) == "abcdef"
    assert _decode(osc52("abcdefg", limit=8)) == "abcdef"


def test_osc52_passes_through_tmux_and_screen():
    tmux = osc52("hello", multiplexer="tmux")
    assert tmux.startswith("\x1bPtmux;\x1b\x1b]52;c;") and tmux.endswith("\x07\x1b\\")
    assert _decode(tmux[len("\x1bPtmux;") : -2].replace("\x1b\x1b", "\x1b")) == "hello"
    screen = osc52("x" * 500, multiplexer="screen")
    chunks = re.findall(r"\x1bP(.*?)\x1b\\", screen, re.S)
    assert len(chunks) > 1 and all(len(chunk) <= 76 for chunk in chunks)
    assert _decode("".join(chunks)) == "x" * 500
    assert detect_multiplexer({"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"}) == "tmux"
    assert detect_multiplexer({"STY": "1234.pts-0", "TERM": "screen.xterm-256color"}) == "screen"
    assert detect_multiplexer({"TERM": "xterm-256color"}) is None
