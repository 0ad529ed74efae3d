"""MathML formulas as readable text: "f = 1/(2π) √(k/m)" rather than nothing.

A formula is part of the sentence it sits in; dropping it leaves "is given by
, where". The page's own text version (the `alttext` attribute) is used when
there is one; otherwise the presentation markup is read out in order, with
fractions, roots and scripts written the way people type them.
"""

from __future__ import annotations

from reader.clean.html_tree import NOT_XML, HtmlElement, all_text

_SPACED_OPERATORS = frozenset("=<>≤≥≈≠≡∼→←↔⇒⇔±+−-×·∈∉⊂⊆∪∩")
"""Operators written with a space either side, as in running text."""
_NOT_SHOWN = frozenset(("annotation", "annotation-xml", "none", "mprescripts"))
MAX_DEPTH = 50
"""Nesting deeper than any real formula: the rest is read as plain text."""


def formulas_as_text(root: HtmlElement) -> None:
    """Replace every `<math>` under `root` by a `<span>` (a `<div>` when displayed as a block)
    holding the formula as text."""
    for math in list(root.iter("math")):
        if math.getparent() is None or any(True for _ in math.iterancestors("math")):
            continue
        text = " ".join((math.get("alttext") or "").split()) or _read(math, 0).strip()
        text = NOT_XML.sub("", text)  # a character reference to a control character
        tail, block = math.tail, math.get("display") == "block"
        math.clear()
        math.tag = "div" if block else "span"
        math.text = text
        math.tail = tail


def _read(el: HtmlElement, depth: int) -> str:
    """The formula under `el` as a line of text."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _NOT_SHOWN or not tag:
        return ""
    if depth > MAX_DEPTH:
        return " ".join(all_text(el).split())
    parts = [_read(child, depth + 1) for child in el if isinstance(child.tag, str)]
    if tag in ("mi", "mn", "mtext", "ms", "mo") or not parts:
        text = " ".join(all_text(el).split())
        if tag == "mo" and text in _SPACED_OPERATORS:
            return f" {text} "
        return text
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0])}/{_grouped(parts[1])}"
    if tag == "msqrt":
        return f"√{_grouped(''.join(parts))}"
    if tag == "mroot" and len(parts) == 2:
        return f"{_grouped(parts[1])}√{_grouped(parts[0])}"
    if tag == "msup" and len(parts) == 2:
        return f"{parts[0]}^{_grouped(parts[1])}"
    if tag == "msub" and len(parts) == 2:
        return f"{parts[0]}_{_grouped(parts[1])}"
    if tag == "msubsup" and len(parts) == 3:
        return f"{parts[0]}_{_grouped(parts[1])}^{_grouped(parts[2])}"
    if tag == "mtr":
        return ", ".join(part.strip() for part in parts if part.strip())
    if tag == "mtable":
        return "; ".join(part.strip() for part in parts if part.strip())
    if tag == "semantics":
        return parts[0]
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    """Parts of a row side by side; a fraction or root followed by more gets a space."""
    out = ""
    for part in parts:
        if not out and part.strip() in _SPACED_OPERATORS:
            part = part.strip()  # a sign, not an operator between two terms
        if out and not out.endswith(" ") and not part.startswith(" ") and out[-1] == ")":
            out += " "
        out += part
    return out


def _grouped(text: str) -> str:
    """`text` in brackets unless it is a single symbol or already bracketed."""
    text = " ".join(text.split())
    if len(text) <= 1 or (text.startswith("(") and text.endswith(")") and text.count("(") == 1):
        return text
    return f"({text})"
