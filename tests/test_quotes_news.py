"""Speakers in everyday news stories (sport, business, science, culture, world): the
shapes of sentence found there. Every sentence here is written for these tests; each
asserts the name a reader would see beside the quote.
"""

from __future__ import annotations

from reader.quotes import find_quotes


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quote text, whom it is from) pairs, the way a reader sees them."""
    return [(q.text, q.who) for q in find_quotes(list(paragraphs))[0]]


def test_an_organisation_named_with_and_is_named_whole():
    assert said(
        "The Federal Bureau of Weather and Ocean Safety (FBWOS) said: “Every autumn, someone "
        "asks us to freeze the clouds.”"
    ) == [
        (
            "Every autumn, someone asks us to freeze the clouds.",
            "Federal Bureau of Weather and Ocean Safety",
        )
    ]
    assert said(
        "“Flights are cancelled,” the Port Authority of Kent and East Sussex said in a statement."
    ) == [("Flights are cancelled,", "Port Authority of Kent and East Sussex")]
    assert said("“We are ready,” said the National Marine and Coastal Administration.") == [
        ("We are ready,", "National Marine and Coastal Administration")
    ]


def test_two_names_joined_by_and_stay_two():
    """A person beside an organisation, or an organisation and a one-word firm, are not one
    organisation's name."""
    assert said(
        "The Department of Roads and Rail Services Secretary Ana Ruiz said: “We will build it.”"
    ) == [("We will build it.", "Ana Ruiz")]


def test_a_participle_after_a_predicate_is_the_sentence_subjects():
    """ "… broke ranks saying", "hit back saying", "took to Twitter saying": the words before
    the participle end what the subject did; they name no speaker."""
    assert said(
        "Later that week, however, Lord Pemberton, who had been party treasurer at the time, "
        "broke ranks saying the gifts were “dirty money”."
    ) == [("dirty money", "Pemberton")]
    assert said("Ana Ruiz hit back saying the claims were “pure fiction”.") == [
        ("pure fiction", "Ana Ruiz")
    ]
    assert said("Ana Ruiz took to Twitter saying “we will appeal”.") == [
        ("we will appeal", "Ana Ruiz")
    ]


def test_a_participle_keeps_a_speaker_named_right_before_it():
    assert said("Footage shows Ana Ruiz saying “we will appeal”.") == [
        ("we will appeal", "Ana Ruiz")
    ]
    assert said("Trump supporters chanting “lock her up” filled the hall.") == [
        ("lock her up", "Trump supporters")
    ]


def test_an_apposition_left_open_keeps_the_name_before_it():
    """The writer never closed "…, a senior planner at the …" before the verb, and the
    organisation's name holds a comma of its own: the planner spoke, not "Ports"."""
    assert said(
        "“Nobody has a plan for the rain,” Dana Okafor, a senior planner at the Lagos-based "
        "Institute for Roads, Rail and Ports think tank told Reuters."
    ) == [("Nobody has a plan for the rain,", "Dana Okafor")]


def test_a_closed_apposition_before_a_new_subject_is_not_the_speaker():
    assert said(
        "Preceded at the lectern by Joe Marsh, the county sheriff and a hard-liner, Ana Ruiz "
        "launched into a speech. “We will build it,” she said."
    )[-1] == ("We will build it,", "Ana Ruiz")


def test_a_state_abbreviated_after_a_town_is_no_speaker():
    """ "In Old Harbor, Md., …": the abbreviation ends the place; it never says anything."""
    assert said("In Aurora, Colo., on Sunday, police said “we are ready”.") == [
        ("we are ready", None)
    ]
    assert said("In Old Harbor, Md., Ana Ruiz said “we will rebuild”.") == [
        ("we will rebuild", "Ana Ruiz")
    ]


def test_someone_unnamed_at_the_end_of_a_long_sentence_speaks():
    assert said(
        "In Old Harbor, Md., on Sunday guests ran for the doors after a fight began outside "
        "a restroom and a guest yelled “Fire!”"
    ) == [("Fire!", "a guest")]


def test_who_right_before_a_quote_is_the_name_it_hangs_on():
    """ "…, Rita Vance, who has acknowledged, “…”": the relative clause's verb introduces
    the quote, so its speaker is the name "who" stands for, not the sentence's subject."""
    assert said(
        "Her career, a mostly quiet one, was carefully planned by her longtime agent, Rita "
        "Vance, who has acknowledged, “The cost is she missed some parties.”"
    ) == [("The cost is she missed some parties.", "Rita Vance")]


def test_a_pronoun_written_with_its_auxiliary_is_still_the_speaker():
    """ "he’d respond, “…”": a habit of saying; the editors in the clause before only asked."""
    assert said(
        "Tom Hale wrote nine novels. When his editors would ask him to explain himself, he’d "
        "respond, “I have a horror of being obvious.”"
    ) == [("I have a horror of being obvious.", "Tom Hale")]
    assert said("Ana Ruiz spoke first. In the hall, she’s said that the plan “has no chance.”") == [
        ("has no chance.", "Ana Ruiz")
    ]


def test_a_firm_named_for_its_founder_speaks_with_its_s():
    """ "Moody’s added": a name with ’s and then a verb is the firm, not a possessive."""
    assert said(
        "The ratings firm cut its grade again. In addition, Moody’s noted that phones meant a "
        "“cannibalization of demand” for cameras.",
        "“Profits fell 60 percent,” Moody’s added.",
    ) == [("cannibalization of demand", "Moody’s"), ("Profits fell 60 percent,", "Moody’s")]


def test_a_caption_run_into_a_sentence_does_not_make_a_new_name():
    """A scrape glues "… astronaut Dana Vance" (a caption) to "Vance also wrote …": the
    doubled surname is no person the surname alone could stand for."""
    assert said(
        "The astronaut Dana Vance died on Monday.",
        "File photo of astronaut Dana Vance Vance also wrote five books for children.",
        "“Space was the most fun I ever had,” Vance said in 2008.",
    ) == [("Space was the most fun I ever had,", "Dana Vance")]


def test_a_reporting_participle_after_said_and_a_name_is_no_job():
    """ "said Hale citing both Brandt …": Hale speaks; "said Commerzbank analyst Carsten
    Fritsch" still gives the analyst."""
    assert said(
        "Hale blamed Clara Brandt, the deputy campaign manager.",
        "“It’s part of a larger pattern,” said Hale citing both Brandt and Sen. Mark Reed.",
    )[-1] == ("It’s part of a larger pattern,", "Hale")
    assert said("“The figures are good,” said Commerzbank analyst Carsten Fritsch.") == [
        ("The figures are good,", "Carsten Fritsch")
    ]


def test_a_firm_written_as_the_owner_of_its_product_is_not_the_product():
    """ "Samsung's Galaxy Tab" beside "Samsung Galaxy Tab": "Samsung said" is the firm."""
    assert said(
        "A court banned the Samsung Galaxy Tab 7.7 across Europe on Tuesday.",
        "Samsung's Galaxy Tab 7.7 had been banned in Germany in September.",
        "Samsung said it “welcomes the court's ruling” on the larger model.",
    ) == [("welcomes the court's ruling", "Samsung")]


def test_a_surname_is_not_given_to_a_relative_named_late():
    """A relative written in full after the surname has stood alone for paragraphs is
    someone else: the surname keeps meaning the person the story is about."""
    quotes = said(
        "Varga opened the season with a speech in Lyon.",
        "The crowd cheered as Varga listed the new schools.",
        "Governor Varga spoke for an hour.",
        "His daughter, Lena Varga, sat in the front row.",
        "“We will finish what we started,” Varga said.",
    )
    assert quotes == [("We will finish what we started,", "Varga")]


def test_a_surname_shared_by_two_people_is_left_as_written():
    """Two full names share a surname and nothing says which one "Kerr" is: the surname
    as written is better than the wrong relative."""
    assert said(
        "Tomas Kerr and his sister Ada Kerr run the bakery.",
        "Ada Kerr opened it in 2010 and Ada Kerr still bakes.",
        "“Bread is patience,” Kerr said.",
    ) == [("Bread is patience,", "Kerr")]


def test_a_surname_keeps_one_person_written_three_ways():
    """A short given name, a middle initial and a "Jr." do not make three people."""
    assert said(
        "Samuel Doyle Jr., 55, pleaded guilty on Monday.",
        "“Sam Doyle regrets it,” his lawyer said.",
        "The judge sentenced Samuel R. Doyle to a year.",
        "Doyle said he would appeal, calling it “a bad day.”",
    ) == [("Sam Doyle regrets it,", "his lawyer"), ("a bad day.", "Samuel Doyle Jr.")]


def test_a_cue_opening_its_sentence_before_the_name_is_not_part_of_it():
    assert said(
        "Mayor Ines Valdor spoke after the vote.",
        "Said Valdor: “The bridge will be finished by spring.”",
    ) == [("The bridge will be finished by spring.", "Ines Valdor")]
    assert said(
        "The old house is a museum now. Said Dorothy Ames, who grew up next door, “We were "
        "all so proud of him.”"
    ) == [("We were all so proud of him.", "Dorothy Ames")]


def test_a_dateline_is_not_the_speaker():
    """The place and agency opening a story stand before its first sentence, not in it."""
    for dateline in ("Lisbon (Reuters) – ", "OSLO (AP) — ", "OSLO — ", "Porto: ", "Porto (Lusa): "):
        assert said(
            dateline + "Finance Minister Petra Lund ruled out a tax rise on Tuesday, saying "
            "the budget would “hold without it.”"
        ) == [("hold without it.", "Petra Lund")]


def test_a_name_and_a_colon_opening_a_subheading_is_not_a_dateline():
    """A person named before a colon, and again in the sentence, is who the passage is
    about; a place before a colon is a dateline."""
    assert said(
        "Ana Ruiz: Housing On her campaign website, Senator Ana Ruiz calls for rent reform, "
        "“to make the market work for tenants.”"
    ) == [("to make the market work for tenants.", "Ana Ruiz")]


def test_a_name_given_with_called_inside_an_apposition_is_not_the_speaker():
    """ "called X," names a party or a firm in the description of the person who speaks
    next; before a quote of its own "called" still reports."""
    assert said(
        "Oksana Hrym, a former judge and head of a new party called VOLIA, said on Monday "
        "that the vote had been “a theft in daylight.”"
    ) == [("a theft in daylight.", "Oksana Hrym")]
    assert said("The mayor called Hrym, his old rival, a “menace.”") == [("menace.", "The mayor")]


def test_which_or_what_a_subject_calls_is_that_subjects_words():
    """A relative clause with a subject of its own before the quote: its words, not a term."""
    assert said("The council passed the levy, which Ana Ruiz calls “a burden on families.”") == [
        ("a burden on families.", "Ana Ruiz")
    ]
    assert said("Tomas Berg spoke against what he termed “a tax on hope.”") == [
        ("a tax on hope.", "Tomas Berg")
    ]
    assert said("The scheme, which is called “Safe Streets,” began in May.") == []
    assert said("The scheme, called “Safe Streets,” began in May.") == []


def test_said_a_name_about_another_is_the_first_names():
    """ "said X about Y": X speaks of Y; a preposition is no job word between two names."""
    assert said("Pia Lund chairs the board. “She should resign,” said Hollis about Lund.") == [
        ("She should resign,", "Hollis")
    ]


def test_finding_oneself_saying_is_the_subjects_saying():
    """ "found himself saying": the reflexive is the subject again, so the verb before it is no
    part of a name; an emphatic "herself" after a description changes nothing."""
    assert said("Tom Hale is tired. Often he finds himself thinking, “We need a break.”") == [
        ("We need a break.", "Tom Hale")
    ]
    assert said("The minister herself told reporters: “No.”") == [("No.", "The minister")]


def test_a_word_quoted_after_called_and_a_name_is_speech_before_a_preposition():
    """ "called Hale “reckless” before leaving": the name is the object of "called", and the
    word after the marks is no noun the quote would be an adjective of; "a “skinny” deal"
    stays a term."""
    assert said("Mayor Ana Ruiz called Hale “reckless” before leaving the hall.") == [
        ("reckless", "Ana Ruiz")
    ]
    assert said("The two sides signed a “skinny” deal on Friday.") == []


def test_which_a_described_person_calls_is_that_persons_words():
    assert said(
        "Thrift is part of the town's story, one which Yale historian Tomas Berg calls “a "
        "habit of the heart.”"
    ) == [("a habit of the heart.", "Tomas Berg")]


def test_one_word_and_a_comma_before_a_pronoun_clause_is_no_speaker():
    """ "Wait, it gets better:" opens with an interjection, not a name; "Ruiz, she said, …"
    still names Ruiz."""
    assert said("Wait, it gets better:", "“The fee doubles every year.”") == [
        ("The fee doubles every year.", None)
    ]
    assert said("Ruiz, she said, was right: “We won.”") == [("We won.", "Ruiz")]


def test_the_subject_after_so_that_or_when_says_the_words():
    """ "The day was so odd that a spokesman for Ruiz quipped: “…”": the clause after "so …
    that" (or "when", "because") has its own subject, who speaks."""
    assert said(
        "The scheduling was so odd that a spokesman for Ana Ruiz quipped: “The fair was booked.”"
    ) == [("The fair was booked.", "a spokesman for Ana Ruiz")]
    assert said("It rained so hard that the coach told reporters: “We could not see.”") == [
        ("We could not see.", "the coach")
    ]


def test_a_quote_after_telling_her_and_a_comma_is_the_tellers():
    """ "telling her, “…!” She replied.": the cue and its listener introduce the quote; the
    next sentence's "She replied" reports something else."""
    assert said(
        "In June, after Ana Ruiz fell ill, Tom Hale wrote to her, calling her “Ana” and telling "
        "her, “you are a star and we need you!” She replied the next day."
    ) == [("you are a star and we need you!", "Tom Hale")]


def test_a_quote_inside_a_parenthesis_is_from_the_name_that_opens_it():
    """The parenthesis holds a sentence of its own: its subject, not the outer one's."""
    assert said(
        "Historians name the famine for what it was (Rafael Lem, who coined the word, once "
        "said, “It happened so many times”)."
    ) == [("It happened so many times", "Rafael Lem")]


def test_a_participle_like_written_or_given_opening_a_sentence_is_no_name():
    """ "Given", "Written", "Taken" open a sentence as "Asked" does: no one is named "Given"."""
    assert said("Given his record, “we expected nothing less,” she said.") == [
        ("we expected nothing less,", None)
    ]


def test_that_quote_from_a_name_after_a_quote_names_its_speaker():
    """A quote that is its own sentence, then "That quote from X …": X's words."""
    assert said(
        "Tom Hale runs the bank.",
        "“I would rather lose the vote than lose the town.” That quote from the county "
        "commissioner, Ana Ruiz, sums up the mood.",
    ) == [("I would rather lose the vote than lose the town.", "Ana Ruiz")]


def test_a_ruling_or_finding_reported_with_that_is_its_authors():
    """ "ruled that", "concluded that", "found that": a court's or a study's judgement; the
    words quoted inside it are the court's or the study's, not a term."""
    assert said(
        "A magistrate ruled that the ferry operator must refund every passenger because of "
        "its “pattern of neglect”."
    ) == [("pattern of neglect", "A magistrate")]
    assert said(
        "The tribunal has now ruled that the council's notice was “vague and unfair” to tenants."
    ) == [("vague and unfair", "The tribunal")]
    assert said(
        "A review by the Harbour Trust concluded that the old pier was “beyond repair”."
    ) == [("beyond repair", "A review by the Harbour Trust")]
    assert said(
        "An inquiry found that the station's alarms had been “switched off for months”."
    ) == [("switched off for months", "An inquiry")]


def test_the_same_verbs_without_that_report_nothing():
    """ "ruled the city", "the talks concluded", "found the wallet": no judgement is
    reported, so a word in marks there stays a term."""
    assert (
        said("The family ruled the valley for a century and built the “long house” by the river.")
        == []
    )
    assert said('The talks concluded early and the "quiet room" was closed.') == []


def test_a_word_between_a_determiner_and_a_noun_in_a_that_clause_is_the_speakers():
    """ "said … that … the “temporary” shortages": the clause reports the speaker's words, so
    the marked word is theirs, not a label the writer put on the noun."""
    assert said(
        "The ministry said in a statement that it had paused the scheme because of the "
        "“temporary” shortages in the north."
    ) == [("temporary", "The ministry")]
    assert said(
        "Ana Ruiz told reporters on Monday that the council would drop its “green corridor” plan."
    ) == [("green corridor", "Ana Ruiz")]


def test_without_a_that_clause_such_a_word_stays_a_label():
    assert said("The firm said its “smart” kettle sold well.") == []
    assert said("Ana Ruiz said the council backed the “green corridor” plan.") == []


def test_a_cue_opened_by_as_after_the_noun_claims_the_word():
    """ "a “plain-spoken” mayor, as she once described herself": the "as" clause says whose
    word it is."""
    assert said(
        "Ana Ruiz ran as a “plain-spoken” mayor, as she once described herself to a room of "
        "farmers, and won twice."
    ) == [("plain-spoken", "Ana Ruiz")]


def test_an_as_clause_without_a_cue_leaves_the_label():
    assert (
        said("The council sold the “green corridor” land, as the minutes recorded in March.") == []
    )


def test_a_cue_word_that_reports_nobody_does_not_make_a_term_speech():
    """ "the observed level" is a participle used as an adjective and "what is predicted to
    come" a passive with nobody speaking: a word in marks beside them is a term."""
    assert (
        said(
            "The observed level of the lake was twice what is predicted to come from "
            "“seasonal” melt."
        )
        == []
    )


def test_a_reporting_noun_after_an_article_still_reports():
    assert said(
        "Ana Ruiz ended her speech with a lament for the “forgotten towns” of the north."
    ) == [("forgotten towns", "Ana Ruiz")]


def test_another_name_set_off_by_dashes_or_brackets_is_a_term():
    """ "hydraulic fracturing - “fracking” - which": the marks give the thing another name;
    nobody is quoted, even after "called"."""
    assert (
        said(
            "The town bet its future on a drilling method called hydraulic fracturing - "
            "“fracking” - which many farmers opposed."
        )
        == []
    )
    assert (
        said("Farmers now plant the new grain (“blue wheat”) on half the land, the ministry said.")
        == []
    )


def test_words_set_off_by_dashes_right_after_a_cue_are_speech():
    assert said("Ana Ruiz said — “never again” — and left the room.") == [
        ("never again", "Ana Ruiz")
    ]
