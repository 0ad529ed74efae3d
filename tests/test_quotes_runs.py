"""He, she and who keeps speaking across a run of quotes. Every sentence here is written
for these tests; each asserts the name a reader would see beside the quote.
"""

from __future__ import annotations

from reader.quotes import find_quotes


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(quote text, whom it is from) pairs, the way a reader sees them."""
    return [(q.text, q.who) for q in find_quotes(list(paragraphs))[0]]


def test_she_continued_is_the_last_speaker_not_the_woman_written_about_since():
    assert said(
        "“We need more buses,” said Ana Ruiz. Clara Brandt, her deputy, nodded.",
        "She continued, “What we need is trains.”",
    )[-1] == ("What we need is trains.", "Ana Ruiz")
    assert said(
        "Clara Brandt chaired the meeting.",
        "“We need more buses,” Ana Ruiz said.",
        "Brandt shook her head.",
        "She went on: “What we need is trains.”",
    )[-1] == ("What we need is trains.", "Ana Ruiz")


def test_he_added_skips_a_last_speaker_of_the_other_gender():
    assert said(
        "“The bridge will close,” said Tom Hale.",
        "“Not this year,” Mary Ruiz replied.",
        "“It has to,” he added.",
    )[-1] == ("It has to,", "Tom Hale")


def test_a_continuing_pronoun_after_an_unnamed_speaker_is_resolved_as_usual():
    """When the last speaker is a description nobody was named for, "he added" is not
    pinned to a speaker further back."""
    assert said(
        "“The port is open,” said Tom Hale on Monday.",
        "Marco Pell runs the ferry. “It is not,” a dock worker said.",
        "“We will strike,” he added.",
    )[-1] == ("We will strike,", "Marco Pell")


def test_a_woman_written_as_a_widow_is_she_whatever_her_first_name():
    """ "Terry" is listed as a man's name; "widow" before the name says otherwise."""
    assert said(
        "White House spokesman Josh Earnest defended the veto on Monday.",
        "“The rationales do not hold weight,” said 9/11 widow Terry Strada.",
        "She continued, “All we are asking for is a day in court.”",
    ) == [
        ("The rationales do not hold weight,", "Terry Strada"),
        ("All we are asking for is a day in court.", "Terry Strada"),
    ]


def test_a_man_titled_spokesman_is_not_thereby_he():
    """ "-man" job titles are written for women too, so they say nothing of gender."""
    assert said(
        "Campaign spokesman Hope Hicks answered first.",
        "“We will not comment,” she said.",
    ) == [("We will not comment,", "Hope Hicks")]


def test_a_name_after_the_cue_may_follow_a_modifier_written_with_a_slash():
    assert said("“The rationales do not hold weight,” said 9/11 widow Terry Strada.") == [
        ("The rationales do not hold weight,", "Terry Strada")
    ]


def test_a_one_word_name_speaking_after_a_quote_is_a_person_she_can_mean():
    """A capital after a quote closed on a comma is inside the sentence, so "Odalys" is a
    name there, not a word capitalised for opening one."""
    assert said(
        "Stephanie Marsh, a reporter, spent a week with the family.",
        "“I would vote for him,” Odalys said to the television, and she smiled.",
        "“Is he winning?” she said.",
    )[-1] == ("Is he winning?", "Odalys")


def test_and_said_after_a_new_clause_takes_that_clauses_subject():
    """ "laughed and said" shares the subject of "laughed", not of the cue before the comma."""
    assert said(
        "When Ana Ruiz mentioned the fares, Tom Hale laughed and said, “Nobody pays them.”"
    ) == [("Nobody pays them.", "Tom Hale")]
    assert said("Ana Ruiz mentioned the fares, then laughed and said, “Nobody pays them.”") == [
        ("Nobody pays them.", "Ana Ruiz")
    ]


def test_a_quote_right_after_its_cue_and_comma_is_not_taken_by_the_next_speaker():
    assert said(
        "When someone in the crowd shouted, “Lower the fares,” Ana Ruiz laughed, “We will.”"
    ) == [("Lower the fares,", "someone in the crowd"), ("We will.", "Ana Ruiz")]
    assert said("“We will fight,” Tom Hale said, “and we will win.”") == [
        ("We will fight,", "Tom Hale"),
        ("and we will win.", "Tom Hale"),
    ]


def test_he_is_the_sentence_subject_who_spoke_last_not_a_name_in_his_clause():
    """The man who argued and asked is "he", though the other man is named after him, is
    known to be a man by his first name, and spoke before."""
    assert said(
        "Corin Vale interviewed Donald Marsh on Friday.",
        "“The deal is done,” Marsh said.",
        "Vale argued that “voters” wanted more, but suggested Marsh went too far.",
        "“Was that a mistake?” he asked.",
    )[-1] == ("Was that a mistake?", "Corin Vale")
    assert said(
        "“The fares will rise,” said Donald Marsh.",
        "Nick Orban said that like Marsh, other members would back the plan.",
        "“There are a few of us,” he said.",
    )[-1] == ("There are a few of us,", "Nick Orban")


def test_she_after_a_sentence_opening_with_a_spokeswoman_is_that_spokeswoman():
    """Not the woman quoted before, nor the company: the sentence before says who "she" is."""
    assert said(
        "“Orders rose,” said Ana Kirk, the chief executive of Veltrix.",
        "A Veltrix spokeswoman declined to give a figure for the losses. "
        "“We expect a better year,” she said.",
    )[-1] == ("We expect a better year,", "A Veltrix spokeswoman")
    assert said(
        "Veltrix, the chip maker, said orders rose.",
        "A Veltrix spokeswoman declined to give a figure for the losses.",
        "“We expect a better year,” she said.",
    )[-1] == ("We expect a better year,", "A Veltrix spokeswoman")


def test_he_after_a_sentence_opening_with_a_title_is_the_person_given_it():
    assert said(
        "Admiral Harry Harris met Gen. Joseph Dunford at the Pentagon. “We talk,” Dunford said.",
        "Asked later about war, the admiral chuckled.",
        "“It is good that my voice is low,” he said.",
    )[-1] == ("It is good that my voice is low,", "Harry Harris")


def test_mr_or_ms_opening_a_name_says_the_persons_gender():
    """ "Mr. Rubel" is a man though his first name is not known: "she" is the woman named
    after him; "Mr. Clinton" beside "Hillary Clinton" is another Clinton, not a vote that
    she is a man."""
    assert said(
        "“It is embarrassing,” said Howard Rubel, an analyst. “Nobody wants that,” Mr. Rubel said.",
        "Back home, rising prices are the last thing Karlee Macer, a state lawmaker, wants.",
        "“My family all worked in factories,” she said.",
    )[-1] == ("My family all worked in factories,", "Karlee Macer")
    assert said(
        "Mr. Clinton campaigned in Ohio. Mr. Clinton spoke for an hour.",
        "Hillary Clinton met Ana Marsh, an intern, on Friday.",
        "Hillary Clinton did not hesitate. “Everybody should be believed,” she said.",
    )[-1] == ("Everybody should be believed,", "Hillary Clinton")


def test_he_is_who_reported_not_someone_his_reported_words_are_about():
    """A reporting word inside what someone else reports ("said … that Webb had conceded")
    makes its subject no speaker, so the next "he said" stays with the one reporting."""
    assert said(
        "Dale Hunter, for example, said he hopes the talks end with Carl Webb claiming the seat.",
        "“The first thing is to stop the merger,” he said.",
    )[-1] == ("The first thing is to stop the merger,", "Dale Hunter")
    assert said(
        "Dale Hunter said the mood was tense, and noted that Carl Webb had conceded the point.",
        "“Nobody wants a strike,” he said.",
    )[-1] == ("Nobody wants a strike,", "Dale Hunter")


def test_mrs_before_a_surname_her_husband_shares_makes_that_mention_she():
    """The article's "Mr. Hale" makes the name Hale a man's; "Mrs. Hale" is a woman all the
    same, and the one "she" means when her sentence opens right before the quote."""
    assert said(
        "Mr. Hale said he would sell the farm. Mr. Hale has run it for thirty years.",
        "“It is time,” said Ana Price, a neighbour who farms to the east.",
        "Mrs. Hale did not hesitate. “We will keep the orchard,” she said.",
    )[-1] == ("We will keep the orchard,", "Hale")


def test_a_job_or_an_age_beside_a_name_makes_it_a_person_he_can_mean():
    """A given name no list knows ("Tavi") leaves a name unconfirmed; a job word before it
    or an age after it says it is a person as well as a "Mr." would."""
    assert said(
        "“We will win in the fall,” said Ron Weiss, a co-chair of the campaign.",
        "Republican pollster Tavi Lorne is skeptical that the party can unite.",
        "“It will not happen by itself,” he said.",
    )[-1] == ("It will not happen by itself,", "Tavi Lorne")
    assert said(
        "“We will win in the fall,” said Ron Weiss, a co-chair of the campaign.",
        "One voter, Tavi Lorne, 35, came in a red cap.",
        "“I liked every reason they gave,” he said.",
    )[-1] == ("I liked every reason they gave,", "Tavi Lorne")


def test_a_contraction_opening_a_sentence_is_no_given_name():
    """ "Don’t members risk …" names nobody, though the article has a Don Hale."""
    assert said(
        "Don Hale said he would wait for the board.",
        "“The clock is running,” Carl Tobin said.",
        "But what if the board refuses? Don’t members risk losing the vote?",
        "“They should do what they want,” he said.",
    )[-1] == ("They should do what they want,", "Carl Tobin")


def test_a_name_after_he_and_a_verb_is_no_sentence_subject():
    """ "He had booed Donald Weiss" is about the man before, not about Weiss."""
    assert said(
        "One voter, Tavi Lorne, came in a red cap. He had booed Donald Weiss at a rally.",
        "“I liked every reason they gave,” he said.",
    ) == [("I liked every reason they gave,", "Tavi Lorne")]


def test_a_name_after_a_gerund_opening_the_sentence_is_its_object():
    """ "Choosing between Ruiz and Hale is …" is about choosing: Ruiz is no subject that
    "she said" could lean to."""
    assert said(
        "Mara Voss will not back Ana Ruiz.",
        "Choosing between Ruiz and Hale is a “false choice,” she said.",
    ) == [("false choice,", "Mara Voss")]


def test_he_opening_a_clause_before_a_participle_is_a_pronoun_not_a_description():
    """ "He struggles with bragging conceding that …" is his, not "He struggles"'s."""
    assert said("Tom Hale spoke next. He struggles with bragging conceding that “it is hard.”") == [
        ("it is hard.", "Tom Hale")
    ]


def test_quotes_alone_after_a_paragraph_about_the_last_speaker_stay_theirs():
    """A paragraph that quotes nobody and names only the last speaker does not end their
    run: the bare quotes after it are still theirs."""
    assert said(
        "Ana Ruiz told the council her plan would “fix the buses” by spring.",
        "How it would be paid for was left unclear, since Ruiz answered only in slogans.",
        "“We have to act now.”",
        "“Nobody else will.”",
    )[1:] == [("We have to act now.", "Ana Ruiz"), ("Nobody else will.", "Ana Ruiz")]


def test_a_paragraph_naming_someone_else_too_ends_the_run():
    """With another person in play the bare quote could be either's: no speaker."""
    assert said(
        "Ana Ruiz told the council her plan would “fix the buses” by spring.",
        "How it would be paid for was left unclear, since Ruiz looked to Tom Hale.",
        "“We have to act now.”",
    )[-1] == ("We have to act now.", None)


def test_the_person_quoted_through_quoting_is_no_recent_speaker():
    """ "Hale wrote, quoting Pell's report. He added, …": Pell's report is what Hale passed
    on, so "he added" goes on with Hale."""
    assert said(
        "Tom Hale went on the radio on Friday.",
        "“The bridge ‘was never inspected.’ Shameful!” Hale wrote, quoting Marco Pell’s "
        "report. He added, “Someone must answer for it.”",
    )[-1] == ("Someone must answer for it.", "Tom Hale")
