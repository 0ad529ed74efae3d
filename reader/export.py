"""A cleaned article as a Markdown note, for keeping in a notes app or a git repository.

Metadata goes into YAML front matter, the form Obsidian, Jekyll, Hugo and
Pandoc all read. The body starts with the title as a `#` heading too, so
the note reads as an article in any viewer that hides front matter or
shows none; section headings are `##`. Key points go into the front
matter as `key_points`, which keeps the rest of the body exactly the
article's paragraphs: exporting and loading the note again gives back the
same article (the loader takes a first heading that repeats the front
matter's title as that title). Article text is escaped so that a stray `*`,
`[` or a line starting with `1.` or `#` stays text and is not read as
Markdown, and quotation marks are kept as they are.
"""

from __future__ import annotations

import re

from reader.clean.common import squash
from reader.model import BULLET, Article, is_preformatted
from reader.safe_text import strip_controls, visible

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_TAG_OR_ENTITY = re.compile(r"(<)(?=[A-Za-z/!?])|(&)(?=#?[A-Za-z0-9]+;)")
_LIST_OR_QUOTE = re.compile(r"^(?:#+|>|[+\-](?=\s|$))")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_NOT_YAML_PRINTABLE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Controls, lone surrogates and U+FFFE/U+FFFF: YAML forbids them even inside quotes."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def _safe(text: str) -> str:
    """Article text as every output shows it (`strip_controls`), a lone surrogate (which
    could not be saved as UTF-8) kept visible as U+FFFD."""
    return strip_controls(_SURROGATE.sub("\ufffd", text))


def to_markdown(article: Article) -> str:
    """The article as Markdown with YAML front matter, ending in one newline."""
    parts = [_front_matter(article)]
    if title := _clean(article.title):
        parts.append("# " + _escape_heading(title))
    headings = set(article.headings)
    for index, paragraph in enumerate(article.paragraphs):
        if index in headings:
            parts.append("## " + _escape_heading(paragraph))
        elif is_preformatted(paragraph):
            parts.append(_fenced(paragraph))
        else:
            parts.append(_escape_paragraph(paragraph))
    return "\n\n".join(part for part in parts if part) + "\n"


def _front_matter(article: Article) -> str:
    lines = ["---"]
    for key, value in (
        ("title", article.title),
        ("authors", article.authors),
        ("publisher", article.publisher),
        ("section", article.section),
        ("published", article.published),
        ("url", article.url),
        ("source", visible(article.path)),  # the file name as every other output shows it
        ("key_points", article.summary),
    ):
        if isinstance(value, list):
            items = [item for item in (_clean(v) for v in value) if item]
            if items:
                lines.append(f"{key}:")
                lines.extend(f"  - {yaml_string(item)}" for item in items)
        elif value and (cleaned := _clean(value)):
            lines.append(f"{key}: {yaml_string(cleaned)}")
    lines.append("---")
    return "\n".join(lines)


def _clean(value: str) -> str:
    """One line of characters YAML may hold: front matter values are single-line metadata."""
    return _NOT_YAML_PRINTABLE.sub("", squash(strip_controls(value)))


def yaml_string(value: str) -> str:
    """A YAML scalar that always reads back as this exact string.

    Always quoted, so titles like `Update: "No"`, `yes`, `2024` or `#1`
    stay strings. The quoting that needs no escapes is preferred, because
    simple front-matter readers (ours included) only strip the quotes.
    """
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def escape_inline(text: str) -> str:
    """Backslash the characters that would start emphasis, code, links, HTML or entities."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _TAG_OR_ENTITY.sub(lambda m: "\\" + m.group(0), text)
    if text.count("~") >= 2:  # ~~strike~~ (and GFM's single-tilde form) needs a pair
        text = text.replace("~", "\\~")
    return text


def _escape_line_start(line: str) -> str:
    """Keep a line from starting a heading, list, quote, rule or setext underline."""
    line = line.lstrip()  # four spaces of indent would make a code block
    line = _LIST_OR_QUOTE.sub(lambda m: "\\" + m.group(0), line, count=1)
    line = _ORDERED.sub(r"\1\\\2", line, count=1)
    return _SETEXT.sub(lambda m: "\\" + m.group(1), line, count=1)


def _escape_paragraph(paragraph: str) -> str:
    if paragraph.startswith(BULLET):  # an item of a bulleted list: a Markdown list item
        return "- " + _escape_paragraph(paragraph[len(BULLET) :])
    lines = [line for line in _safe(paragraph).splitlines() if line.strip()]
    return "\n".join(_escape_line_start(escape_inline(line.rstrip())) for line in lines)


def _fenced(paragraph: str) -> str:
    """Preformatted text (a paragraph with line breaks: code, verse) as a fenced block, its
    lines as they are; the fence is longer than any run of backticks inside it."""
    text = _safe(paragraph)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def _escape_heading(text: str) -> str:
    escaped = escape_inline(squash(_safe(text)))
    if escaped.endswith("#"):  # a closing run of # would be dropped as decoration
        escaped = escaped[:-1] + "\\#"
    return escaped
