"""What every dialog looks like: a framed box in the middle of the screen, each its own size.

A dialog's rules are its `DEFAULT_CSS`, made here: Textual parses them when the dialog is
first opened, not with reader.tcss at every start.
"""

from __future__ import annotations


def dialog_css(screen: str, box: str, rules: str) -> str:
    """The rules of the dialog `screen` whose box has the id `box`, then its own `rules`."""
    return f"""
{screen} {{
    align: center middle;
}}
#{box} {{
    width: 90%;
    max-width: 100;
    padding: 1 2;
    border: thick $primary;
    background: $surface;
}}
{rules}
"""
