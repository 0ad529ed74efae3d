"""The people index: speakers merged across articles, kept apart when they may differ."""

from __future__ import annotations

import pytest

from reader.model import Quote
from reader.people import (
    PeopleIndex,
    Source,
    build_people,
    classify,
    people_by_form,
    quotes_of,
    sort_people,
)
from reader.quotes.speakers import quoted_speakers


def source(path: str, *speakers: tuple[str, int], published: str | None = None) -> Source:
    return Source(path, f"Title of {path}", "The Paper", published, tuple(speakers))


def rows(*sources: Source) -> dict[str, tuple[str, int, int]]:
    """Name -> (kind, quotes, articles) for every row."""
    return {p.name: (p.kind, p.quotes, p.articles) for p in build_people(sources)}


def test_forms_of_one_person_across_articles_are_one_row():
    people = build_people(
        [
            source("a.html", ("Sergei Lavrov", 3)),
            source("b.html", ("Lavrov", 2)),
            source("c.html", ("Russian Foreign Minister Sergei Lavrov", 1)),
        ]
    )
    assert len(people) == 1
    lavrov = people[0]
    assert lavrov.name == "Sergei Lavrov"
    assert lavrov.kind == "person"
    assert (lavrov.quotes, lavrov.articles) == (6, 3)
    assert lavrov.forms == ("Sergei Lavrov", "Lavrov", "Russian Foreign Minister Sergei Lavrov")


def test_people_sharing_a_surname_with_different_first_names_stay_apart():
    people = rows(
        source("a.html", ("David Miliband", 2)),
        source("b.html", ("Ed Miliband", 1)),
        source("c.html", ("Miliband", 4)),
    )
    assert people["David Miliband"] == ("person", 2, 1)
    assert people["Ed Miliband"] == ("person", 1, 1)
    # A surname alone could be either: it is kept as its own row, never guessed.
    assert people["Miliband"] == ("person", 4, 1)


def test_a_surname_joins_the_full_name_in_its_own_article_even_when_the_library_has_two():
    people = rows(
        source("a.html", ("David Miliband", 2), ("Miliband", 1)),
        source("b.html", ("Ed Miliband", 1)),
    )
    assert people == {"David Miliband": ("person", 3, 1), "Ed Miliband": ("person", 1, 1)}


def test_an_initial_joins_the_one_full_name_it_can_stand_for():
    people = rows(
        source("a.html", ("Sergei Lavrov", 1)),
        source("b.html", ("S. Lavrov", 1)),
        source("c.html", ("J. Smith", 1)),
        source("d.html", ("John Smith", 1)),
        source("e.html", ("Jane Smith", 1)),
    )
    assert people["Sergei Lavrov"] == ("person", 2, 2)
    assert people["J. Smith"] == ("person", 1, 1)  # John or Jane: not guessed


def test_names_match_whatever_their_case_and_accents():
    people = rows(source("a.html", ("José Álvarez", 1)), source("b.html", ("Jose Alvarez", 2)))
    assert people == {"Jose Alvarez": ("person", 3, 2)}


def test_organisations_are_marked_and_merged_without_a_leading_the():
    people = rows(
        source("a.html", ("The Pentagon", 1), ("Aurora Space Agency", 2)),
        source("b.html", ("Pentagon", 1)),
        source("c.html", ("Transport for Harbour City", 1), ("NASA", 1)),
    )
    assert people["The Pentagon"] == ("organisation", 2, 2)
    assert people["Aurora Space Agency"][0] == "organisation"
    assert people["Transport for Harbour City"][0] == "organisation"
    assert people["NASA"][0] == "organisation"


def test_descriptions_stay_with_their_article_and_never_join_a_person():
    people = build_people(
        [
            source("a.html", ("a European diplomat", 2), ("Sergei Lavrov", 1)),
            source("b.html", ("a European diplomat", 1), ("the minister", 1)),
        ]
    )
    descriptions = [p for p in people if p.kind == "description"]
    assert sorted((p.name, p.appearances[0].source.path) for p in descriptions) == [
        ("a European diplomat", "a.html"),
        ("a European diplomat", "b.html"),
        ("the minister", "b.html"),
    ]
    assert all(p.articles == 1 for p in descriptions)
    assert people[-1].kind == "description"  # named rows first, whatever the counts
    assert people[0].name == "Sergei Lavrov"


@pytest.mark.parametrize(
    ("speaker", "kind", "name"),
    [
        ("Secretary of State Antony Blinken", "person", "Antony Blinken"),
        ("CEO Jane Doe", "person", "Jane Doe"),
        ("UN Secretary-General Antonio Guterres", "person", "Antonio Guterres"),
        ("Ursula von der Leyen", "person", "Ursula von der Leyen"),
        ("Martin Luther King Jr.", "person", "Martin Luther King"),
        ("Mr Lavrov", "person", "Lavrov"),
        ("The World Health Organization", "organisation", "The World Health Organization"),
        ("the city auditor", "description", "the city auditor"),
        ("A spokesperson for the city council", "description", ""),
        ("The trust", "description", ""),
        ("President", "description", ""),
        ("she", "description", ""),
        # A title holding an organisation or a place still titles a person.
        ("Army Capt. Christian Pardo", "person", "Christian Pardo"),
        ("State Department spokesman Ned Price", "person", "Ned Price"),
        ("Bank of England Governor Andrew Bailey", "person", "Andrew Bailey"),
        ("Department of State Press Office", "organisation", ""),
        # Nationality, party or faith: a description, alone or as a group, never a name.
        ("European", "description", ""),
        ("Democrats", "description", ""),
        ("Senate Republicans", "description", ""),
    ],
)
def test_each_speaker_is_read_as_a_person_an_organisation_or_a_description(speaker, kind, name):
    found = classify(speaker)
    assert found.kind == kind
    if name:
        assert found.shown == name


def test_rows_sort_by_quotes_or_by_articles_and_articles_run_newest_first():
    people = build_people(
        [
            source("old.html", ("Ann Lee", 5), ("Bo Chan", 1), published="2024-01-01"),
            source("new.html", ("Bo Chan", 1), published="2025-06-01"),
            source("mid.html", ("Bo Chan", 1), published="2024-06-01T10:00:00"),
            source("undated.html", ("Bo Chan", 1)),
        ]
    )
    assert [p.name for p in people] == ["Ann Lee", "Bo Chan"]
    assert [p.name for p in sort_people(people, "articles")] == ["Bo Chan", "Ann Lee"]
    chan = people[1]
    assert [a.source.path for a in chan.appearances] == [
        "new.html",
        "mid.html",
        "old.html",
        "undated.html",
    ]


def test_the_index_replaces_an_article_loaded_again_and_finds_rows_by_article_and_form():
    index = PeopleIndex()
    index.add([source("a.html", ("Sergei Lavrov", 2))])
    index.add([source("b.html", ("Lavrov", 1))])
    index.add([source("b.html", ("Lavrov", 3))])  # the file changed and was cleaned again
    assert [(p.name, p.quotes) for p in index.people()] == [("Sergei Lavrov", 5)]
    by_form = people_by_form(index.people())
    assert by_form[("b.html", "Lavrov")] is index.people()[0]
    assert ("b.html", "Nobody") not in by_form
    index.remove(["a.html"])
    assert [(p.name, p.quotes) for p in index.people()] == [("Lavrov", 3)]


def test_quotes_of_a_person_come_per_article_with_their_index_in_the_article():
    people = build_people([source("a.html", ("Sergei Lavrov", 1), ("Lavrov", 1))])
    quotes = {
        "a.html": [
            (0, Quote("We will respond.", "Sergei Lavrov", "said", 0, 1, 17)),
            (1, Quote("Not us.", "Someone Else", "said", 1, 1, 8)),
            (2, Quote("Never.", "Lavrov", "said", 2, 1, 7)),
        ]
    }
    [(appearance, said)] = quotes_of(people[0], quotes)
    assert appearance.source.path == "a.html"
    assert [(number, quote.text) for number, quote in said] == [
        (0, "We will respond."),
        (2, "Never."),
    ]


@pytest.mark.parametrize(
    "speaker",
    ["The Pentagon", "President", "she", "NASA", "a European diplomat", "CEO Jane Doe", "Reuters"],
)
def test_the_quoted_list_and_the_people_view_read_a_speaker_the_same_way(speaker):
    [row] = quoted_speakers([Quote("Words.", speaker, "said", 0, 1, 7)])
    [person] = build_people([source("a.html", (speaker, 1))])
    assert row.kind == person.kind
