"""What the text of a speaker label says by itself, before anyone is resolved.

A name or an outlet as the site shows it (:func:`display_name`,
:func:`display_outlet`), an office printed before a name
(:func:`split_office`: "Prime Minister Mark Rutte"), a newsroom's name
rather than a person's (:func:`looks_like_outlet`), and the key labels are
matched by (:func:`slugify`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.directory import proper_case_name, proper_case_title
from generator.directory import slugify as _slugify
from generator.labels.recognisers import ROLE_WORDS
from generator.parsing.bylines import office_and_name

# Labels repeat across a corpus, and python-slugify transliterates every character of each.
slugify = lru_cache(maxsize=1 << 16)(_slugify)

_ACRONYM = re.compile(r"^[A-Z]{2,}$")


def display_name(text: str) -> str:
    """A name as the site shows it: capitals turned into the usual case."""
    text = " ".join(text.split())
    if any(len(word) > 1 and word.isupper() for word in text.split()):
        return proper_case_name(text.upper())
    return text


def display_outlet(text: str) -> str:
    """An outlet as the site shows it: a short acronym as printed, any other name in title case."""
    text = " ".join(text.split())
    if _ACRONYM.match(text.replace(" ", "")) and len(text) <= 6:
        return text  # "CNN", "WSJ": acronyms stay as printed
    return proper_case_title(text)


_OUTLET_WORDS = re.compile(
    r"\b(?:radio|tv|television|t[ée]l[ée]vision|news|agency|press|presse|times|post|journal|daily|gazette|"
    r"channel|broadcasting|media|network|tribune|herald|zeitung|magazine|service|world|online|wire)\b",
    re.I,
)


_HONORIFICS = frozenset("mr mrs ms dr prof sir".split())


def looks_like_outlet(text: str) -> bool:
    """``RFI``, ``NHK``, ``Radio Free Europe``: a newsroom's name, not a person's."""
    letters = "".join(ch for ch in text if ch.isalpha())
    if letters.casefold() in _HONORIFICS:
        return False  # "MR:", a label cut short, names a person
    if text.isupper() and len(text.split()) == 1 and (len(letters) <= 3 or not re.search(r"[AEIOUY]", letters)):
        return True
    return bool(_OUTLET_WORDS.search(text))


_NUMBERS = frozenset("one two three four five six seven eight nine ten #1 #2 #3 #4 1 2 3 4 5 i ii iii iv".split())
_OFFICE_TAIL = frozenset("of to for the at in on du de des la le".split())


def split_office(text: str) -> tuple[str, str | None]:
    """``Prime Minister Mark Rutte`` -> (``Prime Minister``, ``Mark Rutte``).

    The name is what follows the last word of the office, when it is one to
    four capitalised words; "Prime Minister of Estonia" names no one. An
    office with a domain ("President of Russia Vladimir Putin", "Director of
    the Variety Theatre Gennady Khazanov") ends where a name of two words or
    more begins.
    """
    words = text.split()
    last = max((i for i, word in enumerate(words) if ROLE_WORDS.search(word)), default=None)
    if last is None:
        return text, None
    rest = words[last + 1:]
    if rest and all(word.lower() in _NUMBERS for word in rest):
        return text, None  # "SENIOR ADMINISTRATION OFFICIAL ONE": the office, numbered
    if not rest or rest[0].lower() in _OFFICE_TAIL or len(rest) > 4 or not all(w[:1].isupper() for w in rest):
        named = office_and_name(text)
        if named is not None and named.role and len(named.name.split()) >= 2:
            return named.role, named.name
        return text, None
    return " ".join(words[: last + 1]), " ".join(rest)
