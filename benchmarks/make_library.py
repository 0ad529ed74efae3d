"""Generate a big, realistic-looking library of saved articles for the cache benchmarks.

    python benchmarks/make_library.py DIR --count 10000 [--seed 6]

About 70% are whole saved HTML pages (30-150 kB: head with meta and JSON-LD,
inline CSS and scripts, navigation, ad slots, cookie banner, related links,
footer, and the article itself), about 30% are plain-text scrapes (5-15 kB,
with the share/advert debris a copy out of a browser picks up), and a few are
broken (empty, binary) so cached failures are exercised too.

All text is generated here from small word lists and invented names, so it
copies nothing; words are drawn with a Zipf-like skew and a long tail of
made-up proper nouns so the search index sees a realistic vocabulary. Output
depends only on the seed and the index of each file.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

SECTIONS = [
    "world",
    "politics",
    "business",
    "science",
    "health",
    "technology",
    "climate",
    "culture",
    "sport",
    "education",
    "transport",
    "housing",
]
FIRST = [
    "Amara",
    "Bogdan",
    "Chen",
    "Dalia",
    "Emeka",
    "Fatima",
    "Gareth",
    "Hana",
    "Igor",
    "Jolene",
    "Kwame",
    "Lucia",
    "Mateo",
    "Nadia",
    "Oren",
    "Priya",
    "Quentin",
    "Rosa",
    "Sipho",
    "Tamsin",
    "Umar",
    "Vera",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Anders",
    "Beatriz",
    "Callum",
    "Delphine",
    "Esteban",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Marchetti",
    "Nakamura",
    "Oyelaran",
    "Petrov",
    "Quispe",
    "Rahman",
    "Szabo",
    "Tanaka",
    "Umarov",
    "Valdivia",
    "Whitcombe",
    "Xu",
    "Yilmaz",
    "Zielinski",
    "Abernathy",
    "Brennan",
    "Castellanos",
    "Dube",
    "Eriksen",
    "Fonseca",
    "Gallagher",
    "Haddad",
    "Iversen",
    "Jaramillo",
    "Kowalczyk",
    "Laurent",
    "Mbeki",
]
ROLES = [
    "the finance minister",
    "a spokeswoman for the council",
    "the chief executive",
    "a senior researcher at the institute",
    "the union's general secretary",
    "an economist at the central bank",
    "the head of the regional health authority",
    "a local shop owner",
    "the team's coach",
    "a resident of the northern district",
    "the transport commissioner",
    "a professor of climate science",
]
ORGS = [
    "the Ministry of Finance",
    "the city council",
    "the national rail operator",
    "the university hospital",
    "the port authority",
    "the energy regulator",
    "the teachers' union",
    "the central bank",
    "the football federation",
    "the housing agency",
    "the weather service",
    "the statistics office",
]
NOUNS = [
    "budget",
    "plan",
    "report",
    "strike",
    "election",
    "bridge",
    "vaccine",
    "tariff",
    "reservoir",
    "school",
    "pipeline",
    "subsidy",
    "ferry",
    "drought",
    "contract",
    "survey",
    "festival",
    "stadium",
    "reform",
    "inquiry",
    "shortage",
    "harvest",
    "network",
    "tunnel",
    "clinic",
    "museum",
    "factory",
    "satellite",
    "court",
    "treaty",
]
VERBS = [
    "approved",
    "rejected",
    "delayed",
    "announced",
    "criticised",
    "expanded",
    "cut",
    "defended",
    "questioned",
    "welcomed",
    "postponed",
    "investigated",
    "funded",
    "cancelled",
    "reviewed",
    "promised",
    "blocked",
    "unveiled",
    "revised",
    "extended",
]
ADJECTIVES = [
    "new",
    "controversial",
    "long-awaited",
    "costly",
    "regional",
    "emergency",
    "temporary",
    "ambitious",
    "revised",
    "national",
    "modest",
    "disputed",
]
SAYING = [
    "said",
    "told reporters",
    "said in a statement",
    "added",
    "warned",
    "argued",
    "wrote in an email",
    "said on Tuesday",
    "explained",
]
QUOTES = [
    "We cannot keep asking families to wait another year for this",
    "The numbers simply do not add up, and everyone in this building knows it",
    "This is the most important decision the board will make in a decade",
    "Nobody expected the costs to rise this quickly",
    "We have listened, and we are changing course",
    "It is too early to say whether the measures are working",
    "Our members are tired, but they are not going to give up",
    "If we do nothing, the problem will be twice as large by the end of the decade",
    "I have never seen anything like it in thirty years of doing this job",
    "The evidence points in one direction, and we intend to follow it",
]
SYLLABLES = [
    "ka",
    "lo",
    "mir",
    "ten",
    "sa",
    "vo",
    "ran",
    "del",
    "qui",
    "bor",
    "an",
    "es",
    "tor",
    "li",
    "mun",
    "gar",
    "ve",
    "nos",
    "pel",
    "dri",
    "ost",
    "ul",
    "zen",
    "ha",
]


class Words:
    """Deterministic text from templates, with a Zipf-skewed long tail of invented names."""

    def __init__(self, rng: random.Random, tail: list[str]) -> None:
        self.rng = rng
        # Each article is about its own few places: rotate which names are the common ones.
        offset = rng.randrange(len(tail))
        self.tail = tail[offset:] + tail[:offset]

    def pick(self, items: list[str]) -> str:
        # Zipf-like: earlier entries are much more common, as in real news vocabulary.
        index = min(int(self.rng.paretovariate(1.2)) - 1, len(items) - 1)
        return items[index] if self.rng.random() < 0.7 else self.rng.choice(items)

    def name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def place(self) -> str:
        return self.pick(self.tail)

    def sentence(self) -> str:
        r = self.rng
        forms = [
            lambda: (
                f"{upper_first(self.pick(ORGS))} {self.pick(VERBS)} the "
                f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)} for {self.place()} on "
                f"{r.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}."
            ),
            lambda: (
                f"The {self.pick(NOUNS)} in {self.place()} will cost about "
                f"{r.randint(2, 900)} million, according to {self.pick(ORGS)}."
            ),
            lambda: (
                f"Officials in {self.place()} said the {self.pick(NOUNS)} had been "
                f"{self.pick(VERBS)} after {r.randint(2, 40)} months of talks."
            ),
            lambda: (
                f"Critics say the {self.pick(ADJECTIVES)} {self.pick(NOUNS)} does little "
                f"for people in {self.place()} and {self.place()}."
            ),
            lambda: (
                f"Figures published by {self.pick(ORGS)} show a rise of "
                f"{r.randint(1, 60)} per cent since {r.randint(1998, 2025)}."
            ),
            lambda: (
                f"{self.name()}, who has worked on the {self.pick(NOUNS)} since "
                f"{r.randint(2001, 2024)}, {self.pick(VERBS)} an earlier proposal."
            ),
        ]
        return r.choice(forms)()

    def quote_sentence(self) -> str:
        r = self.rng
        words = r.choice(QUOTES)
        speaker, role = self.name(), r.choice(ROLES)
        if r.random() < 0.5:
            return f"\u201c{words},\u201d {r.choice(SAYING)} {speaker}, {role}."
        return f'{speaker}, {role}, {r.choice(SAYING)}: "{words}."'

    def paragraph(self) -> str:
        r = self.rng
        parts = [self.sentence() for _ in range(r.randint(2, 5))]
        if r.random() < 0.35:
            parts.insert(r.randint(0, len(parts)), self.quote_sentence())
        return " ".join(parts)

    def title(self) -> str:
        return (
            f"{upper_first(self.pick(ORGS))} {self.pick(VERBS)} "
            f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)} in {self.place()}"
        )


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def invented_names(rng: random.Random, count: int) -> list[str]:
    names = set()
    while len(names) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        names.add(word.capitalize())
    return sorted(names, key=lambda _: rng.random())


def body(words: Words, target_chars: int) -> list[str]:
    paragraphs: list[str] = []
    size = 0
    while size < target_chars:
        paragraphs.append(words.paragraph())
        size += len(paragraphs[-1]) + 2
    return paragraphs


def script_noise(rng: random.Random, size: int) -> str:
    """Minified-looking tracking and bundle code, the bulk of many saved pages."""
    chunks, total = [], 0
    while total < size:
        name = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 3)))
        chunk = (
            f"var {name}{rng.randint(0, 999)}=function(e,t){{return e&&e.__esModule?e:"
            f"{{default:e,id:{rng.randint(0, 10**6)}}}}};window.dataLayer=window.dataLayer"
            f"||[];dataLayer.push({{event:'view',slot:'{name}-{rng.randint(0, 99)}'}});"
        )
        chunks.append(chunk)
        total += len(chunk)
    return "".join(chunks)


def html_page(rng: random.Random, words: Words, target: int) -> str:
    section = rng.choice(SECTIONS)
    title = words.title()
    authors = [words.name() for _ in range(rng.choice([1, 1, 1, 2, 3]))]
    publisher = (
        f"The {rng.choice(['Daily', 'Evening', 'Northern', 'Coastal'])} "
        f"{rng.choice(['Ledger', 'Courier', 'Observer', 'Dispatch', 'Chronicle'])}"
    )
    when = datetime(2015, 1, 1) + timedelta(minutes=rng.randint(0, 10 * 365 * 24 * 60))
    paragraphs = body(words, rng.randint(4000, 14000))
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "articleSection": section,
        "author": [{"@type": "Person", "name": a} for a in authors],
        "publisher": {"@type": "Organization", "name": publisher},
    }
    nav = "".join(f'<li><a href="/{s}">{s.capitalize()}</a></li>' for s in SECTIONS)
    related = "".join(
        f'<li><a href="/{rng.choice(SECTIONS)}/{rng.randint(10**5, 10**6)}">'
        f"{html.escape(words.title())}</a></li>"
        for _ in range(rng.randint(5, 25))
    )
    ads = [
        f'<div class="ad-slot" id="ad-{i}" data-size="300x250"><span>Advertisement</span></div>'
        for i in range(rng.randint(2, 6))
    ]
    article = [f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs]
    for ad in ads:
        article.insert(rng.randint(1, len(article)), ad)
    head = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | {publisher}</title>"
        f'<meta property="og:title" content="{html.escape(title)}">'
        f'<meta name="author" content="{html.escape(", ".join(authors))}">'
        f'<meta property="article:published_time" content="{ld["datePublished"]}">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        "<style>body{font-family:Georgia,serif}.ad-slot{min-height:250px}"
        ".nav li{display:inline-block;padding:0 .5em}</style>"
    )
    page = [
        head,
        "</head><body>",
        '<div id="cookie-banner"><p>We use cookies to improve your experience. '
        "<button>Accept all</button></p></div>",
        f'<header><a class="logo" href="/">{publisher}</a><nav><ul class="nav">{nav}</ul>'
        "</nav></header><main>",
        f'<article><h1>{html.escape(title)}</h1><p class="byline">By '
        f"{html.escape(' and '.join(authors))}</p>"
        f'<time datetime="{ld["datePublished"]}">{when:%B %d, %Y}</time>',
        "".join(article),
        "</article>",
        f"<aside><h2>Related</h2><ul>{related}</ul></aside></main>",
        f"<footer><p>&copy; {when.year} {publisher}. All rights reserved.</p>"
        '<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li>'
        "</ul></footer>",
    ]
    so_far = sum(len(part) for part in page)
    page.append(f"<script>{script_noise(rng, max(0, target - so_far))}</script></body></html>")
    return "".join(page)


def text_scrape(rng: random.Random, words: Words, target: int) -> str:
    when = datetime(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))
    lines = [words.title(), "", f"By {words.name()}", f"{when:%d %B %Y}", ""]
    for index, paragraph in enumerate(body(words, target - 200)):
        lines += [paragraph, ""]
        if index and index % 6 == 0:
            lines += [
                rng.choice(
                    ["Advertisement", "Share this article", "Read more:", "Skip advertisement"]
                ),
                "",
            ]
    lines += ["Related topics", "", " · ".join(rng.sample(SECTIONS, 4))]
    return "\n".join(lines) + "\n"


def make_one(seed: int, index: int, tail: list[str]) -> tuple[str, bytes]:
    """The relative path and bytes of file `index`; depends only on (seed, index)."""
    rng = random.Random(seed * 1_000_003 + index)
    words = Words(rng, tail)
    section = SECTIONS[index % len(SECTIONS)]
    roll = rng.random()
    if roll < 0.003:
        return f"{section}/empty-{index:05d}.txt", b""
    if roll < 0.006:
        return f"{section}/broken-{index:05d}.html", bytes(rng.getrandbits(8) for _ in range(4096))
    if roll < 0.70:
        target = int(min(150_000, max(30_000, rng.lognormvariate(11.0, 0.45))))
        return f"{section}/page-{index:05d}.html", html_page(rng, words, target).encode()
    target = rng.randint(5_000, 15_000)
    return f"{section}/scrape-{index:05d}.txt", text_scrape(rng, words, target).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    tail = invented_names(random.Random(args.seed), 5000)
    total = 0
    for index in range(args.count):
        relative, data = make_one(args.seed, index, tail)
        target = args.dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        # A fixed mtime keeps runs comparable; the cache keys on it.
        os.utime(target, ns=(1_700_000_000_000_000_000 + index, 1_700_000_000_000_000_000 + index))
        total += len(data)
    print(f"{args.count} files, {total / 2**20:.0f} MiB in {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
