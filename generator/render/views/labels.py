"""Labels: a topic, a transcript, a question as a link to it shows it.

A transcript and a question are named tuples: made once per build, shared
by every view that shows them, and hashed once each for page keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class TopicLabel:
    """A topic as a link to it shows it."""

    slug: str
    name: str


class TranscriptLabel(NamedTuple):
    """A transcript as a link to it shows it."""

    slug: str
    title: str
    date: dt.date | None


class UnitLabel(NamedTuple):
    """A question (or an opening statement) as a link to it shows it."""

    transcript: TranscriptLabel
    anchor: str
    is_statement: bool
    number: int | None  # None: not a question the transcript numbers
    asker: str | None
    outlet: str | None
    question: str  # the start of the question, as an excerpt shows it
