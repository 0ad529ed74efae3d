"""Lists read as lists and code keeps its lines, from HTML and Markdown to every output."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from reader.clean.html import clean_html
from reader.clean.markdown import clean_markdown
from reader.export import to_markdown
from reader.render import article_block
from reader.ui.app import ReaderApp
from reader.ui.reading_pane import ReadingPane
from tests.waiting import until

LEAD = (
    "The canal trust has published its winter plan for the Millbrook flight, and boaters "
    "who moor along the top pound will want to read it before the stoppages begin."
)
AFTER = (
    "The trust says the plan may change if the weather turns, and it will post any change "
    "on the notice boards at each lock a week in advance."
)
LONG_ITEM = (
    "Lock 4 closes from the second week of January while both lower gates are replaced "
    "and the chamber walls are repointed"
)


def page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Winter plan</title></head>"
        f"<body><article><h1>Winter plan</h1>{body}</article></body></html>"
    )


def test_html_list_items_start_with_a_bullet_once_each() -> None:
    html = page(
        f"<p>{LEAD}</p><ul><li>{LONG_ITEM}</li><li><p>Lock 6 reopens in March.</p>"
        "<p>Its bywash stays closed.</p></li></ul>"
        f"<ol><li>Moor above lock 1.</li><li>• Ring the office first.</li></ol><p>{AFTER}</p>"
    )
    assert clean_html(html, "plan.html").paragraphs == [
        LEAD,
        "• " + LONG_ITEM,
        "• Lock 6 reopens in March.",
        "Its bywash stays closed.",  # a second paragraph of the same item: no new bullet
        "• Moor above lock 1.",
        "• Ring the office first.",  # writes its own bullet: not two
        AFTER,
    ]


def test_html_code_keeps_its_lines_and_indentation() -> None:
    code = "\tdef depth(gauge):\n\t    return gauge.reading - 2\n\n\tprint(depth(top))\n"
    html = page(f"<p>{LEAD}</p><pre><code>{code}</code></pre><p>{AFTER}</p>")
    paragraphs = clean_html(html, "plan.html").paragraphs
    assert paragraphs == [
        LEAD,
        "def depth(gauge):\n    return gauge.reading - 2\n\nprint(depth(top))",
        AFTER,
    ]


def test_code_keeps_its_lines_when_the_page_holds_an_escape_reference() -> None:
    """A reference such as "&#x1b;" decodes to a control the cleaner must remove; removing
    it must not squash the page's code onto one line."""
    code = "if level &gt; 2:\n    close(lock)&#x1b;[2J\n"
    html = page(f"<p>{LEAD}</p><pre>{code}</pre><p>{AFTER}</p>")
    paragraphs = clean_html(html, "plan.html").paragraphs
    assert paragraphs[1] == "if level > 2:\n    close(lock)[2J"
    assert "\x1b" not in "".join(paragraphs)


def test_markdown_lists_keep_their_markers_and_a_fence_is_one_paragraph() -> None:
    note = (
        "# Winter plan\n\nWhat closes:\n\n- Lock 4\n* Lock 6\n\n1. Moor above lock 1\n"
        "2) Ring the office\n\n````\nSome text with a fence inside:\n```\n  indented\n````\n\n"
        "After the code.\n"
    )
    article = clean_markdown(note, "plan.md")
    assert article.paragraphs == [
        "What closes:",
        "• Lock 4",
        "• Lock 6",
        "1. Moor above lock 1",
        "2. Ring the office",
        "Some text with a fence inside:\n```\n  indented",
        "After the code.",
    ]


def test_export_writes_a_markdown_list_and_a_fence_and_loads_back_the_same() -> None:
    article = clean_html(
        page(
            f"<p>{LEAD}</p><ul><li>{LONG_ITEM}</li></ul><pre>x = 1\n```\ny = 2</pre><p>{AFTER}</p>"
        ),
        "plan.html",
    )
    exported = to_markdown(article)
    assert "\n- " + LONG_ITEM + "\n" in exported
    assert "\n````\nx = 1\n```\ny = 2\n````\n" in exported
    again = clean_markdown(exported, "plan.md")
    assert again.paragraphs == article.paragraphs


def test_a_list_item_that_wraps_hangs_under_its_own_text_in_plain_output() -> None:
    article = clean_html(page(f"<p>{LEAD}</p><ul><li>{LONG_ITEM}</li></ul>"), "plan.html")
    console = Console(width=40, record=True, color_system=None)
    console.print(article_block(article))
    lines = console.export_text().splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("• Lock 4"))
    assert lines[first + 1].startswith("  ") and lines[first + 1][2] != " "


async def test_a_list_item_that_wraps_hangs_in_the_reading_pane(tmp_path: Path) -> None:
    note = tmp_path / "plan.md"
    note.write_text(
        f"# Winter plan\n\n{LEAD}\n\n- {LONG_ITEM}\n- Lock 6\n\n```\nx = 1\n  y = 2\n```\n",
        encoding="utf-8",
    )
    app = ReaderApp([str(note)])
    async with app.run_test(size=(60, 20)) as pilot:
        await app.wait_until_loaded()
        await pilot.press("enter")
        pane = app.query_one(ReadingPane)
        await until(pilot, lambda: len(pane.paragraph_widgets) == 4)
        item = pane.paragraph_widgets[1]
        await until(pilot, lambda: item.size.height > 1)
        lines = [strip.text.rstrip() for strip in item.render_lines(item.size.region)]
        assert lines[0].lstrip().startswith("• Lock 4")
        indent = lines[0].index("•") + 2
        assert lines[1][:indent].strip() == "" and lines[1][indent] != " "
        code = pane.paragraph_widgets[3]
        assert code.has_class("preformatted")
        shown = [strip.text.strip() for strip in code.render_lines(code.size.region)]
        assert [line for line in shown if line] == ["x = 1", "y = 2"]
