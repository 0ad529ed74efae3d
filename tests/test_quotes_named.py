"""Named speakers: which person or organisation a quote is from, by the role of each name.

Hand-written sentences only; each test is a class of error seen on articles nobody tuned to.
"""

from __future__ import annotations

from reader.model import Quote
from reader.quotes import find_quotes


def quotes_of(*paragraphs: str) -> list[Quote]:
    return find_quotes(list(paragraphs))[0]


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quote text, whom it is from) pairs, the way a reader sees them."""
    return [(q.text, q.who) for q in quotes_of(*paragraphs)]


def test_a_publication_right_after_a_quote_wins_over_a_cue_before_it():
    assert said(
        "Mayor Luis Ortega unveiled his housing plan on Monday.",
        "The three changes he cited are “a cap on rents, a tax on empty homes and more "
        "inspectors,” The Ledger reported.",
    ) == [("a cap on rents, a tax on empty homes and more inspectors,", "Ledger")]


def test_a_negated_reporting_verb_names_no_speaker_of_its_own():
    assert said(
        "Mayor Luis Ortega spoke after the count.",
        '"We lost by forty votes," Ortega said at the hall. He didn\'t suggest a recount. '
        '"Our task now is to rebuild trust."',
    ) == [
        ("We lost by forty votes,", "Luis Ortega"),
        ("Our task now is to rebuild trust.", "Luis Ortega"),
    ]


def test_a_one_word_name_given_a_title_is_a_person_a_pronoun_can_mean():
    assert said(
        "Rep. Paul Castell urged President Okoro to act on the leaks.",
        '"This is troubling," Castell told reporters on Wednesday.',
        "Castell, 56, who has sat on the committee for a decade, told the paper it was clear.",
        '"We have had leaks before," Okoro said after meeting Premier Rafael Duarte. '
        'He did not threaten anyone. "Our goal is calm, not escalation."',
    )[1:] == [
        ("We have had leaks before,", "Okoro"),
        ("Our goal is calm, not escalation.", "Okoro"),
    ]


def test_a_transcript_label_in_capitals_names_the_speaker_of_its_paragraph():
    assert said(
        "On Sunday's show, Senator Rosa Iriarte said the vote would be close.",
        "A partial transcript follows:",
        '"HALVORSEN: Let us start with the vote. Will you have the numbers?',
        '"IRIARTE: Well, look, we are counting every day. The papers say we are short.',
        '"HALVORSEN: So you are confident?',
        '"IRIARTE: I am. And I will say this.',
        '"We have never lost a vote we counted twice."',
    ) == [
        ("HALVORSEN: Let us start with the vote. Will you have the numbers?", "Halvorsen"),
        (
            "IRIARTE: Well, look, we are counting every day. The papers say we are short.",
            "Rosa Iriarte",
        ),
        ("HALVORSEN: So you are confident?", "Halvorsen"),
        ("IRIARTE: I am. And I will say this.", "Rosa Iriarte"),
        ("We have never lost a vote we counted twice.", "Rosa Iriarte"),
    ]


def test_a_one_off_heading_in_capitals_is_not_a_speaker():
    assert said(
        'Mayor Luis Ortega spoke on Friday. "UPDATE: The vote is moved to Monday," he said.'
    ) == [("UPDATE: The vote is moved to Monday,", "Luis Ortega")]


def test_a_surname_that_is_also_a_title_word_after_a_given_name_is_a_name():
    assert said(
        "Rep. Peter King spoke to reporters on Tuesday about the budget.",
        '"We must act before the recess," he said.',
    ) == [("We must act before the recess,", "Peter King")]


def test_a_title_word_before_jr_is_a_surname():
    """ "King", "Dean", "Judge" before "Jr." or "III": a title is never followed by a
    suffix, so the word is a surname even after a given name the lists do not know."""
    assert said("“The bridge will open in May,” said Alvar Tomas King Jr. on Monday.") == [
        ("The bridge will open in May,", "Alvar Tomas King Jr.")
    ]
    assert said("Ostin Dean III said: “We will rebuild the mill.”") == [
        ("We will rebuild the mill.", "Ostin Dean III")
    ]


def test_a_parenthesis_after_a_name_keeps_the_name_as_the_subject():
    assert said(
        "Tuesday at the college in Berea, after the count, Gov. Dana Kessler (R-OH), said, "
        "“We are getting ready for the next round.”"
    ) == [("We are getting ready for the next round.", "Dana Kessler")]


def test_a_sentence_opening_with_when_or_where_keeps_its_subject():
    assert said(
        "Here in Dunmore, Ana Ruiz stepped up her attacks on the plan, saying, "
        "“We have to stop it before the vote.”"
    ) == [("We have to stop it before the vote.", "Ana Ruiz")]
    assert said(
        "Senator Ana Ruiz met the council.",
        "Monday night, Ruiz turned on the plan, calling it “a tax on the poor.”",
    ) == [("a tax on the poor.", "Ana Ruiz")]


def test_back_then_and_ever_since_openings_are_not_names():
    assert said(
        "Back in 1999, Mr. Ortega praised the mayor's skills, telling a radio host: "
        "“I wish I could be like that.”"
    ) == [("I wish I could be like that.", "Ortega")]
    assert said(
        "Ever since she endorsed the mayor this month, Ms. Ruiz has been his loudest ally, "
        "attacking the council with a simple message: “Get to work.”"
    ) == [("Get to work.", "Ruiz")]


def test_a_relative_clause_with_two_reporting_words_still_leaves_the_subject_before_it():
    assert said(
        "Mayor Ana Ruiz, who called Marsh shortly after the result was declared, told her "
        "supporters, “I still love this city, and I always will.”"
    ) == [("I still love this city, and I always will.", "Ana Ruiz")]


def test_a_name_ending_a_long_clause_before_the_cue_is_its_subject():
    assert said(
        "The hearing between the two rivals grew so heated over who had voted for which "
        "budget bill last spring that New Jersey Gov. Dana Kessler said, “I need a referee.”"
    ) == [("I need a referee.", "Dana Kessler")]


def test_a_person_of_a_place_or_an_organisation_is_the_person():
    assert said("Larry Osei of the University of Dunmore said, “This is a coup.”") == [
        ("This is a coup.", "Larry Osei")
    ]
    assert said("“It will pass,” said Chancellor Ana Ruiz of Germany.") == [
        ("It will pass,", "Ana Ruiz")
    ]
    assert said(
        "The chairman of the Joint Chiefs of Staff, Gen. Paul Okafor, said, “We are ready.”"
    ) == [("We are ready.", "Paul Okafor")]


def test_an_opening_preposition_or_even_does_not_hide_the_subject():
    assert said(
        "Alongside the protests, even a senior party strategist said the mayor must choose, "
        "saying, “At some point, she has to come out.”"
    ) == [("At some point, she has to come out.", "a senior party strategist")]


def test_a_quote_paragraph_after_a_paragraph_about_a_person_is_that_persons():
    assert said(
        "“The budget is a mess,” Councillor Tom Fenwick said on Monday.",
        "The vote was delayed twice in March.",
        "Mayor Ana Ruiz has led the council since 2019. She faces the voters in May.",
        "“Not one school will close while I am mayor.”",
    ) == [
        ("The budget is a mess,", "Tom Fenwick"),
        ("Not one school will close while I am mayor.", "Ana Ruiz"),
    ]


def test_or_and_adverbs_before_a_clause_do_not_hide_the_speaker():
    assert said(
        "Or, as Tom Okafor, a former harbour master, put it: “The storms are no longer at "
        "the gate.”"
    ) == [("The storms are no longer at the gate.", "Tom Okafor")]
    assert said(
        "But almost immediately after she spoke, Paul Brandt, who was an adviser to the mayor, "
        "tweeted this: “She did it again.”"
    ) == [("She did it again.", "Paul Brandt")]


def test_a_verb_with_a_particle_before_a_colon_introduces_the_speaker():
    assert said(
        "When Brandt suggested that the city would sue the county, Ruiz fired back "
        "forcefully: “If they sue us, they will lose.”"
    ) == [("If they sue us, they will lose.", "Ruiz")]


def test_a_dash_line_under_a_quote_paragraph_signs_it():
    assert said(
        "The council debated the budget on Thursday night, with Mayor Ana Ruiz and "
        "Councillor Tom Fenwick trading claims.",
        '"Almost every new dollar is going to the top one percent of households."',
        "- Tom Fenwick.",
        "The councillor is relying on an outdated figure.",
        '"I will look into it. I do not know the status."',
        "-Ruiz, in the debate.",
    ) == [
        ("Almost every new dollar is going to the top one percent of households.", "Tom Fenwick"),
        ("I will look into it. I do not know the status.", "Ana Ruiz"),
    ]


def test_a_dash_after_the_quote_on_its_line_signs_it():
    assert said("“He was the finest writer I knew.” — Neil Okafor") == [
        ("He was the finest writer I knew.", "Neil Okafor")
    ]


def test_readers_words_each_signed_with_a_quotation_dash_are_theirs():
    """A list of readers' own words, each signed with a horizontal bar (U+2015), the
    signer's initial no end of the name, and a signature after a stray closing mark."""
    assert said(
        "We asked readers what they thought of the debate.",
        "“The rent in this town is a scandal. Nobody on stage said so.”\u2015 Dana Whitlow",
        "“I came away with more questions than I went in with.” \u2015\u00a0Lorna J. Pike.",
        "“My father said ‘never trust a promise in a debate.” And he was right.” \u2015 Omar Bel",
    ) == [
        ("The rent in this town is a scandal. Nobody on stage said so.", "Dana Whitlow"),
        ("I came away with more questions than I went in with.", "Lorna J. Pike"),
        ("My father said ‘never trust a promise in a debate.", "Omar Bel"),
    ]


def test_a_name_line_under_a_quote_of_nobody_signs_it_not_the_quote_below():
    """Readers' words, each with its writer's name on the line under it: the name is the
    quote's above, not an introduction of the next one."""
    assert said(
        "We asked readers what they thought of the debate.",
        "“The rent in this town is a scandal. Nobody on stage said so.”",
        "Dana Whitlow, 34, Phoenix",
        "“I came away with more questions than I went in with.”",
        "Omar Bel, retired teacher",
    ) == [
        ("The rent in this town is a scandal. Nobody on stage said so.", "Dana Whitlow"),
        ("I came away with more questions than I went in with.", "Omar Bel"),
    ]


def test_a_name_line_over_quotes_still_introduces_them():
    assert said(
        "We asked readers what they thought of the debate.",
        "Dana Whitlow, 34, Phoenix",
        "“The rent in this town is a scandal. Nobody on stage said so.”",
        "Omar Bel, retired teacher",
        "“I came away with more questions than I went in with.”",
    ) == [
        ("The rent in this town is a scandal. Nobody on stage said so.", "Dana Whitlow"),
        ("I came away with more questions than I went in with.", "Omar Bel"),
    ]


def test_a_wire_credit_under_the_last_quote_signs_nothing():
    """ "- Reuters." closing a wire story credits the agency: a signature is a person's, and
    the quote above stays with whom the paragraph is about."""
    assert said(
        "Mayor Ana Ruiz spoke at the harbour on Friday.",
        'Asked about the ferry, she smiled. "We will build it, and soon."',
        "- Reuters.",
    ) == [("We will build it, and soon.", "Ana Ruiz")]


def test_a_dash_heading_or_byline_after_prose_signs_nothing():
    assert said(
        '"We will rebuild," Mayor Ana Ruiz said on Friday. The council met after that.',
        "- Tom Fenwick.",
        "– Ready for the vote –.",
    ) == [("We will rebuild,", "Ana Ruiz")]


def test_any_verb_after_a_name_and_before_a_comma_and_a_quote_attributes_it():
    assert said(
        "After Councillor Tom Fenwick criticized her record, Ana Ruiz shot back, "
        "“I could have stayed home, but I chose to serve.”"
    ) == [("I could have stayed home, but I chose to serve.", "Ana Ruiz")]
    assert said(
        "Yet for all the carping that Fenwick is a dreamer - during their first debate, Mayor "
        "Ana Ruiz cracked, “I am a builder who likes to finish things” - he has often won."
    ) == [("I am a builder who likes to finish things", "Ana Ruiz")]
    assert (
        said(
            "Ruiz's supporters, “the builders,” packed the hall.",
        )
        == []
    )


def test_after_the_cue_a_name_before_a_job_only_says_whose_job():
    assert said("“We need the ferry,” said Harbour Trust analyst Carla Mendes.") == [
        ("We need the ferry,", "Carla Mendes")
    ]
    assert said("“We need the ferry,” said Ruiz spokesman Tom Okafor, after the vote.") == [
        ("We need the ferry,", "Tom Okafor")
    ]
    assert said("“We need the ferry,” said Ana Ruiz on Tuesday.") == [
        ("We need the ferry,", "Ana Ruiz")
    ]


def test_a_participle_opening_a_proper_name_stays_in_it():
    """The United States is a name of two words; a participle glued to a known person at a
    sentence start ("Hosting Ardent") is not part of that person's name."""
    assert said("“We will not sign the treaty,” the United States said on Friday.") == [
        ("We will not sign the treaty,", "United States")
    ]
    assert said(
        "Chip maker Tim Ardent spoke at the forum on Monday.",
        "Hosting Ardent was a coup for the organisers. “We are not raising prices,” Ardent said.",
    ) == [("We are not raising prices,", "Tim Ardent")]
    assert said("“Wages are rising,” said Jared Okafor, an economist.") == [
        ("Wages are rising,", "Jared Okafor")
    ]


def test_a_poll_or_study_that_found_what_is_quoted_is_its_speaker():
    assert said("“Voters are unhappy with both candidates,” the Harlow poll found.") == [
        ("Voters are unhappy with both candidates,", "the Harlow poll")
    ]


def test_a_credit_line_between_a_sentence_and_a_quote_is_nobody_speaking():
    """A photo credit or caption of a name alone says nothing about anyone: the quote under
    it is not the credited agency's."""
    assert said(
        "Mayor Luis Ortega toured the flooded district on Friday.",
        "Getty Images",
        "“We will rebuild the bridge by spring.”",
    ) == [("We will rebuild the bridge by spring.", None)]
    assert said(
        "Mayor Luis Ortega toured the flooded district on Friday.",
        "“We will rebuild the bridge by spring.”",
    ) == [("We will rebuild the bridge by spring.", "Luis Ortega")]


def test_a_document_the_words_came_through_is_the_medium_not_the_speaker():
    assert said(
        "Foreign Minister Sergei Lavrov spoke to a Swiss channel on Sunday.",
        "Lavrov said in the interview, according to a transcript released by the ministry: "
        "“We never interfered in anything.”",
    ) == [("We never interfered in anything.", "Sergei Lavrov")]
    assert said(
        "According to a transcript released by the ministry: “We never interfered in anything.”"
    ) == [("We never interfered in anything.", "a transcript")]


def test_whose_statement_post_or_reply_it_is_names_the_speaker():
    """A document or a reply only carries someone's words: the quote is its owner's."""
    opening = "Mayor Ana Ruiz endorsed the ferry plan on Wednesday."
    assert said(opening, "Ruiz’s response was: “Is the harbour ready for it?”") == [
        ("Is the harbour ready for it?", "Ana Ruiz")
    ]
    assert said(opening, "From Ruiz's Facebook post: “We must build it now.”") == [
        ("We must build it now.", "Ana Ruiz")
    ]
    assert said(opening, "“We must build it now,” Ruiz's statement said.") == [
        ("We must build it now,", "Ana Ruiz")
    ]
    assert said("Ruiz's critics were blunt: “She has lost her way.”") == [
        ("She has lost her way.", None)
    ]


def test_a_bare_reporting_sentence_after_a_quote_closed_with_a_stop_attributes_it():
    """A reporting sentence like "Kim said." reports nothing of its own: it can only be the
    quote before it, whether the writer closed that quote with a comma, a stop or an ellipsis."""
    opening = "Senator Ana Ruiz and Governor Tom Kim met on Monday."
    assert said(opening, "“We will find the money.” Kim said.") == [
        ("We will find the money.", "Tom Kim")
    ]
    assert said(opening, "“I will look at a lot of options…” Kim said on Monday. “Why not?”") == [
        ("I will look at a lot of options…", "Tom Kim"),
        ("Why not?", "Tom Kim"),
    ]
    assert said(opening, "“We will find the money.” Kim said the rest would wait.") == [
        ("We will find the money.", None)
    ]


def test_a_number_closing_a_name_is_part_of_it():
    assert said("“We stand by the report,” broadcaster Channel Nine said on Friday.") == [
        ("We stand by the report,", "Channel Nine")
    ]
    assert said("“We stand by the report,” said Ana Ruiz. Nine others agreed.") == [
        ("We stand by the report,", "Ana Ruiz")
    ]


def test_what_someone_would_say_is_theirs_not_the_askers():
    """In "he’d respond, “…”" the subject of the verb before the comma speaks, not the editors
    who asked in the clause before it."""
    assert said(
        "Tom Hale wrote for the paper for thirty years.",
        "When his editors would ask him for a deadline, he’d respond, “When it is done.”",
    ) == [("When it is done.", "Tom Hale")]
    assert said(
        "Tom Hale wrote for the paper for thirty years.",
        "When his editors asked him for a deadline, he would reply, “When it is done.”",
    ) == [("When it is done.", "Tom Hale")]


def test_he_interjecting_is_not_the_woman_who_spoke_before():
    """When "he" finds nobody, the quote is not carried on from a speaker whose given name
    says she is a woman: no speaker rather than the wrong one."""
    assert said(
        "“It is awful that someone with his temperament is not in charge of the law,” "
        "Hillary Clinton said.",
        "“Because you would be in jail,” he interjected.",
    ) == [
        (
            "It is awful that someone with his temperament is not in charge of the law,",
            "Hillary Clinton",
        ),
        ("Because you would be in jail,", None),
    ]


def test_an_age_written_onto_a_name_opening_the_sentence_leaves_the_name_its_subject():
    assert said(
        "76-year-old Tom Hale, founder of the Harbour Trust, endorsed Ruiz last week, "
        "saying she “has always stood by the fishermen.”"
    ) == [("has always stood by the fishermen.", "Tom Hale")]


def test_a_participle_hangs_from_the_clause_right_before_it():
    """ ", as Ruiz echoed the criticism, saying “…”": Ruiz is saying it, not whatever the
    sentence opened with."""
    assert said(
        "It was a sharp exchange between the two candidates, as Mayor Ana Ruiz echoed the "
        "criticism, saying the council “has failed the harbour for a decade.”"
    ) == [("has failed the harbour for a decade.", "Ana Ruiz")]
    assert said(
        "Mayor Ana Ruiz spoke on Monday, as reporters gathered, saying “we will rebuild.”"
    ) == [("we will rebuild.", "Ana Ruiz")]


def test_a_code_of_letters_and_digits_before_a_job_is_no_name():
    """In "said L2 president Ana Ruiz" the firm's code only says whose president she is."""
    assert said("“It was a large purchase of data,” said K9 president Ana Ruiz.") == [
        ("It was a large purchase of data,", "Ana Ruiz")
    ]


def test_a_known_given_name_after_an_organisation_and_a_capitalised_job_opens_a_person():
    """ "Harbour Post Editor-in-Chief Martin Lowe" is the Post's editor, a person: "said
    Lowe" later is Martin Lowe, and he is who "he continued" can mean."""
    quotes = find_quotes(
        [
            "In a statement released by Harbour Post Editor-in-Chief Martin Lowe, the plan "
            "was set out.",
            "“We will cover every council meeting,” said Lowe.",
            "Donald Hale, the owner, was not at the launch.",
            "He continued, “That is what readers pay for.”",
        ]
    )[0]
    assert [(q.text, q.who) for q in quotes] == [
        ("We will cover every council meeting,", "Martin Lowe"),
        ("That is what readers pay for.", "Martin Lowe"),
    ]


def test_a_statement_from_a_person_carries_that_persons_words():
    """ "according to a statement from Ana Ruiz" is Ruiz speaking, as "Ruiz's statement"
    is: the document only carries the words."""
    assert said("“The fares will not rise,” according to a statement from Ana Ruiz.") == [
        ("The fares will not rise,", "Ana Ruiz")
    ]


def test_a_known_given_name_after_two_words_of_a_title_opens_the_name():
    """ "Senate Majority Whip John Cornyn": "Whip" is no title word the list knows, yet the
    person is John Cornyn, as "Billionaire Mark Cuban" is Mark Cuban."""
    assert said("“We will vote on Friday,” said Senate Majority Whip John Cornyn.") == [
        ("We will vote on Friday,", "John Cornyn")
    ]


def test_words_quoted_inside_a_two_level_report_are_the_outer_reporters():
    """ "X wrote that Y acknowledged … “…”": X tells what Y said and quotes X's own words."""
    assert said(
        "The Ledger wrote that Ana Ruiz admitted she had taken to “feeding the pigeons at "
        "midnight with stolen bread.”"
    ) == [("feeding the pigeons at midnight with stolen bread.", "Ledger")]
    assert said(
        "Tom Hale wrote that Ana Ruiz acknowledged in an interview that she had been “far "
        "too slow to see the danger.”"
    ) == [("far too slow to see the danger.", "Tom Hale")]


def test_a_second_speaker_after_as_or_after_keeps_their_own_words():
    assert said("“We are not done,” Tom Hale said as Ana Ruiz shouted: “Sit down!”") == [
        ("We are not done,", "Tom Hale"),
        ("Sit down!", "Ana Ruiz"),
    ]
    assert said(
        "Tom Hale posted a reply after Ana Ruiz argued that “nobody reads the minutes anyway.”"
    ) == [("nobody reads the minutes anyway.", "Ana Ruiz")]
