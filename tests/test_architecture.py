"""The import rules of docs/architecture.md hold for every module of reader/.

The table in the document is the rule: a part may import only the parts in its
row. Imports inside functions count too, since a lazy import is still a
dependency. A module that belongs to no row fails, so the document cannot fall
behind the code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reader"
DOC = ROOT / "docs" / "architecture.md"
_ROW = re.compile(r"^\| `([\w_]+)` \|([^|]*)\|\s*$")
_NAMES = re.compile(r"`([\w_]+)`")


def _rules() -> dict[str, set[str]]:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("## Which part may import which", 1)[1]
    rules: dict[str, set[str]] = {}
    for line in table.splitlines():
        match = _ROW.match(line)
        if match:
            rules[match.group(1)] = set(_NAMES.findall(match.group(2)))
    return rules


def _third_party(library: str) -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"^{library} may be imported by: (.*)$", text, re.M)
    assert match, f"docs/architecture.md should say who may import {library}"
    return set(_NAMES.findall(match.group(1)))


def _part_of(module: str) -> str:
    """`reader.quotes.find` -> `quotes`; `reader` itself -> `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, at any depth, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "reader":  # `from reader import clean` names a part; else __init__
                found += [(node.lineno, _from_package(alias.name)) for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def _from_package(name: str) -> str:
    is_part = (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()
    return f"reader.{name}" if is_part else "reader"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_document_has_a_row_for_every_part_of_the_package() -> None:
    rules = _rules()
    parts = {
        _part_of(".".join(("reader", *p.relative_to(PACKAGE).with_suffix("").parts)))
        for p in _modules()
    }
    missing = parts - rules.keys()
    assert not missing, f"add a row to docs/architecture.md for: {sorted(missing)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_import_follows_the_table(path: Path) -> None:
    rules = _rules()
    textual, rich = _third_party("Textual"), _third_party("Rich")
    module = ".".join(("reader", *path.relative_to(PACKAGE).with_suffix("").parts))
    own = _part_of(module)
    wrong = []
    for line, name in _imports(path):
        top = name.split(".")[0]
        if top == "reader":
            other = _part_of(name)
            if other != own and other not in rules.get(own, set()):
                wrong.append(f"line {line}: {name} ({own} may not import {other})")
        elif top == "textual" and own not in textual:
            wrong.append(f"line {line}: {name} (only {sorted(textual)} may import Textual)")
        elif top == "rich" and own not in rich:
            wrong.append(f"line {line}: {name} (only {sorted(rich)} may import Rich)")
    assert not wrong, "\n".join(wrong)


def test_a_forbidden_import_is_caught(tmp_path: Path) -> None:
    """The checker itself: the quote finder importing the app would be reported."""
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from reader.ui.app import ReaderApp\n", encoding="utf-8")
    assert _imports(module) == [(2, "reader.ui.app")]
    assert "ui" not in _rules()["quotes"]
