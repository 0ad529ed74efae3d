"""The plain-text scrape cleaner: a page copied out of a browser, cleaned into an article.

`tests/corpus/text/` holds invented scrapes in the layouts of many kinds of
publisher, each with the article a careful editor would extract from it.
Every field is checked. The focused tests below pin the input quirks users'
files have: Windows line endings, tabs, non-breaking spaces, hard wraps,
no blank lines, Japanese text and pages with no headline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.clean import clean_bytes
from reader.clean.text import clean_text

CORPUS = Path(__file__).parent / "corpus" / "text"
SCRAPES = sorted(p.stem for p in CORPUS.glob("*.txt"))
FIELDS = (
    "title",
    "authors",
    "publisher",
    "section",
    "published",
    "summary",
    "paragraphs",
    "headings",
)

STORY = [
    "The town council agreed on Tuesday to rebuild the old footbridge over the canal, which has "
    "been closed since a barge struck one of its supports in the spring.",
    "Work will start in March and is expected to take about five months. The council said the "
    "new bridge would be wide enough for bicycles and wheelchairs.",
    '"People have had to walk a mile round for most of the year," said Ana Lopes, who runs the '
    "cafe on the towpath.",
    "The bridge will cost £1.8 million, most of it paid by the canal trust's insurers.",
]


def expected(name: str) -> dict:
    return json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))


def cleaned(name: str):
    data = (CORPUS / f"{name}.txt").read_bytes()
    return clean_bytes(data, str(CORPUS / f"{name}.txt"), "text")


def page(*header: str, story: list[str] = STORY, footer: tuple[str, ...] = ()) -> str:
    return "\n".join([*header, *story, *footer]) + "\n"


def test_the_corpus_is_large_and_varied() -> None:
    assert len(SCRAPES) >= 20
    assert all((CORPUS / f"{name}.json").exists() for name in SCRAPES)


@pytest.mark.parametrize("name", SCRAPES)
@pytest.mark.parametrize("field", FIELDS)
def test_corpus_field(name: str, field: str) -> None:
    article = cleaned(name)
    assert getattr(article, field) == expected(name)[field]


@pytest.mark.parametrize("name", SCRAPES)
def test_corpus_format_is_text(name: str) -> None:
    assert cleaned(name).format == "text"


HEADER = (
    "Skip to content",
    "The Canal Times",
    "News",
    "Sport",
    "Local",
    "Footbridge over the canal to be rebuilt next year",
)
FOOTER = (
    "Related",
    "Lock gates to be replaced in winter",
    "Advertisement",
    "© 2026 The Canal Times",
)


def test_windows_line_endings_give_the_same_article() -> None:
    text = page(*HEADER, "By Jo Marsh", "June 2, 2026", footer=FOOTER)
    unix = clean_text(text, "a.txt")
    windows = clean_text(text.replace("\n", "\r\n"), "a.txt")
    assert windows.paragraphs == unix.paragraphs == STORY
    assert (windows.title, windows.authors, windows.published) == (
        "Footbridge over the canal to be rebuilt next year",
        ["Jo Marsh"],
        "2026-06-02",
    )
    assert not any("\r" in p for p in windows.paragraphs)


def test_tabs_and_indentation_are_removed() -> None:
    text = page(
        *(f"\t{line}" for line in HEADER),
        "\tBy\tJo Marsh",
        story=[f"\t\t{p}" for p in STORY],
        footer=FOOTER,
    )
    article = clean_text(text, "a.txt")
    assert article.paragraphs == STORY
    assert article.authors == ["Jo Marsh"]


def test_byline_with_non_breaking_spaces_is_a_name() -> None:
    text = page(*HEADER, "Jo\u00a0Marsh", "2 June 2026", footer=FOOTER)
    article = clean_text(text, "a.txt")
    assert article.authors == ["Jo Marsh"]
    assert article.paragraphs == STORY


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jo Marsh and Sam Hale", ["Jo Marsh", "Sam Hale"]),
        ("By Jo Marsh, Transport Reporter", ["Jo Marsh"]),
        ("By Jo Marsh, Sam Hale and Lee Wong", ["Jo Marsh", "Sam Hale", "Lee Wong"]),
        ("Jo Marsh | The Canal Times", ["Jo Marsh"]),
        ("By Reuters", ["Reuters"]),
    ],
)
def test_common_byline_forms(byline: str, authors: list[str]) -> None:
    article = clean_text(page(*HEADER, byline, "June 2, 2026", footer=FOOTER), "a.txt")
    assert article.authors == authors
    assert article.paragraphs == STORY


def test_photo_credit_is_never_an_author() -> None:
    text = page(
        *HEADER, "The footbridge after the collision", "Photo: Kim Ode/Getty Images", footer=FOOTER
    )
    article = clean_text(text, "a.txt")
    assert article.authors == []
    assert all("Getty" not in p and "collision" not in p for p in article.paragraphs)


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    import textwrap

    wrapped = []
    for paragraph in STORY:
        wrapped += [*textwrap.wrap(paragraph, 70), ""]
    text = "\n".join(
        [
            "Footbridge over the canal to be rebuilt next year",
            "",
            "By Jo Marsh",
            "2 June 2026",
            "",
            *wrapped,
        ]
    )
    article = clean_text(text, "a.txt")
    assert article.paragraphs == STORY
    assert article.title == "Footbridge over the canal to be rebuilt next year"
    assert article.authors == ["Jo Marsh"]


def test_unwrapped_short_lines_are_not_joined() -> None:
    text = page(*HEADER, "By Jo Marsh", story=[*STORY, "The work ends in August."], footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs[-2:] == [STORY[-1], "The work ends in August."]


def test_text_without_blank_lines_keeps_one_paragraph_per_line() -> None:
    text = page(*HEADER, "By Jo Marsh", footer=FOOTER)
    assert "\n\n" not in text
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_clutter_inside_the_story_is_dropped() -> None:
    story = [
        STORY[0],
        "ADVERTISEMENT",
        STORY[1],
        "Read more: Canal boats return to the basin",
        STORY[2],
        "Share this article",
        STORY[3],
    ]
    article = clean_text(page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER), "a.txt")
    assert article.paragraphs == STORY


@pytest.mark.parametrize(
    "label",
    [
        "E-mail",
        "Link copied",
        "Publicité",
        "Реклама",
        "AdChoices",
        "Ad Choices",
        "Share on Facebook",
        "Photo Gallery",
        "Story continues below advertisement",
        "Listen to this article",
        "View full-size image",
        "3 Photos",
    ],
)
def test_ad_share_and_viewer_labels_inside_the_story_are_dropped(label: str) -> None:
    story = [STORY[0], STORY[1], label, STORY[2], STORY[3]]
    article = clean_text(page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER), "a.txt")
    assert article.paragraphs == STORY


@pytest.mark.parametrize(
    "marker", ["Leia também", "À lire aussi", "Читайте также", "You may also like", "Up next"]
)
def test_the_links_under_an_end_marker_are_not_story(marker: str) -> None:
    links = (
        marker,
        "Ferry timetable changes for the winter months announced by the harbour board today",
        "Lock keepers ask visitors to keep dogs on leads along the towpath this summer season",
    )
    article = clean_text(page(*HEADER, "By Jo Marsh", footer=links), "a.txt")
    assert article.paragraphs == STORY


def test_a_one_line_quote_in_the_story_is_kept() -> None:
    story = [*STORY[:2], "\u201cIt is about time,\u201d she said.", *STORY[2:]]
    article = clean_text(page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER), "a.txt")
    assert article.paragraphs == story


def test_subheadings_are_entries_of_their_own() -> None:
    story = [*STORY[:2], "What happens next", *STORY[2:]]
    article = clean_text(page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER), "a.txt")
    assert article.paragraphs == story
    assert article.headings == [2]


def test_headline_repeated_in_the_breadcrumb_is_found_once() -> None:
    headline = "Footbridge over the canal to be rebuilt next year"
    text = page(
        "The Canal Times",
        "Menu",
        f"Home › Local › {headline}",
        headline,
        "By Jo Marsh",
        footer=FOOTER,
    )
    article = clean_text(text, "a.txt")
    assert article.title == headline
    assert article.section == "Local"
    assert headline not in article.paragraphs


def test_section_and_read_time_run_together_are_split() -> None:
    text = page("The Canal Times", "Politics2 min read", HEADER[-1], "By Jo Marsh", footer=FOOTER)
    assert clean_text(text, "a.txt").section == "Politics"


def test_dateline_with_time_gives_an_iso_timestamp() -> None:
    text = page(*HEADER, "By Jo Marsh", "Nov. 20, 2026, 9:28 AM UTC", footer=FOOTER)
    assert clean_text(text, "a.txt").published == "2026-11-20T09:28:00"


def test_wire_dateline_names_the_publisher_when_the_page_does_not() -> None:
    story = ["WASHINGTON (Reuters) - " + STORY[0], *STORY[1:]]
    article = clean_text(
        page("Footbridge over the canal to be rebuilt next year", story=story), "a.txt"
    )
    assert article.publisher == "Reuters"
    assert article.paragraphs[0].startswith("WASHINGTON (Reuters) - ")


def test_key_point_bullets_become_the_summary() -> None:
    points = ["\u2022 Work starts in March", "\u2022 The bridge will take bicycles"]
    article = clean_text(page(*HEADER, "By Jo Marsh", *points, footer=FOOTER), "a.txt")
    assert article.summary == ["Work starts in March", "The bridge will take bicycles"]
    assert article.paragraphs == STORY


def test_japanese_text_without_spaces() -> None:
    story = [
        "市は運河にかかる古い歩道橋を建て替えることを決めた。春に船が橋脚にぶつかって以来、橋は通行止めになっている。",
        "工事は三月に始まり、約五か月かかる見込みだ。新しい橋は自転車や車いすでも渡れる幅になる。",
        "近くで喫茶店を営む女性は「一年近く遠回りしてきたので、本当にうれしい」と話した。",
    ]
    text = page(
        "運河新聞",
        "ニュース",
        "地域",
        "運河の歩道橋、来年建て替えへ",
        "2026-06-02",
        story=story,
        footer=("関連記事", "水門の交換工事、冬に実施", "広告"),
    )
    article = clean_text(text, "a.txt")
    assert article.title == "運河の歩道橋、来年建て替えへ"
    assert article.paragraphs == story
    assert article.published == "2026-06-02"


def test_no_headline_falls_back_to_the_first_sentence() -> None:
    article = clean_text("\n\n".join(STORY), "notes.txt")
    assert article.title == (
        "The town council agreed on Tuesday to rebuild the old footbridge "
        "over the canal, which has been closed since a barge struck one of "
        "its supports in the spring."
    )
    assert article.paragraphs == STORY


def test_no_headline_and_no_sentence_falls_back_to_the_file_name() -> None:
    article = clean_text("\u3042" * 400, "canal-bridge_notes.txt")
    assert article.title == "Canal bridge notes"


def test_every_kind_of_empty_page_gives_an_article_not_an_error() -> None:
    for text in ("", "\n\n\n", "Menu\nSearch\nHome\n", "\u00a0\t\r\n"):
        article = clean_text(text, "empty.txt")
        assert article.format == "text"
        assert article.title


def test_menus_and_footers_stay_out_of_the_body() -> None:
    article = clean_text(page(*HEADER, "By Jo Marsh", footer=FOOTER), "a.txt")
    joined = "\n".join(article.paragraphs)
    for furniture in ("Skip to content", "Lock gates", "Advertisement", "©"):
        assert furniture not in joined


def test_a_results_roundup_of_short_lines_is_the_story() -> None:
    results = [
        "GIRLS HOCKEY",
        "Eastfield d. Norbury 4-1",
        "Eastfield (3-0): J. Amos 2 goals. P. Lind 1 goal. K. Shaw 1 goal.",
        "Norbury (1-2): R. Hale 1 goal. T. Oyelaran 6 saves.",
        "Kingsmere d. Ashford 2-0",
        "Kingsmere (2-1): L. Brandt 2 goals.",
        "Ashford (0-3): M. Osei 9 saves.",
        "BOYS NETBALL",
        "Hallam d. Brookvale 31-24",
        "Hallam (4-0): D. Reyes 14 points. S. Ward 9 points.",
        "Brookvale (2-2): C. Nkemelu 12 points.",
    ]
    teasers = [
        "Most read",
        "Council to review parking fines on match days",
        "Clique here to see the full league table and fixtures for the season ahead.",
        "Sign up for the Sports Extra newsletter",
    ]
    text = page(
        "The Canal Times",
        "Sport",
        "Roundup: Eastfield stay unbeaten in girls hockey",
        "By Jo Marsh",
        "November 20, 2026",
        story=results,
        footer=tuple(teasers),
    )
    article = clean_text(text, "a.txt")
    assert article.title == "Roundup: Eastfield stay unbeaten in girls hockey"
    assert article.paragraphs == results
    assert article.headings == [0, 7]


def test_invisible_characters_and_odd_spaces_never_split_or_glue_words() -> None:
    # Copies from a browser carry soft hyphens, zero-width spaces and typographic spaces.
    odd = [
        STORY[0]
        .replace("footbridge", "foot\u00adbridge")
        .replace(" the canal", " the\u200b canal"),
        STORY[1].replace(" and ", "\u2009\u00a0 and\u202f"),
        STORY[2].replace("said", "\ufeffsaid"),
        STORY[3].replace(" ", "\u3000", 2),
    ]
    text = page(*HEADER, "By\u00a0Jo\u2002Marsh", "2\u00a0June\u00a02026", story=odd, footer=FOOTER)
    article = clean_text(text, "a.txt")
    assert article.paragraphs == STORY
    assert article.authors == ["Jo Marsh"]
    assert article.published == "2026-06-02"


def test_repeated_lines_are_judged_like_their_first_copy() -> None:
    # Menus come back in the footer and every photo carries the same credit: each copy of
    # a line must be recognised as well as the first one was.
    teaser = (
        "Lock gates at the top of the flight will be replaced over the winter, the trust "
        "said, closing the canal to boats for six weeks."
    )
    menu = ("News", "Sport", "Local", "Weather")
    credit = "Photograph: Kim Ode/Getty Images"
    story = [
        STORY[0],
        "Footbridge support",
        "The damaged support, seen from the towpath.",
        credit,
        STORY[1],
        STORY[2],
        "Bridge deck",
        "Engineers inspecting the bridge deck last week.",
        credit,
        STORY[3],
    ]
    text = page(
        "The Canal Times",
        *menu,
        teaser,
        "Footbridge over the canal to be rebuilt",
        "By Jo Marsh",
        "2 June 2026",
        story=story,
        footer=("Related", teaser, *menu, "© 2026 The Canal Times"),
    )
    article = clean_text(text, "a.txt")
    assert article.paragraphs == STORY
    assert article.title == "Footbridge over the canal to be rebuilt"
    assert article.publisher == "The Canal Times"


COMMENTS = (
    "Share",
    "12 responses so far",
    "Mira Okafor 03.11.26 at 09:14",
    "I walked that way every morning until the spring, and the detour through the estate added a "
    "good twenty minutes, so this is welcome news for everyone on our side of the water.",
    "My neighbours will be pleased too, as most of them gave up on the towpath altogether and "
    "have been driving to the station instead, which is no good for anyone on the road.",
    "Reply",
    "Tom Hale 03.11.26 at 10:02",
    "Five months sounds optimistic to me. The last time the council promised a quick job on the "
    "towpath it took them the best part of a year, and the fences stayed up long after that.",
    "Still, I hope they prove me wrong this time, and that the bridge is open before the summer "
    "holidays, when the canal is busiest with walkers, anglers and the hire boats.",
    "Reply",
    "Priya N. 03.11.26 at 11:47",
    "Good to hear that the new bridge will be wide enough for bikes, since the old one was a "
    "squeeze even for a pushchair, and people were always waiting at both ends of it.",
    "Reply",
    "Leave a comment",
)


def test_a_thread_of_comments_under_the_story_stays_out_of_it() -> None:
    article = clean_text(page(*HEADER, "By Jo Marsh", footer=COMMENTS), "a.txt")
    assert article.paragraphs == STORY


def test_embedded_posts_signed_with_a_date_stay_in_the_story() -> None:
    posts = list(STORY)
    for n in range(3):
        posts += [
            f"Is the towpath bridge ever coming back? Asking for the ducks, part {n}.",
            f"— Canal Walker (@canalwalker{n}) March {n + 2}, 2026",
            f"Residents have kept up a running joke online about the closure, and the council's "
            f"own account has answered a few of them with a photo of the barge, number {n}.",
        ]
    article = clean_text(page(*HEADER, "By Jo Marsh", story=posts), "a.txt")
    assert article.paragraphs == posts


HEADLINE = "Footbridge over the canal to be rebuilt next year"


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        # Bare names between two copies of the headline, with stray no-break spaces.
        ((HEADLINE, "Jo Marsh\u00a0\u00a0\u00a0", HEADLINE), ["Jo Marsh"]),
        # Two writers there: the line is the byline, not a headline over the copy below it.
        ((HEADLINE, "Jo Marsh and Sam Hale\u00a0\u00a0", HEADLINE), ["Jo Marsh", "Sam Hale"]),
        # A name run into the date it was posted on.
        ((HEADLINE, "Jo Marsh on March 3, 2026, 9:13 AM"), ["Jo Marsh"]),
        # "by" after the date, with a comment count.
        ((HEADLINE, "Posted on March 3, 2026 by Jo Marsh · 4 comments"), ["Jo Marsh"]),
        # A name line under the share buttons, beside its date line.
        (
            (
                HEADLINE,
                "Share",
                "Tweet this",
                "Email",
                "Jo Marsh",
                "Tuesday 3 March 2026 09.13 GMT",
            ),
            ["Jo Marsh"],
        ),
        # A blog's byline gives only the writer's first name, with the date.
        ((HEADLINE, "by Jo on March 3, 2026"), ["Jo"]),
        # A stamp the date reader cannot read, then "Written by".
        ((HEADLINE, "03.03.26 Written by Jo Marsh"), ["Jo Marsh"]),
        # A day and month with no year, or a short one, then "by" (and "@" a time).
        ((HEADLINE, "Mar 3 9:13a by Jo Marsh"), ["Jo Marsh"]),
        ((HEADLINE, "Mar 3rd '26 by Jo Marsh @ 9:13am"), ["Jo Marsh"]),
        # The categories after the name, and a label after it.
        ((HEADLINE, "March 3rd, 2026 by Jo Marsh in Transport, Canals"), ["Jo Marsh"]),
        ((HEADLINE, "Written by Jo Marsh Topics: Transport, Canals"), ["Jo Marsh"]),
        # A story signed by the newsroom, with "by:" after the date.
        ((HEADLINE, "By the Canal Times Wire Staff"), ["Canal Times Wire Staff"]),
        ((HEADLINE, "March 3rd, 2026 by: Jo Marsh"), ["Jo Marsh"]),
        # Written as pages write them for their markup: a desk after a slash,
        # capitals, an outlet's possessive, a blog's handle, a weekday.
        ((HEADLINE, "By Jo Marsh/Transport Bureau"), ["Jo Marsh"]),
        ((HEADLINE, "By JO MARSH AND SAM HALE"), ["Jo Marsh", "Sam Hale"]),
        ((HEADLINE, "By Canal TV's Jo Marsh"), ["Jo Marsh"]),
        ((HEADLINE, "by JoMarsh | March 3, 2026"), ["JoMarsh"]),
        ((HEADLINE, "By Jo Marsh Tue., Mar. 3 2026 at 9:13 AM"), ["Jo Marsh"]),
        ((HEADLINE, "Posted by Jo Marsh / March 3, 2026"), ["Jo Marsh"]),
        ((HEADLINE, "-- Posted by Jo Marsh"), ["Jo Marsh"]),
        # A line of labelled fields.
        ((HEADLINE, "Date:March 3, 2026 | Category:Transport | Author:Jo Marsh"), ["Jo Marsh"]),
        # A line of fields, one of them a dated byline.
        ((HEADLINE, "TRANSPORT | 8 Hours Ago By Jo Marsh"), ["Jo Marsh"]),
        # A button printed after the name, or run into it.
        ((HEADLINE, "March 3, 2026 by Jo Marsh Discuss (0)"), ["Jo Marsh"]),
        ((HEADLINE, "March 3, 2026 By Jo Marsh Leave a Comment"), ["Jo Marsh"]),
        ((HEADLINE, "23 mins ago by Jo Marsh Add first Comment"), ["Jo Marsh"]),
        ((HEADLINE, "By Jo MarshEmail Author"), ["Jo Marsh"]),
        ((HEADLINE, "by Jo Leave a Comment"), ["Jo"]),
        # A first name after a date, then the post's categories.
        ((HEADLINE, "March 3rd, 2026 by Jo in Transport, Canals"), ["Jo"]),
        # A byline run on past 16 words, with the date first.
        (
            (
                HEADLINE,
                "Updated Mar 3 2026 - 9:25am · Posted Mar 3 2026 - 9:20am by Jo Marsh · 0 comments",
            ),
            ["Jo Marsh"],
        ),
    ],
)
def test_bylines_in_the_layouts_of_blogs_and_scrapes(
    header: tuple[str, ...], authors: list[str]
) -> None:
    article = clean_text(page("The Canal Times", "News", *header, footer=FOOTER), "a.txt")
    assert article.title == HEADLINE
    assert article.authors == authors
    assert article.paragraphs == STORY


@pytest.mark.parametrize("byline", ["Jo Marsh", "By Jo Marsh"])
def test_a_columns_name_over_the_headline_gives_way_to_the_byline_under_it(byline: str) -> None:
    column = ("Columns", "Towpath Notes | 3 March 2026", "Sponsored")
    text = page(*column, HEADLINE, byline, footer=FOOTER)
    article = clean_text(text, "a.txt")
    assert article.authors == ["Jo Marsh"]
    assert article.paragraphs == STORY


@pytest.mark.parametrize(
    ("bio", "authors"),
    [
        ((), []),  # a bare name far over the headline may be a menu entry
        (("Jo Marsh is the transport reporter at The Canal Times.",), ["Jo Marsh"]),
    ],
)
def test_a_name_far_over_the_headline_is_the_writer_when_the_page_prints_her_bio(
    bio: tuple[str, ...], authors: list[str]
) -> None:
    box = ("Jo Marsh", "ethics policy", "bio", "e-mail", "RSS", "Follow on Twitter")
    text = page("The Canal Times", "News", *box, HEADLINE, "June 2, 2026", footer=(*bio, *FOOTER))
    article = clean_text(text, "a.txt")
    assert article.title == HEADLINE
    assert article.authors == authors
    assert article.paragraphs == STORY


@pytest.mark.parametrize(
    "line",
    [
        "Towpath Walkers Cheer at Council Vote",  # a teaser's headline, cut at "at"
        "Canal Trust Welcomes 2026 Boating Season",  # cut at a number
        "For Immediate Release",
        "Take Our Poll",
    ],
)
def test_a_capitalised_line_under_the_headline_is_not_a_writer(line: str) -> None:
    text = page("The Canal Times", HEADLINE, line, "March 3, 2026", footer=FOOTER)
    assert clean_text(text, "a.txt").authors == []


@pytest.mark.parametrize("line", ["Jo Marsh, Staff Writer", "Jo Marsh, Contributor"])
def test_a_name_line_with_the_writers_role_under_the_headline_gives_the_writer(line: str) -> None:
    text = page("The Canal Times", HEADLINE, line, "March 3, 2026", footer=FOOTER)
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jo Marsh, Product Manager, Canal Trust", ["Jo Marsh"]),
        ("Posted by Jo Marsh, Software Engineer", ["Jo Marsh"]),
        ("By Jo Marsh and Sam Hale, Project Director", ["Jo Marsh", "Sam Hale"]),
    ],
)
def test_a_job_after_the_writers_name_is_no_second_writer(byline: str, authors: list[str]) -> None:
    text = page("The Canal Times", HEADLINE, byline, "March 3, 2026", footer=FOOTER)
    assert clean_text(text, "a.txt").authors == authors


CHUTNEY = [
    "A few readers asked for the recipe after last week's post, so here it is. The damsons "
    "came from the hedge by the third lock, where they grow thick every September.",
    "First of all, I have to admit that I never liked chutney as a child. This one changed my "
    "mind: it is sharp and sweet and keeps for a year in a cool cupboard.",
    "Stone the fruit, then simmer it with the onions, sugar and vinegar for about two hours, "
    "until a spoon drawn through it leaves a clear path.",
]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Damson Chutney", []),  # the post's headline: the story says "chutney"
        ("Jo Marsh", ["Jo Marsh"]),
    ],
)
def test_a_name_shaped_line_by_the_date_whose_last_word_the_story_uses_is_no_writer(
    line: str, authors: list[str]
) -> None:
    tagline = "Recipes and river walks from the Leeds and Liverpool Canal"
    header = ("The Towpath Diary", tagline, "Friday, March 6, 2026", line)
    article = clean_text(page(*header, story=CHUTNEY, footer=FOOTER), "a.txt")
    assert article.authors == authors
    assert article.paragraphs == CHUTNEY


def test_a_teaser_of_capitalised_words_before_a_role_word_is_not_a_writer() -> None:
    text = page("The Canal Times", HEADLINE, "Lock Keeper, Canal Staff Reunion", footer=FOOTER)
    assert clean_text(text, "a.txt").authors == []


@pytest.mark.parametrize(
    "header",
    [
        (HEADLINE, "Posted by: Admin on March 3, 2026"),  # an account, not a person
        (HEADLINE, "By Guest Author", "March 3, 2026"),
        (HEADLINE, "Get Towpath Alerts:", "March 3, 2026"),  # a label over its form
    ],
)
def test_an_account_or_a_label_where_the_byline_goes_is_not_a_writer(
    header: tuple[str, ...],
) -> None:
    assert clean_text(page("The Canal Times", *header, footer=FOOTER), "a.txt").authors == []


def test_an_entry_in_a_column_of_teasers_under_the_headline_is_not_a_writer() -> None:
    teasers = (
        "Pictures of the week",
        "Heron Nests Counted",
        "Mary Rose Moored",
        "Lock Gates Fixed",
    )
    text = page("The Canal Times", HEADLINE, *teasers, footer=FOOTER)
    assert clean_text(text, "a.txt").authors == []


def test_a_name_between_the_headline_and_a_short_line_is_still_the_writer() -> None:
    text = page("The Canal Times", HEADLINE, "Jo Marsh", "Transport Correspondent", footer=FOOTER)
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


def test_a_menu_entry_of_words_the_story_uses_is_not_a_writer() -> None:
    story = [*STORY, "The new bridge will let narrow boats pass at any water level."]
    text = page("The Canal Times", HEADLINE, "Narrow Boats", "March 3, 2026", story=story)
    assert clean_text(text, "a.txt").authors == []


def test_a_newsroom_signing_under_the_headline_is_the_author() -> None:
    text = page(HEADLINE, "The Canadian Press", "March 3, 2026", footer=FOOTER)
    assert clean_text(text, "a.txt").authors == ["The Canadian Press"]


def test_a_blogs_date_header_in_capitals_gives_the_date_and_the_headline_under_it() -> None:
    text = page(
        "CANAL NOTES",
        "THOUGHTS ON LOCKS, BRIDGES, TOWPATHS AND MORE FROM JO MARSH AND OCCASIONALLY OTHERS",
        "TUESDAY, MARCH 03, 2026",
        HEADLINE,
        "-- Posted by Jo Marsh",
        footer=FOOTER,
    )
    article = clean_text(text, "a.txt")
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]
    assert article.published == "2026-03-03"
    assert article.paragraphs == STORY


def test_a_date_line_in_the_sites_header_far_above_the_headline_gives_the_date() -> None:
    menu = ("Sport", "Weather", "Local", "Business", "Travel", "Share this", "Email", "Print")
    stamp = "3 March 2026 Last updated at 06:50 GMT"
    text = page("The Canal Times", "Home", "News", stamp, *menu, HEADLINE, "By Jo Marsh")
    article = clean_text(text, "a.txt")
    assert article.published == "2026-03-03T06:50:00"
    assert article.title == HEADLINE


def test_a_date_line_by_the_headline_wins_over_one_in_the_sites_header() -> None:
    menu = ("Home", "News", "Sport", "Weather", "Local", "Business", "Travel", "Share this")
    text = page("Monday, March 9, 2026", *menu, HEADLINE, "March 3, 2026")
    assert clean_text(text, "a.txt").published == "2026-03-03"


def test_a_date_line_that_runs_on_into_categories_and_tags_gives_the_date() -> None:
    dated = (
        "Published on March 3, 2026 in Transport and Canals. Tags: bridges, towpath, "
        "council, repairs, lock gates, walking, cycling"
    )
    article = clean_text(page("The Canal Times", HEADLINE, dated, footer=FOOTER), "a.txt")
    assert article.published == "2026-03-03"


def test_a_blogs_long_posted_on_footer_gives_the_date() -> None:
    footer = (
        "This entry was posted on March 3, 2026 at 7:14 pm and is filed under Transport, "
        "Canals. You can follow any responses to this entry through the feed.",
        *FOOTER,
    )
    article = clean_text(page("The Towpath Diary", HEADLINE, footer=footer), "a.txt")
    assert (article.published or "")[:10] == "2026-03-03"


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("Posted on 03/18/2026 by Jo Marsh", "2026-03-18"),
        ("Posted on 18/03/2026 by Jo Marsh", "2026-03-18"),
        ("Posted on 03/07/2026 by Jo Marsh", None),  # March 7 or July 3: not guessed
    ],
)
def test_a_numeric_date_is_read_when_its_numbers_settle_the_order(
    stamp: str, published: str | None
) -> None:
    article = clean_text(page("The Towpath Diary", HEADLINE, stamp, footer=FOOTER), "a.txt")
    assert (article.published or "")[:10] == (published or "")
    assert article.authors == ["Jo Marsh"]  # whichever day it is, the line names the writer


@pytest.mark.parametrize(
    ("comment", "published"),
    [
        ("Rosa Quint 03/14/26 9:02 AM", "2026-03-07"),  # the page writes the month first
        ("Rosa Quint 14/03/26 9:02 AM", "2026-07-03"),  # the page writes the day first
        ("Rosa Quint 03/04/26 9:02 AM", None),  # nothing on the page settles it
    ],
)
def test_an_ambiguous_numeric_date_is_read_in_the_order_the_pages_other_dates_settle(
    comment: str, published: str | None
) -> None:
    footer = ("Comments", comment, "About time too, the long way round has been a misery.")
    text = page("The Towpath Diary", HEADLINE, "Posted on 03/07/2026", footer=footer)
    assert (clean_text(text, "a.txt").published or "")[:10] == (published or "")


def test_a_headline_beside_its_date_is_not_taken_for_a_byline() -> None:
    text = page("The Canal Times", "Canal Cafe Reopens", "March 3, 2026", "Jo Marsh", HEADLINE)
    article = clean_text(text, "a.txt")
    assert "Canal Cafe Reopens" not in article.authors


def test_a_link_to_the_previous_post_is_not_the_headline() -> None:
    text = page(
        "The Towpath Diary",
        "« Lock keepers return to the Vale after forty years",
        "Next post: Ducklings counted along the north bank »",
        HEADLINE,
        "Posted on March 3, 2026",
        footer=FOOTER,
    )
    assert clean_text(text, "a.txt").title == HEADLINE


def test_the_line_right_above_the_byline_is_the_headline_not_the_blogs_tagline() -> None:
    text = page(
        "The Towpath Diary",
        "The diary of a lock keeper on the Vale canal",
        "Bridge to be rebuilt",
        "by Jo on March 3, 2026",
        footer=FOOTER,
    )
    article = clean_text(text, "a.txt")
    assert article.title == "Bridge to be rebuilt"
    assert article.authors == ["Jo"]


def test_the_tag_line_under_a_post_ends_it() -> None:
    footer = (
        "Tags: canals, bridges, council",
        "Older Post",
        "Home",
        "About this diary: I have lived on a narrowboat on the Vale canal for eleven years, and "
        "I write here about the locks, the wildlife, the people I meet on the towpath and the "
        "slow business of keeping an old boat afloat through the winter months.",
        "Archive",
        "March 2026 (4)",
    )
    article = clean_text(page(*HEADER, "By Jo Marsh", footer=footer), "a.txt")
    assert article.paragraphs == STORY


def test_a_blogs_byline_under_the_post_is_found() -> None:
    footer = ("Posted by Jo Marsh at 8:18 AM", "Labels: canals, bridges", *FOOTER)
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", footer=footer)
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


def test_a_commenters_byline_under_the_post_is_not_the_writers() -> None:
    footer = (
        "Posted by Rosa Quint at 9:02 AM",
        "About time too, the long way round has been a misery for anyone with a pushchair.",
        "Posted by Tom Hale at 9:40 AM",
        "Five months sounds optimistic to me, but we will see what happens in the spring.",
    )
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", footer=footer)
    assert clean_text(text, "a.txt").authors == []


def test_the_posts_footer_byline_over_comments_signed_another_way_is_the_writers() -> None:
    footer = (
        "Posted by Jo Marsh at 8:18 AM",
        "Comments",
        "About time too, the long way round has been a misery for anyone with a pushchair.",
        "Posted by: Rosa Quint at March 3, 2026 09:02 AM",
        "Five months sounds optimistic to me, but we will see what happens in the spring.",
        "Posted by: Tom Hale at March 3, 2026 09:40 AM",
    )
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", footer=footer)
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


@pytest.mark.parametrize(
    "footer",
    [
        # A template's footer that runs on past the date into the post's categories.
        (
            "Posted by Jo Marsh on March 3, 2026 at 04:11 PM in Bridges, Canals, Council, "
            "Local Government, Planning, Towpaths, Transport, Walking and Cycling, Weather, "
            "Wildlife | Permalink | Comments (3)",
        ),
        # The sentence a blog template prints under each post.
        ("This entry was written by Jo Marsh, posted on March 3, 2026 at 11:45 am.",),
        ("This post was written by Jo Marsh",),
        # Share buttons between the story and the footer.
        ("Share |", "Tweet", "Email", "Print", "Newer Post", "Posted by Jo Marsh at 8:18 AM"),
    ],
)
def test_a_blogs_footer_byline_in_the_forms_templates_print_it(footer: tuple[str, ...]) -> None:
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", footer=(*footer, *FOOTER))
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


LONG_STORY = [
    STORY[0][:-1] + ", leaving walkers on the towpath with a detour of more than a mile through "
    "the estate and along the busy road past the station.",
    *STORY[1:],
]
"""A story whose first paragraph is a full one: a "By" line under it is no header."""
RELATED_POSTS = (
    "Related posts:",
    "- Lock gates to be replaced in winter",
    "- The towpath reopens after the floods",
    "- A new mooring for the trip boat",
    "- Herons return to the basin",
    "- Why the canal froze in March",
    "Share",
    "Tweet",
    "Email",
)


@pytest.mark.parametrize(
    "footer",
    [
        # Any word leads a dated footer; the date's order is no matter.
        ("Share", "Penned by Jo Marsh at 3/04/2026 01:00:00 PM", "Tags: bridges"),
        # Under a list of related posts, with the post's categories after the name.
        (*RELATED_POSTS, "by Jo Marsh in Bridges, Towpaths | 4 comments | RSS feed"),
    ],
)
def test_a_blogs_footer_byline_further_down_or_led_by_another_word(
    footer: tuple[str, ...],
) -> None:
    text = page(
        "The Towpath Diary", HEADLINE, "March 3, 2026", story=LONG_STORY, footer=(*footer, *FOOTER)
    )
    article = clean_text(text, "a.txt")
    assert article.authors == ["Jo Marsh"]
    assert article.paragraphs == LONG_STORY


def test_the_posts_footer_byline_with_an_update_under_it_is_the_writers() -> None:
    update = (
        "The council has since said that the towpath on the north bank will close for two "
        "weekends in April while the old supports are lifted out by crane, and that walkers "
        "will be sent round by the road bridge at the lock."
    )
    story = [*LONG_STORY, "Posted by Jo Marsh, Transport Reporter", "Update (3/5/26):", update]
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


def test_comments_signed_under_a_label_are_a_thread_however_the_names_are_written() -> None:
    footer = (
        "Comments",
        "About time too, the long way round has been a misery for anyone with a pushchair.",
        "Posted by: rosa q on March 4, 2026 6:44 AM",
        "Five months sounds optimistic to me, but we will see what happens in the spring.",
        "Posted by: Towpath Fan on March 4, 2026 9:12 AM",
        "Great post. Keep them coming.",
        "Posted by: 2.walker on March 5, 2026 10:23 AM",
    )
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", footer=footer)
    assert clean_text(text, "a.txt").authors == []


def test_the_writers_footer_byline_repeated_over_her_bio_is_no_comment_thread() -> None:
    footer = (
        "Written by Jo Marsh on March 3, 2026",
        "Share this article",
        "About the author",
        "Written by Jo Marsh",
        "Jo Marsh has walked the towpaths of the north for twenty years.",
    )
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", footer=footer)
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        (("Jo Marsh", "Jo Marsh is the transport reporter at The Canal Times."), ["Jo Marsh"]),
        (("Jo Marsh", "Jo joined The Canal Times in 2019 from a trade paper."), ["Jo Marsh"]),
        # A teaser's writer under the story, and a bio of someone else under a name.
        (("Jo Marsh", "Lock gates to be replaced in winter"), []),
        (("Jo Marsh", "Ana Lopes is the cafe's owner and a keen canoeist."), []),
    ],
)
def test_the_name_over_a_writers_box_under_the_story_is_the_writer(
    box: tuple[str, ...], authors: list[str]
) -> None:
    footer = ("Share", "Tweet", "Tags: bridges, canals", *box, "Leave a comment")
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", footer=footer)
    article = clean_text(text, "a.txt")
    assert article.authors == authors
    assert article.paragraphs == STORY


def test_the_footer_byline_under_a_two_paragraph_post_does_not_cut_it() -> None:
    story = [
        "The town council agreed on Tuesday to rebuild the old footbridge over the canal, which "
        "has been closed since a barge struck one of its supports in the spring, leaving walkers "
        "on the towpath with a detour of more than a mile through the estate and along the road.",
        "Work will start in March and is expected to take about five months. The council said the "
        "new bridge would be wide enough for bicycles and wheelchairs, and that the towpath would "
        "stay open on both banks for most of the time the work goes on, except for a few weekends.",
    ]
    footer = ("posted by Jo Marsh at 7:10 AM | 0 comments", "About Me", "Name: Jo Marsh")
    text = page("The Towpath Diary", HEADLINE, "March 3, 2026", story=story, footer=footer)
    article = clean_text(text, "a.txt")
    assert article.paragraphs == story
    assert article.authors == ["Jo Marsh"]


SHORT_POST = (
    "The canal trust has put up a webcam on the lock keeper's cottage, so anyone can now watch "
    "the boats go through the flight of locks at Halden from home, day and night. The picture "
    "is refreshed every minute."
)
BLOG_FOOTER = (
    "Liked this post?",
    "Leave a comment",
    "Name (required)",
    "Website",
    "Canal Notes is written by Jo Marsh, who has walked the towpaths of the north for years.",
    "She lives on a narrowboat with two cats and many books.",
    "© 2026 Canal Notes",
)


def test_a_one_paragraph_post_under_its_date_outweighs_the_blog_blurb() -> None:
    text = page(
        "Home",
        "Archive",
        "Contact",
        "Webcam on the Halden locks",
        "Posted on March 3, 2026",
        story=[SHORT_POST],
        footer=BLOG_FOOTER,
    )
    article = clean_text(text, "a.txt")
    assert article.paragraphs == [SHORT_POST]
    assert article.title == "Webcam on the Halden locks"


def test_a_list_of_teaser_cards_above_the_menu_loses_to_a_short_story() -> None:
    cards = []
    for n, place in enumerate(("Halden", "Marsh End", "Tolly Bridge", "Skellow", "Ormside")):
        cards += [
            f"New moorings open at {place}",
            f"Boaters will find {n + 12} new visitor moorings at {place} this summer, with water "
            f"points, a rubbish point and a path up to the village shops and the pub.",
        ]
    text = page(
        "Canal Notes",
        "Canal news this week",
        *cards,
        *("Home", "Archive", "Locks", "Moorings", "Boats", "Walks", "Maps", "Events", "About"),
        "Webcam on the Halden locks",
        "By Jo Marsh",
        story=STORY[:2],
        footer=("© 2026 Canal Notes",),
    )
    assert clean_text(text, "a.txt").paragraphs == STORY[:2]


def test_comment_form_notices_are_not_the_story() -> None:
    notices = (
        "Leave a comment",
        "Your comment has been received. Comments are moderated and will not appear until the "
        "blog's owner has read them.",
        "To stop spam, please type the letters and numbers you see in the picture below before "
        "you send your comment to us.",
        "Having trouble reading the image? Ask for another one.",
        "You may use these HTML tags and attributes: <a> <b> <i>",
        "Notify me of new comments by email.",
    )
    text = page(
        "Canal Notes",
        "Webcam on the Halden locks",
        "Posted on March 3, 2026",
        story=[SHORT_POST],
        footer=notices,
    )
    assert clean_text(text, "a.txt").paragraphs == [SHORT_POST]


def test_a_headline_shaped_line_after_the_first_paragraph_does_not_cut_the_story() -> None:
    first = STORY[0] + " " + STORY[1]
    story = [first, "How the new bridge will be built", STORY[2], STORY[3]]
    text = page(
        "The Canal Times",
        "News",
        "Sport",
        story=story,
        footer=("Share", "How the new bridge will be built", "© 2026 The Canal Times"),
    )
    assert clean_text(text, "a.txt").paragraphs[:1] == [first]


def test_comments_stamped_with_a_time_glued_to_am_or_pm_stay_out_of_the_story() -> None:
    comments = [
        "Comments",
        *[
            part
            for n, (name, stamp) in enumerate(
                (("Mira Okafor", "9:14am"), ("Tom Hale", "10:02AM"), ("Priya N.", "11:47pm"))
            )
            for part in (
                f"Re: the footbridge (Score:{n + 2}) by {name} on Tuesday @{stamp}",
                f"The detour through the estate added twenty minutes to my walk every morning "
                f"this year, so the news is welcome on our side of the water, comment {n}.",
                f"Still, I will believe it when the fences come down and the bridge is open "
                f"before the summer, when the towpath is at its busiest, comment {n}.",
                "Reply",
            )
        ],
    ]
    text = page(*HEADER, "By Jo Marsh", story=STORY[:2], footer=tuple(comments))
    assert clean_text(text, "a.txt").paragraphs == STORY[:2]


def test_a_line_leading_into_a_list_of_videos_is_story_not_a_credit() -> None:
    lead = "The council has put three short films about the work online, in the following videos:"
    story = [*STORY[:2], lead, *STORY[2:]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert lead in clean_text(text, "a.txt").paragraphs


def test_a_paragraph_opening_with_names_is_story() -> None:
    names = (
        "Halden Canal Trust Chair Ana Lopes, Marsh End Parish Council Leader Tom Hale and "
        "Skellow Boat Club Secretary Priya Nair said on Tuesday that the footbridge had been "
        "missed by almost everyone who walks or cycles along the towpath, and that they would "
        "hold a small party on the day it opens again."
    )
    story = [STORY[0], names, *STORY[1:]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert names in clean_text(text, "a.txt").paragraphs


def test_a_dash_signed_writer_under_the_story_is_no_key_point() -> None:
    story = [
        "Bridge work starts in March: the town council agreed on Tuesday to rebuild the old "
        "footbridge over the canal, which has been closed since a barge struck one of its "
        "supports in the spring, leaving walkers with a detour of more than a mile.",
        "Lock gates next: the canal trust will replace the gates of the Halden flight in the "
        "winter, when few boats move, and the towpath beside the locks will stay open to walkers "
        "on both banks for the whole of the work, the trust said in a letter to residents.",
    ]
    text = page(
        HEADLINE,
        "Canal Times Staff | Tags: bridges,",
        story=story,
        footer=(
            "– Jo Marsh",
            "Follow Jo on Twitter @jomarsh",
            "House rules: comments should keep to the subject of the story and be civil to other "
            "readers. We will remove comments that attack people, and may close the comments on "
            "any story at any time without notice if they stray too far from it.",
        ),
    )
    article = clean_text(text, "a.txt")
    assert article.paragraphs[:2] == story
    assert article.summary == []


def test_embedded_posts_whose_dash_sits_on_its_own_line_stay_in_the_story() -> None:
    posts = list(STORY)
    for n in range(3):
        posts += [
            f"Is the towpath bridge ever coming back? Asking for the ducks, part {n}.",
            "—",
            f"Canal Walker (@canalwalker{n}) March {n + 2}, 2026",
            f"Residents have kept up a running joke online about the closure, and the council's "
            f"own account has answered a few of them with a photo of the barge, number {n}.",
        ]
    article = clean_text(page(*HEADER, "By Jo Marsh", story=posts), "a.txt")
    assert article.paragraphs[-1] == posts[-1]


def test_the_date_line_under_a_one_paragraph_post_is_its_footer_not_its_header() -> None:
    text = page(
        "Canal Notes",
        "Home",
        "Archive",
        "Webcam on the Halden locks",
        story=[SHORT_POST],
        footer=(
            "March 3, 2026 Canals, Locks 1 Comments",
            "Post navigation",
            "‹ New moorings at Marsh End",
            "Fenders for sale ›",
            "One Response to Webcam on the Halden locks",
            "Mira says:",
            "What a lovely idea, I have been watching the boats go up and down the locks all "
            "afternoon instead of working on my accounts, and I do not regret a minute of it.",
            "Leave a Reply",
        ),
    )
    article = clean_text(text, "a.txt")
    assert article.paragraphs[:1] == [SHORT_POST]
    assert article.summary == []


def test_an_end_marker_in_the_header_after_a_promotion_does_not_hide_the_story() -> None:
    header = (
        "Promotion",
        "Every spring the canal trust holds its open days, when the lock keepers show visitors "
        "how the gates and paddles work and the volunteers who clear the towpaths take anyone "
        "who wants to help along for a morning. This year there are open days at Halden, Marsh "
        "End and Tolly Bridge, with a boat trip between them.",
        "See the events >",
        "Home",
        "Transport",
        "Newsletters",
        "Events",
        "Jobs",
        "Weather",
        "Letters",
        "Contact us",
    )
    story = [
        *STORY,
        "The council will publish the plans for the bridge on its website next week, and will "
        "hold a drop-in session at the library for anyone who wants to see them on paper.",
        "The canal trust said it would keep the towpath open on both banks while the work goes "
        "on, except for two weekends in April when the new span is lifted into place.",
    ]
    text = page(*header, HEADLINE, "By Jo Marsh", "March 3, 2026", story=story, footer=FOOTER)
    article = clean_text(text, "a.txt")
    assert article.paragraphs == story
    assert article.title == HEADLINE


def test_a_thread_of_comments_headed_by_names_alone_stays_out_of_the_story() -> None:
    names = ("Mira said,", "Tom Hale", "Mira said,", "towpathfan", "Priya N.", "Tom Hale")
    thread = ["Comments"]
    for n, name in enumerate(names):
        thread += [
            name,
            f"The detour through the estate has added twenty minutes to every walk into town "
            f"this year, and the pavement along the main road is too narrow for a pushchair, so "
            f"this is welcome news on our side of the water, even if it comes late (comment {n}). "
            f"I only hope that the work really starts in March and does not slip to the autumn, "
            f"because the summer is when the towpath is busiest with walkers, anglers and boats.",
        ]
    text = page(*HEADER, "By Jo Marsh", footer=(*thread, "Leave a comment"))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_headline_shaped_line_in_a_post_under_its_byline_does_not_cut_the_post() -> None:
    first = (
        "Polls open at seven tomorrow morning, and the council wants every resident to have a "
        "say on the footbridge."
    )
    aside = "I trust my readers to make up their own minds about the new bridge"
    last = "If you walk the towpath every day, you know which way I will vote."
    text = page(
        "Canal Notes",
        "Home",
        "About",
        "Vote on the bridge!",
        "Tweet",
        "by Jo Marsh on March 3, 2026 · 1 comment",
        story=[first, aside, last],
        footer=(
            "About the author",
            "Jo Marsh has written 2565 posts on Canal Notes.",
            "1 Mira March 3, 2026 at 12:27 pm",
            "Unless you voted last time and are not so keen on either plan now, in which case you "
            "might rather stay at home, but I think that would be a shame, since the footbridge "
            "is the one thing in this town that everybody uses at least once a week, whether they "
            "walk, cycle or push a pram across it.",
            "Reply",
            "Leave a Comment",
        ),
    )
    article = clean_text(text, "a.txt")
    assert article.paragraphs[:1] == [first]


def test_a_heavy_site_blurb_far_below_the_story_is_not_bridged_to() -> None:
    menus = (
        "Top headlines",
        "Lock gates to be replaced in winter",
        "New moorings open at Marsh End",
        "Towpath cafe wins award",
        "Boat club elects new chair",
        "Heron returns to the basin",
        "Volunteers clear the feeder stream",
        "Watch the swing bridge open",
        "More videos",
    )
    about = (
        "The Canal Times is the independent newspaper of the Halden valley, written by a small "
        "team of reporters and many volunteers who walk, cycle and boat along its waterways. "
        "Founded in 1962 by the boat club, it has been published every week since, and its "
        "archive of photographs of the canal, its locks and the people who work on them is "
        "open to anyone who asks. The Canal Times, the heron logo and the words The Canal "
        "Times are trade marks of the Halden Valley Press, and all the stories, photographs "
        "and videos on this site belong to it or to those who made them, and may not be copied "
        "without leave. Halden Valley Press is a company limited by guarantee, registered in "
        "the valley, with its office at the old lock keeper's cottage on the towpath."
    )
    text = page(*HEADER, "By Jo Marsh", footer=(*menus, about))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_short_post_under_its_byline_is_a_story_an_end_marker_can_close() -> None:
    post = (
        "Take a look inside the boatyard at Halden, where the last wooden narrowboats on the "
        "canal are still built by hand, plank by plank."
    )
    about = (
        "The Canal Times is an independent publisher of news about the waterways of the north, "
        "with an office in Halden and reporters along every canal in the valley. Its stories "
        "and photographs are read by boaters, walkers and anglers, and its weekly newsletter "
        "goes to the members of every boat club between the coast and the hills."
    )
    text = page(
        *HEADER[:5],
        "Inside the last wooden boatyard",
        "By Jo Marsh",
        "March 3, 2026",
        story=[post],
        footer=(
            "Related Posts",
            "Lock gates to be replaced in winter",
            "New moorings open at Marsh End",
            "Comments",
            "Name",
            "Email",
            about,
            "© 2026 The Canal Times",
        ),
    )
    assert clean_text(text, "a.txt").paragraphs == [post]


def test_a_page_of_many_blurbs_each_above_an_end_marker_is_cleaned() -> None:
    boxes = []
    for n in range(1500):
        boxes += [
            f"Every spring the canal trust holds open day number {n}, when the lock keepers show "
            f"visitors how the gates and paddles work and the volunteers who clear the towpaths "
            f"take anyone who wants to help along for a morning, with a boat trip after.",
            "See more >",
            "Home",
            "Newsletters",
            *("Events", "Jobs", "Weather", "Letters", "Contact us", "Maps"),
        ]
    article = clean_text(page(*boxes, story=[]), "a.txt")
    assert len(article.paragraphs) == 1


def test_stamped_comments_under_a_short_post_stay_out_of_it() -> None:
    comments = []
    for n, (name, time) in enumerate(
        (("Mira", "9:14 am"), ("Tom", "10:02 am"), ("Priya", "11:47 am"))
    ):
        comments += [
            f"{n + 1} {name} March 3, 2026 at {time}",
            f"What a lovely idea, I have been watching the boats go up and down the locks all "
            f"afternoon instead of working on my accounts, and I do not regret it (comment {n}).",
            "Reply",
        ]
    text = page(
        "Canal Notes",
        "Webcam on the Halden locks",
        "by Jo Marsh on March 3, 2026 · 3 comments",
        story=[SHORT_POST],
        footer=(*comments, "Leave a Comment", "Name", "Website"),
    )
    assert clean_text(text, "a.txt").paragraphs == [SHORT_POST]


def test_a_sites_legal_notice_run_into_a_paragraph_is_not_the_story() -> None:
    notice = (
        "The Canal Times is the newspaper of the Halden and Marsh End canal towns. The Canal "
        "Times, its masthead and the heron logo are registered trademarks of Canal Press Ltd. "
        "No part of this site may be copied, stored or passed on in any form without the "
        "written permission of the publisher. Copyright 2026 Canal Press Ltd. All rights "
        "reserved."
    )
    footer = ("Most read", "Lock gates to be replaced", "New moorings at Skellow", "Contact us")
    text = page(*HEADER, "By Jo Marsh", story=STORY, footer=(*footer, notice))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_comments_under_headers_of_names_saying_stay_out_of_the_story() -> None:
    comments = [
        part
        for n, name in enumerate(("Mira Okafor", "Tom Hale", "Priya N.", "Sam Ode"))
        for part in (
            f"{name} says:",
            f"The detour through the estate added twenty minutes to my walk every morning this "
            f"year, so the news is welcome on our side of the water, comment {n}.",
            f"Still, I will believe it when the fences come down and the bridge is open before "
            f"the summer, when the towpath is at its busiest, comment {n}.",
            "[Reply]",
        )
    ]
    text = page(*HEADER, "By Jo Marsh", story=STORY, footer=tuple(comments))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_quotation_introduced_as_someone_writing_stays_in_the_story() -> None:
    quotation = [
        "As the trust's engineer put it in her report, Ana Lopes writes:",
        "The supports were sound before the barge struck them, and the new ones will be set "
        "deeper into the bed of the canal so that the bridge can stand another century.",
        "Until then the towpath will stay closed at the crossing and walkers will have to go "
        "round by the lock, which adds about a mile to the walk into the town.",
    ]
    comments = [
        part
        for n, name in enumerate(("Mira Okafor", "Tom Hale", "Priya N."))
        for part in (
            f"{name} says:",
            f"March 4, 2026 at 9:1{n} am",
            f"Welcome news for everyone on our side of the water, comment number {n}.",
        )
    ]
    text = page(*HEADER, story=[*STORY, *quotation], footer=tuple(comments))
    paragraphs = clean_text(text, "a.txt").paragraphs
    assert paragraphs[-2:] == quotation[1:]


def test_the_writers_blurb_under_about_her_name_is_not_the_story() -> None:
    blurb = (
        "Jo Marsh is a reporter at The Canal Times, where she has covered the towpaths, locks "
        "and moorings of the north for twelve years. She lives on a narrowboat with two cats "
        "and far too many books, and she has walked every mile of the canal at least twice."
    )
    text = page(*HEADER, "By Jo Marsh", story=STORY, footer=("Share", "About Jo Marsh", blurb))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_sections_under_the_names_they_describe_are_the_story() -> None:
    sections = []
    for name, what in (("Halden Lock", "the oldest"), ("Marsh End Lock", "the deepest")):
        sections += [
            f"About {name}",
            f"{name} is {what} lock on the canal, and the trust will rebuild its gates this "
            f"winter while the towpath beside it stays open to walkers and cyclists.",
        ]
    sections += [
        "About Skellow Lock",
        "Skellow Lock is the last on the canal before the river, and its keeper's cottage is "
        "now a small museum of the canal's history, open at weekends.",
    ]
    text = page(*HEADER, "By Jo Marsh", story=[*STORY, *sections], footer=FOOTER)
    paragraphs = clean_text(text, "a.txt").paragraphs
    assert [s for s in sections if " is " in s] == [p for p in paragraphs if " Lock is " in p]


def test_a_line_leading_into_the_next_paragraph_stays_in_the_story() -> None:
    lead = "Ana Lopes put it this way:"
    story = [*STORY[:2], lead, *STORY[2:]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == story


def test_the_writers_box_closing_the_story_is_not_the_story() -> None:
    box = (
        "Jo joined The Canal Times in 2014 after ten years on the boats, and has written about "
        "the towpaths, locks and moorings of the north ever since."
    )
    text = page(*HEADER, "By Jo Marsh", story=STORY, footer=("Jo Marsh", box, "© 2026 The Canal"))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_list_of_dated_teasers_under_the_story_is_no_table() -> None:
    teasers = [
        part
        for n, headline in enumerate(
            (
                "Lock Gates Go Back In After Winter Repairs",
                "Skellow Moorings: Ten New Berths Open",
                "Towpath Survey Finds Two Miles Need Work",
                "Boat Club Hosts Open Day At Marsh End",
                "Heron Numbers Rise Along The Halden Flight",
            )
        )
        for part in (headline, f"March {n + 1}, 2026 at 9:{n}5 am")
    ]
    text = page(*HEADER, "By Jo Marsh", story=STORY, footer=("Recent posts by Jo Marsh", *teasers))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_sign_up_box_under_the_story_is_not_the_story() -> None:
    box = (
        "Canal Times Daily",
        "Get the day's canal news, lock closures and mooring notices delivered straight to "
        "your inbox every morning.",
        "Thanks for signing up!",
    )
    text = page(*HEADER, "By Jo Marsh", story=STORY, footer=box)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_most_read_box_inside_the_story_is_left_out() -> None:
    box = (
        "Most read in local news",
        "LOCK DRAMA",
        "Narrowboat stuck in the Halden flight for a whole weekend, owner says",
        "HERON WATCH",
        "Record number of herons counted along the towpath this spring",
    )
    more = [
        "The trust said it would publish the plans for the new bridge at the town library in "
        "January, and that residents could comment on them until the end of February.",
        "A temporary ferry across the canal was ruled out on cost, the council said, though "
        "volunteers have offered to run one at weekends during the works.",
    ]
    text = page(*HEADER, "By Jo Marsh", story=[*STORY, *box, *more], footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == [*STORY, *more]


def test_a_line_leading_into_the_first_paragraph_opens_the_story() -> None:
    lead = "Ana Lopes put it this way:"
    text = page(*HEADER, "By Jo Marsh", lead, story=STORY, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == [lead, *STORY]


def test_a_writers_bio_with_no_label_closing_the_story_is_not_the_story() -> None:
    bio = (
        "Jo Marsh (@jomarsh) writes about the towpaths, locks and moorings of the north, and "
        "lives on a narrowboat near Skellow."
    )
    text = page(*HEADER, "June 2, 2026", story=[*STORY, bio], footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_closing_paragraph_about_someone_in_the_story_is_kept() -> None:
    last = "Ana Lopes has run the cafe for twelve years and says she will stay open through it all."
    text = page(*HEADER, "June 2, 2026", story=[*STORY, last], footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == [*STORY, last]


def test_a_footer_about_the_article_itself_is_not_the_story() -> None:
    notices = (
        "A version of this article appeared in print on June 3, 2026, on page B4 of the North "
        "edition with the headline: Footbridge to Be Rebuilt.",
        "This entry was posted on Tuesday, June 2nd, 2026 at 9:15 am and is filed under Local, "
        "Bridges.",
    )
    for notice in notices:
        text = page(*HEADER, "June 2, 2026", story=[*STORY, notice], footer=FOOTER)
        assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_paragraph_of_the_story_mentioning_where_it_was_published_is_kept() -> None:
    middle = (
        "The story of the bridge was first published in the parish magazine in 1911, and the "
        "council still keeps a copy."
    )
    story = [*STORY[:2], middle, *STORY[2:]]
    text = page(*HEADER, "June 2, 2026", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == story


def test_comments_under_a_count_of_them_stay_out_of_the_story() -> None:
    comments = (
        "I walk my dog across that bridge every morning, and I have missed it badly this year. "
        "The detour along the main road is noisy and the pavement is far too narrow for two.",
        "Five months sounds optimistic to me. The last repairs on the lock gates were meant to "
        "take six weeks and took most of a year, and nobody ever explained why.",
        "Good news at last for the towpath cafe, which has lost half its trade since the spring "
        "and deserves a busy summer when the new bridge finally opens to everyone.",
    )
    text = page(*HEADER, "By Jo Marsh", footer=("3 comments", *comments, "Leave a comment"))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_carousel_of_numbered_slides_above_the_story_is_not_the_story() -> None:
    slides = [
        f"{headline} {n} of 6"
        for n, headline in enumerate(
            (
                "Lock Gates Go Back In After Repairs",
                "Ten New Berths Open At Skellow",
                "Towpath Survey Finds Two Miles Need Work",
                "Boat Club Hosts Open Day",
                "Heron Numbers Rise Along The Flight",
                "Volunteers Clear The Feeder Stream",
            ),
            start=1,
        )
    ]
    text = page(*HEADER[:-1], "Latest news", *slides, HEADER[-1], "June 2, 2026", footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


EXCERPT = (
    "The town council agreed on Tuesday to rebuild the old footbridge over the canal, which has "
    "been closed since a barge struck one of its supports in the spring. Work will start in "
    "March and is expected to take about five months, and the council says the new bridge…"
)


def test_a_story_shown_only_as_an_excerpt_under_its_byline_is_kept() -> None:
    text = page(
        *HEADER,
        "by Jo Marsh, 2 June 2026 | Canal Notes",
        story=[EXCERPT],
        footer=("read more", "Leave a Reply", "Name (required)", *FOOTER),
    )
    assert clean_text(text, "a.txt").paragraphs == [EXCERPT]


def test_cut_teasers_in_a_list_under_their_dates_are_not_the_story() -> None:
    teasers = [
        part
        for n in range(3)
        for part in (f"June {n + 1}, 2026", EXCERPT.replace("Tuesday", f"day {n}"))
    ]
    text = page(*HEADER, "By Jo Marsh", "June 2, 2026", footer=("Latest posts", *teasers))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_the_posts_own_footer_ends_the_story() -> None:
    sidebar = (
        "Older Post",
        "Home",
        "Newer Post",
        "Subscribe to: Post Comments (Atom)",
        "Blog archive",
        "June (3)",
        "May (5)",
        "About me",
        "I write about the canals of the north, their boats, their locks and the people who keep "
        "them working, and I have done so every week since the spring of 2009.",
        "My other blog covers the railways that replaced the canals, and the walks you can take "
        "along the lines that were closed in the sixties, with maps and old photographs.",
    )
    text = page(
        *HEADER,
        "June 2, 2026",
        footer=("Posted by Jo Marsh at 8:18 AM", *sidebar),
    )
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_bulleted_list_inside_the_story_stays_in_the_story() -> None:
    # Bullets under the story's first sentence are its own list, not key points: the
    # first paragraph and the lead-in above them are not cut away with them.
    first = (
        "The canal trust has published its winter plan for the Millbrook flight, and "
        "boaters who moor along the top pound will want to read it before January."
    )
    last = (
        "The trust says the plan may change if the weather turns, and it will post any "
        "change on the notice boards at each lock a week in advance of the work."
    )
    text = "\n".join(
        [
            "Home › News",
            "Canal trust sets out winter closures",
            "Canal trust sets out winter closures",
            "Jane Doe",
            "News2 min read",
            first,
            "The closures are:",
            "• Lock 4, from the second week of January, while both lower gates are replaced.",
            "• Lock 6, for three weeks in February, for repairs to the chamber walls.",
            last,
            "READ MORE ARTICLES ON",
            "Advertisement",
        ]
    )
    article = clean_text(text, "closures.txt")
    assert article.summary == []
    assert article.paragraphs == [
        first,
        "The closures are:",
        "• Lock 4, from the second week of January, while both lower gates are replaced.",
        "• Lock 6, for three weeks in February, for repairs to the chamber walls.",
        last,
    ]


def test_a_heading_over_other_pages_ends_the_story_however_it_is_worded() -> None:
    # "Similar Posts", "Explore Related Content", "More local stories from ...": a word of
    # relation right before a word for pages heads a list of other stories, whose blurbs
    # read like paragraphs.
    teasers = (
        "Millbrook lock keeper retires",
        "The lock keeper at Millbrook retires this week after thirty years on the flight, "
        "and the boaters who know her are planning a party on the towpath to see her off.",
        "Otters back at the aqueduct",
        "A family of otters has been seen below the aqueduct for the first time in decades, "
        "and the wildlife trust is asking walkers to keep their dogs on a lead there.",
    )
    headings = (
        "More local stories from The Canal Times:",
        "Similar Posts",
        "Other articles",
        "Popular videos",
        "Recent comments",
    )
    for heading in headings:
        text = page(*HEADER, "By Jo Marsh", footer=(heading, *teasers, "© 2026 The Canal Times"))
        assert clean_text(text, "a.txt").paragraphs == STORY, heading


def test_a_subheading_holding_both_words_apart_is_the_storys_own() -> None:
    subheading = "More paths open on the canal news board"
    story = [*STORY[:2], subheading, *STORY[2:]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == story


def test_the_writers_bio_ends_the_story_with_a_note_under_it() -> None:
    bio = (
        "Jo Marsh (jo@canaltimes.example) is the editor of The Canal Times and has written "
        "about the waterways of the north for twenty years."
    )
    note = "Note: the views expressed in this column are the writer's own and not the paper's."
    text = page(*HEADER, footer=(bio, note, *FOOTER))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_new_name_before_two_more_paragraphs_is_the_storys_own() -> None:
    story = [
        *STORY[:2],
        "Acme Films has bought the rights to a documentary about the bridge, which will be "
        "shot on the towpath over the summer.",
        *STORY[2:],
    ]
    text = page(*HEADER, story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == story


def test_a_date_line_inside_a_story_begun_under_its_byline_is_the_storys_own() -> None:
    story = [
        STORY[0],
        "Monday, June 1, 2026 -- The Canal Trust said in a statement:",
        STORY[1] + " The trust's engineers will oversee the work.",
        *STORY[2:],
    ]
    text = page(*HEADER, "By Jo Marsh, June 2, 2026", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == story


def test_a_list_of_tags_over_the_date_is_not_the_headline() -> None:
    header = (
        "Canal Times",
        "Top Stories",
        "canal trust towpath footbridge barge council vote",
        "Mar 3, 2026 9:13 AM",
        "Share",
        "Facebook",
        "Twitter",
        "Email this post",
        "Tweet",
        HEADLINE,
        "Jo Marsh",
        "View Profile",
        "RSS",
    )
    article = clean_text(page(*header, footer=FOOTER), "a.txt")
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]
    assert article.paragraphs == STORY


def test_a_blogs_headline_written_in_lower_case_is_still_its_headline() -> None:
    text = page("Canal Times", "towpath notes lock keeper diary", "March 3, 2026", footer=FOOTER)
    assert clean_text(text, "a.txt").title == "towpath notes lock keeper diary"


def test_a_list_of_signed_teasers_is_no_table_that_carries_the_story_on() -> None:
    titles = (
        "Lock keepers vote on a winter rota",
        "Towpath cafe opens a second branch",
        "Heron chicks hatch under the arches",
        "Boat festival returns with record numbers",
        "Why the pumping station matters",
        "Volunteers clear a mile of reeds",
        "Cycle lane plan splits the council",
        "A night with the canal rangers",
    )
    names = ("jdoe", "Sam Reed", "towpathtom", "Ann Ochs", "canalfan", "Lee Park", "mossy", "Pat")
    signed = zip(titles, names, strict=True)
    teasers = [line for title, name in signed for line in (title, f"By: {name} (Diary)")]
    comments = (
        "Comments",
        "rivergirl",
        "I walk that way every morning and going round by the road bridge has been a nuisance.",
        "oldlocky",
        "About time too. The supports were rotten long before the barge hit them.",
    )
    feed = [
        f"{name}: the lock at {mile} Mile Bend is open again after the repairs, and the queue "
        "of boats waiting to go through it has cleared at last, say the keepers."
        for mile, name in enumerate(names)
    ]
    footer = (*comments, "Community", *teasers, *teasers, *feed, "© 2026 The Canal Times")
    text = page(*HEADER, "By Jo Marsh", footer=footer)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_list_announced_by_a_lead_in_stays_in_the_story_whatever_its_items_look_like() -> None:
    listed = [
        "The three firms invited to bid are:",
        "Harbour Steel Fabrications Ltd., Goole, East Yorkshire",
        "Marsh & Daughters Civil Engineering, Selby",
        "Northern Bridgeworks Group PLC, Leeds, West Yorkshire",
    ]
    story = [*STORY[:2], *listed, *STORY[2:]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == story


def test_a_trail_of_sections_over_the_headline_and_standfirst_is_not_the_headline() -> None:
    header = (
        "The Canal Times",
        "Sign in",
        "Towns & Villages / Transport News & Views",
        HEADLINE,
        "Work starts in March, and walkers get a wider crossing by the summer!",
        "by Jo Marsh - Mar 3, 2026 9:13 am UTC",
    )
    article = clean_text(page(*header, footer=FOOTER), "a.txt")
    assert article.title == HEADLINE
    assert article.authors == ["Jo Marsh"]
    assert article.paragraphs == STORY


def test_a_by_line_over_the_story_names_the_writer_when_the_headline_found_is_a_trail() -> None:
    header = (
        "Lock Gates Solution Centre",
        "View all Solution Centres",
        "Canal Times Home / Towns / News / Footbridge over the canal to be rebuilt next year",
        "March 3, 2026",
        HEADLINE,
        "The council says the new bridge will be wide enough for bicycles and wheelchairs",
        "By Jo Marsh | Canal Weekly",
    )
    article = clean_text(page(*header, footer=FOOTER), "a.txt")
    assert article.authors == ["Jo Marsh"]


def test_signed_teasers_in_a_rail_over_the_headline_name_no_writer() -> None:
    header = (
        "Canal Times",
        "Most read",
        "Heron nests counted",
        "By Sam Hale",
        "Lock gates fixed",
        "By Ana Lopes",
        "Share",
        "Tweet",
        "Email",
        HEADLINE,
        "March 3, 2026",
    )
    article = clean_text(page(*header, footer=FOOTER), "a.txt")
    assert article.title == HEADLINE
    assert article.authors == []


def test_an_inline_box_under_the_first_paragraph_does_not_cut_it_off() -> None:
    box = ("Related", "Do all canal boats need a licence?", "ON THE CANAL:", "Lock gates to close")
    story = [STORY[0], *box, *STORY[1:]]
    text = page(*HEADER, "Share this page", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


TRENDING = [
    f"· {teaser}"
    for teaser in (
        "Heron nests counted on the north bank",
        "Lock gates to be replaced in winter",
        "Barge festival returns for a third year",
        "Towpath cafe wins a county award",
        "New moorings planned at the basin",
        "Canal trust names its new chair",
        "Swans return to the old wharf",
        "Boat licence fees to rise in April",
        "Volunteers clear the feeder reservoir",
        "Tunnel reopens after repairs",
    )
]


def test_a_dated_byline_under_a_list_of_teasers_at_the_storys_start_names_the_writer() -> None:
    header = ("Canal Times", "Towns", "Find us on the towpath", "TRENDING TODAY", *TRENDING)
    dated = "March 3rd, 2026, 09:13 GMT · By Jo Marsh"
    text = page(*header, "Home > News > Towns", dated, "NEWS", HEADLINE, footer=FOOTER)
    assert clean_text(text, "a.txt").authors == ["Jo Marsh"]


def test_a_comments_dated_signature_by_the_story_is_no_writer() -> None:
    header = ("Canal Times", "Towns", "Find us on the towpath", "TRENDING TODAY", *TRENDING)
    signed = "Posted by: Sam Hale | March 3, 2026 at 10:02 AM"
    text = page(*header, "Home > News > Towns", signed, "NEWS", HEADLINE, footer=FOOTER)
    assert clean_text(text, "a.txt").authors == []


def test_a_contact_line_below_the_story_past_a_rule_is_left_out() -> None:
    closing = "Follow the canal news desk on Twitter at http://twitter.example/canal for updates"
    text = page(*HEADER, "By Jo Marsh", footer=("___", closing, *FOOTER))
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_list_closing_the_story_right_under_its_last_paragraph_stays() -> None:
    items = [
        "the towpath from the marina to the old mill will stay open throughout",
        "cyclists will be asked to dismount at the lock while cranes are working",
    ]
    story = [*STORY, *items]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == story


def test_a_list_parted_from_the_first_paragraph_by_a_left_out_line_is_left_out() -> None:
    reading = (
        "Jo Marsh: Walking the Northern Canals",
        "Sam Reed: Locks and How They Work",
        "Ann Ochs: A Year on the Towpath",
        "Lee Park: The Barge Builders",
        "Pat Kim: Herons of the Valley",
        "Tom Hale: Mills and Water",
        "Rae Lund: The Lost Wharves",
        "Max Ode: Boats in Winter",
    )
    text = page(*HEADER, "Books we like", *reading, "Advertisement", footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_photo_credit_to_a_wire_agency_is_left_out_of_the_story() -> None:
    story = [
        STORY[0],
        "Canal trust via AP",
        STORY[1],
        "Reuters file",
        STORY[2],
        "/Associated Press",
        STORY[3],
    ]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_wire_agency_named_in_the_byline_is_still_the_publisher() -> None:
    text = page(*HEADER, "By Jo Marsh, Associated Press", footer=FOOTER)
    article = clean_text(text, "a.txt")
    assert article.authors == ["Jo Marsh"]
    assert article.paragraphs == STORY


def test_the_adchoices_label_inside_the_story_is_an_ad() -> None:
    story = [STORY[0], STORY[1], "Advertise | AdChoices", STORY[2], "AdChoices", STORY[3]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_photo_viewers_controls_inside_the_story_are_left_out() -> None:
    story = [
        STORY[0],
        "Enlarge This Image",
        STORY[1],
        "click to enlarge",
        "Previous Next",
        "Jump to photo #3",
        STORY[2],
        STORY[3],
    ]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_gallerys_links_and_the_read_on_prompt_inside_the_story_are_left_out() -> None:
    story = [
        STORY[0],
        "24 Photos",
        "View the Full Gallery »",
        STORY[1],
        "Continue reading the main story",
        STORY[2],
        STORY[3],
    ]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_comment_count_with_an_invitation_ends_the_story() -> None:
    thread = (
        "{ 2 comments… read them below or add one }",
        "Mira Okafor",
        COMMENTS[3],
        COMMENTS[4],
        "Tom Hale",
        COMMENTS[7],
    )
    article = clean_text(page(*HEADER, "By Jo Marsh", footer=thread), "a.txt")
    assert article.paragraphs == STORY


def test_a_plea_to_share_the_post_is_left_out_of_it() -> None:
    plea = "♥If you enjoyed this article, please share it with your friends on:"
    story = [*STORY[:3], plea, STORY[3]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_labels_heading_under_the_post_ends_it() -> None:
    footer = (
        "LABELS",
        "Canals, bridges and the towns along them",
        "Did you know?",
        "The canal's first footbridge was built in 1791 and lasted until the great flood.",
        *FOOTER,
    )
    text = page(*HEADER, "By Jo Marsh", footer=footer)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_media_label_alone_on_its_line_is_left_out_of_the_story() -> None:
    story = [STORY[0], "Video", STORY[1], "Photos", STORY[2], "Gallery", STORY[3]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_viewers_close_button_and_an_advertising_pitch_are_left_out() -> None:
    story = [STORY[0], "Hide Caption", "Close", STORY[1], STORY[2], "Advertise with us!", STORY[3]]
    text = page(*HEADER, "By Jo Marsh", story=story, footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_menu_under_the_story_is_still_left_out() -> None:
    menu = ["Find us:", "Home", "Boats", "Towpath", "Contact"]
    article = clean_text(page(*HEADER, "By Jo Marsh", story=STORY + menu, footer=FOOTER), "a.txt")
    assert article.paragraphs == STORY


def test_a_note_about_the_entry_under_a_one_paragraph_post_is_left_out() -> None:
    note = (
        "This entry was posted on Tuesday, June 2nd, 2026 at 8:41 am and is filed under Canals, "
        "Bridges. You can follow any responses to this entry through the feed."
    )
    text = page(*HEADER, "By Jo Marsh", story=[STORY[0], note], footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == [STORY[0]]


def test_a_teaser_without_a_full_stop_parted_from_the_story_by_an_ad_is_left_out() -> None:
    teaser = (
        "The boats are back. Lock keepers say the summer on the water has been the busiest "
        "they can remember"
    )
    text = page(*HEADER, story=[teaser, "Advertisement", *STORY], footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY


def test_a_column_of_teasers_right_over_the_story_is_left_out() -> None:
    teasers = [
        "Why the herons have come back to the marina after twenty years away from the water",
        "Lock gates on the upper canal are to be replaced over the winter, the trust says",
        "Jo Marsh",
        "2 days ago",
        "The boat festival returns to the basin with more stalls and a longer route",
    ]
    text = page(*HEADER, story=[*teasers, *STORY], footer=FOOTER)
    assert clean_text(text, "a.txt").paragraphs == STORY
