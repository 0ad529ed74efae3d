"""Names in an article: who is a person, their fullest form, and their likely gender.

A speaker is reported as the fullest name the article uses ("Lavrov" ->
"Sergei Lavrov"), without titles ("Israeli Prime Minister Benjamin
Netanyahu" -> "Benjamin Netanyahu"), so the same person is counted once.
Pronouns ("she said") need a gender for each person; it comes from
honorifics, a short list of common first names and, above all, from the
pronouns the article itself uses right after mentioning someone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

_UPPER: Final = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĽŁŃŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
_PLURAL_POSSESSIVE: Final = rf"(?:(?<=s)['’](?=[ \t]+[{_UPPER}]))?"
"""The apostrophe of "Nurses' Union", kept inside the run."""
_TOKEN: Final = (
    rf"(?:[A-Z]\.(?:[A-Z]\.)+|[{_UPPER}][^\W\d_]*"
    rf"(?:['’][{_UPPER}][^\W\d_]+)?(?:-[^\W\d_]+)*{_PLURAL_POSSESSIVE}\.?)"
)
_PARTICLE: Final = r"(?:(?:of\s+the|of|for|de|del|der|van|von|da|la|le|bin|al-?|du|st\.)\s+)"
_FIRST_TOKEN: Final = (
    rf"[{_UPPER}](?<![\w’'-].)(?:\.(?:[A-Z]\.)+|[^\W\d_]*"
    rf"(?:['’][{_UPPER}][^\W\d_]+)?(?:-[^\W\d_]+)*{_PLURAL_POSSESSIVE}"
    rf"\.?)"
)
"""`_TOKEN` with the capital first and the look back after it: a pattern that opens with a
character class lets `re` jump between capitals in C, about five times faster."""
NAME_RUN: Final = re.compile(rf"{_FIRST_TOKEN}(?:[ \t]+{_PARTICLE}?{_TOKEN})*")
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})

FUNCTION_WORDS: Final = frozenset(
    """
the a an but and or so yet however in on at for if when while after before as this that these
those it he she they we i you his her their our my its there here what who why how meanwhile
according critically also still then though although because since until unless once now
later earlier today yesterday tomorrow last next every each some many most more both all
no not nor one two three four five six seven eight nine ten during despite amid among over
another such several few various other others first second third finally
under with without from to by of about into than like even just only instead indeed thus
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december mon tue wed thu fri sat sun jan feb mar
apr jun jul aug sep sept oct nov dec where which whose whom whether let is was are were
do does did has have had will would can could should must might please yes okay oh well
""".split()
)

TITLE_WORDS: Final = frozenset(
    """
president vice secretary state sen senator rep representative gov governor prime minister
foreign defense defence interior finance chancellor mayor judge justice dr mr mrs ms miss
mx prof professor gen general lt col sgt capt captain coach host speaker house attorney
chief executive ceo cfo coo cto director ambassador spokesman spokeswoman spokesperson
insider reporter correspondent editor founder chairman chairwoman chair leader officer
commissioner superintendent lawyer analyst king queen prince princess pope rev reverend
father sister brother saint sir dame lord lady sheriff detective inspector agent deputy
assistant associate senior former acting interim national federal u.s. us uk u.k. un u.n.
eu dl qb wr rb cb lb de dt ol head manager commander admiral major private corporal
sergeant colonel lieutenant marshal premier chief-executive vice-president congressman
congresswoman councilman councilwoman councillor councilor delegate assemblyman
assemblywoman trustee provost dean principal pastor rabbi imam bishop cardinal archbishop
physician surgeon nurse detective-inspector constable chancellor-elect president-elect
administrator prosecutor prosecution solicitor auditor treasurer comptroller registrar
ombudsman envoy emeritus economist strategist historian researcher scientist
""".split()
)

ORG_WORDS: Final = frozenset(
    """
ministry department commission league office council coalition nations union agency
institute university college school party court police committee association house
government bank group company inc corp corporation ltd llc times news post press
foundation board federation equities center centre service services fund forum
organization organisation administration bureau senate congress parliament army navy
force forces network team club authority authorities council assembly embassy consulate
hospital clinic airlines airways motors media journal gazette tribune herald telegraph
guardian reuters bloomberg cnn bbc nbc abc cbs fox npr ap afp pentagon kremlin twitter
facebook google apple amazon microsoft partners capital holdings securities research
institution society trust alliance front movement campaign project program programme
productions records entertainment studios pictures labs systems technologies industries
label foods brands energy pharmaceuticals therapeutics communications
""".split()
)

ORG_HEADS: Final = frozenset(
    """
company firm group label organisation organization agency ministry department body bank
club team network party union authority council government institute university charity
business retailer carrier airline studio publisher outlet newspaper paper broadcaster
regulator watchdog startup start-up manufacturer maker giant operator provider coalition
association federation board commission office
""".split()
)
"""Heads of descriptions that stand for an organisation: "the production company said"."""

MALE_NAMES: Final = frozenset(
    """
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
vincent ralph eugene russell bobby mason philip louis mike tom bill bob jim tim ben sam
joel ian owen martin ted cam derek harry oliver jamie charlie lebron kobe vladimir sergei
boris emmanuel xi narendra recep ali mohammed muhammad ahmed omar hassan ashraf ayman
antonio carlos luis pedro miguel francisco giuseppe hans klaus pierre jean jacques
francois luc marco luca matteo ivan dmitri alexei nikolai igor andrei rafael novak roger
""".split()
)

FEMALE_NAMES: Final = frozenset(
    """
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn
judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
kathryn janice jean abigail alice julia judy sophia grace denise amber doris marilyn
danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis
lori jessie caitlyn kate katie hillary theresa angela ilhan nancy kamala greta ursula
christine marine giorgia jacinda sanna nicola liz priti yvette emmanuelle ines sofia
elena olga natalia irina svetlana fatima aisha leila mariam meryl oprah serena venus
""".split()
)

FEMALE_HEADS: Final = frozenset(
    """
woman actress mother wife daughter sister girl lady queen grandmother widow chairwoman
congresswoman spokeswoman businesswoman sportswoman councilwoman aunt niece princess
""".split()
)
MALE_HEADS: Final = frozenset(
    """
man father husband son brother boy king grandfather widower chairman congressman spokesman
businessman sportsman councilman uncle nephew prince
""".split()
)
"""Nouns that say a person's gender: as a description's head ("the widow said") or
written right before a name ("widow Terry Strada"), they count as much as "Mr" or "Ms"."""

_MALE_KIN: Final = frozenset(head for head in MALE_HEADS if not head.endswith("man"))
"""Male nouns that say "he" before a name ("son Eric Trump"); "-man" jobs are also written
for women ("Trump spokesman Hope Hicks"), so they prove nothing; their female forms do."""
_COMMA_CLOSE: Final = (",”", ',"', ",’’", ",''")
"""A quote closed on a comma: the sentence goes on ("“I would,” Melanie said")."""
_I: Final = "[iIıİ]"
_S: Final = "[sSſ]"
_HE_OR_SHE: Final = re.compile(
    rf"[hHsSſ](?<!\w.)(?:(?<=[hH])(?:([eE]|{_I}[mM]|{_I}{_S}|{_I}[mM]{_S}[eE][lL][fF])"
    rf"|[eE][rR]|[eE][rR]{_S}|[eE][rR]{_S}[eE][lL][fF])|(?<={_S})[hH][eE])\b"
)
r"""he, him, his, himself (group 1), she, her, hers, herself, as whole words in any case:
`\b(?:(he|him|his|himself)|she|her|hers|herself)\b` with `re.I`, written out letter by
letter (with the letters `re.I` also takes for i and s) so that it opens with a class of
characters, which `re` looks for in C instead of trying the pattern at every character."""
_MALE_HONORIFICS: Final = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
_FEMALE_HONORIFICS: Final = frozenset(
    {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"}
)


_HONORIFICS: Final = _MALE_HONORIFICS | _FEMALE_HONORIFICS
_JOB_ENDINGS: Final = ("er", "or", "ist", "ian", "man")
"""Endings of lower-case job nouns: "pollster", "developer", "activist", "historian"."""
_AGE_AFTER: Final = re.compile(r",\s+(?:\d{1,3},|an?\s+\d{1,3}-year-old\b)")
"""An age set after a name: ", 35," or ", a 33-year-old"."""
_TITLE_GENDER: Final = {"mr": 1, "mrs": -1, "ms": -1, "miss": -1}
"""The honorifics that say one person's gender and nothing else (not "King", a surname too)."""


@lru_cache(maxsize=8192)
def _plain(token: str) -> str:
    return token.lower().rstrip(".").replace("’", "'")


_ABBREVIATIONS: Final = frozenset(
    """
mr mrs ms dr sen rep gov gen lt col sgt capt prof st jr sr rev mt ft no vs
""".split()
)


_OPENING_FUNCTION_WORDS: Final = frozenset(
    word.capitalize() for word in FUNCTION_WORDS if word.isascii()
) | {"I"}
"""Function words as they open a sentence ("The", "But"): found as a set's member, before
the lower-case test every other word needs."""
_NOT: Final = ("’t ", "'t ", "’t,", "'t,", "’t?", "'t?", "’t.", "'t.")
"""What follows a contraction's "n" ("Don’t", "Isn’t"), which `NAME_RUN` ends before."""


def _job_word(word: str) -> bool:
    """Whether a word is a lower-case job noun or title ("pollster", "governor")."""
    return word in TITLE_WORDS or (
        len(word) >= 4
        and word.endswith(_JOB_ENDINGS)
        and word.isascii()
        and word.isalpha()
        and word.islower()
        and word not in FUNCTION_WORDS
    )


def name_runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised words as (start, end, tokens), split where a sentence ends.

    Leading function words ("The", "But") are dropped; "W." and "Jr." stay
    inside a run, "Today." followed by a new sentence does not.
    """
    runs: list[tuple[int, int, list[str]]] = []
    append = runs.append
    for match in NAME_RUN.finditer(text):
        run = match[0]
        if " " not in run and "\t" not in run:
            if run[-1] != ".":  # one word, two runs in three: kept, or a function word dropped
                if run[-1] == "n" and text.startswith(_NOT, match.end()):
                    continue  # "Don’t", "Isn’t": a contraction opening a sentence, no name
                if run not in _OPENING_FUNCTION_WORDS and run.lower() not in FUNCTION_WORDS:
                    append((*match.span(), [run]))
                elif run in SURNAMES_TOO:
                    append((*match.span(), [run]))  # "May" is a name if one has it
                continue
        elif (
            run[0] == "S"
            and run.startswith(("Said ", "Says "))
            and _inverted_cue(text, *match.span())
        ):
            runs.append((match.start() + 5, match.end(), run[5:].split()))
            continue
        words = run.split()
        if "." not in run and _LINKS.isdisjoint(words) and _plain(words[0]) not in FUNCTION_WORDS:
            runs.append((*match.span(), words))  # "Sergei Lavrov": nothing to cut
            continue
        before_multi = len(runs)
        at = match.start()
        start = at
        tokens: list[str] = []
        for token in words:
            at = text.index(token, at)
            if not tokens:
                if _plain(token) in FUNCTION_WORDS and not (
                    token == "Will" and len(words) > 1 and not _opens(text, at)
                ):
                    at += len(token)
                    continue
                start = at
            tokens.append(token)
            at += len(token)
            if (
                token[-1] == "."
                and len(token) > 2
                and "." not in token[:-1]
                and (_plain(token) not in _ABBREVIATIONS)
            ):
                tokens[-1] = token[:-1]  # the sentence's full stop, not part of the name
                runs.append((start, at - 1, tokens))
                tokens = []
        if tokens:
            runs.append((start, match.end(), tokens))
        if (
            len(runs) > before_multi
            and not _LINKS.isdisjoint(words)
            and any(  # cheap test first
                token in _LINKS for run in runs[before_multi:] for token in run[2]
            )
        ):
            runs[before_multi:] = [
                piece for run in runs[before_multi:] for piece in _split_linked(text, run)
            ]
    if len(runs) > 1 and " and " in text:
        return _join_organisations(text, runs)
    return runs


def _join_organisations(
    text: str, runs: list[tuple[int, int, list[str]]]
) -> list[tuple[int, int, list[str]]]:
    """Runs joined by "and" that name one organisation, as one run: "National Oceanic and
    Atmospheric Administration", "Port Authority of New York and New Jersey". Otherwise the
    speaker of "the Port Authority of New York and New Jersey said" is "New Jersey"."""
    joined = [runs[0]]
    for run in runs[1:]:
        start, end, tokens = joined[-1]
        if (
            run[0] - end == 5
            and text.startswith(" and ", end)
            and _one_organisation(tokens, run[2])
        ):
            joined[-1] = (start, run[1], [*tokens, "and", *run[2]])
        else:
            joined.append(run)
    return joined


def _one_organisation(first: list[str], second: list[str]) -> bool:
    """Whether "FIRST and SECOND" is one organisation's name: the second part ends the name
    with an organisation's word ("… and Atmospheric Administration"), or the first is an
    organisation "of" something ("Department of Health and Human Services"); never when a
    title or a given name shows a person ("Human Services Secretary Alex Azar"), nor when
    the second part is one word ("the Bank of England and Barclays")."""
    if _first_name_gender(first[0]) or _first_name_gender(second[0]):
        return False
    if any(_plain(token) in TITLE_WORDS for token in second):
        return False
    if len(second) < 2:
        return False  # "the Bank of England and Barclays": two
    if _plain(second[-1]) in ORG_WORDS:
        return True
    link = next((n for n, token in enumerate(first) if token in ("of", "for")), 0)
    return link > 0 and is_org(first[:link])


_LINKS: Final = frozenset({"of", "for", "the"})


_DETERMINER_BEFORE: Final = re.compile(r"(?:^|\s)(?:[Tt]he|an?|An?)\s+$")
_NOUN_AFTER: Final = re.compile(r"['’]?\s+([a-z][a-z-]*)")
_MODIFIED_NOUNS: Final = frozenset({"campaign", "administration", "aide", "aides", "camp"})
_DETERMINER_ENDS: Final = ("he ", "a ", "n ", "A ")
_DETERMINER_TAILS: Final = frozenset({"e ", "a ", "n ", "A "})
"""The last two characters of `_DETERMINER_ENDS`: one slice and a set, cheaper than
`endswith` with bounds, rules out most names at once."""


def _modifier(text: str, start: int, end: int) -> bool:
    """Whether a name is only a modifier between a determiner and a title or organisation
    noun ("the Vermont senator", "the Trump campaign"): a description of someone else."""
    if not _DETERMINER_BEFORE.search(text, max(0, start - 5), start):
        return False
    noun = _NOUN_AFTER.match(text, end)
    if noun is None:
        return False
    word = noun.group(1)
    return word in TITLE_WORDS or word in ORG_HEADS or word in _MODIFIED_NOUNS


def _inverted_cue(text: str, start: int, end: int) -> bool:
    """Whether "Said" or "Says" opening a run opens its sentence as the cue of the quote
    the run's name introduces ("Said Romney: “…”", "Says Ruiz, “…”"), or closes a clause
    read alone."""
    return _opens(text, start) and text[end : end + 3].lstrip(" ")[:1] in (":", ",", "")


def _opens(text: str, at: int) -> bool:
    """Whether a word at `at` opens its sentence (where a capital proves nothing)."""
    before = text[:at].rstrip(" \t“\"‘'(")
    return not before or before[-1] in ".!?:;"


def _split_linked(text: str, run: tuple[int, int, list[str]]) -> list[tuple[int, int, list[str]]]:
    """Split "Martin Taylor of Aberdeen" at "of"; keep "Secretary of State", "Bank of Japan"."""
    start, end, tokens = run
    if not any(token in _LINKS for token in tokens):
        return [run]
    current: list[str] = []
    for position, token in enumerate(tokens):
        if (
            token in ("of", "for")
            and len(current) >= 2
            and (_plain(current[-1]) not in ORG_WORDS and _plain(current[-1]) not in TITLE_WORDS)
        ):
            piece_end = text.index(current[-1], start) + len(current[-1])
            rest = tokens[position + 1 :]
            while rest and rest[0] in _LINKS:
                rest.pop(0)
            if not rest:
                return [(start, piece_end, current)]
            rest_start = text.index(rest[0], piece_end)
            return [(start, piece_end, current), *_split_linked(text, (rest_start, end, rest))]
        current.append(token)
    return [run]


def strip_titles(tokens: list[str]) -> list[str]:
    """The name part of a run: the longest tail free of titles and acronyms."""
    return list(_strip_titles(tuple(tokens)))


DEMONYMS: Final = frozenset(
    """
american republican democratic democrat conservative liberal labour libertarian progressive
independent socialist communist gop british english french german russian chinese
japanese korean mexican canadian cuban israeli palestinian iranian iraqi syrian afghan
pakistani indian saudi turkish ukrainian european african asian arab muslim christian jewish
catholic evangelical hispanic latino latina italian spanish australian brazilian egyptian
venezuelan scottish irish welsh dutch swedish polish greek nigerian kenyan western eastern
northern southern
""".split()
)
"""Nationality, party and faith adjectives: capitalised, never a speaker's name on their own
("the American said", "Democratic Sen. Ana Ruiz")."""


_NOT_NAME_WORDS: Final = TITLE_WORDS | FUNCTION_WORDS | DEMONYMS


def _stops_name(token: str, plain: str) -> bool:
    """A title, a function word, an adjective of nationality or party, or an acronym: the
    name, read backwards, ends before it."""
    if plain in _NOT_NAME_WORDS:
        return True
    bare = token.rstrip(".")
    if len(plain) > 1 and bare.isupper() and "." not in bare:
        return True  # acronyms: NFL, DL, CBS
    return "." in bare and token.isupper()  # U.S., U.N.


_NUMBER_WORDS: Final = frozenset("one two three four five six seven eight nine ten".split())
"""Number words, function words elsewhere, that may close a name ("Channel Nine")."""
_PARTICIPLE: Final = re.compile(r"^[a-z]{3,}(?:ing|ed)$")


@lru_cache(maxsize=4096)
def _strip_titles(tokens: tuple[str, ...]) -> tuple[str, ...]:
    if len(tokens) == 1:  # most runs are one word: kept whole, or nothing is left
        token = tokens[0]
        plain = _plain(token)
        if plain not in _SUFFIXES and _stops_name(token, plain) or token.islower():
            return ()
        return tokens
    name: list[str] = []
    words = 0
    """Tokens of the name other than suffixes ("Jr"): four at most."""
    for position in range(len(tokens) - 1, -1, -1):
        token = tokens[position]
        plain = _plain(token)
        if plain in _SUFFIXES and not name:
            name.append(token)
            continue
        if (
            _stops_name(token, plain)
            and (name or plain not in DEMONYMS)  # "Mark Cuban" keeps his surname
            and not (not name and position and plain in _NAMES_TOO and _given(tokens[position - 1]))
            and not (
                words == 0
                and position
                and plain in TITLE_WORDS
                and (name or _first_name_gender(tokens[position - 1]))
            )  # "Howard Dean" after a given name; "Martin Luther King Jr.": a title is never
            # followed by "Jr.", so before one it is a surname
            and not (name and position == 0 and token == "Will")  # "Will Doyle" inside a sentence
            and not (
                not name
                and position
                and plain in _NUMBER_WORDS
                and not _stops_name(tokens[position - 1], _plain(tokens[position - 1]))
            )  # "Channel Nine": a number closing a name is part of it
        ):
            break
        name.append(token)
        if plain not in _SUFFIXES:
            words += 1
            if words >= 4:
                break
    name.reverse()
    while name and name[0].islower():
        name.pop(0)
    if len(name) >= 3 and _first_name_gender(name[1]) and not _first_name_gender(name[0]):
        name.pop(0)  # "Billionaire Mark Cuban": a known first name opens the name
    elif len(name) >= 4 and not _first_name_gender(name[0]) and not _first_name_gender(name[1]):
        for given in range(2, len(name) - 1):  # "Post Editor-in-Chief Martin Baron"
            if _first_name_gender(name[given]) and not is_org(name[given:]):
                return tuple(name[given:])  # "Senate Majority Whip John Cornyn"
    return tuple(name)


def _surname(name: tuple[str, ...]) -> str:
    """The plain surname of a full name: its last word, or the one before a "Jr."."""
    surname = _plain(name[-1])
    return _plain(name[-2]) if surname in _SUFFIXES and len(name) > 1 else surname


_SPEAKING: Final = re.compile(r"[\"“”]|\b(?:said|says|told|tells)\b")
"""A paragraph where someone speaks: a relative named there may be the one the surname
then stands for."""


def _doubled(name: tuple[str, ...]) -> bool:
    """Whether a word follows itself, as where a caption runs into the next sentence."""
    previous = None
    for word in name:
        if word == previous:
            return True
        previous = word
    return False


def _same_people(names: dict[str, list[int]]) -> dict[str, list[int]]:
    """Full names sharing a surname, merged where one given name is the other or opens it
    ("Barack Obama", "Barack Hussein Obama"; "Pat Carlineo", "Patrick Carlineo Jr."), under
    the form written most, the longest of those."""
    groups: list[list[str]] = []
    for full in sorted(names, key=len, reverse=True):
        given = _plain(full.split()[0])
        group = next((g for g in groups if _plain(g[0].split()[0]).startswith(given)), None)
        if group is None:
            groups.append([full])
        else:
            group.append(full)
    merged: dict[str, list[int]] = {}
    for group in groups:
        most = max(group, key=lambda full: (len(names[full]), len(full)))
        merged[most] = [number for full in group for number in names[full]]
    return merged


def _glued(name: tuple[str, ...]) -> bool:
    """Whether a name of two words or more opens with a capitalised participle, which may
    be glued to it at a sentence start ("Hosting Cook") or part of it ("United States")."""
    return (
        len(name) >= 2
        and name[0][-1:] in ("g", "d")  # a cheap look at the last letter rules most names out
        and name[0].endswith(("ing", "ed"))
        and _PARTICIPLE.search(_plain(name[0])) is not None
    )


_NAMES_TOO: Final = frozenset({"may", "will", "june", "april"})
"""Function words that are also names: a surname after a given name ("Theresa May", "George
Will"), and "Will" as a given name inside a sentence ("said Will Doyle")."""
SURNAMES_TOO: Final = frozenset({"May", "Will"})
"""Written alone, these stand for a person only where the article names one "Theresa May"."""


def _given(token: str) -> bool:
    """Whether a token before a surname can be a given name: capitalised, not a title, not a
    function word ("in May" is a month, "Theresa May" a name)."""
    plain = _plain(token)
    return token[:1].isupper() and not _stops_name(token, plain)


def given_name_gender(name: str) -> int:
    """+1 or -1 when a name opens with a given name of one gender ("Hillary Clinton"), else 0."""
    return _first_name_gender(name)


def _first_name_gender(name: str) -> int:
    first = _plain(name.split()[0])
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return 1
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return -1
    return 0


_PARENTHESIS: Final = re.compile(r"\s*\([^()]*\)")
_SENTENCE_REACH: Final = 200
"""How far back a sentence's start is looked for."""


_ARTICLES: Final = frozenset({"a", "an", "the"})
_RARER_STOPS: Final = ("? ", "! ", "” ", '" ')
"""Ends of a sentence before a name, other than ". " (see `opens_sentence`)."""


def opens_sentence(text: str, offset: int) -> bool:
    """Whether a name at `offset` is its sentence's subject: it opens the sentence, perhaps
    after titles ("Former minister Ana Ruiz"), a parenthesis ("Sen. Ruiz (D-Ore.)") or an
    adverbial clause set off by a comma ("In her reply to the board, Ruiz said")."""
    head = text[offset - _SENTENCE_REACH if offset > _SENTENCE_REACH else 0 : offset]
    cut = head.rfind(". ")
    for stop in _RARER_STOPS:
        if stop in head:  # most heads have none: `in` is cheaper than `rfind`
            found = head.rfind(stop)
            cut = found if found > cut else cut
    if cut < 0 and offset > _SENTENCE_REACH:
        return False
    head = (head[cut + 2 :] if cut >= 0 else head).strip(' “"')
    if "(" in head:
        head = _PARENTHESIS.sub("", head)
    words = head.split()
    if not words:
        return True
    if words[-1].lower() in _ARTICLES:
        return False  # "A Veltrix spokeswoman said", "the Dragon Waiting": no person's subject
    if head[-1:] == ",":
        return len(words) <= 5 or adverbial_clause(words)
    if "," in head:
        clause, _, rest = head.rpartition(",")
        words = rest.split()
        if not words or not adverbial_clause(clause.split()):
            return False
    # "Her classmate Devon Price was …", "Former minister Ana Ruiz said …"
    if len(words) <= 3 and words[0][:1].isupper():
        if words[0].lower() in _SUBJECT_PRONOUNS:
            return False  # "He had booed Trump": the pronoun is the subject
        if words[0].endswith("ing") and any(word.islower() for word in words[1:]):
            return False  # "Choosing between Clinton …": the gerund is the subject
        return words[0].lower() in FUNCTION_WORDS or not any(
            _VERB_FORM.match(word) or word in FUNCTION_WORDS and word not in _IN_A_TITLE
            for word in words[1:]
        )
    return all(word[:1].isupper() for word in words)


_VERB_FORM: Final = re.compile(r"(?:[a-z]+ed|said|says|told|tells|wrote|writes|thinks|thought)$")
"""A verb after the sentence's first word: the name after it is its object ("Ruiz said
Marsh's plan …"), not the subject."""
_IN_A_TITLE: Final = frozenset({"of", "for", "the", "and"})
"""Lower-case words inside a title or beside another subject ("Secretary of State", "Ruiz
and"); any other function word after the first ("Ruiz went after Marsh") ends the subject."""


_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i"})


PAST_PARTICIPLES: Final = frozenset(
    """
written taken given spoken chosen driven broken shown known seen drawn grown thrown sworn
hidden stolen forgotten beaten fallen ridden risen shaken frozen forbidden undertaken
""".split()
)
"""Participles not ending in -ed that open a sentence as "Asked" does: "Written “at this
time of crisis,” the statement …" (a word of these is no name)."""


def adverbial_clause(words: list[str]) -> bool:
    """Whether the words before a comma are an adverbial clause or phrase ("In his reply to
    the board", "Asked about the vote", "Earlier"), not a clause with its own subject ("On
    Friday she met her rival,")."""
    if not words:
        return False
    first = words[0].lower().strip(",")
    if first not in FUNCTION_WORDS and not (
        first.endswith(("ing", "ed", "ly")) and first.isalpha() or first in PAST_PARTICIPLES
    ):
        return False
    return _SUBJECT_PRONOUNS.isdisjoint(word.lower() for word in words)


def clear_caches() -> None:
    """Forget cached token lookups (for benchmarks that must time unseen names)."""
    _plain.cache_clear()
    _strip_titles.cache_clear()


def is_org(tokens: list[str] | tuple[str, ...]) -> bool:
    """Whether a run names an organisation ("Electoral Commission", "The Pentagon")."""
    return not ORG_WORDS.isdisjoint(map(_plain, tokens))


PLACE_OPENERS: Final = frozenset(
    "new north south east west san santa los las fort port lake mount mt cape puerto".split()
)
"""First words of place names that are never a given name ("New Hampshire", "Fort Worth")."""
PLACE_HEADS: Final = frozenset(
    """
city county square garden gardens park island islands beach valley street avenue road
boulevard bridge airport station bay coast heights village township district province region
river mountains falls springs harbor harbour canyon day eve year convention
""".split()
)
"""Last words of the names of places and days ("Atlantic City", "Election Day")."""


def is_place(name: str) -> bool:
    """Whether a name of two or three words names a place or a day rather than a person: it
    opens or ends with a word of place names, and no known given name opens it."""
    tokens = name.split()
    return (
        1 < len(tokens) < 4
        and (_plain(tokens[0]) in PLACE_OPENERS or _plain(tokens[-1]) in PLACE_HEADS)
        and not _first_name_gender(tokens[0])
    )


@dataclass(slots=True)
class Mention:
    """Where a person or organisation is named: the key is its fullest form."""

    key: str
    paragraph: int
    start: int
    end: int
    person: bool
    opens: bool | None = None
    """Whether it opens its sentence, once asked (see `NameIndex.is_subject`)."""


@dataclass(slots=True)
class NameIndex:
    """Every name in an article, so short forms and pronouns can find the full one."""

    full_names: dict[str, str] = field(default_factory=dict)
    """Any single name token (lower-case) -> the fullest person name containing it last."""
    gender_votes: dict[str, list[int]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    titles: dict[str, dict[str, int]] = field(default_factory=dict)
    """Title word ("president") -> the people the article gives it to, with counts."""
    titled_people: set[str] = field(default_factory=set)
    mention_paragraphs: list[int] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    by_key: dict[str, list[int]] = field(default_factory=dict)
    """Person -> positions of their mentions in `mentions`, for counting pronoun votes."""
    lower_words: dict[str, bool] = field(default_factory=dict)
    """Whether the article writes a word in lower case, asked per word (see `name_part`)."""
    text: str = ""
    """The paragraphs joined, made when first searched."""
    role_words: dict[int, frozenset[str]] = field(default_factory=dict)
    """Position in `mentions` -> the job, title or age set beside it (see `roles`)."""
    written_in: dict[str, list[int]] = field(default_factory=dict)
    """A job, title or age -> the paragraphs it may be written in (see `roles`)."""
    lowered_text: str = ""
    """Every paragraph in lower case, joined by line breaks (see `lowered_article`)."""
    lowered_starts: list[int] = field(default_factory=list)
    """Where each paragraph starts in `lowered_text`."""
    known: dict[tuple[str, ...], tuple[str | None, bool]] = field(default_factory=dict)
    """Runs already resolved; names repeat, so this saves most of the work."""
    whole_names: set[tuple[str, ...]] = field(default_factory=set)
    """Names opening with a participle that the article writes inside a sentence, where a
    capital shows the participle is part of the name ("the United States", "Jared Kushner")."""
    lone_people: dict[str, bool] = field(default_factory=dict)
    """One-word names found to be people (see `lone_name_person`)."""
    shared_surnames: set[str] = field(default_factory=set)
    """Surnames of people that no one full name stands for (see `_settle_surnames`)."""
    employed: dict[str, bool] = field(default_factory=dict)
    """Names found to have a job or an age written beside them (see `_employed`)."""

    @classmethod
    def build(cls, paragraphs: list[str]) -> NameIndex:
        index = cls(paragraphs=paragraphs)
        runs: list[tuple[int, int, int, tuple[str, ...]]] = []
        people: set[tuple[str, ...]] = set()
        glued: list[tuple[str, ...]] = []
        full_runs: list[tuple[int, tuple[str, ...]]] = []
        lone: dict[str, list[int]] = {}
        for number, text in enumerate(paragraphs):
            for start, end, words in name_runs(text):
                tokens = tuple(words)
                runs.append((number, start, end, tokens))
                if len(tokens) == 1:  # "Obama": a surname used alone (most runs)
                    lone.setdefault(_plain(tokens[0]), []).append(number)
                    continue
                name = _strip_titles(tokens)
                if len(name) >= 3:
                    name = index.name_part(tokens)
                if len(name) == 1:  # "Obama", "President Obama": a surname used alone
                    lone.setdefault(_plain(name[0]), []).append(number)
                if len(name) < 2:
                    continue
                full_runs.append((number, name))
                glued_here = _glued(name)
                if glued_here and (len(name) < len(tokens) or not _opens(text, start)):
                    index.whole_names.add(name)  # capitalised inside a sentence: all one name
                if name not in people:  # adding a person again changes nothing
                    people.add(name)
                    if glued_here:
                        glued.append(name)  # known once every other name is
                    elif not is_org(name):
                        index._add_person(name)
        for name in glued:
            name = index.unglued(name)
            if len(name) >= 2 and not is_org(name):
                index._add_person(name)
        index._settle_surnames(full_runs, lone)
        mentions, known, by_key = index.mentions, index.known, index.by_key
        for number, start, end, tokens in runs:  # every full name is known now
            key, person = known.get(tokens) or index.canonical(tokens)
            if not key:
                continue
            if (
                person
                and paragraphs[number][start - 2 : start] in _DETERMINER_TAILS
                and paragraphs[number].endswith(_DETERMINER_ENDS, max(0, start - 4), start)
                and _modifier(paragraphs[number], start, end)
            ):
                person = False  # "the Vermont senator", "the Trump campaign": not the person
            if person or " " not in key:  # one word may be a surname the article uses alone
                by_key.setdefault(key, []).append(len(mentions))
            if person:
                titles = len(tokens) - len(_strip_titles(tokens)) if len(tokens) > 1 else 0
                if titles:  # "President Joe Biden": the article gives him a title
                    index.titled_people.add(key)
                    for token in tokens[:titles]:
                        counts = index.titles.setdefault(_plain(token), {})
                        counts[key] = counts.get(key, 0) + 1
            mentions.append(Mention(key, number, start, end, person))
        index.mention_paragraphs = [mention.paragraph for mention in mentions]
        index.paragraphs = paragraphs
        return index

    def _add_person(self, name: tuple[str, ...]) -> None:
        if _doubled(name):
            return  # "Sally Ride Ride also found time": a caption run into the next sentence
        full = " ".join(name)
        for token in name:
            plain = _plain(token)
            if plain in _SUFFIXES:
                continue
            known = self.full_names.get(plain)
            if known is None or len(full) > len(known) and full.endswith(known):
                self.full_names[plain] = full
        surname = _plain(name[-1])
        if surname in _SUFFIXES:
            surname = _plain(name[-2])
        known = self.full_names.get(surname)
        if known is None or len(full) > len(known):
            self.full_names[surname] = full

    def _settle_surnames(
        self, full_runs: list[tuple[int, tuple[str, ...]]], lone: dict[str, list[int]]
    ) -> None:
        """Which full name a surname alone stands for, when the article writes it alone.

        None when several people share it ("Bill Clinton", "Hillary Clinton"), or when its
        one full name is first written, outside any quote or "said", after the surname has
        stood alone in two earlier paragraphs: that is someone else ("Michelle Obama" late in
        a story about "Obama"). A surname as written is a better answer than the wrong
        member of a family."""
        found: dict[str, dict[str, list[int]]] = {}
        full_names = self.full_names
        for number, name in full_runs:
            name = self.unglued(name) if _glued(name) else name
            if len(name) < 2:
                continue
            surname = _surname(name)  # asked first: most surnames are never written alone
            if surname not in lone or surname not in full_names or _doubled(name) or is_org(name):
                continue
            found.setdefault(surname, {}).setdefault(" ".join(name), []).append(number)
        for surname, names in found.items():
            if _plain(self.full_names[surname].split()[0]) == surname:
                continue  # also a given name: "Jack" is Jack Dalrymple's beside "Brian Jack"
            people = _same_people(names)
            full, paragraphs = next(iter(people.items()))
            first = min(paragraphs)
            late = bisect_left(sorted(set(lone[surname])), first) >= 2
            if len(people) == 1 and not (late and not _SPEAKING.search(self.paragraphs[first])):
                self.full_names[surname] = full
            else:
                del self.full_names[surname]
                self.shared_surnames.add(surname)

    def canonical(self, tokens: list[str] | tuple[str, ...]) -> tuple[str | None, bool]:
        """A run of capitalised words as (fullest name or organisation, is a person)."""
        key = tuple(tokens)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._canonical(key)
        return found

    def name_part(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """The name in a run, without titles, and without a word opening the run that the
        article also writes in lower case ("Actor Tomas Brenner" beside "the actor"), and
        without a participle glued to it (see `unglued`)."""
        name = self.unglued(_strip_titles(tokens))
        if len(name) >= 3 and not _first_name_gender(name[0]) and self._written_lower(name[0]):
            return name[1:]
        return name

    def unglued(self, name: tuple[str, ...]) -> tuple[str, ...]:
        """The name without a capitalised participle opening it ("Hosting Cook" at a
        sentence start) when the rest is a person the article knows ("Tim Cook") or opens
        with a given name, and the article never writes the whole inside a sentence;
        otherwise the participle belongs to the name ("United States")."""
        if not _glued(name) or name in self.whole_names:
            return name
        rest = name[1:]
        known = self.full_names.get(_plain(rest[-1]))
        if known and known.endswith(" ".join(rest)):
            return rest
        return rest if len(rest) >= 2 and _first_name_gender(rest[0]) else name

    def _written_lower(self, word: str) -> bool:
        """Whether the article also writes this word in lower case, as a whole word."""
        plain = word.lower()
        found = self.lower_words.get(plain)
        if found is None:
            if not self.text:
                self.text = "\n".join(self.paragraphs)
            found = False
            at = self.text.find(plain)
            while at >= 0 and not found:
                end = at + len(plain)
                found = not (at and self.text[at - 1].isalpha()) and not (
                    end < len(self.text) and self.text[end].isalpha()
                )
                at = self.text.find(plain, end)
            self.lower_words[plain] = found
        return found

    def _canonical(self, tokens: tuple[str, ...]) -> tuple[str | None, bool]:
        if len(tokens) == 1:
            return self._canonical_word(tokens[0])
        name = self.name_part(tokens)
        link = None
        if "of" in tokens or "for" in tokens:
            link = next(n for n, t in enumerate(tokens) if t in ("of", "for"))
        if (
            link
            and len(name) < len(tokens) - link
            and _plain(tokens[link - 1]) not in (TITLE_WORDS)
        ):  # "Transport for London": the whole run is the name
            return " ".join(tokens).rstrip("."), False
        if is_org(tokens) and (len(name) < 2 or is_org(name)):
            while tokens and _plain(tokens[0]) in FUNCTION_WORDS:
                tokens = tokens[1:]
            return (" ".join(tokens).rstrip(".") or None), False
        if not name:
            known = self.full_names.get(_plain(tokens[-1]))
            return (known, True) if known else (None, False)  # "Cuban" after "Mark Cuban"
        text = " ".join(name)
        if text[-1:] == "." and len(name[-1]) > 2 and _plain(name[-1]) not in _ABBREVIATIONS:
            text = text[:-1]
        if len(name) >= 2:
            longer = self.full_names.get(_plain(name[-1]))
            if longer and longer.endswith(text) and longer != text:
                return longer, True
            return text, True
        longer = self.full_names.get(_plain(name[0]))
        if longer:
            return longer, True
        # "Prince Andrew", "Dr. Osei": a titled person; "Carlos": a known first name
        return text, len(name) < len(tokens) or _first_name_gender(text) != 0

    def _canonical_word(self, token: str) -> tuple[str | None, bool]:
        """`_canonical` of a run of one word, most runs: the same answers, in fewer steps
        (a single word has no title to strip but itself, no "of" inside, nothing to join)."""
        plain = _plain(token)
        if plain in ORG_WORDS:  # "Pentagon"; a function word alone names nothing
            return (None if plain in FUNCTION_WORDS else token.rstrip(".") or None), False
        if plain not in _SUFFIXES and _stops_name(token, plain) or token.islower():
            known = self.full_names.get(plain)  # a title alone: "Cuban" after "Mark Cuban"
            return (known, True) if known else (None, False)
        longer = self.full_names.get(plain)
        if longer and not self._owner_of(token.rstrip("."), longer):
            return longer, True
        if token[-1:] == "." and len(token) > 2 and plain not in _ABBREVIATIONS:
            token = token[:-1]
        return token, _first_name_gender(token) != 0 or plain in self.shared_surnames

    def _owner_of(self, word: str, longer: str) -> bool:
        """Whether the article writes `word` as the owner of the rest of `longer` ("Samsung's
        Galaxy Tab" beside "Samsung Galaxy Tab"): then the longer name is a thing of the
        word's, a product, and "Samsung said" is the firm's."""
        head, _, rest = longer.partition(" ")
        if head != word or not rest:
            return False
        if not self.text:
            self.text = "\n".join(self.paragraphs)
        return f"{word}'s {rest}" in self.text or f"{word}’s {rest}" in self.text

    def confirmed_person(self, name: str) -> bool:
        """A known first name, a title, a he/she, a job or an age in the article: surely a
        person."""
        votes = self._votes(name)
        return bool(votes[0] or votes[1]) or name in self.titled_people or self._employed(name)

    def _employed(self, name: str) -> bool:
        """Whether the article writes a job word right before the name ("pollster Whit
        Ayres", "Florida developer Mel Sembler") or an age right after it ("Lu Chen, 35,"):
        only people have those."""
        found = self.employed.get(name)
        if found is None:
            found = False
            for position in self.by_key.get(name, ()):
                mention = self.mentions[position]
                text = self.paragraphs[mention.paragraph]
                before = text[max(0, mention.start - 20) : mention.start].split()
                if before and _job_word(before[-1]) or _AGE_AFTER.match(text, mention.end):
                    found = True
                    break
            self.employed[name] = found
        return found

    def lone_name_person(self, key: str) -> bool:
        """Whether a one-word name the index could not call a person ("Obama") is one: written
        capitalised inside a sentence, never in lower case, and called "he" or "she" (a
        capital only at sentence starts, as in "Soon, he left", proves nothing)."""
        found = self.lone_people.get(key)
        if found is None:
            found = self.lone_people[key] = self._lone_name_person(key)
        return found

    def _lone_name_person(self, key: str) -> bool:
        plain = _plain(key)
        if " " in key or is_org((key,)) or _stops_name(key, plain) or _PARTICIPLE.search(plain):
            return False
        if key in self.titled_people:
            return True  # "President Obama" earlier: "Obama said" is that person
        inside = False
        for position in self.by_key.get(key, ()):
            mention = self.mentions[position]
            before = self.paragraphs[mention.paragraph][: mention.start].rstrip()
            if before and (
                before[-1].isalnum() or before[-1] == "," or before.endswith(_COMMA_CLOSE)
            ):
                inside = True
                break
        if not inside or self._written_lower(key):
            return False
        votes = self._votes(key)
        return bool(votes[0] or votes[1])

    def is_subject(self, mention: Mention) -> bool:
        """Whether a mention opens its sentence. Gender votes and pronoun salience both ask
        about the same mentions, so the answer is kept on the mention."""
        if mention.opens is None:
            mention.opens = opens_sentence(self.paragraphs[mention.paragraph], mention.start)
        return mention.opens

    def lowered_article(self) -> tuple[str, list[int]]:
        """The article in lower case, its paragraphs joined by line breaks, and where each
        paragraph starts in it: one search finds a word in every paragraph at once."""
        if self.lowered_starts or not self.paragraphs:
            return self.lowered_text, self.lowered_starts
        if not self.text:
            self.text = "\n".join(self.paragraphs)
        lowered = self.text.lower()
        pieces = self.paragraphs
        if len(lowered) != len(self.text):  # a letter lowers to two ("İ"): paragraph by paragraph
            pieces = [paragraph.lower() for paragraph in self.paragraphs]
            lowered = "\n".join(pieces)
        at = 0
        for piece in pieces:
            self.lowered_starts.append(at)
            at += len(piece) + 1
        self.lowered_text = lowered
        return lowered, self.lowered_starts

    def mentions_between(self, first: int, last: int) -> list[Mention]:
        """Mentions in paragraphs first..last, in reading order (a slice, not a scan)."""
        positions = self.positions_between(first, last)
        return self.mentions[positions.start : positions.stop]

    def positions_between(self, first: int, last: int) -> range:
        """Where the mentions of paragraphs first..last stand in `mentions`."""
        lo = bisect_left(self.mention_paragraphs, first if first > 0 else 0)
        return range(lo, bisect_right(self.mention_paragraphs, last))

    def learn_gender(self, name: str, gender: int) -> None:
        """Remember that the article called this person "he" (+1) or "she" (-1)."""
        self._votes(name)[0 if gender > 0 else 1] += 2

    def titled(self, descriptor: str) -> str | None:
        """The person a bare title stands for: "the president" -> "Donald Trump".

        Only when the article gives that title to exactly one person.
        """
        words = descriptor.lower().split()
        if len(words) < 2 or words[0] != "the" or any(w not in TITLE_WORDS for w in words[1:]):
            return None  # "the president", "the former prime minister"; not "the actor"
        people = self.titles.get(words[-1], {})
        return next(iter(people)) if len(people) == 1 else None

    def titled_gender(self, mention: Mention) -> int:
        """The gender this one mention's own title gives its person: "Mrs. Clinton" is she,
        "Mr. Clinton" he, whatever the article's other people of that surname make the
        name's votes say (see `gender`); 0 when it opens with no such title."""
        text = self.paragraphs[mention.paragraph]
        if text[mention.start : mention.start + 1] == "M":
            opening = _plain(text[mention.start : mention.start + 6].split(None, 1)[0])
            return _TITLE_GENDER.get(opening, 0)
        return 0

    def gender(self, name: str) -> int:
        """+1 male, -1 female, 0 unknown."""
        votes = self._votes(name)
        if votes[0] != votes[1]:
            return 1 if votes[0] > votes[1] else -1
        return _first_name_gender(name)

    def _votes(self, name: str) -> list[int]:
        """How the article refers to a person (+1 votes, -1 votes), counted when first asked.

        A first name from the lists gives two votes; "Mr"/"Ms" before a
        mention or opening it ("Mr. Rubel") three, unless the first name says
        the other gender and the mention lacks it ("Mr. Clinton" beside "Hillary
        Clinton" is another person of the surname); a he/she after a mention
        that opens its sentence one ("Lavrov said he would go" is good evidence,
        "…threatened Omar, and he said…" is not, which is why only sentence
        subjects vote).
        """
        votes = self.gender_votes.get(name)
        if votes is not None:
            return votes
        gender = _first_name_gender(name)
        votes = [2 * (gender > 0), 2 * (gender < 0)]
        self.gender_votes[name] = votes
        for position in self.by_key.get(name, ()):
            mention = self.mentions[position]
            text = self.paragraphs[mention.paragraph]
            before = text[mention.start - 12 if mention.start > 12 else 0 : mention.start].split()
            opening = text[mention.start : mention.start + 6].split(None, 1)[0]
            if opening.rstrip(".").lower() in _HONORIFICS:  # "Mr. Rubel": inside the run
                before = [opening]
            honorific = before[-1].rstrip(".").lower() if before else ""
            same = not gender or name.split()[0] in text[mention.start : mention.end]
            if (honorific in _MALE_HONORIFICS or honorific in _MALE_KIN) and (gender >= 0 or same):
                votes[0] += 3
            elif (honorific in _FEMALE_HONORIFICS or honorific in FEMALE_HEADS) and (
                gender <= 0 or same
            ):
                votes[1] += 3  # "Mr. Clinton" beside "Hillary Clinton" is someone else
            if not self.is_subject(mention):
                continue
            following = self.mentions[position + 1] if position + 1 < len(self.mentions) else None
            stop = len(text)
            if following is not None and following.paragraph == mention.paragraph:
                stop = following.start
            reach = mention.end + 160
            pronoun = _HE_OR_SHE.search(text, mention.end, stop if stop < reach else reach)
            if pronoun:
                votes[0 if pronoun.group(1) else 1] += 1
        return votes
