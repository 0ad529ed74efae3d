"""Direct quotes and attributions in cleaned paragraphs: who said what.

`find_quotes(paragraphs)` returns the quotes first, then the attribution
phrases, then the quotes inside quotes. The method, one stage a module, in
the order the data flows:

1. `marks`: pair quotation marks into spans (straight, curly, guillemets,
   paragraphs that run on without a closing mark).
2. `context`: mask the quoted words so that cues inside a quote are not read
   as reporting verbs; split sentences; find the cues (`cues` holds the verb
   forms: "said", "told", "according to", ...).
3. `speech`: decide which spans are someone's words rather than titles,
   names, scare quotes or terms.
4. `find`: link each quote to its reporting phrase ("Lavrov said", "said the
   minister"), or carry the speaker over from the quote before it.
5. `subjects`: take the phrase's subject: a name, a description ("the
   minister") or a pronoun.
6. `names` and `resolution`: an index of the people named in the article,
   used to turn a surname, a pronoun or a description into the full name;
   `roles` ties a description ("the actor", "the 56-year-old") to the one
   person whose job, title or age the article set beside their name.
7. `speakers`: every form of one speaker in the article as one row
   (`quoted_speakers`), people and organisations apart from descriptions
   nobody could be named for; `find_quotes` writes each speaker in that form.

Plain regular expressions over one article, about two milliseconds per
thousand words; no language model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.quotes.find import find_quotes

__all__ = ["find_quotes"]


def __getattr__(name: str) -> object:
    """`find_quotes` is imported when first asked for, not with the package: its patterns
    take longer to compile than a Textual app takes to start, and the app's list and
    sidebar need only `speakers` and `names` before any file is cleaned."""
    if name == "find_quotes":
        from reader.quotes.find import find_quotes

        return find_quotes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
