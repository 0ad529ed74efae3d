"""Direct quotes and attributions in cleaned paragraphs. (First version: marks only.)"""

from __future__ import annotations

import re

from reader.model import Attribution, Quote

_QUOTED = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")


def find_quotes(paragraphs: list[str]) -> tuple[list[Quote], list[Attribution]]:
    """Find quotes and who said them, paragraph by paragraph."""
    quotes = [
        Quote(m.group(1), None, None, index, m.start(1), m.end(1))
        for index, paragraph in enumerate(paragraphs)
        for m in _QUOTED.finditer(paragraph)
    ]
    return quotes, []
