"""Styles for article parts, derived from the current Textual theme.

Quotes get a tinted background rather than a coloured foreground, so the
words keep the theme's own text colour and stay readable in light and dark
themes alike; attributions and speakers take the accent colour, darkened on
light themes and lightened on dark ones for contrast.
"""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

from reader.render import Palette


def palette_for(theme: Theme) -> Palette:
    """The article palette for one theme."""
    background = Color.parse(theme.background or ("#1e1e1e" if theme.dark else "#ffffff"))
    success = Color.parse(theme.success or "#4EBF71")
    accent = Color.parse(theme.accent or theme.primary)
    warning = Color.parse(theme.warning or "#ffa62b")
    if theme.dark:
        accent_text = accent.lighten(0.15)
        quote_bg = background.blend(success, 0.22)
        chosen_bg = background.blend(warning, 0.35)
        current_bg = background.blend(success, 0.5)
    else:
        accent_text = accent.darken(0.3)
        quote_bg = background.blend(success, 0.18)
        chosen_bg = background.blend(warning, 0.35)
        current_bg = background.blend(success, 0.45)
    accent_hex = accent_text.hex
    return Palette(
        title="bold",
        byline="italic",
        meta="dim",
        heading="bold underline",
        summary="",
        quote=f"on {quote_bg.hex}",
        attribution=f"{accent_hex}",
        speaker=f"bold {accent_hex}",
        current_quote=f"bold on {current_bg.hex}",
        chosen_quote=f"on {chosen_bg.hex}",
    )
