"""Key bindings as the user has them: the one source for the footer, `?` and the palette.

Every key is written once, in the `BINDINGS` of the app, screen or widget where it
means something. The user's `[keys]` table remaps bindings by id; the footer learns the
result from Textual, and help and palette read it from here, so all three agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from textual.app import App
from textual.binding import Binding, BindingType

TEXTUAL_KEYS: tuple[Binding, ...] = (
    Binding("tab", "", "Next pane"),
    Binding("shift+tab", "", "Previous pane"),
    Binding("ctrl+p", "", "Command palette"),
)
"""Keys Textual itself gives every app, listed in help beside ours."""


class KeyRow(NamedTuple):
    """One line of help: every key bound to one action, and what it does."""

    keys: str
    description: str
    action: str


def bindings_of(bindings: Iterable[BindingType]) -> list[Binding]:
    """The `Binding`s of a `BINDINGS` list (Textual also allows tuples there)."""
    return [binding for binding in bindings if isinstance(binding, Binding)]


def effective_keys(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys a binding answers to after the user's keymap, comma-separated."""
    if binding.id and binding.id in keymap:
        return keymap[binding.id]
    return binding.key


def key_display(app: App[Any], keys: str) -> str:
    """Keys as the footer shows them ("^q", "⏎", "pgdn"), for help and palette too."""
    return ", ".join(app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))


def help_rows(
    app: App[Any], bindings: Sequence[Binding], keymap: Mapping[str, str]
) -> list[KeyRow]:
    """One row per action, with all its keys, in the order the bindings are written."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        if not binding.description:
            continue
        keys = rows.setdefault((binding.action, binding.description), [])
        for key in effective_keys(binding, keymap).split(","):
            if key.strip() not in keys:
                keys.append(key.strip())
    return [
        KeyRow(key_display(app, ",".join(keys)), description, action)
        for (action, description), keys in rows.items()
    ]


def binding_ids(groups: Iterable[Iterable[BindingType]]) -> set[str]:
    """The ids a `[keys]` table may name."""
    return {binding.id for group in groups for binding in bindings_of(group) if binding.id}


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def is_key_name(key: str) -> bool:
    """Whether Textual can ever report this key (`q`, `ctrl+q`, `question_mark`, `slash`, `f5`).

    A `[keys]` entry naming anything else (`nonexistentkey`, a typo) would leave its
    binding answering to nothing, so the app refuses it and keeps the default.
    """
    from textual import keys

    *modifiers, base = key.strip().split("+")
    if not base or not _MODIFIERS.issuperset(modifiers):
        return False
    named = {member.value.rpartition("+")[2] for member in keys.Keys}
    named |= set(keys.KEY_NAME_REPLACEMENTS.values()) | set(keys.ASCII_KEY_NAMES.values())
    named |= {alias.rpartition("+")[2] for alias in keys.KEY_ALIASES}
    return base in named or keys.key_to_character(base) is not None
