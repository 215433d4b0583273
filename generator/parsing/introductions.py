"""Journalists who name themselves as they ask: "Question: Ksenia Sokolova, Snob magazine."

Unnamed question labels ("Q:", "Question:") are often followed by the
asker's own introduction, in a few shapes the archives share:

* ``Roman Sobolev, NTV.`` and ``Vesti FM, Valery Sanfirov.``;
* ``Veronika Romanenkova from ITAR-TASS.``, ``Nick from DPA.``;
* ``I am Alexander Kolesnichenko from Argumenty i Fakty.``, ``My name is ...``;
* after a greeting or an address: ``Good afternoon, Mr President. ...``.

Only the first sentences are read, and a name must look like a person's
(capitalised words, no office) and an outlet like a newsroom's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.labels.recognisers import ROLE_WORDS

_NAME = r"[A-Z][\w'’\-]+(?:\s+(?:de|van|von|da|di|al|el|[A-Z][\w'’\-]+)){0,3}"
_OUTLET = r"(?:the\s+)?[A-Z0-9«\"“][^.!?;:]{0,60}?"
_GREETING = (
    r"(?:(?:(?i:yeah|yes|hi|hello|good (?:morning|afternoon|evening)|thank you(?: very much)?|thanks)"
    r"(?:,?\s+(?i:mr\.?|madam|ms\.?)?\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)?[,.!]\s*)"
    r"|(?i:(?:mr\.?|madam) (?:president|secretary(?:[- ]general)?|prime minister)|secretary[- ]general|sir)[,.!]\s*)*"
)
_SHAPES = (
    re.compile(rf"^{_GREETING}(?i:my name is|i am|i['’]m|this is|it['’]s)\s+(?P<name>{_NAME})(?:,\s*|\s+(?:from|with|of)\s+)"
               rf"(?P<outlet>{_OUTLET})[.,!]"),
    re.compile(rf"^{_GREETING}(?P<name>{_NAME})\s+(?:from|with)\s+(?P<outlet>{_OUTLET})[.,!]"),
    # With a comma only, a name of one word could be anyone addressed ("Hi, Jen."): two words at least.
    re.compile(rf"^{_GREETING}(?P<name>[A-Z][\w'’\-]+\s+{_NAME}),\s+(?P<outlet>{_OUTLET})\."),
    re.compile(rf"^{_GREETING}(?:from\s+)?(?P<outlet>{_OUTLET}),\s+(?P<name>[A-Z][\w'’\-]+\s+{_NAME})\."),
)
_NEWSROOM = re.compile(
    r"\b(?:radio|tv|television|t[ée]l[ée]vision|news|agency|press|presse|times|post|journal|daily|gazette|"
    r"channel|broadcasting|media|network|tribune|herald|zeitung|magazine|newspaper|service|online|wire|"
    r"pravda|izvestia|kommersant|vedomosti|fm|info)\b",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"^(?:mr|mrs|ms|dr|madam|sir|colleagues?|friends|ladies|gentlemen|hi|hello|yes|yeah|thanks?|good|okay|so|well"
    r"|i['’]m|it['’]s|this)\b",
    re.I,
)


@dataclass(frozen=True)
class Introduction:
    """Who a question's first sentences say is asking, and for which newsroom."""

    name: str | None
    outlet: str | None


def introduction(text: str, known_outlet: Callable[[str], str | None]) -> Introduction | None:
    """The asker and outlet a question opens with, or None.

    ``known_outlet`` gives the canonical name of an outlet the outlets file
    knows ("ITAR-TASS" -> "TASS"), else None.
    """
    opening = text[:240]
    for shape in _SHAPES:
        match = shape.match(opening)
        if match is None:
            continue
        name, outlet = match.group("name").strip(), match.group("outlet").strip(" ,«»\"“”")
        outlet = outlet[4:] if outlet.startswith("the ") else outlet
        if not _person_like(name):
            continue
        canonical = known_outlet(outlet)
        if canonical is None and not _newsroom_like(outlet):
            continue
        return Introduction(name, canonical or outlet)
    return None


def _person_like(name: str) -> bool:
    return not ROLE_WORDS.search(name) and not _NOT_A_NAME.match(name) and len(name.split()) <= 4


def _newsroom_like(outlet: str) -> bool:
    """``NTV``, ``Snob magazine``, ``Argumenty i Fakty``: an acronym, newsroom words, or a short proper name."""
    words = outlet.split()
    if not words or len(words) > 6 or ROLE_WORDS.search(outlet):
        return False
    if _NEWSROOM.search(outlet) or any(w.isupper() and len(w) >= 2 for w in words):
        return True
    proper = [w for w in words if w[:1].isupper()]
    return bool(proper) and all(len(w) >= 2 for w in proper) and all(
        w[:1].isupper() or w in ("i", "and", "of", "de", "la", "the") for w in words)
