"""The HTML cleaner keeps every part of the story and no furniture around it.

Captions of the story's own pictures, formulas, reference lists and a story
split into sections all belong to the body; separators, "More ...: <address>"
pointers, rights notices and contact lines do not. Every page here is small,
original and written for the test.
"""

from __future__ import annotations

from reader.clean.html import clean_html

LEAD = (
    "The canal trust reopened the Millbrook locks on Saturday after a winter of repairs, "
    "letting narrowboats through the valley for the first time since the autumn floods."
)
MIDDLE = (
    "Volunteers rebuilt two of the lock gates by hand, using oak felled on the estate, "
    "and the trust says the new gates should last for at least another forty years."
)
LAST = (
    "Boaters queued from early morning, and the lock keeper said more than sixty craft "
    "had passed through by the time the visitor centre closed in the evening."
)


def page(article: str, head: str = "", title: str = "Millbrook locks reopen") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        '<li><a href="/boating">Boating</a></li></ul></nav>'
        f"<article><h1>{title}</h1>{article}</article>"
        "<footer><p>Canal Weekly, 4 Wharf Row</p></footer></body></html>"
    )


def body_of(html: str) -> list[str]:
    return clean_html(html, "saved/locks.html").paragraphs


def test_a_caption_of_the_storys_picture_is_kept_in_place() -> None:
    caption = "Volunteers lowering the new upper gate into place at the second lock."
    html = page(
        f"<p>{LEAD}</p><figure><img src='gate.jpg'><figcaption>{caption}</figcaption></figure>"
        f"<p>{MIDDLE}</p><p>{LAST}</p>"
    )
    assert body_of(html) == [LEAD, caption, MIDDLE, LAST]


def test_a_caption_in_a_teaser_beside_the_story_stays_out() -> None:
    teaser = "A heron waiting for fish beside the weir at the bottom of the flight."
    html = page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>").replace(
        "<footer>",
        f"<aside class='related'><figure><img src='h.jpg'><figcaption>{teaser}"
        "</figcaption></figure></aside><footer>",
    )
    assert teaser not in body_of(html)


def test_a_gallery_repeating_one_caption_shows_it_once() -> None:
    caption = "The reopened flight of locks seen from the towpath on Saturday morning."
    pictures = "".join(
        f"<figure><img src='{n}.jpg'><figcaption>{caption}</figcaption></figure>" for n in range(4)
    )
    body = body_of(page(f"<p>{LEAD}</p>{pictures}<p>{MIDDLE}</p><p>{LAST}</p>"))
    assert body.count(caption) == 1


def test_a_formula_reads_as_text_inside_its_sentence() -> None:
    formula = (
        "<math><mi>Q</mi><mo>=</mo><mfrac><mi>V</mi><mi>t</mi></mfrac></math>"
        " and the head of water <math><msup><mi>h</mi><mn>2</mn></msup></math>"
    )
    sentence = f"<p>The flow through a sluice is {formula}, the trust's engineer explained.</p>"
    body = body_of(page(f"<p>{LEAD}</p>{sentence}<p>{MIDDLE}</p>"))
    assert (
        "The flow through a sluice is Q = V/t and the head of water h^2, "
        "the trust's engineer explained."
    ) in body


def test_a_formula_with_a_text_version_uses_it() -> None:
    sentence = (
        "<p>Each gate takes a force of <math alttext='F = \\rho g h A'><mi>F</mi></math>"
        " from the water behind it, which is why the oak must be so thick.</p>"
    )
    body = body_of(page(f"<p>{LEAD}</p>{sentence}<p>{MIDDLE}</p>"))
    assert any("force of F = \\rho g h A from the water" in line for line in body)


def test_a_reference_list_of_linked_citations_belongs_to_the_story() -> None:
    references = [
        "Hale, R. Oak lock gates and their repair. Waterways Journal, 1998.",
        "Okafor, N. and Lind, S. Flood damage on upland canals. Canal History, 2011.",
        "Trust survey team. Millbrook flight condition report, volume two, 2023.",
    ]
    items = "".join(f"<li><a href='/r{n}'>{ref}</a></li>" for n, ref in enumerate(references))
    html = page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p><ol>{items}</ol>")
    assert body_of(html)[-3:] == ["• " + ref for ref in references]


def test_a_list_of_other_headlines_in_the_story_stays_out() -> None:
    headlines = ["Ferry fares rise again", "New bridge for Ashby", "Marina plans rejected"]
    items = "".join(f"<li><a href='/h{n}'>{text}</a></li>" for n, text in enumerate(headlines))
    body = body_of(page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p><ul>{items}</ul>"))
    assert body == [LEAD, MIDDLE, LAST]


def test_agency_furniture_after_the_story_is_dropped() -> None:
    furniture = [
        "___",
        "More boating news: https://news.example.org/boating",
        "More on the canals: https://news.example.org/canals and https://video.example.org/locks",
        "Copyright 2025 Canal Weekly. All rights reserved.",
        "Contact the newsdesk: desk@canalweekly.example",
    ]
    tail = "".join(f"<p>{line}</p>" for line in furniture)
    assert body_of(page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>{tail}")) == [
        LEAD,
        MIDDLE,
        LAST,
    ]


def test_a_sentence_naming_an_address_or_copyright_stays() -> None:
    kept = [
        "The trust has published the survey and asks boaters with questions to write to "
        "locks@trust.example before the next meeting of the board in the spring.",
        "The copyright on the original lock drawings passed to the county archive in 1962.",
        "Booking details: https://trust.example/book opens in May for the summer season.",
    ]
    body = body_of(page(f"<p>{LEAD}</p>" + "".join(f"<p>{line}</p>" for line in kept)))
    assert body == [LEAD, *kept]


def test_a_gallery_of_captions_does_not_bury_a_short_story() -> None:
    pictures = "".join(
        f"<figure><img src='{n}.jpg'><figcaption>Picture {n} of the reopening shows boats "
        f"waiting above lock {n} while volunteers work the paddles by hand.</figcaption></figure>"
        for n in range(1, 7)
    )
    assert body_of(page(f"<p>{LEAD}</p>{pictures}<p>{MIDDLE}</p>")) == [LEAD, MIDDLE]


def summary_of(description: str) -> list[str]:
    head = f'<meta name="description" content="{description}">'
    html = page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>", head)
    return clean_html(html, "saved/locks.html").summary


def test_a_description_that_repeats_the_opening_is_not_a_key_point() -> None:
    cut_off = LEAD + " Volunteers rebuilt two of the lock gates by hand, using oak…"
    assert summary_of(cut_off) == []


def test_a_description_of_the_site_is_not_a_key_point() -> None:
    assert summary_of("Your daily source of news, reviews and tips for caravan owners.") == []


def test_a_description_summing_the_story_up_is_shown() -> None:
    own_words = "Boaters return to Millbrook as hand-built oak gates end a winter of lock repairs."
    assert summary_of(own_words) == [own_words]


STEPS = [
    "Sand the old paint off the slats with a medium paper, working along the grain until the "
    "wood underneath feels smooth and dry to the touch.",
    "Wipe the dust away with a damp cloth, then leave the bench in the shade for an hour so "
    "that the primer does not dry before it has soaked into the wood.",
    "Brush on a thin coat of primer, paying attention to the ends of the slats, where rain "
    "collects and the wood rots first if it is left bare.",
    "Finish with two coats of outdoor paint a day apart, and keep the bench under cover for "
    "a week while the paint hardens.",
]


def test_steps_of_a_how_to_in_their_own_boxes_all_belong_to_the_story() -> None:
    steps = "".join(
        f'<section class="step step-{n}"><h3>Step {n}</h3>'
        f'<div class="step-text step-text-{n}"><p>{text}</p></div></section>'
        for n, text in enumerate(STEPS, 1)
    )
    opening = (
        "A garden bench left out over the winter needs fresh paint every few years, and the "
        "job takes a weekend with the right preparation."
    )
    html = page(
        f'<div class="opening"><p>{opening}</p></div><div class="steps">{steps}</div>',
        title="How to repaint a garden bench",
    )
    body = body_of(html)
    assert [line for line in body if not line.startswith("Step ")] == [opening, *STEPS]


def test_a_story_cut_into_numbered_chunks_around_ads_is_whole() -> None:
    chunks = "".join(
        f'<div class="story-part-{n}"><div><p>{text}</p></div></div>'
        '<div class="ad-slot"><p>Advertisement</p></div>'
        for n, text in enumerate(STEPS, 1)
    )
    assert body_of(page(chunks, title="Repainting a garden bench")) == STEPS


def test_a_second_text_slot_of_the_template_is_not_taken_for_more_story() -> None:
    about = (
        "Canal Weekly is published by the Inland Waterways Press, which has covered boating, "
        "locks and the people who keep them since the paper was founded by a lock keeper."
    )
    html = page(f'<div class="text slot"><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p></div>').replace(
        "<footer>", f'<div class="text slot"><p>{about}</p></div><footer>'
    )
    assert about not in body_of(html)
