"""Hostile article text, shared by the injection tests and the UI tests.

Every string here is something a saved page or a scrape could contain and that
must reach the screen as harmless characters: console markup that Rich or
Textual would interpret, terminal escape sequences, and characters that move
the cursor or reverse the line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

MARKUP = {
    "rich_style": "[bold red]ALERT[/bold red]",
    "rich_link": "[link=https://evil.example/]click me[/link]",
    "textual_variable": "[$accent]themed[/]",
    "textual_action": "[@click=app.quit]quit now[/]",
    "rich_emoji": ":skull: :warning:",
}
"""Markup that must show literally: the words inside the brackets stay on the page."""

ESCAPES = {
    "csi_clear": "\x1b[2J\x1b[H",
    "csi_colour": "\x1b[31mred\x1b[0m",
    "osc8_link": "\x1b]8;;https://evil.example/\x1b\\innocent link\x1b]8;;\x1b\\",
    "osc52_clipboard": "\x1b]52;c;cm0gLXJmIH4K\x07",
    "osc_title": "\x1b]0;pwned title\x07",
    "c1_csi": "\x9b31mred via C1\x9b0m",
    "bell": "ring\x07ring",
    "carriage_return": "safe text\roverwritten",
    "backspaces": "secret\x08\x08\x08\x08\x08\x08public",
    "bidi_override": "file\u202egnp.exe",
    "bidi_isolate": "\u2067hidden\u2069 order",
}
"""Control characters and sequences that act on a terminal; none may reach it raw."""

VISIBLE_WORDS = (
    "ALERT",
    "click me",
    "themed",
    "quit now",
    "innocent link",
    "red via C1",
    "overwritten",
    "public",
    "gnp.exe",
    "hidden",
)
"""Words from the strings above that must still be readable after cleaning."""

LITERAL_MARKUP = tuple(MARKUP.values())
"""Markup strings that must appear in output exactly as written."""

ALL = {**MARKUP, **ESCAPES}


def hostile_paragraphs() -> list[str]:
    """One sentence per hostile string, each long enough to be kept as body text."""
    return [
        f"Paragraph {name.replace('_', ' ')} says {value} and then the story goes on."
        for name, value in ALL.items()
    ]


def hostile_text() -> str:
    """A plain-text scrape carrying every hostile string."""
    body = "\n\n".join(hostile_paragraphs())
    return f"Hostile headline {MARKUP['rich_style']}\n\nBy Mallory [i]Evil[/i]\n\n{body}\n"


def hostile_markdown() -> str:
    """A Markdown note carrying every hostile string, in front matter and body."""
    body = "\n\n".join(hostile_paragraphs())
    return (
        "---\n"
        f"title: Hostile note {MARKUP['textual_action']}\n"
        f"author: Mallory {ESCAPES['csi_colour']}\n"
        f"publisher: {MARKUP['rich_link']}\n"
        "---\n\n"
        f"# Heading {MARKUP['textual_variable']}\n\n{body}\n"
    )


def hostile_html() -> str:
    """A saved page carrying every hostile string, raw and as numeric character references.

    References matter: `&#27;` is harmless bytes on disk and becomes ESC only
    when the page is parsed, after the decoder has already stripped controls.
    """
    raw = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in hostile_paragraphs())
    referenced = "".join(
        f"<p>Referenced {name}: {_char_refs(value)} end of the sentence here.</p>\n"
        for name, value in ESCAPES.items()
    )
    title = html.escape(f"Hostile page {MARKUP['rich_style']}")
    return (
        "<!doctype html><html><head>"
        f"<title>{title}</title>"
        f'<meta name="author" content="Mallory &#27;[31mRed">'
        "</head><body><article>"
        f"<h1>{title} &#x202e;reversed</h1>\n{raw}{referenced}"
        "</article></body></html>\n"
    )


def _char_refs(value: str) -> str:
    return "".join(
        f"&#{ord(c)};" if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" else html.escape(c)
        for c in value
    )


def write_hostile_articles(folder: Path) -> list[Path]:
    """Write one hostile article per format into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "hostile-scrape.txt": hostile_text(),
        "hostile-note.md": hostile_markdown(),
        "hostile-page.html": hostile_html(),
    }
    paths = []
    for name, content in files.items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


SGR = re.compile(rb"\x1b\[[0-9;:]*m")
"""Select Graphic Rendition: the colour and style sequences Rich itself writes."""


def terminal_problems(raw: bytes) -> list[str]:
    """What in bytes written to a terminal could act on it, beyond styling; empty if nothing.

    For tests that capture what reader prints (`--plain` under a pty): ESC
    outside SGR, OSC, BEL, backspace, a carriage return that does not end a
    line, C1 controls and bidi overrides all count. Textual itself moves the
    cursor with escapes, so UI tests should check rendered text (a screenshot
    export or widget content) with `text_problems` instead.
    """
    bare = SGR.sub(b"", raw)
    problems = []
    if b"\x1b" in bare:
        at = bare.find(b"\x1b")
        problems.append(f"escape sequence {bare[at : at + 12]!r}")
    for byte, name in ((b"\x07", "BEL"), (b"\x08", "backspace")):
        if byte in bare:
            problems.append(name)
    if re.search(rb"\r(?!\n)", bare):
        problems.append("carriage return inside a line")
    text = bare.decode("utf-8", errors="replace")
    odd = re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", text)
    if odd:
        problems.append(f"control character U+{ord(odd.group()):04X}")
    return problems


def text_problems(text: str) -> list[str]:
    """Control characters left in text meant for the screen; empty if none."""
    return [
        f"U+{ord(c):04X}"
        for c in dict.fromkeys(
            re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
        )
    ]
