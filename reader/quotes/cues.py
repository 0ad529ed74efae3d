"""The reporting words that tie words to a speaker: "said", "told", "according to".

Kept apart from the quote finder so the lexicon can grow without touching
the logic. Two tiers: `CORE` verbs report speech on their own (so they make
an attribution even without quotation marks: "The New Yorker reported
Friday"); the wider set only counts when quoted words sit in the same
sentence ("called it a “betrayal”"), because on their own "called" and
"described" mostly mean something else.
"""

from __future__ import annotations

import re
from typing import Any, Final

_DOUBLING: Final = frozenset({"admit", "quip", "chat", "commit", "omit", "regret", "rebut"})
_IRREGULAR: Final = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "sing": ("sing", "sings", "sang", "singing", "sung"),
    "go on": ("go on", "goes on", "went on", "going on"),
    "think": ("think", "thinks", "thought", "thinking"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "cry": ("cry", "cries", "cried"),
    "reply": ("reply", "replies", "replied", "replying"),
    "speak": ("speak", "speaks", "spoke", "speaking"),
    "put it": ("put it", "puts it", "put it", "putting it"),
    "cut in": ("cut in", "cuts in", "cut in", "cutting in"),
    "find": ("find", "finds", "found", "finding"),
}

CORE_VERBS: Final = (
    "say",
    "tell",
    "add",
    "ask",
    "write",
    "tweet",
    "explain",
    "note",
    "argue",
    "warn",
    "report",
    "state",
    "claim",
    "insist",
    "declare",
    "announce",
    "acknowledge",
    "admit",
    "reiterate",
    "reply",
    "respond",
    "comment",
    "testify",
    "concede",
    "quip",
    "recall",
    "confirm",
    "stress",
    "emphasize",
    "emphasise",
    "observe",
    "remark",
    "post",
    "allege",
    "contend",
    "assert",
    "predict",
    "caution",
    "complain",
    "exclaim",
    "joke",
    "vow",
    "suggest",
    "continue",
    "point out",
    "chime in",
)
QUOTE_ONLY_VERBS: Final = (
    "call",
    "describe",
    "accuse",
    "reject",
    "urge",
    "pledge",
    "deny",
    "promise",
    "boast",
    "counter",
    "label",
    "dub",
    "brand",
    "praise",
    "criticise",
    "criticize",
    "condemn",
    "welcome",
    "slam",
    "blast",
    "mention",
    "recount",
    "whisper",
    "shout",
    "yell",
    "cry",
    "sing",
    "chant",
    "think",
    "propose",
    "recommend",
    "demand",
    "threaten",
    "agree",
    "maintain",
    "cite",
    "term",
    "characterize",
    "characterise",
    "hail",
    "dismiss",
    "question",
    "wonder",
    "muse",
    "vent",
    "lament",
    "concur",
    "plead",
    "beg",
    "advise",
    "put it",
    "interject",
    "interrupt",
    "cut in",
)
NOUN_LIKE: Final = frozenset(
    {
        "state",
        "report",
        "post",
        "note",
        "comment",
        "claim",
        "call",
        "question",
        "tweet",
        "reply",
        "cite",
        "term",
        "label",
        "brand",
        "welcome",
        "counter",
        "demand",
        "promise",
        "vow",
        "joke",
        "cry",
        "advise",
        "blast",
        "slam",
        "hail",
        "vent",
        "plead",
        "stress",
        "continue",
        "speak",
        "think",
        "sing",
        "chant",
        "dub",
        "praise",
        "muse",
        "beg",
        "shout",
        "yell",
        "remark",
        "agree",
        "maintain",
        "observe",
        "concur",
        "mention",
        "wonder",
    }
)
"""Verbs whose base and -s forms are mostly nouns or other senses ("the United States",
"a report", "terms"): only their past and -ing forms count as cues."""
VERDICT_VERBS: Final = ("rule", "conclude", "find")
"""Verbs that report a judgement only before "that": "the court ruled that …", "the study
concluded that …", but "ruled the country", "the talks concluded", "found the body"."""
PREPOSITIONAL_CUES: Final = ("according to", "per", "quoting", "in the words of")
"""Cues whose speaker follows them: "according to the ministry"."""


def verb_forms(verb: str) -> tuple[str, ...]:
    """Base, -s, -ed and -ing forms of an English reporting verb (phrasal ones too)."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    head, _, tail = verb.partition(" ")
    tail = f" {tail}" if tail else ""
    if head.endswith("e"):
        forms = (head, head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and head[-2] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head in _DOUBLING:
        forms = (head, head + "s", head + head[-1] + "ed", head + head[-1] + "ing")
    elif head.endswith(("sh", "ch", "ss", "x")):
        forms = (head, head + "es", head + "ed", head + "ing")
    else:
        forms = (head, head + "s", head + "ed", head + "ing")
    return tuple(form + tail for form in forms)


_NOT_BEFORE_TO: Final = frozenset(
    {
        "add",
        "go on",
        "continue",
        "call",
        "urge",
        "ask",
        "tell",
        "promise",
        "vow",
        "threaten",
        "agree",
        "propose",
        "beg",
    }
)
"""Verbs that stop reporting before "to": "went on to win", "added to the list", "called to
the scene", "asked to leave"."""


def _usable_forms(verbs: tuple[str, ...], before_to: bool) -> list[str]:
    forms: list[str] = []
    for verb in verbs:
        if (verb in _NOT_BEFORE_TO) == before_to:
            continue
        every = verb_forms(verb)
        forms.extend(every[2:] if verb in NOUN_LIKE else every)
    return forms


def _cue_endings(verbs: tuple[str, ...]) -> dict[str, str]:
    """Every cue form ("said", "according to") with the condition that must follow it."""
    endings = {form: rf"\b{_NOT_SPEECH}" for form in _usable_forms(verbs, before_to=True)}
    endings |= {
        form: rf"\b(?!\s+to\b){_NOT_SPEECH}" for form in _usable_forms(verbs, before_to=False)
    }
    endings |= {form: _WENT_ON_END for form in verb_forms("go on")}
    endings |= {form: r"(?=\s+that\b)" for verb in VERDICT_VERBS for form in verb_forms(verb)}
    endings |= {form: r"\b" for form in PREPOSITIONAL_CUES if form != "per"}
    endings |= {form.capitalize(): r"\b" for form in ("according to", "quoting")}
    endings |= {"per": _PER_END, "Per": _PER_END}
    return endings


def _cue_pattern(endings: dict[str, str]) -> re.Pattern[str]:
    """One prefix tree for every cue, each ending in its own condition.

    A single tree after a single `\\b` is tried once per word; separate
    alternatives for verbs, "went on" and "according to" were each tried at
    every word, which made this the costliest pattern in the finder. A word
    whose first letter begins no cue ("in", "for", names) is turned away by
    one class test before the tree's two dozen first letters are tried.
    """
    firsts = "".join(sorted({form[0] for form in endings}))
    return re.compile(rf"\b(?=[{firsts}])" + _ending_tree(endings))


def _ending_tree(endings: dict[str, str]) -> str:
    """Words as one prefix tree, each followed by its ending: `re` tries alternatives one
    by one, so a flat list of the forms would be tried form by form at every word."""
    tree: dict[str, Any] = {}
    for word, ending in endings.items():
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = ending
    return _ending_pattern(tree)


def _ending_pattern(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _ending_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if "" in node:
        branches.append(node[""])  # after the longer words: "added" before "add"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_WENT_ON_END: Final = r"(?=\s*[,:\"“]|\s+to\s+(?:say|add|note)\b)"
""""She went on: …", "he went on to say": speech; "while talks were going on": not."""
_PER_END: Final = r"(?=\s+(?:the\s+\w|an?\s+\w|[A-Z]))"

_NOT_SPEECH: Final = r"(?!\s+not\s+to\b|\s+to\s+be\b|\s+for\s+comment\b)"
"""Cue words that report nothing: "asked not to be named", "said to be", "asked for comment"."""
_CUE_ENDINGS: Final = _cue_endings(CORE_VERBS + QUOTE_ONLY_VERBS)
ANY_CUE: Final = _cue_pattern(_CUE_ENDINGS)
"""Lower-case on purpose: "State" in "Secretary of State" is no cue."""


def _words_after_first(forms: list[str]) -> dict[bytes, bytes | None]:
    """First word of each form -> the longest of the words after it, with a space on either
    side as it stands in a paragraph's letters (see `context.find_cues`); None where no other
    word is needed (a form of one word opens so, or two forms of several words do)."""
    words: dict[bytes, bytes | None] = {}
    for form in forms:
        first, *rest = form.encode("ascii").split()
        longest = max(rest, key=len, default=None)
        words[first] = None if longest is None or first in words else b" " + longest + b" "
    return words


CUE_WORDS: Final = _words_after_first(list(_CUE_ENDINGS))
"""Where `ANY_CUE` can match: the first word of a cue form, as ASCII bytes -> another word
the form needs ("according" -> b" to ", "in" -> b" words "). Every word of an `ANY_CUE`
match is a whole word of ASCII letters: each is followed by spaces, `\\b` or a look-ahead
for a space or a mark, and the first one opens at `\\b`."""
_PRESENT_FORMS: Final = [
    form for verb in CORE_VERBS + QUOTE_ONLY_VERBS for form in verb_forms(verb)[:2]
]
INVERTED_CUE: Final = re.compile(r"\b" + _ending_tree(dict.fromkeys(_PRESENT_FORMS, r"\b")))
"""Every present form, for the inverted order right after a quote ("“…,” comments X"),
where "comments" and "notes" can only be verbs."""


_CORE_TEXTS: Final = frozenset(
    [form for verb in CORE_VERBS for form in verb_forms(verb)] + list(PREPOSITIONAL_CUES)
)
"""Every form, not only those `ANY_CUE` finds: the inverted "“…,” comments X" is asked about."""


def is_core(cue: str) -> bool:
    """Whether a cue (spaces normalised, as found) reports speech on its own."""
    return cue.lower() in _CORE_TEXTS if cue[:1].isupper() else cue in _CORE_TEXTS


def is_prepositional(cue: str) -> bool:
    """Whether the speaker comes after this cue (spaces normalised, as for `is_core`):
    "according to X"."""
    return cue.lower() in PREPOSITIONAL_CUES


_UNLISTED_VERB: Final = (
    r"(?P<verb>[a-z]{2,}ed|(?:shot|fired|hit)\s+back|puts?\s+it|wrote|spoke|began|reads?|found|"
    r"(?:went|goes)\s+on|"
    + _ending_tree(dict.fromkeys(_PRESENT_FORMS, ""))
    + r")\b(?!\s+[a-z]{2,}ed\b)"
)
"""A verb, not the noun of a subject that a verb follows ("the report concluded")."""
SUBJECT_THEN_VERB: Final = re.compile(
    r"(?:(?:(?:[A-Z][\w.’'-]*|of|the|de|van|von|al)\s+){1,5}?"
    r"|(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\s+"
    r"|(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){1,6}?"
    r")(?:[a-z]+ly\s+)?" + _UNLISTED_VERB
)
"""Right after a quote that ends in a comma, "?" or "!", a subject and then a verb are its
attribution, whatever the verb ("“…,” Kim fumed", "“…?” the senator pressed"): the
position says what the lexicon does not know. Past and reporting present forms only."""


VERB_THEN_SPEAKER: Final = re.compile(r"(?:[a-z]{3,}ed|reads?)(?=\s+(?:[A-Z][a-z]|the\s|an?\s))")
"""The inverted order of the same: "“…!” beamed Clara Oduya"."""


def unlisted_cue(match: re.Match[str]) -> tuple[int, int]:
    """Where the verb of a `SUBJECT_THEN_VERB` match stands."""
    return match.span("verb")


_LISTENER_VERBS: Final = (
    "tell",
    "ask",
    "urge",
    "assure",
    "remind",
    "warn",
    "inform",
    "thank",
    "interrupt",
)
_LISTENER_FORMS: Final = frozenset(form for verb in _LISTENER_VERBS for form in verb_forms(verb))


def takes_listener(cue: str) -> bool:
    """Whether the phrase after this cue is who was spoken to, not who spoke, unless the cue
    comes right after the quote: "X, who met them, told her supporters", but "“…?” asked X"."""
    return cue.lower() in _LISTENER_FORMS
