"""The bundled sample articles, cleaned, must match what a careful human editor extracts.

Each sample in `reader/sample_articles/` has a hand-written expectation in
`tests/expected/<file name>.json`. The expectations describe the right answer, not what
the cleaners produce today: when one of these fails, the cleaner is wrong, not the
expectation. Quote spans and speakers are tested by the quote finder's own tests; here
only the metadata, the key points and the edges of the body are checked, plus that no
page furniture (ads, share prompts, newsletter boxes) survives into the body.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from reader.clean import load
from reader.clean.common import squash
from reader.clean.sniff import sniff_format
from reader.files import SNIFF_BYTES
from reader.library import bundled_samples
from reader.model import Article

SAMPLES_DIR = bundled_samples()
EXPECTED_DIR = Path(__file__).parent / "expected"
SAMPLES = sorted(p.name for p in SAMPLES_DIR.iterdir() if p.is_file())

BOILERPLATE = re.compile(
    r"""^(?:
        advertisement | ad | sponsored(?:\ content)?
      | read\ more(?:\ articles\ on)?.* | related(?:\ (?:articles|stories|content))?
      | more\ on\ this\ story | recommended(?:\ for\ you)?
      | share(?:\ this)?(?:\ (?:article|story|page|on\ \w+))? | copy\ link | tweet
      | facebook | x | twitter | linkedin | whatsapp | reddit | email | print | save
      | most\ (?:read|popular) | you\ may\ also\ like | more\ from\ .{1,30}
      | sign\ (?:up|in)\b.* | subscribe\b.* | log\ in | newsletter(?:\ sign-up)?
      | (?:get|join)\ .*newsletter.* | enter\ your\ email.* | email\ address
      | follow\ us.* | comments?(?:\ \(\d+\))? | have\ your\ say | leave\ a\ comment
      | (?:we\ use\ )?cookies?\b.* | accept(?:\ all)?(?:\ cookies)? | privacy(?:\ policy|\ notice)?
      | terms(?:\ (?:of\ use|and\ conditions))? | contact(?:\ us)? | about(?:\ us)?
      | skip\ to\ (?:main\ )?content | menu | search | home
      | ©.* | copyright\ (?:©\ ?)?\d{4}.*
      | (?:photo(?:graph)?|image|picture)(?:\ credit)?\s*:.* | getty\ images
    )[.!:]?$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Whole short paragraphs that are page furniture, never story text."""
FURNITURE_MAX_CHARS = 100
MARKDOWN_EMPHASIS = re.compile(r"\*\*|\*|__")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


@cache
def expected(name: str) -> dict:
    return json.loads((EXPECTED_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def cleaned(name: str) -> Article:
    return load(SAMPLES_DIR / name)


def date_part(published: str | None) -> str | None:
    """The expectations give dates only; cleaners may add the time of day."""
    return published[:10] if published else None


def test_there_are_enough_samples_in_every_format() -> None:
    formats = {
        name: sniff_format((SAMPLES_DIR / name).read_bytes()[:SNIFF_BYTES], name)
        for name in SAMPLES
    }
    assert len(SAMPLES) >= 12
    assert set(formats.values()) == {"html", "text", "markdown"}, formats


def test_every_sample_has_an_expectation_and_every_expectation_a_sample() -> None:
    expectations = sorted(p.name.removesuffix(".json") for p in EXPECTED_DIR.glob("*.json"))
    assert expectations == SAMPLES


@pytest.mark.parametrize("name", SAMPLES)
def test_expectation_is_well_formed(name: str) -> None:
    exp = expected(name)
    assert exp["title"].strip()
    assert all(isinstance(a, str) and a.strip() for a in exp["authors"])
    assert exp["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", exp["published"])
    assert exp["first_paragraph"] and exp["last_paragraph"]
    assert all(set(q) == {"text", "speaker"} for q in exp["quotes"])


@pytest.mark.parametrize("name", SAMPLES)
def test_expected_text_is_in_the_sample_itself(name: str) -> None:
    """Guards the expectations against typos: the editor copied, never retyped."""
    raw = (SAMPLES_DIR / name).read_bytes()
    text = raw.decode("utf-8")
    fmt = sniff_format(raw[:SNIFF_BYTES], name)
    if fmt == "html":
        text = BeautifulSoup(text, "lxml").get_text("")
    elif fmt == "markdown":
        text = MARKDOWN_LINK.sub(r"\1", MARKDOWN_EMPHASIS.sub("", text))
    flat = squash(text)
    exp = expected(name)
    wanted = [
        exp["title"],
        exp["first_paragraph"],
        exp["last_paragraph"],
        *exp["summary"],
        *(q["text"] for q in exp["quotes"]),
        *exp["not_quotes"],
    ]
    assert [w for w in wanted if squash(w) not in flat] == []


@pytest.mark.parametrize("name", SAMPLES)
def test_title(name: str) -> None:
    assert cleaned(name).title == expected(name)["title"]


@pytest.mark.parametrize("name", SAMPLES)
def test_authors(name: str) -> None:
    assert cleaned(name).authors == expected(name)["authors"]


@pytest.mark.parametrize("name", SAMPLES)
def test_section(name: str) -> None:
    assert cleaned(name).section == expected(name)["section"]


@pytest.mark.parametrize("name", SAMPLES)
def test_published_date(name: str) -> None:
    assert date_part(cleaned(name).published) == expected(name)["published"]


@pytest.mark.parametrize("name", SAMPLES)
def test_summary(name: str) -> None:
    assert cleaned(name).summary == expected(name)["summary"]


@pytest.mark.parametrize("name", SAMPLES)
def test_first_paragraph(name: str) -> None:
    paragraphs = cleaned(name).paragraphs
    assert paragraphs, "no body paragraphs"
    assert paragraphs[0] == expected(name)["first_paragraph"]


@pytest.mark.parametrize("name", SAMPLES)
def test_last_paragraph(name: str) -> None:
    paragraphs = cleaned(name).paragraphs
    assert paragraphs, "no body paragraphs"
    assert paragraphs[-1] == expected(name)["last_paragraph"]


@pytest.mark.parametrize("name", SAMPLES)
def test_body_has_no_boilerplate(name: str) -> None:
    article = cleaned(name)
    junk = [
        p
        for p in article.paragraphs
        if len(p) <= FURNITURE_MAX_CHARS and BOILERPLATE.match(p.strip())
    ]
    assert not junk, f"page furniture left in the body: {junk}"
    assert not [p for p in article.paragraphs if p.lower().startswith("read more:")]


@pytest.mark.parametrize("name", SAMPLES)
def test_body_does_not_repeat_title_byline_or_key_points(name: str) -> None:
    article = cleaned(name)
    exp = expected(name)
    body = [squash(p) for i, p in enumerate(article.paragraphs) if i not in article.headings]
    assert exp["title"] not in body
    assert [point for point in exp["summary"] if point in body] == []
    for line in body:
        assert not re.fullmatch(r"(?i)by\s+[^.]{1,80}", line), f"byline left in body: {line}"


@pytest.mark.parametrize("name", SAMPLES)
def test_expected_quote_texts_occur_in_cleaned_body(name: str) -> None:
    """Quotes can only be found in text the cleaner kept; none may be cut or mangled."""
    body = squash("\n".join(cleaned(name).paragraphs))
    missing = [q["text"] for q in expected(name)["quotes"] if squash(q["text"]) not in body]
    assert not missing
