"""A title and a page name for a transcript whose metadata gives none."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from slugify import slugify as _slugify

from generator.model import Person

_SLUG_STOPWORDS = ("the", "a", "an", "of", "by", "and", "on", "at", "in", "to", "for", "with", "following", "after")
# Every page of the archive is by a Secretary General: the title of the office says nothing in a URL.
_OFFICE = re.compile(r"\b(?:NATO\s+)?(?:Deputy\s+)?Secretary[- ]General(?:\s+of\s+NATO)?\b", re.I)
_SLUG_CHARACTERS = 60


def title_from(event_type: str | None, principals: Sequence[Person], date: dt.date | None) -> str:
    """A plain title for a transcript whose page and metadata give none."""
    what = (event_type or "transcript").replace("-", " ").capitalize()
    who = f" with {principals[0].name}" if principals and principals[0].name else ""
    when = f", {date.isoformat()}" if date else ""
    return f"{what}{who}{when}"


def slug_for(title: str, date: dt.date | None, principals: Sequence[Person]) -> str:
    """``2022-01-12-press-conference-meeting-nato-russia-council``: date plus a short title."""
    short_title = _OFFICE.sub(" ", title)
    for person in principals:
        short_title = re.sub(rf"\b{re.escape(person.name)}\b", " ", short_title, flags=re.I)
    # Long enough that two events of one day rarely share it; a clash is an error, never an overwrite.
    short = _slugify(short_title, stopwords=_SLUG_STOPWORDS, max_length=_SLUG_CHARACTERS, word_boundary=True)
    short = short or "transcript"
    return f"{date.isoformat()}-{short}" if date else f"undated-{short}"
