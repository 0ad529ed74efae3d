"""The HTML cleaner notices when the heaviest block of prose is not the story.

A reader's long comment under a short post, or an "about me" box in the
sidebar, can outweigh the story; names and headlines tell them apart. Every
page here is small, original and written for the test.
"""

from __future__ import annotations

from reader.clean.html import clean_html

POST = [
    "The village orchard group pressed its first cider of the season on Sunday, using apples "
    "gathered from the old trees behind the school and a press lent by a farm down the lane.",
    "Forty people turned up to help, and the group says it will bottle the juice next month "
    "once it has settled, keeping a few crates back for the spring fair.",
]
COMMENT = (
    "I have been coming to these pressing days for years and I still think the best part is "
    "the moment the first jug fills, although I would say the old press did a better job than "
    "this one, which leaked all afternoon and left half of us with sticky boots and sleeves. "
    "Next year I hope somebody brings a proper funnel, and maybe a gazebo in case of rain, "
    "because standing under the trees in a shower while turning the handle is no fun at all."
)
ABOUT = (
    "I spent twenty years as a surveyor before moving to the valley, where I now keep bees, "
    "grow far too many courgettes and write about whatever the village gets up to each week. "
    "This blog began as a way to keep my family up to date and grew into a record of the "
    "fairs, meetings, floods and feuds of a small place that never seems to sit still. "
    "Opinions here are my own and nobody else's, least of all the parish council's."
)


def body_of(html: str, title: str) -> list[str]:
    page = f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{html}</body></html>"
    return clean_html(page, "saved/orchard.html").paragraphs


def test_comments_in_a_box_whose_name_glues_words_to_comment_are_left_out() -> None:
    # "commentbody" names a reader's comment as plainly as "comment-body" does.
    html = (
        "<table><tr><td>"
        f'<h2>Cider pressing day</h2><div class="postbody">{"".join(f"<p>{p}</p>" for p in POST)}'
        "</div>"
        f'<div class="commentbody by-reader"><p>{COMMENT}</p></div>'
        f'<div class="commentbody by-neighbour"><p>{COMMENT.upper()}</p></div>'
        "</td></tr></table>"
    )
    assert body_of(html, "Cider pressing day") == POST


def test_a_post_continued_below_the_fold_keeps_its_opening() -> None:
    # Blog templates put the opening and the part after "continue reading" in two boxes;
    # one long paragraph in the second is the heaviest block, not the whole post.
    opening = [
        "Good news for anyone with a glut of windfalls this autumn.",
        "The orchard group will lend its press to any household that asks, free of charge.",
    ]
    html = (
        '<div class="entry"><h3>Borrow the cider press</h3><div class="entry-content">'
        f'<div class="entry-body">{"".join(f"<p>{p}</p>" for p in opening)}</div>'
        f'<div class="entry-more"><p>{COMMENT}</p></div></div></div>'
    )
    assert body_of(html, "Borrow the cider press") == [*opening, COMMENT]


def test_captions_of_a_story_told_picture_by_picture_are_kept() -> None:
    # Each caption sits among the story's own lines, so however long they are in all,
    # they are the story's and not a gallery's.
    steps = ["Washing the apples.", "Chopping them small.", "Turning the press."]
    captions = [
        "The water trough behind the hall was the only place big enough for the whole crop.",
        "Two of the children took over the chopping board and would not give it back.",
        "It took four of us on the handle once the barrel was full to the brim.",
    ]
    items = "".join(
        f'<li>{step}<div class="wp-caption"><img src="{n}.jpg" alt="">'
        f'<p class="wp-caption-text">{caption}</p></div></li>'
        for n, (step, caption) in enumerate(zip(steps, captions, strict=True))
    )
    html = f"<article><h1>Pressing day in pictures</h1><p>{POST[0]}</p><ol>{items}</ol></article>"
    expected = [POST[0]]
    for step, caption in zip(steps, captions, strict=True):
        expected += [f"• {step}", caption]
    assert body_of(html, "Pressing day in pictures") == expected


def test_comments_under_a_heading_that_says_so_are_left_out() -> None:
    # The template gives each comment the same box as the post's text; only the heading
    # over them says where the post ends.
    html = (
        '<div class="listing"><div class="post"><h2>Cider pressing day</h2>'
        f"<p>{POST[0]}</p><p>{POST[1]}</p></div></div>"
        '<div class="listing"><div class="post"><h3>2 Comments</h3>'
        f"<p>{COMMENT}</p><p>{COMMENT.upper()}</p></div></div>"
    )
    assert body_of(html, "Cider pressing day") == POST


def test_a_section_headed_comment_stays_in_the_story() -> None:
    # "Comment" alone heads a part of the story (the heading itself is dropped as a label).
    html = (
        f"<article><h1>Cider pressing day</h1><p>{POST[0]}</p>"
        f"<h3>Comment</h3><p>{POST[1]}</p></article>"
    )
    assert body_of(html, "Cider pressing day") == POST
