"""Speakers given by a description rather than a name: "the crowd", "21 percent",
"someone in the audience". Every sentence here is written for these tests.

A description nobody could be named for stays the speaker as written, so that a
reader sees who spoke in the article's own words, never a nearby name.
"""

from __future__ import annotations

from reader.model import Quote
from reader.quotes import find_quotes


def quotes_of(*paragraphs: str) -> list[Quote]:
    return find_quotes(list(paragraphs))[0]


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quote text, whom it is from) pairs, the way a reader sees them."""
    return [(q.text, q.who) for q in quotes_of(*paragraphs)]


def test_a_share_or_a_count_of_people_is_the_speaker():
    assert said(
        "Asked about the ferry, 21 percent said “very unlikely” and 30 percent said “maybe.”"
    ) == [("very unlikely", "21 percent"), ("maybe.", "30 percent")]
    assert said("“Keep the wards open,” about 40 nurses said outside the hospital.") == [
        ("Keep the wards open,", "about 40 nurses")
    ]


def test_a_participle_of_a_counted_subject_keeps_its_adjective():
    """ "registered" after "of" describes the voters; it is not the verb of the phrase."""
    assert said(
        "An average of 12 percent of registered voters reported “no opinion” in the spring poll."
    ) == [("no opinion", "An average of 12 percent of registered voters")]


def test_an_indefinite_subject_is_the_speaker_not_a_name_before_it():
    assert said(
        "One sign near the depot read, “Slow down, Marta Ruiz lives here.”",
        "Another warned, “Speeding costs lives on this road.”",
    )[-1] == ("Speeding costs lives on this road.", "Another")
    assert said("Then someone at the back shouted, “Lower the fares!”") == [
        ("Lower the fares!", "someone at the back")
    ]


def test_some_in_a_relative_clause_does_not_take_the_quote():
    assert said(
        "Jonas Weber said that the ruling, which some have argued was rushed, was a “relief.”"
    ) == [("relief.", "Jonas Weber")]


def test_the_subject_of_a_long_clause_is_cut_at_its_verb():
    """A participle takes the sentence's subject, which ends where the verb begins."""
    assert said(
        "The ferry union was quick to respond, calling the offer “an insult to every deckhand.”"
    ) == [("an insult to every deckhand.", "The ferry union")]


def test_an_adverb_before_the_verb_is_not_part_of_the_description():
    assert said(
        "A newly formed tenants group quickly wrote back, calling the rent rise “plainly illegal.”"
    ) == [("plainly illegal.", "A newly formed tenants group")]


def test_the_agent_of_a_passive_cue_is_the_speaker_not_its_subject():
    """ "X was described as … by Y": Y said it; X is what was described."""
    assert said("The bridge was described as “a relic” by Jonas Weber, the city engineer.") == [
        ("a relic", "Jonas Weber")
    ]
    assert said("The plan, often labeled as a “land grab” by farmers, passed on Monday.") == [
        ("land grab", "farmers")
    ]
    assert said("“No comment,” Weber said when asked, and “moved on” by noon.")[0] == (
        "No comment,",
        "Weber",
    )


def test_a_longer_description_before_any_verb_after_a_quote_is_the_speaker():
    """A determiner is followed by a noun before its verb: "a welcome" is not the phrase."""
    assert said(
        "Marta Lind, a baker, set up the page last week.",
        "“Hello neighbours! The fair may close early!” a welcome message on the site reads.",
    ) == [("Hello neighbours! The fair may close early!", "a welcome message on the site")]


def test_someone_who_cuts_in_after_and_speaks_the_next_quote():
    assert said(
        "“Tell her about the dog,” Ruiz said, and her brother cut in. “The dog ate the keys.”"
    ) == [("Tell her about the dog,", "Ruiz"), ("The dog ate the keys.", "her brother")]
    assert said("“We are done here,” the chairman interjected.") == [
        ("We are done here,", "the chairman")
    ]


def test_the_one_interrupted_is_the_listener_not_the_speaker():
    assert said(
        "The host beside me, Ana Ruiz, interrupted me halfway to announce, “That is all.”"
    ) == [("That is all.", "Ana Ruiz")]


def test_a_description_may_end_by_counting_what_its_noun_has():
    assert said(
        '"We will close the ward," said Ana Ruiz, the hospital director. Asked why, the '
        'mother of three replied, "It is the only way."'
    )[-1] == ("It is the only way.", "the mother of three")


def test_adjectives_split_by_a_comma_after_the_cue_stay_one_description():
    """ "the bespectacled" is no speaker: the comma only separates two adjectives of one
    noun, and the whole description is tied to the one diplomat of that age."""
    paragraphs = [
        "Veteran diplomat Sergei Orlov, 71, arrived in Geneva on Sunday.",
        "“We are not here to sign anything,” said the bespectacled, 71-year-old diplomat.",
    ]
    quote = quotes_of(*paragraphs)[0]
    assert (quote.described_as, quote.who) == (
        "the bespectacled, 71-year-old diplomat",
        "Sergei Orlov",
    )
    assert said("“Open the gates,” said the mayor, adding that the port would stay shut.") == [
        ("Open the gates,", "the mayor")
    ]


def test_a_description_opening_with_my_or_your_is_the_speaker():
    assert said("The fear stayed. “The bank will fail,” my grandfather often said.") == [
        ("The bank will fail,", "my grandfather")
    ]


def test_a_description_ties_to_the_name_a_sentence_says_it_is():
    """ "Brenner is a veteran actor" ties "the actor" to Brenner as ", the actor," would; a
    name that is not its sentence's subject gets no role from the verb after it."""
    assert said(
        "Tomas Brenner is a veteran actor from Ohio. Mayor Ken Abbot met him on Monday.",
        "“I was terrified,” the actor said.",
    ) == [("I was terrified,", "Tomas Brenner")]
    assert said(
        "Tomas Brenner was elected governor in 2010.",
        "“The roads come first,” the governor said.",
    ) == [("The roads come first,", "Tomas Brenner")]
    assert said(
        "Ken Abbot warned that if a Republican is elected governor, taxes will fall.",
        "“The roads come first,” the governor said.",
    ) == [("The roads come first,", "the governor")]


def test_an_age_written_nowhere_before_leaves_the_noun_to_tie_the_description():
    """The article never gave Orlov's age, so "the 71-year-old diplomat" is the diplomat it
    named; an age it did give that differs rules him out, and an age alone ties nobody."""
    opening = "Sergei Orlov, a veteran diplomat, arrived in Geneva with Mayor Ken Abbot."
    assert said(opening, "“We sign nothing,” the bespectacled, 71-year-old diplomat said.") == [
        ("We sign nothing,", "Sergei Orlov")
    ]
    assert said(
        "Sergei Orlov, 68, a veteran diplomat, arrived in Geneva.",
        "“We sign nothing,” the 71-year-old diplomat said.",
    ) == [("We sign nothing,", "the 71-year-old diplomat")]
    assert said(opening, "“We sign nothing,” the 71-year-old said.") == [
        ("We sign nothing,", "the 71-year-old")
    ]


def test_an_analysts_employer_is_not_a_body_named_after_him():
    """The bank named to say where an analyst works is not "the works council" or "the
    union" quoted next; it is still "the bank", and any organisation is "the company"."""
    analyst = "“Demand is weak,” said Carsten Fritsch, an analyst at Deutsche Bank."
    assert said(analyst, "“We will not accept this,” the works council said.")[-1] == (
        "We will not accept this,",
        "the works council",
    )
    assert said(analyst, "“We will strike,” the union said.")[-1] == (
        "We will strike,",
        "the union",
    )
    assert said(analyst, "“We see no recovery,” the bank said.")[-1] == (
        "We see no recovery,",
        "Deutsche Bank",
    )
    assert said(
        "“Sales rose,” said Tim Cook, chief executive of Apple Inc.",
        "“We expect more,” the company said.",
    )[-1] == ("We expect more,", "Apple Inc")


def test_a_noun_that_says_an_age_ties_to_the_one_person_of_that_age():
    assert said(
        "Lucas Ferreira, 19, scored twice. His coach, Marco Bianchi, 52, was pleased.",
        "“I just ran,” said the teenager.",
    )[-1] == ("I just ran,", "Lucas Ferreira")
    assert said(
        "Olga Varen, 84, still runs the shop her father opened.",
        "“I will never retire,” the octogenarian said.",
    )[-1] == ("I will never retire,", "Olga Varen")
    assert said(  # two teenagers: the description stays as written
        "Lucas Ferreira, 19, and Tiago Lima, 18, scored.", "“I just ran,” said the teenager."
    )[-1] == ("I just ran,", "the teenager")


def test_a_capitalised_noun_after_the_is_a_description_tied_by_the_place_it_names():
    """ "the Pole" is how the article describes someone, not a person called Pole; it is
    tied to the one person named beside Poland, and stays as written when nobody or two
    people are."""
    assert said(
        "Poland's Tomasz Nowak won the stage ahead of Denmark's Jens Berg.",
        "“It was hard,” the Pole said.",
    )[-1] == ("It was hard,", "Tomasz Nowak")
    assert said("Tomasz Nowak won the stage ahead of Jens Berg.", "“It was hard,” said the Pole.")[
        -1
    ] == ("It was hard,", "the Pole")
    assert said(
        "Polish rider Tomasz Nowak won ahead of Police Chief Jens Berg.",
        "“It was hard,” said the Pole.",
    )[-1] == ("It was hard,", "the Pole")
    assert said("“We will win,” said the Pentagon.") == [("We will win,", "Pentagon")]


def test_a_long_described_subject_ends_at_its_verb_in_the_past_tense():
    """ "A spokesman for Harbour Freight declined to discuss the audit but said …": the
    description is the subject up to "declined", however long the clause after it."""
    assert [
        (q.text, q.who)
        for q in find_quotes(
            [
                "A spokesman for Harbour Freight declined to discuss the audit but said in a "
                "statement that “we took every precaution.”"
            ]
        )[0]
    ] == [("we took every precaution.", "A spokesman for Harbour Freight")]


def test_familiar_and_close_before_the_noun_keep_the_description():
    """ "familiar with" and "close to" end a description ("a source familiar with the
    talks"); written before the noun they are its adjectives, and the speaker stays whole."""
    assert said("“The deal is done,” a close aide to the mayor said.") == [
        ("The deal is done,", "a close aide to the mayor")
    ]
    assert said("Within an hour, a familiar voice weighed in on the radio: “Told you so.”") == [
        ("Told you so.", "a familiar voice")
    ]
    assert said("“The deal is done,” said a source close to the talks.") == [
        ("The deal is done,", "a source")
    ]
