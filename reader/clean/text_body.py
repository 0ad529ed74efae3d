"""Find the story in a page's text: the densest run of prose, minus the clutter inside it.

Every line gets a value: prose (long, lower-case words, sentences) earns in
proportion to its length, short menu-like lines cost a little, known clutter
(ads, share prompts, sign-ups, credits) costs more, and the markers that end
a story ("Related articles", "Comments") cost so much that the story is never
carried across them unless a lot of prose follows. The story is then the run
of lines with the largest total (the maximum-sum subarray), which bridges an
ad or a caption inside it but not the menus and footers around it. Inside that
run, clutter lines are dropped and short lines are kept only when they read as
story: a one-line quote, a subheading between paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from reader.clean.text_lines import Line


def _whole(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(phrases) + r")\W*$")


_AD = _whole(
    r"advertisement", r"advertising", r"ad", r"ads", r"sponsored( content)?", r"promoted",
    r"advertisement\W+(scroll|continue|story).*", r"publicidad", r"anuncio", r"publicité",
    r"annonce", r"werbung", r"anzeige", r"pubblicità", r"publicidade", r"реклама", r"広告", r"광고",
    r"(story|article) continues( below)?( advertisement)?", r"continue reading( below)?",
    r"scroll (down )?to continue( reading)?.*", r"content continues below", r"paid (post|content)",
    r"skip (ad|advert)", r"(close|hide) ad", r"report (this )?ad",
)
_SHARE = _whole(
    r"share( this)?( (article|story|page|post))?( on \w+)?", r"shares?", r"tweet", r"e-?mail",
    r"print", r"copy( the)? link", r"link copied", r"facebook", r"twitter", r"x", r"whatsapp",
    r"linkedin", r"pinterest", r"reddit", r"flipboard", r"telegram", r"messenger",
    r"save( for later| article)?", r"bookmark", r"comments?", r"\d+ comments?", r"listen",
    r"listen to (this )?(article|story)", r"gift (this )?article", r"follow( us)?",
    r"(share|follow)( us)? on .{1,40}", r"(facebook|twitter|linkedin|email|whatsapp|pinterest)"
    r"( (facebook|twitter|linkedin|email|whatsapp|pinterest|reddit|print|x))+",
)
_LEAD_IN = re.compile(
    r"^(?:read more|related|see also|also read|read also|more|recommended|watch|watch now|"
    r"listen|also see|don'?t miss|must read|trending|popular|latest|more coverage|more on this|"
    r"more from [^:]{1,40}|related coverage|related stories|related articles|related content|"
    r"related video|click here|photos?|video|gallery|sign up|subscribe|get the [^:]{1,30}|"
    r"editor'?s (note|picks?)|suggested|top stories|in (other|related) news|à lire aussi|"
    r"lire aussi|a lire aussi|lea también|leer también|leia também|veja também|lesen sie auch|"
    r"mehr zum thema|leggi anche|читайте также)\s*[:|>»›\-–—]\s*\S")
_CREDIT = re.compile(
    r"(?:\((?:photo|image|picture|credit|foto|photograph)[^)]*\)|"
    r"\b(?:photo|image|picture|photograph|illustration|video|foto)s?(?: credit)?\s*(?:by\b|:|©)|"
    r"\bcredit\s*:|\bcourtesy of\b|"
    r"[/|]\s*(?:getty|ap|afp|reuters|epa|shutterstock|istock|alamy|bloomberg|pa)\b|"
    r"\b(?:getty images|shutterstock|istock(?:photo)?|alamy|afp via getty|ap photo)\b|©)")
_AGENCY_LINE = re.compile(
    r"^(?:reuters|ap|afp|epa|pa|getty|bloomberg|dpa|anadolu|xinhua|shutterstock|alamy)"
    r"(?: (?:images|photo|media|wire))?$")
_CREDIT_HINTS = ("photo", "image", "picture", "illustration", "video", "foto", "credit",
                 "courtesy", "getty", "/", "|", "shutterstock", "istock", "alamy", "©")
_LEGAL_HINTS = ("rights", "cookie", "privacy", "terms", "subscri", "sign", "newsletter", "log",
                "account", "javascript", "browser", "blocker", "affiliate", "earn",
                "compensation", "email", "fields", "save my", "personal data", "protection",
                "activation", "agree", "consent", "playback", "join", "follow", "receiving",
                "submitting")
"""Words one of which every legal or sign-up notice contains; the full search runs only then."""
_CREDIT_HINT = re.compile("|".join(re.escape(hint) for hint in _CREDIT_HINTS))
_LEGAL_HINT = re.compile("|".join(re.escape(hint) for hint in _LEGAL_HINTS))
_CAPTION_LEAD = re.compile(
    r"^(?:above|below|top|pictured|left|right|main image|file photo|(?:image|media|photo|video) "
    r"caption|caption|image source|media source)\s*[:,]")
_LEGAL = re.compile(
    r"(?:all rights reserved|\bcookies?\b.{0,40}\b(?:use|accept|settings|policy)|"
    r"privacy (?:policy|notice|settings)|terms (?:of|and) (?:use|service|conditions)|"
    r"terms & conditions|\bunsubscribe\b|sign up (?:for|to|now|here|today)|"
    r"subscribe (?:to (?:our|the)|now|today|here)|newsletters?\b.{0,30}(?:sign|subscri|inbox)|"
    r"(?:log|sign) ?in to (?:comment|continue|read)|create (?:an|a free) account|"
    r"already (?:a subscriber|have an account)|enable javascript|(?:update|upgrade) your browser|"
    r"ad ?blocker|affiliate commission|we may earn|may receive compensation|"
    r"email address will not be published|required fields are marked|"
    r"save my name, email|by submitting (?:this|your)|personal data|data protection|"
    r"activation link|successfully subscribed|succesfully subscribed|"
    r"(?:agree|consent) to (?:the|our) (?:terms|privacy|use of cookies)|"
    r"javascript (?:is )?(?:disabled|required)|media playback is unsupported|"
    r"this (?:site|website) uses cookies|^(?:join|follow) (?:us|our)\b|you are receiving this|"
    r"because you (?:subscribed|signed up))")
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
    r"about the authors?|tags?|topics?|elsewhere on .{1,40}|(?:keep|stay) up to date.{0,40}|"
    r"filed under|keywords|more about|see more|"
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
    r"\s*[:.!]?\s*$")


_TRUNCATED = ("...", "…")
"""A teaser cut short with an ellipsis: a link to another story, not this one."""
_LEAD_MARKS = frozenset(":|>»›-–—")
_CAPTION_MARKS = frozenset(":,")


CAPTION_CHARS = 200
CLUTTER_WORDS = 40
"""Longer lines are story or legal text long enough to be scored as prose."""
ALT_WORDS = 20
MIN_ROWS = 3
TAG_PARTS = 5
TAG_WORDS = 4
TABLE_ROWS = 5
ROW_CHARS = 15
DATELINE_VALUE = 10.0
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}(?:, [A-Z][A-Za-z.]+)?(?: \([A-Za-z ]{1,30}\))? ?"
                       r"[-–—] ?\S")
MAX_ITEMS = 15
"""Longest run of short lines inside a story still read as a list rather than a menu."""
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_ORDERED = re.compile(r"^\d{1,3}[.)]\s+\S")
GLUE_REACH = 120
"""A teaser's headline is shorter than this, so the join is looked for only this far in."""
_NETWORKS = frozenset({
    "facebook", "twitter", "x", "whatsapp", "linkedin", "pinterest", "pin", "pint", "reddit",
    "email", "mail", "e", "print", "share", "tweet", "telegram", "flipboard", "messenger",
    "tumblr", "vk", "copy", "link", "sms", "instagram", "youtube", "tiktok", "threads",
    "bluesky", "mastodon", "rss", "google", "plus", "comment", "comments",
})
"""Words of a share bar, which copies as one line of network names."""
_GLUE = re.compile(r"(?<=[a-z0-9?!’'\")])(?=[A-Z][a-z])")


class Kind(Enum):
    """What a line looks like on its own, before its neighbours are considered."""

    PROSE = "prose"
    NEAR = "near"
    SHORT = "short"
    CLUTTER = "clutter"
    BARRIER = "barrier"


@dataclass(slots=True)
class Body:
    """The story lines chosen from a scrape."""

    lines: list[Line]
    headings: list[int]
    start: int
    """Index (in the scrape's lines) of the first line of the story region."""
    end: int
    """Index one past the last line of the story region."""


def kind_of(line: Line) -> Kind:
    """Classify one line by its text alone (computed once per line, then kept on it)."""
    if line.kind is None:
        line.kind = _classify(line)
    return line.kind  # type: ignore[return-value]


def _classify(line: Line) -> Kind:
    text = line.text
    if line.words <= 12 and _BARRIER.match(line.lower):
        return Kind.BARRIER
    if is_clutter(line):
        return Kind.CLUTTER
    if text.endswith(_TRUNCATED) or (line.words >= 4 and _glued_teaser(text)):
        return Kind.SHORT
    if line.uncased:
        if line.chars >= 120 or (line.chars >= 50 and line.ends_sentence):
            return Kind.PROSE
        if line.chars >= 20 and line.ends_sentence:
            return Kind.NEAR
        return Kind.SHORT
    if line.words >= 20 and line.lower_ratio >= 0.45:
        if _tag_list(line):
            return Kind.SHORT
        return Kind.PROSE if line.sentences or "," in text else Kind.NEAR
    if line.words >= 10 and line.lower_ratio >= 0.55 and (line.ends_sentence or line.sentences):
        return Kind.PROSE
    if line.words >= 5 and line.ends_sentence and line.lower_ratio >= 0.3:
        return Kind.NEAR
    if line.words >= 12 and line.lower_ratio >= 0.6 and line.sentences:
        return Kind.NEAR
    if line.words >= 8 and line.lower_ratio >= 0.7:
        return Kind.NEAR
    return Kind.SHORT


def _glued_teaser(text: str) -> bool:
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
    if line.sentences:
        return False
    parts = line.text.split(",")
    return len(parts) >= TAG_PARTS and line.words <= len(parts) * TAG_WORDS


def is_clutter(line: Line) -> bool:
    """Ads, share buttons, sign-up and legal notices, credits and "Read more:" links.

    Long lines are only checked for a credit at their end: the costly
    searches run on the short lines where clutter lives.
    """
    text = line.text
    if line.words <= 8:
        if _AD.match(line.lower) or _SHARE.match(line.lower):
            return True
        names = line.key.split()
        if names and sum(1 for n in names if n in _NETWORKS) * 2 >= len(names):
            return True
    if line.words <= 30 and not _LEAD_MARKS.isdisjoint(text) and _LEAD_IN.match(line.lower):
        return True
    if not _CAPTION_MARKS.isdisjoint(text[:30]) and _CAPTION_LEAD.match(line.lower):
        return True
    lowered = line.lower
    if line.words > CLUTTER_WORDS:
        return text.endswith(")") and _has_credit(lowered[-80:])
    if _has_credit(lowered):
        return not _quoted(text)
    return bool(_LEGAL_HINT.search(lowered)) and bool(_LEGAL.search(lowered))


def _has_credit(lowered: str) -> bool:
    return bool(_CREDIT_HINT.search(lowered)) and bool(_CREDIT.search(lowered))


def is_credit_line(line: Line) -> bool:
    """A photo credit on a line of its own: "Getty Images", "Photo: Jane Doe/Reuters"."""
    return line.words <= 8 and (_has_credit(line.lower) or bool(
        _AGENCY_LINE.match(line.lower)))


def _quoted(text: str) -> bool:
    return bool(re.search(r"[\"“”«»„]", text))


STORY_SEEN = 30.0
"""Prose value (about 300 characters) after which an end marker is taken to end a story."""
DAMPING = 0.35
ISOLATED = 0.4
TEASER_CHARS = 400
"""Teaser blurbs are shorter than this; a longer lone paragraph may be a one-paragraph story."""
_PROSE_KINDS = (Kind.PROSE, Kind.NEAR)
LOOKAHEAD = 7
"""Lines after an end marker in which prose means the story goes on."""

_VALUES = {Kind.SHORT: -2.0, Kind.CLUTTER: -6.0, Kind.BARRIER: -15.0}


def find_body(lines: list[Line]) -> Body:
    """Choose the story region and the lines in it that belong to the story."""
    if not lines:
        return Body([], [], 0, 0)
    kinds = [kind_of(line) for line in lines]
    repeats = Counter(line.key for line in lines if line.key)
    values = [_value(line, kind, repeats) for line, kind in zip(lines, kinds, strict=True)]
    values = _damp_after_barrier(_damp_isolated(lines, values, kinds), kinds)
    _credit_tables(lines, kinds, values)
    _credit_datelines(lines, kinds, values)
    start, end = _best_run(values)
    if start == end:
        return Body([], [], 0, 0)
    start, end = _extend_over_lists(lines, kinds, start, end)
    kept, headings = _keep(lines, kinds, start, end)
    return Body(kept, headings, start, end)


def _value(line: Line, kind: Kind, repeats: Counter[str]) -> float:
    if kind is Kind.PROSE:
        value = min(line.chars, 1200) / 10 if not line.uncased else min(line.chars, 600) / 5
    elif kind is Kind.NEAR:
        value = line.chars / 25 if not line.uncased else line.chars / 12
    else:
        value = _VALUES[kind]
    if repeats[line.key] > 1 and kind in (Kind.PROSE, Kind.NEAR):
        value = min(value, 0.0) - 2.0
    return value


def _credit_tables(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
    """Give the rows of a long table or numbered list a little value of their own.

    A results table or a list of dates can be the story itself; its rows
    are short, so without this the run search would prefer any teaser block.
    """
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and kinds[j] is not Kind.CLUTTER and _row_like(lines[j], True):
            j += 1
        if j - i >= TABLE_ROWS:
            for k in range(i, j):
                values[k] = max(values[k], lines[k].chars / ROW_CHARS)
        i = max(j, i + 1)


def _credit_datelines(lines: list[Line], kinds: list[Kind], values: list[float]) -> None:
    """A paragraph opening with a dateline ("LOS ANGELES (AP) —") starts a story."""
    for i, line in enumerate(lines):
        if kinds[i] in (Kind.PROSE, Kind.NEAR, Kind.SHORT) and _DATELINE.match(line.text):
            values[i] = max(values[i], 0.0) + DATELINE_VALUE


def _damp_isolated(lines: list[Line], values: list[float], kinds: list[Kind]) -> list[float]:
    """Count a paragraph with no prose on either side for less.

    A story's paragraphs come in runs; a lone paragraph between headlines,
    dates and author names is a teaser card. Clutter (an ad label) between
    two paragraphs does not separate them. A long lone paragraph is no
    teaser and keeps its value.
    """
    story = [i for i, kind in enumerate(kinds) if kind is not Kind.CLUTTER]
    out = list(values)
    for n, i in enumerate(story):
        if kinds[i] is not Kind.PROSE:
            continue
        before = kinds[story[n - 1]] if n > 0 else Kind.SHORT
        after = kinds[story[n + 1]] if n + 1 < len(story) else Kind.SHORT
        if before is Kind.SHORT and after is Kind.SHORT and lines[i].chars < TEASER_CHARS:
            out[i] *= ISOLATED
    return out


def _damp_after_barrier(values: list[float], kinds: list[Kind]) -> list[float]:
    """Count prose after an end-of-story marker for less, once a story has been seen.

    Below "Comments" or "Most read" come teasers that read like prose; a
    story continues past such a marker only if far more prose follows. A
    marker with prose right after it is a box inside the story and ends nothing.
    """
    seen = 0.0
    damped = False
    out = []
    for i, (value, kind) in enumerate(zip(values, kinds, strict=True)):
        if kind is Kind.BARRIER and seen >= STORY_SEEN and not _prose_follows(kinds, i):
            damped = True
        if value > 0:
            seen += value
            if damped:
                value *= DAMPING
        out.append(value)
    return out


def _prose_follows(kinds: list[Kind], i: int) -> bool:
    """Does the story resume right after this marker (an inline "Related" box)?

    It does when two paragraphs in a row follow soon; lone paragraphs
    between links are teasers.
    """
    window = kinds[i + 1: i + 2 + LOOKAHEAD]
    return any(kind is Kind.PROSE and following in _PROSE_KINDS
               for kind, following in zip(window, window[1:], strict=False))


def _extend_over_lists(lines: list[Line], kinds: list[Kind], start: int, end: int
                       ) -> tuple[int, int]:
    """Take in a list or table that begins or ends the story.

    Items and rows are short lines, which cost in the run search, so a story
    ending in a numbered list or opening with a results table loses it. Runs
    of at least `MIN_ROWS` row-shaped lines (numbered or bulleted items,
    links, rows of figures) next to the story are part of it; a lone label
    line between rows ("BOYS SOCCER") is carried along.
    """
    last = _last_row(lines, kinds, end, 1, bullets=True)
    if last is not None:
        end = last + 1
    first = _last_row(lines, kinds, start - 1, -1, bullets=False)
    if first is not None:
        start = first
    return start, end


def _last_row(lines: list[Line], kinds: list[Kind], i: int, step: int, bullets: bool
              ) -> int | None:
    """Walking from `i` by `step`, the farthest line of a run of rows, if there are enough."""
    rows, gap, last = 0, False, None
    while 0 <= i < len(lines) and kinds[i] in (Kind.SHORT, Kind.NEAR, Kind.PROSE):
        if _row_like(lines[i], bullets):
            rows, gap, last = rows + 1, False, i
        elif not gap and lines[i].words <= 6:
            gap = True
        else:
            break
        i += step
    return last if rows >= MIN_ROWS else None


def _row_like(line: Line, bullets: bool) -> bool:
    """An item of a list or a row of a table, as opposed to a menu entry or a headline."""
    text = line.text
    if _URL_LINE.match(text):
        return True
    if _ORDERED.match(text) or (bullets and line.bullet):
        return True
    figures = sum(1 for token in text.split() if any(ch.isdigit() for ch in token))
    return figures >= 2 and line.words >= 3


def _best_run(values: list[float]) -> tuple[int, int]:
    """The start and end (exclusive) of the run with the largest sum (Kadane)."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = value, i
        else:
            total += value
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


def _keep(lines: list[Line], kinds: list[Kind], start: int, end: int
          ) -> tuple[list[Line], list[int]]:
    """Drop clutter inside the region; keep short lines that read as story."""
    kept: list[Line] = []
    headings: list[int] = []
    captions = _captions(lines, start, end)
    i = start
    while i < end:
        kind = kinds[i]
        if i in captions:
            i += 1
            continue
        if kind is Kind.NEAR and i > start and kinds[i - 1] is Kind.BARRIER and not (
                lines[i].ends_sentence):
            i += 1
            continue
        if kind in (Kind.PROSE, Kind.NEAR):
            kept.append(lines[i])
            i += 1
            continue
        if kind is not Kind.SHORT:
            i += 1
            continue
        run_end = i
        while run_end < end and kinds[run_end] is Kind.SHORT:
            run_end += 1
        run = lines[i:run_end]
        after_prose = run_end < end and kinds[run_end] in (Kind.PROSE, Kind.NEAR)
        if sum(1 for line in run if _row_like(line, bullets=True)) >= MIN_ROWS:
            kept.extend(run)
            i = run_end
            continue
        boxed = i > start and kinds[i - 1] is Kind.BARRIER
        listed = not boxed and after_prose and MIN_ROWS <= len(run) <= MAX_ITEMS and all(
            _item_like(line) for line in run)
        for n, line in enumerate(run):
            if _story_short(line, len(run)) or (listed and n > 0):
                kept.append(line)
            elif (len(run) <= 2 or listed) and after_prose and not boxed and _heading_like(line):
                headings.append(len(kept))
                kept.append(line)
        i = run_end
    return kept, headings


def _captions(lines: list[Line], start: int, end: int) -> set[int]:
    """Indices of photo captions and alt texts above the credit lines in a region."""
    captions: set[int] = set()
    for i in range(max(start, 1), end):
        if is_credit_line(lines[i]):
            captions.update(caption_above(lines, i))
    return captions


def caption_above(lines: list[Line], i: int) -> list[int]:
    """The caption, and the alt text above it, of the photo whose credit is line `i`.

    A copied photo is its alt text, its caption and its credit on lines of
    their own. The two lines above a credit go with it when they look the
    part: short, the alt text without a full stop. A full sentence right
    above a credit with no alt text above it is kept, since it is as likely
    the last paragraph before the photo.
    """
    if i < 1:
        return []
    above = lines[i - 1]
    if above.chars >= CAPTION_CHARS or is_credit_line(above):
        return []
    alt = lines[i - 2] if i >= 2 else None
    has_alt = alt is not None and alt.chars < CAPTION_CHARS and not alt.ends_sentence and (
        alt.words <= ALT_WORDS)
    if has_alt:
        return [i - 2, i - 1]
    return [] if above.ends_sentence else [i - 1]


def _story_short(line: Line, run: int) -> bool:
    """A short line that is a sentence of the story (a one-line quote or paragraph)."""
    if line.uncased:
        return line.chars >= 5 and (line.ends_sentence or run <= 3)
    if not line.ends_sentence:
        return False
    if _quoted(line.text[:2]) and line.words >= 2:
        return True
    return line.words >= 3 and line.lower_ratio >= 0.3 and run <= 3


def _item_like(line: Line) -> bool:
    """An item of a list whose bullets the copy lost, not a related-story headline."""
    return not _glued_teaser(line.text) and (line.words <= 4 or line.lower_ratio >= 0.3)


def _heading_like(line: Line) -> bool:
    """A subheading: a few words, no full stop, not a bare link or label."""
    return 1 <= line.words <= 14 and not line.text.endswith((".", ":", "|")) and line.chars >= 4
