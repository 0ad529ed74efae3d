"""Property tests: whatever bytes or text arrive, cleaning ends in an article or a `LoadError`.

A folder of downloads holds anything. Every format is forced on every input,
because sniffing can be fooled and each cleaner must survive what it was not
written for. Articles that come out must be safe to print and to serialise.
Run many more cases by hand with HYPOTHESIS_PROFILE=bench (see conftest.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.clean import clean_bytes
from reader.clean.decode import decode
from reader.clean.html import clean_html
from reader.clean.markdown import clean_markdown
from reader.clean.sniff import is_binary, sniff_format
from reader.clean.text import clean_text
from reader.files import SNIFF_BYTES
from reader.library import bundled_samples
from reader.model import Article, LoadError
from reader.quotes import find_quotes

FORMATS = [None, "html", "text", "markdown"]
CLEANERS = {"html": clean_html, "text": clean_text, "markdown": clean_markdown}
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

SPECIALS = (
    "\x00\x07\x08\t\n\r\x0b\x0c\x1b\x7f\x85\x9b\u00a0\u200b\u200e\u200f\u2028\u2029\u202a\u202e"
    "\u2066\u2069\ufeff\ufffd\"'“”‘’«»„‚‹›「」『』—–…<>&[]/=:;#*_`~\\@$"
)
texts = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(SPECIALS)),
    max_size=400,
)
words = st.sampled_from(
    [
        "said",
        "says",
        "told",
        "according to",
        "Mr",
        "Ms.",
        "Dr",
        "Smith",
        "Okafor",
        "he",
        "she",
        '"',
        "“",
        "”",
        "'",
        "’",
        "«",
        "»",
        ",",
        ".",
        "\n",
        "\n\n",
        " ",
        "[bold]",
        "\x1b[2J",
        "&amp;",
        "&#27;",
        "# ",
        "> ",
        "- ",
        "1. ",
        "**",
        "_",
        "---\n",
        "```",
        "<p>",
        "</p>",
        "By ",
        "Updated",
    ]
)
prose = st.lists(st.one_of(words, texts.filter(lambda t: len(t) < 20)), max_size=60).map("".join)


def _tag_names() -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            "p",
            "div",
            "span",
            "a",
            "h1",
            "h2",
            "article",
            "main",
            "section",
            "header",
            "footer",
            "nav",
            "aside",
            "figure",
            "figcaption",
            "blockquote",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "td",
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "math",
            "meta",
            "title",
            "time",
            "br",
            "img",
            "iframe",
            "b",
            "i",
            "em",
            "strong",
            "pre",
            "code",
            "q",
            "cite",
            "html",
            "body",
            "head",
            "x-custom",
            "p:weird",
            "!--",
        ]
    )


attribute = st.tuples(
    st.sampled_from(
        [
            "class",
            "id",
            "itemprop",
            "property",
            "name",
            "content",
            "href",
            "rel",
            "datetime",
            "hidden",
            "style",
            "role",
            "aria-hidden",
            "data-x",
            "lang",
            "charset",
            "on\u00e9rror",
        ]
    ),
    st.one_of(
        texts.filter(lambda t: len(t) < 30),
        st.sampled_from(
            [
                "author",
                "headline",
                "article:published_time",
                "og:title",
                "byline",
                "2026-11-19",
                "display:none",
                "main-content",
                "utf-16",
                "x-unknown",
                "base64",
                "utf-7",
                '"',
                "'",
            ]
        ),
    ),
).map(lambda kv: f' {kv[0]}="{kv[1]}"' if '"' not in kv[1] else f" {kv[0]}='{kv[1]}'")

html_trees = st.recursive(
    st.one_of(
        prose,
        st.sampled_from(
            [
                "&nbsp;",
                "&#x1b;",
                "&#0;",
                "&#xD800;",
                "&bogus;",
                "<",
                ">",
                "<!-- c -->",
                "<![CDATA[x]]>",
                "&#1114112;",
            ]
        ),
    ),
    lambda children: st.tuples(
        _tag_names(), st.lists(attribute, max_size=3), st.lists(children, max_size=5), st.booleans()
    ).map(lambda t: f"<{t[0]}{''.join(t[1])}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else "")),
    max_leaves=40,
)


def _samples() -> list[bytes]:
    files = sorted(p for p in Path(bundled_samples()).glob("*") if p.is_file())
    return [p.read_bytes() for p in files] or [b'Headline\n\nA body paragraph, "quoted" he said.']


@st.composite
def mutated_samples(draw: st.DrawFn) -> bytes:
    """A bundled sample after a few random edits: the kind of damage real files carry."""
    data = bytearray(draw(st.sampled_from(_samples())))
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        if action == "flip" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif action == "insert":
            data[where:where] = draw(
                st.one_of(st.binary(max_size=16), words.map(lambda w: w.encode("utf-8")))
            )
        elif action == "delete":
            del data[where : where + draw(st.integers(1, 200))]
        elif action == "truncate":
            del data[where:]
        elif action == "repeat":
            data[where:where] = data[where : where + draw(st.integers(1, 300))]
    return bytes(data)


def assert_clean_or_load_error(data: bytes, fmt: str | None, path: str = "fuzz.bin") -> None:
    """The one outcome allowed: a printable, serialisable article, or a readable LoadError."""
    try:
        article = clean_bytes(data, path, fmt)
    except LoadError as error:
        assert_readable(error)
        return
    assert_safe_article(article)


def assert_readable(error: LoadError) -> None:
    reason = error.reason
    assert reason and reason.strip() == reason
    assert "Traceback" not in reason and "None" not in reason
    assert "\n" not in reason and not TERMINAL_CONTROLS.search(reason)


def assert_safe_article(article: Article) -> None:
    optional = (article.publisher, article.section, article.published, article.url)
    fields = [
        article.title,
        *article.authors,
        *article.summary,
        *article.paragraphs,
        *(value for value in optional if value),
    ]
    for value in fields:
        assert isinstance(value, str)
        assert not TERMINAL_CONTROLS.search(value), repr(value)
    assert_spans_index_paragraphs(article.paragraphs, article.quotes, article.attributions)
    line = json.dumps(article.to_json(), ensure_ascii=False)
    assert "\n" not in line
    json.loads(line)


def assert_spans_index_paragraphs(paragraphs, quotes, attributions) -> None:
    for span in [*quotes, *attributions]:
        assert 0 <= span.paragraph < len(paragraphs)
        assert 0 <= span.start <= span.end <= len(paragraphs[span.paragraph])
    for quote in quotes:
        assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text


@pytest.mark.parametrize("fmt", FORMATS)
@given(data=st.binary(max_size=2000))
def test_random_bytes(fmt, data):
    assert_clean_or_load_error(data, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@given(text=st.one_of(texts, prose), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_random_text(fmt, text, encoding):
    assert_clean_or_load_error(text.encode(encoding, errors="ignore"), fmt, "fuzz.txt")


@pytest.mark.parametrize("fmt", FORMATS)
@given(tree=html_trees)
def test_random_html_trees(fmt, tree):
    assert_clean_or_load_error(f"<!doctype html><html><body>{tree}</body></html>".encode(), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@given(data=mutated_samples())
def test_mutated_samples(fmt, data):
    assert_clean_or_load_error(data, fmt, "sample.txt")


@pytest.mark.parametrize("name", sorted(CLEANERS))
@given(text=st.one_of(texts, prose, html_trees))
def test_each_cleaner_survives_any_text(name, text):
    """The cleaners themselves: `load` would catch a crash, but the article would be lost."""
    article = CLEANERS[name](text, "fuzz")
    assert isinstance(article, Article)
    assert all(isinstance(p, str) for p in article.paragraphs)


@given(paragraphs=st.lists(st.one_of(texts, prose), max_size=8))
def test_find_quotes_spans_point_into_the_paragraphs(paragraphs):
    quotes, attributions, inner = find_quotes(paragraphs)
    assert_spans_index_paragraphs(paragraphs, quotes + inner, attributions)


@given(data=st.binary(max_size=3000), html=st.booleans())
def test_decode_never_fails_and_leaves_no_controls(data, html):
    text = decode(data, html=html)
    assert not TERMINAL_CONTROLS.search(text.replace("\r", ""))
    assert "\r" not in text


@given(
    label=st.one_of(
        st.sampled_from(
            [
                "utf-8",
                "utf-16",
                "utf-32",
                "utf-7",
                "latin1",
                "cp1252",
                "shift_jis",
                "koi8-r",
                "base64",
                "hex",
                "zlib",
                "rot13",
                "idna",
                "punycode",
                "mbcs",
                "undefined",
                "x-user-defined",
                "",
            ]
        ),
        st.from_regex(r"[\w:.-]{1,12}", fullmatch=True),
    ),
    body=st.binary(max_size=500),
)
def test_any_declared_charset_decodes(label, body):
    """A page may declare any charset name, even Python codecs that are not charsets at all."""
    page = b'<html><head><meta charset="' + label.encode() + b'"></head><body><p>' + body
    text = decode(page, html=True)
    assert isinstance(text, str) and not TERMINAL_CONTROLS.search(text)


@given(data=st.binary(max_size=3000), path=st.sampled_from(["a.html", "a.md", "a.txt", "a", ""]))
def test_sniffing_always_answers(data, path):
    assert isinstance(is_binary(data), bool)
    assert sniff_format(data, path) in ("html", "text", "markdown")


@given(text=st.text(max_size=300).filter(lambda t: t.strip()))
def test_plain_utf8_text_is_never_called_binary(text):
    """Whatever the language, readable UTF-8 must not be skipped as binary."""
    printable = "".join(c for c in text if c.isprintable() or c in "\n\t")
    if printable.strip():
        assert not is_binary(printable.encode("utf-8"))


@given(count=st.integers(0, 400), tail=st.sampled_from([b"plain words", b"<html><p>Story</p>"]))
def test_pages_opening_with_many_comments_are_sniffed(count, tail):
    """A header of comments must not send the sniffer into exponential backtracking."""
    head = b"<!-- generated -->\n" * count + tail  # at most 7.6 kB: all within SNIFF_BYTES
    assert len(head) <= SNIFF_BYTES
    assert sniff_format(head, "page") == ("html" if tail.startswith(b"<html") else "text")
