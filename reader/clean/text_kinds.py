"""What one line of a scrape is on its own: prose, a short line, page clutter or an end marker.

The vocabulary of page furniture lives here: ad labels, share bars,
"Read more:" lead-ins, photo credits, legal and sign-up notices, and the
markers that end a story ("Related articles", "Comments"), in the main
languages of the pages users save. Patterns are matched against the
lower-cased line (`Line.lower`), so they are written in lower case; the
costly searches run only on lines short enough to be clutter and that
contain one of a few hint words.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from reader.clean.text_lines import Line


def _whole(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(phrases) + r")\W*$")


_AD_PHRASES = (
    r"advertisement",
    r"advertising",
    r"ad",
    r"ads",
    r"sponsored( content)?",
    r"promoted",
    r"advertisement\W+(scroll|continue|story).*",
    r"publicidad",
    r"anuncio",
    r"publicité",
    r"annonce",
    r"werbung",
    r"anzeige",
    r"pubblicità",
    r"publicidade",
    r"реклама",
    r"広告",
    r"광고",
    r"(story|article) continues( below)?( advertisement)?",
    r"continue reading( below| the main story)?",
    r"scroll (down )?to continue( reading)?.*",
    r"content continues below",
    r"paid (post|content)",
    r"skip (ad|advert)",
    r"(close|hide) ad",
    r"report (this )?ad",
    r"(advertise\W+)?ad ?choices",
    r"advertise (with|on) (us|.{1,30})",
    r"sponsor(ed)? ad",
)
_SHARE_PHRASES = (
    r"share( this)?( (article|story|page|post))?( on \w+)?",
    r"shares?",
    r"tweet",
    r"e-?mail",
    r"print",
    r"copy( the)? link",
    r"link copied",
    r"facebook",
    r"twitter",
    r"x",
    r"whatsapp",
    r"linkedin",
    r"pinterest",
    r"reddit",
    r"flipboard",
    r"telegram",
    r"messenger",
    r"save( for later| article)?",
    r"bookmark",
    r"comments?",
    r"\d+ comments?",
    r"listen",
    r"listen to (this )?(article|story)",
    r"gift (this )?article",
    r"follow( us)?",
    r"(share|follow)( us)? on .{1,40}",
    r"(facebook|twitter|linkedin|email|whatsapp|pinterest)"
    r"( (facebook|twitter|linkedin|email|whatsapp|pinterest|reddit|print|x))+",
)
_SHARE = _whole(*_SHARE_PHRASES)
_VIEWER_PHRASES = (
    r"enlarge( this)?( image| photo| picture)?",
    r"click (here )?to enlarge",
    r"view (larger|full[- ]size)( image| photo| picture)?",
    r"open in (a )?new window",
    r"previous\W+next",
    r"loading (photos?|images?|gallery)\W*",
    r"jump to (photo|image|slide) #?\d+",
    r"(view|see) (the )?(full |entire )?(photo )?gallery",
    r"\d+ (photos|images|pictures|slides)",
    r"(photo|video|image)s?|(photo |video )?gallery",
    r"close|(hide|show) caption",
)
"""The controls of a photo viewer, copied as lines of their own."""
_SHARE_PLEA = re.compile(r"^\W*if you (?:enjoyed|liked|found) this (?:article|post|story|piece)\b")
"""A plea to share or follow the page ("If you enjoyed this article, please share it on:")."""
PLEA_WORDS = 40
"""Longest such plea: a sentence or two, never a paragraph of the story."""
_AD_OR_SHARE = _whole(*_AD_PHRASES, *_SHARE_PHRASES, *_VIEWER_PHRASES)
"""Ad labels, share prompts and viewer controls in one match, since a short line is tested for
all of them."""
_AD_OR_SHARE_FIRST = frozenset(
    (
        *("advertisement", "advertising", "advertise", "ad", "ads", "adchoices", "sponsored"),
        *("sponsor", "promoted", "publicidad", "anuncio", "publicité", "annonce", "werbung"),
        *("anzeige", "pubblicità", "publicidade", "реклама", "広告", "광고", "story", "article"),
        *("continue", "scroll", "content", "paid", "skip", "close", "hide", "report", "share"),
        *("shares", "tweet", "e", "email", "print", "copy", "link", "facebook", "twitter", "x"),
        *("whatsapp", "linkedin", "pinterest", "reddit", "flipboard", "telegram", "messenger"),
        *("save", "bookmark", "comment", "comments", "listen", "gift", "follow", "enlarge"),
        *("click", "view", "open", "previous", "loading", "jump", "see", "photo", "photos"),
        *("video", "videos", "image", "images", "gallery", "show"),
    )
)
"""The first word, as `Line.key` splits it, of every line `_AD_OR_SHARE` matches (those
starting with a number aside): a line led by any other word of letters needs no match."""
_LEAD_IN = re.compile(
    r"^(?:read more|related|see also|also read|read also|more|recommended|watch|watch now|"
    r"listen|also see|don'?t miss|must read|trending|popular|latest|more coverage|more on this|"
    r"more from [^:]{1,40}|related coverage|related stories|related articles|related content|"
    r"related video|click here|photos?|video|gallery|sign up|subscribe|get the [^:]{1,30}|"
    r"editor'?s (note|picks?)|suggested|top stories|in (other|related) news|à lire aussi|"
    r"lire aussi|a lire aussi|lea también|leer también|leia também|veja também|lesen sie auch|"
    r"mehr zum thema|leggi anche|читайте также)\s*[:|>»›\-–—]\s*\S"
)
_CREDIT = re.compile(
    r"(?:\((?:photo|image|picture|credit|foto|photograph)[^)]*\)|"
    r"\b(?:photo|image|picture|photograph|illustration|video|foto)s?(?: credit)?"
    r"\s*(?:by\b|:(?=\s*\S)|©)|"
    r"\bcredit\s*:|\bcourtesy of\b|"
    r"[/|]\s*(?:getty|ap|afp|reuters|epa|shutterstock|istock|alamy|bloomberg|pa)\b|"
    r"\b(?:getty images|shutterstock|istock(?:photo)?|alamy|afp via getty|ap photo)\b|©)"
)
_AGENCY_LINE = re.compile(
    r"^(?:reuters|ap|afp|epa|pa|getty|bloomberg|dpa|anadolu|xinhua|shutterstock|alamy)"
    r"(?: (?:images|photo|media|wire))?$"
)
_AGENCY = (
    r"(?:associated press|ap|afp|reuters|epa|getty images|getty|bloomberg|"
    r"european pressphoto agency|xinhua|dpa|upi|ansa|efe)"
)
_AGENCY_CREDIT = re.compile(
    rf"(?:[/|]|\bvia)\s*(?:the )?{_AGENCY}(?: (?:file|photo|images))*$|\b{_AGENCY} file(?: photo)?$"
)
"""A photo's credit to a wire agency, under a separator ("Jane Doe / AP", "Nasa via
Reuters", "/Associated Press") or to its archive ("AP file", "Reuters file"). A line of
the agency's name alone is left to the byline finder ("Associated Press")."""
_CREDIT_HINTS = (
    "photo",
    "image",
    "picture",
    "illustration",
    "video",
    "foto",
    "credit",
    "courtesy",
    "getty",
    "/",
    "|",
    "shutterstock",
    "istock",
    "alamy",
    "©",
)
_LEGAL_NOTICES = {
    "rights": (r"all rights reserved",),
    "cookie": (
        r"\bcookies?\b.{0,40}\b(?:use|accept|settings|policy)",
        r"this (?:site|website) uses cookies",
    ),
    "privacy": (r"privacy (?:policy|notice|settings)",),
    "terms": (r"terms (?:of|and) (?:use|service|conditions)", r"terms & conditions"),
    "subscri": (
        r"\bunsubscribe\b",
        r"subscribe (?:to (?:our|the)|now|today|here)",
        r"already (?:a subscriber|have an account)",
        r"successfully subscribed|succesfully subscribed",
        r"because you (?:subscribed|signed up)",
    ),
    "sign": (
        r"sign up (?:for|to|now|here|today)",
        r"(?:log|sign) ?in to (?:comment|continue|read)",
        r"because you (?:subscribed|signed up)",
        r"thanks? (?:you )?for signing up",
    ),
    "newsletter": (r"newsletters?\b.{0,30}(?:sign|subscri|inbox)",),
    "inbox": (r"\b(?:in|to|into) your inbox",),
    "log": (r"(?:log|sign) ?in to (?:comment|continue|read)",),
    "account": (r"create (?:an|a free) account", r"already (?:a subscriber|have an account)"),
    "javascript": (r"enable javascript", r"javascript (?:is )?(?:disabled|required)"),
    "browser": (r"(?:update|upgrade) your browser",),
    "blocker": (r"ad ?blocker",),
    "affiliate": (r"affiliate commission",),
    "earn": (r"we may earn",),
    "compensation": (r"may receive compensation",),
    "email": (r"email address will not be published", r"save my name, email"),
    "fields": (r"required fields are marked",),
    "personal data": (r"personal data",),
    "protection": (r"data protection",),
    "activation": (r"activation link",),
    "agree": (r"(?:agree|consent) to (?:the|our) (?:terms|privacy|use of cookies)",),
    "consent": (r"(?:agree|consent) to (?:the|our) (?:terms|privacy|use of cookies)",),
    "playback": (r"media playback is unsupported",),
    "join": (r"^(?:join|follow) (?:us|our)\b",),
    "follow": (r"^(?:join|follow) (?:us|our)\b",),
    "receiving": (r"you are receiving this",),
    "submitting": (r"by submitting (?:this|your)",),
    "comment": (
        r"your comment (?:has|have|could|was|will|is|must)\b",
        r"comments? (?:are|is|will be) (?:moderated|reviewed|closed)",
        r"(?:post|leave|add) (?:a|your) comment",
        r"(?:subscrib\w+|rss) to (?:the )?comments?",
        r"comments? feed",
        r"(?:logged|signed) in to (?:post|leave|add)? ?(?:a )?comment",
    ),
    "appear": (r"(?:will not|won'?t|does not|doesn'?t) appear until",),
    "letters": (r"letters and numbers you",),
    "trouble": (r"trouble reading (?:this|the) image",),
    "notify": (r"notify me of (?:new|follow)",),
    "tags": (
        r"html tags and attributes",
        r"(?:allowed|following) html tags",
        r"html tags (?:are )?allowed",
    ),
}
"""Legal and sign-up notices, filed under a word that every match of each contains.

A line is searched only for the notices of the words it holds: one long
pattern of all of them costs several times more on every line with a hint.
"""
_LEGAL_HINTS = tuple(_LEGAL_NOTICES)
_LEGAL_BY_HINT = tuple(
    (hint, re.compile("|".join(phrases))) for hint, phrases in _LEGAL_NOTICES.items()
)


def _trie(words: tuple[str, ...]) -> re.Pattern[str]:
    """A search for any of `words`, as a trie ("p(?:hoto|rivacy)") rather than a flat list.

    Python's regex engine tries a flat alternation's words one after another at
    every position of the line; the trie rejects a position after one letter.
    Where one word starts another, the shorter is enough to find.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(pattern(tree))


_CREDIT_HINT = _trie(_CREDIT_HINTS)
_ANY_HINT = _trie((*_CREDIT_HINTS, *_LEGAL_HINTS))
"""Both kinds of hint in one search, since most lines have neither."""
_CAPTION_LEAD = re.compile(
    r"^(?:above|below|top|pictured|left|right|main image|file photo|(?:image|media|photo|video) "
    r"caption|caption|image source|media source)\s*[:,]"
)
_BARRIER = re.compile(
    r"^(?:read more (?:articles|stories|news)( on| about| from)?.*|related|read more|see also|"
    r"read next|"
    r"related (?:articles|stories|"
    r"posts|coverage|content|topics|links|news|reading)|more (?:stories|articles|news|from|on|"
    r"in|like this)\b.{0,40}|(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy|"
    r"be interested).*|recommended(?: for you| stories| articles| reading)?|most (?:read|"
    r"popular|viewed|shared|commented)(?: .{0,30})?|trending(?: now| stories| news)?|"
    r"what to read next|read (?:these |this )?next|up next|"
    r"(?:leave|post|add|write) a (?:comment|reply)|"
    r"comments?(?: \(\d+\))?|"
    r"\d+ comments?|(?:join|view|show|see|load) (?:the )?(?:\d+ )?comments?.{0,30}|"
    r"[{(\[] ?\d+ (?:comments?|responses?)\W{0,3} (?:read|add|leave|post|join) .{0,40}|"
    r"about the authors?|tags?|labels|topics?|elsewhere on .{1,40}|(?:keep|stay) up to date.{0,40}|"
    r"filed under|keywords|more about|see more|"
    r"(?:tags|tagged(?: with| as)?|labels|filed (?:under|in)|posted in|categories|topics)"
    r"\s*:\s*[^:.!?]{1,150}|"
    r"other (?:stories|news)|latest (?:news|stories|articles)|top stories|sign up.{0,60}|"
    r"(?:get|subscribe to) (?:our|the) .{0,40}newsletters?.{0,40}|newsletters?|"
    r"explore more|don'?t miss|also on .{1,30}|around the web|from our partners|"
    r"sponsored stories|promoted stories|this article (?:is|was) (?:filed|tagged) .*|"
    r"você (?:pode|também pode) gostar.*|leia (?:também|mais)|veja (?:também|mais)|"
    r"(?:te|le) puede interesar|lea (?:también|más)|noticias relacionadas|"
    r"(?:vous )?(?:aimerez|pourriez aimer) aussi|(?:à|a) lire aussi|lire aussi|sur le même sujet|"
    r"das könnte sie (?:auch )?interessieren|mehr zum thema|weitere artikel|"
    r"potrebbe interessarti|leggi anche|articoli correlati|"
    r"читайте также|похожие (?:статьи|новости)|комментарии)"
    r"\s*[:.!]?\s*$"
)
_BARRIER_FIRST = frozenset(
    (
        *("read", "related", "see", "more", "you", "we", "recommended", "most", "trending"),
        *("what", "up", "leave", "post", "add", "write", "comment", "comments", "join", "view"),
        *("show", "load", "about", "tag", "tags", "labels", "topic", "topics", "elsewhere"),
        *("keep", "stay", "filed", "keywords", "tagged", "posted", "categories", "other"),
        *("latest", "top", "sign", "get", "subscribe", "newsletter", "newsletters", "explore"),
        *("don", "dont", "also", "around", "from", "sponsored", "promoted", "this", "você"),
        *("leia", "veja", "te", "le", "lea", "noticias", "vous", "aimerez", "pourriez", "à"),
        *("a", "lire", "sur", "das", "mehr", "weitere", "potrebbe", "leggi", "articoli"),
        *("читайте", "похожие", "комментарии"),
    )
)
"""The first word, as `Line.key` splits it, of every line `_BARRIER` matches (those starting
with a number or a bracket aside): a line led by any other word of letters needs no match."""


_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_TRUNCATED = ("..", "…")
"""A teaser cut short with an ellipsis: a link to another story, not this one."""
_LEAD_MARK = re.compile(r"[:|>»›\-–—]")


CLUTTER_WORDS = 40
"""Longer lines are story, unless they end in a photo credit or read as a site's legal notice."""
_NOTICE_HINTS = ("right", "©", "trademark", "disclaim", "commercial")
_SITE_NOTICE = re.compile(
    r"all rights? reserved|\bcopyright\s*(?:©|\(c\)|\d{4})|©\s*(?:copyright\s*)?\d{4}|"
    r"registered trademarks? of|^disclaimer\s*:|property of their respective owners|"
    r"for your personal,? non-commercial use"
)
"""The wording of a site's rights, trademark and disclaimer notices, which a story does
not use; searched in long lines only under one of `_NOTICE_HINTS`."""
TAG_PARTS = 5
TAG_WORDS = 4
GLUE_REACH = 120
"""A teaser's headline is shorter than this, so the join is looked for only this far in."""
_NETWORKS = frozenset(
    {
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "pinterest",
        "pin",
        "pint",
        "reddit",
        "email",
        "mail",
        "e",
        "print",
        "share",
        "tweet",
        "telegram",
        "flipboard",
        "messenger",
        "tumblr",
        "vk",
        "copy",
        "link",
        "sms",
        "instagram",
        "youtube",
        "tiktok",
        "threads",
        "bluesky",
        "mastodon",
        "rss",
        "google",
        "plus",
        "comment",
        "comments",
    }
)
"""Words of a share bar, which copies as one line of network names."""
_GLUE = re.compile(r"[A-Z](?<=[a-z0-9?!’'\")][A-Z])(?=[a-z])")
"""A capital starting a word glued to the end of the one before: "SteakhouseA party".

The pattern opens with the capital, so the engine skips straight to capitals.
"""


class Kind(Enum):
    """What a line looks like on its own, before its neighbours are considered."""

    PROSE = "prose"
    NEAR = "near"
    SHORT = "short"
    CLUTTER = "clutter"
    BARRIER = "barrier"


PROSE, NEAR, SHORT, CLUTTER, BARRIER = (
    Kind.PROSE,
    Kind.NEAR,
    Kind.SHORT,
    Kind.CLUTTER,
    Kind.BARRIER,
)
"""The kinds under plain module names: looking a member up on an Enum class costs about
ten times a global's lookup, and the body finder compares kinds in every loop."""


def kind_of(line: Line) -> Kind:
    """Classify one line by its text alone (computed once per line, then kept on it)."""
    if line.kind is None:
        line.kind = _classify(line) if line.twin is None else kind_of(line.twin)
    return line.kind  # type: ignore[return-value]


def _classify(line: Line) -> Kind:
    text = line.text
    if line.words <= 12 and _barrier(line):
        return BARRIER
    if line.words <= HEADING_WORDS and _list_heading(line):
        return BARRIER
    clutter = line.clutter
    if clutter is None:
        clutter = line.clutter = _is_clutter(line)
    if clutter:
        return CLUTTER
    if cut_short(text):
        return SHORT
    kind = _shape_kind(line)
    # A glued teaser is SHORT: only a line its shape would make more is tested for the glue.
    if kind is not SHORT and line.words >= 4 and glued_teaser(text):
        return SHORT
    return kind


def _barrier(line: Line) -> bool:
    """A marker that the story has ended (`_BARRIER`) as the whole line."""
    first = line.key.partition(" ")[0]
    if first.isalpha() and first not in _BARRIER_FIRST:
        return False
    return _BARRIER.match(line.lower) is not None


def _shape_kind(line: Line) -> Kind:
    """PROSE, NEAR or SHORT by the line's length, case and sentence ends."""
    text = line.text
    if line.uncased:
        if line.chars >= 120 or (line.chars >= 50 and line.ends_sentence):
            return PROSE
        if line.chars >= 20 and line.ends_sentence:
            return NEAR
        return SHORT
    if line.words >= 20 and line.lower_ratio >= 0.45:
        if _tag_list(line):
            return SHORT
        return PROSE if line.sentences or "," in text else NEAR
    if line.words >= 10 and line.lower_ratio >= 0.55 and (line.ends_sentence or line.sentences):
        return PROSE
    if line.words >= 5 and line.ends_sentence and line.lower_ratio >= 0.3:
        return NEAR
    if line.words >= 12 and line.lower_ratio >= 0.6 and line.sentences:
        return NEAR
    if line.words >= 8 and line.lower_ratio >= 0.7:
        return NEAR
    return SHORT


HEADING_WORDS = 7
_RELATION = ("related", "similar", "more", "other", "recommended", "popular", "recent", "explore")
_PAGES = (
    "posts",
    "stories",
    "articles",
    "content",
    "news",
    "links",
    "reading",
    "entries",
    "headlines",
    "videos",
    "photos",
    "galleries",
    "comments",
    "items",
    "topics",
)
_LIST_HEADING = re.compile(
    r"\b(?:" + "|".join(_RELATION) + r")(?: \S+)? (?:" + "|".join(_PAGES) + r")\b"
)
"""A word of relation with a word for pages at most two words after it ("more world stories"),
searched in a line's key (lower case, words apart by single spaces)."""


def _list_heading(line: Line) -> bool:
    """The heading of a list of other pages: "More world stories from NBC News:", "Similar Posts".

    Sites word these headings in many ways, too many to list whole as
    `_BARRIER` does; what they share is a word of relation ("related",
    "more", "other") right before a word for pages ("posts", "stories"), on a
    short line that is no sentence. A subheading that only holds both words
    apart ("More Powerful +1s on Google News") is the story's own.
    """
    return not line.ends_sentence and _LIST_HEADING.search(line.key) is not None


def cut_short(text: str) -> bool:
    """A line cut with an ellipsis, as teasers are ("... Read more...")."""
    return text.endswith(_TRUNCATED)


def glued_teaser(text: str) -> bool:
    """A link headline run into its teaser ("Bill At Troy SteakhouseA party of six left...").

    Copying a teaser card joins the headline and the blurb with no space;
    story text has no Title Case run ending in such a join.
    """
    for match in _GLUE.finditer(text, 0, GLUE_REACH):
        head = text[: match.start()].split()
        if len(head) >= 3:
            capitals = sum(1 for w in head if w[:1].isupper() or w[:1].isdigit())
            return capitals >= len(head) * 0.7
    return False


def _tag_list(line: Line) -> bool:
    """ "stock car 2018, stock car brasil, ...": keywords joined by commas, not a sentence."""
    parts = line.text.count(",") + 1
    return parts >= TAG_PARTS and not line.sentences and line.words <= parts * TAG_WORDS


def is_clutter(line: Line) -> bool:
    """Ads, share buttons, sign-up and legal notices, credits and "Read more:" links.

    The answer is kept on the line, since the byline finder asks again, and a
    repeated line takes its first showing's answer (it depends on the text alone).
    """
    known = line.clutter
    if known is None:
        known = line.clutter = _is_clutter(line) if line.twin is None else is_clutter(line.twin)
    return known


def _is_clutter(line: Line) -> bool:
    """Long lines are only checked for a credit at their end: the costly
    searches run on the short lines where clutter lives.
    """
    text = line.text
    if line.words <= 8 and (_ad_or_share(line) or _network_names(line)):
        return True
    if line.words <= 30 and _LEAD_MARK.search(text) and _LEAD_IN.match(line.lower):
        return True
    if line.words <= PLEA_WORDS and "if you " in line.lower and _SHARE_PLEA.match(line.lower):
        return True
    opening = text[:30]
    if (":" in opening or "," in opening) and _CAPTION_LEAD.match(line.lower):
        return True
    lowered = line.lower
    if line.words <= AGENCY_CREDIT_WORDS and _agency_credit(line):
        return True
    if line.words > CLUTTER_WORDS:
        return (text.endswith(")") and _has_credit(lowered[-80:])) or _site_notice(lowered)
    if not _ANY_HINT.search(lowered):
        return False
    if _has_credit(lowered):
        return not quoted(text)
    return any(hint in lowered and pattern.search(lowered) for hint, pattern in _LEGAL_BY_HINT)


def _ad_or_share(line: Line) -> bool:
    """An ad label, share prompt or viewer control (`_AD_OR_SHARE`) as the whole line."""
    first = line.key.partition(" ")[0]
    if first.isalpha() and first not in _AD_OR_SHARE_FIRST:
        return False
    return _AD_OR_SHARE.match(line.lower) is not None


AGENCY_CREDIT_WORDS = 8
"""Longest line read as a credit to an agency: a photographer's name and the agency's."""


def _agency_credit(line: Line) -> bool:
    """A photo credit to a wire agency ("Kim Ode / AP", "AP file"): clutter in any story."""
    lowered = line.lower
    return lowered.endswith(_AGENCY_ENDS) and bool(_AGENCY_CREDIT.search(lowered))


_AGENCY_ENDS = (
    *("press", "ap", "afp", "reuters", "epa", "images", "getty", "bloomberg", "agency"),
    *("xinhua", "dpa", "upi", "ansa", "efe", "file", "photo"),
)
"""The last words of an agency credit: most lines end otherwise, found without a regex."""


def _site_notice(lowered: str) -> bool:
    """A site's legal footer run together into a paragraph: rights, trademarks, a disclaimer."""
    return any(hint in lowered for hint in _NOTICE_HINTS) and bool(_SITE_NOTICE.search(lowered))


def _has_credit(lowered: str) -> bool:
    return bool(_CREDIT_HINT.search(lowered)) and bool(_CREDIT.search(lowered))


def is_share_bar(line: Line) -> bool:
    """Share buttons copied as a line: "Share this on WhatsApp", "Facebook Twitter Email"."""
    if line.words > 8:
        return False
    return bool(_SHARE.match(line.lower)) or _network_names(line)


def _network_names(line: Line) -> bool:
    """A line mostly of network names ("Facebook Twitter Email"), as a share bar copies."""
    names = line.key.split()
    if _NETWORKS.isdisjoint(names):
        return False
    return sum(map(_NETWORKS.__contains__, names)) * 2 >= len(names)


def is_credit_line(line: Line) -> bool:
    """A photo credit on a line of its own: "Getty Images", "Photo: Jane Doe/Reuters"."""
    return line.words <= 8 and (_has_credit(line.lower) or bool(_AGENCY_LINE.match(line.lower)))


def quoted(text: str) -> bool:
    return _QUOTE_MARK.search(text) is not None
