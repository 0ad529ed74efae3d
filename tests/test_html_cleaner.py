"""The HTML cleaner: metadata in each of its forms, and a body free of page furniture.

Every page here is small, original and written for the test; each checks one
thing a reader would notice if it went wrong.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean.html import clean_html

STORY = [
    "The harbour authority in Port Elwin voted on Tuesday to rebuild the north breakwater, "
    "ending a two-year argument over who should pay for repairs after the winter storms.",
    "Engineers told the board that the old stone wall had shifted by almost a metre in places, "
    "and that another season of heavy swells could open a breach near the ferry terminal.",
    "The new wall will be built from concrete blocks shaped to break waves before they reach "
    "the quay, a design already used at two other ports along the same stretch of coast.",
    "Fishing crews, who had asked for the work to start before the herring season, said they "
    "were relieved but worried that the building site would close one of the two landing slips.",
    "The authority said the slip would stay open on weekdays and that boats could use the "
    "ferry berth at night while the work went on, which is expected to take eighteen months.",
]


def page(body: str, head: str = "", title: str = "Breakwater rebuild approved") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    )


def story_html(paragraphs: list[str] = STORY) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def clean(html: str, path: str = "saved/breakwater.html"):
    return clean_html(html, path)


# ---------------------------------------------------------------- metadata


def test_metadata_from_json_ld() -> None:
    linked = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Coast Courier"},
            {
                "@type": "NewsArticle",
                "headline": "Port Elwin will rebuild its breakwater",
                "author": [
                    {"@type": "Person", "name": "Ines Barros"},
                    {"@type": "Person", "name": "Tomasz Wilk"},
                ],
                "publisher": {"@type": "Organization", "name": "Coast Courier"},
                "datePublished": "2025-02-11T09:30:00Z",
                "articleSection": "Local news",
                "description": "The harbour board ends a two-year dispute over storm repairs.",
                "mainEntityOfPage": {"@id": "https://courier.example/2025/breakwater"},
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    article = clean(page(f"<article>{story_html()}</article>", head))
    assert article.title == "Port Elwin will rebuild its breakwater"
    assert article.authors == ["Ines Barros", "Tomasz Wilk"]
    assert article.publisher == "Coast Courier"
    assert article.published == "2025-02-11T09:30:00+00:00"
    assert article.section == "Local news"
    assert article.summary == ["The harbour board ends a two-year dispute over storm repairs."]
    assert article.url == "https://courier.example/2025/breakwater"


PERSON_ID = "https://courier.example/#/schema/person/7"


@pytest.mark.parametrize("kind", ["NewsArticle", "WebPage"])
def test_json_ld_graph_naming_the_author_by_reference_gives_the_writer(kind: str) -> None:
    item = {"@type": kind, "author": {"@id": PERSON_ID}, "datePublished": "2025-02-11"}
    if kind == "NewsArticle":
        item["headline"] = "Port Elwin will rebuild its breakwater"
    linked = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://courier.example/#website", "name": "Courier"},
            item,
            {"@type": ["Person"], "@id": PERSON_ID, "name": "Ines Barros"},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    article = clean(page(f"<article>{story_html()}</article>", head))
    assert article.authors == ["Ines Barros"]


def test_a_byline_naming_co_writers_beats_the_one_account_a_json_ld_graph_refers_to() -> None:
    linked = {
        "@graph": [
            {"@type": "Article", "headline": "Breakwater", "author": {"@id": PERSON_ID}},
            {"@type": "Person", "@id": PERSON_ID, "name": "Ines Barros"},
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(linked)}</script>'
        '<meta name="author" content="Ines Barros and Tomasz Wilk">'
    )
    article = clean(page(f"<article>{story_html()}</article>", head))
    assert article.authors == ["Ines Barros", "Tomasz Wilk"]


def test_metadata_from_open_graph_and_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="Breakwater rebuild approved | Coast Courier">'
        '<meta property="og:site_name" content="Coast Courier">'
        '<meta name="author" content="Ines Barros">'
        '<meta property="article:published_time" content="2025-02-11T09:30:00+01:00">'
        '<meta property="article:section" content="Harbour">'
        '<meta property="og:description" content="Work starts before the herring season.">'
        '<link rel="canonical" href="https://courier.example/breakwater">'
    )
    article = clean(page(f"<article>{story_html()}</article>", head))
    assert article.title == "Breakwater rebuild approved"
    assert article.authors == ["Ines Barros"]
    assert article.publisher == "Coast Courier"
    assert article.published == "2025-02-11T09:30:00+01:00"
    assert article.section == "Harbour"
    assert article.summary == ["Work starts before the herring season."]
    assert article.url == "https://courier.example/breakwater"


def test_metadata_from_the_visible_page() -> None:
    body = (
        '<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/harbour">Harbour</a></nav>'
        "<article><h1>Breakwater rebuild approved</h1>"
        '<p class="byline">By <a rel="author" href="/staff/ib">Ines Barros</a> and '
        '<a rel="author" href="/staff/tw">Tomasz Wilk</a></p>'
        '<time datetime="2025-02-11">11 February 2025</time>'
        f"{story_html()}</article>"
    )
    article = clean(page(body, title="Breakwater rebuild approved - Coast Courier"))
    assert article.title == "Breakwater rebuild approved"
    assert article.authors == ["Ines Barros", "Tomasz Wilk"]
    assert article.published == "2025-02-11"
    assert article.section == "Harbour"


def test_byline_text_without_links_gives_the_author_not_the_job() -> None:
    body = (
        '<div class="story"><h1>Breakwater rebuild approved</h1>'
        '<div class="author">By Ines Barros, Harbour Reporter</div>'
        f"{story_html()}</div>"
    )
    assert clean(page(body)).authors == ["Ines Barros"]


@pytest.mark.parametrize(
    "raw, site, expected",
    [
        (
            "Breakwater rebuild approved | Coast Courier",
            "Coast Courier",
            "Breakwater rebuild approved",
        ),
        (
            "Coast Courier - Breakwater rebuild approved",
            "Coast Courier",
            "Breakwater rebuild approved",
        ),
        (
            "Breakwater rebuild approved – COAST COURIER",
            "Coast Courier",
            "Breakwater rebuild approved",
        ),
        (
            "Breakwater rebuild approved | Harbour | Courier",
            "",
            "Breakwater rebuild approved | Harbour",
        ),
    ],
)
def test_site_name_is_stripped_from_the_title(raw: str, site: str, expected: str) -> None:
    head = f'<meta property="og:site_name" content="{site}">' if site else ""
    article = clean(page(f"<article>{story_html()}</article>", head, title=raw))
    assert article.title == expected


def test_title_suffix_goes_when_the_h1_shows_the_headline() -> None:
    body = f"<article><h1>Wall to be rebuilt - at last</h1>{story_html()}</article>"
    article = clean(page(body, title="Wall to be rebuilt - at last - The Elwin Post"))
    assert article.title == "Wall to be rebuilt - at last"


def test_a_dash_inside_a_headline_is_kept() -> None:
    article = clean(
        page(
            f"<article>{story_html()}</article>",
            title="Rebuild approved - and fishing crews are relieved",
        )
    )
    assert article.title == "Rebuild approved - and fishing crews are relieved"


def test_staff_list_in_the_menu_is_not_the_byline() -> None:
    staff = "".join(
        f'<li><a rel="author" href="/staff/{n}">Writer Number{n}</a></li>' for n in "abcdefghij"
    )
    body = (
        f'<nav class="menu"><ul>{staff}</ul></nav>'
        f'<article><h1>Breakwater</h1><p class="byline">By Ines Barros</p>'
        f"{story_html()}</article>"
    )
    assert clean(page(body)).authors == ["Ines Barros"]


@pytest.mark.parametrize(
    "body_class, wrapper",
    [
        # The post's own footer holds "Posted by", as blog templates print it.
        ("", '<div class="entry-footer"><p>Posted by {link}</p></div>'),
        ("", '<aside class="post-meta">{link}</aside>'),
        # The page's body lists its features in its class; that is no sidebar.
        ("single-post has-sidebar custom-menu", "<p>By {link}</p>"),
    ],
)
def test_a_byline_in_the_posts_own_footer_or_meta_is_found(body_class: str, wrapper: str) -> None:
    link = '<a rel="author" href="/people/ines">Ines Barros</a>'
    body = f"<article><h1>Breakwater</h1>{story_html()}{wrapper.format(link=link)}</article>"
    html = page(body).replace("<body>", f'<body class="{body_class}">')
    assert clean(html).authors == ["Ines Barros"]


def test_commenters_and_the_comment_form_are_not_authors() -> None:
    comments = (
        '<div id="comments"><div class="comment-author vcard">Rosa Quint said</div>'
        "<p>About time too.</p></div>"
        '<form><p class="comment-form-author">Name *</p><input name="author"></form>'
    )
    body = f"<article><h1>Breakwater</h1>{story_html()}</article>{comments}"
    assert clean(page(body)).authors == []


def test_the_writers_biography_is_not_a_list_of_authors() -> None:
    bio = (
        '<div class="author-bio">Ines Barros covers the coast for the Courier, having worked on '
        "the harbour beat since 2015, and lives in Port Elwin with two cats</div>"
    )
    byline = '<p class="byline">By Ines Barros on May 2, 2025</p>'
    body = f"<article><h1>Breakwater</h1>{byline}{story_html()}{bio}</article>"
    assert clean(page(body)).authors == ["Ines Barros"]


HEADLINE = "<h1>Breakwater rebuild approved</h1>"
CANONICAL = '<link rel="canonical" href="https://courier.example/2025/breakwater">'


@pytest.mark.parametrize(
    "head, body, expected",
    [
        # Meta tags of other vocabularies, a role after a slash.
        ('<meta name="article_author" content="Ines Barros/Harbour Bureau">', "", ["Ines Barros"]),
        ('<meta property="og:author" content="Ines Barros">', "", ["Ines Barros"]),
        (
            '<meta name="parsely-page" content=\'{"author": "Ines Barros", "section": "Sea"}\'>',
            "",
            ["Ines Barros"],
        ),
        # Byline classes written in camel case, run together, or as an id.
        ("", '<span class="articleAuthor">by <a href="#">Ines Barros</a></span>', ["Ines Barros"]),
        ("", '<div class="postauthor">by Ines Barros</div>', ["Ines Barros"]),
        ("", '<p id="post-author">Article by Ines, filed under Harbour & Coast</p>', ["Ines"]),
        # Microdata: the author's name inside an author item that also holds links.
        (
            "",
            '<div itemprop="author" itemscope><span itemprop="name">Ines Barros</span>'
            '<a href="/feed">RSS feed</a></div>',
            ["Ines Barros"],
        ),
        # A byline whose element holds a menu of the writer's links.
        (
            "",
            '<div class="nodebyline"><strong>Ines Barros</strong><ul><li><a href="/p/ib">'
            "View Profile</a></li><li><a href='mailto:ib@c.example'>Email</a></li></ul></div>",
            ["Ines Barros"],
        ),
        # A link to the writer's page on the site, in a short line with no byline class.
        (
            CANONICAL,
            '<div class="meta"><span>By <a href="/contributors/ines">Ines Barros</a></span></div>',
            ["Ines Barros"],
        ),
        # A "By" line as the story's first line, no markup saying so.
        ("", "<div><span>By Ines Barros on Monday, May 5th, 2025</span></div>", ["Ines Barros"]),
        # The label in one element, the name in the next.
        (
            "",
            '<p><span class="byline-author">Posted by </span><span>Ines Barros, Product Manager'
            "</span></p>",
            ["Ines Barros"],
        ),
        # A date line that ends in the byline, as blog templates print it.
        ("", '<p class="meta">Posted on March 3, 2025 by Ines Barros</p>', ["Ines Barros"]),
        ("", "<span>November 12th, 2025 @ 2:14pm by <b>Ines Barros</b></span>", ["Ines Barros"]),
        # A date, a slash or an agency after the name.
        ("", '<p class="author">Posted by Ines Barros / May 13, 2025</p>', ["Ines Barros"]),
        ("", '<p class="byline">by Ines Barros on Aug 9, 2025 9:29 AM EDT</p>', ["Ines Barros"]),
        ("", '<p class="byline">By Ines Barros, Associated Press</p>', ["Ines Barros"]),
        ("", '<p class="byline">By Anne St. Clair</p>', ["Anne St. Clair"]),
        # The outlet's possessive before each reporter.
        (
            "",
            "<p class='byline'>By Coast News' Ines Barros and Courier's Tomasz Wilk</p>",
            ["Ines Barros", "Tomasz Wilk"],
        ),
    ],
)
def test_bylines_in_their_many_forms_are_found(head: str, body: str, expected: list[str]) -> None:
    html = page(f"<article>{HEADLINE}{body}{story_html()}</article>", head)
    assert clean(html).authors == expected


@pytest.mark.parametrize(
    "byline, expected",
    [
        ('<a rel="author" href="/author/staff">Courier.com Staff</a>', ["Courier.com Staff"]),
        ('<p class="byline">By the Coast Wire Staff</p>', ["Coast Wire Staff"]),
        ('<p class="byline">Posted by the Harbour Desk</p>', ["Harbour Desk"]),
    ],
)
def test_a_story_signed_by_the_newsroom_names_it(byline: str, expected: list[str]) -> None:
    html = page(f"<article>{HEADLINE}{byline}{story_html()}</article>")
    assert clean(html).authors == expected


def test_meta_author_naming_the_site_gives_way_to_the_visible_byline() -> None:
    head = (
        '<meta name="author" content="CoastCourier">'
        '<meta property="og:site_name" content="CoastCourier">'
    )
    byline = '<p class="post-info"><a href="/author/ines/">Ines Barros</a> | Tags: harbour</p>'
    assert clean(page(f"<article>{HEADLINE}{byline}{story_html()}</article>", head)).authors == [
        "Ines Barros"
    ]
    # With no one else named, the site signed the story.
    assert clean(page(f"<article>{HEADLINE}{story_html()}</article>", head)).authors == [
        "CoastCourier"
    ]


def test_the_headlines_wrapper_is_not_a_sidebar_whatever_its_class() -> None:
    body = (
        '<div id="content-sidebar-wrap"><div class="post">'
        f'{HEADLINE}<div class="extra-post-info"><span class="author vcard">'
        '<a rel="author" href="/author/ines">Ines Barros</a></span></div>'
        f'{story_html()}</div><div id="sidebar"><a rel="author" href="/author/tw">Tomasz Wilk</a>'
        "</div></div>"
    )
    assert clean(page(body)).authors == ["Ines Barros"]


def test_a_page_wrapped_in_a_form_keeps_its_byline() -> None:
    body = (
        f'<form action="/default.aspx"><article>{HEADLINE}'
        f'<span class="articleAuthor">by Ines Barros</span>{story_html()}</article></form>'
    )
    assert clean(page(body)).authors == ["Ines Barros"]


@pytest.mark.parametrize(
    "extra",
    [
        # A list of the site's writers in a drop-down.
        '<ul class="dropdown-menu site-authors"><li>Rosa</li><li>Marc</li><li>Tomasz</li></ul>',
        # The speaker of a pull quote.
        '<blockquote>The sea wins. <span class="quote-author">— Rosa Quint</span></blockquote>',
        # A label and its value, share buttons, a generic account.
        '<div class="byline-topic">Topic: Fear &amp; Anxiety</div>',
        '<div class="author-tools"><a href="#">Tweet</a></div>',
        '<p class="byline">By [HC] admin</p>',
        # A dateline where a byline would be.
        '<div class="byline_date">WESTPORT, Wash. July 24, 2025 (AP)</div>',
        # The writer's own sentence about themself.
        '<p class="author">I write and edit the Courier. Send me tips.</p>',
        # Products in a rail whose class happens to say "author".
        '<div class="author-pick">Chase Freedom® Visa</div>',
        # A heading of a list "by column", whose class starts with "by".
        '<div class="colList"><h2 class="byCol">Columnists</h2></div>',
        # A sentence with a date and "by" in it.
        "<p>The harbour wall was finished in 2019 by Coast Builders.</p>",
        # A link to someone's page on another site.
        '<p><a href="https://photos.example/people/rosaq/">Photos</a></p>',
    ],
)
def test_labels_menus_quotes_and_datelines_are_not_authors(extra: str) -> None:
    html = page(f"<article>{HEADLINE}{extra}{story_html()}</article>", CANONICAL)
    assert clean(html).authors == []


def test_a_role_ends_the_names_and_what_follows_is_the_employer() -> None:
    byline = '<p class="byline">Posted by Ines Barros, Software Engineer, Harbour Maps</p>'
    assert clean(page(f"<article>{HEADLINE}{byline}{story_html()}</article>")).authors == [
        "Ines Barros"
    ]


@pytest.mark.parametrize(
    "head, body, expected",
    [
        # The day the address files the story under.
        (
            '<link rel="canonical" href="https://courier.example/2025/05/13/breakwater/">',
            "",
            "2025-05-13",
        ),
        # A date element named in camel case.
        ("", '<span class="articleTime">6 May 2025, 3:00 PM PDT</span>', "2025-05-06T15:00:00"),
        # The post's meta line, where blogs print the date beside the writer.
        ("", '<p class="postmetadata">Posted on May 13, 2025 by Ines</p>', "2025-05-13"),
        # Microdata on the element that shows the date, in its attribute or its text.
        (
            "",
            '<abbr itemprop="datePublished" title="2025-05-13T09:30:00">13/5</abbr>',
            "2025-05-13T09:30:00",
        ),
        ("", '<h6 itemprop="datePublished" content="2025-05-13">Tuesday</h6>', "2025-05-13"),
        # A numeric date in an element named for one, when its numbers settle the order.
        ("", '<h3 class="date">09/21/2025</h3>', "2025-09-21"),
        ("", '<span class="entry-date">21/09/2025</span>', "2025-09-21"),
        # The article's "By" line, dated, in an element named for nothing.
        ("", "<p>by Ines Barros on May 13, 2025</p>", "2025-05-13"),
        ("", "<div>Written by Ines Barros, May 13, 2025</div>", "2025-05-13"),
        ("", '<a href="/breakwater/">POSTED ON May 13th, 2025</a>', "2025-05-13"),
        ("", "<p>Published: May 13, 2025</p>", "2025-05-13"),
    ],
)
def test_the_publication_date_in_its_many_places(head: str, body: str, expected: str) -> None:
    html = page(f"<article>{HEADLINE}{body}{story_html()}</article>", head)
    assert clean(html).published == expected


def test_a_numeric_date_read_either_way_is_left_unread() -> None:
    html = page(f'<article>{HEADLINE}<h3 class="date">09/11/2025</h3>{story_html()}</article>')
    assert clean(html).published is None


def test_only_the_first_by_line_dates_the_article() -> None:
    teaser = "<p>Harbour lights switched on</p><p>by Tom Reed on May 2, 2025</p>"
    html = page(f"<article>{HEADLINE}<p>By Ines Barros</p>{story_html()}{teaser}</article>")
    assert clean(html).published is None


def test_a_comments_date_is_not_the_articles() -> None:
    comments = (
        '<ol class="commentlist"><li><div class="comment-meta">May 14, 2025 at 9:02 am</div>'
        "<p>About time too.</p></li></ol>"
    )
    html = page(f"<article>{HEADLINE}{story_html()}</article>{comments}")
    assert clean(html).published is None


def test_meta_author_listing_the_whole_staff_is_rejected() -> None:
    everyone = ", ".join(f"Writer Number{n}" for n in "abcdefghij")
    head = f'<meta name="author" content="{everyone}">'
    assert clean(page(f"<article>{story_html()}</article>", head)).authors == []


def test_key_points_become_the_summary_and_leave_the_body() -> None:
    points = [
        "The north wall will be rebuilt in concrete.",
        "One landing slip closes at weekends during the work.",
    ]
    body = (
        '<article><ul class="key-points">'
        + "".join(f"<li>{p}</li>" for p in points)
        + f"</ul>{story_html()}</article>"
    )
    article = clean(page(body))
    assert article.summary == points
    assert not set(points) & set(article.paragraphs)


def test_description_that_only_repeats_the_lead_is_not_a_summary() -> None:
    head = f'<meta name="description" content="{STORY[0][:80]}...">'
    assert clean(page(f"<article>{story_html()}</article>", head)).summary == []


def test_page_without_metadata() -> None:
    article = clean(f"<html><body>{story_html()}</body></html>", "notes/harbour-vote.html")
    assert article.title == "Harbour vote"
    assert article.authors == []
    assert article.publisher is None
    assert article.published is None
    assert article.section is None
    assert article.url is None
    assert article.paragraphs == STORY


# -------------------------------------------------------------------- body


def test_page_furniture_is_removed() -> None:
    body = (
        '<div id="cookie-consent"><p>We use cookies to improve your experience on this site. '
        "By continuing you accept our use of cookies.</p><button>Accept</button></div>"
        '<header class="site-header"><a href="/">Coast Courier</a></header>'
        '<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
        "<main><article><h1>Breakwater rebuild approved</h1>"
        '<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>'
        f"<p>{STORY[0]}</p>"
        '<figure><img src="wall.jpg" alt="The wall"><figcaption>The old wall at low tide. '
        "Photo: Harbour Authority</figcaption></figure>"
        f"<p>{STORY[1]}</p>"
        '<div class="ad-slot">Advertisement</div>'
        f"<p>{STORY[2]}</p>"
        '<p style="display:none">This paragraph is hidden from readers on every screen.</p>'
        "<div hidden><p>Another hidden note that should never be shown to anyone reading.</p></div>"
        f"<p>{STORY[3]}</p><p>{STORY[4]}</p>"
        '<div class="newsletter-signup"><p>Get the Courier in your inbox every morning, '
        "free of charge, by signing up today.</p></div>"
        "</article>"
        '<section class="related-stories"><h2>Related</h2><ul>'
        '<li><a href="/a">Ferry timetable changes for the winter season</a></li>'
        '<li><a href="/b">Herring quota raised for local boats after survey</a></li></ul></section>'
        '<section id="comments"><h2>Comments</h2><p>Harbourfan: About time too, this wall has '
        "been falling apart for years and nobody listened.</p></section>"
        "</main>"
        "<footer><p>© 2025 Coast Courier. All rights reserved. Registered in Elwin.</p></footer>"
    )
    article = clean(page(body))
    assert article.paragraphs == STORY


def test_paragraphs_keep_reading_order_across_chunks() -> None:
    body = (
        '<div class="story-body"><div class="chunk">'
        f"<p>{STORY[0]}</p><p>{STORY[1]}</p></div>"
        '<div class="promo-box"><a href="/subscribe">Subscribe for full access</a></div>'
        f'<div class="chunk"><p>{STORY[2]}</p><p>{STORY[3]}</p><p>{STORY[4]}</p></div></div>'
    )
    assert clean(page(body)).paragraphs == STORY


def test_headings_list_items_and_blockquotes_are_blocks_of_their_own() -> None:
    body = (
        "<article><h1>Breakwater rebuild approved</h1>"
        f"<p>{STORY[0]}</p><h2>What changes for boats</h2><p>{STORY[1]}</p>"
        "<ul><li>The east slip stays open on weekdays.</li>"
        "<li>The ferry berth takes landings at night.</li></ul>"
        "<blockquote>We have waited two winters for this decision.</blockquote>"
        f"<p>{STORY[2]}</p></article>"
    )
    article = clean(page(body))
    assert article.paragraphs == [
        STORY[0],
        "What changes for boats",
        STORY[1],
        "• The east slip stays open on weekdays.",
        "• The ferry berth takes landings at night.",
        "We have waited two winters for this decision.",
        STORY[2],
    ]
    assert article.headings == [1]


def test_words_never_run_together_across_blocks_and_never_split_inside_one() -> None:
    body = (
        f"<article><p>{STORY[0]}</p><p>{STORY[1]}</p>"
        "<div><div>The quay will close for a week in March</div><div>Boats can moor at the "
        "ferry berth instead, the authority said on Tuesday evening.</div></div>"
        f"<p>The <b>break</b>water is <i>two</i> hundred metres long and<br>four metres wide.</p>"
        f"<p>{STORY[2]}</p></article>"
    )
    paragraphs = clean(page(body)).paragraphs
    assert "The quay will close for a week in March" in paragraphs
    text = "\n".join(paragraphs)
    assert "MarchBoats" not in text
    assert "The breakwater is two hundred metres long and four metres wide." in paragraphs


def test_tables_keep_each_row_on_one_line() -> None:
    body = (
        f"<article><p>{STORY[0]}</p><table><tr><th>Slip</th><th>Open</th></tr>"
        "<tr><td>East</td><td>Weekdays</td></tr></table>"
        f"<p>{STORY[1]}</p></article>"
    )
    paragraphs = clean(page(body)).paragraphs
    assert "East Weekdays" in paragraphs


def test_the_headline_is_not_repeated_as_the_first_paragraph() -> None:
    body = f"<article><h1>Breakwater rebuild approved</h1>{story_html()}</article>"
    article = clean(page(body))
    assert article.paragraphs[0] == STORY[0]


# ------------------------------------------------------------ odd markup


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n  ",
        "<!-- only a comment -->",
        "<html><body></body></html>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared XML.</p></body></html>",
        "<p>Unclosed <b>bold <i>and italic <a href='x'>link",
        "<div>" * 5000 + "Deep text" + "</div>" * 5000,
        "<table><tr><td><table><tr><td>Nested</td></tr></table>",
        "\x00\x00<p>NUL\x00 bytes</p>",
        "<frameset><frame src='a.html'></frameset>",
        "<script>document.write('<p>')</script><style>p{}</style>",
        '<script type="application/ld+json">{not json at all</script><p>Broken JSON-LD.</p>',
        '<script type="application/ld+json">[1, "two", null, {"@graph": 5}]</script><p>Odd.</p>',
        "<p>" + "&amp;" * 1000 + "&#xD800;&#0;&bogus;</p>",
        "<svg><text>Vector label</text></svg><math><mi>x</mi></math>",
        "<p>Lone \ud800 surrogate and \x1b[31m escape \x1f controls</p>",
        "&#1<N HIDDEN></N>0<p>A&#2;<b hidden>x</b>&#x1b;B</p>",
        "<p>A formula: <math><mi>x</mi>&#1;<mo>=</mo>&#x1b;<mn>2</mn></math></p>",
        "<MATH>&#1",
        '<script type="application/ld+json">' + "[" * 100000 + "</script><p>Deep JSON.</p>",
    ],
)
def test_odd_markup_never_crashes(html: str) -> None:
    article = clean_html(html, "odd/page.html")
    assert article.format == "html"
    assert article.title
    assert all(p.strip() for p in article.paragraphs)


def test_scripts_and_styles_never_reach_the_text() -> None:
    body = (
        f"<article><script>var secret = 'hidden';</script><p>{STORY[0]}</p>"
        f"<style>.x {{ color: red }}</style><p>{STORY[1]}</p></article>"
    )
    text = " ".join(clean(page(body)).paragraphs)
    assert "secret" not in text and "color" not in text


def test_standfirst_is_the_summary_not_the_first_paragraph() -> None:
    standfirst = "Fishing crews win a promise that one landing slip stays open."
    body = (
        f'<article><h1>Breakwater rebuild approved</h1><p class="dek">{standfirst}</p>'
        f"{story_html()}</article>"
    )
    article = clean(page(body))
    assert article.summary == [standfirst]
    assert article.paragraphs == STORY


def test_furniture_lines_inside_the_story_are_dropped() -> None:
    clutter = [
        "The old wall at low tide (Image: Harbour Authority)",
        "© Coast Courier Picture Desk",
        "Get the Courier newsletter delivered to your inbox every morning.",
        "Follow us on Twitter @coastcourier for live updates.",
        "Download the Courier app for breaking news alerts.",
        "Reporting by Ines Barros; editing by Tomasz Wilk",
        "Updated at 4:15 p.m.",
        "Image 2 of 7",
    ]
    mixed = [STORY[0], *clutter[:4], STORY[1], STORY[2], *clutter[4:], STORY[3], STORY[4]]
    article = clean(page(f"<article>{story_html(mixed)}</article>"))
    assert article.paragraphs == STORY


def test_a_long_paragraph_that_mentions_a_newsletter_is_kept() -> None:
    text = (
        "The authority will publish progress reports in its monthly newsletter, which "
        "residents can get at the harbour office, and will hold an open meeting each "
        "quarter so that fishing crews can raise problems with the building site before "
        "they affect landings during the busy herring months of the coming seasons."
    )
    article = clean(page(f"<article>{story_html([*STORY, text])}</article>"))
    assert article.paragraphs[-1] == text


def test_list_of_other_headlines_inside_the_article_is_dropped() -> None:
    teasers = "".join(
        f'<li>Also: <a href="/{n}">Harbour story number {n} of the week</a></li>' for n in range(4)
    )
    body = f"<article>{story_html()}<div>More Courier stories</div><ul>{teasers}</ul></article>"
    paragraphs = clean(page(body)).paragraphs
    assert not any("Harbour story number" in p for p in paragraphs)


def test_list_whose_items_have_a_link_but_are_prose_is_kept() -> None:
    items = [f'<li>The <a href="/crews">fishing crews</a> {text[4:]}</li>' for text in STORY[2:5]]
    body = f"<article><p>{STORY[0]}</p><p>{STORY[1]}</p><ul>{''.join(items)}</ul></article>"
    assert len(clean(page(body)).paragraphs) == 5


def test_embedded_post_quoted_in_the_story_is_kept() -> None:
    post = "The new wall looks great from the ferry this morning, well done to the crews."
    body = (
        f"<article>{story_html(STORY[:3])}"
        f'<div class="social-embed"><blockquote class="twitter-tweet"><p>{post}</p>'
        f"</blockquote></div>{story_html(STORY[3:])}</article>"
    )
    assert post in clean(page(body)).paragraphs


def test_page_built_by_scripts_falls_back_to_json_ld_article_body() -> None:
    linked = {
        "@type": "NewsArticle",
        "headline": "Breakwater rebuild approved",
        "articleBody": "\n".join(STORY[:2]),
    }
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    article = clean(page('<div id="app"></div>', head))
    assert article.paragraphs == STORY[:2]


def test_page_of_short_lines_still_shows_its_text() -> None:
    body = "<div>Tide table</div><div>High water 06:12</div><div>Low water 12:31</div>"
    assert clean(page(body)).paragraphs == ["Tide table", "High water 06:12", "Low water 12:31"]


def test_old_layout_table_keeps_menu_cell_and_story_cell_apart() -> None:
    menu = "".join(f'<a href="/{n}">Section {n}</a><br>' for n in range(8))
    story = "<br><br>".join(STORY)
    body = f"<table><tr><td>{menu}</td><td>{story}</td></tr></table>"
    assert clean(page(body)).paragraphs == STORY


def test_story_marked_hidden_behind_an_open_pop_up_is_still_read() -> None:
    body = (
        f'<div id="page" aria-hidden="true"><article>{story_html()}</article></div>'
        '<div class="modal"><p>Allow notifications?</p></div>'
    )
    assert clean(page(body)).paragraphs == STORY


def test_post_info_line_and_a_second_headline_stay_out_of_the_body() -> None:
    body = (
        "<article><h1>Harbour board backs new breakwater</h1>"
        "<p>Posted by Ines Barros - Category: Harbour - Tags: breakwater, ferries</p>"
        f"{story_html()}</article>"
    )
    assert clean(page(body)).paragraphs == STORY


NEXT_STORY = [
    "Ferry fares across the strait will rise by four per cent in April, the operator said on "
    "Wednesday, blaming higher fuel prices and the cost of a new vessel.",
    "Season tickets for islanders will be frozen for a second year, and children under five "
    "will continue to travel free on every crossing, the operator added.",
    "Passenger groups said the rise was smaller than they had feared but asked for more "
    "sailings in winter, when the last boat leaves the mainland before seven.",
]


def test_next_story_saved_on_the_same_page_is_not_joined() -> None:
    body = (
        f'<article><h1>Breakwater</h1><div class="body-text">{story_html()}</div></article>'
        f'<article><h1>Ferry fares rise</h1><div class="body-text">'
        f"{story_html(NEXT_STORY)}</div></article>"
    )
    assert clean(page(body)).paragraphs == STORY


def test_teaser_posts_beside_a_short_post_are_not_joined() -> None:
    teasers = "".join(
        f'<article class="post"><h2><a href="/{n}">Other post</a></h2><p>{text}</p></article>'
        for n, text in enumerate(NEXT_STORY)
    )
    body = (
        f'<div class="posts"><article class="post"><p>{STORY[0]}</p></article>'
        f'<article class="post"><h3>You may also like</h3>{teasers}</article></div>'
    )
    assert clean(page(body)).paragraphs == [STORY[0]]


TAG_SOUP = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='share'>",
                "</div>",
                "<br>",
                "<a href=x>",
                "</a>",
                "<li>",
                "<ul>",
                "<table><tr><td>",
                "</td>",
                "<h2>",
                "</h2>",
                "<article>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<b>",
                "</b>",
                "&nbsp;",
                "&#0;",
                "<meta name=author content='A B'>",
                "<time datetime='2025-13-45'>",
                '<script type="application/ld+json">{"@type":"NewsArticle","author":[',
                "<p hidden>",
                "<div style='display:none'>",
                "]}",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(TAG_SOUP)
def test_any_tag_soup_gives_an_article(html: str) -> None:
    article = clean_html(html, "soup.html")
    assert article.title
    assert all(p and p == p.strip() for p in article.paragraphs)
    assert all(0 <= i < len(article.paragraphs) for i in article.headings)


def test_a_heading_over_a_subheading_stays_and_an_empty_one_goes() -> None:
    body = (
        "<article><h2>The plan</h2><h3>Concrete blocks</h3>"
        f"<p>{STORY[2]}</p><h2>Related stories</h2>"
        '<ul><li><a href="/a">Ferry fares rise</a></li></ul>'
        f"<h2>Fishing crews</h2><p>{STORY[3]}</p></article>"
    )
    article = clean(page(body))
    assert article.paragraphs == [
        "The plan",
        "Concrete blocks",
        STORY[2],
        "Fishing crews",
        STORY[3],
    ]
    assert article.headings == [0, 1, 3]


def test_sentence_made_mostly_of_links_is_kept_but_a_link_line_is_not() -> None:
    sentence = (
        '<a href="/people/ib">Ines Barros</a> has been appointed to chair the '
        '<a href="/boards/harbour">Harbour Board</a> from next month.'
    )
    body = (
        f"<article>{story_html(STORY[:3])}<p>{sentence}</p>"
        '<p>Read next: <a href="/ferries">Ferry fares rise again in spring</a></p>'
        f"{story_html(STORY[3:])}</article>"
    )
    paragraphs = clean(page(body)).paragraphs
    assert (
        "Ines Barros has been appointed to chair the Harbour Board from next month." in paragraphs
    )
    assert not any("Ferry fares" in p for p in paragraphs)


def test_hover_card_inside_a_sentence_is_not_glued_into_it() -> None:
    card = (
        '<span class="person"><a href="/p/ib">Ines Barros</a><span class="card">'
        '<img src="ib.jpg"><a href="/p/ib">Ines Maria Barros</a>'
        '<a href="/s/1">Her latest story about the harbour</a></span></span>'
    )
    body = f"<article><p>Board chair {card} said work starts in May.</p>{story_html()}</article>"
    assert clean(page(body)).paragraphs[0] == "Board chair Ines Barros said work starts in May."


def test_timestamp_lines_go_but_an_embedded_post_credit_stays() -> None:
    credit = "— Elwin Ferries (@elwinferries) March 3, 2025"
    body = (
        f"<article><p>Updated 12 March 2025, 10:15 GMT</p><p>London, 12 March 2025</p>"
        f"{story_html(STORY[:2])}<blockquote><p>Services resume at noon.</p>{credit}"
        f"</blockquote>{story_html(STORY[2:])}</article>"
    )
    paragraphs = clean(page(body)).paragraphs
    assert paragraphs[0] == STORY[0]
    assert credit in paragraphs


def test_aria_landmarks_of_page_chrome_are_furniture() -> None:
    aside = (
        "The harbour museum opens a new exhibition on the history of the old breakwater, "
        "with photographs lent by fishing families from across the coast."
    )
    body = (
        '<div role="banner"><p>Coast Courier, the paper of the Elwin coast since 1871.</p>'
        f'</div><div role="main">{story_html()}</div>'
        f'<div role="complementary"><p>{aside}</p></div>'
        '<div role="contentinfo"><p>Coast Courier Ltd is registered in Elwin, number 0042.</p>'
        "</div>"
    )
    assert clean(page(body)).paragraphs == STORY


@pytest.mark.parametrize(
    "note",
    [
        "<!-- saved from url=(0041)https://courier.example/2025/breakwater -->",
        "<!--\n Page saved with SingleFile \n url: https://courier.example/2025/breakwater \n"
        " saved date: Tue Feb 11 2025 -->",
    ],
)
def test_address_noted_by_the_browser_that_saved_the_page(note: str) -> None:
    article = clean(note + page(f"<article>{story_html()}</article>"))
    assert article.url == "https://courier.example/2025/breakwater"


def test_character_references_to_terminal_controls_never_reach_the_article() -> None:
    html = page(
        "<article><h2>&#x1b;</h2>"
        f"<p>Colour&#x1b;[31m change&#7; and &#x202e;reversal. {STORY[0]}</p>"
        f"{story_html(STORY[1:])}</article>",
        title="Breakwater&#x1b;]0;pwned&#7;",
    )
    article = clean(html)
    everything = "\n".join([article.title, *article.paragraphs])
    assert not any(char in everything for char in "\x1b\x07\u202e")
    assert article.paragraphs[0].startswith("Colour[31m change and reversal.")
    assert article.headings == []


@pytest.mark.parametrize("reference", ["&#1;", "&#xFFFE;", "&#xFFFF;", "&#x1b;"])
def test_text_after_a_hidden_element_survives_references_lxml_cannot_hold(reference: str) -> None:
    # Removing the hidden element moves the text after it onto its neighbour; lxml refuses
    # to be handed controls and non-characters there, so the cleaner must drop just them.
    body = (
        f"<article><p>{reference}<span hidden>tooltip</span>{reference}{STORY[0]}</p>"
        f"<p>Wave heights<b hidden>(metres)</b>{reference} rose. {STORY[1]}</p>"
        f"{story_html(STORY[2:])}</article>"
    )
    article = clean(page(body))
    assert article.paragraphs[0] == STORY[0]
    assert article.paragraphs[1] == f"Wave heights rose. {STORY[1]}"
    assert "tooltip" not in " ".join(article.paragraphs)


COMMENTS = [
    f"Reader {n}: I walked along the breakwater every weekend as a child and watched it crumble "
    f"a little more each winter; it is good to hear that the board has finally decided to act."
    for n in range(1, 9)
]


def test_story_wrapper_named_after_its_author_is_not_an_author_box() -> None:
    # Blog templates put the author, date and category in the post's class list; a region
    # holding several paragraphs is the story, however its class reads.
    body = (
        '<div id="content"><div class="hentry post author-ines category-news">'
        f'<h2 class="entry-title">Breakwater rebuild approved</h2>'
        f'<div class="entry-content">{story_html()}</div></div>'
        '<div class="author-box"><p>Ines Barros writes about the coast, its harbours and the '
        "people who work on them for the Coast Courier.</p></div>"
        '<ol class="comment-list">'
        + "".join(f"<li><p>{comment}</p></li>" for comment in COMMENTS)
        + "</ol></div>"
    )
    assert clean(page(body)).paragraphs == STORY


def test_short_story_beside_a_longer_profile_is_found_by_its_description() -> None:
    # The page's description opens the story; the heavier block of prose beside it
    # (an unlabelled "about us" text) shares nothing with the headline.
    about = (
        "We are two sisters who grew up by the sea and have spent the last ten years travelling "
        "from port to port, writing about food, ferries, festivals and the people we meet on the "
        "way. We live in a small flat above a bakery and dream of owning a boat of our own one "
        "day, preferably one that does not leak, with room for a dog and far too many books."
    )
    story = (
        "Port Elwin's harbour board approved the breakwater rebuild on Tuesday, after two years "
        "of argument. Work starts in spring."
    )
    head = f'<meta name="description" content="{story}">'
    body = (
        f'<div class="main"><div class="post"><h2>Breakwater rebuild approved</h2><p>{story}</p>'
        f'</div></div><div class="right"><div class="profile"><p>{about}</p></div></div>'
    )
    assert clean(page(body, head=head)).paragraphs == [story]


def test_site_description_does_not_pull_the_body_into_the_about_box() -> None:
    blurb = (
        "Coast Courier brings news, views and weather from every harbour town along the Elwin "
        "coast, every morning since 1871."
    )
    head = f'<meta name="description" content="{blurb}">'
    body = f'<div class="story">{story_html()}</div><div class="about"><p>{blurb}</p></div>'
    assert clean(page(body, head=head)).paragraphs == STORY


def test_short_story_outweighed_by_a_notice_on_another_topic_is_still_the_body() -> None:
    notice = (
        "We respect your privacy. Information you give us when you register, such as your name "
        "and e-mail address, is kept on secure servers and used only to send what you asked for. "
        "You may ask us at any time to correct or delete it, and we never sell it to anyone, "
        "although partners who deliver our mail may process it on our behalf under contract."
    )
    story = [
        "The harbour board approved the breakwater rebuild on Tuesday.",
        "The new breakwater wall will be built in concrete from next spring.",
    ]
    body = (
        '<div class="main"><h1>Harbour board approves breakwater rebuild</h1>'
        f"<section>{story_html(story)}</section></div>"
        f'<div class="bottom"><div class="policy"><p>{notice}</p></div></div>'
    )
    article = clean(page(body, title="Harbour board approves breakwater rebuild"))
    assert article.paragraphs == story


def test_description_finds_the_story_when_the_headline_names_neither_block() -> None:
    about = (
        "Coast Courier's video desk films the people who keep the coast's old trades alive, from "
        "net menders to boat builders. Our team of four travels in a van that has seen better "
        "days, and we welcome ideas for films from readers who know someone worth meeting."
    )
    story = (
        "Take a walk through the rope works at Port Elwin, where three generations of one family "
        "still twist hemp by hand for sailing ships and harbour bollards."
    )
    head = f'<meta name="description" content="{story}">'
    body = (
        f'<div class="main"><div class="entry"><p>{story}</p></div></div>'
        f'<div class="right"><div class="about-body"><p>{about}</p></div></div>'
    )
    article = clean(page(body, head=head, title="Watch | Portrait of a maker"))
    assert article.paragraphs == [story]


def test_post_inside_a_region_named_as_a_widget_is_found_by_its_headline() -> None:
    # Every region holding prose is named as furniture; the one with the headline is not.
    elsewhere = [f"Archive note {n}: {STORY[n]}" for n in range(5)]
    body = (
        '<div class="widget Blog" id="Blog1"><div class="post">'
        "<h3>Breakwater rebuild approved</h3>"
        f'<div class="post-body">{story_html(STORY[:2])}</div></div>'
        f'<div class="comments"><h4>1 comment:</h4><p>{COMMENTS[0]}</p></div></div>'
        f'<div class="sidebar">{story_html(elsewhere[:2])}</div>'
        f"<footer>{story_html(elsewhere[2:])}</footer>"
    )
    assert clean(page(body)).paragraphs == STORY[:2]


@pytest.mark.parametrize("declared", ["gb2312", "iso-8859-1", "windows-1252", "shift_jis"])
def test_valid_utf8_wins_over_a_contradicting_meta_charset(declared: str) -> None:
    from reader.clean.decode import decode

    html = f'<html><head><meta charset="{declared}"></head><body><p>Kosovo’s café</p></body>'
    assert "Kosovo’s café" in decode(html.encode("utf-8"), html=True)


def test_a_declared_single_byte_charset_is_still_used_for_bytes_that_are_not_utf8() -> None:
    from reader.clean.decode import decode

    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Kosovo’s café</p></body>'
    assert "Kosovo’s café" in decode(html.encode("cp1252"), html=True)


@pytest.mark.parametrize(
    "raw",
    [
        "Coast Courier Blog: Breakwater rebuild approved after two years",
        "Breakwater rebuild approved after two years « Coast Courier Blog",
    ],
)
def test_title_is_the_post_heading_when_the_page_title_adds_the_blog_name(raw: str) -> None:
    body = (
        "<h2>Coast Courier Blog</h2><h2>Harbour news, weekly</h2>"
        f"<div class='post'><h3>Breakwater rebuild approved after two years</h3>{story_html()}"
        "</div><h2>Archives</h2>"
    )
    assert clean(page(body, title=raw)).title == "Breakwater rebuild approved after two years"


def test_a_short_label_heading_inside_the_title_is_not_taken_for_the_headline() -> None:
    raw = "Breaking news: Breakwater rebuild approved after two years"
    body = (
        f"<h2>Breaking news</h2><h1>Breakwater rebuild approved after two years</h1>{story_html()}"
    )
    assert clean(page(body, title=raw)).title == "Breakwater rebuild approved after two years"


def test_one_paragraph_post_whose_class_names_furniture_is_found_by_its_description() -> None:
    # The post's class lists its tags ("tag-promotion"); the sidebar's recent comments
    # outweigh a one-paragraph post, but the page's description opens the post.
    story = (
        "Port Elwin's harbour board has put up a short film about the breakwater rebuild, in "
        "which the engineers walk along the old wall and point out every crack that the winter "
        "storms opened. It is worth ten minutes of anyone's evening."
    )
    head = f'<meta name="description" content="{story[:120]}">'
    body = (
        '<div id="content"><div class="post hentry tag-promotion tag-harbour">'
        "<h1>Breakwater film released</h1>"
        f'<div class="entry"><p>{story}</p></div></div></div>'
        '<div id="side"><div class="box"><ul class="latest">'
        + "".join(f"<li>{comment}</li>" for comment in COMMENTS)
        + "</ul></div></div>"
    )
    assert clean(page(body, head=head, title="Breakwater film released")).paragraphs == [story]


def test_story_in_sections_sharing_a_furniture_named_class_is_kept_whole() -> None:
    # Each photo and the paragraphs about it sit in one "caption-photo" section; the first
    # section is long enough to read as a story, and vouches for the shorter ones.
    sections = [STORY[:2], STORY[2:3], STORY[3:4], STORY[4:]]
    body = '<div class="post"><h1>Breakwater rebuild approved</h1>' + "".join(
        f'<div class="caption-photo"><img src="p{n}.jpg" alt="">{story_html(part)}</div>'
        for n, part in enumerate(sections)
    )
    assert clean(page(body + "</div>")).paragraphs == STORY


def test_post_quoting_long_passages_keeps_the_writers_own_linked_paragraphs() -> None:
    # A link-rich comment between long quotes from elsewhere: the quotes are part of the
    # post, not the post itself.
    own = [
        'The <a href="/a">Coast Courier has the whole story</a>, with the '
        '<a href="/b">board\'s decision in full</a> and a <a href="/c">map of the works</a>, '
        "which ends two years of letters about who should pay for the wall.",
        'Fishing crews are less pleased, <a href="/d">says the Elwin Gazette</a>, which '
        "spoke to several skippers at the quay, quoting "
        'the <a href="/e">crews\' association and its chair</a>.',
    ]
    body = (
        '<div class="entry">'
        f"<p>{own[0]}</p><blockquote>{story_html(STORY[:3])}</blockquote>"
        f"<p>{own[1]}</p><blockquote>{story_html(STORY[3:])}</blockquote></div>"
    )
    paragraphs = clean(page(body)).paragraphs
    assert paragraphs[0].startswith("The Coast Courier has the whole story")
    assert paragraphs[4].startswith("Fishing crews are less pleased")
    assert len(paragraphs) == 7


def test_short_post_under_its_heading_beats_a_longer_column_of_listings() -> None:
    # The blog's name is the page's only <h1>; the post sits under its own heading, and a
    # column of event listings beside it outweighs it.
    post = [
        "The harbour board has put up a short film about the breakwater rebuild, in which the "
        "engineers walk along the old wall.",
        "It runs for ten minutes and shows every crack the winter storms opened in the stone.",
    ]
    listings = [
        f"Saturday {n} March, 10:00 - 16:00. The harbour museum opens its boat shed for a day "
        f"of talks on rope making, net mending and sail lofts, with tea served in the yard."
        for n in range(4, 7)
    ]
    body = (
        '<div id="banner"><h1>Harbour Notes</h1></div><div id="columns">'
        '<div id="left"><div class="post"><h3>Breakwater film released</h3>'
        f"{story_html(post)}</div></div>"
        f'<div id="right"><div class="events">{story_html(listings)}</div></div></div>'
    )
    paragraphs = clean(page(body, title="Harbour Notes: Breakwater film released")).paragraphs
    assert paragraphs[-2:] == post
    assert not any("museum" in paragraph for paragraph in paragraphs)


def test_list_of_linked_entries_with_their_own_details_is_part_of_the_story() -> None:
    # A bargains post: each item links the product and adds its price and shop.
    intro = [
        "Our weekly round-up of chandlery bargains is shorter than usual, since the spring "
        "sales have not started yet, but there is still plenty for anyone fitting out a boat.",
        "Prices were checked on Thursday morning and may have changed since.",
    ]
    deals = [
        '<a href="/1">Brass deck lantern with a 12-hour oil reservoir</a> for £38 at Quay Stores '
        "(usually £52)",
        '<a href="/2">Pair of oak mooring cleats, 20 cm, galvanised bolts</a> for £19 at Harbour '
        "Supply (usually £27)",
        '<a href="/3">Foul-weather jacket with a fleece-lined hood</a> for £74 at Elwin Outdoors '
        "(usually £110)",
        '<a href="/4">Tide clock in a teak case with a brass bezel</a> for £45 at Quay Stores '
        "(usually £60)",
    ]
    body = (
        '<div class="content">'
        f"{story_html(intro)}<ul>{''.join(f'<li>{deal}</li>' for deal in deals)}</ul></div>"
    )
    paragraphs = clean(page(body, title="Chandlery bargains")).paragraphs
    assert paragraphs[:2] == intro
    assert len(paragraphs) == 6
    assert paragraphs[-1].startswith("• Tide clock in a teak case")


def test_comments_after_a_heading_named_for_them_in_the_same_container_are_dropped() -> None:
    # An old blog template: the post, the comments heading and every comment are
    # siblings in one container, with nothing but the heading's id to tell them apart.
    comments = "".join(
        f'<div id="c{n}"><p>{comment}</p></div><p class="posted">Posted by: Reader {n}</p>'
        for n, comment in enumerate(COMMENTS)
    )
    body = (
        '<div id="center"><div class="content"><h3>Breakwater rebuild approved</h3>'
        f'{story_html()}<p class="posted">Posted by Ines at 9:01 AM</p>'
        f'<h2 id="comments">Comments</h2>{comments}</div></div>'
    )
    paragraphs = clean(page(body)).paragraphs
    assert paragraphs[: len(STORY)] == STORY
    assert not any(paragraph.startswith("Reader") for paragraph in paragraphs)


def test_titles_of_a_gallery_whose_pictures_are_gone_are_kept() -> None:
    # Each picture of the gallery has a title heading and nothing else once the images
    # are gone; a heading with nothing under it elsewhere still goes.
    titles = ["North wall at dawn", "The ferry slip", "Storm damage by the quay", "New blocks"]
    items = "".join(f'<h3>{title}</h3><img src="{n}.jpg" alt="">' for n, title in enumerate(titles))
    body = f"<article>{story_html(STORY[:2])}{items}<h2>Related</h2></article>"
    assert clean(page(body)).paragraphs == [*STORY[:2], *titles]


def test_short_post_under_its_heading_beats_a_profile_five_times_as_long() -> None:
    post = "Photos from the breakwater walk on Sunday are up: grey skies, high spray, good company."
    profile = " ".join(
        f"I have written about the Elwin coast for {n} years, mostly about boats, weather "
        "and the people who work the harbour, and I still learn something every week."
        for n in range(10, 13)
    )
    body = (
        '<div id="banner"><h1>Harbour Notes</h1></div><div id="columns">'
        '<div id="left"><div class="post"><h3>Breakwater walk photos</h3>'
        f'<div class="post-body"><p>{post}</p></div></div></div>'
        f'<div id="right"><div class="profile"><p>{profile}</p></div></div></div>'
    )
    paragraphs = clean(page(body, title="Harbour Notes: Breakwater walk photos")).paragraphs
    assert paragraphs[-1] == post
    assert not any("I have written" in paragraph for paragraph in paragraphs)
