"""The metadata schema: the fields a transcript's metadata may give, and each one's check.

:class:`Metadata` holds the validated facts. :data:`FIELDS` is the table
that owns the schema and its key order: each known field with the function
that turns the value read from YAML into the field's value, or raises
ValueError saying what to write instead. :data:`ALIASES` are other names a
field is read under. Reading the YAML, and warning of what cannot be read,
is :mod:`generator.reading.metadata`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.model import ExtraValue
from generator.reading.decode import normalise_text

EVENT_TYPES = (
    "press-conference",
    "joint-press-conference",
    "press-point",
    "doorstep",
    "statement",
    "speech",
    "remarks",
    "interview",
    "qa-session",
    "background-briefing",
    "briefing",
    "meeting",
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Metadata:
    """Validated facts about one transcript; ``None`` where not given."""

    title: str | None = None
    date: dt.date | None = None
    location: str | None = None
    source_url: str | None = None
    event_type: str | None = None
    language: str | None = None
    slug: str | None = None
    speakers: tuple[str, ...] = ()
    format: str | None = None
    notes: tuple[str, ...] = ()
    """Editorial notes, each shown on the page under its facts ("the date is the publication date")."""
    extra: tuple[tuple[str, ExtraValue], ...] = ()
    """Fields not in :data:`FIELDS`, sorted by name, with their values as given."""
    dropped: tuple[str, ...] = ()
    """Known fields given with a value that could not be read, so left out, in file order."""


def _text(value: Any) -> str:
    # As transcript text is: a "\\_" escape (no-break space) or a folded line end is one plain space.
    text = " ".join(normalise_text(value).split()) if isinstance(value, str) else ""
    if not text:
        raise ValueError("must be non-empty text")
    return text


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:  # a quoted datetime: '2021-01-20 19:06:00-05:00'
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise ValueError("must be a date written as YYYY-MM-DD, e.g. 2015-11-24")


def _url(value: Any) -> str:
    text = _text(value)
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", text):
        raise ValueError("must be a full http(s) address, e.g. https://www.nato.int/...")
    return text


def _event_type(value: Any) -> str:
    text = _text(value).lower().replace(" ", "-").replace("_", "-")
    if text not in EVENT_TYPES:
        raise ValueError(f"must be one of: {', '.join(EVENT_TYPES)}")
    return text


def _language(value: Any) -> str:
    text = _text(value)
    if not _LANGUAGE.match(text):
        raise ValueError("must be a language code such as en, fr or pt-BR")
    return text


def _slug(value: Any) -> str:
    text = _text(value)
    if not _SLUG.match(text):
        # Also what keeps a slug like "../../etc" from leaving the output folder.
        raise ValueError("must be lower-case letters, digits and single hyphens only, e.g. 2015-11-24-nac-statement")
    return text


def _texts(value: Any, wanted: str) -> tuple[str, ...]:
    """One text, or a non-empty list of texts; else ValueError("must be ``wanted``")."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        raise ValueError(f"must be {wanted}")
    return tuple(_text(item) for item in value)


def _speakers(value: Any) -> tuple[str, ...]:
    return _texts(value, "a list of names")


def _notes(value: Any) -> tuple[str, ...]:
    return _texts(value, "a note as text, or a list of notes")


def _format(value: Any) -> str:
    text = _text(value).lower()
    if text not in ("text", "markdown"):
        raise ValueError("must be text or markdown")
    return text


FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "date": _date,
    "location": _text,
    "source_url": _url,
    "event_type": _event_type,
    "language": _language,
    "slug": _slug,
    "speakers": _speakers,
    "format": _format,
    "notes": _notes,
}
# Other names for a known field, read as it only when the metadata does not
# give that field and the value passes its check (see generator.reading.metadata).
ALIASES: dict[str, str] = {"permalink": "source_url"}
