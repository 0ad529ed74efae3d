"""Writers' names out of the raw strings pages give for them.

"By A, Harbour Reporter and B" gives A and B; "Posted by Jane Doe / May 2,
2012" gives Jane Doe; "the CNN Wire Staff" and "NFL.com Staff" are kept as
the organisation that signed the story. What is not a name goes: links,
e-mail addresses and handles, labels ("Topic: Fear"), job titles, generic
accounts ("admin"), and words of a sentence ("I write and edit ...").
"""

from __future__ import annotations

import html
import re

from reader.clean.common import squash

_DATED = re.compile(
    r"(?:\s+(?:on|at|updated|published|posted|about))?[\s,|·•/–—-]+"
    r"(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d)",
    re.I,
)
"""Where a byline's date begins: "Jane Doe on Aug 9, 2012", "Jane Doe | 16 hours ago"."""
_DATE_FIRST = re.compile(r"^[^A-Za-z]*(?:[A-Za-z]{3,9}\.?\s+)?\d.*?\s(?=by\s)", re.I)
"""A date printed before the byline: "Aug 09 1:44p by Jane Doe"."""
_JOINED = re.compile(r"\band\b|&", re.I)
_DASHES = re.compile(r"^[\s\-–—·•|]+")
_OUTLETS_OWN = re.compile(r"^(?:[A-Z][\w.]*\s){0,2}[A-Z][\w.]*(?:'s|’s|'|’)\s+(?=[A-Z])")
"""An outlet's possessive before its reporter's name: "NBC's Kristen Welker"."""
_NAME_SPLIT = re.compile(
    r"\s*(,|;|\||&|\s/\s|\band\b|(?<=[a-z]{2})/(?=[A-Z])|(?<=\w\w\w)\.\s+(?=\w\w))\s*", re.I
)
"""Between names, or between a name and its role: "A and B", "A / Editor", "A/Metro Desk".

Split with the separators kept: names sit at even places, separators between them."""
_BY = re.compile(
    r"^\s*(?:(?:\w+\s+)?by|von|par|por|text|texte|текст|автор|author)\s*[:\-]?\s+", re.I
)
_NOT_A_NAME = re.compile(
    r"https?:|www\.|(?<!\s)@|@(?!\s)|\d|/|[\[\](){}<>:=#®™©]|\bfor\b|\.(?:html?|php|aspx?)\b",
    re.I,
)
_LINK = re.compile(r"\S*(?:https?://|www\.)\S*", re.I)
_DOMAIN = re.compile(r"^[A-Za-z][\w-]*\.(?:com|net|org|info|biz|co\.uk|ca|us)$", re.I)
"""A site's domain standing as its name ("CBSNews.com"), which is how some sites sign."""
_DAY_OR_MONTH = re.compile(
    r"\s+(?:(?:on|at)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$|"
    r"\s+(?:(?:on|at)\s+)?(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december)\b.*$",
    re.I,
)
_JOB_TITLE = re.compile(
    r"\b(?:reporter|editor|correspondent|writer|columnist|contributor|producer|staff|analyst|"
    r"chief|bureau|desk|photographer|journalist|critic|newsroom|team|updated|published|posted|"
    r"publisher|founder|president|director|manager|officer|intern|engineer|scientist|designer|"
    r"developer|consultant|strategist|specialist|coordinator)s?\b",
    re.I,
)
"""Words that make a byline part a role ("Education Reporter"), not a person."""
_OUTLET_STAFF = re.compile(
    r"^(?:the\s+)?([^\s/–—]+(?:\s[^\s/–—]+){0,3})\s+(?:staff|team|desk|newsroom|wire)$", re.I
)
"""A story signed by an outlet's staff: "the CNN Wire Staff", "The Metro Desk"."""
GENERIC_NAMES = frozenset(
    (
        "admin",
        "administrator",
        "webmaster",
        "guest",
        "guest author",
        "anonymous",
        "user",
        "author",
        "authors",
        "editor",
        "staff",
        "name",
        "view profile",
        "unknown",
        "by",
        "posted",
        "tweet",
        "share",
        "email",
        "e-mail",
        "print",
        "follow",
        "like",
        "comments",
        "more",
        "contact",
        "about",
    )
)
"""Accounts and labels that stand where a name would, and name nobody."""
_PARTICLES = frozenset(
    "de da del della der den di du dos la le van von ter ten bin ibn al el st st. y e @".split()
)
AGENCIES = {
    "reuters",
    "ap",
    "afp",
    "associated press",
    "bloomberg",
    "dpa",
    "pa",
    "upi",
    "efe",
    "ansa",
    "kyodo",
    "xinhua",
    "press association",
    "agence france-presse",
    "staff",
    "cnn",
    "bbc",
}
"""Wire agencies and newsrooms: the author when alone, the employer after a name."""
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 60


def byline_names(values: list[str], strict: bool = False) -> list[str]:
    """Names out of raw author strings; `strict` for text that may not be a byline at all.

    Strict names are people's names as a byline prints them: capitalised
    words, or a domain or an outlet's staff; a lone lower-case handle is not.
    """
    names: list[str] = []
    seen: set[str] = set()
    for value in values:
        for name in _value_names(value, strict):
            if name.lower() not in seen:
                seen.add(name.lower())
                names.append(name)
    if any(" " in name for name in names):
        # "Jane Doe, CNN" or "Jane Doe, MS, RD": lone words beside a full name are
        # outlets and credentials, not co-authors.
        names = [name for name in names if " " in name]
    people = [name for name in names if name.lower().removeprefix("the ") not in AGENCIES]
    names = people or names  # "By Pete Yost, Associated Press": the agency employs him
    return [name for name in names if not _joins_others(name, names)]


def _value_names(value: str, strict: bool) -> list[str]:
    """The names in one author string, its links, date and "By" taken off."""
    text = _LINK.sub(",", squash(html.unescape(value)))
    text = _DATED.split(_DATE_FIRST.sub("", _DASHES.sub("", text)), maxsplit=1)[0]
    text = _BY.sub("", text)
    if ":" in text:
        return []  # "Topic: Fear & Anxiety", "Filed under: News": a label and its value
    names = []
    pieces = _NAME_SPLIT.split(text)
    after_role = False
    for index in range(0, len(pieces), 2):
        part = pieces[index]
        if _reads_as_prose(part):
            break  # "Jane, filed under Harbour & Coast": the byline has ended
        if after_role and not _JOINED.search(pieces[index - 1]):
            continue  # "Jane Doe, Reporter, The Courier": her employer, not a co-author
        name = _as_name(part, strict)
        after_role = name is None and bool(_JOB_TITLE.search(part))
        if name:
            names.append(name)
    if len(names) > 1 and not any(" " in name for name in names) and not _JOINED.search(text):
        return []  # "WESTPORT, Wash.": a dateline's place, not two writers
    return names


def _as_name(part: str, strict: bool) -> str | None:
    """One name, tidied, or None when the part is a role, a label, a link or a sentence."""
    name = _DAY_OR_MONTH.sub("", _OUTLETS_OWN.sub("", _BY.sub("", part))).strip(" .:-–—")
    if not (2 <= len(name) <= MAX_NAME_CHARS) or len(name.split()) > MAX_NAME_WORDS:
        return None
    if name.lower() in GENERIC_NAMES:
        return None
    if _DOMAIN.match(name):
        return name
    signed = newsroom(name)
    if signed:
        return signed
    if _NOT_A_NAME.search(name) or _JOB_TITLE.search(name):
        return None
    if " " in name and not _named(name):
        return None
    if strict and not name[:1].isupper():
        return None
    if name.isupper() and len(name) > 4:  # "MEG KINNARD" as wire bylines shout it
        name = name.title()
    return name


def reads_as_role(part: str) -> bool:
    """Does a part of a byline name a job ("Product Manager", "Staff Writer"), not a person?"""
    return _JOB_TITLE.search(part) is not None


def newsroom(text: str) -> str | None:
    """ "CNN Wire Staff" from "the CNN Wire Staff": an outlet's staff signing a story."""
    outlet = _OUTLET_STAFF.match(text.strip())
    if outlet and _named(outlet.group(1)) and not _JOB_TITLE.search(outlet.group(1)):
        return squash(text.strip()[outlet.start(1) :])
    return None


def _reads_as_prose(part: str) -> bool:
    """Two or more words starting with a lower-case word that is no particle of a name."""
    words = part.split()
    return (
        len(words) >= 2
        and words[0].islower()
        and words[0] not in _PARTICLES
        and not _OUTLET_STAFF.match(part.strip())
    )


def _named(text: str) -> bool:
    """Do the words read as a name: each capitalised, or a particle ("de", "van")?"""
    words = text.split()
    return bool(words) and all(
        word[:1].isupper()
        or word.lower() in _PARTICLES
        or _DOMAIN.match(word)
        or not any(char.isalnum() for char in word)  # "PMJS - Coordenadoria de TI"
        for word in words
    )


def _joins_others(name: str, names: list[str]) -> bool:
    """ "Ann Lee Bo Chan" beside "Ann Lee" and "Bo Chan": two links' texts run together."""
    others = [other for other in names if other != name and other in name]
    return len(others) >= 2
