"""Who is quoted across a library: one row per person or organisation, with their quotes.

The quote finder names a speaker per quote, already merged within its article
("Lavrov" -> "Sergei Lavrov" where the article gives the full name). Here the
speakers of many articles are merged again, across articles, by rules that
prefer keeping two rows to wrongly joining two people:

- A full name joins another with the same first and last name, whatever titles
  surround it ("Russian Foreign Minister Sergei Lavrov" is "Sergei Lavrov").
- A surname alone ("Lavrov") joins the full name with that surname in its own
  article if there is exactly one, else the only one in the library; when two
  people share it ("David Miliband", "Ed Miliband") it stays a row of its own.
- An initial ("S. Lavrov") joins the one full name it can stand for.
- Organisations are merged by name, without a leading "The".
- Descriptions ("a European diplomat", "the ministry") are never merged: each
  stays with its article, since two articles' "senior official" are rarely one.

Pure logic: the app and `reader --people` feed it `Source`s read from the cache
(`sources_from_cache`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal

from reader.model import Quote
from reader.quotes.kinds import Speaker, SpeakerKind, classify

if TYPE_CHECKING:
    from reader.store.cache import ArticleCache, ArticleSummary

Kind = SpeakerKind
SortKey = Literal["quotes", "articles"]


@dataclass(frozen=True, slots=True)
class Source:
    """One article as the index sees it: what to show for it and who it quotes how often."""

    path: str
    title: str
    publisher: str | None
    published: str | None
    speakers: tuple[tuple[str, int], ...]
    """Each speaker as the article names them, with their number of quotes."""


@dataclass(frozen=True, slots=True)
class Appearance:
    """A person in one article: the forms the article names them by, and how many quotes."""

    source: Source
    forms: tuple[str, ...]
    quotes: int


@dataclass(eq=False)
class Person:
    """One row of the People view (a person, an organisation or an article's description)."""

    key: str
    """Identifies the row: the merged name, or for a description its article too."""
    name: str
    kind: Kind
    forms: tuple[str, ...]
    """Every way the library names them, most quoted first."""
    quotes: int
    articles: int
    said: Sequence[tuple[Source, str, int]] = field(repr=False)
    """Each article's forms with their quotes (see `appearances`)."""

    @cached_property
    def appearances(self) -> tuple[Appearance, ...]:
        """Articles quoting them, newest first (undated last); made when first asked for,
        since a library has thousands of rows and a view shows one person's at a time."""
        found = [
            Appearance(source, _by_count(counts), sum(counts.values()))
            for source, counts in self.where.values()
        ]
        found.sort(key=lambda item: item.source.path)
        found.sort(key=lambda item: item.source.published or "", reverse=True)
        return tuple(found)

    @cached_property
    def where(self) -> dict[str, tuple[Source, dict[str, int]]]:
        """Per article path: its source and the quotes per form."""
        where: dict[str, tuple[Source, dict[str, int]]] = {}
        for source, form, quotes in self.said:
            counts = where.setdefault(source.path, (source, {}))[1]
            counts[form] = counts.get(form, 0) + quotes
        return where


def _row(key: str, kind: Kind, said: list[tuple[Source, str, int]]) -> Person:
    """A row from what was said under one key: (article, form, quotes) in load order."""
    forms: dict[str, int] = {}
    for _, form, quotes in said:
        forms[form] = forms.get(form, 0) + quotes
    shown: dict[str, int] = {}
    for form, quotes in forms.items():
        name = classify(form).shown
        shown[name] = shown.get(name, 0) + quotes
    name = max(shown.items(), key=_name_rank)[0]
    articles = len({id(source) for source, _, _ in said}) if len(said) > 1 else 1
    return Person(key, name, kind, _by_count(forms), sum(forms.values()), articles, said)


def _name_rank(item: tuple[str, int]) -> tuple[bool, int, int, str]:
    """A full name over a surname alone ("Sergei Lavrov", not "Lavrov"), then the most quoted."""
    name, quotes = item
    return " " in name, quotes, len(name), name


def _by_count(counts: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(sorted(counts, key=lambda form: (-counts[form], form)))


FullName = tuple[str, str]
"""(first, last) of a person named in full: the key a row of people is merged by."""


class PeopleIndex:
    """Speakers of a growing library, merged into rows; rebuilt only when asked after a change.

    `add` is cheap (it classifies new forms, each once); `people` merges.
    """

    def __init__(self) -> None:
        self._sources: dict[str, Source] = {}
        self._people: list[Person] | None = None

    def add(self, sources: Iterable[Source]) -> None:
        """Articles loaded (again): a path seen before is replaced, not counted twice."""
        for source in sources:
            self._sources[source.path] = source
            self._people = None

    def remove(self, paths: Iterable[str]) -> None:
        for path in paths:
            if self._sources.pop(path, None) is not None:
                self._people = None

    def __len__(self) -> int:
        return len(self._sources)

    @property
    def stale(self) -> bool:
        """Whether articles came or went since `people` last merged."""
        return self._people is None

    def people(self) -> list[Person]:
        """Every row, most quoted first."""
        if self._people is None:
            self._people = sort_people(_merge(self._sources.values()), "quotes")
        return self._people


def people_by_form(people: Iterable[Person]) -> dict[tuple[str, str], Person]:
    """Each (article path, speaker as the article names them) -> the row holding it."""
    return {
        (where, form): person
        for person in people
        for where, (_, counts) in person.where.items()
        for form in counts
    }


def sources_from_cache(summaries: Iterable[ArticleSummary], cache: ArticleCache) -> list[Source]:
    """What the index needs of these articles, read from the cache without cleaning:
    their list fields and who each quotes how often (articles quoting nobody left out)."""
    wanted = list(summaries)
    counts = cache.speakers([summary.path for summary in wanted])
    return [
        Source(s.path, s.title, s.publisher, s.published, tuple(counts[s.path]))
        for s in wanted
        if s.path in counts
    ]


def build_people(sources: Iterable[Source]) -> list[Person]:
    """Rows for these articles, most quoted first."""
    index = PeopleIndex()
    index.add(sources)
    return index.people()


def sort_people(people: Iterable[Person], by: SortKey) -> list[Person]:
    """Named rows by quotes or by articles (then the other, then name); descriptions last."""
    if by == "quotes":
        return sorted(
            people, key=lambda p: (p.kind == "description", -p.quotes, -p.articles, _name_key(p))
        )
    return sorted(
        people, key=lambda p: (p.kind == "description", -p.articles, -p.quotes, _name_key(p))
    )


def unnamed_by_article(people: Iterable[Person]) -> list[tuple[Source, list[Person]]]:
    """The description rows ("a senior official") grouped under their article, newest
    article first, in the order `people` gives them within one."""
    groups: dict[str, tuple[Source, list[Person]]] = {}
    for person in people:
        if person.kind == "description":
            source = person.appearances[0].source
            groups.setdefault(source.path, (source, []))[1].append(person)
    found = sorted(groups.values(), key=lambda group: group[0].path)
    found.sort(key=lambda group: group[0].published or "", reverse=True)
    return found


def _name_key(person: Person) -> tuple[str, str]:
    return person.name.casefold(), person.key


def _merge(sources: Iterable[Source]) -> list[Person]:
    """Rows for `sources`. Most forms (full names, organisations) have the same row in
    every article, worked out once per form; only short forms need their article."""
    sources = list(sources)
    full_by_last: dict[str, set[FullName]] = {}
    for form in {form for source in sources for form, _ in source.speakers}:
        full = _full_name(form)
        if full is not None:
            full_by_last.setdefault(full[1], set()).add(full)
    groups: dict[str, list[tuple[Source, str, int]]] = {}
    kinds: dict[str, Kind] = {}
    for source in sources:
        local: dict[str, set[FullName]] | None = None
        for form, quotes in source.speakers:
            key, speaker = _form_key(form)
            if key is None:
                if speaker.kind == "description":
                    key = "d\0" + source.path + "\0" + " ".join(speaker.tokens)
                else:
                    local = _local_names(source) if local is None else local
                    key = _short_key(speaker, local, full_by_last)
            said = groups.get(key)
            if said is None:
                said = groups[key] = []
                kinds[key] = speaker.kind
            said.append((source, form, quotes))
    return [_row(key, kinds[key], said) for key, said in groups.items()]


@lru_cache(maxsize=65536)
def _full_name(form: str) -> FullName | None:
    speaker = classify(form)
    return _full(speaker.tokens) if _is_full(speaker) else None


@lru_cache(maxsize=65536)
def _form_key(form: str) -> tuple[str | None, Speaker]:
    """`_fixed_key` and `classify` in one look-up: this runs once per article and form."""
    return _fixed_key(form), classify(form)


def _fixed_key(form: str) -> str | None:
    """The row of a form that names the same row in any article, else None."""
    speaker = classify(form)
    if speaker.kind == "organisation":
        tokens = speaker.tokens
        named = tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens
        return "o\0" + " ".join(named)
    full = _full_name(form)
    return None if full is None else f"p\0{full[0]}\0{full[1]}"


def _is_full(speaker: Speaker) -> bool:
    """A person named by first and last name, the first not an initial."""
    tokens = speaker.tokens
    return speaker.kind == "person" and len(tokens) >= 2 and len(tokens[0]) > 1


def _full(tokens: tuple[str, ...]) -> FullName:
    return tokens[0], tokens[-1]


def _local_names(source: Source) -> dict[str, set[FullName]]:
    """Full names in one article by last name, and (prefixed "^") by first name."""
    local: dict[str, set[FullName]] = {}
    for form, _ in source.speakers:
        full = _full_name(form)
        if full is not None:
            local.setdefault(full[1], set()).add(full)
            local.setdefault("^" + full[0], set()).add(full)
    return local


def _short_key(
    speaker: Speaker,
    local: Mapping[str, set[FullName]],
    full_by_last: Mapping[str, set[FullName]],
) -> str:
    """The row of a surname alone or an initial: the one full name it can stand for, in
    its article, else in the library; else a row of its own."""
    tokens = speaker.tokens
    if len(tokens) >= 2:  # "S. Lavrov"
        first, last = _full(tokens)
        match = _only(local.get(last), first) or _only(full_by_last.get(last), first)
        return f"p\0{match[0] if match else first}\0{last}"
    name = tokens[0] if tokens else ""
    match = (
        _only(local.get(name))
        or (_only(local.get("^" + name)) if name not in full_by_last else None)
        or _only(full_by_last.get(name))
    )
    if match is not None:
        return f"p\0{match[0]}\0{match[1]}"
    return "s\0" + name


def _only(names: set[FullName] | None, initial: str = "") -> FullName | None:
    """The single full name among `names` (first name starting with `initial`), if one."""
    if not names:
        return None
    fitting = [name for name in names if name[0].startswith(initial)] if initial else list(names)
    return fitting[0] if len(fitting) == 1 else None


def quotes_of(
    person: Person,
    quotes: Mapping[str, Sequence[tuple[int, Quote]]],
    appearances: Iterable[Appearance] | None = None,
) -> list[tuple[Appearance, list[tuple[int, Quote]]]]:
    """A person's quotes per article (all their articles, newest first, or `appearances`),
    each with its index in the article.

    `quotes` maps a path to its quotes as stored (index in `Article.quotes`, quote).
    """
    found = []
    for appearance in person.appearances if appearances is None else appearances:
        forms = set(appearance.forms)
        said = [
            (number, quote)
            for number, quote in quotes.get(appearance.source.path, ())
            if quote.speaker in forms
        ]
        found.append((appearance, said))
    return found
