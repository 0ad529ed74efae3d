"""The sidebar's "Quoted" list as a reader sees it: one row per person, descriptions apart.

Every article here is written for these tests.
"""

from __future__ import annotations

from reader.model import Quote
from reader.quotes.speakers import quoted_speakers
from reader.ui.app import ReaderApp
from reader.ui.reading_pane import ReadingPane
from reader.ui.sidebar import UNNAMED_HEADING, SpeakerList

SIZE = (120, 40)

STORY = """# Ferry company names a new chief

Actor Tomas Brenner opened the new ferry terminal in Harwick on Monday.

"I took this ferry every summer as a boy," Brenner said.

"It is the best crossing in the country," the actor added.

Mara Quist, who runs the harbour cafe, was less sure. "The queues are longer than ever," Quist said.

"We were never asked," a local fisherman said.

"We will look at the timetable again," said Tomas Brenner, before leaving.
"""


def option_texts(speakers: SpeakerList) -> list[str]:
    return [str(speakers.get_option_at_index(i).prompt) for i in range(speakers.option_count)]


async def test_every_form_of_one_speaker_is_one_row_and_descriptions_stand_apart(tmp_path):
    story = tmp_path / "ferry.md"
    story.write_text(STORY)
    app = ReaderApp([str(story)])
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_until_loaded()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        speakers = app.query_one(SpeakerList)
        rows = option_texts(speakers)
        assert rows[0] == "Tomas Brenner  3"  # full name, surname and "the actor": one row
        assert rows[1] == "Mara Quist  1"
        assert rows[2:] == [UNNAMED_HEADING, "a local fisherman  1"]
        assert not any(row.startswith(("Brenner", "the actor")) for row in rows)
        assert speakers.get_option_at_index(2).disabled  # the heading cannot be chosen

        speakers.focus()
        await pilot.press("enter")  # Tomas Brenner: all three of his quotes are his
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.chosen_speaker == "Tomas Brenner"
        assert sum(q.who == "Tomas Brenner" for q in pane.article.quotes) == 3
        assert "the actor" in {q.speaker for q in pane.article.quotes}  # as the text has it


def test_a_short_form_two_people_could_own_stays_apart():
    quotes = [
        Quote("A", "Hillary Clinton", "said", 0, 0, 1),
        Quote("B", "Bill Clinton", "said", 1, 0, 1),
        Quote("C", "Clinton", "said", 2, 0, 1),
        Quote("D", "Cook", "said", 3, 0, 1),
        Quote("E", "Tim Cook", "said", 4, 0, 1),
        Quote("F", "the company", "said", 5, 0, 1),
        Quote("G", "Electoral Commission", "said", 6, 0, 1),
    ]
    rows = {row.name: row for row in quoted_speakers(quotes)}
    assert rows["Tim Cook"].count == 2 and rows["Tim Cook"].forms == ("Tim Cook", "Cook")
    assert {"Hillary Clinton", "Bill Clinton", "Clinton"} <= rows.keys()
    assert rows["the company"].kind == "description"
    assert rows["Electoral Commission"].kind == "organisation"
    assert rows["Tim Cook"].kind == "person"
    assert [row.name for row in quoted_speakers(quotes)][-1] == "the company"  # descriptions last


def test_a_description_tied_to_a_person_joins_their_row_and_one_left_alone_stays_apart():
    quotes = [
        Quote("A", "the 56-year-old", "said", 0, 0, 1, person="Ines Albrecht"),
        Quote("B", "Albrecht", "said", 1, 0, 1),
        Quote("C", "Ines Albrecht", "said", 2, 0, 1),
        Quote("D", "the 40-year-old", "said", 3, 0, 1),
    ]
    rows = {row.name: row for row in quoted_speakers(quotes)}
    assert rows["Ines Albrecht"].count == 3
    assert set(rows["Ines Albrecht"].forms) == {"Ines Albrecht", "Albrecht", "the 56-year-old"}
    assert rows["the 40-year-old"].kind == "description"
    assert rows.keys() == {"Ines Albrecht", "the 40-year-old"}
