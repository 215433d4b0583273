"""The parsed model of one transcript: who said what, in order.

Every value here is frozen. Later stages (enrichment, rendering) read these
objects and build new ones; nothing downstream mutates a parse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeAlias, Union

SCHEMA = "pressroom.transcript/1"


class TurnKind(str, Enum):
    """What a turn is within the event."""

    STATEMENT = "statement"  # an official speaking before questions start
    QUESTION = "question"
    ANSWER = "answer"
    MODERATOR = "moderator"  # calls on outlets, opens or closes the event
    NOTE = "note"  # a stage direction: "(Laughter)", "[Interpretation]"


@dataclass(frozen=True)
class Person:
    """A canonical person, as the people directory or a label names them."""

    id: str
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Speaker:
    """Who spoke a turn.

    ``label`` is the label exactly as printed (without the colon that ends
    it), or ``None`` for text that carried no label, such as an opening
    statement. ``id`` and ``name`` are ``None`` when the label names nobody
    ("Q:", "EKHO MOSKVY:").
    """

    id: str | None
    name: str | None
    role: str | None
    outlet: str | None
    label: str | None


@dataclass(frozen=True)
class Turn:
    id: str
    kind: TurnKind
    speaker: Speaker
    paragraphs: tuple[str, ...]
    line: int  # 1-based line in the raw file where the turn starts


@dataclass(frozen=True)
class Question:
    number: int
    anchor: str
    turn: str
    asker: str | None
    outlet: str | None
    answers: tuple[str, ...]
    follow_up_of: int | None


@dataclass(frozen=True)
class RemovedLine:
    """A raw line the cleaner dropped, and the rule that dropped it."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class Finding:
    """Something the parser could not fully understand, for the build report.

    ``file`` names the file ``line`` is in when that is not the transcript
    itself: its metadata sidecar (``NAME.meta.yaml``).
    """

    line: int | None
    code: str
    message: str
    file: str | None = None


# The value of a metadata field Pressroom does not know, kept for the JSON:
# YAML's scalars as JSON's (dates as ISO text), lists as tuples, mappings as
# ExtraMaps, so that a Transcript stays immutable and hashable all the way down.
ExtraValue: TypeAlias = Union[str, int, float, bool, None, tuple["ExtraValue", ...], "ExtraMap"]


@dataclass(frozen=True)
class ExtraMap:
    """A mapping inside an unknown metadata field's value: its (key, value) pairs as written."""

    items: tuple[tuple[str, ExtraValue], ...]


@dataclass(frozen=True)
class Transcript:
    """One parsed transcript."""

    source: str  # path of the raw file, relative to the content folder
    slug: str
    title: str
    event_type: str | None
    date: dt.date | None
    location: str | None
    source_url: str | None
    language: str
    principal_speakers: tuple[Person, ...]
    turns: tuple[Turn, ...]
    questions: tuple[Question, ...]
    removed: tuple[RemovedLine, ...]
    findings: tuple[Finding, ...] = ()
    facts: tuple[tuple[str, str], ...] = field(default=())
    """Facts the cleaner lifted from chrome lines, e.g. ("last_updated", "...")."""
    mended_lines: tuple[int, ...] = field(default=())
    """Raw lines whose paragraph was joined to the one before (a page-break split)."""
    date_end: dt.date | None = None
    """The last day of the event, when the page printed a range of days (``date`` is the first)."""
    from_text: tuple[str, ...] = field(default=())
    """The metadata fields that were read from the text because the metadata did not give them."""
    extra: tuple[tuple[str, ExtraValue], ...] = field(default=())
    """Metadata fields Pressroom does not know, by name (sorted), with their values as given."""
    dropped: tuple[str, ...] = field(default=())
    """Metadata fields given with a value that could not be read, so left out (each also a finding)."""
    notes: tuple[str, ...] = field(default=())
    """Editorial notes from the metadata ("the date is the publication date on nato.int"), as written."""

    def turn(self, turn_id: str) -> Turn:
        """The turn with this id."""
        for turn in self.turns:
            if turn.id == turn_id:
                return turn
        raise KeyError(turn_id)
