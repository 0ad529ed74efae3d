"""Markdown notes: front matter for metadata, blocks for paragraphs, inline marks removed.

No Markdown library: reader needs only the block structure and plain
inline text, which a few rules give faster than a full renderer on the
start-up path.
"""

from __future__ import annotations

import re

from reader.clean.common import normalise_date, preformatted, title_from_path
from reader.model import BULLET, Article

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(---|\.\.\.)[ \t]*(\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST = re.compile(r"^\s{0,3}(?:([-*+•])|(\d{1,3})[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# Inline patterns never let a run cross the next opening mark ("[", "(", "*"...): a paragraph
# full of unclosed marks then costs one short scan per mark, not one to the end of the text
# (which made a 40 kB paragraph of "*a " take half a minute).
_TARGET = r"\((?:[^()]|\([^()]*\))*\)"
"""A link target, allowing one level of parentheses as in Wikipedia URLs."""
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]]+)\]" + _TARGET + r"|\[([^\[\]]+)\]\[[^\[\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_EMPHASIS = re.compile(
    r"\*\*(?=\S)([^*]+?)(?<=\S)\*\*"
    r"|(?<!\w)__(?=\S)([^_]+?)(?<=\S)__(?!\w)"
    r"|\*(?=\S)([^*]+?)(?<=\S)\*"
    r"|(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)"
    r"|~~(?=\S)([^~]+?)(?<=\S)~~"
)
"""Bold, italic, strikethrough; a second pass takes nested marks. `_` inside words is kept."""
_CODE = re.compile(r"`([^`]*)`")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash before ASCII punctuation makes it literal (CommonMark); hidden from the rules."""
_HIDDEN = 0xF0000
"""Escaped characters are parked in plane-15 private use, which real text never contains."""
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

_KEYS = {
    "title": "title",
    "headline": "title",
    "author": "authors",
    "authors": "authors",
    "by": "authors",
    "byline": "authors",
    "publisher": "publisher",
    "source": "publisher",
    "site": "publisher",
    "site_name": "publisher",
    "publication": "publisher",
    "section": "section",
    "category": "section",
    "categories": "section",
    "date": "published",
    "published": "published",
    "published_at": "published",
    "summary": "summary",
    "description": "summary",
    "standfirst": "summary",
    "excerpt": "summary",
    "key_points": "summary",
    "url": "url",
    "link": "url",
    "canonical": "url",
}


def clean_markdown(text: str, path: str) -> Article:
    """Clean a Markdown note into an article."""
    meta, body = _split_front_matter(text)
    paragraphs, headings = _blocks(body)
    title = _first(meta.get("title")) or ""
    if headings and headings[0] == 0 and (not title or _same_words(title, paragraphs[0])):
        # The first heading is the title, or repeats the one in front matter.
        title = title or paragraphs[0]
        paragraphs.pop(0)
        headings = [i - 1 for i in headings[1:]]
    if not title and paragraphs:
        title = paragraphs[0] if len(paragraphs[0]) <= 120 else ""
    return Article(
        path=path,
        format="markdown",
        title=title or title_from_path(path),
        authors=_names(meta.get("authors")),
        publisher=_first(meta.get("publisher")),
        section=_first(meta.get("section")),
        published=normalise_date(_first(meta.get("published"))),
        summary=list(meta.get("summary", [])),
        paragraphs=paragraphs,
        headings=headings,
        url=_first(meta.get("url")),
    )


def _split_front_matter(text: str) -> tuple[dict[str, list[str]], str]:
    """Read the simple YAML most notes use: `key: value` and `- item` lists."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    meta: dict[str, list[str]] = {}
    key = None
    for line in match.group(1).splitlines():
        item = re.match(r"^\s+-\s+(.*)$", line) or re.match(r"^-\s+(.*)$", line)
        if item and key:
            meta.setdefault(key, []).append(_unquote(item.group(1)))
            continue
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if not pair:
            continue
        key = _KEYS.get(pair.group(1).lower().replace("-", "_"))
        value = pair.group(2).strip()
        if key and value:
            if value.startswith("[") and value.endswith("]"):
                meta.setdefault(key, []).extend(
                    _unquote(v) for v in value[1:-1].split(",") if v.strip()
                )
            else:
                meta.setdefault(key, []).append(_unquote(value))
    return meta, text[match.end() :]


def _blocks(body: str) -> tuple[list[str], list[int]]:
    """Paragraphs and the indices of headings. A list item keeps its marker ("• ", "2. "),
    and a fenced block is one paragraph with its line breaks, as the HTML cleaner keeps
    `<li>` and `<pre>`."""
    paragraphs: list[str] = []
    headings: list[int] = []
    buffer: list[str] = []
    fence = ""  # the fence that opened the code block being read, or ""
    code: list[str] = []

    def flush() -> None:
        if buffer:
            joined = inline(" ".join(line.strip() for line in buffer))
            if joined:
                paragraphs.append(joined)
            buffer.clear()

    for line in body.splitlines():
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                if text := preformatted("\n".join(code)):
                    paragraphs.append(text)
                fence, code = "", []
            else:
                code.append(line)
            continue
        if opening:
            flush()
            fence = opening.group(1)
            continue
        if not line.strip() or _RULE.match(line) or _REF_DEF.match(line):
            flush()
            continue
        if buffer and _SETEXT.match(line):
            text = inline(" ".join(b.strip() for b in buffer))
            buffer.clear()
            if text:
                headings.append(len(paragraphs))
                paragraphs.append(text)
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            text = inline(_without_closing_hashes(heading.group(2)))
            if text:
                headings.append(len(paragraphs))
                paragraphs.append(text)
            continue
        item = _LIST.match(line)
        if item:
            flush()
            number = item.group(2)
            buffer.append((f"{int(number)}. " if number else BULLET) + item.group(3))
            continue
        quote = _QUOTE.match(line)
        if quote:
            if not quote.group(1).strip():
                flush()
            else:
                buffer.append(quote.group(1))
            continue
        buffer.append(line)
    flush()
    if text := preformatted("\n".join(code)):  # a block left open runs to the end
        paragraphs.append(text)
    return paragraphs, headings


def _without_closing_hashes(text: str) -> str:
    """`## Title ##` is `Title`; `# C#` keeps its hash because no space comes before it."""
    text = text.rstrip()
    bare = text.rstrip("#")
    if bare != text and bare and bare[-1].isspace():
        return bare.rstrip()
    return text


def _emphasised(match: re.Match[str]) -> str:
    """The words inside whichever emphasis form matched (each has one group)."""
    return match.group(match.lastindex or 0)


def inline(text: str) -> str:
    """Markdown inline syntax to the words a reader sees."""
    text = _ESCAPED.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(_emphasised, text)
    text = _HTML_TAG.sub("", text)
    text = re.sub("[\U000f0021-\U000f007e]", lambda m: chr(ord(m.group(0)) - _HIDDEN), text)
    return re.sub(r"\s+", " ", text).strip()


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        value = value[1:-1].replace("''", "'")  # YAML's only escape in single quotes
    elif len(value) >= 2 and value[0] == value[-1] == '"':
        value = re.sub(r'\\(["\\/])', r"\1", value[1:-1])  # YAML escapes for these
    return value.strip()


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _names(values: list[str] | None) -> list[str]:
    names: list[str] = []
    for value in values or []:
        for name in re.split(r" ?(?:,|;|\band\b|&) ?", " ".join(value.split())):
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return names
