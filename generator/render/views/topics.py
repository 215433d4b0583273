"""The views of the topic pages and of the topics index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from .. import paths
from .labels import TopicLabel, TranscriptLabel, UnitLabel


@dataclass(frozen=True)
class TopicCount:
    """A topic on the topics index: how many transcripts and questions it came up in."""

    topic: TopicLabel
    transcripts: int
    questions: int


@dataclass(frozen=True)
class TopicsPage:
    """Every published topic, grouped by kind, most recurring first."""

    kinds: tuple[tuple[str, tuple[TopicCount, ...]], ...]  # (kind's heading, its topics)
    topic_count: int

    path = paths.TOPICS


class Passage(NamedTuple):
    """The words of a question, answer or statement around a topic's mention, split around it."""

    in_answer: bool  # in the answer (or the statement), not in the question
    before: str
    words: str  # the mention, as said
    after: str


Quote = Passage | str
"""What a topic page quotes of a unit: the passage of the topic's mention, or, where the topic
came without words to point at (a discovered phrase), the start of the answer or statement."""


@dataclass(frozen=True)
class TopicListing:
    """What a topic page lists: its transcripts with their mentions, then its questions and
    statements, newest first, each with what it quotes of them."""

    transcripts: tuple[tuple[TranscriptLabel, int], ...]
    units: tuple[UnitLabel, ...]
    quotes: tuple[Quote, ...]

    @property
    def question_count(self) -> int:
        return sum(1 for unit in self.units if not unit.is_statement)


@dataclass(frozen=True)
class YearTally:
    """A year of a big topic, as its main page links to it."""

    year: int | None
    questions: int
    transcripts: int


@dataclass(frozen=True)
class TopicPage:
    """A topic's main page: the listing itself, or (for a big topic) a link per year to it."""

    topic: TopicLabel
    description: str
    parent: TopicLabel | None
    children: tuple[TopicLabel, ...]
    transcripts: int
    questions: int
    first_date: dt.date | None
    last_date: dt.date | None
    per_year: tuple[tuple[int, int], ...]  # (year, times it came up); undated left out
    listing: TopicListing | None  # None: the topic has year pages
    years: tuple[YearTally, ...] = ()

    @property
    def path(self) -> str:
        return paths.topic(self.topic.slug)


@dataclass(frozen=True)
class TopicYearPage:
    """A big topic's questions in one year (None: in undated transcripts)."""

    topic: TopicLabel
    description: str
    year: int | None
    listing: TopicListing

    @property
    def path(self) -> str:
        return paths.topic_year(self.topic.slug, self.year)
