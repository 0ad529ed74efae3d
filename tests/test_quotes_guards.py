"""Cheap tests that let the quote finder skip a costly pattern must never change an answer.

Each guard below says "this pattern cannot match here" from a plain string test; these
tests compare the guarded function with the bare pattern on generated text full of the
cases that could fool a string test (case folding, odd whitespace, words cut short), and
check the sentences a reader would see handled the same way.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.quotes import find_quotes
from reader.quotes.context import _ABBREVIATION, after_abbreviation, find_cues
from reader.quotes.cues import ANY_CUE
from reader.quotes.find import (
    _ALWAYS_SPEECH,
    _CAPITALS,
    _IN_LABEL,
    _LABEL,
    _NEGATED,
    _negated,
)
from reader.quotes.names import (
    _DETERMINER_ENDS,
    _DETERMINER_TAILS,
    _HE_OR_SHE,
    _OPENING_FUNCTION_WORDS,
    FUNCTION_WORDS,
    name_runs,
    opens_sentence,
)
from reader.quotes.resolution import _ARTICLE
from reader.quotes.subjects import (
    _CONTRACTED_PRONOUN,
    _DESCRIPTOR_CUT,
    _LEADING_FILLER,
    _PREPOSITION_FIRSTS,
    _PREPOSITION_START,
    _SEPARATOR,
    _SUBORDINATE_WORD,
    _VERB_AFTER_NOUN,
    _leading_filler_end,
    _segments,
)

_PIECES = [
    "However",
    "however",
    "HOWEVER",
    "in which",
    "In which",
    "İn which",
    "ſo",
    "so",
    "Critically",
    "meanwhile",
    "and",
    "andrew",
    "not",
    "never",
    "didn’t",
    "can't",
    "nevertheless",
    "the",
    "Ana Ruiz",
    "said",
    "quickly",
    " ",
    "  ",
    "\t",
    "\x1c",
    "\xa0",
    ",",
    ";",
    ":",
    "—",
    "–",
    "-",
    " -- ",
    "(",
    ")",
    "é",
]
_PIECE_LISTS = st.lists(st.sampled_from(_PIECES), max_size=12)


@st.composite
def _texts_and_bounds(draw: st.DrawFn) -> tuple[str, int, int]:
    """A text of pieces, and bounds that mostly fall where pieces meet (where words start)."""
    pieces = draw(_PIECE_LISTS)
    text = "".join(pieces)
    starts = [sum(len(piece) for piece in pieces[:n]) for n in range(len(pieces) + 1)]
    lo = draw(st.sampled_from(starts) | st.integers(0, len(text)))
    hi = draw(
        st.sampled_from([end for end in starts if end >= lo] or [lo]) | st.integers(lo, len(text))
    )
    return text, lo, hi


@settings(max_examples=1000, deadline=None)
@given(_texts_and_bounds())
@example(("\x1cHowever, Ana Ruiz", 0, 18))
@example(("Critically, Ana Ruiz", 0, 20))
@example(("\xa0so Ana Ruiz", 0, 14))
@example(("İn which Ana Ruiz", 0, 17))
@example(("ſo Ana Ruiz", 0, 11))
def test_leading_filler_guard_agrees_with_the_pattern(bounds: tuple[str, int, int]) -> None:
    text, lo, hi = bounds
    match = _LEADING_FILLER.match(text, lo, hi)
    assert _leading_filler_end(text, lo, hi) == (match.end() if match else None)


@settings(max_examples=1000, deadline=None)
@given(_texts_and_bounds())
def test_segments_are_what_the_pattern_gives(bounds: tuple[str, int, int]) -> None:
    text, lo, hi = bounds
    parts, at = [], lo
    for match in _SEPARATOR.finditer(text, lo, hi):
        parts.append((at, match.start()))
        at = match.end()
    parts.append((at, hi))
    pieces = []
    for start, end in parts:
        found = text.find(" -- ", start, end)
        while found >= 0:
            pieces.append((start, found))
            start = found + 4
            found = text.find(" -- ", start, end)
        pieces.append((start, end))
    assert _segments(text, lo, hi) == pieces


@settings(max_examples=1000, deadline=None)
@given(_texts_and_bounds())
@example(("He did not said", 0, 11))
@example(("He never  said", 0, 10))
@example(("She didn’t said", 0, 11))
def test_negation_guard_agrees_with_the_pattern(bounds: tuple[str, int, int]) -> None:
    text, _lo, start = bounds
    found = _NEGATED.search(text, max(0, start - 24), start)
    assert _negated(text, start) is bool(found)


def test_a_clause_opening_with_however_still_names_its_speaker() -> None:
    quotes = find_quotes(["However, Ana Ruiz said: “We will appeal the ruling.”"])[0]
    assert [(q.text, q.who) for q in quotes] == [("We will appeal the ruling.", "Ana Ruiz")]


def test_what_was_not_said_is_no_attribution() -> None:
    _quotes, attributions, _inner = find_quotes(
        ["Ana Ruiz did not say whether she would run again. Tom Marsh said he would."]
    )
    assert [a.source for a in attributions] == ["Tom Marsh"]


_PRONOUN_PIECES = [
    "he",
    "He",
    "HE",
    "him",
    "Himself",
    "his",
    "hİs",
    "hıs",
    "she",
    "ſhe",
    "SHE",
    "her",
    "hers",
    "herſelf",
    "the",
    "heir",
    "shed",
    "Ana",
    "_",
    "2",
    "’",
    " ",
    ".",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PRONOUN_PIECES), max_size=10).map("".join))
def test_the_pronoun_pattern_reads_as_the_case_blind_one(text: str) -> None:
    plain = re.compile(r"\b(?:(he|him|his|himself)|she|her|hers|herself)\b", re.I)
    expected = plain.search(text)
    found = _HE_OR_SHE.search(text)
    assert (found and (found.span(), bool(found.group(1)))) == (
        expected and (expected.span(), bool(expected.group(1)))
    )


def test_a_pronoun_in_capitals_still_gives_the_speaker_a_gender() -> None:
    paragraphs = [
        "Ana Ruiz and Tom Marsh met on Friday.",
        "Ruiz spoke first. SHE WAS FURIOUS, aides said.",
        "“We will appeal,” she said.",
    ]
    assert [q.who for q in find_quotes(paragraphs)[0]] == ["Ana Ruiz"]


_PHRASE_PIECES = [
    "the",
    "The",
    "a",
    "an",
    "A",
    "tan",
    "than",
    "who",
    "whose",
    "with",
    "in a statement",
    "official",
    "posts",
    "goes",
    "as",
    "by",
    "quietwren",
    " ",
    "  ",
    "\t",
    "\xa0",
    "\n",
    "_",
    "é",
    ",",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_PIECES), max_size=12).map("".join))
def test_patterns_opening_with_a_class_find_what_the_plain_ones_find(text: str) -> None:
    article = re.compile(r"\b(?:the|a|an)\s+")
    assert [m.span() for m in _ARTICLE.finditer(text)] == [m.span() for m in article.finditer(text)]
    cut = re.compile(_DESCRIPTOR_CUT.pattern.replace(r"\s\s*", r"\s+", 1), re.S)
    expected = cut.search(text)
    found = _DESCRIPTOR_CUT.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_handle_is_still_the_name_of_a_described_speaker() -> None:
    paragraphs = ["A user who goes by quietwren wrote: “It was a setup.”"]
    assert [(q.text, q.who) for q in find_quotes(paragraphs)[0]] == [
        ("It was a setup.", "quietwren")
    ]


_CUE_PIECES = [
    "said",
    "Said",
    "says",
    "told",
    "asked",
    "to",
    "be",
    "not",
    "for",
    "comment",
    "according",
    "According",
    "in",
    "the",
    "words",
    "of",
    "went",
    "on",
    "point",
    "out",
    "per",
    "Per",
    "Ana",
    "a",
    "call",
    "calling",
    " ",
    "  ",
    "\t",
    "\n",
    "\xa0",
    "\u2009",
    "\x1c",
    "é",
    "İ",
    "_",
    "2",
    "’",
    "-",
    ",",
    ":",
    "“",
    '"',
    "▒",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=14).map("".join))
@example("saidé said_ said2 2said ésaid")
@example("according\xa0to, in  the\twords of Ana, went on: per the")
@example("▒▒said▒▒ told▒ asked\u2009to be")
@example("😀 said 𝐀 said said😀 told, per\u3000the in the words\u2028of")
def test_cues_are_found_where_the_pattern_finds_them(text: str) -> None:
    assert [m.span() for m in find_cues(text)] == [m.span() for m in ANY_CUE.finditer(text)]


def test_a_cue_beside_letters_that_are_not_ascii_is_still_a_cue() -> None:
    paragraphs = ["“We will appeal,” said\xa0José Álvarez, according\xa0to Reuters."]
    quotes, attributions, _inner = find_quotes(paragraphs)
    assert [(q.text, q.who) for q in quotes] == [("We will appeal,", "José Álvarez")]
    assert [a.cue for a in attributions][:1] == ["said"]


_DETERMINER_PIECES = [
    "the",
    "The",
    "a",
    "A",
    "an",
    "An",
    "e",
    "he",
    "n",
    " ",
    "  ",
    "\t",
    "İ",
    "Ana",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_DETERMINER_PIECES), max_size=8).map("".join), st.integers(0, 40))
def test_the_determiner_guard_never_rules_out_a_determiner(text: str, start: int) -> None:
    start = min(start, len(text))
    if text.endswith(_DETERMINER_ENDS, max(0, start - 4), start):
        assert text[start - 2 : start] in _DETERMINER_TAILS


def test_function_words_opening_a_sentence_are_function_words() -> None:
    assert {word.lower() for word in _OPENING_FUNCTION_WORDS} <= FUNCTION_WORDS
    assert {"The", "But", "I", "However"} <= _OPENING_FUNCTION_WORDS


def test_capitalised_function_words_are_no_names_but_may_can_be() -> None:
    text = "But The Pentagon said. I think May will go. THE END"
    assert [(start, end, words) for start, end, words in name_runs(text)] == [
        (8, 16, ["Pentagon"]),
        (31, 34, ["May"]),
        (48, 51, ["END"]),
    ]


_SUBORDINATE_PIECES = [
    "that",
    "That",
    "when",
    "while",
    "whereas",
    "because",
    "though",
    "thought",
    "ecause",
    "hen",
    "t",
    "w",
    "b",
    "é",
    "_",
    "7",
    "’",
    "-",
    " ",
    "\n",
    "\xa0",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_SUBORDINATE_PIECES), max_size=10).map("".join))
def test_the_subordinate_word_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    plain = re.compile(r"\b(?:that|when|while|because|though|whereas)\b")
    expected = plain.search(text)
    found = _SUBORDINATE_WORD.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_speaker_inside_a_clause_opened_by_when_is_still_found() -> None:
    paragraphs = ["The room went quiet when a spokesman for the council said: “We are done.”"]
    assert [q.who for q in find_quotes(paragraphs)[0]] == ["a spokesman for the council"]


def test_a_name_after_any_sentence_end_opens_its_sentence() -> None:
    """`opens_sentence` looks for the rarer ends ("? ", "! ", a closing mark) only where they
    stand; each still ends the sentence before the name."""
    for head in (
        "She asked whether the plan was fair? ",
        "She said the plan was unfair! ",
        "She said the plan was “unfair” ",
        'She said the plan was "unfair" ',
    ):
        text = head + "Ana Ruiz said no."
        assert opens_sentence(text, len(head)), head
    assert not opens_sentence("She said the plan was unfair to Ana Ruiz.", 32)


_STOP_PIECES = [
    "Mr",
    "Sept",
    "Corp",
    "vs",
    "U",
    "S",
    "e",
    "g",
    "said",
    "İ",
    "é",
    "_",
    "3",
    ".",
    " ",
    "\n",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_STOP_PIECES), max_size=8).map("".join), st.integers(0, 40))
def test_the_abbreviation_guard_agrees_with_the_pattern(text: str, lo: int) -> None:
    text += "."
    stop = len(text) - 1
    lo = min(lo, stop)
    expected = _ABBREVIATION.search(text[max(lo, stop - 6) : stop + 1]) is not None
    assert after_abbreviation(text, lo, stop) is expected


_OPENING_PIECES = [
    "about",
    "Of",
    "FOR",
    "into",
    "İn",
    "ın",
    "by",
    "than",
    "towards",
    "he",
    "she’d",
    "They'll",
    "it",
    "PENCE",
    "J.D.",
    "-",
    "’",
    "'",
    ":",
    "said",
    "says",
    "according to",
    "per",
    "read",
    "put it",
    "summed up",
    "noted",
    "the",
    " ",
    "\t",
    "\xa0",
    "é",
    "K",
    "ſ",
]
_OPENINGS = st.lists(st.sampled_from(_OPENING_PIECES), max_size=8).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_OPENINGS)
def test_first_character_guards_never_rule_out_a_match(text: str) -> None:
    if _PREPOSITION_START.match(text):
        assert text[:1] in _PREPOSITION_FIRSTS
    if _LABEL.match(text):
        assert text[:1] in _CAPITALS and text[1:2] in _IN_LABEL
    if _CONTRACTED_PRONOUN.fullmatch(text):
        assert "’" in text or "'" in text
    if _ALWAYS_SPEECH.match(text):
        assert text[:1] in "stap"
    if _VERB_AFTER_NOUN.search(text):
        assert "ed" in text or "read" in text or "put" in text


def test_a_transcript_label_still_names_the_speaker() -> None:
    paragraphs = [
        "Chris Wallace moderated the debate with Ana Ruiz.",
        "“RUIZ: We will not sign this agreement.”",
        "“WALLACE: Why not? You said you would.”",
    ]
    assert [q.who for q in find_quotes(paragraphs)[0]] == ["Ana Ruiz", "Chris Wallace"]
